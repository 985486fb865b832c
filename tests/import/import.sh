#!/bin/sh
# import.sh -- `sakip import` (#24): the Ambulu budget tree read from a
# spreadsheet of its Tabel 3.8 rows (CSV with `;`, a BOM and quotes; CSV in
# English notation; XLSX) equals examples/ambulu-2024.sakip's tree by shape,
# names and amounts; the XLSX of `sakip eval --format=xlsx` reads back to the
# same figures; a quarterly `--perbarui` changes exactly the realisasi it
# should and `--periksa` nothing; every hostile input is one located error
# with nothing printed or written.  Fixtures: tests/import/make-fixtures.py.
set -u
: "${SAKIP:?}"
src=${srcdir:-.}
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-import.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM HUP
. "$src/tests/checks.sh"
command -v python3 >/dev/null || { echo "SKIP: python3 is needed"; exit 77; }
python3 "$src/tests/import/make-fixtures.py" "$work/fx" || { echo "FAIL: make-fixtures.py"; exit 1; }
P=$src/examples/peta
fx=$work/fx
show() { head -c 2000 "$1" | sed 's/^/    /'; }
# tree FILE.sakip-fragment: its budget tree (tests/import/tree.py) in a unit of its own
tree() {
    { printf 'sakip 1\ninstansi "Kecamatan Ambulu" {\n    tahun 2024\n}\n'; cat "$1"; } >"$1.unit.sakip"
    "$SAKIP" eval --format=json "$1.unit.sakip" 2>"$work/eval.err" | python3 "$src/tests/import/tree.py" ${2-}
}
"$SAKIP" eval --format=json "$src/examples/ambulu-2024.sakip" 2>/dev/null | python3 "$src/tests/import/tree.py" >"$work/want.tree"
[ "$(wc -l <"$work/want.tree")" -eq 24 ] && ok "the example has 24 budget nodes (4 + 8 + 12)" || bad "the example's tree: $(wc -l <"$work/want.tree") nodes"

# ---- 1. the Ambulu tree from Tabel 3.8 ----
"$SAKIP" import --peta "$P/tabel-3.8.peta" "$fx/ambulu-t38.csv" >"$work/t38.sakip" 2>"$work/err"
st=$?
if [ $st -eq 0 ] && [ ! -s "$work/err" ]; then ok "Tabel 3.8 CSV imported"; else bad "Tabel 3.8 CSV: exit $st"; show "$work/err"; fi
tree "$work/t38.sakip" >"$work/t38.tree"
if cmp -s "$work/want.tree" "$work/t38.tree"; then ok "Tabel 3.8 CSV: the example's tree, by shape, names and amounts"
else bad "Tabel 3.8 CSV tree differs"; diff "$work/want.tree" "$work/t38.tree" | head -20; fi
grep -q kode "$work/t38.sakip" && bad "codes invented for a source without codes" || ok "no codes invented"
"$SAKIP" fmt --check "$work/t38.sakip" >/dev/null && ok "the output is in fmt's canonical layout" || bad "not in fmt layout"
# the rows as printed: 4 programs, 8 kegiatan (1.2 by its numbering alone), 12 sub kegiatan
expect_count() { n=$(grep -c "^ *$1 " "$work/t38.sakip"); [ "$n" -eq "$2" ] && ok "$2 $1" || bad "$n $1, not $2"; }
expect_count program 4
expect_count kegiatan 8
expect_count subkegiatan 12

sed 's/^angka indonesia/angka inggris/' "$P/tabel-3.8.peta" >"$work/en.peta"
"$SAKIP" import --peta "$work/en.peta" "$fx/ambulu-t38-en.csv" >"$work/en.sakip" 2>"$work/err" || { bad "English CSV"; show "$work/err"; }
tree "$work/en.sakip" >"$work/en.tree"
cmp -s "$work/want.tree" "$work/en.tree" && ok "Tabel 3.8 in English notation, ','-separated: the same tree" || bad "English CSV tree differs"
# declared, never guessed: the English file under angka indonesia is refused
"$SAKIP" import --peta "$P/tabel-3.8.peta" "$fx/ambulu-t38-en.csv" >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 1 ] && [ ! -s "$work/out" ] && grep -q "ambulu-t38-en.csv:C3: '2,941,063,617.00' is not an amount (the map says angka indonesia" "$work/err"
then ok "English amounts under angka indonesia: located error, nothing printed"; else bad "English under indonesia: exit $st"; show "$work/err"; fi

sed 's/^judul 1/judul 2/' "$P/tabel-3.8.peta" >"$work/x.peta"
"$SAKIP" import --peta "$work/x.peta" "$fx/ambulu-t38.xlsx" >"$work/x.sakip" 2>"$work/err" || { bad "Tabel 3.8 XLSX"; show "$work/err"; }
tree "$work/x.sakip" >"$work/x.tree"
cmp -s "$work/want.tree" "$work/x.tree" && ok "Tabel 3.8 XLSX (shared strings, numbers, formulas' cached values): the same tree" || { bad "XLSX tree differs"; diff "$work/want.tree" "$work/x.tree" | head; }

# ---- 2. the round trip through sakip's own XLSX ----
if "$SAKIP" --version | grep -q ' +xlsx'; then
    "$SAKIP" eval --format=xlsx -o "$work/own.xlsx" "$src/examples/ambulu-2024.sakip" 2>/dev/null
    "$SAKIP" import --peta "$P/sakip-anggaran.peta" "$work/own.xlsx" >"$work/own.sakip" 2>"$work/err" || { bad "own XLSX"; show "$work/err"; }
    tree "$work/own.sakip" --ids >"$work/own.tree"
    "$SAKIP" eval --format=json "$src/examples/ambulu-2024.sakip" 2>/dev/null | python3 "$src/tests/import/tree.py" --ids >"$work/want-ids.tree"
    cmp -s "$work/want-ids.tree" "$work/own.tree" && ok "eval --format=xlsx read back: the same tree, identifiers included" || { bad "round trip differs"; diff "$work/want-ids.tree" "$work/own.tree" | head; }
    # with SIPD codes: the Kode column, levels and parents from the codes
    "$SAKIP" import --peta "$src/tests/import/kode.peta" "$fx/hostile/codes.csv" >"$work/k.sakip" 2>"$work/err"
    { printf 'sakip 1\ninstansi "X" {\n    tahun 2024\n}\n'; cat "$work/k.sakip"; } >"$work/k-unit.sakip"
    "$SAKIP" eval --format=xlsx -o "$work/k.xlsx" "$work/k-unit.sakip" 2>/dev/null
    "$SAKIP" import --peta "$P/sakip-anggaran-kode.peta" "$work/k.xlsx" >"$work/k2.sakip" 2>"$work/err" || { bad "own XLSX with codes"; show "$work/err"; }
    # (the first line names the source)
    tail -n +2 "$work/k.sakip" >"$work/k1.tail"
    tail -n +2 "$work/k2.sakip" >"$work/k2.tail"
    if [ -s "$work/k1.tail" ] && grep -q 'kode' "$work/k1.tail" && cmp -s "$work/k1.tail" "$work/k2.tail"
    then ok "eval --format=xlsx with codes read back: the same declarations"; else bad "round trip with codes differs"; fi
