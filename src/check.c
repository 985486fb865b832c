/* check.c -- resolution, static types and validation passes: the
 * whole-unit passes, and the CHECK function of each kind of declaration
 * (src/kinds.def).  See check.h. */
#include "check.h"
#include "i18n.h"
#include "parse.h"
#include "survei.h"

#include <stdlib.h>
#include <string.h>

typedef StaticType Type;   /* src/builtins.h */

typedef struct Checker {
    Unit *u;
    DiagList *dl;
    /* scope of the expression being resolved */
    Entity *rule;            /* its parameters are in scope */
    Entity *rumus_owner;     /* its data names are in scope */
    bool capaian_scope;      /* a rumus_capaian: target, realisasi, target_bawah, target_atas are in scope */
} Checker;

static const char *type_name(Type t)
{
    switch (t) {
    case T_NUM: return _("number");
    case T_MONEY: return _("money");
    case T_TEXT: return _("text");
    case T_BOOL: return _("truth value");
    case T_REF: return _("name");
    case T_RANGE: return _("range");
    default: return _("value");
    }
}

#define ERR(c, code, span, ...) diag_add((c)->dl, DIAG_ERROR, code, span, __VA_ARGS__)
#define WARN(c, code, span, ...) diag_add((c)->dl, DIAG_WARNING, code, span, __VA_ARGS__)

/* ---- names ---- */

typedef struct Suggest {
    const char *word;
    const char *best;
    size_t dist;
} Suggest;

static void suggest_try(Suggest *s, const char *cand)
{
    if (!cand || !*cand) return;
    size_t cap = strlen(s->word) <= 3 ? 1 : 2;
    size_t d = edit_distance(s->word, cand, cap);
    /* of equally close names the first in byte order, so that the hint
     * does not depend on where names fall in the symbol table */
    if (d <= cap && (d < s->dist || (d == s->dist && strcmp(cand, s->best) < 0))) {
        s->dist = d;
        s->best = cand;
    }
}

static void suggest_entities(Suggest *s, const Unit *u, unsigned kinds)
{
    for (size_t i = 0; i < u->sym_cap; i++) {
        Entity *e = u->sym[i];
        if (e && (kinds & (1u << e->kind))) suggest_try(s, e->id);
    }
}

#define K(k) (1u << (k))
#define ALL_KINDS (K(ENT_NKINDS) - 1)
#define BUDGET_KINDS ((unsigned)ENT_BUDGET_KINDS)

static void unknown_name(Checker *c, const char *name, Span at, unsigned kinds, const char *what)
{
    Diag *d = ERR(c, "E0301", at, _("unknown %s '%s'"), what, name);
    Suggest s = {name, NULL, 99};
    suggest_entities(&s, c->u, kinds);
    if (c->rule) {
        const Vec *params = &ent_aturan(c->rule)->params;
        for (size_t i = 0; i < params->len; i++) suggest_try(&s, ((NameRef *)params->items[i])->name);
    }
    if (c->rumus_owner) {
        const Vec *data = &ent_indikator(c->rumus_owner)->data;
        for (size_t i = 0; i < data->len; i++) {
            DataYear *dy = data->items[i];
            for (size_t k = 0; k < dy->pairs.len; k++) suggest_try(&s, ((DataPair *)dy->pairs.items[k])->name);
        }
    }
    if (s.best) diag_hint(d, _("did you mean '%s'?"), s.best);
    else {
        const char *kw = closest_keyword(name);
        if (kw) diag_hint(d, _("did you mean the keyword '%s'?"), kw);
    }
}

/* Resolves a reference that must name an entity of one of `kinds`. */
static Entity *resolve_ref(Checker *c, NameRef *r, unsigned kinds, const char *what)
{
    Entity *e = unit_lookup(c->u, r->name);
    if (!e) {
        unknown_name(c, r->name, r->span, kinds, what);
        return NULL;
    }
    if (!(kinds & K(e->kind))) {
        Diag *d = ERR(c, "E0303", r->span, _("'%s' is a %s, not a %s"), r->name, ent_kind_name(e->kind), what);
        diag_label(d, e->id_span, _("'%s' is declared here"), e->id);
        return NULL;
    }
    r->ent = e;
    return e;
}

/* ---- built-in functions (the registry: src/builtins.c) ---- */

static const char *kinds_text(unsigned kinds)
{
    if (kinds == K(ENT_INDIKATOR)) return _("an indikator");
    if (kinds == K(ENT_SASARAN)) return _("a sasaran");
    if (kinds == K(ENT_SURVEI)) return _("a survei");
    if (kinds == K(ENT_PENILAIAN)) return _("a penilaian");
    if (kinds == (BUDGET_KINDS | K(ENT_SASARAN))) return _("a program, kegiatan, subkegiatan or sasaran");
    if (kinds & K(ENT_INDIKATOR) && kinds & BUDGET_KINDS) return _("an indikator, budget node or sasaran");
    return _("an indikator or sasaran");
}

/* Type of an indikator's values: money when its targets are amounts. */
static Type indikator_type(const Entity *e)
{
    const IndikatorDecl *ind = ent_indikator_c(e);
    const Vec *v = ind->target.len ? &ind->target : &ind->realisasi;
    if (v->len) {
        const YearVal *y = v->items[0];
        if (y->lo->kind == EX_MONEY) return T_MONEY;
    }
    return T_NUM;
}

static Type resolve_expr(Checker *c, Expr *e);

/* The static type of a call of b; arg0 the first argument's, x the
 * entity it names (or NULL). */
static Type result_type(const Builtin *b, Type arg0, const Entity *x)
{
    switch (b->result) {
    case BR_NUM: return T_NUM;
    case BR_MONEY: return T_MONEY;
    case BR_TEXT: return T_TEXT;
    case BR_VALUE_OF: return !x ? T_ANY : x->kind == ENT_INDIKATOR ? indikator_type(x) : T_MONEY;
    case BR_TARGET_OF: {
        if (!x || x->kind != ENT_INDIKATOR) return T_ANY;
        /* a range when every target is one, a number when none is */
        const Vec *t = &ent_indikator_c(x)->target;
        size_t ranges = 0;
        for (size_t i = 0; i < t->len; i++) ranges += ((const YearVal *)t->items[i])->hi != NULL;
        return ranges == 0 ? indikator_type(x) : ranges == t->len ? T_RANGE : T_ANY;
    }
    case BR_BOUND:
        if (x && x->kind == ENT_INDIKATOR) return indikator_type(x);
        return arg0 == T_NUM || arg0 == T_MONEY ? arg0 : T_ANY;
    case BR_ARG0: return arg0;
    case BR_ALIKE: break;
    }
    return T_ANY;
}

static void period_arg(Checker *c, Expr *call, Expr *a);

static Type check_call(Checker *c, Expr *e)
{
    const char *name = e->u.call.name;
    int n = e->u.call.nargs;
    Type argt[2] = {T_ANY, T_ANY};
    const Builtin *bp = builtin_get(e->u.call.builtin);
    for (int i = 0; i < n; i++) {
        if (bp && i < 3 && bp->arg[i] == BA_PERIOD) {
            /* a period is written as a name, not a value (sakip(5), PERIODS) */
            period_arg(c, e, e->u.call.args[i]);
            continue;
        }
        Type t = resolve_expr(c, e->u.call.args[i]);
        if (i < 2) argt[i] = t;
    }
    Entity *rule = e->u.call.sym ? unit_lookup_name(c->u, e->u.call.sym) : unit_lookup(c->u, name);
    const Builtin *bi0 = builtin_get(e->u.call.builtin);
    /* capaian() with no argument is the mean over all IKU even where a
     * rule named capaian rates each indikator */
    bool unit_total = n == 0 && bi0 && bi0->min == 0 && bi0->arg[0] == BA_ENTITY && rule && rule->kind == ENT_ATURAN &&
                      ent_aturan(rule)->params.len > 0;
    if (rule && rule->kind == ENT_ATURAN && !unit_total) {
        /* capaian(x) with a rule named capaian is still the built-in, which
         * rates each indikator by its rumus_capaian, else by the rule, and
         * applies its batas (sakip(5), indikator); other rules are called */
        bool through = bi0 && bi0->eval && !strcmp(bi0->name, "capaian");
        if (!through) e->u.call.rule = rule;
        size_t np = ent_aturan(rule)->params.len;
        if ((size_t)n != np) {
            Diag *d = ERR(c, "E0307", e->span, P_("rule '%s' takes %zu argument, not %d", "rule '%s' takes %zu arguments, not %d",
                             np), name, np, n);
            diag_label(d, rule->id_span, _("'%s' is defined here"), name);
        } else if (through && n >= 1) {
            Expr *a = e->u.call.args[0];
            if (a->kind == EX_IDENT && a->u.id.ref == REF_ENTITY && !(bi0->kinds & K(a->u.id.ent->kind))) {
                Diag *d = ERR(c, "E0303", a->span, _("'%s' needs %s; '%s' is a %s"), name, kinds_text(bi0->kinds),
                              a->u.id.ent->id, ent_kind_name(a->u.id.ent->kind));
                diag_label(d, a->u.id.ent->id_span, _("'%s' is declared here"), a->u.id.ent->id);
            }
        }
        return through ? T_NUM : T_ANY;
    }
    const Builtin *b = builtin_get(e->u.call.builtin);
    if (!b) {
        Diag *d = ERR(c, "E0308", e->u.call.name_span, _("unknown function '%s'"), name);
        Suggest s = {name, NULL, 99};
        for (size_t i = 0; i < builtins_count; i++) suggest_try(&s, builtins[i].name);
        suggest_entities(&s, c->u, K(ENT_ATURAN));
        if (s.best) diag_hint(d, _("did you mean '%s'?"), s.best);
        return T_ANY;
    }
    bool of_entity = b->arg[0] == BA_ENTITY;
    if (n < b->min || (b->max >= 0 && n > b->max)) {
        Diag *d;
        if (b->min == b->max)
            d = ERR(c, "E0307", e->span, P_("'%s' takes %d argument, not %d", "'%s' takes %d arguments, not %d", (unsigned long)b->min),
                    name, b->min, n);
        else if (b->max < 0)
            d = ERR(c, "E0307", e->span, _("'%s' takes at least %d argument, not %d"), name, b->min, n);
        else if (b->min == 0)
            d = ERR(c, "E0307", e->span, _("'%s' takes at most %d arguments, not %d"), name, b->max, n);
        else
            d = ERR(c, "E0307", e->span, _("'%s' takes %d or %d arguments, not %d"), name, b->min, b->max, n);
        if (of_entity && b->max == 2) diag_hint(d, _("write '%s(X)' or '%s(X, 2024)'"), name, name);
        if (of_entity && b->max == 3) diag_hint(d, _("write '%s(X)', '%s(X, 2024)' or '%s(X, 2025, tw2)'"), name, name, name);
        if (of_entity && b->arg[1] == BA_PERIOD) diag_hint(d, _("write '%s(X, tw2)'"), name);
        return result_type(b, T_ANY, NULL);
    }
    Entity *x = NULL;
    if (of_entity && n >= 1) {
        Expr *a = e->u.call.args[0];
        if (a->kind == EX_IDENT && a->u.id.ref == REF_ENTITY) {
            x = a->u.id.ent;
            if (!(b->kinds & K(x->kind))) {
                Diag *d = ERR(c, "E0303", a->span, _("'%s' needs %s; '%s' is a %s"), name, kinds_text(b->kinds),
                              x->id, ent_kind_name(x->kind));
                diag_label(d, x->id_span, _("'%s' is declared here"), x->id);
            }
        } else if (argt[0] != T_ANY && argt[0] != T_REF) {
            ERR(c, "E0303", a->span, _("'%s' needs %s, not a %s"), name, kinds_text(b->kinds), type_name(argt[0]));
        }
        if (n >= 2 && b->arg[1] == BA_YEAR && argt[1] != T_ANY && argt[1] != T_NUM)
            ERR(c, "E0402", e->u.call.args[1]->span, _("the year of '%s' must be a number like 2024"), name);
        if (n >= 2 && (b->arg[1] == BA_PK || b->arg[1] == BA_YEAR_PK)) {
            Expr *a1 = e->u.call.args[1];
            bool pk = a1->kind == EX_IDENT && a1->u.id.ref == REF_ENTITY && a1->u.id.ent->kind == ENT_PERJANJIAN;
            if (b->arg[1] == BA_PK && !pk && argt[1] != T_ANY) {
                Diag *d = ERR(c, "E0303", a1->span, _("the second argument of '%s' must name a perjanjian"), name);
                diag_hint(d, _("as in '%s(P1, PK2024)': the amount that perjanjian states"), name);
            } else if (b->arg[1] == BA_YEAR_PK && !pk && argt[1] != T_ANY && argt[1] != T_NUM) {
                Diag *d = ERR(c, "E0402", a1->span, _("the second argument of '%s' is a year like 2024 or a perjanjian"), name);
                diag_hint(d, _("as in '%s(X, 2025)' or '%s(X, PK2024)'"), name, name);
            }
        }
        /* budget period values exist only for tahun (sakip(5), PERIODS) */
        Expr *y = n >= 3 && b->arg[2] == BA_PERIOD ? e->u.call.args[1] : NULL;
        if (y && x && (ent_is_budget(x) || (x->kind == ENT_SASARAN && b->result == BR_VALUE_OF)) && c->u->has_tahun &&
            y->kind == EX_NUM && mpz_cmp_ui(mpq_denref(y->u.num.q), 1) == 0 && mpz_fits_slong_p(mpq_numref(y->u.num.q)) &&
            mpz_get_si(mpq_numref(y->u.num.q)) != c->u->tahun) {
            Diag *d = ERR(c, "E0630", y->span, _("the budget's periods are those of tahun %d, not %d"), c->u->tahun,
                          (int)mpz_get_si(mpq_numref(y->u.num.q)));
            diag_hint(d, _("as in '%s(%s, %d, %s)'"), name, x->id, c->u->tahun, span_text(c->u, e->u.call.args[2]->span));
        }
    } else if (b->arg[0] == BA_VALUE && b->result == BR_BOUND && n >= 1) {
        /* atas(r), bawah(r): r a range, a number, or an indikator (its target) */
        Expr *a = e->u.call.args[0];
        if (a->kind == EX_IDENT && a->u.id.ref == REF_ENTITY) {
            x = a->u.id.ent;
            if (x->kind != ENT_INDIKATOR) {
                Diag *d = ERR(c, "E0303", a->span, _("'%s' needs a range or an indikator; '%s' is a %s"), name, x->id,
                              ent_kind_name(x->kind));
                diag_label(d, x->id_span, _("'%s' is declared here"), x->id);
            }
        } else if (argt[0] == T_TEXT || argt[0] == T_BOOL) {
            ERR(c, "E0401", a->span, _("'%s' takes a range, not a %s"), name, type_name(argt[0]));
        }
        if (n >= 2 && argt[1] != T_ANY && argt[1] != T_NUM)
            ERR(c, "E0402", e->u.call.args[1]->span, _("the year of '%s' must be a number like 2024"), name);
    }
    for (int i = 0; i < 2 && i < n; i++) {
        Expr *s = e->u.call.args[i];
        if (b->arg[i] == BA_SKALA && !(s->kind == EX_IDENT && s->u.id.ref == REF_ENTITY && s->u.id.ent->kind == ENT_SKALA))
            ERR(c, "E0303", s->span, _("the second argument of '%s' must name a skala"), name);
    }
    for (int i = 0; i < 2 && i < n; i++)
        if (b->arg[i] == BA_NUMBER && argt[i] != T_ANY && argt[i] != T_NUM)
            ERR(c, "E0401", e->u.call.args[i]->span, _("'%s' rates a number, not a %s"), name, type_name(argt[i]));
    if (b->result != BR_ALIKE) return result_type(b, argt[0], x);
    /* jumlah, rata, min, max: all arguments alike */
    Type t = T_ANY;
    for (int i = 0; i < n; i++) {
        Type ti = resolve_expr(c, e->u.call.args[i]);
        if (ti == T_ANY) continue;
        if (ti != T_NUM && ti != T_MONEY) {
            Diag *d = ERR(c, "E0401", e->u.call.args[i]->span, _("'%s' takes numbers or amounts, not a %s"), name, type_name(ti));
            if (ti == T_RANGE) diag_hint(d, _("bawah(r) and atas(r) give the bounds of a range"));
            return T_ANY;
        }
        if (t != T_ANY && ti != t) {
            ERR(c, "E0401", e->u.call.args[i]->span, _("'%s' cannot mix money and numbers"), name);
            return T_ANY;
        }
        t = ti;
    }
    return t;
}

