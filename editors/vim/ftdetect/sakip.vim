" Vim filetype detection for the SAKIP rule language (*.sakip).
" Install into ~/.vim/ftdetect/ or a vimfiles/ftdetect/ directory.
autocmd BufNewFile,BufRead *.sakip setfiletype sakip
