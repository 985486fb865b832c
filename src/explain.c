/* explain.c -- explanation trees for `jelaskan` and verdict notes. */
#include "explain.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

static void indent(Buf *b, int depth)
{
    for (int i = 0; i < depth; i++) buf_puts(b, "  ");
}

static void where(Buf *b, Span s)
{
    if (!s.file) return;
    int line, col;
    locfile_pos(s.file, s.start, &line, &col);
    buf_printf(b, "   [%s:%d]", s.file->name, line);
}

static void show(Eval *ev, Buf *b, const Value *v, bool percent)
{
    eval_format_value(ev, b, v, 0);
    if (percent && v->kind == V_NUM) buf_putc(b, '%');
}

void band_condition(const Band *b, Notation nt, Buf *out)
{
    Buf lo, hi;
    buf_init(&lo);
    buf_init(&hi);
    if (b->lo) num_format_short(&lo, b->lo->u.num.q, 6, ROUND_HALF_UP, nt, false);
    if (b->hi) num_format_short(&hi, b->hi->u.num.q, 6, ROUND_HALF_UP, nt, false);
    if (b->lo && b->hi)
        buf_printf(out, _("%s %s nilai %s %s"), lo.data, b->lo_incl ? "<=" : "<", b->hi_incl ? "<=" : "<", hi.data);
    else if (b->lo)
        buf_printf(out, _("nilai %s %s"), b->lo_incl ? ">=" : ">", lo.data);
    else if (b->hi)
        buf_printf(out, _("nilai %s %s"), b->hi_incl ? "<=" : "<", hi.data);
    else
        buf_puts(out, _("semua nilai"));
    buf_free(&lo);
    buf_free(&hi);
}

/* The what-if behind x's value of kind k: one for the year, else one of
 * its periods (eval.c's own look-up, so only one that applies). */
static const Andai *active_andai(Eval *ev, AndaiKind k, const Entity *x, int year)
{
    const Andai *a = eval_find_andai(ev, k, x, year, NULL);
    if (!a && k != ANDAI_ANGGARAN) a = eval_find_andai_period(ev, k, x, ent_is_budget(x) ? ev->u->tahun : year, 0);
    return a;
}

/* The name of the window months lo..hi: one period (3 months a
 * triwulan, 6 a semester, 1 a bulan) or, from January, the period it
 * ends with (a triwulan when it ends one) -- sakip(5), PERIODS. */
static const char *window_name(int lo, int hi)
{
    int len = hi - lo + 1;
    if (lo == 1) return period_name(hi % 3 == 0 ? period_make(PK_TW, hi / 3) : period_make(PK_BLN, hi));
    PeriodKind k = len == 3 ? PK_TW : len == 6 ? PK_SM : PK_BLN;
    return period_name(period_make(k, hi / period_months(k)));
}

/* "fn(x, year) = " under the window in force: "fn(x, year, tw3) = "
 * for one period, "fn(x, year) s.d. tw2 = " for the year to date; a
 * budget node's value (year 0) has no year: "fn(x) s.d. tw2 = ". */
static void call_label(Eval *ev, Buf *b, const char *fn, const Entity *x, int year)
{
    int y = year ? year : ev->u->tahun;
    bool windowed = ev->win_year && ev->win_year == y && !(ev->win_lo == 1 && ev->win_hi == 12);
    buf_printf(b, "%s(%s", fn, x->id);
    if (year) buf_printf(b, ", %d", year);
    if (windowed && ev->win_lo != 1) buf_printf(b, ", %s)", window_name(ev->win_lo, ev->win_hi));
    else if (windowed) buf_printf(b, ") s.d. %s", window_name(ev->win_lo, ev->win_hi));
    else buf_putc(b, ')');
    buf_puts(b, " = ");
}

static void note_andai(Eval *ev, Buf *b, AndaiKind k, const Entity *x, int year)
{
    const Andai *a = active_andai(ev, k, x, year);
    if (a) {
        buf_printf(b, _("   (what-if: %s)"), span_text(ev->u, a->span));
    }
}

