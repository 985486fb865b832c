/* report_html.c -- `eval --format=html`: one self-contained page (no
 * network, no scripts) with the LAKIP tables and inline SVG charts drawn
 * here (doc/formats.md):
 *
 *   Grafik 1  capaian per indikator as bars over the skala's bands;
 *   Grafik 2  realisasi and target across the Renstra years, one small
 *             line chart per indikator;
 *   Grafik 3  anggaran and realisasi per program and kegiatan;
 *   Grafik 4  capaian against serapan per sasaran (efisiensi).
 *
 * Geometry is computed from the exact values with GMP and written in
 * tenths of a pixel; every figure printed on a chart is formatted the way
 * the tables format it (notation, `atur desimal`, `atur pembulatan`). */
#include "report.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- text ---- */

void report_html_esc(Buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '&': buf_puts(b, "&amp;"); break;
        case '"': buf_puts(b, "&quot;"); break;
        case '\'': buf_puts(b, "&#39;"); break;
        default: buf_putc(b, *s);
        }
    }
}

static void esc(Buf *b, const char *s) { report_html_esc(b, s); }

/* Display width estimate for a label, in pixels, at the charts' font. */
static long text_px(const char *s, long per_char10)
{
    return (long)utf8_width(s, strlen(s)) * per_char10 / 10;
}

/* ---- page ---- */

void report_html_begin(Buf *b, const char *title)
{
    report_html_head(b, title, NULL);
}

