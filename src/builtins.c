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

static void ev_target(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)call;
    Value hi;
    value_init(&hi);
    if (x->kind == ENT_INDIKATOR) eval_target(ev, x, year, out, &hi);
    else value_undef(out, eval_reason(ev, _("%s is not an indikator"), x->id));
    value_clear(&hi);
}

static bool ex_target(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    (void)call;
    if (x->kind != ENT_INDIKATOR) return false;
    explain_target(ev, x, year, depth, b);
    return true;
}

/* The upper bound of a range target; a single target is its own. */
static void ev_atas(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)call;
    Value hi;
    value_init(&hi);
    if (x->kind != ENT_INDIKATOR) value_undef(out, eval_reason(ev, _("%s is not an indikator"), x->id));
    else {
        eval_target(ev, x, year, out, &hi);
        if (out->kind != V_UNDEF && (hi.kind != V_UNDEF || hi.text)) value_set(out, &hi);
    }
    value_clear(&hi);
}

static bool ex_atas(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    if (x->kind != ENT_INDIKATOR) return false;
    explain_value_line(ev, call, depth, b);
    explain_target(ev, x, year, depth + 1, b);
    return true;
}

static void ev_realisasi(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)call;
    eval_realisasi(ev, x, year, out);
}

static bool ex_realisasi(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    (void)call;
    if (x->kind != ENT_INDIKATOR) return false;
    explain_realisasi_ind(ev, x, year, depth, b);
    return true;
}

static void ev_anggaran(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)call, (void)year;
    eval_anggaran(ev, x, out);
}

static void ev_capaian(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)call;
    eval_capaian(ev, x, year, out);
}

static bool ex_capaian(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    (void)call;
    explain_capaian(ev, x, year, depth, b);
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
    eval_serapan(ev, x, out);
}

static bool ex_serapan(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    (void)call, (void)year;
    explain_budget(ev, x, depth, b);
    return true;
}

static void ev_predikat(Eval *ev, const Expr *call, Entity *x, int year, Value *out)
{
    (void)call;
    eval_predikat(ev, x, year, out, NULL);
}

static bool ex_predikat(Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b)
{
    (void)call;
    explain_predikat(ev, x, year, depth, b);
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
    {"target", 1, 2, {BA_ENTITY, BA_YEAR}, IND, BR_VALUE_OF, false, false,
     ev_target, ex_target, NULL, "target(x, t)",
     "the indikator's target for the year (the lower bound of a range)"},
    {"atas", 1, 2, {BA_ENTITY, BA_YEAR}, IND, BR_VALUE_OF, false, false,
     ev_atas, ex_atas, NULL, "atas(x, t)",
     "the upper bound of the indikator's target range for the year; a single target itself"},
    {"realisasi", 1, 2, {BA_ENTITY, BA_YEAR}, IND | BK_BUDGET | SAS, BR_VALUE_OF, false, false,
     ev_realisasi, ex_realisasi, NULL, "realisasi(x, t)",
     "the indikator's realisasi for the year; for a budget node its money"},
    {"anggaran", 1, 1, {BA_ENTITY, BA_NONE}, BK_BUDGET | SAS, BR_MONEY, false, false,
     ev_anggaran, NULL, NULL, "anggaran(x)",
     "budget of a node: its own for a subkegiatan, the sum of its children above"},
    {"capaian", 1, 2, {BA_ENTITY, BA_YEAR}, IND | SAS | TUJ, BR_NUM, true, false,
     ev_capaian, ex_capaian, NULL, "capaian(x, t)",
     "realisasi against target per polarity, capped; a sasaran's is the mean of its indikator"},
    {"capaian_renstra", 1, 1, {BA_ENTITY, BA_NONE}, IND | SAS | TUJ, BR_NUM, true, false,
     ev_capaian_renstra, NULL, NULL, "capaian_renstra(x)",
     "capaian against the target of the last year of periode"},
    {"serapan", 1, 1, {BA_ENTITY, BA_NONE}, BK_BUDGET | SAS, BR_NUM, true, false,
     ev_serapan, ex_serapan, NULL, "serapan(x)",
     "realisasi / anggaran * 100 of a budget node, or over the programs supporting a sasaran"},
    {"predikat", 1, 2, {BA_ENTITY, BA_YEAR}, IND | SAS | TUJ, BR_TEXT, false, true,
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
