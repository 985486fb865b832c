/* parse.c -- drives the scanner and parser over a file or a REPL input,
 * and builds the tree for the grammar's actions (pbuild.h).  Only syntax
 * is judged here; meaning is check.c's. */
#include <config.h>
#include "parse.h"
#include "i18n.h"
#include "pbuild.h"
#include "names.h"
#include "num.h"
#include "parser.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---- scanner entry points (grammar/lexer.l, prefix sakip_yy) ---- */

typedef struct yy_buffer_state *YY_BUFFER_STATE;
int sakip_yylex_init_extra(ParseCtx *extra, yyscan_t *scanner);
YY_BUFFER_STATE sakip_yy_scan_bytes(const char *bytes, int len, yyscan_t scanner);
void sakip_yy_delete_buffer(YY_BUFFER_STATE b, yyscan_t scanner);
int sakip_yylex_destroy(yyscan_t scanner);
ParseCtx *sakip_yyget_extra(yyscan_t scanner);

int yylex(YYSTYPE *lval, YYLTYPE *lloc, yyscan_t scanner)
{
    ParseCtx *ctx = sakip_yyget_extra(scanner);
    int t = parse_next_token(lval, lloc, scanner);
    ctx->prev_token = ctx->last_token;
    ctx->last_token = t;
    ctx->prev_loc = ctx->last_loc;
    ctx->last_loc = *lloc;
    return t;
}

/* ---- the keyword table (src/keywords.def) ---- */

const char *const sakip_keywords[] = {
#define KW(tok, word, class, flags) word,
#include "keywords.def"
#undef KW
    NULL};

const int sakip_keyword_tokens[] = {
#define KW(tok, word, class, flags) tok,
#include "keywords.def"
#undef KW
};

const unsigned char sakip_keyword_flags[] = {
#define KW(tok, word, class, flags) flags,
#include "keywords.def"
#undef KW
};

unsigned keyword_flags(const char *word, size_t n)
{
    for (size_t k = 0; sakip_keywords[k]; k++)
        if (strncmp(sakip_keywords[k], word, n) == 0 && sakip_keywords[k][n] == '\0') return sakip_keyword_flags[k];
    return 0;
}

const char *closest_keyword(const char *word) { return closest_word(word, sakip_keywords); }

Diag *parse_error(ParseCtx *ctx, const char *code, Span span, const char *fmt, ...)
{
    if (ctx->nerrors >= MAX_ERRORS) return NULL;
    ctx->nerrors++;
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    Diag *d = diag_add(ctx->diags, DIAG_ERROR, code, span, "%s", msg);
    free(msg);
    if (ctx->nerrors == MAX_ERRORS) {
        diag_add(ctx->diags, DIAG_NOTE, "E0199", span,
                 _("%d errors in this file; the rest of it is not read"), MAX_ERRORS);
        ctx->stop = true;
    }
    return d;
}

void check_utf8(ParseCtx *ctx)
{
    const unsigned char *t = (const unsigned char *)ctx->lf->text;
    size_t n = ctx->lf->len;
    /* Pass over plain ASCII sixteen bytes at a time (SSE2, else two
     * words); look closer only at bytes with the high bit set or zero. */
    enum { MAX_SHOWN = 8 };
    size_t bad_at[MAX_SHOWN + 1], bad_end[MAX_SHOWN + 1], nbad = 0;
    bool nul = false;
    size_t first_nul = 0;
    size_t i = 0;
#if !defined(__SSE2__)
    const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
#endif
    while (i < n) {
        /* no byte >= 0x80 and no zero byte in the next 16 */
#if defined(__SSE2__)
        if (i + 16 <= n) {
            __m128i v = _mm_loadu_si128((const __m128i *)(t + i));
            if (!_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, _mm_setzero_si128())))) {
                i += 16;
                continue;
            }
        }
#else
        if (i + 16 <= n) {
            uint64_t w, x;
            memcpy(&w, t + i, 8);
            memcpy(&x, t + i + 8, 8);
            if (!((w | x | ((w - ones) & ~w) | ((x - ones) & ~x)) & high)) {
                i += 16;
                continue;
            }
        }
