/* main.c -- the sakip command line: parses the arguments with each
 * command's option table and picks the command to run (commands.c);
 * everything else is libsakip.
 *
 * Exit statuses (sakip(1), EXIT STATUS):
 *   0  success: no errors (check), or evaluation completed (eval)
 *   1  check: a file has errors, a claim fails, or (--werror) a warning;
 *      eval: an error stopped the evaluation of a file
 *   2  usage error, or a file could not be read
 */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <getopt.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "ast.h"
#include "cli.h"
#include "diag.h"
#include "i18n.h"
#include "jobs.h"
#include "numalloc.h"

static void usage(FILE *out)
{
    fputs(_("Usage: sakip COMMAND [OPTION]... FILE...\n"
          "Check and evaluate SAKIP performance reports written in the .sakip language.\n"
          "\n"
          "Commands:\n"
          "  check   validate files and the claims they make ('periksa')\n"
          "  eval    print the LAKIP tables: capaian, predikat, anggaran, serapan, efisiensi\n"
          "  repl    ask questions and try what-ifs (andai) interactively or from a script\n"
          "  fmt     print files in the canonical layout (--check, --write)\n"
          "  diff    compare two perjanjian of a file (FILE PK_A PK_B) or two files\n"
          "  serve   a local web dashboard of the files, with what-ifs in the browser\n"
          "  lsp     the language server for editors: diagnostics, values, quick fixes\n"
          "  import  read the budget tree from spreadsheets (CSV, XLSX), or update realisasi\n"
          "\n"
          "Run 'sakip COMMAND --help' for the options of a command.\n"
          "  --help              show this help and exit\n"
          "  --version           show the version and exit\n"
          "\n"
          "Exit status: 0 success; 1 errors, failed claims or differences; 2 usage error or\n"
          "unreadable file.  FILE '-' reads standard input.\n"),
          out);
    fprintf(out, _("\nReport bugs to: %s\n"), PACKAGE_BUGREPORT);
}

static const char *const common_options = N_(
    "  --tahun=YEAR        evaluate YEAR instead of the file's 'tahun'\n"
    "  --angka=id|en       number notation (default id: Rp 4.492.070.793, 83,63)\n"
    "  --skenario=FILE     apply the what-ifs (andai) saved in FILE\n"
    "  --andai=CHANGE      apply one what-if, e.g. --andai='realisasi IKM 2024 = 70'\n"
    "  --no-warn=CODE      do not report warnings with this code (e.g. W0607)\n"
    "  --color=WHEN        colour diagnostics: auto (a terminal, no NO_COLOR), always, never\n"
    "  --help              show this help and exit\n");
static const char *const max_errors_option = N_(
    "  --max-errors=N      show at most N errors and N warnings of a file as text, then how\n"
    "                      many more there are (default 100; 0: all); JSON shows all\n");

