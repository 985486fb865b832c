/* report_json.c -- `eval --format=json` (LANGUAGE.md §5):
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

static const char *tingkat(const Entity *e)
{
    return ent_kind_name(e->kind);
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

static void budget_json(Eval *ev, Buf *b, Entity *n, bool *first)
{
    Value a, r, s;
    value_init(&a); value_init(&r); value_init(&s);
    eval_anggaran(ev, n, &a);
    eval_realisasi(ev, n, ev->tahun, &r);
    buf_puts(b, *first ? "\n    {" : ",\n    {");
    *first = false;
    key_text(b, "id", n->id, true);
    key_text(b, "tingkat", tingkat(n), false);
    key_text(b, "induk", n->parent ? n->parent->id : NULL, false);
    key_text(b, "nama", n->name, false);
    key_value(b, "anggaran", &a);
    key_value(b, "realisasi", &r);
    /* serapan = realisasi / anggaran x 100: for whole amounts written from
     * the two numbers, without the gcd that would put it in lowest terms
     * first (about 1.5 % of a national run); the same digits as
     * eval_serapan's value gives */
    uint64_t an, rn, r100;
    key(b, "serapan", false);
    if (!(whole_amount(&a, &an) && whole_amount(&r, &rn) && an > 0 && !__builtin_mul_overflow(rn, 100, &r100) &&
          num_format_ratio_plain(b, r100, an, JSON_DECIMALS))) {
        eval_serapan(ev, n, &s);
        put_value(b, &s);
    }
    buf_putc(b, '}');
    value_clear(&a); value_clear(&r); value_clear(&s);
    for (size_t i = 0; i < n->children.len; i++) budget_json(ev, b, n->children.items[i], first);
}

