#!/bin/sh
# run.sh -- golden CLI tests.  Each directory under tests/golden/cases/
# is one test:
#   cmd              the arguments to sakip, one line (run in that directory)
#   stdin            optional standard input
#   stdin.sh         optional: a script whose output is the standard input
#                    (for large or hostile inputs not worth storing)
#   expected.stdout  expected standard output
#   expected.stderr  expected standard error
#   expected.status  expected exit status
# With REGEN=1 the expected files are rewritten from the actual output;
# review every such change by hand before committing it.
# The directories of this machine that an output may name (the folders an
# impor searched) are written as $SAKIP_PATH and $(pkgdatadir) before the
# comparison; make check sets both.
set -u
: "${SAKIP:?SAKIP must name the sakip binary}"
: "${srcdir:=.}"
cases_dir="$srcdir/tests/golden/cases"
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-golden.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
sed_literal() { printf '%s\n' "$1" | sed 's,[]\[|.*^$/],\\&,g'; }
paths=
[ -n "${SAKIP_PATH:-}" ] && paths="s|$(sed_literal "$SAKIP_PATH")|\$SAKIP_PATH|g;"
[ -n "${pkgdatadir:-}" ] && paths="${paths}s|$(sed_literal "$pkgdatadir")|\$(pkgdatadir)|g;"

pass=0
fail=0
for dir in "$cases_dir"/*/; do
    name=$(basename "$dir")
    [ -f "$dir/cmd" ] || continue
    # ONLY=glob limits a run (and a REGEN) to matching cases
    case "$name" in ${ONLY:-*}) ;; *) continue ;; esac
    dir=$(cd "$dir" && pwd)
    args=$(cat "$dir/cmd")
    input=/dev/null
    [ -f "$dir/stdin" ] && input="$dir/stdin"
    if [ -f "$dir/stdin.sh" ]; then
        (cd "$dir" && sh ./stdin.sh) >"$work/$name.in"
        input="$work/$name.in"
    fi
    (
        cd "$dir" || exit 99
        # shellcheck disable=SC2086
        eval "\"\$SAKIP\" $args" <"$input" >"$work/$name.stdout" 2>"$work/$name.stderr"
        echo $? >"$work/$name.status"
    )
    [ -n "$paths" ] && sed -i "$paths" "$work/$name.stdout" "$work/$name.stderr"
    if [ "${REGEN:-0}" = 1 ]; then
        cp "$work/$name.stdout" "$dir/expected.stdout"
        cp "$work/$name.stderr" "$dir/expected.stderr"
        cp "$work/$name.status" "$dir/expected.status"
    fi
    ok=1
    for part in stdout stderr status; do
        if ! diff -u "$dir/expected.$part" "$work/$name.$part" >"$work/$name.$part.diff" 2>&1; then
            ok=0
            echo "FAIL: $name ($part differs)"
            head -40 "$work/$name.$part.diff"
        fi
    done
    if [ $ok = 1 ]; then
        pass=$((pass + 1))
        echo "PASS: $name"
    else
        fail=$((fail + 1))
    fi
done
echo "golden: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
