/* report.h -- the LAKIP tables as data, built once from an evaluated
 * Unit and rendered by each output format (report_text.c, ...).
 *
 * A Cell keeps both the display text in the chosen notation ("83,63",
 * "Rp 4.492.070.793") and a plain machine form ("83.63", "4492070793")
 * so spreadsheets and JSON get numbers, not strings.
 */
#ifndef SAKIP_REPORT_H
#define SAKIP_REPORT_H

#include <stdio.h>
#include "eval.h"

typedef enum { CELL_TEXT, CELL_NUM, CELL_MONEY, CELL_UNDEF } CellKind;

typedef struct Cell {
    CellKind kind;
    char *text;              /* display */
    char *plain;             /* machine form; NULL for text */
    int indent;              /* tree level, for the budget table */
} Cell;

typedef struct Table {
    const char *key;         /* "3.2", "3.8", ... */
    char *title;
    int ncols;
    const char **headers;
    const bool *right;       /* right-align column */
    Vec rows;                /* Cell* arrays of ncols */
    Vec notes;               /* char* lines printed under the table */
    const char **headers_owned;  /* freed with the table when built at run time */
    bool *right_owned;
    Vec owned_strings;       /* header texts built at run time */
} Table;

typedef struct Report {
    char *heading;           /* instansi line */
    Vec subheading;          /* char* */
    Vec tables;              /* Table* */
} Report;

/* One row of the multi-file recap. */
typedef struct RecapRow {
    char *nama, *induk;
    int tahun;
    bool has_mean;
    mpq_t mean;              /* mean capaian over the IKU */
    mpq_t sum;               /* their sum, for group means */
    size_t n_iku;
    Vec band_labels;         /* char* */
    Vec band_counts;         /* size_t as void* */
    size_t undefined;
    mpq_t anggaran, realisasi;
    bool has_budget;
    size_t group;            /* recap_sort: its induk's place in first-seen order */
} RecapRow;

Report *report_build(Eval *ev);
void report_free(Report *r);

RecapRow *recap_row(Eval *ev);
void recap_row_free(RecapRow *r);
/* Groups the rows by induk (in order of first appearance) and ranks
 * them within each by mean capaian, best first; returns the number of
 * induk. */
size_t recap_sort(Vec *rows);
Table *recap_table(Vec *rows, Notation nt);   /* sorts rows by mean capaian */
void table_free(Table *t);

void report_render_text(FILE *out, const Report *r);
/* JSON object of one instansi, and the recap array (report_json.c). */
void report_json_unit(Buf *b, Eval *ev);
/* What a text gives as JSON: its JSON report when it has no fatal error,
 * then its diagnostics (diag_print_json); a malloc'd string.  The tests
 * and the fuzz target compare it across the two scanners
 * (parse_rules_only). */
char *report_json_of_text(const char *name, const char *text, size_t len);
void report_json_recap(Buf *b, Vec *rows);
/* HTML (report_html.c): one self-contained page, tables and inline SVG
 * charts.  begin/end wrap any number of units and an optional recap. */
void report_html_begin(Buf *b, const char *title);
void report_html_unit(Buf *b, Eval *ev, const Report *r);
void report_html_recap(Buf *b, const Table *recap);
void report_html_end(Buf *b);

/* XLSX (report_xlsx.c, libxlsxwriter): one sheet per table; for several
 * units one sheet per table with an Instansi column, and a recap sheet.
 * Writes atomically to path; on failure returns false with *err set.
 * Built as the module sakip-xlsx.so, not into libsakip: the program
 * reaches it through dlopen (render.c), so only a run that writes a
 * workbook loads libxlsxwriter. */
typedef struct XlsxUnit {
    char *nama;
    Report *report;
} XlsxUnit;
bool report_xlsx_write(const char *path, const Vec *units /* XlsxUnit* */, const Table *recap, char **err);

/* CSV (RFC 4180, '.' decimals) and Markdown renderings of one table. */
/* instansi: when not NULL, a first column "Instansi" with this value. */
void table_render_csv(Buf *b, const Table *t, bool header, const char *instansi);
void table_render_md(Buf *b, const Table *t);
void table_render_text(FILE *out, const Table *t);

#endif
