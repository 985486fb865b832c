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

/* The pieces a built-in's explain and verdict functions (src/builtins.c)
 * are made of.  Each writes lines indented to depth. */
/* "EXPR = value", the default first line of any node */
void explain_value_line(Eval *ev, const Expr *e, int depth, Buf *b);
/* the explanation of each argument of a call */
void explain_args(Eval *ev, const Expr *call, int depth, Buf *b);
void explain_target(Eval *ev, Entity *ind, int year, int depth, Buf *b);
void explain_realisasi_ind(Eval *ev, Entity *ind, int year, int depth, Buf *b);
void explain_capaian(Eval *ev, Entity *x, int year, int depth, Buf *b);
/* capaian(): the mean over every IKU */
void explain_capaian_iku(Eval *ev, int year, int depth, Buf *b);
void explain_budget(Eval *ev, Entity *x, int depth, Buf *b);
void explain_predikat(Eval *ev, Entity *x, int year, int depth, Buf *b);
void explain_efisiensi(Eval *ev, Entity *s, int depth, Buf *b);
void explain_ikm(Eval *ev, Entity *s, int depth, Buf *b);
void explain_nilai_sakip(Eval *ev, Entity *p, int depth, Buf *b);
void explain_band(Eval *ev, Entity *skala, const Band *band, int depth, Buf *b);
/* the band of kategori(v, skala) and its condition */
void explain_kategori_band(Eval *ev, const Expr *call, int depth, Buf *b);
/* verdict notes */
void explain_verdict_predikat(Eval *ev, const Expr *call, Buf *out);
void explain_verdict_efisiensi(Eval *ev, const Expr *call, Buf *out);
void explain_verdict_kategori(Eval *ev, const Expr *call, Buf *out);

#endif