void explain_realisasi_ind(Eval *ev, Entity *x, int year, int depth, Buf *b)
{
    Value v;
    value_init(&v);
    eval_realisasi(ev, x, year, &v);
    indent(b, depth);
    call_label(ev, b, "realisasi", x, year);
    show(ev, b, &v, false);
    const IndikatorDecl *ik = ent_indikator(x);
    const Andai *a = active_andai(ev, ANDAI_REALISASI, x, year);
    DataYear *d = NULL;
    for (size_t i = 0; i < ik->data.len; i++)
        if (((DataYear *)ik->data.items[i])->year == year) d = ik->data.items[i];
    if (a) {
        note_andai(ev, b, ANDAI_REALISASI, x, year);
        buf_putc(b, '\n');
    } else if (d && ik->rumus) {
        buf_printf(b, _("   rumus: %s"), span_text(ev->u, ik->rumus->span));
        where(b, ik->rumus_span);
        buf_putc(b, '\n');
        for (size_t i = 0; i < d->pairs.len; i++) {
            DataPair *p = d->pairs.items[i];
            indent(b, depth + 1);
            buf_printf(b, "%s = %s", p->name, span_text(ev->u, p->value->span));
            const Andai *ad = NULL;
            for (size_t k = ev->andai.len; k-- > 0;) {
                const Andai *c = ev->andai.items[k];
                if (c->kind == ANDAI_DATA && c->target.ent == x && c->year == year && !strcmp(c->data_name, p->name)) {
                    ad = c;
                    break;
                }
            }
            if (ad) buf_printf(b, _(" -> %s   (what-if: %s)"), span_text(ev->u, ad->value->span), span_text(ev->u, ad->span));
            else where(b, p->span);
            buf_putc(b, '\n');
        }
    } else {
        for (size_t i = 0; i < ik->realisasi.len; i++) {
            YearVal *y = ik->realisasi.items[i];
            if ((y->has_year ? y->year : ev->u->tahun) == year) where(b, y->span);
        }
        if (v.kind == V_UNDEF && v.text) buf_printf(b, "   (%s)", v.text);
        buf_putc(b, '\n');
    }
    value_clear(&v);
}

void explain_target(Eval *ev, Entity *x, int year, int depth, Buf *b)
{
    Value lo, hi;
    value_init(&lo);
    value_init(&hi);
    eval_target(ev, x, year, &lo, &hi);
    indent(b, depth);
    call_label(ev, b, "target", x, year);
    show(ev, b, &lo, false);
    if (hi.kind != V_UNDEF) {
        buf_puts(b, "..");
        show(ev, b, &hi, false);
    }
    if (active_andai(ev, ANDAI_TARGET, x, year)) {
        note_andai(ev, b, ANDAI_TARGET, x, year);
    } else {
        const Vec *target = &ent_indikator(x)->target;
        for (size_t i = 0; i < target->len; i++) {
            YearVal *y = target->items[i];
            if ((y->has_year ? y->year : ev->u->tahun) == year) where(b, y->span);
        }
    }
    if (lo.kind == V_UNDEF && lo.text) buf_printf(b, "   (%s)", lo.text);
    buf_putc(b, '\n');
    value_clear(&lo);
    value_clear(&hi);
}

static void explain_rule(Eval *ev, Entity *rule, int depth, Buf *b)
{
    indent(b, depth);
    buf_printf(b, _("aturan %s = %s"), rule->id, span_text(ev->u, ent_aturan(rule)->body->span));
    where(b, rule->span);
    buf_putc(b, '\n');
}

