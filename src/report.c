/* report.c -- builds the LAKIP tables (measurement, per sasaran, per
 * year, comparison, budget, efisiensi, predikat recap, perjanjian,
 * survei, penilaian, claims) from an Eval.  Each table has its
 * identifier (sakip(5), TABLES) as its key, and a plain title without a
 * number unless the file gives one with `tabel ID "title"`. */
#include "report.h"
#include "i18n.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

enum { PLAIN_DECIMALS = 10 };

/* The title of table key: the file's `tabel key "..."` with {tahun}
 * replaced by the year evaluated, else the plain title given. */
static char *title_of(const Eval *ev, const char *key, const char *plain)
{
    const Unit *u = ev ? ev->u : NULL;
    const Tabel *own = NULL;
    for (size_t i = 0; u && i < u->tabel.len && !own; i++)
        if (!strcmp(((const Tabel *)u->tabel.items[i])->id, key)) own = u->tabel.items[i];
    if (!own) return xstrdup(plain);
    Buf b;
    buf_init(&b);
    for (const char *s = own->title; *s;) {
        if (!strncmp(s, "{tahun}", 7)) {
            buf_printf(&b, "%d", ev->tahun);
            s += 7;
        } else {
            buf_putc(&b, *s++);
        }
    }
    return buf_steal(&b);
}

static Table *table_new_in(const Eval *ev, const char *key, const char *title, int ncols, const char **headers,
                           const bool *right)
{
    Table *t = xcalloc(1, sizeof *t);
    t->key = key;
    t->title = title_of(ev, key, title);
    t->ncols = ncols;
    t->headers = headers;
    t->right = right;
    return t;
}

#define table_new(key, title, ncols, headers, right) table_new_in(ev, key, title, ncols, headers, right)

void table_free(Table *t)
{
    if (!t) return;
    arena_free(&t->arena);   /* the rows and their cells' texts */
    buf_free(&t->scratch);
    vec_free(&t->rows);
    for (size_t i = 0; i < t->notes.len; i++) free(t->notes.items[i]);
    vec_free(&t->notes);
    free((void *)t->headers_owned);
    for (size_t i = 0; i < t->owned_strings.len; i++) free(t->owned_strings.items[i]);
    vec_free(&t->owned_strings);
    free(t->right_owned);
    free(t->mean_plain);
    free(t->mean_cap);
    free(t->title);
    free(t);
}

/* A row's cells and their texts live in the table's arena, freed with
 * it at once: a malloc'd block per row and per text cost an eval of a
 * file with periods most of its allocations (doc/performance.md). */
static Cell *row_new(Table *t)
{
    Cell *row = arena_alloc(&t->arena, (size_t)t->ncols * sizeof *row);   /* zeroed */
    vec_push(&t->rows, row);
    return row;
}

/* s, n bytes, as a text of a cell of t. */
static char *tstrn(Table *t, const char *s, size_t n) { return arena_strndup(&t->arena, n ? s : "", n); }
static char *tstr(Table *t, const char *s) { return tstrn(t, s, strlen(s)); }
/* t's scratch buffer, emptied, for formatting a cell's texts */
static Buf *scratch(Table *t)
{
    buf_reset(&t->scratch);
    return &t->scratch;
}

static void cell_text(Table *t, Cell *c, const char *s)
{
    c->kind = CELL_TEXT;
    c->text = tstr(t, s ? s : "");
}

/* A text that outlives the table (a period's name; a name of the Unit in
 * Values, which is freed before the Unit): not copied. */
static void cell_lasting(Cell *c, const char *s)
{
    c->kind = CELL_TEXT;
    c->text = (char *)s;
}

/* A name of the Unit: copied into a report's table (XLSX keeps the
 * reports past their units), borrowed by Values (display false). */
static void cell_name(Table *t, Cell *c, bool display, const char *s)
{
    if (display) cell_text(t, c, s);
    else cell_lasting(c, s);
}

/* No value: "-" on screen and in XLSX, an empty field in CSV. */
static void cell_none(Table *t, Cell *c)
{
    c->kind = CELL_UNDEF;
    c->text = tstr(t, "-");
}

static void cell_int(Table *t, Cell *c, long n)
{
    c->kind = CELL_NUM;
    Buf *b = scratch(t);
    buf_put_long(b, n);
    c->text = tstrn(t, b->data, b->len);
    c->plain = c->text;
}

/* A number cell: display with `dec` decimals (or exact up to dec when
 * short), machine form exact to PLAIN_DECIMALS. */
static void cell_number(Table *t, Cell *c, const Eval *ev, const Value *v, int dec, bool shortest, const char *suffix)
{
    if (v->kind == V_UNDEF || (v->kind != V_NUM && v->kind != V_MONEY)) {
        c->kind = CELL_UNDEF;
        c->text = tstr(t, v->kind == V_TEXT ? v->text : "-");
        return;
    }
    Buf *b = scratch(t);
    if (v->kind == V_MONEY) {
        c->kind = CELL_MONEY;
        num_format_money(b, v->q, ev->round, ev->notation);
    } else {
        c->kind = CELL_NUM;
        if (shortest) num_format_short(b, v->q, dec, ev->round, ev->notation, true);
        else num_format(b, v->q, dec, ev->round, ev->notation, true);
        if (suffix) buf_puts(b, suffix);
    }
    c->text = tstrn(t, b->data, b->len);
    b = scratch(t);
    num_format_plain(b, v->q, PLAIN_DECIMALS);
    c->plain = tstrn(t, b->data, b->len);
}

static bool is_percent_unit(const Entity *ind)
{
    const char *satuan = ent_indikator_c(ind)->satuan;
    return satuan && (!strcmp(satuan, "%") || !strcmp(satuan, "persen"));
}

/* An input value (target, realisasi): exact, in the indikator's unit. */
static void cell_input(Table *t, Cell *c, const Eval *ev, const Entity *ind, const Value *v, const Value *hi)
{
    const char *suf = is_percent_unit(ind) ? "%" : NULL;
    /* as written in the source (53.30 stays 53,30), else the shortest form */
    if (v->decimals >= 0) cell_number(t, c, ev, v, v->decimals, false, suf);
    else cell_number(t, c, ev, v, ev->desimal, true, suf);
    if (hi && hi->kind != V_UNDEF && c->kind != CELL_UNDEF) {
        Cell h = {0};
        if (hi->decimals >= 0) cell_number(t, &h, ev, hi, hi->decimals, false, suf);
        else cell_number(t, &h, ev, hi, 4, true, suf);
        Buf *b = scratch(t);
        buf_printf(b, "%s..%s", c->text, h.text);
        c->range = arena_alloc(&t->arena, sizeof *c->range);
        c->range->lo_text = c->text;
        c->text = tstrn(t, b->data, b->len);
        c->range->hi_text = h.text;
        c->range->plain_hi = h.plain;
    }
}

static char *dup_or_null(const char *s) { return s ? xstrdup(s) : NULL; }
static char *tdup_or_null(Table *t, const char *s) { return s ? tstr(t, s) : NULL; }

Table *table_split_ranges(const Table *t)
{
    bool *split = xcalloc((size_t)t->ncols + 1, sizeof *split);
    int extra = 0;
    for (int c = 0; c < t->ncols; c++) {
        split[c] = c < 64 && (t->range_cols >> c & 1);
        for (size_t r = 0; r < t->rows.len && !split[c]; r++)
            if (((const Cell *)t->rows.items[r])[c].range) split[c] = true;
        extra += split[c];
    }
    if (!extra) {
        free(split);
        return NULL;
    }
    int ncols = t->ncols + extra;
    const char **headers = xcalloc((size_t)ncols, sizeof *headers);
    bool *right = xcalloc((size_t)ncols, sizeof *right);
    Table *n = table_new_in(NULL, t->key, t->title, ncols, headers, right);   /* the title as it is */
    n->per = t->per;
    n->headers_owned = headers;
    n->right_owned = right;
    for (int c = 0, k = 0; c < t->ncols; c++) {
        headers[k] = t->headers[c];
        right[k++] = t->right[c];
        if (split[c]) {
            Buf b;
            buf_init(&b);
            buf_printf(&b, "%s atas", t->headers[c]);
            char *h = buf_steal(&b);
            vec_push(&n->owned_strings, h);
            headers[k] = h;
            right[k++] = true;
        }
    }
    for (size_t r = 0; r < t->rows.len; r++) {
        const Cell *from = t->rows.items[r];
        Cell *to = row_new(n);
        for (int c = 0, k = 0; c < t->ncols; c++) {
            const Cell *f = &from[c];
            Cell *x = &to[k++];
            x->kind = f->kind;
            x->indent = f->indent;
            const CellRange *fr = f->range;
            x->text = tstr(n, fr ? fr->lo_text : f->text ? f->text : "");
            x->plain = tdup_or_null(n, f->plain);
            if (!split[c]) continue;
            Cell *y = &to[k++];
            /* a single value is its own upper bound */
            y->kind = f->kind;
            y->text = tstr(n, fr ? fr->hi_text : f->text ? f->text : "");
            y->plain = tdup_or_null(n, fr ? fr->plain_hi : f->plain);
        }
    }
    for (size_t i = 0; i < t->notes.len; i++) vec_push(&n->notes, xstrdup(t->notes.items[i]));
    n->mean_plain = dup_or_null(t->mean_plain);
    n->mean_cap = dup_or_null(t->mean_cap);
    n->mean_formula = t->mean_formula;
    free(split);
    return n;
}

static void cell_percent(Table *t, Cell *c, const Eval *ev, const Value *v)
{
    cell_number(t, c, ev, v, ev->desimal, false, "%");
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

/* A name, or "" */
static const char *name_or_empty(const Entity *e) { return e && e->name ? e->name : ""; }

/* How the means of capaian are taken, for a table's note: weighted by
 * bobot, each capaian limited by batas_rata ("" if neither). */
static bool mean_weighted(const Unit *u)
{
    bool weighted = false;
    for (size_t i = 0; i < u->sasaran.len; i++) {
        const Entity *s = u->sasaran.items[i];
        for (size_t k = 0; k < s->indikator.len; k++) weighted |= ent_indikator(s->indikator.items[k])->bobot != NULL;
    }
    return weighted;
}

static void mean_method_note(Eval *ev, Buf *b)
{
    if (mean_weighted(ev->u)) buf_puts(b, "; rata-rata tertimbang menurut bobot");
    if (ev->has_cap_rata) {
        Value cap;
        value_init(&cap);
        value_num(&cap, ev->cap_rata);
        buf_puts(b, "; tiap capaian dibatasi ");
        eval_format_value(ev, b, &cap, 0);
        buf_puts(b, "% dalam rata-rata (batas_rata)");
        value_clear(&cap);
    }
}

/* ---- capaian_iku: measurement ---- */

static const char *H32[] = {"No", "Sasaran", "Nama sasaran", "Indikator", "Nama indikator", "Satuan", "Target",
                            "Realisasi", "Capaian", "Predikat", "Target akhir", "Capaian thd akhir"};
static const bool R32[] = {true, false, false, false, false, false, true, true, true, false, true, true};

static Table *table_measurement(Eval *ev)
{
    Unit *u = ev->u;
    char title[160];
    snprintf(title, sizeof title, "Pengukuran kinerja tahun %d (target akhir: %d)", ev->tahun,
             u->has_periode ? u->periode_to : ev->tahun);
    Table *t = table_new("capaian_iku", title, 12, H32, R32);
    t->range_cols = (UINT64_C(1) << 6) | (UINT64_C(1) << 10);   /* Target, Target akhir */
    Value lo, hi, r, c, p, e, cr;
    value_init(&lo); value_init(&hi); value_init(&r); value_init(&c);
    value_init(&p); value_init(&e); value_init(&cr);
    int no = 0;
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *s = u->sasaran.items[i];
        for (size_t k = 0; k < s->indikator.len; k++) {
            Entity *ind = s->indikator.items[k];
            Cell *row = row_new(t);
            cell_int(t, &row[0], ++no);
            cell_text(t, &row[1], s->id);
            cell_text(t, &row[2], name_or_empty(s));
            cell_text(t, &row[3], ind->id);
            cell_text(t, &row[4], name_or_empty(ind));
            cell_text(t, &row[5], ent_indikator(ind)->satuan);
            eval_target(ev, ind, ev->tahun, &lo, &hi);
            cell_input(t, &row[6], ev, ind, &lo, &hi);
            eval_realisasi(ev, ind, ev->tahun, &r);
            cell_input(t, &row[7], ev, ind, &r, NULL);
            eval_capaian(ev, ind, ev->tahun, &c);
            note_undefined(ev, ind, "capaian", &c);
            cell_percent(t, &row[8], ev, &c);
            eval_predikat(ev, ind, ev->tahun, &p, NULL);
            if (p.kind == V_TEXT) cell_text(t, &row[9], p.text);
            else cell_none(t, &row[9]);
            if (u->has_periode) {
                eval_target(ev, ind, u->periode_to, &e, &hi);
                cell_input(t, &row[10], ev, ind, &e, &hi);
            } else {
                cell_none(t, &row[10]);
            }
            eval_capaian_renstra(ev, ind, &cr);
            cell_percent(t, &row[11], ev, &cr);
        }
    }
    /* mean over all IKU: capaian(), with bobot, batas_rata and
     * rata_abaikan_kosong */
    if (no > 0) {
        eval_capaian_iku(ev, ev->tahun, &c);
        Buf b;
        buf_init(&b);
        if (c.kind == V_NUM) {
            Buf m;
            buf_init(&m);
            num_format_plain(&m, c.q, PLAIN_DECIMALS);
            t->mean_plain = buf_steal(&m);
            if (ev->has_cap_rata) {
                num_format_plain(&m, ev->cap_rata, PLAIN_DECIMALS);
                t->mean_cap = buf_steal(&m);
            }
            t->mean_formula = !mean_weighted(u) && !ev->skip_undefined;
            buf_puts(&b, "Rata-rata capaian indikator: ");
            eval_format_num(ev, &b, c.q, ev->desimal);
            const Band *band = eval_band(eval_skala(ev), c.q);
            buf_printf(&b, "%% (%s)", band ? band->label : "-");
        } else {
            buf_puts(&b, "Rata-rata capaian indikator: - (ada capaian yang tak terdefinisi)");
        }
        mean_method_note(ev, &b);
        vec_push(&t->notes, buf_steal(&b));
    }
    value_clear(&lo); value_clear(&hi); value_clear(&r); value_clear(&c);
    value_clear(&p); value_clear(&e); value_clear(&cr);
    return t;
}

