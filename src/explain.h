/* explain.h -- `jelaskan EXPR`: the computation behind a value as an
 * indented tree down to the source lines it came from (formula and
 * polarity, each input with its file:line, the cap, the skala band and its
 * condition, the rule that decided a verdict). */
#ifndef SAKIP_EXPLAIN_H
#define SAKIP_EXPLAIN_H

#include "eval.h"

void explain_expr(Eval *ev, const Expr *e, Buf *out);
/* "76 <= nilai < 90" */
void band_condition(const Band *b, Notation nt, Buf *out);
/* The verdict note the REPL prints after a predikat, kategori or
 * efisiensi value; empty when e is not a verdict. */
void explain_verdict(Eval *ev, const Expr *e, Buf *out);

#endif
