/* diff.h -- `sakip diff`: what changed between two versions of a
 * Perjanjian Kinerja in one file, or between two files (targets,
 * realisasi, anggaran), with deltas and totals. */
#ifndef SAKIP_DIFF_H
#define SAKIP_DIFF_H

#include <stdio.h>
#include "eval.h"

/* Both return the number of differences printed. */
size_t diff_perjanjian(FILE *out, Eval *ev, Entity *a, Entity *b);
size_t diff_units(FILE *out, Eval *ea, Eval *eb);

#endif