/* ---- capaian_sasaran: capaian and predikat of each sasaran ---- */

static const char *HSA[] = {"No", "Sasaran", "Nama sasaran", "Jumlah indikator", "Capaian", "Predikat"};
static const bool RSA[] = {true, false, false, true, true, false};

static Table *table_sasaran(Eval *ev)
{
    Unit *u = ev->u;
    char title[120];
    snprintf(title, sizeof title, "Capaian kinerja per sasaran tahun %d", ev->tahun);
    Table *t = table_new("capaian_sasaran", title, 6, HSA, RSA);
    Value c, p;
    value_init(&c);
    value_init(&p);
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *s = u->sasaran.items[i];
        Cell *row = row_new(t);
        cell_int(t, &row[0], (long)i + 1);
        cell_text(t, &row[1], s->id);
        cell_text(t, &row[2], name_or_empty(s));
        cell_int(t, &row[3], (long)s->indikator.len);
        eval_capaian(ev, s, ev->tahun, &c);
        cell_percent(t, &row[4], ev, &c);
        eval_predikat(ev, s, ev->tahun, &p, NULL);
        cell_text(t, &row[5], p.kind == V_TEXT ? p.text : "-");
    }
    /* capaian() of a sasaran: the mean of its indikator with bobot,
     * batas_rata and rata_abaikan_kosong, as in the note of capaian_iku */
    Buf b;
    buf_init(&b);
    buf_puts(&b, "Capaian sasaran: rata-rata capaian indikatornya");
    mean_method_note(ev, &b);
    buf_putc(&b, '.');
    vec_push(&t->notes, buf_steal(&b));
    value_clear(&c);
    value_clear(&p);
    return t;
}

/* ---- anggaran: the budget tree ---- */

/* With SIPD codes (sakip(5), BUDGET CODES) a Kode column follows the
 * identifier: H38K, else H38. */
static const char *H38[] = {"ID", "Uraian", "Anggaran", "Realisasi", "Serapan"};
static const bool R38[] = {false, false, true, true, true};
static const char *H38K[] = {"ID", "Kode", "Uraian", "Anggaran", "Realisasi", "Serapan"};
static const bool R38K[] = {false, false, false, true, true, true};

/* Whether any budget node of the unit has a `kode`. */
static bool unit_has_kode(const Unit *u)
{
    for (size_t i = 0; i < u->budget_nodes.len; i++)
        if (ent_budget_c(u->budget_nodes.items[i])->kode) return true;
    return false;
}

static void budget_rows(Eval *ev, Table *t, Entity *n, int level, bool kode)
{
    Value a, r, s;
    value_init(&a); value_init(&r); value_init(&s);
    Cell *row = row_new(t);
    int k = 0;
    cell_text(t, &row[k], n->id);
    row[k++].indent = level;
    if (kode) cell_text(t, &row[k++], ent_budget(n)->kode);
    cell_text(t, &row[k], n->name ? n->name : "");
    row[k++].indent = level;
    eval_anggaran(ev, n, &a);
    eval_realisasi(ev, n, ev->tahun, &r);
    eval_serapan(ev, n, &s);
    note_undefined(ev, n, "serapan", &s);
    cell_number(t, &row[k++], ev, &a, 0, true, NULL);
    cell_number(t, &row[k++], ev, &r, 0, true, NULL);
    cell_percent(t, &row[k], ev, &s);
    value_clear(&a); value_clear(&r); value_clear(&s);
    const Vec *children = &ent_budget(n)->children;
    for (size_t i = 0; i < children->len; i++) budget_rows(ev, t, children->items[i], level + 1, kode);
}