static Type check_bin(Checker *c, Expr *e, Type l, Type r)
{
    BinOp op = e->u.bin.op;
    if ((l == T_RANGE || r == T_RANGE) && op != OP_EQ && op != OP_NE && op != OP_AND && op != OP_OR) {
        Diag *d = ERR(c, "E0401", e->op_span, _("a range can only be compared whole with '==' or '!='"));
        diag_hint(d, _("bawah(r) and atas(r) give the bounds of a range, as in 'atas(target(X)) >= 90'"));
        return op >= OP_EQ ? T_BOOL : T_ANY;
    }
    if ((op == OP_EQ || op == OP_NE) && (l == T_RANGE || r == T_RANGE) &&
        (l == T_RANGE || l == T_NUM || l == T_MONEY || l == T_ANY) && (r == T_RANGE || r == T_NUM || r == T_MONEY || r == T_ANY))
        return T_BOOL;   /* a range and a number are never equal */
    if (l == T_ANY || r == T_ANY) {
        if (op >= OP_EQ && op <= OP_OR) return T_BOOL;
        if (op == OP_DIV && l == T_MONEY && r == T_ANY) return T_ANY;
        return (l == T_MONEY || r == T_MONEY) && op != OP_DIV ? T_MONEY : T_ANY;
    }
    Diag *d = NULL;
    switch (op) {
    case OP_ADD: case OP_SUB:
        if (l == r && (l == T_NUM || l == T_MONEY)) return l;
        d = ERR(c, "E0401", e->op_span, op == OP_ADD ? _("cannot add %s and %s") : _("cannot subtract %s from %s"),
                op == OP_ADD ? type_name(l) : type_name(r), op == OP_ADD ? type_name(r) : type_name(l));
        if ((l == T_MONEY && r == T_NUM) || (l == T_NUM && r == T_MONEY))
            diag_hint(d, _("write the number as an amount, e.g. 'Rp 16.000.000'"));
        return T_ANY;
    case OP_MUL:
        if (l == T_NUM && r == T_NUM) return T_NUM;
        if ((l == T_MONEY && r == T_NUM) || (l == T_NUM && r == T_MONEY)) return T_MONEY;
        ERR(c, "E0401", e->op_span, _("cannot multiply %s by %s"), type_name(l), type_name(r));
        return T_ANY;
    case OP_DIV:
        if (l == T_NUM && r == T_NUM) return T_NUM;
        if (l == T_MONEY && r == T_NUM) return T_MONEY;
        if (l == T_MONEY && r == T_MONEY) return T_NUM;
        ERR(c, "E0401", e->op_span, _("cannot divide %s by %s"), type_name(l), type_name(r));
        return T_ANY;
    case OP_EQ: case OP_NE:
        if (l == r) return T_BOOL;
        ERR(c, "E0401", e->op_span, _("cannot compare %s with %s"), type_name(l), type_name(r));
        return T_BOOL;
    case OP_LT: case OP_LE: case OP_GT: case OP_GE: case OP_APPROX:
        if (l == r && (l == T_NUM || l == T_MONEY)) return T_BOOL;
        ERR(c, "E0401", e->op_span, _("cannot compare %s with %s by size"), type_name(l), type_name(r));
        return T_BOOL;
    case OP_AND: case OP_OR:
        if (l == T_BOOL && r == T_BOOL) return T_BOOL;
        ERR(c, "E0401", e->op_span, _("'%s' joins truth values, not %s and %s"), op == OP_AND ? "dan" : "atau",
            type_name(l), type_name(r));
        return T_BOOL;
    }
    return T_ANY;
}

static bool data_has_name(const Entity *ind, const char *name)
{
    const Vec *data = &ent_indikator_c(ind)->data;
    for (size_t i = 0; i < data->len; i++) {
        DataYear *dy = data->items[i];
        for (size_t k = 0; k < dy->pairs.len; k++)
            if (strcmp(((DataPair *)dy->pairs.items[k])->name, name) == 0) return true;
    }
    return false;
}

static Type resolve_ident(Checker *c, Expr *e)
{
    const char *name = e->u.id.name;
    int var = eval_capaian_var(name);
    if (var >= 0 && c->capaian_scope) {
        e->u.id.ref = REF_CAPAIAN;
        e->u.id.index = var;
        return T_ANY;
    }
    if (c->rule) {
        const Vec *params = &ent_aturan(c->rule)->params;
        for (size_t i = 0; i < params->len; i++) {
            if (strcmp(((NameRef *)params->items[i])->name, name) == 0) {
                e->u.id.ref = REF_PARAM;
                e->u.id.index = (int)i;
                return T_ANY;
            }
        }
    }
    Entity *ent = e->u.id.sym ? unit_lookup_name(c->u, e->u.id.sym) : unit_lookup(c->u, name);
    /* target and realisasi are keywords, never a declared name or a data name */
    if (var >= 0 && (var <= 1 || (!ent && !(c->rumus_owner && data_has_name(c->rumus_owner, name))))) {
        Diag *d = ERR(c, "E0310", e->span, _("'%s' alone is known only inside a rumus_capaian"), name);
        if (var <= 1) diag_hint(d, _("write %s(X) for the %s of an indikator"), name, name);
        else diag_hint(d, _("write %s(target(X)) for a bound of an indikator's target range"), var == 2 ? "bawah" : "atas");
        return T_ANY;
    }
    if (c->rumus_owner && (data_has_name(c->rumus_owner, name) || !ent)) {
        e->u.id.ref = REF_DATA;
        return T_ANY;   /* data values are numbers or amounts */
    }
    if (!ent) {
        unknown_name(c, name, e->span, ALL_KINDS, _("name"));
        return T_ANY;
    }
    if (ent->kind == ENT_ATURAN) {
        if (ent_aturan(ent)->params.len > 0) {
            ERR(c, "E0307", e->span, _("rule '%s' needs its arguments: %s(...)"), name, name);
            return T_ANY;
        }
        e->u.id.ref = REF_RULE;
        e->u.id.ent = ent;
        return T_ANY;
    }
    e->u.id.ref = REF_ENTITY;
    e->u.id.ent = ent;
    return T_REF;
}

/* Whether the range literal lo..hi runs downwards (its bounds are
 * numbers written out, perhaps negated). */
static bool range_downwards(const Expr *lo, const Expr *hi)
{
    const Expr *l = lo->kind == EX_NEG ? lo->u.un : lo, *h = hi->kind == EX_NEG ? hi->u.un : hi;
    if ((l->kind != EX_NUM && l->kind != EX_MONEY) || (h->kind != EX_NUM && h->kind != EX_MONEY)) return false;
    mpq_t a, b;
    mpq_inits(a, b, NULL);
    mpq_set(a, l->u.num.q);
    mpq_set(b, h->u.num.q);
    if (lo->kind == EX_NEG) mpq_neg(a, a);
    if (hi->kind == EX_NEG) mpq_neg(b, b);
    bool down = mpq_cmp(a, b) > 0;
    mpq_clears(a, b, NULL);
    return down;
}

static Type resolve_expr(Checker *c, Expr *e)
{
    switch (e->kind) {
    case EX_NUM: return T_NUM;
    case EX_MONEY: return T_MONEY;
    case EX_STR: return T_TEXT;
    case EX_BOOL: return T_BOOL;
    case EX_IDENT:
        if (e->u.id.ref != REF_UNRESOLVED) return e->u.id.ref == REF_ENTITY ? T_REF : T_ANY;
        return resolve_ident(c, e);
    case EX_CALL: return check_call(c, e);
    case EX_RANGE: {
        Type l = resolve_expr(c, e->u.bin.l), r = resolve_expr(c, e->u.bin.r);
        const Expr *lo = e->u.bin.l, *hi = e->u.bin.r;
        if (l != r) {
            ERR(c, "E0401", e->op_span, _("the bounds of a range are both numbers or both amounts, not a %s and a %s"),
                type_name(l), type_name(r));
        } else if (range_downwards(lo, hi)) {
            Diag *d = ERR(c, "E0513", e->span, _("the range %s runs downwards"), span_text(c->u, e->span));
            diag_hint(d, _("write the lower bound first: %s..%s"), span_text(c->u, hi->span), span_text(c->u, lo->span));
        }
        return T_RANGE;
    }
    case EX_NEG: {
        Type t = resolve_expr(c, e->u.un);
        if (t == T_RANGE) {
            ERR(c, "E0401", e->op_span, _("a range cannot be negated; write its bounds negated, as in '-4..-2'"));
            return T_ANY;
        }
        if (t != T_ANY && t != T_NUM && t != T_MONEY) {
            ERR(c, "E0401", e->op_span, _("cannot negate a %s"), type_name(t));
            return T_ANY;
        }
        return t;
    }
    case EX_NOT: {
        Type t = resolve_expr(c, e->u.un);
        if (t != T_ANY && t != T_BOOL) ERR(c, "E0401", e->op_span, _("'tidak' needs a truth value, not a %s"), type_name(t));
        return T_BOOL;
    }
    case EX_IF: {
        Type tc = resolve_expr(c, e->u.cond.c);
        Type ta = resolve_expr(c, e->u.cond.a);
        Type tb = resolve_expr(c, e->u.cond.b);
        if (tc != T_ANY && tc != T_BOOL)
            ERR(c, "E0401", e->u.cond.c->span, _("'jika' needs a truth value, not a %s"), type_name(tc));
        if (ta != T_ANY && tb != T_ANY && ta != tb) {
            ERR(c, "E0401", e->u.cond.b->span, _("the two branches give a %s and a %s"), type_name(ta), type_name(tb));
            return T_ANY;
        }
        return ta != T_ANY ? ta : tb;
    }
    case EX_BIN: {
        Type l = resolve_expr(c, e->u.bin.l);
        Type r = resolve_expr(c, e->u.bin.r);
        if (e->u.bin.op == OP_APPROX) {
            const Expr *rx = e->u.bin.r;
            if (rx->kind == EX_NEG) rx = rx->u.un;
            if (rx->kind != EX_NUM && rx->kind != EX_MONEY) {
                Diag *d = ERR(c, "E0404", rx->span, _("the right side of '~=' must be a number written out"));
                diag_hint(d, _("'~=' rounds the left side to as many decimals as the number on the right, "
                             "as in 'capaian(IKM) ~= 101.99%%'"));
                return T_BOOL;
            }
        }
        return check_bin(c, e, l, r);
    }
    }
    return T_ANY;
}

static void resolve_in(Checker *c, Expr *e, Entity *rule, Entity *rumus_owner)
{
    if (!e) return;
    c->rule = rule;
    c->rumus_owner = rumus_owner;
    resolve_expr(c, e);
    c->rule = NULL;
    c->rumus_owner = NULL;
}

/* ---- passes ---- */

static void check_instansi(Checker *c)
{
    Unit *u = c->u;
    Span file_start = {u->file, 0, 0};
    if (u->ninstansi == 0) {
        Diag *d = ERR(c, "E0001", file_start, _("this file declares no instansi"));
        diag_hint(d, _("start with: instansi \"Kecamatan ...\" { tahun 2024  periode 2021..2026 }"));
        return;
    }
    if (u->ninstansi > 1) {
        Diag *d = ERR(c, "E0002", u->second_instansi_span, _("a second instansi in one file"));
        diag_label(d, u->instansi_span, _("the first instansi is declared here"));
        diag_hint(d, _("write one .sakip file per instansi"));
    }
    if (!u->has_tahun) {
        Diag *d = ERR(c, "E0003", u->instansi_span, _("instansi '%s' has no 'tahun' (reporting year)"), u->nama);
        diag_hint(d, _("add 'tahun 2024' inside the instansi block"));
    }
    if (u->has_tahun && u->has_periode && (u->tahun < u->periode_from || u->tahun > u->periode_to)) {
        Diag *d = ERR(c, "E0004", u->tahun_span, _("tahun %d is outside periode %d..%d"), u->tahun,
                      u->periode_from, u->periode_to);
        diag_label(d, u->periode_span, _("the periode is declared here"));
    }
}

