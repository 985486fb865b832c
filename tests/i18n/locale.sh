#!/bin/sh
# tests/i18n/locale.sh -- the Indonesian message catalogue (po/id.po).
#
# Compiles $srcdir/po/id.po into a temporary locale directory and runs
# sakip with SAKIP_LOCALEDIR pointing at it, under LANG=C and under
# LANG=id_ID.UTF-8 (which works even when that locale is not installed:
# i18n.c then falls back to LANGUAGE=id).  Checks that
#   (a) diagnostics are English under C and Indonesian under id_ID, while
#       the "FILE:LINE:COL: error:" prefix and "help:" stay as they are;
#   (b) --help texts are Indonesian under id_ID;
#   (c) REPL messages are Indonesian under id_ID;
#   (d) the eval table headings are the same in both locales;
#   (e) every msgid of po/sakip.pot (and, when xgettext is available, of a
#       fresh extraction from the sources) has a non-empty, non-fuzzy
#       translation in po/id.po.
# Environment: SAKIP (the program), srcdir (the source tree).
# Exit status: 0 all passed, 1 a check failed, 77 gettext tools missing.

: "${srcdir:=.}"
: "${SAKIP:=./sakip}"

if ! command -v msgfmt >/dev/null 2>&1 || ! command -v msgcmp >/dev/null 2>&1; then
    echo "i18n: msgfmt/msgcmp (GNU gettext) not found; skipped"
    exit 77
fi
if ! test -x "$SAKIP"; then
    echo "i18n: $SAKIP is not built"
    exit 1
fi

unset LC_ALL LC_MESSAGES LANGUAGE LC_CTYPE SAKIP_REPL_TIMING
export SAKIP_LOCALEDIR

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sakip-i18n.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' 0
trap 'exit 1' 1 2 13 15
XDG_STATE_HOME=$tmp/state   # the REPL's history stays out of $HOME
export XDG_STATE_HOME

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok    $1"; }
bad() { fail=$((fail + 1)); echo "FAIL  $1"; }

# has FILE TEXT NAME: FILE contains the fixed string TEXT
has() {
    if grep -F -e "$2" "$1" >/dev/null 2>&1; then ok "$3"; else
        bad "$3"
        echo "      expected: $2"
        sed 's/^/      | /' "$1" | head -n 20
    fi
}
# hasre FILE REGEX NAME: a line of FILE matches the basic regex REGEX
hasre() {
    if grep -e "$2" "$1" >/dev/null 2>&1; then ok "$3"; else
        bad "$3"
        echo "      expected a line matching: $2"
        sed 's/^/      | /' "$1" | head -n 20
    fi
}
# lacks FILE TEXT NAME: FILE does not contain the fixed string TEXT
lacks() {
    if grep -F -e "$2" "$1" >/dev/null 2>&1; then
        bad "$3"
        echo "      unexpected: $2"
        grep -F -e "$2" "$1" | sed 's/^/      | /' | head -n 5
    else ok "$3"; fi
}
same() {
    if cmp -s "$1" "$2"; then ok "$3"; else
        bad "$3"
        diff "$1" "$2" | sed 's/^/      /' | head -n 20
    fi
}

# ---- the catalogue ----
SAKIP_LOCALEDIR=$tmp/locale
mkdir -p "$SAKIP_LOCALEDIR/id/LC_MESSAGES"
if msgfmt -c --statistics -o "$SAKIP_LOCALEDIR/id/LC_MESSAGES/sakip.mo" "$srcdir/po/id.po" \
        >"$tmp/stats" 2>&1; then
    ok "msgfmt -c po/id.po"
else
    bad "msgfmt -c po/id.po"
    sed 's/^/      | /' "$tmp/stats"
    echo "i18n: $pass passed, $((fail)) failed"
    exit 1
fi
sed 's/^/      /' "$tmp/stats"
if grep -e 'fuzzy' -e 'untranslated' "$tmp/stats" >/dev/null; then
    bad "po/id.po has no fuzzy or untranslated message"
else
    ok "po/id.po has no fuzzy or untranslated message"
fi

