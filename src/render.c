/* render.c -- the output formats of `sakip eval` behind one interface
 * (render.h): text, JSON, CSV, Markdown, HTML and XLSX, and the table
 * that names them.  The formats' own code is in report_*.c; what is here
 * is the order of their parts and where they are written. */
#include <config.h>

#include "render.h"
#include "i18n.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

Report *result_report(UnitResult *res)
{
    if (!res->report) res->report = report_build(res->ev);
    return res->report;
}

Figures *result_figures(UnitResult *res)
{
    if (!res->figures) res->figures = report_figures(res->ev);
    return res->figures;
}

Values *result_values(UnitResult *res)
{
    if (!res->values) res->values = report_values(res->ev);
    return res->values;
}

void result_free(UnitResult *res)
{
    report_free(res->report);
    figures_free(res->figures);
    values_free(res->values);
    res->report = NULL;
    res->figures = NULL;
    res->values = NULL;
}

bool render_stream(RenderCtx *ctx)
{
    ctx->out = stdout;
    if (!ctx->output) return true;
    char *err = NULL;
    if (!atomic_open(&ctx->af, ctx->output, &err)) {
        fprintf(stderr, "sakip: %s\n", err);
        free(err);
        return false;
    }
    ctx->to_file = true;
    ctx->out = ctx->af.f;
    return true;
}

bool render_finish(RenderCtx *ctx, bool ok)
{
    for (size_t i = 0; i < ctx->andai.len; i++) free(ctx->andai.items[i]);
    vec_free(&ctx->andai);
    if (ctx->to_file) {
        char *err = NULL;
        if (!atomic_commit(&ctx->af, &err)) {
            fprintf(stderr, "sakip: %s\n", err);
            free(err);
            return false;
        }
    } else if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, _("sakip: error writing standard output: %s\n"), strerror(errno));
        return false;
    }
    return ok;
}

static void put_buf(RenderCtx *ctx)
{
    if (ctx->buf.len) fwrite(ctx->buf.data, 1, ctx->buf.len, ctx->out);
}

/* Keeps the what-ifs of a unit (each text once) for the marks that cover
 * the whole output: the recap, JSON's top-level "andai", the HTML
 * watermark (sakip(5), WHAT-IF OUTPUT).  Returns whether the unit had any. */
static bool note_andai(RenderCtx *ctx, const Vec *andai)
{
    for (size_t i = 0; i < andai->len; i++) {
        bool seen = false;
        for (size_t k = 0; k < ctx->andai.len && !seen; k++) seen = !strcmp(ctx->andai.items[k], andai->items[i]);
        if (!seen) vec_push(&ctx->andai, xstrdup(andai->items[i]));
    }
    return andai->len > 0;
}

/* The banner of a what-if output in text and Markdown. */
static void banner(Buf *b, const Vec *andai, bool md)
{
    if (md) buf_printf(b, "> **%s**\n>\n", report_simulasi_banner);
    else buf_printf(b, "*** %s ***\n", report_simulasi_banner);
    for (size_t i = 0; i < andai->len; i++) buf_printf(b, md ? "> `%s`  \n" : "    %s\n", (const char *)andai->items[i]);
    buf_putc(b, '\n');
}

/* ---- text: the LAKIP tables as a terminal shows them ---- */

/* The text, CSV, Markdown and HTML renderers take a unit's tables one at
 * a time (report_head, report_next), each freed once written: a big
 * file's report is never held whole (doc/performance.md). */

static void text_unit(RenderCtx *ctx, UnitResult *res)
{
    if (ctx->shown) fputs("\n\n", ctx->out);
    Report *r = report_head(res->ev);
    note_andai(ctx, &r->andai);
    report_render_text_head(ctx->out, r);   /* with its banner */
    for (Table *t; (t = report_next(r, res->ev)); table_free(t)) {
        fputc('\n', ctx->out);
        table_render_text(ctx->out, t);
    }
    report_free(r);
}

static void text_recap(RenderCtx *ctx, Vec *rows)
{
    Table *t = recap_table(rows, ctx->notation);
    fputs("\n\n", ctx->out);
    if (ctx->andai.len) {
        banner(&ctx->buf, &ctx->andai, false);
        put_buf(ctx);
    }
    table_render_text(ctx->out, t);
    table_free(t);
}

static bool end_nothing(RenderCtx *ctx) { (void)ctx; return true; }