/* --help of one command (GNU coding standards: usage, options, exit status). */
static void command_usage(const char *cmd, FILE *out)
{
    if (!strcmp(cmd, "check")) {
        fputs(_("Usage: sakip check [OPTION]... FILE...\n"
              "Validate .sakip files before signing: syntax, names, types, IKU definitions, skala bands,\n"
              "the budget tree, perjanjian, and every 'periksa' claim.  Diagnostics go to standard error.\n\n"
              "  --format=text|json  diagnostics as GNU-style text (default) or JSON for editors\n"
              "  --werror            treat warnings as errors\n"), out);
        fputs(_("  -j, --jobs=N        check with N worker processes; the output is the same\n"), out);
        fputs(_(max_errors_option), out);
        fputs(_(common_options), out);
        fputs(_("\nExit status: 0 no errors; 1 errors or a failed claim (or, with --werror, a warning);\n"
              "2 usage error or unreadable file.\n"), out);
    } else if (!strcmp(cmd, "eval")) {
        fputs(_("Usage: sakip eval [OPTION]... FILE...\n"
              "Print the LAKIP tables of each file (measurement, years, comparison, budget, efisiensi,\n"
              "predikat, perjanjian, claims) and, for several files, a recap grouped by induk.\n\n"
              "  --format=FORMAT     text (default), json, csv, md, html or xlsx\n"
              "  --output=PATH       write to PATH atomically; csv: a directory gets one file per table;\n"
              "                      xlsx needs it\n"
              "  --csv=STYLE         rfc4180 (default) or excel-id: ';', decimal comma and a BOM, as\n"
              "                      Excel opens it in an Indonesian locale (implies --format=csv)\n"
              "  --klaim=salah|semua html: the printed appendix of claims lists the failing ones\n"
              "                      (default) or every claim\n"), out);
        fputs(_("  --per=PERIOD        every table as of the end of PERIOD of tahun (tw2, sm1, jun, ...)\n"), out);
        fputs(_(max_errors_option), out);
        fputs(_(common_options), out);
        fputs(_("\nExit status: 0 evaluated (failed claims are part of the report); 1 an error stopped the\n"
              "evaluation of a file; 2 usage error, unreadable file or an output that cannot be written.\n"), out);
    } else if (!strcmp(cmd, "repl")) {
        fputs(_("Usage: sakip repl [OPTION]... [FILE]...\n"
              "Ask questions of loaded files: expressions, declarations, 'andai' what-ifs, 'batal',\n"
              "'jelaskan EXPR'.  Type :bantuan for the commands.  Without a terminal it reads statements\n"
              "from standard input, one result per statement.\n\n"
              "  --angka=id|en       number notation\n"
              "  --color=WHEN        colour diagnostics: auto, always or never\n"
              "  --help              show this help and exit\n"
              "\nHistory: ${XDG_STATE_HOME:-~/.local/state}/sakip/history (mode 0600).\n"
              "Exit status: 0 every input succeeded; 1 an input failed; 2 usage error.\n"), out);
    } else if (!strcmp(cmd, "fmt")) {
        fputs(_("Usage: sakip fmt [--check | --write | --diff] FILE...\n"
              "Print files in the canonical layout, keeping every comment.  A file with syntax errors is\n"
              "never rewritten.\n\n"
              "  --check             list the files that are not formatted (exit 1 if any)\n"
              "  --write             rewrite the files in place, atomically, keeping their mode\n"
              "  --diff              show what --write would change, as a unified diff (exit 1 if any)\n"
              "  --color=WHEN        colour diagnostics: auto, always or never\n"
              "  --help              show this help and exit\n"
              "\nExit status: 0 success; 1 a file is not formatted (--check) or has syntax errors;\n"
              "2 usage error or unreadable file.\n"), out);
    } else if (!strcmp(cmd, "diff")) {
        fputs(_("Usage: sakip diff [OPTION]... FILE PERJANJIAN_A PERJANJIAN_B\n"
              "  or:  sakip diff [OPTION]... FILE_A FILE_B\n"
              "Show what changed between two versions of a Perjanjian Kinerja (targets, anggaran, with\n"
              "deltas and the total), or between two files (targets, realisasi, anggaran).\n\n"), out);
        fputs(_(max_errors_option), out);
        fputs(_(common_options), out);
        fputs(_("\nExit status: 0 no differences; 1 differences; 2 usage error or unreadable file.\n"), out);
    } else if (!strcmp(cmd, "serve")) {
        fputs(_("Usage: sakip serve [OPTION]... FILE|DIR...\n"
              "Serve a web dashboard of the files (a folder: its .sakip files): an overview of every unit,\n"
              "each unit's report with what-ifs (andai), downloads in every format, live reload.\n\n"
              "  --port=N            listen on port N (default 8000; 0: any free port)\n"
              "  --listen=ADDR       listen on the IP address ADDR (default 127.0.0.1); beyond loopback\n"
              "                      every request needs the access token printed at start\n"
              "  --token-file=FILE   read the access token from FILE (then always required)\n"
              "  --skenario-dir=DIR  let 'save as scenario' write .sakip scenario files into DIR\n"
              "  --tahun=YEAR        evaluate YEAR instead of the file's 'tahun'\n"
              "  --angka=id|en       number notation\n"
              "  --help              show this help and exit\n"
              "\nExit status: 0 stopped by SIGINT or SIGTERM; 2 usage error or cannot listen.\n"), out);
    } else if (!strcmp(cmd, "lsp")) {
        fputs(_("Usage: sakip lsp [--stdio]\n"
              "Run the Language Server Protocol server on standard input and output, for editors:\n"
              "diagnostics as you type, capaian, predikat and serapan beside their lines, hover,\n"
              "quick fixes, completion, go to definition, references, rename and formatting.\n\n"
              "  --stdio             talk on standard input and output (the only transport)\n"
              "  --help              show this help and exit\n"
              "\nExit status: 0 after shutdown and exit; 1 when the input ends without them.\n"), out);
    } else if (!strcmp(cmd, "import")) {
        fputs(_("Usage: sakip import --peta=MAP SOURCE...\n"
              "  or:  sakip import --perbarui=FILE --peta=MAP [--periksa] SOURCE\n"
              "Read the budget tree (program, kegiatan, subkegiatan: kode, names, anggaran, realisasi) from\n"
              "CSV or XLSX spreadsheets, where the map says it is, and print it as .sakip declarations; or\n"
              "replace the realisasi of FILE's nodes, matched by kode or identifier, and show the changes; a\n"
              "perjanjian map puts a Perjanjian Kinerja sheet into FILE as a perjanjian.\n\n"
              "  --peta=MAP          the map of the spreadsheet's layout (doc/import.md)\n"
              "  --perbarui=FILE     update FILE in place (written atomically)\n"
              "  --periksa           with --perbarui: show the changes, write nothing\n"
              "  --max-errors=N      show at most N errors (default 100; 0: all)\n"
              "  --help              show this help and exit\n"
              "\nExit status: 0 success; 1 a bad map or cell, or a row that matches no node; 2 usage error\n"
              "or unreadable file.\n"), out);
    }
    fprintf(out, _("\nReport bugs to: %s\n"), PACKAGE_BUGREPORT);
}

