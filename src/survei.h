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
/* Validates answers (1-4, one per unsur), unsur, komponen scores and
 * weights; every finding is a located diagnostic. */
void survei_check(Unit *u, DiagList *dl);

#endif