# Which Indonesian locale names to try: the one the users type, which goes
# through i18n.c's LANGUAGE fallback when it is not installed, and the
# installed one when `locale -a` lists it.  The fallback needs C.UTF-8 (or
# the real locale): without either gettext cannot translate at all.
have_locales=$(locale -a 2>/dev/null)
installed=$(printf '%s\n' "$have_locales" | grep -i -e '^id_ID\.utf-\{0,1\}8$' | head -n 1)
if test -z "$installed" &&
   ! printf '%s\n' "$have_locales" | grep -i -e '^C\.utf-\{0,1\}8$' >/dev/null; then
    echo "i18n: neither id_ID.UTF-8 nor C.UTF-8 is installed; skipped"
    exit 77
fi
id_langs="id_ID.UTF-8"
if test -n "$installed"; then
    id_langs="$id_langs $installed"
    echo "      (locale $installed is installed: testing it too)"
else
    echo "      (id_ID.UTF-8 is not installed: testing the LANGUAGE=id fallback)"
fi

# ---- inputs ----
top=$(pwd)
cd "$tmp" || exit 1
cat >claims.sakip <<'EOF'
instansi "Kecamatan Uji" {
    induk   "Kabupaten Uji"
    tahun   2024
    periode 2021..2026
}

sasaran S1 "Meningkatnya kepuasan masyarakat" {
    indikator IKM "Indeks Kepuasan Masyarakat" {
        satuan    "indeks"
        polaritas positif
        target    2024: 82, 2026: 85
        realisasi 2024: 83.63
        penanggung_jawab "Seksi Pelayanan Umum"
        sumber    "SUKMA-E"
    }
}

program P1 "Program Pelayanan Publik" {
    mendukung S1
    kegiatan K1 "Kegiatan Pelayanan" {
        subkegiatan SK1 "Subkegiatan Pelayanan" {
            anggaran  Rp 100.000.000
            realisasi Rp 90.000.000
        }
    }
}

periksa predikat(IKM) == "Tinggi" pesan "Tabel 3.7"
periksa realisasi(IKM) ~= 83
EOF
# the same unit with a misspelt sasaran and a misspelt indikator
sed -e 's/mendukung S1/mendukung S9/' -e '/^periksa/d' claims.sakip >names.sakip
echo 'periksa capaian(IKX) ~= 102%' >>names.sakip
printf 'andai\nbatal\n' >repl-empty.in
printf 'andai realisasi IKM 2024 = 70\nandai\nbatal\n:nope\n' >repl-andai.in

# run TAG LANG-VALUE ARGS...: stdout to TAG.out, stderr to TAG.err, status to TAG.rc
run() {
    tag=$1 lang=$2
    shift 2
    LANG=$lang "$SAKIP" "$@" >"$tag.out" 2>"$tag.err"
    echo $? >"$tag.rc"
}
# prefixes FILE: the editor-parsed part of each diagnostic line
prefixes() {
    sed -n -e 's/^\([^ :]*:[0-9]*:[0-9]*: [a-z]*:\).*/\1/p' -e 's/^\(help:\).*/\1/p' "$1"
}

# ---- English under LANG=C ----
run c-claims C check claims.sakip
run c-names C check names.sakip
run c-help C --help
run c-check-help C check --help
run c-repl C repl claims.sakip <repl-empty.in
run c-eval C eval claims.sakip

has c-claims.err 'claims.sakip:28:9: error: claim does not hold: predikat(IKM) is "Sangat Tinggi", not "Tinggi" [E0801]' \
    "C: failed periksa is English"
has c-claims.err 'help: rounded to 0 decimals as the claim is written, 83,63 is 84' "C: rounding hint is English"
has c-names.err "names.sakip:19:15: error: unknown sasaran 'S9' [E0301]" "C: unknown sasaran is English"
has c-names.err "help: did you mean 'S1'?" "C: did-you-mean hint is English"
has c-names.err "names.sakip:28:17: error: unknown name 'IKX' [E0301]" "C: unknown name is English"
has c-help.out 'Usage: sakip COMMAND' "C: sakip --help is English"
has c-check-help.out 'Usage: sakip check' "C: sakip check --help is English"
has c-repl.out 'no what-if is active' "C: REPL 'andai' with no what-if is English"
has c-repl.err '<stdin>:2:1: error: there is no andai to undo' "C: REPL 'batal' with nothing to undo is English"