else
    skip "round trip: this build has no XLSX writer"
fi

# ---- 3. a quarterly update ----
mkdir "$work/u"
cp "$src/examples/ambulu-2024.sakip" "$src/examples/skm-ambulu-2024.csv" "$work/u/"
f=$work/u/ambulu-2024.sakip
cp "$f" "$work/orig.sakip"
"$SAKIP" import --perbarui "$f" --peta "$src/tests/import/triwulan.peta" --periksa "$fx/triwulan3.csv" >"$work/out" 2>"$work/err"
st=$?
cmp -s "$f" "$work/orig.sakip" && [ $st -eq 0 ] && ok "--periksa: exit 0, the file untouched" || bad "--periksa: exit $st or the file changed"
grep -q 'SK1_1_1 "Penyediaan Gaji dan Tunjangan ASN": realisasi Rp 2.202.538.008 → Rp 1.651.903.506 (-Rp 550.634.502)' "$work/out" \
    && ok "--periksa shows old → new and the change" || { bad "the diff line"; show "$work/out"; }
# totals, by hand: old 2.202.538.008 + 2.297.148.008 + 94.610.000 + 6.460.000 = 4.600.756.016;
# new 1.651.903.506 + 1.722.861.006 + 70.957.500 + 4.845.000 = 3.450.567.012; less by 1.150.189.004
grep -q '4 realisasi changed, 1 unchanged; total of the changed: Rp 4.600.756.016 → Rp 3.450.567.012 (-Rp 1.150.189.004)' "$work/out" \
    && ok "the totals of the change" || { bad "the totals"; show "$work/out"; }
grep -q 'the sheet does not give (19)' "$work/out" && ok "the 19 nodes the sheet does not give are listed" || bad "nodes not given"
"$SAKIP" import --perbarui "$f" --peta "$src/tests/import/triwulan.peta" "$fx/triwulan3.csv" >"$work/out" 2>"$work/err"
st=$?
diff "$work/orig.sakip" "$f" >"$work/diff"
cat >"$work/want.diff" <<'EOD'
226c226
<         realisasi Rp 2.297.148.008
---
>         realisasi Rp 1.722.861.006
230c230
<             realisasi Rp 2.202.538.008
---
>             realisasi Rp 1.651.903.506
236c236
<             realisasi Rp 94.610.000
---
>             realisasi Rp 70.957.500
324c324
<             realisasi Rp 6.460.000
---
>             realisasi Rp 4.845.000
EOD
if [ $st -eq 0 ] && cmp -s "$work/diff" "$work/want.diff"; then ok "--perbarui changes exactly the four realisasi, comments and layout kept"
else bad "--perbarui: exit $st"; cat "$work/diff" | head -20; show "$work/err"; fi
"$SAKIP" check "$f" 2>"$work/err" >/dev/null
grep -q 'E0[12]' "$work/err" && bad "the updated file has syntax errors" || ok "the updated file still parses and checks"
cp "$f" "$work/before.sakip"
"$SAKIP" import --perbarui "$f" --peta "$src/tests/import/triwulan.peta" "$fx/triwulan3-unknown.csv" >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 1 ] && cmp -s "$f" "$work/before.sakip" && grep -q "triwulan3-unknown.csv:C7: SK9_9_9 (Tidak ada): no node of" "$work/out"
then ok "a row that matches no node: listed, nothing written, exit 1"; else bad "unmatched row: exit $st"; show "$work/out"; fi

# ---- 4. hostile inputs: one located error each, nothing on standard output ----
# hostile_file PATH MAP STATUS MESSAGE; hostile NAME ...: a fixture of fx/hostile
hostile_file() {
    "$SAKIP" import --peta "$2" "$1" >"$work/out" 2>"$work/err"
    st=$?
    if [ $st -eq "$3" ] && [ ! -s "$work/out" ] && grep -qF -- "$4" "$work/err"; then ok "${1##*/}: $4"
    else bad "${1##*/}: exit $st"; show "$work/out"; show "$work/err"; fi
}
hostile() { hostile_file "$fx/hostile/$1" "$2" "$3" "$4"; }
T=$P/tabel-3.8.peta
K=$src/tests/import/kode.peta
hostile merged.xlsx "$T" 1 "merged.xlsx:Tabel 3.8!B3:B4: merged cells"
hostile text-in-number.csv "$T" 1 "text-in-number.csv:C3: 'Rp 1,2' is not an amount"
hostile formula-no-value.xlsx "$T" 1 "formula-no-value.xlsx:Tabel 3.8!D2: a formula without a stored value"
hostile missing-parent.csv "$T" 1 "missing-parent.csv:B2: a subkegiatan with no kegiatan above it"
hostile empty.csv "$T" 1 "empty.csv: the sheet is empty"
hostile not-a-spreadsheet.csv "$T" 1 "not-a-spreadsheet.csv: byte 1 is not UTF-8 text"
hostile broken.xlsx "$T" 1 "broken.xlsx: not a spreadsheet"
hostile bomb.xlsx "$T" 1 "unpacks to 209715200 bytes, more than 33554432; refused"
hostile duplicate-codes.csv "$K" 1 "duplicate-codes.csv:A5: code '7.01.01.2.01.0001' is also the code of"
hostile code-parent-missing.csv "$K" 1 "the kegiatan above code '7.01.01.2.02.0001' (7.01.01.2.02) is not in the sheet"
hostile codes.csv "$src/tests/import/missing-column.peta" 1 "missing-column.peta:5: kolom realisasi = \"Realisasi TW IV\": no such column in the header row 1"
"$SAKIP" import --peta "$K" "$fx/hostile/codes.csv" >"$work/out" 2>"$work/err"
grep -q 'kode      "7.01.01.2.01.0002"' "$work/out" && ok "codes kept, levels and parents from their prefixes" || { bad "codes"; show "$work/out"; }
# --max-errors (default 100) caps the errors shown, and the closing line counts the rest
"$SAKIP" import --peta "$T" "$fx/hostile/many-bad-amounts.csv" >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 1 ] && [ "$(grep -c "is not an amount" "$work/err")" -eq 100 ] &&
    grep -q "sakip import: 150 errors, 50 not shown (--max-errors=100); nothing printed" "$work/err"
