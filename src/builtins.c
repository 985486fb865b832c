/* builtins.c -- the built-in functions: one row each, with the functions
 * that evaluate and explain it beside the row (see builtins.h).
 *
 * A function of a declaration (capaian, target, ...) gets the entity and
 * the year from the evaluator and calls the evaluator's public API
 * (src/eval.h); what it shows under `jelaskan` comes from the pieces of
 * src/explain.h. */
#include "builtins.h"
#include "eval.h"
#include "explain.h"
#include "i18n.h"

#include <string.h>

/* ---- functions of a declaration ---- */

/* The period a call's argument i names (target(x, t, p), capaian_sd(x,
 * p)), or 0 (sakip(5), PERIODS). */
static int call_period(const Expr *call, int i)
{
    if (call->u.call.nargs <= i) return 0;
    const Expr *a = call->u.call.args[i];
    return a->kind == EX_IDENT && a->u.id.ref == REF_PERIOD ? a->u.id.index : 0;
}

/* While a call of one period (its third argument) is evaluated, the
 * values of its year are those of that period. */
typedef struct PeriodScope {
    bool on;
    EvalWindow saved;
} PeriodScope;

static PeriodScope period_enter(Eval *ev, const Expr *call, int year)
{
    PeriodScope sc = {false, {0, 0, 0}};
    int p = call_period(call, 2);
    if (p) {
        sc.on = true;
        sc.saved = eval_window_period(ev, year, p);
    }
    return sc;
}

static void period_leave(Eval *ev, PeriodScope sc)
{
    if (sc.on) eval_window_restore(ev, sc.saved);
}

/* The perjanjian named by a call's second argument (target(x, PK),
 * anggaran(x, PK)), or NULL. */
static Entity *call_perjanjian(Eval *ev, const Expr *call)
{
    if (call->u.call.nargs < 2) return NULL;
    Value v;
    value_init(&v);
    eval_expr(ev, call->u.call.args[1], &v);
    Entity *pk = v.kind == V_REF && v.ent->kind == ENT_PERJANJIAN ? v.ent : NULL;
    value_clear(&v);
    return pk;
}

/* The value perjanjian pk states for x: its target (which 't') or its
 * anggaran ('a'). */
static void pk_value(Eval *ev, Entity *pk, char which, Entity *x, Value *out)
{
    const PerjanjianDecl *pd = ent_perjanjian(pk);
    const Vec *pairs = which == 't' ? &pd->pk_target : &pd->pk_anggaran;
    const PkPair *found = NULL;
    for (size_t i = 0; i < pairs->len; i++) {
        const PkPair *p = pairs->items[i];
        if (p->ref.ent == x) found = p;
    }
    if (!found) {
        value_undef(out, eval_reason(ev, which == 't' ? _("perjanjian %s states no target for %s")
                                                      : _("perjanjian %s states no anggaran for %s"),
                                     pk->id, x->id));
        return;
    }
    eval_literal(found->value->lo, out);
    if (out->kind == V_UNDEF) {
        value_undef(out, eval_reason(ev, _("the value perjanjian %s states for %s is not written out"), pk->id, x->id));
        return;
    }
    if (found->value->hi) {
        Value hi;
        value_init(&hi);
        eval_literal(found->value->hi, &hi);
        if (hi.kind == out->kind) {
            value_range(out, out, &hi);
        }
        value_clear(&hi);
    }
}

static void ev_target(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    if (!x) {
        value_undef(out, _("target needs an indikator"));
        return;
    }
    Entity *pk = call_perjanjian(ev, call);
    PeriodScope sc = period_enter(ev, call, year);
    if (x->kind != ENT_INDIKATOR) value_undef(out, eval_reason(ev, _("%s is not an indikator"), x->id));
    else if (pk) pk_value(ev, pk, 't', x, out);
    else eval_target_value(ev, x, year, out);
    period_leave(ev, sc);
}

static bool ex_target(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    if (!x || x->kind != ENT_INDIKATOR || call_perjanjian(ev, call)) return false;
    PeriodScope sc = period_enter(ev, call, year);
    explain_target(ev, x, year, depth, b);
    period_leave(ev, sc);
    return true;
}

/* bawah(r), atas(r): a bound of a range; a number is its own bound, and
 * an indikator stands for its target (of the year, the second argument). */
