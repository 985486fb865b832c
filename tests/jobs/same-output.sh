#!/bin/sh
# same-output.sh -- `sakip check -j N` gives, byte for byte, the standard
# output, standard error and exit status of `sakip check -j 1`: on every
# input of the golden cases (files with errors of every family, failing
# claims, warnings), with an unreadable file among them, as text and as
# JSON, with 2, 3 and more workers than files.
set -u
: "${SAKIP:?SAKIP must name the sakip binary}"
: "${srcdir:=.}"
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-jobs.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
pass=0
fail=0

cases=$(cd "$srcdir/tests/golden/cases" && pwd)
# the inputs, in a fixed order, with a missing file in the middle
set --
n=0
for f in "$cases"/*/input.sakip; do
    set -- "$@" "$f"
    n=$((n + 1))
    [ $n = 20 ] && set -- "$@" "$work/tidak-ada.sakip"
done
[ $n -ge 20 ] || { echo "FAIL: only $n golden inputs found"; exit 1; }

run() {   # run NAME ARGS...: sakip's stdout, stderr and status into $work/NAME.*
    name=$1
    shift
    "$SAKIP" "$@" >"$work/$name.out" 2>"$work/$name.err"
    echo $? >"$work/$name.status"
}
same() {  # same A B: the two runs gave the same three outputs
    for part in out err status; do
        if ! cmp -s "$work/$1.$part" "$work/$2.$part"; then
            echo "FAIL: $2 differs from $1 ($part)"
            diff "$work/$1.$part" "$work/$2.$part" | head -n 10
            fail=$((fail + 1))
            return
        fi
    done
    echo "PASS: $2 = $1"
    pass=$((pass + 1))
}

for format in text json; do
    run "$format-1" check --format=$format -j 1 "$@"
    for j in 2 3 64; do
        run "$format-$j" check --format=$format -j $j "$@"
        same "$format-1" "$format-$j"
    done
done
run werror-1 check --werror --no-warn=W0607 "$@"
run werror-2 check --werror --no-warn=W0607 --jobs=2 "$@"
same werror-1 werror-2
# the run has what it is meant to have: errors, the missing file, status 2
if [ "$(cat "$work/text-1.status")" = 2 ] && grep -q 'tidak-ada.sakip' "$work/text-1.err" &&
        [ "$(grep -c ': error: ' "$work/text-1.err")" -gt 20 ]; then
    echo "PASS: the inputs have errors and an unreadable file"
    pass=$((pass + 1))
else
    echo "FAIL: the inputs do not give what this test needs"
    fail=$((fail + 1))
fi
echo "jobs: $pass passed, $fail failed"
[ $fail -eq 0 ]
