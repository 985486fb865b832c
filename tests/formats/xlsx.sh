#!/bin/sh
# xlsx.sh -- `sakip eval --format=xlsx`: the Ambulu workbook and a two-file
# workbook checked cell by cell against the Markdown rendering of the same
# run (xlsx_check.py), plus the atomic write: a failed write leaves the
# target as it was and no temporary file behind.
set -u
: "${SAKIP:?}" "${srcdir:=.}"
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-xlsx.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
# A sakip built --without-xlsx must refuse the format clearly (exit 2,
# nothing written); the workbook tests are then skipped.
if ! "$SAKIP" --version | grep -q '^Features:.* +xlsx'; then
    "$SAKIP" eval --format=xlsx --output="$work/no.xlsx" "$srcdir/examples/ambulu-2024.sakip" 2>"$work/err"
    st=$?
    if [ $st = 2 ] && grep -q '^sakip eval: error: .*built without XLSX support' "$work/err" && [ ! -e "$work/no.xlsx" ]; then
        echo "PASS: without XLSX support --format=xlsx says so and exits 2"
        echo "sakip built without XLSX support (configure --without-xlsx): the workbook tests skipped"
        exit 77
    fi
    echo "FAIL: without XLSX support --format=xlsx exits $st, writes $(ls -A "$work" | grep -v '^err$') and says:"
    cat "$work/err"
    exit 1
fi
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed (Debian package python3): skipped"; exit 77; }
here="$srcdir/tests/formats"
ambulu="$srcdir/examples/ambulu-2024.sakip"
kota="$here/kota-contoh.sakip"
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
# runs xlsx_check.py and adds its counts
checker() {
    python3 "$here/xlsx_check.py" "$@" >"$work/check.out" 2>&1
    grep -E '^(PASS|FAIL)' "$work/check.out"
    p=$(grep -c '^PASS' "$work/check.out")
    f=$(grep -c '^FAIL' "$work/check.out")
    grep -q '^xlsx-check:' "$work/check.out" || { cat "$work/check.out"; f=$((f + 1)); }
    pass=$((pass + p))
    fail=$((fail + f))
}
notemp() { ls -A "$1" | grep -q '\.tmp' && return 1; return 0; }

# ---- a what-if workbook is marked on every sheet (sakip(5), WHAT-IF OUTPUT) ----
if "$SAKIP" eval --format=xlsx --andai 'realisasi TRANTIB = 11' --output="$work/andai.xlsx" "$ambulu" 2>"$work/err"; then
    ok "--andai: eval --format=xlsx exits 0"
else
    bad "--andai: eval --format=xlsx exits 0"; cat "$work/err"
fi
checker simulasi "$work/andai.xlsx" 'andai realisasi TRANTIB 2024 = 11'

# ---- formula-like text is escaped, numbers are not ----
"$SAKIP" eval --format=xlsx --output="$work/escaped.xlsx" "$srcdir/tests/golden/cases/csv-formula-escaped/input.sakip" \
    2>"$work/err" || { bad "escaped: exits 0"; cat "$work/err"; }
checker escaped "$work/escaped.xlsx"

# ---- one file ----
mkdir "$work/one"
if "$SAKIP" eval --format=xlsx --output="$work/one/ambulu.xlsx" "$ambulu" 2>"$work/err"; then
    ok "eval --format=xlsx exits 0"
else
    bad "eval --format=xlsx exits 0"; cat "$work/err"
fi
[ -s "$work/one/ambulu.xlsx" ] && ok "workbook written" || bad "workbook written"
notemp "$work/one" && ok "no temporary file left" || bad "no temporary file left"
[ "$(ls -A "$work/one")" = ambulu.xlsx ] &&
    ok "only the target in the output directory" || bad "only the target in the output directory"
"$SAKIP" eval --format=md "$ambulu" >"$work/ambulu.md" 2>/dev/null
checker "$work/one/ambulu.xlsx" "$work/ambulu.md" single

# ---- two files: Instansi column, union of skala bands, Rekap sheet ----
if "$SAKIP" eval --format=xlsx --output="$work/two.xlsx" "$ambulu" "$kota" 2>"$work/err"; then
    ok "two files: exits 0"
else
    bad "two files: exits 0"; cat "$work/err"
fi
"$SAKIP" eval --format=md "$ambulu" "$kota" >"$work/two.md" 2>/dev/null
checker "$work/two.xlsx" "$work/two.md" multi

# ---- atomic write ----
"$SAKIP" eval --format=xlsx "$ambulu" >/dev/null 2>"$work/err"
[ $? -eq 2 ] && grep -q -- '--output' "$work/err" && ok "no --output: usage error" || bad "no --output: usage error"
"$SAKIP" eval --format=xlsx --output="$work/missing/dir/a.xlsx" "$ambulu" >/dev/null 2>"$work/err"
[ $? -eq 2 ] && grep -q "missing/dir/a.xlsx" "$work/err" && ok "unwritable directory: error naming the file" ||
    bad "unwritable directory: error naming the file"
mkdir "$work/full"
echo "old workbook" >"$work/full/a.xlsx"
# a file-size limit makes the zip writer fail half way (EFBIG, SIGXFSZ ignored)
(trap '' XFSZ; ulimit -f 16 2>/dev/null && exec "$SAKIP" eval --format=xlsx --output="$work/full/a.xlsx" "$ambulu") \
    >/dev/null 2>"$work/err"
st=$?
if [ $st -eq 2 ] && grep -q "sakip: cannot write '.*a.xlsx'" "$work/err"; then
    ok "failed write: exit 2 with a message"
else
    bad "failed write: exit 2 with a message (status $st)"; cat "$work/err"
fi
[ "$(cat "$work/full/a.xlsx")" = "old workbook" ] && ok "failed write: target untouched" || bad "failed write: target untouched"
notemp "$work/full" && ok "failed write: temporary file removed" || bad "failed write: temporary file removed"

echo "xlsx: $pass passed, $fail failed"
[ $fail -eq 0 ]