then ok "150 bad cells: 100 shown, 50 counted"; else bad "150 bad cells: exit $st, $(grep -c 'is not an amount' "$work/err") shown"; fi
"$SAKIP" import --max-errors=0 --peta "$T" "$fx/hostile/many-bad-amounts.csv" >"$work/out" 2>"$work/err"
[ "$(grep -c "is not an amount" "$work/err")" -eq 150 ] && grep -q "sakip import: 150 errors; nothing printed" "$work/err" &&
    ok "--max-errors=0 shows all 150" || bad "--max-errors=0: $(grep -c 'is not an amount' "$work/err") shown"
# a bad cell in --perbarui: nothing written
"$SAKIP" import --perbarui "$f" --peta "$T" "$fx/hostile/text-in-number.csv" >"$work/out" 2>"$work/err"
st=$?
[ $st -eq 1 ] && cmp -s "$f" "$work/before.sakip" && ok "--perbarui with a bad cell: nothing written" || bad "--perbarui with a bad cell: exit $st"

# ---- 5. bad maps ----
printf 'judul x\nkolom foo = B\nangka\n' >"$work/bad.peta"
"$SAKIP" import --peta "$work/bad.peta" "$fx/ambulu-t38.csv" >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 1 ] && grep -q 'bad.peta:1:7: error: judul takes the number of the header row' "$work/err" &&
    grep -q 'bad.peta:2:7: error: kolom names one of' "$work/err" && grep -q 'the map must declare the number notation' "$work/err"
then ok "a bad map: located errors"; else bad "bad map: exit $st"; show "$work/err"; fi
"$SAKIP" import "$fx/ambulu-t38.csv" >/dev/null 2>&1
[ $? -eq 2 ] && ok "no --peta: usage error" || bad "no --peta"
# ---- 6. period columns (sipd-triwulan.peta): a block per node and kind ----
# The fixture in millions: sub kegiatan rencana 100+150+150+100 = 500 and
# 150+200+200+150 = 700 (their pagu); realisasi TW I 100 and 150, TW II 150
# and 150; the kegiatan and the program are their sums: rencana 250, 350,
# 350, 250 (= 1.200), realisasi 250 and 300; TW III and IV empty: not given.
SP=$P/sipd-triwulan.peta
"$SAKIP" import --peta "$SP" "$fx/sipd-triwulan.csv" >"$work/p.sakip" 2>"$work/err"
st=$?
tail -n +3 "$work/p.sakip" >"$work/p.tail"
cat >"$work/p.want" <<'EOP'
program P1 "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH" {
    kode      "7.01.01"
    anggaran  Rp 1.200.000.000
    rencana   2024 { tw1: Rp 250.000.000, tw2: Rp 350.000.000, tw3: Rp 350.000.000, tw4: Rp 250.000.000 }
    realisasi 2024 { tw1: Rp 250.000.000, tw2: Rp 300.000.000 }
    kegiatan K1_1 "Perencanaan, Penganggaran, dan Evaluasi Kinerja" {
        kode      "7.01.01.2.01"
        anggaran  Rp 1.200.000.000
        rencana   2024 { tw1: Rp 250.000.000, tw2: Rp 350.000.000, tw3: Rp 350.000.000, tw4: Rp 250.000.000 }
        realisasi 2024 { tw1: Rp 250.000.000, tw2: Rp 300.000.000 }
        subkegiatan SK1_1_1 "Penyusunan Dokumen Perencanaan" {
            kode      "7.01.01.2.01.0001"
            anggaran  Rp 500.000.000
            rencana   2024 { tw1: Rp 100.000.000, tw2: Rp 150.000.000, tw3: Rp 150.000.000, tw4: Rp 100.000.000 }
            realisasi 2024 { tw1: Rp 100.000.000, tw2: Rp 150.000.000 }
        }
        subkegiatan SK1_1_2 "Evaluasi Kinerja Perangkat Daerah" {
            kode      "7.01.01.2.01.0002"
            anggaran  Rp 700.000.000
            rencana   2024 { tw1: Rp 150.000.000, tw2: Rp 200.000.000, tw3: Rp 200.000.000, tw4: Rp 150.000.000 }
            realisasi 2024 { tw1: Rp 150.000.000, tw2: Rp 150.000.000 }
        }
    }
}
EOP
if [ $st -eq 0 ] && cmp -s "$work/p.want" "$work/p.tail"; then ok "period columns: rencana and realisasi blocks of the map's year"
else bad "period columns: exit $st"; diff "$work/p.want" "$work/p.tail" | head -20; show "$work/err"; fi
"$SAKIP" fmt --check "$work/p.sakip" >/dev/null && ok "period blocks in fmt's canonical layout" || bad "period blocks not in fmt layout"
pu=$work/pu.sakip
{ printf 'sakip 1\ninstansi "X" {\n    tahun 2024\n}\n'; cat "$work/p.sakip"; } >"$pu"
"$SAKIP" check "$pu" >/dev/null 2>"$work/err"
st=$?
if [ $st -eq 0 ] && ! grep -q 'error' "$work/err"; then ok "imported periods check (children sum to parents)"; else bad "check of the periods: exit $st"; show "$work/err"; fi
"$SAKIP" fmt --check "$pu" >/dev/null && ok "the unit with periods is in fmt layout" || bad "unit not in fmt layout"
# TW III: TW III new (120 + 80 = 200), TW I of SK1_1_2 corrected 150 -> 140
# (so 250 -> 240 above it): 7 values change (tw1 and tw3 of P1, K1_1 and
# SK1_1_2, tw3 of SK1_1_1); the 16 rencana and 5 realisasi (tw2 of all
# four, tw1 of SK1_1_1) stay
cp "$pu" "$work/pu.orig"
"$SAKIP" import --perbarui "$pu" --peta "$SP" "$fx/sipd-triwulan3.csv" >"$work/out" 2>"$work/err"
st=$?
diff "$work/pu.orig" "$pu" >"$work/diff"
cat >"$work/want.diff" <<'EOD'
11c11
<     realisasi 2024 { tw1: Rp 250.000.000, tw2: Rp 300.000.000 }
---
>     realisasi 2024 { tw1: Rp 240.000.000, tw2: Rp 300.000.000, tw3: Rp 200.000.000 }
16c16
<         realisasi 2024 { tw1: Rp 250.000.000, tw2: Rp 300.000.000 }
---
>         realisasi 2024 { tw1: Rp 240.000.000, tw2: Rp 300.000.000, tw3: Rp 200.000.000 }
21c21
<             realisasi 2024 { tw1: Rp 100.000.000, tw2: Rp 150.000.000 }
---
>             realisasi 2024 { tw1: Rp 100.000.000, tw2: Rp 150.000.000, tw3: Rp 120.000.000 }
27c27
<             realisasi 2024 { tw1: Rp 150.000.000, tw2: Rp 150.000.000 }
---
>             realisasi 2024 { tw1: Rp 140.000.000, tw2: Rp 150.000.000, tw3: Rp 80.000.000 }
EOD
if [ $st -eq 0 ] && cmp -s "$work/diff" "$work/want.diff"; then ok "--perbarui replaces and adds period values, nothing else"
else bad "--perbarui periods: exit $st"; head -30 "$work/diff"; show "$work/out"; show "$work/err"; fi
grep -q '7 period values changed, 21 unchanged' "$work/out" && ok "7 period values changed, 21 unchanged" || { bad "period counts"; show "$work/out"; }
grep -q 'SK1_1_2 "Evaluasi Kinerja Perangkat Daerah": realisasi 2024 tw1: Rp 150.000.000 → Rp 140.000.000 (-Rp 10.000.000)' "$work/out" \
    && ok "a period's change shown old → new" || bad "period diff line"