static Table *table_budget(Eval *ev)
{
    Unit *u = ev->u;
    bool kode = unit_has_kode(u);
    Table *t = table_new("anggaran", "Anggaran dan realisasi per program, kegiatan dan subkegiatan", kode ? 6 : 5,
                         kode ? H38K : H38, kode ? R38K : R38);
    mpq_t ta, tr;
    mpq_inits(ta, tr, NULL);
    bool ok = true;
    Value a, r;
    value_init(&a); value_init(&r);
    for (size_t i = 0; i < u->programs.len; i++) {
        Entity *p = u->programs.items[i];
        budget_rows(ev, t, p, 0, kode);
        eval_anggaran(ev, p, &a);
        eval_realisasi(ev, p, ev->tahun, &r);
        if (a.kind != V_MONEY || r.kind != V_MONEY) ok = false;
        else {
            num_add(ta, ta, a.q);
            num_add(tr, tr, r.q);
        }
    }
    if (u->programs.len) {
        Cell *row = row_new(t);
        int k = 0;
        cell_text(t, &row[k++], "Jumlah");
        if (kode) cell_text(t, &row[k++], "");
        cell_text(t, &row[k++], "");
        if (ok) {
            value_money(&a, ta);
            value_money(&r, tr);
            cell_number(t, &row[k++], ev, &a, 0, true, NULL);
            cell_number(t, &row[k++], ev, &r, 0, true, NULL);
            Value s;
            value_init(&s);
            if (mpq_sgn(ta)) {
                num_percent(s.q, tr, ta);
                s.kind = V_NUM;
            }
            cell_percent(t, &row[k], ev, &s);
            value_clear(&s);
        } else {
            cell_text(t, &row[k++], "-");
            cell_text(t, &row[k++], "-");
            cell_text(t, &row[k], "-");
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

/* ---- indikator_program: indikator of programs, kegiatan and
 * subkegiatan (sakip(5), indikator; also a keluaran with a name) ---- */

/* With SIPD codes a Kode column follows the induk's identifier: HIPK. */
static const char *HIP[] = {"No", "Tingkat", "Induk", "Nama induk", "Indikator", "Nama indikator", "Satuan",
                            "Target", "Realisasi", "Capaian", "Predikat"};
static const bool RIP[] = {true, false, false, false, false, false, false, true, true, true, false};
static const char *HIPK[] = {"No", "Tingkat", "Induk", "Kode", "Nama induk", "Indikator", "Nama indikator", "Satuan",
                             "Target", "Realisasi", "Capaian", "Predikat"};
static const bool RIPK[] = {true, false, false, false, false, false, false, false, true, true, true, false};

/* The indikator (and named keluaran) of the budget tree, in source order. */
static bool budget_indikator(const Entity *ind)
{
    return ind->kind == ENT_INDIKATOR && ind->parent && ent_kind_is_budget(ind->parent->kind);
}

static Table *table_indikator_program(Eval *ev)
{
    Unit *u = ev->u;
    bool kode = unit_has_kode(u);
    Table *t = table_new("indikator_program", "Capaian indikator program, kegiatan dan subkegiatan", kode ? 12 : 11,
                         kode ? HIPK : HIP, kode ? RIPK : RIP);
    Value lo, hi, r, c, p;
    value_init(&lo); value_init(&hi); value_init(&r); value_init(&c); value_init(&p);
    int no = 0;
    for (size_t i = 0; i < u->indikator.len; i++) {
        Entity *ind = u->indikator.items[i];
        if (!budget_indikator(ind)) continue;
        Cell *row = row_new(t);
        int k = 0;
        cell_int(t, &row[k++], ++no);
        Buf b;
        buf_init(&b);
        buf_puts(&b, ent_kind_name(ind->parent->kind));
        if (ent_indikator(ind)->keluaran) buf_puts(&b, " (keluaran)");
        cell_text(t, &row[k++], b.data);
        buf_free(&b);
        cell_text(t, &row[k++], ind->parent->id);
        if (kode) cell_text(t, &row[k++], ent_budget(ind->parent)->kode);
        cell_text(t, &row[k++], name_or_empty(ind->parent));
        cell_text(t, &row[k++], ind->id);
        cell_text(t, &row[k++], name_or_empty(ind));
        cell_text(t, &row[k++], ent_indikator(ind)->satuan);
        eval_target(ev, ind, ev->tahun, &lo, &hi);
        t->range_cols |= UINT64_C(1) << k;
        cell_input(t, &row[k++], ev, ind, &lo, &hi);
        eval_realisasi(ev, ind, ev->tahun, &r);
        cell_input(t, &row[k++], ev, ind, &r, NULL);
        eval_capaian(ev, ind, ev->tahun, &c);
        note_undefined(ev, ind, "capaian", &c);
        cell_percent(t, &row[k++], ev, &c);
        eval_predikat(ev, ind, ev->tahun, &p, NULL);
        cell_text(t, &row[k], p.kind == V_TEXT ? p.text : "-");
    }
    value_clear(&lo); value_clear(&hi); value_clear(&r); value_clear(&c); value_clear(&p);
    return t;
}

/* ---- efisiensi ---- */

static const char *H36[] = {"Sasaran", "Nama sasaran", "Capaian", "Serapan", "Efisiensi", "Program pendukung"};
static const bool R36[] = {false, false, true, true, false, false};

/* "P2 7.01.02 Penyelenggaraan ...": a budget node's identifier, code and name. */
static void put_node(Buf *b, const Entity *n)
{
    buf_puts(b, n->id);
    if (ent_budget_c(n)->kode) buf_printf(b, " %s", ent_budget_c(n)->kode);
    if (n->name) buf_printf(b, " %s", n->name);
}

static Table *table_efisiensi(Eval *ev)
{
    Unit *u = ev->u;
    Table *t = table_new("efisiensi", "Efisiensi penggunaan sumber daya per sasaran", 6, H36, R36);
    Value c, s, e;
    value_init(&c); value_init(&s); value_init(&e);
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *sa = u->sasaran.items[i];
        Cell *row = row_new(t);
        cell_text(t, &row[0], sa->id);
        cell_text(t, &row[1], name_or_empty(sa));
        eval_capaian(ev, sa, ev->tahun, &c);
        eval_serapan(ev, sa, &s);
        eval_efisiensi(ev, sa, &e);
        cell_percent(t, &row[2], ev, &c);
        cell_percent(t, &row[3], ev, &s);
        cell_text(t, &row[4], e.kind == V_TEXT ? e.text : "-");
        Buf b;
        buf_init(&b);
        const Vec *supporters = &ent_sasaran(sa)->supporters;
        for (size_t k = 0; k < supporters->len; k++) {
            if (k) buf_puts(&b, "; ");
            put_node(&b, supporters->items[k]);
        }
        cell_text(t, &row[5], b.len ? b.data : "-");
        buf_free(&b);
    }
    value_clear(&c); value_clear(&s); value_clear(&e);
    return t;
}

/* ---- predikat: the recap of predikat ---- */

static Table *table_predikat(Eval *ev)
{
    Unit *u = ev->u;
    Entity *sk = eval_skala(ev);
    const Vec *bands = &ent_skala(sk)->bands;
    int nb = (int)bands->len;
    int ncols = 5 + nb;
    const char **headers = xcalloc((size_t)ncols, sizeof *headers);
    bool *right = xcalloc((size_t)ncols, sizeof *right);
    headers[0] = "Sasaran";
    headers[1] = "Nama sasaran";
    headers[2] = "Indikator";
    headers[3] = "Nama indikator";
    headers[4] = "Capaian";
    right[4] = true;
    Table *t = table_new("predikat", "Rekapitulasi predikat capaian kinerja", ncols, headers, right);
    t->headers_owned = headers;
    t->right_owned = right;
    /* Copies: the labels live in the Unit's arena, and a Report may
     * outlive its Unit (the xlsx writer keeps every report until the
     * workbook is written). */
    for (int i = 0; i < nb; i++) {
        char *label = xstrdup(((Band *)bands->items[i])->label);
        vec_push(&t->owned_strings, label);
        headers[5 + i] = label;
    }
    size_t *counts = xcalloc((size_t)nb + 1, sizeof *counts);
    Value c, p;
    value_init(&c); value_init(&p);
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *s = u->sasaran.items[i];
        for (size_t k = 0; k < s->indikator.len; k++) {
            Entity *ind = s->indikator.items[k];
            Cell *row = row_new(t);
            cell_text(t, &row[0], s->id);
            cell_text(t, &row[1], name_or_empty(s));
            cell_text(t, &row[2], ind->id);
            cell_text(t, &row[3], name_or_empty(ind));
            eval_capaian(ev, ind, ev->tahun, &c);
            cell_percent(t, &row[4], ev, &c);
            const Band *band = NULL;
            eval_predikat(ev, ind, ev->tahun, &p, &band);
            for (int b = 0; b < nb; b++) {
                const Band *bb = bands->items[b];
                bool hit = p.kind == V_TEXT && !strcmp(p.text, bb->label);
                cell_text(t, &row[5 + b], hit ? "\xE2\x9C\x93" : "");
                if (hit) counts[b]++;
            }
            if (p.kind != V_TEXT) counts[nb]++;
        }
    }
    Cell *row = row_new(t);
    cell_text(t, &row[0], "Jumlah");
    for (int k = 1; k < 5; k++) cell_text(t, &row[k], "");
    for (int b = 0; b < nb; b++) cell_int(t, &row[5 + b], (long)counts[b]);
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

/* One side of a claim: its display text (already in c) keeps the claim's
 * decimals; a number or an amount also gets its machine form. */
static void cell_claim_side(Table *t, Cell *c, const Value *v)
{
    c->kind = CELL_TEXT;
    if (v->kind != V_NUM && v->kind != V_MONEY) return;
    c->kind = v->kind == V_MONEY ? CELL_MONEY : CELL_NUM;
    Buf *b = scratch(t);
    num_format_plain(b, v->q, PLAIN_DECIMALS);
    c->plain = tstrn(t, b->data, b->len);
}

static Table *table_periksa(Eval *ev)
{
    Unit *u = ev->u;
    Table *t = table_new("periksa", "Klaim laporan yang diperiksa", 6, HP, RP);
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
        cell_int(t, &row[0], line);
        cell_text(t, &row[1], cr == CLAIM_HOLDS ? "benar" : cr == CLAIM_FAILS ? "SALAH" : "-");
        cell_text(t, &row[2], span_text(u, p->expr->span));
        Buf b;
        buf_init(&b);
        eval_format_value(ev, &b, &l, r.decimals > 0 ? r.decimals : 0);
        cell_text(t, &row[3], b.data);
        buf_reset(&b);
        if (p->expr->kind == EX_BIN) eval_format_value(ev, &b, &r, 0);
        cell_text(t, &row[4], b.data);
        buf_free(&b);
        cell_text(t, &row[5], p->pesan ? p->pesan : "");
        /* the shown text as written, and the value itself for CSV and XLSX */
        cell_claim_side(t, &row[3], &l);
        if (p->expr->kind == EX_BIN) cell_claim_side(t, &row[4], &r);
        else row[4].kind = CELL_TEXT;
    }
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%zu klaim: %zu benar, %zu salah", (size_t)u->periksa.len, held, failed);
    if (undef) buf_printf(&b, ", %zu tak terdefinisi", undef);
    vec_push(&t->notes, buf_steal(&b));
    value_clear(&l); value_clear(&r);
    return t;
}

/* ---- tren and tren_capaian: realisasi (and its change) and capaian per year ---- */

static Table *table_years(Eval *ev, bool capaian)
{
    Unit *u = ev->u;
    int from = u->has_periode ? u->periode_from : ev->tahun, to = ev->tahun;
    if (to < from) to = from;
    int ny = to - from + 1;
    if (ny > 30) ny = 30;
    int ncols = 4 + ny + (capaian ? 0 : ny - 1);
    const char **headers = xcalloc((size_t)ncols, sizeof *headers);
    bool *right = xcalloc((size_t)ncols, sizeof *right);
    Vec names = {0};
    headers[0] = "Sasaran";
    headers[1] = "Nama sasaran";
    headers[2] = "Indikator";
    headers[3] = "Nama indikator";
    for (int y = 0; y < ny; y++) {
        Buf b;
        buf_init(&b);
        buf_printf(&b, "%d", from + y);
        char *s = buf_steal(&b);
        vec_push(&names, s);
        headers[4 + y] = s;
        right[4 + y] = true;
    }
    for (int y = 1; !capaian && y < ny; y++) {
        Buf b;
        buf_init(&b);
        buf_printf(&b, "Perubahan %d", from + y);   /* not "+/- 2022": a spreadsheet would take it for a formula */
        char *s = buf_steal(&b);
        vec_push(&names, s);
        headers[3 + ny + y] = s;
        right[3 + ny + y] = true;
    }
    Table *t = table_new(capaian ? "tren_capaian" : "tren",
                         capaian ? "Capaian per tahun (tahun yang mempunyai target)"
                                 : "Realisasi per tahun dan perubahannya terhadap tahun sebelumnya",
                         ncols, headers, right);
    t->headers_owned = headers;
    t->right_owned = right;
    t->owned_strings = names;
    Value v, prev, d, hi;
    value_init(&v); value_init(&prev); value_init(&d); value_init(&hi);
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *s = u->sasaran.items[i];
        for (size_t k = 0; k < s->indikator.len; k++) {
            Entity *ind = s->indikator.items[k];
            Cell *row = row_new(t);
            cell_text(t, &row[0], s->id);
            cell_text(t, &row[1], name_or_empty(s));
            cell_text(t, &row[2], ind->id);
            cell_text(t, &row[3], name_or_empty(ind));
            value_undef(&prev, NULL);
            for (int y = 0; y < ny; y++) {
                if (capaian) {
                    eval_target(ev, ind, from + y, &v, &hi);
                    if (v.kind == V_UNDEF) {
                        cell_text(t, &row[4 + y], "");
                        continue;
                    }
                    eval_capaian(ev, ind, from + y, &v);
                    cell_percent(t, &row[4 + y], ev, &v);
                    continue;
                }
                eval_realisasi(ev, ind, from + y, &v);
                if (v.kind == V_UNDEF) cell_text(t, &row[4 + y], "");
                else cell_input(t, &row[4 + y], ev, ind, &v, NULL);
                if (y > 0) {
                    if (v.kind == V_NUM && prev.kind == V_NUM) {
                        num_sub(d.q, v.q, prev.q);
                        d.kind = V_NUM;
                        d.decimals = -1;
                        cell_number(t, &row[3 + ny + y], ev, &d, ev->desimal, false, NULL);
                        if (mpq_sgn(d.q) > 0) {
                            Buf *b = scratch(t);
                            buf_printf(b, "+%s", row[3 + ny + y].text);
                            row[3 + ny + y].text = tstrn(t, b->data, b->len);
                        }
                    } else {
                        cell_text(t, &row[3 + ny + y], "");
                    }
                }
                value_set(&prev, &v);
            }
        }
    }
    value_clear(&v); value_clear(&prev); value_clear(&d); value_clear(&hi);
    return t;
}

/* ---- pembanding: comparison values ---- */

static const char *H34[] = {"Indikator", "Nama indikator", "Tahun", "Realisasi", "Pembanding", "Nilai pembanding",
                            "Selisih"};
static const bool R34[] = {false, false, true, true, false, true, true};

static Table *table_pembanding(Eval *ev)
{
    Unit *u = ev->u;
    Table *t = table_new("pembanding", "Perbandingan realisasi dengan nilai pembanding", 7, H34, R34);
    Value r, d;
    value_init(&r);
    value_init(&d);
    for (size_t i = 0; i < u->indikator.len; i++) {
        Entity *ind = u->indikator.items[i];
        const Vec *pembanding = &ent_indikator(ind)->pembanding;
        for (size_t k = 0; k < pembanding->len; k++) {
            Pembanding *pb = pembanding->items[k];
            for (size_t m = 0; m < pb->values.len; m++) {
                YearVal *yv = pb->values.items[m];
                int year = yv->has_year ? yv->year : u->tahun;
                if (year != ev->tahun || (yv->lo->kind != EX_NUM && yv->lo->kind != EX_MONEY)) continue;
                Cell *row = row_new(t);
                cell_text(t, &row[0], ind->id);
                cell_text(t, &row[1], name_or_empty(ind));
                cell_int(t, &row[2], year);
                eval_realisasi(ev, ind, year, &r);
                cell_input(t, &row[3], ev, ind, &r, NULL);
                cell_text(t, &row[4], pb->label);
                Value pv;
                value_init(&pv);
                eval_literal(yv->lo, &pv);
                cell_input(t, &row[5], ev, ind, &pv, NULL);
                if (r.kind == V_NUM) {
                    num_sub(d.q, r.q, pv.q);
                    d.kind = V_NUM;
                    d.decimals = -1;
                    cell_number(t, &row[6], ev, &d, ev->desimal, false, NULL);
                } else {
                    cell_text(t, &row[6], "-");
                }
                value_clear(&pv);
            }
        }
    }
    value_clear(&r);
    value_clear(&d);
    return t;
}

/* ---- Perjanjian Kinerja: targets and anggaran of each version ---- */

static const char *HPK[] = {"Perjanjian", "Nama perjanjian", "Tanggal", "Jenis", "ID", "Uraian", "Nilai",
                            "Anggaran/target sekarang"};
static const bool RPK[] = {false, false, false, false, false, false, true, true};
static const char *HPKK[] = {"Perjanjian", "Nama perjanjian", "Tanggal", "Jenis", "ID", "Kode", "Uraian", "Nilai",
                             "Anggaran/target sekarang"};
static const bool RPKK[] = {false, false, false, false, false, false, false, true, true};

static Table *table_perjanjian(Eval *ev)
{
    Unit *u = ev->u;
    bool kode = unit_has_kode(u);
    Table *t = table_new("perjanjian", "Perjanjian Kinerja: target dan anggaran tiap versi", kode ? 9 : 8,
                         kode ? HPKK : HPK, kode ? RPKK : RPK);
    Value v, hi;
    value_init(&v);
    value_init(&hi);
    for (size_t i = 0; i < u->perjanjian.len; i++) {
        Entity *pk = u->perjanjian.items[i];
        const PerjanjianDecl *pd = ent_perjanjian(pk);
        for (int which = 0; which < 2; which++) {
            const Vec *pairs = which ? &pd->pk_anggaran : &pd->pk_target;
            for (size_t k = 0; k < pairs->len; k++) {
                PkPair *p = pairs->items[k];
                if (!p->ref.ent || (p->value->lo->kind != EX_NUM && p->value->lo->kind != EX_MONEY)) continue;
                Cell *row = row_new(t);
                int c = 0;
                cell_text(t, &row[c++], pk->id);
                cell_text(t, &row[c++], name_or_empty(pk));
                cell_text(t, &row[c++], pd->tanggal ? pd->tanggal : "");
                cell_text(t, &row[c++], which ? "anggaran" : "target");
                cell_text(t, &row[c++], p->ref.name);
                if (kode) cell_text(t, &row[c++], ent_is_budget(p->ref.ent) ? ent_budget(p->ref.ent)->kode : NULL);
                cell_text(t, &row[c++], name_or_empty(p->ref.ent));
                Value pv, ph;
                value_init(&pv);
                value_init(&ph);
                eval_literal(p->value->lo, &pv);
                if (p->value->hi) eval_literal(p->value->hi, &ph);
                if (which) {
                    cell_number(t, &row[c++], ev, &pv, 0, true, NULL);
                    eval_anggaran(ev, p->ref.ent, &v);
                    cell_number(t, &row[c], ev, &v, 0, true, NULL);
                } else {
                    t->range_cols |= (UINT64_C(1) << c) | (UINT64_C(1) << (c + 1));
                    cell_input(t, &row[c++], ev, p->ref.ent, &pv, &ph);
                    eval_target(ev, p->ref.ent, u->tahun, &v, &hi);
                    cell_input(t, &row[c], ev, p->ref.ent, &v, &hi);
                }
                value_clear(&pv);
                value_clear(&ph);
            }
        }
    }
    value_clear(&v);
    value_clear(&hi);
    return t;
}

