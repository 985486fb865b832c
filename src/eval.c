/* eval.c -- exact evaluation of capaian, predikat, serapan, efisiensi,
 * rules and claims.  See eval.h. */
#include "eval.h"
#include "i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_CALL_DEPTH = 64, MAX_VALUE_DEPTH = 64 };

/* The work budget of one evaluation (doc/limits.md), in steps: a rule
 * call or a computed value evaluated costs WORK_CALL, an operator one
 * step and more for numbers of many limbs (grows as the square of their
 * size, as GMP's gcd does).  Memoised results cost nothing, so only
 * rules whose arguments never repeat come near it. */
#define WORK_BUDGET 2000000ULL
enum { WORK_CALL = 10, WORK_PER_BYTE = 1 };
/* Remembered rule calls past this many are forgotten (all at once). */
enum { MAX_CALLS_KEPT = 1 << 16 };

static uint32_t next_generation(void);

char *eval_reason(Eval *ev, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = vformat(fmt, ap);
    va_end(ap);
    char *s = arena_strdup(&ev->u->arena, text);
    free(text);
    return s;
}

/* Reports a run-time problem once per distinct message. */
void eval_runtime_error(Eval *ev, Span at, const char *code, const char *msg)
{
    for (size_t i = 0; i < ev->reported.len; i++)
        if (strcmp(ev->reported.items[i], msg) == 0) return;
    vec_push(&ev->reported, xstrdup(msg));
    if (ev->dl) diag_add(ev->dl, DIAG_ERROR, code, at, "%s", msg);
}

/* ---- set-up ---- */

static Expr *lit(Unit *u, long n)
{
    mpq_t q;
    mpq_init(q);
    mpq_set_si(q, n, 1);
    Expr *e = expr_num(u, u->instansi_span, q, 0, false, false);
    mpq_clear(q);
    return e;
}

static Band *band(Unit *u, const char *label, long lo, bool lo_incl, long hi, bool hi_incl, bool has_lo, bool has_hi)
{
    Band *b = arena_alloc(&u->arena, sizeof *b);
    b->label = label;
    b->lo = has_lo ? lit(u, lo) : NULL;
    b->lo_incl = lo_incl;
    b->hi = has_hi ? lit(u, hi) : NULL;
    b->hi_incl = hi_incl;
    return b;
}

/* Permendagri 86/2017 read as contiguous bands (sakip(5), DECLARATIONS, skala). */
static Entity *make_builtin_skala(Unit *u)
{
    Entity *s = entity_new(u, ENT_SKALA, "permendagri_86_2017", u->instansi_span);
    s->name = "Skala nilai peringkat kinerja (Permendagri 86/2017)";
    SkalaDecl *sk = ent_skala(s);
    apush(u, &sk->bands, band(u, "Sangat Tinggi", 91, true, 0, false, true, false));
    apush(u, &sk->bands, band(u, "Tinggi", 76, true, 91, false, true, true));
    apush(u, &sk->bands, band(u, "Sedang", 66, true, 76, false, true, true));
    apush(u, &sk->bands, band(u, "Rendah", 51, true, 66, false, true, true));
    apush(u, &sk->bands, band(u, "Sangat Rendah", 0, false, 51, false, false, true));
    return s;
}

static const Expr *atur_value(Unit *u, const char *name)
{
    const Expr *v = NULL;
    for (size_t i = 0; i < u->atur.len; i++) {
        Atur *a = u->atur.items[i];
        if (strcmp(a->name, name) == 0) v = a->value;   /* last one wins */
    }
    return v;
}

static Entity *rule_named(Unit *u, const char *name)
{
    Entity *e = unit_lookup(u, name);
    return e && e->kind == ENT_ATURAN ? e : NULL;
}

void eval_init(Eval *ev, Unit *u, DiagList *dl, int tahun)
{
    memset(ev, 0, sizeof *ev);
    ev->memo_gen = next_generation();
    ev->u = u;
    ev->dl = dl;
    ev->tahun = tahun ? tahun : u->tahun;
    ev->round = ROUND_HALF_UP;
    ev->desimal = 2;
    ev->notation = NOTATION_ID;
    mpq_init(ev->cap);
    mpq_init(ev->cap_rata);
    /* made once per unit: an Eval is made twice a file, and again on
     * every :muat in the REPL */
    if (!u->builtin_skala) u->builtin_skala = make_builtin_skala(u);
    ev->builtin_skala = u->builtin_skala;

    const Expr *v = atur_value(u, "pembulatan");
    if (v && v->kind == EX_STR && strcmp(v->u.str, "bawah") == 0) ev->round = ROUND_DOWN;
    v = atur_value(u, "desimal");
    if (v && v->kind == EX_NUM && mpz_cmp_ui(mpq_denref(v->u.num.q), 1) == 0 &&
        mpz_sgn(mpq_numref(v->u.num.q)) >= 0 && mpz_cmp_ui(mpq_numref(v->u.num.q), 10) <= 0)
        ev->desimal = (int)mpz_get_ui(mpq_numref(v->u.num.q));
    v = atur_value(u, "batas_capaian");
    if (v && v->kind == EX_NUM) {
        ev->has_cap = true;
        num_set(ev->cap, v->u.num.q);
    }
    v = atur_value(u, "batas_rata");
    if (v && v->kind == EX_NUM) {
        ev->has_cap_rata = true;
        num_set(ev->cap_rata, v->u.num.q);
    }
    v = atur_value(u, "rata_abaikan_kosong");
    if (v && v->kind == EX_BOOL) ev->skip_undefined = v->u.b;
    v = atur_value(u, "skala_capaian");
    if (v && v->kind == EX_IDENT) {
        Entity *s = unit_lookup(u, v->u.id.name);
        if (s && s->kind == ENT_SKALA) ev->skala = s;
    }
    for (size_t i = 0; i < u->andai.len; i++) {
        Andai *a = u->andai.items[i];
        if (a->target.ent) vec_push(&ev->andai, a);
    }
    /* a step a byte more: a file of nothing but claims adding numbers
     * stays within it */
    ev->work_budget = WORK_BUDGET;
    for (size_t i = 0; i <= u->extra_files.len; i++) {
        const LocFile *lf = i ? u->extra_files.items[i - 1] : u->file;
        if (lf) ev->work_budget += WORK_PER_BYTE * (unsigned long long)lf->len;
    }
    ev->rule_capaian = rule_named(u, "capaian");
    ev->rule_predikat = rule_named(u, "predikat");
    ev->rule_efisiensi = rule_named(u, "efisiensi");
}

/* ---- memo: capaian, serapan and budget sums are asked for again and
 * again (claims, sasaran means, efisiensi, predikat, the tables), so each
 * is computed once per entity and year for one set of what-ifs. ---- */

/* budget nodes and sasaran: anggaran, realisasi and rencana sums */
typedef enum { MEMO_CAPAIAN = 1, MEMO_SERAPAN, MEMO_ANGGARAN, MEMO_REALISASI, MEMO_RENCANA } MemoWhat;

/* Capaian has one slot per entity, at entity->serial; serapan and the
 * three sums (anggaran, realisasi, rencana) one slot each per sasaran
 * and budget node, at its index among its kind (sasaran and budget
 * nodes alternating): no hashing, no
 * probing (a hash table's probes were 3 % of eval --format=json, most of
 * it cache misses), and no slots for what an indikator never has (four
 * slots an entity were an eighth of a large file's memory).  A slot
 * holds one year under one window of periods (sakip(5), PERIODS: a
 * period's values are not the year's); another replaces it. */
struct EvalMemo {
    const Entity *ent;       /* NULL: empty */
    uint32_t gen;            /* filled under this generation (Eval.memo_gen) */
    int year;
    int win_year;            /* the window it was filled under (Eval.win_*), */
    signed char win_lo, win_hi;   /* its months in a byte each: no larger a slot */
    bool q_live;             /* v.q has been initialised */
    Value v;
};

/* Each Eval, and each set of what-ifs in it, gets a generation of its
 * own: a slot of another is empty.  Forgetting everything is then one
 * increment, not a pass over every slot (which also pulled each slot's
 * cache line in, twice a file). */
static uint32_t memo_generation;

static uint32_t next_generation(void)
{
    /* 0 is no generation: after UINT32_MAX comes 1 */
    memo_generation = memo_generation == UINT32_MAX ? 1 : memo_generation + 1;
    return memo_generation;
}

enum { MEMO_B_KINDS = 4 };

/* The slot of (e, what) in its array, and that array's size needed for it;
 * false when such a value is not remembered. */
static bool memo_index(const Entity *e, MemoWhat what, bool *b, size_t *i)
{
    *b = what != MEMO_CAPAIAN;
    if (!*b) {
        *i = e->serial;
        return true;
    }
    if (e->kind != ENT_SASARAN && !ent_is_budget(e)) return false;
    *i = (2 * e->index + (e->kind != ENT_SASARAN)) * MEMO_B_KINDS + (size_t)(what - MEMO_SERAPAN);
    return true;
}

static struct EvalMemo *memo_at(const Eval *ev, const Entity *e, MemoWhat what)
{
    bool b;
    size_t i;
    if (!memo_index(e, what, &b, &i)) return NULL;
    if (b) return i < ev->memo_b_n ? &ev->memo_b[i] : NULL;
    return i < ev->memo_n ? &ev->memo[i] : NULL;
}

/* Copies the remembered value into out; false when there is none. */
static bool memo_hit(Eval *ev, const Entity *e, int year, MemoWhat what, Value *out)
{
    struct EvalMemo *m = memo_at(ev, e, what);
    if (!m || m->ent != e || m->gen != ev->memo_gen || m->year != year) return false;
    if (m->win_year != ev->win_year || m->win_lo != ev->win_lo || m->win_hi != ev->win_hi) return false;
    value_set(out, &m->v);
    return true;
}

/* The slots of the last Eval freed, kept for the next one: a national
 * run makes two Evals a file, and fresh slots each time (calloc, and
 * two limb blocks for every slot's number) cost more than the lookups. */
static struct EvalMemo *spare_memo[2];
static size_t spare_n[2];

/* Makes array b (0 capaian, 1 the others) hold at least need slots. */
static void memo_grow(Eval *ev, bool b, size_t need)
{
    struct EvalMemo **memo = b ? &ev->memo_b : &ev->memo;
    size_t *memo_n = b ? &ev->memo_b_n : &ev->memo_n;
    if (!*memo && spare_memo[b] && spare_n[b] >= need) {
        *memo = spare_memo[b];
        *memo_n = spare_n[b];
        spare_memo[b] = NULL;
        spare_n[b] = 0;
        return;
    }
    size_t n = *memo_n ? *memo_n : 64;
    while (n < need) n *= 2;
    /* capaian: every entity's slot at once, as doubling left up to half
     * of a large file's slots unused */
    size_t all = (size_t)ev->u->nentities + 1;
    if (!b && n > all && need <= all) n = all;
    *memo = xrealloc(*memo, n * sizeof **memo);
    memset(*memo + *memo_n, 0, (n - *memo_n) * sizeof **memo);
    *memo_n = n;
}

static bool stopped_value(const Value *v);

