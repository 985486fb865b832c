/* output.h -- writing files without ever losing one: every file sakip
 * writes goes to a temporary file in the same directory, is flushed and
 * synced, then renamed over the target.  On any error the target is
 * untouched and the temporary file is removed. */
#ifndef SAKIP_OUTPUT_H
#define SAKIP_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

typedef struct AtomicFile {
    char *path;
    char *tmp;
    FILE *f;
} AtomicFile;

/* Opens a temporary file beside path. On failure returns false and sets
 * *err (malloc'd). An existing target's permission bits are kept. */
bool atomic_open(AtomicFile *af, const char *path, char **err);
/* Flushes, syncs and renames into place. */
bool atomic_commit(AtomicFile *af, char **err);
/* Removes the temporary file; the target is untouched. */
void atomic_abort(AtomicFile *af);

bool write_file_atomic(const char *path, const char *data, size_t len, char **err);

#endif