/* The lines of one capaian entering a mean: weight, batas_rata, left out. */
static void explain_mean_parts(Eval *ev, const Vec *inds, int year, int depth, Buf *b)
{
    Value c;
    value_init(&c);
    mpq_t w;
    mpq_init(w);
    for (size_t i = 0; i < inds->len; i++) {
        Entity *ind = inds->items[i];
        explain_capaian(ev, ind, year, depth, b);
        eval_capaian(ev, ind, year, &c);
        eval_bobot(ind, w);
        bool weighted = mpz_cmp_ui(mpq_numref(w), 1) != 0 || mpz_cmp_ui(mpq_denref(w), 1) != 0;
        if (c.kind != V_NUM && ev->skip_undefined) {
            indent(b, depth + 1);
            buf_puts(b, _("left out of the mean: undefined (rata_abaikan_kosong)\n"));
            continue;
        }
        if (weighted) {
            indent(b, depth + 1);
            buf_puts(b, _("bobot "));
            Value wv;
            value_init(&wv);
            eval_literal(ent_indikator(ind)->bobot, &wv);
            show(ev, b, &wv, false);
            value_clear(&wv);
            where(b, ent_indikator(ind)->bobot_span);
            buf_putc(b, '\n');
        }
        if (ev->has_cap_rata && c.kind == V_NUM && mpq_cmp(c.q, ev->cap_rata) > 0) {
            indent(b, depth + 1);
            buf_puts(b, _("capped by batas_rata "));
            Value cap;
            value_init(&cap);
            value_num(&cap, ev->cap_rata);
            cap.decimals = 0;
            show(ev, b, &cap, true);
            buf_puts(b, _(" in the mean\n"));
            value_clear(&cap);
        }
    }
    mpq_clear(w);
    value_clear(&c);
}

/* How the mean was taken, when anything but a plain mean decided it. */
static void explain_mean_rule(Eval *ev, const Vec *inds, int depth, Buf *b)
{
    bool weighted = false;
    for (size_t i = 0; i < inds->len; i++)
        if (ent_indikator(inds->items[i])->bobot) weighted = true;
    if (!weighted && !ev->has_cap_rata && !ev->skip_undefined) return;
    indent(b, depth);
    buf_puts(b, weighted ? _("sum(bobot x capaian) / sum(bobot)") : _("sum(capaian) / n"));
    if (ev->has_cap_rata) {
        Value cap;
        value_init(&cap);
        value_num(&cap, ev->cap_rata);
        cap.decimals = 0;
        buf_puts(b, _(", each capped by batas_rata "));
        show(ev, b, &cap, true);
        value_clear(&cap);
    }
    if (ev->skip_undefined) buf_puts(b, _(", undefined ones left out (rata_abaikan_kosong)"));
    buf_putc(b, '\n');
}

void explain_capaian_iku(Eval *ev, int year, int depth, Buf *b)
{
    Value v;
    value_init(&v);
    eval_capaian_iku(ev, year, &v);
    indent(b, depth);
    buf_printf(b, _("capaian() = "));
    show(ev, b, &v, true);
    if (v.kind == V_UNDEF && v.text) buf_printf(b, _("   (undefined: %s)"), v.text);
    buf_putc(b, '\n');
    Vec iku = {0};
    for (size_t i = 0; i < ev->u->sasaran.len; i++) {
        Entity *s = ev->u->sasaran.items[i];
        for (size_t k = 0; k < s->indikator.len; k++) vec_push(&iku, s->indikator.items[k]);
    }
    indent(b, depth + 1);
    buf_printf(b, _("mean capaian of the %zu IKU\n"), (size_t)iku.len);
    explain_mean_rule(ev, &iku, depth + 1, b);
    explain_mean_parts(ev, &iku, year, depth + 2, b);
    vec_free(&iku);
    value_clear(&v);
}

static void show_range_bounds(Eval *ev, Buf *b, const Expr *lo, const Expr *hi)
{
    Value v;
    value_init(&v);
    if (lo) {
        eval_literal(lo, &v);
        show(ev, b, &v, true);
    }
    buf_puts(b, "..");
    if (hi) {
        eval_literal(hi, &v);
        show(ev, b, &v, true);
    }
    value_clear(&v);
}

