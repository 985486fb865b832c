/* report_xlsx.c -- `eval --format=xlsx` with libxlsxwriter (doc/formats.md).
 *
 * One sheet per table, named by its identifier (sakip(5), TABLES:
 * "capaian_iku", "anggaran", ..., "periksa", and "rekap" for several
 * files), whatever its title.  With several instansi every
 * sheet gets a leading "Instansi" column and the rows of all of them.
 * Figures are stored as spreadsheet numbers with a number format derived
 * from sakip's display text (decimals, thousands grouping, the "Rp "
 * prefix), so the sheet shows what the text report shows.  Every sheet
 * opens with a title row (the table's title, the instansi and year), has
 * an autofilter on its header, and the figures that follow from others
 * are formulas with their values cached: the budget tree's sums and
 * Jumlah, serapan, the predikat counts and the mean capaian, so editing a
 * realisasi in a spreadsheet updates what depends on it.  The workbook is
 * written to a temporary file beside the target and renamed into place. */
#include <config.h>
#include "report.h"
#include "output.h"

#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <strings.h>
#include <xlsxwriter.h>

enum {
    MIN_WIDTH = 5,
    MAX_WIDTH = 60,
    MAX_INDENT = 15,
    MAX_DECIMALS = 15,
};

/* ---- display text -> number and number format ---- */

typedef struct Shape {
    bool rp;                 /* "Rp " prefix */
    bool plus;               /* a written '+' (Tabel 3.3's changes) */
    bool grouped;            /* thousands separators shown */
    int decimals;
    char norm[96];           /* the displayed figure, '.' decimal, no grouping */
} Shape;

/* Reads a figure as sakip displays it ("Rp 2.941.063.617", "101,99%",
 * "1,234.50") into its shape.  `plain` (the exact machine form) settles
 * the one ambiguous case, a single separator followed by three digits.
 * Returns false when the text is not a plain figure (a range, a word). */
static bool display_shape(const char *text, const char *plain, Shape *sh)
{
    memset(sh, 0, sizeof *sh);
    const char *p = text;
    if (!strncmp(p, "Rp ", 3)) {
        sh->rp = true;
        p += 3;
    }
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    } else if (*p == '+') {
        sh->plus = true;
        p++;
    }
    const char *start = p;
    size_t seps[64], nsep = 0;
    while ((*p >= '0' && *p <= '9') || *p == '.' || *p == ',') {
        if (*p == '.' || *p == ',') {
            if (nsep == sizeof seps / sizeof seps[0]) return false;
            seps[nsep++] = (size_t)(p - start);
        }
        p++;
    }
    size_t len = (size_t)(p - start);
    if (len == 0 || (*p && strcmp(p, "%"))) return false;
    if (start[0] < '0' || start[0] > '9' || start[len - 1] < '0' || start[len - 1] > '9') return false;
    /* which separator, if any, is the decimal one */
    long dec = -1;
    if (nsep) {
        size_t last = seps[nsep - 1];
        size_t after = len - last - 1;
        bool mixed = false;
        for (size_t i = 0; i + 1 < nsep; i++) mixed |= start[seps[i]] != start[last];
        if (after != 3 || mixed) {
            dec = (long)last;
        } else if (nsep == 1) {
            /* "1.234": 1234 grouped or 1,234 with three decimals */
            char as_dec[96], as_grp[96];
            if (len >= sizeof as_dec) return false;
            memcpy(as_dec, start, len);
            as_dec[len] = '\0';
            as_dec[last] = '.';
            size_t k = 0;
            for (size_t i = 0; i < len; i++)
                if (i != last) as_grp[k++] = start[i];
            as_grp[k] = '\0';
            double v = plain ? strtod(plain, NULL) : 0, a = strtod(as_dec, NULL), g = strtod(as_grp, NULL);
            if (v < 0) v = -v;
            a = a > v ? a - v : v - a;
            g = g > v ? g - v : v - g;
            if (a < g) dec = (long)last;
        }
    }
    /* every other separator groups thousands: one kind, three digits apart */
    char gsep = 0;
    size_t k = 0;
    if (neg) sh->norm[k++] = '-';
    for (size_t i = 0; i < len; i++) {
        if (k + 2 >= sizeof sh->norm) return false;
        char c = start[i];
        if ((long)i == dec) {
            sh->norm[k++] = '.';
        } else if (c == '.' || c == ',') {
            if ((gsep && c != gsep) || (dec >= 0 && c == start[dec])) return false;
            gsep = c;
            sh->grouped = true;
        } else {
            sh->norm[k++] = c;
        }
    }
    sh->norm[k] = '\0';
    sh->decimals = dec >= 0 ? (int)(len - (size_t)dec - 1) : 0;
    return sh->decimals <= MAX_DECIMALS;
}