static void version(void)
{
    printf(_("sakip (%s) %s\n"
           "Copyright (C) 2026 the sakip authors.\n"
           "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
           "This is free software: you are free to change and redistribute it.\n"
           "There is NO WARRANTY, to the extent permitted by law.\n"),
           PACKAGE_NAME, PACKAGE_VERSION);
    /* what this build can do (configure --without-...), for bug reports
     * and for the tests that need a feature; never translated */
    puts("Features:"
#ifdef HAVE_READLINE
         " +readline"
#else
         " -readline"
#endif
#ifdef HAVE_XLSX
         " +xlsx"
#else
         " -xlsx"
#endif
#if ENABLE_NLS
         " +nls"
#else
         " -nls"
#endif
    );
}

/* ---- options: one table of every option, and per command the ones it takes ---- */

enum {
    OPT_FORMAT = 'f', OPT_OUTPUT = 'o', OPT_HELP = 'h', OPT_JOBS = 'j',
    OPT_WERROR = 256, OPT_NO_WARN, OPT_SKENARIO, OPT_ANDAI, OPT_TAHUN, OPT_ANGKA,
    OPT_CHECK, OPT_WRITE, OPT_VERSION, OPT_MAX_ERRORS, OPT_COLOR, OPT_DIFF,
    OPT_CSV, OPT_KLAIM,
    OPT_PORT, OPT_LISTEN, OPT_SKENARIO_DIR, OPT_TOKEN_FILE,   /* serve */
    OPT_PER,
    OPT_STDIO,
    OPT_PETA = 400, OPT_PERBARUI, OPT_PERIKSA,   /* import (#24) */
};

