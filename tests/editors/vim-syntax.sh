#!/bin/sh
# vim-syntax.sh -- editors/vim/syntax/sakip.vim (made from sakip.vim.in in
# the build tree) and ftdetect/sakip.vim.
#
# Opens a .sakip file in Vim (vim -Es -u NONE) with the files on
# 'runtimepath', and checks the filetype, that every keyword of the
# language is highlighted as one, and the syntax group at chosen places.
# Exit 77 (skip) without Vim.
set -u
name=vim-syntax
: "${srcdir:=.}"
: "${builddir:=.}"
pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'PASS: %s\n' "$*"; }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }

vim=
for v in vim vim.nox vim.basic vim.gtk3 vim.tiny; do
    if command -v "$v" >/dev/null 2>&1 && "$v" --version 2>/dev/null | grep -q '+syntax'; then
        vim=$v
        break
    fi
done
if [ -z "$vim" ]; then
    echo "$name: no vim with +syntax (Debian package vim); skipped"
    exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-vimsyn.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
rtp=$(cd "$srcdir/editors/vim" && pwd)
built=$(cd "$builddir/editors/vim" && pwd)

# The keywords of the language (the table the scanner reads), and the
# built-in functions (src/check.c; sakip(5), BUILT-IN FUNCTIONS, without it).
keywords=$(sed -n 's/^KW([A-Z_]*, *"\([a-z_]*\)".*/\1/p' "$srcdir/src/keywords.def")
[ -n "$keywords" ] || { echo "$name: no keywords in $srcdir/src/keywords.def"; exit 1; }
functions=$(sed -n 's/^[[:space:]]*{"\([a-z_]*\)", [0-9-]*, [0-9-]*, T_.*/\1/p' "$srcdir/src/check.c" 2>/dev/null)
[ -n "$functions" ] || functions="target realisasi anggaran capaian capaian_renstra serapan predikat kategori efisiensi bulat jumlah rata min max"
for k in $keywords; do echo "$k"; done >"$work/keywords.sakip"
for f in $functions; do echo "periksa $f(X)"; done >"$work/functions.sakip"

cat >"$work/sample.sakip" <<'SAKIP'
instansi "Kec \"A\" \q" { tahun 2024  periode 2021..2026 }  # TODO
    target 2024: 82, 2026: 85.5  realisasi 83.63 %
periksa capaian(IKM) ~= 102% dan anggaran(P1) == Rp 4.492.070.793,00
sasaran S1 "x" { satuan 4Dok }
SAKIP

# line col expected-group
cat >"$work/expect" <<'EOF2'
1 1 sakipDeclare
1 10 sakipString
1 15 sakipEscape
1 21 sakipEscapeError
1 27 sakipProperty
1 47 sakipRange
1 63 sakipTodo
2 12 sakipYear
2 16 sakipDelimiter
2 18 sakipNumber
2 28 sakipNumber
2 46 sakipPercent
3 1 sakipStatement
3 9 sakipFunction
3 22 sakipOperator
3 25 sakipPercent
3 30 sakipOperatorWord
3 47 sakipOperator
3 50 sakipMoney
4 9 sakipDeclName
4 26 sakipNumberError
EOF2

cat >"$work/syn.vim" <<'VIM'
syntax on
filetype on
let g:out = []
execute 'edit ' . fnameescape($WORK . '/keywords.sakip')
call add(g:out, 'filetype=' . &filetype)
for l in range(1, line('$'))
  call add(g:out, 'kw ' . getline(l) . ' ' . synIDattr(synID(l, 1, 1), 'name'))
endfor
execute 'edit ' . fnameescape($WORK . '/functions.sakip')
for l in range(1, line('$'))
  call add(g:out, 'fn ' . matchstr(getline(l), '\w\+\ze(') . ' ' . synIDattr(synID(l, 9, 1), 'name'))
endfor
execute 'edit ' . fnameescape($WORK . '/sample.sakip')
for spec in readfile($WORK . '/expect')
  let [l, c, g] = split(spec)
  call add(g:out, l . ' ' . c . ' ' . synIDattr(synID(str2nr(l), str2nr(c), 1), 'name'))
endfor
call writefile(g:out, $WORK . '/out')
qa!
VIM
WORK=$work "$vim" -Es -u NONE -i NONE -N --cmd "set rtp^=$rtp" --cmd "set rtp^=$built" -S "$work/syn.vim" </dev/null >/dev/null 2>&1
if [ ! -s "$work/out" ]; then
    bad "vim wrote nothing"
    echo "$name: $pass passed, $fail failed"
    exit 1
fi

if grep -q '^filetype=sakip$' "$work/out"; then ok "*.sakip gets filetype sakip"; else bad "filetype: $(head -n 1 "$work/out")"; fi

for k in $keywords; do
    group=$(grep "^kw $k " "$work/out" | awk '{print $3}')
    case $group in
    sakipDeclare | sakipStatement | sakipProperty | sakipPolarity | sakipConditional | \
        sakipOperatorWord | sakipBoolean | sakipRepl) ok "keyword $k ($group)" ;;
    *) bad "keyword $k is highlighted as '$group'" ;;
    esac
done

for f in $functions; do
    group=$(grep "^fn $f " "$work/out" | awk '{print $3}')
    case $group in
    sakipFunction | sakipProperty) ok "function $f ($group)" ;;
    *) bad "function $f( is highlighted as '$group'" ;;
    esac
done

while read -r l c want; do
    got=$(grep "^$l $c " "$work/out" | awk '{print $3}')
    if [ "$got" = "$want" ]; then ok "$l:$c is $want"; else bad "$l:$c is '$got', expected $want"; fi
done <"$work/expect"

echo "$name: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
