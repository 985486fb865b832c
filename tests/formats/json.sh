#!/bin/sh
# json.sh -- `sakip eval --format=json` against doc/eval.schema.json: the
# output for every file under examples/ and tests/formats/, a run over all
# of them together (the "rekap" key), and the exact figures of the Ambulu
# example.  The validator is json_check.py (standard library only).
set -u
: "${SAKIP:?}" "${srcdir:=.}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed: skipped"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-json.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
here="$srcdir/tests/formats"
schema="$srcdir/doc/eval.schema.json"
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
checker() {
    python3 "$here/json_check.py" "$schema" "$@" >"$work/check.out" 2>&1
    grep -E '^(PASS|FAIL)' "$work/check.out"
    p=$(grep -c '^PASS' "$work/check.out")
    f=$(grep -c '^FAIL' "$work/check.out")
    grep -q '^json-check:' "$work/check.out" || { cat "$work/check.out"; f=$((f + 1)); }
    pass=$((pass + p))
    fail=$((fail + f))
}

python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$schema" && ok "the schema is JSON" || bad "the schema is JSON"
checker selftest

find "$srcdir/examples" "$here" -name '*.sakip' | LC_ALL=C sort >"$work/files"
n=0
while IFS= read -r f; do
    n=$((n + 1))
    name=${f#"$srcdir/"}
    "$SAKIP" eval --format=json "$f" >"$work/out.json" 2>"$work/err"
    st=$?
    if [ $st -eq 0 ]; then ok "$name: eval --format=json exits 0"; else bad "$name: eval --format=json exits 0 (status $st)"; head -5 "$work/err"; fi
    checker validate "$work/out.json" "$name"
done <"$work/files"
[ $n -ge 2 ] && ok "$n example files" || bad "at least two example files ($n)"

"$SAKIP" eval --format=json "$srcdir/examples/ambulu-2024.sakip" >"$work/ambulu.json" 2>/dev/null
checker ambulu "$work/ambulu.json"
"$SAKIP" eval --tahun=2023 --format=json "$srcdir/examples/ambulu-2024.sakip" >"$work/ambulu-2023.json" 2>/dev/null
checker validate "$work/ambulu-2023.json" "ambulu --tahun=2023"

# a what-if output: valid, and marked with the top-level "andai" list (sakip(5), WHAT-IF OUTPUT)
"$SAKIP" eval --format=json --andai 'realisasi TRANTIB = 11' --andai 'anggaran SK4_1_1 = Rp 1.000' \
    "$srcdir/examples/ambulu-2024.sakip" >"$work/andai.json" 2>/dev/null
checker validate "$work/andai.json" "ambulu --andai"
if python3 -c 'import json, sys; d = json.load(open(sys.argv[1]))
sys.exit(0 if d.get("andai") == ["andai realisasi TRANTIB 2024 = 11", "andai anggaran SK4_1_1 = Rp 1.000"] else 1)' \
    "$work/andai.json"; then ok "--andai: a top-level \"andai\" list with each what-if and its year"
else bad "--andai: a top-level \"andai\" list with each what-if and its year"; fi
python3 -c 'import json, sys; sys.exit("andai" in json.load(open(sys.argv[1])))' "$work/ambulu.json" &&
    ok "no \"andai\" in the real report" || bad "no \"andai\" in the real report"

# several files together: "rekap"; the symlinked copy under examples/kabupaten is left out
grep -v 'kabupaten/ambulu-2024.sakip$' "$work/files" >"$work/several"
m=$(wc -l <"$work/several" | tr -d ' ')
# shellcheck disable=SC2046
"$SAKIP" eval --format=json $(cat "$work/several") >"$work/several.json" 2>"$work/err"
st=$?
[ $st -eq 0 ] && ok "$m files together: exit 0" || { bad "$m files together: exit 0 (status $st)"; head -5 "$work/err"; }
checker several "$work/several.json" "$m"

echo "json: $pass passed, $fail failed"
[ $fail -eq 0 ]
