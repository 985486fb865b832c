/* output.h -- writing files without ever losing one: every file sakip
 * writes goes to a temporary file in the same directory, is flushed and
 * synced, then renamed over the target.  On any error the target is
 * untouched and the temporary file is removed; so it is when SIGINT,
 * SIGTERM or SIGHUP ends the program while the file is open.
 *
 * What is not a file to replace is written directly: standard output
 * ("-", /dev/stdout, /dev/fd/N), a device or a FIFO.  A symbolic link is
 * written through: its target is replaced, in the target's directory.
 * An output that is the same file as one of the inputs (output_track_inputs)
 * is refused before anything is written. */
#ifndef SAKIP_OUTPUT_H
#define SAKIP_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>

typedef struct AtomicFile {
    char *path;              /* the file replaced (a symlink's target), or the output as given */
    char *tmp;               /* the name to write to by name: the temporary file, or, written
                              * directly, the output itself */
    FILE *f;
    bool direct;             /* standard output, a device or a FIFO: written in place */
    bool is_stdout;          /* f is stdout: flushed, never closed */
    int slot;                /* the signal handler's record of tmp, or -1 */
    bool expect;             /* commit only if the target is still `was` */
    struct stat was;
} AtomicFile;

/* Opens a temporary file beside path. On failure returns false and sets
 * *err (malloc'd). An existing target's permission bits are kept. */
bool atomic_open(AtomicFile *af, const char *path, char **err);
/* After atomic_open: commit only if the target is still the file st
 * describes (same device, inode, size, modification and change times);
 * a target changed meanwhile fails the commit and is left as it is. */
void atomic_expect(AtomicFile *af, const struct stat *st);
/* Flushes, syncs and renames into place. */
bool atomic_commit(AtomicFile *af, char **err);
/* Removes the temporary file; the target is untouched. */
void atomic_abort(AtomicFile *af);

bool write_file_atomic(const char *path, const char *data, size_t len, char **err);
/* The same, when the target is still the file `was` describes (it may be NULL). */
bool write_file_atomic_expect(const char *path, const struct stat *was, const char *data, size_t len, char **err);
/* Rewrites an existing file in place, keeping its inode (and so its hard
 * links), when it is still the file `was` describes: the space is
 * reserved first, SIGINT, SIGTERM and SIGHUP wait until the data is
 * written, truncated and synced. */
bool write_file_in_place(const char *path, const struct stat *was, const char *data, size_t len, char **err);

/* ---- the inputs, which an output must never be ---- */

/* From now on output_note_input records the files it is given. */
void output_track_inputs(void);
/* Records path (a regular file read as input; "-" and files that cannot
 * be stat()ed are ignored) when tracking is on. */
void output_note_input(const char *path);

#endif
