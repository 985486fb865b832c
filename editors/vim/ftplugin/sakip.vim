" Vim filetype plugin
" Language:    SAKIP rule language (.sakip)
" Maintainer:  the sakip project
"
" Comments start with '#' and run to the end of the line.  The layout of
" 'sakip fmt' is 4 spaces per level; set g:sakip_recommended_style to 0
" to keep your own 'shiftwidth', 'softtabstop' and 'expandtab'.
"
" Install into ~/.vim/ftplugin/ (or a vimfiles/ftplugin/ directory).

if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

let s:cpo_save = &cpo
set cpo&vim

setlocal commentstring=#\ %s
setlocal comments=:#
" Wrap comments at 'textwidth' (c), continue them on <Enter> and o/O (r, o),
" gq formats them (q), remove the '#' when joining comment lines (j); never
" wrap code (no t): a string may not span lines.
setlocal formatoptions-=t formatoptions+=croqlj
setlocal iskeyword=a-z,A-Z,48-57,_
setlocal suffixesadd=.sakip

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< iskeyword< suffixesadd<'

if get(g:, 'sakip_recommended_style', 1)
  setlocal expandtab shiftwidth=4 softtabstop=4
  let b:undo_ftplugin .= ' | setlocal expandtab< shiftwidth< softtabstop<'
endif

let &cpo = s:cpo_save
unlet s:cpo_save
