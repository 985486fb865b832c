/* locfile.h -- owns the text of one source file (or one REPL input) and
 * turns byte offsets into line/column positions, so that every
 * diagnostic can name FILE:LINE:COL and quote its line with a caret.
 *
 * Columns are 1-based and count characters (UTF-8 code points), which is
 * what an evaluator sees in an editor; a tab counts as one column.
 */
#ifndef SAKIP_LOCFILE_H
#define SAKIP_LOCFILE_H

#include <stddef.h>
#include <stdint.h>

typedef struct LocFile {
    char *name;           /* as given on the command line or "<stdin>" */
    char *text;           /* NUL-terminated copy of the bytes */
    size_t len;
    /* where the last line asked for starts, and its 0-based number
     * (src/locfile.c, line_at) */
    uint32_t cur_start;
    size_t cur_line;
    /* the last offset whose line alone was asked for, and that line
     * (locfile_line_of: each claim's line in the JSON) */
    uint32_t line_cur;
    size_t line_cur_line;
    /* bytes counted from the cursor so far; past a few times the text's
     * length, the start of every line is indexed instead (line_start,
     * nlines), so that queries in no order stay cheap */
    size_t counted;
    uint32_t *line_start;
    size_t nlines;
    int line_base;        /* added to line numbers (REPL: input line) */
} LocFile;

/* A region of a source file: byte offsets [start, end). */
typedef struct Span {
    const LocFile *file;
    uint32_t start, end;
} Span;

/* Maximum size of a source file (bytes); larger files are refused with a
 * diagnostic rather than read. */
#define LOCFILE_MAX_BYTES (64u * 1024u * 1024u)

LocFile *locfile_new(const char *name, const char *text, size_t len);
/* Reads path; on failure returns NULL and sets *err to a static reason. */
LocFile *locfile_load(const char *path, const char **err);
void locfile_free(LocFile *lf);

/* 1-based line and column of a byte offset; col may be NULL. */
void locfile_pos(const LocFile *lf, uint32_t off, int *line, int *col);
/* The line alone (the column is not measured). */
int locfile_line_of(const LocFile *lf, uint32_t off);
/* Bytes of line `line` (1-based, without the newline). */
const char *locfile_line(const LocFile *lf, int line, size_t *len);

Span span_join(Span a, Span b);

#endif