static void memo_put(Eval *ev, const Entity *e, int year, MemoWhat what, const Value *v)
{
    if (stopped_value(v)) return;
    bool b;
    size_t i;
    if (!memo_index(e, what, &b, &i)) return;
    struct EvalMemo *m = memo_at(ev, e, what);
    if (!m) {
        memo_grow(ev, b, i + 1);
        m = memo_at(ev, e, what);
    }
    if (!m->q_live) {
        value_init(&m->v);
        m->q_live = true;
    }
    m->ent = e;
    m->gen = ev->memo_gen;
    m->year = year;
    m->win_year = ev->win_year;
    m->win_lo = (signed char)ev->win_lo;
    m->win_hi = (signed char)ev->win_hi;
    value_set(&m->v, v);
}

static void free_memo(struct EvalMemo *memo, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (memo[i].q_live) {
            mpq_clear(memo[i].v.q);
            if (memo[i].v.hi) {
                mpq_clear(memo[i].v.hi);
                free(memo[i].v.hi);
            }
        }
    free(memo);
}

void eval_invalidate(Eval *ev)
{
    ev->memo_gen = next_generation();
    ev->work = 0;
    ev->out_of_work = false;
}

/* ---- memo of rule calls and computed values: a rule called twice
 * with the same arguments (`aturan q2 = q1 + q1`) is evaluated once
 * per set of what-ifs, so a chain of such rules costs its length, not
 * two to the power of it.  Keyed by the rule (or the computed value's
 * expression) and the arguments. ---- */

typedef struct CallMemo {
    const void *key;
    uint64_t hash;
    int nargs;
    Value *args;
    Value result;
} CallMemo;

struct CallTable {
    CallMemo **slots;        /* open addressing, a power of two */
    size_t cap, len;
    uint32_t gen;            /* the generation the entries belong to */
};

static uint64_t mix(uint64_t h, uint64_t x)
{
    h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdULL;
}

static uint64_t mix_z(uint64_t h, mpz_srcptr z)
{
    size_t n = mpz_size(z);
    h = mix(h, (uint64_t)n * 2 + (mpz_sgn(z) < 0));
    for (size_t i = 0; i < n; i++) h = mix(h, mpz_getlimbn(z, (mp_size_t)i));
    return h;
}

static uint64_t mix_text(uint64_t h, const char *t)
{
    if (!t) return mix(h, 1);
    for (; *t; t++) h = mix(h, (unsigned char)*t);
    return h;
}

static uint64_t call_hash(const void *key, const Value *args, int nargs)
{
    uint64_t h = mix(0, (uint64_t)(uintptr_t)key);
    for (int i = 0; i < nargs; i++) {
        const Value *v = &args[i];
        h = mix(h, (uint64_t)v->kind * 64 + (uint64_t)(v->decimals + 1));
        switch (v->kind) {
        case V_NUM: case V_MONEY: h = mix_z(mix_z(h, mpq_numref(v->q)), mpq_denref(v->q)); break;
        case V_TEXT: case V_UNDEF: h = mix_text(h, v->text); break;
        case V_BOOL: h = mix(h, v->b); break;
        case V_REF: h = mix(h, (uint64_t)(uintptr_t)v->ent); break;
        case V_RANGE:
            h = mix_z(mix_z(h, mpq_numref(v->q)), mpq_denref(v->q));
            if (v->hi) h = mix_z(mix_z(h, mpq_numref(v->hi)), mpq_denref(v->hi));
            h = mix(h, (uint64_t)v->money * 2 + (uint64_t)(v->decimals_hi + 1) * 4);
            break;
        }
    }
    return h;
}

static bool same_arg(const Value *a, const Value *b)
{
    if (a->kind != b->kind || a->decimals != b->decimals) return false;
    switch (a->kind) {
    case V_NUM: case V_MONEY: return mpq_equal(a->q, b->q) != 0;
    case V_TEXT: case V_UNDEF: return a->text == b->text || (a->text && b->text && strcmp(a->text, b->text) == 0);
    case V_BOOL: return a->b == b->b;
    case V_REF: return a->ent == b->ent;
    case V_RANGE:
        return mpq_equal(a->q, b->q) && a->money == b->money && a->decimals_hi == b->decimals_hi &&
               (a->hi && b->hi ? mpq_equal(a->hi, b->hi) != 0 : a->hi == b->hi);
    }
    return false;
}

static void calls_clear(struct CallTable *t)
{
    for (size_t i = 0; i < t->cap; i++) {
        CallMemo *m = t->slots[i];
        if (!m) continue;
        for (int k = 0; k < m->nargs; k++) value_clear(&m->args[k]);
        free(m->args);
        value_clear(&m->result);
        free(m);
        t->slots[i] = NULL;
    }
    t->len = 0;
}

/* The slot of (key, args): the entry that holds them, or the empty slot
 * where it goes. */
static CallMemo **calls_slot(struct CallTable *t, const void *key, uint64_t h, const Value *args, int nargs)
{
    size_t mask = t->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        CallMemo *m = t->slots[i];
        if (!m) return &t->slots[i];
        if (m->hash != h || m->key != key || m->nargs != nargs) continue;
        int k = 0;
        while (k < nargs && same_arg(&m->args[k], &args[k])) k++;
        if (k == nargs) return &t->slots[i];
    }
}

/* A rule's result, or a computed value, depends on its arguments and on
 * nothing else, except while capaian_renstra reads an indikator's
 * target of the year as that of the end year (renstra_of): then nothing
 * is looked up or remembered. */
static bool calls_usable(const Eval *ev)
{
    return ev->renstra_of == NULL && ev->win_year == 0;
}

static bool calls_get(Eval *ev, const void *key, uint64_t h, const Value *args, int nargs, Value *out)
{
    struct CallTable *t = ev->calls;
    if (!t || t->gen != ev->memo_gen || !t->len || !calls_usable(ev)) return false;
    CallMemo *m = *calls_slot(t, key, h, args, nargs);
    if (!m) return false;
    value_set(out, &m->result);
    return true;
}

static void calls_put(Eval *ev, const void *key, uint64_t h, const Value *args, int nargs, const Value *v)
{
    if (stopped_value(v) || !calls_usable(ev)) return;
    struct CallTable *t = ev->calls;
    if (!t) t = ev->calls = xcalloc(1, sizeof *t);
    if (t->gen != ev->memo_gen || t->len >= MAX_CALLS_KEPT) {
        calls_clear(t);
        t->gen = ev->memo_gen;
    }
    if (2 * (t->len + 1) > t->cap) {
        size_t ncap = t->cap ? 2 * t->cap : 64;
        CallMemo **old = t->slots;
        size_t ocap = t->cap;
        t->slots = xcalloc(ncap, sizeof *t->slots);
        t->cap = ncap;
        for (size_t i = 0; i < ocap; i++) {
            if (!old[i]) continue;
            size_t j = (size_t)old[i]->hash & (ncap - 1);
            while (t->slots[j]) j = (j + 1) & (ncap - 1);
            t->slots[j] = old[i];
        }
        free(old);
    }
    CallMemo **slot = calls_slot(t, key, h, args, nargs);
    if (*slot) return;
    CallMemo *m = xmalloc(sizeof *m);
    m->key = key;
    m->hash = h;
    m->nargs = nargs;
    m->args = nargs ? xmalloc((size_t)nargs * sizeof *m->args) : NULL;
    for (int k = 0; k < nargs; k++) {
        value_init(&m->args[k]);
        value_set(&m->args[k], &args[k]);
    }
    value_init(&m->result);
    value_set(&m->result, v);
    *slot = m;
    t->len++;
}

static void calls_free(struct CallTable *t)
{
    if (!t) return;
    calls_clear(t);
    free(t->slots);
    free(t);
}

/* ---- the bounds of an evaluation ---- */

/* The reasons a value is undefined when evaluation stopped: such a value
 * is not remembered, since with more room it would have one. */
static const char *too_deep_reason(void) { return _("rules call each other too deeply"); }
static const char *no_work_reason(void) { return _("the evaluation ran out of its work budget"); }

static bool stopped_value(const Value *v)
{
    return v->kind == V_UNDEF && v->text && (v->text == too_deep_reason() || v->text == no_work_reason());
}

/* The rules being called, outermost first: "q64 > q63 > ... > q20". */
static void chain_text(const Eval *ev, Buf *b)
{
    size_t n = ev->chain.len;
    for (size_t i = 0; i < n; i++) {
        if (n > 8 && i == 3) {
            buf_puts(b, " > ...");
            i = n - 4;
        }
        if (i) buf_puts(b, " > ");
        buf_puts(b, ((const Entity *)ev->chain.items[i])->id);
    }
}

/* Reports a bound reached at `at`, once per message and place, naming
 * the rules being called and where the outermost was called. */
static void bound_error(Eval *ev, Span at, const char *code, const char *msg)
{
    Buf key;
    buf_init(&key);
    buf_printf(&key, "%p:%u:%s", (const void *)at.file, (unsigned)at.start, msg);
    for (size_t i = 0; i < ev->reported.len; i++)
        if (strcmp(ev->reported.items[i], key.data) == 0) {
            buf_free(&key);
            return;
        }
    vec_push(&ev->reported, xstrdup(key.data));
    buf_free(&key);
    if (!ev->dl) return;
    Diag *d = diag_add(ev->dl, DIAG_ERROR, code, at, "%s", msg);
    if (ev->chain.len) diag_label(d, ev->chain_at, _("the outermost rule is called here"));
}

bool eval_bounded(Eval *ev, Value *v, Span at)
{
    if ((v->kind != V_NUM && v->kind != V_MONEY) || !num_too_large(v->q)) return true;
    Buf m, c;
    buf_init(&m);
    buf_init(&c);
    if (ev->chain.len) {
        chain_text(ev, &c);
        buf_printf(&m, _("a number with more than %d digits (rule chain: %s)"), NUM_MAX_RESULT_DIGITS, c.data);
    } else {
        buf_printf(&m, _("a number with more than %d digits"), NUM_MAX_RESULT_DIGITS);
    }
    bound_error(ev, at, "E0407", m.data);
    buf_free(&m);
    buf_free(&c);
    value_undef(v, eval_reason(ev, _("a number has more than %d digits"), NUM_MAX_RESULT_DIGITS));
    return false;
}

/* Spends n steps of the budget; false (and the error reported at `at`
 * once) when it is spent. */
static bool spend(Eval *ev, unsigned long long n, Span at)
{
    if (ev->out_of_work) return false;
    ev->work += n;
    if (ev->work <= ev->work_budget) return true;
    ev->out_of_work = true;
    Buf m, c;
    buf_init(&m);
    buf_init(&c);
    if (ev->chain.len) {
        chain_text(ev, &c);
        buf_printf(&m, _("evaluation stopped after %llu steps (rule chain: %s)"), ev->work_budget, c.data);
    } else {
        buf_printf(&m, _("evaluation stopped after %llu steps"), ev->work_budget);
    }
    bound_error(ev, at, "E0406", m.data);
    buf_free(&m);
    buf_free(&c);
    return false;
}

/* Steps of an operation on a and b, whose parts have n limbs (64 bits)
 * in all: 1 + n/2 + n^2/4096, for the memory a result may keep (a step
 * pays for at most 16 bytes of it) and for the time GMP's gcd takes
 * (two numbers of 10 000 digits, some 2000 limbs, cost about 2000 steps);
 * numbers of a few limbs, nearly all, cost a step or two. */
