#!/bin/sh
# max-errors.sh -- text output shows at most --max-errors=N (default 100)
# errors, and N warnings, of a file, failed claims (E0801) included, then
# one note (E0199) with how many more there are; JSON shows every one
# (issue #27, item 4).  SAKIP names the program.
set -u
: "${SAKIP:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-maxerr.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM HUP
. "${srcdir:-.}/tests/checks.sh"
# expect NAME ACTUAL EXPECTED
expect() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: $2, not $3"; fi; }
count() { grep -c -e "$1" "$work/err"; }

# 300 failing claims
{
    cat <<'EOF2'
instansi "Kecamatan Contoh" {
    tahun   2024
    periode 2021..2026
}

sasaran S1 "Meningkatnya kualitas pelayanan" {
    indikator IKM "Indeks Kepuasan Masyarakat" {
        satuan    "indeks"
        polaritas positif
        target    2024: 82
        realisasi 2024: 83.63
        penanggung_jawab "Seksi Pelayanan"
        sumber    "SUKMA-E"
    }
}
EOF2
    i=0
    while [ $i -lt 300 ]; do echo 'periksa capaian(IKM) > 200'; i=$((i + 1)); done
} >"$work/claims.sakip"

"$SAKIP" check "$work/claims.sakip" 2>"$work/err"; st=$?
expect "check: exit status 1" $st 1
expect "check: 100 failed claims shown by default" "$(count 'error: claim does not hold.*\[E0801\]')" 100
expect "check: then a note with the 200 more" "$(count 'note: 200 more errors in this file are not shown \[E0199\]')" 1
expect "check: the note is the last record" "$(grep -E '^[^ ]+:[0-9]+:[0-9]+: ' "$work/err" | tail -1 | grep -c E0199)" 1

"$SAKIP" check --max-errors=5 "$work/claims.sakip" 2>"$work/err"; st=$?
expect "--max-errors=5: exit status 1" $st 1
expect "--max-errors=5: 5 failed claims shown" "$(count '\[E0801\]')" 5
expect "--max-errors=5: note with the 295 more" "$(count 'note: 295 more errors in this file are not shown')" 1

"$SAKIP" check --max-errors 0 "$work/claims.sakip" 2>"$work/err"
expect "--max-errors 0: all 300 shown" "$(count '\[E0801\]')" 300
expect "--max-errors 0: no note" "$(count 'E0199')" 0

"$SAKIP" check --format=json "$work/claims.sakip" 2>"$work/err"
expect "JSON: all 300 failed claims" "$(grep -o '"code":"E0801"' "$work/err" | wc -l | tr -d ' ')" 300
expect "JSON: no note" "$(count 'E0199')" 0

# -j 2 gives what one process gives
"$SAKIP" check --max-errors=3 "$work/claims.sakip" "$work/claims.sakip" 2>"$work/err1"
"$SAKIP" check -j 2 --max-errors=3 "$work/claims.sakip" "$work/claims.sakip" 2>"$work/err2"
if [ -s "$work/err1" ] && cmp -s "$work/err1" "$work/err2"; then ok "-j 2 shows what one process shows"; else bad "-j 2 differs"; fi
expect "two files: a note each" "$(grep -c 'note: 297 more errors' "$work/err1")" 2

# 149 warnings (sasaran no program supports), fewer than 100 errors
{
    echo 'instansi "A" { tahun 2024 }'
    i=0
    while [ $i -lt 150 ]; do
        echo "sasaran S$i \"s\" { indikator I$i \"i\" { satuan \"%\" polaritas positif target 2024: 80 realisasi 2024: 90 penanggung_jawab \"x\" sumber \"y\" } }"
        i=$((i + 1))
    done
    echo 'program P1 "Program" { mendukung S0 kegiatan K1 "K" { subkegiatan SK1 "S" { anggaran Rp 100 realisasi Rp 90 } } }'
} >"$work/warn.sakip"
"$SAKIP" check "$work/warn.sakip" 2>"$work/err"; st=$?
expect "warnings: exit status 0" $st 0
expect "warnings: 100 shown" "$(count ': warning: ')" 100
expect "warnings: note with the 49 more" "$(count 'note: 49 more warnings in this file are not shown')" 1
"$SAKIP" check --werror "$work/warn.sakip" 2>/dev/null; st=$?
expect "warnings: --werror counts them all" $st 1

# eval: the errors that stop it are limited too
{
    echo 'instansi "A" { tahun 2024 }'
    i=0
    while [ $i -lt 150 ]; do echo "periksa capaian(X$i) > 0"; i=$((i + 1)); done
} >"$work/names.sakip"
"$SAKIP" eval --max-errors=3 "$work/names.sakip" >/dev/null 2>"$work/err"; st=$?
expect "eval --max-errors=3: exit status 1" $st 1
expect "eval --max-errors=3: 3 errors shown" "$(count ': error: ')" 3
expect "eval --max-errors=3: note with the 147 more" "$(count 'note: 147 more errors')" 1
"$SAKIP" check --format=json "$work/names.sakip" 2>"$work/err"
expect "JSON: all 150 unknown names (text shows 100)" "$(grep -o '"code":"E0301"' "$work/err" | wc -l | tr -d ' ')" 150

"$SAKIP" check --max-errors=lots "$work/claims.sakip" 2>"$work/err"; st=$?
expect "--max-errors=lots: usage error" $st 2

checks_done max-errors