/* plain ("-12.3456") rounded half away from zero to d decimals, as a
 * spreadsheet rounds for display. */
static void round_half_up(const char *plain, int d, char *out, size_t outsz)
{
    const char *p = plain;
    bool neg = *p == '-';
    if (neg) p++;
    char digits[128];
    size_t n = 0, ndec = 0;
    bool in_frac = false;
    for (; *p && n + 1 < sizeof digits; p++) {
        if (*p == '.') { in_frac = true; continue; }
        if (in_frac) {
            if ((int)ndec > d) break;     /* one guard digit is enough */
            ndec++;
        }
        digits[n++] = *p;
    }
    while ((int)ndec < d + 1 && n + 1 < sizeof digits) {
        digits[n++] = '0';
        ndec++;
    }
    if (n == 0) {
        snprintf(out, outsz, "0");
        return;
    }
    bool up = digits[n - 1] >= '5';
    n--;                                  /* drop the guard digit */
    for (size_t i = n; up && i-- > 0;) {
        if (digits[i] == '9') digits[i] = '0';
        else { digits[i]++; up = false; }
    }
    size_t nint = n - (size_t)d;
    size_t k = 0;
    if (neg && k + 1 < outsz) out[k++] = '-';
    if (up && k + 1 < outsz) out[k++] = '1';
    for (size_t i = 0; i < n && k + 2 < outsz; i++) {
        if (i == nint) out[k++] = '.';
        out[k++] = digits[i];
    }
    out[k] = '\0';
}

/* ---- workbook state ---- */

typedef struct FmtEntry {
    char *num;               /* number format, NULL for none */
    int indent;
    bool right;
    lxw_format *f;
} FmtEntry;

typedef struct Writer {
    lxw_workbook *wb;
    Vec fmts;                /* FmtEntry* */
    lxw_format *header, *note, *simulasi_fmt, *title_fmt;
    const char *heading;     /* the title row's second part: the instansi line, or the recap's */
    char *simulasi;          /* a what-if workbook: the title row of every sheet, else NULL */
    Vec sheet_names;         /* char*, to keep them distinct */
    lxw_error err;           /* first failure */
} Writer;

static lxw_format *fmt_get(Writer *w, const char *num, int indent, bool right)
{
    if (indent > MAX_INDENT) indent = MAX_INDENT;
    if (indent < 0) indent = 0;
    for (size_t i = 0; i < w->fmts.len; i++) {
        FmtEntry *e = w->fmts.items[i];
        if (e->indent == indent && e->right == right && ((!e->num && !num) || (e->num && num && !strcmp(e->num, num))))
            return e->f;
    }
    FmtEntry *e = xcalloc(1, sizeof *e);
    e->num = num ? xstrdup(num) : NULL;
    e->indent = indent;
    e->right = right;
    e->f = workbook_add_format(w->wb);
    if (e->f) {
        if (num) format_set_num_format(e->f, num);
        if (indent) format_set_indent(e->f, (uint8_t)indent);
        if (right) format_set_align(e->f, LXW_ALIGN_RIGHT);
    }
    vec_push(&w->fmts, e);
    return e->f;
}

static void check(Writer *w, lxw_error e)
{
    if (e != LXW_NO_ERROR && w->err == LXW_NO_ERROR) w->err = e;
}

/* Widths in characters: the longest display text of each column. */
static void widen(double *width, int col, const char *s, int indent)
{
    double n = (double)utf8_width(s, strlen(s)) + 2.0 * indent + 2.0;
    if (n > width[col]) width[col] = n;
}

/* A text the file gave (a band label, an instansi's name), escaped as
 * write_cell escapes a text cell. */
static void write_text(Writer *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *text, lxw_format *f)
{
    if (!text_formula_like(text)) {
        check(w, worksheet_write_string(ws, r, c, text, f));
        return;
    }
    Buf q;
    buf_init(&q);
    buf_printf(&q, "'%s", text);
    check(w, worksheet_write_string(ws, r, c, q.data, f));
    buf_free(&q);
}