#endif
        if (t[i] == 0) {
            if (!nul) first_nul = i;
            nul = true;
            i++;
            continue;
        }
        if (t[i] < 0x80) {
            i++;
            continue;
        }
        int len = utf8_seq_len(t + i, n - i);
        if (len) {
            i += (size_t)len;
            continue;
        }
        size_t j = i + 1;
        while (j < n && t[j] >= 0x80 && utf8_seq_len(t + j, n - j) == 0) j++;
        if (nbad <= MAX_SHOWN) {
            bad_at[nbad] = i;
            bad_end[nbad] = j;
        }
        nbad++;
        i = j;
    }
    /* A file with NUL bytes or many invalid sequences is not a .sakip
     * file: one error says so instead of a flood. */
    if (nul || nbad > MAX_SHOWN) {
        size_t at = nul && (!nbad || first_nul < bad_at[0]) ? first_nul : bad_at[0];
        Span s = {ctx->lf, (uint32_t)at, (uint32_t)at + 1};
        Diag *d = parse_error(ctx, "E0100", s, _("this is not a UTF-8 text file (%s byte 0x%02X here); it is not read"),
                              t[at] == 0 ? "NUL" : _("invalid"), t[at]);
        if (d) diag_hint(d, _("a .sakip file is plain text; save it as UTF-8 text, not as a document or spreadsheet"));
        ctx->stop = true;
        return;
    }
    for (size_t k = 0; k < nbad; k++) {
        Span s = {ctx->lf, (uint32_t)bad_at[k], (uint32_t)bad_end[k]};
        Diag *d = parse_error(ctx, "E0100", s, _("invalid UTF-8 (byte 0x%02X)"), t[bad_at[k]]);
        if (d) diag_hint(d, _("save the file as UTF-8 (it may be Windows-1252 or Latin-1)"));
        if (ctx->stop) return;
    }
}

int scanner_open(ParseCtx *ctx, yyscan_t *sc)
{
    if (sakip_yylex_init_extra(ctx, sc) != 0) return -1;
    sakip_yy_scan_bytes(ctx->lf->text, (int)ctx->lf->len, *sc);
    return 0;
}

void scanner_close(yyscan_t sc)
{
    /* yylex_destroy frees the current buffer too */
    sakip_yylex_destroy(sc);
}


static void run_parser(ParseCtx *ctx)
{
    check_utf8(ctx);
    yyscan_t sc;
    if (scanner_open(ctx, &sc) != 0) return;
    yyparse(sc, ctx);
    scanner_close(sc);
}

void parse_ctx_init(ParseCtx *ctx, Unit *u, LocFile *lf, DiagList *dl, ParseMode mode)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->unit = u;
    ctx->lf = lf;
    ctx->diags = dl;
    ctx->mode = mode;
}

void parse_more(Unit *u, LocFile *lf, DiagList *dl)
{
    ParseCtx ctx;
    parse_ctx_init(&ctx, u, lf, dl, PARSE_FILE);
    run_parser(&ctx);
}

Unit *parse_unit(LocFile *lf, DiagList *dl)
{
    Unit *u = unit_new(lf);
    ParseCtx ctx;
    parse_ctx_init(&ctx, u, lf, dl, PARSE_FILE);
    run_parser(&ctx);
    u->truncated = ctx.stop;
    return u;
}

bool parse_repl(Unit *u, LocFile *lf, DiagList *dl, ReplItem *out)
{
    ParseCtx ctx;
    parse_ctx_init(&ctx, u, lf, dl, PARSE_REPL);
    memset(out, 0, sizeof *out);
    ctx.repl = out;
    size_t before = dl->nerrors;
    run_parser(&ctx);
    return dl->nerrors == before;
}

/* ---- tree building ---- */

static Arena *A(ParseCtx *ctx) { return &ctx->unit->arena; }
static Entity *cur(ParseCtx *ctx) { return ctx->sp > 0 ? ctx->stack[ctx->sp - 1] : NULL; }

/* The declaration being read when it is of kind k, else NULL.  The
 * grammar lets an item stand only in its own kind's block, but after a
 * syntax error the innermost open declaration may be another one (a
 * block the parser gave up on is never closed): the item is then
 * dropped rather than written into another kind's part. */
static Entity *cur_of(ParseCtx *ctx, EntKind k)
{
    Entity *e = cur(ctx);
    return e && e->kind == k ? e : NULL;
}

static Entity *cur_budget(ParseCtx *ctx)
{
    Entity *e = cur(ctx);
    return e && ent_is_budget(e) ? e : NULL;
}

void pb_reset(ParseCtx *ctx)
{
    ctx->sp = 0;
    ctx->keluaran = NULL;
    ctx->data = NULL;
}

void pb_version(ParseCtx *ctx, Expr *n, Span s)
{
    /* version 2 (sakip(5)) keeps version 1's files; both are understood */
    if (mpz_cmp_ui(mpq_denref(n->u.num.q), 1) != 0 ||
        (mpz_cmp_ui(mpq_numref(n->u.num.q), 1) != 0 && mpz_cmp_ui(mpq_numref(n->u.num.q), 2) != 0)) {
        Diag *d = parse_error(ctx, "E0202", s, _("this sakip understands language versions 1 and 2"));
        if (d) diag_hint(d, _("write 'sakip 2' or leave the line out"));
    }
}

