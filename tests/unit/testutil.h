/* testutil.h -- small helpers shared by the Check unit tests.
 *
 * Parsing a string into a Unit, finding and counting diagnostics by code,
 * positions of diagnostics, rendering an expression tree as an
 * S-expression (for precedence tests), and evaluating expressions,
 * capaian, predikat, serapan and efisiensi to display strings so that each
 * test stays a few lines long.
 *
 * Every returned string lives in a small ring of static buffers: it stays
 * valid for the next few helper calls, which is all an assertion needs.
 * Check runs every test in its own process (CK_FORK), so the helpers do
 * not bother to free what a failed assertion leaves behind.
 */
#ifndef SAKIP_TESTUTIL_H
#define SAKIP_TESTUTIL_H

/* -iquote puts sakip's src/check.h on the quote path only, so <check.h>
 * is the Check framework's header. */
#include <check.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "check.h"   /* sakip: check_unit, check_claims */
#include "diag.h"
#include "eval.h"
#include "load.h"
#include "locfile.h"
#include "num.h"
#include "parse.h"
#include "value.h"

/* ---- strings that outlive one call ---- */

#define TU_RING 32
#define TU_STRMAX 4096

static inline char *tu_keep(const char *s)
{
    static char ring[TU_RING][TU_STRMAX];
    static int next;
    char *r = ring[next++ % TU_RING];
    snprintf(r, TU_STRMAX, "%s", s ? s : "(null)");
    return r;
}

static inline char *tu_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline char *tu_printf(const char *fmt, ...)
{
    char tmp[TU_STRMAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    return tu_keep(tmp);
}

/* A heap string of `n` copies of `c` (caller frees). */
static inline char *tu_repeat(char c, size_t n)
{
    char *s = malloc(n + 1);
    memset(s, c, n);
    s[n] = '\0';
    return s;
}

/* ---- parsing ---- */

/* Parses src (lexer + parser only, no checks) into a fresh Unit. */
static inline Unit *tu_parse_n(const char *src, size_t len, DiagList *dl)
{
    diag_list_init(dl);
    LocFile *lf = locfile_new("t.sakip", src, len);
    return parse_unit(lf, dl);
}

static inline Unit *tu_parse(const char *src, DiagList *dl)
{
    return tu_parse_n(src, strlen(src), dl);
}

/* Parses and checks src (load_text = parse + check_unit). */
static inline Unit *tu_load(const char *src, DiagList *dl)
{
    diag_list_init(dl);
    return load_text("t.sakip", src, strlen(src), dl);
}

static inline void tu_free(Unit *u, DiagList *dl)
{
    unit_free(u);
    diag_list_free(dl);
}

/* ---- diagnostics ---- */

static inline Diag *tu_diag(const DiagList *dl, size_t i) { return dl->items.items[i]; }

/* First diagnostic with `code`, or NULL. */
static inline Diag *tu_find(const DiagList *dl, const char *code)
{
    for (size_t i = 0; i < dl->items.len; i++) {
        Diag *d = dl->items.items[i];
        if (d->code && strcmp(d->code, code) == 0) return d;
    }
    return NULL;
}

/* The n-th (0-based) diagnostic with `code`, or NULL. */
static inline Diag *tu_find_nth(const DiagList *dl, const char *code, size_t n)
{
    for (size_t i = 0; i < dl->items.len; i++) {
        Diag *d = dl->items.items[i];
        if (d->code && strcmp(d->code, code) == 0 && n-- == 0) return d;
    }
    return NULL;
}

static inline size_t tu_count(const DiagList *dl, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < dl->items.len; i++) {
        Diag *d = dl->items.items[i];
        if (d->code && strcmp(d->code, code) == 0) n++;
    }
    return n;
}

/* Diagnostics whose code starts with `prefix` ("E01", "E02"). */
static inline size_t tu_count_prefix(const DiagList *dl, const char *prefix)
{
    size_t n = 0, k = strlen(prefix);
    for (size_t i = 0; i < dl->items.len; i++) {
        Diag *d = dl->items.items[i];
        if (d->code && strncmp(d->code, prefix, k) == 0) n++;
    }
    return n;
}

static inline size_t tu_count_errors(const DiagList *dl)
{
    size_t n = 0;
    for (size_t i = 0; i < dl->items.len; i++)
        if (((Diag *)dl->items.items[i])->level == DIAG_ERROR) n++;
    return n;
}

/* All diagnostics, one per line, "LINE:COL: CODE msg [hint: ...]", for
 * failure messages. */