"$SAKIP" check "$pu" >/dev/null 2>"$work/err" && ok "the updated periods still check" || { bad "updated periods do not check"; show "$work/err"; }
# a node without a block gets one, in fmt's column
printf 'sakip 1\ninstansi "X" {\n    tahun 2024\n}\nprogram P1 "A" {\n    kode      "7.01.01"\n    anggaran  Rp 1.200.000.000\n}\n' >"$work/nb.sakip"
printf 'Kode;Uraian;Pagu;Realisasi TW I\n7.01.01;A;1.200.000.000;5.000.000\n' >"$work/nb.csv"
printf 'judul 1\nangka indonesia\ntahun 2024\nkolom kode = "Kode"\nkolom nama = "Uraian"\nkolom realisasi tw1 = "Realisasi TW I"\ntingkat kode\n' >"$work/nb.peta"
"$SAKIP" import --perbarui "$work/nb.sakip" --peta "$work/nb.peta" "$work/nb.csv" >"$work/out" 2>"$work/err"
grep -qx '    realisasi 2024 { tw1: Rp 5.000.000 }' "$work/nb.sakip" && "$SAKIP" fmt --check "$work/nb.sakip" >/dev/null \
    && ok "a new period block after anggaran, in fmt layout" || { bad "new period block"; show "$work/nb.sakip"; show "$work/out"; }
hostile period-text.csv "$SP" 1 "period-text.csv:I4: 'Rp 1,2' is not an amount"
printf 'judul 1\nangka indonesia\nkolom nama = "Uraian"\nkolom realisasi tw1 = "A"\nkolom realisasi jan = "B"\nkolom rencana = "C"\ntingkat nomor\n' >"$work/pbad.peta"
"$SAKIP" import --peta "$work/pbad.peta" "$fx/sipd-triwulan.csv" >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 1 ] && grep -q 'pbad.peta:5:7: error: the period columns are of one kind; line 4 has a triwulan' "$work/err" &&
    grep -q 'pbad.peta:6:7: error: kolom rencana needs a period' "$work/err" &&
    grep -q 'pbad.peta:4:1: error: period columns need the year they are of: tahun 2025' "$work/err"
then ok "bad period columns in a map: located errors"; else bad "bad period map: exit $st"; show "$work/err"; fi
# ---- 7. indikator from a Renstra target matrix (renstra-target.peta) ----
# The targets of S1/DOK and S2/IKM as examples/ambulu-2024.sakip has them
# (Lampiran 1: 4 each year; 80, 82, 82, 85), 2021 and 2022 empty; ADU
# (made up) continues S2 (its Sasaran cell is empty), "-" is no target,
# "12,5%" is 12.5%, "10 %" 10%, "1.000" a thousand, "7,25" 7.25.
RP=$P/renstra-target.peta
"$SAKIP" import --peta "$RP" "$fx/renstra.csv" >"$work/r.sakip" 2>"$work/err"
st=$?
tail -n +3 "$work/r.sakip" >"$work/r.tail"
cat >"$work/r.want" <<'EOR'
sasaran S1 "Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan dan pelayanan publik" {
    indikator DOK "Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah" {
        satuan    "dokumen"
        polaritas positif
        target    2023: 4, 2024: 4, 2025: 4, 2026: 4
    }
}

