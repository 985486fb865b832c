/* report.c -- builds the LAKIP tables (3.2 measurement, 3.8 budget,
 * 3.6 efisiensi, 3.7 predikat recap, claims) from an Eval. */
#include "report.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

enum { PLAIN_DECIMALS = 10 };

static Table *table_new(const char *key, const char *title, int ncols, const char **headers, const bool *right)
{
    Table *t = xcalloc(1, sizeof *t);
    t->key = key;
    t->title = xstrdup(title);
    t->ncols = ncols;
    t->headers = headers;
    t->right = right;
    return t;
}

void table_free(Table *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->rows.len; i++) {
        Cell *row = t->rows.items[i];
        for (int c = 0; c < t->ncols; c++) {
            free(row[c].text);
            free(row[c].plain);
        }
        free(row);
    }
    vec_free(&t->rows);
    for (size_t i = 0; i < t->notes.len; i++) free(t->notes.items[i]);
    vec_free(&t->notes);
    free((void *)t->headers_owned);
    free(t->right_owned);
    free(t->title);
    free(t);
}

static Cell *row_new(Table *t)
{
    Cell *row = xcalloc((size_t)t->ncols, sizeof *row);
    vec_push(&t->rows, row);
    return row;
}

static void cell_text(Cell *c, const char *s)
{
    c->kind = CELL_TEXT;
    c->text = xstrdup(s ? s : "");
}

static void cell_int(Cell *c, long n)
{
    c->kind = CELL_NUM;
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%ld", n);
    c->text = xstrdup(b.data);
    c->plain = buf_steal(&b);
}

/* A number cell: display with `dec` decimals (or exact up to dec when
 * short), machine form exact to PLAIN_DECIMALS. */
static void cell_number(Cell *c, const Eval *ev, const Value *v, int dec, bool shortest, const char *suffix)
{
    if (v->kind == V_UNDEF || (v->kind != V_NUM && v->kind != V_MONEY)) {
        c->kind = CELL_UNDEF;
        c->text = xstrdup(v->kind == V_TEXT ? v->text : "-");
        return;
    }
    Buf b;
    buf_init(&b);
    if (v->kind == V_MONEY) {
        c->kind = CELL_MONEY;
        num_format_money(&b, v->q, ev->round, ev->notation);
    } else {
        c->kind = CELL_NUM;
        if (shortest) num_format_short(&b, v->q, dec, ev->round, ev->notation, true);
        else num_format(&b, v->q, dec, ev->round, ev->notation, true);
        if (suffix) buf_puts(&b, suffix);
    }
    c->text = buf_steal(&b);
    num_format_plain(&b, v->q, PLAIN_DECIMALS);
    c->plain = buf_steal(&b);
}

static bool is_percent_unit(const Entity *ind)
{
    return ind->satuan && (!strcmp(ind->satuan, "%") || !strcmp(ind->satuan, "persen"));
}

/* An input value (target, realisasi): exact, in the indikator's unit. */
static void cell_input(Cell *c, const Eval *ev, const Entity *ind, const Value *v, const Value *hi)
{
    const char *suf = is_percent_unit(ind) ? "%" : NULL;
    /* as written in the source (53.30 stays 53,30), else the shortest form */
    if (v->decimals >= 0) cell_number(c, ev, v, v->decimals, false, suf);
    else cell_number(c, ev, v, ev->desimal, true, suf);
    if (hi && hi->kind != V_UNDEF && c->kind != CELL_UNDEF) {
        Cell h = {0};
        if (hi->decimals >= 0) cell_number(&h, ev, hi, hi->decimals, false, suf);
        else cell_number(&h, ev, hi, 4, true, suf);
        Buf b;
        buf_init(&b);
        buf_printf(&b, "%s..%s", c->text, h.text);
        free(c->text);
        c->text = buf_steal(&b);
        free(h.text);
        free(h.plain);
    }
}

static void cell_percent(Cell *c, const Eval *ev, const Value *v)
{
    cell_number(c, ev, v, ev->desimal, false, "%");
}

static const char *undefined_reason(const Value *v) { return v->text ? v->text : "a value it needs is missing"; }