void pb_impor(ParseCtx *ctx, const char *path, Span s)
{
    Impor *im = arena_alloc(A(ctx), sizeof *im);
    im->path = path;
    im->span = s;
    apush(ctx->unit, &ctx->unit->impor, im);
}

void pb_atur(ParseCtx *ctx, const char *name, Span name_span, Expr *value, Span s)
{
    Atur *a = arena_alloc(A(ctx), sizeof *a);
    a->name = name;
    a->name_span = name_span;
    a->value = value;
    a->span = s;
    apush(ctx->unit, &ctx->unit->atur, a);
}

void pb_aturan(ParseCtx *ctx, const char *id, Span id_span, Vec *params, bool parens, Expr *body, Span s)
{
    Entity *e = pb_begin(ctx, ENT_ATURAN, id, id_span, NULL, s);
    AturanDecl *r = ent_aturan(e);
    if (params) r->params = *params;
    r->has_parens = parens;
    r->body = body;
    pb_end(ctx, e, s);
}

void pb_periksa(ParseCtx *ctx, Expr *e, const char *pesan, Span s)
{
    Periksa *p = arena_alloc(A(ctx), sizeof *p);
    p->expr = e;
    p->pesan = pesan;
    p->span = s;
    apush(ctx->unit, &ctx->unit->periksa, p);
}

void pb_instansi(ParseCtx *ctx, const char *name, Span s)
{
    Unit *u = ctx->unit;
    if (u->ninstansi++ == 0) {
        u->nama = name;
        u->instansi_span = s;
    } else if (u->ninstansi == 2) {
        u->second_instansi_span = s;
    }
}

void pb_instansi_end(ParseCtx *ctx, Span whole)
{
    if (ctx->unit->ninstansi == 1) ctx->unit->instansi_block = whole;
}

void pb_misplaced(ParseCtx *ctx, Entity *e, const char *where)
{
    Diag *d = parse_error(ctx, "E0206", e->id_span, _("a %s must stand inside a %s"), ent_kind_name(e->kind), where);
    if (d) diag_hint(d, _("the budget tree is program > kegiatan > subkegiatan"));
}

void pb_tahun(ParseCtx *ctx, int year, Span s)
{
    if (!year) return;
    ctx->unit->tahun = year;
    ctx->unit->has_tahun = true;
    ctx->unit->tahun_span = s;
}

void pb_periode(ParseCtx *ctx, int from, int to, Span s)
{
    if (!from || !to) return;
    if (to < from) {
        Diag *d = parse_error(ctx, "E0203", s, _("periode %d..%d ends before it starts"), from, to);
        if (d) diag_hint(d, _("write the first year first, as in 'periode 2021..2026'"));
        return;
    }
    ctx->unit->periode_from = from;
    ctx->unit->periode_to = to;
    ctx->unit->has_periode = true;
    ctx->unit->periode_span = s;
}

int pb_year(ParseCtx *ctx, Expr *n)
{
    mpq_srcptr q = n->u.num.q;
    if (n->kind != EX_NUM || n->u.num.percent || mpz_cmp_ui(mpq_denref(q), 1) != 0 ||
        mpz_cmp_ui(mpq_numref(q), 1900) < 0 || mpz_cmp_ui(mpq_numref(q), 2999) > 0) {
        parse_error(ctx, "E0203", n->span, _("expected a year like 2024, not '%s'"), span_text(ctx->unit, n->span));
        return 0;
    }
    int year = (int)mpz_get_ui(mpq_numref(q));
    /* nothing keeps the number: a year written on every target and
     * realisasi line took a tenth of a large file's tree */
    if (mpq_numref(q)->_mp_alloc == 0) arena_give_back(&ctx->unit->arena, n, sizeof *n);
    return year;
}

Entity *pb_begin(ParseCtx *ctx, EntKind k, const char *id, Span id_span, const char *name, Span kw)
{
    Unit *u = ctx->unit;
    Entity *e = entity_new(u, k, id ? id : "", id ? id_span : kw);
    e->name = name;
    e->span = span_join(kw, id_span);
    e->parent = cur(ctx);
    apush(u, &u->entities, e);
    Vec *list = unit_kind_list(u, k);
    e->index = (uint32_t)list->len;
    apush(u, list, e);
    if (k == ENT_PROGRAM) apush(u, &u->programs, e);
    if (e->parent) {
        if (k == ENT_INDIKATOR) apush(u, &e->parent->indikator, e);
        else if (ent_is_budget(e) && ent_is_budget(e->parent)) apush(u, &ent_budget(e->parent)->children, e);
    }
    if (id && unit_define_name(u, e, name_of(id))) apush(u, &u->duplicates, e);   /* id: a "name" token's */
    if (ctx->sp < MAX_NESTING) ctx->stack[ctx->sp++] = e;
    return e;
}

