/* survei.h -- the inputs that are themselves computed by regulation:
 * a survei kepuasan masyarakat (answers 1-4 per unsur, inline or from a
 * CSV file) and a penilaian (the SAKIP evaluation sheet: komponen with
 * weights and their keberadaan/kualitas/pemanfaatan parts).  Reading the
 * CSV and validating both live here; ikm() and nilai_sakip() are in
 * eval.c.  See doc/survei.md. */
#ifndef SAKIP_SURVEI_H
#define SAKIP_SURVEI_H

#include "ast.h"
#include "diag.h"

/* Reads every `berkas "x.csv"` of the unit's survei (relative to the
 * .sakip file), turning each data row into an AnswerRow whose spans
 * point into the CSV (so errors give its file, row and column). */
void survei_load_berkas(Unit *u, DiagList *dl);
/* Validate one survei -- its unsur and answers (1-4, one per unsur),
 * setting aside the answers that are not counted -- and one penilaian --
 * its komponen scores and weights; every finding is a located
 * diagnostic.  check_unit() calls them (the CHECK column of
 * src/kinds.def). */
void survei_check_survei(Unit *u, Entity *s, DiagList *dl);
void survei_check_penilaian(Unit *u, Entity *p, DiagList *dl);

#endif