static unsigned long long op_cost(mpq_srcptr a, mpq_srcptr b)
{
    unsigned long long n = mpz_size(mpq_numref(a)) + mpz_size(mpq_denref(a)) +
                           mpz_size(mpq_numref(b)) + mpz_size(mpq_denref(b));
    return 1 + n / 2 + n * n / 4096;
}

void eval_free(Eval *ev)
{
    for (int b = 0; b < 2; b++) {
        struct EvalMemo **memo = b ? &ev->memo_b : &ev->memo;
        size_t *memo_n = b ? &ev->memo_b_n : &ev->memo_n;
        if (*memo && (!spare_memo[b] || spare_n[b] < *memo_n)) {
            /* keep the larger set of slots (their numbers stay initialised) */
            struct EvalMemo *give = spare_memo[b];
            size_t give_n = spare_n[b];
            spare_memo[b] = *memo;   /* its generation is over: every slot is empty */
            spare_n[b] = *memo_n;
            *memo = give;
            *memo_n = give_n;
        }
        free_memo(*memo, *memo_n);
    }
    calls_free(ev->calls);
    vec_free(&ev->chain);
    mpq_clear(ev->cap);
    mpq_clear(ev->cap_rata);
    for (size_t i = 0; i < ev->reported.len; i++) free(ev->reported.items[i]);
    vec_free(&ev->reported);
    vec_free(&ev->andai);
}

Entity *eval_skala(Eval *ev) { return ev->skala ? ev->skala : ev->builtin_skala; }

void eval_format_num(const Eval *ev, Buf *b, mpq_srcptr q, int decimals)
{
    num_format(b, q, decimals, ev->round, ev->notation, true);
}

void eval_format_value(const Eval *ev, Buf *b, const Value *v, int min_dec)
{
    int dec = ev->desimal > min_dec ? ev->desimal : min_dec;
    if (v->kind == V_NUM && v->decimals >= 0) {
        /* a value written in the source: as written (84,27; 4) */
        num_format_short(b, v->q, dec, ev->round, ev->notation, true);
    } else if (v->kind == V_NUM) {
        /* a computed value: fixed decimals (102,77; 100,00) */
        num_format(b, v->q, dec, ev->round, ev->notation, true);
    } else if (v->kind == V_RANGE) {
        /* 80..90: each bound as a number of its own */
        Value bound;
        value_init(&bound);
        for (int i = 0; i < 2; i++) {
            value_range_bound(&bound, v, i == 1);
            if (i) buf_puts(b, "..");
            eval_format_value(ev, b, &bound, min_dec);
        }
        value_clear(&bound);
    } else {
        value_format(b, v, dec, ev->round, ev->notation);
    }
}

/* ---- what-if overrides ---- */

const Andai *eval_find_andai(Eval *ev, AndaiKind k, const Entity *x, int year, const char *data_name)
{
    for (size_t i = ev->andai.len; i-- > 0;) {
        const Andai *a = ev->andai.items[i];
        if (a->kind != k || a->target.ent != x || a->period) continue;
        if (!ent_is_budget(x)) {
            int y = a->has_year ? a->year : ev->u->tahun;
            if (y != year) continue;
        }
        if (k == ANDAI_DATA && strcmp(a->data_name, data_name) != 0) continue;
        return a;
    }
    return NULL;
}

void eval_literal(const Expr *e, Value *out)
{
    if ((e->kind == EX_NUM || e->kind == EX_MONEY) && e->u.num.unread) {
        value_undef(out, _("the value could not be read (see the error where it is written)"));
        return;
    }
    switch (e->kind) {
    case EX_NUM: value_num(out, e->u.num.q); out->decimals = e->u.num.decimals; break;
    case EX_MONEY: value_money(out, e->u.num.q); out->decimals = e->u.num.decimals; break;
    case EX_STR: value_text(out, e->u.str); out->decimals = -1; break;
    default: value_undef(out, NULL); break;
    }
}

const char *eval_self_dependent(void) { return _("it depends on itself"); }

/* A declared value: a literal, or a computed one such as ikm(SKM2024).
 * A computed one that needs itself ("realisasi capaian(S1)" in an
 * indikator of S1) would recurse for ever: past MAX_VALUE_DEPTH computed
 * values inside each other it is undefined, for that reason
 * (check_unit reports the reporting year's realisasi as E0517). */
static void stated_value(Eval *ev, const Expr *e, Value *out)
{
    if (e->kind == EX_CALL) {
        if (ev->unwinding) {
            value_undef(out, too_deep_reason());
            return;
        }
        uint64_t h = call_hash(e, NULL, 0);
        if (calls_get(ev, e, h, NULL, 0, out)) return;
        if (ev->value_depth >= MAX_VALUE_DEPTH) {
            value_undef(out, eval_self_dependent());
            return;
        }
        if (!spend(ev, WORK_CALL, e->span)) {
            value_undef(out, no_work_reason());
            return;
        }
        bool outermost = ev->value_depth == 0 && ev->call_depth == 0;
        ev->value_depth++;
        eval_expr(ev, e, out);
        ev->value_depth--;
        out->decimals = -1;
        calls_put(ev, e, h, NULL, 0, out);
        if (outermost) ev->unwinding = false;
    } else {
        eval_literal(e, out);
    }
}

/* ---- periods inside a year (sakip(5), PERIODS) ---- */

EvalWindow eval_window(Eval *ev, int year, int lo, int hi)
{
    EvalWindow old = {ev->win_year, ev->win_lo, ev->win_hi};
    ev->win_year = year;
    ev->win_lo = lo;
    ev->win_hi = hi;
    return old;
}

void eval_window_restore(Eval *ev, EvalWindow w)
{
    ev->win_year = w.year;
    ev->win_lo = w.lo;
    ev->win_hi = w.hi;
}

EvalWindow eval_window_period(Eval *ev, int year, int p)
{
    return eval_window(ev, year, period_first_month(p), period_last_month(p));
}

EvalWindow eval_window_sd(Eval *ev, int p)
{
    return eval_window(ev, ev->u->tahun, 1, period_last_month(p));
}

void eval_set_per(Eval *ev, int p)
{
    ev->per = p;
    if (p) eval_window_sd(ev, p);
    else eval_window(ev, 0, 0, 0);
}

static bool windowed(const Eval *ev, int year) { return ev->win_year && ev->win_year == year; }

static AndaiKind andai_of(char which)
{
    return which == 't' ? ANDAI_TARGET : which == 'p' ? ANDAI_RENCANA : ANDAI_REALISASI;
}

/* The stated values of the periods of year: slots[i] the value of
 * period i of the kind returned (the first kind written; check reports
 * another). */
static PeriodKind period_slots(const Vec *blocks, int year, const PeriodVal *slots[13])
{
    PeriodKind kind = PK_NONE;
    for (int i = 0; i < 13; i++) slots[i] = NULL;
    if (!blocks) return kind;
    for (size_t i = 0; i < blocks->len; i++) {
        const PeriodBlock *b = blocks->items[i];
        if (b->year != year) continue;
        for (size_t k = 0; k < b->vals.len; k++) {
            const PeriodVal *pv = b->vals.items[k];
            if (!pv->code) continue;
            if (kind == PK_NONE) kind = period_kind(pv->code);
            if (period_kind(pv->code) != kind || slots[period_index(pv->code)]) continue;
            slots[period_index(pv->code)] = pv;
        }
    }
    return kind;
}

/* period_slots' kind, without the slots: asked for far more often */
PeriodKind eval_period_kind(const Entity *x, char which, int year)
{
    const Vec *blocks = ent_period_blocks(x, which);
    if (!blocks) return PK_NONE;
    for (size_t i = 0; i < blocks->len; i++) {
        const PeriodBlock *b = blocks->items[i];
        if (b->year != year) continue;
        for (size_t k = 0; k < b->vals.len; k++) {
            const PeriodVal *pv = b->vals.items[k];
            if (pv->code) return period_kind(pv->code);
        }
    }
    return PK_NONE;
}

const Andai *eval_find_andai_period(Eval *ev, AndaiKind k, const Entity *x, int year, int code)
{
    for (size_t i = ev->andai.len; i-- > 0;) {
        const Andai *a = ev->andai.items[i];
        if (a->kind != k || a->target.ent != x || a->period <= 0) continue;
        if ((a->has_year ? a->year : ev->u->tahun) != year) continue;
        if (!code || a->period == code) return a;
    }
    return NULL;
}

void eval_period_stated(Eval *ev, Entity *x, char which, int year, int code, Value *out)
{
    const PeriodVal *slots[13];
    PeriodKind kind = period_slots(ent_period_blocks(x, which), year, slots);
    const Andai *a = eval_find_andai_period(ev, andai_of(which), x, year, code);
    const Expr *e = a ? a->value->lo : kind == period_kind(code) && slots[period_index(code)] ? slots[period_index(code)]->value : NULL;
    if (!e) {
        value_undef(out, eval_reason(ev, _("%s has no %s for %s %d"), x->id, which == 't' ? "target" : which == 'p' ? "rencana" : "realisasi",
                                     period_name(code), year));
        return;
    }
    eval_literal(e, out);
    if (out->kind == V_NUM && ent_kind_is_budget(x->kind)) out->kind = V_MONEY;
}

bool eval_leaf_period_sen(Eval *ev, Entity *x, char which, PeriodKind k, int count, int64_t *out)
{
    const PeriodVal *slots[13];
    int year = ev->u->tahun;
    if (period_slots(ent_period_blocks(x, which), year, slots) != k) return false;
    for (int i = 1; i <= count; i++) {
        const Andai *a = eval_find_andai_period(ev, andai_of(which), x, year, period_make(k, i));
        const Expr *e = a ? a->value->lo : slots[i] ? slots[i]->value : NULL;
        if (!e || (e->kind != EX_NUM && e->kind != EX_MONEY) || e->u.num.unread || !num_to_scaled(e->u.num.q, 2, &out[i - 1]))
            return false;
    }
    return true;
}

/* x's periods of `which` in year, read once: their slots and kind (a
 * period what-if's kind when none is written), what they make by (money:
 * always their sum), and the reason every window of them is undefined,
 * if one is. */
typedef struct PeriodsRead {
    const PeriodVal *slots[13];
    PeriodKind kind;
    Agregasi ag;
    bool money;
    const char *what;    /* "target", "rencana", "realisasi" */
    const char *undef_why;   /* set: every window is undefined for it */
} PeriodsRead;

static void periods_read(Eval *ev, Entity *x, char which, int year, Agregasi ag, PeriodsRead *pr)
{
    pr->what = which == 't' ? "target" : which == 'p' ? "rencana" : "realisasi";
    pr->undef_why = NULL;
    pr->kind = period_slots(ent_period_blocks(x, which), year, pr->slots);
    if (!pr->kind) {
        const Andai *a = eval_find_andai_period(ev, andai_of(which), x, year, 0);
        if (a) pr->kind = period_kind(a->period);
    }
    if (!pr->kind) {
        if (ev->no_periods.x != x || ev->no_periods.which != which || ev->no_periods.year != year) {
            ev->no_periods.why = eval_reason(ev, _("%s has no %s per period for %d"), x->id, pr->what, year);
            ev->no_periods.x = x;
            ev->no_periods.which = which;
            ev->no_periods.year = year;
        }
        pr->undef_why = ev->no_periods.why;
        return;
    }
    pr->money = ent_kind_is_budget(x->kind);
    pr->ag = pr->money ? AG_JUMLAH : ag;
    if (pr->ag == AG_NONE || pr->ag == AG_UNKNOWN)
        pr->undef_why = eval_reason(ev, _("%s has periods but no 'agregasi'"), x->id);
}

