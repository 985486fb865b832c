/* lsp.h -- the language server of `sakip lsp` (src/lsp.c), callable on
 * any pair of streams (the fuzz target fuzz/fuzz_lsp.c feeds it). */
#ifndef SAKIP_LSP_H
#define SAKIP_LSP_H

#include <stdbool.h>
#include <stdio.h>

/* Serves LSP messages from in, answers to out, until `exit` or the end of
 * in; returns the exit status (0 after shutdown and exit).  workspace:
 * load the .sakip files of the folders `initialize` names. */
int lsp_serve(FILE *in, FILE *out, bool workspace);

#endif