static inline char *tu_dump(const DiagList *dl)
{
    Buf b;
    buf_init(&b);
    for (size_t i = 0; i < dl->items.len; i++) {
        const Diag *d = dl->items.items[i];
        int line = 0, col = 0;
        if (d->span.file) locfile_pos(d->span.file, d->span.start, &line, &col);
        buf_printf(&b, "\n  %d:%d: %s %s", line, col, d->code ? d->code : "?", d->msg);
        for (size_t k = 0; k < d->hints.len; k++) buf_printf(&b, " [hint: %s]", (char *)d->hints.items[k]);
    }
    if (!dl->items.len) buf_puts(&b, " (none)");
    char *r = tu_keep(b.data);
    buf_free(&b);
    return r;
}

/* True when some hint of d contains `needle`. */
static inline bool tu_hint_has(const Diag *d, const char *needle)
{
    if (!d) return false;
    for (size_t k = 0; k < d->hints.len; k++)
        if (strstr(d->hints.items[k], needle)) return true;
    return false;
}

/* All hints of d joined, for failure messages. */
static inline char *tu_hints(const Diag *d)
{
    Buf b;
    buf_init(&b);
    if (d)
        for (size_t k = 0; k < d->hints.len; k++) buf_printf(&b, "%s[%s]", k ? " " : "", (char *)d->hints.items[k]);
    char *r = tu_keep(b.len ? b.data : "(no hints)");
    buf_free(&b);
    return r;
}

/* 1-based line and column of a span's start. */
static inline void tu_span_pos(Span s, int *line, int *col)
{
    *line = *col = 0;
    if (s.file) locfile_pos(s.file, s.start, line, col);
}

static inline void tu_diag_pos(const Diag *d, int *line, int *col) { tu_span_pos(d->span, line, col); }

/* Asserts that diagnostic `code` exists and starts at line:col. */
#define tu_assert_diag_at(dl, code, eline, ecol)                                            \
    do {                                                                                     \
        const Diag *d_ = tu_find((dl), (code));                                              \
        ck_assert_msg(d_ != NULL, "expected %s; diagnostics:%s", (code), tu_dump(dl));       \
        int l_, c_;                                                                          \
        tu_diag_pos(d_, &l_, &c_);                                                           \
        ck_assert_msg(l_ == (eline) && c_ == (ecol), "%s at %d:%d, expected %d:%d", (code), \
                      l_, c_, (eline), (ecol));                                              \
    } while (0)

/* ---- numbers ---- */

/* q set from "a/b" or "a" (exact). */
static inline void tu_q(mpq_t q, const char *s)
{
    if (mpq_set_str(q, s, 10) != 0) {
        fprintf(stderr, "tu_q: bad rational '%s'\n", s);
        abort();
    }
    mpq_canonicalize(q);
}

/* q formatted with `decimals` places, Indonesian notation, grouped. */
static inline char *tu_fmt(mpq_srcptr q, int decimals, RoundMode mode)
{
    Buf b;
    buf_init(&b);
    num_format(&b, q, decimals, mode, NOTATION_ID, true);
    char *r = tu_keep(b.data);
    buf_free(&b);
    return r;
}

/* Exact rational as "num/den" for failure messages. */
static inline char *tu_qstr(mpq_srcptr q)
{
    char *s = mpq_get_str(NULL, 10, q);
    char *r = tu_keep(s);
    void (*freefn)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefn);
    freefn(s, strlen(s) + 1);
    return r;
}

/* True when q equals the rational written in s ("8363/100", "-5"). */
static inline bool tu_q_is(mpq_srcptr q, const char *s)
{
    mpq_t e;
    mpq_init(e);
    tu_q(e, s);
    bool eq = mpq_equal(q, e) != 0;
    mpq_clear(e);
    return eq;
}

#define tu_assert_q(q, s) \
    ck_assert_msg(tu_q_is((q), (s)), "value is %s, expected %s", tu_qstr(q), (s))

/* ---- expression trees ---- */

static inline const char *tu_op_text(BinOp op)
{
    switch (op) {
    case OP_ADD: return "+";
    case OP_SUB: return "-";
    case OP_MUL: return "*";
    case OP_DIV: return "/";
    case OP_EQ: return "==";
    case OP_NE: return "!=";
    case OP_LT: return "<";
    case OP_LE: return "<=";
    case OP_GT: return ">";
    case OP_GE: return ">=";
    case OP_APPROX: return "~=";
    case OP_AND: return "dan";
    case OP_OR: return "atau";
    }
    return "?";
}