static const Renderer render_text = {"text", false, render_stream, text_unit, text_recap, end_nothing};

/* ---- JSON: {"instansi": [...], "rekap": [...]} (report_json.c) ---- */

static bool json_begin(RenderCtx *ctx)
{
    if (!render_stream(ctx)) return false;
    fputs("{\"instansi\": [", ctx->out);
    return true;
}

static void json_unit(RenderCtx *ctx, UnitResult *res)
{
    note_andai(ctx, &result_values(res)->andai);
    buf_puts(&ctx->buf, ctx->shown ? ",\n  " : "\n  ");
    report_json_values(&ctx->buf, result_values(res));
    put_buf(ctx);
}

static void json_close_list(RenderCtx *ctx)
{
    if (ctx->state) return;
    fputs(ctx->shown ? "\n]" : "]", ctx->out);
    ctx->state = ctx;   /* closed */
}

static void json_recap(RenderCtx *ctx, Vec *rows)
{
    json_close_list(ctx);
    buf_puts(&ctx->buf, ",\n\"rekap\": ");
    report_json_recap(&ctx->buf, rows);
    put_buf(ctx);
}

static bool json_end(RenderCtx *ctx)
{
    json_close_list(ctx);
    if (ctx->andai.len) {   /* a what-if output: the list of its what-ifs */
        buf_reset(&ctx->buf);
        buf_puts(&ctx->buf, ",\n\"andai\": [");
        for (size_t i = 0; i < ctx->andai.len; i++) {
            if (i) buf_putc(&ctx->buf, ',');
            json_put_string(&ctx->buf, ctx->andai.items[i]);
        }
        buf_putc(&ctx->buf, ']');
        put_buf(ctx);
    }
    if (ctx->per) {   /* every value as of the end of that period */
        buf_reset(&ctx->buf);
        buf_puts(&ctx->buf, ",\n\"per\": ");
        json_put_string(&ctx->buf, ctx->per);
        put_buf(ctx);
    }
    fputs("}\n", ctx->out);
    return true;
}

static const Renderer render_json = {"json", false, json_begin, json_unit, json_recap, json_end};

/* ---- CSV: the measurement table to a stream, or every table into a
 * directory (one file per table, rows of every unit) ---- */

typedef struct CsvFile {
    const char *key;
    Buf data;
} CsvFile;

typedef struct CsvState {
    bool dir;
    Vec files;               /* CsvFile* */
} CsvState;

