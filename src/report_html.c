/* report_html.c -- `eval --format=html`: one self-contained page (no
 * network, no scripts) with the LAKIP tables. */
#include "report.h"

#include <string.h>

static void esc(Buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '&': buf_puts(b, "&amp;"); break;
        case '"': buf_puts(b, "&quot;"); break;
        default: buf_putc(b, *s);
        }
    }
}

void report_html_begin(Buf *b, const char *title)
{
    buf_puts(b, "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    esc(b, title);
    buf_puts(b, "</title>\n<style>\n"
                "body{font-family:sans-serif;margin:1.5em;color:#222}\n"
                "table{border-collapse:collapse;margin:.5em 0 1.5em}\n"
                "th,td{border:1px solid #bbb;padding:.2em .5em;font-size:90%}\n"
                "th{background:#eee}\ntd.n{text-align:right;white-space:nowrap}\n"
                "caption{text-align:left;font-weight:bold;padding:.3em 0}\n"
                "@media print{@page{size:A4 landscape;margin:12mm}body{margin:0}section{break-after:page}}\n"
                "</style>\n</head>\n<body>\n");
}

static void table_html(Buf *b, const Table *t)
{
    buf_puts(b, "<table>\n<caption>");
    esc(b, t->title);
    buf_puts(b, "</caption>\n<tr>");
    for (int c = 0; c < t->ncols; c++) {
        buf_puts(b, "<th>");
        esc(b, t->headers[c]);
        buf_puts(b, "</th>");
    }
    buf_puts(b, "</tr>\n");
    for (size_t r = 0; r < t->rows.len; r++) {
        const Cell *row = t->rows.items[r];
        buf_puts(b, "<tr>");
        for (int c = 0; c < t->ncols; c++) {
            buf_puts(b, t->right[c] ? "<td class=\"n\">" : "<td>");
            for (int i = 0; i < row[c].indent; i++) buf_puts(b, "&nbsp;&nbsp;&nbsp;");
            esc(b, row[c].text);
            buf_puts(b, "</td>");
        }
        buf_puts(b, "</tr>\n");
    }
    buf_puts(b, "</table>\n");
    for (size_t i = 0; i < t->notes.len; i++) {
        buf_puts(b, "<p>");
        esc(b, t->notes.items[i]);
        buf_puts(b, "</p>\n");
    }
}

void report_html_unit(Buf *b, Eval *ev, const Report *r)
{
    (void)ev;
    buf_puts(b, "<section>\n<h1>");
    esc(b, r->heading);
    buf_puts(b, "</h1>\n");
    for (size_t i = 0; i < r->subheading.len; i++) {
        buf_puts(b, "<p>");
        esc(b, r->subheading.items[i]);
        buf_puts(b, "</p>\n");
    }
    for (size_t i = 0; i < r->tables.len; i++) table_html(b, r->tables.items[i]);
    buf_puts(b, "</section>\n");
}

void report_html_recap(Buf *b, const Table *recap)
{
    buf_puts(b, "<section>\n<h1>Rekapitulasi</h1>\n");
    table_html(b, recap);
    buf_puts(b, "</section>\n");
}

void report_html_end(Buf *b) { buf_puts(b, "</body>\n</html>\n"); }