/* ---- the inputs computed by regulation ---- */

static const char *HSV[] = {"Survei", "Nama survei", "Unsur", "Responden", "NRR", "NRR tertimbang", "IKM"};
static const bool RSV[] = {false, false, false, true, true, true, true};

static Table *table_survei(Eval *ev)
{
    Unit *u = ev->u;
    Table *t = table_new("survei", "Survei IKM: NRR per unsur (PermenPANRB 14/2017)", 7, HSV, RSV);
    Value v, w;
    value_init(&v);
    value_init(&w);
    for (size_t i = 0; i < u->survei.len; i++) {
        Entity *s = u->survei.items[i];
        const SurveiDecl *sv = ent_survei(s);
        Vec nrr = {0};
        Value ikm;
        value_init(&ikm);
        eval_ikm(ev, s, &ikm, &nrr);
        for (size_t k = 0; k < nrr.len; k++) {
            Cell *row = row_new(t);
            cell_text(t, &row[0], s->id);
            cell_text(t, &row[1], name_or_empty(s));
            cell_text(t, &row[2], ((NameRef *)sv->unsur.items[k])->name);
            cell_int(t, &row[3], (long)sv->rows.len);
            value_num(&v, nrr.items[k]);
            cell_number(t, &row[4], ev, &v, 4, false, NULL);
            mpq_set_ui(w.q, 1, (unsigned long)sv->unsur.len);
            num_mul(w.q, w.q, v.q);
            w.kind = V_NUM;
            cell_number(t, &row[5], ev, &w, 4, false, NULL);
            cell_text(t, &row[6], "");
            mpq_clear(nrr.items[k]);
            free(nrr.items[k]);
        }
        Cell *row = row_new(t);
        cell_text(t, &row[0], s->id);
        cell_text(t, &row[1], name_or_empty(s));
        cell_text(t, &row[2], "IKM = 25 x jumlah");
        cell_int(t, &row[3], (long)sv->rows.len);
        cell_text(t, &row[4], "");
        cell_text(t, &row[5], "");
        cell_number(t, &row[6], ev, &ikm, ev->desimal, false, NULL);
        vec_free(&nrr);
        value_clear(&ikm);
    }
    value_clear(&v);
    value_clear(&w);
    return t;
}

static const char *HPN[] = {"Penilaian", "Nama penilaian", "Komponen", "Bobot", "Keberadaan", "Kualitas",
                            "Pemanfaatan", "Nilai"};
static const bool RPN[] = {false, false, false, true, true, true, true, true};

static Table *table_penilaian(Eval *ev)
{
    Unit *u = ev->u;
    Table *t = table_new("penilaian", "Penilaian AKIP: nilai per komponen (PermenPANRB 88/2021)", 8, HPN, RPN);
    Value v;
    value_init(&v);
    static const char *const parts[] = {"keberadaan", "kualitas", "pemanfaatan"};
    for (size_t i = 0; i < u->penilaian.len; i++) {
        Entity *p = u->penilaian.items[i];
        const Vec *komponen = &ent_penilaian(p)->komponen;
        for (size_t k = 0; k < komponen->len; k++) {
            Komponen *c = komponen->items[k];
            Cell *row = row_new(t);
            cell_text(t, &row[0], p->id);
            cell_text(t, &row[1], name_or_empty(p));
            cell_text(t, &row[2], c->name);
            value_num(&v, c->bobot->u.num.q);
            v.decimals = c->bobot->u.num.decimals;
            cell_number(t, &row[3], ev, &v, 2, true, NULL);
            for (int m = 0; m < 3; m++) {
                cell_text(t, &row[4 + m], "");
                for (size_t q = 0; q < c->subs.pairs.len; q++) {
                    DataPair *dp = c->subs.pairs.items[q];
                    if (strcmp(dp->name, parts[m]) || dp->value->kind != EX_NUM) continue;
                    /* a part named twice: the last one is shown (E0539-like
                     * findings are check's) */
                    row[4 + m].plain = NULL;
                    value_num(&v, dp->value->u.num.q);
                    cell_number(t, &row[4 + m], ev, &v, 2, true, NULL);
                }
            }
            eval_komponen(c, &v);
            cell_number(t, &row[7], ev, &v, ev->desimal, false, NULL);
        }
        Cell *row = row_new(t);
        cell_text(t, &row[0], p->id);
        cell_text(t, &row[1], name_or_empty(p));
        cell_text(t, &row[2], "Nilai SAKIP");
        for (int m = 3; m < 7; m++) cell_text(t, &row[m], "");
        eval_nilai_sakip(ev, p, &v);
        cell_number(t, &row[7], ev, &v, ev->desimal, false, NULL);
    }
    value_clear(&v);
    return t;
}

/* ---- rencana_aksi and serapan_periode: periods inside a year
 * (sakip(5), PERIODS) ---- */

/* The cells of these tables, shown (a report) or only in machine form
 * (Values, which eval --format=json writes from the plain form: the
 * display text of a number cell, formatted and copied for each of many
 * thousands of rows, was read by nobody). */
static void cell_scaled(Cell *c, int64_t scaled, int decimals)
{
    c->kind = CELL_SCALED;
    c->scaled = scaled;
    c->decimals = (short)decimals;
}

static void cell_plain(Table *t, Cell *c, const Value *v)
{
    if (v->kind != V_NUM && v->kind != V_MONEY) {
        c->kind = CELL_UNDEF;
        return;
    }
    /* a word's worth (nearly all): kept as one, written by JSON */
    int64_t scaled;
    int dec;
    if (num_plain_scaled(v->q, PLAIN_DECIMALS, &scaled, &dec)) {
        cell_scaled(c, scaled, dec);
        return;
    }
    c->kind = v->kind == V_MONEY ? CELL_MONEY : CELL_NUM;
    Buf *b = scratch(t);
    num_format_plain(b, v->q, PLAIN_DECIMALS);
    c->plain = tstrn(t, b->data, b->len);
}

static void period_input(Table *t, Cell *c, const Eval *ev, bool display, const Entity *ind, const Value *v, const Value *hi)
{
    if (display) cell_input(t, c, ev, ind, v, hi);
    else cell_plain(t, c, v);
}

static void period_percent(Table *t, Cell *c, const Eval *ev, bool display, const Value *v)
{
    if (display) cell_percent(t, c, ev, v);
    else cell_plain(t, c, v);
}

static void period_money(Table *t, Cell *c, const Eval *ev, bool display, const Value *v)
{
    if (display) cell_number(t, c, ev, v, 0, true, NULL);
    else cell_plain(t, c, v);
}

static const char *HRA[] = {"Indikator", "Nama indikator", "Periode", "Target", "Realisasi", "Capaian",
                            "Target s.d.", "Realisasi s.d.", "Capaian s.d.", "Predikat s.d."};
static const bool RRA[] = {false, false, false, true, true, true, true, true, true, false};

/* The kind of period of an indikator's target or realisasi in year. */
static PeriodKind ind_period_kind(const Entity *ind, int year)
{
    PeriodKind k = eval_period_kind(ind, 't', year);
    return k ? k : eval_period_kind(ind, 'r', year);
}

/* How many periods a table shows: up to --per's end, when it is set. */
static int periods_shown(const Eval *ev, PeriodKind k)
{
    int n = period_count(k);
    if (ev->per) {
        int upto = period_last_month(ev->per) / period_months(k);
        if (upto < n) n = upto;
    }
    return n;
}

static bool unit_has_ind_periods(const Eval *ev)
{
    for (size_t i = 0; i < ev->u->indikator.len; i++)
        if (ind_period_kind(ev->u->indikator.items[i], ev->u->tahun)) return true;
    return false;
}

/* Whether a and b are the same number, or both none. */
static bool value_alike(const Value *a, const Value *b)
{
    if (a->kind != b->kind) return false;
    if (a->kind != V_NUM && a->kind != V_MONEY) return a->kind == V_UNDEF;
    return mpq_equal(a->q, b->q);
}

static Table *table_rencana_aksi(Eval *ev, bool display)
{
    Unit *u = ev->u;
    char title[96];
    snprintf(title, sizeof title, "Rencana aksi: target dan realisasi per periode tahun %d", u->tahun);
    Table *t = table_new("rencana_aksi", title, 10, HRA, RRA);
    /* each period's target and realisasi, own and to date (eval_period_series) */
    Value tp[12], tsd[12], rp[12], rsd[12], v, vsd, none, pred;
    for (int i = 0; i < 12; i++) {
        value_init(&tp[i]);
        value_init(&tsd[i]);
        value_init(&rp[i]);
        value_init(&rsd[i]);
    }
    value_init(&v);
    value_init(&vsd);
    value_init(&none);   /* a period's target is one number, never a range */
    value_init(&pred);
    for (size_t i = 0; i < u->indikator.len; i++) {
        Entity *ind = u->indikator.items[i];
        PeriodKind k = ind_period_kind(ind, u->tahun);
        if (!k) continue;
        int n = periods_shown(ev, k);
        eval_period_series(ev, ind, 't', u->tahun, k, n, tp, tsd);
        eval_period_series(ev, ind, 'r', u->tahun, k, n, rp, rsd);
        bool pure = eval_capaian_pure(ev, ind);
        for (int p = 1; p <= n; p++) {
            int code = period_make(k, p);
            Cell *row = row_new(t);
            cell_name(t, &row[0], display, ind->id);
            cell_name(t, &row[1], display, name_or_empty(ind));
            cell_lasting(&row[2], period_name(code));
            EvalWindow w = eval_window_period(ev, u->tahun, code);
            period_input(t, &row[3], ev, display, ind, &tp[p - 1], NULL);
            period_input(t, &row[4], ev, display, ind, &rp[p - 1], NULL);
            eval_capaian_given(ev, ind, u->tahun, &rp[p - 1], &tp[p - 1], &none, &v);
            period_percent(t, &row[5], ev, display, &v);
            eval_window_restore(ev, w);
            /* to date: where a value is the period's own (always through
             * the first period; under agregasi akhir whenever each period
             * before has one), its cell and capaian are reused */
            w = eval_window(ev, u->tahun, 1, period_last_month(code));
            bool same_t = value_alike(&tsd[p - 1], &tp[p - 1]), same_r = value_alike(&rsd[p - 1], &rp[p - 1]);
            /* on screen a cell is also as written (84,40 stays 84,40; a sum is not) */
            if (same_t && (!display || tsd[p - 1].decimals == tp[p - 1].decimals)) row[6] = row[3];
            else period_input(t, &row[6], ev, display, ind, &tsd[p - 1], NULL);
            if (same_r && (!display || rsd[p - 1].decimals == rp[p - 1].decimals)) row[7] = row[4];
            else period_input(t, &row[7], ev, display, ind, &rsd[p - 1], NULL);
            if (pure && same_t && same_r) {
                value_set(&vsd, &v);
                row[8] = row[5];
            } else {
                eval_capaian_given(ev, ind, u->tahun, &rsd[p - 1], &tsd[p - 1], &none, &vsd);
                period_percent(t, &row[8], ev, display, &vsd);
            }
            eval_predikat_of(ev, ind, u->tahun, &vsd, &pred, NULL);
            if (pred.kind == V_TEXT) cell_text(t, &row[9], pred.text);
            else cell_text(t, &row[9], "-");
            eval_window_restore(ev, w);
        }
    }
    for (int i = 0; i < 12; i++) {
        value_clear(&tp[i]);
        value_clear(&tsd[i]);
        value_clear(&rp[i]);
        value_clear(&rsd[i]);
    }
    value_clear(&v);
    value_clear(&vsd);
    value_clear(&none);
    value_clear(&pred);
    vec_push(&t->notes, xstrdup("Capaian s.d.: target dan realisasi dari periode pertama sampai periode itu, "
                                "digabung menurut agregasi indikatornya."));
    return t;
}

static const char *HSP[] = {"ID", "Uraian", "Periode", "Rencana", "Realisasi", "Rencana s.d.", "Realisasi s.d.",
                            "Serapan s.d.", "Deviasi s.d."};
static const bool RSP[] = {false, false, false, true, true, true, true, true, true};