void report_json_unit(Buf *b, Eval *ev)
{
    Unit *u = ev->u;
    Value v, hi;
    value_init(&v);
    value_init(&hi);
    buf_puts(b, "{");
    key_text(b, "nama", u->nama, true);
    key(b, "tahun", false);
    buf_put_long(b, ev->tahun);
    key_text(b, "induk", u->induk, false);

    key(b, "indikator", false);
    buf_putc(b, '[');
    bool first = true;
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *s = u->sasaran.items[i];
        for (size_t k = 0; k < s->indikator.len; k++) {
            Entity *ind = s->indikator.items[k];
            buf_puts(b, first ? "\n    {" : ",\n    {");
            first = false;
            key_text(b, "id", ind->id, true);
            key_text(b, "sasaran", s->id, false);
            key_text(b, "nama", ind->name, false);
            key_text(b, "satuan", ind->satuan, false);
            eval_target(ev, ind, ev->tahun, &v, &hi);
            key_value(b, "target", &v);
            if (hi.kind != V_UNDEF) key_value(b, "target_atas", &hi);
            eval_realisasi(ev, ind, ev->tahun, &v);
            key_value(b, "realisasi", &v);
            eval_capaian(ev, ind, ev->tahun, &v);
            key_value(b, "capaian", &v);
            eval_predikat(ev, ind, ev->tahun, &v, NULL);
            key_value(b, "predikat", &v);
            eval_capaian_renstra(ev, ind, &v);
            key_value(b, "capaian_renstra", &v);
            /* Tabel 3.3: realisasi of every year of the periode up to tahun */
            key(b, "realisasi_tahunan", false);
            buf_putc(b, '{');
            bool yfirst = true;
            int from = u->has_periode ? u->periode_from : ev->tahun;
            for (int y = from; y <= ev->tahun && y - from < 50; y++) {
                if (!eval_has_realisasi(ev, ind, y)) continue;
                eval_realisasi(ev, ind, y, &v);
                if (v.kind == V_UNDEF) continue;
                /* the year as the key: "2024": */
                buf_puts(b, yfirst ? "\"" : ",\"");
                buf_put_long(b, y);
                buf_puts(b, "\":");
                yfirst = false;
                put_value(b, &v);
            }
            buf_putc(b, '}');
            /* Tabel 3.4: comparison values of the year */
            key(b, "pembanding", false);
            buf_putc(b, '[');
            bool pfirst = true;
            for (size_t m = 0; m < ind->pembanding.len; m++) {
                Pembanding *pb = ind->pembanding.items[m];
                for (size_t q = 0; q < pb->values.len; q++) {
                    YearVal *yv = pb->values.items[q];
                    int year = yv->has_year ? yv->year : u->tahun;
                    if (year != ev->tahun || yv->lo->kind != EX_NUM) continue;
                    buf_puts(b, pfirst ? "{" : ",{");
                    pfirst = false;
                    key_text(b, "label", pb->label, true);
                    key(b, "nilai", false);
                    num_format_plain(b, yv->lo->u.num.q, JSON_DECIMALS);
                    eval_realisasi(ev, ind, year, &v);
                    key(b, "selisih", false);
                    if (v.kind == V_NUM) {
                        mpq_t d;
                        mpq_init(d);
                        num_sub(d, v.q, yv->lo->u.num.q);
                        num_format_plain(b, d, JSON_DECIMALS);
                        mpq_clear(d);
                    } else {
                        buf_puts(b, "null");
                    }
                    buf_putc(b, '}');
                }
            }
            buf_putc(b, ']');
            buf_putc(b, '}');
        }
    }
    buf_puts(b, first ? "]" : "\n  ]");

    key(b, "sasaran", false);
    buf_putc(b, '[');
    for (size_t i = 0; i < u->sasaran.len; i++) {
        Entity *s = u->sasaran.items[i];
        buf_puts(b, i ? ",\n    {" : "\n    {");
        key_text(b, "id", s->id, true);
        key_text(b, "nama", s->name, false);
        eval_capaian(ev, s, ev->tahun, &v);
        key_value(b, "capaian", &v);
        eval_predikat(ev, s, ev->tahun, &v, NULL);
        key_value(b, "predikat", &v);
        eval_serapan(ev, s, &v);
        key_value(b, "serapan", &v);
        eval_efisiensi(ev, s, &v);
        key_value(b, "efisiensi", &v);
        buf_putc(b, '}');
    }
    buf_puts(b, u->sasaran.len ? "\n  ]" : "]");

    key(b, "anggaran", false);
    buf_putc(b, '[');
    first = true;
    for (size_t i = 0; i < u->programs.len; i++) budget_json(ev, b, u->programs.items[i], &first);
    buf_puts(b, first ? "]" : "\n  ]");

    key(b, "periksa", false);
    buf_putc(b, '[');
    Value l, r;
    value_init(&l);
    value_init(&r);
    for (size_t i = 0; i < u->periksa.len; i++) {
        Periksa *p = u->periksa.items[i];
        ClaimResult cr = eval_periksa(ev, p, &l, &r);
        buf_puts(b, i ? ",\n    {" : "\n    {");
        key(b, "baris", true);
        buf_put_long(b, locfile_line_of(p->span.file, p->span.start));
        key(b, "hasil", false);
        buf_puts(b, cr == CLAIM_HOLDS ? "true" : cr == CLAIM_FAILS ? "false" : "null");
        size_t klaim_n;
        const char *klaim = span_plain(p->expr->span, &klaim_n);   /* most claims: no copy */
        key(b, "klaim", false);
        if (klaim) json_put_stringn(b, klaim, klaim_n);
        else json_put_string(b, span_text(u, p->expr->span));
        key_value(b, "kiri", &l);
        key_value(b, "kanan", &r);
        key_text(b, "pesan", p->pesan, false);
        buf_putc(b, '}');
    }
    buf_puts(b, u->periksa.len ? "\n  ]" : "]");

    key(b, "perjanjian", false);
    buf_putc(b, '[');
    for (size_t i = 0; i < u->perjanjian.len; i++) {
        Entity *pk = u->perjanjian.items[i];
        buf_puts(b, i ? ",\n    {" : "\n    {");
        key_text(b, "id", pk->id, true);
        key_text(b, "nama", pk->name, false);
        key_text(b, "tanggal", pk->tanggal, false);
        key_text(b, "mengubah", pk->mengubah && pk->mengubah->ent ? pk->mengubah->ent->id : NULL, false);
        key_text(b, "diubah_oleh", pk->diubah_oleh ? pk->diubah_oleh->id : NULL, false);
        for (int which = 0; which < 2; which++) {
            Vec *pairs = which ? &pk->pk_anggaran : &pk->pk_target;
            key(b, which ? "anggaran" : "target", false);
            buf_putc(b, '{');
            bool f2 = true;
            for (size_t k = 0; k < pairs->len; k++) {
                PkPair *pp = pairs->items[k];
                if (pp->value->lo->kind != EX_NUM && pp->value->lo->kind != EX_MONEY) continue;
                key_escaped(b, pp->ref.name, f2);
                f2 = false;
                num_format_plain(b, pp->value->lo->u.num.q, JSON_DECIMALS);
            }
            buf_putc(b, '}');
        }
        buf_putc(b, '}');
    }
    buf_puts(b, u->perjanjian.len ? "\n  ]" : "]");
    buf_putc(b, '}');
    value_clear(&l); value_clear(&r);
    value_clear(&v); value_clear(&hi);
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
