/* sheet.h -- a spreadsheet (CSV or XLSX) read into a grid of cells, each
 * with its place, for `sakip import` (doc/import.md).
 *
 * CSV is read with libcsv (`;` or `,`, quoted cells, a UTF-8 BOM); XLSX
 * with libzip and expat (shared strings, inline strings, the cached
 * values of formulas, the indentation of a cell's style, merged ranges).
 * Sizes are bounded: a part of the workbook that unpacks past
 * SHEET_MAX_PART bytes (a ZIP bomb), a sheet past SHEET_MAX_CELLS
 * cells or past SHEET_MAX_TEXT bytes of text in its cells is refused.  Errors are one message, located where possible
 * (`SOURCE:sheet!C17: ...`); nothing here prints. */
#ifndef SAKIP_SHEET_H
#define SAKIP_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "util.h"

#define SHEET_MAX_BYTES (64u * 1024u * 1024u)   /* a source file */
#define SHEET_MAX_PART (32u * 1024u * 1024u)    /* one unpacked XLSX part */
#define SHEET_MAX_CELLS 1000000u                /* rows x columns of the grid */
#define SHEET_MAX_COLS 16384u
/* the text of all the cells together: a shared string is copied into each
 * cell that shows it, so a small workbook could otherwise ask for
 * gigabytes (one string of 20 MiB in 1000 cells) */
#define SHEET_MAX_TEXT (64u * 1024u * 1024u)

enum {
    CELL_NUMBER = 1,         /* an XLSX number: text is machine notation ("2941063617", "1.5E-3") */
    CELL_NOVALUE = 2,        /* an XLSX formula without a cached value */
    CELL_ERROR = 4,          /* an XLSX error value (#DIV/0!) */
    CELL_PERCENT = 16        /* an XLSX number shown as a percentage (0.83 shows 83%) */
};

typedef struct SheetCell {
    char *text;              /* NULL: empty */
    uint8_t flags;
    uint8_t indent;          /* XLSX: the indentation of the cell's style */
} SheetCell;

typedef struct SheetRange {
    uint32_t r1, c1, r2, c2; /* 0-based, inclusive */
} SheetRange;

typedef struct Sheet {
    char *source;            /* the path as given */
    char *name;              /* the sheet's name (XLSX), or NULL (CSV) */
    uint32_t nrows, ncols;
    SheetCell *cells;        /* nrows x ncols, row-major */
    SheetRange *merged;
    size_t nmerged;
} Sheet;

/* Which sheet of a workbook: by name, else by 1-based index (0: the first). */
typedef struct SheetWant {
    const char *name;
    unsigned index;
    char sep;                /* CSV separator; 0: `;` or `,`, whichever the first line has more of */
} SheetWant;

/* Reads data (len bytes of the file `source`) as XLSX when it is a ZIP
 * archive, else as CSV.  On failure returns false with a message in err. */
bool sheet_read(const char *source, const char *data, size_t len, const SheetWant *want, Sheet *out, Buf *err);
void sheet_free(Sheet *s);

static inline const SheetCell *sheet_cell(const Sheet *s, uint32_t r, uint32_t c)
{
    return r < s->nrows && c < s->ncols ? &s->cells[(size_t)r * s->ncols + c] : NULL;
}
/* "C17" (0-based r, c). */
void sheet_ref(Buf *b, uint32_t r, uint32_t c);
/* "SOURCE:sheet!C17" or "SOURCE:C17". */
void sheet_where(Buf *b, const Sheet *s, uint32_t r, uint32_t c);
/* A column's letters ("C", "AA") as a 0-based index; -1 when not letters. */
long sheet_col_of(const char *letters);

#endif