/* Writes a cell: a figure as a number (or as `formula`, when given, with
 * the number as its cached value), else its text.  Returns whether the
 * number stored is the exact figure (not the one shown under `atur
 * pembulatan`), so that a formula over it gives sakip's value. */
static bool write_cell(Writer *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const Cell *cell, bool right,
                       const char *formula)
{
    const char *text = cell->text ? cell->text : "";
    if ((cell->kind == CELL_NUM || cell->kind == CELL_MONEY) && cell->plain) {
        Shape sh;
        if (display_shape(text, cell->plain, &sh)) {
            /* The exact figure, unless the file's `atur pembulatan` shows
             * it differently from a spreadsheet's half-up display: then the
             * figure as shown, so the sheet agrees with the report. */
            char half[128];
            round_half_up(cell->plain, sh.decimals, half, sizeof half);
            double shown = strtod(sh.norm, NULL);
            bool exact = strtod(half, NULL) == shown;
            double v = exact ? strtod(cell->plain, NULL) : shown;
            Buf f, one;
            buf_init(&f);
            buf_init(&one);
            if (sh.rp) buf_puts(&one, "\"Rp \"");
            buf_puts(&one, sh.grouped ? "#,##0" : "0");
            if (sh.decimals) {
                buf_putc(&one, '.');
                for (int i = 0; i < sh.decimals; i++) buf_putc(&one, '0');
            }
            /* a signed change: "+0.00;-0.00;0.00" */
            if (sh.plus) buf_printf(&f, "+%s;-%s;%s", one.data, one.data, one.data);
            else buf_puts(&f, one.data);
            /* a figure shown rounded otherwise than a spreadsheet rounds
             * is stored as shown, and a formula would recompute it: then
             * the figure alone */
            if (formula && exact) check(w, worksheet_write_formula_num(ws, r, c, formula, fmt_get(w, f.data, 0, false), v));
            else check(w, worksheet_write_number(ws, r, c, v, fmt_get(w, f.data, 0, false)));
            buf_free(&f);
            buf_free(&one);
            return exact;
        }
    }
    if (!*text) return false;
    /* a string cell is never run, but the same text edited, or saved as
     * CSV, would be a formula: a leading ' as in the CSV output
     * (libxlsxwriter 1.1 has no quote-prefix format) */
    write_text(w, ws, r, c, text, fmt_get(w, NULL, cell->indent, right));
    return false;
}

/* The union of the headers of one table key over all units, in order of
 * first appearance (Tabel 3.7 has one column per band of each skala). */
static int header_index(Vec *headers, const char *h, bool add)
{
    for (size_t i = 0; i < headers->len; i++)
        if (!strcmp(headers->items[i], h)) return (int)i;
    if (!add) return -1;
    vec_push(headers, (void *)h);
    return (int)headers->len - 1;
}

/* The sheet of a table: its identifier ("capaian_iku", "anggaran",
 * "rekap"), without the characters a sheet name cannot hold, at most 31
 * long. */
static void sheet_name(const Table *t, const Vec *taken, char *out, size_t n)
{
    const char *title = t->key;
    size_t len = strlen(title);
    size_t k = 0;
    for (size_t i = 0; i < len && k + 1 < n; i++) {
        unsigned char c = (unsigned char)title[i];
        if (strchr("[]:*?/\\'", c)) c = ' ';
        out[k++] = (char)c;
    }
    out[k] = '\0';
    /* at most 31 characters, not cutting a UTF-8 sequence */
    size_t chars = 0, cut = 0;
    for (size_t i = 0; out[i]; i++)
        if (((unsigned char)out[i] & 0xC0) != 0x80 && ++chars > 31) {
            cut = i;
            break;
        }
    if (cut) out[cut] = '\0';
    for (size_t l = strlen(out); l && out[l - 1] == ' ';) out[--l] = '\0';
    if (!*out) snprintf(out, n, "Tabel");
    /* a name already used gets " (2)", " (3)", ... */
    char base[64];
    snprintf(base, sizeof base, "%.24s", out);
    for (int i = 2;; i++) {
        bool used = false;
        for (size_t j = 0; j < taken->len && !used; j++) used = !strcasecmp(taken->items[j], out);
        if (!used) break;
        snprintf(out, n, "%s (%d)", base, i);
    }
}