void pb_end(ParseCtx *ctx, Entity *e, Span whole)
{
    e->span = whole;
    for (int i = ctx->sp - 1; i >= 0; i--) {
        if (ctx->stack[i] == e) {
            ctx->sp = i;
            break;
        }
    }
}

void pb_band(ParseCtx *ctx, const char *label, Expr *lo, int lo_op, int hi_op, Expr *hi, Span s)
{
    Entity *sk = cur_of(ctx, ENT_SKALA);
    if (!sk) return;
    Band *b = arena_alloc(A(ctx), sizeof *b);
    b->label = label;
    b->span = s;
    /* Normalise every form to lo (<|<=) nilai (<|<=) hi. */
    if (lo && hi) {
        bool up1 = lo_op == '<' || lo_op == 'l', up2 = hi_op == '<' || hi_op == 'l';
        if (up1 != up2) {
            Diag *d = parse_error(ctx, "E0204", s, _("band '%s' mixes '<' and '>' around 'nilai'"), label);
            if (d) diag_hint(d, _("write it as 'LOW <= nilai < HIGH'"));
            return;
        }
        if (up1) {
            b->lo = lo; b->lo_incl = lo_op == 'l';
            b->hi = hi; b->hi_incl = hi_op == 'l';
        } else {
            b->hi = lo; b->hi_incl = lo_op == 'g';
            b->lo = hi; b->lo_incl = hi_op == 'g';
        }
    } else if (hi) {            /* nilai OP hi */
        if (hi_op == '<' || hi_op == 'l') { b->hi = hi; b->hi_incl = hi_op == 'l'; }
        else { b->lo = hi; b->lo_incl = hi_op == 'g'; }
    } else if (lo) {            /* lo OP nilai */
        if (lo_op == '<' || lo_op == 'l') { b->lo = lo; b->lo_incl = lo_op == 'l'; }
        else { b->hi = lo; b->hi_incl = lo_op == 'g'; }
    }
    apush(ctx->unit, &ent_skala(sk)->bands, b);
}

Expr *pb_percent(ParseCtx *ctx, Expr *n, Span s)
{
    (void)ctx;
    n->u.num.percent = true;
    n->span = s;
    return n;
}

Expr *pb_negate_literal(ParseCtx *ctx, Expr *n, Span s)
{
    (void)ctx;
    mpq_neg(n->u.num.q, n->u.num.q);
    n->span = s;
    return n;
}

void pb_misi(ParseCtx *ctx, const char *text)
{
    Entity *e = cur_of(ctx, ENT_TUJUAN);
    if (e) apush(ctx->unit, &ent_tujuan(e)->misi, (void *)text);
}

void pb_sasaran_tujuan(ParseCtx *ctx, const char *id, Span s)
{
    Entity *e = cur_of(ctx, ENT_SASARAN);
    if (!e) return;
    ent_sasaran(e)->tujuan = pb_name(ctx, id, s);
}

void pb_penjelasan(ParseCtx *ctx, const char *text)
{
    Entity *e = cur(ctx);
    if (e) e->penjelasan = text;
}

void pb_satuan(ParseCtx *ctx, const char *text, Span s)
{
    (void)s;
    if (ctx->keluaran) {
        ctx->keluaran->satuan = text;
        return;
    }
    Entity *e = cur_of(ctx, ENT_INDIKATOR);
    if (e) ent_indikator(e)->satuan = text;
}

void pb_polaritas(ParseCtx *ctx, Polaritas p, Span s)
{
    Entity *e = cur_of(ctx, ENT_INDIKATOR);
    if (!e) return;
    ent_indikator(e)->polaritas = p;
    ent_indikator(e)->polaritas_span = s;
}

void pb_values(ParseCtx *ctx, char which, Vec *values)
{
    Vec *dst;
    if (ctx->keluaran) {
        dst = which == 't' ? &ctx->keluaran->target : &ctx->keluaran->realisasi;
    } else {
        Entity *e = cur_of(ctx, ENT_INDIKATOR);
        if (!e) return;
        dst = which == 't' ? &ent_indikator(e)->target : &ent_indikator(e)->realisasi;
    }
    if (!dst->len) {
        *dst = *values;   /* the list's own array (nothing else holds the list) */
        return;
    }
    for (size_t i = 0; i < values->len; i++) apush(ctx->unit, dst, values->items[i]);
}