static inline void tu_sexpr_to(Buf *b, const Expr *e)
{
    if (!e) {
        buf_puts(b, "<null>");
        return;
    }
    switch (e->kind) {
    case EX_NUM:
        num_format_plain(b, e->u.num.q, 20);
        if (e->u.num.percent) buf_putc(b, '%');
        break;
    case EX_MONEY:
        buf_puts(b, "Rp");
        num_format_plain(b, e->u.num.q, 20);
        break;
    case EX_STR: buf_printf(b, "\"%s\"", e->u.str); break;
    case EX_BOOL: buf_puts(b, e->u.b ? "benar" : "salah"); break;
    case EX_IDENT: buf_puts(b, e->u.id.name); break;
    case EX_CALL:
        buf_printf(b, "(%s", e->u.call.name);
        for (int i = 0; i < e->u.call.nargs; i++) {
            buf_putc(b, ' ');
            tu_sexpr_to(b, e->u.call.args[i]);
        }
        buf_putc(b, ')');
        break;
    case EX_BIN:
        buf_printf(b, "(%s ", tu_op_text(e->u.bin.op));
        tu_sexpr_to(b, e->u.bin.l);
        buf_putc(b, ' ');
        tu_sexpr_to(b, e->u.bin.r);
        buf_putc(b, ')');
        break;
    case EX_RANGE:
        buf_puts(b, "(.. ");
        tu_sexpr_to(b, e->u.bin.l);
        buf_putc(b, ' ');
        tu_sexpr_to(b, e->u.bin.r);
        buf_putc(b, ')');
        break;
    case EX_NEG:
    case EX_NOT:
        buf_puts(b, e->kind == EX_NEG ? "(neg " : "(tidak ");
        tu_sexpr_to(b, e->u.un);
        buf_putc(b, ')');
        break;
    case EX_IF:
        buf_puts(b, "(jika ");
        tu_sexpr_to(b, e->u.cond.c);
        buf_putc(b, ' ');
        tu_sexpr_to(b, e->u.cond.a);
        buf_putc(b, ' ');
        tu_sexpr_to(b, e->u.cond.b);
        buf_putc(b, ')');
        break;
    }
}

/* "(+ 1 (* 2 3))" */
static inline char *tu_sexpr(const Expr *e)
{
    Buf b;
    buf_init(&b);
    tu_sexpr_to(&b, e);
    char *r = tu_keep(b.data);
    buf_free(&b);
    return r;
}

/* Expression of the i-th periksa of u (NULL when there is none). */
static inline Expr *tu_periksa_expr(const Unit *u, size_t i)
{
    if (i >= u->periksa.len) return NULL;
    return ((Periksa *)u->periksa.items[i])->expr;
}

/* S-expression of `periksa EXPR` parsed alone (no instansi needed for
 * the parser).  Diagnostics, if any, are appended after " !! ". */
static inline char *tu_parse_sexpr(const char *expr)
{
    char src[TU_STRMAX];
    snprintf(src, sizeof src, "periksa %s\n", expr);
    DiagList dl;
    Unit *u = tu_parse(src, &dl);
    char *r;
    if (dl.items.len || u->periksa.len != 1)
        r = tu_printf("%s !!%s", tu_sexpr(tu_periksa_expr(u, 0)), tu_dump(&dl));
    else
        r = tu_sexpr(tu_periksa_expr(u, 0));
    tu_free(u, &dl);
    return r;
}

/* ---- evaluation ---- */

/* A loaded, checked unit with an evaluator. */
typedef struct TU {
    DiagList dl;
    Unit *u;
    Eval ev;
} TU;

static inline void tu_open(TU *t, const char *src)
{
    t->u = tu_load(src, &t->dl);
    eval_init(&t->ev, t->u, &t->dl, 0);
}

static inline void tu_close(TU *t)
{
    eval_free(&t->ev);
    tu_free(t->u, &t->dl);
}

static inline Entity *tu_ent(TU *t, const char *id)
{
    Entity *e = unit_lookup(t->u, id);
    ck_assert_msg(e != NULL, "no entity '%s'; diagnostics:%s", id, tu_dump(&t->dl));
    return e;
}

/* A value the way these tests compare it: numbers with 2 decimals in
 * Indonesian notation under the unit's rounding ("101,99"), money as
 * num_format_money ("Rp 1.500.000"), text bare, truth "benar"/"salah",
 * undefined "-". */