/* Page header for printing: the table's title ('&' doubled). */
static void print_header(Writer *w, lxw_worksheet *ws, const char *title)
{
    Buf b;
    buf_init(&b);
    buf_puts(&b, "&C");
    for (const char *s = title; *s && b.len < 240; s++) {
        if (*s == '&') buf_putc(&b, '&');
        buf_putc(&b, *s);
    }
    check(w, worksheet_set_header(ws, b.data));
    buf_free(&b);
}

/* ---- formulas: the figures that follow from other cells ---- */

enum { MAX_FORMULA_REFS = 200 };   /* more terms: the figure alone */

static int column_of(const Table *t, const char *header)
{
    for (int c = 0; c < t->ncols; c++)
        if (!strcmp(t->headers[c], header)) return c;
    return -1;
}

static bool is_figure(const Cell *cell)
{
    return (cell->kind == CELL_NUM || cell->kind == CELL_MONEY) && cell->plain;
}

static bool is_jumlah_row(const Cell *cells)
{
    return cells[0].text && !strcmp(cells[0].text, "Jumlah");
}

/* "=SUM(C3,C9,C14)" over the rows `rows` (table rows, at sheet rows
 * first + r) of sheet column `col`; NULL past MAX_FORMULA_REFS. */
static char *sum_formula(const Vec *rows, lxw_row_t first, lxw_col_t col)
{
    if (!rows->len || rows->len > MAX_FORMULA_REFS) return NULL;
    Buf b;
    buf_init(&b);
    buf_puts(&b, "=SUM(");
    for (size_t i = 0; i < rows->len; i++) {
        char ref[LXW_MAX_CELL_NAME_LENGTH];
        lxw_rowcol_to_cell(ref, first + (lxw_row_t)(uintptr_t)rows->items[i], col);
        buf_printf(&b, "%s%s", i ? "," : "", ref);
    }
    buf_putc(&b, ')');
    return buf_steal(&b);
}

/* The formula of cell (r, c) of table t, its rows at sheet rows first +
 * r and its columns at map[c]; NULL when it is a figure of its own.
 * anggaran: a node with children sums them, Jumlah sums the programs,
 * serapan is realisasi / anggaran x 100; predikat: Jumlah counts the
 * ticks above it. */
static char *cell_formula(const Table *t, size_t r, int c, const int *map, lxw_row_t first)
{
    const Cell *cells = t->rows.items[r];
    if (!is_figure(&cells[c])) return NULL;
    Vec rows = {0};
    char *f = NULL;
    if (!strcmp(t->key, "anggaran")) {
        int ca = column_of(t, "Anggaran"), cr = column_of(t, "Realisasi"), cs = column_of(t, "Serapan");
        if (c == cs && ca >= 0 && cr >= 0 && is_figure(&cells[ca]) && is_figure(&cells[cr])) {
            char a[LXW_MAX_CELL_NAME_LENGTH], re[LXW_MAX_CELL_NAME_LENGTH];
            lxw_rowcol_to_cell(a, first + (lxw_row_t)r, (lxw_col_t)map[ca]);
            lxw_rowcol_to_cell(re, first + (lxw_row_t)r, (lxw_col_t)map[cr]);
            Buf b;
            buf_init(&b);
            buf_printf(&b, "=%s/%s*100", re, a);
            return buf_steal(&b);
        }
        if (c != ca && c != cr) return NULL;
        if (is_jumlah_row(cells)) {
            for (size_t k = 0; k < r; k++)
                if (((const Cell *)t->rows.items[k])[0].indent == 0) vec_push(&rows, (void *)(uintptr_t)k);
        } else {
            int level = cells[0].indent;
            for (size_t k = r + 1; k < t->rows.len; k++) {
                const Cell *below = t->rows.items[k];
                if (below[0].indent <= level || is_jumlah_row(below)) break;
                if (below[0].indent == level + 1) vec_push(&rows, (void *)(uintptr_t)k);
            }
        }
        for (size_t i = 0; i < rows.len; i++)
            if (!is_figure(&((const Cell *)t->rows.items[(uintptr_t)rows.items[i]])[c])) rows.len = 0;
        f = sum_formula(&rows, first, (lxw_col_t)map[c]);
    } else if (!strcmp(t->key, "predikat") && is_jumlah_row(cells) && r > 0) {
        char top[LXW_MAX_CELL_NAME_LENGTH], bottom[LXW_MAX_CELL_NAME_LENGTH];
        lxw_rowcol_to_cell(top, first, (lxw_col_t)map[c]);
        lxw_rowcol_to_cell(bottom, first + (lxw_row_t)r - 1, (lxw_col_t)map[c]);
        Buf b;
        buf_init(&b);
        buf_printf(&b, "=COUNTA(%s:%s)", top, bottom);
        f = buf_steal(&b);
    }
    vec_free(&rows);
    return f;
}