/* The kind of period of a node's realisasi or rencana (a kegiatan's or
 * program's: of the first node under it that has any). */
static PeriodKind node_period_kind(const Entity *n, int year)
{
    PeriodKind k = eval_period_kind(n, 'r', year);
    if (!k) k = eval_period_kind(n, 'p', year);
    const Vec *children = &ent_budget_c(n)->children;
    for (size_t i = 0; !k && i < children->len; i++) k = node_period_kind(children->items[i], year);
    return k;
}

/* A row of the table of periods of the budget: a node in one of its
 * periods, and that period's own rencana and realisasi. */
typedef struct SerapanRow {
    Entity *n;
    int code;
    Cell *row;
    Value rencana, realisasi;            /* the evaluator's (serapan_values) */
    int64_t rencana_sen, realisasi_sen;  /* or in sen (serapan_sen) */
} SerapanRow;

/* The rows of n and of the nodes under it, in the order shown, their
 * values not yet filled in. */
static void serapan_rows(Eval *ev, Table *t, bool display, Entity *n, int level, Vec *rows)
{
    PeriodKind k = node_period_kind(n, ev->u->tahun);
    int count = k ? periods_shown(ev, k) : 0;
    for (int i = 1; i <= count; i++) {
        SerapanRow *sr = arena_alloc(&t->arena, sizeof *sr);   /* with the table's rows */
        sr->n = n;
        sr->code = period_make(k, i);
        sr->row = row_new(t);
        cell_name(t, &sr->row[0], display, n->id);
        sr->row[0].indent = level;
        cell_name(t, &sr->row[1], display, name_or_empty(n));
        sr->row[1].indent = level;
        cell_lasting(&sr->row[2], period_name(sr->code));
        vec_push(rows, sr);
    }
    const Vec *children = &ent_budget(n)->children;
    for (size_t i = 0; i < children->len; i++) serapan_rows(ev, t, display, children->items[i], level + 1, rows);
}

/* Each period's rencana and realisasi of every row.  A node's are the
 * sums of those of the nodes under it, and the evaluator remembers a
 * node's sums under one window at a time: so the rows are taken period
 * by period, each node after the node above it, and every sum is
 * computed once (node by node, the nodes under each were summed again
 * for each period and each node above). */
static void serapan_values(Eval *ev, Vec *rows)
{
    bool done[64] = {false};   /* by period code (period_make: under 64) */
    for (size_t i = 0; i < rows->len; i++) {
        SerapanRow *sr = rows->items[i];
        value_init(&sr->rencana);
        value_init(&sr->realisasi);
    }
    for (size_t i = 0; i < rows->len; i++) {
        int code = ((SerapanRow *)rows->items[i])->code;
        if (done[code]) continue;
        done[code] = true;
        EvalWindow w = eval_window_period(ev, ev->u->tahun, code);
        for (size_t j = i; j < rows->len; j++) {
            SerapanRow *sr = rows->items[j];
            if (sr->code != code) continue;
            eval_rencana(ev, sr->n, &sr->rencana);
            eval_realisasi(ev, sr->n, ev->u->tahun, &sr->realisasi);
        }
        eval_window_restore(ev, w);
    }
}

/* serapan_values for Values, when every node's periods are whole sen
 * that fit in a word (nearly always): each leaf's periods read once
 * (eval_leaf_period_sen), each node's the sums of its children's, as
 * the evaluator makes them (budget_amount, eval_rencana), but in one
 * pass up the tree instead of a memo look-up per node and period.  n's
 * rows start at rows[*at], then those of the nodes under it; p and r
 * get n's rencana and realisasi of periods 1..count of kind k.  False
 * when a leaf's periods are of another kind, missing, or not whole sen,
 * or a sum overflows: serapan_values then fills every row. */
static bool serapan_sen(Eval *ev, SerapanRow **rows, size_t len, size_t *at, Entity *n, PeriodKind k, int count,
                        int64_t *p, int64_t *r)
{
    size_t mine = *at;
    while (*at < len && rows[*at]->n == n) (*at)++;
    if (*at - mine != (size_t)count) return false;
    const Vec *children = &ent_budget(n)->children;
    if (n->kind == ENT_SUBKEGIATAN || children->len == 0) {
        if (!eval_leaf_period_sen(ev, n, 'p', k, count, p) || !eval_leaf_period_sen(ev, n, 'r', k, count, r)) return false;
    } else {
        int64_t cp[12], cr[12];
        for (int i = 0; i < count; i++) p[i] = r[i] = 0;
        for (size_t c = 0; c < children->len; c++) {
            if (!serapan_sen(ev, rows, len, at, children->items[c], k, count, cp, cr)) return false;
            for (int i = 0; i < count; i++)
                if (__builtin_add_overflow(p[i], cp[i], &p[i]) || __builtin_add_overflow(r[i], cr[i], &r[i])) return false;
        }
    }
    for (int i = 0; i < count; i++) {
        rows[mine + i]->rencana_sen = p[i];
        rows[mine + i]->realisasi_sen = r[i];
    }
    return true;
}

static bool serapan_values_sen(Eval *ev, Vec *rows)
{
    size_t at = 0;
    int64_t p[12], r[12];
    for (size_t i = 0; i < ev->u->programs.len; i++) {
        Entity *prog = ev->u->programs.items[i];
        PeriodKind k = node_period_kind(prog, ev->u->tahun);
        if (k && !serapan_sen(ev, (SerapanRow **)rows->items, rows->len, &at, prog, k, periods_shown(ev, k), p, r))
            return false;
    }
    return at == rows->len;
}

/* A plain money cell of v sen. */
static void sen_cell(Cell *c, int64_t v)
{
    int dec = 2;
    num_scaled_trim(&v, &dec);
    cell_scaled(c, v, dec);
}

/* serapan_cells for Values (the machine form only) when the anggaran and
 * every rencana and realisasi are amounts of whole sen that fit in a
 * word, as nearly all do: the running sums, serapan and deviasi on
 * machine words, each number kept as a word for JSON to write (the
 * same digits as from the rationals: the sums are exact, and the serapan
 * is made from its two terms as budget_json makes it).  False when they do not
 * fit; serapan_cells then fills in every cell. */
static bool serapan_cells_sen(SerapanRow **rows, size_t count, const Value *a)
{
    int64_t an, pv, rv, p = 0, r = 0, d;
    uint64_t r100;
    if (a->kind != V_MONEY || !num_to_scaled(a->q, 2, &an) || an <= 0) return false;
    for (size_t i = 0; i < count; i++) {
        pv = rows[i]->rencana_sen;
        rv = rows[i]->realisasi_sen;
        if (__builtin_add_overflow(p, pv, &p) || __builtin_add_overflow(r, rv, &r) ||
            r < 0 || __builtin_mul_overflow((uint64_t)r, 100, &r100) || __builtin_sub_overflow(r, p, &d))
            return false;
        Cell *row = rows[i]->row;
        int64_t serapan;
        int dec;
        if (!num_ratio_scaled(r100, (uint64_t)an, PLAIN_DECIMALS, &serapan, &dec)) return false;
        cell_scaled(&row[7], serapan, dec);
        sen_cell(&row[3], pv);
        sen_cell(&row[4], rv);
        sen_cell(&row[5], p);
        sen_cell(&row[6], r);
        sen_cell(&row[8], d);
    }
    return true;
}

/* The cells of a node's count rows: each period's own values,
 * and their running sums through it. */
static void serapan_cells(Eval *ev, Table *t, SerapanRow **rows, size_t count, bool display, bool sen)
{
    Value v, r, p, a;
    value_init(&a);
    eval_anggaran(ev, rows[0]->n, &a);
    if (sen && serapan_cells_sen(rows, count, &a)) {
        value_clear(&a);
        return;
    }
    if (sen) {   /* the rational way from the sen (its rows' Values were not made) */
        mpq_t q;
        mpq_init(q);
        for (size_t i = 0; i < count; i++) {
            value_init(&rows[i]->rencana);
            value_init(&rows[i]->realisasi);
            num_from_scaled(q, rows[i]->rencana_sen, 2);
            value_money(&rows[i]->rencana, q);
            num_from_scaled(q, rows[i]->realisasi_sen, 2);
            value_money(&rows[i]->realisasi, q);
        }
        mpq_clear(q);
    }
    value_init(&v);
    value_init(&r);
    value_init(&p);
    for (size_t i = 0; i < count; i++) {
        Cell *row = rows[i]->row;
        const Value *pv = &rows[i]->rencana, *rv = &rows[i]->realisasi;
        period_money(t, &row[3], ev, display, pv);
        if (i == 0) value_set(&p, pv);
        else if (p.kind == V_MONEY && pv->kind == V_MONEY) num_add(p.q, p.q, pv->q);
        else value_undef(&p, NULL);
        period_money(t, &row[4], ev, display, rv);
        if (i == 0) value_set(&r, rv);
        else if (r.kind == V_MONEY && rv->kind == V_MONEY) num_add(r.q, r.q, rv->q);
        else value_undef(&r, NULL);
        period_money(t, &row[5], ev, display, &p);
        period_money(t, &row[6], ev, display, &r);
        if (r.kind == V_MONEY && a.kind == V_MONEY && mpq_sgn(a.q)) {
            num_percent(v.q, r.q, a.q);
            v.kind = V_NUM;
            v.decimals = -1;
        } else {
            value_undef(&v, NULL);
        }
        period_percent(t, &row[7], ev, display, &v);
        if (r.kind == V_MONEY && p.kind == V_MONEY) {
            value_money(&v, r.q);
            num_sub(v.q, r.q, p.q);
        } else {
            value_undef(&v, NULL);
        }
        period_money(t, &row[8], ev, display, &v);
    }
    value_clear(&v);
    value_clear(&r);
    value_clear(&p);
    value_clear(&a);
    for (size_t i = 0; i < count; i++) {
        value_clear(&rows[i]->rencana);
        value_clear(&rows[i]->realisasi);
    }
}

static bool unit_has_budget_periods(const Eval *ev)
{
    for (size_t i = 0; i < ev->u->programs.len; i++)
        if (node_period_kind(ev->u->programs.items[i], ev->u->tahun)) return true;
    return false;
}

static Table *table_serapan_periode(Eval *ev, bool display)
{
    Unit *u = ev->u;
    char title[96];
    snprintf(title, sizeof title, "Serapan anggaran per periode tahun %d", u->tahun);
    Table *t = table_new("serapan_periode", title, 9, HSP, RSP);
    Vec rows = {0};
    for (size_t i = 0; i < u->programs.len; i++) serapan_rows(ev, t, display, u->programs.items[i], 0, &rows);
    bool sen = !display && serapan_values_sen(ev, &rows);
    if (!sen) serapan_values(ev, &rows);
    for (size_t i = 0, end; i < rows.len; i = end) {
        Entity *n = ((SerapanRow *)rows.items[i])->n;
        for (end = i + 1; end < rows.len && ((SerapanRow *)rows.items[end])->n == n; end++) {}
        serapan_cells(ev, t, (SerapanRow **)rows.items + i, end - i, display, sen);
    }
    vec_free(&rows);
    vec_push(&t->notes, xstrdup("Serapan s.d.: realisasi sampai periode itu dibagi anggaran setahun; deviasi s.d.: "
                                "realisasi dikurangi rencana, keduanya sampai periode itu."));
    return t;
}

const char report_simulasi_banner[] = "SIMULASI (andai): bukan laporan resmi";

/* Each active what-if as a statement with its year (ast.c). */
static void andai_texts(Eval *ev, Vec *out)
{
    for (size_t i = 0; i < ev->andai.len; i++) {
        Buf b;
        buf_init(&b);
        andai_format(ev->u, ev->andai.items[i], &b);
        vec_push(out, buf_steal(&b));
    }
}

char *report_andai_joined(const Vec *andai)
{
    Buf b;
    buf_init(&b);
    for (size_t i = 0; i < andai->len; i++) buf_printf(&b, "%s%s", i ? "; " : "", (const char *)andai->items[i]);
    return buf_steal(&b);
}

const char *report_period_label(int code)
{
    static const char *const tw[] = {"", "TW I", "TW II", "TW III", "TW IV"};
    static const char *const sm[] = {"", "Semester I", "Semester II"};
    static const char *const bl[] = {"", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                                     "Agustus", "September", "Oktober", "November", "Desember"};
    int i = period_index(code);
    switch (period_kind(code)) {
    case PK_TW: return i >= 1 && i <= 4 ? tw[i] : "?";
    case PK_SM: return i >= 1 && i <= 2 ? sm[i] : "?";
    case PK_BLN: return i >= 1 && i <= 12 ? bl[i] : "?";
    default: return "?";
    }
}