/* The value of the periods pr read in months lo..hi, made one by their
 * agregasi. */
static void periods_window(Eval *ev, Entity *x, char which, int year, const PeriodsRead *pr, int lo, int hi, Value *out)
{
    if (pr->undef_why) {
        value_undef(out, pr->undef_why);
        return;
    }
    Agregasi ag = pr->ag;
    int m = period_months(pr->kind);
    if ((lo - 1) % m || hi % m) {
        value_undef(out, eval_reason(ev, _("%s of %s is given per %s, and the period asked for does not end on one"), pr->what,
                                     x->id, period_kind_word(pr->kind)));
        return;
    }
    int from = (lo - 1) / m + 1, to = hi / m;
    Buf missing;
    buf_init(&missing);
    bool first = true;
    int written = -1;        /* one period: its value as written (84.40 stays 84,40) */
    out->kind = V_UNDEF;
    /* each period's literal is read where it is written: no Value is
     * made of it (four copies a year value, for thousands of nodes) */
    for (int i = from; i <= to; i++) {
        int code = period_make(pr->kind, i);
        const Andai *a = eval_find_andai_period(ev, andai_of(which), x, year, code);
        const Expr *e = a ? a->value->lo : pr->slots[i] ? pr->slots[i]->value : NULL;
        if (!e) {
            buf_printf(&missing, "%s%s", missing.len ? ", " : "", period_name(code));
            continue;
        }
        if ((e->kind != EX_NUM && e->kind != EX_MONEY) || e->u.num.unread) {
            Value v;
            value_init(&v);
            eval_literal(e, &v);
            value_undef(out, v.kind == V_UNDEF ? v.text : eval_reason(ev, _("%s %s of %s is not a number"), pr->what, period_name(code), x->id));
            value_clear(&v);
            buf_free(&missing);
            return;
        }
        mpq_srcptr q = e->u.num.q;
        written = e->u.num.decimals;
        if (first || ag == AG_AKHIR || (ag == AG_MAKSIMUM && num_cmp(q, out->q) > 0) ||
            (ag == AG_MINIMUM && num_cmp(q, out->q) < 0))
            num_set(out->q, q);
        else if (ag == AG_JUMLAH || ag == AG_RATA)
            num_add(out->q, out->q, q);
        first = false;
    }
    if (missing.len) {
        value_undef(out, eval_reason(ev, _("%s has no %s for %s of %d"), x->id, pr->what, missing.data, year));
    } else {
        if (ag == AG_RATA && to > from) {
            mpq_t d;
            mpq_init(d);
            mpq_set_ui(d, (unsigned long)(to - from + 1), 1);
            num_div(out->q, out->q, d);
            mpq_clear(d);
        }
        out->kind = pr->money ? V_MONEY : V_NUM;
        out->decimals = from == to ? written : -1;
    }
    buf_free(&missing);
}

/* The value of x's periods in months lo..hi of year, made one by ag
 * (money: always their sum). */
static void period_value(Eval *ev, Entity *x, char which, int year, int lo, int hi, Agregasi ag, Value *out)
{
    PeriodsRead pr;
    periods_read(ev, x, which, year, ag, &pr);
    periods_window(ev, x, which, year, &pr, lo, hi, out);
}

/* Whether x's value of year comes from its periods: it has some and no
 * year value stands instead (none is written, or a what-if changed a
 * period). */
static bool from_periods(Eval *ev, Entity *x, char which, int year, bool stated)
{
    if (eval_period_kind(x, which, year) == PK_NONE && !eval_find_andai_period(ev, andai_of(which), x, year, 0)) return false;
    return !stated || eval_find_andai_period(ev, andai_of(which), x, year, 0);
}

static Agregasi agregasi_of(const Entity *x)
{
    return x->kind == ENT_INDIKATOR ? ent_indikator_c(x)->agregasi : AG_JUMLAH;
}

void eval_period_series(Eval *ev, Entity *ind, char which, int year, PeriodKind k, int n, Value *own, Value *sd)
{
    PeriodsRead pr;
    periods_read(ev, ind, which, year, agregasi_of(ind), &pr);
    int m = period_months(k);
    for (int i = 1; i <= n; i++) {
        periods_window(ev, ind, which, year, &pr, (i - 1) * m + 1, i * m, &own[i - 1]);
        periods_window(ev, ind, which, year, &pr, 1, i * m, &sd[i - 1]);
    }
}

/* ---- indikator values ---- */

static const YearVal *year_value(const Vec *vals, int year, int tahun)
{
    const YearVal *found = NULL;
    for (size_t i = 0; i < vals->len; i++) {
        const YearVal *v = vals->items[i];
        int y = v->has_year ? v->year : tahun;
        if (y == year) found = v;
    }
    return found;
}

void eval_target_value(Eval *ev, Entity *ind, int year, Value *out)
{
    Value hi;
    value_init(&hi);
    eval_target(ev, ind, year, out, &hi);
    if (out->kind != V_UNDEF && hi.kind != V_UNDEF) value_range(out, out, &hi);
    value_clear(&hi);
}

void eval_target(Eval *ev, Entity *ind, int year, Value *lo, Value *hi)
{
    value_undef(hi, NULL);
    if (ind == ev->renstra_of && year == ev->renstra_from) year = ev->renstra_to;
    if (windowed(ev, year)) {
        period_value(ev, ind, 't', year, ev->win_lo, ev->win_hi, agregasi_of(ind), lo);
        return;
    }
    const Andai *a = eval_find_andai(ev, ANDAI_TARGET, ind, year, NULL);
    const YearVal *v = a ? a->value : year_value(&ent_indikator(ind)->target, year, ev->u->tahun);
    if (!a && from_periods(ev, ind, 't', year, v != NULL)) {
        period_value(ev, ind, 't', year, 1, 12, agregasi_of(ind), lo);
        return;
    }
    if (!v) {
        value_undef(lo, eval_reason(ev, _("%s has no target for %d"), ind->id, year));
        return;
    }
    stated_value(ev, v->lo, lo);
    if (v->hi) stated_value(ev, v->hi, hi);
}

static DataYear *data_for(Entity *ind, int year)
{
    const Vec *data = &ent_indikator(ind)->data;
    for (size_t i = 0; i < data->len; i++) {
        DataYear *d = data->items[i];
        if (d->year == year) return d;
    }
    return NULL;
}

/* Where an indikator's realisasi for year comes from, in order: a
 * what-if, data for its rumus, a stated value; none of them set when
 * there is none. */
typedef struct RealisasiSource {
    const Andai *andai;
    DataYear *data;
    const YearVal *stated;
} RealisasiSource;

static bool realisasi_source(Eval *ev, Entity *ind, int year, RealisasiSource *src)
{
    const IndikatorDecl *ik = ent_indikator(ind);
    src->andai = eval_find_andai(ev, ANDAI_REALISASI, ind, year, NULL);
    src->data = !src->andai && ik->rumus ? data_for(ind, year) : NULL;
    src->stated = !src->andai && !src->data ? year_value(&ik->realisasi, year, ev->u->tahun) : NULL;
    return src->andai || src->data || src->stated;
}

static void realisasi_indikator(Eval *ev, Entity *ind, int year, Value *out)
{
    RealisasiSource src;
    if (windowed(ev, year)) {
        period_value(ev, ind, 'r', year, ev->win_lo, ev->win_hi, agregasi_of(ind), out);
        return;
    }
    bool has = realisasi_source(ev, ind, year, &src);
    if (!src.andai && from_periods(ev, ind, 'r', year, has)) {
        period_value(ev, ind, 'r', year, 1, 12, agregasi_of(ind), out);
        return;
    }
    if (!has) {
        value_undef(out, eval_reason(ev, _("%s has no realisasi for %d"), ind->id, year));
    } else if (src.andai) {
        stated_value(ev, src.andai->value->lo, out);
    } else if (src.data) {
        DataYear *saved = ev->data;
        Entity *saved_owner = ev->data_owner;
        Value *saved_frame = ev->frame;
        ev->data = src.data;
        ev->data_owner = ind;
        ev->frame = NULL;
        eval_expr(ev, ent_indikator(ind)->rumus, out);
        ev->data = saved;
        ev->data_owner = saved_owner;
        ev->frame = saved_frame;
    } else {
        stated_value(ev, src.stated->lo, out);
    }
}

/* Whether an indikator has a realisasi for year at all: the tables skip
 * the years without one rather than have the reason for an undefined
 * value formatted. */
bool eval_has_realisasi(Eval *ev, Entity *ind, int year)
{
    RealisasiSource src;
    return realisasi_source(ev, ind, year, &src) || eval_period_kind(ind, 'r', year) != PK_NONE ||
           windowed(ev, year);
}

/* ---- budget ---- */

static void budget_amount_uncached(Eval *ev, Entity *x, bool anggaran, Value *out);

/* The budget sums are asked for again and again (serapan, claims, the
 * tables): each node's, and each sasaran's, is computed once per set of
 * what-ifs. */
static void budget_amount(Eval *ev, Entity *x, bool anggaran, Value *out)
{
    MemoWhat what = anggaran ? MEMO_ANGGARAN : MEMO_REALISASI;
    if (memo_hit(ev, x, 0, what, out)) return;
    budget_amount_uncached(ev, x, anggaran, out);
    memo_put(ev, x, 0, what, out);
}

/* The anggaran (or realisasi) of several budget nodes added up;
 * undefined as soon as one is. */
static void sum_amounts(Eval *ev, const Vec *nodes, bool anggaran, Value *out)
{
    Value part;
    value_init(&part);
    out->kind = V_MONEY;
    out->decimals = -1;
    mpq_set_ui(out->q, 0, 1);
    for (size_t i = 0; i < nodes->len; i++) {
        budget_amount(ev, nodes->items[i], anggaran, &part);
        if (part.kind == V_UNDEF) {
            value_undef(out, part.text);
            break;
        }
        num_add(out->q, out->q, part.q);
    }
    value_clear(&part);
}

bool eval_supported_above(const Entity *s, const Entity *node)
{
    const Vec *supporters = &ent_sasaran_c(s)->supporters;
    for (const Entity *up = node->parent; up; up = up->parent)
        for (size_t i = 0; i < supporters->len; i++)
            if (supporters->items[i] == up) return true;
    return false;
}

