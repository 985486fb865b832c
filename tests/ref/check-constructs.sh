#!/bin/sh
# check-constructs.sh -- the capaian, range and totals constructs of
# sakip(5) (issue #19): every figure sakip computes for their example
# files (golden cases) equals the independent recomputation of
# tests/ref/constructs_reference.py.
set -u
: "${SAKIP:?}" "${srcdir:=.}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed: skipped"; exit 77; }
python3 "$srcdir/tests/ref/constructs_reference.py" --cocokkan "$SAKIP" "$srcdir"
