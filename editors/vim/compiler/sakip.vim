" Vim compiler file for sakip, the checker of SAKIP performance reports.
"
"   :compiler sakip
"   :make            runs 'sakip check FILE' and fills the quickfix list
"
" sakip writes GNU-style diagnostics to standard error:
"
"   FILE:LINE:COL: error: MESSAGE [CODE]
"    LINE | quoted source line
"         |     ^~~~~ caret under the span
"   FILE:LINE:COL: note: a related place
"   help: a hint, e.g. did you mean 'IKM'?
"
" Each error, warning and note becomes one quickfix entry (type e, w or n);
" the quoted source and caret lines are skipped, and "help:" lines are
" appended to the message of the entry they follow.  Columns count
" characters; Vim reads them as byte columns, which agree on ASCII lines.

if exists('current_compiler')
  finish
endif
let current_compiler = 'sakip'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

CompilerSet makeprg=sakip\ check\ %

CompilerSet errorformat=
      \%E%f:%l:%c:\ error:\ %m,
      \%W%f:%l:%c:\ warning:\ %m,
      \%N%f:%l:%c:\ note:\ %m,
      \%Esakip:\ error:\ %m,
      \%Wsakip:\ warning:\ %m,
      \%-C\ %#%\\d%\\+\ \|%.%#,
      \%-C\ %#\|%.%#,
      \%+Chelp:\ %.%#,
      \%-G%.%#

let &cpo = s:cpo_save
unlet s:cpo_save