void report_html_head(Buf *b, const char *title, const char *extra_head)
{
    buf_puts(b, "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    /* the page's own policy: nothing loads; a server sends its own */
    if (!extra_head)
        buf_puts(b, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "style-src 'unsafe-inline'; img-src data:\">\n");
    buf_puts(b, "<meta name=\"generator\" content=\"sakip\">\n<title>");
    esc(b, title);
    buf_puts(b, "</title>\n<style>\n"
                "body{font-family:\"DejaVu Sans\",Arial,sans-serif;margin:1.5em;color:#222;font-size:14px}\n"
                "h1{font-size:1.35em;margin:.2em 0}\nh2{font-size:1.1em;margin:1.4em 0 .4em}\n"
                "p.sub{margin:.1em 0;color:#444}\n"
                "table{border-collapse:collapse;margin:.5em 0 .6em}\n"
                "th,td{border:1px solid #bbb;padding:.2em .5em;font-size:90%;vertical-align:top}\n"
                "th{background:#eee}\ntd.n{text-align:right;white-space:nowrap}\ntd.u{color:#888}\n"
                "tr.salah td{color:#b71c1c}\ntr.jumlah td{font-weight:bold}\n"
                "caption{text-align:left;font-weight:bold;padding:.3em 0;white-space:nowrap}\np.note{margin:.2em 0 1em;font-size:90%}\n"
                "figure{margin:.6em 0 1.6em}\nfigcaption{font-weight:bold;margin:.3em 0}\n"
                "svg{max-width:100%;height:auto;font-family:\"DejaVu Sans\",Arial,sans-serif}\n"
                "svg text{font-size:11px;fill:#222}\nsvg .small{font-size:9px}\nsvg .muted{fill:#666}\n"
                "div.multiples{display:flex;flex-wrap:wrap;gap:8px}\n"
                "ul.kunci{margin:.2em 0 0;padding:0;list-style:none;font-size:85%;columns:2;column-gap:2em}\n"
                "div.simulasi{border:3px solid #b71c1c;background:#fdecea;color:#b71c1c;padding:.4em .8em;"
                "margin:.4em 0 1em;font-weight:bold}\ndiv.simulasi code{font-weight:normal;color:#222}\n"
                "div.watermark{position:fixed;top:45%;left:0;right:0;text-align:center;font-size:96px;"
                "font-weight:bold;letter-spacing:.1em;color:rgba(183,28,28,.16);transform:rotate(-24deg);"
                "pointer-events:none;z-index:10;white-space:nowrap}\n"
                "ul.kunci li{break-inside:avoid}\n"
                "header.kop{text-align:center;border-bottom:3px double #222;padding-bottom:.4em;margin-bottom:.8em}\n"
                "header.kop p{margin:.1em 0;text-transform:uppercase;font-weight:bold}\n"
                "header.kop p.kop1{font-size:1.05em}\nheader.kop p.kop2{font-size:1.3em}\n"
                "header.kop p.kop3{font-size:.95em;font-weight:normal}\n"
                "div.ttd{margin:2em 0 1em auto;width:22em;text-align:center;break-inside:avoid}\n"
                "div.ttd p{margin:.15em 0}\ndiv.ttd p.ruang{height:4.5em}\n"
                "div.ttd p.nama{font-weight:bold;text-decoration:underline}\n"
                "section.lampiran h2{margin-top:0}\np.cetak{display:none}\n"
                "@media print{@page{size:A4 landscape;margin:12mm 12mm 16mm;"
                "@bottom-center{content:\"Halaman \" counter(page) \" dari \" counter(pages);font-size:9pt;color:#444}}"
                "body{margin:0;font-size:10pt}"
                "section.salah-saja tr.benar{display:none}p.cetak{display:block}"
                "section{break-after:page}figure,tr{break-inside:avoid}thead{display:table-header-group}"
                "h2{break-after:avoid}div.watermark,div.simulasi{-webkit-print-color-adjust:exact;"
                "print-color-adjust:exact}div.watermark{position:fixed;display:block}}\n"
                "</style>\n");
    if (extra_head) buf_puts(b, extra_head);
    buf_puts(b, "</head>\n<body>\n");
}

/* An optional link for each cell (sakip serve, #23: a value to its
 * jelaskan tree, a code to its source line); NULL: none. */
static ReportHtmlLink cell_link;
static void *cell_link_ctx;

void report_html_set_link(ReportHtmlLink fn, void *ctx)
{
    cell_link = fn;
    cell_link_ctx = ctx;
}

/* Where the page is written while it is made (report_html_open with a
 * stream), or NULL: the page is held in its buffer.  A big file's page is
 * many times its size (doc/performance.md), so it is written out every
 * SPILL bytes from the loops over rows and indikator, which only append
 * to the page's buffer.  Per thread: sakip serve makes pages in several. */
static _Thread_local FILE *spill_out;
enum { SPILL = 64 * 1024 };

static void spill(Buf *b)
{
    if (spill_out && b->len >= SPILL) {
        fwrite(b->data, 1, b->len, spill_out);
        buf_reset(b);
    }
}

static void table_html(Buf *b, const Table *t)
{
    buf_puts(b, "<table class=\"tabel-");
    for (const char *k = t->key; *k; k++) buf_putc(b, (*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') ? *k : '-');
    buf_puts(b, "\">\n<caption>");
    esc(b, t->title);
    buf_puts(b, "</caption>\n<thead><tr>");
    for (int c = 0; c < t->ncols; c++) {
        buf_puts(b, "<th scope=\"col\">");
        esc(b, t->headers[c]);
        buf_puts(b, "</th>");
    }
    buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < t->rows.len; r++) {
        const Cell *row = t->rows.items[r];
        const char *first = row[0].text ? row[0].text : "";
        if (!strcmp(t->key, "periksa") && t->ncols > 1 && row[1].text && !strcmp(row[1].text, "SALAH"))
            buf_puts(b, "<tr class=\"salah\">");
        else if (!strcmp(t->key, "periksa"))
            buf_puts(b, "<tr class=\"benar\">");
        else if (!strcmp(first, "Jumlah"))
            buf_puts(b, "<tr class=\"jumlah\">");
        else
            buf_puts(b, "<tr>");
        for (int c = 0; c < t->ncols; c++) {
            const Cell *cell = &row[c];
            buf_puts(b, "<td");
            if (t->right[c] || cell->kind == CELL_UNDEF)
                buf_puts(b, cell->kind == CELL_UNDEF ? " class=\"n u\"" : " class=\"n\"");
            if (cell->indent > 0) buf_printf(b, " style=\"padding-left:%d.%dem\"", (1 + 3 * cell->indent) / 2,
                                             (1 + 3 * cell->indent) % 2 * 5);
            buf_putc(b, '>');
            const char *href = cell_link ? cell_link(cell_link_ctx, t, row, c) : NULL;
            if (href) {
                buf_puts(b, "<a href=\"");
                esc(b, href);
                buf_puts(b, "\">");
            }
            esc(b, cell->text);
            if (href) buf_puts(b, "</a>");
            buf_puts(b, "</td>");
        }
        buf_puts(b, "</tr>\n");
        spill(b);
    }
    buf_puts(b, "</tbody>\n</table>\n");
    for (size_t i = 0; i < t->notes.len; i++) {
        buf_puts(b, "<p class=\"note\">");
        esc(b, t->notes.items[i]);
        buf_puts(b, "</p>\n");
    }
}

/* ---- chart geometry: exact values to tenths of a pixel ---- */

typedef struct Axis {
    mpq_t lo, hi;            /* value range */
    long px0, len;           /* pixels */
    bool flip;               /* y axis: lo at the bottom */
} Axis;

static void axis_init(Axis *a, long px0, long len, bool flip)
{
    mpq_inits(a->lo, a->hi, NULL);
    a->px0 = px0;
    a->len = len;
    a->flip = flip;
}

static void axis_clear(Axis *a) { mpq_clears(a->lo, a->hi, NULL); }

/* Position of v (clamped to the range), in tenths of a pixel. */
static long ax_pos(const Axis *a, mpq_srcptr v)
{
    mpq_t t, span;
    mpq_inits(t, span, NULL);
    if (mpq_cmp(v, a->lo) < 0) mpq_set(t, a->lo);
    else if (mpq_cmp(v, a->hi) > 0) mpq_set(t, a->hi);
    else mpq_set(t, v);
    mpq_sub(t, t, a->lo);
    mpq_sub(span, a->hi, a->lo);
    long off = 0;
    if (mpq_sgn(span) > 0) {
        mpq_div(t, t, span);
        mpz_mul_si(mpq_numref(t), mpq_numref(t), a->len * 10);
        /* round half up: floor(2n + d, 2d) */
        mpz_t n, d;
        mpz_inits(n, d, NULL);
        mpz_mul_ui(n, mpq_numref(t), 2);
        mpz_add(n, n, mpq_denref(t));
        mpz_mul_ui(d, mpq_denref(t), 2);
        mpz_fdiv_q(n, n, d);
        off = mpz_get_si(n);
        mpz_clears(n, d, NULL);
    }
    mpq_clears(t, span, NULL);
    return a->px0 * 10 + (a->flip ? a->len * 10 - off : off);
}

static long ax_pos_si(const Axis *a, long v)
{
    mpq_t q;
    mpq_init(q);
    mpq_set_si(q, v, 1);
    long p = ax_pos(a, q);
    mpq_clear(q);
    return p;
}

/* Tenths of a pixel as SVG text ("12.3", "-0.5"). */
static void px(Buf *b, long t)
{
    if (t < 0) {
        buf_putc(b, '-');
        t = -t;
    }
    if (t % 10) buf_printf(b, "%ld.%ld", t / 10, t % 10);
    else buf_printf(b, "%ld", t / 10);
}

static void px_attr(Buf *b, const char *name, long t)
{
    buf_printf(b, " %s=\"", name);
    px(b, t);
    buf_putc(b, '"');
}

/* A "nice" step (1, 2 or 5 times a power of ten) giving at most `maxticks`
 * intervals over an integer span. */
static long nice_step(long span, int maxticks)
{
    long step = 1;
    for (;;) {
        if (span / step <= maxticks) return step;
        if (span / (step * 2) <= maxticks) return step * 2;
        if (span / (step * 5) <= maxticks) return step * 5;
        if (step > 1000000000000000L / 10) return step * 10;
        step *= 10;
    }
}

/* Sets the axis to a nice integer range holding [min, max] and zero;
 * returns the tick step. */
static long axis_nice(Axis *a, mpq_srcptr min, mpq_srcptr max, int maxticks)
{
    mpz_t lo, hi;
    mpz_inits(lo, hi, NULL);
    mpz_fdiv_q(lo, mpq_numref(min), mpq_denref(min));
    mpz_cdiv_q(hi, mpq_numref(max), mpq_denref(max));
    if (mpz_sgn(lo) > 0) mpz_set_ui(lo, 0);
    if (mpz_sgn(hi) < 0) mpz_set_ui(hi, 0);
    if (!mpz_cmp(lo, hi)) mpz_add_ui(hi, hi, 1);
    long l = mpz_fits_slong_p(lo) ? mpz_get_si(lo) : -1000000000000000L;
    long h = mpz_fits_slong_p(hi) ? mpz_get_si(hi) : 1000000000000000L;
    long step = nice_step(h - l, maxticks);
    l = (l >= 0 ? l / step : -((-l + step - 1) / step)) * step;
    h = (h >= 0 ? (h + step - 1) / step : -(-h / step)) * step;
    mpq_set_si(a->lo, l, 1);
    mpq_set_si(a->hi, h, 1);
    mpz_clears(lo, hi, NULL);
    return step;
}

/* ---- SVG pieces ---- */

static void svg_open(Buf *b, const char *cls, long w, long h, const char *label)
{
    buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart %s\" width=\"%ld\" height=\"%ld\" "
                  "viewBox=\"0 0 %ld %ld\" role=\"img\" aria-label=\"", cls, w, h, w, h);
    esc(b, label);
    buf_puts(b, "\">\n");
}

static void rect(Buf *b, long x, long y, long w, long h, const char *fill, const char *extra)
{
    if (w < 0) {
        x += w;
        w = -w;
    }
    buf_puts(b, "<rect");
    px_attr(b, "x", x);
    px_attr(b, "y", y);
    px_attr(b, "width", w);
    px_attr(b, "height", h);
    buf_printf(b, " fill=\"%s\"%s%s", fill, extra ? " " : "", extra ? extra : "");
}

static void line(Buf *b, long x1, long y1, long x2, long y2, const char *stroke, const char *extra)
{
    buf_puts(b, "<line");
    px_attr(b, "x1", x1);
    px_attr(b, "y1", y1);
    px_attr(b, "x2", x2);
    px_attr(b, "y2", y2);
    buf_printf(b, " stroke=\"%s\"%s%s/>\n", stroke, extra ? " " : "", extra ? extra : "");
}

/* Text at (x, y) tenths; anchor "start", "middle" or "end". */
static void text(Buf *b, long x, long y, const char *anchor, const char *cls, const char *s)
{
    buf_puts(b, "<text");
    px_attr(b, "x", x);
    px_attr(b, "y", y);
    if (strcmp(anchor, "start")) buf_printf(b, " text-anchor=\"%s\"", anchor);
    if (cls) buf_printf(b, " class=\"%s\"", cls);
    buf_putc(b, '>');
    esc(b, s);
    buf_puts(b, "</text>\n");
}

static void title(Buf *b, const char *s)
{
    buf_puts(b, "<title>");
    esc(b, s);
    buf_puts(b, "</title>");
}

/* ---- formatting as the tables do ---- */

static bool is_percent_unit(const char *satuan)
{
    return satuan && (!strcmp(satuan, "%") || !strcmp(satuan, "persen"));
}

static void fmt_percent(const Figures *f, Buf *b, const Value *v)
{
    if (v->kind != V_NUM) {
        buf_putc(b, '-');
        return;
    }
    num_format(b, v->q, f->desimal, f->round, f->notation, true);
    buf_putc(b, '%');
}

static void fmt_money(const Figures *f, Buf *b, const Value *v)
{
    if (v->kind != V_MONEY && v->kind != V_NUM) {
        buf_putc(b, '-');
        return;
    }
    num_format_money(b, v->q, f->round, f->notation);
}

/* An input figure (target, realisasi) as Tabel 3.2 shows it. */
static void fmt_input(const Figures *f, Buf *b, const char *satuan, const Value *v, const Value *hi)
{
    if (v->kind != V_NUM && v->kind != V_MONEY) {
        buf_putc(b, '-');
        return;
    }
    const char *suf = is_percent_unit(satuan) ? "%" : "";
    for (int k = 0; k < 2; k++) {
        const Value *x = k ? hi : v;
        if (k) {
            if (!hi || (hi->kind != V_NUM && hi->kind != V_MONEY)) break;
            buf_puts(b, "..");
        }
        if (x->decimals >= 0) num_format(b, x->q, x->decimals, f->round, f->notation, true);
        else num_format_short(b, x->q, k ? 4 : f->desimal, f->round, f->notation, true);
        buf_puts(b, suf);
    }
}

static void fmt_int(const Figures *f, Buf *b, long v)
{
    mpq_t q;
    mpq_init(q);
    mpq_set_si(q, v, 1);
    num_format(b, q, 0, f->round, f->notation, true);
    mpq_clear(q);
}

/* ---- band colours: red (lowest band) to green (highest) ---- */

static const unsigned PALETTE[] = {0xF4B6B6, 0xF8D3A6, 0xF3E7A0, 0xD3E8A8, 0xA9D8B0};
enum { NPALETTE = sizeof PALETTE / sizeof PALETTE[0] };

static void band_colour(char out[8], size_t rank, size_t n)
{
    /* position on the palette in 1/1000ths, linear between its stops */
    long pos = n > 1 ? (long)(rank * 1000 * (NPALETTE - 1) / (n - 1)) : 1000L * (NPALETTE - 1);
    long i = pos / 1000, f = pos % 1000;
    if (i >= NPALETTE - 1) {
        i = NPALETTE - 2;
        f = 1000;
    }
    unsigned a = PALETTE[i], c = PALETTE[i + 1], rgb = 0;
    for (int sh = 16; sh >= 0; sh -= 8) {
        long x = (long)((a >> sh) & 0xFF), y = (long)((c >> sh) & 0xFF);
        rgb |= (unsigned)((x * (1000 - f) + y * f + 500) / 1000) << sh;
    }
    snprintf(out, 8, "#%06X", rgb);
}

/* A band's bounds as numbers; `has_*` false when open or not a number. */
typedef struct BandNum {
    const FigBand *band;
    bool has_lo, has_hi;
    mpq_t lo, hi;
    char colour[8];
} BandNum;

static int bandnum_cmp(const void *pa, const void *pb)
{
    const BandNum *a = pa, *b = pb;
    if (a->has_lo != b->has_lo) return a->has_lo ? 1 : -1;
    if (a->has_lo) {
        int c = mpq_cmp(a->lo, b->lo);
        if (c) return c;
    }
    if (a->has_hi != b->has_hi) return a->has_hi ? -1 : 1;
    return a->has_hi ? mpq_cmp(a->hi, b->hi) : 0;
}

static BandNum *bands_of(const Figures *f, size_t *n)
{
    *n = f->nbands;
    BandNum *bn = xcalloc(*n + 1, sizeof *bn);
    for (size_t i = 0; i < *n; i++) {
        const FigBand *band = &f->bands[i];
        bn[i].band = band;
        mpq_inits(bn[i].lo, bn[i].hi, NULL);
        bn[i].has_lo = band->has_lo;
        bn[i].has_hi = band->has_hi;
        mpq_set(bn[i].lo, band->lo);
        mpq_set(bn[i].hi, band->hi);
    }
    qsort(bn, *n, sizeof *bn, bandnum_cmp);
    for (size_t i = 0; i < *n; i++) band_colour(bn[i].colour, i, *n);
    return bn;
}

static void bands_free(BandNum *bn, size_t n)
{
    for (size_t i = 0; i < n; i++) mpq_clears(bn[i].lo, bn[i].hi, NULL);
    free(bn);
}

/* "76 ≤ nilai < 90" */
static void band_range(const Figures *f, Buf *b, const BandNum *x)
{
    if (x->has_lo) {
        num_format_short(b, x->lo, 4, f->round, f->notation, true);
        buf_puts(b, x->band->lo_incl ? " \xE2\x89\xA4 " : " < ");
    }
    buf_puts(b, "nilai");
    if (x->has_hi) {
        buf_puts(b, x->band->hi_incl ? " \xE2\x89\xA4 " : " < ");
        num_format_short(b, x->hi, 4, f->round, f->notation, true);
    }
}

/* Legend items (swatch + text) flowing over lines of `width` pixels,
 * starting at y (pixels); returns the y below the legend. */
typedef struct LegendItem {
    const char *fill;
    char *label;
    bool line;               /* a line sample instead of a swatch */
    const char *dash;
} LegendItem;

static long legend(Buf *b, const LegendItem *items, size_t n, long x0, long y, long width)
{
    long x = x0;
    for (size_t i = 0; i < n; i++) {
        long w = 18 + text_px(items[i].label, 65) + 16;
        if (x > x0 && x + w > x0 + width) {
            x = x0;
            y += 18;
        }
        if (items[i].line) {
            char extra[64];
            snprintf(extra, sizeof extra, "stroke-width=\"2\"%s%s%s", items[i].dash ? " stroke-dasharray=\"" : "",
                     items[i].dash ? items[i].dash : "", items[i].dash ? "\"" : "");
            line(b, x * 10, (y + 6) * 10, (x + 14) * 10, (y + 6) * 10, items[i].fill, extra);
        } else {
            rect(b, x * 10, y * 10, 120, 120, items[i].fill, "stroke=\"#888\" stroke-width=\"0.5\"/>\n");
        }
        text(b, (x + 18) * 10, (y + 10) * 10, "start", NULL, items[i].label);
        x += w;
    }
    return y + 18;
}

static size_t legend_rows(const LegendItem *items, size_t n, long width)
{
    long x = 0;
    size_t rows = n ? 1 : 0;
    for (size_t i = 0; i < n; i++) {
        long w = 18 + text_px(items[i].label, 65) + 16;
        if (x > 0 && x + w > width) {
            x = 0;
            rows++;
        }
        x += w;
    }
    return rows;
}

/* Vertical grid lines and tick labels of a horizontal value axis. */
static void x_ticks(Buf *b, const Figures *f, const Axis *ax, long step, long top, long bottom, bool labels,
                    const char *suffix)
{
    long lo = mpz_get_si(mpq_numref(ax->lo)), hi = mpz_get_si(mpq_numref(ax->hi));
    for (long v = lo; v <= hi; v += step) {
        long x = ax_pos_si(ax, v);
        line(b, x, top * 10, x, bottom * 10, v == 0 ? "#444" : "#ccc", v == 0 ? NULL : "stroke-width=\"0.6\"");
        if (labels) {
            Buf t;
            buf_init(&t);
            fmt_int(f, &t, v);
            buf_puts(&t, suffix);
            text(b, x, (bottom + 13) * 10, "middle", "small muted", t.data);
            buf_free(&t);
        }
        if (hi - v < step) break;
    }
}

/* ---- the key under a chart: each code the chart shows, with its name
 * (and a budget node's code), so that a printed page names what the bars
 * are; the hover titles are lost on paper ---- */

static void key_item(Buf *b, const char *id, const char *kode, const char *name)
{
    buf_puts(b, "<li><b>");
    esc(b, id);
    buf_puts(b, "</b>");
    if (kode) {
        buf_putc(b, ' ');
        esc(b, kode);
    }
    buf_puts(b, ": ");
    esc(b, name ? name : "");
    buf_puts(b, "</li>\n");
}

static void chart_key_indikator(Buf *b, const Figures *f)
{
    buf_puts(b, "<ul class=\"kunci\">\n");
    for (size_t i = 0; i < f->nind; i++) {
        key_item(b, f->ind[i].id, NULL, f->ind[i].name);
        spill(b);
    }
    buf_puts(b, "</ul>\n");
}

static void chart_key_budget(Buf *b, const Figures *f)
{
    buf_puts(b, "<ul class=\"kunci\">\n");
    for (size_t i = 0; i < f->nbudget; i++) key_item(b, f->budget[i].id, f->budget[i].kode, f->budget[i].name);
    buf_puts(b, "</ul>\n");
}

static void chart_key_sasaran(Buf *b, const Figures *f)
{
    buf_puts(b, "<ul class=\"kunci\">\n");
    for (size_t i = 0; i < f->nsasaran; i++) key_item(b, f->sasaran[i].id, NULL, f->sasaran[i].name);
    buf_puts(b, "</ul>\n");
}

/* ---- Grafik 1: capaian per indikator over the skala bands ---- */

static void chart_capaian(Buf *b, const Figures *f, int no)
{
    size_t ninds = f->nind;
    if (!ninds) return;
    size_t nb;
    BandNum *bn = bands_of(f, &nb);
    mpq_t min, max;
    mpq_inits(min, max, NULL);
    mpq_set_ui(max, 100, 1);
    for (size_t i = 0; i < ninds; i++) {
        const Value *cap = &f->ind[i].capaian;
        if (cap->kind == V_NUM) {
            if (mpq_cmp(cap->q, max) > 0) mpq_set(max, cap->q);
            if (mpq_cmp(cap->q, min) < 0) mpq_set(min, cap->q);
        }
    }
    for (size_t i = 0; i < nb; i++) {
        if (bn[i].has_lo && mpq_cmp(bn[i].lo, max) > 0) mpq_set(max, bn[i].lo);
        if (bn[i].has_hi && mpq_cmp(bn[i].hi, max) > 0) mpq_set(max, bn[i].hi);
        if (bn[i].has_lo && mpq_cmp(bn[i].lo, min) < 0) mpq_set(min, bn[i].lo);
    }
    long label_w = 40;
    for (size_t i = 0; i < ninds; i++) {
        long w = text_px(f->ind[i].id, 70) + 12;
        if (w > label_w) label_w = w;
    }
    if (label_w > 160) label_w = 160;
    const long W = 860, TOP = 8, ROW = 26, PLOT_W = W - label_w - 90;
    long plot_h = ROW * (long)ninds;
    Axis ax;
    axis_init(&ax, label_w, PLOT_W, false);
    long step = axis_nice(&ax, min, max, 12);

    LegendItem *items = xcalloc(nb + 1, sizeof *items);
    for (size_t i = 0; i < nb; i++) {
        Buf t;
        buf_init(&t);
        buf_printf(&t, "%s (", bn[i].band->label);
        band_range(f, &t, &bn[i]);
        buf_putc(&t, ')');
        items[i].fill = bn[i].colour;
        items[i].label = buf_steal(&t);
    }
    long H = TOP + plot_h + 24 + (long)legend_rows(items, nb, W - label_w) * 18 + 8;

    /* the caption names the skala by its name, never by its identifier */
    buf_printf(b, "<figure class=\"grafik-capaian\">\n<figcaption>Grafik %d. Capaian indikator kinerja tahun %d "
                  "dengan pita predikat", no, f->tahun);
    if (f->skala_name) {
        buf_puts(b, " (");
        esc(b, f->skala_name);
        buf_putc(b, ')');
    }
    buf_puts(b, "</figcaption>\n");
    svg_open(b, "capaian", W, H, "Capaian per indikator dengan pita skala predikat");
    /* bands as background */
    for (size_t i = 0; i < nb; i++) {
        long x1 = bn[i].has_lo ? ax_pos(&ax, bn[i].lo) : ax.px0 * 10;
        long x2 = bn[i].has_hi ? ax_pos(&ax, bn[i].hi) : (ax.px0 + ax.len) * 10;
        if (bn[i].has_lo && bn[i].has_hi && !mpq_cmp(bn[i].lo, bn[i].hi)) { /* a point band: keep it visible */
            x1 -= 10;
            x2 = x1 + 20;
        }
        rect(b, x1, TOP * 10, x2 - x1, plot_h * 10, bn[i].colour, NULL);
        buf_puts(b, ">");
        title(b, items[i].label);
        buf_puts(b, "</rect>\n");
    }
    x_ticks(b, f, &ax, step, TOP, TOP + plot_h, true, "%");
    /* the 100% line */
    long x100 = ax_pos_si(&ax, 100);
    line(b, x100, TOP * 10, x100, (TOP + plot_h) * 10, "#555", "stroke-dasharray=\"4 3\"");
    mpq_t zero;
    mpq_init(zero);
    long x0 = ax_pos(&ax, zero);
    for (size_t i = 0; i < ninds; i++) {
        const FigIndikator *ind = &f->ind[i];
        const Value *cap = &ind->capaian, *p = &ind->predikat;
        long y = (TOP + ROW * (long)i) * 10;
        text(b, (label_w - 8) * 10, y + 170, "end", NULL, ind->id);
        Buf t, tip;
        buf_init(&t);
        buf_init(&tip);
        fmt_percent(f, &t, cap);
        buf_printf(&tip, "%s %s: capaian %s", ind->id, ind->name ? ind->name : "", t.data);
        if (p->kind == V_TEXT) buf_printf(&tip, " (%s)", p->text);
        if (cap->kind == V_NUM) {
            long x = ax_pos(&ax, cap->q);
            rect(b, x0, y + 60, x - x0, 140, "#2F4B7C", NULL);
            buf_puts(b, ">");
            title(b, tip.data);
            buf_puts(b, "</rect>\n");
            text(b, (x > x0 ? x : x0) + 40, y + 170, "start", NULL, t.data);
        } else {
            text(b, x0 + 40, y + 170, "start", "muted", t.data);
        }
        buf_free(&t);
        buf_free(&tip);
        spill(b);
    }
    legend(b, items, nb, label_w, TOP + plot_h + 24, W - label_w);
    buf_puts(b, "</svg>\n");
    chart_key_indikator(b, f);
    buf_puts(b, "</figure>\n");
    mpq_clear(zero);
    for (size_t i = 0; i < nb; i++) free(items[i].label);
    free(items);
    mpq_clears(min, max, NULL);
    axis_clear(&ax);
    bands_free(bn, nb);
}

/* ---- Grafik 2: realisasi and target over the Renstra years ---- */

static void trend_one(Buf *b, const Figures *f, size_t idx)
{
    const FigIndikator *ind = &f->ind[idx];
    const FigYears *years = figures_years(f, idx);
    int from = f->from, to = f->to, ny = to - from + 1;
    const Value *tl = years->target, *th = years->target_hi, *re = years->realisasi;
    mpq_t min, max;
    mpq_inits(min, max, NULL);
    bool any = false;
    for (int i = 0; i < ny; i++) {
        const Value *vs[] = {&tl[i], &th[i], &re[i]};
        for (int k = 0; k < 3; k++) {
            if (vs[k]->kind != V_NUM && vs[k]->kind != V_MONEY) continue;
            if (!any || mpq_cmp(vs[k]->q, min) < 0) mpq_set(min, vs[k]->q);
            if (!any || mpq_cmp(vs[k]->q, max) > 0) mpq_set(max, vs[k]->q);
            any = true;
        }
    }
    const long H = 168, L = 14, R = 14, TOP = 34, PH = 92;
    /* wide enough that the figures of neighbouring years (drawn at the
     * same height when equal, as a run of 100,00%) do not overlap */
    long widest = 0;
    Buf lab;
    buf_init(&lab);
    for (int i = 0; i < ny; i++) {
        const Value *vs[] = {&tl[i], &re[i]};
        for (int k = 0; k < 2; k++) {
            if (vs[k]->kind != V_NUM && vs[k]->kind != V_MONEY) continue;
            buf_reset(&lab);
            fmt_input(f, &lab, ind->satuan, vs[k], k ? NULL : &th[i]);
            long w = text_px(lab.data, 60);
            if (w > widest) widest = w;
        }
    }
    buf_free(&lab);
    long W = 270;
    if (ny > 1 && (W - L - R - 28) / (ny - 1) < widest + 6) W = L + R + 28 + (ny - 1) * (widest + 6);
    Axis xa, ya;
    axis_init(&xa, L + 14, W - L - R - 28, false);
    axis_init(&ya, TOP + 16, PH - 32, true);   /* room for the figures above and below */
    mpq_set_si(xa.lo, from, 1);
    mpq_set_si(xa.hi, to > from ? to : from + 1, 1);
    if (ny == 1) {
        mpq_set_si(xa.lo, from - 1, 1);
        mpq_set_si(xa.hi, from + 1, 1);
    }
    /* pad the value range by a tenth of its span (or of the value) */
    mpq_t pad;
    mpq_init(pad);
    mpq_sub(pad, max, min);
    if (!mpq_sgn(pad)) {
        mpq_abs(pad, max);
        if (!mpq_sgn(pad)) mpq_set_ui(pad, 1, 1);
    }
    mpq_t ten;
    mpq_init(ten);
    mpq_set_ui(ten, 10, 1);
    mpq_div(pad, pad, ten);
    mpq_sub(ya.lo, min, pad);
    mpq_add(ya.hi, max, pad);
    mpq_clears(pad, ten, NULL);

    Buf t;
    buf_init(&t);
    buf_printf(&t, "Tren realisasi dan target %s", ind->id);
    svg_open(b, "tren", W, H, t.data);
    buf_reset(&t);
    buf_printf(&t, "%s %s", ind->id, ind->name ? ind->name : "");
    title(b, t.data);
    buf_putc(b, '\n');
    text(b, L * 10, 140, "start", NULL, ind->id);
    buf_reset(&t);
    if (ind->satuan) buf_printf(&t, "(%s)", ind->satuan);
    text(b, (L + text_px(ind->id, 75) + 6) * 10, 140, "start", "small muted", t.data);
    rect(b, L * 10, TOP * 10, (W - L - R) * 10, PH * 10, "#FAFAFA", "stroke=\"#ddd\"/>\n");
    /* the reporting year */
    if (f->tahun >= from && f->tahun <= to) {
        mpq_t q;
        mpq_init(q);
        mpq_set_si(q, f->tahun, 1);
        long x = ax_pos(&xa, q);
        rect(b, x - 120, TOP * 10, 240, PH * 10, "#E8EEF7", NULL);
        buf_puts(b, "/>\n");
        mpq_clear(q);
    }
    for (int i = 0; i < ny; i++) {
        mpq_t q;
        mpq_init(q);
        mpq_set_si(q, from + i, 1);
        buf_reset(&t);
        buf_printf(&t, "%d", from + i);
        text(b, ax_pos(&xa, q), (TOP + PH + 14) * 10, "middle", from + i == f->tahun ? NULL : "small muted",
             t.data);
        mpq_clear(q);
    }
    /* lines: years without a value are skipped */
    for (int k = 0; k < 2; k++) {
        const Value *vs = k ? re : tl;
        Buf pts;
        buf_init(&pts);
        int npts = 0;
        for (int i = 0; i < ny; i++) {
            if (vs[i].kind != V_NUM && vs[i].kind != V_MONEY) continue;
            mpq_t q;
            mpq_init(q);
            mpq_set_si(q, from + i, 1);
            if (npts++) buf_putc(&pts, ' ');
            px(&pts, ax_pos(&xa, q));
            buf_putc(&pts, ',');
            px(&pts, ax_pos(&ya, vs[i].q));
            mpq_clear(q);
        }
        if (npts > 1)
            buf_printf(b, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s/>\n", pts.data,
                       k ? "#1F5FAD" : "#888", k ? "2" : "1.5", k ? "" : " stroke-dasharray=\"4 3\"");
        buf_free(&pts);
    }
    /* points and their figures: the higher value labelled above its point,
     * the lower below */
    for (int i = 0; i < ny; i++) {
        mpq_t q;
        mpq_init(q);
        mpq_set_si(q, from + i, 1);
        long x = ax_pos(&xa, q);
        mpq_clear(q);
        bool re_ok = re[i].kind == V_NUM || re[i].kind == V_MONEY, tl_ok = tl[i].kind == V_NUM || tl[i].kind == V_MONEY;
        bool re_above = !tl_ok || !re_ok || mpq_cmp(re[i].q, tl[i].q) >= 0;
        if (tl_ok) {
            long y = ax_pos(&ya, tl[i].q);
            if (th[i].kind == V_NUM || th[i].kind == V_MONEY) {
                long y2 = ax_pos(&ya, th[i].q);
                line(b, x, y, x, y2, "#888", "stroke-width=\"4\" stroke-opacity=\"0.5\"");
            }
            buf_reset(&t);
            fmt_input(f, &t, ind->satuan, &tl[i], &th[i]);
            rect(b, x - 25, y - 25, 50, 50, "#888", NULL);
            buf_printf(b, "><title>target %d: ", from + i);
            esc(b, t.data);
            buf_puts(b, "</title></rect>\n");
            if (re_above) text(b, x, y + 130, "middle", "small muted", t.data);
            else text(b, x, (th[i].kind == V_NUM || th[i].kind == V_MONEY ? ax_pos(&ya, th[i].q) : y) - 60, "middle",
                      "small muted", t.data);
        }
        if (re_ok) {
            long y = ax_pos(&ya, re[i].q);
            buf_reset(&t);
            fmt_input(f, &t, ind->satuan, &re[i], NULL);
            buf_puts(b, "<circle");
            px_attr(b, "cx", x);
            px_attr(b, "cy", y);
            buf_printf(b, " r=\"3\" fill=\"#1F5FAD\"><title>realisasi %d: ", from + i);
            esc(b, t.data);
            buf_puts(b, "</title></circle>\n");
            text(b, x, re_above ? y - 60 : y + 130, "middle", "small", t.data);
        }
    }
    buf_puts(b, "</svg>\n");
    buf_free(&t);
    mpq_clears(min, max, NULL);
    axis_clear(&xa);
    axis_clear(&ya);
}

static void chart_trend(Buf *b, const Figures *f, int no)
{
    int from = f->from, to = f->to;
    if (!f->nind) return;
    buf_printf(b, "<figure class=\"grafik-tren\">\n<figcaption>Grafik %d. Realisasi dan target indikator, "
                  "tahun %d\xE2\x80\x93%d</figcaption>\n", no, from, to);
    LegendItem items[] = {{"#1F5FAD", (char *)"realisasi", true, NULL}, {"#888", (char *)"target", true, "4 3"}};
    buf_puts(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"legend\" width=\"260\" height=\"20\" "
                "viewBox=\"0 0 260 20\" role=\"img\" aria-label=\"Keterangan\">\n");
    legend(b, items, 2, 0, 2, 260);
    buf_puts(b, "</svg>\n<div class=\"multiples\">\n");
    for (size_t i = 0; i < f->nind; i++) {
        trend_one(b, f, i);
        spill(b);
    }
    buf_puts(b, "</div>\n");
    chart_key_indikator(b, f);
    buf_puts(b, "</figure>\n");
}

/* ---- Grafik 3: anggaran and realisasi per program and kegiatan ---- */

static void chart_budget(Buf *b, const Figures *f, int no)
{
    size_t nrows = f->nbudget;
    if (!nrows) return;
    mpq_t max, zero;
    mpq_inits(max, zero, NULL);
    long label_w = 50;
    for (size_t i = 0; i < nrows; i++) {
        const FigBudget *r = &f->budget[i];
        if ((r->anggaran.kind == V_MONEY || r->anggaran.kind == V_NUM) && mpq_cmp(r->anggaran.q, max) > 0) mpq_set(max, r->anggaran.q);
        if ((r->realisasi.kind == V_MONEY || r->realisasi.kind == V_NUM) && mpq_cmp(r->realisasi.q, max) > 0) mpq_set(max, r->realisasi.q);
        long w = text_px(r->id, 70) + (r->kode ? text_px(r->kode, 70) + 4 : 0) + 14 * r->level + 12;
        if (w > label_w) label_w = w;
    }
    if (label_w > 200) label_w = 200;
    if (!mpq_sgn(max)) mpq_set_ui(max, 1, 1);
    const long W = 940, TOP = 8, ROW = 24, PLOT_W = 470;
    long plot_h = ROW * (long)nrows;
    Axis ax;
    axis_init(&ax, label_w, PLOT_W, false);
    mpq_set(ax.hi, max);
    LegendItem items[] = {{"#C9D6E8", (char *)"anggaran", false, NULL}, {"#2F4B7C", (char *)"realisasi", false, NULL}};
    long H = TOP + plot_h + 10 + 18 + 8;
    buf_printf(b, "<figure class=\"grafik-anggaran\">\n<figcaption>Grafik %d. Anggaran dan realisasi per program "
                  "dan kegiatan</figcaption>\n", no);
    svg_open(b, "anggaran", W, H, "Anggaran dan realisasi per program dan kegiatan");
    long x0 = ax_pos(&ax, zero);
    line(b, x0, TOP * 10, x0, (TOP + plot_h) * 10, "#444", NULL);
    for (size_t i = 0; i < nrows; i++) {
        const FigBudget *r = &f->budget[i];
        long y = (TOP + ROW * (long)i) * 10;
        if (r->level == 0 && i > 0) line(b, 0, y, W * 10, y, "#ddd", "stroke-width=\"0.6\"");
        buf_puts(b, "<g>");
        Buf t;
        buf_init(&t);
        buf_printf(&t, "%s %s: anggaran ", r->id, r->name ? r->name : "");
        fmt_money(f, &t, &r->anggaran);
        buf_puts(&t, ", realisasi ");
        fmt_money(f, &t, &r->realisasi);
        buf_puts(&t, ", serapan ");
        fmt_percent(f, &t, &r->serapan);
        title(b, t.data);
        buf_putc(b, '\n');
        buf_reset(&t);
        buf_puts(&t, r->id);
        if (r->kode) buf_printf(&t, " %s", r->kode);   /* the SIPD code beside the identifier */
        text(b, (6 + 14 * r->level) * 10, y + 160, "start", r->level ? "small" : NULL, t.data);
        if (r->anggaran.kind == V_MONEY || r->anggaran.kind == V_NUM)
            rect(b, x0, y + 40, ax_pos(&ax, r->anggaran.q) - x0, 160, "#C9D6E8", "/>\n");
        if (r->realisasi.kind == V_MONEY || r->realisasi.kind == V_NUM)
            rect(b, x0, y + 80, ax_pos(&ax, r->realisasi.q) - x0, 80, "#2F4B7C", "/>\n");
        buf_reset(&t);
        fmt_money(f, &t, &r->realisasi);
        buf_puts(&t, " / ");
        fmt_money(f, &t, &r->anggaran);
        buf_puts(&t, "  (");
        fmt_percent(f, &t, &r->serapan);
        buf_putc(&t, ')');
        text(b, (label_w + PLOT_W + 10) * 10, y + 160, "start", r->level ? "small" : NULL, t.data);
        buf_free(&t);
        buf_puts(b, "</g>\n");
    }
    legend(b, items, 2, label_w, TOP + plot_h + 10, W - label_w);
    buf_puts(b, "</svg>\n");
    chart_key_budget(b, f);
    buf_puts(b, "</figure>\n");
    mpq_clears(max, zero, NULL);
    axis_clear(&ax);
}

/* ---- Grafik 4: capaian and serapan per sasaran (efisiensi) ---- */

static void chart_efisiensi(Buf *b, const Figures *f, int no)
{
    size_t n = f->nsasaran;
    if (!n) return;
    mpq_t min, max, zero;
    mpq_inits(min, max, zero, NULL);
    mpq_set_ui(max, 100, 1);
    long label_w = 40;
    for (size_t i = 0; i < n; i++) {
        const FigSasaran *sa = &f->sasaran[i];
        const Value *vs[] = {&sa->capaian, &sa->serapan};
        for (int k = 0; k < 2; k++) {
            if (vs[k]->kind != V_NUM) continue;
            if (mpq_cmp(vs[k]->q, max) > 0) mpq_set(max, vs[k]->q);
            if (mpq_cmp(vs[k]->q, min) < 0) mpq_set(min, vs[k]->q);
        }
        long w = text_px(sa->id, 70) + 12;
        if (w > label_w) label_w = w;
    }
    if (label_w > 160) label_w = 160;
    const long TOP = 8, ROW = 34, PLOT_W = 560, W = label_w + PLOT_W + 170;
    long plot_h = ROW * (long)n;
    Axis ax;
    axis_init(&ax, label_w, PLOT_W, false);
    long step = axis_nice(&ax, min, max, 12);
    LegendItem items[] = {{"#2F4B7C", (char *)"capaian", false, NULL}, {"#E08A2C", (char *)"serapan anggaran", false, NULL}};
    long H = TOP + plot_h + 24 + 18 + 8;
    buf_printf(b, "<figure class=\"grafik-efisiensi\">\n<figcaption>Grafik %d. Capaian dan serapan anggaran per "
                  "sasaran (efisien bila capaian melebihi serapan)</figcaption>\n", no);
    svg_open(b, "efisiensi", W, H, "Capaian dan serapan per sasaran");
    x_ticks(b, f, &ax, step, TOP, TOP + plot_h, true, "%");
    long x0 = ax_pos(&ax, zero);
    for (size_t i = 0; i < n; i++) {
        const FigSasaran *sa = &f->sasaran[i];
        long y = (TOP + ROW * (long)i) * 10;
        if (i) line(b, 0, y, W * 10, y, "#eee", NULL);
        text(b, (label_w - 8) * 10, y + 210, "end", NULL, sa->id);
        const Value *vs[] = {&sa->capaian, &sa->serapan};
        const char *fill[] = {"#2F4B7C", "#E08A2C"};
        const char *what[] = {"capaian", "serapan"};
        for (int k = 0; k < 2; k++) {
            long yb = y + 50 + 120 * k;
            Buf t;
            buf_init(&t);
            fmt_percent(f, &t, vs[k]);
            if (vs[k]->kind == V_NUM) {
                long x = ax_pos(&ax, vs[k]->q);
                rect(b, x0, yb, x - x0, 110, fill[k], NULL);
                buf_printf(b, "><title>%s %s: ", sa->id, what[k]);
                esc(b, t.data);
                buf_puts(b, "</title></rect>\n");
                text(b, (x > x0 ? x : x0) + 40, yb + 95, "start", "small", t.data);
            } else {
                text(b, x0 + 40, yb + 95, "start", "small muted", t.data);
            }
            buf_free(&t);
        }
        const char *verdict = sa->efisiensi.kind == V_TEXT ? sa->efisiensi.text : "-";
        const char *colour = !strcmp(verdict, "Efisien") ? "#2E7D32" : !strcmp(verdict, "-") ? "#888" : "#C62828";
        buf_puts(b, "<text");
        px_attr(b, "x", (label_w + PLOT_W + 70) * 10);
        px_attr(b, "y", y + 210);
        buf_printf(b, " style=\"fill:%s;font-weight:bold\">", colour);
        esc(b, verdict);
        buf_puts(b, "</text>\n");
    }
    legend(b, items, 2, label_w, TOP + plot_h + 24, W - label_w);
    buf_puts(b, "</svg>\n");
    chart_key_sasaran(b, f);
    buf_puts(b, "</figure>\n");
    mpq_clears(min, max, zero, NULL);
    axis_clear(&ax);
}

/* ---- periods inside a year (sakip(5), PERIODS): per IKU, target and
 * realisasi by period; per program, cumulative realisasi against the
 * rencana.  Drawn from the rows of the rencana_aksi and serapan_periode
 * tables (their exact machine forms). ---- */

/* The exact value of a cell's machine form ("83.55", "-150000"), false
 * when the cell has none. */
static bool cell_q(const Cell *c, mpq_t out)
{
    if (c->kind == CELL_UNDEF || !c->plain) return false;
    const char *s = c->plain;
    bool neg = *s == '-';
    if (neg) s++;
    mpz_t num, den;
    mpz_inits(num, den, NULL);
    mpz_set_ui(den, 1);
    bool ok = *s != '\0';
    for (; *s && ok; s++) {
        if (*s == '.') continue;
        if (*s < '0' || *s > '9') ok = false;
        else mpz_mul_ui(num, num, 10), mpz_add_ui(num, num, (unsigned long)(*s - '0'));
    }
    const char *dot = strchr(c->plain, '.');
    if (dot)
        for (const char *t = dot + 1; *t; t++) mpz_mul_ui(den, den, 10);
    if (ok) {
        mpq_set_num(out, num);
        mpq_set_den(out, den);
        mpq_canonicalize(out);
        if (neg) mpq_neg(out, out);
    }
    mpz_clears(num, den, NULL);
    return ok;
}

/* One small chart: two series (columns ca, cb of rows [from, to)) over
 * the periods (column 2). */
static void period_chart(Buf *b, const Table *t, size_t from, size_t to, int ca, int cb, const char *la,
                         const char *lb, const char *caption)
{
    size_t n = to - from;
    if (n == 0) return;
    const long L = 56, TOP = 10, PW = 300, PH = 120, W = L + PW + 16, H = TOP + PH + 22 + 24;
    mpq_t v, min, max;
    mpq_inits(v, min, max, NULL);
    bool any = false;
    for (size_t r = from; r < to; r++) {
        const Cell *row = t->rows.items[r];
        for (int k = 0; k < 2; k++)
            if (cell_q(&row[k ? cb : ca], v)) {
                if (!any || mpq_cmp(v, min) < 0) mpq_set(min, v);
                if (!any || mpq_cmp(v, max) > 0) mpq_set(max, v);
                any = true;
            }
    }
    if (!any) {
        mpq_clears(v, min, max, NULL);
        return;
    }
    Axis ay;
    axis_init(&ay, TOP, PH, true);
    /* the range of the values, not from zero: a change of a few points shows */
    long lo, hi;
    {
        mpz_t z;
        mpz_init(z);
        mpz_fdiv_q(z, mpq_numref(min), mpq_denref(min));
        lo = mpz_fits_slong_p(z) ? mpz_get_si(z) : 0;
        mpz_cdiv_q(z, mpq_numref(max), mpq_denref(max));
        hi = mpz_fits_slong_p(z) ? mpz_get_si(z) : lo + 1;
        mpz_clear(z);
    }
    if (hi <= lo) hi = lo + 1;
    long step = nice_step(hi - lo, 5);
    lo = (lo >= 0 ? lo / step : -((-lo + step - 1) / step)) * step;
    hi = (hi >= 0 ? (hi + step - 1) / step : -(-hi / step)) * step;
    mpq_set_si(ay.lo, lo, 1);
    mpq_set_si(ay.hi, hi, 1);
    buf_puts(b, "<figure class=\"grafik-periode\">\n<figcaption>");
    esc(b, caption);
    buf_puts(b, "</figcaption>\n");
    svg_open(b, "periode", W, H, caption);
    for (long y = mpz_get_si(mpq_numref(ay.lo)); y <= mpz_get_si(mpq_numref(ay.hi)); y += step) {
        long py = ax_pos_si(&ay, y);
        line(b, L * 10, py, (L + PW) * 10, py, "#eee", NULL);
        char lab[32];
        snprintf(lab, sizeof lab, "%ld", y);
        text(b, (L - 4) * 10, py + 35, "end", "small muted", lab);
    }
    const char *colour[] = {"#2F4B7C", "#E08A2C"};
    for (int k = 0; k < 2; k++) {
        buf_printf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"", colour[k],
                   k ? "" : " stroke-dasharray=\"5 3\"");
        bool first = true;
        for (size_t r = from; r < to; r++) {
            const Cell *row = t->rows.items[r];
            if (!cell_q(&row[k ? cb : ca], v)) continue;
            long x = (L + (long)(r - from) * PW / (long)(n > 1 ? n - 1 : 1)) * 10;
            if (!first) buf_putc(b, ' ');
            px(b, x);
            buf_putc(b, ',');
            px(b, ax_pos(&ay, v));
            first = false;
        }
        buf_puts(b, "\"/>\n");
    }
    for (size_t r = from; r < to; r++) {
        const Cell *row = t->rows.items[r];
        long x = (L + (long)(r - from) * PW / (long)(n > 1 ? n - 1 : 1)) * 10;
        text(b, x, (TOP + PH + 14) * 10, "middle", "small", row[2].text);
    }
    LegendItem items[] = {{"#2F4B7C", (char *)la, true, "5 3"}, {"#E08A2C", (char *)lb, true, NULL}};
    legend(b, items, 2, L, TOP + PH + 22, PW);
    buf_puts(b, "</svg>\n</figure>\n");
    axis_clear(&ay);
    mpq_clears(v, min, max, NULL);
}