static void check_duplicates(Checker *c)
{
    for (size_t i = 0; i < c->u->duplicates.len; i++) {
        Entity *e = c->u->duplicates.items[i];
        Entity *first = unit_lookup(c->u, e->id);
        Diag *d = ERR(c, "E0302", e->id_span, _("'%s' is already declared (%s)"), e->id,
                      first ? ent_kind_name(first->kind) : _("name"));
        if (first) diag_label(d, first->id_span, _("first declared here"));
        Buf kinds;   /* the kinds of src/kinds.def, in its order */
        buf_init(&kinds);
        for (int k = 0; k < ENT_NKINDS; k++)
            buf_printf(&kinds, "%s%s", k == 0 ? "" : k + 1 == ENT_NKINDS ? _(" and ") : ", ", ent_kind_name(k));
        diag_hint(d, _("%s share one namespace"), kinds.data);
        buf_free(&kinds);
    }
}

static const char *const settings[] = {"skala_capaian", "batas_capaian", "pembulatan", "desimal", "batas_rata",
                                       "rata_abaikan_kosong", NULL};

static void check_atur(Checker *c)
{
    for (size_t i = 0; i < c->u->atur.len; i++) {
        Atur *a = c->u->atur.items[i];
        const Expr *v = a->value;
        if (!strcmp(a->name, "skala_capaian")) {
            if (v->kind != EX_IDENT) {
                ERR(c, "E0309", v->span, _("'skala_capaian' must name a skala"));
                continue;
            }
            NameRef r = {v->u.id.name, v->span, NULL};
            resolve_ref(c, &r, K(ENT_SKALA), "skala");
        } else if (!strcmp(a->name, "batas_capaian")) {
            if (v->kind != EX_NUM || mpq_sgn(v->u.num.q) <= 0)
                ERR(c, "E0309", v->span, _("'batas_capaian' must be a positive percentage like 120%%"));
        } else if (!strcmp(a->name, "batas_rata")) {
            if (v->kind != EX_NUM || mpq_sgn(v->u.num.q) <= 0) {
                Diag *d = ERR(c, "E0309", v->span, _("'batas_rata' must be a positive percentage like 100%%"));
                diag_hint(d, _("each capaian is capped at it where sakip averages capaian (a sasaran, capaian(), the recap)"));
            }
        } else if (!strcmp(a->name, "rata_abaikan_kosong")) {
            if (v->kind != EX_BOOL) {
                Diag *d = ERR(c, "E0309", v->span, _("'rata_abaikan_kosong' is benar or salah"));
                diag_hint(d, _("benar leaves an undefined capaian out of a mean; salah (the default) makes the mean undefined"));
            }
        } else if (!strcmp(a->name, "pembulatan")) {
            if (v->kind != EX_STR || (strcmp(v->u.str, "setengah_naik") && strcmp(v->u.str, "bawah"))) {
                Diag *d = ERR(c, "E0309", v->span, _("'pembulatan' is \"setengah_naik\" or \"bawah\""));
                diag_hint(d, _("\"setengah_naik\" rounds half away from zero (the default); \"bawah\" toward zero"));
            }
        } else if (!strcmp(a->name, "desimal")) {
            if (v->kind != EX_NUM || mpz_cmp_ui(mpq_denref(v->u.num.q), 1) != 0 || mpq_sgn(v->u.num.q) < 0 ||
                mpz_cmp_ui(mpq_numref(v->u.num.q), 10) > 0)
                ERR(c, "E0309", v->span, _("'desimal' must be a whole number from 0 to 10"));
        } else {
            Diag *d = ERR(c, "E0306", a->name_span, _("unknown setting '%s'"), a->name);
            Suggest s = {a->name, NULL, 99};
            for (size_t k = 0; settings[k]; k++) suggest_try(&s, settings[k]);
            if (s.best) diag_hint(d, _("did you mean '%s'?"), s.best);
            else diag_hint(d, _("the settings are skala_capaian, batas_capaian, batas_rata, rata_abaikan_kosong, pembulatan and desimal"));
        }
    }
}

static void resolve_perjanjian(Checker *c);

/* ---- table titles (sakip(5), TABLES) ---- */

static void check_tabel(Checker *c)
{
    Vec *tabel = &c->u->tabel;
    for (size_t i = 0; i < tabel->len; i++) {
        Tabel *t = tabel->items[i];
        if (!tabel_id_known(t->id)) {
            Diag *d = ERR(c, "E0330", t->id_span, _("there is no table '%s'"), t->id);
            Suggest s = {t->id, NULL, 99};
            Buf known;
            buf_init(&known);
            for (size_t k = 0; tabel_ids[k]; k++) {
                suggest_try(&s, tabel_ids[k]);
                buf_printf(&known, "%s%s", k ? ", " : "", tabel_ids[k]);
            }
            if (s.best) diag_hint(d, _("did you mean '%s'?"), s.best);
            diag_hint(d, _("the tables are %s"), known.data);
            buf_free(&known);
            continue;
        }
        for (size_t k = 0; k < i; k++) {
            Tabel *first = tabel->items[k];
            if (strcmp(first->id, t->id)) continue;
            Diag *d = ERR(c, "E0331", t->id_span, _("table '%s' is given a title twice"), t->id);
            diag_label(d, first->id_span, _("the first title is here"));
            diag_hint(d, _("keep one 'tabel %s' line"), t->id);
            break;
        }
        /* {tahun} is the one placeholder; another {word} is most likely a slip */
        for (const char *p = strchr(t->title, '{'); p; p = strchr(p + 1, '{')) {
            const char *e = strchr(p, '}');
            if (!e) break;
            if ((size_t)(e - p - 1) == 5 && !strncmp(p + 1, "tahun", 5)) continue;
            int off = 1;
            for (const char *q = t->title; q < p; q++) off += strchr("\"\\\n\t", *q) && *q ? 2 : 1;
            Span s = {t->title_span.file, t->title_span.start + (uint32_t)off, t->title_span.start + (uint32_t)off};
            s.end = s.start + (uint32_t)(e - p + 1);
            if (s.end > t->title_span.end) s = t->title_span;
            Diag *d = WARN(c, "W0332", s, _("'%.*s' in a table title is written as it is; only {tahun} is replaced"),
                           (int)(e - p + 1), p);
            diag_hint(d, _("write {tahun} for the year evaluated"));
        }
    }
}

/* ---- budget codes (sakip(5), BUDGET CODES) ---- */

/* The SIPD shape of a code for a level: program U.BB.PP, kegiatan
 * U.BB.PP.K.KK, subkegiatan U.BB.PP.K.KK.SSSS; U and BB may be written
 * X and XX (a program common to every urusan). */
static bool kode_shape_ok(const char *k, int level)
{
    static const int groups[] = {1, 2, 2, 1, 2, 4};
    int n = level == 0 ? 3 : level == 1 ? 5 : 6;
    bool x_form = k[0] == 'X';   /* X.XX: both urusan and bidang, or neither */
    for (int g = 0; g < n; g++) {
        if (g) {
            if (*k != '.') return false;
            k++;
        }
        bool x = g < 2 && x_form;
        for (int i = 0; i < groups[g]; i++, k++)
            if (x ? *k != 'X' : !(*k >= '0' && *k <= '9')) return false;
    }
    return *k == '\0';
}

static int level_of(const Entity *e) { return e->kind == ENT_PROGRAM ? 0 : e->kind == ENT_KEGIATAN ? 1 : 2; }

/* Whether child starts with parent and a '.': an X stands for any digit. */
static bool kode_under(const char *child, const char *parent)
{
    for (; *parent; parent++, child++) {
        if (*parent == *child) continue;
        bool pd = *parent >= '0' && *parent <= '9', cd = *child >= '0' && *child <= '9';
        if (!((*parent == 'X' && (cd || *child == 'X')) || (*child == 'X' && pd))) return false;
    }
    return *child == '.';
}

static void check_kode(Checker *c)
{
    static const char *const form[] = {"U.BB.PP, as 7.01.01 (or X.XX.01)", "U.BB.PP.K.KK, as 7.01.01.2.02",
                                       "U.BB.PP.K.KK.SSSS, as 7.01.01.2.02.0001"};
    Vec *nodes = &c->u->budget_nodes;
    for (size_t i = 0; i < nodes->len; i++) {
        Entity *n = nodes->items[i];
        const BudgetDecl *bd = ent_budget(n);
        if (bd->kode_again) {
            Diag *d = ERR(c, "E0623", *bd->kode_again, _("%s %s has a kode already"), ent_kind_name(n->kind), n->id);
            diag_label(d, bd->kode_span, _("the first kode is here"));
            diag_hint(d, _("a budget node has one SIPD code; keep one 'kode' line"));
        }
        if (!bd->kode) continue;
        int level = level_of(n);
        if (!kode_shape_ok(bd->kode, level)) {
            Diag *d = ERR(c, "E0620", bd->kode_span, _("'%s' is not the code of a %s"), bd->kode, ent_kind_name(n->kind));
            diag_hint(d, _("a %s's code has the form %s"), ent_kind_name(n->kind), form[level]);
            for (int other = 0; other < 3; other++)
                if (other != level && kode_shape_ok(bd->kode, other))
                    diag_hint(d, _("'%s' has the form of a %s's code"), bd->kode,
                              ent_kind_name(other == 0 ? ENT_PROGRAM : other == 1 ? ENT_KEGIATAN : ENT_SUBKEGIATAN));
            continue;
        }
        Entity *p = n->parent;   /* the nearest node above with a code */
        while (p && ent_is_budget(p) && !ent_budget(p)->kode) p = p->parent;
        if (p && ent_is_budget(p) && ent_budget(p)->kode && kode_shape_ok(ent_budget(p)->kode, level_of(p)) &&
            !kode_under(bd->kode, ent_budget(p)->kode)) {
            const char *pk = ent_budget(p)->kode;
            Diag *d = ERR(c, "E0621", bd->kode_span, _("the code '%s' of %s %s does not start with '%s', the code of %s %s"),
                          bd->kode, ent_kind_name(n->kind), n->id, pk, ent_kind_name(p->kind), p->id);
            diag_label(d, ent_budget(p)->kode_span, _("the code of %s is here"), p->id);
            const char *tail = bd->kode + strlen(pk);
            if (strlen(bd->kode) > strlen(pk) && *tail == '.')
                diag_hint(d, _("write '%s%s', or move %s under the %s it belongs to"), pk, tail, n->id, ent_kind_name(p->kind));
            else
                diag_hint(d, _("a code starts with the code of the %s above it"), ent_kind_name(p->kind));
        }
        for (size_t k = 0; k < i; k++) {
            Entity *m = nodes->items[k];
            const BudgetDecl *md = ent_budget(m);
            if (!md->kode || strcmp(md->kode, bd->kode)) continue;
            Diag *d = ERR(c, "E0622", bd->kode_span, _("the code '%s' of %s %s is already the code of %s %s"), bd->kode,
                          ent_kind_name(n->kind), n->id, ent_kind_name(m->kind), m->id);
            diag_label(d, md->kode_span, _("%s's code is here"), m->id);
            diag_hint(d, _("each program, kegiatan and subkegiatan has its own code"));
            break;
        }
    }
}

/* An andai names an indikator (target, realisasi, data) or a budget node
 * without children (anggaran, realisasi), and gives a value of its kind. */
static void unknown_period(Checker *c, const char *name, Span at);


/* E0403's hint for a number written where an amount is due: the
 * number as an amount ('Rp 250.000.000'), else an example */
static void hint_amount(Diag *d, const Expr *v)
{
    if (v->kind != EX_NUM) {
        diag_hint(d, _("write it as an amount such as 'Rp 100.000.000'"));
        return;
    }
    Buf b;
    buf_init(&b);
    num_format_money(&b, v->u.num.q, ROUND_HALF_UP, NOTATION_ID);
    diag_hint(d, _("write it as '%s'"), b.data);
    buf_free(&b);
}
static void resolve_andai(Checker *c, Andai *a)
{
    bool money = a->kind == ANDAI_ANGGARAN || a->kind == ANDAI_RENCANA;
    if (a->period < 0) {
        unknown_period(c, a->data_name, a->data_span);
        a->target.ent = NULL;
        return;
    }
    if ((a->kind == ANDAI_RENCANA && !a->period) || (a->kind == ANDAI_ANGGARAN && a->period)) {
        Diag *d = ERR(c, "E0566", a->span, a->period ? _("anggaran has no periods; change it for the year")
                                                     : _("rencana is given per period; name the period"));
        diag_hint(d, a->period ? _("as in 'andai anggaran %s = Rp ...'") : _("as in 'andai rencana %s %d tw2 = Rp ...'"),
                  a->target.name, c->u->tahun);
        a->target.ent = NULL;
        return;
    }
    unsigned kinds = money ? BUDGET_KINDS
                     : a->kind == ANDAI_REALISASI ? K(ENT_INDIKATOR) | BUDGET_KINDS
                                                  : K(ENT_INDIKATOR);
    Entity *e = a->target.ent ? a->target.ent
                              : resolve_ref(c, &a->target, kinds, money ? _("budget node") : "indikator");
    if (!e) return;
    if (ent_is_budget(e)) {
        money = true;
        const Vec *children = &ent_budget(e)->children;
        if (children->len) {
            Diag *d = ERR(c, "E0303", a->target.span, _("%s %s is a sum of its children; change one of them"),
                          ent_kind_name(e->kind), e->id);
            Entity *child = children->items[0];
            const Vec *grandchildren = &ent_budget(child)->children;
            diag_hint(d, _("e.g. 'andai anggaran %s = Rp ...'"),
                      grandchildren->len ? ((Entity *)grandchildren->items[0])->id : child->id);
            a->target.ent = NULL;
            return;
        }
        if (a->has_year && a->year != c->u->tahun && a->period) {
            Diag *d = ERR(c, "E0630", a->target.span, _("the budget's periods are those of tahun %d, not %d"), c->u->tahun, a->year);
            diag_hint(d, _("as in 'andai %s %s %d %s = Rp ...'"), a->kind == ANDAI_RENCANA ? "rencana" : "realisasi",
                      e->id, c->u->tahun, a->data_name);
            a->target.ent = NULL;
            return;
        }
        if (a->has_year && a->year != c->u->tahun)
            WARN(c, "W0521", a->target.span, _("the budget has no years; the year %d is ignored"), a->year);
    }
    if (a->period > 0) {
        /* a what-if of one period is of the kind the year's values are
         * given in (sakip(5), PERIODS); another would change nothing */
        int y = ent_is_budget(e) || !a->has_year ? c->u->tahun : a->year;
        bool budget = ent_is_budget(e);
        PeriodKind k = eval_period_kind(e, budget ? 'r' : 't', y);
        if (!k) k = eval_period_kind(e, budget ? 'p' : 'r', y);
        if (k && k != period_kind(a->period)) {
            Diag *d = ERR(c, "E0561", a->data_span, _("'%s' is a %s, but the periods of %s for %d are given per %s"), a->data_name,
                          period_kind_word(period_kind(a->period)), e->id, y, period_kind_word(k));
            diag_hint(d, _("a what-if changes one of the periods given: %s"),
                      k == PK_TW ? "tw1..tw4" : k == PK_SM ? "sm1 sm2" : "jan..des");
            a->target.ent = NULL;
            return;
        }
    }
    if (a->kind == ANDAI_DATA) {
        if (!data_has_name(e, a->data_name)) {
            Diag *d = ERR(c, "E0301", a->data_span, _("indikator %s has no data named '%s'"), e->id, a->data_name);
            Suggest s = {a->data_name, NULL, 99};
            const Vec *data = &ent_indikator(e)->data;
            for (size_t i = 0; i < data->len; i++) {
                DataYear *dy = data->items[i];
                for (size_t k = 0; k < dy->pairs.len; k++) suggest_try(&s, ((DataPair *)dy->pairs.items[k])->name);
            }
            if (s.best) diag_hint(d, _("did you mean '%s'?"), s.best);
            a->target.ent = NULL;
            return;
        }
    }
    const Expr *v = a->value->lo;
    if (money && v->kind != EX_MONEY) {
        Diag *d = ERR(c, "E0403", v->span, _("%s of %s must be an amount in rupiah"),
                      a->kind == ANDAI_ANGGARAN ? "anggaran" : a->kind == ANDAI_RENCANA ? "rencana" : "realisasi", e->id);
        hint_amount(d, v);
        a->target.ent = NULL;
    } else if (!money && v->kind == EX_STR) {
        ERR(c, "E0403", v->span, _("a %s must be a number, not a text"), a->kind == ANDAI_TARGET ? "target" : "value");
        a->target.ent = NULL;
    }
}