#define O_WERROR   {"werror", no_argument, NULL, OPT_WERROR}
#define O_FORMAT   {"format", required_argument, NULL, OPT_FORMAT}
#define O_OUTPUT   {"output", required_argument, NULL, OPT_OUTPUT}
#define O_NO_WARN  {"no-warn", required_argument, NULL, OPT_NO_WARN}
#define O_SKENARIO {"skenario", required_argument, NULL, OPT_SKENARIO}
#define O_ANDAI    {"andai", required_argument, NULL, OPT_ANDAI}
#define O_TAHUN    {"tahun", required_argument, NULL, OPT_TAHUN}
#define O_ANGKA    {"angka", required_argument, NULL, OPT_ANGKA}
#define O_CHECK    {"check", no_argument, NULL, OPT_CHECK}
#define O_WRITE    {"write", no_argument, NULL, OPT_WRITE}
#define O_HELP     {"help", no_argument, NULL, OPT_HELP}
#define O_VERSION  {"version", no_argument, NULL, OPT_VERSION}
#define O_JOBS     {"jobs", required_argument, NULL, OPT_JOBS}
#define O_MAX_ERRORS {"max-errors", required_argument, NULL, OPT_MAX_ERRORS}
#define O_COLOR    {"color", required_argument, NULL, OPT_COLOR}
#define O_DIFF     {"diff", no_argument, NULL, OPT_DIFF}
#define O_CSV      {"csv", required_argument, NULL, OPT_CSV}
#define O_KLAIM    {"klaim", required_argument, NULL, OPT_KLAIM}
#define O_PER      {"per", required_argument, NULL, OPT_PER}
#define O_END      {NULL, 0, NULL, 0}
/* what check, eval and diff share (common_options in --help) */
#define O_COMMON   O_TAHUN, O_ANGKA, O_SKENARIO, O_ANDAI, O_NO_WARN, O_MAX_ERRORS, O_COLOR, O_HELP, O_VERSION

static const struct option check_options[] = {O_WERROR, O_FORMAT, O_JOBS, O_COMMON, O_END};
static const struct option eval_options[] = {O_FORMAT, O_OUTPUT, O_CSV, O_KLAIM, O_COMMON, O_PER, O_END};
static const struct option repl_options[] = {O_ANGKA, O_COLOR, O_HELP, O_VERSION, O_END};
static const struct option fmt_options[] = {O_CHECK, O_WRITE, O_DIFF, O_COLOR, O_HELP, O_VERSION, O_END};
static const struct option diff_options[] = {O_COMMON, O_END};
static const struct option serve_options[] = {
    {"port", required_argument, NULL, OPT_PORT}, {"listen", required_argument, NULL, OPT_LISTEN},
    {"skenario-dir", required_argument, NULL, OPT_SKENARIO_DIR}, {"token-file", required_argument, NULL, OPT_TOKEN_FILE},
    O_TAHUN, O_ANGKA, O_HELP, O_VERSION, O_END};
/* sakip lsp: --stdio, which editors pass, is the only transport */
static const struct option lsp_options[] = {{"stdio", no_argument, NULL, OPT_STDIO}, O_HELP, O_VERSION, O_END};
static const struct option import_options[] = {{"peta", required_argument, NULL, OPT_PETA},
    {"perbarui", required_argument, NULL, OPT_PERBARUI}, {"periksa", no_argument, NULL, OPT_PERIKSA}, O_MAX_ERRORS,
    O_HELP, O_VERSION, O_END};

typedef struct Command {
    const char *name;
    int (*run)(Options *);
    const struct option *options;
    const char *shortopts;   /* after the leading ':' that getopt_long is given */
    bool allow_no_files;
} Command;

static const Command commands[] = {
    {"check", cmd_check, check_options, "f:j:h", false},
    {"eval", cmd_eval, eval_options, "f:o:h", false},
    {"repl", cmd_repl, repl_options, "h", true},
    {"fmt", cmd_fmt, fmt_options, "h", false},
    {"diff", cmd_diff, diff_options, "h", false},
    {"serve", cmd_serve, serve_options, "h", false},
    {"lsp", cmd_lsp, lsp_options, "h", true},
    {"import", cmd_import, import_options, "h", false},
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };
static const char *const command_names[] = {"check", "eval", "repl", "fmt", "diff", "serve", "lsp", "import", NULL};

static const Command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!strcmp(commands[i].name, name)) return &commands[i];
    return NULL;
}

static const char *long_name_of(const struct option *opts, int val)
{
    for (size_t i = 0; opts[i].name; i++)
        if (opts[i].val == val) return opts[i].name;
    return NULL;
}