/* A budget node's amount, or the sum over the budget of a sasaran. */
static void budget_amount_uncached(Eval *ev, Entity *x, bool anggaran, Value *out)
{
    if (x->kind == ENT_SASARAN) {
        /* the subkegiatan under every node that names it, each once: the
         * nodes under another that names it are in that one's sum */
        const Vec *supporters = &ent_sasaran(x)->supporters;
        Vec top = {0};
        for (size_t i = 0; i < supporters->len; i++)
            if (!eval_supported_above(x, supporters->items[i])) vec_push(&top, supporters->items[i]);
        if (supporters->len == 0)
            value_undef(out, eval_reason(ev, _("no program 'mendukung' sasaran %s"), x->id));
        else
            sum_amounts(ev, &top, anggaran, out);
        vec_free(&top);
        return;
    }
    const BudgetDecl *bd = ent_budget(x);
    if (!anggaran && ev->win_year && ev->win_year != ev->u->tahun) {
        /* budget period values exist only for tahun (sakip(5), PERIODS) */
        value_undef(out, eval_reason(ev, _("the budget's periods are those of tahun %d, not %d"), ev->u->tahun, ev->win_year));
        return;
    }
    if (x->kind == ENT_SUBKEGIATAN || bd->children.len == 0) {
        if (!anggaran && windowed(ev, ev->u->tahun)) {
            period_value(ev, x, 'r', ev->u->tahun, ev->win_lo, ev->win_hi, AG_JUMLAH, out);
            return;
        }
        const Andai *a = eval_find_andai(ev, anggaran ? ANDAI_ANGGARAN : ANDAI_REALISASI, x, 0, NULL);
        if (!anggaran && !a && from_periods(ev, x, 'r', ev->u->tahun, bd->realisasi_uang != NULL)) {
            period_value(ev, x, 'r', ev->u->tahun, 1, 12, AG_JUMLAH, out);
            return;
        }
        const Expr *e = a ? a->value->lo : anggaran ? bd->anggaran : bd->realisasi_uang;
        if (!e) {
            value_undef(out, eval_reason(ev, _("%s %s has no %s"), ent_kind_name(x->kind), x->id,
                                        anggaran ? "anggaran" : "realisasi"));
            return;
        }
        eval_literal(e, out);
        if (out->kind == V_NUM) out->kind = V_MONEY;
        return;
    }
    sum_amounts(ev, &bd->children, anggaran, out);
}

/* The rencana of several nodes added up; undefined as soon as one is. */
static void sum_rencana(Eval *ev, const Vec *nodes, Value *out)
{
    Value part;
    value_init(&part);
    out->kind = V_MONEY;
    out->decimals = -1;
    mpq_set_ui(out->q, 0, 1);
    for (size_t i = 0; i < nodes->len; i++) {
        eval_rencana(ev, nodes->items[i], &part);
        if (part.kind == V_UNDEF) {
            value_undef(out, part.text);
            break;
        }
        num_add(out->q, out->q, part.q);
    }
    value_clear(&part);
}

static void rencana_uncached(Eval *ev, Entity *x, Value *out);

/* A node's rencana, asked for each period by the table of periods and
 * again for the nodes above it: remembered as the other sums are. */
void eval_rencana(Eval *ev, Entity *x, Value *out)
{
    if (memo_hit(ev, x, 0, MEMO_RENCANA, out)) return;
    rencana_uncached(ev, x, out);
    memo_put(ev, x, 0, MEMO_RENCANA, out);
}

static void rencana_uncached(Eval *ev, Entity *x, Value *out)
{
    if (x->kind == ENT_SASARAN) {
        const Vec *supporters = &ent_sasaran(x)->supporters;
        Vec top = {0};
        for (size_t i = 0; i < supporters->len; i++)
            if (!eval_supported_above(x, supporters->items[i])) vec_push(&top, supporters->items[i]);
        if (supporters->len == 0) value_undef(out, eval_reason(ev, _("no program 'mendukung' sasaran %s"), x->id));
        else sum_rencana(ev, &top, out);
        vec_free(&top);
        return;
    }
    if (!ent_is_budget(x)) {
        value_undef(out, eval_reason(ev, _("%s is not a budget node or sasaran"), x->id));
        return;
    }
    const BudgetDecl *bd = ent_budget(x);
    if (ev->win_year && ev->win_year != ev->u->tahun) {
        value_undef(out, eval_reason(ev, _("the budget's periods are those of tahun %d, not %d"), ev->u->tahun, ev->win_year));
        return;
    }
    if (x->kind == ENT_SUBKEGIATAN || bd->children.len == 0) {
        int y = ev->u->tahun;
        if (windowed(ev, y)) period_value(ev, x, 'p', y, ev->win_lo, ev->win_hi, AG_JUMLAH, out);
        else period_value(ev, x, 'p', y, 1, 12, AG_JUMLAH, out);
        return;
    }
    sum_rencana(ev, &bd->children, out);
}

void eval_anggaran(Eval *ev, Entity *x, Value *out)
{
    if (x->kind == ENT_SASARAN || ent_is_budget(x)) budget_amount(ev, x, true, out);
    else value_undef(out, eval_reason(ev, _("%s is not a budget node"), x->id));
}

void eval_realisasi(Eval *ev, Entity *x, int year, Value *out)
{
    if (x->kind == ENT_INDIKATOR) realisasi_indikator(ev, x, year, out);
    else if (x->kind == ENT_SASARAN || ent_is_budget(x)) budget_amount(ev, x, false, out);
    else value_undef(out, eval_reason(ev, _("%s has no realisasi"), x->id));
}

/* out = a / b * 100.  Returns false, leaving out to the caller, when b is
 * 0: the caller says what b is ("%s is 0"), so the reason is only
 * formatted when it is needed. */
static bool percent_of(const Value *a, const Value *b, Value *out)
{
    if (a->kind == V_UNDEF) { value_undef(out, a->text); return true; }
    if (b->kind == V_UNDEF) { value_undef(out, b->text); return true; }
    if (mpq_sgn(b->q) == 0) return false;
    num_percent(out->q, a->q, b->q);
    out->kind = V_NUM;
    out->decimals = -1;
    return true;
}

static void serapan_uncached(Eval *ev, Entity *x, Value *out);

void eval_serapan(Eval *ev, Entity *x, Value *out)
{
    if (memo_hit(ev, x, 0, MEMO_SERAPAN, out)) return;
    serapan_uncached(ev, x, out);
    memo_put(ev, x, 0, MEMO_SERAPAN, out);
}

static void serapan_uncached(Eval *ev, Entity *x, Value *out)
{
    Value a, r;
    value_init(&a);
    value_init(&r);
    if (x->kind == ENT_SASARAN || ent_is_budget(x)) {
        budget_amount(ev, x, true, &a);
        budget_amount(ev, x, false, &r);
    } else {
        value_undef(&a, eval_reason(ev, _("%s is not a budget node or sasaran"), x->id));
    }
    if (!percent_of(&r, &a, out)) value_undef(out, eval_reason(ev, _("%s is 0"), eval_reason(ev, _("anggaran of %s"), x->id)));
    value_clear(&a);
    value_clear(&r);
}

/* ---- capaian (sakip(5), indikator: polaritas, rumus_capaian, batas, bobot) ---- */

const char *const eval_capaian_var_names[4] = {"target", "realisasi", "target_bawah", "target_atas"};

int eval_capaian_var(const char *name)
{
    for (int i = 0; i < 4; i++)
        if (!strcmp(name, eval_capaian_var_names[i])) return i;
    return -1;
}

void eval_bobot(const Entity *ind, mpq_t out)
{
    const Expr *w = ind->kind == ENT_INDIKATOR ? ent_indikator_c(ind)->bobot : NULL;
    if (w && w->kind == EX_NUM && mpq_sgn(w->u.num.q) > 0) num_set(out, w->u.num.q);
    else mpq_set_ui(out, 1, 1);
}

/* Capaian of r against target t under a polarity (no limit). */
static void capaian_formula(Eval *ev, Entity *ind, Polaritas pol, const Value *r, const Value *t, Value *out)
{
    if (r->kind == V_UNDEF) { value_undef(out, r->text); return; }
    if (t->kind == V_UNDEF) { value_undef(out, t->text); return; }
    if (mpq_sgn(t->q) == 0) {
        value_undef(out, eval_reason(ev, _("the target of %s is 0"), ind->id));
        return;
    }
    if (pol == POL_NEGATIF) {
        /* (target - (realisasi - target)) / target * 100 */
        Value num;
        value_init(&num);
        num_sub(num.q, r->q, t->q);
        num_sub(num.q, t->q, num.q);
        num.kind = V_NUM;
        if (!percent_of(&num, t, out)) value_undef(out, eval_reason(ev, _("%s is 0"), "target"));
        value_clear(&num);
    } else {
        if (!percent_of(r, t, out)) value_undef(out, eval_reason(ev, _("%s is 0"), "target"));
    }
}

/* The built-in method: a range target scores 100 for a realisasi inside
 * it; outside it the nearer bound is the target, in the polarity's
 * formula (polaritas stabil: negatif above, positif below). */
static void capaian_builtin(Eval *ev, Entity *ind, const Value *r, const Value *lo, const Value *hi, Value *out)
{
    Polaritas pol = ent_indikator(ind)->polaritas;
    const Value *t = lo;
    if (hi->kind != V_UNDEF && r->kind != V_UNDEF && lo->kind != V_UNDEF) {
        if (num_cmp(r->q, lo->q) >= 0 && num_cmp(r->q, hi->q) <= 0) {
            mpq_set_ui(out->q, 100, 1);
            out->kind = V_NUM;
            out->decimals = -1;
            return;
        }
        bool above = num_cmp(r->q, hi->q) > 0;
        if (above) t = hi;
        if (pol == POL_STABIL) pol = above ? POL_NEGATIF : POL_POSITIF;
    } else if (pol == POL_STABIL && lo->kind != V_UNDEF && r->kind != V_UNDEF) {
        value_undef(out, eval_reason(ev, _("polaritas stabil of %s needs a range target"), ind->id));
        return;
    }
    capaian_formula(ev, ind, pol, r, t, out);
}

/* Clamps c by the indikator's batas, or by batas_capaian when it has
 * none; true when the value changed. */
static bool apply_batas(Eval *ev, const Entity *ind, Value *c, bool *own)
{
    const IndikatorDecl *ik = ent_indikator_c(ind);
    *own = ik->has_batas;
    if (c->kind != V_NUM) return false;
    if (ik->has_batas) {
        const Expr *lo = ik->batas_lo, *hi = ik->batas_hi;
        if (lo && lo->kind == EX_NUM && num_cmp(c->q, lo->u.num.q) < 0) {
            num_set(c->q, lo->u.num.q);
            return true;
        }
        if (hi && hi->kind == EX_NUM && num_cmp(c->q, hi->u.num.q) > 0) {
            num_set(c->q, hi->u.num.q);
            return true;
        }
        return false;
    }
    if (ev->has_cap && num_cmp(c->q, ev->cap) > 0) {
        num_set(c->q, ev->cap);
        return true;
    }
    return false;
}

static void call_rule(Eval *ev, Entity *rule, Value *args, int nargs, Span at, Value *out);

/* A rule that replaces a built-in of an entity and a year (aturan
 * capaian(x, t), predikat(x, t)): called with as many of (x, year) as it
 * takes. */
static void call_rule_of(Eval *ev, Entity *rule, Entity *x, int year, Value *out)
{
    Value args[2];
    value_init(&args[0]);
    value_init(&args[1]);
    value_ref(&args[0], x);
    mpq_set_si(args[1].q, year, 1);
    args[1].kind = V_NUM;
    int n = (int)ent_aturan(rule)->params.len;
    call_rule(ev, rule, args, n < 2 ? n : 2, x->id_span, out);
    value_clear(&args[0]);
    value_clear(&args[1]);
}

/* capaian by a rule named capaian, for x and year; for capaian_renstra
 * (t_year another year) the rule sees the target of t_year as that of
 * the year. */
