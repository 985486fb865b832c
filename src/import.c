/* import.c -- `sakip import`: the budget tree of a spreadsheet as .sakip
 * declarations, or (--perbarui) the realisasi of an existing file updated
 * from it (sakip(1), IMPORT; doc/import.md).
 *
 * A map (peta.c) says where things are; sheet.c reads CSV and XLSX into
 * cells with places.  Every bad cell is reported with its place
 * (`SOURCE:sheet!C17: 'Rp 1,2' is not an amount`) and then nothing is
 * printed or written: the output is built whole, then shown. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "ast.h"
#include "cli.h"
#include "diag.h"
#include "fmt.h"
#include "i18n.h"
#include "locfile.h"
#include "num.h"
#include "output.h"
#include "parse.h"
#include "peta.h"
#include "sheet.h"

enum { LV_PROGRAM, LV_KEGIATAN, LV_SUB };

typedef struct Node {
    int level;
    char *name, *kode, *id;
    bool has_ang, has_real;
    mpq_t ang, real;
    /* period values (sakip(5), PERIODS): pv[PP_*][index - 1] */
    bool has_p[PP_N][PETA_MAX_PERIODS];
    mpq_t pv[PP_N][PETA_MAX_PERIODS];
    struct Node *parent;
    Vec kids;                /* Node* */
    char *where;             /* "SOURCE:sheet!B7": the name's cell */
    bool given_id;           /* from the map's id column */
    size_t seq;              /* its place in Imp.all */
} Node;

/* Strings to the thing they name (a node by its code or identifier, an
 * indikator by its identifier): open addressing on str_hash, so that a
 * sheet of 100 000 rows is checked in one pass, not rows x rows. */
typedef struct StrTab {
    const char **key;
    void **val;
    size_t cap, len;
} StrTab;

static void *strtab_get(const StrTab *t, const char *k)
{
    if (!t->cap) return NULL;
    for (size_t i = str_hash(k) & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        if (!t->key[i]) return NULL;
        if (!strcmp(t->key[i], k)) return t->val[i];
    }
}

/* k must live as long as the table; a key already there keeps its value. */
static void strtab_put(StrTab *t, const char *k, void *v)
{
    if (2 * (t->len + 1) > t->cap) {
        StrTab n = {0};
        n.cap = t->cap ? 2 * t->cap : 64;
        n.key = xcalloc(n.cap, sizeof *n.key);
        n.val = xcalloc(n.cap, sizeof *n.val);
        for (size_t i = 0; i < t->cap; i++)
            if (t->key[i]) strtab_put(&n, t->key[i], t->val[i]);
        free(t->key);
        free(t->val);
        *t = n;
    }
    size_t i = str_hash(k) & (t->cap - 1);
    for (; t->key[i]; i = (i + 1) & (t->cap - 1))
        if (!strcmp(t->key[i], k)) return;
    t->key[i] = k;
    t->val[i] = v;
    t->len++;
}

static void strtab_free(StrTab *t)
{
    free(t->key);
    free(t->val);
    memset(t, 0, sizeof *t);
}

/* an indikator of a Renstra target matrix */
typedef struct Ind {
    char *id, *name, *satuan, *sasaran, *where;
    int polarity;            /* 1 positif, 2 negatif */
    char *target[PETA_MAX_YEARS];   /* as written in .sakip ("82", "83.57", "100%"), or NULL */
    bool given_id;
} Ind;

typedef struct Imp {
    const Peta *map;
    Vec roots;               /* Node* */
    Vec all;                 /* Node*, in row order */
    Vec dead;                /* Node*: rows with errors */
    bool flat;               /* --perbarui: rows need no parent */
    Buf err;                 /* the errors, one a line: the first max_shown (0: all) */
    size_t nerr, max_shown;
    Vec sources;             /* char*: "SOURCE (sheet)" for the header comment */
    Vec inds;                /* Ind*: an indikator map's rows */
    StrTab codes;            /* Node* of im->all by a code without X */
    Vec xcodes;              /* Node* of im->all whose code has an X (any digit) */
    StrTab ids;              /* Node* of im->all by its identifier */
    StrTab ind_ids;          /* Ind* of im->inds by its identifier */
    Vec pkrows;              /* PkRow*: a perjanjian map's rows */
} Imp;

static void ierr(Imp *im, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void ierr(Imp *im, const char *fmt, ...)
{
    if (!im->max_shown || im->nerr < im->max_shown) {
        va_list ap;
        va_start(ap, fmt);
        buf_vprintf(&im->err, fmt, ap);
        va_end(ap);
        buf_putc(&im->err, '\n');
    }
    im->nerr++;
}

/* The errors as text, and the closing line: how many, how many of them
 * --max-errors left out, and that nothing was printed or updated. */
static void print_errors(const Imp *im, bool perbarui)
{
    if (im->err.data) fputs(im->err.data, stderr);
    size_t hidden = im->max_shown && im->nerr > im->max_shown ? im->nerr - im->max_shown : 0;
    if (hidden)
        fprintf(stderr, _("sakip import: %lu errors, %lu not shown (--max-errors=%lu); nothing %s\n"),
                (unsigned long)im->nerr, (unsigned long)hidden, (unsigned long)im->max_shown,
                perbarui ? _("updated") : _("printed"));
    else
        fprintf(stderr, _("sakip import: %lu errors; nothing %s\n"), (unsigned long)im->nerr,
                perbarui ? _("updated") : _("printed"));
}

static void node_free(Node *n)
{
    free(n->name);
    free(n->kode);
    free(n->id);
    free(n->where);
    mpq_clear(n->ang);
    mpq_clear(n->real);
    for (int w = 0; w < PP_N; w++)
        for (int i = 0; i < PETA_MAX_PERIODS; i++) mpq_clear(n->pv[w][i]);
    vec_free(&n->kids);
    free(n);
}

/* ---- reading files ---- */

/* The bytes of path ("-": standard input), at most max, by locfile_load
 * (its bound, its reasons: the real errno of a failed open or read). */
static char *slurp(const char *path, size_t max, size_t *len, Buf *err)
{
    const char *why = NULL;
    LocFile *lf = locfile_load(path, &why);
    if (!lf) {
        buf_printf(err, _("sakip: cannot read '%s': %s\n"), path, why ? why : "");
        return NULL;
    }
    if (lf->len > max) {
        buf_printf(err, _("sakip: '%s' is larger than %lu bytes; refused\n"), path, (unsigned long)max);
        locfile_free(lf);
        return NULL;
    }
    char *text = lf->text;
    *len = lf->len;
    lf->text = NULL;
    locfile_free(lf);
    return text;
}

/* ---- text of cells ---- */

/* The cell's text with white space trimmed and runs of it made one space
 * (malloc'd); NULL when empty. */
static char *clean(const SheetCell *c)
{
    if (!c || !c->text) return NULL;
    Buf b;
    buf_init(&b);
    bool space = false;
    for (const unsigned char *p = (const unsigned char *)c->text; *p; p++) {
        bool ws = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || (*p == 0xC2 && p[1] == 0xA0);
        if (ws) {
            if (*p == 0xC2) p++;
            space = b.len > 0;
            continue;
        }
        if (space) buf_putc(&b, ' ');
        space = false;
        buf_putc(&b, (char)*p);
    }
    return b.data ? buf_steal(&b) : NULL;
}

static bool same_text(const char *a, const char *b)
{
    return a && b && !strcasecmp(a, b);
}

/* ---- amounts ---- */

/* An XLSX number is a double written out: with more than 15 significant
 * digits ("1234.5599999999999") the tail may be the binary fraction's,
 * not the figure typed, so it is read by the shortest decimal that gives
 * the same double ("1234.56").  Up to 15 digits the text is already that
 * decimal (DBL_DIG), and is read as written.  The double is only a step
 * between two texts: the figure is read exactly from the shortest one; a
 * double no short decimal gives (0.1 + 0.2 = 0.30000000000000004) stays
 * as it is, and cell_amount refuses it.  NULL when s needs nothing. */
static char *shortest_decimal(const char *s)
{
    int sig = 0;
    bool lead = true;
    for (const char *p = s; *p && *p != 'E' && *p != 'e'; p++) {
        if (*p < '0' || *p > '9') continue;
        if (*p != '0') lead = false;
        if (!lead) sig++;
    }
    if (sig <= 15) return NULL;
    char *end;
    errno = 0;
    double d = strtod(s, &end);
    if (*end || errno) return NULL;
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (strtod(buf, NULL) == d) break;
    }
    return xstrdup(buf);
}

/* An XLSX number ("2941063617", "1.5E-3") exactly, by its shortest
 * decimal (shortest_decimal). */
static bool machine_number_as_written(const char *s, mpq_t out);
static bool machine_number(const char *s, mpq_t out)
{
    char *sh = shortest_decimal(s);
    bool ok = machine_number_as_written(sh ? sh : s, out);
    free(sh);
    return ok;
}

static bool machine_number_as_written(const char *s, mpq_t out)
{
    const char *p = s;
    bool neg = *p == '-';
    if (neg) p++;
    Buf digits;
    buf_init(&digits);
    long scale = 0;
    bool any = false, dot = false;
    for (; *p && *p != 'E' && *p != 'e'; p++) {
        if (*p == '.' && !dot) {
            dot = true;
        } else if (*p >= '0' && *p <= '9') {
            buf_putc(&digits, *p);
            any = true;
            if (dot) scale--;
        } else {
            buf_free(&digits);
            return false;
        }
    }
    if (*p) {
        char *end;
        long e = strtol(p + 1, &end, 10);
        if (*end || end == p + 1 || e > 40 || e < -40) {
            buf_free(&digits);
            return false;
        }
        scale += e;
    }
    if (!any || digits.len > NUM_MAX_DIGITS) {
        buf_free(&digits);
        return false;
    }
    mpz_t z, t;
    mpz_init_set_str(z, digits.data, 10);
    mpz_init(t);
    mpz_ui_pow_ui(t, 10, (unsigned long)(scale < 0 ? -scale : scale));
    mpq_set_z(out, z);
    if (scale < 0) mpz_set(mpq_denref(out), t), mpq_canonicalize(out);
    else mpz_mul(mpq_numref(out), mpq_numref(out), t);
    if (neg) mpq_neg(out, out);
    mpz_clear(z);
    mpz_clear(t);
    buf_free(&digits);
    return true;
}

/* A written amount: "Rp 2.941.063.617,00", "2,941,063,617.00" (inggris),
 * "1.000,-".  Never guessed: the map's notation decides. */
static bool written_amount(const char *s, Notation nt, mpq_t out)
{
    if (!strncasecmp(s, "Rp", 2)) {
        s += 2;
        if (*s == '.') s++;
        while (*s == ' ') s++;
    }
    size_t n = strlen(s);
    if (!n || n > 80) return false;
    char tmp[96];
    memcpy(tmp, s, n + 1);
    if (nt == NOTATION_EN) {
        for (size_t i = 0; i < n; i++)
            tmp[i] = tmp[i] == '.' ? ',' : tmp[i] == ',' ? '.' : tmp[i];
    }
    for (size_t i = 0; i < n; i++)
        if (!((tmp[i] >= '0' && tmp[i] <= '9') || tmp[i] == '.' || tmp[i] == ',' ||
              (tmp[i] == '-' && i == n - 1)))
            return false;
    /* sen are two digits: "1,2" is a slip, not Rp 1,20 */
    const char *dec = strrchr(tmp, ',');
    if (dec && strcmp(dec, ",-") && strlen(dec + 1) != 2) return false;
    char *s1 = NULL, *s2 = NULL;
    MoneyStatus st = money_parse(out, tmp, n, &s1, &s2);
    free(s1);
    free(s2);
    return st == MONEY_OK;
}