void explain_capaian(Eval *ev, Entity *x, int year, int depth, Buf *b)
{
    Value v;
    value_init(&v);
    eval_capaian(ev, x, year, &v);
    indent(b, depth);
    call_label(ev, b, "capaian", x, year);
    show(ev, b, &v, true);
    if (v.kind == V_UNDEF && v.text) buf_printf(b, _("   (undefined: %s)"), v.text);
    buf_putc(b, '\n');
    if (x->kind == ENT_SASARAN || x->kind == ENT_TUJUAN) {
        indent(b, depth + 1);
        buf_printf(b, _("mean capaian of the %zu indikator of %s %s\n"), (size_t)x->indikator.len,
                   ent_kind_name(x->kind), x->id);
        explain_mean_rule(ev, &x->indikator, depth + 1, b);
        explain_mean_parts(ev, &x->indikator, year, depth + 2, b);
        value_clear(&v);
        return;
    }
    if (x->kind != ENT_INDIKATOR) {
        value_clear(&v);
        return;
    }
    CapaianWhy why;
    value_init(&why.raw);
    Value again;
    value_init(&again);
    eval_capaian_why(ev, x, year, year, &again, &why);
    const IndikatorDecl *ik = ent_indikator(x);
    if (why.method == CM_ATURAN) {
        explain_rule(ev, ev->rule_capaian, depth + 1, b);
    } else {
        Value r, lo, hi;
        value_init(&r);
        value_init(&lo);
        value_init(&hi);
        eval_realisasi(ev, x, year, &r);
        eval_target(ev, x, year, &lo, &hi);
        indent(b, depth + 1);
        Polaritas pol = ik->polaritas;
        const char *pname = pol == POL_NEGATIF ? "negatif" : pol == POL_STABIL ? "stabil" : "positif";
        if (why.method == CM_RUMUS) {
            buf_printf(b, _("rumus_capaian: %s"), span_text(ev->u, ik->rumus_capaian->span));
            where(b, ik->rumus_capaian_span);
            buf_putc(b, '\n');
        } else if (hi.kind != V_UNDEF && r.kind != V_UNDEF && lo.kind != V_UNDEF) {
            bool above = mpq_cmp(r.q, hi.q) > 0;
            if (mpq_cmp(r.q, lo.q) >= 0 && !above) buf_puts(b, _("range target: realisasi inside the range, capaian 100\n"));
            else buf_printf(b, _("range target: realisasi %s the range, its %s bound is the target (polaritas %s)\n"),
                            above ? _("above") : _("below"), above ? _("upper") : _("lower"),
                            pol == POL_STABIL ? (above ? "stabil: negatif" : "stabil: positif") : pname);
        } else if (pol == POL_NEGATIF) {
            buf_puts(b, _("polaritas negatif: (target - (realisasi - target)) / target * 100\n"));
        } else if (pol == POL_STABIL) {
            buf_puts(b, _("polaritas stabil: needs a range target\n"));
        } else {
            buf_puts(b, _("polaritas positif: realisasi / target * 100\n"));
        }
        explain_realisasi_ind(ev, x, year, depth + 1, b);
        explain_target(ev, x, year, depth + 1, b);
        value_clear(&r);
        value_clear(&lo);
        value_clear(&hi);
    }
    if (why.clamped) {
        indent(b, depth + 1);
        if (why.own_batas) {
            buf_puts(b, _("limited by its batas "));
            show_range_bounds(ev, b, ik->batas_lo, ik->batas_hi);
            where(b, ik->batas_span);
        } else {
            buf_puts(b, _("capped by batas_capaian "));
            Value cap;
            value_init(&cap);
            value_num(&cap, ev->cap);
            cap.decimals = 0;
            show(ev, b, &cap, true);
            value_clear(&cap);
        }
        buf_puts(b, _(" (without the cap: "));
        show(ev, b, &why.raw, true);
        buf_puts(b, ")\n");
    } else if (ik->has_batas && v.kind == V_NUM) {
        indent(b, depth + 1);
        buf_puts(b, _("within its batas "));
        show_range_bounds(ev, b, ik->batas_lo, ik->batas_hi);
        where(b, ik->batas_span);
        buf_putc(b, '\n');
    }
    value_clear(&why.raw);
    value_clear(&again);
    value_clear(&v);
}

