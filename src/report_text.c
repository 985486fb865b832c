/* report_text.c -- renders report tables as aligned plain text. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_TEXT_COL = 56 };

/* Display text of a cell, indented and cut to MAX_TEXT_COL characters,
 * put into b (emptied); returns its width.  Made again for each of the
 * two passes over a table rather than kept: a big file's table has
 * millions of cells (doc/performance.md). */
static size_t cell_display(Buf *b, const Cell *c, bool cut)
{
    buf_reset(b);
    for (int i = 0; i < c->indent; i++) buf_puts(b, "  ");
    const char *s = c->text ? c->text : "";
    size_t n = strlen(s);
    size_t w = utf8_width(s, n);
    size_t room = MAX_TEXT_COL - (size_t)c->indent * 2;
    if (cut && w > room) {
        /* copy room-1 characters, then an ellipsis */
        size_t chars = 0, i = 0;
        while (i < n && chars < room - 1) {
            i++;
            while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
            chars++;
        }
        buf_putn(b, s, i);
        buf_puts(b, "\xE2\x80\xA6");
    } else {
        buf_puts(b, s);
    }
    return utf8_width(b->data ? b->data : "", b->len);
}

static void pad(Buf *out, size_t n)
{
    for (size_t i = 0; i < n; i++) buf_putc(out, ' ');
}

/* Writes a line without trailing blanks. */
static void emit(FILE *out, Buf *line)
{
    while (line->len && line->data[line->len - 1] == ' ') line->data[--line->len] = '\0';
    fputs(line->data ? line->data : "", out);
    fputc('\n', out);
    buf_reset(line);
}

void table_render_text(FILE *out, const Table *t)
{
    int nc = t->ncols;
    size_t nr = t->rows.len;
    size_t *width = xcalloc((size_t)nc, sizeof *width);
    Buf cell;
    buf_init(&cell);
    for (int c = 0; c < nc; c++) width[c] = utf8_width(t->headers[c], strlen(t->headers[c]));
    for (size_t r = 0; r < nr; r++) {
        const Cell *row = t->rows.items[r];
        for (int c = 0; c < nc; c++) {
            size_t w = cell_display(&cell, &row[c], !t->right[c]);
            if (w > width[c]) width[c] = w;
        }
    }
    fprintf(out, "%s\n", t->title);
    size_t total = 0;
    for (int c = 0; c < nc; c++) total += width[c] + (c ? 2 : 0);
    Buf line;
    buf_init(&line);
    for (int c = 0; c < nc; c++) {
        const char *h = t->headers[c];
        size_t w = utf8_width(h, strlen(h));
        if (c) buf_puts(&line, "  ");
        if (t->right[c]) pad(&line, width[c] - w);
        buf_puts(&line, h);
        if (!t->right[c]) pad(&line, width[c] - w);
    }
    emit(out, &line);
    for (size_t i = 0; i < total; i++) buf_putc(&line, '-');
    emit(out, &line);
    for (size_t r = 0; r < nr; r++) {
        const Cell *row = t->rows.items[r];
        for (int c = 0; c < nc; c++) {
            size_t w = cell_display(&cell, &row[c], !t->right[c]);
            if (c) buf_puts(&line, "  ");
            if (t->right[c]) pad(&line, width[c] - w);
            buf_putn(&line, cell.data ? cell.data : "", cell.len);
            if (!t->right[c]) pad(&line, width[c] - w);
        }
        emit(out, &line);
    }
    buf_free(&line);
    buf_free(&cell);
    for (size_t i = 0; i < t->notes.len; i++) fprintf(out, "%s\n", (const char *)t->notes.items[i]);
    free(width);
}

void report_render_text(FILE *out, const Report *r)
{
    report_render_text_head(out, r);
    for (size_t i = 0; i < r->tables.len; i++) {
        fputc('\n', out);
        table_render_text(out, r->tables.items[i]);
    }
}

void report_render_text_head(FILE *out, const Report *r)
{
    if (r->andai.len) {   /* a what-if report cannot pass for the real one */
        fprintf(out, "*** %s ***\n", report_simulasi_banner);
        for (size_t i = 0; i < r->andai.len; i++) fprintf(out, "    %s\n", (const char *)r->andai.items[i]);
        fputc('\n', out);
    }
    fprintf(out, "%s\n", r->heading);
    for (size_t i = 0; i < r->subheading.len; i++) fprintf(out, "%s\n", (const char *)r->subheading.items[i]);
}
