/* report_json.c -- `eval --format=json` (sakip(1), doc/formats.md):
 * {"instansi": [{nama, tahun, indikator, sasaran, anggaran, periksa}]}.
 * Money is exact; ratios carry 10 decimals; undefined is null. */
#include "report.h"
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { JSON_DECIMALS = 10 };

static void put_value(Buf *b, const Value *v)
{
    switch (v->kind) {
    case V_NUM:
    case V_MONEY: num_format_plain(b, v->q, JSON_DECIMALS); break;
    case V_TEXT: json_put_string(b, v->text); break;
    case V_BOOL: buf_puts(b, v->b ? "true" : "false"); break;
    case V_REF: json_put_string(b, v->ent->id); break;
    case V_RANGE:
        buf_puts(b, "{\"bawah\":");
        num_format_plain(b, v->q, JSON_DECIMALS);
        buf_puts(b, ",\"atas\":");
        num_format_plain(b, v->hi, JSON_DECIMALS);
        buf_putc(b, '}');
        break;
    default: buf_puts(b, "null"); break;
    }
}

/* A key the user wrote (a band label, a data name): escaped. */
static void key_escaped(Buf *b, const char *k, bool first)
{
    if (!first) buf_putc(b, ',');
    json_put_string(b, k);
    buf_putc(b, ':');
}

/* A key this file spells: ASCII with nothing to escape, so written
 * whole (a report has about 150 keys per instansi).  Inlined, so that
 * the length of the literal is known and the copy is a few moves. */
static inline __attribute__((always_inline)) void key(Buf *b, const char *k, bool first)
{
    size_t n = strlen(k);
    buf_reserve(b, n + 4);
    char *p = b->data + b->len;
    if (!first) *p++ = ',';
    *p++ = '"';
    memcpy(p, k, n);
    p += n;
    *p++ = '"';
    *p++ = ':';
    *p = '\0';
    b->len = (size_t)(p - b->data);
}

static inline __attribute__((always_inline)) void key_value(Buf *b, const char *k, const Value *v)
{
    key(b, k, false);
    put_value(b, v);
}

static inline __attribute__((always_inline)) void key_text(Buf *b, const char *k, const char *s, bool first)
{
    key(b, k, first);
    if (s) json_put_string(b, s);
    else buf_puts(b, "null");
}

/* A whole amount of rupiah that fits in a word, or false. */
static bool whole_amount(const Value *v, uint64_t *out)
{
    if (v->kind != V_MONEY || mpz_cmp_ui(mpq_denref(v->q), 1) != 0 || mpz_sgn(mpq_numref(v->q)) < 0 ||
        !mpz_fits_ulong_p(mpq_numref(v->q)))
        return false;
    *out = mpz_get_ui(mpq_numref(v->q));
    return true;
}

static void budget_json(Buf *b, const ValBudget *n, bool first)
{
    buf_puts(b, first ? "\n    {" : ",\n    {");
    key_text(b, "id", n->id, true);
    key_text(b, "tingkat", n->tingkat, false);
    key_text(b, "induk", n->induk, false);
    key_text(b, "nama", n->name, false);
    key_text(b, "kode", n->kode, false);
    key_value(b, "anggaran", &n->anggaran);
    key_value(b, "realisasi", &n->realisasi);
    /* serapan = realisasi / anggaran x 100: for whole amounts written from
     * the two numbers, without the gcd of the canonical value (the same
     * digits) */
    uint64_t an, rn, r100;
    key(b, "serapan", false);
    if (!(whole_amount(&n->anggaran, &an) && whole_amount(&n->realisasi, &rn) && an > 0 &&
          !__builtin_mul_overflow(rn, 100, &r100) && num_format_ratio_plain(b, r100, an, JSON_DECIMALS)))
        put_value(b, &n->serapan);
    buf_putc(b, '}');
}

/* A table of periods as rows of objects, each key its column's header in
 * lower case with '_' for ' ' and "_sd" for " s.d." ("capaian_sd"). */