/* The tables of a report, in the order shown: each step builds one when
 * its unit has what it shows. */
enum {
    T_MEASUREMENT, T_SASARAN, T_TREN, T_TREN_CAPAIAN, T_PEMBANDING, T_RENCANA_AKSI, T_BUDGET, T_SERAPAN_PERIODE,
    T_INDIKATOR_PROGRAM, T_EFISIENSI, T_PREDIKAT, T_PERJANJIAN, T_SURVEI, T_PENILAIAN, T_PERIKSA, T_STEPS
};

static bool step_shown(const Eval *ev, int step)
{
    const Unit *u = ev->u;
    switch (step) {
    case T_SASARAN: return u->sasaran.len > 0;
    case T_TREN:
    case T_TREN_CAPAIAN: return u->has_periode;
    case T_PEMBANDING:
        for (size_t i = 0; i < u->indikator.len; i++)
            if (ent_indikator(u->indikator.items[i])->pembanding.len > 0) return true;
        return false;
    case T_RENCANA_AKSI: return unit_has_ind_periods(ev);
    case T_SERAPAN_PERIODE: return unit_has_budget_periods(ev);
    case T_INDIKATOR_PROGRAM:
        for (size_t i = 0; i < u->indikator.len; i++)
            if (budget_indikator(u->indikator.items[i])) return true;
        return false;
    case T_PERJANJIAN: return u->perjanjian.len > 0;
    case T_SURVEI: return u->survei.len > 0;
    case T_PENILAIAN: return u->penilaian.len > 0;
    case T_PERIKSA: return u->periksa.len > 0;
    default: return true;
    }
}

static Table *step_table(Eval *ev, int step)
{
    switch (step) {
    case T_MEASUREMENT: return table_measurement(ev);
    case T_SASARAN: return table_sasaran(ev);
    case T_TREN: return table_years(ev, false);
    case T_TREN_CAPAIAN: return table_years(ev, true);
    case T_PEMBANDING: return table_pembanding(ev);
    case T_RENCANA_AKSI: return table_rencana_aksi(ev, true);
    case T_BUDGET: return table_budget(ev);
    case T_SERAPAN_PERIODE: return table_serapan_periode(ev, true);
    case T_INDIKATOR_PROGRAM: return table_indikator_program(ev);
    case T_EFISIENSI: return table_efisiensi(ev);
    case T_PREDIKAT: return table_predikat(ev);
    case T_PERJANJIAN: return table_perjanjian(ev);
    case T_SURVEI: return table_survei(ev);
    case T_PENILAIAN: return table_penilaian(ev);
    default: return table_periksa(ev);
    }
}

static const char *const STEP_KEY[T_STEPS] = {
    "capaian_iku", "capaian_sasaran", "tren", "tren_capaian", "pembanding", "rencana_aksi", "anggaran",
    "serapan_periode", "indikator_program", "efisiensi", "predikat", "perjanjian", "survei", "penilaian", "periksa"};

Report *report_head(Eval *ev)
{
    Unit *u = ev->u;
    Report *r = xcalloc(1, sizeof *r);
    andai_texts(ev, &r->andai);
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%s", u->nama ? u->nama : "(instansi tanpa nama)");
    if (u->induk) buf_printf(&b, " — %s", u->induk);
    buf_printf(&b, " — tahun %d", ev->tahun);
    if (ev->per) buf_printf(&b, " — keadaan s.d. akhir %s (--per=%s)", report_period_label(ev->per), period_name(ev->per));
    r->heading = buf_steal(&b);
    r->nama = u->nama ? xstrdup(u->nama) : NULL;
    r->induk = u->induk ? xstrdup(u->induk) : NULL;
    r->kepala = u->kepala ? xstrdup(u->kepala) : NULL;
    r->tahun = ev->tahun;
    if (u->has_periode) {
        buf_printf(&b, "Periode Renstra %d..%d", u->periode_from, u->periode_to);
        vec_push(&r->subheading, buf_steal(&b));
    }
    if (u->kepala) {
        buf_printf(&b, "Kepala: %s", u->kepala);
        vec_push(&r->subheading, buf_steal(&b));
    }
    for (int step = 0; step < T_STEPS; step++)
        if (step_shown(ev, step)) {
            r->steps |= 1u << step;
            vec_push(&r->keys, (void *)STEP_KEY[step]);
        }
    return r;
}

/* `eval --per=P`: t is as of the end of P, in its title and its "per". */
static void table_mark_per(Table *t, int per)
{
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%s (s.d. %s)", t->title, report_period_label(per));
    free(t->title);
    t->title = buf_steal(&b);
    t->per = period_name(per);
}

Table *report_next(Report *r, Eval *ev)
{
    while (r->next < T_STEPS && !(r->steps >> r->next & 1)) r->next++;
    if (r->next >= T_STEPS) return NULL;
    Table *t = step_table(ev, r->next++);
    /* every table is as of the end of that period: each says so
     * (claims are of the year) */
    if (ev->per && strcmp(t->key, "periksa")) table_mark_per(t, ev->per);
    return t;
}

Report *report_build(Eval *ev)
{
    Report *r = report_head(ev);
    for (Table *t; (t = report_next(r, ev));) vec_push(&r->tables, t);
    return r;
}

void report_free(Report *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->andai.len; i++) free(r->andai.items[i]);
    vec_free(&r->andai);
    free(r->heading);
    free(r->nama);
    free(r->induk);
    free(r->kepala);
    for (size_t i = 0; i < r->subheading.len; i++) free(r->subheading.items[i]);
    vec_free(&r->subheading);
    for (size_t i = 0; i < r->tables.len; i++) table_free(r->tables.items[i]);
    vec_free(&r->tables);
    vec_free(&r->keys);
    free(r);
}

/* ---- the figures of the charts ---- */

static void fig_values(Value *v, size_t n)
{
    for (size_t i = 0; i < n; i++) value_init(&v[i]);
}

/* In the order the charts asked for them when they evaluated for
 * themselves: the scale, each IKU's capaian and predikat, the years of
 * each, the budget rows, the sasaran. */
Figures *report_figures(Eval *ev)
{
    Unit *u = ev->u;
    Figures *f = xcalloc(1, sizeof *f);
    f->tahun = ev->tahun;
    f->desimal = ev->desimal;
    f->round = ev->round;
    f->notation = ev->notation;
    f->from = u->has_periode ? u->periode_from : ev->tahun;
    f->to = u->has_periode ? u->periode_to : ev->tahun;
    if (ev->tahun < f->from) f->from = ev->tahun;
    if (ev->tahun > f->to) f->to = ev->tahun;
    if (f->to - f->from > 30) f->from = f->to - 30;   /* a sane width for a small chart */
    size_t ny = (size_t)(f->to - f->from + 1);

    for (size_t i = 0; i < u->sasaran.len; i++) f->nind += ((Entity *)u->sasaran.items[i])->indikator.len;
    f->ind = xcalloc(f->nind + 1, sizeof *f->ind);
    Value v;
    value_init(&v);
    if (f->nind) {
        Entity *sk = eval_skala(ev);
        f->skala_id = sk ? sk->id : NULL;
        f->skala_name = sk ? sk->name : NULL;
        f->nbands = sk ? ent_skala(sk)->bands.len : 0;
        f->bands = xcalloc(f->nbands + 1, sizeof *f->bands);
        for (size_t i = 0; i < f->nbands; i++) {
            Band *band = ent_skala(sk)->bands.items[i];
            FigBand *fb = &f->bands[i];
            fb->label = band->label;
            fb->lo_incl = band->lo_incl;
            fb->hi_incl = band->hi_incl;
            mpq_inits(fb->lo, fb->hi, NULL);
            if (band->lo) {
                eval_expr(ev, band->lo, &v);
                if ((fb->has_lo = v.kind == V_NUM)) mpq_set(fb->lo, v.q);
            }
            if (band->hi) {
                eval_expr(ev, band->hi, &v);
                if ((fb->has_hi = v.kind == V_NUM)) mpq_set(fb->hi, v.q);
            }
        }
    }
    size_t k = 0;
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *s = u->sasaran.items[i];
        for (size_t m = 0; m < s->indikator.len; m++) {
            Entity *ind = s->indikator.items[m];
            FigIndikator *fi = &f->ind[k++];
            fi->ent = ind;
            fi->id = ind->id;
            fi->name = ind->name;
            fi->satuan = ent_indikator(ind)->satuan;
            value_init(&fi->capaian);
            value_init(&fi->predikat);
            eval_capaian(ev, ind, ev->tahun, &fi->capaian);
        }
    }
    k = 0;
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *s = u->sasaran.items[i];
        for (size_t m = 0; m < s->indikator.len; m++, k++)
            eval_predikat(ev, s->indikator.items[m], ev->tahun, &f->ind[k].predikat, NULL);
    }
    /* the years of each indikator: when the trend asks (figures_years) */
    f->ev = ev;
    f->years = xcalloc(1, sizeof *f->years);
    f->years->target = xcalloc(ny, sizeof *f->years->target);
    f->years->target_hi = xcalloc(ny, sizeof *f->years->target_hi);
    f->years->realisasi = xcalloc(ny, sizeof *f->years->realisasi);
    fig_values(f->years->target, ny);
    fig_values(f->years->target_hi, ny);
    fig_values(f->years->realisasi, ny);
    for (size_t i = 0; i < u->programs.len; i++) f->nbudget += 1 + ent_budget(u->programs.items[i])->children.len;
    f->budget = xcalloc(f->nbudget + 1, sizeof *f->budget);
    k = 0;
    for (size_t i = 0; i < u->programs.len; i++) {
        Entity *p = u->programs.items[i];
        const Vec *children = &ent_budget(p)->children;
        for (size_t m = 0; m <= children->len; m++) {
            Entity *e = m ? children->items[m - 1] : p;
            FigBudget *fb = &f->budget[k++];
            fb->id = e->id;
            fb->name = e->name;
            fb->kode = ent_budget(e)->kode;
            fb->level = m ? 1 : 0;
            value_init(&fb->anggaran);
            value_init(&fb->realisasi);
            value_init(&fb->serapan);
            eval_anggaran(ev, e, &fb->anggaran);
            eval_realisasi(ev, e, ev->tahun, &fb->realisasi);
            eval_serapan(ev, e, &fb->serapan);
        }
    }
    f->nsasaran = u->sasaran.len;
    f->sasaran = xcalloc(f->nsasaran + 1, sizeof *f->sasaran);
    for (size_t i = 0; i < f->nsasaran; i++) {
        Entity *sa = u->sasaran.items[i];
        FigSasaran *fs = &f->sasaran[i];
        fs->id = sa->id;
        fs->name = sa->name;
        value_init(&fs->capaian);
        value_init(&fs->serapan);
        value_init(&fs->efisiensi);
        eval_capaian(ev, sa, ev->tahun, &fs->capaian);
        eval_serapan(ev, sa, &fs->serapan);
        eval_efisiensi(ev, sa, &fs->efisiensi);
    }
    value_clear(&v);
    return f;
}

void figures_free(Figures *f)
{
    if (!f) return;
    size_t ny = (size_t)(f->to - f->from + 1);
    for (size_t i = 0; i < f->nbands; i++) mpq_clears(f->bands[i].lo, f->bands[i].hi, NULL);
    free(f->bands);
    for (size_t i = 0; i < f->nind; i++) {
        FigIndikator *fi = &f->ind[i];
        value_clear(&fi->capaian);
        value_clear(&fi->predikat);
    }
    free(f->ind);
    for (size_t y = 0; y < ny; y++) {
        value_clear(&f->years->target[y]);
        value_clear(&f->years->target_hi[y]);
        value_clear(&f->years->realisasi[y]);
    }
    free(f->years->target);
    free(f->years->target_hi);
    free(f->years->realisasi);
    free(f->years);
    for (size_t i = 0; i < f->nbudget; i++) {
        value_clear(&f->budget[i].anggaran);
        value_clear(&f->budget[i].realisasi);
        value_clear(&f->budget[i].serapan);
    }
    free(f->budget);
    for (size_t i = 0; i < f->nsasaran; i++) {
        value_clear(&f->sasaran[i].capaian);
        value_clear(&f->sasaran[i].serapan);
        value_clear(&f->sasaran[i].efisiensi);
    }
    free(f->sasaran);
    free(f);
}