static void capaian_by_rule(Eval *ev, Entity *x, int year, int t_year, Value *out)
{
    Entity *saved_of = ev->renstra_of;
    int saved_from = ev->renstra_from, saved_to = ev->renstra_to;
    if (t_year != year) {
        ev->renstra_of = x;
        ev->renstra_from = year;
        ev->renstra_to = t_year;
    }
    call_rule_of(ev, ev->rule_capaian, x, year, out);
    ev->renstra_of = saved_of;
    ev->renstra_from = saved_from;
    ev->renstra_to = saved_to;
}

/* An indikator's rumus_capaian over the values of the year. */
static void capaian_by_rumus(Eval *ev, Entity *ind, const Value *r, const Value *lo, const Value *hi, Value *out)
{
    if (ev->value_depth >= MAX_VALUE_DEPTH) {
        /* it asks for its own capaian (through its sasaran): check_unit reports E0556 */
        value_undef(out, eval_self_dependent());
        return;
    }
    Value vars[4];
    for (int i = 0; i < 4; i++) value_init(&vars[i]);
    bool range = hi->kind != V_UNDEF;
    bool above = range && r->kind != V_UNDEF && lo->kind != V_UNDEF && num_cmp(r->q, hi->q) > 0;
    value_set(&vars[0], above ? hi : lo);   /* target: the bound that applies */
    value_set(&vars[1], r);
    value_set(&vars[2], lo);                 /* target_bawah */
    value_set(&vars[3], range ? hi : lo);    /* target_atas */
    Value *saved_vars = ev->capaian_vars;
    Value *saved_frame = ev->frame;
    DataYear *saved_data = ev->data;
    ev->capaian_vars = vars;
    ev->frame = NULL;
    ev->data = NULL;
    ev->value_depth++;
    eval_expr(ev, ent_indikator(ind)->rumus_capaian, out);
    ev->value_depth--;
    ev->capaian_vars = saved_vars;
    ev->frame = saved_frame;
    ev->data = saved_data;
    if (out->kind != V_NUM && out->kind != V_UNDEF)
        value_undef(out, eval_reason(ev, _("the rumus_capaian of %s gives a %s, not a number"), ind->id,
                                     vkind_name(out->kind)));
    out->decimals = -1;
    for (int i = 0; i < 4; i++) value_clear(&vars[i]);
}

/* eval_capaian_why, from the realisasi r and target lo, hi when the
 * caller has just evaluated them under the same window (r NULL: they
 * are evaluated here; a rule asks for what it needs itself). */
static void capaian_from(Eval *ev, Entity *ind, int year, int t_year, const Value *r, const Value *lo, const Value *hi,
                         Value *out, CapaianWhy *why)
{
    const IndikatorDecl *ik = ent_indikator(ind);
    CapaianMethod method = ik->rumus_capaian ? CM_RUMUS : ev->rule_capaian ? CM_ATURAN : CM_BUILTIN;
    void (*by)(Eval *, Entity *, const Value *, const Value *, const Value *, Value *) =
        method == CM_RUMUS ? capaian_by_rumus : capaian_builtin;
    if (method == CM_ATURAN) {
        capaian_by_rule(ev, ind, year, t_year, out);
    } else if (r) {
        by(ev, ind, r, lo, hi, out);
    } else {
        Value rv, lov, hiv;
        value_init(&rv);
        value_init(&lov);
        value_init(&hiv);
        realisasi_indikator(ev, ind, year, &rv);
        eval_target(ev, ind, t_year, &lov, &hiv);
        by(ev, ind, &rv, &lov, &hiv, out);
        value_clear(&rv);
        value_clear(&lov);
        value_clear(&hiv);
    }
    if (why) {
        why->method = method;
        value_set(&why->raw, out);
    }
    bool own;
    bool clamped = apply_batas(ev, ind, out, &own);
    if (why) {
        why->clamped = clamped;
        why->own_batas = own;
    }
}

void eval_capaian_why(Eval *ev, Entity *ind, int year, int t_year, Value *out, CapaianWhy *why)
{
    capaian_from(ev, ind, year, t_year, NULL, NULL, NULL, out, why);
}

static void capaian_uncached(Eval *ev, Entity *x, int year, Value *out);
static void capaian_renstra_one(Eval *ev, Entity *x, int year, Value *out);

/* A capaian as it enters a mean: capped by batas_rata. */
static void capped_for_mean(Eval *ev, Value *c)
{
    if (ev->has_cap_rata && c->kind == V_NUM && num_cmp(c->q, ev->cap_rata) > 0) num_set(c->q, ev->cap_rata);
}

/* Warns once that an undefined capaian is left out of a mean. */
static void note_left_out(Eval *ev, const Entity *ind, const char *of, const char *why)
{
    if (!ev->dl) return;
    char *msg = eval_reason(ev, _("the capaian of %s is undefined and left out of %s (rata_abaikan_kosong): %s"), ind->id,
                            of, why ? why : _("a value it needs is missing"));
    for (size_t i = 0; i < ev->reported.len; i++)
        if (strcmp(ev->reported.items[i], msg) == 0) return;
    vec_push(&ev->reported, xstrdup(msg));
    diag_add(ev->dl, DIAG_WARNING, "W0554", ind->id_span, "%s", msg);
}

/* The weighted mean of the capaian of inds (each by each), as sakip(5)
 * says means are taken: sum(bobot x capaian) / sum(bobot), each capaian
 * capped by batas_rata; an undefined one makes the mean undefined, or
 * is left out under rata_abaikan_kosong.  of names the mean for
 * messages. */
static void weighted_mean_parts(Eval *ev, const Vec *inds, int year, Value *out, const char *of,
                                void (*each)(Eval *, Entity *, int, Value *), mpq_ptr sum_out, mpq_ptr weight_out)
{
    Value part;
    value_init(&part);
    mpq_t w, sw, t;
    mpq_inits(w, sw, t, NULL);
    mpq_set_ui(out->q, 0, 1);
    bool ok = true;
    const char *why = NULL;
    for (size_t i = 0; i < inds->len && ok; i++) {
        Entity *ind = inds->items[i];
        each(ev, ind, year, &part);
        if (part.kind != V_NUM) {
            const char *reason = part.kind == V_UNDEF ? part.text : _("capaian is not a number");
            if (ev->skip_undefined) {
                note_left_out(ev, ind, of, reason);
                if (!why) why = reason;
                continue;
            }
            value_undef(out, reason);
            ok = false;
            break;
        }
        capped_for_mean(ev, &part);
        eval_bobot(ind, w);
        num_mul(t, w, part.q);
        num_add(out->q, out->q, t);
        num_add(sw, sw, w);
    }
    if (ok) {
        if (sum_out) num_set(sum_out, out->q);
        if (weight_out) num_set(weight_out, sw);
        if (mpq_sgn(sw) == 0) {
            value_undef(out, why ? why : eval_reason(ev, _("%s has no capaian"), of));
        } else {
            num_div(out->q, out->q, sw);
            out->kind = V_NUM;
            out->decimals = -1;
        }
    }
    mpq_clears(w, sw, t, NULL);
    value_clear(&part);
}

static void weighted_mean(Eval *ev, const Vec *inds, int year, Value *out, const char *of,
                          void (*each)(Eval *, Entity *, int, Value *))
{
    weighted_mean_parts(ev, inds, year, out, of, each, NULL, NULL);
}

static void mean_of_indikator(Eval *ev, Entity *s, int year, Value *out,
                              void (*each)(Eval *, Entity *, int, Value *))
{
    if (s->indikator.len == 0) {
        value_undef(out, eval_reason(ev, _("sasaran %s has no indikator"), s->id));
        return;
    }
    weighted_mean(ev, &s->indikator, year, out, eval_reason(ev, _("the mean of %s %s"), ent_kind_name(s->kind), s->id),
                  each);
}

void eval_capaian(Eval *ev, Entity *x, int year, Value *out)
{
    if (memo_hit(ev, x, year, MEMO_CAPAIAN, out)) return;
    capaian_uncached(ev, x, year, out);
    memo_put(ev, x, year, MEMO_CAPAIAN, out);
}

bool eval_capaian_pure(const Eval *ev, const Entity *ind)
{
    return !ent_indikator_c(ind)->rumus_capaian && !ev->rule_capaian;
}

void eval_capaian_given(Eval *ev, Entity *ind, int year, const Value *r, const Value *lo, const Value *hi, Value *out)
{
    if (memo_hit(ev, ind, year, MEMO_CAPAIAN, out)) return;
    capaian_from(ev, ind, year, year, r, lo, hi, out, NULL);
    memo_put(ev, ind, year, MEMO_CAPAIAN, out);
}

static void capaian_uncached(Eval *ev, Entity *x, int year, Value *out)
{
    if (x->kind == ENT_SASARAN || x->kind == ENT_TUJUAN) {
        mean_of_indikator(ev, x, year, out, eval_capaian);
        return;
    }
    if (x->kind != ENT_INDIKATOR) {
        value_undef(out, eval_reason(ev, _("capaian needs an indikator or sasaran, not %s %s"),
                                    ent_kind_name(x->kind), x->id));
        return;
    }
    eval_capaian_why(ev, x, year, year, out, NULL);
}

/* The IKU: the indikator of every sasaran, in order. */
static void all_iku(const Unit *u, Vec *out)
{
    for (size_t i = 0; i < u->sasaran.len; i++) {
        const Entity *s = u->sasaran.items[i];
        for (size_t k = 0; k < s->indikator.len; k++) vec_push(out, s->indikator.items[k]);
    }
}

bool eval_capaian_iku_parts(Eval *ev, int year, mpq_t sum, mpq_t weight)
{
    Vec iku = {0};
    all_iku(ev->u, &iku);
    Value v;
    value_init(&v);
    if (iku.len) weighted_mean_parts(ev, &iku, year, &v, _("the mean over all IKU"), eval_capaian, sum, weight);
    bool ok = v.kind == V_NUM;
    value_clear(&v);
    vec_free(&iku);
    return ok;
}

void eval_capaian_iku(Eval *ev, int year, Value *out)
{
    Vec iku = {0};
    all_iku(ev->u, &iku);
    if (!iku.len) value_undef(out, _("no sasaran has an indikator"));
    else weighted_mean(ev, &iku, year, out, _("the mean over all IKU"), eval_capaian);
    vec_free(&iku);
}

/* capaian_renstra of an indikator: its capaian (method, range rule and
 * limits alike) with the target of the last year of the periode. */
static void capaian_renstra_one(Eval *ev, Entity *x, int year, Value *out)
{
    if (!ev->u->has_periode) {
        value_undef(out, _("no periode is declared, so there is no end-of-Renstra target"));
        return;
    }
    eval_capaian_why(ev, x, year, ev->u->periode_to, out, NULL);
}

void eval_capaian_renstra(Eval *ev, Entity *x, Value *out)
{
    if (x->kind == ENT_SASARAN || x->kind == ENT_TUJUAN) mean_of_indikator(ev, x, ev->tahun, out, capaian_renstra_one);
    else if (x->kind == ENT_INDIKATOR) capaian_renstra_one(ev, x, ev->tahun, out);
    else value_undef(out, eval_reason(ev, _("capaian_renstra needs an indikator or sasaran, not %s"), x->id));
}

/* ---- skala, predikat, efisiensi ---- */

static bool band_holds(const Band *b, mpq_srcptr v)
{
    if (b->lo) {
        int c = num_cmp(v, b->lo->u.num.q);
        if (c < 0 || (c == 0 && !b->lo_incl)) return false;
    }
    if (b->hi) {
        int c = num_cmp(v, b->hi->u.num.q);
        if (c > 0 || (c == 0 && !b->hi_incl)) return false;
    }
    return true;
}