static void bound(Eval *ev, const Expr *call, Value *out, bool upper)
{
    int n = call->u.call.nargs;
    Value a;
    value_init(&a);
    if (n >= 1) eval_expr(ev, call->u.call.args[0], &a);
    if (a.kind == V_REF && a.ent->kind == ENT_INDIKATOR) {
        int year = ev->tahun;
        if (n >= 2) {
            Value y;
            value_init(&y);
            eval_expr(ev, call->u.call.args[1], &y);
            year = y.kind == V_UNDEF ? -1 : eval_year_arg(ev, &y, call->u.call.args[1]->span);
            if (y.kind == V_UNDEF) value_undef(&a, y.text);
            value_clear(&y);
        }
        if (year >= 0) eval_target_value(ev, a.ent, year, &a);
        else if (a.kind != V_UNDEF) value_undef(&a, _("its year is not a whole number"));
    }
    if (a.kind == V_RANGE) {
        value_range_bound(out, &a, upper);
    } else if (a.kind == V_NUM || a.kind == V_MONEY || a.kind == V_UNDEF) {
        value_set(out, &a);
    } else {
        eval_runtime_error(ev, n ? call->u.call.args[0]->span : call->span, "E0401",
                           upper ? _("atas takes a range, a number or an indikator") : _("bawah takes a range, a number or an indikator"));
        value_undef(out, _("type error"));
    }
    value_clear(&a);
}

static void ev_atas(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)x, (void)year;
    bound(ev, call, out, true);
}

static void ev_bawah(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)x, (void)year;
    bound(ev, call, out, false);
}

static bool ex_bound(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    (void)x, (void)year;
    explain_value_line(ev, call, depth, b);
    const Expr *a = call->u.call.nargs ? call->u.call.args[0] : NULL;
    if (a && a->kind == EX_IDENT && a->u.id.ref == REF_ENTITY && a->u.id.ent->kind == ENT_INDIKATOR) {
        int y = ev->tahun;
        if (call->u.call.nargs >= 2) {
            Value v;
            value_init(&v);
            eval_expr(ev, call->u.call.args[1], &v);
            if (v.kind == V_NUM && mpz_cmp_ui(mpq_denref(v.q), 1) == 0 && mpz_fits_sint_p(mpq_numref(v.q)))
                y = (int)mpz_get_si(mpq_numref(v.q));
            value_clear(&v);
        }
        explain_target(ev, a->u.id.ent, y, depth + 1, b);
    } else {
        explain_args(ev, call, depth + 1, b);
    }
    return true;
}

/* anggaran(), realisasi() and serapan() with no argument: the whole
 * unit's budget (its programs added up). */
static void unit_budget(Eval *ev, char which, Value *out)
{
    Value a, r;
    value_init(&a);
    value_init(&r);
    mpq_t sa, sr;
    mpq_inits(sa, sr, NULL);
    const Vec *programs = &ev->u->programs;
    const char *why = NULL;
    for (size_t i = 0; i < programs->len && !why; i++) {
        eval_anggaran(ev, programs->items[i], &a);
        eval_realisasi(ev, programs->items[i], ev->tahun, &r);
        if (a.kind != V_MONEY) why = a.kind == V_UNDEF && a.text ? a.text : _("an anggaran is not an amount");
        else if (r.kind != V_MONEY) why = r.kind == V_UNDEF && r.text ? r.text : _("a realisasi is not an amount");
        else {
            num_add(sa, sa, a.q);
            num_add(sr, sr, r.q);
        }
    }
    if (!programs->len) why = _("the unit has no program");
    if (why) value_undef(out, why);
    else if (which == 'a') value_money(out, sa);
    else if (which == 'r') value_money(out, sr);
    else if (mpq_sgn(sa) == 0) value_undef(out, _("the unit's anggaran is 0"));
    else {
        num_percent(out->q, sr, sa);
        out->kind = V_NUM;
        out->decimals = -1;
    }
    mpq_clears(sa, sr, NULL);
    value_clear(&a);
    value_clear(&r);
}

static void ev_realisasi(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    PeriodScope sc = period_enter(ev, call, year);
    if (!x) unit_budget(ev, 'r', out);
    else eval_realisasi(ev, x, year, out);
    period_leave(ev, sc);
}