const FigYears *figures_years(const Figures *f, size_t i)
{
    FigYears *y = f->years;
    for (int k = 0; k <= f->to - f->from; k++) {
        Value *vs[] = {&y->target[k], &y->target_hi[k], &y->realisasi[k]};   /* fresh, as each was */
        for (int m = 0; m < 3; m++) {
            value_clear(vs[m]);
            value_init(vs[m]);
        }
        eval_target(f->ev, f->ind[i].ent, f->from + k, &y->target[k], &y->target_hi[k]);
        eval_realisasi(f->ev, f->ind[i].ent, f->from + k, &y->realisasi[k]);
    }
    return y;
}

/* ---- the values of eval --format=json ---- */

static void budget_values(Eval *ev, Values *vs, Entity *n, size_t *k)
{
    ValBudget *b = &vs->budget[(*k)++];
    b->id = n->id;
    b->tingkat = ent_kind_name(n->kind);
    b->induk = n->parent ? n->parent->id : NULL;
    b->name = n->name;
    b->kode = ent_budget(n)->kode;
    value_init(&b->anggaran);
    value_init(&b->realisasi);
    value_init(&b->serapan);
    eval_anggaran(ev, n, &b->anggaran);
    eval_realisasi(ev, n, ev->tahun, &b->realisasi);
    eval_serapan(ev, n, &b->serapan);
    const Vec *children = &ent_budget(n)->children;
    for (size_t i = 0; i < children->len; i++) budget_values(ev, vs, children->items[i], k);
}

static size_t budget_count(const Entity *n)
{
    size_t c = 1;
    const Vec *children = &ent_budget_c(n)->children;
    for (size_t i = 0; i < children->len; i++) c += budget_count(children->items[i]);
    return c;
}

Values *report_values(Eval *ev)
{
    Unit *u = ev->u;
    Values *vs = xcalloc(1, sizeof *vs);
    andai_texts(ev, &vs->andai);
    if (unit_has_ind_periods(ev)) vs->rencana_aksi = table_rencana_aksi(ev, false);
    if (unit_has_budget_periods(ev)) vs->serapan_periode = table_serapan_periode(ev, false);
    vs->nama = u->nama;
    vs->induk = u->induk;
    vs->tahun = ev->tahun;
    for (size_t i = 0; i < u->sasaran.len; i++) vs->nind += ((Entity *)u->sasaran.items[i])->indikator.len;
    vs->ind = xcalloc(vs->nind + 1, sizeof *vs->ind);
    size_t k = 0;
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *s = u->sasaran.items[i];
        for (size_t m = 0; m < s->indikator.len; m++) {
            Entity *ind = s->indikator.items[m];
            ValIndikator *vi = &vs->ind[k++];
            vi->id = ind->id;
            vi->sasaran = s->id;
            vi->name = ind->name;
            vi->satuan = ent_indikator(ind)->satuan;
            Value *v6[] = {&vi->target, &vi->target_hi, &vi->realisasi, &vi->capaian, &vi->predikat,
                           &vi->capaian_renstra};
            for (int q = 0; q < 6; q++) value_init(v6[q]);
            eval_target(ev, ind, ev->tahun, &vi->target, &vi->target_hi);
            eval_realisasi(ev, ind, ev->tahun, &vi->realisasi);
            eval_capaian(ev, ind, ev->tahun, &vi->capaian);
            eval_predikat(ev, ind, ev->tahun, &vi->predikat, NULL);
            eval_capaian_renstra(ev, ind, &vi->capaian_renstra);
            /* Tabel 3.3: realisasi of every year of the periode up to tahun */
            int from = u->has_periode ? u->periode_from : ev->tahun;
            size_t cap = 0;   /* the years that have one: a large file's memory was mostly empty years */
            for (int y = from; y <= ev->tahun && y - from < 50; y++) cap += eval_has_realisasi(ev, ind, y);
            vi->tahunan_year = xcalloc(cap + 1, sizeof *vi->tahunan_year);
            vi->tahunan = xcalloc(cap + 1, sizeof *vi->tahunan);
            for (int y = from; y <= ev->tahun && y - from < 50; y++) {
                if (!eval_has_realisasi(ev, ind, y)) continue;
                Value *t = &vi->tahunan[vi->ntahunan];
                value_init(t);
                eval_realisasi(ev, ind, y, t);
                if (t->kind == V_UNDEF) {
                    value_clear(t);
                    continue;
                }
                vi->tahunan_year[vi->ntahunan++] = y;
            }
            /* Tabel 3.4: comparison values of the year */
            size_t npb = 0;
            const Vec *pembanding = &ent_indikator(ind)->pembanding;
            for (size_t q = 0; q < pembanding->len; q++) npb += ((Pembanding *)pembanding->items[q])->values.len;
            vi->pembanding = xcalloc(npb + 1, sizeof *vi->pembanding);
            Value r;
            value_init(&r);
            for (size_t q = 0; q < pembanding->len; q++) {
                Pembanding *pb = pembanding->items[q];
                for (size_t w = 0; w < pb->values.len; w++) {
                    YearVal *yv = pb->values.items[w];
                    int year = yv->has_year ? yv->year : u->tahun;
                    if (year != ev->tahun || yv->lo->kind != EX_NUM) continue;
                    ValPembanding *vp = &vi->pembanding[vi->npembanding++];
                    vp->label = pb->label;
                    vp->nilai = yv->lo->u.num.q;
                    mpq_init(vp->selisih);
                    eval_realisasi(ev, ind, year, &r);
                    if ((vp->has_selisih = r.kind == V_NUM)) num_sub(vp->selisih, r.q, yv->lo->u.num.q);
                }
            }
            value_clear(&r);
        }
    }
    /* the indikator of the budget tree */
    for (size_t i = 0; i < u->indikator.len; i++) vs->nind_program += budget_indikator(u->indikator.items[i]);
    vs->ind_program = xcalloc(vs->nind_program + 1, sizeof *vs->ind_program);
    k = 0;
    for (size_t i = 0; i < u->indikator.len; i++) {
        Entity *ind = u->indikator.items[i];
        if (!budget_indikator(ind)) continue;
        ValIndikator *vi = &vs->ind_program[k++];
        vi->id = ind->id;
        vi->sasaran = ind->parent->id;
        vi->tingkat = ent_kind_name(ind->parent->kind);
        vi->keluaran = ent_indikator(ind)->keluaran;
        vi->name = ind->name;
        vi->satuan = ent_indikator(ind)->satuan;
        Value *v6[] = {&vi->target, &vi->target_hi, &vi->realisasi, &vi->capaian, &vi->predikat,
                       &vi->capaian_renstra};
        for (int q = 0; q < 6; q++) value_init(v6[q]);
        eval_target(ev, ind, ev->tahun, &vi->target, &vi->target_hi);
        eval_realisasi(ev, ind, ev->tahun, &vi->realisasi);
        eval_capaian(ev, ind, ev->tahun, &vi->capaian);
        eval_predikat(ev, ind, ev->tahun, &vi->predikat, NULL);
    }
    vs->nsasaran = u->sasaran.len;
    vs->sasaran = xcalloc(vs->nsasaran + 1, sizeof *vs->sasaran);
    for (size_t i = 0; i < vs->nsasaran; i++) {
        Entity *s = u->sasaran.items[i];
        ValSasaran *va = &vs->sasaran[i];
        va->id = s->id;
        va->name = s->name;
        value_init(&va->capaian);
        value_init(&va->predikat);
        value_init(&va->serapan);
        value_init(&va->efisiensi);
        eval_capaian(ev, s, ev->tahun, &va->capaian);
        eval_predikat(ev, s, ev->tahun, &va->predikat, NULL);
        eval_serapan(ev, s, &va->serapan);
        eval_efisiensi(ev, s, &va->efisiensi);
    }
    for (size_t i = 0; i < u->programs.len; i++) vs->nbudget += budget_count(u->programs.items[i]);
    vs->budget = xcalloc(vs->nbudget + 1, sizeof *vs->budget);
    k = 0;
    for (size_t i = 0; i < u->programs.len; i++) budget_values(ev, vs, u->programs.items[i], &k);
    vs->nclaims = u->periksa.len;
    vs->claims = xcalloc(vs->nclaims + 1, sizeof *vs->claims);
    for (size_t i = 0; i < vs->nclaims; i++) {
        Periksa *p = u->periksa.items[i];
        ValClaim *c = &vs->claims[i];
        value_init(&c->kiri);
        value_init(&c->kanan);
        c->hasil = eval_periksa(ev, p, &c->kiri, &c->kanan);
        c->baris = (long)locfile_line_of(p->span.file, p->span.start);
        c->klaim = span_plain(p->expr->span, &c->klaim_len);   /* most claims: no copy */
        if (!c->klaim) {
            c->klaim = span_text(u, p->expr->span);
            c->klaim_len = strlen(c->klaim);
        }
        c->pesan = p->pesan;
    }
    vs->nperjanjian = u->perjanjian.len;
    vs->perjanjian = xcalloc(vs->nperjanjian + 1, sizeof *vs->perjanjian);
    for (size_t i = 0; i < vs->nperjanjian; i++) {
        Entity *pk = u->perjanjian.items[i];
        const PerjanjianDecl *pd = ent_perjanjian(pk);
        ValPerjanjian *vp = &vs->perjanjian[i];
        vp->id = pk->id;
        vp->name = pk->name;
        vp->tanggal = pd->tanggal;
        vp->mengubah = pd->mengubah && pd->mengubah->ent ? pd->mengubah->ent->id : NULL;
        vp->diubah_oleh = pd->diubah_oleh ? pd->diubah_oleh->id : NULL;
        for (int which = 0; which < 2; which++) {
            const Vec *pairs = which ? &pd->pk_anggaran : &pd->pk_target;
            vp->pairs[which] = xcalloc(pairs->len + 1, sizeof *vp->pairs[which]);
            for (size_t q = 0; q < pairs->len; q++) {
                PkPair *pp = pairs->items[q];
                if (pp->value->lo->kind != EX_NUM && pp->value->lo->kind != EX_MONEY) continue;
                ValPair *x = &vp->pairs[which][vp->npairs[which]++];
                x->name = pp->ref.name;
                x->value = pp->value->lo->u.num.q;
                x->value_hi = pp->value->hi && (pp->value->hi->kind == EX_NUM || pp->value->hi->kind == EX_MONEY)
                                  ? pp->value->hi->u.num.q : NULL;
            }
        }
    }
    return vs;
}

void values_free(Values *vs)
{
    if (!vs) return;
    table_free(vs->rencana_aksi);
    table_free(vs->serapan_periode);
    for (size_t i = 0; i < vs->andai.len; i++) free(vs->andai.items[i]);
    vec_free(&vs->andai);
    for (size_t i = 0; i < vs->nind; i++) {
        ValIndikator *vi = &vs->ind[i];
        Value *v6[] = {&vi->target, &vi->target_hi, &vi->realisasi, &vi->capaian, &vi->predikat,
                       &vi->capaian_renstra};
        for (int q = 0; q < 6; q++) value_clear(v6[q]);
        for (size_t y = 0; y < vi->ntahunan; y++) value_clear(&vi->tahunan[y]);
        free(vi->tahunan);
        free(vi->tahunan_year);
        for (size_t q = 0; q < vi->npembanding; q++) mpq_clear(vi->pembanding[q].selisih);
        free(vi->pembanding);
    }
    free(vs->ind);
    for (size_t i = 0; i < vs->nind_program; i++) {
        ValIndikator *vi = &vs->ind_program[i];
        Value *v6[] = {&vi->target, &vi->target_hi, &vi->realisasi, &vi->capaian, &vi->predikat,
                       &vi->capaian_renstra};
        for (int q = 0; q < 6; q++) value_clear(v6[q]);
    }
    free(vs->ind_program);
    for (size_t i = 0; i < vs->nsasaran; i++) {
        value_clear(&vs->sasaran[i].capaian);
        value_clear(&vs->sasaran[i].predikat);
        value_clear(&vs->sasaran[i].serapan);
        value_clear(&vs->sasaran[i].efisiensi);
    }
    free(vs->sasaran);
    for (size_t i = 0; i < vs->nbudget; i++) {
        value_clear(&vs->budget[i].anggaran);
        value_clear(&vs->budget[i].realisasi);
        value_clear(&vs->budget[i].serapan);
    }
    free(vs->budget);
    for (size_t i = 0; i < vs->nclaims; i++) {
        value_clear(&vs->claims[i].kiri);
        value_clear(&vs->claims[i].kanan);
    }
    free(vs->claims);
    for (size_t i = 0; i < vs->nperjanjian; i++) {
        free(vs->perjanjian[i].pairs[0]);
        free(vs->perjanjian[i].pairs[1]);
    }
    free(vs->perjanjian);
    free(vs);
}

/* ---- recap over several files ---- */

