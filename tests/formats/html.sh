#!/bin/sh
# html.sh -- `sakip eval --format=html`: the page is self-contained and
# escaped, its SVG charts print sakip's own figures (html_check.py), and
# headless Chromium loads it without a console message, builds every chart
# into the DOM, renders a non-blank screenshot and prints A4 landscape.
# Skipped (77) when Chromium is not installed.
# SAKIP_KEEP_SCREENSHOT=FILE.png keeps the Ambulu screenshot.
set -u
: "${SAKIP:?}" "${srcdir:=.}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed: skipped"; exit 77; }
chrome=""
for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then chrome=$c; break; fi
done
[ -n "$chrome" ] || { echo "chromium not installed (Debian package 'chromium'): skipped"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-html.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
here="$srcdir/tests/formats"
ambulu="$srcdir/examples/ambulu-2024.sakip"
kota="$here/kota-contoh.sakip"
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
checker() {
    python3 "$here/html_check.py" "$@" >"$work/check.out" 2>&1
    grep -E '^(PASS|FAIL)' "$work/check.out"
    p=$(grep -c '^PASS' "$work/check.out")
    f=$(grep -c '^FAIL' "$work/check.out")
    grep -q '^html-check:' "$work/check.out" || { cat "$work/check.out"; f=$((f + 1)); }
    pass=$((pass + p))
    fail=$((fail + f))
}
# headless Chromium with nothing that reaches the network
browse() {
    profile=$(mktemp -d "$work/profile.XXXXXX")
    HOME=$work timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
        --user-data-dir="$profile" "$@"
}
run() {   # NAME ARGS... : sakip eval --format=html and --format=md of the same files
    name=$1
    shift
    if "$SAKIP" eval --format=html --output="$work/$name.html" "$@" 2>"$work/err"; then
        ok "$name: eval --format=html exits 0"
    else
        bad "$name: eval --format=html exits 0"; cat "$work/err"
    fi
    fmtargs=$(printf '%s\n' "$@" | grep -- '^--' | tr '\n' ' ')
    files=$(printf '%s\n' "$@" | grep -v -- '^--' | tr '\n' ' ')
    # shellcheck disable=SC2086
    "$SAKIP" eval $fmtargs --format=md $files >"$work/$name.md" 2>/dev/null
}

run ambulu "$ambulu"
checker page "$work/ambulu.html" "$work/ambulu.md" single
run two "$ambulu" "$kota"
checker page "$work/two.html" "$work/two.md" multi
run english --angka=en "$ambulu"
checker page "$work/english.html" "$work/english.md" en

# ---- in the browser ----
# the console check must see a console message when there is one
cat >"$work/control.html" <<'EOF'
<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>control</title></head><body><img src="http://192.0.2.1/x.png" alt=""></body></html>
EOF
browse --enable-logging=stderr --v=0 --dump-dom "file://$work/control.html" >"$work/control.dom" 2>"$work/control.log"
grep -q 'CONSOLE' "$work/control.log" && ok "control: a blocked load shows on the console log" ||
    bad "control: a blocked load shows on the console log"

for name in ambulu two; do
    browse --enable-logging=stderr --v=0 --dump-dom "file://$work/$name.html" >"$work/$name.dom" 2>"$work/$name.log"
    if grep -q 'CONSOLE' "$work/$name.log"; then
        bad "$name: no console message"; grep 'CONSOLE' "$work/$name.log" | head -5
    else
        ok "$name: no console message"
    fi
    checker dom "$work/$name.dom" "$work/$name.html"
done

browse --hide-scrollbars --window-size=1280,2400 --screenshot="$work/ambulu.png" "file://$work/ambulu.html" \
    >/dev/null 2>"$work/shot.log"
if [ -s "$work/ambulu.png" ] && python3 "$here/png_check.py" "$work/ambulu.png" 64 >"$work/png.out" 2>&1; then
    ok "screenshot is not blank ($(cat "$work/png.out"))"
else
    bad "screenshot is not blank"; cat "$work/png.out" 2>/dev/null; tail -3 "$work/shot.log"
fi
[ -n "${SAKIP_KEEP_SCREENSHOT:-}" ] && cp "$work/ambulu.png" "$SAKIP_KEEP_SCREENSHOT"

browse --no-pdf-header-footer --print-to-pdf="$work/ambulu.pdf" "file://$work/ambulu.html" >/dev/null 2>"$work/pdf.log"
if [ -s "$work/ambulu.pdf" ]; then
    checker pdf "$work/ambulu.pdf"
else
    bad "print to PDF"; tail -3 "$work/pdf.log"
fi

# the print layout of an official document (sakip(5), OUTPUT FORMATS): a
# kop, page numbers "Halaman N dari M" on every page, the kepala's
# signature block, captions without identifiers, and the claims as an
# appendix printing only the failing ones (39 of Ambulu's 365, as the
# reference oracle of tests/ref counts them) unless --klaim=semua.
# pdftotext (poppler-utils) reads the printed pages.
if command -v pdftotext >/dev/null 2>&1 && [ -s "$work/ambulu.pdf" ]; then
    pdftotext -layout "$work/ambulu.pdf" "$work/ambulu.txt"
    pages=$(python3 -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page\b', open(sys.argv[1],'rb').read())))" "$work/ambulu.pdf")
    numbered=$(grep -c "Halaman [0-9]* dari $pages\b" "$work/ambulu.txt")
    [ "$numbered" = "$pages" ] && ok "print: 'Halaman N dari $pages' on each of the $pages pages" ||
        bad "print: page numbers on every page ($numbered of $pages)"
    head -c 2000 "$work/ambulu.txt" | grep -q "PEMERINTAH KABUPATEN JEMBER" &&
        head -c 2000 "$work/ambulu.txt" | grep -q "KECAMATAN AMBULU" &&
        head -c 2000 "$work/ambulu.txt" | grep -q "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2024" &&
        ok "print: the kop names the induk, the instansi and the year" || bad "print: the kop"
    grep -q "Kepala Kecamatan Ambulu" "$work/ambulu.txt" && grep -q "Drs. GATOT SUHARYONO, M.Si" "$work/ambulu.txt" &&
        grep -q "2025" "$work/ambulu.txt" && ok "print: the kepala's signature block" || bad "print: the signature block"
    grep "Grafik [0-9]" "$work/ambulu.txt" | grep -q "p86" && bad "print: no identifier (p86) in a caption" ||
        ok "print: no identifier (p86) in a caption"
    # the appendix: from its heading on, every claim row is SALAH
    sed -n '/^\f\{0,1\} *Lampiran *$/,$p' "$work/ambulu.txt" >"$work/lampiran.txt"
    salah=$(grep -cE '^ *[0-9]+ +SALAH ' "$work/lampiran.txt")
    benar=$(grep -cE '^ *[0-9]+ +benar ' "$work/lampiran.txt")
    [ "$salah" = 39 ] && [ "$benar" = 0 ] && grep -q "39 dari 365 klaim" "$work/lampiran.txt" &&
        ok "print: the appendix lists the 39 failing claims only" ||
        bad "print: the appendix lists the failing claims only ($salah SALAH, $benar benar)"
    "$SAKIP" eval --format=html --klaim=semua --output="$work/semua.html" "$ambulu" 2>/dev/null
    browse --no-pdf-header-footer --print-to-pdf="$work/semua.pdf" "file://$work/semua.html" >/dev/null 2>&1
    pdftotext -layout "$work/semua.pdf" - 2>/dev/null | sed -n '/^\f\{0,1\} *Lampiran *$/,$p' >"$work/semua.txt"
    n=$(grep -cE '^ *[0-9]+ +(SALAH|benar) ' "$work/semua.txt")
    [ "$n" = 365 ] && ok "print --klaim=semua: the appendix lists all 365 claims" ||
        bad "print --klaim=semua: all 365 claims ($n)"
    [ -n "${SAKIP_KEEP_PDF:-}" ] && cp "$work/ambulu.pdf" "$SAKIP_KEEP_PDF"
elif [ -s "$work/ambulu.pdf" ]; then
    no_pdftotext=1
    echo "print layout: pdftotext not installed (Debian package poppler-utils): those checks skipped"
fi

# a what-if page cannot pass for the report (sakip(5), WHAT-IF OUTPUT): a
# banner, and a watermark on the screen and on every printed page
if "$SAKIP" eval --format=html --andai 'realisasi TRANTIB = 11' --output="$work/andai.html" "$ambulu" 2>"$work/err"; then
    ok "--andai: eval --format=html exits 0"
else
    bad "--andai: eval --format=html exits 0"; cat "$work/err"
fi
browse --enable-logging=stderr --v=0 --dump-dom "file://$work/andai.html" >"$work/andai.dom" 2>"$work/andai.log"
grep -q '<div class="watermark" aria-hidden="true">SIMULASI</div>' "$work/andai.dom" &&
    ok "--andai: the watermark is in Chromium's DOM" || bad "--andai: the watermark is in Chromium's DOM"
browse --no-pdf-header-footer --print-to-pdf="$work/andai.pdf" "file://$work/andai.html" >/dev/null 2>"$work/pdf.log"
if [ -s "$work/andai.pdf" ] && [ -s "$work/ambulu.pdf" ]; then
    checker simulasi "$work/andai.html" "$work/andai.pdf" "$work/ambulu.pdf"
else
    bad "--andai: print to PDF"; tail -3 "$work/pdf.log"
fi

echo "html: $pass passed, $fail failed"
[ $fail -eq 0 ] || exit 1
[ -z "${no_pdftotext:-}" ] || exit 77
