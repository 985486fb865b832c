/* cli.h -- what the command line (main.c) hands to the commands
 * (commands.c): the parsed options. */
#ifndef SAKIP_CLI_H
#define SAKIP_CLI_H

#include <stdio.h>
#include "num.h"
#include "util.h"

enum { EXIT_OK = 0, EXIT_ERRORS = 1, EXIT_USAGE = 2 };

typedef struct Options {
    bool werror;
    bool json;
    Notation notation;
    int tahun;
    int jobs;                /* check -j N: files checked by N worker processes */
    const char *format;
    const char *output;
    const char *csv;         /* --csv=rfc4180|excel-id (excel-id: ';', decimal comma, BOM); NULL: not given */
    const char *klaim;       /* --klaim=salah|semua: the claims the printed HTML appendix lists; NULL: not given */
    Vec files;
    Vec silenced;
    Vec scenarios;           /* --skenario FILE */
    Vec andai;               /* --andai 'realisasi IKM 2024 = 70' */
    bool fmt_check, fmt_write, fmt_diff;
    enum { COLOR_AUTO, COLOR_NEVER, COLOR_ALWAYS } color;   /* --color=WHEN */
    int per;                 /* eval --per=P: the period's code (sakip(5), PERIODS), 0: the year */
    const char *per_name;
    size_t max_errors;       /* --max-errors: errors (and warnings) shown per file as text; 0: all */
    size_t not_shown;        /* errors and warnings counted but not shown as text, over the run */
    /* over the run, for the closing line: errors other than failed claims,
     * warnings, failed claims (E0801) */
    size_t errors, warnings, claims;
    /* serve (#23): --port, --listen, --skenario-dir, --token-file */
    int port;
    const char *listen, *skenario_dir, *token_file;
    /* import (#24): --peta MAP, --perbarui FILE, --periksa */
    const char *import_peta, *import_perbarui;
    bool import_periksa;
} Options;

/* Each returns the exit status (sakip(1), EXIT STATUS). */
/* Whether diagnostics on `stream` get colours: --color=always or never,
 * or (auto) when it is a terminal and NO_COLOR is not set. */
bool want_color(const Options *o, FILE *stream);

int cmd_check(Options *o);
int cmd_eval(Options *o);
int cmd_repl(Options *o);
int cmd_fmt(Options *o);
int cmd_diff(Options *o);
int cmd_serve(Options *o);   /* src/serve.c */
/* sakip lsp: the language server (src/lsp.c) */
int cmd_lsp(Options *o);
int cmd_import(Options *o);

#endif