static void try_help(const Command *c)
{
    fprintf(stderr, _("Try 'sakip %s --help' for more information.\n"), c->name);
}

/* The commands (other than c) that take the long option `name` (a full
 * name or a prefix of exactly one option of that command), as "check, eval";
 * empty when none does. */
static void foreign_commands(const Command *c, const char *name, size_t n, Buf *out)
{
    for (size_t i = 0; i < NCOMMANDS; i++) {
        if (&commands[i] == c) continue;
        size_t hits = 0;
        bool exact = false;
        for (const struct option *op = commands[i].options; op->name; op++) {
            if (strncmp(op->name, name, n)) continue;
            hits++;
            exact |= strlen(op->name) == n;
        }
        if (exact || hits == 1) buf_printf(out, "%s%s", out->len ? ", " : "", commands[i].name);
    }
}

/* What was wrong with the long option in arg ("--name[=value]"), which
 * getopt_long did not take: ambiguous, another command's, or unknown. */
static void bad_long_option(const Command *c, const char *arg)
{
    const char *name = arg + 2;
    size_t n = strcspn(name, "=");
    char opt[64];            /* the option without its value */
    snprintf(opt, sizeof opt, "%.*s", (int)(n + 2 < sizeof opt ? n + 2 : sizeof opt - 1), arg);
    Buf matches;
    buf_init(&matches);
    for (const struct option *op = c->options; op->name; op++)
        if (!strncmp(op->name, name, n)) buf_printf(&matches, " '--%s'", op->name);
    if (matches.len) {
        fprintf(stderr, _("sakip %s: option '%s' is ambiguous; possibilities:%s\n"), c->name, opt, matches.data);
        buf_free(&matches);
        return;
    }
    foreign_commands(c, name, n, &matches);
    if (matches.len) {
        fprintf(stderr, _("sakip %s: option '%s' is not an option of %s; it belongs to %s\n"), c->name, opt,
                c->name, matches.data);
    } else {
        /* "did you mean" among this command's options */
        const char *names[32];
        char heads[32][24];
        size_t k = 0;
        for (const struct option *op = c->options; op->name && k < 31; op++, k++) {
            snprintf(heads[k], sizeof heads[k], "--%s", op->name);
            names[k] = heads[k];
        }
        names[k] = NULL;
        const char *best = closest_word(opt, names);
        if (best) fprintf(stderr, _("sakip %s: unknown option '%s'; did you mean '%s'?\n"), c->name, arg, best);
        else fprintf(stderr, _("sakip %s: unknown option '%s'\n"), c->name, arg);
    }
    buf_free(&matches);
}

/* A short option this command does not take: another command's, or unknown. */
static void bad_short_option(const Command *c, int ch)
{
    char opt[3] = {'-', (char)ch, '\0'};
    Buf owners;
    buf_init(&owners);
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (&commands[i] != c && strchr(commands[i].shortopts, ch))
            buf_printf(&owners, "%s%s", owners.len ? ", " : "", commands[i].name);
    if (owners.len)
        fprintf(stderr, _("sakip %s: option '%s' is not an option of %s; it belongs to %s\n"), c->name, opt, c->name,
                owners.data);
    else
        fprintf(stderr, _("sakip %s: unknown option '%s'\n"), c->name, opt);
    buf_free(&owners);
}

/* Parses argv[1..] (argv[1] is the command) with getopt_long and the
 * command's table.  Returns -1 to go on, or the exit status when done
 * (--help, --version, a usage error). */