void pb_rumus_capaian(ParseCtx *ctx, Expr *e, Span s)
{
    Entity *ind = cur_of(ctx, ENT_INDIKATOR);
    if (!ind) return;
    ent_indikator(ind)->rumus_capaian = e;
    ent_indikator(ind)->rumus_capaian_span = s;
}

void pb_batas(ParseCtx *ctx, Expr *lo, Expr *hi, Span s)
{
    Entity *ind = cur_of(ctx, ENT_INDIKATOR);
    if (!ind) return;
    IndikatorDecl *ik = ent_indikator(ind);
    ik->has_batas = true;
    ik->batas_lo = lo;
    ik->batas_hi = hi;
    ik->batas_span = s;
}

void pb_bobot(ParseCtx *ctx, Expr *n, Span s)
{
    Entity *ind = cur_of(ctx, ENT_INDIKATOR);
    if (!ind) return;
    ent_indikator(ind)->bobot = n;
    ent_indikator(ind)->bobot_span = s;
}

void pb_rumus(ParseCtx *ctx, Expr *e, Span s)
{
    Entity *ind = cur_of(ctx, ENT_INDIKATOR);
    if (!ind) return;
    ent_indikator(ind)->rumus = e;
    ent_indikator(ind)->rumus_span = s;
}

void pb_data_begin(ParseCtx *ctx, int year, Span s)
{
    Entity *e = cur_of(ctx, ENT_INDIKATOR);
    DataYear *d = arena_alloc(A(ctx), sizeof *d);
    d->year = year;
    d->span = s;
    if (e) apush(ctx->unit, &ent_indikator(e)->data, d);
    ctx->data = d;
}

void pb_data_pair(ParseCtx *ctx, const char *name, Span s, Expr *value)
{
    if (!ctx->data) return;
    DataPair *p = arena_alloc(A(ctx), sizeof *p);
    p->name = name;
    p->span = s;
    p->value = value;
    apush(ctx->unit, &ctx->data->pairs, p);
}

void pb_tanggal(ParseCtx *ctx, const char *text, Span s)
{
    Entity *e = cur_of(ctx, ENT_PERJANJIAN);
    if (!e) return;
    ent_perjanjian(e)->tanggal = text;
    ent_perjanjian(e)->tanggal_span = s;
}

void pb_mengubah(ParseCtx *ctx, const char *id, Span s)
{
    Entity *e = cur_of(ctx, ENT_PERJANJIAN);
    if (!e) return;
    ent_perjanjian(e)->mengubah = pb_name(ctx, id, s);
}

void pb_pk_pair(ParseCtx *ctx, char which, const char *id, Span s, YearVal *v)
{
    Entity *e = cur_of(ctx, ENT_PERJANJIAN);
    if (!e) return;
    PkPair *p = arena_alloc(A(ctx), sizeof *p);
    p->ref.name = id;
    p->ref.span = s;
    p->value = v;
    PerjanjianDecl *pk = ent_perjanjian(e);
    apush(ctx->unit, which == 't' ? &pk->pk_target : &pk->pk_anggaran, p);
}

void pb_pembanding(ParseCtx *ctx, const char *label, Span s, Vec *values)
{
    Entity *e = cur_of(ctx, ENT_INDIKATOR);
    if (!e) return;
    Pembanding *p = arena_alloc(A(ctx), sizeof *p);
    p->label = label;
    p->span = s;
    for (size_t i = 0; i < values->len; i++) apush(ctx->unit, &p->values, values->items[i]);
    apush(ctx->unit, &ent_indikator(e)->pembanding, p);
}

void pb_unsur(ParseCtx *ctx, const char *name, Span s)
{
    Entity *e = cur_of(ctx, ENT_SURVEI);
    if (!e) return;
    apush(ctx->unit, &ent_survei(e)->unsur, pb_name(ctx, name, s));
}

void pb_berkas(ParseCtx *ctx, const char *path, Span s)
{
    Entity *e = cur_of(ctx, ENT_SURVEI);
    if (!e) return;
    ent_survei(e)->berkas = path;
    ent_survei(e)->berkas_span = s;
}

void pb_answer_row(ParseCtx *ctx, Vec *vals, Span s)
{
    Entity *e = cur_of(ctx, ENT_SURVEI);
    if (!e) return;
    AnswerRow *r = arena_alloc(A(ctx), sizeof *r);
    r->span = s;
    r->vals = *vals;
    apush(ctx->unit, &ent_survei(e)->rows, r);
}