/* capaian_iku of one instansi: the mean capaian as a row of its own under
 * the table, a formula over the Capaian column when the mean is a plain
 * one over figures stored exactly (capaian_exact). */
static void write_mean_row(Writer *w, lxw_worksheet *ws, lxw_row_t row, const Table *t, const int *map,
                           lxw_row_t first, bool capaian_exact)
{
    int cc = column_of(t, "Capaian");
    if (!t->mean_plain || cc < 0 || !t->rows.len) return;
    Cell mean = {.kind = CELL_NUM, .plain = t->mean_plain};
    /* shown like the Capaian figures: their decimals, no '%' */
    const Cell *like = NULL;
    for (size_t r = 0; r < t->rows.len && !like; r++)
        if (is_figure(&((const Cell *)t->rows.items[r])[cc])) like = &((const Cell *)t->rows.items[r])[cc];
    Shape sh = {0};
    if (like) display_shape(like->text, like->plain, &sh);
    char shown[128];
    round_half_up(t->mean_plain, sh.decimals, shown, sizeof shown);
    Buf text, f;
    buf_init(&text);
    buf_init(&f);
    for (const char *s = shown; *s; s++) buf_putc(&text, *s == '.' ? ',' : *s);
    mean.text = text.data;
    if (t->mean_formula && capaian_exact && t->rows.len <= MAX_FORMULA_REFS) {
        buf_puts(&f, "=AVERAGE(");
        for (size_t r = 0; r < t->rows.len; r++) {
            char ref[LXW_MAX_CELL_NAME_LENGTH];
            lxw_rowcol_to_cell(ref, first + (lxw_row_t)r, (lxw_col_t)map[cc]);
            if (t->mean_cap) buf_printf(&f, "%sMIN(%s,%s)", r ? "," : "", ref, t->mean_cap);
            else buf_printf(&f, "%s%s", r ? "," : "", ref);
        }
        buf_putc(&f, ')');
    }
    check(w, worksheet_write_string(ws, row, (lxw_col_t)map[0], "Rata-rata capaian indikator", w->header));
    write_cell(w, ws, row, (lxw_col_t)map[cc], &mean, true, f.len ? f.data : NULL);
    buf_free(&text);
    buf_free(&f);
}