static int parse_args(int argc, char **argv, const Command *c, Options *o)
{
    char shortopts[16];   /* ':' first: a missing argument is told apart */
    snprintf(shortopts, sizeof shortopts, ":%s", c->shortopts);
    opterr = 0;
    optind = 2;
    for (;;) {
        int prev = optind;
        int ch = getopt_long(argc, argv, shortopts, c->options, NULL);
        if (ch == -1) break;
        const char *arg = argv[optind - 1 >= prev ? optind - 1 : prev];
        switch (ch) {
        case OPT_HELP:
            command_usage(c->name, stdout);
            return EXIT_OK;
        case OPT_VERSION:
            version();
            return EXIT_OK;
        case OPT_WERROR: o->werror = true; break;
        case OPT_CHECK: o->fmt_check = true; break;
        case OPT_WRITE: o->fmt_write = true; break;
        case OPT_DIFF: o->fmt_diff = true; break;
        case OPT_PER:   /* sakip(5), PERIODS */
            o->per = period_code(optarg);
            o->per_name = optarg;
            if (!o->per) {
                fprintf(stderr, _("sakip: --per needs a period (tw1..tw4, sm1 sm2, jan..des), not '%s'\n"), optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_STDIO: break;   /* sakip lsp always talks on stdin/stdout */
        case OPT_PETA: o->import_peta = optarg; break;
        case OPT_PERBARUI: o->import_perbarui = optarg; break;
        case OPT_PERIKSA: o->import_periksa = true; break;
        case OPT_COLOR:
            if (!strcmp(optarg, "auto")) o->color = COLOR_AUTO;
            else if (!strcmp(optarg, "always")) o->color = COLOR_ALWAYS;
            else if (!strcmp(optarg, "never")) o->color = COLOR_NEVER;
            else {
                fprintf(stderr, _("sakip %s: --color is auto, always or never, not '%s'\n"), c->name, optarg);
                try_help(c);
                return EXIT_USAGE;
            }
            break;
        case OPT_FORMAT: o->format = optarg; break;
        case OPT_LISTEN: o->listen = optarg; break;
        case OPT_SKENARIO_DIR: o->skenario_dir = optarg; break;
        case OPT_TOKEN_FILE: o->token_file = optarg; break;
        case OPT_PORT: {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (!*optarg || *end || n < 0 || n > 65535) {
                fprintf(stderr, _("sakip %s: --port needs a port number from 0 to 65535, not '%s'\n"), c->name, optarg);
                try_help(c);
                return EXIT_USAGE;
            }
            o->port = (int)n;
            break;
        }
        case OPT_OUTPUT: o->output = optarg; break;
        case OPT_NO_WARN: vec_push(&o->silenced, optarg); break;
        case OPT_SKENARIO: vec_push(&o->scenarios, optarg); break;
        case OPT_ANDAI: vec_push(&o->andai, optarg); break;
        case OPT_TAHUN: {
            char *end;
            long y = strtol(optarg, &end, 10);
            if (!*optarg || *end || y < 1900 || y > 2999) {
                fprintf(stderr, _("sakip: --tahun needs a year like 2024, not '%s'\n"), optarg);
                return EXIT_USAGE;
            }
            o->tahun = (int)y;
            break;
        }
        case OPT_JOBS: {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (!*optarg || *end || n < 1 || n > JOBS_MAX) {
                fprintf(stderr, _("sakip %s: -j needs a number of jobs from 1 to %d, not '%s'\n"), c->name, JOBS_MAX,
                        optarg);
                try_help(c);
                return EXIT_USAGE;
            }
            o->jobs = (int)n;
            break;
        }
        case OPT_MAX_ERRORS: {
            char *end;
            errno = 0;
            unsigned long long n = strtoull(optarg, &end, 10);
            if (!*optarg || *end || *optarg == '-' || errno || n > SIZE_MAX) {
                fprintf(stderr, _("sakip %s: --max-errors needs a number (0: no limit), not '%s'\n"), c->name,
                        optarg);
                try_help(c);
                return EXIT_USAGE;
            }
            o->max_errors = (size_t)n;
            break;
        }
        case OPT_CSV:
            if (!strcmp(optarg, "excel-id") || !strcmp(optarg, "rfc4180")) o->csv = optarg;
            else {
                fprintf(stderr, _("sakip %s: --csv is rfc4180 or excel-id, not '%s'\n"), c->name, optarg);
                try_help(c);
                return EXIT_USAGE;
            }
            break;
        case OPT_KLAIM:
            if (!strcmp(optarg, "semua") || !strcmp(optarg, "salah")) o->klaim = optarg;
            else {
                fprintf(stderr, _("sakip %s: --klaim is salah or semua, not '%s'\n"), c->name, optarg);
                try_help(c);
                return EXIT_USAGE;
            }
            break;
        case OPT_ANGKA:
            if (!strcmp(optarg, "id")) o->notation = NOTATION_ID;
            else if (!strcmp(optarg, "en")) o->notation = NOTATION_EN;
            else {
                fprintf(stderr, _("sakip %s: --angka is id or en, not '%s'\n"), c->name, optarg);
                try_help(c);
                return EXIT_USAGE;
            }
            break;
        case ':': { /* a missing argument */
            char opt[64];
            if (!strncmp(arg, "--", 2)) snprintf(opt, sizeof opt, "--%s", long_name_of(c->options, optopt));
            else snprintf(opt, sizeof opt, "-%c", optopt);
            fprintf(stderr, _("sakip %s: option '%s' needs an argument\n"), c->name, opt);
            try_help(c);
            return EXIT_USAGE;
        }
        default:    /* '?' */
            if (!strncmp(arg, "--", 2) && optopt)
                fprintf(stderr, _("sakip %s: option '--%s' takes no argument\n"), c->name,
                        long_name_of(c->options, optopt));
            else if (!strncmp(arg, "--", 2))
                bad_long_option(c, arg);
            else
                bad_short_option(c, optopt);
            try_help(c);
            return EXIT_USAGE;
        }
    }
    for (int i = optind; i < argc; i++) vec_push(&o->files, argv[i]);
    if (o->files.len == 0 && !c->allow_no_files) {
        fputs(_("sakip: no input files\nTry 'sakip --help' for more information.\n"), stderr);
        return EXIT_USAGE;
    }
    return -1;
}

/* Each file's tree is freed before the next is read; without this glibc
 * gives the heap top back to the system and asks for it again, two brk
 * calls a file.  The peak stays the largest single file's need. */
static void tune_malloc(void)
{
#ifdef M_TRIM_THRESHOLD
    mallopt(M_TRIM_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TOP_PAD, 1024 * 1024);
#endif
}

int main(int argc, char **argv)
{
    tune_malloc();
    numalloc_install();
    i18n_init();
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "--version")) {
        version();
        return EXIT_OK;
    }
    const Command *c = find_command(cmd);
    if (!c) {
        const char *best = closest_word(cmd, command_names);
        if (best) fprintf(stderr, _("sakip: unknown command '%s'; did you mean '%s'?\n"), cmd, best);
        else fprintf(stderr, _("sakip: unknown command '%s'\n"), cmd);
        fputs(_("Try 'sakip --help' for more information.\n"), stderr);
        return EXIT_USAGE;
    }
    Options o;
    memset(&o, 0, sizeof o);
    o.notation = NOTATION_ID;
    o.jobs = 1;
    o.max_errors = DIAG_MAX_SHOWN;
    o.port = 8000;
    /* Diagnostics are many small writes: buffer them (flushed at exit).
     * The REPL keeps stderr unbuffered so errors appear at once. */
    if (c->run != cmd_repl) {
        static char errbuf[1 << 16];
        setvbuf(stderr, errbuf, _IOFBF, sizeof errbuf);
    }
    /* A report of many units is written a unit at a time (11 KB of JSON
     * each): into a pipe or file, stdio's 4 KiB buffer made two or three
     * write calls a unit (a national run: 20 000).  A terminal keeps its
     * line buffering. */
    if (c->run != cmd_repl && !isatty(STDOUT_FILENO)) {
        static char outbuf[1 << 18];
        setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    }
    int st = parse_args(argc, argv, c, &o);
    /* decided once: a national run prints diagnostics after each of 7 300 files */
    if (st < 0 && o.color == COLOR_AUTO) o.color = want_color(&o, stderr) ? COLOR_ALWAYS : COLOR_NEVER;
    if (st < 0) st = c->run(&o);
    vec_free(&o.files);
    vec_free(&o.silenced);
    vec_free(&o.scenarios);
    vec_free(&o.andai);
    fflush(stderr);
    return st;
}
