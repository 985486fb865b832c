/* jobs.h -- a list of files handled by N forked worker processes, each
 * file's output passed on in input order (sakip check -j N).
 *
 * Processes, not threads: the library keeps process-wide state (the
 * interned names of names.c).  Of N jobs, share w takes the files w,
 * w+N, w+2N, ... in order: share 0 is the calling process's own, each
 * other share a forked worker that sends each file's output through its
 * own pipe.  The caller passes on file i (its own, or read from worker
 * i mod N) in order, so the output is the same, byte for byte, as one
 * process gives.  A worker that dies makes
 * its remaining files `lost` (reported by the caller), never a hang.
 */
#ifndef SAKIP_JOBS_H
#define SAKIP_JOBS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum { JOB_COUNTS = 5, JOBS_MAX = 64 };

/* Handles file i: writes what it prints to out, and its counts (the
 * caller's meaning) to n. Runs in a worker (or in the process itself for
 * one job). */
typedef void (*JobWork)(void *arg, size_t i, FILE *out, uint64_t n[JOB_COUNTS]);
/* Takes file i's output, in order of i; lost when the worker handling
 * it ended before sending it (text and n are then empty). */
typedef void (*JobDeliver)(void *arg, size_t i, const char *text, size_t len, const uint64_t n[JOB_COUNTS],
                           bool lost);

void jobs_run(size_t nfiles, int jobs, JobWork work, JobDeliver deliver, void *arg);

#endif
