/* diff.c -- differences between PK versions or between files. */
#include "diff.h"
#include "i18n.h"

#include <string.h>

/* Prints "ID  old -> new  (+delta)" when the values differ. */
static bool print_change(FILE *out, Eval *ev, const char *what, const char *id, const Value *a, const Value *b)
{
    Buf ba, bb, bd;
    buf_init(&ba);
    buf_init(&bb);
    buf_init(&bd);
    bool differ;
    if (!a || a->kind == V_UNDEF) buf_puts(&ba, "-");
    else eval_format_value(ev, &ba, a, 0);
    if (!b || b->kind == V_UNDEF) buf_puts(&bb, "-");
    else eval_format_value(ev, &bb, b, 0);
    if (a && b && a->kind == b->kind && (a->kind == V_NUM || a->kind == V_MONEY)) {
        differ = !mpq_equal(a->q, b->q);
        if (differ) {
            Value d;
            value_init(&d);
            mpq_sub(d.q, b->q, a->q);
            d.kind = a->kind;
            d.decimals = a->decimals > b->decimals ? a->decimals : b->decimals;
            if (mpq_sgn(d.q) > 0) buf_putc(&bd, '+');
            eval_format_value(ev, &bd, &d, 0);
            value_clear(&d);
        }
    } else {
        differ = strcmp(ba.data ? ba.data : "", bb.data ? bb.data : "") != 0;
        if (!a) buf_puts(&bd, _(_("(new)")));
        else if (!b) buf_puts(&bd, _(_("(removed)")));
    }
    if (differ) fprintf(out, "  %-10s %-12s %s \xE2\x86\x92 %s   %s\n", what, id, ba.data, bb.data, bd.data ? bd.data : "");
    buf_free(&ba);
    buf_free(&bb);
    buf_free(&bd);
    return differ;
}

static const PkPair *find_pair(const Vec *pairs, const char *id)
{
    for (size_t i = 0; i < pairs->len; i++) {
        const PkPair *p = pairs->items[i];
        if (!strcmp(p->ref.name, id)) return p;
    }
    return NULL;
}

/* The value a pair states: a range for `IKM: 80..90`. */
static void pair_value(const PkPair *p, Value *out)
{
    eval_literal(p->value->lo, out);
    if (p->value->hi && out->kind != V_UNDEF) {
        Value hi;
        value_init(&hi);
        eval_literal(p->value->hi, &hi);
        if (hi.kind == out->kind) value_range(out, out, &hi);
        value_clear(&hi);
    }
}

/* Whether an ancestor of the node p names is listed in pairs too: its
 * amount is then already in the ancestor's, and counted once. */
static bool under_listed(const PkPair *p, const Vec *pairs)
{
    const Entity *n = p->ref.ent;
    for (const Entity *up = n ? n->parent : NULL; up; up = up->parent)
        for (size_t i = 0; i < pairs->len; i++)
            if (((const PkPair *)pairs->items[i])->ref.ent == up) return true;
    return false;
}

/* Differences of one list of pairs (targets or anggaran). */
static size_t diff_pairs(FILE *out, Eval *ev, const char *what, const Vec *a, const Vec *b, mpq_t sum_a, mpq_t sum_b)
{
    size_t n = 0;
    Value va, vb;
    value_init(&va);
    value_init(&vb);
    for (int pass = 0; pass < 2; pass++) {
        const Vec *first = pass ? b : a, *other = pass ? a : b;
        for (size_t i = 0; i < first->len; i++) {
            const PkPair *p = first->items[i];
            const PkPair *q = find_pair(other, p->ref.name);
            if (pass && q) continue;   /* printed in the first pass */
            /* check reports any form but a literal (E0403); it is undefined here */
            pair_value(p, pass ? &vb : &va);
            if (q) pair_value(q, &vb);
            const Value *old = pass ? NULL : &va, *new = pass ? &vb : (q ? &vb : NULL);
            /* a node under another listed node is in that one's amount */
            const PkPair *pa = pass ? NULL : p, *pb = pass ? p : q;
            if (sum_a && old && old->kind == V_MONEY && !under_listed(pa, a)) mpq_add(sum_a, sum_a, old->q);
            if (sum_b && new && new->kind == V_MONEY && !under_listed(pb, b)) mpq_add(sum_b, sum_b, new->q);
            if (print_change(out, ev, what, p->ref.name, old, new)) n++;
        }
    }
    value_clear(&va);
    value_clear(&vb);
    return n;
}

static void print_total(FILE *out, Eval *ev, const char *what, mpq_t a, mpq_t b)
{
    Value va, vb;
    value_init(&va);
    value_init(&vb);
    value_money(&va, a);
    value_money(&vb, b);
    if (!print_change(out, ev, what, "jumlah", &va, &vb)) {
        Buf s;
        buf_init(&s);
        eval_format_value(ev, &s, &va, 0);
        fprintf(out, _("  %-10s %-12s %s (unchanged)\n"), what, "jumlah", s.data);
        buf_free(&s);
    }
    value_clear(&va);
    value_clear(&vb);
}