/* A cell with a value to read: a formula without its stored value, or an
 * error value (#DIV/0!), is an error at its place, which says what
 * the column holds (an amount, or a target when target). */
static bool cell_has_value(Imp *im, const SheetCell *cell, const char *where, const char *t, bool target)
{
    if (cell && (cell->flags & CELL_NOVALUE)) {
        ierr(im, _("%s: a formula without a stored value; open and save the workbook in a spreadsheet program so "
                   "that it stores the values"), where);
        return false;
    }
    if (cell && (cell->flags & CELL_ERROR)) {
        if (target) ierr(im, _("%s: '%s' is an error value, not a target"), where, t ? t : "");
        else ierr(im, _("%s: '%s' is an error value, not an amount"), where, t ? t : "");
        return false;
    }
    return true;
}

/* The amount of a cell into out; false (and an error) when it is not one.
 * *present is false for an empty cell or a lone "-". */
static bool cell_amount(Imp *im, const Sheet *sh, uint32_t r, uint32_t c, mpq_t out, bool *present)
{
    *present = false;
    const SheetCell *cell = sheet_cell(sh, r, c);
    Buf w;
    buf_init(&w);
    sheet_where(&w, sh, r, c);
    bool ok = true;
    char *t = clean(cell);
    if (!cell_has_value(im, cell, w.data, t, false)) {
        ok = false;
    } else if (!t || !strcmp(t, "-")) {
        ok = true;
    } else if (cell->flags & CELL_NUMBER ? machine_number(t, out) : written_amount(t, im->map->notation, out)) {
        mpz_t sen;
        mpz_init(sen);
        mpz_mul_ui(sen, mpq_numref(out), 100);
        bool whole_sen = mpz_divisible_p(sen, mpq_denref(out));
        mpz_clear(sen);
        if (mpq_sgn(out) < 0) {
            ierr(im, _("%s: '%s' is a negative amount"), w.data, t);
            ok = false;
        } else if (!whole_sen) {
            /* rounding it would make --perbarui see a change of Rp 0,00 on every run */
            ierr(im, _("%s: '%s' has more than two decimals; an amount is in rupiah and sen (round it in the sheet)"),
                 w.data, t);
            ok = false;
        } else {
            *present = true;
        }
    } else {
        ierr(im, im->map->notation == NOTATION_ID
                     ? _("%s: '%s' is not an amount (the map says angka indonesia: 1.234.567,89)")
                     : _("%s: '%s' is not an amount (the map says angka inggris: 1,234,567.89)"),
             w.data, t);
        ok = false;
    }
    free(t);
    buf_free(&w);
    return ok;
}

/* ---- levels ---- */

static int code_segments(const char *k)
{
    int n = 1;
    for (; *k; k++) {
        if (*k == '.') n++;
        else if (!((*k >= '0' && *k <= '9') || *k == 'X' || *k == 'x')) return -1;
    }
    return n;
}

/* a code's first `segs` segments (malloc'd) */
static char *code_prefix(const char *k, int segs)
{
    const char *p = k;
    for (int i = 0; i < segs && p; i++) {
        p = strchr(p, '.');
        if (p && i + 1 < segs) p++;
    }
    return p ? xstrndup(k, (size_t)(p - k)) : xstrdup(k);
}

static bool codes_match(const char *a, const char *b)
{
    if (strlen(a) != strlen(b)) return false;
    for (; *a; a++, b++)
        if (*a != *b && !(*a == 'X' || *a == 'x' || *b == 'X' || *b == 'x')) return false;
    return true;
}

static const char *const level_words[] = {"program", "kegiatan", "subkegiatan"};

/* Strips a leading "Program", "Kegiatan" or "Sub Kegiatan" from name;
 * returns its level or -1. */
static int strip_level_word(char *name)
{
    static const struct {
        const char *w;
        int level;
    } words[] = {{"sub kegiatan ", LV_SUB}, {"sub-kegiatan ", LV_SUB}, {"subkegiatan ", LV_SUB},
                 {"kegiatan ", LV_KEGIATAN}, {"program ", LV_PROGRAM}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t n = strlen(words[i].w);
        if (!strncasecmp(name, words[i].w, n) && name[n]) {
            memmove(name, name + n, strlen(name + n) + 1);
            return words[i].level;
        }
    }
    return -1;
}

/* "1" -> program, "1.1" -> kegiatan, "1.1.1" -> subkegiatan; -1 otherwise. */
static int numbering_level(const char *s)
{
    if (!s || !*s) return -1;
    int segs = 1;
    bool digit = false;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') digit = true;
        else if (*s == '.' && digit && s[1]) segs++, digit = false;
        else if (*s == '.' && !s[1]) break;
        else return -1;
    }
    return segs > 3 ? LV_SUB : segs - 1;
}

/* ---- one sheet ---- */