const Band *eval_band(const Entity *skala, mpq_srcptr v)
{
    const Vec *bands = &ent_skala_c(skala)->bands;
    for (size_t i = 0; i < bands->len; i++) {
        const Band *b = bands->items[i];
        if (band_holds(b, v)) return b;
    }
    return NULL;
}

void eval_kategori(Eval *ev, const Value *v, Entity *skala, Value *out, const Band **band)
{
    if (band) *band = NULL;
    if (v->kind == V_UNDEF) { value_undef(out, v->text); return; }
    if (v->kind != V_NUM) { value_undef(out, _("kategori needs a number")); return; }
    const Band *b = eval_band(skala, v->q);
    if (!b) {
        Buf t;
        buf_init(&t);
        eval_format_num(ev, &t, v->q, ev->desimal);
        value_undef(out, eval_reason(ev, _("%s lies in no band of skala %s"), t.data, skala->id));
        buf_free(&t);
        return;
    }
    value_text(out, b->label);
    if (band) *band = b;
}

void eval_predikat(Eval *ev, Entity *x, int year, Value *out, const Band **band)
{
    eval_predikat_of(ev, x, year, NULL, out, band);
}

void eval_predikat_of(Eval *ev, Entity *x, int year, const Value *capaian, Value *out, const Band **band)
{
    if (band) *band = NULL;
    if (ev->rule_predikat) {
        call_rule_of(ev, ev->rule_predikat, x, year, out);
        return;
    }
    if (capaian) {
        eval_kategori(ev, capaian, eval_skala(ev), out, band);
        return;
    }
    Value c;
    value_init(&c);
    eval_capaian(ev, x, year, &c);
    eval_kategori(ev, &c, eval_skala(ev), out, band);
    value_clear(&c);
}

void eval_efisiensi(Eval *ev, Entity *s, Value *out)
{
    if (ev->rule_efisiensi) {
        Value arg;
        value_init(&arg);
        value_ref(&arg, s);
        call_rule(ev, ev->rule_efisiensi, &arg, ent_aturan(ev->rule_efisiensi)->params.len ? 1 : 0, s->id_span, out);
        value_clear(&arg);
        return;
    }
    Value c, r;
    value_init(&c);
    value_init(&r);
    eval_capaian(ev, s, ev->tahun, &c);
    eval_serapan(ev, s, &r);
    if (c.kind == V_UNDEF) value_undef(out, c.text);
    else if (r.kind == V_UNDEF) value_undef(out, r.text);
    else value_text(out, num_cmp(c.q, r.q) > 0 ? "Efisien" : "Tidak Efisien");
    value_clear(&c);
    value_clear(&r);
}

/* ---- survei and penilaian ---- */

void eval_ikm(Eval *ev, Entity *s, Value *out, Vec *nrr)
{
    if (s->kind != ENT_SURVEI) {
        value_undef(out, eval_reason(ev, _("ikm needs a survei, not %s"), s->id));
        return;
    }
    const SurveiDecl *sv = ent_survei(s);
    size_t n = sv->unsur.len, r = sv->rows.len;
    if (!n || !r) {
        value_undef(out, n ? eval_reason(ev, _("survei %s has no answers"), s->id) : eval_reason(ev, _("survei %s has no unsur"), s->id));
        return;
    }
    mpq_t total, col, t;
    mpq_inits(total, col, t, NULL);
    for (size_t e = 0; e < n; e++) {
        mpq_set_ui(col, 0, 1);
        for (size_t i = 0; i < r; i++) {
            AnswerRow *row = sv->rows.items[i];
            if (e < row->vals.len) num_add(col, col, ((Expr *)row->vals.items[e])->u.num.q);
        }
        mpq_set_ui(t, (unsigned long)r, 1);
        num_div(col, col, t);                       /* NRR of this unsur */
        if (nrr) {
            mpq_ptr q = xmalloc(sizeof *q);
            mpq_init(q);
            num_set(q, col);
            vec_push(nrr, q);
        }
        num_add(total, total, col);
    }
    mpq_set_ui(t, 25, (unsigned long)n);            /* x 1/n weight x 25 */
    mpq_canonicalize(t);
    num_mul(out->q, total, t);
    out->kind = V_NUM;
    out->decimals = -1;
    mpq_clears(total, col, t, NULL);
}

void eval_komponen(const Komponen *k, Value *out)
{
    if (k->nilai) {
        value_num(out, k->nilai->u.num.q);
        return;
    }
    mpq_set_ui(out->q, 0, 1);
    for (size_t i = 0; i < k->subs.pairs.len; i++) {
        const DataPair *p = k->subs.pairs.items[i];
        if (p->value->kind == EX_NUM) num_add(out->q, out->q, p->value->u.num.q);
    }
    out->kind = V_NUM;
    out->decimals = -1;
}

void eval_nilai_sakip(Eval *ev, Entity *p, Value *out)
{
    if (p->kind != ENT_PENILAIAN) {
        value_undef(out, eval_reason(ev, _("nilai_sakip needs a penilaian, not %s"), p->id));
        return;
    }
    const Vec *komponen = &ent_penilaian(p)->komponen;
    if (!komponen->len) {
        value_undef(out, eval_reason(ev, _("penilaian %s has no komponen"), p->id));
        return;
    }
    Value k;
    value_init(&k);
    mpq_set_ui(out->q, 0, 1);
    for (size_t i = 0; i < komponen->len; i++) {
        eval_komponen(komponen->items[i], &k);
        num_add(out->q, out->q, k.q);
    }
    out->kind = V_NUM;
    out->decimals = -1;
    value_clear(&k);
}

/* ---- expressions ---- */

static void type_error(Eval *ev, Span at, const char *fmt, const Value *a, const Value *b)
{
    char msg[256];
    snprintf(msg, sizeof msg, fmt, vkind_name(a->kind), b ? vkind_name(b->kind) : "");
    eval_runtime_error(ev, at, "E0401", msg);
}

/* A rule's result for these arguments: remembered, or evaluated within
 * the bounds (depth, work).  Past the depth the whole evaluation unwinds
 * (every call pending returns at once) rather than try each branch of
 * each rule above. */
static void call_rule(Eval *ev, Entity *rule, Value *args, int nargs, Span at, Value *out)
{
    if (ev->unwinding) {
        value_undef(out, too_deep_reason());
        return;
    }
    uint64_t h = call_hash(rule, args, nargs);
    if (calls_get(ev, rule, h, args, nargs, out)) return;
    if (ev->call_depth >= MAX_CALL_DEPTH) {
        value_undef(out, too_deep_reason());
        eval_runtime_error(ev, at, "E0305", _("rules call each other more than 64 levels deep"));
        ev->unwinding = true;
        return;
    }
    bool outermost = ev->value_depth == 0 && ev->call_depth == 0;
    if (!ev->chain.len) ev->chain_at = at;
    vec_push(&ev->chain, rule);
    if (!spend(ev, WORK_CALL, at)) {
        value_undef(out, no_work_reason());
        ev->chain.len--;
        return;
    }
    Value *saved = ev->frame;
    DataYear *saved_data = ev->data;
    ev->frame = args;
    ev->data = NULL;
    ev->call_depth++;
    eval_expr(ev, ent_aturan(rule)->body, out);
    ev->call_depth--;
    ev->frame = saved;
    ev->data = saved_data;
    ev->chain.len--;
    calls_put(ev, rule, h, args, nargs, out);
    if (outermost) ev->unwinding = false;
}

int eval_year_arg(Eval *ev, const Value *v, Span at)
{
    if (v->kind != V_NUM || mpz_cmp_ui(mpq_denref(v->q), 1) != 0 || !mpz_fits_sint_p(mpq_numref(v->q))) {
        eval_runtime_error(ev, at, "E0402", _("a year argument must be a whole number like 2024"));
        return -1;
    }
    return (int)mpz_get_si(mpq_numref(v->q));
}

static void eval_call(Eval *ev, const Expr *e, Value *out)
{
    int n = e->u.call.nargs;
    Expr **args = e->u.call.args;
    if (e->u.call.rule) {
        Entity *rule = e->u.call.rule;
        int np = (int)ent_aturan(rule)->params.len;
        Value *vals = xcalloc((size_t)(np ? np : 1), sizeof *vals);
        for (int i = 0; i < np; i++) {
            value_init(&vals[i]);
            if (i < n) eval_expr(ev, args[i], &vals[i]);
            else value_undef(&vals[i], _("missing argument"));
        }
        call_rule(ev, rule, vals, np, e->span, out);
        for (int i = 0; i < np; i++) value_clear(&vals[i]);
        free(vals);
        return;
    }
    const Builtin *bi = builtin_get(e->u.call.builtin);
    if (!bi) {
        value_undef(out, _("unknown function"));
        return;
    }
    if (bi->arg[0] != BA_ENTITY || n == 0) {
        /* a function of values, or capaian(), anggaran(), ...: the unit's */
        bi->eval(ev, e, NULL, ev->tahun, out);
        return;
    }

    /* a function of a declared name and an optional year (or period) */
    Value a, b;
    value_init(&a);
    value_init(&b);
    bool period1 = n >= 2 && args[1]->kind == EX_IDENT && args[1]->u.id.ref == REF_PERIOD;
    if (n >= 1) eval_expr(ev, args[0], &a);
    if (n >= 2 && !period1) eval_expr(ev, args[1], &b);
    if (a.kind == V_UNDEF) {
        value_undef(out, a.text);
        goto done;
    }
    if (a.kind != V_REF) {
        eval_runtime_error(ev, n ? args[0]->span : e->span, "E0402",
                           _("this function needs the name of an indikator, sasaran or budget node"));
        value_undef(out, _("not a name"));
        goto done;
    }
    int year = ev->tahun;
    if (n >= 2 && b.kind == V_REF && (bi->arg[1] == BA_PK || bi->arg[1] == BA_YEAR_PK)) {
        /* target(x, PK), anggaran(x, PK): the function reads its perjanjian */
    } else if (n >= 2 && !period1) {
        if (b.kind == V_UNDEF) {
            value_undef(out, b.text);
            goto done;
        }
        year = eval_year_arg(ev, &b, args[1]->span);
        if (year < 0) {
            value_undef(out, _("its year is not a whole number"));
            goto done;
        }
    }
    bi->eval(ev, e, a.ent, year, out);
done:
    value_clear(&a);
    value_clear(&b);
}

static bool numeric(const Value *v) { return v->kind == V_NUM || v->kind == V_MONEY; }

/* An operator other than == and != on a range (sakip(5), ranges). */
static void range_error(Eval *ev, Span at)
{
    eval_runtime_error(ev, at, "E0401",
                       _("a range can only be compared whole with '==' or '!='; use bawah(r) or atas(r) for a bound"));
}