/* Resolves every expression and reference in the tree. */
static void resolve_all(Checker *c)
{
    Unit *u = c->u;
    for (size_t i = 0; i < u->sasaran.len; i++) {
        SasaranDecl *s = ent_sasaran(u->sasaran.items[i]);
        if (s->tujuan) resolve_ref(c, s->tujuan, K(ENT_TUJUAN), "tujuan");
    }
    for (size_t i = 0; i < u->sasaran.len; i++) ent_sasaran(u->sasaran.items[i])->supporters.len = 0;
    for (size_t i = 0; i < u->budget_nodes.len; i++) {
        Entity *p = u->budget_nodes.items[i];
        const Vec *mendukung = &ent_budget(p)->mendukung;
        for (size_t k = 0; k < mendukung->len; k++) {
            NameRef *r = mendukung->items[k];
            Entity *s = resolve_ref(c, r, K(ENT_SASARAN), "sasaran");
            /* a program, kegiatan or subkegiatan (sakip(5), mendukung) */
            Vec *sup = s ? &ent_sasaran(s)->supporters : NULL;
            bool seen = false;
            for (size_t m = 0; sup && m < sup->len; m++) seen |= sup->items[m] == p;
            if (sup && !seen) apush(u, sup, p);
        }
    }
    for (size_t i = 0; i < u->indikator.len; i++) {
        Entity *ind = u->indikator.items[i];
        resolve_in(c, ent_indikator(ind)->rumus, NULL, ind);
        Expr *rc = ent_indikator(ind)->rumus_capaian;
        if (rc) {
            c->capaian_scope = true;
            Type t = resolve_expr(c, rc);
            c->capaian_scope = false;
            if (t != T_ANY && t != T_NUM) {
                Diag *d = ERR(c, "E0405", rc->span, _("a rumus_capaian gives a number, not a %s"), type_name(t));
                diag_hint(d, _("as in 'rumus_capaian = target / realisasi * 100'"));
            }
        }
    }
    for (size_t i = 0; i < u->aturan.len; i++) {
        Entity *r = u->aturan.items[i];
        resolve_in(c, ent_aturan(r)->body, r, NULL);
    }
    for (size_t i = 0; i < u->periksa.len; i++) resolve_in(c, ((Periksa *)u->periksa.items[i])->expr, NULL, NULL);
    for (size_t i = 0; i < u->andai.len; i++) resolve_andai(c, u->andai.items[i]);
    resolve_perjanjian(c);
}

/* Rule cycles, including the implicit calls of built-ins that a rule
 * named like one replaces. */
typedef struct CycleState {
    Checker *c;
    Entity **stack;
    size_t sp, cap;
    unsigned char *color;    /* per aturan index: 0 new, 1 on stack, 2 done */
    bool reported;
} CycleState;

static void visit_rule(CycleState *st, Entity *r);

static void visit_expr(CycleState *st, const Expr *e)
{
    if (!e || st->reported) return;
    switch (e->kind) {
    case EX_IDENT:
        if (e->u.id.ref == REF_RULE) visit_rule(st, e->u.id.ent);
        break;
    case EX_CALL: {
        for (int i = 0; i < e->u.call.nargs; i++) visit_expr(st, e->u.call.args[i]);
        if (e->u.call.rule) {
            visit_rule(st, e->u.call.rule);
        } else if (builtin_get(e->u.call.builtin) && builtin_get(e->u.call.builtin)->uses_capaian) {
            Entity *cap = unit_lookup(st->c->u, "capaian");
            if (cap && cap->kind == ENT_ATURAN) visit_rule(st, cap);
        }
        break;
    }
    case EX_BIN: visit_expr(st, e->u.bin.l); visit_expr(st, e->u.bin.r); break;
    case EX_NEG: case EX_NOT: visit_expr(st, e->u.un); break;
    case EX_IF: visit_expr(st, e->u.cond.c); visit_expr(st, e->u.cond.a); visit_expr(st, e->u.cond.b); break;
    default: break;
    }
}

static void visit_rule(CycleState *st, Entity *r)
{
    if (st->reported || r->index >= st->c->u->aturan.len || st->c->u->aturan.items[r->index] != r) return;
    unsigned char *col = &st->color[r->index];
    if (*col == 2) return;
    if (*col == 1) {
        Buf b;
        buf_init(&b);
        size_t from = 0;
        for (size_t i = 0; i < st->sp; i++) if (st->stack[i] == r) from = i;
        for (size_t i = from; i < st->sp; i++) buf_printf(&b, "%s -> ", st->stack[i]->id);
        buf_puts(&b, r->id);
        Diag *d = ERR(st->c, "E0304", r->id_span, _("rules call each other in a cycle: %s"), b.data);
        for (size_t i = from + 1; i < st->sp; i++)
            diag_label(d, st->stack[i]->id_span, _("'%s' is part of the cycle"), st->stack[i]->id);
        diag_hint(d, _("a rule may not depend on itself, directly or through other rules"));
        buf_free(&b);
        st->reported = true;
        return;
    }
    *col = 1;
    if (st->sp == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 16;
        st->stack = xrealloc(st->stack, st->cap * sizeof *st->stack);
    }
    st->stack[st->sp++] = r;
    visit_expr(st, ent_aturan(r)->body);
    st->sp--;
    *col = 2;
}

static void check_rule_cycles(Checker *c)
{
    size_t n = c->u->aturan.len;
    if (!n) return;
    CycleState st = {c, NULL, 0, 0, xcalloc(n, 1), false};
    for (size_t i = 0; i < n; i++) {
        st.reported = false;
        st.sp = 0;
        visit_rule(&st, c->u->aturan.items[i]);
    }
    free(st.stack);
    free(st.color);
}

/* The IKU are the indikator of a sasaran: they are tabled and must name
 * penanggung_jawab and sumber (doc/decisions.md). */
static bool is_iku(const Entity *ind)
{
    return ind->parent && ind->parent->kind == ENT_SASARAN;
}

static void check_year(Checker *c, int year, Span at, const char *what, const Entity *ind)
{
    Unit *u = c->u;
    if (!u->has_periode) {
        if (u->has_tahun && year != u->tahun) {
            Diag *d = ERR(c, "E0511", at, _("%s of %s names %d, but no periode is declared"), what, ind->id, year);
            diag_hint(d, _("declare the Renstra period in the instansi block, e.g. 'periode 2021..2026'"));
        }
        return;
    }
    if (u->has_tahun && year == u->tahun) return;   /* E0004 already says it */
    if (year < u->periode_from || year > u->periode_to) {
        Diag *d = ERR(c, "E0510", at, _("%s of %s for %d is outside periode %d..%d"), what, ind->id, year,
                      u->periode_from, u->periode_to);
        diag_label(d, u->periode_span, _("the periode is declared here"));
    }
}

static void check_year_values(Checker *c, Entity *ind, const Vec *vals, const char *what)
{
    for (size_t i = 0; i < vals->len; i++) {
        YearVal *v = vals->items[i];
        int y = v->has_year ? v->year : c->u->tahun;
        if (v->has_year) check_year(c, v->year, v->span, what, ind);
        for (size_t k = 0; k < i; k++) {
            YearVal *w = vals->items[k];
            int yw = w->has_year ? w->year : c->u->tahun;
            if (yw == y) {
                Diag *d = ERR(c, "E0512", v->span, _("%s of %s for %d is given twice"), what, ind->id, y);
                diag_label(d, w->span, _("first given here"));
                break;
            }
        }
        if (v->lo->kind == EX_CALL) {
            if (strcmp(what, "realisasi")) {
                Diag *d = ERR(c, "E0403", v->lo->span, _("a %s must be written out; only a realisasi may be computed"), what);
                diag_hint(d, _("as in 'realisasi 2024: ikm(SKM2024)' or 'realisasi 2024: nilai_sakip(LHE2024)'"));
            } else {
                resolve_in(c, v->lo, NULL, NULL);
            }
            continue;
        }
        if (v->lo->kind == EX_STR || (v->hi && v->hi->kind == EX_STR)) {
            Diag *d = ERR(c, "E0403", v->lo->span, _("a %s must be a number, percentage or amount, not a text"), what);
            diag_hint(d, _("put the unit in 'satuan', e.g. satuan \"dokumen\" and target 2024: 4"));
        }
        if (v->hi && v->hi->kind == EX_CALL) {
            ERR(c, "E0403", v->hi->span, _("the bounds of a range must be written out"));
            continue;
        }
        if (v->hi && v->lo->kind != EX_STR && v->hi->kind != EX_STR && mpq_cmp(v->lo->u.num.q, v->hi->u.num.q) > 0)
        {
            Diag *d = ERR(c, "E0513", v->span, _("the range %s runs downwards"), span_text(c->u, v->span));
            diag_hint(d, _("write the lower bound first: %s..%s"), span_text(c->u, v->hi->span), span_text(c->u, v->lo->span));
        }
    }
}

/* The span of the target value an indikator states for a year. */
static Span year_value_span(const Entity *ind, int year)
{
    const IndikatorDecl *ik = ent_indikator_c(ind);
    for (size_t i = 0; i < ik->target.len; i++) {
        const YearVal *v = ik->target.items[i];
        if ((v->has_year ? v->year : year) == year) return v->hi ? span_join(v->lo->span, v->hi->span) : v->lo->span;
    }
    return ind->id_span;
}

static bool year_has(const Entity *ind, int year)
{
    const IndikatorDecl *ik = ent_indikator_c(ind);
    for (size_t i = 0; i < ik->target.len; i++) {
        const YearVal *v = ik->target.items[i];
        if ((v->has_year ? v->year : year) == year) return true;
    }
    for (size_t i = 0; i < ik->ptarget.len; i++)
        if (((const PeriodBlock *)ik->ptarget.items[i])->year == year) return true;
    return false;
}

/* ---- periods inside a year (sakip(5), PERIODS) ---- */

static void fmt_money(Buf *b, mpq_srcptr q) { num_format_money(b, q, ROUND_HALF_UP, NOTATION_ID); }

static const char *const all_period_names[] = {"tw1", "tw2", "tw3", "tw4", "sm1", "sm2", "jan", "feb", "mar", "apr",
                                               "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des", NULL};

/* E0560: an unknown period name, with the nearest known one. */
static void unknown_period(Checker *c, const char *name, Span at)
{
    Diag *d = ERR(c, "E0560", at, _("unknown period '%s'"), name);
    Suggest sg = {name, NULL, 99};
    for (size_t i = 0; all_period_names[i]; i++) suggest_try(&sg, all_period_names[i]);
    if (sg.best) diag_hint(d, _("did you mean '%s'? the periods are tw1..tw4, sm1 sm2 and jan..des"), sg.best);
    else diag_hint(d, _("the periods are tw1..tw4 (triwulan), sm1 sm2 (semester) and jan feb mar apr mei jun jul agu sep okt nov des"));
}

/* A built-in's period argument: a period name (E0560 for an unknown
 * one, E0566 for anything else). */
static void period_arg(Checker *c, Expr *call, Expr *a)
{
    if (a->kind == EX_IDENT && period_code(a->u.id.name)) {
        a->u.id.ref = REF_PERIOD;
        a->u.id.index = period_code(a->u.id.name);
        return;
    }
    const char *fn = call->u.call.name;
    Diag *d = ERR(c, "E0566", a->span, _("the period of '%s' must be a period name such as tw2, sm1 or jun"), fn);
    if (a->kind == EX_IDENT) {
        Suggest sg = {a->u.id.name, NULL, 99};
        for (size_t i = 0; all_period_names[i]; i++) suggest_try(&sg, all_period_names[i]);
        if (sg.best && sg.dist <= 2) diag_hint(d, _("did you mean '%s'? a period is written as its name; it is not a value and "
                                                    "cannot be passed through an aturan parameter"), sg.best);
        else diag_hint(d, _("a period is written as its name (tw1..tw4, sm1 sm2, jan..des); it is not a value and cannot be "
                            "passed through an aturan parameter"));
    } else {
        diag_hint(d, _("a period is written as its name (tw1..tw4, sm1 sm2, jan..des); it is not a value and cannot be "
                       "passed through an aturan parameter"));
    }
}

static const char *which_word(char which) { return which == 't' ? "target" : which == 'p' ? "rencana" : "realisasi"; }

static void fmt_value(Buf *b, mpq_srcptr q, bool money, Eval *ev)
{
    if (money) num_format_money(b, q, ROUND_HALF_UP, NOTATION_ID);
    else num_format_short(b, q, ev->desimal, ev->round, NOTATION_ID, true);
}

/* A stated value against the one it should equal, as a diagnostic
 * shows them: both and the difference stated minus other. */