void pb_komponen(ParseCtx *ctx, const char *name, Span name_span, Expr *bobot, Expr *nilai, Span s)
{
    Entity *e = cur_of(ctx, ENT_PENILAIAN);
    Komponen *k = arena_alloc(A(ctx), sizeof *k);
    k->name = name;
    k->name_span = name_span;
    k->span = s;
    k->bobot = bobot;
    k->nilai = nilai;
    k->subs.span = s;
    if (e) apush(ctx->unit, &ent_penilaian(e)->komponen, k);
    ctx->data = &k->subs;
}

void pb_komponen_end(ParseCtx *ctx) { ctx->data = NULL; }

void pb_texts(ParseCtx *ctx, char which, Vec *texts)
{
    Entity *e = cur_of(ctx, which == 'h' ? ENT_PERJANJIAN : ENT_INDIKATOR);
    if (!e) return;
    Vec *dst = which == 'p'   ? &ent_indikator(e)->penanggung_jawab
               : which == 'h' ? &ent_perjanjian(e)->pihak
                              : &ent_indikator(e)->sumber;
    for (size_t i = 0; i < texts->len; i++) apush(ctx->unit, dst, texts->items[i]);
}

Vec *pb_list(ParseCtx *ctx, Vec *list, void *item)
{
    if (!list) list = arena_alloc(A(ctx), sizeof *list);
    apush(ctx->unit, list, item);
    return list;
}

YearVal *pb_with_year(ParseCtx *ctx, YearVal *v, int year, Span s)
{
    (void)ctx;
    v->has_year = year != 0;
    v->year = year;
    v->span = s;
    return v;
}

YearVal *pb_value(ParseCtx *ctx, Expr *lo, Expr *hi, Span s)
{
    YearVal *v = arena_alloc(A(ctx), sizeof *v);
    v->lo = lo;
    v->hi = hi;
    v->span = s;
    return v;
}

/* `80% - 90%` where a value is expected: a range as reports write it. */
YearVal *pb_value_dash(ParseCtx *ctx, Expr *lo, Expr *hi, Span dash, Span s)
{
    const char *l = span_text(ctx->unit, lo->span), *h = span_text(ctx->unit, hi->span);
    Diag *d = parse_error(ctx, "E0216", dash, _("'%s - %s' is a subtraction, not a value; a range is written with '..'"), l, h);
    if (d) diag_hint(d, _("write '%s..%s'"), l, h);
    return pb_value(ctx, lo, hi, s);
}

Expr *pb_string(ParseCtx *ctx, const char *text, Span s)
{
    Expr *e = expr_new(ctx->unit, EX_STR, s);
    e->u.str = text;
    return e;
}

void pb_mendukung(ParseCtx *ctx, const char *id, Span s)
{
    Entity *e = cur_budget(ctx);
    if (!e) return;
    apush(ctx->unit, &ent_budget(e)->mendukung, pb_name(ctx, id, s));
}

void pb_money(ParseCtx *ctx, char which, Expr *amount, Span s)
{
    (void)s;
    Entity *e = cur_budget(ctx);
    if (!e) return;
    if (which == 'a') ent_budget(e)->anggaran = amount;
    else ent_budget(e)->realisasi_uang = amount;
}

void pb_kode(ParseCtx *ctx, const char *text, Span s)
{
    Entity *e = cur_budget(ctx);
    if (!e) return;
    BudgetDecl *bd = ent_budget(e);
    if (bd->nkode++ == 0) {
        bd->kode = text;
        bd->kode_span = s;
    } else {   /* the first one stands; check_budget_node reports this one */
        Span *extra = arena_alloc(A(ctx), sizeof *extra);
        *extra = s;
        bd->kode_again = extra;
    }
}

void pb_tabel(ParseCtx *ctx, const char *id, Span id_span, const char *title, Span title_span, Span s)
{
    Tabel *t = arena_alloc(A(ctx), sizeof *t);
    t->id = id;
    t->id_span = id_span;
    t->title = title;
    t->title_span = title_span;
    t->span = s;
    apush(ctx->unit, &ctx->unit->tabel, t);
}

void pb_keluaran_begin(ParseCtx *ctx, const char *name, Span s)
{
    Entity *e = cur_budget(ctx);
    Keluaran *k = arena_alloc(A(ctx), sizeof *k);
    k->name = name;
    k->span = s;
    if (e) apush(ctx->unit, &ent_budget(e)->keluaran, k);
    ctx->keluaran = k;
}

