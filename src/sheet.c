/* sheet.c -- CSV (libcsv) and XLSX (libzip + expat) into a grid of cells
 * (sheet.h, doc/import.md). */
#include <config.h>
#include "sheet.h"
#include "i18n.h"

#include <csv.h>
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

/* ---- places ---- */

void sheet_ref(Buf *b, uint32_t r, uint32_t c)
{
    char col[8];
    int n = 0;
    uint32_t x = c + 1;
    while (x && n < 7) {
        col[n++] = (char)('A' + (x - 1) % 26);
        x = (x - 1) / 26;
    }
    while (n) buf_putc(b, col[--n]);
    buf_printf(b, "%lu", (unsigned long)r + 1);
}

void sheet_where(Buf *b, const Sheet *s, uint32_t r, uint32_t c)
{
    buf_printf(b, "%s:", s->source);
    if (s->name) buf_printf(b, "%s!", s->name);
    sheet_ref(b, r, c);
}

long sheet_col_of(const char *p)
{
    long c = 0;
    if (!*p) return -1;
    for (; *p; p++) {
        char ch = *p;
        if (ch >= 'a' && ch <= 'z') ch = (char)(ch - 'a' + 'A');
        if (ch < 'A' || ch > 'Z') return -1;
        c = c * 26 + (ch - 'A' + 1);
        if (c > (long)SHEET_MAX_COLS) return -1;
    }
    return c - 1;
}

void sheet_free(Sheet *s)
{
    if (s->cells)
        for (size_t i = 0; i < (size_t)s->nrows * s->ncols; i++) free(s->cells[i].text);
    free(s->cells);
    free(s->merged);
    free(s->source);
    free(s->name);
    memset(s, 0, sizeof *s);
}

/* ---- cells as they are read, then the grid ---- */

typedef struct Loose {
    uint32_t r, c;
    SheetCell cell;
} Loose;

typedef struct Collect {
    Loose *items;
    size_t len, cap;
    uint32_t maxr, maxc;
    size_t text;             /* bytes of text so far (SHEET_MAX_TEXT) */
} Collect;

/* where: the sheet being read (its source and name, for the place of an
 * error) */
static bool collect_add(Collect *co, uint32_t r, uint32_t c, char *text, uint8_t flags, uint8_t indent, Buf *err,
                        const Sheet *where)
{
    if (co->len >= SHEET_MAX_CELLS || c >= SHEET_MAX_COLS) {
        free(text);
        buf_printf(err, _("%s: the sheet has more than %u cells; sakip import reads at most that many"),
                   where->source, SHEET_MAX_CELLS);
        return false;
    }
    size_t n = text ? strlen(text) : 0;
    if (n > SHEET_MAX_TEXT - co->text) {
        free(text);
        sheet_where(err, where, r, c);
        buf_printf(err, _(": with this cell the text of the sheet's cells passes %u bytes (a shared string is "
                          "counted in each cell that shows it); sakip import reads at most that much"),
                   SHEET_MAX_TEXT);
        return false;
    }
    co->text += n;
    if (co->len == co->cap) {
        co->cap = co->cap ? co->cap * 2 : 256;
        co->items = xrealloc(co->items, co->cap * sizeof *co->items);
    }
    co->items[co->len++] = (Loose){r, c, {text, flags, indent}};
    if (r + 1 > co->maxr) co->maxr = r + 1;
    if (c + 1 > co->maxc) co->maxc = c + 1;
    return true;
}

static void collect_free(Collect *co)
{
    for (size_t i = 0; i < co->len; i++) free(co->items[i].cell.text);
    free(co->items);
    memset(co, 0, sizeof *co);
}