typedef struct Gap {
    Buf stated, other, diff;
} Gap;

static void gap_init(Gap *g, mpq_srcptr stated, mpq_srcptr other, bool money, Eval *ev)
{
    buf_init(&g->stated);
    buf_init(&g->other);
    buf_init(&g->diff);
    fmt_value(&g->stated, stated, money, ev);
    fmt_value(&g->other, other, money, ev);
    mpq_t diff;
    mpq_init(diff);
    mpq_sub(diff, stated, other);
    fmt_value(&g->diff, diff, money, ev);
    mpq_clear(diff);
}

static void gap_free(Gap *g)
{
    buf_free(&g->stated);
    buf_free(&g->other);
    buf_free(&g->diff);
}

/* The blocks of one kind of value ('t', 'r', 'p') of x: names, kinds of
 * period within a year (over every kind of value of x: kinds[year]),
 * values given twice, the type of each value. */
typedef struct YearKind {
    int year;
    PeriodKind kind;
    Span first;
    const char *what;
} YearKind;

static void check_period_blocks(Checker *c, Entity *x, const Vec *blocks, char which, Vec *seen)
{
    bool money = ent_is_budget(x);
    for (size_t i = 0; i < blocks->len; i++) {
        PeriodBlock *b = blocks->items[i];
        if (money && c->u->has_tahun && b->year != c->u->tahun) {
            Diag *d = ERR(c, "E0630", b->year_span, _("%s per period of %s %s is for %d, but the report is for %d"),
                          which_word(which), ent_kind_name(x->kind), x->id, b->year, c->u->tahun);
            diag_hint(d, _("the budget's periods are those of tahun: write '%s %d { ... }'"), which_word(which), c->u->tahun);
            continue;
        }
        if (!money) check_year(c, b->year, b->year_span, which_word(which), x);
        if (!b->vals.len) {
            Diag *d = ERR(c, "E0560", b->span, _("%s %d of %s gives no period"), which_word(which), b->year, x->id);
            diag_hint(d, _("as in '%s %d { tw1: ..., tw2: ..., tw3: ..., tw4: ... }'"), which_word(which), b->year);
        }
        bool mixed = false;   /* E0561 once a block: at its first period of another kind */
        for (size_t k = 0; k < b->vals.len; k++) {
            PeriodVal *pv = b->vals.items[k];
            if (!pv->code) {
                unknown_period(c, pv->name, pv->name_span);
                continue;
            }
            /* one kind of period per year, over target, realisasi and rencana */
            YearKind *yk = NULL;
            for (size_t m = 0; m < seen->len; m++)
                if (((YearKind *)seen->items[m])->year == b->year) yk = seen->items[m];
            if (!yk) {
                yk = arena_alloc(&c->u->arena, sizeof *yk);
                yk->year = b->year;
                yk->kind = period_kind(pv->code);
                yk->first = pv->span;
                yk->what = which_word(which);
                vec_push(seen, yk);
            } else if (yk->kind != period_kind(pv->code)) {
                if (mixed) continue;
                mixed = true;
                Diag *d = ERR(c, "E0561", pv->name_span, _("%s of %s for %d mixes kinds of period: '%s' is a %s, but %s is given per %s"),
                              which_word(which), x->id, b->year, pv->name, period_kind_word(period_kind(pv->code)), yk->what,
                              period_kind_word(yk->kind));
                diag_label(d, yk->first, _("the first period of %d is here"), b->year);
                diag_hint(d, _("within one year use one kind of period: tw1..tw4, sm1 sm2, or jan..des"));
                continue;
            }
            /* given twice */
            for (size_t j = 0; j <= i; j++) {
                PeriodBlock *bj = blocks->items[j];
                if (bj->year != b->year) continue;
                size_t upto = j == i ? k : bj->vals.len;
                bool dup = false;
                for (size_t m = 0; m < upto; m++) {
                    PeriodVal *w = bj->vals.items[m];
                    if (w->code == pv->code) {
                        Diag *d = ERR(c, "E0562", pv->span, _("%s %s of %s for %d is given twice"), which_word(which), pv->name,
                                      x->id, b->year);
                        diag_label(d, w->span, _("first given here"));
                        dup = true;
                        break;
                    }
                }
                if (dup) break;
            }
            const Expr *v = pv->value;
            if (money && v->kind != EX_MONEY) {
                Diag *d = ERR(c, "E0403", v->span, _("%s must be an amount in rupiah"), which_word(which));
                hint_amount(d, v);
            } else if (!money && v->kind == EX_STR) {
                ERR(c, "E0403", v->span, _("a %s must be a number, percentage or amount, not a text"), which_word(which));
            }
        }
    }
}

/* The year value of x's target ('t') or realisasi as its periods make it:
 * evaluated with every month of the year in the window. */
static void year_from_periods(Eval *ev, Entity *x, char which, int year, Value *v)
{
    EvalWindow w = eval_window(ev, year, 1, 12);
    if (which == 't') {
        Value hi;
        value_init(&hi);
        eval_target(ev, x, year, v, &hi);
        value_clear(&hi);
    } else {
        eval_realisasi(ev, x, year, v);
    }
    eval_window_restore(ev, w);
}

/* The note for a year value made from periods of which some are missing. */
static void note_missing_periods(Checker *c, Entity *x, char which, int year, const Vec *blocks, Eval *ev)
{
    Value v;
    value_init(&v);
    year_from_periods(ev, x, which, year, &v);
    if (v.kind == V_UNDEF && v.text) {
        const PeriodBlock *b = NULL;
        for (size_t i = 0; i < blocks->len; i++)
            if (((const PeriodBlock *)blocks->items[i])->year == year) b = blocks->items[i];
        if (b)
            diag_add(c->dl, DIAG_NOTE, "E0569", b->span, _("the %s %d of %s is undefined until every period is given: %s"),
                     which_word(which), year, x->id, v.text);
    }
    value_clear(&v);
}

/* A year value written beside its periods must agree with them (E0565);
 * money: E0633. stated: the literal. */
/* The sum in sen of a budget leaf's periods of tahun ('p' rencana, 'r'
 * realisasi): false unless every period is given as an amount of whole
 * sen and the sum fits in a word.  Only to pass a node quickly that
 * agrees; any disagreement is worked out and told by the evaluator's way. */
static bool leaf_periods_sen(Eval *ev, Entity *x, char which, int year, int64_t *sum)
{
    PeriodKind k = eval_period_kind(x, which, year);
    int64_t v[12];
    if (!k || year != ev->u->tahun || !eval_leaf_period_sen(ev, x, which, k, period_count(k), v)) return false;
    *sum = 0;
    for (int i = 0; i < period_count(k); i++)
        if (__builtin_add_overflow(*sum, v[i], sum)) return false;
    return true;
}

static void check_year_against_periods(Checker *c, Entity *x, char which, int year, const Expr *stated, Span at, Eval *ev)
{
    if (!stated || (stated->kind != EX_NUM && stated->kind != EX_MONEY) || stated->u.num.unread) return;
    if (eval_period_kind(x, which, year) == PK_NONE) return;
    int64_t want, sum;
    if (ent_is_budget(x) && num_to_scaled(stated->u.num.q, 2, &want) && leaf_periods_sen(ev, x, which, year, &sum) &&
        sum == want)
        return;
    Value v;
    value_init(&v);
    year_from_periods(ev, x, which, year, &v);
    if ((v.kind == V_NUM || v.kind == V_MONEY) && !mpq_equal(v.q, stated->u.num.q)) {
        bool money = ent_is_budget(x);
        Gap g;
        gap_init(&g, stated->u.num.q, v.q, money, ev);
        Diag *d;
        if (money)
            d = ERR(c, "E0633", at, _("realisasi of %s %s is stated as %s, but its periods add up to %s (difference %s)"),
                    ent_kind_name(x->kind), x->id, g.stated.data, g.other.data, g.diff.data);
        else
            d = ERR(c, "E0565", at, _("%s %d of %s is %s, but its periods make %s by agregasi %s (difference %s)"),
                    which_word(which), year, x->id, g.stated.data, g.other.data, agregasi_names[ent_indikator(x)->agregasi],
                    g.diff.data);
        diag_hint(d, _("a year value written beside its periods must agree with them; correct one, or leave the year value out"));
        gap_free(&g);
    }
    value_clear(&v);
}

static void check_indikator_periods(Checker *c, Entity *ind, Eval *ev)
{
    IndikatorDecl *ik = ent_indikator(ind);
    Vec seen = {0};
    check_period_blocks(c, ind, &ik->ptarget, 't', &seen);
    check_period_blocks(c, ind, &ik->prealisasi, 'r', &seen);
    vec_free(&seen);
    if (ik->agregasi == AG_UNKNOWN) {
        Diag *d = ERR(c, "E0564", ik->agregasi_span, _("unknown agregasi '%s'"), ik->agregasi_word);
        Suggest sg = {ik->agregasi_word, NULL, 99};
        for (int i = AG_JUMLAH; i <= AG_MINIMUM; i++) suggest_try(&sg, agregasi_names[i]);
        if (sg.best) diag_hint(d, _("did you mean '%s'? agregasi is jumlah, akhir, rata, maksimum or minimum"), sg.best);
        else diag_hint(d, _("agregasi is jumlah (a count), akhir (the last period), rata, maksimum or minimum"));
        return;
    }
    if (!ik->ptarget.len && !ik->prealisasi.len) return;
    if (ik->agregasi == AG_NONE) {
        Diag *d = ERR(c, "E0563", ind->id_span, _("indikator %s has values per period but no 'agregasi'"), ind->id);
        diag_hint(d, _("say how its periods make the year: 'agregasi jumlah' (a count), 'akhir' (the last period), 'rata', "
                       "'maksimum' or 'minimum'"));
        return;
    }
    for (int pass = 0; pass < 2; pass++) {
        const Vec *blocks = pass ? &ik->prealisasi : &ik->ptarget;
        const Vec *vals = pass ? &ik->realisasi : &ik->target;
        char which = pass ? 'r' : 't';
        for (size_t i = 0; i < blocks->len; i++) {
            const PeriodBlock *b = blocks->items[i];
            bool done = false;
            for (size_t k = 0; k < i; k++) done |= ((const PeriodBlock *)blocks->items[k])->year == b->year;
            if (done) continue;
            const YearVal *yv = NULL;
            for (size_t k = 0; k < vals->len; k++) {
                const YearVal *v = vals->items[k];
                if ((v->has_year ? v->year : c->u->tahun) == b->year) yv = v;
            }
            if (yv && !yv->hi) check_year_against_periods(c, ind, which, b->year, yv->lo, yv->span, ev);
            else if (!yv) note_missing_periods(c, ind, which, b->year, blocks, ev);
        }
    }
}

/* A node's period values: for tahun; rencana within anggaran; a
 * kegiatan's or program's against its children's; realisasi Rp beside
 * them agrees. */
static void check_budget_periods(Checker *c, Entity *n, Eval *ev)
{
    BudgetDecl *bd = ent_budget(n);
    Vec seen = {0};
    check_period_blocks(c, n, &bd->prealisasi, 'r', &seen);
    check_period_blocks(c, n, &bd->prencana, 'p', &seen);
    vec_free(&seen);
    if (!c->u->has_tahun) return;
    int y = c->u->tahun;
    bool leaf = n->kind == ENT_SUBKEGIATAN || bd->children.len == 0;
    if (leaf && bd->realisasi_uang) check_year_against_periods(c, n, 'r', y, bd->realisasi_uang, bd->realisasi_uang->span, ev);
    else if (leaf && bd->prealisasi.len) note_missing_periods(c, n, 'r', y, &bd->prealisasi, ev);
    /* rencana above anggaran: a leaf's rencana, a kegiatan's or program's
     * own stated periods (its children's sum is E0632's) */
    if (bd->prencana.len) {
        Value r, a;
        value_init(&r);
        value_init(&a);
        eval_anggaran(ev, n, &a);
        int64_t planned, anggaran;
        if (leaf && a.kind == V_MONEY && num_to_scaled(a.q, 2, &anggaran) && leaf_periods_sen(ev, n, 'p', y, &planned) &&
            planned <= anggaran) {
            /* within its anggaran (summed in sen) */
        } else if (leaf) {
            eval_rencana(ev, n, &r);
        } else {
            PeriodKind kind = eval_period_kind(n, 'p', y);
            for (int i = 1; kind && i <= period_count(kind); i++) {
                Value pv;
                value_init(&pv);
                eval_period_stated(ev, n, 'p', y, period_make(kind, i), &pv);
                if (pv.kind == V_MONEY) {
                    if (r.kind == V_MONEY) mpq_add(r.q, r.q, pv.q);
                    else value_set(&r, &pv);
                }
                value_clear(&pv);
            }
        }
        if (r.kind == V_MONEY && a.kind == V_MONEY && mpq_cmp(r.q, a.q) > 0) {
            Gap g;
            gap_init(&g, r.q, a.q, true, ev);
            Diag *d = ERR(c, "E0631", ((PeriodBlock *)bd->prencana.items[0])->span,
                          _("rencana of %s %s adds up to %s, above its anggaran %s (by %s)"), ent_kind_name(n->kind), n->id,
                          g.stated.data, g.other.data, g.diff.data);
            diag_hint(d, _("the rencana (anggaran kas) plans how the anggaran is spent; it cannot plan more than the anggaran"));
            gap_free(&g);
        }
        value_clear(&r);
        value_clear(&a);
    }
    if (leaf) return;
    /* a kegiatan's or program's periods against its children's */
    const char *children = n->kind == ENT_PROGRAM ? "kegiatan" : "subkegiatan";
    for (int pass = 0; pass < 2; pass++) {
        const Vec *blocks = pass ? &bd->prencana : &bd->prealisasi;
        char which = pass ? 'p' : 'r';
        bool told = false;
        for (size_t i = 0; i < blocks->len && !told; i++) {
            const PeriodBlock *b = blocks->items[i];
            if (b->year != y) continue;
            for (size_t k = 0; k < b->vals.len; k++) {
                const PeriodVal *pv = b->vals.items[k];
                if (!pv->code || pv->value->kind != EX_MONEY || pv->value->u.num.unread) continue;
                Value sum;
                value_init(&sum);
                EvalWindow w = eval_window_period(ev, y, pv->code);
                if (which == 'p') eval_rencana(ev, n, &sum);
                else eval_realisasi(ev, n, y, &sum);
                eval_window_restore(ev, w);
                if (sum.kind != V_MONEY) {
                    /* children without periods, or of another kind: the
                     * stated periods cannot be the sum of theirs */
                    Diag *d = ERR(c, "E0632", b->span, _("%s of %s %s is given per period, but its %s give no %s for %s"),
                                  which_word(which), ent_kind_name(n->kind), n->id, children, which_word(which), pv->name);
                    diag_label(d, pv->span, _("%s is stated here"), pv->name);
                    diag_hint(d, _("a node's period values are the sum of its children's: give the children's %s per %s, "
                                   "or leave the periods out here"),
                              which_word(which), period_kind_word(period_kind(pv->code)));
                    told = true;
                    value_clear(&sum);
                    break;
                }
                if (!mpq_equal(sum.q, pv->value->u.num.q)) {
                    Gap g;
                    gap_init(&g, pv->value->u.num.q, sum.q, true, ev);
                    Diag *d = ERR(c, "E0632", pv->span,
                                  _("%s %s of %s %s is stated as %s, but its %s add up to %s (difference %s)"), which_word(which),
                                  pv->name, ent_kind_name(n->kind), n->id, g.stated.data, children, g.other.data, g.diff.data);
                    diag_hint(d, _("a node's period values are the sum of its children's; correct one, or leave them out here"));
                    gap_free(&g);
                }
                value_clear(&sum);
            }
        }
    }
}

