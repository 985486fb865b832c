/* value.c -- value constructors and display. */
#include "value.h"
#include "i18n.h"
#include "num.h"
#include "numalloc.h"

#include <stdlib.h>

void value_init(Value *v)
{
    v->kind = V_UNDEF;
    num_init(v->q);
    v->text = NULL;
    v->b = false;
    v->ent = NULL;
    v->decimals = -1;
    v->hi = NULL;
    v->money = false;
    v->decimals_hi = -1;
}

void value_clear(Value *v)
{
    num_clear(v->q);
    if (v->hi) {
        num_clear(v->hi);
        free(v->hi);
        v->hi = NULL;
    }
}

static void need_hi(Value *v)
{
    if (!v->hi) {
        v->hi = xmalloc(sizeof *v->hi);
        num_init(v->hi);
    }
}

void value_set(Value *dst, const Value *src)
{
    if (dst == src) return;
    dst->kind = src->kind;
    num_set(dst->q, src->q);
    dst->text = src->text;
    dst->b = src->b;
    dst->ent = src->ent;
    dst->decimals = src->decimals;
    if (src->kind == V_RANGE) {
        need_hi(dst);
        num_set(dst->hi, src->hi);
        dst->money = src->money;
        dst->decimals_hi = src->decimals_hi;
    }
}

void value_undef(Value *v, const char *why)
{
    v->kind = V_UNDEF;
    v->text = why;
    v->decimals = -1;
}

void value_num(Value *v, mpq_srcptr q)
{
    v->kind = V_NUM;
    num_set(v->q, q);
    v->decimals = -1;
}

void value_money(Value *v, mpq_srcptr q)
{
    v->kind = V_MONEY;
    num_set(v->q, q);
    v->decimals = -1;
}

void value_text(Value *v, const char *s)
{
    v->kind = V_TEXT;
    v->text = s;
}

void value_bool(Value *v, bool b)
{
    v->kind = V_BOOL;
    v->b = b;
}

void value_ref(Value *v, Entity *e)
{
    v->kind = V_REF;
    v->ent = e;
}

void value_range(Value *v, const Value *lo, const Value *hi)
{
    bool money = lo->kind == V_MONEY;   /* read before v changes: lo may be v */
    int decimals = lo->decimals;
    num_set(v->q, lo->q);
    need_hi(v);
    num_set(v->hi, hi->q);
    v->kind = V_RANGE;
    v->money = money;
    v->decimals = decimals;
    v->decimals_hi = hi->decimals;
}

void value_range_bound(Value *out, const Value *range, bool hi)
{
    if (out == range && !hi) {
        out->kind = range->money ? V_MONEY : V_NUM;
        return;
    }
    num_set(out->q, hi ? range->hi : range->q);
    out->kind = range->money ? V_MONEY : V_NUM;
    out->decimals = hi ? range->decimals_hi : range->decimals;
}

const char *vkind_name(VKind k)
{
    switch (k) {
    case V_UNDEF: return _("undefined");
    case V_NUM: return _("number");
    case V_MONEY: return _("money");
    case V_TEXT: return _("text");
    case V_BOOL: return _("truth value");
    case V_REF: return _("name");
    case V_RANGE: return _("range");
    }
    return "?";
}

void value_format(Buf *b, const Value *v, int decimals, RoundMode mode, Notation nt)
{
    switch (v->kind) {
    case V_UNDEF: buf_puts(b, "-"); break;
    case V_NUM: num_format(b, v->q, decimals, mode, nt, true); break;
    case V_MONEY: num_format_money(b, v->q, mode, nt); break;
    case V_TEXT: buf_printf(b, "\"%s\"", v->text); break;
    case V_BOOL: buf_puts(b, v->b ? "benar" : "salah"); break;
    case V_REF: buf_puts(b, v->ent->id); break;
    case V_RANGE:
        if (v->money) {
            num_format_money(b, v->q, mode, nt);
            buf_puts(b, "..");
            num_format_money(b, v->hi, mode, nt);
        } else {
            num_format(b, v->q, decimals, mode, nt, true);
            buf_puts(b, "..");
            num_format(b, v->hi, decimals, mode, nt, true);
        }
        break;
    }
}
