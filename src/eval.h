/* eval.h -- the meaning of a checked Unit (sakip(5), VALUES to BUILT-IN FUNCTIONS): target and
 * realisasi lookup (with what-if overrides), capaian per polarity and
 * range, sasaran means, the budget roll-up and serapan, skala bands,
 * predikat, efisiensi, user rules replacing built-ins, and claims.
 * Everything is exact; undefined results carry the reason they are
 * undefined. */
#ifndef SAKIP_EVAL_H
#define SAKIP_EVAL_H

#include "ast.h"
#include "diag.h"
#include "value.h"
#include "builtins.h"

typedef struct Eval {
    Unit *u;
    DiagList *dl;
    int tahun;               /* the year evaluated (default: unit's tahun) */
    RoundMode round;
    int desimal;
    Notation notation;
    Entity *skala;           /* skala_capaian */
    Entity *builtin_skala;
    bool has_cap;
    mpq_t cap;
    Entity *rule_capaian, *rule_predikat, *rule_efisiensi;
    Vec andai;               /* active Andai*, oldest first */
    /* evaluation state */
    Value *frame;            /* current rule's arguments */
    DataYear *data;          /* data in scope of a rumus */
    Entity *data_owner;
    int call_depth;
    int value_depth;         /* computed values (stated_value) being computed */
    Vec reported;            /* char*: runtime problems already reported */
    /* capaian, serapan and budget sums already computed for this set of
     * what-ifs (src/eval.c, memo_*): slots by entity serial, emptied by
     * eval_invalidate */
    struct EvalMemo *memo;   /* capaian, by serial */
    size_t memo_n;
    struct EvalMemo *memo_b; /* serapan and sums of sasaran and budget nodes, by index */
    size_t memo_b_n;
    uint32_t memo_gen;       /* the slots filled under it are the live ones */
    /* rule calls and computed values already evaluated for this set of
     * what-ifs, by rule and arguments (src/eval.c, calls_*) */
    struct CallTable *calls;
    /* the bounds of one evaluation (doc/limits.md): the work done under
     * this set of what-ifs, and whether it ran out; the rules being
     * called, outermost first (Entity*), and where the outermost was
     * called; set while a too deep call unwinds */
    unsigned long long work, work_budget;
    bool out_of_work, unwinding;
    Vec chain;
    Span chain_at;
} Eval;

void eval_init(Eval *ev, Unit *u, DiagList *dl, int tahun);
/* Forgets remembered sums, capaian and serapan; call after changing ev->andai. */
void eval_invalidate(Eval *ev);
void eval_free(Eval *ev);
void eval_expr(Eval *ev, const Expr *e, Value *out);
/* The value of a literal as written (number or amount with its written
 * decimals, text); undefined for anything else. */
void eval_literal(const Expr *e, Value *out);

/* Target of an indikator for a year; hi is left V_UNDEF unless a range. */
void eval_target(Eval *ev, Entity *ind, int year, Value *lo, Value *hi);
void eval_realisasi(Eval *ev, Entity *x, int year, Value *out);
bool eval_has_realisasi(Eval *ev, Entity *ind, int year);
void eval_anggaran(Eval *ev, Entity *x, Value *out);
void eval_capaian(Eval *ev, Entity *x, int year, Value *out);
void eval_capaian_renstra(Eval *ev, Entity *x, Value *out);
void eval_serapan(Eval *ev, Entity *x, Value *out);
/* The band of `skala` holding v, or NULL. */
const Band *eval_band(const Entity *skala, mpq_srcptr v);
void eval_predikat(Eval *ev, Entity *x, int year, Value *out, const Band **band);
void eval_efisiensi(Eval *ev, Entity *s, Value *out);
/* IKM of a survei (PermenPANRB 14/2017): 25 x the mean over the unsur of
 * each unsur's mean answer, each weighted exactly 1/n.  nrr, when not
 * NULL, receives one mpq per unsur (caller clears them). */
void eval_ikm(Eval *ev, Entity *survei, Value *out, Vec *nrr);
/* Nilai SAKIP of a penilaian (PermenPANRB 88/2021): the sum of its
 * komponen scores (each its stated score or the sum of its parts). */
void eval_nilai_sakip(Eval *ev, Entity *penilaian, Value *out);
/* The score of one komponen. */
void eval_komponen(const Komponen *k, Value *out);

/* The band label of `skala` holding the number v (kategori); band, when
 * not NULL, receives that band. */
void eval_kategori(Eval *ev, const Value *v, Entity *skala, Value *out, const Band **band);

/* For built-in functions (src/builtins.c): a reason kept in the unit's
 * arena; a run-time problem reported once per distinct message; a year
 * argument's value, or -1 (reported) when it is no whole number. */
char *eval_reason(Eval *ev, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void eval_runtime_error(Eval *ev, Span at, const char *code, const char *msg);
int eval_year_arg(Eval *ev, const Value *v, Span at);

/* The effective skala for capaian (declared or built-in). */
Entity *eval_skala(Eval *ev);

typedef enum { CLAIM_HOLDS, CLAIM_FAILS, CLAIM_UNDEFINED } ClaimResult;

/* Evaluates a periksa.  For a comparison, left/right receive both sides
 * (right of ~= is the literal); otherwise left receives the value. */
ClaimResult eval_periksa(Eval *ev, const Periksa *p, Value *left, Value *right);

/* False, with an error (E0405) reported at `at` and v made undefined,
 * when v is a number past NUM_MAX_RESULT_DIGITS digits (src/num.h). */
bool eval_bounded(Eval *ev, Value *v, Span at);

/* Formats a number the way reports show computed figures. */
void eval_format_num(const Eval *ev, Buf *b, mpq_srcptr q, int decimals);
/* A value as claims and the REPL show it: numbers exact when they have
 * at most max(desimal, min_dec) decimals, else rounded to that. */
void eval_format_value(const Eval *ev, Buf *b, const Value *v, int min_dec);

/* The reason a computed value that needs its own result is undefined
 * with (E0517): check_unit reports it as an error. */
const char *eval_self_dependent(void);

#endif