# ---- Indonesian ----
for L in $id_langs; do
    run id-claims "$L" check claims.sakip
    run id-names "$L" check names.sakip
    run id-help "$L" --help
    run id-check-help "$L" check --help
    run id-eval-help "$L" eval --help
    run id-repl "$L" repl claims.sakip <repl-empty.in
    run id-repl2 "$L" repl claims.sakip <repl-andai.in
    run id-eval "$L" eval claims.sakip

    # (a) diagnostics
    has id-claims.err 'claims.sakip:28:9: error: klaim tidak terpenuhi: predikat(IKM) bernilai "Sangat Tinggi", bukan "Tinggi" [E0801]' \
        "$L: failed periksa is Indonesian"
    has id-claims.err 'help: pesan: Tabel 3.7' "$L: periksa pesan is shown"
    has id-claims.err 'claims.sakip:29:9: error: klaim tidak terpenuhi: realisasi(IKM) bernilai 83,63, bukan 83 [E0801]' \
        "$L: failed ~= claim is Indonesian"
    has id-claims.err 'help: dibulatkan ke 0 desimal sesuai penulisan klaim, 83,63 menjadi 84' \
        "$L: rounding hint is Indonesian (no English plural 's')"
    has id-names.err "names.sakip:19:15: error: sasaran 'S9' tidak dikenal [E0301]" "$L: unknown sasaran is Indonesian"
    has id-names.err "help: apakah maksud Anda 'S1'?" "$L: did-you-mean hint is Indonesian"
    has id-names.err "names.sakip:28:17: error: nama 'IKX' tidak dikenal [E0301]" \
        "$L: unknown name in an expression is Indonesian"
    has id-names.err "help: apakah maksud Anda 'IKM'?" "$L: did-you-mean hint for IKX is Indonesian"
    has id-names.err "warning: tidak ada program yang 'mendukung' sasaran S1" "$L: warning text is Indonesian"
    lacks id-claims.err 'claim does not hold' "$L: no English claim text left"
    lacks id-names.err 'did you mean' "$L: no English hint left"
    prefixes c-claims.err >c-claims.pfx
    prefixes id-claims.err >id-claims.pfx
    same c-claims.pfx id-claims.pfx "$L: 'FILE:LINE:COL: error:' and 'help:' prefixes are untranslated (periksa)"
    prefixes c-names.err >c-names.pfx
    prefixes id-names.err >id-names.pfx
    same c-names.pfx id-names.pfx "$L: 'FILE:LINE:COL: error:' and 'help:' prefixes are untranslated (names)"
    same c-claims.rc id-claims.rc "$L: exit status of check does not depend on the language"

    # (b) --help
    has id-help.out 'Penggunaan: sakip' "$L: sakip --help is Indonesian"
    lacks id-help.out 'Usage:' "$L: sakip --help has no English 'Usage:'"
    has id-help.out '--version' "$L: sakip --help keeps the option names"
    has id-check-help.out 'Penggunaan: sakip check' "$L: sakip check --help is Indonesian"
    has id-check-help.out 'perlakukan peringatan sebagai kesalahan' "$L: check --werror is described in Indonesian"
    has id-check-help.out '  --werror ' "$L: check --help keeps '--werror'"
    has id-check-help.out '  --tahun=' "$L: check --help keeps '--tahun'"
    has id-check-help.out 'Status keluar:' "$L: check --help exit status is Indonesian"
    has id-eval-help.out 'Penggunaan: sakip eval [OPSI]... BERKAS...' "$L: sakip eval --help is Indonesian"
    has id-eval-help.out '  --format=FORMAT     text (bawaan), json, csv, md, html atau xlsx' \
        "$L: eval --help keeps the option column"

    # (c) REPL
    has id-repl.out 'tidak ada andai yang aktif' "$L: REPL 'andai' with no what-if is Indonesian"
    has id-repl.err '<stdin>:2:1: error: tidak ada andai yang dapat dibatalkan' "$L: REPL 'batal' with nothing to undo is Indonesian"
    has id-repl2.out 'batal: andai realisasi IKM 2024 = 70' "$L: REPL 'batal' names the undone andai"
    hasre id-repl2.out '^([0-9]* nilai berubah, [0-9]* dihitung ulang)$' "$L: REPL what-if summary is Indonesian"
    has id-repl2.err "<stdin>:4:1: error: perintah ':nope' tidak dikenal" "$L: REPL unknown command is Indonesian"
    has id-repl2.err 'help: ketik :bantuan untuk daftar perintah' "$L: REPL unknown command keeps 'help:'"

    # (d) eval table headings are Indonesian domain terms in every locale
    has id-eval.out 'Pengukuran kinerja tahun' "$L: eval prints the measurement table's title"
    has id-eval.out 'Capaian' "$L: eval prints 'Capaian'"
    has id-eval.out 'Predikat' "$L: eval prints 'Predikat'"
    grep -e '^Pengukuran ' -e 'Capaian' -e 'Predikat' -e 'Anggaran' -e 'Serapan' c-eval.out >c-eval.head
    grep -e '^Pengukuran ' -e 'Capaian' -e 'Predikat' -e 'Anggaran' -e 'Serapan' id-eval.out >id-eval.head
    same c-eval.head id-eval.head "$L: eval table headings are the same as under C"
    same c-eval.out id-eval.out "$L: eval tables are the same as under C"