sasaran S2 "Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan" {
    indikator IKM "Indeks Kepuasan Masyarakat" {
        satuan    "indeks"
        polaritas positif
        target    2023: 80, 2024: 82, 2025: 82, 2026: 85
    }
    indikator ADU "Persentase Pengaduan yang Tidak Tertangani" {
        satuan    "%"
        polaritas negatif
        target    2023: 12.5%, 2024: 10%, 2025: 1000, 2026: 7.25
    }
}
EOR
if [ $st -eq 0 ] && [ ! -s "$work/err" ] && cmp -s "$work/r.want" "$work/r.tail"; then ok "Renstra matrix: indikator with satuan, polaritas and targets per year, in their sasaran"
else bad "Renstra matrix: exit $st"; diff "$work/r.want" "$work/r.tail" | head -20; show "$work/err"; fi
"$SAKIP" fmt --check "$work/r.sakip" >/dev/null && ok "indikator in fmt's canonical layout" || bad "indikator not in fmt layout"
# the same from a workbook: numbers, and percentage cells (0.125 shown as 12.5%) read as 12.5%
"$SAKIP" import --peta "$RP" "$fx/renstra.xlsx" >"$work/rx.sakip" 2>"$work/err"
st=$?
tail -n +3 "$work/rx.sakip" >"$work/rx.tail"
if [ $st -eq 0 ] && cmp -s "$work/r.want" "$work/rx.tail"; then ok "Renstra matrix from XLSX, percentage cells included: the same declarations"
else bad "Renstra XLSX: exit $st"; diff "$work/r.want" "$work/rx.tail" | head; show "$work/err"; fi
{ printf 'sakip 1\ninstansi "Kecamatan Ambulu" {\n    tahun 2024\n    periode 2021..2026\n}\n'; cat "$work/r.sakip"; } >"$work/ru.sakip"
"$SAKIP" check "$work/ru.sakip" >/dev/null 2>"$work/err"
grep -q ': error:' "$work/err" && { bad "the imported indikator do not check"; show "$work/err"; } || ok "the imported indikator check (warnings only: no realisasi yet)"
# the example's own targets, by the JSON of both
for ik in DOK IKM; do
    a=$("$SAKIP" eval --format=json "$src/examples/ambulu-2024.sakip" 2>/dev/null | python3 -c "
import json,sys
def walk(o):
    if isinstance(o,dict):
        if o.get('id')=='$ik' and 'target' in o: print(json.dumps(o['target'],sort_keys=True)); sys.exit()
        for v in o.values(): walk(v)
    elif isinstance(o,list):
        for v in o: walk(v)
walk(json.load(sys.stdin))")
    b=$("$SAKIP" eval --format=json "$work/ru.sakip" 2>/dev/null | python3 -c "
import json,sys
def walk(o):
    if isinstance(o,dict):
        if o.get('id')=='$ik' and 'target' in o: print(json.dumps(o['target'],sort_keys=True)); sys.exit()
        for v in o.values(): walk(v)
    elif isinstance(o,list):
        for v in o: walk(v)
walk(json.load(sys.stdin))")
    [ -n "$a" ] && [ "$a" = "$b" ] && ok "$ik: the example's targets" || bad "$ik targets: '$a' vs '$b'"
done
# without kolom sasaran: the indikator bare, and what to add
grep -v '^kolom sasaran' "$RP" >"$work/ns.peta"
"$SAKIP" import --peta "$work/ns.peta" "$fx/renstra.csv" >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 0 ] && grep -q 'put each indikator inside its sasaran' "$work/err" && grep -q '^# The sheet gives no sasaran' "$work/out" &&
    grep -qx 'indikator IKM "Indeks Kepuasan Masyarakat" {' "$work/out" && grep -qx '    satuan    "indeks"' "$work/out"
then ok "no sasaran column: bare indikator and a note of what to add"; else bad "no sasaran: exit $st"; show "$work/out"; show "$work/err"; fi
# a fixed polarity instead of a column
grep -v '^kolom polaritas' "$RP" >"$work/fp.peta"
echo 'polaritas negatif' >>"$work/fp.peta"
"$SAKIP" import --peta "$work/fp.peta" "$fx/renstra.csv" >"$work/out" 2>"$work/err"
[ "$(grep -c 'polaritas negatif' "$work/out")" -eq 3 ] && ok "polaritas fixed by the map" || { bad "fixed polaritas"; show "$work/out"; }
# bad cells: each located, nothing printed
"$SAKIP" import --peta "$RP" "$fx/hostile/renstra-bad.csv" >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 1 ] && [ ! -s "$work/out" ] && grep -q "renstra-bad.csv:D2: the indikator has no satuan" "$work/err" &&
    grep -q "renstra-bad.csv:E3: 'naik' is not a polarity" "$work/err" &&
    grep -q "renstra-bad.csv:J4: '7.25' is not a target (the map says angka indonesia" "$work/err"
then ok "bad indikator cells: located errors, nothing printed"; else bad "bad indikator cells: exit $st"; show "$work/err"; fi
printf 'judul 1\nangka indonesia\nkolom indikator = "Indikator Kinerja"\nkolom anggaran = C\nkolom target x = D\n' >"$work/ib.peta"
"$SAKIP" import --peta "$work/ib.peta" "$fx/renstra.csv" >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 1 ] && grep -q 'ib.peta:4:1: error: kolom anggaran is of a budget map' "$work/err" &&
    grep -q 'ib.peta:5:7: error: kolom target takes a year' "$work/err" && grep -q 'must name the column of the satuan' "$work/err" &&
    grep -q 'must say the polarity' "$work/err"
