/* repl.h -- `sakip repl [FILE...]`: an interactive (GNU readline) or
 * scripted (stdin not a terminal) session over loaded units: expressions,
 * declarations, what-ifs (`andai`, `batal`), explanations (`jelaskan`)
 * and commands (`:bantuan`, `:muat`, `:simpan`, `:unit`, `:keluar`). */
#ifndef SAKIP_REPL_H
#define SAKIP_REPL_H

#include <stdbool.h>
#include <stdio.h>
#include "num.h"
#include "util.h"

typedef struct ReplOptions {
    Notation notation;
    bool interactive;        /* readline, prompts, history */
    bool color;              /* diagnostics in colour */
    FILE *in, *out, *err;
} ReplOptions;

/* Runs a session; returns the exit status (1 if any input failed). */
int repl_run(const Vec *files, const ReplOptions *opt);

/* Maximum length of one input line. */
#define REPL_MAX_LINE (1024 * 1024)

#endif