/* The charts of a table of periods: one per indikator (rencana_aksi) or
 * program (serapan_periode). */
static void chart_periods(Buf *b, const Table *t, int *no)
{
    bool aksi = !strcmp(t->key, "rencana_aksi");
    size_t i = 0;
    while (i < t->rows.len) {
        const Cell *row = t->rows.items[i];
        size_t j = i + 1;
        while (j < t->rows.len && !strcmp(((const Cell *)t->rows.items[j])[0].text, row[0].text)) j++;
        if (aksi || row[0].indent == 0) {
            Buf cap;
            buf_init(&cap);
            if (aksi) {
                buf_printf(&cap, "Grafik %d. Target dan realisasi %s per periode", ++*no, row[0].text);
                period_chart(b, t, i, j, 3, 4, "target", "realisasi", cap.data);
            } else {
                buf_printf(&cap, "Grafik %d. Rencana dan realisasi kumulatif %s", ++*no, row[0].text);
                period_chart(b, t, i, j, 5, 6, "rencana s.d.", "realisasi s.d.", cap.data);
            }
            buf_free(&cap);
            spill(b);
        }
        i = j;
    }
}

/* ---- units ---- */

static void simulasi_banner(Buf *b, const Vec *andai)
{
    buf_puts(b, "<div class=\"simulasi\" role=\"note\">");
    esc(b, report_simulasi_banner);
    for (size_t i = 0; i < andai->len; i++) {
        buf_puts(b, "<br><code>");
        esc(b, andai->items[i]);
        buf_puts(b, "</code>");
    }
    buf_puts(b, "</div>\n");
}