static void table_json(Buf *b, const char *name, const Table *t)
{
    key(b, name, false);
    buf_putc(b, '[');
    enum { MAXCOLS = 16 };
    /* each column's key as written, with its comma, quotes and colon:
     * the same for each of many thousand rows */
    enum { KEYW = 64 };      /* a key with its comma, quotes and colon: at most KEYW - 1 bytes */
    char keys[MAXCOLS][KEYW] = {{0}};   /* copied whole: every byte defined */
    size_t klen[MAXCOLS];
    int ncols = t->ncols < MAXCOLS ? t->ncols : MAXCOLS;
    for (int c = 0; c < ncols; c++) {
        char *k = keys[c];
        size_t n = 0;
        if (c) k[n++] = ',';
        k[n++] = '"';
        for (const char *h = t->headers[c]; *h && n + 6 < sizeof keys[c]; h++) {
            if (h[0] == ' ' && !strncmp(h, " s.d.", 5)) {
                memcpy(k + n, "_sd", 3);
                n += 3;
                h += 4;
            } else {
                k[n++] = *h == ' ' ? '_' : (char)(*h >= 'A' && *h <= 'Z' ? *h - 'A' + 'a' : *h);
            }
        }
        k[n++] = '"';
        k[n++] = ':';
        k[n] = '\0';
        klen[c] = n;
    }
    /* each column's text in the row above and where its JSON was
     * written: a period's row repeats its indikator's or node's id and
     * name (the same string), copied rather than escaped again */
    const char *last[MAXCOLS] = {NULL};
    size_t at[MAXCOLS], len[MAXCOLS];
    for (size_t r = 0; r < t->rows.len; r++) {
        const Cell *row = t->rows.items[r];
        buf_puts(b, r ? ",\n    {" : "\n    {");
        for (int c = 0; c < ncols; c++) {
            /* the key copied whole (a constant size: no call), the
             * buffer's length then moved to its end */
            buf_reserve(b, KEYW);
            memcpy(b->data + b->len, keys[c], KEYW);
            b->len += klen[c];
            const Cell *cell = &row[c];
            if (cell->kind == CELL_UNDEF) {
                buf_puts(b, "null");
            } else if (cell->kind == CELL_SCALED) {
                buf_reserve(b, (size_t)cell->decimals + NUM_PLAIN_ROOM);
                b->len += num_plain_put(b->data + b->len, cell->scaled, cell->decimals);
            } else if (cell->plain) {
                buf_puts(b, cell->plain);
            } else if (cell->text == last[c]) {   /* copied from the buffer itself: reserved first */
                buf_reserve(b, len[c]);
                memcpy(b->data + b->len, b->data + at[c], len[c]);
                b->len += len[c];
                b->data[b->len] = '\0';
            } else {
                at[c] = b->len;
                json_put_string(b, cell->text);
                len[c] = b->len - at[c];
                last[c] = cell->text;
            }
        }
        buf_putc(b, '}');
    }
    buf_puts(b, t->rows.len ? "\n  ]" : "]");
}

