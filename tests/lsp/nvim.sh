#!/bin/sh
# tests/lsp/nvim.sh -- a real client: Debian's Neovim, headless, with its
# built-in LSP client and editors/nvim/sakip.lua, opens the Ambulu
# example and checks the diagnostics, an inlay hint (as virtual text), a
# hover text and a quick fix (tests/lsp/nvim-test.lua).
# Expected values, by hand from examples/ambulu-2024.sakip: DOK has
# target 2024: 4 and realisasi 2024: 4, so capaian 4 / 4 * 100 = 100,00%;
# skala p86 puts 100 in "Sangat Tinggi" (nilai >= 90); S1 has DOK alone,
# so the same; no program says `mendukung S1`, so W0607 and efisiensi
# undefined ('-').  The first quick fix adds `mendukung S1` to P1 (the
# first program, line 219), indented as its items.
# Environment: SAKIP, srcdir.  Exit status: 0 passed, 1 failed, 77 no nvim.

: "${srcdir:=.}"
: "${SAKIP:=./sakip}"
command -v nvim >/dev/null 2>&1 || { echo "nvim: not found; skipped"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sakip-nvim.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' 0
trap 'exit 1' 1 2 13 15
cp "$srcdir/examples/ambulu-2024.sakip" "$srcdir/examples/skm-ambulu-2024.csv" "$tmp/"
case $SAKIP in /*) ;; *) SAKIP=$PWD/$SAKIP ;; esac
case $srcdir in /*) SRCDIR=$srcdir ;; *) SRCDIR=$PWD/$srcdir ;; esac
export SAKIP SRCDIR
OUT=$tmp/out FILE=$tmp/ambulu-2024.sakip HOME=$tmp XDG_CONFIG_HOME=$tmp XDG_STATE_HOME=$tmp XDG_DATA_HOME=$tmp \
    timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $SRCDIR/tests/lsp/nvim-test.lua" </dev/null >/dev/null 2>&1
cat > "$tmp/expected" <<'END'
diagnostics true
diag 108:9 no program 'mendukung' sasaran S1; its serapan and efisiensi are undefined
inlay true
inlay 108: capaian 100,00% · Sangat Tinggi · efisiensi -
hover **indikator DOK** — Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah
hover capaian 100,00% · Sangat Tinggi (2024)
action add 'mendukung S1' to program P1
line 220:     mendukung S1
fixed true
END
if diff -u "$tmp/expected" "$tmp/out"; then
    echo "PASS: nvim"
else
    echo "FAIL: nvim"; exit 1
fi