/* Records once why a shown value is '-'. */
static void note_undefined(Eval *ev, const Entity *x, const char *what, const Value *v)
{
    if (v->kind != V_UNDEF || !ev->dl) return;
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%s of %s is undefined (shown as '-'): %s", what, x->id, undefined_reason(v));
    for (size_t i = 0; i < ev->reported.len; i++)
        if (!strcmp(ev->reported.items[i], b.data)) {
            buf_free(&b);
            return;
        }
    vec_push(&ev->reported, xstrdup(b.data));
    diag_add(ev->dl, DIAG_WARNING, "W0520", x->id_span, "%s", b.data);
    buf_free(&b);
}

/* ---- Tabel 3.2: measurement ---- */

static const char *H32[] = {"No", "Sasaran", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Predikat",
                            "Target akhir", "Capaian thd akhir"};
static const bool R32[] = {true, false, false, false, true, true, true, false, true, true};

static Table *table_measurement(Eval *ev)
{
    Unit *u = ev->u;
    char title[160];
    snprintf(title, sizeof title, "Tabel 3.2  Pengukuran kinerja tahun %d (target akhir: %d)", ev->tahun,
             u->has_periode ? u->periode_to : ev->tahun);
    Table *t = table_new("3.2", title, 10, H32, R32);
    Value lo, hi, r, c, p, e, cr;
    value_init(&lo); value_init(&hi); value_init(&r); value_init(&c);
    value_init(&p); value_init(&e); value_init(&cr);
    int no = 0;
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *s = u->sasaran.items[i];
        for (size_t k = 0; k < s->indikator.len; k++) {
            Entity *ind = s->indikator.items[k];
            Cell *row = row_new(t);
            cell_int(&row[0], ++no);
            cell_text(&row[1], s->id);
            cell_text(&row[2], ind->id);
            cell_text(&row[3], ind->satuan);
            eval_target(ev, ind, ev->tahun, &lo, &hi);
            cell_input(&row[4], ev, ind, &lo, &hi);
            eval_realisasi(ev, ind, ev->tahun, &r);
            cell_input(&row[5], ev, ind, &r, NULL);
            eval_capaian(ev, ind, ev->tahun, &c);
            note_undefined(ev, ind, "capaian", &c);
            cell_percent(&row[6], ev, &c);
            eval_predikat(ev, ind, ev->tahun, &p, NULL);
            cell_text(&row[7], p.kind == V_TEXT ? p.text : "-");
            if (u->has_periode) {
                eval_target(ev, ind, u->periode_to, &e, &hi);
                cell_input(&row[8], ev, ind, &e, &hi);
            } else {
                cell_text(&row[8], "-");
            }
            eval_capaian_renstra(ev, ind, &cr);
            cell_percent(&row[9], ev, &cr);
        }
    }
    /* mean over all IKU */
    if (no > 0) {
        mpq_t sum, n;
        mpq_inits(sum, n, NULL);
        bool ok = true;
        for (size_t i = 0; i < u->sasaran.len && ok; i++) {
            Entity *s = u->sasaran.items[i];
            for (size_t k = 0; k < s->indikator.len; k++) {
                eval_capaian(ev, s->indikator.items[k], ev->tahun, &c);
                if (c.kind != V_NUM) { ok = false; break; }
                mpq_add(sum, sum, c.q);
            }
        }
        Buf b;
        buf_init(&b);
        if (ok) {
            mpq_set_ui(n, (unsigned long)no, 1);
            mpq_div(sum, sum, n);
            buf_puts(&b, "Rata-rata capaian indikator: ");
            eval_format_num(ev, &b, sum, ev->desimal);
            const Band *band = eval_band(eval_skala(ev), sum);
            buf_printf(&b, "%% (%s)", band ? band->label : "-");
        } else {
            buf_puts(&b, "Rata-rata capaian indikator: - (ada capaian yang tak terdefinisi)");
        }
        vec_push(&t->notes, buf_steal(&b));
        mpq_clears(sum, n, NULL);
    }
    value_clear(&lo); value_clear(&hi); value_clear(&r); value_clear(&c);
    value_clear(&p); value_clear(&e); value_clear(&cr);
    return t;
}

/* ---- Tabel 3.8: budget tree ---- */

static const char *H38[] = {"Kode", "Uraian", "Anggaran", "Realisasi", "Serapan"};
static const bool R38[] = {false, false, true, true, true};