static bool valid_identifier(const char *s)
{
    if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_')) return false;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static bool has_wildcard(const char *k)
{
    return strpbrk(k, "Xx") != NULL;
}

/* The first node of im->all (in row order) whose code matches kode, X
 * matching any digit: the one of the same code by the table, else one of
 * the few with an X.  Only a code that has an X itself is matched against
 * every row. */
static Node *find_code(Imp *im, const char *kode)
{
    if (has_wildcard(kode)) {
        for (size_t i = 0; i < im->all.len; i++) {
            Node *n = im->all.items[i];
            if (n->kode && codes_match(n->kode, kode)) return n;
        }
        return NULL;
    }
    Node *best = strtab_get(&im->codes, kode);
    for (size_t i = 0; i < im->xcodes.len; i++) {
        Node *n = im->xcodes.items[i];
        if ((!best || n->seq < best->seq) && codes_match(n->kode, kode)) best = n;
    }
    return best;
}

/* n joins im->all, and the tables by code and by identifier. */
static void add_node(Imp *im, Node *n)
{
    n->seq = im->all.len;
    vec_push(&im->all, n);
    if (n->kode) {
        if (has_wildcard(n->kode)) vec_push(&im->xcodes, n);
        else strtab_put(&im->codes, n->kode, n);
    }
    if (n->id) strtab_put(&im->ids, n->id, n);
}

/* Where a map's column is in the sheet: -1 when the map does not name it
 * or (with an error) the sheet does not have it. */
static long resolve_col_at(Imp *im, const Sheet *sh, const PetaCol *pc, const char *label, unsigned header_row)
{
    const Peta *m = im->map;
    uint32_t head = header_row ? header_row - 1 : 0;
    long found = -1;
    if (!pc->set) return -1;
    if (pc->letter >= 0) {
        if ((uint32_t)pc->letter >= sh->ncols) {
            Buf c;
            buf_init(&c);
            sheet_ref(&c, 0, (uint32_t)pc->letter);
            c.data[strcspn(c.data, "0123456789")] = '\0';
            ierr(im, _("%s:%d: kolom %s = %s: %s%s%s has no column %s"), m->path, pc->line, label,
                 c.data, sh->source, sh->name ? ":" : "", sh->name ? sh->name : "", c.data);
            buf_free(&c);
        }
        return pc->letter;
    }
    if (head >= sh->nrows) {
        ierr(im, _("%s:%d: the header row %u is past the last row of %s"), m->path, pc->line, header_row,
             sh->source);
        return -1;
    }
    for (uint32_t c = 0; c < sh->ncols && found < 0; c++) {
        char *t = clean(sheet_cell(sh, head, c));
        if (same_text(t, pc->header)) found = c;
        free(t);
    }
    if (found < 0) {
        Buf have;
        buf_init(&have);
        for (uint32_t c = 0; c < sh->ncols; c++) {
            char *t = clean(sheet_cell(sh, head, c));
            if (t) buf_printf(&have, "%s'%s'", have.len ? ", " : "", t);
            free(t);
        }
        ierr(im, _("%s:%d: kolom %s = \"%s\": no such column in the header row %u of %s%s%s (it has: %s)"),
             m->path, pc->line, label, pc->header, header_row, sh->source, sh->name ? ":" : "",
             sh->name ? sh->name : "", have.len ? have.data : "nothing");
        buf_free(&have);
    }
    return found;
}

static long resolve_col(Imp *im, const Sheet *sh, const PetaCol *pc, const char *label)
{
    return resolve_col_at(im, sh, pc, label, im->map->header_row);
}

/* Merged cells among the rows read (from row `first`) are an error each:
 * which of their cells holds the value would be a guess. */
static void merged_cells(Imp *im, const Sheet *sh, uint32_t first)
{
    for (size_t i = 0; i < sh->nmerged; i++) {
        const SheetRange *rg = &sh->merged[i];
        if (rg->r2 < first) continue;
        Buf a, b;
        buf_init(&a);
        buf_init(&b);
        sheet_where(&a, sh, rg->r1, rg->c1);
        sheet_ref(&b, rg->r2, rg->c2);
        ierr(im, _("%s:%s: merged cells; unmerge them (each row its own cells) before importing"), a.data, b.data);
        buf_free(&a);
        buf_free(&b);
    }
}

/* The texts of row r in the map's role columns (txt[i] NULL for an empty
 * cell or an unmapped role); whether any is not empty. */
static bool row_texts(const Sheet *sh, uint32_t r, const long col[PC_N], char *txt[PC_N])
{
    bool any = false;
    for (int i = 0; i < PC_N; i++)
        if (col[i] >= 0) {
            txt[i] = clean(sheet_cell(sh, r, (uint32_t)col[i]));
            any |= txt[i] != NULL;
        }
    return any;
}

/* Whether row texts txt repeat the header row `head` (printed again on
 * each page of the source). */
static bool row_is_header(const Sheet *sh, uint32_t head, const long col[PC_N], char *const txt[PC_N])
{
    for (int i = 0; i < PC_N; i++)
        if (col[i] >= 0) {
            char *h = clean(sheet_cell(sh, head, (uint32_t)col[i]));
            bool same = (!h && !txt[i]) || same_text(h, txt[i]);
            free(h);
            if (!same) return false;
        }
    return true;
}

/* Whether a `lewati` of the map matches row texts txt: `lewati nama =
 * "2"` in its column, a bare `lewati "Jumlah"` in any column of text (not
 * one of amounts or targets), in every kind of map alike. */
static bool row_skipped(const Peta *m, char *const txt[PC_N])
{
    for (size_t k = 0; k < m->skip.len; k++) {
        const PetaSkip *sk = m->skip.items[k];
        for (int i = 0; i < PC_N; i++)
            if ((sk->role < 0 ? i != PC_ANGGARAN && i != PC_REALISASI && i != PC_TARGET : i == sk->role) &&
                same_text(txt[i], sk->text))
                return true;
    }
    return false;
}

static void read_sheet(Imp *im, const Sheet *sh)
{
    const Peta *m = im->map;
    long col[PC_N];
    uint32_t head = m->header_row ? m->header_row - 1 : 0;
    uint32_t first = m->header_row ? m->header_row : 0;
    size_t errs = im->nerr;
    if (m->levels == LVL_INDENTASI && !sh->name) {
        /* a CSV cell has no style: every row would be a program */
        ierr(im, _("%s:%d: tingkat indentasi reads the indentation of a workbook's cells; %s is a CSV file, which has "
                   "none: use tingkat kode, kolom or nomor"), m->path, m->levels_line, sh->source);
        return;
    }
    for (int i = 0; i < PC_N; i++) col[i] = resolve_col(im, sh, &m->cols[i], peta_role_name(i));
    long pcol[PP_N][PETA_MAX_PERIODS];
    for (int w = 0; w < PP_N; w++)
        for (int i = 0; i < PETA_MAX_PERIODS; i++) {
            char label[32];
            snprintf(label, sizeof label, "%s %s", w == PP_RENCANA ? "rencana" : "realisasi",
                     m->pkind ? period_name(period_make((PeriodKind)m->pkind, i + 1)) : "");
            pcol[w][i] = resolve_col(im, sh, &m->pcols[w][i], label);
        }
    if (im->nerr > errs) return;
    merged_cells(im, sh, first);
    Node *last[3] = {NULL, NULL, NULL};
    for (uint32_t r = first; r < sh->nrows; r++) {
        char *txt[PC_N] = {0};
        bool any = row_texts(sh, r, col, txt);
        for (int w = 0; w < PP_N && !any; w++)
            for (int i = 0; i < PETA_MAX_PERIODS && !any; i++)
                if (pcol[w][i] >= 0) {
                    char *t = clean(sheet_cell(sh, r, (uint32_t)pcol[w][i]));
                    any = t != NULL;
                    free(t);
                }
        bool skip = !any;
        /* a header row repeated on each printed page */
        if (!skip && m->header_row && r != head) skip = row_is_header(sh, head, col, txt);
        if (!skip) skip = row_skipped(m, txt);
        if (skip) {
            for (int i = 0; i < PC_N; i++) free(txt[i]);
            continue;
        }
        uint32_t namecol = (uint32_t)col[PC_NAMA];
        Buf where;
        buf_init(&where);
        sheet_where(&where, sh, r, namecol);
        Node *n = xcalloc(1, sizeof *n);
        mpq_init(n->ang);
        mpq_init(n->real);
        for (int w = 0; w < PP_N; w++)
            for (int i = 0; i < PETA_MAX_PERIODS; i++) mpq_init(n->pv[w][i]);
        n->where = buf_steal(&where);
        n->name = txt[PC_NAMA];
        n->kode = txt[PC_KODE];
        n->id = txt[PC_ID];
        txt[PC_NAMA] = txt[PC_KODE] = txt[PC_ID] = NULL;
        bool ok = true;
        if (col[PC_ANGGARAN] >= 0) ok &= cell_amount(im, sh, r, (uint32_t)col[PC_ANGGARAN], n->ang, &n->has_ang);
        if (col[PC_REALISASI] >= 0) ok &= cell_amount(im, sh, r, (uint32_t)col[PC_REALISASI], n->real, &n->has_real);
        for (int w = 0; w < PP_N; w++)
            for (int i = 0; i < PETA_MAX_PERIODS; i++)
                if (pcol[w][i] >= 0) ok &= cell_amount(im, sh, r, (uint32_t)pcol[w][i], n->pv[w][i], &n->has_p[w][i]);
        int level = -1;
        if (!n->name) {
            ierr(im, _("%s: a row without a name (kolom nama); give it one, or skip it with lewati"), n->where);
            ok = false;
        } else if (m->levels == LVL_NOMOR) {
            level = strip_level_word(n->name);
            if (level < 0) {
                const char *num = txt[PC_NOMOR];
                char *lead = NULL;
                if (!num) {   /* "1.1 Administrasi ...": the numbering leads the name */
                    size_t k = strspn(n->name, "0123456789.");
                    if (k && n->name[k] == ' ') {
                        lead = xstrndup(n->name, k);
                        memmove(n->name, n->name + k + 1, strlen(n->name + k + 1) + 1);
                    }
                    num = lead;
                }
                level = numbering_level(num);
                free(lead);
            }
            if (level < 0) {
                ierr(im, _("%s: cannot tell the level of '%s': no numbering (1, 1.1) and no 'Program', 'Kegiatan' "
                           "or 'Sub Kegiatan' before the name"), n->where, n->name);
                ok = false;
            }
        } else if (m->levels == LVL_KOLOM) {
            const char *t = txt[PC_TINGKAT];
            for (int k = 0; t && k < 3; k++)
                if (!strcasecmp(t, level_words[k])) level = k;
            if (t && (!strcasecmp(t, "sub kegiatan") || !strcasecmp(t, "sub-kegiatan"))) level = LV_SUB;
            if (t && t[0] >= '1' && t[0] <= '3' && !t[1]) level = t[0] - '1';
            if (level < 0) {
                Buf w;
                buf_init(&w);
                sheet_where(&w, sh, r, (uint32_t)col[PC_TINGKAT]);
                ierr(im, _("%s: '%s' is not a level: program, kegiatan or subkegiatan (or 1, 2, 3)"), w.data,
                     t ? t : "");
                buf_free(&w);
                ok = false;
            }
        } else if (m->levels == LVL_INDENTASI) {
            const SheetCell *c = sheet_cell(sh, r, namecol);
            level = c ? c->indent : 0;
            if (level > LV_SUB) {
                ierr(im, _("%s: indented %d steps; a budget tree has 3 levels (0, 1 and 2 steps)"), n->where, level);
                level = -1;
                ok = false;
            }
        }
        if (n->kode) {
            int segs = code_segments(n->kode);
            int kl = segs == 3 ? LV_PROGRAM : segs == 5 ? LV_KEGIATAN : segs == 6 ? LV_SUB : -1;
            Buf w;
            buf_init(&w);
            sheet_where(&w, sh, r, (uint32_t)col[PC_KODE]);
            if (kl < 0) {
                ierr(im, _("%s: '%s' is not a program (U.BB.PP), kegiatan (U.BB.PP.K.KK) or subkegiatan "
                           "(U.BB.PP.K.KK.SSSS) code"), w.data, n->kode);
                ok = false;
            } else if (m->levels == LVL_KODE) {
                level = kl;
            } else if (level >= 0 && level != kl) {
                ierr(im, _("%s: '%s' is the code of a %s, but the row is a %s"), w.data, n->kode, level_words[kl],
                     level_words[level]);
                ok = false;
            }
            Node *dup = find_code(im, n->kode);
            if (dup) {
                ierr(im, _("%s: code '%s' is also the code of %s"), w.data, n->kode, dup->where);
                ok = false;
            }
            buf_free(&w);
        } else if (m->levels == LVL_KODE && n->name) {
            Buf w;
            buf_init(&w);
            sheet_where(&w, sh, r, (uint32_t)col[PC_KODE]);
            ierr(im, _("%s: a row without a code (the map says tingkat kode)"), w.data);
            buf_free(&w);
            ok = false;
        }
        if (n->id) {
            n->given_id = true;
            if (!valid_identifier(n->id)) {
                ierr(im, _("%s: '%s' is not an identifier (letters, digits and _, not first a digit)"), n->where,
                     n->id);
                ok = false;
            }
            const Node *twin = ok ? strtab_get(&im->ids, n->id) : NULL;
            if (twin) {
                ierr(im, _("%s: identifier '%s' is also the identifier of %s"), n->where, n->id, twin->where);
                ok = false;
            }
        }
        for (int i = 0; i < PC_N; i++) free(txt[i]);
        if (!ok) {
            /* kept as the parent of the rows below it, so they are not
             * reported as orphans too */
            if (level >= 0) {
                n->level = level;
                vec_push(&im->dead, n);
                last[level] = n;
                for (int k = level + 1; k < 3; k++) last[k] = NULL;
            } else {
                node_free(n);
            }
            continue;
        }
        n->level = level;
        /* the parent; --perbarui matches a row with a code or an
         * identifier by itself, wherever it stands */
        if (im->flat && (n->kode || n->given_id)) {
            add_node(im, n);
            continue;
        }
        if (level > LV_PROGRAM) {
            Node *p = NULL;
            if (m->levels == LVL_KODE) {
                char *pk = code_prefix(n->kode, level == LV_SUB ? 5 : 3);
                p = find_code(im, pk);
                if (!p || p->level != level - 1) {
                    ierr(im, _("%s: the %s above code '%s' (%s) is not in the sheet before it"), n->where,
                         level_words[level - 1], n->kode, pk);
                    p = NULL;
                }
                free(pk);
            } else {
                p = last[level - 1];
                if (!p) ierr(im, _("%s: a %s with no %s above it"), n->where, level_words[level], level_words[level - 1]);
                else if (p->kode && n->kode) {
                    char *pk = code_prefix(n->kode, level == LV_SUB ? 5 : 3);
                    if (!codes_match(pk, p->kode)) {
                        ierr(im, _("%s: code '%s' does not start with the code '%s' of the %s above it"), n->where,
                             n->kode, p->kode, level_words[level - 1]);
                        p = NULL;
                    }
                    free(pk);
                }
            }
            if (!p) {
                node_free(n);
                continue;
            }
            n->parent = p;
            vec_push(&p->kids, n);
        } else {
            vec_push(&im->roots, n);
        }
        add_node(im, n);
        last[level] = n;
        for (int k = level + 1; k < 3; k++) last[k] = NULL;
    }
}

/* ---- an indikator map: the Renstra target matrix ---- */

static void put_string(Buf *b, const char *s);

static void ind_free(Ind *d)
{
    free(d->id);
    free(d->name);
    free(d->satuan);
    free(d->sasaran);
    free(d->where);
    for (int i = 0; i < PETA_MAX_YEARS; i++) free(d->target[i]);
    free(d);
}

/* A target as the map's notation writes it ("83,57", "1.234", "100%";
 * English "83.57", "1,234") into .sakip's literal ("83.57", "1234",
 * "100%"); NULL when it is not a number.  Groups of thousands must be
 * groups of three, so "83.57" under angka indonesia is refused, not read
 * as 8.357. */
static char *target_literal(const SheetCell *cell, const char *t, Notation nt)
{
    mpq_t q;
    mpq_init(q);
    Buf b;
    buf_init(&b);
    bool ok;
    size_t n = strlen(t);
    bool pct = n > 1 && t[n - 1] == '%';
    if (pct) n--;
    while (pct && n > 1 && t[n - 1] == ' ') n--;
    if (cell->flags & CELL_NUMBER && !pct) {
        ok = machine_number(t, q);
        if (ok && (cell->flags & CELL_PERCENT)) {   /* 0.83 shown as 83%: the language's 83% */
            mpq_t h;
            mpq_init(h);
            mpq_set_ui(h, 100, 1);
            num_mul(q, q, h);
            mpq_clear(h);
            pct = true;
        }
    } else {
        char grp = nt == NOTATION_ID ? '.' : ',', dec = nt == NOTATION_ID ? ',' : '.';
        Buf d;
        buf_init(&d);
        size_t i = 0, run = 0, groups = 0;
        bool neg = i < n && t[i] == '-';
        if (neg) i++;
        ok = i < n;
        for (; i < n && ok; i++) {
            char c = t[i];
            if (c >= '0' && c <= '9') {
                buf_putc(&d, c);
                run++;
            } else if (c == grp) {
                ok = run >= 1 && (groups ? run == 3 : run <= 3);
                groups++;
                run = 0;
            } else if (c == dec) {
                break;
            } else {
                ok = false;
            }
        }
        if (ok && groups && run != 3) ok = false;
        if (ok && i < n) {   /* after the decimal mark: digits only */
            buf_putc(&d, '.');
            size_t k = ++i;
            for (; i < n && t[i] >= '0' && t[i] <= '9'; i++) buf_putc(&d, t[i]);
            ok = i == n && i > k;
        }
        int decs;
        ok = ok && d.len && d.len <= NUM_MAX_DIGITS && num_parse_decimal(q, d.data, d.len, &decs);
        if (ok && neg) mpq_neg(q, q);
        buf_free(&d);
    }
    if (ok) {
        num_format_plain(&b, q, NUM_MAX_DIGITS);
        if (pct) buf_putc(&b, '%');
    }
    mpq_clear(q);
    if (!ok) {
        buf_free(&b);
        return NULL;
    }
    return buf_steal(&b);
}

/* The target in cell (r, c) as .sakip's literal into *lit (malloc'd;
 * NULL for an empty cell or "-"); false (and an error at the cell) when
 * it is not a number.  *present: the cell is not empty. */
static bool cell_target(Imp *im, const Sheet *sh, uint32_t r, uint32_t c, char **lit, bool *present)
{
    const SheetCell *cell = sheet_cell(sh, r, c);
    char *t = clean(cell);
    Buf w;
    buf_init(&w);
    sheet_where(&w, sh, r, c);
    bool ok = true;
    *lit = NULL;
    *present = false;
    if (!cell_has_value(im, cell, w.data, t, true)) {
        ok = false;
    } else if (t && strcmp(t, "-")) {
        *present = true;
        *lit = target_literal(cell, t, im->map->notation);
        if (!*lit) {
            ierr(im, im->map->notation == NOTATION_ID
                         ? _("%s: '%s' is not a target (the map says angka indonesia: 1.234,5 or 83,57%%)")
                         : _("%s: '%s' is not a target (the map says angka inggris: 1,234.5 or 83.57%%)"),
                 w.data, t);
            ok = false;
        }
    }
    buf_free(&w);
    free(t);
    return ok;
}

static void read_indikator(Imp *im, const Sheet *sh)
{
    const Peta *m = im->map;
    long col[PC_N], tcol[PETA_MAX_YEARS];
    uint32_t head = m->header_row ? m->header_row - 1 : 0;
    uint32_t first = m->header_row ? m->header_row : 0;
    size_t errs = im->nerr;
    for (int i = 0; i < PC_N; i++) col[i] = resolve_col(im, sh, &m->cols[i], peta_role_name(i));
    for (int i = 0; i < m->ntargets; i++) {
        char label[32];
        snprintf(label, sizeof label, "target %d", m->tyears[i]);
        tcol[i] = resolve_col(im, sh, &m->tcols[i], label);
    }
    if (im->nerr > errs) return;
    merged_cells(im, sh, first);
    char *sasaran = NULL;    /* the sasaran of the rows above, when the cell is left empty */
    for (uint32_t r = first; r < sh->nrows; r++) {
        char *txt[PC_N] = {0};
        bool any = row_texts(sh, r, col, txt);
        for (int i = 0; i < m->ntargets && !any; i++) {
            char *t = clean(sheet_cell(sh, r, (uint32_t)tcol[i]));
            any = t != NULL;
            free(t);
        }
        bool skip = !any;
        if (!skip && m->header_row && r != head) skip = row_is_header(sh, head, col, txt);
        if (!skip) skip = row_skipped(m, txt);
        if (!skip && txt[PC_SASARAN]) {
            free(sasaran);
            sasaran = xstrdup(txt[PC_SASARAN]);
        }
        /* a sasaran's own row, without an indikator */
        if (!skip && !txt[PC_INDIKATOR] && txt[PC_SASARAN] && !txt[PC_SATUAN]) skip = true;
        if (skip) {
            for (int i = 0; i < PC_N; i++) free(txt[i]);
            continue;
        }
        Ind *d = xcalloc(1, sizeof *d);
        Buf w;
        buf_init(&w);
        sheet_where(&w, sh, r, (uint32_t)col[PC_INDIKATOR]);
        d->where = buf_steal(&w);
        d->name = txt[PC_INDIKATOR];
        d->satuan = txt[PC_SATUAN];
        d->id = txt[PC_ID];
        d->sasaran = sasaran ? xstrdup(sasaran) : NULL;
        txt[PC_INDIKATOR] = txt[PC_SATUAN] = txt[PC_ID] = NULL;
        bool ok = true;
        if (!d->name) {
            ierr(im, _("%s: a row without an indikator (kolom indikator); give it one, or skip it with lewati"),
                 d->where);
            ok = false;
        }
        if (!d->satuan) {
            buf_init(&w);
            sheet_where(&w, sh, r, (uint32_t)col[PC_SATUAN]);
            ierr(im, _("%s: the indikator has no satuan"), w.data);
            buf_free(&w);
            ok = false;
        }
        d->polarity = m->polarity;
        if (col[PC_POLARITAS] >= 0) {
            const char *t = txt[PC_POLARITAS];
            if (t && (!strcasecmp(t, "positif") || !strcmp(t, "+"))) d->polarity = 1;
            else if (t && (!strcasecmp(t, "negatif") || !strcmp(t, "-"))) d->polarity = 2;
            else {
                buf_init(&w);
                sheet_where(&w, sh, r, (uint32_t)col[PC_POLARITAS]);
                ierr(im, _("%s: '%s' is not a polarity: positif or negatif (or + and -)"), w.data, t ? t : "");
                buf_free(&w);
                ok = false;
            }
        }
        bool some = false;
        for (int i = 0; i < m->ntargets; i++) {
            bool present;
            ok &= cell_target(im, sh, r, (uint32_t)tcol[i], &d->target[i], &present);
            some |= present;
        }
        if (ok && !some) {
            ierr(im, _("%s: '%s' has no target in any year of the map"), d->where, d->name);
            ok = false;
        }
        if (d->id) {
            d->given_id = true;
            if (!valid_identifier(d->id)) {
                ierr(im, _("%s: '%s' is not an identifier (letters, digits and _, not first a digit)"), d->where, d->id);
                ok = false;
            }
            const Ind *twin = ok ? strtab_get(&im->ind_ids, d->id) : NULL;
            if (twin) {
                ierr(im, _("%s: identifier '%s' is also the identifier of %s"), d->where, d->id, twin->where);
                ok = false;
            }
        }
        for (int i = 0; i < PC_N; i++) free(txt[i]);
        if (!ok) {
            ind_free(d);
            continue;
        }
        vec_push(&im->inds, d);
        if (d->id) strtab_put(&im->ind_ids, d->id, d);
    }
    free(sasaran);
}

/* The indikator as .sakip, in sasaran S1, S2 ... by the sheet's sasaran
 * names (in their order), or bare with a note when the sheet has none. */
static void emit_indikator(Buf *out, const Imp *im)
{
    const Peta *m = im->map;
    Vec names = {0};   /* char*: the sasaran, in order */
    bool bare = false;
    for (size_t i = 0; i < im->inds.len; i++) {
        const Ind *d = im->inds.items[i];
        if (!d->sasaran) {
            bare = true;
            continue;
        }
        bool seen = false;
        for (size_t k = 0; k < names.len && !seen; k++) seen = !strcmp(names.items[k], d->sasaran);
        if (!seen) vec_push(&names, d->sasaran);
    }
    for (size_t g = 0; g <= names.len; g++) {
        if (g == names.len && !bare) break;
        Buf b;
        buf_init(&b);
        /* a bare group is formatted inside a stand-in sasaran, then unwrapped */
        buf_printf(&b, "sasaran S%lu ", (unsigned long)g + 1);
        put_string(&b, g < names.len ? names.items[g] : "");
        buf_puts(&b, " {\n");
        for (size_t i = 0; i < im->inds.len; i++) {
            const Ind *d = im->inds.items[i];
            if (g < names.len ? !d->sasaran || strcmp(d->sasaran, names.items[g]) : d->sasaran != NULL) continue;
            buf_printf(&b, "indikator %s ", d->id);   /* number_inds gave one */
            put_string(&b, d->name);
            buf_puts(&b, " {\nsatuan ");
            put_string(&b, d->satuan);
            buf_printf(&b, "\npolaritas %s\ntarget ", d->polarity == 2 ? "negatif" : "positif");
            bool first = true;
            for (int y = 0; y < m->ntargets; y++)
                if (d->target[y]) {
                    buf_printf(&b, "%s%d: %s", first ? "" : ", ", m->tyears[y], d->target[y]);
                    first = false;
                }
            buf_puts(&b, "\n}\n");
        }
        buf_puts(&b, "}\n");
        Buf f;
        buf_init(&f);
        fmt_source(b.data, b.len, &f);
        if (out->len) buf_putc(out, '\n');
        if (g < names.len) {
            buf_puts(out, f.data);
        } else {
            buf_puts(out, _("# The sheet gives no sasaran: put each indikator below inside its sasaran\n"
                            "# (sasaran ID \"...\" { tujuan ...  indikator ... }); it cannot stand alone.\n"));
            /* the lines between the stand-in's first and last, 4 spaces less */
            char *p = strchr(f.data, '\n');
            p = p ? p + 1 : f.data + f.len;
            char *end = f.data + f.len;
            if (end > p && end[-1] == '\n') end--;
            while (end > p && end[-1] != '\n') end--;
            while (p < end) {
                char *nl = memchr(p, '\n', (size_t)(end - p));
                size_t len = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
                size_t skip = 0;
                while (skip < 4 && skip < len && p[skip] == ' ') skip++;
                buf_putn(out, p + skip, len - skip);
                p += len;
            }
        }
        buf_free(&f);
        buf_free(&b);
    }
    vec_free(&names);
}

/* A generated identifier of node n, checked against those the id column
 * gives: the same identifier twice would be two declarations of one
 * name (the file would not check) or, in --perbarui, two rows on one node. */
static void gen_id(Imp *im, Node *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void gen_id(Imp *im, Node *n, const char *fmt, ...)
{
    if (n->id) return;
    va_list ap;
    va_start(ap, fmt);
    n->id = vformat(fmt, ap);
    va_end(ap);
    const Node *o = strtab_get(&im->ids, n->id);
    if (o && o != n)
        ierr(im, _("%s: %s, the identifier this row's position gives, is the identifier of %s (kolom id); give this "
                   "row its own in the id column"), n->where, n->id, o->where);
}

/* Identifiers by position when the source has none: P1, K1_2, SK1_2_3. */
static void number_nodes(Imp *im)
{
    for (size_t i = 0; i < im->roots.len; i++) {
        Node *p = im->roots.items[i];
        gen_id(im, p, "P%lu", (unsigned long)i + 1);
        for (size_t j = 0; j < p->kids.len; j++) {
            Node *k = p->kids.items[j];
            gen_id(im, k, "K%lu_%lu", (unsigned long)i + 1, (unsigned long)j + 1);
            for (size_t l = 0; l < k->kids.len; l++)
                gen_id(im, k->kids.items[l], "SK%lu_%lu_%lu", (unsigned long)i + 1, (unsigned long)j + 1,
                       (unsigned long)l + 1);
        }
    }
}

/* Identifiers by row for indikator without one: IK1, IK2, ...; the same
 * check as gen_id. */
static void number_inds(Imp *im)
{
    for (size_t i = 0; i < im->inds.len; i++) {
        Ind *d = im->inds.items[i];
        if (d->id) continue;
        Buf b;
        buf_init(&b);
        buf_printf(&b, "IK%lu", (unsigned long)i + 1);
        d->id = buf_steal(&b);
        const Ind *o = strtab_get(&im->ind_ids, d->id);
        if (o && o != d)
            ierr(im, _("%s: %s, the identifier this row's position gives, is the identifier of %s (kolom id); give "
                       "this row its own in the id column"), d->where, d->id, o->where);
    }
}

/* ---- output ---- */

static void put_string(Buf *b, const char *s)
{
    buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') buf_putc(b, '\\');
        buf_putc(b, *s);
    }
    buf_putc(b, '"');
}

static void put_money(Buf *b, const mpq_t q)
{
    num_format_money(b, q, ROUND_HALF_UP, NOTATION_ID);
}

/* `realisasi 2025 { tw1: Rp 1.500.000, tw2: Rp 4.350.000 }` (with_word),
 * or only its braces' inside; false when the node has no such periods. */
static bool put_periods(Buf *b, const Peta *map, const Node *n, int w, bool with_word)
{
    bool any = false;
    for (int i = 0; i < PETA_MAX_PERIODS; i++) any |= n->has_p[w][i];
    if (!any) return false;
    if (with_word) buf_printf(b, "%s %d { ", w == PP_RENCANA ? "rencana" : "realisasi", map->year);
    bool first = true;
    for (int i = 0; i < PETA_MAX_PERIODS; i++) {
        if (!n->has_p[w][i]) continue;
        buf_printf(b, "%s%s: ", first ? "" : ", ", period_name(period_make((PeriodKind)map->pkind, i + 1)));
        put_money(b, n->pv[w][i]);
        first = false;
    }
    if (with_word) buf_puts(b, " }\n");
    return true;
}

static void emit(Buf *b, const Peta *map, const Node *n)
{
    buf_printf(b, "%s %s ", level_words[n->level], n->id);
    put_string(b, n->name);
    buf_puts(b, " {\n");
    if (n->kode) {
        buf_puts(b, "kode ");
        put_string(b, n->kode);
        buf_putc(b, '\n');
    }
    if (n->has_ang) {
        buf_puts(b, "anggaran ");
        put_money(b, n->ang);
        buf_putc(b, '\n');
    }
    if (n->has_real) {
        buf_puts(b, "realisasi ");
        put_money(b, n->real);
        buf_putc(b, '\n');
    }
    for (int w = PP_RENCANA; w >= PP_REALISASI; w--)
        put_periods(b, map, n, w, true);
    for (size_t i = 0; i < n->kids.len; i++) emit(b, map, n->kids.items[i]);
    buf_puts(b, "}\n");
}

/* ---- --perbarui ---- */

/* The source text of span s of lf (malloc'd). */
static char *src_text(const LocFile *lf, Span s)
{
    return xstrndup(lf->text + s.start, s.end - s.start);
}

/* The file --perbarui updates: its unit, and what stat said of it before
 * it was read (it is written only if it is still that file). */
typedef struct Target {
    const char *path;
    Unit *u;
    struct stat was;
    bool have_was;
} Target;

/* Parses the text of the target as it would be after the edits (out),
 * and writes it atomically if it parses and the file is still the one
 * read; returns the exit status. */
static int write_checked(const Target *tg, const Buf *out)
{
    const char *path = tg->path;
    const struct stat *was = tg->have_was ? &tg->was : NULL;
    LocFile *nlf = locfile_new(path, out->data ? out->data : "", out->len);
    DiagList d2;
    diag_list_init(&d2);
    Unit *u2 = parse_unit(nlf, &d2);
    bool bad = false;
    for (size_t k = 0; k < d2.items.len; k++) bad |= ((const Diag *)d2.items.items[k])->level == DIAG_ERROR;
    diag_list_free(&d2);
    unit_free(u2);
    char *werr = NULL;
    int status = EXIT_OK;
    if (bad) {
        fprintf(stderr, _("sakip: the updated %s would not parse; not written\n"), path);
        status = EXIT_ERRORS;
    } else if (!write_file_atomic_expect(path, was, out->data ? out->data : "", out->len, &werr)) {
        fprintf(stderr, _("sakip: cannot write '%s': %s\n"), path, werr ? werr : "");
        status = EXIT_USAGE;
    } else {
        printf(_("%s written\n"), path);
    }
    free(werr);
    return status;
}

/* Stats, loads and parses path into tg; false (after saying why,
 * *status set) when it cannot be read or has syntax errors. */
static bool load_target(Target *tg, const char *path, int *status)
{
    tg->path = path;
    tg->have_was = stat(path, &tg->was) == 0;
    tg->u = NULL;
    const char *lerr = NULL;
    LocFile *lf = locfile_load(path, &lerr);
    if (!lf) {
        fprintf(stderr, _("sakip: cannot read '%s': %s\n"), path, lerr);
        *status = EXIT_USAGE;
        return false;
    }
    DiagList dl;
    diag_list_init(&dl);
    Unit *u = parse_unit(lf, &dl);
    size_t syntax = 0;
    for (size_t k = 0; k < dl.items.len; k++) {
        const Diag *d = dl.items.items[k];
        if (d->level == DIAG_ERROR) syntax++;
    }
    if (syntax) {
        diag_print_text(&dl, stderr, false);
        fprintf(stderr, _("sakip: %s has syntax errors; not updated\n"), path);
        diag_list_free(&dl);
        unit_free(u);
        *status = EXIT_ERRORS;
        return false;
    }
    diag_list_free(&dl);
    tg->u = u;
    return true;
}


typedef struct Edit {
    uint32_t start, end;
    char *text;
    size_t seq;              /* insertions at one place keep their order */
} Edit;

static int edit_cmp(const void *a, const void *b)
{
    const Edit *x = *(Edit *const *)a, *y = *(Edit *const *)b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static Edit *new_edit(Vec *edits, uint32_t start, uint32_t end, char *text)
{
    Edit *ed = xcalloc(1, sizeof *ed);
    ed->start = start;
    ed->end = end;
    ed->text = text;
    ed->seq = edits->len;
    vec_push(edits, ed);
    return ed;
}

static int kind_level(EntKind k)
{
    return k == ENT_PROGRAM ? LV_PROGRAM : k == ENT_KEGIATAN ? LV_KEGIATAN : LV_SUB;
}

static void signed_money(Buf *b, const mpq_t d)
{
    mpq_t a;
    mpq_init(a);
    mpq_abs(a, d);
    buf_putc(b, mpq_sgn(d) < 0 ? '-' : '+');
    put_money(b, a);
    mpq_clear(a);
}

/* Where a new item line of node e goes: after the line of `after` (an
 * item), or after e's opening line; its start ("\n" and the indentation
 * of an item) into nt.  Returns the offset to insert at (that line's
 * end), *at the place the line follows. */
static uint32_t new_line_after(const LocFile *lf, const Expr *after, const Entity *e, Buf *nt, uint32_t *at)
{
    const char *text = lf->text;
    *at = after ? after->span.end : e->id_span.end;
    const char *nl = memchr(text + *at, '\n', lf->len - *at);
    uint32_t eol = nl ? (uint32_t)(nl - text) : (uint32_t)lf->len;
    uint32_t bol = *at;
    while (bol > 0 && text[bol - 1] != '\n') bol--;
    uint32_t ind = bol;
    while (ind < *at && (text[ind] == ' ' || text[ind] == '\t')) ind++;
    buf_putc(nt, '\n');
    buf_putn(nt, text + bol, ind - bol);
    if (!after) buf_puts(nt, "    ");   /* inside the opening line's braces */
    return eol;
}

/* The period values (realisasi, rencana) of the map's year of a matched
 * node: each one that differs replaced in place, a missing one put into
 * the block, a missing block added as a line after the node's realisasi,
 * anggaran or opening line.  Returns how many changed; *same counts the
 * equal ones. */
static size_t update_periods(const Imp *im, const LocFile *lf, Entity *e, const Node *n, Vec *edits,
                             Vec *unmatched, Buf *diff, size_t *same)
{
    const Peta *m = im->map;
    const BudgetDecl *bd = ent_budget(e);
    const char *text = lf->text;
    size_t changed = 0;
    for (int w = PP_RENCANA; w >= PP_REALISASI; w--) {
        const char *word = w == PP_RENCANA ? "rencana" : "realisasi";
        const Vec *blocks = w == PP_RENCANA ? &bd->prencana : &bd->prealisasi;
        const PeriodBlock *pb = NULL;
        for (size_t k = 0; k < blocks->len; k++)
            if (((const PeriodBlock *)blocks->items[k])->year == m->year) pb = blocks->items[k];
        if (!pb) {
            Buf inside;
            buf_init(&inside);
            if (!put_periods(&inside, m, n, w, false)) {
                buf_free(&inside);
                continue;
            }
            /* a new line after realisasi, else anggaran, else the opening line */
            const Expr *after = bd->realisasi_uang ? bd->realisasi_uang : bd->anggaran;
            uint32_t at;
            Buf nt;
            buf_init(&nt);
            uint32_t eol = new_line_after(lf, after, e, &nt, &at);
            buf_printf(&nt, "%-9s %d { %s }", word, m->year, inside.data);   /* fmt's column */
            new_edit(edits, eol, eol, buf_steal(&nt));
            int line, colno;
            locfile_pos(lf, at, &line, &colno);
            buf_printf(diff, "  %s:%d: %s %s \"%s\": %s %d: - \xE2\x86\x92 { %s }\n", lf->name, line,
                       level_words[kind_level(e->kind)], e->id, e->name ? e->name : "", word, m->year, inside.data);
            buf_free(&inside);
            changed++;
            continue;
        }
        for (int i = 0; i < PETA_MAX_PERIODS; i++) {
            if (!n->has_p[w][i]) continue;
            int code = period_make((PeriodKind)m->pkind, i + 1);
            const PeriodVal *old = NULL, *before = NULL, *first = NULL;
            for (size_t k = 0; k < pb->vals.len; k++) {
                const PeriodVal *v = pb->vals.items[k];
                if (!first) first = v;
                if (v->code == code) old = v;
                else if (v->code && period_kind(v->code) == (PeriodKind)m->pkind && v->code < code) before = v;
            }
            Buf nt;
            buf_init(&nt);
            put_money(&nt, n->pv[w][i]);
            int line, colno;
            if (old) {
                if (!old->value || old->value->kind != EX_MONEY) {
                    Buf why;
                    buf_init(&why);
                    buf_printf(&why, _("%s: the %s %d %s of %s in %s is not an amount; not replaced"), n->where,
                               word, m->year, period_name(code), e->id, lf->name);
                    vec_push(unmatched, buf_steal(&why));
                    buf_free(&nt);
                    continue;
                }
                if (mpq_equal(old->value->u.num.q, n->pv[w][i])) {
                    (*same)++;
                    buf_free(&nt);
                    continue;
                }
                locfile_pos(lf, old->value->span.start, &line, &colno);
                buf_printf(diff, "  %s:%d: %s %s \"%s\": %s %d %s: ", lf->name, line,
                           level_words[kind_level(e->kind)], e->id, e->name ? e->name : "", word, m->year,
                           period_name(code));
                put_money(diff, old->value->u.num.q);
                buf_printf(diff, " \xE2\x86\x92 %s (", nt.data);
                mpq_t d;
                mpq_init(d);
                num_sub(d, n->pv[w][i], old->value->u.num.q);
                signed_money(diff, d);
                mpq_clear(d);
                buf_puts(diff, ")\n");
                new_edit(edits, old->value->span.start, old->value->span.end, buf_steal(&nt));
            } else {
                Buf ins;
                buf_init(&ins);
                uint32_t at;
                if (before) {
                    at = before->value ? before->value->span.end : before->span.end;
                    buf_printf(&ins, ", %s: %s", period_name(code), nt.data);
                } else if (first) {
                    at = first->name_span.start;
                    buf_printf(&ins, "%s: %s, ", period_name(code), nt.data);
                } else {
                    at = pb->span.end;
                    while (at > pb->span.start && text[at - 1] != '}') at--;
                    at = at > pb->span.start ? at - 1 : pb->span.end;
                    buf_printf(&ins, "%s: %s ", period_name(code), nt.data);
                }
                locfile_pos(lf, at, &line, &colno);
                buf_printf(diff, "  %s:%d: %s %s \"%s\": %s %d %s: - \xE2\x86\x92 %s\n", lf->name, line,
                           level_words[kind_level(e->kind)], e->id, e->name ? e->name : "", word, m->year,
                           period_name(code), nt.data);
                buf_free(&nt);
                new_edit(edits, at, at, buf_steal(&ins));
            }
            changed++;
        }
    }
    return changed;
}

static int perbarui(Imp *im, Options *o)
{
    int status = EXIT_OK;
    Target tg;
    if (!load_target(&tg, o->import_perbarui, &status)) return status;
    const char *path = tg.path;
    Unit *u = tg.u;
    const LocFile *lf = u->file;
    const char *text = lf->text;
    size_t nb = u->budget_nodes.len;
    Node **match = xcalloc(nb + 1, sizeof *match);
    Vec edits = {0}, unmatched = {0};   /* Edit*, char* */
    Buf diff;
    buf_init(&diff);
    mpq_t tot_old, tot_new, d;
    mpq_inits(tot_old, tot_new, d, NULL);
    size_t changed = 0, same = 0, pchanged = 0, psame = 0;
    Buf pdiff;
    buf_init(&pdiff);
    bool by_position = !im->map->cols[PC_ID].set && !im->map->cols[PC_KODE].set;
    for (size_t i = 0; i < im->all.len; i++) {
        Node *n = im->all.items[i];
        Entity *e = NULL;
        for (size_t k = 0; k < nb && !e; k++) {
            Entity *c = u->budget_nodes.items[k];
            const BudgetDecl *bd = ent_budget(c);
            if (n->kode ? bd->kode && codes_match(bd->kode, n->kode) : !strcmp(c->id, n->id)) e = c;
        }
        Buf why;
        buf_init(&why);
        size_t k = 0;
        for (; e && u->budget_nodes.items[k] != e; k++) {}
        if (!e) {
            buf_printf(&why, n->kode ? _("%s: code '%s' (%s): no node of %s has it")
                                     : _("%s: %s%s (%s): no node of %s has this identifier"),
                       n->where, n->kode ? n->kode : n->id, "", n->name, path);
        } else if (kind_level(e->kind) != n->level) {
            buf_printf(&why, _("%s: '%s' is a %s in the sheet but a %s in %s"), n->where, n->kode ? n->kode : n->id,
                       level_words[n->level], level_words[kind_level(e->kind)], path);
        } else if (by_position && !same_text(e->name, n->name)) {
            buf_printf(&why, _("%s: %s is \"%s\" in %s but \"%s\" in the sheet (rows without codes or identifiers "
                               "are matched by position and name)"), n->where, e->id, e->name ? e->name : "", path,
                       n->name);
        } else if (match[k]) {
            buf_printf(&why, _("%s: %s is already updated from %s"), n->where, e->id, match[k]->where);
        }
        if (why.len) {
            vec_push(&unmatched, buf_steal(&why));
            continue;
        }
        buf_free(&why);
        match[k] = n;
        pchanged += update_periods(im, lf, e, n, &edits, &unmatched, &pdiff, &psame);
        if (!n->has_real) continue;
        const Expr *old = ent_budget(e)->realisasi_uang;
        if (old && old->kind != EX_MONEY) {
            Buf w;
            buf_init(&w);
            buf_printf(&w, _("%s: the realisasi of %s in %s is a formula, not an amount; not replaced"), n->where,
                       e->id, path);
            vec_push(&unmatched, buf_steal(&w));
            continue;
        }
        if (old && mpq_equal(old->u.num.q, n->real)) {
            same++;
            continue;
        }
        Edit *ed = new_edit(&edits, 0, 0, NULL);
        Buf nt;
        buf_init(&nt);
        int line, colno;
        if (old) {
            ed->start = old->span.start;
            ed->end = old->span.end;
            put_money(&nt, n->real);
            locfile_pos(lf, old->span.start, &line, &colno);
        } else {
            /* no realisasi yet: a line after anggaran, or after the opening brace */
            uint32_t at;
            ed->start = ed->end = new_line_after(lf, ent_budget(e)->anggaran, e, &nt, &at);
            buf_puts(&nt, "realisasi ");
            put_money(&nt, n->real);
            locfile_pos(lf, at, &line, &colno);
        }
        ed->text = buf_steal(&nt);
        changed++;
        buf_printf(&diff, "  %s:%d: %s %s \"%s\": realisasi ", path, line, level_words[kind_level(e->kind)], e->id,
                   e->name ? e->name : "");
        mpq_t zero;
        mpq_init(zero);
        if (old) put_money(&diff, old->u.num.q);
        else buf_puts(&diff, "-");
        buf_puts(&diff, " \xE2\x86\x92 ");
        put_money(&diff, n->real);
        num_sub(d, n->real, old ? old->u.num.q : zero);
        buf_puts(&diff, " (");
        signed_money(&diff, d);
        buf_puts(&diff, ")\n");
        num_add(tot_old, tot_old, old ? old->u.num.q : zero);
        num_add(tot_new, tot_new, n->real);
        mpq_clear(zero);
    }
    /* nodes the sheet does not give */
    Buf missing;
    buf_init(&missing);
    size_t nmissing = 0;
    for (size_t k = 0; k < nb; k++) {
        if (match[k]) continue;
        Entity *e = u->budget_nodes.items[k];
        int line, colno;
        locfile_pos(lf, e->id_span.start, &line, &colno);
        buf_printf(&missing, "  %s:%d: %s %s \"%s\"\n", path, line, level_words[kind_level(e->kind)], e->id,
                   e->name ? e->name : "");
        nmissing++;
    }
    /* the new text */
    if (edits.len > 1) qsort(edits.items, edits.len, sizeof edits.items[0], edit_cmp);   /* no edits: no array */
    Buf out;
    buf_init(&out);
    uint32_t at = 0;
    Edit **ev = (Edit **)edits.items;
    for (size_t i = 0; i < edits.len; i++) {
        buf_putn(&out, text + at, ev[i]->start - at);
        buf_puts(&out, ev[i]->text);
        at = ev[i]->end;
    }
    buf_putn(&out, text + at, lf->len - at);

    printf(_("%s: realisasi from %s\n"), path, (const char *)im->sources.items[0]);
    fputs(diff.data ? diff.data : "", stdout);
    printf(_("  %lu realisasi changed, %lu unchanged"), (unsigned long)changed, (unsigned long)same);
    if (changed) {
        Buf t;
        buf_init(&t);
        put_money(&t, tot_old);
        buf_puts(&t, " \xE2\x86\x92 ");
        put_money(&t, tot_new);
        num_sub(d, tot_new, tot_old);
        buf_puts(&t, " (");
        signed_money(&t, d);
        buf_puts(&t, ")");
        printf(_("; total of the changed: %s"), t.data);
        buf_free(&t);
    }
    putchar('\n');
    if (im->map->pkind) {
        fputs(pdiff.data ? pdiff.data : "", stdout);
        printf(_("  %lu period values changed, %lu unchanged\n"), (unsigned long)pchanged, (unsigned long)psame);
    }
    if (unmatched.len) {
        printf(_("Rows not applied (%lu):\n"), (unsigned long)unmatched.len);
        for (size_t i = 0; i < unmatched.len; i++) printf("  %s\n", (char *)unmatched.items[i]);
    }
    if (nmissing) {
        printf(_("Nodes of %s the sheet does not give (%lu), left as they are:\n"), path, (unsigned long)nmissing);
        fputs(missing.data, stdout);
    }
    if (unmatched.len) {
        printf(_("%s not written: every row must match a node (fix the rows above, or skip them with lewati)\n"), path);
        status = EXIT_ERRORS;
    } else if (o->import_periksa) {
        printf(_("--periksa: %s not written\n"), path);
    } else if (changed || pchanged) {
        /* the result must still parse before it replaces the file */
        status = write_checked(&tg, &out);
    }
    for (size_t i = 0; i < edits.len; i++) {
        free(ev[i]->text);
        free(ev[i]);
    }
    vec_free(&edits);
    for (size_t i = 0; i < unmatched.len; i++) free(unmatched.items[i]);
    vec_free(&unmatched);
    buf_free(&out);
    buf_free(&diff);
    buf_free(&pdiff);
    buf_free(&missing);
    mpq_clears(tot_old, tot_new, d, NULL);
    free(match);
    unit_free(u);
    return status;
}

/* ---- a perjanjian map: the targets and amounts of a PK sheet ---- */

/* a row of a PK sheet: an indikator's target or a program's anggaran */
typedef struct PkRow {
    bool anggaran;           /* a program's amount; else an indikator's target */
    char *name;              /* the name cell's text */
    char *where;             /* its place */
    char *target;            /* the target's literal ("82", "100%") */
    mpq_t amount;
    Entity *ent;             /* what it names in the file (pk_apply) */
} PkRow;

static void pkrow_free(PkRow *k)
{
    free(k->name);
    free(k->where);
    free(k->target);
    mpq_clear(k->amount);
    free(k);
}

/* Row r of one of the two tables: prog (the programs' table: its name
 * column kolom program, its value kolom anggaran) or the targets' table
 * (kolom indikator, kolom target); head the table's header row (0-based)
 * or -1. */
static void pk_row(Imp *im, const Sheet *sh, uint32_t r, const long col[PC_N], bool prog, long head)
{
    int rn = prog ? PC_PROGRAM : PC_INDIKATOR, rv = prog ? PC_ANGGARAN : PC_TARGET;
    long use[PC_N];
    for (int i = 0; i < PC_N; i++) use[i] = i == rn || i == rv ? col[i] : -1;
    char *txt[PC_N] = {0};
    bool skip = !row_texts(sh, r, use, txt);
    if (!skip && head >= 0 && r != (uint32_t)head) skip = row_is_header(sh, (uint32_t)head, use, txt);
    if (!skip) skip = row_skipped(im->map, txt);
    if (skip) {
        for (int i = 0; i < PC_N; i++) free(txt[i]);
        return;
    }
    PkRow *k = xcalloc(1, sizeof *k);
    mpq_init(k->amount);
    k->anggaran = prog;
    Buf w;
    buf_init(&w);
    sheet_where(&w, sh, r, (uint32_t)col[rn]);
    k->where = buf_steal(&w);
    k->name = txt[rn];
    txt[rn] = NULL;
    bool ok = true, present = false;
    if (!k->name) {
        ierr(im, prog ? _("%s: a row without a program (kolom program); give it one, or skip it with lewati")
                      : _("%s: a row without an indikator (kolom indikator); give it one, or skip it with lewati"),
             k->where);
        ok = false;
    }
    if (prog) ok &= cell_amount(im, sh, r, (uint32_t)col[rv], k->amount, &present);
    else ok &= cell_target(im, sh, r, (uint32_t)col[rv], &k->target, &present);
    if (ok && !present) {
        buf_init(&w);
        sheet_where(&w, sh, r, (uint32_t)col[rv]);
        ierr(im, prog ? _("%s: '%s' has no anggaran") : _("%s: '%s' has no target"), w.data, k->name);
        buf_free(&w);
        ok = false;
    }
    for (int i = 0; i < PC_N; i++) free(txt[i]);
    if (ok) vec_push(&im->pkrows, k);
    else pkrow_free(k);
}

/* The two tables of a PK sheet: the targets' under the header row (judul),
 * down to the programs' header row: `judul program N`, or the first row
 * below with kolom program's header text. */
static void read_pk(Imp *im, const Sheet *sh)
{
    const Peta *m = im->map;
    size_t errs = im->nerr;
    bool targets = m->cols[PC_INDIKATOR].set, programs = m->cols[PC_PROGRAM].set;
    long col[PC_N];
    for (int i = 0; i < PC_N; i++) col[i] = -1;
    uint32_t first = m->header_row, end = sh->nrows;
    unsigned phead = 0;      /* the programs' header row, 1-based; 0: none */
    if (targets) {
        col[PC_INDIKATOR] = resolve_col(im, sh, &m->cols[PC_INDIKATOR], "indikator");
        col[PC_TARGET] = resolve_col(im, sh, &m->cols[PC_TARGET], "target");
    }
    if (programs) {
        if (!targets) phead = m->header_row;
        else if (m->program_header_row) phead = m->program_header_row;
        else {
            for (uint32_t r = first; r < sh->nrows && !phead; r++)
                for (uint32_t c = 0; c < sh->ncols && !phead; c++) {
                    char *t = clean(sheet_cell(sh, r, c));
                    if (same_text(t, m->cols[PC_PROGRAM].header)) phead = r + 1;
                    free(t);
                }
            if (!phead)
                ierr(im, _("%s:%d: kolom program = \"%s\": no row of %s below the header row %u has this text (the "
                           "header of the programs' table)"), m->path, m->cols[PC_PROGRAM].line,
                     m->cols[PC_PROGRAM].header, sh->source, m->header_row);
        }
        if (phead || !targets) {
            col[PC_PROGRAM] = resolve_col_at(im, sh, &m->cols[PC_PROGRAM], "program", phead);
            col[PC_ANGGARAN] = resolve_col_at(im, sh, &m->cols[PC_ANGGARAN], "anggaran", phead);
        }
        if (targets && phead) end = phead - 1 < end ? phead - 1 : end;
    }
    if (im->nerr > errs) return;
    merged_cells(im, sh, first);
    if (targets)
        for (uint32_t r = first; r < end; r++) pk_row(im, sh, r, col, false, m->header_row ? (long)m->header_row - 1 : -1);
    if (programs)
        for (uint32_t r = phead; r < sh->nrows; r++) pk_row(im, sh, r, col, true, phead ? (long)phead - 1 : -1);
}

/* a and b the same but for case and runs of white space */
static bool same_name(const char *a, const char *b)
{
    if (!a || !b) return false;
    for (;;) {
        while (*a == ' ' && (a[1] == ' ' || a[1] == '\t' || a[1] == '\n')) a++;
        while (*b == ' ' && (b[1] == ' ' || b[1] == '\t' || b[1] == '\n')) b++;
        char x = *a == '\t' || *a == '\n' ? ' ' : *a, y = *b == '\t' || *b == '\n' ? ' ' : *b;
        if ((x >= 'A' && x <= 'Z' ? x + 32 : x) != (y >= 'A' && y <= 'Z' ? y + 32 : y)) return false;
        if (!x) return true;
        a++, b++;
    }
}

/* The entity of cands (indikator, or budget nodes) that a PK sheet's text
 * names: its identifier, its kode (budget nodes), or its name, exactly but
 * for case and spaces, with or without a leading numbering ("1 Penunjang
 * ...", "2. ...").  NULL when none does, or (*twin set) when two have
 * that name. */
static Entity *pk_match(const Vec *cands, const char *text, bool budget, Entity **twin)
{
    *twin = NULL;
    for (size_t i = 0; i < cands->len; i++) {
        Entity *e = cands->items[i];
        if (!strcmp(e->id, text)) return e;
    }
    for (size_t i = 0; budget && code_segments(text) > 1 && i < cands->len; i++) {
        Entity *e = cands->items[i];
        if (ent_budget(e)->kode && codes_match(ent_budget(e)->kode, text)) return e;
    }
    for (int pass = 0; pass < 2; pass++) {
        const char *t = text;
        if (pass) {   /* "1 Penunjang ...", "1. ...", "1) ..." */
            size_t k = strspn(t, "0123456789");
            if (!k) break;
            if (t[k] == '.' || t[k] == ')') k++;
            if (t[k] != ' ') break;
            t += k + 1;
        }
        Entity *found = NULL;
        for (size_t i = 0; i < cands->len; i++) {
            Entity *e = cands->items[i];
            if (!same_name(e->name, t)) continue;
            if (found) {
                *twin = e;
                return found;
            }
            found = e;
        }
        if (found) return found;
    }
    return NULL;
}

/* One item of the diff of a perjanjian: old → new (either may be NULL). */
static void pk_diff_line(Buf *diff, const char *word, const char *id, const char *old, const char *new_)
{
    buf_printf(diff, "  %s %s: %s \xE2\x86\x92 %s\n", word, id, old ? old : "-", new_ ? new_ : "-");
}

/* --perbarui with a perjanjian map: the rows matched to the file's
 * indikator and programs, the perjanjian put in (or replaced), the change
 * shown item by item. */
static int pk_apply(Imp *im, Options *o)
{
    const Peta *m = im->map;
    int status = EXIT_OK;
    Target tg;
    if (!load_target(&tg, o->import_perbarui, &status)) return status;
    const char *path = tg.path;
    Unit *u = tg.u;
    const LocFile *lf = u->file;
    Vec inds = {0};
    for (size_t i = 0; i < u->indikator.len; i++) {
        Entity *e = u->indikator.items[i];
        if (!ent_indikator(e)->keluaran) vec_push(&inds, e);
    }
    /* each row's indikator or program; every one unmatched is an error */
    StrTab seen[2] = {{0}, {0}};   /* PkRow* by its entity's identifier: targets, amounts */
    for (size_t i = 0; i < im->pkrows.len; i++) {
        PkRow *k = im->pkrows.items[i];
        Entity *twin;
        k->ent = pk_match(k->anggaran ? &u->budget_nodes : &inds, k->name, k->anggaran, &twin);
        if (twin) {
            ierr(im, _("%s: '%s' is the name of both %s and %s in %s; write the identifier instead"), k->where, k->name,
                 k->ent->id, twin->id, path);
            k->ent = NULL;
            continue;
        }
        if (!k->ent) {
            ierr(im, k->anggaran ? _("%s: no program (or kegiatan) of %s is named '%s' or has it as identifier or kode")
                                 : _("%s: no indikator of %s is named '%s' or has it as identifier"),
                 k->where, path, k->name);
            continue;
        }
        const PkRow *p = strtab_get(&seen[k->anggaran], k->ent->id);
        if (p) ierr(im, _("%s: %s is already given by %s"), k->where, k->ent->id, p->where);
        else strtab_put(&seen[k->anggaran], k->ent->id, k);
    }
    strtab_free(&seen[0]);
    strtab_free(&seen[1]);
    /* what the file has, once per kind a name was not found among */
    for (int w = 0; w < 2; w++) {
        bool missed = false;
        for (size_t i = 0; i < im->pkrows.len && !missed; i++) {
            const PkRow *k = im->pkrows.items[i];
            missed = k->anggaran == (w == 1) && !k->ent;
        }
        const Vec *c = w ? &u->budget_nodes : &inds;
        if (!missed || !c->len) continue;
        buf_printf(&im->err, w ? _("  the programs of %s:") : _("  the indikator of %s:"), path);
        size_t shown = 0;
        bool more = false;
        for (size_t i = 0; i < c->len && !more; i++) {
            const Entity *e = c->items[i];
            if (w && e->kind != ENT_PROGRAM) continue;
            if (shown == 12) {
                more = true;
                break;
            }
            buf_printf(&im->err, "%s %s \"%s\"", shown ? "," : "", e->id, e->name ? e->name : "");
            shown++;
        }
        buf_puts(&im->err, more ? ", ...\n" : "\n");
    }
    Entity *old = NULL;
    for (size_t i = 0; i < u->perjanjian.len; i++) {
        Entity *e = u->perjanjian.items[i];
        if (!strcmp(e->id, m->pk_id)) old = e;
    }
    const PerjanjianDecl *od = old ? ent_perjanjian_c(old) : NULL;
    const char *title = m->pk_title ? m->pk_title : old ? old->name : NULL;
    if (!title) {
        ierr(im, _("%s:%d: perjanjian %s is not in %s; give its title: perjanjian %s \"...\""), m->path, m->pk_line,
             m->pk_id, path, m->pk_id);
    }
    if (im->nerr) {
        print_errors(im, true);
        vec_free(&inds);
        unit_free(u);
        return EXIT_ERRORS;
    }
    bool sheet_t = m->cols[PC_INDIKATOR].set, sheet_a = m->cols[PC_PROGRAM].set;
    /* the declaration, then fmt's layout */
    Buf b, diff;
    buf_init(&b);
    buf_init(&diff);
    size_t changed = 0, same = 0;
    buf_printf(&b, "perjanjian %s ", m->pk_id);
    put_string(&b, title);
    buf_puts(&b, " {\n");
    const char *mengubah = m->pk_mengubah ? m->pk_mengubah : od && od->mengubah ? od->mengubah->name : NULL;
    if (mengubah) buf_printf(&b, "mengubah %s\n", mengubah);
    const char *tanggal = m->pk_tanggal ? m->pk_tanggal : od ? od->tanggal : NULL;
    if (tanggal) {
        buf_puts(&b, "tanggal ");
        put_string(&b, tanggal);
        buf_putc(&b, '\n');
    }
    const Vec *pihak = m->pk_pihak.len || !od ? &m->pk_pihak : &od->pihak;
    for (size_t i = 0; i < pihak->len; i++) {
        buf_puts(&b, i ? ", " : "pihak ");
        put_string(&b, pihak->items[i]);
        if (i + 1 == pihak->len) buf_putc(&b, '\n');
    }
    for (int w = 0; w < 2; w++) {
        bool amounts = w == 1;
        const char *word = amounts ? "anggaran" : "target";
        const Vec *olds = od ? (amounts ? &od->pk_anggaran : &od->pk_target) : NULL;
        bool first = true;
        if (amounts ? !sheet_a : !sheet_t) {
            /* the table the sheet does not give: the file's, as written */
            for (size_t i = 0; olds && i < olds->len; i++) {
                const PkPair *pp = olds->items[i];
                char *v = src_text(lf, pp->value->span);
                buf_printf(&b, "%s %s: %s", first ? word : ",", pp->ref.name, v);
                first = false;
                free(v);
            }
            if (!first) buf_putc(&b, '\n');
            continue;
        }
        for (size_t i = 0; i < im->pkrows.len; i++) {
            const PkRow *k = im->pkrows.items[i];
            if (k->anggaran != amounts) continue;
            Buf nv;
            buf_init(&nv);
            if (amounts) put_money(&nv, k->amount);
            else buf_puts(&nv, k->target);
            buf_printf(&b, "%s %s: %s", first ? word : ",", k->ent->id, nv.data);
            first = false;
            const PkPair *was_p = NULL;
            for (size_t j = 0; olds && j < olds->len && !was_p; j++)
                if (!strcmp(((const PkPair *)olds->items[j])->ref.name, k->ent->id)) was_p = olds->items[j];
            char *ov = was_p ? src_text(lf, was_p->value->span) : NULL;
            bool eq = was_p && (amounts ? was_p->value->lo->kind == EX_MONEY && !was_p->value->hi &&
                                              mpq_equal(was_p->value->lo->u.num.q, k->amount)
                                        : !strcmp(ov, nv.data));
            if (eq) same++;
            else {
                pk_diff_line(&diff, word, k->ent->id, ov, nv.data);
                changed++;
            }
            free(ov);
            buf_free(&nv);
        }
        if (!first) buf_putc(&b, '\n');
        /* what the file has and the sheet no longer does */
        for (size_t j = 0; olds && j < olds->len; j++) {
            const PkPair *pp = olds->items[j];
            bool kept = false;
            for (size_t i = 0; i < im->pkrows.len && !kept; i++) {
                const PkRow *k = im->pkrows.items[i];
                kept = k->anggaran == amounts && !strcmp(k->ent->id, pp->ref.name);
            }
            if (kept) continue;
            char *ov = src_text(lf, pp->value->span);
            pk_diff_line(&diff, word, pp->ref.name, ov, NULL);
            free(ov);
            changed++;
        }
    }
    if (old && old->penjelasan) {
        buf_puts(&b, "penjelasan ");
        put_string(&b, old->penjelasan);
        buf_putc(&b, '\n');
    }
    buf_puts(&b, "}\n");
    Buf f;
    buf_init(&f);
    fmt_source(b.data, b.len, &f);
    /* where it goes: in place of the old one; else before the perjanjian
     * that amends it, after the last perjanjian, or at the end */
    const char *text = lf->text;
    uint32_t at, to;
    Buf ins;
    buf_init(&ins);
    Entity *amender = NULL;
    for (size_t i = 0; !old && i < u->perjanjian.len && !amender; i++) {
        Entity *e = u->perjanjian.items[i];
        const PerjanjianDecl *pd = ent_perjanjian_c(e);
        if (pd->mengubah && !strcmp(pd->mengubah->name, m->pk_id)) amender = e;
    }
    int line, colno;
    if (old) {
        at = old->span.start;
        to = old->span.end;
        buf_putn(&ins, f.data, f.len && f.data[f.len - 1] == '\n' ? f.len - 1 : f.len);
    } else if (amender) {
        at = to = amender->span.start;
        while (at > 0 && text[at - 1] != '\n') at--;
        to = at;
        buf_puts(&ins, f.data);
    } else if (u->perjanjian.len) {
        const Entity *last = u->perjanjian.items[u->perjanjian.len - 1];
        at = to = last->span.end;
        buf_putc(&ins, '\n');
        buf_putn(&ins, f.data, f.len && f.data[f.len - 1] == '\n' ? f.len - 1 : f.len);
    } else {
        at = to = (uint32_t)lf->len;
        if (lf->len && text[lf->len - 1] != '\n') buf_putc(&ins, '\n');
        buf_putc(&ins, '\n');
        buf_puts(&ins, f.data);
    }
    locfile_pos(lf, old ? old->span.start : at, &line, &colno);
    printf(_("%s: perjanjian %s from %s\n"), path, m->pk_id, (const char *)im->sources.items[0]);
    if (old) printf(_("  %s:%d: perjanjian %s \"%s\": replaced\n"), path, line, m->pk_id, title);
    else if (amender) printf(_("  %s:%d: perjanjian %s \"%s\": new, before %s, which amends it\n"), path, line, m->pk_id, title, amender->id);
    else printf(_("  %s:%d: perjanjian %s \"%s\": new\n"), path, line, m->pk_id, title);
    fputs(diff.data ? diff.data : "", stdout);
    printf(_("  %lu targets and amounts changed, %lu unchanged\n"), (unsigned long)changed, (unsigned long)same);
    Buf out;
    buf_init(&out);
    buf_putn(&out, text, at);
    buf_puts(&out, ins.data);
    buf_putn(&out, text + to, lf->len - to);
    bool differs = out.len != lf->len || memcmp(out.data, text, lf->len);
    if (o->import_periksa) printf(_("--periksa: %s not written\n"), path);
    else if (differs) status = write_checked(&tg, &out);
    else printf(_("%s unchanged\n"), path);
    buf_free(&out);
    buf_free(&ins);
    buf_free(&f);
    buf_free(&b);
    buf_free(&diff);
    vec_free(&inds);
    unit_free(u);
    return status;
}

/* ---- the command ---- */

int cmd_import(Options *o)
{
    if (!o->import_peta) {
        fputs(_("sakip import: --peta=MAP is needed: the map says where the figures are (doc/import.md)\n"
                "Try 'sakip import --help' for more information.\n"), stderr);
        return EXIT_USAGE;
    }
    if (o->import_perbarui && o->files.len != 1) {
        fputs(_("sakip import: --perbarui takes one SOURCE\n"), stderr);
        return EXIT_USAGE;
    }
    if (o->import_periksa && !o->import_perbarui) {
        fputs(_("sakip import: --periksa goes with --perbarui\n"), stderr);
        return EXIT_USAGE;
    }
    Buf err;
    buf_init(&err);
    size_t len;
    char *mt = slurp(o->import_peta, 1u << 20, &len, &err);
    if (!mt) {
        fputs(err.data, stderr);
        buf_free(&err);
        return EXIT_USAGE;
    }
    Peta map;
    bool ok = peta_parse(o->import_peta, mt, len, &map, &err);
    free(mt);
    if (!ok) {
        fputs(err.data, stderr);
        buf_free(&err);
        peta_free(&map);
        return EXIT_ERRORS;
    }
    if (peta_perjanjian(&map) && !o->import_perbarui) {
        fprintf(stderr, _("sakip import: %s is a perjanjian map: it needs --perbarui FILE.sakip, whose indikator and "
                          "programs the sheet's names are matched to (--periksa to see the change only)\n"), map.path);
        buf_free(&err);
        peta_free(&map);
        return EXIT_USAGE;
    }
    if (peta_indikator(&map) && o->import_perbarui) {
        fprintf(stderr, _("sakip import: --perbarui updates budget nodes; %s is an indikator map (kolom indikator)\n"),
                map.path);
        buf_free(&err);
        peta_free(&map);
        return EXIT_USAGE;
    }
    Imp im;
    memset(&im, 0, sizeof im);
    im.map = &map;
    im.flat = o->import_perbarui != NULL;
    im.max_shown = o->max_errors;
    buf_init(&im.err);
    int status = EXIT_OK;
    for (size_t i = 0; i < o->files.len; i++) {
        const char *src = o->files.items[i];
        buf_reset(&err);
        char *data = slurp(src, SHEET_MAX_BYTES, &len, &err);
        if (!data) {
            fputs(err.data, stderr);
            status = EXIT_USAGE;
            continue;
        }
        Sheet sh;
        SheetWant want = {map.sheet_name, map.sheet_index, map.sep};
        if (!sheet_read(src, data, len, &want, &sh, &err)) {
            ierr(&im, "%s", err.data);
        } else {
            Buf s;
            buf_init(&s);
            buf_printf(&s, "%s%s%s%s", src, sh.name ? " (" : "", sh.name ? sh.name : "", sh.name ? ")" : "");
            vec_push(&im.sources, buf_steal(&s));
            if (peta_perjanjian(&map)) read_pk(&im, &sh);
            else if (peta_indikator(&map)) read_indikator(&im, &sh);
            else read_sheet(&im, &sh);
            sheet_free(&sh);
        }
        free(data);
    }
    if (status != EXIT_OK && im.nerr) {
        fputs(im.err.data, stderr);
    } else if (status == EXIT_OK && im.nerr) {
        print_errors(&im, o->import_perbarui != NULL);
        status = EXIT_ERRORS;
    } else if (status == EXIT_OK && peta_perjanjian(&map)) {
        if (!im.pkrows.len) {
            fprintf(stderr, _("sakip import: no rows to import (every row is empty or skipped)\n"));
            status = EXIT_ERRORS;
        } else {
            status = pk_apply(&im, o);
        }
    } else if (status == EXIT_OK && peta_indikator(&map) && (number_inds(&im), im.nerr)) {
        print_errors(&im, false);
        status = EXIT_ERRORS;
    } else if (status == EXIT_OK && peta_indikator(&map)) {
        if (!im.inds.len) {
            fprintf(stderr, _("sakip import: no rows to import (every row is empty or skipped)\n"));
            status = EXIT_ERRORS;
        } else {
            Buf b;
            buf_init(&b);
            emit_indikator(&b, &im);
            printf("# sakip import --peta %s:", map.path);
            for (size_t i = 0; i < im.sources.len; i++) printf(" %s", (char *)im.sources.items[i]);
            printf("\n\n%s", b.data ? b.data : "");
            buf_free(&b);
            bool bare = false;
            for (size_t i = 0; i < im.inds.len; i++) bare |= ((Ind *)im.inds.items[i])->sasaran == NULL;
            if (bare)
                fprintf(stderr, _("sakip import: the sheet gives no sasaran (kolom sasaran); put each indikator inside "
                                  "its sasaran before checking the file\n"));
        }
    } else if (status == EXIT_OK && !im.all.len) {
        fprintf(stderr, _("sakip import: no rows to import (every row is empty or skipped)\n"));
        status = EXIT_ERRORS;
    } else if (status == EXIT_OK && (number_nodes(&im), im.nerr)) {
        print_errors(&im, o->import_perbarui != NULL);
        status = EXIT_ERRORS;
    } else if (status == EXIT_OK) {
        if (o->import_perbarui) {
            status = perbarui(&im, o);
        } else {
            Buf b;
            buf_init(&b);
            buf_printf(&b, "# sakip import --peta %s:", map.path);
            for (size_t i = 0; i < im.sources.len; i++) buf_printf(&b, " %s", (char *)im.sources.items[i]);
            buf_puts(&b, "\n\n");
            for (size_t i = 0; i < im.roots.len; i++) {
                if (i) buf_putc(&b, '\n');
                emit(&b, &map, im.roots.items[i]);
            }
            Buf f;
            buf_init(&f);
            fmt_source(b.data, b.len, &f);
            fputs(f.data ? f.data : "", stdout);
            buf_free(&f);
            buf_free(&b);
        }
    }
    for (size_t i = 0; i < im.all.len; i++) node_free(im.all.items[i]);
    vec_free(&im.all);
    for (size_t i = 0; i < im.dead.len; i++) node_free(im.dead.items[i]);
    vec_free(&im.dead);
    vec_free(&im.roots);
    for (size_t i = 0; i < im.sources.len; i++) free(im.sources.items[i]);
    vec_free(&im.sources);
    for (size_t i = 0; i < im.inds.len; i++) ind_free(im.inds.items[i]);
    vec_free(&im.inds);
    for (size_t i = 0; i < im.pkrows.len; i++) pkrow_free(im.pkrows.items[i]);
    vec_free(&im.pkrows);
    strtab_free(&im.codes);
    vec_free(&im.xcodes);
    strtab_free(&im.ids);
    strtab_free(&im.ind_ids);
    buf_free(&im.err);
    buf_free(&err);
    peta_free(&map);
    return status;
}