static void eval_arith(Eval *ev, const Expr *e, const Value *l, const Value *r, Value *out)
{
    BinOp op = e->u.bin.op;
    if (l->kind == V_RANGE || r->kind == V_RANGE) {
        range_error(ev, e->op_span);
        value_undef(out, _("type error"));
        return;
    }
    if (!numeric(l) || !numeric(r)) {
        type_error(ev, e->op_span, _("cannot do arithmetic on %s and %s"), l, r);
        value_undef(out, _("type error"));
        return;
    }
    if (!spend(ev, op_cost(l->q, r->q), e->op_span)) {
        value_undef(out, no_work_reason());
        return;
    }
    VKind k;
    switch (op) {
    case OP_ADD: case OP_SUB:
        if (l->kind != r->kind) {
            type_error(ev, e->op_span, op == OP_ADD ? "cannot add %s and %s" : "cannot subtract %s and %s", l, r);
            value_undef(out, _("type error"));
            return;
        }
        k = l->kind;
        if (op == OP_ADD) num_add(out->q, l->q, r->q);
        else num_sub(out->q, l->q, r->q);
        break;
    case OP_MUL:
        if (l->kind == V_MONEY && r->kind == V_MONEY) {
            type_error(ev, e->op_span, _("cannot multiply %s by %s"), l, r);
            value_undef(out, _("type error"));
            return;
        }
        k = (l->kind == V_MONEY || r->kind == V_MONEY) ? V_MONEY : V_NUM;
        num_mul(out->q, l->q, r->q);
        break;
    default: /* OP_DIV */
        if (l->kind == V_NUM && r->kind == V_MONEY) {
            type_error(ev, e->op_span, _("cannot divide a %s by %s"), l, r);
            value_undef(out, _("type error"));
            return;
        }
        if (mpq_sgn(r->q) == 0) {
            value_undef(out, eval_reason(ev, _("division by zero in '%s'"), span_text(ev->u, e->span)));
            return;
        }
        k = (l->kind == V_MONEY && r->kind == V_MONEY) ? V_NUM : l->kind;
        num_div(out->q, l->q, r->q);
        break;
    }
    out->kind = k;
    out->decimals = -1;
    eval_bounded(ev, out, e->op_span);
}

static bool values_equal(const Value *l, const Value *r)
{
    switch (l->kind) {
    case V_NUM: case V_MONEY: return mpq_equal(l->q, r->q) != 0;
    case V_RANGE: return l->money == r->money && mpq_equal(l->q, r->q) && mpq_equal(l->hi, r->hi);
    case V_TEXT: return strcmp(l->text, r->text) == 0;
    case V_BOOL: return l->b == r->b;
    case V_REF: return l->ent == r->ent;
    default: return false;
    }
}

static void eval_compare(Eval *ev, const Expr *e, const Value *l, const Value *r, Value *out)
{
    BinOp op = e->u.bin.op;
    bool same = l->kind == r->kind;
    if ((op == OP_EQ || op == OP_NE) && ((l->kind == V_RANGE && numeric(r)) || (r->kind == V_RANGE && numeric(l)))) {
        /* a range is never equal to a number (sakip(5), ranges) */
        value_bool(out, op == OP_NE);
        return;
    }
    if ((l->kind == V_RANGE || r->kind == V_RANGE) && op != OP_EQ && op != OP_NE) {
        range_error(ev, e->op_span);
        value_undef(out, _("type error"));
        return;
    }
    if (op == OP_APPROX) {
        if (!numeric(l) || !same) {
            type_error(ev, e->op_span, _("'~=' compares like with like, not %s with %s"), l, r);
            value_undef(out, _("type error"));
            return;
        }
        const Expr *litx = e->u.bin.r;
        if (litx->kind == EX_NEG) litx = litx->u.un;   /* -2.35 */
        int d = (litx->kind == EX_NUM || litx->kind == EX_MONEY) ? litx->u.num.decimals : 0;
        mpq_t rounded;
        mpq_init(rounded);
        num_round(rounded, l->q, d, ev->round);
        value_bool(out, mpq_equal(rounded, r->q) != 0);
        mpq_clear(rounded);
        return;
    }
    if (op == OP_EQ || op == OP_NE) {
        if (!same) {
            type_error(ev, e->op_span, _("cannot compare %s with %s"), l, r);
            value_undef(out, _("type error"));
            return;
        }
        bool eq = values_equal(l, r);
        value_bool(out, op == OP_EQ ? eq : !eq);
        return;
    }
    if (!numeric(l) || !same) {
        type_error(ev, e->op_span, _("cannot order %s and %s"), l, r);
        value_undef(out, _("type error"));
        return;
    }
    int c = num_cmp(l->q, r->q);
    bool res = op == OP_LT ? c < 0 : op == OP_LE ? c <= 0 : op == OP_GT ? c > 0 : c >= 0;
    value_bool(out, res);
}

static void eval_ident(Eval *ev, const Expr *e, Value *out)
{
    switch (e->u.id.ref) {
    case REF_ENTITY:
        value_ref(out, e->u.id.ent);
        return;
    case REF_PARAM:
        if (ev->frame) value_set(out, &ev->frame[e->u.id.index]);
        else value_undef(out, _("rule parameter outside its rule"));
        return;
    case REF_RULE:
        call_rule(ev, e->u.id.ent, NULL, 0, e->span, out);
        return;
    case REF_PERIOD:
        value_undef(out, eval_reason(ev, _("the period '%s' is not a value"), e->u.id.name));
        return;
    case REF_CAPAIAN:
        if (ev->capaian_vars) value_set(out, &ev->capaian_vars[e->u.id.index]);
        else value_undef(out, eval_reason(ev, _("'%s' is only known inside a rumus_capaian"), e->u.id.name));
        return;
    case REF_DATA:
        if (ev->data) {
            const Andai *a = eval_find_andai(ev, ANDAI_DATA, ev->data_owner, ev->data->year, e->u.id.name);
            if (a) {
                eval_literal(a->value->lo, out);
                return;
            }
            for (size_t i = 0; i < ev->data->pairs.len; i++) {
                DataPair *p = ev->data->pairs.items[i];
                if (strcmp(p->name, e->u.id.name) == 0) {
                    eval_literal(p->value, out);
                    return;
                }
            }
            value_undef(out, eval_reason(ev, _("data %d of %s has no '%s'"), ev->data->year,
                                        ev->data_owner->id, e->u.id.name));
        } else {
            value_undef(out, eval_reason(ev, _("'%s' is only known inside a rumus"), e->u.id.name));
        }
        return;
    default:
        value_undef(out, eval_reason(ev, _("unknown name '%s'"), e->u.id.name));
        return;
    }
}

void eval_expr(Eval *ev, const Expr *e, Value *out)
{
    switch (e->kind) {
    case EX_NUM: case EX_MONEY: case EX_STR:
        eval_literal(e, out);
        return;
    case EX_BOOL:
        value_bool(out, e->u.b);
        return;
    case EX_IDENT:
        eval_ident(ev, e, out);
        return;
    case EX_CALL:
        eval_call(ev, e, out);
        return;
    case EX_RANGE: {
        Value hi;
        value_init(&hi);
        eval_expr(ev, e->u.bin.l, out);
        eval_expr(ev, e->u.bin.r, &hi);
        if (out->kind == V_UNDEF || hi.kind == V_UNDEF) {
            if (out->kind != V_UNDEF) value_undef(out, hi.text);
        } else if (numeric(out) && numeric(&hi) && out->kind == hi.kind) {
            value_range(out, out, &hi);
        } else {
            value_undef(out, _("type error"));
        }
        value_clear(&hi);
        return;
    }
    case EX_NEG:
        eval_expr(ev, e->u.un, out);
        if (out->kind == V_RANGE) {
            range_error(ev, e->op_span);
            value_undef(out, _("type error"));
        } else if (out->kind == V_NUM || out->kind == V_MONEY) {
            mpq_neg(out->q, out->q);
        } else if (out->kind != V_UNDEF) {
            type_error(ev, e->op_span, _("cannot negate a %s%s"), out, NULL);
            value_undef(out, _("type error"));
        }
        return;
    case EX_NOT:
        eval_expr(ev, e->u.un, out);
        if (out->kind == V_BOOL) {
            out->b = !out->b;
        } else if (out->kind != V_UNDEF) {
            type_error(ev, e->op_span, _("'tidak' needs a truth value, not a %s%s"), out, NULL);
            value_undef(out, _("type error"));
        }
        return;
    case EX_IF: {
        Value c;
        value_init(&c);
        eval_expr(ev, e->u.cond.c, &c);
        if (c.kind == V_BOOL) {
            eval_expr(ev, c.b ? e->u.cond.a : e->u.cond.b, out);
        } else if (c.kind == V_UNDEF) {
            value_undef(out, c.text);
        } else {
            type_error(ev, e->u.cond.c->span, _("'jika' needs a truth value, not a %s%s"), &c, NULL);
            value_undef(out, _("type error"));
        }
        value_clear(&c);
        return;
    }
    case EX_BIN:
        break;
    }
    BinOp op = e->u.bin.op;
    Value l, r;
    value_init(&l);
    value_init(&r);
    eval_expr(ev, e->u.bin.l, &l);
    if (op == OP_AND || op == OP_OR) {
        if (l.kind == V_BOOL && (op == OP_AND ? !l.b : l.b)) {
            value_bool(out, l.b);
            goto done;
        }
        eval_expr(ev, e->u.bin.r, &r);
        if (l.kind == V_UNDEF) value_undef(out, l.text);
        else if (r.kind == V_UNDEF) value_undef(out, r.text);
        else if (l.kind != V_BOOL || r.kind != V_BOOL) {
            type_error(ev, e->op_span, _("'dan'/'atau' need truth values, not %s and %s"), &l, &r);
            value_undef(out, _("type error"));
        } else value_bool(out, r.b);
        goto done;
    }
    eval_expr(ev, e->u.bin.r, &r);
    if (l.kind == V_UNDEF) { value_undef(out, l.text); goto done; }
    if (r.kind == V_UNDEF) { value_undef(out, r.text); goto done; }
    if (op <= OP_DIV) eval_arith(ev, e, &l, &r, out);
    else eval_compare(ev, e, &l, &r, out);
done:
    value_clear(&l);
    value_clear(&r);
}

ClaimResult eval_periksa(Eval *ev, const Periksa *p, Value *left, Value *right)
{
    /* claims are of the year, also under eval --per (sakip(5), PERIODS) */
    EvalWindow w = eval_window(ev, 0, 0, 0);
    const Expr *e = p->expr;
    Value res;
    value_init(&res);
    value_undef(right, NULL);
    if (e->kind == EX_BIN && e->u.bin.op >= OP_EQ && e->u.bin.op <= OP_APPROX) {
        /* each side once: the verdict is computed from them */
        eval_expr(ev, e->u.bin.l, left);
        eval_expr(ev, e->u.bin.r, right);
        if (left->kind == V_UNDEF) value_undef(&res, left->text);
        else if (right->kind == V_UNDEF) value_undef(&res, right->text);
        else eval_compare(ev, e, left, right, &res);
        const Expr *rx = e->u.bin.r->kind == EX_NEG ? e->u.bin.r->u.un : e->u.bin.r;
        if (rx->kind == EX_NUM || rx->kind == EX_MONEY) right->decimals = rx->u.num.decimals;
    } else {
        eval_expr(ev, e, &res);
        value_set(left, &res);
    }
    ClaimResult cr;
    if (res.kind == V_BOOL) cr = res.b ? CLAIM_HOLDS : CLAIM_FAILS;
    else {
        cr = CLAIM_UNDEFINED;
        if (res.kind == V_UNDEF && left->kind != V_UNDEF) value_undef(left, res.text);
    }
    value_clear(&res);
    eval_window_restore(ev, w);
    return cr;
}
