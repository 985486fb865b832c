#!/bin/sh
# check-recap.sh -- the kabupaten recap of examples/kabupaten (Ambulu and
# two invented kecamatan) agrees with an independent recomputation, and
# each invented file reports exactly its two deliberate wrong figures.
set -u
: "${SAKIP:?}" "${srcdir:=.}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed (Debian package python3): skipped"; exit 77; }
pass=0
fail=0
cd "$srcdir" || exit 99
if python3 tests/kabupaten/expected_recap.py --cocokkan "$SAKIP"; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
for f in examples/kabupaten/wuluhan-2024.sakip examples/kabupaten/puger-2024.sakip; do
    n=$("$SAKIP" check "$f" 2>&1 | grep -c 'error: claim does not hold')
    other=$("$SAKIP" check "$f" 2>&1 | grep ': error:' | grep -vc 'claim does not hold')
    if [ "$n" = 2 ] && [ "$other" = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $f: $n failing claims, $other other errors"; fi
done
# the text recap groups by induk and totals it
out=$("$SAKIP" eval examples/kabupaten/*.sakip 2>/dev/null)
if echo "$out" | grep -q 'Jumlah Kabupaten Jember  3 instansi'; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: no group total row"; fi
echo "kabupaten: $pass passed, $fail failed"
[ $fail -eq 0 ]