void explain_budget(Eval *ev, Entity *x, int depth, Buf *b)
{
    Value a, r, s;
    value_init(&a);
    value_init(&r);
    value_init(&s);
    eval_anggaran(ev, x, &a);
    eval_realisasi(ev, x, ev->tahun, &r);
    eval_serapan(ev, x, &s);
    indent(b, depth);
    call_label(ev, b, "serapan", x, 0);
    buf_puts(b, _("realisasi / anggaran * 100 = "));
    show(ev, b, &r, false);
    buf_puts(b, " / ");
    show(ev, b, &a, false);
    buf_puts(b, " * 100 = ");
    show(ev, b, &s, true);
    buf_putc(b, '\n');
    /* serapan() of another kind is undefined (check_unit reports the
     * call); it is still explained, as a node with no amounts */
    const BudgetDecl *bd = ent_is_budget(x) ? ent_budget(x) : NULL;
    if (x->kind == ENT_SASARAN) {
        const Vec *supporters = &ent_sasaran(x)->supporters;
        bool programs = true;
        for (size_t i = 0; i < supporters->len; i++) programs &= ((Entity *)supporters->items[i])->kind == ENT_PROGRAM;
        indent(b, depth + 1);
        if (programs) buf_printf(b, _("over the programs that support %s:"), x->id);
        else buf_printf(b, _("over the nodes that support %s, each subkegiatan once:"), x->id);
        for (size_t i = 0; i < supporters->len; i++) buf_printf(b, " %s", ((Entity *)supporters->items[i])->id);
        buf_putc(b, '\n');
        for (size_t i = 0; i < supporters->len; i++) {
            Entity *n = supporters->items[i];
            if (eval_supported_above(x, n)) {
                indent(b, depth + 2);
                buf_printf(b, _("%s is under a node that supports %s: counted there\n"), n->id, x->id);
            } else {
                explain_budget(ev, n, depth + 2, b);
            }
        }
    } else if (bd && bd->children.len) {
        indent(b, depth + 1);
        buf_printf(b, _("sum of %zu %s\n"), (size_t)bd->children.len, x->kind == ENT_PROGRAM ? "kegiatan" : "subkegiatan");
        for (size_t i = 0; i < bd->children.len; i++) explain_budget(ev, bd->children.items[i], depth + 2, b);
    } else {
        const Expr *src[2] = {bd ? bd->anggaran : NULL, bd ? bd->realisasi_uang : NULL};
        AndaiKind kind[2] = {ANDAI_ANGGARAN, ANDAI_REALISASI};
        for (int i = 0; i < 2; i++) {
            indent(b, depth + 1);
            Value v;
            value_init(&v);
            if (i == 0) eval_anggaran(ev, x, &v);
            else eval_realisasi(ev, x, ev->tahun, &v);
            if (i == 0) buf_printf(b, "anggaran(%s) = ", x->id);   /* the year's, in any window */
            else call_label(ev, b, "realisasi", x, 0);
            show(ev, b, &v, false);
            if (active_andai(ev, kind[i], x, 0)) note_andai(ev, b, kind[i], x, 0);
            else if (src[i]) where(b, src[i]->span);
            buf_putc(b, '\n');
            value_clear(&v);
        }
    }
    value_clear(&a);
    value_clear(&r);
    value_clear(&s);
}

void explain_band(Eval *ev, Entity *skala, const Band *band, int depth, Buf *b)
{
    indent(b, depth);
    if (skala == ev->builtin_skala) buf_puts(b, _("built-in skala Permendagri 86/2017"));
    else {
        buf_printf(b, _("skala %s"), skala->id);
        where(b, skala->id_span);
    }
    if (band) {
        buf_printf(b, _(", band \"%s\": "), band->label);
        band_condition(band, ev->notation, b);
        if (skala != ev->builtin_skala) where(b, band->span);
    } else {
        buf_puts(b, _(", no band holds this value"));
    }
    buf_putc(b, '\n');
}

void explain_predikat(Eval *ev, Entity *x, int year, int depth, Buf *b)
{
    Value v;
    value_init(&v);
    const Band *band = NULL;
    eval_predikat(ev, x, year, &v, &band);
    indent(b, depth);
    call_label(ev, b, "predikat", x, year);
    show(ev, b, &v, false);
    buf_putc(b, '\n');
    if (ev->rule_predikat) explain_rule(ev, ev->rule_predikat, depth + 1, b);
    else {
        explain_band(ev, eval_skala(ev), band, depth + 1, b);
        explain_capaian(ev, x, year, depth + 1, b);
    }
    value_clear(&v);
}