RecapRow *recap_row(Eval *ev)
{
    Unit *u = ev->u;
    RecapRow *row = xcalloc(1, sizeof *row);
    row->nama = xstrdup(u->nama ? u->nama : u->file->name);
    row->induk = xstrdup(u->induk ? u->induk : "");
    row->tahun = ev->tahun;
    for (size_t i = 0; i < u->tabel.len; i++)
        if (!strcmp(((Tabel *)u->tabel.items[i])->id, "rekap") && !row->rekap_title)
            row->rekap_title = title_of(ev, "rekap", "");
    mpq_inits(row->mean, row->sum, row->weight, row->anggaran, row->realisasi, NULL);
    const Vec *bands = &ent_skala(eval_skala(ev))->bands;
    for (size_t b = 0; b < bands->len; b++) {
        vec_push(&row->band_labels, xstrdup(((Band *)bands->items[b])->label));
        vec_push(&row->band_counts, (void *)0);
    }
    Value c, p, a, r;
    value_init(&c); value_init(&p); value_init(&a); value_init(&r);
    size_t n = 0;
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *s = u->sasaran.items[i];
        for (size_t k = 0; k < s->indikator.len; k++) {
            Entity *ind = s->indikator.items[k];
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
    row->n_iku = n;
    if (ev->per) {
        /* behind plan as of P: an IKU's capaian_sd below 100, or a
         * supporting node's deviasi below 0 (sakip(5), PERIODS) */
        row->per = ev->per;
        Buf b;
        buf_init(&b);
        mpq_t hundred;
        mpq_init(hundred);
        mpq_set_ui(hundred, 100, 1);
        for (size_t i = 0; i < u->sasaran.len; i++) {
            Entity *s = u->sasaran.items[i];
            for (size_t k = 0; k < s->indikator.len; k++) {
                Entity *ind = s->indikator.items[k];
                eval_capaian(ev, ind, ev->tahun, &c);
                if (c.kind == V_NUM && num_cmp(c.q, hundred) < 0) {
                    buf_printf(&b, "%s%s ", b.len ? "; " : "", ind->id);
                    num_format(&b, c.q, ev->desimal, ev->round, ev->notation, true);
                    buf_putc(&b, '%');
                }
            }
        }
        for (size_t i = 0; i < u->budget_nodes.len; i++) {
            Entity *nd = u->budget_nodes.items[i];
            if (!ent_budget(nd)->mendukung.len) continue;
            eval_realisasi(ev, nd, ev->tahun, &r);
            eval_rencana(ev, nd, &a);
            if (r.kind == V_MONEY && a.kind == V_MONEY && num_cmp(r.q, a.q) < 0) {
                mpq_t d;
                mpq_init(d);
                num_sub(d, r.q, a.q);
                buf_printf(&b, "%s%s deviasi ", b.len ? "; " : "", nd->id);
                num_format_money(&b, d, ev->round, ev->notation);
                mpq_clear(d);
            }
        }
        mpq_clear(hundred);
        row->behind = buf_steal(&b);
    }
    /* the mean of capaian(): bobot, batas_rata, rata_abaikan_kosong */
    if (n && eval_capaian_iku_parts(ev, ev->tahun, row->sum, row->weight) && mpq_sgn(row->weight)) {
        num_div(row->mean, row->sum, row->weight);
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
        num_add(row->anggaran, row->anggaran, a.q);
        num_add(row->realisasi, row->realisasi, r.q);
    }
    value_clear(&c); value_clear(&p); value_clear(&a); value_clear(&r);
    return row;
}

void recap_row_free(RecapRow *r)
{
    if (!r) return;
    free(r->nama);
    free(r->induk);
    free(r->rekap_title);
    free(r->behind);
    mpq_clears(r->mean, r->sum, r->weight, r->anggaran, r->realisasi, NULL);
    for (size_t i = 0; i < r->band_labels.len; i++) free(r->band_labels.items[i]);
    vec_free(&r->band_labels);
    vec_free(&r->band_counts);
    free(r);
}

/* Groups by induk (in order of first appearance), then ranks by mean
 * capaian, best first; units without a mean come last.  The group is
 * numbered once per row (recap_number_groups), so sorting a nation's
 * 7 300 rows compares integers, not induk names (doc/performance.md). */
static int recap_cmp(const void *pa, const void *pb)
{
    const RecapRow *a = *(RecapRow *const *)pa, *b = *(RecapRow *const *)pb;
    if (a->group != b->group) return a->group < b->group ? -1 : 1;
    if (a->has_mean != b->has_mean) return a->has_mean ? -1 : 1;
    if (a->has_mean) {
        int c = num_cmp(b->mean, a->mean);
        if (c) return c;
    }
    return strcmp(a->nama, b->nama);
}

/* Numbers each row's induk in order of first appearance, through an
 * open-addressing table of the induk seen so far; returns how many
 * there are. */
static size_t recap_number_groups(Vec *rows)
{
    size_t cap = 16;
    while (cap < 2 * rows->len) cap *= 2;
    RecapRow **seen = xcalloc(cap, sizeof *seen);   /* first row of each induk */
    size_t groups = 0;
    for (size_t i = 0; i < rows->len; i++) {
        RecapRow *r = rows->items[i];
        size_t h = str_hash(r->induk) & (cap - 1);
        while (seen[h] && strcmp(seen[h]->induk, r->induk)) h = (h + 1) & (cap - 1);
        if (!seen[h]) {
            seen[h] = r;
            r->group = groups++;
        } else {
            r->group = seen[h]->group;
        }
    }
    free(seen);
    return groups;
}

typedef struct RecapSum {
    mpq_t capaian_sum, weight, anggaran, realisasi;
    size_t iku, undefined, units;
    bool mean_ok, budget_ok;
    size_t *bands;
} RecapSum;

static void sum_init(RecapSum *s, int nb)
{
    mpq_inits(s->capaian_sum, s->weight, s->anggaran, s->realisasi, NULL);
    s->iku = s->undefined = s->units = 0;
    s->mean_ok = s->budget_ok = true;
    s->bands = xcalloc((size_t)nb + 1, sizeof *s->bands);
}

static void sum_free(RecapSum *s)
{
    mpq_clears(s->capaian_sum, s->weight, s->anggaran, s->realisasi, NULL);
    free(s->bands);
}

static void sum_add(RecapSum *s, const RecapRow *r, const RecapRow *first, int nb)
{
    s->units++;
    if (r->has_mean) {
        num_add(s->capaian_sum, s->capaian_sum, r->sum);
        num_add(s->weight, s->weight, r->weight);
    } else {
        s->mean_ok = false;
    }
    s->iku += r->n_iku;
    s->undefined += r->undefined;
    if (r->has_budget) {
        num_add(s->anggaran, s->anggaran, r->anggaran);
        num_add(s->realisasi, s->realisasi, r->realisasi);
    } else {
        s->budget_ok = false;
    }
    for (int b = 0; b < nb; b++)
        for (size_t m = 0; m < r->band_labels.len; m++)
            if (!strcmp(r->band_labels.items[m], first->band_labels.items[b])) s->bands[b] += (size_t)r->band_counts.items[m];
}

static void put_percent_of(Table *t, Cell *c, Eval *fmt, mpq_srcptr a, mpq_srcptr b)
{
    Value v;
    value_init(&v);
    if (mpq_sgn(b)) {
        num_percent(v.q, a, b);
        v.kind = V_NUM;
    }
    cell_percent(t, c, fmt, &v);
    value_clear(&v);
}

static void recap_fill(Table *t, Eval *fmt, Cell *row, int *k, mpq_srcptr mean, bool has_mean, size_t *bands, int nb,
                       size_t undefined, bool budget, mpq_srcptr a, mpq_srcptr r)
{
    Value v;
    value_init(&v);
    if (has_mean) value_num(&v, mean);
    cell_percent(t, &row[(*k)++], fmt, &v);
    for (int b = 0; b < nb; b++) cell_int(t, &row[(*k)++], (long)bands[b]);
    cell_int(t, &row[(*k)++], (long)undefined);
    if (budget) {
        value_money(&v, a);
        cell_number(t, &row[(*k)++], fmt, &v, 0, true, NULL);
        value_money(&v, r);
        cell_number(t, &row[(*k)++], fmt, &v, 0, true, NULL);
        put_percent_of(t, &row[(*k)++], fmt, r, a);
    } else {
        cell_text(t, &row[(*k)++], "-");
        cell_text(t, &row[(*k)++], "-");
        cell_text(t, &row[(*k)++], "-");
    }
    (void)t;
    value_clear(&v);
}

static void recap_total_row(Table *t, Eval *fmt, const char *label, RecapSum *s, int nb)
{
    Cell *row = row_new(t);
    int k = 0;
    cell_text(t, &row[k++], "");
    cell_text(t, &row[k++], label);
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%zu instansi", s->units);
    cell_text(t, &row[k++], b.data);
    buf_free(&b);
    mpq_t mean;
    mpq_init(mean);
    /* over every IKU of the group: sum(bobot x capaian) / sum(bobot) */
    bool ok = s->mean_ok && s->iku > 0 && mpq_sgn(s->weight) != 0;
    if (ok) num_div(mean, s->capaian_sum, s->weight);
    recap_fill(t, fmt, row, &k, mean, ok, s->bands, nb, s->undefined, s->budget_ok, s->anggaran, s->realisasi);
    mpq_clear(mean);
}

size_t recap_sort(Vec *rows)
{
    size_t groups = recap_number_groups(rows);
    if (rows->len > 1) qsort(rows->items, rows->len, sizeof(void *), recap_cmp);
    return groups;
}

Table *recap_table(Vec *rows, Notation nt)
{
    size_t groups = recap_sort(rows);
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
    Table *t = table_new_in(NULL, "rekap", "Rekapitulasi per induk, peringkat menurut rata-rata capaian", ncols,
                            headers, right);
    if (first && first->rekap_title) {   /* the first file's `tabel rekap` */
        free(t->title);
        t->title = xstrdup(first->rekap_title);
    }
    t->headers_owned = headers;
    t->right_owned = right;
    Eval fmt;
    memset(&fmt, 0, sizeof fmt);
    fmt.round = ROUND_HALF_UP;
    fmt.desimal = 2;
    fmt.notation = nt;
    RecapSum all, group;
    sum_init(&all, nb);
    sum_init(&group, nb);
    size_t rank = 0;
    for (size_t i = 0; i < rows->len; i++) {
        RecapRow *r = rows->items[i];
        Cell *row = row_new(t);
        k = 0;
        cell_int(t, &row[k++], (long)++rank);
        cell_text(t, &row[k++], r->nama);
        cell_text(t, &row[k++], r->induk);
        size_t *bands = xcalloc((size_t)nb + 1, sizeof *bands);
        for (int b = 0; b < nb; b++)
            for (size_t m = 0; m < r->band_labels.len; m++)
                if (!strcmp(r->band_labels.items[m], first->band_labels.items[b])) bands[b] = (size_t)r->band_counts.items[m];
        recap_fill(t, &fmt, row, &k, r->mean, r->has_mean, bands, nb, r->undefined, r->has_budget, r->anggaran, r->realisasi);
        free(bands);
        sum_add(&group, r, first, nb);
        sum_add(&all, r, first, nb);
        RecapRow *next = i + 1 < rows->len ? rows->items[i + 1] : NULL;
        if (!next || next->group != r->group) {
            Buf b;
            buf_init(&b);
            buf_printf(&b, "Jumlah %s", r->induk[0] ? r->induk : "(tanpa induk)");
            recap_total_row(t, &fmt, b.data, &group, nb);
            buf_free(&b);
            sum_free(&group);
            sum_init(&group, nb);
            rank = 0;
        }
    }
    if (groups > 1) recap_total_row(t, &fmt, "Jumlah semua", &all, nb);
    sum_free(&all);
    sum_free(&group);
    if (first && first->per) {
        /* eval --per=P: as of P, and which units are behind plan */
        table_mark_per(t, first->per);
        Buf b;
        buf_init(&b);
        size_t behind = 0;
        for (size_t i = 0; i < rows->len; i++) {
            RecapRow *r = rows->items[i];
            if (!r->behind || !r->behind[0]) continue;
            buf_printf(&b, "Di belakang rencana s.d. %s: %s (%s).", report_period_label(first->per), r->nama, r->behind);
            vec_push(&t->notes, buf_steal(&b));
            behind++;
        }
        if (!behind) {
            buf_printf(&b, "Tidak ada unit di belakang rencana s.d. %s.", report_period_label(first->per));
            vec_push(&t->notes, buf_steal(&b));
        }
    }
    return t;
}