static void budget_rows(Eval *ev, Table *t, Entity *n, int level)
{
    Value a, r, s;
    value_init(&a); value_init(&r); value_init(&s);
    Cell *row = row_new(t);
    cell_text(&row[0], n->id);
    row[0].indent = level;
    cell_text(&row[1], n->name ? n->name : "");
    row[1].indent = level;
    eval_anggaran(ev, n, &a);
    eval_realisasi(ev, n, ev->tahun, &r);
    eval_serapan(ev, n, &s);
    note_undefined(ev, n, "serapan", &s);
    cell_number(&row[2], ev, &a, 0, true, NULL);
    cell_number(&row[3], ev, &r, 0, true, NULL);
    cell_percent(&row[4], ev, &s);
    value_clear(&a); value_clear(&r); value_clear(&s);
    for (size_t i = 0; i < n->children.len; i++) budget_rows(ev, t, n->children.items[i], level + 1);
}

static Table *table_budget(Eval *ev)
{
    Unit *u = ev->u;
    Table *t = table_new("3.8", "Tabel 3.8  Anggaran dan realisasi per program, kegiatan dan subkegiatan", 5, H38, R38);
    mpq_t ta, tr;
    mpq_inits(ta, tr, NULL);
    bool ok = true;
    Value a, r;
    value_init(&a); value_init(&r);
    for (size_t i = 0; i < u->programs.len; i++) {
        Entity *p = u->programs.items[i];
        budget_rows(ev, t, p, 0);
        eval_anggaran(ev, p, &a);
        eval_realisasi(ev, p, ev->tahun, &r);
        if (a.kind != V_MONEY || r.kind != V_MONEY) ok = false;
        else {
            mpq_add(ta, ta, a.q);
            mpq_add(tr, tr, r.q);
        }
    }
    if (u->programs.len) {
        Cell *row = row_new(t);
        cell_text(&row[0], "Jumlah");
        cell_text(&row[1], "");
        if (ok) {
            value_money(&a, ta);
            value_money(&r, tr);
            cell_number(&row[2], ev, &a, 0, true, NULL);
            cell_number(&row[3], ev, &r, 0, true, NULL);
            Value s;
            value_init(&s);
            if (mpq_sgn(ta)) {
                mpq_div(s.q, tr, ta);
                mpq_t h;
                mpq_init(h);
                mpq_set_ui(h, 100, 1);
                mpq_mul(s.q, s.q, h);
                mpq_clear(h);
                s.kind = V_NUM;
            }
            cell_percent(&row[4], ev, &s);
            value_clear(&s);
        } else {
            cell_text(&row[2], "-");
            cell_text(&row[3], "-");
            cell_text(&row[4], "-");
        }
    }
    value_clear(&a); value_clear(&r);
    mpq_clears(ta, tr, NULL);
    if (ev->tahun != u->tahun) {
        Buf b;
        buf_init(&b);
        buf_printf(&b, "Anggaran yang ditampilkan adalah anggaran tahun %d (tahun file ini).", u->tahun);
        vec_push(&t->notes, buf_steal(&b));
    }
    return t;
}

/* ---- Tabel 3.6: efisiensi ---- */

static const char *H36[] = {"Sasaran", "Capaian", "Serapan", "Efisiensi", "Program pendukung"};
static const bool R36[] = {false, true, true, false, false};

static Table *table_efisiensi(Eval *ev)
{
    Unit *u = ev->u;
    Table *t = table_new("3.6", "Tabel 3.6  Efisiensi penggunaan sumber daya per sasaran", 5, H36, R36);
    Value c, s, e;
    value_init(&c); value_init(&s); value_init(&e);
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *sa = u->sasaran.items[i];
        Cell *row = row_new(t);
        cell_text(&row[0], sa->id);
        eval_capaian(ev, sa, ev->tahun, &c);
        eval_serapan(ev, sa, &s);
        eval_efisiensi(ev, sa, &e);
        cell_percent(&row[1], ev, &c);
        cell_percent(&row[2], ev, &s);
        cell_text(&row[3], e.kind == V_TEXT ? e.text : "-");
        Buf b;
        buf_init(&b);
        for (size_t k = 0; k < sa->supporters.len; k++)
            buf_printf(&b, "%s%s", k ? ", " : "", ((Entity *)sa->supporters.items[k])->id);
        cell_text(&row[4], b.len ? b.data : "-");
        buf_free(&b);
    }
    value_clear(&c); value_clear(&s); value_clear(&e);
    return t;
}

