#!/bin/sh
# fuzz-sheet.sh [SECONDS] -- builds fuzz/fuzz_sheet.c (the CSV and XLSX
# readers of `sakip import`, and the map reader) with libFuzzer, ASan and
# UBSan into fuzz/build/, seeds it with the test fixtures
# (tests/import/make-fixtures.py) and the shipped maps, and runs it for
# SECONDS (default 60) on one core.  Run from a configured tree (config.h).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-60}
out=${FUZZ_BUILD:-$top/fuzz/build}
mkdir -p "$out/sheet-corpus" "$out/sheet-artifacts"
cc=${FUZZ_CC:-clang}
cfg=$(pwd)
[ -f "$cfg/config.h" ] || cfg=$top
$cc -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -D_GNU_SOURCE \
    -I"$cfg" -iquote "$top/src" \
    "$top/fuzz/fuzz_sheet.c" "$top/src/sheet.c" "$top/src/peta.c" "$top/src/util.c" "$top/src/i18n.c" \
    "$top/src/num.c" "$top/src/numalloc.c" \
    $(pkg-config --cflags --libs libzip expat) -lcsv -lgmp -o "$out/fuzz_sheet"
python3 "$top/tests/import/make-fixtures.py" "$out/sheet-fixtures" >/dev/null
find "$out/sheet-fixtures" -type f -size -300k -exec cp {} "$out/sheet-corpus/" \;
cp "$top"/examples/peta/*.peta "$top"/tests/import/*.peta "$out/sheet-corpus/"
nice "$out/fuzz_sheet" -max_total_time="$secs" -max_len=65536 -timeout=5 -rss_limit_mb=2048 \
    -artifact_prefix="$out/sheet-artifacts/" "$out/sheet-corpus"
