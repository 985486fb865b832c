#!/bin/sh
# atomic.sh -- every file sakip writes goes to a temporary file in the
# same directory and is renamed over the target only when complete: on
# any error (permission denied, a full filesystem, being killed in the
# middle) the original is intact and no partial file is left.
set -u
: "${SAKIP:?}" "${srcdir:=.}"
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-atomic.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
ex="$srcdir/examples/ambulu-2024.sakip"
export SAKIP_PATH="${SAKIP_PATH:-$srcdir}"

# a complete write replaces the file and keeps no temporary file
echo "ORIGINAL" >"$work/out.txt"
"$SAKIP" eval --output="$work/out.txt" "$ex" 2>/dev/null
grep -q 'Tabel 3.2' "$work/out.txt" && ok "--output replaces the file" || bad "--output replaces the file"
[ -z "$(ls -A "$work" | grep tmp)" ] && ok "no temporary file after success" || bad "no temporary file after success"

# permission denied: run as an unprivileged user when we are root
as_user=""
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null 2>&1; then
        as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
    fi
fi
mkdir "$work/ro" && echo "ORIGINAL" >"$work/ro/out.txt" && chmod 755 "$work" && chmod 555 "$work/ro" && chmod 644 "$work/ro/out.txt"
if [ "$(id -u)" != 0 ] || [ -n "$as_user" ]; then
    $as_user "$SAKIP" eval --output="$work/ro/out.txt" "$ex" 2>"$work/err.txt"; st=$?
    if [ $st = 2 ] && [ "$(cat "$work/ro/out.txt")" = ORIGINAL ] && grep -q "$work/ro/out.txt" "$work/err.txt"; then
        ok "read-only directory: exit 2, original intact, the message names the file"
    else
        bad "read-only directory (status $st): $(cat "$work/err.txt")"
    fi
    $as_user "$SAKIP" fmt --write "$work/ro/out.txt" 2>/dev/null
    [ "$(cat "$work/ro/out.txt")" = ORIGINAL ] && ok "fmt --write in a read-only directory keeps the file" || bad "fmt --write read-only"
else
    echo "SKIP: read-only directory (root without setpriv)"
fi
chmod 755 "$work/ro"

# a full filesystem: a file size limit makes the write fail part-way
echo "ORIGINAL" >"$work/full.html"
(
    trap '' XFSZ
    ulimit -f 16          # 16 blocks: far less than the report
    "$SAKIP" eval --format=html --output="$work/full.html" "$ex" 2>"$work/err2.txt"
    echo $? >"$work/st2"
)
st=$(cat "$work/st2")
if [ "$st" = 2 ] && [ "$(cat "$work/full.html")" = ORIGINAL ] && [ -z "$(ls -A "$work" | grep '\.tmp')" ]; then
    ok "full filesystem: exit 2, original intact, temporary file removed"
else
    bad "full filesystem (status $st): $(cat "$work/err2.txt"); $(ls -A "$work")"
fi

# killed in the middle of a large write: the original is intact
echo "ORIGINAL" >"$work/big.json"
set --
i=0
while [ $i -lt 300 ]; do set -- "$@" "$ex"; i=$((i + 1)); done
"$SAKIP" eval --format=json --output="$work/big.json" "$@" 2>/dev/null &
pid=$!
sleep 0.3
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
if [ "$(cat "$work/big.json")" = ORIGINAL ]; then
    ok "killed during a large write: original intact"
else
    # it may have finished before the kill: then the file must be complete JSON
    # (without python3: the document ends with its closing brace)
    if if command -v python3 >/dev/null 2>&1; then
        python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/big.json" 2>/dev/null
    else
        [ "$(tail -c 2 "$work/big.json")" = "}" ]
    fi; then
        ok "the write finished before the kill and the file is complete"
    else
        bad "killed during a large write: the target is neither the original nor complete"
    fi
fi

echo "atomic: $pass passed, $fail failed"
[ $fail -eq 0 ]
