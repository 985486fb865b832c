" Vim syntax file
" Language:    SAKIP rule language (.sakip), version 1
" Maintainer:  the sakip project
" Description: performance reports of Indonesian government units
"              (sasaran, indikator, capaian, anggaran, periksa claims).
"
" Install into ~/.vim/syntax/ (or a vimfiles/syntax/ directory) together
" with ftdetect/sakip.vim, which sets 'filetype' for *.sakip files.

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

" Identifiers are [A-Za-z_][A-Za-z0-9_]*; keywords are lower case and
" case-sensitive.
syn case match
setlocal iskeyword=a-z,A-Z,48-57,_

" ---- comments -----------------------------------------------------------
syn keyword sakipTodo     contained TODO FIXME XXX NOTE CATATAN
syn match   sakipComment  "#.*$" contains=sakipTodo,@Spell

" ---- strings: "..." on one line, escapes \" \\ \n \t ----------------------
syn match   sakipEscape      contained "\\[\"\\nt]"
syn match   sakipEscapeError contained "\\[^\"\\nt]"
syn region  sakipString  start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ oneline
      \ contains=sakipEscape,sakipEscapeError,@Spell
" Curly quotes copied from a word processor are an error (E0106).
syn match   sakipCurlyQuote  "[\u201c\u201d]"

" ---- keywords (LANGUAGE.md section 1 and its extensions) -----------------
" Declarations that introduce a name: the name is highlighted too.
syn keyword sakipDeclare  instansi skala tujuan sasaran indikator program
      \ kegiatan subkegiatan aturan perjanjian survei penilaian
      \ nextgroup=sakipDeclName skipwhite
syn match   sakipDeclName contained "\h\w*"
syn keyword sakipStatement sakip impor atur periksa pesan keluaran
syn keyword sakipProperty  induk tahun periode kepala misi satuan polaritas
      \ target realisasi rumus data penanggung_jawab sumber penjelasan
      \ mendukung anggaran nilai
" Perjanjian Kinerja, comparison values (doc/perjanjian.md), surveys and
" evaluation sheets (doc/survei.md).
syn keyword sakipProperty  mengubah tanggal pihak pembanding unsur jawaban
      \ berkas komponen
syn keyword sakipPolarity     positif negatif
syn keyword sakipConditional  jika maka lainnya
syn keyword sakipOperatorWord dan atau tidak
syn keyword sakipBoolean      benar salah
" Statements of the REPL and of scenario files (--skenario).
syn keyword sakipRepl         andai batal jelaskan

" ---- built-in functions (LANGUAGE.md section 4) --------------------------
" target, realisasi and anggaran are keywords as well as functions.
syn match   sakipFunction
      \ "\<\%(capaian_renstra\|capaian\|serapan\|predikat\|kategori\|efisiensi\|bulat\|jumlah\|rata\|min\|max\|ikm\|nilai_sakip\)\ze\s*("

" ---- literals -------------------------------------------------------------
" When two matches start at the same place the one defined last wins, so
" the general number comes first and the more specific forms after it.
" Numbers: 82  83.63  1_000_000
syn match   sakipNumber  "\<\d\+\%(_\d\+\)*\%(\.\d\+\)\=\>"
" A number running into letters (4Dok) is an error (E0105).
syn match   sakipNumberError "\<\d\+\%(\.\d\+\)\=\a\w*"
" Percent: 102%  83.63 %
syn match   sakipPercent "\<\d\+\%(_\d\+\)*\%(\.\d\+\)\=\s*%"
" Year ranges: 2021..2026 (also target ranges such as 80..90).
syn match   sakipRange   "\<\d\+\%(\.\d\+\)\=\.\.\d\+\%(\.\d\+\)\=\>"
" A year label in 'target 2024: 82' and 'data 2024 { ... }'.
syn match   sakipYear    "\<\d\{4}\ze\s*[:{]"
" Money: Rp 4.492.070.793  Rp 4.492.070.793,00  Rp. 2.941.063.617  Rp 9.520.800,-
syn match   sakipMoney   "\<Rp\.\=\s*\d\%([0-9.,]*\d\)\=\%(,-\)\="

" ---- operators -------------------------------------------------------------
syn match   sakipOperator "\~=\|==\|!=\|<=\|>=\|[<>=+*/-]"
syn match   sakipDelimiter "[:;,]"

hi def link sakipTodo         Todo
hi def link sakipComment      Comment
hi def link sakipString       String
hi def link sakipEscape       SpecialChar
hi def link sakipEscapeError  Error
hi def link sakipCurlyQuote   Error
hi def link sakipDeclare      Structure
hi def link sakipDeclName     Identifier
hi def link sakipStatement    Statement
hi def link sakipProperty     Type
hi def link sakipPolarity     Constant
hi def link sakipConditional  Conditional
hi def link sakipOperatorWord Operator
hi def link sakipBoolean      Boolean
hi def link sakipRepl         Special
hi def link sakipFunction     Function
hi def link sakipMoney        Number
hi def link sakipRange        Number
hi def link sakipPercent      Number
hi def link sakipNumber       Number
hi def link sakipNumberError  Error
hi def link sakipYear         Constant
hi def link sakipOperator     Operator
hi def link sakipDelimiter    Delimiter

let b:current_syntax = 'sakip'

let &cpo = s:cpo_save
unlet s:cpo_save