void explain_efisiensi(Eval *ev, Entity *s, int depth, Buf *b)
{
    Value v, c, r;
    value_init(&v);
    value_init(&c);
    value_init(&r);
    eval_efisiensi(ev, s, &v);
    indent(b, depth);
    buf_printf(b, _("efisiensi(%s) = "), s->id);
    show(ev, b, &v, false);
    buf_putc(b, '\n');
    if (ev->rule_efisiensi) {
        explain_rule(ev, ev->rule_efisiensi, depth + 1, b);
    } else {
        eval_capaian(ev, s, ev->tahun, &c);
        eval_serapan(ev, s, &r);
        indent(b, depth + 1);
        buf_puts(b, _("built-in rule: \"Efisien\" when capaian > serapan"));
        if (c.kind == V_NUM && r.kind == V_NUM) {
            buf_puts(b, ": ");
            show(ev, b, &c, true);
            buf_puts(b, mpq_cmp(c.q, r.q) > 0 ? " > " : " <= ");
            show(ev, b, &r, true);
        }
        buf_putc(b, '\n');
    }
    explain_capaian(ev, s, ev->tahun, depth + 1, b);
    explain_budget(ev, s, depth + 1, b);
    value_clear(&v);
    value_clear(&c);
    value_clear(&r);
}

void explain_ikm(Eval *ev, Entity *s, int depth, Buf *b)
{
    const SurveiDecl *sv = ent_survei(s);
    Value v;
    value_init(&v);
    Vec nrr = {0};
    eval_ikm(ev, s, &v, &nrr);
    indent(b, depth);
    buf_printf(b, _("ikm(%s) = "), s->id);
    show(ev, b, &v, false);
    buf_printf(b, _("   (%zu respondents"), (size_t)sv->rows.len);
    if (sv->berkas) buf_printf(b, _(", file %s"), sv->berkas);
    buf_puts(b, ")\n");
    indent(b, depth + 1);
    buf_printf(b, _("IKM = 25 x sum(NRR of each unsur x 1/%zu); NRR = sum of answers / respondents (PermenPANRB 14/2017)\n"),
               (size_t)sv->unsur.len);
    for (size_t i = 0; i < nrr.len; i++) {
        indent(b, depth + 1);
        Value q;
        value_init(&q);
        value_num(&q, nrr.items[i]);
        buf_printf(b, _("%-12s NRR "), ((NameRef *)sv->unsur.items[i])->name);
        num_format(b, q.q, 4, ev->round, ev->notation, true);
        mpq_div_2exp(q.q, q.q, 0);
        mpq_t w;
        mpq_init(w);
        mpq_set_ui(w, 1, (unsigned long)sv->unsur.len);
        mpq_mul(q.q, q.q, w);
        buf_puts(b, _("   weighted "));
        num_format(b, q.q, 4, ev->round, ev->notation, true);
        buf_putc(b, '\n');
        mpq_clear(w);
        value_clear(&q);
        mpq_clear(nrr.items[i]);
        free(nrr.items[i]);
    }
    vec_free(&nrr);
    value_clear(&v);
}

void explain_nilai_sakip(Eval *ev, Entity *p, int depth, Buf *b)
{
    Value v, k;
    value_init(&v);
    value_init(&k);
    eval_nilai_sakip(ev, p, &v);
    indent(b, depth);
    buf_printf(b, _("nilai_sakip(%s) = "), p->id);
    show(ev, b, &v, false);
    buf_puts(b, _("   (sum of the komponen, PermenPANRB 88/2021)\n"));
    const Vec *komponen = &ent_penilaian(p)->komponen;
    for (size_t i = 0; i < komponen->len; i++) {
        Komponen *c = komponen->items[i];
        eval_komponen(c, &k);
        indent(b, depth + 1);
        buf_printf(b, _("%-12s weight %-4s score "), c->name, span_text(ev->u, c->bobot->span));
        show(ev, b, &k, false);
        for (size_t s = 0; s < c->subs.pairs.len; s++) {
            DataPair *dp = c->subs.pairs.items[s];
            buf_printf(b, "%s %s %s", s ? "," : "  =", dp->name, span_text(ev->u, dp->value->span));
        }
        where(b, c->span);
        buf_putc(b, '\n');
    }
    value_clear(&v);
    value_clear(&k);
}

