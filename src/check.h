/* check.h -- name resolution and validation of a parsed Unit.
 *
 * check_unit() resolves every name (one flat namespace per instansi),
 * infers the static type of every expression and reports type errors at
 * the operator, finds rule cycles, and then validates each declaration
 * (sakip(5), DECLARATIONS, and doc/diagnostics.md) with its kind's CHECK
 * function of src/kinds.def, kind by kind.  check_claims() evaluates
 * every `periksa` and reports those that do not hold.  Both only add
 * records to the DiagList.
 */
#ifndef SAKIP_CHECK_H
#define SAKIP_CHECK_H

#include "ast.h"
#include "diag.h"
#include "eval.h"

void check_unit(Unit *u, DiagList *dl);
/* Resolves and type-checks one expression typed at the REPL; returns the
 * number of errors. */
int check_expr(Unit *u, Expr *e, DiagList *dl);
/* Resolves one what-if; 0 when it can be applied. */
int check_andai(Unit *u, Andai *a, DiagList *dl);
/* Checks a file read by `impor`: it may declare only skala and aturan. */
void check_library(Unit *u, DiagList *dl);
/* Returns the number of claims that failed or could not be decided. */
size_t check_claims(Eval *ev, DiagList *dl);
/* `eval --per=P` (sakip(5), PERIODS): every indikator and budget node of
 * u with periods for tahun has one ending where P ends (E0567 for each
 * that has not, `written` the option as given); returns the errors. */
size_t check_per(Unit *u, int p, const char *written, DiagList *dl);
/* `eval --per=P` of one unit: E0568 when no indikator or budget node
 * gives values per period for tahun (every figure would be '-'); the
 * number of errors (0 or 1).  A unit of serve's overview without periods
 * is simply not behind plan. */
size_t check_per_needs_periods(Unit *u, const char *written, DiagList *dl);

/* One claim typed at the REPL: its outcome, and its diagnostic when it
 * does not hold (the REPL prints "benar" for one that does). */
ClaimResult check_claims_one(Eval *ev, Periksa *p, DiagList *dl);

/* Describes a claim's outcome for reports: "benar", "salah", "-". */
const char *claim_word(ClaimResult r);

#endif