static inline char *tu_value_str(const Eval *ev, const Value *v)
{
    Buf b;
    buf_init(&b);
    switch (v->kind) {
    case V_UNDEF: buf_puts(&b, "-"); break;
    case V_NUM: num_format(&b, v->q, 2, ev->round, NOTATION_ID, true); break;
    case V_MONEY: num_format_money(&b, v->q, ev->round, NOTATION_ID); break;
    case V_TEXT: buf_puts(&b, v->text); break;
    case V_BOOL: buf_puts(&b, v->b ? "benar" : "salah"); break;
    case V_REF: buf_puts(&b, v->ent->id); break;
    case V_RANGE:
        num_format(&b, v->q, 2, ev->round, NOTATION_ID, true);
        buf_puts(&b, "..");
        num_format(&b, v->hi, 2, ev->round, NOTATION_ID, true);
        break;
    }
    char *r = tu_keep(b.data);
    buf_free(&b);
    return r;
}

static inline char *tu_capaian(TU *t, const char *id)
{
    Value v;
    value_init(&v);
    eval_capaian(&t->ev, tu_ent(t, id), t->ev.tahun, &v);
    char *r = tu_value_str(&t->ev, &v);
    value_clear(&v);
    return r;
}

static inline char *tu_capaian_year(TU *t, const char *id, int year)
{
    Value v;
    value_init(&v);
    eval_capaian(&t->ev, tu_ent(t, id), year, &v);
    char *r = tu_value_str(&t->ev, &v);
    value_clear(&v);
    return r;
}

static inline char *tu_serapan(TU *t, const char *id)
{
    Value v;
    value_init(&v);
    eval_serapan(&t->ev, tu_ent(t, id), &v);
    char *r = tu_value_str(&t->ev, &v);
    value_clear(&v);
    return r;
}

static inline char *tu_anggaran(TU *t, const char *id)
{
    Value v;
    value_init(&v);
    eval_anggaran(&t->ev, tu_ent(t, id), &v);
    char *r = tu_value_str(&t->ev, &v);
    value_clear(&v);
    return r;
}

static inline char *tu_predikat(TU *t, const char *id)
{
    Value v;
    value_init(&v);
    eval_predikat(&t->ev, tu_ent(t, id), t->ev.tahun, &v, NULL);
    char *r = tu_value_str(&t->ev, &v);
    value_clear(&v);
    return r;
}

static inline char *tu_efisiensi(TU *t, const char *id)
{
    Value v;
    value_init(&v);
    eval_efisiensi(&t->ev, tu_ent(t, id), &v);
    char *r = tu_value_str(&t->ev, &v);
    value_clear(&v);
    return r;
}

/* Value of the i-th periksa's expression. */
static inline char *tu_periksa_value(TU *t, size_t i)
{
    Expr *e = tu_periksa_expr(t->u, i);
    ck_assert_msg(e != NULL, "no periksa #%zu; diagnostics:%s", i, tu_dump(&t->dl));
    Value v;
    value_init(&v);
    eval_expr(&t->ev, e, &v);
    char *r = tu_value_str(&t->ev, &v);
    value_clear(&v);
    return r;
}

/* Outcome of the i-th periksa: "holds", "fails" or "undefined". */
static inline const char *tu_claim(TU *t, size_t i)
{
    ck_assert_msg(i < t->u->periksa.len, "no periksa #%zu; diagnostics:%s", i, tu_dump(&t->dl));
    Value l, r;
    value_init(&l);
    value_init(&r);
    ClaimResult cr = eval_periksa(&t->ev, t->u->periksa.items[i], &l, &r);
    value_clear(&l);
    value_clear(&r);
    return cr == CLAIM_HOLDS ? "holds" : cr == CLAIM_FAILS ? "fails" : "undefined";
}

/* The instansi header most evaluation tests start with. */
#define TU_HEADER "instansi \"Kecamatan Uji\" {\n    tahun 2024\n    periode 2021..2026\n}\n"

/* Evaluates `expr` in a file made of TU_HEADER + decls + `periksa expr`.
 * *errors (when not NULL) receives the number of error diagnostics from
 * parse, check and evaluation. */
static inline char *tu_eval_in(const char *decls, const char *expr, size_t *errors)
{
    char src[TU_STRMAX * 2];
    snprintf(src, sizeof src, "%s%s\nperiksa %s\n", TU_HEADER, decls ? decls : "", expr);
    TU t;
    tu_open(&t, src);
    char *r = tu_periksa_value(&t, t.u->periksa.len ? t.u->periksa.len - 1 : 0);
    if (errors) *errors = tu_count_errors(&t.dl);
    tu_close(&t);
    return r;
}

static inline char *tu_eval(const char *expr) { return tu_eval_in(NULL, expr, NULL); }

/* ---- runner ---- */

static inline int tu_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