/* An entity argument and an optional year of a call, when static. */
static Entity *call_entity(Eval *ev, const Expr *e, int *year)
{
    *year = ev->tahun;
    if (e->u.call.nargs < 1) return NULL;
    Value v;
    value_init(&v);
    eval_expr(ev, e->u.call.args[0], &v);
    Entity *x = v.kind == V_REF ? v.ent : NULL;
    if (e->u.call.nargs >= 2) {
        eval_expr(ev, e->u.call.args[1], &v);
        if (v.kind == V_NUM && mpz_cmp_ui(mpq_denref(v.q), 1) == 0 && mpz_fits_sint_p(mpq_numref(v.q)))
            *year = (int)mpz_get_si(mpq_numref(v.q));
    }
    value_clear(&v);
    return x;
}

static void explain_node(Eval *ev, const Expr *e, int depth, Buf *b);

static void explain_children(Eval *ev, const Expr *e, int depth, Buf *b)
{
    switch (e->kind) {
    case EX_BIN:
        explain_node(ev, e->u.bin.l, depth, b);
        explain_node(ev, e->u.bin.r, depth, b);
        break;
    case EX_NEG: case EX_NOT:
        explain_node(ev, e->u.un, depth, b);
        break;
    case EX_IF:
        explain_node(ev, e->u.cond.c, depth, b);
        explain_node(ev, e->u.cond.a, depth, b);
        explain_node(ev, e->u.cond.b, depth, b);
        break;
    case EX_CALL:
        for (int i = 0; i < e->u.call.nargs; i++) explain_node(ev, e->u.call.args[i], depth, b);
        break;
    default:
        break;
    }
}

static void explain_node(Eval *ev, const Expr *e, int depth, Buf *b)
{
    if (e->kind == EX_NUM || e->kind == EX_MONEY || e->kind == EX_STR || e->kind == EX_BOOL) return;
    if (e->kind == EX_IDENT && e->u.id.ref != REF_RULE) return;
    if (depth > 40) return;
    const Builtin *bi = e->kind == EX_CALL && !e->u.call.rule ? builtin_get(e->u.call.builtin) : NULL;
    if (bi && bi->explain) {
        int year = ev->tahun;
        Entity *x = bi->arg[0] == BA_ENTITY ? call_entity(ev, e, &year) : NULL;
        if ((x || bi->arg[0] != BA_ENTITY || e->u.call.nargs == 0) && bi->explain(ev, e, x, year, depth, b)) return;
    }
    explain_value_line(ev, e, depth, b);
    if (e->kind == EX_CALL && e->u.call.rule) {
        explain_rule(ev, e->u.call.rule, depth + 1, b);
    } else if (e->kind == EX_IDENT) {
        explain_rule(ev, e->u.id.ent, depth + 1, b);
        return;
    }
    explain_children(ev, e, depth + 1, b);
}

void explain_value_line(Eval *ev, const Expr *e, int depth, Buf *b)
{
    Value v;
    value_init(&v);
    eval_expr(ev, e, &v);
    indent(b, depth);
    buf_printf(b, "%s = ", span_text(ev->u, e->span));
    show(ev, b, &v, false);
    if (v.kind == V_UNDEF && v.text) buf_printf(b, _("   (undefined: %s)"), v.text);
    buf_putc(b, '\n');
    value_clear(&v);
}

void explain_args(Eval *ev, const Expr *call, int depth, Buf *b) { explain_children(ev, call, depth, b); }