done

# LC_ALL takes precedence over LANG (i18n.c reads it first in the fallback)
LC_ALL=id_ID.UTF-8 LANG=C "$SAKIP" check names.sakip >lcall.out 2>lcall.err
has lcall.err "sasaran 'S9' tidak dikenal" "LC_ALL=id_ID.UTF-8 over LANG=C gives Indonesian"

# ---- (e) every message is translated ----
cd "$top" || exit 1
if msgcmp "$srcdir/po/id.po" "$srcdir/po/sakip.pot" >"$tmp/msgcmp" 2>&1; then
    ok "every msgid of po/sakip.pot is translated in po/id.po"
else
    bad "every msgid of po/sakip.pot is translated in po/id.po"
    sed 's/^/      | /' "$tmp/msgcmp" | head -n 20
fi
# po/sakip.pot is only regenerated by `make -C po update-po`: extract the
# messages from the sources as well, so that a new untranslated message
# fails here at once.
if command -v xgettext >/dev/null 2>&1 && test -f "$srcdir/po/POTFILES.in"; then
    : >"$tmp/files"
    for f in $(sed -e 's/#.*//' "$srcdir/po/POTFILES.in"); do
        for g in "$f" "$srcdir/$f" "$srcdir/${f%.c}.l" "$srcdir/${f%.c}.y"; do
            if test -f "$g"; then echo "$g" >>"$tmp/files"; break; fi
        done
    done
    if xgettext -L C --from-code=UTF-8 --keyword=_ --keyword=N_ -o "$tmp/fresh.pot" \
            --files-from="$tmp/files" 2>"$tmp/xgettext.err"; then
        if test ! -f "$tmp/fresh.pot"; then
            ok "sources have no message missing from po/id.po"
        elif msgcmp "$srcdir/po/id.po" "$tmp/fresh.pot" >"$tmp/msgcmp2" 2>&1; then
            ok "sources have no message missing from po/id.po"
        else
            bad "sources have no message missing from po/id.po (run make -C po update-po, then translate)"
            sed -n 's/^.*fresh\.pot:\([0-9]*\): .*/\1/p' "$tmp/msgcmp2" | head -n 10 | while read -r n; do
                awk -v n="$n" 'NR > n { exit } /^msgid / { b = "" } /^msgid / || /^"/ { b = b "      | " $0 "\n" }
                               NR == n { printf "%s", b }' "$tmp/fresh.pot"
            done
        fi
    else
        bad "xgettext extracts the messages of the sources"
        sed 's/^/      | /' "$tmp/xgettext.err" | head -n 10
    fi
fi

echo "i18n: $pass passed, $fail failed"
test "$fail" -eq 0