void report_html_watermark(Buf *b) { buf_puts(b, "<div class=\"watermark\" aria-hidden=\"true\">SIMULASI</div>\n"); }

/* The kop of an official document: the induk's government, the instansi,
 * the report and its year (upper case by the style sheet). */
static void kop(Buf *b, const Report *r)
{
    buf_puts(b, "<header class=\"kop\">\n");
    if (r->induk) {
        buf_puts(b, "<p class=\"kop1\">");
        if (strncasecmp(r->induk, "pemerintah", 10)) buf_puts(b, "Pemerintah ");
        esc(b, r->induk);
        buf_puts(b, "</p>\n");
    }
    buf_puts(b, "<p class=\"kop2\">");
    esc(b, r->nama ? r->nama : "(instansi tanpa nama)");
    buf_printf(b, "</p>\n<p class=\"kop3\">Laporan Kinerja Instansi Pemerintah Tahun %d</p>\n</header>\n", r->tahun);
}

/* The signature block of the kepala, with room for the place, date,
 * signature and stamp. */
static void signature(Buf *b, const Report *r)
{
    buf_printf(b, "<div class=\"ttd\">\n<p>\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6, "
                  "\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6 %d</p>\n<p>Kepala ", r->tahun + 1);
    esc(b, r->nama ? r->nama : "");
    buf_puts(b, "</p>\n<p class=\"ruang\"></p>\n<p class=\"nama\">");
    if (r->kepala) esc(b, r->kepala);
    else buf_puts(b, "(\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6)");
    buf_puts(b, "</p>\n</div>\n");
}