void explain_expr(Eval *ev, const Expr *e, Buf *out)
{
    if (e->kind == EX_NUM || e->kind == EX_MONEY || e->kind == EX_STR || e->kind == EX_BOOL ||
        (e->kind == EX_IDENT && e->u.id.ref != REF_RULE)) {
        Value v;
        value_init(&v);
        eval_expr(ev, e, &v);
        buf_printf(out, "%s = ", span_text(ev->u, e->span));
        show(ev, out, &v, false);
        buf_puts(out, _("   (a value as written)\n"));
        value_clear(&v);
        return;
    }
    explain_node(ev, e, 0, out);
}

void explain_verdict(Eval *ev, const Expr *e, Buf *out)
{
    if (e->kind != EX_CALL || e->u.call.rule) return;
    const Builtin *bi = builtin_get(e->u.call.builtin);
    if (bi && bi->verdict) bi->verdict(ev, e, out);
}

void explain_verdict_predikat(Eval *ev, const Expr *e, Buf *out)
{
    int year;
    Entity *x = call_entity(ev, e, &year);
    if (!x) return;
    if (ev->rule_predikat) {
        buf_printf(out, _("by rule %s"), ev->rule_predikat->id);
        return;
    }
    Value c, p;
    value_init(&c);
    value_init(&p);
    const Band *band = NULL;
    eval_capaian(ev, x, year, &c);
    eval_predikat(ev, x, year, &p, &band);
    if (band) {
        buf_puts(out, _("capaian "));
        show(ev, out, &c, true);
        buf_printf(out, _(" in band \"%s\": "), band->label);
        band_condition(band, ev->notation, out);
        Entity *sk = eval_skala(ev);
        if (sk == ev->builtin_skala) buf_puts(out, _(" (built-in skala Permendagri 86/2017)"));
        else buf_printf(out, _(" (skala %s)"), sk->id);
    }
    value_clear(&c);
    value_clear(&p);
}

void explain_verdict_efisiensi(Eval *ev, const Expr *e, Buf *out)
{
    int year;
    Entity *x = call_entity(ev, e, &year);
    if (!x) return;
    if (ev->rule_efisiensi) {
        int line, col;
        locfile_pos(ev->rule_efisiensi->span.file, ev->rule_efisiensi->span.start, &line, &col);
        buf_printf(out, _("by rule efisiensi (%s:%d)"), ev->rule_efisiensi->span.file->name, line);
        return;
    }
    Value c, r;
    value_init(&c);
    value_init(&r);
    eval_capaian(ev, x, ev->tahun, &c);
    eval_serapan(ev, x, &r);
    if (c.kind == V_NUM && r.kind == V_NUM) {
        buf_puts(out, _("built-in rule: capaian "));
        show(ev, out, &c, true);
        buf_puts(out, mpq_cmp(c.q, r.q) > 0 ? " > serapan " : " <= serapan ");
        show(ev, out, &r, true);
    }
    value_clear(&c);
    value_clear(&r);
}

/* The skala and the number of kategori(v, skala), both evaluated into
 * s and n (which the caller clears); false unless they are a skala and
 * a number. */
static bool kategori_args(Eval *ev, const Expr *e, Value *s, Value *n)
{
    value_init(s);
    value_init(n);
    if (e->u.call.nargs != 2) return false;
    eval_expr(ev, e->u.call.args[1], s);
    eval_expr(ev, e->u.call.args[0], n);
    return s->kind == V_REF && s->ent->kind == ENT_SKALA && n->kind == V_NUM;
}

void explain_verdict_kategori(Eval *ev, const Expr *e, Buf *out)
{
    Value s, n;
    if (kategori_args(ev, e, &s, &n)) {
        const Band *band = eval_band(s.ent, n.q);
        if (band) {
            buf_puts(out, _("value "));
            show(ev, out, &n, false);
            buf_printf(out, _(" in band \"%s\": "), band->label);
            band_condition(band, ev->notation, out);
            buf_printf(out, _(" (skala %s)"), s.ent->id);
        }
    }
    value_clear(&s);
    value_clear(&n);
}

void explain_kategori_band(Eval *ev, const Expr *e, int depth, Buf *b)
{
    Value s, n;
    if (kategori_args(ev, e, &s, &n)) explain_band(ev, s.ent, eval_band(s.ent, n.q), depth, b);
    value_clear(&s);
    value_clear(&n);
}