then ok "a bad indikator map: located errors"; else bad "bad indikator map: exit $st"; show "$work/err"; fi
"$SAKIP" import --perbarui "$work/ru.sakip" --peta "$RP" "$fx/renstra.csv" >/dev/null 2>"$work/err"
[ $? -eq 2 ] && grep -q 'is an indikator map' "$work/err" && ok "--perbarui with an indikator map: usage error" || bad "--perbarui indikator map"
# ---- 8. large and hostile sheets (the review of #24) ----
# 1000 programs x 10 kegiatan x 9 sub kegiatan = 1000 + 10000 + 90000 =
# 101000 coded rows, each program with its identifier: every code and
# identifier is checked against the rows before it by a table, so this is
# seconds; checked row against row it was minutes (133750 rows: past 5 min).
python3 - "$work/big.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("ID;Kode;Nama;Anggaran\n")
    for i in range(1000):
        p = "7.%02d.%02d" % (i // 100, i % 100)
        f.write("Prog%d;%s;Program %d;\n" % (i, p, i))
        for j in range(10):
            k = "%s.2.%02d" % (p, j)
            f.write(";%s;Kegiatan %d %d;\n" % (k, i, j))
            for l in range(9):
                f.write(";%s.%04d;Sub %d %d %d;1\n" % (k, l, i, j, l))
PY
printf 'judul 1\nangka indonesia\nkolom id = "ID"\nkolom kode = "Kode"\nkolom nama = "Nama"\nkolom anggaran = "Anggaran"\ntingkat kode\n' >"$work/big.peta"
timeout 60 "$SAKIP" import --peta "$work/big.peta" "$work/big.csv" >"$work/big.sakip" 2>"$work/err"
st=$?
if [ $st -eq 0 ] && [ "$(grep -c '^ *program ' "$work/big.sakip")" -eq 1000 ] &&
    [ "$(grep -c '^ *kegiatan ' "$work/big.sakip")" -eq 10000 ] && [ "$(grep -c '^ *subkegiatan ' "$work/big.sakip")" -eq 90000 ] &&
    grep -q '^program Prog999 "Program 999"' "$work/big.sakip"
then ok "101000 coded rows with identifiers: imported under a minute"; else bad "101000 rows: exit $st"; show "$work/err"; fi

# mkx.py OUT ROWS-XML [SHARED-STRINGS-XML|- [AFTER-XML]]: a workbook of one
# sheet "S", its sheetData the rows and after it AFTER-XML (mergeCells)
cat >"$work/mkx.py" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED)
z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
if len(sys.argv) > 3 and sys.argv[3] != "-":
    z.writestr("xl/sharedStrings.xml", open(sys.argv[3]).read())
z.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + open(sys.argv[2]).read() + "</sheetData>" +
           (open(sys.argv[4]).read() if len(sys.argv) > 4 else "") + "</worksheet>")
z.close()
PY
printf 'judul 1\nangka indonesia\nkolom nama = "Nama"\nkolom anggaran = "Anggaran"\nkolom realisasi = "Realisasi"\ntingkat nomor\n' >"$work/basic.peta"
# one shared string of 20 MiB in A2:A1001: a copy per cell would be 1000 x
# 20 MiB = 20 GB.  The cells' text is bounded by 64 MiB = 67108864 bytes:
# the header (4 + 8 + 9 bytes) and 3 copies (62914560) fit, the 4th (A5,
# 83886101 bytes) does not.
python3 - "$work/sst.xml" "$work/sst-rows.xml" <<'PY'
import sys
open(sys.argv[1], "w").write("<sst><si><t>" + "x" * (20 << 20) + "</t></si></sst>")
rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c><c r="B1" t="inlineStr"><is><t>Anggaran</t></is></c><c r="C1" t="inlineStr"><is><t>Realisasi</t></is></c></row>'
rows += "".join('<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (r, r) for r in range(2, 1002))
open(sys.argv[2], "w").write(rows)
PY
python3 "$work/mkx.py" "$work/sst.xlsx" "$work/sst-rows.xml" "$work/sst.xml"
timeout 60 "$SAKIP" import --peta "$work/basic.peta" "$work/sst.xlsx" >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 1 ] && [ ! -s "$work/out" ] && grep -q "sst.xlsx:S!A5: with this cell the text of the sheet's cells passes 67108864 bytes" "$work/err"
then ok "a 20 MiB shared string in 1000 cells: refused at the cell past 64 MiB"; else bad "shared string in 1000 cells: exit $st"; show "$work/err"; fi

# 99999 merged ranges over the whole sheet (A1:XFD1048576) of a 1000 x 1000
# grid (A1:C1 the header, ALL1000 a last cell): one error each, 99999;
# marking each range's cells would be 99999 x 10^6 steps.
python3 - "$work/merge-rows.xml" "$work/merge-merges.xml" <<'PY'
import sys
open(sys.argv[1], "w").write('<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c><c r="B1" t="inlineStr"><is><t>Anggaran</t></is></c><c r="C1" t="inlineStr"><is><t>Realisasi</t></is></c></row><row r="1000"><c r="ALL1000"><v>1</v></c></row>')
open(sys.argv[2], "w").write('<mergeCells>' + '<mergeCell ref="A1:XFD1048576"/>' * 99999 + '</mergeCells>')
PY
python3 "$work/mkx.py" "$work/merge.xlsx" "$work/merge-rows.xml" - "$work/merge-merges.xml"
timeout 60 "$SAKIP" import --peta "$work/basic.peta" "$work/merge.xlsx" >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 1 ] && [ ! -s "$work/out" ] && [ "$(grep -c 'merge.xlsx:S!A1:XFD1048576: merged cells' "$work/err")" -eq 100 ] &&
    grep -q '^sakip import: 99999 errors, 99899 not shown (--max-errors=100); nothing printed' "$work/err"
then ok "99999 merged ranges over the sheet: 99999 errors (100 shown), in no time"; else bad "99999 merged ranges: exit $st"; show "$work/err"; fi

# ---- 9. a Perjanjian Kinerja (perjanjian-kinerja.peta) ----
# The example without its PK2024: the PK sheet's targets (SAKIP 82, IPT 80,
# DOK 4, IKM 82, KESRA 100%, TRANTIB 100%) and amounts (P1 2.925.063.617,
# P2 1.041.115.000, P3 236.227.800, P4 273.664.376, the seed's Lampiran 3)
# put it back before PKP2024, which amends it: the example again, byte for
# byte, from the CSV and from the workbook.
PKM=$P/perjanjian-kinerja.peta
mkdir "$work/pk"
cp "$src/examples/skm-ambulu-2024.csv" "$work/pk/"
python3 - "$src/examples/ambulu-2024.sakip" "$work/pk/nopk.sakip" <<'PY'
import sys
s = open(sys.argv[1]).read()
i, j = s.index('perjanjian PK2024 "'), s.index('perjanjian PKP2024 "')
open(sys.argv[2], "w").write(s[:i] + s[j:])
PY
grep -q 'perjanjian PK2024 ' "$work/pk/nopk.sakip" && bad "PK2024 not removed" || ok "the example without PK2024"
for ext in csv xlsx; do
    cp "$work/pk/nopk.sakip" "$work/pk/a.sakip"
    "$SAKIP" import --perbarui "$work/pk/a.sakip" --peta "$PKM" "$fx/pk-2024.$ext" >"$work/out" 2>"$work/err"
    st=$?
    if [ $st -eq 0 ] && cmp -s "$src/examples/ambulu-2024.sakip" "$work/pk/a.sakip"
    then ok "PK sheet ($ext): the example's PK2024 again, byte for byte, before PKP2024"
    else bad "PK sheet ($ext): exit $st"; diff "$src/examples/ambulu-2024.sakip" "$work/pk/a.sakip" | head; show "$work/err"; fi
