/* fuzz_sakip.c -- libFuzzer (and AFL++, through afl_driver.c) target for
 * the whole sakip pipeline on one in-memory source text:
 *
 *   load_text (scan, parse, impor, check_unit)
 *   -> diagnostics rendered as text and JSON
 *   -> if no fatal error: check_claims, then a second Eval that builds the
 *      report and renders it as text (open_memstream), JSON, CSV (every
 *      table, with and without the Instansi column), Markdown, HTML, the
 *      recap row/table, and `jelaskan` of every claim's expression
 *   -> if the parser alone finds no lexical or syntax error (E01, E02; what
 *      `sakip fmt` requires): fmt_source twice; the second pass must change
 *      nothing, and the formatted text must parse without such errors too
 *      (a violation aborts, so the fuzzer keeps it as a crash)
 *   -> everything freed, the interned names too (names_reset), so
 *      LeakSanitizer sees any leak.
 *
 * Nothing here changes library behaviour; the notation (id/en) is taken
 * from the input length's parity so both number formats are exercised
 * deterministically (a reproducer always takes the same path).
 *
 * Build: `make fuzz` (see fuzz/fuzz.mk and doc/fuzzing.md).
 */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "eval.h"
#include "explain.h"
#include "fmt.h"
#include "load.h"
#include "names.h"
#include "parse.h"
#include "report.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Keep one run independent of the environment: impor looks in the
 * importing file's folder (the current directory for "fuzz.sakip"),
 * $SAKIP_PATH, and the data directories (fuzz.mk names the source tree). */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    unsetenv("SAKIP_PATH");
    return 0;
}

/* A stream whose bytes are kept in memory and then dropped: the text
 * renderers write to FILE*. */
static void drain_stream(char **buf, size_t *len, FILE *f)
{
    if (!f) return;
    fclose(f);
    /* touch the whole output so a missing terminator would be seen */
    volatile size_t n = 0;
    for (size_t i = 0; i < *len; i++) n += (unsigned char)(*buf)[i];
    (void)n;
    free(*buf);
    *buf = NULL;
    *len = 0;
}

static void render_diags(DiagList *dl)
{
    diag_sort(dl);
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    if (f) {
        diag_print_text(dl, f, false);
        diag_print_text(dl, f, true);
        diag_print_json(dl, f);
    }
    drain_stream(&mem, &len, f);

    Buf b;
    buf_init(&b);
    bool first = true;
    diag_json_records(dl, &b, &first);
    buf_free(&b);
}

static void render_report(Eval *ev)
{
    Report *r = report_build(ev);
    if (!r) return;

    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    if (f) {
        report_render_text(f, r);
        for (size_t k = 0; k < r->tables.len; k++) table_render_text(f, r->tables.items[k]);
    }
    drain_stream(&mem, &len, f);

    Buf b;
    buf_init(&b);
    report_json_unit(&b, ev);
    buf_reset(&b);

    for (size_t k = 0; k < r->tables.len; k++) {
        table_render_csv(&b, r->tables.items[k], true, NULL);
        table_render_csv(&b, r->tables.items[k], false, ev->u->nama ? ev->u->nama : "x");
        table_render_md(&b, r->tables.items[k]);
    }
    buf_reset(&b);

    report_html_begin(&b, ev->u->file->name);
    report_html_unit(&b, ev, r);

    /* the multi-file recap, with this unit twice */
    Vec rows = {0};
    vec_push(&rows, recap_row(ev));
    vec_push(&rows, recap_row(ev));
    Table *t = recap_table(&rows, ev->notation);
    if (t) {
        report_html_recap(&b, t, NULL);
        table_render_md(&b, t);
        table_render_csv(&b, t, true, NULL);
    }
    report_html_end(&b);
    buf_reset(&b);
    report_json_recap(&b, &rows);
    table_free(t);
    for (size_t i = 0; i < rows.len; i++) recap_row_free(rows.items[i]);
    vec_free(&rows);

    /* `jelaskan` of every claim, as the REPL would */
    for (size_t i = 0; i < ev->u->periksa.len; i++) {
        const Periksa *p = ev->u->periksa.items[i];
        buf_reset(&b);
        explain_expr(ev, p->expr, &b);
        explain_verdict(ev, p->expr, &b);
    }
    buf_free(&b);
    report_free(r);
}

/* Lexical and syntax errors (E01, E02) of a text, decided as `sakip fmt`
 * decides whether to format a file: by the parser alone, before the checks
 * (and before their cap of 100 reported errors). */
static size_t syntax_errors(const char *name, const char *text, size_t len)
{
    DiagList dl;
    diag_list_init(&dl);
    Unit *u = parse_unit(locfile_new(name, text, len), &dl);
    size_t n = 0;
    for (size_t i = 0; i < dl.items.len; i++) {
        const Diag *d = dl.items.items[i];
        if (d->level == DIAG_ERROR && d->code && (!strncmp(d->code, "E01", 3) || !strncmp(d->code, "E02", 3)))
            n++;
    }
    diag_list_free(&dl);
    unit_free(u);
    return n;
}

static void check_fmt(const uint8_t *data, size_t size)
{
    if (syntax_errors("fuzz.sakip", (const char *)data, size)) return;
    Buf once, twice;
    buf_init(&once);
    buf_init(&twice);
    fmt_source((const char *)data, size, &once);
    fmt_source(once.data ? once.data : "", once.len, &twice);
    if (once.len != twice.len || (once.len && memcmp(once.data, twice.data, once.len) != 0)) {
        fprintf(stderr, "fuzz_sakip: fmt is not idempotent:\n--- fmt(x)\n%s\n--- fmt(fmt(x))\n%s\n",
                once.data ? once.data : "", twice.data ? twice.data : "");
        abort();
    }
    if (syntax_errors("fuzz-fmt.sakip", once.data ? once.data : "", once.len)) {
        fprintf(stderr, "fuzz_sakip: fmt output has lexical or syntax errors:\n%s\n", once.data ? once.data : "");
        abort();
    }
    buf_free(&once);
    buf_free(&twice);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* libsakip's own limit is 64 MiB; -max_len keeps inputs far below. */
    if (size > (1u << 20)) return 0;

    DiagList dl;
    diag_list_init(&dl);
    Unit *u = load_text("fuzz.sakip", (const char *)data, size, &dl);
    if (u && diag_count_fatal(&dl) == 0) {
        Eval ev;
        eval_init(&ev, u, &dl, 0);
        check_claims(&ev, &dl);
        eval_free(&ev);

        eval_init(&ev, u, &dl, 0);
        ev.notation = (size & 1) ? NOTATION_EN : NOTATION_ID;
        render_report(&ev);
        eval_free(&ev);
    }
    /* diagnostics are printed while the sources still live, as the CLI does */
    render_diags(&dl);
    diag_list_free(&dl);
    unit_free(u);
    if (!getenv("FUZZ_NO_FMT")) check_fmt(data, size);
    /* no unit is alive: the interned names go too, so that a name kept
     * past its unit would be caught, and memory stays flat */
    names_reset();
    return 0;
}