Entity *pb_keluaran_named(ParseCtx *ctx, const char *id, Span id_span, const char *name, Span kw)
{
    Entity *node = cur_budget(ctx);
    Entity *e = pb_begin(ctx, ENT_INDIKATOR, id, id_span, name, kw);
    IndikatorDecl *ik = ent_indikator(e);
    ik->keluaran = true;
    ik->polaritas = POL_POSITIF;   /* unless it states one */
    if (node) {
        Keluaran *k = arena_alloc(A(ctx), sizeof *k);
        k->name = name;
        k->span = span_join(kw, id_span);
        k->ent = e;
        apush(ctx->unit, &ent_budget(node)->keluaran, k);
    }
    return e;
}

void pb_keluaran_end(ParseCtx *ctx, Span s)
{
    if (ctx->keluaran) ctx->keluaran->span = s;
    ctx->keluaran = NULL;
}

void pb_andai(ParseCtx *ctx, int kind, const char *id, Span id_span, int year,
              const char *data_name, Span data_span, YearVal *value, Span s)
{
    Andai *a = arena_alloc(A(ctx), sizeof *a);
    a->kind = (AndaiKind)kind;
    a->target.name = id;
    a->target.span = id_span;
    a->has_year = year != 0;
    a->year = year;
    a->data_name = data_name;
    a->data_span = data_span;
    a->value = value;
    a->span = s;
    apush(ctx->unit, &ctx->unit->andai, a);
    if (ctx->repl) {
        ctx->repl->kind = REPL_ANDAI;
        ctx->repl->andai = a;
        ctx->repl->span = s;
    }
}

PeriodVal *pb_period_val(ParseCtx *ctx, const char *name, Span name_span, Expr *value, Span s)
{
    PeriodVal *pv = arena_alloc(A(ctx), sizeof *pv);
    memset(pv, 0, sizeof *pv);
    pv->name = name;
    pv->code = period_code(name);
    pv->name_span = name_span;
    pv->span = s;
    pv->value = value;
    return pv;
}

void pb_period_block(ParseCtx *ctx, char which, int year, Span year_span, Vec *vals, Span s)
{
    Entity *e = cur(ctx);
    Vec *dst;
    if (!e || ctx->keluaran) return;
    if (e->kind == ENT_INDIKATOR && which != 'p')
        dst = which == 't' ? &ent_indikator(e)->ptarget : &ent_indikator(e)->prealisasi;
    else if (ent_is_budget(e) && which != 't')
        dst = which == 'r' ? &ent_budget(e)->prealisasi : &ent_budget(e)->prencana;
    else
        return;
    PeriodBlock *pb = arena_alloc(A(ctx), sizeof *pb);
    memset(pb, 0, sizeof *pb);
    pb->year = year;
    pb->year_span = year_span;
    pb->span = s;
    if (vals)
        for (size_t i = 0; i < vals->len; i++) apush(ctx->unit, &pb->vals, vals->items[i]);
    apush(ctx->unit, dst, pb);
}

void pb_agregasi(ParseCtx *ctx, const char *word, Span s)
{
    Entity *e = cur_of(ctx, ENT_INDIKATOR);
    if (!e) return;
    IndikatorDecl *ik = ent_indikator(e);
    ik->agregasi = AG_UNKNOWN;
    for (int i = AG_JUMLAH; i <= AG_MINIMUM; i++)
        if (!strcmp(agregasi_names[i], word)) ik->agregasi = (Agregasi)i;
    ik->agregasi_word = word;
    ik->agregasi_span = s;
}

void pb_andai_period(ParseCtx *ctx)
{
    Vec *v = &ctx->unit->andai;
    if (!v->len) return;
    Andai *a = v->items[v->len - 1];
    int code = period_code(a->data_name);
    a->period = code ? code : -1;
}

void pb_repl_expr(ParseCtx *ctx, ReplKind kind, Expr *e, Span s)
{
    if (!ctx->repl) {
        if (kind == REPL_ANDAI_LIST)
            parse_error(ctx, "E0205", s, _("'andai' needs a change here, as in 'andai realisasi IKM 2024 = 70'"));
        return;
    }
    ctx->repl->kind = kind;
    ctx->repl->expr = e;
    ctx->repl->span = s;
}