static bool ex_realisasi(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    if (!x || x->kind != ENT_INDIKATOR) return false;
    PeriodScope sc = period_enter(ev, call, year);
    explain_realisasi_ind(ev, x, year, depth, b);
    period_leave(ev, sc);
    return true;
}

static void ev_anggaran(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)year;
    Entity *pk = x ? call_perjanjian(ev, call) : NULL;
    if (!x) unit_budget(ev, 'a', out);
    else if (pk) pk_value(ev, pk, 'a', x, out);
    else eval_anggaran(ev, x, out);
}

static void ev_capaian(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    PeriodScope sc = period_enter(ev, call, year);
    if (!x) eval_capaian_iku(ev, year, out);
    else eval_capaian(ev, x, year, out);
    period_leave(ev, sc);
}

static bool ex_capaian(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    PeriodScope sc = period_enter(ev, call, year);
    if (!x) explain_capaian_iku(ev, year, depth, b);
    else explain_capaian(ev, x, year, depth, b);
    period_leave(ev, sc);
    return true;
}

/* capaian_sd(x, p), serapan_sd(x, p), deviasi(x, p): the year to date
 * through p of tahun (sakip(5), PERIODS) */
static void ev_capaian_sd(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)year;
    EvalWindow w = eval_window_sd(ev, call_period(call, 1));
    eval_capaian(ev, x, ev->u->tahun, out);
    eval_window_restore(ev, w);
}

static bool ex_capaian_sd(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    (void)year;
    explain_value_line(ev, call, depth, b);
    EvalWindow w = eval_window_sd(ev, call_period(call, 1));
    explain_capaian(ev, x, ev->u->tahun, depth + 1, b);
    eval_window_restore(ev, w);
    return true;
}

static void ev_serapan_sd(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)year;
    EvalWindow w = eval_window_sd(ev, call_period(call, 1));
    eval_serapan(ev, x, out);
    eval_window_restore(ev, w);
}

static bool ex_serapan_sd(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    (void)year;
    explain_value_line(ev, call, depth, b);
    EvalWindow w = eval_window_sd(ev, call_period(call, 1));
    explain_budget(ev, x, depth + 1, b);
    eval_window_restore(ev, w);
    return true;
}

/* deviasi(x, p): realisasi minus rencana of tahun through p; r and p
 * keep the two parts for the explanation */
static void deviasi_parts(Eval *ev, const Expr *call, Entity *x, Value *r, Value *p, Value *out)
{
    EvalWindow w = eval_window_sd(ev, call_period(call, 1));
    eval_realisasi(ev, x, ev->u->tahun, r);
    eval_rencana(ev, x, p);
    eval_window_restore(ev, w);
    if (r->kind == V_UNDEF) value_undef(out, r->text);
    else if (p->kind == V_UNDEF) value_undef(out, p->text);
    else {
        out->kind = V_MONEY;
        out->decimals = -1;
        num_sub(out->q, r->q, p->q);
    }
}

static void ev_deviasi(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)year;
    Value r, p;
    value_init(&r);
    value_init(&p);
    deviasi_parts(ev, call, x, &r, &p, out);
    value_clear(&r);
    value_clear(&p);
}

static bool ex_deviasi(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    (void)year;
    explain_value_line(ev, call, depth, b);
    Value r, p, d;
    value_init(&r);
    value_init(&p);
    value_init(&d);
    deviasi_parts(ev, call, x, &r, &p, &d);
    Buf t;
    buf_init(&t);
    for (int i = 0; i < 2; i++) {
        const Value *v = i ? &p : &r;
        for (int k = 0; k < depth + 1; k++) buf_puts(b, "  ");
        buf_printf(b, "%s %s s.d. %s = ", i ? "rencana" : "realisasi", x->id, period_name(call_period(call, 1)));
        buf_reset(&t);
        if (v->kind == V_UNDEF) buf_printf(&t, "-   (%s)", v->text ? v->text : "");
        else eval_format_value(ev, &t, v, 0);
        buf_printf(b, "%s\n", t.data);
    }
    buf_free(&t);
    value_clear(&r);
    value_clear(&p);
    value_clear(&d);
    return true;
}

static void ev_capaian_renstra(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)call, (void)year;
    eval_capaian_renstra(ev, x, out);
}

static void ev_serapan(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)call, (void)year;
    if (!x) unit_budget(ev, 's', out);
    else eval_serapan(ev, x, out);
}