/* Moves the cells into s's grid; false when it would be too large. */
static bool collect_grid(Collect *co, Sheet *s, Buf *err)
{
    if (co->maxr && (size_t)co->maxr * co->maxc > SHEET_MAX_CELLS) {
        buf_printf(err, _("%s: the sheet spans %lu rows x %lu columns, more than %u cells; sakip import reads at "
                   "most that many"), s->source, (unsigned long)co->maxr, (unsigned long)co->maxc, SHEET_MAX_CELLS);
        return false;
    }
    s->nrows = co->maxr;
    s->ncols = co->maxc;
    s->cells = xcalloc((size_t)s->nrows * s->ncols + 1, sizeof *s->cells);
    for (size_t i = 0; i < co->len; i++) {
        SheetCell *d = &s->cells[(size_t)co->items[i].r * s->ncols + co->items[i].c];
        free(d->text);   /* a cell given twice: the last one */
        *d = co->items[i].cell;
        co->items[i].cell.text = NULL;
    }
    return true;
}

/* ---- CSV ---- */

typedef struct CsvState {
    Collect co;
    uint32_t row, col;
    bool stop;
    Buf *err;
    Sheet where;             /* only its source: the place of an error */
} CsvState;

static void csv_field(void *data, size_t n, void *vs)
{
    CsvState *st = vs;
    if (st->stop) return;
    if (n) {
        char *t = xstrndup(data, n);
        if (!collect_add(&st->co, st->row, st->col, t, 0, 0, st->err, &st->where)) st->stop = true;
    }
    st->col++;
}

static void csv_row(int c, void *vs)
{
    (void)c;
    CsvState *st = vs;
    st->row++;
    st->col = 0;
}

static bool utf8_ok(const unsigned char *p, size_t n, size_t *bad)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (!k || i + k > n || c == 0 || (k == 2 && c < 0xC2)) {
            *bad = i;
            return false;
        }
        for (size_t j = 1; j < k; j++)
            if ((p[i + j] & 0xC0) != 0x80) {
                *bad = i;
                return false;
            }
        i += k;
    }
    return true;
}

static bool read_csv(const char *source, const char *data, size_t len, const SheetWant *want, Sheet *out, Buf *err)
{
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
        data += 3;
        len -= 3;
    }
    size_t bad;
    if (!utf8_ok((const unsigned char *)data, len, &bad)) {
        buf_printf(err, _("%s: byte %lu is not UTF-8 text: not a CSV file nor an XLSX workbook"), source,
                   (unsigned long)bad + 1);
        return false;
    }
    char sep = want ? want->sep : 0;
    if (!sep) {
        size_t semi = 0, comma = 0;
        bool q = false;
        for (size_t i = 0; i < len && (q || (data[i] != '\n' && data[i] != '\r')); i++) {
            if (data[i] == '"') q = !q;
            else if (!q && data[i] == ';') semi++;
            else if (!q && data[i] == ',') comma++;
        }
        sep = semi >= comma && semi ? ';' : ',';
    }
    CsvState st;
    memset(&st, 0, sizeof st);
    st.err = err;
    st.where.source = (char *)source;
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) return false;
    csv_set_realloc_func(&p, xrealloc);
    csv_set_free_func(&p, free);
    csv_set_delim(&p, (unsigned char)sep);
    size_t done = csv_parse(&p, data, len, csv_field, csv_row, &st);
    bool ok = !st.stop;
    if (ok && (done != len || csv_fini(&p, csv_field, csv_row, &st) != 0)) {
        buf_printf(err, _("%s: row %lu: a quoted cell is not closed or a quote stands inside an unquoted cell"),
                   source, (unsigned long)st.row + 1);
        ok = false;
    }
    csv_free(&p);
    if (ok) {
        out->source = xstrdup(source);
        ok = collect_grid(&st.co, out, err);
    }
    collect_free(&st.co);
    return ok;
}

/* ---- XLSX: the parts ---- */

/* Reads one part of the archive, at most SHEET_MAX_PART bytes unpacked
 * whatever its header says.  NULL (and err) when missing or too large;
 * a missing optional part is NULL without err when !required. */
