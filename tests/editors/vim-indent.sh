#!/bin/sh
# vim-indent.sh -- editors/vim/ftplugin/sakip.vim and indent/sakip.vim
# (made from indent/sakip.vim.in in the build tree).
#
# In Vim (vim -Nu NONE -es) with the files on 'runtimepath': the ftplugin
# sets 'commentstring', 'comments', 'formatoptions' and 4-space indenting,
# and b:undo_ftplugin takes them back; gg=G on a copy of each example
# whose indentation has been scrambled (removed, or replaced by spaces and
# tabs) gives back exactly the lines 'sakip fmt' writes; so does a file
# with braces inside texts and comments; and 'o' and '}' typed in insert
# mode indent as fmt would.  Exit 77 (skip) without a Vim that has
# +eval and +autocmd.
set -u
name=vim-indent
: "${srcdir:=.}"
: "${builddir:=.}"
: "${SAKIP:=./sakip}"
case $SAKIP in /*) ;; *) SAKIP=$(pwd)/$SAKIP ;; esac
pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'PASS: %s\n' "$*"; }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }

vim=
for v in vim vim.nox vim.basic vim.gtk3; do
    if command -v "$v" >/dev/null 2>&1 && "$v" --version 2>/dev/null | grep -q '+eval' \
        && "$v" --version 2>/dev/null | grep -q '+autocmd'; then
        vim=$v
        break
    fi
done
if [ -z "$vim" ]; then
    echo "$name: no vim with +eval (Debian package vim-nox); skipped"
    exit 77
fi
if [ ! -x "$SAKIP" ]; then
    echo "$name: SAKIP ($SAKIP) is not an executable"
    exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-vimind.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
rtp=$(cd "$srcdir/editors/vim" && pwd)
built=$(cd "$builddir/editors/vim" && pwd)
if [ ! -f "$built/indent/sakip.vim" ]; then
    bad "$built/indent/sakip.vim is not built"
fi

runvim() {   # script
    WORK=$work "$vim" -Nu NONE -i NONE -es --cmd "set rtp^=$rtp" --cmd "set rtp^=$built" \
        --cmd 'filetype plugin indent on' -S "$1" </dev/null >/dev/null 2>&1
}

# ---- the ftplugin's options, and b:undo_ftplugin
cat >"$work/opts.vim" <<'VIM'
set shiftwidth=8 noexpandtab commentstring=/*%s*/ formatoptions=tcq
let g:out = []
execute 'edit ' . fnameescape($WORK . '/x.sakip')
call add(g:out, 'filetype=' . &filetype)
call add(g:out, 'commentstring=' . &l:commentstring)
call add(g:out, 'comments=' . &l:comments)
call add(g:out, 'fo_t=' . (&l:formatoptions =~# 't'))
call add(g:out, 'fo_c=' . (&l:formatoptions =~# 'c'))
call add(g:out, 'fo_q=' . (&l:formatoptions =~# 'q'))
call add(g:out, 'shiftwidth=' . &l:shiftwidth)
call add(g:out, 'expandtab=' . &l:expandtab)
call add(g:out, 'indentexpr=' . &l:indentexpr)
execute b:undo_ftplugin
execute b:undo_indent
call add(g:out, 'undone commentstring=' . &l:commentstring)
call add(g:out, 'undone shiftwidth=' . &l:shiftwidth)
call add(g:out, 'undone fo_t=' . (&l:formatoptions =~# 't'))
call add(g:out, 'undone indentexpr=' . &l:indentexpr)
call writefile(g:out, $WORK . '/opts.out')
qa!
VIM
runvim "$work/opts.vim"
for want in 'filetype=sakip' 'commentstring=# %s' 'comments=:#' 'fo_t=0' 'fo_c=1' 'fo_q=1' \
    'shiftwidth=4' 'expandtab=1' 'indentexpr=GetSakipIndent(v:lnum)' \
    'undone commentstring=/*%s*/' 'undone shiftwidth=8' 'undone fo_t=1' 'undone indentexpr='; do
    if grep -q -x -F -e "$want" "$work/opts.out" 2>/dev/null; then ok "$want"; else bad "expected $want; vim says: $(tr '\n' ' ' <"$work/opts.out" 2>/dev/null)"; fi
done

# ---- gg=G on scrambled copies
# a file with braces in texts and comments, which must not count
cat >"$work/braces.sakip" <<'SAKIP'
# braces in texts and comments do not count: { { {
instansi "Kecamatan {Kurung}" {  # a comment with } and {
    tahun 2024
}

sasaran S1 "Tanda } dalam nama" {
    indikator A "Satu { buka" {
        satuan    "{"
        polaritas positif
        target    2024: 80..90
        realisasi 2024: 85
        penanggung_jawab "Seksi \"}\"",
            "Seksi {"
        sumber    "x # bukan komentar }"
    }
}

periksa capaian(A) ~= 100%
    pesan "kurung } dan {"
periksa capaian(A) ==
    realisasi(A) / 85 * 100
SAKIP
n=0
for f in "$srcdir"/examples/*.sakip "$srcdir"/examples/kabupaten/*.sakip "$srcdir"/standar/*.sakip "$work/braces.sakip"; do
    n=$((n + 1))
    label=${f#"$srcdir"/}
    label=${label#"$work"/}
    if ! "$SAKIP" fmt "$f" >"$work/ref$n.sakip" 2>"$work/fmt.err"; then
        bad "$label: sakip fmt fails: $(head -n 3 "$work/fmt.err")"
        continue
    fi
    # remove the indentation, then put back a wrong one that varies
    # from line to line: none, spaces, tabs, both
    awk '{ sub(/^[ \t]+/, ""); k = NR % 5; p = ""
           for (i = 0; i < k; i++) p = p (i % 2 ? "\t" : "   ")
           print p $0 }' "$work/ref$n.sakip" >"$work/scr$n.sakip"
    if cmp -s "$work/ref$n.sakip" "$work/scr$n.sakip"; then
        bad "$label: scrambling changed nothing"
        continue
    fi
    cat >"$work/ind.vim" <<VIM
execute 'edit ' . fnameescape(\$WORK . '/scr$n.sakip')
normal! gg=G
execute 'write! ' . fnameescape(\$WORK . '/out$n.sakip')
qa!
VIM
    rm -f "$work/out$n.sakip"
    runvim "$work/ind.vim"
    if [ ! -s "$work/out$n.sakip" ]; then
        bad "$label: vim wrote nothing"
    elif cmp -s "$work/ref$n.sakip" "$work/out$n.sakip"; then
        ok "$label: gg=G indents $(wc -l <"$work/ref$n.sakip") lines as sakip fmt does"
    else
        bad "$label: gg=G differs from sakip fmt: $(diff "$work/ref$n.sakip" "$work/out$n.sakip" | head -n 5 | tr '\n' ' ')"
    fi
done
[ "$n" -ge 4 ] && ok "$n files re-indented" || bad "only $n files found"

# ---- typing: o after an opening brace, '}' and a continued periksa
cat >"$work/type.vim" <<'VIM'
execute 'edit ' . fnameescape($WORK . '/typed.sakip')
call setline(1, 'sasaran S1 "x" {')
execute "normal! Goindikator A \"a\" {\<CR>satuan \"%\"\<CR>}\<CR>}\<CR>periksa capaian(A) ~= 100%\<CR>pesan \"p\"\<CR>periksa capaian(S1) > 0"
call writefile(getline(1, '$'), $WORK . '/typed.out')
qa!
VIM
runvim "$work/type.vim"
cat >"$work/typed.want" <<'SAKIP'
sasaran S1 "x" {
    indikator A "a" {
        satuan "%"
    }
}
periksa capaian(A) ~= 100%
    pesan "p"
periksa capaian(S1) > 0
SAKIP
if cmp -s "$work/typed.want" "$work/typed.out"; then
    ok "typing indents each new line"
else
    bad "typing: got $(tr '\n' '|' <"$work/typed.out" 2>/dev/null)"
fi

echo "$name: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