/* ---- Tabel 3.7: predikat recap ---- */

static Table *table_predikat(Eval *ev)
{
    Unit *u = ev->u;
    Entity *sk = eval_skala(ev);
    int nb = (int)sk->bands.len;
    int ncols = 3 + nb;
    const char **headers = xcalloc((size_t)ncols, sizeof *headers);
    bool *right = xcalloc((size_t)ncols, sizeof *right);
    headers[0] = "Sasaran";
    headers[1] = "Indikator";
    headers[2] = "Capaian";
    right[2] = true;
    for (int i = 0; i < nb; i++) headers[3 + i] = ((Band *)sk->bands.items[i])->label;
    Table *t = table_new("3.7", "Tabel 3.7  Rekapitulasi predikat capaian kinerja", ncols, headers, right);
    t->headers_owned = headers;
    t->right_owned = right;
    size_t *counts = xcalloc((size_t)nb + 1, sizeof *counts);
    Value c, p;
    value_init(&c); value_init(&p);
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *s = u->sasaran.items[i];
        for (size_t k = 0; k < s->indikator.len; k++) {
            Entity *ind = s->indikator.items[k];
            Cell *row = row_new(t);
            cell_text(&row[0], s->id);
            cell_text(&row[1], ind->id);
            eval_capaian(ev, ind, ev->tahun, &c);
            cell_percent(&row[2], ev, &c);
            const Band *band = NULL;
            eval_predikat(ev, ind, ev->tahun, &p, &band);
            for (int b = 0; b < nb; b++) {
                const Band *bb = sk->bands.items[b];
                bool hit = p.kind == V_TEXT && !strcmp(p.text, bb->label);
                cell_text(&row[3 + b], hit ? "\xE2\x9C\x93" : "");
                if (hit) counts[b]++;
            }
            if (p.kind != V_TEXT) counts[nb]++;
        }
    }
    Cell *row = row_new(t);
    cell_text(&row[0], "Jumlah");
    cell_text(&row[1], "");
    cell_text(&row[2], "");
    for (int b = 0; b < nb; b++) cell_int(&row[3 + b], (long)counts[b]);
    if (counts[nb]) {
        Buf b;
        buf_init(&b);
        buf_printf(&b, "%zu indikator tanpa predikat (capaian tak terdefinisi)", counts[nb]);
        vec_push(&t->notes, buf_steal(&b));
    }
    free(counts);
    value_clear(&c); value_clear(&p);
    return t;
}

/* ---- claims ---- */

static const char *HP[] = {"Baris", "Hasil", "Klaim", "Kiri", "Kanan", "Pesan"};
static const bool RP[] = {true, false, false, true, true, false};

static Table *table_periksa(Eval *ev)
{
    Unit *u = ev->u;
    Table *t = table_new("periksa", "Periksa  Klaim laporan yang diperiksa", 6, HP, RP);
    size_t held = 0, failed = 0, undef = 0;
    Value l, r;
    value_init(&l); value_init(&r);
    for (size_t i = 0; i < u->periksa.len; i++) {
        Periksa *p = u->periksa.items[i];
        ClaimResult cr = eval_periksa(ev, p, &l, &r);
        if (cr == CLAIM_HOLDS) held++;
        else if (cr == CLAIM_FAILS) failed++;
        else undef++;
        Cell *row = row_new(t);
        int line, col;
        locfile_pos(p->span.file, p->span.start, &line, &col);
        cell_int(&row[0], line);
        cell_text(&row[1], cr == CLAIM_HOLDS ? "benar" : cr == CLAIM_FAILS ? "SALAH" : "-");
        cell_text(&row[2], span_text(u, p->expr->span));
        Buf b;
        buf_init(&b);
        eval_format_value(ev, &b, &l, r.decimals > 0 ? r.decimals : 0);
        cell_text(&row[3], b.data);
        buf_reset(&b);
        if (p->expr->kind == EX_BIN) eval_format_value(ev, &b, &r, 0);
        cell_text(&row[4], b.data);
        buf_free(&b);
        cell_text(&row[5], p->pesan ? p->pesan : "");
        row[3].kind = row[4].kind = CELL_TEXT;
    }
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%zu klaim: %zu benar, %zu salah", u->periksa.len, held, failed);
    if (undef) buf_printf(&b, ", %zu tak terdefinisi", undef);
    vec_push(&t->notes, buf_steal(&b));
    value_clear(&l); value_clear(&r);
    return t;
}

