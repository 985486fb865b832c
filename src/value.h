/* value.h -- the values expressions evaluate to (sakip(5), VALUES):
 * number, money, text, truth, a reference to a declared entity, a range
 * (a target 80..90, version 2), or undefined ("tak terdefinisi") with the
 * reason it is undefined. */
#ifndef SAKIP_VALUE_H
#define SAKIP_VALUE_H

#include <gmp.h>
#include <stdbool.h>
#include "ast.h"
#include "num.h"

typedef enum { V_UNDEF, V_NUM, V_MONEY, V_TEXT, V_BOOL, V_REF, V_RANGE } VKind;

/* The fields are ordered so that none pads (72 bytes, not 88): the
 * results of a big file hold millions of Values (doc/limits.md). */
typedef struct Value {
    VKind kind;
    int decimals;            /* literal decimals, -1 if computed */
    mpq_t q;                 /* V_NUM, V_MONEY; V_RANGE: the lower bound */
    mpq_ptr hi;              /* V_RANGE: the upper bound (made when first needed) */
    const char *text;        /* V_TEXT; V_UNDEF: why (may be NULL) */
    Entity *ent;             /* V_REF */
    int decimals_hi;         /* V_RANGE: the upper bound's literal decimals, -1 if computed */
    bool money;              /* V_RANGE: the bounds are amounts */
    bool b;                  /* V_BOOL */
} Value;

void value_init(Value *v);
void value_clear(Value *v);
void value_set(Value *dst, const Value *src);
void value_undef(Value *v, const char *why);
void value_num(Value *v, mpq_srcptr q);
void value_money(Value *v, mpq_srcptr q);
void value_text(Value *v, const char *s);
void value_bool(Value *v, bool b);
void value_ref(Value *v, Entity *e);
/* The range lo..hi; lo and hi are numbers, or both amounts; v may be lo. */
void value_range(Value *v, const Value *lo, const Value *hi);
/* The bound of a range (hi: its upper one) as a value of its own. */
void value_range_bound(Value *out, const Value *range, bool hi);

const char *vkind_name(VKind k);   /* "number", "money", ... */

/* Display form in the report's notation. */
void value_format(Buf *b, const Value *v, int decimals, RoundMode mode, Notation nt);

#endif