static char *zip_part(zip_t *za, const char *source, const char *name, bool required, size_t *len, Buf *err)
{
    zip_int64_t idx = zip_name_locate(za, name, 0);
    if (idx < 0) {
        if (required) buf_printf(err, _("%s: not an XLSX workbook (no %s in the archive)"), source, name);
        return NULL;
    }
    zip_stat_t st;
    if (zip_stat_index(za, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && st.size > SHEET_MAX_PART) {
        buf_printf(err, _("%s: %s unpacks to %llu bytes, more than %u; refused (a ZIP bomb or an oversized sheet)"),
                   source, name, (unsigned long long)st.size, SHEET_MAX_PART);
        return NULL;
    }
    zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
    if (!zf) {
        buf_printf(err, _("%s: cannot unpack %s: %s"), source, name, zip_strerror(za));
        return NULL;
    }
    Buf b;
    buf_init(&b);
    for (;;) {
        buf_reserve(&b, 65536);
        zip_int64_t n = zip_fread(zf, b.data + b.len, 65536);
        if (n < 0) {
            buf_printf(err, _("%s: cannot unpack %s: %s"), source, name, zip_file_strerror(zf));
            zip_fclose(zf);
            buf_free(&b);
            return NULL;
        }
        if (n == 0) break;
        b.len += (size_t)n;
        b.data[b.len] = '\0';
        if (b.len > SHEET_MAX_PART) {
            buf_printf(err, _("%s: %s unpacks to more than %u bytes; refused (a ZIP bomb or an oversized sheet)"),
                       source, name, SHEET_MAX_PART);
            zip_fclose(zf);
            buf_free(&b);
            return NULL;
        }
    }
    zip_fclose(zf);
    *len = b.len;
    if (!b.data) return xstrdup("");
    return b.data;
}

/* The local part of an XML name ("x:c" -> "c"). */
static const char *local(const char *n)
{
    const char *c = strrchr(n, ':');
    return c ? c + 1 : n;
}

static const char *attr(const char **a, const char *name)
{
    for (size_t i = 0; a[i]; i += 2)
        if (!strcmp(local(a[i]), name)) return a[i + 1];
    return NULL;
}

typedef struct Xml {
    XML_Parser p;
    bool refused;            /* a DTD: not in an XLSX part */
} Xml;

static void XMLCALL no_doctype(void *ud, const XML_Char *name, const XML_Char *sys, const XML_Char *pub, int internal)
{
    (void)name, (void)sys, (void)pub, (void)internal;
    Xml *x = *(Xml **)ud;
    x->refused = true;
    XML_StopParser(x->p, XML_FALSE);
}

/* Parses text with the handlers; ud's first member must be an Xml*. */
static bool xml_run(void *ud, const char *text, size_t len, XML_StartElementHandler start, XML_EndElementHandler end,
                    XML_CharacterDataHandler chars, const char *source, const char *part, Buf *err)
{
    Xml x = {XML_ParserCreate(NULL), false};
    if (!x.p) {
        buf_printf(err, _("%s: out of memory"), source);
        return false;
    }
    *(Xml **)ud = &x;
    XML_SetUserData(x.p, ud);
    XML_SetElementHandler(x.p, start, end);
    if (chars) XML_SetCharacterDataHandler(x.p, chars);
    XML_SetStartDoctypeDeclHandler(x.p, no_doctype);
    bool ok = XML_Parse(x.p, text, (int)len, XML_TRUE) == XML_STATUS_OK;
    if (!ok && !err->len) {
        if (x.refused)
            buf_printf(err, _("%s: %s has a document type declaration, which no XLSX part has; refused"), source, part);
        else
            buf_printf(err, _("%s: %s is not well-formed XML (line %lu: %s)"), source, part,
                       (unsigned long)XML_GetCurrentLineNumber(x.p), XML_ErrorString(XML_GetErrorCode(x.p)));
    }
    XML_ParserFree(x.p);
    return ok && !err->len;
}

/* workbook.xml: the sheets' names and relationship ids */
typedef struct Book {
    Xml *x;
    Vec names, rids;         /* char* */
} Book;

static void XMLCALL book_start(void *ud, const XML_Char *el, const XML_Char **a)
{
    Book *b = ud;
    if (strcmp(local(el), "sheet")) return;
    const char *n = attr(a, "name"), *id = attr(a, "id");
    vec_push(&b->names, xstrdup(n ? n : ""));
    vec_push(&b->rids, xstrdup(id ? id : ""));
}

static void XMLCALL ignore_end(void *ud, const XML_Char *el) { (void)ud, (void)el; }

/* workbook.xml.rels: the target of one id */
typedef struct Rels {
    Xml *x;
    const char *want;
    char *target;
} Rels;

static void XMLCALL rels_start(void *ud, const XML_Char *el, const XML_Char **a)
{
    Rels *r = ud;
    if (strcmp(local(el), "Relationship")) return;
    const char *id = attr(a, "Id"), *t = attr(a, "Target");
    if (id && t && !strcmp(id, r->want) && !r->target) r->target = xstrdup(t);
}

/* sharedStrings.xml */
typedef struct Strings {
    Xml *x;
    Vec items;               /* char* */
    Buf cur;
    int in_t, in_rph, in_si;
    Buf *err;
    const char *source;
} Strings;

static void XMLCALL ss_start(void *ud, const XML_Char *el, const XML_Char **a)
{
    (void)a;
    Strings *s = ud;
    const char *n = local(el);
    if (!strcmp(n, "si")) {
        s->in_si = 1;
        buf_reset(&s->cur);
    } else if (!strcmp(n, "rPh")) {
        s->in_rph++;
    } else if (!strcmp(n, "t")) {
        s->in_t++;
    }
}

static void XMLCALL ss_end(void *ud, const XML_Char *el)
{
    Strings *s = ud;
    const char *n = local(el);
    if (!strcmp(n, "si")) {
        if (s->items.len >= SHEET_MAX_CELLS) {
            buf_printf(s->err, _("%s: more than %u shared strings; refused"), s->source, SHEET_MAX_CELLS);
            XML_StopParser(s->x->p, XML_FALSE);
            return;
        }
        vec_push(&s->items, xstrdup(s->cur.data ? s->cur.data : ""));
        s->in_si = 0;
    } else if (!strcmp(n, "rPh")) {
        s->in_rph--;
    } else if (!strcmp(n, "t")) {
        s->in_t--;
    }
}

static void XMLCALL ss_chars(void *ud, const XML_Char *t, int n)
{
    Strings *s = ud;
    if (s->in_si && s->in_t > 0 && !s->in_rph) buf_putn(&s->cur, t, (size_t)n);
}

/* styles.xml: the indentation of each cell format (cellXfs), and whether
 * its number format shows a percentage (built-in 9 and 10, or a custom
 * format with a '%') */
typedef struct Styles {
    Xml *x;
    int in_xfs;
    long cur;                /* the xf being read */
    uint8_t *indent;
    bool *percent;
    size_t n, cap;
    unsigned long pct_ids[64];   /* custom number formats with a '%' */
    size_t npct;
} Styles;

static void XMLCALL st_start(void *ud, const XML_Char *el, const XML_Char **a)
{
    Styles *s = ud;
    const char *n = local(el);
    if (!strcmp(n, "numFmt")) {
        const char *id = attr(a, "numFmtId"), *code = attr(a, "formatCode");
        if (id && code && strchr(code, '%') && s->npct < sizeof s->pct_ids / sizeof s->pct_ids[0])
            s->pct_ids[s->npct++] = strtoul(id, NULL, 10);
    } else if (!strcmp(n, "cellXfs")) {
        s->in_xfs = 1;
    } else if (s->in_xfs && !strcmp(n, "xf")) {
        if (s->n >= 65536) return;
        if (s->n == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 64;
            s->indent = xrealloc(s->indent, s->cap);
            s->percent = xrealloc(s->percent, s->cap * sizeof *s->percent);
        }
        s->indent[s->n] = 0;
        const char *f = attr(a, "numFmtId");
        unsigned long fid = f ? strtoul(f, NULL, 10) : 0;
        bool pct = fid == 9 || fid == 10;
        for (size_t i = 0; i < s->npct && !pct; i++) pct = s->pct_ids[i] == fid;
        s->percent[s->n] = pct;
        s->cur = (long)s->n++;
    } else if (s->in_xfs && s->cur >= 0 && !strcmp(n, "alignment")) {
        const char *v = attr(a, "indent");
        long k = v ? strtol(v, NULL, 10) : 0;
        s->indent[s->cur] = (uint8_t)(k < 0 ? 0 : k > 250 ? 250 : k);
    }
}

static void XMLCALL st_end(void *ud, const XML_Char *el)
{
    Styles *s = ud;
    const char *n = local(el);
    if (!strcmp(n, "cellXfs")) s->in_xfs = 0;
    else if (!strcmp(n, "xf")) s->cur = -1;
}

/* the sheet itself */
typedef struct Ws {
    Xml *x;
    Collect co;
    const Strings *ss;
    const Styles *st;
    Sheet *out;
    Buf *err;
    uint32_t row, col;       /* the current row (0-based), the next column */
    bool in_c;
    uint32_t cr, cc;
    char type[16];
    unsigned style;
    bool has_f, has_v;
    int in_v, in_t, in_is;
    Buf v, is;
    Vec merged;              /* SheetRange* */
} Ws;

/* "B17" -> 0-based row and column */
static bool parse_ref(const char *s, uint32_t *r, uint32_t *c)
{
    char letters[8];
    size_t k = 0;
    while (*s >= 'A' && *s <= 'Z' && k < 7) letters[k++] = *s++;
    letters[k] = '\0';
    long col = sheet_col_of(letters);
    if (col < 0 || *s < '1' || *s > '9') return false;
    char *end;
    unsigned long row = strtoul(s, &end, 10);
    if (*end || row == 0 || row > 1048576) return false;
    *r = (uint32_t)(row - 1);
    *c = (uint32_t)col;
    return true;
}

static void ws_fail(Ws *w, const char *what)
{
    if (!w->err->len) {
        sheet_where(w->err, w->out, w->cr, w->cc);
        buf_printf(w->err, ": %s", what);
    }
    XML_StopParser(w->x->p, XML_FALSE);
}

static void XMLCALL ws_start(void *ud, const XML_Char *el, const XML_Char **a)
{
    Ws *w = ud;
    const char *n = local(el);
    if (!strcmp(n, "row")) {
        const char *r = attr(a, "r");
        if (r) {
            unsigned long v = strtoul(r, NULL, 10);
            if (v >= 1 && v <= 1048576) w->row = (uint32_t)(v - 1);
        }
        w->col = 0;
    } else if (!strcmp(n, "c")) {
        w->in_c = true;
        w->cr = w->row;
        w->cc = w->col;
        const char *r = attr(a, "r");
        if (r && !parse_ref(r, &w->cr, &w->cc)) {
            ws_fail(w, _("a cell with a bad reference"));
            return;
        }
        const char *t = attr(a, "t");
        snprintf(w->type, sizeof w->type, "%s", t ? t : "n");
        const char *s = attr(a, "s");
        w->style = s ? (unsigned)strtoul(s, NULL, 10) : 0;
        w->has_f = w->has_v = false;
        buf_reset(&w->v);
        buf_reset(&w->is);
    } else if (w->in_c && !strcmp(n, "v")) {
        w->in_v = 1;
        w->has_v = true;
    } else if (w->in_c && !strcmp(n, "f")) {
        w->has_f = true;
    } else if (w->in_c && !strcmp(n, "is")) {
        w->in_is = 1;
    } else if (w->in_is && !strcmp(n, "t")) {
        w->in_t++;
    } else if (!strcmp(n, "mergeCell")) {
        const char *ref = attr(a, "ref");
        char one[40];
        snprintf(one, sizeof one, "%s", ref ? ref : "");
        char *colon = strchr(one, ':');
        SheetRange rg;
        if (colon) *colon = '\0';
        if (!parse_ref(one, &rg.r1, &rg.c1)) return;
        if (!colon || !parse_ref(colon + 1, &rg.r2, &rg.c2)) {
            rg.r2 = rg.r1;
            rg.c2 = rg.c1;
        }
        if (w->merged.len < 100000) {
            SheetRange *p = xmalloc(sizeof *p);
            *p = rg;
            vec_push(&w->merged, p);
        }
    }
}

static void XMLCALL ws_end(void *ud, const XML_Char *el)
{
    Ws *w = ud;
    const char *n = local(el);
    if (!strcmp(n, "v")) {
        w->in_v = 0;
    } else if (!strcmp(n, "t") && w->in_t) {
        w->in_t--;
    } else if (!strcmp(n, "is")) {
        w->in_is = 0;
    } else if (!strcmp(n, "c") && w->in_c) {
        w->in_c = false;
        w->col = w->cc + 1;
        const char *v = w->v.data ? w->v.data : "";
        uint8_t flags = 0;
        char *text = NULL;
        if (!strcmp(w->type, "s")) {
            if (!w->has_v) return;
            char *end;
            unsigned long k = strtoul(v, &end, 10);
            if (*end || !*v || k >= w->ss->items.len) {
                ws_fail(w, _("a shared string that the workbook does not have"));
                return;
            }
            text = xstrdup(w->ss->items.items[k]);
        } else if (!strcmp(w->type, "inlineStr")) {
            text = xstrdup(w->is.data ? w->is.data : "");
        } else if (!strcmp(w->type, "e")) {
            flags = CELL_ERROR;
            text = xstrdup(v);
        } else if (w->has_f && !w->has_v) {
            flags = CELL_NOVALUE;
        } else if (!w->has_v) {
            return;   /* an empty cell with only a style */
        } else if (!strcmp(w->type, "str") || !strcmp(w->type, "b")) {
            text = xstrdup(v);
        } else {
            flags = CELL_NUMBER;
            if (w->style < w->st->n && w->st->percent[w->style]) flags |= CELL_PERCENT;
            text = xstrdup(v);
        }
        uint8_t indent = w->style < w->st->n ? w->st->indent[w->style] : 0;
        if (!collect_add(&w->co, w->cr, w->cc, text, flags, indent, w->err, w->out))
            XML_StopParser(w->x->p, XML_FALSE);
    }
}

static void XMLCALL ws_chars(void *ud, const XML_Char *t, int n)
{
    Ws *w = ud;
    if (w->in_v) buf_putn(&w->v, t, (size_t)n);
    else if (w->in_is && w->in_t) buf_putn(&w->is, t, (size_t)n);
}

static void free_strs(Vec *v)
{
    for (size_t i = 0; i < v->len; i++) free(v->items[i]);
    vec_free(v);
}

static bool read_xlsx(const char *source, const char *data, size_t len, const SheetWant *want, Sheet *out, Buf *err)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (!za) {
        buf_printf(err, _("%s: not a spreadsheet: a damaged ZIP archive (%s)"), source, zip_error_strerror(&ze));
        if (src) zip_source_free(src);
        zip_error_fini(&ze);
        return false;
    }
    zip_error_fini(&ze);
    bool ok = false;
    size_t n;
    char *wb = NULL, *rels = NULL, *sst = NULL, *sty = NULL, *wsx = NULL, *path = NULL;
    Book book = {0};
    Rels rl = {0};
    Strings ss = {0};
    Styles st = {0};
    st.cur = -1;
    Ws w;
    memset(&w, 0, sizeof w);
    out->source = xstrdup(source);

    if (!(wb = zip_part(za, source, "xl/workbook.xml", true, &n, err))) goto done;
    if (!xml_run(&book, wb, n, book_start, ignore_end, NULL, source, "xl/workbook.xml", err)) goto done;
    if (!book.names.len) {
        buf_printf(err, _("%s: the workbook has no sheets"), source);
        goto done;
    }
    size_t which = 0;
    if (want && want->name) {
        for (which = 0; which < book.names.len && strcmp(book.names.items[which], want->name); which++) {}
        if (which == book.names.len) {
            buf_printf(err, _("%s: no sheet named '%s'; the workbook has:"), source, want->name);
            for (size_t i = 0; i < book.names.len; i++) buf_printf(err, " '%s'", (char *)book.names.items[i]);
            goto done;
        }
    } else if (want && want->index) {
        if (want->index > book.names.len) {
            buf_printf(err, _("%s: no sheet %u; the workbook has %lu"), source, want->index,
                       (unsigned long)book.names.len);
            goto done;
        }
        which = want->index - 1;
    }
    out->name = xstrdup(book.names.items[which]);
    if (!(rels = zip_part(za, source, "xl/_rels/workbook.xml.rels", true, &n, err))) goto done;
    rl.want = book.rids.items[which];
    if (!xml_run(&rl, rels, n, rels_start, ignore_end, NULL, source, "xl/_rels/workbook.xml.rels", err)) goto done;
    if (!rl.target) {
        buf_printf(err, _("%s: sheet '%s' has no part in the archive"), source, out->name);
        goto done;
    }
    path = rl.target[0] == '/' ? xstrdup(rl.target + 1) : NULL;
    if (!path) {
        Buf p;
        buf_init(&p);
        buf_printf(&p, "xl/%s", rl.target);
        path = buf_steal(&p);
    }
    ss.err = err;
    ss.source = source;
    if ((sst = zip_part(za, source, "xl/sharedStrings.xml", false, &n, err)) &&
        !xml_run(&ss, sst, n, ss_start, ss_end, ss_chars, source, "xl/sharedStrings.xml", err))
        goto done;
    if (err->len) goto done;
    if ((sty = zip_part(za, source, "xl/styles.xml", false, &n, err)) &&
        !xml_run(&st, sty, n, st_start, st_end, NULL, source, "xl/styles.xml", err))
        goto done;
    if (err->len) goto done;
    if (!(wsx = zip_part(za, source, path, true, &n, err))) goto done;
    w.ss = &ss;
    w.st = &st;
    w.out = out;
    w.err = err;
    if (!xml_run(&w, wsx, n, ws_start, ws_end, ws_chars, source, path, err)) goto done;
    if (!collect_grid(&w.co, out, err)) goto done;
    out->nmerged = w.merged.len;
    out->merged = xcalloc(w.merged.len + 1, sizeof *out->merged);
    for (size_t i = 0; i < w.merged.len; i++) out->merged[i] = *(SheetRange *)w.merged.items[i];
    ok = true;
done:
    free(wb);
    free(rels);
    free(sst);
    free(sty);
    free(wsx);
    free(path);
    free_strs(&book.names);
    free_strs(&book.rids);
    free(rl.target);
    free_strs(&ss.items);
    buf_free(&ss.cur);
    free(st.indent);
    free(st.percent);
    collect_free(&w.co);
    buf_free(&w.v);
    buf_free(&w.is);
    free_strs(&w.merged);
    zip_discard(za);
    return ok;
}

bool sheet_read(const char *source, const char *data, size_t len, const SheetWant *want, Sheet *out, Buf *err)
{
    memset(out, 0, sizeof *out);
    bool ok;
    if (len > SHEET_MAX_BYTES) {
        buf_printf(err, _("%s: larger than %u bytes; refused"), source, SHEET_MAX_BYTES);
        ok = false;
    } else if (len >= 4 && !memcmp(data, "PK\x03\x04", 4)) {
        ok = read_xlsx(source, data, len, want, out, err);
    } else if (len >= 8 && !memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        buf_printf(err, _("%s: an old binary .xls workbook; save it as .xlsx or CSV"), source);
        ok = false;
    } else {
        ok = read_csv(source, data, len, want, out, err);
    }
    if (ok && out->nrows == 0) {
        buf_printf(err, _("%s%s%s: the sheet is empty"), source, out->name ? ":" : "", out->name ? out->name : "");
        ok = false;
    }
    if (!ok) sheet_free(out);
    return ok;
}
