/* main.c -- the sakip command line.  Only argument handling and output
 * routing live here; everything else is libsakip.
 *
 * Exit statuses (LANGUAGE.md §5):
 *   0  success: no errors (check), or evaluation completed (eval)
 *   1  check: a file has errors, a claim fails, or (--werror) a warning;
 *      eval: an error stopped the evaluation of a file
 *   2  usage error, or a file could not be read
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "eval.h"
#include "load.h"
#include "report.h"

enum { EXIT_OK = 0, EXIT_ERRORS = 1, EXIT_USAGE = 2 };

typedef struct Options {
    bool werror;
    bool json;
    Notation notation;
    int tahun;
    const char *format;
    const char *output;
    Vec files;
    Vec silenced;
} Options;

static void usage(FILE *out)
{
    fputs("Usage: sakip COMMAND [OPTION]... FILE...\n"
          "Check and evaluate SAKIP performance reports written in the .sakip language.\n"
          "\n"
          "Commands:\n"
          "  check   validate files and the claims they make ('periksa')\n"
          "  eval    print the LAKIP tables: capaian, predikat, anggaran, serapan, efisiensi\n"
          "\n"
          "Options:\n"
          "  --tahun=YEAR        evaluate YEAR instead of the file's 'tahun'\n"
          "  --format=FORMAT     check: text or json; eval: text\n"
          "  --angka=id|en       number notation (default id: Rp 4.492.070.793, 83,63)\n"
          "  --werror            check: treat warnings as errors\n"
          "  --no-warn=CODE      do not report warnings with this code (e.g. W0607)\n"
          "  --help              show this help and exit\n"
          "  --version           show the version and exit\n"
          "\n"
          "Exit status: 0 success; 1 errors or failed claims; 2 usage error or unreadable file.\n"
          "Report bugs to: " PACKAGE_BUGREPORT "\n",
          out);
}

static int parse_args(int argc, char **argv, int first, Options *o)
{
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--werror")) o->werror = true;
        else if (!strncmp(a, "--format=", 9)) o->format = a + 9;
        else if (!strncmp(a, "--output=", 9)) o->output = a + 9;
        else if (!strncmp(a, "--no-warn=", 10)) vec_push(&o->silenced, (void *)(a + 10));
        else if (!strncmp(a, "--tahun=", 8)) {
            char *end;
            long y = strtol(a + 8, &end, 10);
            if (*end || y < 1900 || y > 2999) {
                fprintf(stderr, "sakip: --tahun needs a year like 2024, not '%s'\n", a + 8);
                return EXIT_USAGE;
            }
            o->tahun = (int)y;
        } else if (!strcmp(a, "--angka=id")) o->notation = NOTATION_ID;
        else if (!strcmp(a, "--angka=en")) o->notation = NOTATION_EN;
        else if (!strcmp(a, "--")) {
            for (i++; i < argc; i++) vec_push(&o->files, argv[i]);
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "sakip: unknown option '%s'\nTry 'sakip --help' for more information.\n", a);
            return EXIT_USAGE;
        } else vec_push(&o->files, (void *)a);
    }
    if (o->files.len == 0) {
        fputs("sakip: no input files\nTry 'sakip --help' for more information.\n", stderr);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static void setup_diags(DiagList *dl, const Options *o)
{
    diag_list_init(dl);
    for (size_t i = 0; i < o->silenced.len; i++) diag_silence(dl, o->silenced.items[i]);
}

static bool use_color(void) { return isatty(STDERR_FILENO) && !getenv("NO_COLOR"); }

static void flush_diags(DiagList *dl, const Options *o)
{
    diag_sort(dl);
    if (o->json) diag_print_json(dl, stderr);
    else diag_print_text(dl, stderr, use_color());
}

static int cmd_check(Options *o)
{
    if (o->format && strcmp(o->format, "text") && strcmp(o->format, "json")) {
        fprintf(stderr, "sakip: check --format is text or json, not '%s'\n", o->format);
        return EXIT_USAGE;
    }
    o->json = o->format && !strcmp(o->format, "json");
    DiagList all;
    setup_diags(&all, o);
    int status = EXIT_OK;
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < o->files.len; i++) {
        DiagList dl;
        setup_diags(&dl, o);
        bool unreadable;
        Unit *u = load_unit(o->files.items[i], &dl, &unreadable);
        if (unreadable) status = EXIT_USAGE;
        if (u && diag_count_fatal(&dl) == 0) {
            Eval ev;
            eval_init(&ev, u, &dl, o->tahun);
            check_claims(&ev, &dl);
            eval_free(&ev);
        }
        errors += dl.nerrors;
        warnings += dl.nwarnings;
        if (o->json) {
            /* JSON gathers every file into one document */
            for (size_t k = 0; k < dl.items.len; k++) vec_push(&all.items, dl.items.items[k]);
            dl.items.len = 0;
        } else {
            flush_diags(&dl, o);
        }
        diag_list_free(&dl);
        unit_free(u);
    }
    if (o->json) flush_diags(&all, o);
    /* the records were moved into `all`; free them there */
    diag_list_free(&all);
    if (status == EXIT_OK && (errors > 0 || (o->werror && warnings > 0))) status = EXIT_ERRORS;
    return status;
}

static int cmd_eval(Options *o)
{
    if (o->format && strcmp(o->format, "text")) {
        fprintf(stderr, "sakip: eval --format=%s is not available yet; use --format=text\n", o->format);
        return EXIT_USAGE;
    }
    int status = EXIT_OK;
    Vec recap = {0};
    size_t shown = 0;
    for (size_t i = 0; i < o->files.len; i++) {
        DiagList dl;
        setup_diags(&dl, o);
        bool unreadable;
        Unit *u = load_unit(o->files.items[i], &dl, &unreadable);
        if (unreadable) status = EXIT_USAGE;
        if (u && diag_count_fatal(&dl) == 0) {
            Eval ev;
            eval_init(&ev, u, &dl, o->tahun);
            ev.notation = o->notation;
            Report *r = report_build(&ev);
            if (shown++) fputs("\n\n", stdout);
            report_render_text(stdout, r);
            report_free(r);
            vec_push(&recap, recap_row(&ev));
            eval_free(&ev);
        } else if (u) {
            if (status == EXIT_OK) status = EXIT_ERRORS;
        }
        flush_diags(&dl, o);
        diag_list_free(&dl);
        unit_free(u);
    }
    if (recap.len > 1) {
        Table *t = recap_table(&recap, o->notation);
        fputs("\n\n", stdout);
        table_render_text(stdout, t);
        table_free(t);
    }
    for (size_t i = 0; i < recap.len; i++) recap_row_free(recap.items[i]);
    vec_free(&recap);
    return status;
}

int main(int argc, char **argv)
{
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
        printf("sakip (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
        return EXIT_OK;
    }
    Options o;
    memset(&o, 0, sizeof o);
    o.notation = NOTATION_ID;
    int (*run)(Options *) = NULL;
    if (!strcmp(cmd, "check")) run = cmd_check;
    else if (!strcmp(cmd, "eval")) run = cmd_eval;
    else {
        fprintf(stderr, "sakip: unknown command '%s'\nTry 'sakip --help' for more information.\n", cmd);
        return EXIT_USAGE;
    }
    for (int i = 2; i < argc; i++)
        if (!strcmp(argv[i], "--help")) {
            usage(stdout);
            return EXIT_OK;
        }
    int st = parse_args(argc, argv, 2, &o);
    if (st == EXIT_OK) st = run(&o);
    vec_free(&o.files);
    vec_free(&o.silenced);
    return st;
}