/* The claims, as an appendix after the signature: on paper only the
 * failing ones unless every claim was asked for (--klaim=semua). */
static void claims_appendix(Buf *b, const Report *r, const Table *t)
{
    size_t failed = 0;
    for (size_t i = 0; i < t->rows.len; i++) {
        const Cell *row = t->rows.items[i];
        failed += t->ncols > 1 && row[1].text && !strcmp(row[1].text, "SALAH");
    }
    buf_printf(b, "<section class=\"lampiran%s\">\n", r->print_all_claims ? "" : " salah-saja");
    if (r->andai.len) simulasi_banner(b, &r->andai);
    buf_puts(b, "<h2>Lampiran</h2>\n");
    if (!r->print_all_claims)
        buf_printf(b, "<p class=\"cetak\">Dicetak hanya klaim yang tidak terpenuhi: %zu dari %zu klaim "
                      "(semua klaim: sakip eval --format=html --klaim=semua).</p>\n", failed, (size_t)t->rows.len);
    table_html(b, t);
    buf_puts(b, "</section>\n");
}

void report_html_open(Buf *b, const Report *r, HtmlUnit *u, FILE *out)
{
    spill_out = out;
    buf_puts(b, "<section>\n");
    if (r->andai.len) simulasi_banner(b, &r->andai);
    kop(b, r);
    buf_puts(b, "<h1>");
    esc(b, r->heading);
    buf_puts(b, "</h1>\n");
    for (size_t i = 0; i < r->subheading.len; i++) {
        buf_puts(b, "<p class=\"sub\">");
        esc(b, r->subheading.items[i]);
        buf_puts(b, "</p>\n");
    }
    /* each chart follows the table it pictures; the trend follows the
     * table of realisasi per year (tren) when the report has one */
    u->no = 0;
    u->has_years = false;
    u->claims = NULL;
    for (size_t i = 0; i < r->keys.len; i++) u->has_years |= !strcmp(r->keys.items[i], "tren");
}

