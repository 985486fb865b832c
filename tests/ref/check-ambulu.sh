#!/bin/sh
# check-ambulu.sh -- every figure sakip computes for the Ambulu example
# must equal the independent recomputation of tests/ref/ambulu_reference.py.
set -u
: "${SAKIP:?}" "${srcdir:=.}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed (Debian package python3): skipped"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-ref.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
"$SAKIP" eval --format=json "$srcdir/examples/ambulu-2024.sakip" >"$work/sakip.json" 2>"$work/stderr" || {
    echo "sakip eval failed:"; cat "$work/stderr"; exit 1; }
python3 "$srcdir/tests/ref/ambulu_reference.py" --json >"$work/ref.json" || exit 1
python3 "$srcdir/tests/ref/compare.py" "$work/sakip.json" "$work/ref.json"