Report *report_build(Eval *ev)
{
    Unit *u = ev->u;
    Report *r = xcalloc(1, sizeof *r);
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%s", u->nama ? u->nama : "(instansi tanpa nama)");
    if (u->induk) buf_printf(&b, " — %s", u->induk);
    buf_printf(&b, " — tahun %d", ev->tahun);
    r->heading = buf_steal(&b);
    if (u->has_periode) {
        buf_printf(&b, "Periode Renstra %d..%d", u->periode_from, u->periode_to);
        vec_push(&r->subheading, buf_steal(&b));
    }
    if (u->kepala) {
        buf_printf(&b, "Kepala: %s", u->kepala);
        vec_push(&r->subheading, buf_steal(&b));
    }
    vec_push(&r->tables, table_measurement(ev));
    vec_push(&r->tables, table_budget(ev));
    vec_push(&r->tables, table_efisiensi(ev));
    vec_push(&r->tables, table_predikat(ev));
    if (u->periksa.len) vec_push(&r->tables, table_periksa(ev));
    return r;
}

void report_free(Report *r)
{
    if (!r) return;
    free(r->heading);
    for (size_t i = 0; i < r->subheading.len; i++) free(r->subheading.items[i]);
    vec_free(&r->subheading);
    for (size_t i = 0; i < r->tables.len; i++) table_free(r->tables.items[i]);
    vec_free(&r->tables);
    free(r);
}

/* ---- recap over several files ---- */

RecapRow *recap_row(Eval *ev)
{
    Unit *u = ev->u;
    RecapRow *row = xcalloc(1, sizeof *row);
    row->nama = xstrdup(u->nama ? u->nama : u->file->name);
    row->induk = xstrdup(u->induk ? u->induk : "");
    row->tahun = ev->tahun;
    mpq_inits(row->mean, row->anggaran, row->realisasi, NULL);
    Entity *sk = eval_skala(ev);
    for (size_t b = 0; b < sk->bands.len; b++) {
        vec_push(&row->band_labels, xstrdup(((Band *)sk->bands.items[b])->label));
        vec_push(&row->band_counts, (void *)0);
    }
    Value c, p, a, r;
    value_init(&c); value_init(&p); value_init(&a); value_init(&r);
    size_t n = 0;
    bool ok = true;
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *s = u->sasaran.items[i];
        for (size_t k = 0; k < s->indikator.len; k++) {
            Entity *ind = s->indikator.items[k];
            eval_capaian(ev, ind, ev->tahun, &c);
            if (c.kind == V_NUM) mpq_add(row->mean, row->mean, c.q);
            else ok = false;
            n++;
            eval_predikat(ev, ind, ev->tahun, &p, NULL);
            bool counted = false;
            for (size_t b = 0; p.kind == V_TEXT && b < row->band_labels.len; b++)
                if (!strcmp(row->band_labels.items[b], p.text)) {
                    row->band_counts.items[b] = (void *)((size_t)row->band_counts.items[b] + 1);
                    counted = true;
                }
            if (!counted) row->undefined++;
        }
    }
    if (n && ok) {
        mpq_t d;
        mpq_init(d);
        mpq_set_ui(d, (unsigned long)n, 1);
        mpq_div(row->mean, row->mean, d);
        mpq_clear(d);
        row->has_mean = true;
    }
    row->has_budget = u->programs.len > 0;
    for (size_t i = 0; i < u->programs.len; i++) {
        eval_anggaran(ev, u->programs.items[i], &a);
        eval_realisasi(ev, u->programs.items[i], ev->tahun, &r);
        if (a.kind != V_MONEY || r.kind != V_MONEY) {
            row->has_budget = false;
            break;
        }
        mpq_add(row->anggaran, row->anggaran, a.q);
        mpq_add(row->realisasi, row->realisasi, r.q);
    }
    value_clear(&c); value_clear(&p); value_clear(&a); value_clear(&r);
    return row;
}