bool report_html_table(Buf *b, HtmlUnit *u, const Table *t, const Figures *f)
{
    if (!strcmp(t->key, "periksa")) {
        u->claims = t;
        return false;
    }
    table_html(b, t);
    if (!f) return true;
    if (!strcmp(t->key, "capaian_iku")) {
        chart_capaian(b, f, ++u->no);
        if (!u->has_years) chart_trend(b, f, ++u->no);
    } else if (!strcmp(t->key, "tren")) {
        chart_trend(b, f, ++u->no);
    } else if (!strcmp(t->key, "anggaran")) {
        if (f->nbudget) chart_budget(b, f, ++u->no);
    } else if (!strcmp(t->key, "efisiensi")) {
        if (f->nsasaran) chart_efisiensi(b, f, ++u->no);
    } else if (!strcmp(t->key, "rencana_aksi") || !strcmp(t->key, "serapan_periode")) {
        chart_periods(b, t, &u->no);
    }
    return true;
}

void report_html_close(Buf *b, const Report *r, HtmlUnit *u)
{
    signature(b, r);
    buf_puts(b, "</section>\n");
    if (u->claims) claims_appendix(b, r, u->claims);
    spill_out = NULL;
}

void report_html_results(Buf *b, const Report *r, const Figures *f)
{
    HtmlUnit u;
    report_html_open(b, r, &u, NULL);
    for (size_t i = 0; i < r->tables.len; i++) report_html_table(b, &u, r->tables.items[i], f);
    report_html_close(b, r, &u);
}

void report_html_unit(Buf *b, Eval *ev, const Report *r)
{
    Figures *f = report_figures(ev);
    report_html_results(b, r, f);
    figures_free(f);
}

void report_html_recap(Buf *b, const Table *recap, const Vec *andai)
{
    buf_puts(b, "<section>\n");
    if (andai && andai->len) simulasi_banner(b, andai);
    buf_puts(b, "<h1>Rekapitulasi</h1>\n");
    table_html(b, recap);
    buf_puts(b, "</section>\n");
}

void report_html_end(Buf *b) { buf_puts(b, "</body>\n</html>\n"); }
