/* serve_pages.c -- the pages of `sakip serve` (serve.h): each is the
 * report code's HTML (report_html.c) in a frame of navigation, forms and
 * links; every figure comes from the evaluator, none from JavaScript.
 *
 * Page text is Indonesian, as the reports' is (report.c). */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "serve.h"
#include "check.h"
#include "explain.h"
#include "load.h"
#include "parse.h"

/* ---- text ---- */

static void esc(Buf *b, const char *s) { report_html_esc(b, s); }

static void escn(Buf *b, const char *s, size_t n)
{
    char *t = xmalloc(n + 1);
    memcpy(t, s, n);
    t[n] = '\0';
    esc(b, t);
    free(t);
}

/* A unit id in a URL: the ids are made of [A-Za-z0-9_.-] (unit_id_of),
 * so they need no escaping. */

static void fmt_value(const Eval *ev, Buf *b, const Value *v)
{
    Buf t;
    buf_init(&t);
    if (v->kind == V_UNDEF) buf_puts(&t, "-");
    else if (v->kind == V_TEXT) buf_puts(&t, v->text ? v->text : "");
    else value_format(&t, v, ev->desimal, ev->round, ev->notation);
    esc(b, t.data ? t.data : "");
    buf_free(&t);
}

/* ---- the frame ---- */

/* The report's own head (report_html_begin: its styles, the print
 * layout), with its CSP meta line left out: the server sends a stricter
 * policy as a header, which allows the one script, /static/serve.js. */
static void page_begin(Buf *b, const char *title, const char *unit_id)
{
    report_html_head(b, title, "<link rel=\"stylesheet\" href=\"/static/serve.css\">\n"
                               "<script src=\"/static/serve.js\" defer></script>\n");
    buf_puts(b, "<nav class=\"serve\"><a href=\"/\">Ikhtisar</a>");
    if (unit_id) buf_printf(b, " &rsaquo; <a href=\"/unit/%s\">%s</a>", unit_id, unit_id);
    buf_puts(b, " <span class=\"live\" id=\"live\"></span></nav>\n");
}

static char *page_end(Buf *b)
{
    report_html_end(b);
    return buf_steal(b);
}

char *serve_page_message(const char *title, const char *text)
{
    Buf b;
    buf_init(&b);
    page_begin(&b, title, NULL);
    buf_puts(&b, "<section><h1>");
    esc(&b, title);
    buf_puts(&b, "</h1>\n<p>");
    esc(&b, text);
    buf_puts(&b, "</p></section>\n");
    return page_end(&b);
}

/* ---- loading ---- */

static void fmt_mpq(const Eval *ev, Buf *b, mpq_srcptr q)
{
    Buf t;
    buf_init(&t);
    eval_format_num(ev, &t, q, ev->desimal);
    esc(b, t.data);
    buf_free(&t);
}

/* The overview's row of a unit. */
static void build_row(SUnit *su)
{
    Eval *ev = &su->ev;
    Unit *u = su->u;
    Buf b;
    buf_init(&b);
    buf_printf(&b, "<tr data-unit=\"%s\"><td><a href=\"/unit/%s\">", su->id, su->id);
    esc(&b, u && u->nama ? u->nama : su->id);
    buf_puts(&b, "</a></td><td>");
    esc(&b, u && u->induk ? u->induk : "");
    buf_puts(&b, "</td>");
    if (!su->ok) {
        buf_printf(&b, "<td colspan=\"8\" class=\"galat\">%zu galat: lihat halaman unit</td></tr>\n",
                   su->dl.nerrors);
        su->row = buf_steal(&b);
        return;
    }
    buf_printf(&b, "<td class=\"n\">%d</td>", ev->tahun);
    /* mean capaian and its predikat */
    Value mean, pred;
    value_init(&mean);
    value_init(&pred);
    eval_capaian_iku(ev, ev->tahun, &mean);
    buf_puts(&b, "<td class=\"n\">");
    fmt_value(ev, &b, &mean);
    buf_puts(&b, "</td><td>");
    if (mean.kind == V_NUM) {
        eval_kategori(ev, &mean, eval_skala(ev), &pred, NULL);
        fmt_value(ev, &b, &pred);
    } else {
        buf_puts(&b, "-");
    }
    buf_puts(&b, "</td>");
    value_clear(&mean);
    value_clear(&pred);
    Values *vs = report_values(ev);
    /* IKU met: capaian of at least 100 */
    mpq_t hundred;
    mpq_init(hundred);
    mpq_set_ui(hundred, 100, 1);
    size_t met = 0, failed = 0;
    for (size_t i = 0; i < vs->nind; i++)
        if (vs->ind[i].capaian.kind == V_NUM && mpq_cmp(vs->ind[i].capaian.q, hundred) >= 0) met++;
    buf_printf(&b, "<td class=\"n\">%zu / %zu</td>", met, vs->nind);
    /* serapan of the whole budget, as the recap computes it: undefined
     * unless every program has its anggaran and realisasi */
    buf_puts(&b, "<td class=\"n\">");
    const RecapRow *rc = su->recap;
    if (rc && rc->has_budget && mpq_sgn(rc->anggaran) > 0) {
        mpq_t serapan;
        mpq_init(serapan);
        mpq_div(serapan, rc->realisasi, rc->anggaran);
        mpq_mul(serapan, serapan, hundred);
        fmt_mpq(ev, &b, serapan);
        buf_puts(&b, "%");
        mpq_clear(serapan);
    } else {
        buf_puts(&b, "-");
    }
    buf_puts(&b, "</td><td>");
    mpq_clear(hundred);
    /* efisiensi per sasaran */
    for (size_t i = 0; i < vs->nsasaran; i++) {
        const ValSasaran *sa = &vs->sasaran[i];
        buf_printf(&b, "%s<span title=\"", i ? "<br>" : "");
        esc(&b, sa->name);
        buf_puts(&b, "\">");
        esc(&b, sa->id);
        buf_puts(&b, "</span>: ");
        fmt_value(ev, &b, &sa->efisiensi);
    }
    buf_puts(&b, "</td>");
    for (size_t i = 0; i < vs->nclaims; i++)
        if (vs->claims[i].hasil == CLAIM_FAILS) failed++;
    buf_printf(&b, "<td class=\"n%s\">%zu</td>", failed ? " salah" : "", failed);
    su->failed = failed;
    values_free(vs);
    /* nilai SAKIP */
    buf_puts(&b, "<td class=\"n\">");
    if (u->penilaian.len) {
        Value nv;
        value_init(&nv);
        eval_nilai_sakip(ev, u->penilaian.items[0], &nv);
        fmt_value(ev, &b, &nv);
        value_clear(&nv);
    } else {
        buf_puts(&b, "-");
    }
    buf_puts(&b, "</td><td class=\"tren\">");
    /* the mean capaian over the Renstra years up to tahun */
    int from = u->has_periode ? u->periode_from : ev->tahun, to = ev->tahun;
    if (to - from > 30) from = to - 30;
    for (int y = from; y <= to; y++) {
        Value v;
        value_init(&v);
        eval_capaian_iku(ev, y, &v);
        buf_printf(&b, "%s%d: ", y > from ? "<br>" : "", y);
        fmt_value(ev, &b, &v);
        value_clear(&v);
    }
    buf_puts(&b, "</td></tr>\n");
    su->row = buf_steal(&b);
}