static bool ex_serapan(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    (void)call, (void)year;
    if (!x) return false;
    explain_budget(ev, x, depth, b);
    return true;
}

static void ev_predikat(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    PeriodScope sc = period_enter(ev, call, year);
    eval_predikat(ev, x, year, out, NULL);
    period_leave(ev, sc);
}

static bool ex_predikat(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    PeriodScope sc = period_enter(ev, call, year);
    explain_predikat(ev, x, year, depth, b);
    period_leave(ev, sc);
    return true;
}

static void ev_efisiensi(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)call, (void)year;
    eval_efisiensi(ev, x, out);
}

static bool ex_efisiensi(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    (void)call, (void)year;
    if (x->kind != ENT_SASARAN) return false;
    explain_efisiensi(ev, x, depth, b);
    return true;
}

static void ev_ikm(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)call, (void)year;
    eval_ikm(ev, x, out, NULL);
}

static bool ex_ikm(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    (void)call, (void)year;
    if (x->kind != ENT_SURVEI) return false;
    explain_ikm(ev, x, depth, b);
    return true;
}

static void ev_nilai_sakip(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)call, (void)year;
    eval_nilai_sakip(ev, x, out);
}

static bool ex_nilai_sakip(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    (void)call, (void)year;
    if (x->kind != ENT_PENILAIAN) return false;
    explain_nilai_sakip(ev, x, depth, b);
    return true;
}

/* ---- functions of values ---- */

static void ev_kategori(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)x, (void)year;
    Value a, b;
    value_init(&a);
    value_init(&b);
    if (call->u.call.nargs >= 1) eval_expr(ev, call->u.call.args[0], &a);
    if (call->u.call.nargs >= 2) eval_expr(ev, call->u.call.args[1], &b);
    if (b.kind != V_REF || b.ent->kind != ENT_SKALA) value_undef(out, _("kategori needs a skala"));
    else eval_kategori(ev, &a, b.ent, out, NULL);
    value_clear(&a);
    value_clear(&b);
}

static bool ex_kategori(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    (void)x, (void)year;
    explain_value_line(ev, call, depth, b);
    explain_kategori_band(ev, call, depth + 1, b);
    explain_args(ev, call, depth + 1, b);
    return true;
}

static void ev_bulat(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)x, (void)year;
    Value a, b;
    value_init(&a);
    value_init(&b);
    if (call->u.call.nargs >= 1) eval_expr(ev, call->u.call.args[0], &a);
    if (call->u.call.nargs >= 2) eval_expr(ev, call->u.call.args[1], &b);
    if (a.kind == V_UNDEF) value_undef(out, a.text);
    else if (b.kind == V_UNDEF) value_undef(out, b.text);
    else if (a.kind != V_NUM && a.kind != V_MONEY) value_undef(out, _("bulat needs a number"));
    else {
        int d = eval_year_arg(ev, &b, call->u.call.nargs >= 2 ? call->u.call.args[1]->span : call->span);
        if (d < 0 || d > 20) {
            value_undef(out, _("bulat needs a whole number of decimals from 0 to 20"));
        } else {
            num_round(out->q, a.q, d, ev->round);
            out->kind = a.kind;
            out->decimals = d;
        }
    }
    value_clear(&a);
    value_clear(&b);
}

/* jumlah, rata, min, max: how is '+', 'r', '<' or '>' */
static void aggregate(Eval *ev, const Expr *e, Value *out, char how)
{
    int n = e->u.call.nargs;
    Value v;
    value_init(&v);
    bool first = true;
    for (int i = 0; i < n; i++) {
        eval_expr(ev, e->u.call.args[i], &v);
        if (v.kind == V_UNDEF) {
            value_undef(out, v.text);
            value_clear(&v);
            return;
        }
        if (v.kind != V_NUM && v.kind != V_MONEY) {
            eval_runtime_error(ev, e->u.call.args[i]->span, "E0401", _("this function takes numbers or amounts"));
            value_undef(out, _("argument is not a number"));
            value_clear(&v);
            return;
        }
        if (first) {
            value_set(out, &v);
            out->decimals = -1;
            first = false;
            continue;
        }
        if (v.kind != out->kind) {
            eval_runtime_error(ev, e->u.call.args[i]->span, "E0401", _("cannot mix money and numbers here"));
            value_undef(out, _("mixed money and numbers"));
            value_clear(&v);
            return;
        }
        int c = num_cmp(v.q, out->q);
        if (how == '+' || how == 'r') {
            num_add(out->q, out->q, v.q);
            if (!eval_bounded(ev, out, e->span)) {
                value_clear(&v);
                return;
            }
        } else if ((how == '<' && c < 0) || (how == '>' && c > 0)) num_set(out->q, v.q);
    }
    if (first) {
        value_undef(out, _("no arguments"));
    } else if (how == 'r') {
        mpq_t d;
        mpq_init(d);
        mpq_set_ui(d, (unsigned long)n, 1);
        num_div(out->q, out->q, d);
        mpq_clear(d);
    }
    value_clear(&v);
}

