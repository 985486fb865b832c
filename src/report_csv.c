/* report_csv.c -- CSV (RFC 4180) and Markdown renderings of a Table.
 * CSV cells carry plain machine numbers ('.' decimals, no grouping) so
 * spreadsheets read them as numbers; Markdown keeps the display text. */
#include "report.h"

#include <string.h>

bool text_formula_like(const char *s)
{
    if (!s || !*s || !strchr("=+-@\t\r", *s)) return false;
    return strcmp(s, "-") != 0;
}

static void csv_field(Buf *b, const char *s)
{
    if (!s) s = "";
    if (strpbrk(s, ",\"\r\n") == NULL) {
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
static void csv_text(Buf *b, const char *s)
{
    if (!text_formula_like(s)) {
        csv_field(b, s);
        return;
    }
    Buf q;
    buf_init(&q);
    buf_printf(&q, "'%s", s);
    csv_field(b, q.data);
    buf_free(&q);
}

void table_render_csv(Buf *b, const Table *t, bool header, const char *instansi)
{
    table_render_csv_marked(b, t, header, instansi, NULL);
}

void table_render_csv_marked(Buf *b, const Table *t, bool header, const char *instansi, const char *simulasi)
{
    Table *split = table_split_ranges(t);   /* a range: two number columns */
    if (split) {
        table_render_csv_marked(b, split, header, instansi, simulasi);
        table_free(split);
        return;
    }
    if (header) {
        if (simulasi) buf_puts(b, "simulasi,");
        if (t->per) buf_puts(b, "per,");
        if (instansi) buf_puts(b, "Instansi,");
        for (int c = 0; c < t->ncols; c++) {
            if (c) buf_putc(b, ',');
            csv_text(b, t->headers[c]);
        }
        buf_puts(b, "\r\n");
    }
    for (size_t r = 0; r < t->rows.len; r++) {
        const Cell *row = t->rows.items[r];
        if (simulasi) {
            csv_text(b, simulasi);
            buf_putc(b, ',');
        }
        if (t->per) {
            csv_text(b, t->per);
            buf_putc(b, ',');
        }
        if (instansi) {
            csv_text(b, instansi);
            buf_putc(b, ',');
        }
        for (int c = 0; c < t->ncols; c++) {
            if (c) buf_putc(b, ',');
            const Cell *cell = &row[c];
            if (cell->kind == CELL_UNDEF) continue;   /* empty field */
            if (cell->plain) {   /* a number: written as a number, never escaped */
                csv_field(b, cell->plain);
            } else {
                csv_text(b, cell->text);
            }
        }
        buf_puts(b, "\r\n");
    }
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