done
grep -q 'anggaran P1: - → Rp 2.925.063.617' "$work/out" && grep -q 'target KESRA: - → 100%' "$work/out" &&
    grep -q '10 targets and amounts changed, 0 unchanged' "$work/out" && grep -q 'new, before PKP2024, which amends it' "$work/out" \
    && ok "the new perjanjian shown item by item" || { bad "PK diff"; show "$work/out"; }
"$SAKIP" fmt --check "$work/pk/a.sakip" >/dev/null && ok "the perjanjian in fmt's canonical layout" || bad "PK not in fmt layout"
# the same figures by the JSON of both (the perjanjian's targets and amounts)
pkjson() { "$SAKIP" eval --format=json "$1" 2>/dev/null | python3 -c "
import json,sys
def walk(o):
    if isinstance(o,dict):
        for k,v in o.items():
            if 'perjanjian' in k.lower(): print(json.dumps(v,sort_keys=True))
            walk(v)
    elif isinstance(o,list):
        for v in o: walk(v)
walk(json.load(sys.stdin))"; }
a=$(pkjson "$src/examples/ambulu-2024.sakip"); b=$(pkjson "$work/pk/a.sakip")
[ -n "$a" ] && [ "$a" = "$b" ] && ok "eval --format=json: the same perjanjian" || bad "PK JSON differs"
# again: replaced by the same, nothing changes
cp "$work/pk/a.sakip" "$work/pk/before.sakip"
"$SAKIP" import --perbarui "$work/pk/a.sakip" --peta "$PKM" "$fx/pk-2024.csv" >"$work/out" 2>"$work/err"
st=$?
[ $st -eq 0 ] && cmp -s "$work/pk/a.sakip" "$work/pk/before.sakip" && grep -q '0 targets and amounts changed, 10 unchanged' "$work/out" \
    && ok "imported again: replaced by the same, the file unchanged" || { bad "PK again: exit $st"; show "$work/out"; }
# the amended figures (PKP2024: P1 2.941.063.617) into PKP2024, with
# --periksa first; tanggal and pihak left to the file's
sed -e 's/2.925.063.617/2.941.063.617/' "$fx/pk-2024.csv" >"$work/pkp.csv"
grep -v '^perjanjian\|^tanggal\|^pihak' "$PKM" >"$work/pkp.peta"
echo 'perjanjian PKP2024' >>"$work/pkp.peta"
sed -i 's/Rp 2.941.063.617, P2: Rp 1.041.115.000, P3: Rp 236.227.800, P4: Rp 273.664.376$/Rp 2.900.000.000, P2: Rp 1.041.115.000, P3: Rp 236.227.800, P4: Rp 273.664.376/' "$work/pk/a.sakip"
cp "$work/pk/a.sakip" "$work/pk/before.sakip"
"$SAKIP" import --perbarui "$work/pk/a.sakip" --peta "$work/pkp.peta" --periksa "$work/pkp.csv" >"$work/out" 2>"$work/err"
st=$?
# 2.941.063.617 - 2.900.000.000 = 41.063.617
[ $st -eq 0 ] && cmp -s "$work/pk/a.sakip" "$work/pk/before.sakip" && grep -q 'anggaran P1: Rp 2.900.000.000 → Rp 2.941.063.617' "$work/out" &&
    grep -q '1 targets and amounts changed, 9 unchanged' "$work/out" \
    && ok "--periksa: the one change shown, nothing written" || { bad "PK --periksa: exit $st"; show "$work/out"; show "$work/err"; }
"$SAKIP" import --perbarui "$work/pk/a.sakip" --peta "$work/pkp.peta" "$work/pkp.csv" >"$work/out" 2>"$work/err"
cmp -s "$work/pk/a.sakip" "$src/examples/ambulu-2024.sakip" && ok "PKP2024 replaced in place: its mengubah, tanggal and pihak kept" \
    || { bad "PKP2024 replaced"; diff "$src/examples/ambulu-2024.sakip" "$work/pk/a.sakip" | head; }
# hostile PK sheets: one located error each, nothing written, exit 1
pkbad() {
    cp "$work/pk/nopk.sakip" "$work/pk/h.sakip"
    "$SAKIP" import --perbarui "$work/pk/h.sakip" --peta "$PKM" "$fx/hostile/$1" >"$work/out" 2>"$work/err"
    st=$?
    if [ $st -eq 1 ] && cmp -s "$work/pk/h.sakip" "$work/pk/nopk.sakip" && grep -qF -- "$2" "$work/err" &&
        [ "$(grep -c ': ' "$work/err")" -eq $((2 + ${3:-0})) ]
    then ok "$1: $2"; else bad "$1: exit $st"; show "$work/err"; fi
}
pkbad pk-unknown.csv "pk-unknown.csv:C3: no indikator of $work/pk/h.sakip is named 'Nilai SAKIP Ambulu'" 1
grep -q "^  the indikator of $work/pk/h.sakip: DOK \"Jumlah Dokumen.*, SAKIP \"Nilai SAKIP OPD\", IPT " "$work/err" \
    && ok "an unknown indikator: the file's indikator listed" || { bad "the file's indikator not listed"; show "$work/err"; }
pkbad pk-not-a-number.csv "pk-not-a-number.csv:D5: '4 Dok' is not a target (the map says angka indonesia"
pkbad pk-duplicate.csv "pk-duplicate.csv:C8: IKM is already given by $fx/hostile/pk-duplicate.csv:C6"
pkbad pk-duplicate-program.csv "pk-duplicate-program.csv:A13: P3 is already given by $fx/hostile/pk-duplicate-program.csv:A12"
pkbad pk-no-target-column.csv "perjanjian-kinerja.peta:37: kolom target = \"Target\": no such column in the header row 1"
"$SAKIP" import --peta "$PKM" "$fx/pk-2024.csv" >"$work/out" 2>"$work/err"
[ $? -eq 2 ] && grep -q 'needs --perbarui' "$work/err" && ok "a perjanjian map without --perbarui: usage error" || bad "PK map without --perbarui"
printf 'perjanjian PK1 "X"\nangka indonesia\njudul 1\nkolom indikator = "I"\nkolom program = C\nkolom nama = A\npihak "A", B\n' >"$work/pkb.peta"
"$SAKIP" import --perbarui "$work/pk/h.sakip" --peta "$work/pkb.peta" "$fx/pk-2024.csv" >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 1 ] && grep -q 'pkb.peta:6:1: error: kolom nama is not of a perjanjian map' "$work/err" &&
    grep -q 'pkb.peta:7:12: error: pihak takes texts in quotes' "$work/err" &&
    grep -q 'pkb.peta:1:1: error: a perjanjian map names both kolom indikator and kolom target' "$work/err" &&
    grep -q 'pkb.peta:5:1: error: with both tables' "$work/err"
