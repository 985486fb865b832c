/* diag.h -- diagnostics as data.
 *
 * Every problem found anywhere (scanner, parser, checks, evaluation,
 * claims) becomes a Diag record in a DiagList: level, code, primary span,
 * message, secondary labelled spans and help hints.  Nothing in the
 * library prints or exits on its own; the CLI and REPL decide how to show
 * the list (GNU text with source line and caret, or JSON for editors).
 * The codes are documented in doc/diagnostics.md.
 */
#ifndef SAKIP_DIAG_H
#define SAKIP_DIAG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "locfile.h"
#include "util.h"

typedef enum { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagLevel;

typedef struct DiagLabel {
    Span span;
    char *msg;
} DiagLabel;

typedef struct Diag {
    DiagLevel level;
    uint32_t borrowed;  /* bit i: hints[i] is its format, not a copy */
    const char *code;   /* "E0301", static */
    Span span;          /* span.file may be NULL: no location */
    Vec hints;          /* char* */
    Vec labels;         /* DiagLabel* */
    void *hint0;        /* where hints.items points while there is one */
    uint32_t seq;       /* insertion order, for stable sorting */
    char msg[];         /* the message, in the record itself */
} Diag;

/* The errors, and separately the warnings, that text output shows of one
 * list (one file) unless told otherwise (--max-errors). */
#define DIAG_MAX_SHOWN 100

typedef struct DiagList {
    Vec items;          /* Diag* */
    size_t nerrors, nwarnings;
    Vec silenced;       /* char* codes given with --no-warn */
    /* diag_print_text shows this many errors, and this many warnings, then
     * a note (E0199) with the number of those not shown; JSON shows all.
     * diag_list_init sets DIAG_MAX_SHOWN; 0: no limit. */
    size_t limit_per_file;
} DiagList;

void diag_list_init(DiagList *dl);
void diag_list_clear(DiagList *dl);   /* drops the records, keeps settings */
/* Drops the records added after the first `keep`. */
void diag_list_truncate(DiagList *dl, size_t keep);
void diag_list_free(DiagList *dl);
void diag_silence(DiagList *dl, const char *code);
/* How many records of the list have this code. */
size_t diag_count_code(const DiagList *dl, const char *code);
/* Frees one record that has been taken out of its list. */
void diag_free_one(Diag *d);

/* Adds a record; returns it so hints and labels can be attached.  A
 * silenced warning is still returned (to keep callers simple) but is
 * not kept in the list. */
Diag *diag_add(DiagList *dl, DiagLevel level, const char *code, Span span,
               const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* A hint; its format must be a string that lives as long as the program
 * (a literal or a translation, as every caller's is): a hint without a
 * conversion is kept as that string, not copied (a file of 360 000
 * indikator has as many identical hints). */
void diag_hint(Diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_label(Diag *d, Span span, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Sorts by file, then position, then insertion order. */
void diag_sort(DiagList *dl);
/* Prints a sorted list as text, within limit_per_file; returns how many
 * errors and warnings were not shown. */
size_t diag_print_text(const DiagList *dl, FILE *out, bool color);
void diag_print_json(const DiagList *dl, FILE *out);
/* Appends the records as JSON objects separated by commas (for one
 * document gathering several files). */
void diag_json_records(const DiagList *dl, Buf *out, bool *first);
/* One record, text form (used by the REPL). */
void diag_print_one(const Diag *d, FILE *out, bool color);

/* JSON string escaping, shared with the JSON report. */
void json_put_string(Buf *b, const char *s);
/* The same for n bytes of s (which may hold no NUL). */
void json_put_stringn(Buf *b, const char *s, size_t n);

#endif