size_t diff_perjanjian(FILE *out, Eval *ev, Entity *a, Entity *b)
{
    const PerjanjianDecl *pa = ent_perjanjian(a), *pb = ent_perjanjian(b);
    fprintf(out, _("perjanjian %s (%s) \xE2\x86\x92 %s (%s)\n"), a->id, pa->tanggal ? pa->tanggal : "-", b->id,
            pb->tanggal ? pb->tanggal : "-");
    size_t n = diff_pairs(out, ev, "target", &pa->pk_target, &pb->pk_target, NULL, NULL);
    mpq_t sa, sb;
    mpq_inits(sa, sb, NULL);
    n += diff_pairs(out, ev, "anggaran", &pa->pk_anggaran, &pb->pk_anggaran, sa, sb);
    print_total(out, ev, "anggaran", sa, sb);
    mpq_clears(sa, sb, NULL);
    if (n == 0) fputs(_("  no differences\n"), out);
    return n;
}

/* The period values of x in a and y in b for the year (sakip(5),
 * PERIODS): each period either states, "realisasi tw2". */
static size_t diff_periods(FILE *out, Eval *ea, Eval *eb, Entity *x, Entity *y, char which, const char *word)
{
    PeriodKind ka = eval_period_kind(x, which, ea->tahun), kb = eval_period_kind(y, which, eb->tahun);
    /* when the kind changed: a's periods (gone), then b's (new) */
    PeriodKind kinds[2] = {ka ? ka : kb, ka && kb && kb != ka ? kb : PK_NONE};
    size_t n = 0;
    Value va, vb;
    value_init(&va);
    value_init(&vb);
    for (int j = 0; j < 2 && kinds[j]; j++) {
        for (int i = 1; i <= period_count(kinds[j]); i++) {
            int code = period_make(kinds[j], i);
            eval_period_stated(ea, x, which, ea->tahun, code, &va);
            eval_period_stated(eb, y, which, eb->tahun, code, &vb);
            char what[32];
            snprintf(what, sizeof what, "%s %s", word, period_name(code));
            if (print_change(out, ea, what, x->id, va.kind == V_UNDEF ? NULL : &va, vb.kind == V_UNDEF ? NULL : &vb)) n++;
        }
    }
    value_clear(&va);
    value_clear(&vb);
    return n;
}

size_t diff_units(FILE *out, Eval *ea, Eval *eb)
{
    Unit *ua = ea->u, *ub = eb->u;
    fprintf(out, _("%s (%s) \xE2\x86\x92 %s (%s), tahun %d\n"), ua->nama ? ua->nama : "?", ua->file->name,
            ub->nama ? ub->nama : "?", ub->file->name, ea->tahun);
    size_t n = 0;
    Value va, vb;
    value_init(&va);
    value_init(&vb);
    /* indikator targets and realisasi, matched by id */
    for (int pass = 0; pass < 2; pass++) {
        Unit *first = pass ? ub : ua, *other = pass ? ua : ub;
        for (size_t i = 0; i < first->indikator.len; i++) {
            Entity *x = first->indikator.items[i];
            Entity *y = unit_lookup(other, x->id);
            if (y && y->kind != ENT_INDIKATOR) y = NULL;
            if (pass && y) continue;
            Entity *ia = pass ? y : x, *ib = pass ? x : y;
            if (ia) eval_target_value(ea, ia, ea->tahun, &va);
            if (ib) eval_target_value(eb, ib, eb->tahun, &vb);
            if (print_change(out, ea, "target", x->id, ia ? &va : NULL, ib ? &vb : NULL)) n++;
            if (ia) eval_realisasi(ea, ia, ea->tahun, &va);
            if (ib) eval_realisasi(eb, ib, eb->tahun, &vb);
            if (ia && ib && print_change(out, ea, "realisasi", x->id, &va, &vb)) n++;
            if (ia && ib) {
                n += diff_periods(out, ea, eb, ia, ib, 't', "target");
                n += diff_periods(out, ea, eb, ia, ib, 'r', "realisasi");
            }
        }
    }
    /* budget nodes */
    mpq_t sa, sb;
    mpq_inits(sa, sb, NULL);
    for (int pass = 0; pass < 2; pass++) {
        Unit *first = pass ? ub : ua, *other = pass ? ua : ub;
        for (size_t i = 0; i < first->budget_nodes.len; i++) {
            Entity *x = first->budget_nodes.items[i];
            Entity *y = unit_lookup(other, x->id);
            if (y && !ent_is_budget(y)) y = NULL;
            if (pass && y) continue;
            Entity *na = pass ? y : x, *nb = pass ? x : y;
            if (na) eval_anggaran(ea, na, &va);
            if (nb) eval_anggaran(eb, nb, &vb);
            if (print_change(out, ea, "anggaran", x->id, na ? &va : NULL, nb ? &vb : NULL)) n++;
            if (na) eval_realisasi(ea, na, ea->tahun, &va);
            if (nb) eval_realisasi(eb, nb, eb->tahun, &vb);
            if (na && nb && print_change(out, ea, "realisasi", x->id, &va, &vb)) n++;
            if (na && nb) {
                n += diff_periods(out, ea, eb, na, nb, 'p', "rencana");
                n += diff_periods(out, ea, eb, na, nb, 'r', "realisasi");
            }
        }
    }
    for (size_t i = 0; i < ua->programs.len; i++) {
        eval_anggaran(ea, ua->programs.items[i], &va);
        if (va.kind == V_MONEY) mpq_add(sa, sa, va.q);
    }
    for (size_t i = 0; i < ub->programs.len; i++) {
        eval_anggaran(eb, ub->programs.items[i], &vb);
        if (vb.kind == V_MONEY) mpq_add(sb, sb, vb.q);
    }
    print_total(out, ea, "anggaran", sa, sb);
    mpq_clears(sa, sb, NULL);
    value_clear(&va);
    value_clear(&vb);
    if (n == 0) fputs(_("  no differences\n"), out);
    return n;
}