void report_json_values(Buf *b, const Values *vs)
{
    buf_puts(b, "{");
    key_text(b, "nama", vs->nama, true);
    key(b, "tahun", false);
    buf_put_long(b, vs->tahun);
    key_text(b, "induk", vs->induk, false);

    key(b, "indikator", false);
    buf_putc(b, '[');
    for (size_t i = 0; i < vs->nind; i++) {
        const ValIndikator *ind = &vs->ind[i];
        buf_puts(b, i ? ",\n    {" : "\n    {");
        key_text(b, "id", ind->id, true);
        key_text(b, "sasaran", ind->sasaran, false);
        key_text(b, "nama", ind->name, false);
        key_text(b, "satuan", ind->satuan, false);
        key_value(b, "target", &ind->target);
        if (ind->target_hi.kind != V_UNDEF) key_value(b, "target_atas", &ind->target_hi);
        key_value(b, "realisasi", &ind->realisasi);
        key_value(b, "capaian", &ind->capaian);
        key_value(b, "predikat", &ind->predikat);
        key_value(b, "capaian_renstra", &ind->capaian_renstra);
        /* Tabel 3.3: realisasi of every year of the periode up to tahun */
        key(b, "realisasi_tahunan", false);
        buf_putc(b, '{');
        for (size_t y = 0; y < ind->ntahunan; y++) {
            /* the year as the key: "2024": */
            buf_puts(b, y ? ",\"" : "\"");
            buf_put_long(b, ind->tahunan_year[y]);
            buf_puts(b, "\":");
            put_value(b, &ind->tahunan[y]);
        }
        buf_putc(b, '}');
        /* Tabel 3.4: comparison values of the year */
        key(b, "pembanding", false);
        buf_putc(b, '[');
        for (size_t m = 0; m < ind->npembanding; m++) {
            const ValPembanding *pb = &ind->pembanding[m];
            buf_puts(b, m ? ",{" : "{");
            key_text(b, "label", pb->label, true);
            key(b, "nilai", false);
            num_format_plain(b, pb->nilai, JSON_DECIMALS);
            key(b, "selisih", false);
            if (pb->has_selisih) num_format_plain(b, pb->selisih, JSON_DECIMALS);
            else buf_puts(b, "null");
            buf_putc(b, '}');
        }
        buf_putc(b, ']');
        buf_putc(b, '}');
    }
    buf_puts(b, vs->nind ? "\n  ]" : "]");

    if (vs->nind_program) {
        /* the indikator of the budget tree (sakip(5), indikator) */
        key(b, "indikator_program", false);
        buf_putc(b, '[');
        for (size_t i = 0; i < vs->nind_program; i++) {
            const ValIndikator *ind = &vs->ind_program[i];
            buf_puts(b, i ? ",\n    {" : "\n    {");
            key_text(b, "id", ind->id, true);
            key_text(b, "tingkat", ind->tingkat, false);
            key_text(b, "induk", ind->sasaran, false);
            key(b, "keluaran", false);
            buf_puts(b, ind->keluaran ? "true" : "false");
            key_text(b, "nama", ind->name, false);
            key_text(b, "satuan", ind->satuan, false);
            key_value(b, "target", &ind->target);
            if (ind->target_hi.kind != V_UNDEF) key_value(b, "target_atas", &ind->target_hi);
            key_value(b, "realisasi", &ind->realisasi);
            key_value(b, "capaian", &ind->capaian);
            key_value(b, "predikat", &ind->predikat);
            buf_putc(b, '}');
        }
        buf_puts(b, "\n  ]");
    }

    key(b, "sasaran", false);
    buf_putc(b, '[');
    for (size_t i = 0; i < vs->nsasaran; i++) {
        const ValSasaran *s = &vs->sasaran[i];
        buf_puts(b, i ? ",\n    {" : "\n    {");
        key_text(b, "id", s->id, true);
        key_text(b, "nama", s->name, false);
        key_value(b, "capaian", &s->capaian);
        key_value(b, "predikat", &s->predikat);
        key_value(b, "serapan", &s->serapan);
        key_value(b, "efisiensi", &s->efisiensi);
        buf_putc(b, '}');
    }
    buf_puts(b, vs->nsasaran ? "\n  ]" : "]");

    key(b, "anggaran", false);
    buf_putc(b, '[');
    for (size_t i = 0; i < vs->nbudget; i++) budget_json(b, &vs->budget[i], i == 0);
    buf_puts(b, vs->nbudget ? "\n  ]" : "]");

    key(b, "periksa", false);
    buf_putc(b, '[');
    for (size_t i = 0; i < vs->nclaims; i++) {
        const ValClaim *c = &vs->claims[i];
        buf_puts(b, i ? ",\n    {" : "\n    {");
        key(b, "baris", true);
        buf_put_long(b, c->baris);
        key(b, "hasil", false);
        buf_puts(b, c->hasil == CLAIM_HOLDS ? "true" : c->hasil == CLAIM_FAILS ? "false" : "null");
        key(b, "klaim", false);
        json_put_stringn(b, c->klaim, c->klaim_len);
        key_value(b, "kiri", &c->kiri);
        key_value(b, "kanan", &c->kanan);
        key_text(b, "pesan", c->pesan, false);
        buf_putc(b, '}');
    }
    buf_puts(b, vs->nclaims ? "\n  ]" : "]");

    key(b, "perjanjian", false);
    buf_putc(b, '[');
    for (size_t i = 0; i < vs->nperjanjian; i++) {
        const ValPerjanjian *pk = &vs->perjanjian[i];
        buf_puts(b, i ? ",\n    {" : "\n    {");
        key_text(b, "id", pk->id, true);
        key_text(b, "nama", pk->name, false);
        key_text(b, "tanggal", pk->tanggal, false);
        key_text(b, "mengubah", pk->mengubah, false);
        key_text(b, "diubah_oleh", pk->diubah_oleh, false);
        for (int which = 0; which < 2; which++) {
            key(b, which ? "anggaran" : "target", false);
            buf_putc(b, '{');
            for (size_t k = 0; k < pk->npairs[which]; k++) {
                key_escaped(b, pk->pairs[which][k].name, k == 0);
                num_format_plain(b, pk->pairs[which][k].value, JSON_DECIMALS);
            }
            buf_putc(b, '}');
        }
        /* the upper bounds of range targets, as for indikator */
        bool first = true;
        for (size_t k = 0; k < pk->npairs[0]; k++) {
            const ValPair *vp = &pk->pairs[0][k];
            if (!vp->value_hi) continue;
            if (first) {
                key(b, "target_atas", false);
                buf_putc(b, '{');
            }
            key_escaped(b, vp->name, first);
            num_format_plain(b, vp->value_hi, JSON_DECIMALS);
            first = false;
        }
        if (!first) buf_putc(b, '}');
        buf_putc(b, '}');
    }
    buf_puts(b, vs->nperjanjian ? "\n  ]" : "]");
    if (vs->rencana_aksi) table_json(b, "rencana_aksi", vs->rencana_aksi);
    if (vs->serapan_periode) table_json(b, "serapan_periode", vs->serapan_periode);
    buf_putc(b, '}');
}