static bool expr_uses(const Expr *e, const char *name)
{
    if (!e) return false;
    switch (e->kind) {
    case EX_IDENT: return e->u.id.ref == REF_DATA && !strcmp(e->u.id.name, name);
    case EX_CALL:
        for (int i = 0; i < e->u.call.nargs; i++)
            if (expr_uses(e->u.call.args[i], name)) return true;
        return false;
    case EX_BIN: return expr_uses(e->u.bin.l, name) || expr_uses(e->u.bin.r, name);
    case EX_NEG: case EX_NOT: return expr_uses(e->u.un, name);
    case EX_IF: return expr_uses(e->u.cond.c, name) || expr_uses(e->u.cond.a, name) || expr_uses(e->u.cond.b, name);
    default: return false;
    }
}

/* Distinct data names a rumus uses, in order of first use. */
static void collect_data_names(const Expr *e, Vec *out)
{
    if (!e) return;
    switch (e->kind) {
    case EX_IDENT:
        if (e->u.id.ref == REF_DATA) {
            for (size_t i = 0; i < out->len; i++)
                if (!strcmp(out->items[i], e->u.id.name)) return;
            vec_push(out, (void *)e->u.id.name);
        }
        return;
    case EX_CALL:
        for (int i = 0; i < e->u.call.nargs; i++) collect_data_names(e->u.call.args[i], out);
        return;
    case EX_BIN: collect_data_names(e->u.bin.l, out); collect_data_names(e->u.bin.r, out); return;
    case EX_NEG: case EX_NOT: collect_data_names(e->u.un, out); return;
    case EX_IF:
        collect_data_names(e->u.cond.c, out);
        collect_data_names(e->u.cond.a, out);
        collect_data_names(e->u.cond.b, out);
        return;
    default: return;
    }
}

/* polaritas stabil, rumus_capaian, batas and bobot (sakip(5), indikator). */
static void check_capaian_method(Checker *c, Entity *ind, Eval *ev)
{
    IndikatorDecl *ik = ent_indikator(ind);
    Unit *u = c->u;
    if (ik->polaritas == POL_STABIL && !ik->rumus_capaian) {
        bool any = false;
        for (size_t i = 0; i < ik->target.len; i++) {
            YearVal *v = ik->target.items[i];
            if (v->hi) continue;
            any = true;
            Diag *d = ERR(c, "E0550", v->lo->span, _("polaritas stabil needs a range target, not %s"), span_text(u, v->lo->span));
            diag_label(d, ik->polaritas_span, _("polaritas stabil is here"));
            diag_hint(d, _("write the band the value should stay in, e.g. 'target %d: 2%%..4%%'"),
                      v->has_year ? v->year : u->tahun);
        }
        (void)any;
    }
    if (ik->has_batas && !ik->batas_lo && !ik->batas_hi) {
        Diag *d = ERR(c, "E0552", ik->batas_span, _("'batas ..' limits nothing"));
        diag_hint(d, _("give at least one bound, as in 'batas 0%%..120%%', 'batas 0%%..' or 'batas ..120%%'"));
    } else if (ik->has_batas) {
        const Expr *b[2] = {ik->batas_lo, ik->batas_hi};
        bool ok = true;
        for (int i = 0; i < 2; i++) {
            if (!b[i] || b[i]->kind == EX_NUM) continue;
            ok = false;
            Diag *d = ERR(c, "E0552", b[i]->span, _("a bound of 'batas' is a percentage of capaian, not %s"),
                          span_text(u, b[i]->span));
            diag_hint(d, _("as in 'batas 0%%..120%%', 'batas 0%%..' or 'batas ..120%%'"));
        }
        if (ok && b[0] && b[1] && mpq_cmp(b[0]->u.num.q, b[1]->u.num.q) > 0) {
            Diag *d = ERR(c, "E0552", ik->batas_span, _("the batas %s..%s of %s runs downwards"), span_text(u, b[0]->span),
                          span_text(u, b[1]->span), ind->id);
            diag_hint(d, _("write the lower bound first: batas %s..%s"), span_text(u, b[1]->span), span_text(u, b[0]->span));
        }
    }
    if (ik->bobot && (ik->bobot->kind != EX_NUM || mpq_sgn(ik->bobot->u.num.q) <= 0)) {
        Diag *d = ERR(c, "E0553", ik->bobot->span, _("'bobot' is a positive number, not %s"), span_text(u, ik->bobot->span));
        diag_hint(d, _("the weight of %s wherever its capaian is averaged, as in 'bobot 2' (default 1)"), ind->id);
    }
    if (ik->rumus_capaian && u->has_tahun && year_has(ind, u->tahun)) {
        /* a rumus_capaian that needs its own capaian (through its sasaran) */
        Value v;
        value_init(&v);
        eval_capaian_why(ev, ind, u->tahun, u->tahun, &v, NULL);
        if (v.kind == V_UNDEF && v.text && strcmp(v.text, eval_self_dependent()) == 0) {
            Diag *d = ERR(c, "E0556", ik->rumus_capaian->span, _("the rumus_capaian of %s depends on its own capaian"), ind->id);
            diag_hint(d, _("use target, realisasi, target_bawah and target_atas, or other indikator"));
        }
        value_clear(&v);
    }
}

static void check_indikator(Checker *c, Entity *ind, Eval *ev)
{
    IndikatorDecl *ik = ent_indikator(ind);
    Unit *u = c->u;
    /* the years of its comparison values, even when its name did not parse */
    for (size_t i = 0; i < ik->pembanding.len; i++) {
        Pembanding *pb = ik->pembanding.items[i];
        check_year_values(c, ind, &pb->values, "pembanding");
    }
    if (!ind->id[0]) return;
    if (!ik->satuan) {
        Diag *d = ERR(c, "E0501", ind->id_span, _("indikator %s has no 'satuan'"), ind->id);
        diag_hint(d, _("add the unit of measurement, e.g. satuan \"%%\" or satuan \"dokumen\""));
    }
    if (ik->polaritas == POL_UNSET) {
        Diag *d = ERR(c, "E0502", ind->id_span, _("indikator %s has no 'polaritas'"), ind->id);
        diag_hint(d, _("add 'polaritas positif' (higher is better) or 'polaritas negatif' (lower is better)"));
    }
    check_year_values(c, ind, &ik->target, "target");
    check_year_values(c, ind, &ik->realisasi, "realisasi");
    if (u->has_tahun && !year_has(ind, u->tahun)) {
        Diag *d = ERR(c, "E0503", ind->id_span, _("indikator %s has no target for the reporting year %d"), ind->id, u->tahun);
        diag_hint(d, _("add 'target %d: ...'"), u->tahun);
    }
    if (is_iku(ind) && u->has_tahun && year_has(ind, u->tahun)) {
        Value r;
        value_init(&r);
        eval_realisasi(ev, ind, u->tahun, &r);
        if (r.kind == V_UNDEF && r.text && strcmp(r.text, eval_self_dependent()) == 0) {
            /* "realisasi 2024: capaian(S1)" in an indikator of S1 */
            Span at = ind->id_span;
            for (size_t i = 0; i < ik->realisasi.len; i++) {
                const YearVal *v = ik->realisasi.items[i];
                if (v->lo->kind == EX_CALL && (!v->has_year || v->year == u->tahun)) at = v->lo->span;
            }
            ERR(c, "E0517", at, _("the realisasi %d of %s depends on itself: computing it needs its own result"),
                u->tahun, ind->id);
        } else if (r.kind == V_UNDEF && eval_period_kind(ind, 'r', u->tahun) == PK_NONE) {
            Diag *d = WARN(c, "W0516", ind->id_span, _("indikator %s has no realisasi for the reporting year %d; its capaian is undefined"),
                           ind->id, u->tahun);
            diag_hint(d, _("add 'realisasi %d: ...', or 'data %d { ... }' for its rumus"), u->tahun, u->tahun);
        }
        value_clear(&r);
    }
    if (!ev->rule_capaian && !ik->rumus_capaian) {
        for (size_t i = 0; i < ik->target.len; i++) {
            YearVal *v = ik->target.items[i];
            if ((v->lo->kind == EX_NUM || v->lo->kind == EX_MONEY) && !v->hi && !v->lo->u.num.unread &&
                mpq_sgn(v->lo->u.num.q) == 0) {
                Diag *d = ERR(c, "E0504", v->lo->span, _("target 0 makes the capaian of %s undefined"), ind->id);
                diag_hint(d, _("capaian divides by the target; give %s a 'rumus_capaian = jika target == 0 maka ... lainnya "
                               "realisasi / target * 100', or define 'aturan capaian(x) = ...'"), ind->id);
            }
        }
    }
    check_capaian_method(c, ind, ev);
    check_indikator_periods(c, ind, ev);
    if (is_iku(ind)) {
        if (!ik->penanggung_jawab.len) {
            Diag *d = WARN(c, "W0505", ind->id_span, _("indikator %s names no 'penanggung_jawab'"), ind->id);
            diag_hint(d, _("an IKU must name who is responsible before the Perjanjian Kinerja is signed"));
        }
        if (!ik->sumber.len) {
            Diag *d = WARN(c, "W0506", ind->id_span, _("indikator %s names no 'sumber' (data source)"), ind->id);
            diag_hint(d, _("an IKU must name its data source before the Perjanjian Kinerja is signed"));
        }
    }
    /* rumus and data */
    for (size_t i = 0; i < ik->data.len; i++) {
        DataYear *dy = ik->data.items[i];
        if (dy->year) check_year(c, dy->year, dy->span, "data", ind);
        if (!ik->rumus) {
            Diag *d = WARN(c, "W0508", dy->span, _("data %d of %s is never used: the indikator has no 'rumus'"),
                           dy->year, ind->id);
            diag_hint(d, _("add 'rumus = ...' using the data names"));
            continue;
        }
        for (size_t k = 0; k < dy->pairs.len; k++) {
            DataPair *p = dy->pairs.items[k];
            for (size_t m = 0; m < k; m++)
                if (!strcmp(((DataPair *)dy->pairs.items[m])->name, p->name)) {
                    Diag *d = ERR(c, "E0543", p->span, _("data '%s' is given twice for %d"), p->name, dy->year);
                    diag_label(d, ((DataPair *)dy->pairs.items[m])->span, _("first given here"));
                    break;
                }
            if (p->value->kind == EX_STR) ERR(c, "E0403", p->value->span, _("data '%s' must be a number, not a text"), p->name);
            if (!expr_uses(ik->rumus, p->name)) {
                Diag *d = WARN(c, "W0508", p->span, _("data '%s' of %s is not used by its rumus"), p->name, ind->id);
                Vec names = {0};
                collect_data_names(ik->rumus, &names);
                Suggest sg = {p->name, NULL, 99};
                for (size_t m = 0; m < names.len; m++) suggest_try(&sg, names.items[m]);
                if (sg.best) diag_hint(d, _("did you mean '%s'? the rumus uses that name"), sg.best);
                vec_free(&names);
            }
        }
    }
    if (ik->rumus) {
        Vec seen = {0};
        collect_data_names(ik->rumus, &seen);
        for (size_t i = 0; i < ik->data.len; i++) {
            DataYear *dy = ik->data.items[i];
            for (size_t k = 0; k < seen.len; k++) {
                const char *name = seen.items[k];
                bool found = false;
                for (size_t m = 0; m < dy->pairs.len; m++)
                    if (!strcmp(((DataPair *)dy->pairs.items[m])->name, name)) found = true;
                if (!found) {
                    Diag *d = ERR(c, "E0507", dy->span, _("rumus of %s uses '%s', which data %d does not give"),
                                  ind->id, name, dy->year);
                    diag_label(d, ik->rumus_span, _("the rumus is here"));
                }
            }
        }
        if (!ik->data.len && !ik->realisasi.len)
            WARN(c, "W0514", ik->rumus_span, _("indikator %s has a rumus but no 'data' to compute it from"), ind->id);
        vec_free(&seen);
        /* realisasi and data must agree for a year both give */
        for (size_t i = 0; i < ik->realisasi.len; i++) {
            YearVal *rv = ik->realisasi.items[i];
            int y = rv->has_year ? rv->year : u->tahun;
            DataYear *dy = NULL;
            for (size_t k = 0; k < ik->data.len; k++)
                if (((DataYear *)ik->data.items[k])->year == y) dy = ik->data.items[k];
            if (!dy || (rv->lo->kind != EX_NUM && rv->lo->kind != EX_MONEY) || rv->lo->u.num.unread) continue;
            Value computed;
            value_init(&computed);
            eval_realisasi(ev, ind, y, &computed);
            if (computed.kind == V_NUM && !mpq_equal(computed.q, rv->lo->u.num.q)) {
                Buf a, b;
                buf_init(&a);
                buf_init(&b);
                num_format_short(&a, computed.q, ev->desimal, ev->round, NOTATION_ID, true);
                buf_puts(&b, span_text(c->u, rv->lo->span));
                Diag *d = ERR(c, "E0509", rv->span, _("realisasi %d of %s is %s, but its rumus over data %d gives %s"),
                              y, ind->id, b.data, y, a.data);
                diag_label(d, dy->span, _("data %d is here"), y);
                buf_free(&a);
                buf_free(&b);
            }
            value_clear(&computed);
        }
    }
}

