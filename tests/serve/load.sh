#!/bin/sh
# load.sh -- a short load test of `sakip serve` (bench/serve-load): 20
# clients, 600 requests over the 31-file corpus of bench/gen.py, on
# loopback, bounded in time; no request may fail and no what-if may show
# another client's.  The full run (200 clients, 10 000 requests, the
# latency targets) is part of `make bench`.
set -u
: "${SAKIP:?}" "${srcdir:=.}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed: skipped"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-load.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
python3 "$srcdir/bench/gen.py" --sizes 31 "$work/corpus" >/dev/null || exit 1
timeout 120 python3 "$srcdir/bench/serve-load" -c 20 -n 600 --max-seconds 90 "$work/corpus/31"
st=$?
[ $st -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $st
