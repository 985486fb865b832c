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
    mpq_t cap;               /* atur batas_capaian: `batas ..cap` of every indikator without its own */
    bool has_cap_rata;
    mpq_t cap_rata;          /* atur batas_rata: each capaian capped so where sakip averages it */
    bool skip_undefined;     /* atur rata_abaikan_kosong = benar */
    Entity *rule_capaian, *rule_predikat, *rule_efisiensi;
    Vec andai;               /* active Andai*, oldest first */
    /* evaluation state */
    Value *frame;            /* current rule's arguments */
    DataYear *data;          /* data in scope of a rumus */
    Entity *data_owner;
    int call_depth;
    int value_depth;         /* computed values (stated_value) being computed */
    Value *capaian_vars;     /* target, realisasi, target_bawah, target_atas of the rumus_capaian evaluated */
    /* capaian_renstra under an aturan capaian: the target of this
     * indikator for renstra_from is that of renstra_to */
    Entity *renstra_of;
    int renstra_from, renstra_to;
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
    /* periods inside a year (sakip(5), PERIODS): while win_year is set,
     * the values of that year are those of its months win_lo..win_hi
     * (one period, or the year to date); nothing is remembered then.
     * per: `eval --per=P`'s period code (0: the whole year) */
    int win_year, win_lo, win_hi;
    int per;
    /* the reason last given that an entity has no periods (the same text
     * for each period and window it is asked for in) */
    struct {
        const Entity *x;
        char which;
        int year;
        const char *why;
    } no_periods;
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
/* The same as one value: the range lo..hi for a target written as a range. */
void eval_target_value(Eval *ev, Entity *ind, int year, Value *out);
void eval_realisasi(Eval *ev, Entity *x, int year, Value *out);
bool eval_has_realisasi(Eval *ev, Entity *ind, int year);
void eval_anggaran(Eval *ev, Entity *x, Value *out);
void eval_capaian(Eval *ev, Entity *x, int year, Value *out);
/* eval_capaian of an indikator whose realisasi r (eval_realisasi) and
 * target lo, hi (eval_target) of year the caller has just evaluated,
 * under the same window: they are not evaluated again (the rencana aksi
 * asks for all three of each period). */
void eval_capaian_given(Eval *ev, Entity *ind, int year, const Value *r, const Value *lo, const Value *hi, Value *out);
/* Whether ind's capaian is its target and realisasi alone (the built-in
 * method: no rumus_capaian, no aturan capaian): the same two give the
 * same capaian in any window. */
bool eval_capaian_pure(const Eval *ev, const Entity *ind);
void eval_capaian_renstra(Eval *ev, Entity *x, Value *out);
/* capaian() and capaian_renstra over every IKU (the mean printed under the
 * measurement table, and the recap): weighted by bobot, each capped by
 * batas_rata, undefined ones left out under rata_abaikan_kosong. */
void eval_capaian_iku(Eval *ev, int year, Value *out);
/* The parts of that mean, for the recap's group means: sum(bobot x
 * capaian) and sum(bobot) over the IKU counted; false when the mean is
 * undefined. */
bool eval_capaian_iku_parts(Eval *ev, int year, mpq_t sum, mpq_t weight);
/* What decided an indikator's capaian (jelaskan): the method, and the
 * limit that clamped it. */
typedef enum { CM_BUILTIN, CM_RUMUS, CM_ATURAN } CapaianMethod;
typedef struct CapaianWhy {
    CapaianMethod method;
    bool clamped;            /* batas (or batas_capaian) changed the value */
    bool own_batas;          /* the clamping limit is the indikator's own batas */
    Value raw;               /* the value before the limit (when clamped) */
} CapaianWhy;
/* capaian of an indikator, realisasi of r_year against the target of
 * t_year, with why (may be NULL) filled. */