static void check_sasaran(Checker *c, Entity *s, Eval *ev)
{
    (void)ev;
    if (!s->id[0]) return;
    if (s->indikator.len == 0) {
        Diag *d = ERR(c, "E0515", s->id_span, _("sasaran %s has no indikator"), s->id);
        diag_hint(d, _("a sasaran is measured by at least one indikator kinerja"));
    }
    if (ent_sasaran(s)->supporters.len == 0 && c->u->programs.len > 0) {
        Diag *d = WARN(c, "W0607", s->id_span, _("no program 'mendukung' sasaran %s; its serapan and efisiensi are undefined"),
                       s->id);
        diag_hint(d, _("add 'mendukung %s' to the program that funds it"), s->id);
    }
}


/* Whether n or a node above it names a sasaran with mendukung. */
static bool names_sasaran_above(const Entity *n)
{
    for (; n && ent_kind_is_budget(n->kind); n = n->parent)
        if (ent_budget_c(n)->mendukung.len) return true;
    return false;
}

/* Whether n or a node under it names a sasaran. */
static bool names_sasaran_below(const Entity *n)
{
    const BudgetDecl *bd = ent_budget_c(n);
    if (bd->mendukung.len) return true;
    for (size_t i = 0; i < bd->children.len; i++)
        if (names_sasaran_below(bd->children.items[i])) return true;
    return false;
}

static void check_budget_node(Checker *c, Entity *n, Eval *ev)
{
    const BudgetDecl *bd = ent_budget(n);
    if (!n->id[0]) return;
    const Expr *amounts[2] = {bd->anggaran, bd->realisasi_uang};
    for (int i = 0; i < 2; i++) {
        const Expr *a = amounts[i];
        if (a && a->kind != EX_MONEY) {
            Diag *d = ERR(c, "E0403", a->span, _("%s must be an amount in rupiah"), i ? "realisasi" : "anggaran");
            hint_amount(d, a);
        }
    }
    if (n->kind == ENT_SUBKEGIATAN || bd->children.len == 0) {
        if (!bd->anggaran) {
            ERR(c, "E0601", n->id_span, _("%s %s has no 'anggaran'"), ent_kind_name(n->kind), n->id);
        }
        if (!bd->realisasi_uang && !bd->prealisasi.len) {
            ERR(c, "E0602", n->id_span, _("%s %s has no 'realisasi'"), ent_kind_name(n->kind), n->id);
        }
        if (bd->anggaran && bd->realisasi_uang && bd->anggaran->kind == EX_MONEY && bd->realisasi_uang->kind == EX_MONEY &&
            !bd->anggaran->u.num.unread && !bd->realisasi_uang->u.num.unread &&
            mpq_cmp(bd->realisasi_uang->u.num.q, bd->anggaran->u.num.q) > 0) {
            Buf a, r;
            buf_init(&a);
            buf_init(&r);
            fmt_money(&a, bd->anggaran->u.num.q);
            fmt_money(&r, bd->realisasi_uang->u.num.q);
            WARN(c, "W0605", bd->realisasi_uang->span, _("realisasi %s of %s is above its anggaran %s"), r.data, n->id, a.data);
            buf_free(&a);
            buf_free(&r);
        }
    } else {
        for (int i = 0; i < 2; i++) {
            const Expr *stated = amounts[i];
            if (!stated || stated->kind != EX_MONEY || stated->u.num.unread) continue;
            Value sum;
            value_init(&sum);
            if (i == 0) eval_anggaran(ev, n, &sum);
            else eval_realisasi(ev, n, ev->tahun, &sum);
            if (sum.kind == V_MONEY && !mpq_equal(sum.q, stated->u.num.q)) {
                Buf s1, s2, s3;
                buf_init(&s1);
                buf_init(&s2);
                buf_init(&s3);
                fmt_money(&s1, stated->u.num.q);
                fmt_money(&s2, sum.q);
                mpq_t diff;
                mpq_init(diff);
                mpq_sub(diff, stated->u.num.q, sum.q);
                fmt_money(&s3, diff);
                Diag *d = ERR(c, "E0603", stated->span,
                              _("%s of %s %s is stated as %s, but its %s add up to %s (difference %s)"),
                              i ? "realisasi" : "anggaran", ent_kind_name(n->kind), n->id, s1.data,
                              n->kind == ENT_PROGRAM ? "kegiatan" : "subkegiatan", s2.data, s3.data);
                (void)d;
                mpq_clear(diff);
                buf_free(&s1);
                buf_free(&s2);
                buf_free(&s3);
            }
            value_clear(&sum);
        }
    }
    check_budget_periods(c, n, ev);
    /* unfunded work: subkegiatan none of whose nodes above, nor itself,
     * supports a sasaran; reported once, at the highest such node */
    /* after a syntax error a node may sit in an indikator or a sasaran
     * left open: that parent is no budget node (doc/fuzzing.md, F8) */
    if (c->u->sasaran.len > 0 && !names_sasaran_above(n) && !names_sasaran_below(n) &&
        (!n->parent || !ent_kind_is_budget(n->parent->kind) || names_sasaran_below(n->parent))) {
        Diag *d;
        if (n->kind == ENT_PROGRAM) {
            d = WARN(c, "W0606", n->id_span, _("program %s supports no sasaran"), n->id);
            diag_hint(d, _("add 'mendukung S1' naming the sasaran it funds"));
        } else {
            d = WARN(c, "W0606", n->id_span, _("%s %s supports no sasaran, nor does any node above it"),
                     ent_kind_name(n->kind), n->id);
            diag_hint(d, _("add 'mendukung S1' to it, or to the kegiatan or program above it, naming the sasaran it funds"));
        }
    }
}

/* ---- skala bands ---- */

static int band_lo_cmp(const void *pa, const void *pb)
{
    const Band *a = *(Band *const *)pa, *b = *(Band *const *)pb;
    if (!a->lo && !b->lo) return 0;
    if (!a->lo) return -1;
    if (!b->lo) return 1;
    int c = mpq_cmp(a->lo->u.num.q, b->lo->u.num.q);
    if (c) return c;
    return (a->lo_incl == b->lo_incl) ? 0 : a->lo_incl ? -1 : 1;
}

static const char *num_text(Checker *c, const Expr *e)
{
    Buf b;
    buf_init(&b);
    num_format_short(&b, e->u.num.q, 6, ROUND_HALF_UP, NOTATION_EN, false);
    const char *s = arena_strdup(&c->u->arena, b.data);
    buf_free(&b);
    return s;
}

/* `"Label" : LO <= nilai < HI` for a band with the given bounds. */
static const char *band_text(Checker *c, const char *label, const Expr *lo, bool lo_incl, const Expr *hi, bool hi_incl)
{
    Buf b;
    buf_init(&b);
    buf_printf(&b, "\"%s\" : ", label);
    if (lo && hi)
        buf_printf(&b, "%s %s nilai %s %s", num_text(c, lo), lo_incl ? "<=" : "<", hi_incl ? "<=" : "<", num_text(c, hi));
    else if (lo)
        buf_printf(&b, "nilai %s %s", lo_incl ? ">=" : ">", num_text(c, lo));
    else if (hi)
        buf_printf(&b, "nilai %s %s", hi_incl ? "<=" : "<", num_text(c, hi));
    const char *s = arena_strdup(&c->u->arena, b.data);
    buf_free(&b);
    return s;
}

static bool band_empty(const Band *b)
{
    if (!b->lo || !b->hi) return false;
    int cmp = mpq_cmp(b->lo->u.num.q, b->hi->u.num.q);
    return cmp > 0 || (cmp == 0 && !(b->lo_incl && b->hi_incl));
}

static void check_skala(Checker *c, Entity *sk, Eval *ev)
{
    (void)ev;
    const Vec *bands = &ent_skala(sk)->bands;
    size_t n = bands->len;
    if (n == 0) {
        ERR(c, "E0701", sk->id_span, _("skala %s has no bands"), sk->id);
        return;
    }
    /* Empty bands are reported and left out of the overlap/gap check. */
    Band **sorted = xmalloc(n * sizeof *sorted);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        Band *b = bands->items[i];
        if (band_empty(b)) ERR(c, "E0702", b->span, _("band '%s' holds no value"), b->label);
        else sorted[m++] = b;
        for (size_t k = 0; k < i; k++)
            if (!strcmp(((Band *)bands->items[k])->label, b->label))
                ERR(c, "E0705", b->span, _("band '%s' appears twice in skala %s"), b->label, sk->id);
    }
    qsort(sorted, m, sizeof *sorted, band_lo_cmp);
    for (size_t i = 0; i + 1 < m; i++) {
        Band *a = sorted[i], *b = sorted[i + 1];   /* a is the lower band */
        /* the later in source order carries the message */
        Band *at = b, *other = a;
        for (size_t k = 0; k < n; k++) {
            if (bands->items[k] == b) { at = a; other = b; break; }
            if (bands->items[k] == a) break;
        }
        if (!a->hi || !b->lo) {
            Diag *d = ERR(c, "E0703", at->span, _("bands '%s' and '%s' of skala %s overlap"), a->label, b->label, sk->id);
            diag_label(d, other->span, _("'%s' is here"), other->label);
            continue;
        }
        int cmp = mpq_cmp(a->hi->u.num.q, b->lo->u.num.q);
        const char *x = num_text(c, a->hi), *y = num_text(c, b->lo);
        if (cmp > 0 || (cmp == 0 && a->hi_incl && b->lo_incl)) {
            Diag *d;
            if (cmp == 0)
                d = ERR(c, "E0703", at->span, _("bands '%s' and '%s' of skala %s overlap: nilai = %s is in both"),
                        a->label, b->label, sk->id, x);
            else
                d = ERR(c, "E0703", at->span, _("bands '%s' and '%s' of skala %s overlap: %s %s nilai %s %s is in both"),
                        a->label, b->label, sk->id, y, b->lo_incl ? "<=" : "<", a->hi_incl ? "<=" : "<", x);
            diag_label(d, other->span, _("'%s' is here"), other->label);
            /* end the lower band where the upper one starts */
            diag_hint(d, _("write %s"), band_text(c, a->label, a->lo, a->lo_incl, b->lo, !b->lo_incl));
        } else if (cmp < 0 || (!a->hi_incl && !b->lo_incl)) {
            Diag *d;
            if (cmp == 0)
                d = ERR(c, "E0704", at->span, _("bands '%s' and '%s' of skala %s leave a gap: nilai = %s is in no band"),
                        a->label, b->label, sk->id, x);
            else
                d = ERR(c, "E0704", at->span, _("bands '%s' and '%s' of skala %s leave a gap: %s %s nilai %s %s is in no band"),
                        a->label, b->label, sk->id, x, a->hi_incl ? "<" : "<=", b->lo_incl ? "<" : "<=", y);
            diag_label(d, other->span, _("'%s' is here"), other->label);
            /* let the lower band run up to where the upper one starts */
            diag_hint(d, _("write %s"), band_text(c, a->label, a->lo, a->lo_incl, b->lo, !b->lo_incl));
        }
    }
    free(sorted);
}

/* ---- perjanjian kinerja ---- */

static const char *pk_name(const Entity *pk)
{
    const char *tanggal = ent_perjanjian_c(pk)->tanggal;
    return tanggal ? tanggal : pk->id;
}

/* Resolves the references of every perjanjian and finds which one
 * amends which. */
static void resolve_perjanjian(Checker *c)
{
    Unit *u = c->u;
    for (size_t i = 0; i < u->perjanjian.len; i++) ent_perjanjian(u->perjanjian.items[i])->diubah_oleh = NULL;
    for (size_t i = 0; i < u->perjanjian.len; i++) {
        Entity *pk = u->perjanjian.items[i];
        PerjanjianDecl *d = ent_perjanjian(pk);
        if (!pk->id[0]) continue;
        for (size_t k = 0; k < d->pk_target.len; k++)
            resolve_ref(c, &((PkPair *)d->pk_target.items[k])->ref, K(ENT_INDIKATOR), "indikator");
        for (size_t k = 0; k < d->pk_anggaran.len; k++)
            resolve_ref(c, &((PkPair *)d->pk_anggaran.items[k])->ref, BUDGET_KINDS, "program");
        if (d->mengubah) {
            Entity *old = resolve_ref(c, d->mengubah, K(ENT_PERJANJIAN), "perjanjian");
            if (old == pk) {
                ERR(c, "E0613", d->mengubah->span, _("perjanjian %s cannot amend itself"), pk->id);
                d->mengubah->ent = NULL;
            } else if (old && ent_perjanjian(old)->diubah_oleh) {
                Entity *by = ent_perjanjian(old)->diubah_oleh;
                Diag *dg = ERR(c, "E0613", d->mengubah->span, _("perjanjian %s is already amended by %s"), old->id, by->id);
                diag_label(dg, by->id_span, _("%s is declared here"), by->id);
                d->mengubah->ent = NULL;
            } else if (old) {
                ent_perjanjian(old)->diubah_oleh = pk;
            }
        }
    }
    /* an amendment chain must not loop */
    for (size_t i = 0; i < u->perjanjian.len; i++) {
        Entity *pk = u->perjanjian.items[i];
        size_t steps = 0;
        for (Entity *p = ent_perjanjian(pk)->diubah_oleh; p && steps <= u->perjanjian.len; p = ent_perjanjian(p)->diubah_oleh)
            steps++;
        if (steps > u->perjanjian.len) {
            ERR(c, "E0613", pk->id_span, _("perjanjian %s is part of a cycle of amendments"), pk->id);
            ent_perjanjian(pk)->diubah_oleh = NULL;
        }
    }
}