void report_json_unit(Buf *b, Eval *ev)
{
    Values *vs = report_values(ev);
    report_json_values(b, vs);
    values_free(vs);
}

void report_json_recap(Buf *b, Vec *rows)
{
    recap_sort(rows);
    buf_putc(b, '[');
    size_t rank = 0;
    for (size_t i = 0; i < rows->len; i++) {
        RecapRow *r = rows->items[i];
        /* rows come grouped by induk; the rank is within the induk */
        if (i == 0 || ((RecapRow *)rows->items[i - 1])->group != r->group) rank = 0;
        buf_puts(b, i ? ",\n    {" : "\n    {");
        key(b, "peringkat", true);
        buf_put_long(b, (long)++rank);
        key_text(b, "nama", r->nama, false);
        key_text(b, "induk", r->induk, false);
        key(b, "rata_capaian", false);
        if (r->has_mean) num_format_plain(b, r->mean, JSON_DECIMALS);
        else buf_puts(b, "null");
        key(b, "predikat", false);
        buf_putc(b, '{');
        for (size_t k = 0; k < r->band_labels.len; k++) {
            key_escaped(b, r->band_labels.items[k], k == 0);
            buf_put_long(b, (long)(size_t)r->band_counts.items[k]);
        }
        buf_putc(b, '}');
        key(b, "tak_terdefinisi", false);
        buf_put_long(b, (long)r->undefined);
        key(b, "anggaran", false);
        if (r->has_budget) num_format_plain(b, r->anggaran, JSON_DECIMALS); else buf_puts(b, "null");
        key(b, "realisasi", false);
        if (r->has_budget) num_format_plain(b, r->realisasi, JSON_DECIMALS); else buf_puts(b, "null");
        if (r->per) {   /* eval --per=P: behind plan as of P (sakip(5), PERIODS) */
            key(b, "di_belakang_rencana", false);
            buf_puts(b, r->behind && r->behind[0] ? "true" : "false");
            key_text(b, "sebab", r->behind && r->behind[0] ? r->behind : NULL, false);
        }
        key(b, "serapan", false);
        if (r->has_budget && mpq_sgn(r->anggaran)) {
            mpq_t s;
            mpq_init(s);
            num_percent(s, r->realisasi, r->anggaran);
            num_format_plain(b, s, JSON_DECIMALS);
            mpq_clear(s);
        } else {
            buf_puts(b, "null");
        }
        buf_putc(b, '}');
    }
    buf_puts(b, rows->len ? "\n  ]" : "]");
}

char *report_json_of_text(const char *name, const char *text, size_t len)
{
    DiagList dl;
    diag_list_init(&dl);
    Unit *u = load_text(name, text, len, &dl);
    Buf b;
    buf_init(&b);
    if (u && diag_count_fatal(&dl) == 0) {
        Eval ev;
        eval_init(&ev, u, &dl, 0);
        report_json_unit(&b, &ev);
        eval_free(&ev);
    }
    char *mem = NULL;
    size_t memn = 0;
    FILE *f = open_memstream(&mem, &memn);
    if (f) {
        diag_print_json(&dl, f);
        fclose(f);
        buf_puts(&b, mem ? mem : "");
    }
    free(mem);
    diag_list_free(&dl);
    unit_free(u);
    return buf_steal(&b);
}