static void text_of_diags(SUnit *su)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (f) {
        diag_sort(&su->dl);
        diag_print_text(&su->dl, f, false);
        fclose(f);
    }
    su->diags = text ? text : xstrdup("");
}

/* The unit page without what-ifs is built once per load. */
static char *unit_page(ServeState *s, SUnit *su, Eval *ev, Report *r, const Vec *andai, const char *msg,
                       bool can_save);

void serve_unit_load(ServeState *s, SUnit *su)
{
    diag_list_init(&su->dl);
    su->stat_ok = stat(su->path, &su->st) == 0;
    bool unreadable;
    su->u = load_unit(su->path, &su->dl, &unreadable);
    su->ok = su->u && diag_count_fatal(&su->dl) == 0;
    if (su->ok) {
        eval_init(&su->ev, su->u, &su->dl, s->tahun);
        su->ev.notation = s->notation;
        su->report = report_build(&su->ev);
        su->recap = recap_row(&su->ev);
    }
    text_of_diags(su);
    build_row(su);
    su->page = unit_page(s, su, su->ok ? &su->ev : NULL, su->report, NULL, NULL, false);
}

void serve_unit_clear(SUnit *su)
{
    if (su->report) report_free(su->report);
    if (su->recap) recap_row_free(su->recap);
    if (su->ok) eval_free(&su->ev);
    unit_free(su->u);
    diag_list_free(&su->dl);
    free(su->diags);
    free(su->page);
    free(su->row);
    su->report = NULL;
    su->recap = NULL;
    su->u = NULL;
    su->diags = su->page = su->row = NULL;
    su->ok = false;
    su->failed = 0;
}

/* Sort keys: the rank of each unit by a column, so that the page sorts
 * by exact comparisons made here (no floating point in the browser). */
typedef struct RankItem {
    size_t unit;
    bool has;
    mpq_t v;
} RankItem;

static int rank_cmp(const void *pa, const void *pb)
{
    const RankItem *a = pa, *b = pb;
    if (a->has != b->has) return a->has ? 1 : -1;
    if (!a->has) return 0;
    return mpq_cmp(a->v, b->v);
}

void serve_rank(ServeState *s)
{
    enum { NK = 4 };
    RankItem *it = xcalloc(s->nunits ? s->nunits : 1, sizeof *it);
    for (int k = 0; k < NK; k++) {
        for (size_t i = 0; i < s->nunits; i++) {
            SUnit *su = &s->units[i];
            it[i].unit = i;
            mpq_init(it[i].v);
            it[i].has = false;
            if (!su->ok) continue;
            Eval *ev = &su->ev;
            Value v;
            value_init(&v);
            if (k == 0) {
                eval_capaian_iku(ev, ev->tahun, &v);
            } else if (k == 1 && su->recap && su->recap->has_budget && mpq_sgn(su->recap->anggaran) > 0) {
                value_num(&v, su->recap->realisasi);
                mpq_div(v.q, v.q, su->recap->anggaran);
            } else if (k == 2) {
                mpq_set_ui(it[i].v, su->failed, 1);   /* counted by build_row */
                it[i].has = true;
            } else if (k == 3 && su->u->penilaian.len) {
                eval_nilai_sakip(ev, su->u->penilaian.items[0], &v);
            }
            if (v.kind == V_NUM || v.kind == V_MONEY) {
                mpq_set(it[i].v, v.q);
                it[i].has = true;
            }
            value_clear(&v);
        }
        qsort(it, s->nunits, sizeof *it, rank_cmp);
        long rank = 0;
        for (size_t i = 0; i < s->nunits; i++) {
            if (i && rank_cmp(&it[i - 1], &it[i]) != 0) rank++;
            s->units[it[i].unit].key[k] = it[i].has ? rank + 1 : 0;
        }
        for (size_t i = 0; i < s->nunits; i++) mpq_clear(it[i].v);
    }
    free(it);
}

/* ---- overview ---- */