then ok "a bad perjanjian map: located errors"; else bad "bad PK map: exit $st"; show "$work/err"; fi

# ---- 10. XLSX numbers: the shortest decimal, never rounded (review of #24) ----
# 1234.5599999999999 is how a writer of 17 digits stores the double of
# 1234.56: read as 1234.56, so --perbarui of a file saying Rp 1.234,56
# changes nothing (it reported "Rp 1.234,56 → Rp 1.234,56 (+Rp 0,00)" on
# every run); 1234.567 and 0.1 + 0.2 (0.30000000000000004) are no amounts
# of rupiah and sen: errors at their cells, not rounded.
printf '%s' '<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c><c r="B1" t="inlineStr"><is><t>Anggaran</t></is></c><c r="C1" t="inlineStr"><is><t>Realisasi</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Program Satu</t></is></c><c r="B2"><v>1234.56</v></c><c r="C2"><v>1234.5599999999999</v></c></row>' >"$work/f17.xml"
python3 "$work/mkx.py" "$work/f17.xlsx" "$work/f17.xml"
printf 'sakip 1\ninstansi "X" {\n    tahun 2024\n}\nprogram P1 "Satu" {\n    anggaran  Rp 1.234,56\n    realisasi Rp 1.234,56\n}\n' >"$work/f17.sakip"
cp "$work/f17.sakip" "$work/f17.orig"
"$SAKIP" import --perbarui "$work/f17.sakip" --peta "$work/basic.peta" "$work/f17.xlsx" >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 0 ] && cmp -s "$work/f17.sakip" "$work/f17.orig" && grep -q '0 realisasi changed, 1 unchanged' "$work/out"
then ok "1234.5599999999999 in a workbook is Rp 1.234,56: --perbarui changes nothing"; else bad "17-digit number: exit $st"; show "$work/out"; show "$work/err"; fi
printf '%s' '<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c><c r="B1" t="inlineStr"><is><t>Anggaran</t></is></c><c r="C1" t="inlineStr"><is><t>Realisasi</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Program Satu</t></is></c><c r="B2"><v>1234.567</v></c><c r="C2"><v>0.30000000000000004</v></c></row>' >"$work/f3.xml"
python3 "$work/mkx.py" "$work/f3.xlsx" "$work/f3.xml"
"$SAKIP" import --peta "$work/basic.peta" "$work/f3.xlsx" >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 1 ] && [ ! -s "$work/out" ] && grep -q "f3.xlsx:S!B2: '1234.567' has more than two decimals" "$work/err" &&
    grep -q "f3.xlsx:S!C2: '0.30000000000000004' has more than two decimals" "$work/err"
then ok "amounts of more than two decimals: located errors, not rounded"; else bad "3 decimals: exit $st"; show "$work/out"; show "$work/err"; fi

# ---- 11. generated identifiers against the id column's (review of #24) ----
# the second row has no identifier; its position makes it P2 (IK2), which
# the first row's id column gives: two declarations of one name, printed
# with exit 0 before.  Now an error at the row, naming the other.
printf 'ID;Nama;Anggaran\nP2;Program A;1.000\n;Program B;2.000\n' >"$work/col.csv"
printf 'judul 1\nangka indonesia\nkolom id = "ID"\nkolom nama = "Nama"\nkolom anggaran = "Anggaran"\ntingkat nomor\n' >"$work/col.peta"
hostile_file "$work/col.csv" "$work/col.peta" 1 "col.csv:B3: P2, the identifier this row's position gives, is the identifier of $work/col.csv:B2"
printf 'Kode;Indikator Kinerja;Satuan;2024\nIK2;A;%%;1\n;B;%%;2\n' >"$work/icol.csv"
printf 'judul 1\nangka indonesia\nkolom id = "Kode"\nkolom indikator = "Indikator Kinerja"\nkolom satuan = "Satuan"\npolaritas positif\nkolom target 2024 = "2024"\n' >"$work/icol.peta"
hostile_file "$work/icol.csv" "$work/icol.peta" 1 "icol.csv:B3: IK2, the identifier this row's position gives, is the identifier of $work/icol.csv:B2"

# ---- 12. tingkat indentasi on a CSV (review of #24) ----
# a CSV cell has no indentation: every row was a program, exit 0
sed 's/^tingkat nomor/tingkat indentasi/' "$P/tabel-3.8.peta" >"$work/ind.peta"
"$SAKIP" import --peta "$work/ind.peta" "$fx/ambulu-t38.csv" >"$work/out" 2>"$work/err"
st=$?
n=$(grep -n '^tingkat' "$work/ind.peta" | cut -d: -f1)
if [ $st -eq 1 ] && [ ! -s "$work/out" ] && grep -q "ind.peta:$n: tingkat indentasi reads the indentation of a workbook's cells; $fx/ambulu-t38.csv is a CSV file" "$work/err"
then ok "tingkat indentasi on a CSV: an error at the map's line"; else bad "indentasi on CSV: exit $st"; show "$work/err"; fi

# ---- 13. a source that cannot be read: the reason, not "Input/output error" ----
mkdir "$work/adir"
"$SAKIP" import --peta "$P/tabel-3.8.peta" "$work/adir" >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 2 ] && grep -q "cannot read '$work/adir': is a directory" "$work/err" && ! grep -q 'Input/output' "$work/err"
then ok "a directory as the source: says so"; else bad "directory source: exit $st"; show "$work/err"; fi

checks_done import