static void ev_jumlah(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)x, (void)year;
    aggregate(ev, call, out, '+');
}

static void ev_rata(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)x, (void)year;
    aggregate(ev, call, out, 'r');
}

static void ev_min(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)x, (void)year;
    aggregate(ev, call, out, '<');
}

static void ev_max(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)x, (void)year;
    aggregate(ev, call, out, '>');
}

/* ---- the registry ---- */

#define IND BK(ENT_INDIKATOR)
#define SAS BK(ENT_SASARAN)
#define TUJ BK(ENT_TUJUAN)

const Builtin builtins[] = {
    /* name, min, max, {arg 1, arg 2}, kinds of a named arg 1, result, percent, uses_capaian,
     * evaluate, explain, verdict, signature, meaning */
    {"target", 1, 3, {BA_ENTITY, BA_YEAR_PK, BA_PERIOD}, IND, BR_TARGET_OF, false, false,
     ev_target, ex_target, NULL, "target(x, t)",
     "the indikator's target for the year (a range for a range target); target(x, PK): the one perjanjian PK states"},
    {"atas", 1, 2, {BA_VALUE, BA_YEAR}, 0, BR_BOUND, false, false,
     ev_atas, ex_bound, NULL, "atas(r)",
     "the upper bound of the range r (atas(x, t): of the indikator's target); a number is its own bound"},
    {"bawah", 1, 2, {BA_VALUE, BA_YEAR}, 0, BR_BOUND, false, false,
     ev_bawah, ex_bound, NULL, "bawah(r)",
     "the lower bound of the range r (bawah(x, t): of the indikator's target); a number is its own bound"},
    {"realisasi", 0, 3, {BA_ENTITY, BA_YEAR, BA_PERIOD}, IND | BK_BUDGET | SAS, BR_VALUE_OF, false, false,
     ev_realisasi, ex_realisasi, NULL, "realisasi(x, t)",
     "the indikator's realisasi for the year; for a budget node its money; realisasi(): the unit's"},
    {"anggaran", 0, 2, {BA_ENTITY, BA_PK}, BK_BUDGET | SAS, BR_MONEY, false, false,
     ev_anggaran, NULL, NULL, "anggaran(x)",
     "budget of a node: its own for a subkegiatan, the sum of its children above; anggaran(): the unit's; "
     "anggaran(x, PK): the amount perjanjian PK states"},
    {"capaian", 0, 3, {BA_ENTITY, BA_YEAR, BA_PERIOD}, IND | SAS | TUJ, BR_NUM, true, true,
     ev_capaian, ex_capaian, NULL, "capaian(x, t)",
     "realisasi against target by the indikator's method, limited by batas; a sasaran's is the weighted mean of "
     "its indikator; capaian(): the mean over all IKU"},
    {"capaian_renstra", 1, 1, {BA_ENTITY, BA_NONE}, IND | SAS | TUJ, BR_NUM, true, false,
     ev_capaian_renstra, NULL, NULL, "capaian_renstra(x)",
     "capaian computed as capaian(x) but against the target of the last year of periode"},
    {"serapan", 0, 1, {BA_ENTITY, BA_NONE}, BK_BUDGET | SAS, BR_NUM, true, false,
     ev_serapan, ex_serapan, NULL, "serapan(x)",
     "realisasi / anggaran * 100 of a budget node, or over the subkegiatan supporting a sasaran; serapan(): the unit's"},
    {"predikat", 1, 3, {BA_ENTITY, BA_YEAR, BA_PERIOD}, IND | SAS | TUJ, BR_TEXT, false, true,
     ev_predikat, ex_predikat, explain_verdict_predikat, "predikat(x, t)",
     "label of the skala_capaian band holding capaian(x, t)"},
    {"kategori", 2, 2, {BA_NUMBER, BA_SKALA}, 0, BR_TEXT, false, false,
     ev_kategori, ex_kategori, explain_verdict_kategori, "kategori(v, skala)",
     "label of the band of skala holding the number v"},
    {"efisiensi", 1, 1, {BA_ENTITY, BA_NONE}, SAS, BR_TEXT, false, true,
     ev_efisiensi, ex_efisiensi, explain_verdict_efisiensi, "efisiensi(s)",
     "\"Efisien\" when capaian(s) > serapan(s), else \"Tidak Efisien\""},
    {"bulat", 2, 2, {BA_VALUE, BA_VALUE}, 0, BR_ARG0, false, false,
     ev_bulat, NULL, NULL, "bulat(v, n)",
     "v rounded to n decimals per pembulatan"},
    {"jumlah", 1, -1, {BA_NUMERIC, BA_NUMERIC}, 0, BR_ALIKE, false, false,
     ev_jumlah, NULL, NULL, "jumlah(v, ...)",
     "the sum of its arguments"},
    {"rata", 1, -1, {BA_NUMERIC, BA_NUMERIC}, 0, BR_ALIKE, false, false,
     ev_rata, NULL, NULL, "rata(v, ...)",
     "the mean of its arguments"},
    {"min", 1, -1, {BA_NUMERIC, BA_NUMERIC}, 0, BR_ALIKE, false, false,
     ev_min, NULL, NULL, "min(v, ...)",
     "the least of its arguments"},
    {"max", 1, -1, {BA_NUMERIC, BA_NUMERIC}, 0, BR_ALIKE, false, false,
     ev_max, NULL, NULL, "max(v, ...)",
     "the greatest of its arguments"},
    {"ikm", 1, 1, {BA_ENTITY, BA_NONE}, BK(ENT_SURVEI), BR_NUM, false, false,
     ev_ikm, ex_ikm, NULL, "ikm(s)",
     "the IKM of a survei (PermenPANRB 14/2017)"},
    {"nilai_sakip", 1, 1, {BA_ENTITY, BA_NONE}, BK(ENT_PENILAIAN), BR_NUM, false, false,
     ev_nilai_sakip, ex_nilai_sakip, NULL, "nilai_sakip(p)",
     "the nilai SAKIP of a penilaian: the sum of its komponen (PermenPANRB 88/2021)"},
    {"capaian_sd", 2, 2, {BA_ENTITY, BA_PERIOD}, IND | SAS | TUJ, BR_NUM, true, true,
     ev_capaian_sd, ex_capaian_sd, NULL, "capaian_sd(x, p)",
     "capaian on the target and realisasi of tahun through period p, each aggregated by the indikator's agregasi"},
    {"serapan_sd", 2, 2, {BA_ENTITY, BA_PERIOD}, BK_BUDGET | SAS, BR_NUM, true, false,
     ev_serapan_sd, ex_serapan_sd, NULL, "serapan_sd(x, p)",
     "realisasi of tahun through period p / the year's anggaran * 100"},
    {"deviasi", 2, 2, {BA_ENTITY, BA_PERIOD}, BK_BUDGET | SAS, BR_MONEY, false, false,
     ev_deviasi, ex_deviasi, NULL, "deviasi(x, p)",
     "realisasi minus rencana, both of tahun through period p"},
};

const size_t builtins_count = sizeof builtins / sizeof builtins[0];

/* a BuiltinId is kept in a Name's signed char (src/names.h) */
_Static_assert(sizeof builtins / sizeof builtins[0] < 127, "BuiltinId fits Name.builtin");

const Builtin *builtin_get(BuiltinId id)
{
    return id > BI_NONE && (size_t)id <= builtins_count ? &builtins[id - 1] : NULL;
}

const char *builtin_name(BuiltinId id)
{
    const Builtin *b = builtin_get(id);
    return b ? b->name : "";
}

BuiltinId builtin_id(const char *name)
{
    /* the first letter is compared before the whole name */
    for (size_t i = 0; i < builtins_count; i++)
        if (builtins[i].name[0] == name[0] && strcmp(builtins[i].name, name) == 0) return (BuiltinId)(i + 1);
    return BI_NONE;
}