void eval_capaian_why(Eval *ev, Entity *ind, int r_year, int t_year, Value *out, CapaianWhy *why);
/* The weight of an indikator in means: its bobot, else 1. */
void eval_bobot(const Entity *ind, mpq_t out);
/* The names of a rumus_capaian, indexed by REF_CAPAIAN (ast.h); -1 for another name. */
int eval_capaian_var(const char *name);
extern const char *const eval_capaian_var_names[4];
void eval_serapan(Eval *ev, Entity *x, Value *out);
/* Whether a node above node also supports (mendukung) sasaran s: node's
 * money is then in that one's, for s's budget. */
bool eval_supported_above(const Entity *s, const Entity *node);
/* The band of `skala` holding v, or NULL. */
const Band *eval_band(const Entity *skala, mpq_srcptr v);
void eval_predikat(Eval *ev, Entity *x, int year, Value *out, const Band **band);
/* The same from x's capaian of year when the caller has just computed it
 * (NULL: computed here); a rule for predikat is called as always. */
void eval_predikat_of(Eval *ev, Entity *x, int year, const Value *capaian, Value *out, const Band **band);
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

/* ---- periods inside a year (sakip(5), PERIODS) ---- */

/* The window in force, to give back to eval_window_restore. */
typedef struct EvalWindow {
    int year, lo, hi;
} EvalWindow;
/* From now on the values of year are those of months lo..hi (year 0:
 * the whole year again); returns the window it replaces. */
EvalWindow eval_window(Eval *ev, int year, int lo, int hi);
void eval_window_restore(Eval *ev, EvalWindow w);
/* The window of one period p of year, or of the year to date through p. */
EvalWindow eval_window_period(Eval *ev, int year, int p);
EvalWindow eval_window_sd(Eval *ev, int p);
/* `eval --per=P`: every value of tahun as of the end of P. */
void eval_set_per(Eval *ev, int p);
/* The planned disbursement (rencana) of a budget node or a sasaran's
 * budget, for the year or the window. */
void eval_rencana(Eval *ev, Entity *x, Value *out);
/* Whether an indikator ('t' target, 'r' realisasi) or budget node ('r',
 * 'p' rencana) states period values for year; their kind, else PK_NONE. */
PeriodKind eval_period_kind(const Entity *x, char which, int year);
/* An indikator's target ('t') or realisasi ('r') of year in each period
 * i = 1..n of kind k: own[i-1] that period's, sd[i-1] from the first
 * period through it; as eval_target and eval_realisasi give them in
 * those windows (outside a renstra capaian, which reads another year),
 * its periods read once (the rencana aksi table). */
void eval_period_series(Eval *ev, Entity *ind, char which, int year, PeriodKind k, int n, Value *own, Value *sd);
/* The value of one period of x as stated (or changed by a what-if),
 * undefined when it is not given. */
void eval_period_stated(Eval *ev, Entity *x, char which, int year, int code, Value *out);
/* A budget leaf's rencana ('p') or realisasi ('r') of tahun in each of
 * periods 1..count of kind k, in sen, as the evaluator reads one period
 * of it (a what-if first); false when its periods are of another kind or
 * one is missing or not an amount of whole sen that fits in a word. */
bool eval_leaf_period_sen(Eval *ev, Entity *x, char which, PeriodKind k, int count, int64_t *out);

/* The what-if in force for x's year value of kind k (the last one
 * written; a budget node's has no year; data by data_name), else NULL. */
const Andai *eval_find_andai(Eval *ev, AndaiKind k, const Entity *x, int year, const char *data_name);
/* The what-if in force for period code of x's year (code 0: for any of
 * its periods), else NULL. */
const Andai *eval_find_andai_period(Eval *ev, AndaiKind k, const Entity *x, int year, int code);

/* The effective skala for capaian (declared or built-in). */
Entity *eval_skala(Eval *ev);

typedef enum { CLAIM_HOLDS, CLAIM_FAILS, CLAIM_UNDEFINED } ClaimResult;

/* Evaluates a periksa.  For a comparison, left/right receive both sides
 * (right of ~= is the literal); otherwise left receives the value. */
ClaimResult eval_periksa(Eval *ev, const Periksa *p, Value *left, Value *right);

/* False, with an error (E0407) reported at `at` and v made undefined,
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