/* One sheet: the tables with this key from every unit (or the recap). */
static void write_sheet(Writer *w, const char *key, const Vec *units, const Table *recap, bool multi)
{
    /* the tables making this sheet, with the instansi each belongs to */
    Vec tables = {0}, names = {0};
    if (recap) {
        vec_push(&tables, (void *)recap);
        vec_push(&names, NULL);
    } else {
        for (size_t u = 0; u < units->len; u++) {
            const XlsxUnit *xu = units->items[u];
            for (size_t i = 0; i < xu->report->tables.len; i++) {
                const Table *t = xu->report->tables.items[i];
                if (!strcmp(t->key, key)) {
                    vec_push(&tables, (void *)t);
                    vec_push(&names, xu->nama);
                }
            }
        }
    }
    if (!tables.len) {
        vec_free(&tables);
        vec_free(&names);
        return;
    }
    /* a column holding ranges is two number columns (target, target atas) */
    Vec split = {0};
    for (size_t i = 0; i < tables.len; i++) {
        Table *s = table_split_ranges(tables.items[i]);
        if (s) {
            tables.items[i] = s;
            vec_push(&split, s);
        }
    }
    char nb[128];
    sheet_name(tables.items[0], &w->sheet_names, nb, sizeof nb);
    lxw_error bad = workbook_validate_sheet_name(w->wb, nb);
    lxw_worksheet *ws = bad == LXW_NO_ERROR ? workbook_add_worksheet(w->wb, nb) : NULL;
    if (!ws) {
        check(w, bad != LXW_NO_ERROR ? bad : LXW_ERROR_MEMORY_MALLOC_FAILED);
        vec_free(&tables);
        vec_free(&names);
        for (size_t i = 0; i < split.len; i++) table_free(split.items[i]);
        vec_free(&split);
        return;
    }
    vec_push(&w->sheet_names, xstrdup(nb));
    bool instansi = multi && !recap;
    int off = instansi ? 1 : 0;
    Vec headers = {0};
    for (size_t i = 0; i < tables.len; i++) {
        const Table *t = tables.items[i];
        for (int c = 0; c < t->ncols; c++) header_index(&headers, t->headers[c], true);
    }
    int ncols = (int)headers.len + off;
    double *width = xcalloc((size_t)ncols + 1, sizeof *width);
    for (int c = 0; c < ncols; c++) width[c] = MIN_WIDTH;
    /* the title row: the table's title and the instansi line (or the recap's) */
    Buf tb;
    buf_init(&tb);
    buf_puts(&tb, ((const Table *)tables.items[0])->title);
    if (w->heading) buf_printf(&tb, " \xE2\x80\x94 %s", w->heading);
    write_text(w, ws, 0, 0, tb.data, w->title_fmt);
    buf_free(&tb);
    lxw_row_t row = 1, head = 1;
    if (w->simulasi) {   /* a what-if workbook: a row naming it a simulation above the header of every sheet */
        check(w, worksheet_write_string(ws, 1, 0, w->simulasi, w->simulasi_fmt));
        head = row = 2;
    }
    if (instansi) {
        check(w, worksheet_write_string(ws, head, 0, "Instansi", w->header));
        widen(width, 0, "Instansi", 0);
    }
    for (size_t c = 0; c < headers.len; c++) {
        write_text(w, ws, head, (lxw_col_t)(c + (size_t)off), headers.items[c], w->header);
        widen(width, (int)c + off, headers.items[c], 0);
    }
    row++;
    lxw_row_t last = head;   /* the last data row, for the autofilter */
    for (size_t i = 0; i < tables.len; i++) {
        const Table *t = tables.items[i];
        int *map = xcalloc((size_t)t->ncols, sizeof *map);
        for (int c = 0; c < t->ncols; c++) map[c] = header_index(&headers, t->headers[c], false) + off;
        lxw_row_t first = row;
        int cc = column_of(t, "Capaian");
        bool capaian_exact = true;
        for (size_t r = 0; r < t->rows.len; r++, row++) {
            const Cell *cells = t->rows.items[r];
            if (instansi) {
                write_text(w, ws, row, 0, names.items[i], NULL);
                widen(width, 0, names.items[i], 0);
            }
            for (int c = 0; c < t->ncols; c++) {
                char *f = cell_formula(t, r, c, map, first);
                bool exact = write_cell(w, ws, row, (lxw_col_t)map[c], &cells[c], t->right[c], f);
                if (c == cc && !exact) capaian_exact = false;
                free(f);
                widen(width, map[c], cells[c].text ? cells[c].text : "", cells[c].indent);
            }
        }
        last = row - 1 - (t->rows.len && is_jumlah_row(t->rows.items[t->rows.len - 1]));   /* Jumlah stays put */
        if (tables.len == 1 && t->mean_plain) write_mean_row(w, ws, row++, t, map, first, capaian_exact);
        free(map);
    }
    if (last > head) check(w, worksheet_autofilter(ws, head, 0, last, (lxw_col_t)(ncols - 1)));
    /* notes under the data, after one empty row */
    bool first_note = true;
    for (size_t i = 0; i < tables.len; i++) {
        const Table *t = tables.items[i];
        for (size_t k = 0; k < t->notes.len; k++) {
            if (first_note) row++;
            first_note = false;
            Buf b;
            buf_init(&b);
            if (instansi) buf_printf(&b, "%s: ", (const char *)names.items[i]);
            buf_puts(&b, t->notes.items[k]);
            check(w, worksheet_write_string(ws, row++, 0, b.data, w->note));
            buf_free(&b);
        }
    }
    for (int c = 0; c < ncols; c++)
        check(w, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c] > MAX_WIDTH ? MAX_WIDTH : width[c], NULL));
    worksheet_freeze_panes(ws, head + 1, 0);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);           /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    check(w, worksheet_repeat_rows(ws, 0, head));
    if (tables.len) {
        const char *title = ((const Table *)tables.items[0])->title;
        Buf t;
        buf_init(&t);
        if (w->simulasi) buf_puts(&t, "SIMULASI (andai) - ");
        buf_puts(&t, title);
        print_header(w, ws, t.data);
        buf_free(&t);
    }
    free(width);
    vec_free(&headers);
    vec_free(&tables);
    vec_free(&names);
    for (size_t i = 0; i < split.len; i++) table_free(split.items[i]);
    vec_free(&split);
}