static Expr *deepen(ParseCtx *ctx, Expr *e, int child_depth)
{
    e->depth = child_depth + 1;
    /* a leaf is depth 1, so an expression of n operators nested in each
     * other (or chained) is depth n + 1: the error comes with the
     * (MAX_EXPR_DEPTH + 1)-th, as doc/limits.md and the message say */
    if (e->depth == MAX_EXPR_DEPTH + 2) {
        bool chain = e->kind == EX_BIN && e->u.bin.l->depth == child_depth;
        Diag *d;
        if (chain) {
            d = parse_error(ctx, "E0110", e->op_span,
                            _("more than %d operators in one expression; the rest of the file is not read"),
                            MAX_EXPR_DEPTH);
            if (d) diag_hint(d, _("add long lists with jumlah(...) or split them into rules"));
        } else {
            parse_error(ctx, "E0110", e->op_span,
                        _("expression nested more than %d levels deep; the rest of the file is not read"),
                        MAX_EXPR_DEPTH);
        }
        ctx->stop = true;
    }
    return e;
}

static int maxi(int a, int b) { return a > b ? a : b; }

Expr *pb_if(ParseCtx *ctx, Expr *c, Expr *a, Expr *b, Span s)
{
    Expr *e = expr_new(ctx->unit, EX_IF, s);
    e->u.cond.c = c;
    e->u.cond.a = a;
    e->u.cond.b = b;
    return deepen(ctx, e, maxi(c->depth, maxi(a->depth, b->depth)));
}

Expr *pb_bin(ParseCtx *ctx, BinOp op, Expr *l, Expr *r, Span op_span, Span s)
{
    Expr *e = expr_new(ctx->unit, EX_BIN, s);
    e->op_span = op_span;
    e->u.bin.op = op;
    e->u.bin.l = l;
    e->u.bin.r = r;
    return deepen(ctx, e, maxi(l->depth, r->depth));
}

Expr *pb_unary(ParseCtx *ctx, ExprKind k, Expr *x, Span op_span, Span s)
{
    Expr *e = expr_new(ctx->unit, k, s);
    e->op_span = op_span;
    e->u.un = x;
    return deepen(ctx, e, x->depth);
}

Expr *pb_bool(ParseCtx *ctx, bool b, Span s)
{
    Expr *e = expr_new(ctx->unit, EX_BOOL, s);
    e->u.b = b;
    return e;
}

Expr *pb_ident(ParseCtx *ctx, const char *name, Span s)
{
    Expr *e = expr_new(ctx->unit, EX_IDENT, s);
    e->u.id.name = name;
    e->u.id.sym = name_of(name);   /* a "name" token's text is interned */
    return e;
}

Expr *pb_call(ParseCtx *ctx, Name *nm, Span name_span, Vec *args, Span s)
{
    Expr *e = expr_new(ctx->unit, EX_CALL, s);
    /* the built-in is looked up once per spelling (kept in nm) */
    if (!nm->builtin) nm->builtin = (signed char)(builtin_id(nm->text) + 1);
    e->u.call.name = nm->text;
    e->u.call.sym = nm;
    e->u.call.name_span = name_span;
    e->u.call.builtin = (BuiltinId)(nm->builtin - 1);
    int depth = 0;
    if (args) {
        e->u.call.args = (Expr **)args->items;
        e->u.call.nargs = (int)args->len;
        for (size_t i = 0; i < args->len; i++) depth = maxi(depth, ((Expr *)args->items[i])->depth);
    }
    return deepen(ctx, e, depth);
}

static bool range_bound(const Expr *e)
{
    if (e->kind == EX_NEG) e = e->u.un;
    return e->kind == EX_NUM || e->kind == EX_MONEY;
}

Expr *pb_range(ParseCtx *ctx, Expr *lo, Expr *hi, Span op_span, Span s)
{
    Expr *e = expr_new(ctx->unit, EX_RANGE, s);
    e->op_span = op_span;
    e->u.bin.op = OP_EQ;   /* unused */
    e->u.bin.l = lo;
    e->u.bin.r = hi;
    for (int i = 0; i < 2; i++) {
        Expr *b = i ? hi : lo;
        if (!range_bound(b)) {
            Diag *d = parse_error(ctx, "E0215", b->span, _("the bounds of a range are numbers written out, not '%s'"),
                                  span_text(ctx->unit, b->span));
            if (d) diag_hint(d, _("write a range as in '80..90' or '80%%..90%%'; bawah(r) and atas(r) give the bounds of a range"));
        }
    }
    return deepen(ctx, e, maxi(lo->depth, hi->depth));
}

Expr *pb_paren(ParseCtx *ctx, Expr *x, Span s)
{
    (void)ctx;
    (void)s;
    /* Keep the inner span: diagnostics point at the expression. */
    return x;
}

NameRef *pb_name(ParseCtx *ctx, const char *name, Span s)
{
    NameRef *r = arena_alloc(A(ctx), sizeof *r);
    r->name = name;
    r->span = s;
    return r;
}