static bool is_directory(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static Buf *csv_file(Vec *files, const char *key, bool *is_new)
{
    for (size_t i = 0; i < files->len; i++) {
        CsvFile *f = files->items[i];
        if (!strcmp(f->key, key)) {
            *is_new = false;
            return &f->data;
        }
    }
    CsvFile *f = xcalloc(1, sizeof *f);
    f->key = key;
    buf_init(&f->data);
    vec_push(files, f);
    *is_new = true;
    return &f->data;
}

static bool csv_begin(RenderCtx *ctx)
{
    CsvState *st = xcalloc(1, sizeof *st);
    ctx->state = st;
    const char *o = ctx->output;
    size_t olen = o ? strlen(o) : 0;
    st->dir = o && (is_directory(o) || (olen && o[olen - 1] == '/'));
    if (!st->dir) return render_stream(ctx);
    if (!is_directory(o) && mkdir(o, 0777) != 0) {
        fprintf(stderr, _("sakip: cannot create directory '%s': %s\n"), o, strerror(errno));
        return false;
    }
    return true;
}

static void csv_unit(RenderCtx *ctx, UnitResult *res)
{
    CsvState *st = ctx->state;
    Report *r = report_head(res->ev);
    const char *instansi = ctx->nfiles > 1 ? res->nama : NULL;
    /* a what-if report: a first column "simulasi" on every row */
    char *sim = note_andai(ctx, &r->andai) ? report_andai_joined(&r->andai) : NULL;
    bool first = true;
    for (Table *t; (t = report_next(r, res->ev)); table_free(t), first = false) {
        if (!st->dir) {   /* a stream holds the first table (the others are built for their warnings) */
            if (!first) continue;
            if (ctx->csv_excel_id && ctx->shown == 0) buf_puts(&ctx->buf, CSV_BOM);
            table_render_csv_styled(&ctx->buf, t, ctx->shown == 0, instansi, sim, ctx->csv_excel_id);
            put_buf(ctx);
            buf_reset(&ctx->buf);
            continue;
        }
        bool fresh;
        Buf *f = csv_file(&st->files, t->key, &fresh);
        if (fresh && ctx->csv_excel_id) buf_puts(f, CSV_BOM);
        table_render_csv_styled(f, t, fresh, instansi, sim, ctx->csv_excel_id);
    }
    free(sim);
    report_free(r);
}

static void csv_recap(RenderCtx *ctx, Vec *rows)
{
    CsvState *st = ctx->state;
    if (!st->dir) return;   /* a stream holds the one table */
    Table *t = recap_table(rows, ctx->notation);
    bool fresh;
    char *sim = ctx->andai.len ? report_andai_joined(&ctx->andai) : NULL;
    Buf *f = csv_file(&st->files, t->key, &fresh);
    if (ctx->csv_excel_id) buf_puts(f, CSV_BOM);
    table_render_csv_styled(f, t, true, NULL, sim, ctx->csv_excel_id);
    free(sim);
    table_free(t);
}

static bool csv_end(RenderCtx *ctx)
{
    CsvState *st = ctx->state;
    bool ok = true;
    const char *o = ctx->output;
    for (size_t i = 0; i < st->files.len; i++) {
        CsvFile *f = st->files.items[i];
        Buf path;
        buf_init(&path);
        /* named after the table's identifier: capaian_iku.csv, anggaran.csv, ... */
        buf_printf(&path, "%s%s%s.csv", o, o[strlen(o) - 1] == '/' ? "" : "/", f->key);
        char *err = NULL;
        if (!write_file_atomic(path.data, f->data.data ? f->data.data : "", f->data.len, &err)) {
            fprintf(stderr, "sakip: %s\n", err);
            free(err);
            ok = false;
        }
        buf_free(&path);
        buf_free(&f->data);
        free(f);
    }
    vec_free(&st->files);
    free(st);
    ctx->state = NULL;
    return ok;
}

static const Renderer render_csv = {"csv", false, csv_begin, csv_unit, csv_recap, csv_end};

/* ---- Markdown ---- */

static void md_unit(RenderCtx *ctx, UnitResult *res)
{
    Report *r = report_head(res->ev);
    Buf *b = &ctx->buf;
    if (ctx->shown) buf_putc(b, '\n');
    if (note_andai(ctx, &r->andai)) banner(b, &r->andai, true);
    buf_printf(b, "## %s\n\n", r->heading);
    for (size_t k = 0; k < r->subheading.len; k++) buf_printf(b, "%s  \n", (char *)r->subheading.items[k]);
    buf_putc(b, '\n');
    for (Table *t; (t = report_next(r, res->ev)); table_free(t)) {
        table_render_md(b, t);
        put_buf(ctx);
        buf_reset(b);
    }
    put_buf(ctx);
    report_free(r);
}

static void md_recap(RenderCtx *ctx, Vec *rows)
{
    Table *t = recap_table(rows, ctx->notation);
    buf_puts(&ctx->buf, "\n");
    if (ctx->andai.len) banner(&ctx->buf, &ctx->andai, true);
    buf_puts(&ctx->buf, "## Rekapitulasi\n\n");
    table_render_md(&ctx->buf, t);
    put_buf(ctx);
    table_free(t);
}

static const Renderer render_md = {"md", false, render_stream, md_unit, md_recap, end_nothing};

/* ---- HTML: one self-contained page (report_html.c) ---- */

static bool html_begin(RenderCtx *ctx)
{
    if (!render_stream(ctx)) return false;
    report_html_begin(&ctx->buf, ctx->title);
    put_buf(ctx);
    return true;
}

static void html_unit(RenderCtx *ctx, UnitResult *res)
{
    Report *r = report_head(res->ev);
    /* a what-if page: one watermark on every screen and printed page */
    if (r->andai.len && !ctx->andai.len) report_html_watermark(&ctx->buf);
    note_andai(ctx, &r->andai);
    r->print_all_claims = ctx->all_claims;
    HtmlUnit hu;
    report_html_open(&ctx->buf, r, &hu, ctx->out);
    Table *claims = NULL;
    for (Table *t; (t = report_next(r, res->ev));) {
        /* the figures once the first table is built, as its chart follows
         * it (they came after every table when the page was held whole:
         * what they evaluate the tables have, so the diagnostics agree) */
        if (report_html_table(&ctx->buf, &hu, t, result_figures(res))) table_free(t);
        else claims = t;
        put_buf(ctx);   /* the page is written as it goes, not held */
        buf_reset(&ctx->buf);
    }
    report_html_close(&ctx->buf, r, &hu);
    put_buf(ctx);
    table_free(claims);
    report_free(r);
}

static void html_recap(RenderCtx *ctx, Vec *rows)
{
    Table *t = recap_table(rows, ctx->notation);
    report_html_recap(&ctx->buf, t, &ctx->andai);
    put_buf(ctx);
    table_free(t);
}

static bool html_end(RenderCtx *ctx)
{
    report_html_end(&ctx->buf);
    put_buf(ctx);
    return true;
}

static const Renderer render_html = {"html", false, html_begin, html_unit, html_recap, html_end};

/* ---- XLSX: a workbook written at the end (report_xlsx.c) ---- */

typedef struct XlsxState {
    Vec units;               /* XlsxUnit* */
    Table *recap;
} XlsxState;

static bool xlsx_begin(RenderCtx *ctx)
{   /* nothing goes to standard output */
    ctx->state = xcalloc(1, sizeof(XlsxState));
    return true;
}

static void xlsx_unit(RenderCtx *ctx, UnitResult *res)
{
    XlsxState *st = ctx->state;
    XlsxUnit *xu = xcalloc(1, sizeof *xu);
    xu->nama = xstrdup(res->nama ? res->nama : res->file);
    xu->report = result_report(res);
    res->report = NULL;   /* kept until the workbook is written */
    vec_push(&st->units, xu);
}

static void xlsx_recap(RenderCtx *ctx, Vec *rows)
{
    XlsxState *st = ctx->state;
    st->recap = recap_table(rows, ctx->notation);
}

/* The writer is the module sakip-xlsx.so (Makefile.am): libxlsxwriter and
 * the libcrypto it pulls in are loaded only by a run that writes a
 * workbook.  It is looked for beside the program (the build tree), in
 * PREFIX/lib/sakip for PREFIX/bin/sakip (an installation, also a moved
 * one), then in the configured $(pkglibdir).  NULL after printing why. */

typedef bool XlsxWrite(const char *path, const Vec *units, const Table *recap, char **err);

static XlsxWrite *xlsx_module(void)
{
    char *path = module_path("sakip-xlsx.so", F_OK);
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    XlsxWrite *write = NULL;
    const char *version = h ? dlsym(h, "sakip_xlsx_version") : NULL;
    if (version && !strcmp(version, PACKAGE_VERSION)) *(void **)&write = dlsym(h, "report_xlsx_write");
    if (!write && h)
        fprintf(stderr, _("sakip: --format=xlsx is not available: %s belongs to another version of sakip\n"),
                path);
    else if (!write)
        fprintf(stderr, _("sakip: --format=xlsx is not available: %s\n"), dlerror());
    free(path);
    return write;   /* the module stays loaded until exit */
}

static bool xlsx_end(RenderCtx *ctx)
{
    XlsxState *st = ctx->state;
    bool ok = true;
    char *err = NULL;
    XlsxWrite *write = ctx->shown ? xlsx_module() : NULL;
    if (ctx->shown && !write) {
        ok = false;
    } else if (ctx->shown && !write(ctx->output, &st->units, st->recap, &err)) {
        fprintf(stderr, "sakip: %s\n", err);
        free(err);
        ok = false;
    }
    for (size_t i = 0; i < st->units.len; i++) {
        XlsxUnit *xu = st->units.items[i];
        free(xu->nama);
        report_free(xu->report);
        free(xu);
    }
    vec_free(&st->units);
    table_free(st->recap);
    free(st);
    ctx->state = NULL;
    return ok;
}

static const Renderer render_xlsx = {"xlsx", true, xlsx_begin, xlsx_unit, xlsx_recap, xlsx_end};

/* ---- the registry ---- */

const Renderer *const renderers[] = {&render_text, &render_json, &render_csv, &render_md, &render_html, &render_xlsx,
                                     NULL};

const Renderer *renderer_find(const char *name)
{
    for (size_t i = 0; renderers[i]; i++)
        if (!strcmp(renderers[i]->name, name)) return renderers[i];
    return NULL;
}