static void check_perjanjian(Checker *c, Entity *pk, Eval *ev)
{
    Unit *u = c->u;
    const PerjanjianDecl *pd = ent_perjanjian(pk);
    if (!pk->id[0]) return;
    /* targets against the Renstra targets of the reporting year */
    for (size_t k = 0; k < pd->pk_target.len; k++) {
        PkPair *p = pd->pk_target.items[k];
        Entity *ind = p->ref.ent;
        const Expr *bad = p->value->lo->kind != EX_NUM && p->value->lo->kind != EX_MONEY ? p->value->lo
                        : p->value->hi && p->value->hi->kind != EX_NUM ? p->value->hi : NULL;
        if (bad) {
            if (bad->kind == EX_STR)
                ERR(c, "E0403", bad->span, _("a %s must be a number, percentage or amount, not a text"), "target");
            else
                ERR(c, "E0403", bad->span, _("a %s must be written out; only a realisasi may be computed"), "target");
            continue;
        }
        if (!ind) continue;
        Value lo, hi;
        value_init(&lo);
        value_init(&hi);
        eval_target(ev, ind, u->tahun, &lo, &hi);
        if (lo.kind != V_UNDEF && (lo.kind == V_NUM || lo.kind == V_MONEY) && !p->value->lo->u.num.unread &&
            (!mpq_equal(lo.q, p->value->lo->u.num.q) ||
             (p->value->hi && (hi.kind == V_UNDEF || !mpq_equal(hi.q, p->value->hi->u.num.q))))) {
            Diag *d = WARN(c, "W0610", p->value->span, _("perjanjian %s sets the target of %s to %s, but the Renstra target for %d is %s"),
                           pk->id, ind->id, span_text(u, p->value->span), u->tahun,
                           span_text(u, year_value_span(ind, u->tahun)));
            diag_label(d, year_value_span(ind, u->tahun), _("the Renstra target is here"));
        }
        value_clear(&lo);
        value_clear(&hi);
    }
    /* anggaran: the latest perjanjian must match the budget tree; an
     * amended one may differ, and the amendment explains it */
    Entity *latest = pk;
    while (ent_perjanjian(latest)->diubah_oleh) latest = ent_perjanjian(latest)->diubah_oleh;
    for (size_t k = 0; k < pd->pk_anggaran.len; k++) {
        PkPair *p = pd->pk_anggaran.items[k];
        Entity *node = p->ref.ent;
        if (!node) continue;
        if (p->value->lo->kind != EX_MONEY) {
            ERR(c, "E0403", p->value->span, _("the anggaran of %s in perjanjian %s must be an amount in rupiah"), node->id, pk->id);
            continue;
        }
        Value a;
        value_init(&a);
        eval_anggaran(ev, node, &a);
        if (a.kind == V_MONEY && !p->value->lo->u.num.unread && !mpq_equal(a.q, p->value->lo->u.num.q)) {
            Buf s1, s2, s3;
            buf_init(&s1);
            buf_init(&s2);
            buf_init(&s3);
            fmt_money(&s1, p->value->lo->u.num.q);
            fmt_money(&s2, a.q);
            mpq_t diff;
            mpq_init(diff);
            mpq_sub(diff, a.q, p->value->lo->u.num.q);
            bool less = mpq_sgn(diff) > 0;
            if (!less) mpq_neg(diff, diff);
            fmt_money(&s3, diff);
            if (latest == pk) {
                Diag *d = ERR(c, "E0611", p->value->span,
                              less ? _("perjanjian %s gives %s %s, but the budget tree adds up to %s (the perjanjian is %s less)")
                                   : _("perjanjian %s gives %s %s, but the budget tree adds up to %s (the perjanjian is %s more)"),
                              pk->id, node->id, s1.data, s2.data, s3.data);
                diag_hint(d, _("if the budget was changed after signing, declare the amended perjanjian with "
                             "'mengubah %s'"), pk->id);
            } else {
                Diag *d = diag_add(c->dl, DIAG_NOTE, "E0612", p->value->span,
                                   less ? _("perjanjian %s (%s) gives %s %s, %s less than the budget %s; perjanjian %s (%s) amends it")
                                        : _("perjanjian %s (%s) gives %s %s, %s more than the budget %s; perjanjian %s (%s) amends it"),
                                   pk->id, pk_name(pk), node->id, s1.data, s3.data, s2.data,
                                   latest->id, pk_name(latest));
                diag_label(d, latest->id_span, _("the amending perjanjian is here"));
            }
            mpq_clear(diff);
            buf_free(&s1);
            buf_free(&s2);
            buf_free(&s3);
        }
        value_clear(&a);
    }
}

/* ---- survei and penilaian (their rules are in src/survei.c) ---- */

static void check_survei(Checker *c, Entity *s, Eval *ev)
{
    (void)ev;
    survei_check_survei(c->u, s, c->dl);
}

static void check_penilaian(Checker *c, Entity *p, Eval *ev)
{
    (void)ev;
    survei_check_penilaian(c->u, p, c->dl);
}

/* ---- entry points ---- */

/* The validation of one declaration of each kind (the CHECK column of
 * src/kinds.def), NULL for a kind with none of its own. */
typedef void CheckFn(Checker *c, Entity *e, Eval *ev);
static CheckFn *const kind_check[ENT_NKINDS] = {
#define KIND(name, word, list, budget, check) [ENT_##name] = check,
#include "kinds.def"
#undef KIND
};

void check_unit(Unit *u, DiagList *dl)
{
    Checker c = {u, dl, NULL, NULL, false};
    check_instansi(&c);
    check_duplicates(&c);
    check_atur(&c);
    check_tabel(&c);
    check_kode(&c);
    resolve_all(&c);
    check_rule_cycles(&c);
    Eval ev;
    eval_init(&ev, u, NULL, 0);
    /* each declaration, kind by kind in the order of src/kinds.def */
    for (int k = 0; k < ENT_NKINDS; k++) {
        if (!kind_check[k]) continue;
        const Vec *list = unit_kind_list(u, (EntKind)k);
        for (size_t i = 0; i < list->len; i++) {
            Entity *e = list->items[i];
            if (e->kind == (EntKind)k) kind_check[k](&c, e, &ev);
        }
    }
    eval_free(&ev);
}

int check_expr(Unit *u, Expr *e, DiagList *dl)
{
    Checker c = {u, dl, NULL, NULL, false};
    size_t before = dl->nerrors;
    resolve_in(&c, e, NULL, NULL);
    return (int)(dl->nerrors - before);
}

int check_andai(Unit *u, Andai *a, DiagList *dl)
{
    Checker c = {u, dl, NULL, NULL, false};
    size_t before = dl->nerrors;
    resolve_andai(&c, a);
    return a->target.ent && dl->nerrors == before ? 0 : 1;
}

void check_library(Unit *u, DiagList *dl)
{
    Checker c = {u, dl, NULL, NULL, false};
    if (u->ninstansi) ERR(&c, "E0902", u->instansi_span, _("an imported file may declare only skala and aturan"));
    for (size_t i = 0; i < u->entities.len; i++) {
        Entity *e = u->entities.items[i];
        if (e->kind != ENT_SKALA && e->kind != ENT_ATURAN && !e->parent)
            ERR(&c, "E0902", e->id_span, _("an imported file may declare only skala and aturan, not %s %s"),
                ent_kind_name(e->kind), e->id);
    }
    if (u->periksa.len || u->atur.len || u->andai.len)
        ERR(&c, "E0902", (Span){u->file, 0, 0}, _("an imported file may declare only skala and aturan"));
    check_duplicates(&c);
    for (size_t i = 0; i < u->aturan.len; i++) {
        Entity *r = u->aturan.items[i];
        resolve_in(&c, ent_aturan(r)->body, r, NULL);
    }
    check_rule_cycles(&c);
    for (size_t i = 0; i < u->skala.len; i++) check_skala(&c, u->skala.items[i], NULL);
}

const char *claim_word(ClaimResult r)
{
    switch (r) {
    case CLAIM_HOLDS: return "benar";
    case CLAIM_FAILS: return "salah";
    default: return "tak terdefinisi";
    }
}

static const char *op_text(BinOp op)
{
    switch (op) {
    case OP_EQ: return "==";
    case OP_NE: return "!=";
    case OP_LT: return "<";
    case OP_LE: return "<=";
    case OP_GT: return ">";
    case OP_GE: return ">=";
    case OP_APPROX: return "~=";
    default: return "?";
    }
}

static bool is_literal(const Expr *e)
{
    return e->kind == EX_NUM || e->kind == EX_MONEY || e->kind == EX_STR || e->kind == EX_BOOL || e->kind == EX_RANGE;
}

/* Reports one claim that does not hold, in the evaluator's terms. */
static void report_claim(Eval *ev, DiagList *dl, const Periksa *p, ClaimResult cr, const Value *l, const Value *r)
{
    const Expr *e = p->expr;
    Diag *d;
    Buf lb;
    buf_init(&lb);
    if (cr == CLAIM_UNDEFINED) {
        d = diag_add(dl, DIAG_ERROR, "E0802", e->span, _("claim cannot be decided: %s"),
                     l->kind == V_UNDEF && l->text ? l->text : _("a value it needs is undefined"));
    } else if (e->kind == EX_BIN && e->u.bin.op >= OP_EQ && e->u.bin.op <= OP_APPROX) {
        BinOp op = e->u.bin.op;
        const char *lhs = span_text(ev->u, e->u.bin.l->span);
        const char *rhs = span_text(ev->u, e->u.bin.r->span);
        int rdec = r->decimals > 0 ? r->decimals : 0;   /* as the right side is written */
        eval_format_value(ev, &lb, l, rdec);
        if (op == OP_APPROX) {
            Buf rounded;
            buf_init(&rounded);
            mpq_t q;
            mpq_init(q);
            num_round(q, l->q, rdec, ev->round);
            num_format(&rounded, q, rdec, ev->round, ev->notation, true);
            d = diag_add(dl, DIAG_ERROR, "E0801", e->span, _("claim does not hold: %s is %s, not %s"), lhs, lb.data, rhs);
            if (strcmp(rounded.data, lb.data))
                diag_hint(d, P_("rounded to %d decimal as the claim is written, %s is %s",
                                "rounded to %d decimals as the claim is written, %s is %s", (unsigned long)rdec),
                          rdec, lb.data, rounded.data);
            mpq_clear(q);
            buf_free(&rounded);
        } else if (is_literal(e->u.bin.r)) {
            d = diag_add(dl, DIAG_ERROR, "E0801", e->span, _("claim does not hold: %s is %s, not %s%s%s"), lhs, lb.data,
                         op == OP_EQ ? "" : op_text(op), op == OP_EQ ? "" : " ", rhs);
        } else {
            Buf rb;
            buf_init(&rb);
            eval_format_value(ev, &rb, r, 0);
            d = diag_add(dl, DIAG_ERROR, "E0801", e->span, _("claim does not hold: %s is %s and %s is %s"), lhs, lb.data,
                         rhs, rb.data);
            buf_free(&rb);
        }
    } else {
        eval_format_value(ev, &lb, l, 0);
        d = diag_add(dl, DIAG_ERROR, "E0801", e->span, _("claim does not hold: %s is %s"), span_text(ev->u, e->span),
                     lb.data);
    }
    if (p->pesan) diag_hint(d, _("pesan: %s"), p->pesan);
    buf_free(&lb);
}

ClaimResult check_claims_one(Eval *ev, Periksa *p, DiagList *dl)
{
    Value l, r;
    value_init(&l);
    value_init(&r);
    ClaimResult cr = eval_periksa(ev, p, &l, &r);
    if (cr != CLAIM_HOLDS) report_claim(ev, dl, p, cr, &l, &r);
    value_clear(&l);
    value_clear(&r);
    return cr;
}

size_t check_claims(Eval *ev, DiagList *dl)
{
    size_t bad = 0;
    for (size_t i = 0; i < ev->u->periksa.len; i++) {
        Periksa *p = ev->u->periksa.items[i];
        Value l, r;
        value_init(&l);
        value_init(&r);
        ClaimResult cr = eval_periksa(ev, p, &l, &r);
        if (cr != CLAIM_HOLDS) {
            bad++;
            report_claim(ev, dl, p, cr, &l, &r);
        }
        value_clear(&l);
        value_clear(&r);
    }
    return bad;
}

/* ---- eval --per=P (sakip(5), PERIODS) ---- */

static size_t per_one(Unit *u, Entity *x, char which, int p, const char *written, DiagList *dl)
{
    PeriodKind kind = eval_period_kind(x, which, u->tahun);
    if (!kind || period_last_month(p) % period_months(kind) == 0) return 0;
    const Vec *blocks = ent_period_blocks(x, which);
    Span at = x->id_span;
    for (size_t i = 0; i < blocks->len; i++)
        if (((PeriodBlock *)blocks->items[i])->year == u->tahun) {
            at = ((PeriodBlock *)blocks->items[i])->span;
            break;
        }
    Diag *d = diag_add(dl, DIAG_ERROR, "E0567", at, _("--per=%s does not end on a boundary of the %s periods of %s"), written,
                       period_kind_word(kind), x->id);
    /* the periods of that kind that end nearest before and after */
    int m = period_months(kind), end = period_last_month(p);
    int before = end / m, after = before + 1;
    if (before >= 1)
        diag_hint(d, _("ask for a period that ends on one of them, such as --per=%s or --per=%s"), period_name(period_make(kind, before)),
                  period_name(period_make(kind, after)));
    else
        diag_hint(d, _("ask for a period that ends on one of them, such as --per=%s"), period_name(period_make(kind, after)));
    return 1;
}

size_t check_per_needs_periods(Unit *u, const char *written, DiagList *dl)
{
    bool any = false;
    for (size_t i = 0; i < u->entities.len && !any; i++) {
        Entity *x = u->entities.items[i];
        if (x->kind == ENT_INDIKATOR) any = eval_period_kind(x, 't', u->tahun) || eval_period_kind(x, 'r', u->tahun);
        else if (ent_is_budget(x)) any = eval_period_kind(x, 'r', u->tahun) || eval_period_kind(x, 'p', u->tahun);
    }
    for (size_t i = 0; i < u->andai.len && !any; i++) {
        const Andai *a = u->andai.items[i];
        any = a->period > 0 && a->target.ent;
    }
    if (!any) {
        Diag *d = diag_add(dl, DIAG_ERROR, "E0568", u->tahun_span, _("--per=%s asks for values as of a period, but no indikator or "
                                                                     "budget node of %s gives values per period for %d"),
                           written, u->nama ? u->nama : "?", u->tahun);
        diag_hint(d, _("give periods, as in 'realisasi %d { tw1: ..., tw2: ... }', or leave --per out for the year"), u->tahun);
        return 1;
    }
    return 0;
}

size_t check_per(Unit *u, int p, const char *written, DiagList *dl)
{
    size_t n = 0;
    for (size_t i = 0; i < u->entities.len; i++) {
        Entity *x = u->entities.items[i];
        if (x->kind == ENT_INDIKATOR) {
            if (!per_one(u, x, 't', p, written, dl)) n += per_one(u, x, 'r', p, written, dl);
            else n++;
        } else if (ent_is_budget(x)) {
            if (!per_one(u, x, 'r', p, written, dl)) n += per_one(u, x, 'p', p, written, dl);
            else n++;
        }
    }
    return n;
}