/* The module's version: the program loads only its own (render.c). */
const char sakip_xlsx_version[] = PACKAGE_VERSION;

bool report_xlsx_write(const char *path, const Vec *units, const Table *recap, char **err)
{
    AtomicFile af;
    if (!atomic_open(&af, path, err)) return false;
    /* libxlsxwriter writes the zip by name: it reopens the temporary file
     * (same inode), and atomic_commit then syncs and renames it. */
    lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    Writer w = {0};
    w.wb = workbook_new_opt(af.tmp, &opt);
    if (!w.wb) {
        Buf b;
        buf_init(&b);
        buf_printf(&b, "cannot write '%s': cannot create the workbook", path);
        *err = buf_steal(&b);
        atomic_abort(&af);
        return false;
    }
    w.header = workbook_add_format(w.wb);
    format_set_bold(w.header);
    format_set_bg_color(w.header, 0xE7E6E6);
    format_set_bottom(w.header, LXW_BORDER_THIN);
    format_set_text_wrap(w.header);
    format_set_align(w.header, LXW_ALIGN_VERTICAL_TOP);
    w.note = workbook_add_format(w.wb);
    format_set_italic(w.note);
    w.simulasi_fmt = workbook_add_format(w.wb);
    format_set_bold(w.simulasi_fmt);
    format_set_font_color(w.simulasi_fmt, 0xB71C1C);
    format_set_bg_color(w.simulasi_fmt, 0xFDECEA);
    w.title_fmt = workbook_add_format(w.wb);
    format_set_bold(w.title_fmt);
    format_set_font_size(w.title_fmt, 12);
    for (size_t u = 0; u < units->len && !w.simulasi; u++) {
        const Report *r = ((const XlsxUnit *)units->items[u])->report;
        if (!r->andai.len) continue;
        char *joined = report_andai_joined(&r->andai);
        Buf b;
        buf_init(&b);
        buf_printf(&b, "%s: %s", report_simulasi_banner, joined);
        free(joined);
        w.simulasi = buf_steal(&b);
    }

    const XlsxUnit *first = units->len ? units->items[0] : NULL;
    w.heading = units->len == 1 && first ? first->report->heading : "Rekapitulasi LAKIP";
    lxw_doc_properties props = {0};
    char subject[] = "Laporan Kinerja (LAKIP)", comments[] = "Ditulis oleh sakip " PACKAGE_VERSION,
         recap_title[] = "Rekapitulasi LAKIP";
    props.title = units->len == 1 && first ? first->report->heading : recap_title;
    props.subject = subject;
    props.comments = comments;
    check(&w, workbook_set_properties(w.wb, &props));

    /* sheet order: the order tables appear in the units' reports */
    Vec keys = {0};
    for (size_t u = 0; u < units->len; u++) {
        const XlsxUnit *xu = units->items[u];
        for (size_t i = 0; i < xu->report->tables.len; i++) {
            const Table *t = xu->report->tables.items[i];
            bool seen = false;
            for (size_t k = 0; k < keys.len && !seen; k++) seen = !strcmp(keys.items[k], t->key);
            if (!seen) vec_push(&keys, (void *)t->key);
        }
    }
    bool multi = units->len > 1;
    for (size_t k = 0; k < keys.len; k++) write_sheet(&w, keys.items[k], units, NULL, multi);
    if (recap) write_sheet(&w, "rekap", units, recap, multi);
    vec_free(&keys);

    lxw_error closed = workbook_close(w.wb);
    for (size_t i = 0; i < w.fmts.len; i++) {
        FmtEntry *e = w.fmts.items[i];
        free(e->num);
        free(e);
    }
    vec_free(&w.fmts);
    for (size_t i = 0; i < w.sheet_names.len; i++) free(w.sheet_names.items[i]);
    vec_free(&w.sheet_names);
    free(w.simulasi);
    if (w.err == LXW_NO_ERROR) w.err = closed;
    if (w.err != LXW_NO_ERROR) {
        Buf b;
        buf_init(&b);
        buf_printf(&b, "cannot write '%s': %s", path, lxw_strerror(w.err));
        *err = buf_steal(&b);
        atomic_abort(&af);
        return false;
    }
    return atomic_commit(&af, err);
}
