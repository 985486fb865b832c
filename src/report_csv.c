/* report_csv.c -- CSV (RFC 4180, or --csv=excel-id) and Markdown
 * renderings of a Table.  CSV cells carry plain machine numbers (no
 * grouping; '.' decimals, ',' under excel-id) so spreadsheets read them
 * as numbers; Markdown keeps the display text. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

bool text_formula_like(const char *s)
{
    if (!s || !*s || !strchr("=+-@\t\r", *s)) return false;
    return strcmp(s, "-") != 0;
}

const char CSV_BOM[] = "\xEF\xBB\xBF";

/* A field, quoted when it holds the separator, a quote or a line end. */
static void csv_field(Buf *b, const char *s, char sep)
{
    if (!s) s = "";
    if (strpbrk(s, sep == ';' ? ";\"\r\n" : ",\"\r\n") == NULL) {
        buf_puts(b, s);
        return;
    }
    buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"') buf_putc(b, '"');
        buf_putc(b, *s);
    }
    buf_putc(b, '"');
}

/* A text field: text a spreadsheet would run as a formula
 * (=HYPERLINK(...), +cmd|...) gets a leading ' that keeps it text. */
static void csv_text(Buf *b, const char *s, char sep)
{
    if (!text_formula_like(s)) {
        csv_field(b, s, sep);
        return;
    }
    Buf q;
    buf_init(&q);
    buf_printf(&q, "'%s", s);
    csv_field(b, q.data, sep);
    buf_free(&q);
}

void table_render_csv(Buf *b, const Table *t, bool header, const char *instansi)
{
    table_render_csv_marked(b, t, header, instansi, NULL);
}

void table_render_csv_marked(Buf *b, const Table *t, bool header, const char *instansi, const char *simulasi)
{
    table_render_csv_styled(b, t, header, instansi, simulasi, false);
}

/* A machine number, with a decimal comma under excel-id. */
static void csv_number(Buf *b, const char *plain, bool excel_id)
{
    if (!excel_id) {
        buf_puts(b, plain);
        return;
    }
    for (; *plain; plain++) buf_putc(b, *plain == '.' ? ',' : *plain);
}

static void csv_cell(Buf *b, CellKind kind, const char *plain, const char *text, char sep, bool excel_id)
{
    if (kind == CELL_UNDEF) return;   /* empty field */
    if (plain) csv_number(b, plain, excel_id);   /* a number: written as a number, never escaped */
    else csv_text(b, text, sep);
}

void table_render_csv_styled(Buf *b, const Table *t, bool header, const char *instansi, const char *simulasi,
                             bool excel_id)
{
    /* a column that may hold a range: two number columns, "Target" and
     * "Target atas", as table_split_ranges has them (written from t, not
     * from a copy of a table that may be a big file's largest) */
    bool *split = xcalloc((size_t)t->ncols + 1, sizeof *split);
    for (int c = 0; c < t->ncols; c++) {
        split[c] = c < 64 && (t->range_cols >> c & 1);
        for (size_t r = 0; r < t->rows.len && !split[c]; r++)
            if (((const Cell *)t->rows.items[r])[c].range) split[c] = true;
    }
    char sep = excel_id ? ';' : ',';
    if (header) {
        if (simulasi) buf_printf(b, "simulasi%c", sep);
        if (t->per) buf_printf(b, "per%c", sep);
        if (instansi) buf_printf(b, "Instansi%c", sep);
        Buf h;
        buf_init(&h);
        for (int c = 0; c < t->ncols; c++) {
            if (c) buf_putc(b, sep);
            csv_text(b, t->headers[c], sep);
            if (!split[c]) continue;
            buf_reset(&h);
            buf_printf(&h, "%s atas", t->headers[c]);
            buf_putc(b, sep);
            csv_text(b, h.data, sep);
        }
        buf_free(&h);
        buf_puts(b, "\r\n");
    }
    for (size_t r = 0; r < t->rows.len; r++) {
        const Cell *row = t->rows.items[r];
        if (simulasi) {
            csv_text(b, simulasi, sep);
            buf_putc(b, sep);
        }
        if (t->per) {
            csv_text(b, t->per, sep);
            buf_putc(b, sep);
        }
        if (instansi) {
            csv_text(b, instansi, sep);
            buf_putc(b, sep);
        }
        for (int c = 0; c < t->ncols; c++) {
            if (c) buf_putc(b, sep);
            const Cell *cell = &row[c];
            const CellRange *rg = cell->range;
            csv_cell(b, cell->kind, cell->plain, rg ? rg->lo_text : cell->text, sep, excel_id);
            if (!split[c]) continue;
            buf_putc(b, sep);   /* a single value is its own upper bound */
            csv_cell(b, cell->kind, rg ? rg->plain_hi : cell->plain, rg ? rg->hi_text : cell->text, sep, excel_id);
        }
        buf_puts(b, "\r\n");
    }
    free(split);
}

static void md_cell(Buf *b, const Cell *c)
{
    for (int i = 0; i < c->indent; i++) buf_puts(b, "&nbsp;&nbsp;");
    for (const char *s = c->text ? c->text : ""; *s; s++) {
        if (*s == '|') buf_puts(b, "\\|");
        else if (*s == '\n') buf_putc(b, ' ');
        else buf_putc(b, *s);
    }
}

void table_render_md(Buf *b, const Table *t)
{
    buf_printf(b, "**%s**\n\n|", t->title);
    for (int c = 0; c < t->ncols; c++) buf_printf(b, " %s |", t->headers[c]);
    buf_puts(b, "\n|");
    for (int c = 0; c < t->ncols; c++) buf_puts(b, t->right[c] ? " ---: |" : " --- |");
    buf_putc(b, '\n');
    for (size_t r = 0; r < t->rows.len; r++) {
        const Cell *row = t->rows.items[r];
        buf_putc(b, '|');
        for (int c = 0; c < t->ncols; c++) {
            buf_putc(b, ' ');
            md_cell(b, &row[c]);
            buf_puts(b, " |");
        }
        buf_putc(b, '\n');
    }
    for (size_t i = 0; i < t->notes.len; i++) buf_printf(b, "\n%s\n", (const char *)t->notes.items[i]);
    buf_putc(b, '\n');
}
