#!/bin/sh
# rss.sh -- peak memory of one file (issue #27, item 7; doc/limits.md):
# check within 16 MiB + 10 times the file, eval in every format that
# writes a stream (json, and the tables: text, csv, md, html) within
# 16 MiB + 20 times, on a 6 MB file (about 770 sasaran of 50 indikator),
# through bench/rss (which measures larger sizes too).  SAKIP names the
# program.
set -u
: "${SAKIP:?}"
: "${srcdir:=.}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed: skipped"; exit 77; }
# a sanitizer's shadow memory and quarantine are no measure of sakip's own
if grep -q -a -e __asan_init -e __msan_init -e __tsan_init "$SAKIP" 2>/dev/null; then
    echo "a sanitizer build: memory not measured (skipped)"
    exit 77
fi
python3 "$srcdir/bench/rss" --sakip "$SAKIP" --sizes 6 --commands check,json,text,csv,md,html --strict
