/* check.h -- name resolution and validation of a parsed Unit.
 *
 * check_unit() resolves every name (one flat namespace per instansi),
 * infers the static type of every expression and reports type errors at
 * the operator, finds rule cycles, and runs each validation of
 * LANGUAGE.md §3 and doc/diagnostics.md as a separate pass over the whole
 * tree.  check_claims() evaluates every `periksa` and reports those that
 * do not hold.  Both only add records to the DiagList.
 */
#ifndef SAKIP_CHECK_H
#define SAKIP_CHECK_H

#include "ast.h"
#include "diag.h"
#include "eval.h"

void check_unit(Unit *u, DiagList *dl);
/* Checks a file read by `impor`: it may declare only skala and aturan. */
void check_library(Unit *u, DiagList *dl);
/* Returns the number of claims that failed or could not be decided. */
size_t check_claims(Eval *ev, DiagList *dl);

/* Describes a claim's outcome for reports: "benar", "salah", "-". */
const char *claim_word(ClaimResult r);

#endif