void recap_row_free(RecapRow *r)
{
    if (!r) return;
    free(r->nama);
    free(r->induk);
    mpq_clears(r->mean, r->anggaran, r->realisasi, NULL);
    for (size_t i = 0; i < r->band_labels.len; i++) free(r->band_labels.items[i]);
    vec_free(&r->band_labels);
    vec_free(&r->band_counts);
    free(r);
}

static int recap_cmp(const void *pa, const void *pb)
{
    const RecapRow *a = *(RecapRow *const *)pa, *b = *(RecapRow *const *)pb;
    if (a->has_mean != b->has_mean) return a->has_mean ? -1 : 1;
    if (a->has_mean) {
        int c = mpq_cmp(b->mean, a->mean);
        if (c) return c;
    }
    return strcmp(a->nama, b->nama);
}

Table *recap_table(Vec *rows, Notation nt)
{
    if (rows->len > 1) qsort(rows->items, rows->len, sizeof(void *), recap_cmp);
    /* Columns: the band labels of the first row's skala. */
    RecapRow *first = rows->len ? rows->items[0] : NULL;
    int nb = first ? (int)first->band_labels.len : 0;
    int ncols = 8 + nb;
    const char **headers = xcalloc((size_t)ncols, sizeof *headers);
    bool *right = xcalloc((size_t)ncols, sizeof *right);
    int k = 0;
    headers[k++] = "Peringkat"; right[0] = true;
    headers[k++] = "Instansi";
    headers[k++] = "Induk";
    headers[k] = "Rata-rata capaian"; right[k++] = true;
    for (int b = 0; b < nb; b++) { headers[k] = first->band_labels.items[b]; right[k++] = true; }
    headers[k] = "Tak terdefinisi"; right[k++] = true;
    headers[k] = "Anggaran"; right[k++] = true;
    headers[k] = "Realisasi"; right[k++] = true;
    headers[k] = "Serapan"; right[k++] = true;
    Table *t = table_new("rekap", "Rekapitulasi per instansi (urut rata-rata capaian)", ncols, headers, right);
    t->headers_owned = headers;
    t->right_owned = right;
    Eval fmt;
    memset(&fmt, 0, sizeof fmt);
    fmt.round = ROUND_HALF_UP;
    fmt.desimal = 2;
    fmt.notation = nt;
    Value v;
    value_init(&v);
    for (size_t i = 0; i < rows->len; i++) {
        RecapRow *r = rows->items[i];
        Cell *row = row_new(t);
        k = 0;
        cell_int(&row[k++], (long)i + 1);
        cell_text(&row[k++], r->nama);
        cell_text(&row[k++], r->induk);
        if (r->has_mean) value_num(&v, r->mean);
        else value_undef(&v, NULL);
        cell_percent(&row[k++], &fmt, &v);
        for (int b = 0; b < nb; b++) {
            size_t cnt = 0;
            for (size_t m = 0; m < r->band_labels.len; m++)
                if (!strcmp(r->band_labels.items[m], first->band_labels.items[b])) cnt = (size_t)r->band_counts.items[m];
            cell_int(&row[k++], (long)cnt);
        }
        cell_int(&row[k++], (long)r->undefined);
        if (r->has_budget) {
            value_money(&v, r->anggaran);
            cell_number(&row[k++], &fmt, &v, 0, true, NULL);
            value_money(&v, r->realisasi);
            cell_number(&row[k++], &fmt, &v, 0, true, NULL);
            if (mpq_sgn(r->anggaran)) {
                mpq_div(v.q, r->realisasi, r->anggaran);
                mpq_t h;
                mpq_init(h);
                mpq_set_ui(h, 100, 1);
                mpq_mul(v.q, v.q, h);
                mpq_clear(h);
                v.kind = V_NUM;
            } else {
                value_undef(&v, NULL);
            }
            cell_percent(&row[k++], &fmt, &v);
        } else {
            cell_text(&row[k++], "-");
            cell_text(&row[k++], "-");
            cell_text(&row[k++], "-");
        }
    }
    value_clear(&v);
    return t;
}