/* Units behind plan as of a period (sakip(5), PERIODS: an IKU's
 * capaian_sd below 100 or a supporting node's deviasi below 0): the
 * overview's ?per=tw2 evaluates each unit afresh as of that period, as
 * `eval --per` does; a period not on a boundary of a unit's periods is
 * said so (E0567) for that unit. */
static void behind_plan(Buf *b, ServeState *s, const char *per_name)
{
    int per = per_name ? period_code(per_name) : 0;
    buf_puts(b, "<section class=\"rencana\">\n<h2>Di belakang rencana</h2>\n"
                "<form method=\"get\" action=\"/\"><label>Keadaan s.d. akhir <select name=\"per\">");
    for (PeriodKind k = PK_TW; k <= PK_BLN; k++)   /* the period names of sakip(5), PERIODS */
        for (int i = 1; i <= period_count(k); i++) {
            int code = period_make(k, i);
            buf_printf(b, "<option%s>%s</option>", code == per ? " selected" : "", period_name(code));
        }
    buf_puts(b, "</select></label> <button type=\"submit\">Tampilkan</button></form>\n");
    if (!per) {
        buf_puts(b, "</section>\n");
        return;
    }
    buf_puts(b, "<table class=\"rencana\">\n<thead><tr><th>Unit</th><th>Di belakang rencana</th><th>Sebab "
                "(capaian s.d. di bawah 100% atau deviasi negatif)</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < s->nunits; i++) {
        SUnit *su = &s->units[i];
        if (!su->ok) continue;
        DiagList dl;
        diag_list_init(&dl);
        Eval ev;
        eval_init(&ev, su->u, &dl, s->tahun);
        ev.notation = s->notation;
        buf_puts(b, "<tr><td>");
        esc(b, su->u->nama ? su->u->nama : su->id);
        buf_puts(b, "</td>");
        if (check_per(su->u, per, per_name, &dl)) {
            buf_puts(b, "<td>-</td><td>");
            esc(b, dl.items.len ? ((const Diag *)dl.items.items[0])->msg : "");
            buf_puts(b, "</td></tr>\n");
        } else {
            eval_set_per(&ev, per);
            RecapRow *r = recap_row(&ev);
            bool behind = r->behind && r->behind[0];
            buf_printf(b, "<td>%s</td><td>", behind ? "ya" : "tidak");
            if (behind) esc(b, r->behind);
            buf_puts(b, "</td></tr>\n");
            recap_row_free(r);
        }
        eval_free(&ev);
        diag_list_free(&dl);
    }
    buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

char *serve_page_overview_per(ServeState *s, const char *per)
{
    Buf b;
    buf_init(&b);
    page_begin(&b, "Ikhtisar SAKIP", NULL);
    buf_puts(&b, "<section>\n<h1>Ikhtisar kinerja</h1>\n");
    buf_printf(&b, "<p class=\"sub\">%zu unit dimuat. Klik judul kolom untuk mengurutkan.</p>\n", s->nunits);
    buf_puts(&b, "<table class=\"ikhtisar\" id=\"ikhtisar\">\n<thead><tr>"
                 "<th data-kol=\"nama\">Unit</th><th data-kol=\"induk\">Induk</th><th>Tahun</th>"
                 "<th data-kol=\"k0\">Capaian rata-rata</th><th>Predikat</th><th>IKU tercapai</th>"
                 "<th data-kol=\"k1\">Serapan</th><th>Efisiensi per sasaran</th>"
                 "<th data-kol=\"k2\">Klaim gagal</th><th data-kol=\"k3\">Nilai SAKIP</th>"
                 "<th>Tren capaian</th></tr></thead>\n<tbody>\n");
    Vec rows = {0};
    for (size_t i = 0; i < s->nunits; i++) {
        SUnit *su = &s->units[i];
        /* the sort keys go into the row's opening tag */
        const char *row = su->row ? su->row : "";
        const char *gt = strchr(row, '>');
        if (!gt) continue;
        buf_putn(&b, row, (size_t)(gt - row));
        buf_puts(&b, " data-nama=\"");
        esc(&b, su->u && su->u->nama ? su->u->nama : su->id);
        buf_puts(&b, "\" data-induk=\"");
        esc(&b, su->u && su->u->induk ? su->u->induk : "");
        buf_printf(&b, "\" data-k0=\"%ld\" data-k1=\"%ld\" data-k2=\"%ld\" data-k3=\"%ld\"", su->key[0], su->key[1],
                   su->key[2], su->key[3]);
        buf_puts(&b, gt);
        if (su->recap) vec_push(&rows, su->recap);
    }
    buf_puts(&b, "</tbody>\n</table>\n");
    buf_puts(&b, "<p class=\"unduh\">Unduh rekapitulasi:");
    for (const ServeFormat *f = serve_formats; f->name; f++)
        buf_printf(&b, " <a href=\"/rekap/unduh/%s\">%s</a>", f->name, f->label);
    buf_puts(&b, "</p>\n");
    buf_puts(&b, "</section>\n");
    behind_plan(&b, s, per);
    /* the official recap, by the report code (the recap table sorts its
     * rows: it gets copies of the pointers) */
    if (rows.len > 1) {
        Table *t = recap_table(&rows, s->notation);
        report_html_recap(&b, t, NULL);
        table_free(t);
    }
    vec_free(&rows);
    return page_end(&b);
}

/* ---- unit page ---- */

static int decl_line(const Entity *e)
{
    return e->span.file ? locfile_line_of(e->span.file, e->span.start) : 0;
}


/* The cells of two reports of one unit that differ, as old -> new. */
static size_t changes(Buf *b, const Report *old, const Report *new)
{
    size_t n = 0;
    for (size_t i = 0; i < old->tables.len && i < new->tables.len; i++) {
        const Table *a = old->tables.items[i], *c = new->tables.items[i];
        if (strcmp(a->key, c->key) || a->ncols != c->ncols || a->rows.len != c->rows.len) continue;
        for (size_t r = 0; r < a->rows.len; r++) {
            const Cell *ra = a->rows.items[r], *rc = c->rows.items[r];
            for (int k = 0; k < a->ncols; k++) {
                const char *x = ra[k].text ? ra[k].text : "", *y = rc[k].text ? rc[k].text : "";
                if (!strcmp(x, y)) continue;
                if (!n++)
                    buf_puts(b, "<table class=\"perubahan\" id=\"perubahan\">\n<caption>Perubahan karena andai "
                                "(lama &rarr; baru)</caption>\n<thead><tr><th>Tabel</th><th>Baris</th>"
                                "<th>Kolom</th><th>Lama</th><th>Baru</th></tr></thead>\n<tbody>\n");
                buf_puts(b, "<tr><td>");
                esc(b, a->title);
                buf_puts(b, "</td><td>");
                esc(b, ra[0].text);
                if (a->ncols > 2 && ra[1].kind == CELL_TEXT && k != 1) {
                    buf_puts(b, " ");
                    esc(b, ra[1].text);
                }
                buf_puts(b, "</td><td>");
                esc(b, a->headers[k]);
                buf_puts(b, "</td><td class=\"n lama\">");
                esc(b, x);
                buf_puts(b, "</td><td class=\"n baru\">");
                esc(b, y);
                buf_puts(b, "</td></tr>\n");
            }
        }
    }
    if (n) buf_puts(b, "</tbody>\n</table>\n");
    else buf_puts(b, "<p class=\"note\">Tidak ada angka yang berubah.</p>\n");
    return n;
}

/* The links behind the figures: each indikator's and sasaran's values
 * to their jelaskan tree, each declaration to its file:line. */
static void rincian(Buf *b, SUnit *su, Eval *ev)
{
    Unit *u = ev->u;
    buf_puts(b, "<section class=\"rincian\">\n<h2>Rincian: asal setiap angka</h2>\n"
                "<table class=\"rincian\">\n<thead><tr><th>Kode</th><th>Nama</th><th>Capaian</th>"
                "<th>Predikat</th><th>Realisasi</th><th>Target</th><th>Sumber</th></tr></thead>\n<tbody>\n");
    const char *fname = u->file->name;
    for (size_t i = 0; i < u->indikator.len; i++) {
        Entity *e = u->indikator.items[i];
        if (e->span.file != u->file) continue;
        Value cap, pred, real, lo, hi;
        value_init(&cap), value_init(&pred), value_init(&real), value_init(&lo), value_init(&hi);
        eval_capaian(ev, e, ev->tahun, &cap);
        eval_predikat(ev, e, ev->tahun, &pred, NULL);
        eval_realisasi(ev, e, ev->tahun, &real);
        eval_target(ev, e, ev->tahun, &lo, &hi);
        buf_printf(b, "<tr><td>%s</td><td>", e->id);
        esc(b, e->name);
        const char *what[4] = {"capaian", "predikat", "realisasi", "target"};
        Value *vals[4] = {&cap, &pred, &real, &lo};
        for (int k = 0; k < 4; k++) {
            buf_printf(b, "</td><td class=\"n\"><a href=\"/unit/%s/jelaskan?f=%s&amp;id=%s\">", su->id, what[k],
                       e->id);
            if (k == 3 && hi.kind != V_UNDEF) {
                Value r;
                value_init(&r);
                value_range(&r, &lo, &hi);
                fmt_value(ev, b, &r);
                value_clear(&r);
            } else {
                fmt_value(ev, b, vals[k]);
            }
            buf_puts(b, "</a>");
        }
        int line = decl_line(e);
        buf_printf(b, "</td><td><a href=\"/unit/%s/sumber#L%d\">", su->id, line);
        esc(b, fname);
        buf_printf(b, ":%d</a></td></tr>\n", line);
        value_clear(&cap), value_clear(&pred), value_clear(&real), value_clear(&lo), value_clear(&hi);
    }
    buf_puts(b, "</tbody>\n</table>\n<table class=\"rincian\">\n<thead><tr><th>Kode</th><th>Sasaran</th>"
                "<th>Capaian</th><th>Serapan</th><th>Efisiensi</th><th>Sumber</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *e = u->sasaran.items[i];
        if (e->span.file != u->file) continue;
        Value cap, ser, efi;
        value_init(&cap), value_init(&ser), value_init(&efi);
        eval_capaian(ev, e, ev->tahun, &cap);
        eval_serapan(ev, e, &ser);
        eval_efisiensi(ev, e, &efi);
        buf_printf(b, "<tr><td>%s</td><td>", e->id);
        esc(b, e->name);
        const char *what[3] = {"capaian", "serapan", "efisiensi"};
        Value *vals[3] = {&cap, &ser, &efi};
        for (int k = 0; k < 3; k++) {
            buf_printf(b, "</td><td class=\"n\"><a href=\"/unit/%s/jelaskan?f=%s&amp;id=%s\">", su->id, what[k],
                       e->id);
            fmt_value(ev, b, vals[k]);
            buf_puts(b, "</a>");
        }
        int line = decl_line(e);
        buf_printf(b, "</td><td><a href=\"/unit/%s/sumber#L%d\">", su->id, line);
        esc(b, fname);
        buf_printf(b, ":%d</a></td></tr>\n", line);
        value_clear(&cap), value_clear(&ser), value_clear(&efi);
    }
    buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

/* The what-if form: what to change (each indikator's realisasi and
 * target, each budget node's anggaran and realisasi), the year, the new
 * value as the language writes it. */
static void andai_form(Buf *b, SUnit *su, Eval *ev, const Vec *andai, const char *msg, bool can_save)
{
    Unit *u = ev->u;
    buf_printf(b, "<section class=\"andai\" id=\"andai\">\n<h2>Simulasi (andai)</h2>\n");
    if (msg) {
        buf_puts(b, "<pre class=\"pesan\" role=\"alert\">");
        esc(b, msg);
        buf_puts(b, "</pre>\n");
    }
    buf_printf(b, "<form method=\"post\" action=\"/unit/%s/andai\" class=\"andai\">\n"
                  "<label>Ubah <select name=\"apa\" id=\"apa\">\n", su->id);
    for (size_t i = 0; i < u->indikator.len; i++) {
        Entity *e = u->indikator.items[i];
        if (e->span.file != u->file) continue;
        for (int k = 0; k < 2; k++) {
            buf_printf(b, "<option value=\"%s:%s\">%s %s &mdash; ", k ? "target" : "realisasi", e->id,
                       k ? "target" : "realisasi", e->id);
            esc(b, e->name);
            buf_puts(b, "</option>\n");
        }
    }
    for (size_t i = 0; i < u->budget_nodes.len; i++) {
        Entity *e = u->budget_nodes.items[i];
        if (e->span.file != u->file) continue;
        for (int k = 0; k < 2; k++) {
            buf_printf(b, "<option value=\"%s:%s\">%s %s &mdash; ", k ? "realisasi" : "anggaran", e->id,
                       k ? "realisasi" : "anggaran", e->id);
            esc(b, e->name);
            buf_puts(b, "</option>\n");
        }
    }
    buf_printf(b, "</select></label>\n<label>tahun <input name=\"tahun\" id=\"tahun\" value=\"%d\" size=\"5\" "
                  "maxlength=\"4\" inputmode=\"numeric\"></label>\n"
                  "<label>= <input name=\"nilai\" id=\"nilai\" size=\"20\" maxlength=\"64\" required "
                  "placeholder=\"70 atau Rp 2.000.000\"></label>\n"
                  "<button type=\"submit\" id=\"terapkan\">Terapkan</button>\n</form>\n",
               ev->tahun);
    if (andai && andai->len) {
        buf_puts(b, "<ol class=\"andai\">");
        for (size_t i = 0; i < andai->len; i++) {
            buf_puts(b, "<li><code>andai ");
            esc(b, andai->items[i]);
            buf_puts(b, "</code></li>");
        }
        buf_puts(b, "</ol>\n");
        buf_printf(b, "<form method=\"post\" action=\"/unit/%s/batal\" class=\"inline\"><button type=\"submit\" "
                      "id=\"batal\">Batal (undo)</button></form>\n"
                      "<form method=\"post\" action=\"/unit/%s/reset\" class=\"inline\"><button type=\"submit\" "
                      "id=\"reset\">Hapus semua andai</button></form>\n",
                   su->id, su->id);
        if (can_save)
            buf_printf(b, "<form method=\"post\" action=\"/unit/%s/simpan\" class=\"inline\"><button "
                          "type=\"submit\" id=\"simpan\">Simpan sebagai skenario</button></form>\n",
                       su->id);
    }
    buf_puts(b, "</section>\n");
}

const ServeFormat serve_formats[] = {
#ifdef HAVE_XLSX
    {"xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
#endif
    {"csv", "CSV", "text/csv; charset=utf-8"},
    {"json", "JSON", "application/json"},
    {"md", "Markdown", "text/markdown; charset=utf-8"},
    {"html", "HTML", "text/html; charset=utf-8"},
    {NULL, NULL, NULL},
};

const ServeFormat *serve_format(const char *name)
{
    for (const ServeFormat *f = serve_formats; f->name; f++)
        if (!strcmp(f->name, name)) return f;
    return NULL;
}

static void downloads(Buf *b, SUnit *su, bool sim)
{
    buf_printf(b, "<p class=\"unduh\">Unduh%s:", sim ? " (SIMULASI)" : "");
    for (const ServeFormat *f = serve_formats; f->name; f++)
        buf_printf(b, " <a href=\"/unit/%s/unduh/%s\">%s</a>", su->id, f->name, f->label);
    buf_puts(b, " &middot; <button type=\"button\" id=\"cetak\">Cetak</button></p>\n");
}

/* The links of the report's cells (report_html_set_link): the value of
 * an indikator, sasaran or budget node to its jelaskan tree, its code
 * and a claim's line to the source. */
typedef struct LinkCtx {
    SUnit *su;
    Unit *u;
    Buf href;
} LinkCtx;

static int col_of(const Table *t, const char *header)
{
    for (int c = 0; c < t->ncols; c++)
        if (!strcmp(t->headers[c], header)) return c;
    return -1;
}

static const char *cell_link(void *p, const Table *t, const Cell *row, int col)
{
    LinkCtx *lc = p;
    const char *h = t->headers[col];
    buf_reset(&lc->href);
    if (!strcmp(t->key, "periksa")) {
        if (strcmp(h, "Baris") || !row[col].text) return NULL;
        buf_printf(&lc->href, "/unit/%s/sumber#L%d", lc->su->id, atoi(row[col].text));
        return lc->href.data;
    }
    int key = col_of(t, "Indikator");
    if (key < 0) key = col_of(t, "Sasaran");
    if (key < 0) key = col_of(t, "ID");
    if (key < 0 || !row[key].text) return NULL;
    Entity *e = unit_lookup(lc->u, row[key].text);
    if (!e) return NULL;
    if (col == key) {
        buf_printf(&lc->href, "/unit/%s/sumber#L%d", lc->su->id, decl_line(e));
        return lc->href.data;
    }
    static const char *const fns[][2] = {{"Capaian", "capaian"}, {"Predikat", "predikat"},
                                         {"Realisasi", "realisasi"}, {"Target", "target"},
                                         {"Serapan", "serapan"}, {"Efisiensi", "efisiensi"},
                                         {"Anggaran", "anggaran"}};
    bool budget = ent_is_budget(e), ind = e->kind == ENT_INDIKATOR;
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        if (strcmp(h, fns[i][0])) continue;
        const char *f = fns[i][1];
        /* only what the evaluator defines for that kind */
        bool fits = ind ? strcmp(f, "serapan") && strcmp(f, "efisiensi") && strcmp(f, "anggaran")
                  : budget ? !strcmp(f, "anggaran") || !strcmp(f, "realisasi") || !strcmp(f, "serapan")
                  : e->kind == ENT_SASARAN ? !strcmp(f, "capaian") || !strcmp(f, "predikat") ||
                                                 !strcmp(f, "serapan") || !strcmp(f, "efisiensi")
                  : false;
        if (!fits || !row[col].text || !strcmp(row[col].text, "-")) return NULL;
        buf_printf(&lc->href, "/unit/%s/jelaskan?f=%s&id=%s", lc->su->id, f, e->id);
        return lc->href.data;
    }
    return NULL;
}

static char *unit_page(ServeState *s, SUnit *su, Eval *ev, Report *r, const Vec *andai, const char *msg,
                       bool can_save)
{
    (void)s;
    Buf b;
    buf_init(&b);
    const char *title = su->u && su->u->nama ? su->u->nama : su->id;
    page_begin(&b, title, su->id);
    if (!ev) {
        buf_puts(&b, "<section><h1>");
        esc(&b, title);
        buf_puts(&b, "</h1>\n<p class=\"galat\">Berkas ini bergalat; angkanya tidak ditampilkan sampai "
                     "galatnya diperbaiki.</p>\n<pre class=\"diagnostik\" id=\"diagnostik\">");
        esc(&b, su->diags);
        buf_puts(&b, "</pre>\n</section>\n");
        return page_end(&b);
    }
    bool sim = andai && andai->len;
    if (sim) {
        /* at the top too: the form and the changes are of a simulation */
        report_html_watermark(&b);
        buf_puts(&b, "<div class=\"simulasi\" role=\"note\" id=\"simulasi\">");
        esc(&b, report_simulasi_banner);
        for (size_t i = 0; i < andai->len; i++) {
            buf_puts(&b, "<br><code>");
            esc(&b, andai->items[i]);
            buf_puts(&b, "</code>");
        }
        buf_puts(&b, "</div>\n");
    }
    andai_form(&b, su, ev, andai, msg, can_save);
    if (sim) {
        buf_puts(&b, "<section class=\"perubahan\">\n");
        changes(&b, su->report, r);
        buf_puts(&b, "</section>\n");
    }
    downloads(&b, su, sim);
    Figures *f = report_figures(ev);
    LinkCtx lc = {su, ev->u, {0}};
    buf_init(&lc.href);
    report_html_set_link(cell_link, &lc);
    report_html_results(&b, r, f);
    report_html_set_link(NULL, NULL);
    buf_free(&lc.href);
    figures_free(f);
    rincian(&b, su, ev);
    if (su->dl.nwarnings || su->dl.nerrors) {
        buf_puts(&b, "<section><h2>Diagnostik</h2>\n<pre class=\"diagnostik\">");
        esc(&b, su->diags);
        buf_puts(&b, "</pre></section>\n");
    }
    return page_end(&b);
}

/* A unit with the session's what-ifs: loaded afresh, the source file
 * read as it is loaded for the base page. */
static Unit *load_with(SUnit *su, const Vec *andai, DiagList *dl)
{
    bool unreadable;
    diag_list_init(dl);
    Unit *u = load_unit_ex(su->path, NULL, andai, dl, &unreadable);
    if (u && diag_count_fatal(dl)) {
        unit_free(u);
        u = NULL;
    }
    return u;
}

char *serve_page_unit(ServeState *s, SUnit *su, const Vec *andai, const char *msg, bool can_save)
{
    if (!su->ok || !andai || !andai->len) {
        if (!msg) return xstrdup(su->page);
        return unit_page(s, su, su->ok ? &su->ev : NULL, su->report, NULL, msg, can_save);
    }
    DiagList dl;
    Unit *u = load_with(su, andai, &dl);
    char *page;
    if (!u) {
        page = unit_page(s, su, &su->ev, su->report, NULL, "andai yang aktif tidak berlaku lagi untuk berkas ini; batalkan atau atur ulang", can_save);
    } else {
        Eval ev;
        eval_init(&ev, u, &dl, s->tahun);
        ev.notation = s->notation;
        Report *r = report_build(&ev);
        page = unit_page(s, su, &ev, r, andai, msg, can_save);
        report_free(r);
        eval_free(&ev);
        unit_free(u);
    }
    diag_list_free(&dl);
    return page;
}

/* ---- what-if forms ---- */

static bool is_ident(const char *s)
{
    if (!*s || strlen(s) > MAX_IDENT_LEN) return false;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

char *serve_andai_text(ServeState *s, SUnit *su, const Vec *andai, const char *apa, const char *tahun,
                       const char *nilai, bool can_save, char **page, char **err)
{
    *err = NULL;
    *page = NULL;
    if (!su->ok) {
        *err = xstrdup("Berkas ini bergalat: perbaiki dahulu.");
        return NULL;
    }
    const char *colon = apa ? strchr(apa, ':') : NULL;
    if (!colon || !nilai) {
        *err = xstrdup("Isian tidak lengkap: pilih apa yang diubah dan tulis nilainya.");
        return NULL;
    }
    char kind[16];
    size_t kl = (size_t)(colon - apa);
    if (kl >= sizeof kind) kl = sizeof kind - 1;
    memcpy(kind, apa, kl);
    kind[kl] = '\0';
    const char *id = colon + 1;
    Entity *e = is_ident(id) ? unit_lookup(su->u, id) : NULL;
    bool ind = e && e->kind == ENT_INDIKATOR;
    bool bud = e && ent_is_budget(e);
    if (!(ind && (!strcmp(kind, "realisasi") || !strcmp(kind, "target"))) &&
        !(bud && (!strcmp(kind, "realisasi") || !strcmp(kind, "anggaran")))) {
        *err = xstrdup("Yang diubah tidak dikenal di berkas ini.");
        return NULL;
    }
    /* the value: one literal of the language (a number, a percentage, an
     * amount, a range); the parser below decides whether it is one */
    size_t nl = strlen(nilai);
    bool okc = nl > 0 && nl <= 64;
    for (const char *p = nilai; okc && *p; p++)
        okc = (*p >= '0' && *p <= '9') || strchr(" .,%-Rp", *p) != NULL;
    if (!okc) {
        *err = xstrdup("Nilai harus berupa angka (70, 83.63, 95%) atau jumlah uang (Rp 2.000.000.000).");
        return NULL;
    }
    Buf t;
    buf_init(&t);
    buf_printf(&t, "%s %s", kind, id);
    if (ind) {
        char *end;
        long y = tahun && *tahun ? strtol(tahun, &end, 10) : su->ev.tahun;
        if ((tahun && *tahun && *end) || y < 1900 || y > 2999) {
            *err = xstrdup("Tahun harus seperti 2024.");
            buf_free(&t);
            return NULL;
        }
        buf_printf(&t, " %ld", y);
    }
    buf_printf(&t, " = %s", nilai);
    /* the whole set of what-ifs, loaded as `eval --andai` loads them */
    Vec all = {0};
    for (size_t i = 0; andai && i < andai->len; i++) vec_push(&all, andai->items[i]);
    vec_push(&all, t.data);
    DiagList dl;
    diag_list_init(&dl);
    bool unreadable;
    Unit *u = load_unit_ex(su->path, NULL, &all, &dl, &unreadable);
    if (!u || dl.nerrors > su->dl.nerrors || diag_count_fatal(&dl)) {
        vec_free(&all);
        char *text = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);
        if (f) {
            diag_sort(&dl);
            for (size_t i = 0; i < dl.items.len; i++) {
                const Diag *d = dl.items.items[i];
                if (d->level == DIAG_ERROR && d->span.file && !strcmp(d->span.file->name, "--andai"))
                    diag_print_one(d, f, false);
            }
            fclose(f);
        }
        if (!text || !*text) {
            free(text);
            text = xstrdup("Andai ini tidak dapat diterapkan.");
        }
        *err = text;
        unit_free(u);
        diag_list_free(&dl);
        buf_free(&t);
        return NULL;
    }
    /* the page of the what-ifs from this same load: the next GET shows it */
    Eval ev;
    eval_init(&ev, u, &dl, s->tahun);
    ev.notation = s->notation;
    Report *r = report_build(&ev);
    *page = unit_page(s, su, &ev, r, &all, NULL, can_save);
    report_free(r);
    eval_free(&ev);
    vec_free(&all);
    unit_free(u);
    diag_list_free(&dl);
    return buf_steal(&t);
}

/* ---- jelaskan, source ---- */

char *serve_page_jelaskan(ServeState *s, SUnit *su, const Vec *andai, const char *what, const char *id)
{
    static const char *const whats[] = {"capaian", "predikat", "realisasi", "target", "serapan", "efisiensi",
                                        "anggaran", NULL};
    bool known = false;
    for (int i = 0; what && whats[i]; i++) known |= !strcmp(what, whats[i]);
    if (!known || !id || !is_ident(id) || !su->ok || !unit_lookup(su->u, id)) return NULL;
    DiagList dl;
    Unit *u = load_with(su, andai, &dl);
    if (!u) {
        diag_list_free(&dl);
        return NULL;
    }
    Buf src;
    buf_init(&src);
    buf_printf(&src, "jelaskan %s(%s)\n", what, id);
    LocFile *lf = locfile_new("<jelaskan>", src.data, src.len);
    apush(u, &u->extra_files, lf);
    ReplItem item;
    Buf out;
    buf_init(&out);
    Eval ev;
    eval_init(&ev, u, &dl, s->tahun);
    ev.notation = s->notation;
    /* the question's own diagnostics apart from the file's: a function
     * the entity's kind does not have (serapan of an indikator) is shown
     * as the REPL shows it, located, instead of an empty tree */
    DiagList qdl;
    diag_list_init(&qdl);
    if (parse_repl(u, lf, &qdl, &item) && item.kind == REPL_JELASKAN && check_expr(u, item.expr, &qdl) == 0) {
        explain_expr(&ev, item.expr, &out);
    } else {
        char *text = NULL;
        size_t n = 0;
        FILE *f = open_memstream(&text, &n);
        if (f) {
            diag_print_text(&qdl, f, false);
            fclose(f);
            buf_puts(&out, text);
        }
        free(text);
    }
    diag_list_free(&qdl);
    Buf b;
    buf_init(&b);
    page_begin(&b, "jelaskan", su->id);
    buf_puts(&b, "<section>\n");
    if (andai && andai->len) {
        buf_puts(&b, "<div class=\"simulasi\" role=\"note\">");
        esc(&b, report_simulasi_banner);
        buf_puts(&b, "</div>\n");
    }
    buf_puts(&b, "<h1><code>");
    esc(&b, src.data);
    buf_puts(&b, "</code></h1>\n<pre class=\"jelaskan\" id=\"jelaskan\">");
    /* each file:line of the tree links to the source listing */
    const char *fname = u->file->name;
    size_t fl = strlen(fname);
    const char *p = out.data ? out.data : "";
    while (*p) {
        const char *hit = strstr(p, fname);
        if (!hit || hit[fl] != ':' || hit[fl + 1] < '0' || hit[fl + 1] > '9') {
            if (!hit) {
                esc(&b, p);
                break;
            }
            escn(&b, p, (size_t)(hit - p) + fl);
            p = hit + fl;
            continue;
        }
        escn(&b, p, (size_t)(hit - p));
        int line = atoi(hit + fl + 1);
        const char *q = hit + fl + 1;
        while (*q >= '0' && *q <= '9') q++;
        buf_printf(&b, "<a href=\"/unit/%s/sumber#L%d\">", su->id, line);
        escn(&b, hit, (size_t)(q - hit));
        buf_puts(&b, "</a>");
        p = q;
    }
    buf_puts(&b, "</pre>\n</section>\n");
    eval_free(&ev);
    unit_free(u);
    diag_list_free(&dl);
    buf_free(&out);
    buf_free(&src);
    return page_end(&b);
}

char *serve_page_source(ServeState *s, SUnit *su)
{
    (void)s;
    if (!su->u) return NULL;
    const LocFile *lf = su->u->file;
    Buf b;
    buf_init(&b);
    page_begin(&b, lf->name, su->id);
    buf_puts(&b, "<section>\n<h1>");
    esc(&b, lf->name);
    buf_puts(&b, "</h1>\n<pre class=\"sumber\">");
    const char *p = lf->text, *end = lf->text + lf->len;
    for (int line = 1; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        buf_printf(&b, "<span id=\"L%d\"><a href=\"#L%d\" class=\"ln\">%5d</a>  ", line, line, line);
        escn(&b, p, n);
        buf_puts(&b, "</span>\n");
        p += n + 1;
    }
    buf_puts(&b, "</pre>\n</section>\n");
    return page_end(&b);
}

/* ---- downloads, scenarios ---- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    Buf b;
    buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_putn(&b, chunk, n);
    fclose(f);
    *len = b.len;
    if (!b.data) buf_puts(&b, "");
    return buf_steal(&b);
}

/* One unit of a download, and its row of the recap. */
static void download_unit(const Renderer *rd, RenderCtx *ctx, Vec *recap, Unit *u, Eval *ev)
{
    UnitResult res = {u->nama, u->file->name, ev, NULL, NULL, NULL};
    buf_reset(&ctx->buf);
    rd->unit(ctx, &res);
    result_free(&res);
    ctx->shown++;
    vec_push(recap, recap_row(ev));
}

char *serve_download(ServeState *s, SUnit *su, const Vec *andai, const char *fmt, size_t *len, bool *stale)
{
    *stale = false;
    const Renderer *rd = serve_format(fmt) ? renderer_find(fmt) : NULL;
    if (!rd) return NULL;
    Buf path;
    buf_init(&path);
    buf_printf(&path, "%s/unduh-%lu.%s", s->tmpdir, ++s->dl_serial, fmt);
    size_t first = su ? (size_t)(su - s->units) : 0, last = su ? first + 1 : s->nunits;
    RenderCtx ctx = {.output = path.data, .notation = s->notation, .nfiles = last - first,
                     .title = su ? su->path : "Rekapitulasi"};
    buf_init(&ctx.buf);
    char *data = NULL;
    if (rd->begin(&ctx)) {
        Vec recap = {0};
        for (size_t i = first; i < last; i++) {
            SUnit *x = &s->units[i];
            if (!x->ok) continue;
            if (!su || !andai || !andai->len) {   /* as loaded: the evaluation the pages show */
                download_unit(rd, &ctx, &recap, x->u, &x->ev);
                continue;
            }
            DiagList dl;
            Unit *u = load_with(x, andai, &dl);
            if (!u) *stale = true;   /* a download of what-ifs that no longer apply: none */
            if (u) {
                Eval ev;
                eval_init(&ev, u, &dl, s->tahun);
                ev.notation = s->notation;
                download_unit(rd, &ctx, &recap, u, &ev);
                eval_free(&ev);
                unit_free(u);
            }
            diag_list_free(&dl);
        }
        buf_reset(&ctx.buf);
        if (recap.len > 1) rd->recap(&ctx, &recap);
        buf_reset(&ctx.buf);
        bool ok = rd->end(&ctx);
        for (size_t i = 0; i < recap.len; i++) recap_row_free(recap.items[i]);
        vec_free(&recap);
        if (render_finish(&ctx, ok) && ok && !*stale) data = slurp(path.data, len);
    }
    buf_free(&ctx.buf);
    unlink(path.data);
    buf_free(&path);
    return data;
}

char *serve_scenario_text(SUnit *su, const Vec *andai)
{
    Buf b;
    buf_init(&b);
    buf_printf(&b, "# skenario andai untuk %s (sakip serve)\n# pakai: sakip eval %s --skenario BERKAS\n",
               su->u && su->u->nama ? su->u->nama : su->id, su->path);
    for (size_t i = 0; i < andai->len; i++) buf_printf(&b, "andai %s\n", (const char *)andai->items[i]);
    return buf_steal(&b);
}
