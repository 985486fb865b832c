/* survei.c -- survey answers and evaluation sheets.  See survei.h. */
#include <config.h>
#include "survei.h"
#include "i18n.h"
#include "num.h"

#include <csv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The parts of a komponen and their share of its weight
 * (PermenPANRB 88/2021). */
static const struct { const char *name; int percent; } parts[] = {
    {"keberadaan", 20}, {"kualitas", 30}, {"pemanfaatan", 50}, {NULL, 0}};

/* The four komponen of the AKIP evaluation and their weights. */
static const struct { const char *name; int weight; } komponen_std[] = {
    {"perencanaan", 30}, {"pengukuran", 30}, {"pelaporan", 15}, {"evaluasi", 25}, {NULL, 0}};

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return xstrdup(".");
    return xstrndup(path, (size_t)(slash - path));
}

/* ---- reading a survey CSV file ----
 *
 * The fields come from libcsv (RFC 4180: quoted fields, "" for a quote,
 * a delimiter or a line break inside quotes), read in strict mode.  The
 * file is handed to it in pieces that each end at a byte that can end a
 * field (the delimiter, a line break or a quote), so when libcsv reports
 * a field or a row, it ended at the last byte given: that is how each
 * cell keeps its place in the file for the diagnostics.  Every step is
 * linear in the file: header names are found through a hash table, each
 * row costs its own cells, and a row takes memory (a pointer per unsur)
 * only when it is complete. */

enum { CSV_MAX_ERRORS = 100, CSV_SHOWN_BYTES = 40, CSV_LISTED_UNSUR = 20 };

typedef struct CsvRead {
    Unit *u;
    Entity *s;
    SurveiDecl *sv;
    DiagList *dl;
    LocFile *lf;
    const char *t;
    size_t at;               /* the byte where libcsv's callbacks fire */
    size_t field_start;      /* where the current field's bytes begin */
    size_t row_start;
    bool row_begun, header, declared, stop;
    int nerrors;
    /* the header: per column, its unsur's index + 1 (0: none) */
    size_t *cols;
    size_t ncols, cols_cap;
    /* unsur names: open addressing, index + 1 per slot */
    size_t *names;
    size_t names_cap;
    /* the row being read: its answers by unsur, and how many are set */
    Expr **vals;
    size_t nset, ncells;
    Expr *answer[5];         /* the numbers 1..4, one Expr each */
} CsvRead;

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* The bytes of the field [start, end) as written: blanks and line breaks
 * around it and its quotes removed. */
static Span cell_span(const CsvRead *r, size_t a, size_t b)
{
    while (a < b && is_blank(r->t[a])) a++;
    while (b > a && is_blank(r->t[b - 1])) b--;
    if (b - a >= 2 && r->t[a] == '"' && r->t[b - 1] == '"') {
        a++;
        b--;
    }
    return (Span){r->lf, (uint32_t)a, (uint32_t)(b > a ? b : a + 1)};
}

static int line_of(const CsvRead *r, size_t off)
{
    int line, col;
    locfile_pos(r->lf, (uint32_t)off, &line, &col);
    return line;
}

/* Text of the file as a message may show it: a NUL, a control character
 * or a byte of invalid UTF-8 becomes '?' (each is reported where it is),
 * and past `max` bytes the rest becomes "...". */
static char *clean_text(const char *s, size_t n, size_t max)
{
    const unsigned char *t = (const unsigned char *)s;
    Buf b;
    buf_init(&b);
    for (size_t i = 0; i < n;) {
        if (b.len >= max) {
            buf_puts(&b, "...");
            break;
        }
        int len = utf8_seq_len(t + i, n - i);
        bool control = t[i] < 0x20 || t[i] == 0x7F || (len == 2 && t[i] == 0xC2 && t[i + 1] < 0xA0);
        if (!len || control) {
            buf_putc(&b, '?');
            i++;
        } else {
            buf_putn(&b, s + i, (size_t)len);
            i += (size_t)len;
        }
    }
    return b.data ? b.data : xstrdup("");
}

static char *shown(const char *s, size_t n) { return clean_text(s, n, CSV_SHOWN_BYTES); }

/* Counts an error of the file; past CSV_MAX_ERRORS the rest of it is not
 * read.  Returns the record, or NULL when it is not reported. */
static Diag *survey_error(CsvRead *r, const char *code, Span at, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static Diag *survey_error(CsvRead *r, const char *code, Span at, const char *fmt, ...)
{
    if (r->stop) return NULL;
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    Diag *d = diag_add(r->dl, DIAG_ERROR, code, at, "%s", msg);
    free(msg);
    if (++r->nerrors == CSV_MAX_ERRORS) {
        diag_add(r->dl, DIAG_NOTE, "E0199", at, _("%d errors in this file; the rest of it is not read"), CSV_MAX_ERRORS);
        r->stop = true;
    }
    return d;
}

static uint64_t name_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

static const char *unsur_name(const CsvRead *r, size_t idx) { return ((NameRef *)r->sv->unsur.items[idx - 1])->name; }

/* The slot of name in the table: its unsur's index + 1, or 0 (empty). */
static size_t *name_slot(CsvRead *r, const char *s, size_t n)
{
    size_t mask = r->names_cap - 1;
    for (size_t i = (size_t)name_hash(s, n) & mask;; i = (i + 1) & mask) {
        size_t idx = r->names[i];
        if (!idx) return &r->names[i];
        const char *un = unsur_name(r, idx);
        if (strlen(un) == n && memcmp(un, s, n) == 0) return &r->names[i];
    }
}

/* Enters unsur idx (1-based); a name given twice keeps the later one. */
static void name_add(CsvRead *r, size_t idx)
{
    if (2 * r->sv->unsur.len > r->names_cap) {
        size_t *old = r->names, ocap = r->names_cap;
        r->names_cap = ocap ? 2 * ocap : 64;
        while (2 * r->sv->unsur.len > r->names_cap) r->names_cap *= 2;
        r->names = xcalloc(r->names_cap, sizeof *r->names);
        for (size_t i = 0; i < ocap; i++) {
            if (!old[i]) continue;
            const char *un = unsur_name(r, old[i]);
            *name_slot(r, un, strlen(un)) = old[i];
        }
        free(old);
    }
    const char *un = unsur_name(r, idx);
    *name_slot(r, un, strlen(un)) = idx;
}

static void header_cell(CsvRead *r, const char *name, size_t n, Span cell)
{
    size_t idx = r->names_cap ? *name_slot(r, name, n) : 0;
    if (!idx && !r->declared && n > 0) {
        NameRef *ref = arena_alloc(&r->u->arena, sizeof *ref);
        char *clean = clean_text(name, n, (size_t)-1);
        ref->name = arena_strdup(&r->u->arena, clean);
        free(clean);
        ref->span = cell;
        apush(r->u, &r->sv->unsur, ref);
        idx = r->sv->unsur.len;
        name_add(r, idx);
    } else if (!idx) {
        char *nm = shown(name, n);
        Diag *d = survey_error(r, "E0531", cell, _("unknown column '%s': survei %s has no such unsur"), nm, r->s->id);
        if (d) {
            Buf list;
            buf_init(&list);
            const char *best = NULL;
            for (size_t k = 0; k < r->sv->unsur.len; k++) {
                const char *un = unsur_name(r, k + 1);
                if (k < CSV_LISTED_UNSUR) buf_printf(&list, "%s%s", k ? ", " : "", un);
                else if (k == CSV_LISTED_UNSUR) buf_puts(&list, ", ...");
                if (n <= 255 && edit_distance(nm, un, 2) <= 2) best = un;
            }
            if (best) diag_hint(d, _("did you mean '%s'?"), best);
            else diag_hint(d, _("the unsur are: %s"), list.data ? list.data : "");
            buf_free(&list);
        }
        free(nm);
    }
    if (r->ncols == r->cols_cap) {
        r->cols_cap = r->cols_cap ? 2 * r->cols_cap : 16;
        r->cols = xrealloc(r->cols, r->cols_cap * sizeof *r->cols);
    }
    r->cols[r->ncols++] = idx;
}

static Expr *answer_expr(CsvRead *r, long v, Span cell)
{
    if (!r->answer[v]) {
        mpq_t q;
        mpq_init(q);
        mpq_set_si(q, v, 1);
        r->answer[v] = expr_num(r->u, cell, q, 0, false, false);
        mpq_clear(q);
    }
    return r->answer[v];
}

static void data_cell(CsvRead *r, const char *txt, size_t n, Span cell)
{
    size_t col = r->ncells;
    if (col >= r->ncols) {
        if (n > 0) survey_error(r, "E0532", cell, _("row %d has more cells than the header"), line_of(r, r->row_start));
        return;
    }
    size_t idx = r->cols[col];
    if (!idx) return;
    if (n == 0) {
        survey_error(r, "E0533", cell, _("row %d: the answer for %s is missing"), line_of(r, r->row_start), unsur_name(r, idx));
        return;
    }
    char *end = NULL;
    long v = strtol(txt, &end, 10);   /* libcsv ends each field with a NUL */
    if (end != txt + n || v < 1 || v > 4) {
        char *a = shown(txt, n);
        Diag *d = survey_error(r, "E0520", cell, _("row %d: answer '%s' for %s is not 1, 2, 3 or 4"), line_of(r, r->row_start),
                            a, unsur_name(r, idx));
        if (d) diag_hint(d, _("answers are on the 1-4 scale of PermenPANRB 14/2017"));
        free(a);
        return;
    }
    if (!r->vals[idx - 1]) r->nset++;
    r->vals[idx - 1] = answer_expr(r, v, cell);
}

/* libcsv: a field ended at r->at (or at the end of the file). */
static void on_field(void *data, size_t n, void *arg)
{
    CsvRead *r = arg;
    if (r->stop) return;
    if (!r->row_begun) {
        r->row_start = r->field_start;
        while (r->row_start < r->at && is_blank(r->t[r->row_start])) r->row_start++;
        r->row_begun = true;
    }
    Span cell = cell_span(r, r->field_start, r->at);
    const char *txt = data ? data : "";
    if (r->header) header_cell(r, txt, n, cell);
    else data_cell(r, txt, n, cell);
    r->ncells++;
    r->field_start = r->at + 1;
}

/* libcsv: a row ended at r->at. */
static void on_row(int c, void *arg)
{
    (void)c;
    CsvRead *r = arg;
    if (r->stop) return;
    size_t end = r->at < r->lf->len ? r->at : r->lf->len;
    Span row = {r->lf, (uint32_t)r->row_start, (uint32_t)end};
    if (r->header) {
        /* every declared unsur needs a column */
        bool *has = xcalloc(r->sv->unsur.len + 1, sizeof *has);
        for (size_t k = 0; k < r->ncols; k++) has[r->cols[k]] = true;
        for (size_t k = 1; k <= r->sv->unsur.len; k++)
            if (!has[k]) survey_error(r, "E0534", row, _("the header has no column for unsur '%s'"), unsur_name(r, k));
        free(has);
        r->header = false;
        r->vals = xcalloc(r->sv->unsur.len + 1, sizeof *r->vals);
    } else {
        if (r->ncells < r->ncols)
            survey_error(r, "E0533", (Span){r->lf, (uint32_t)end, (uint32_t)end + 1}, _("row %d has %zu cells; the header has %zu"),
                      line_of(r, r->row_start), r->ncells, r->ncols);
        size_t n = r->sv->unsur.len;
        if (r->nset == n && n) {
            AnswerRow *ar = arena_alloc(&r->u->arena, sizeof *ar);
            ar->span = row;
            ar->vals.items = arena_alloc(&r->u->arena, n * sizeof *ar->vals.items);
            memcpy(ar->vals.items, r->vals, n * sizeof *ar->vals.items);
            ar->vals.len = ar->vals.cap = n;
            apush(r->u, &r->sv->rows, ar);
        }
        /* clear only what this row set */
        for (size_t k = 0; k < r->ncells && k < r->ncols; k++)
            if (r->cols[k]) r->vals[r->cols[k] - 1] = NULL;
    }
    r->nset = 0;
    r->ncells = 0;
    r->row_begun = false;
    r->field_start = r->at + 1;
}

/* NUL bytes, control characters and invalid UTF-8: each reported where
 * it is (never copied into a message or onto the terminal); false when
 * there was one. */
static bool csv_bytes_ok(CsvRead *r)
{
    const unsigned char *t = (const unsigned char *)r->t;
    size_t n = r->lf->len;
    bool ok = true;
    for (size_t i = 0; i < n && !r->stop;) {
        unsigned c = t[i];
        if (c >= 0x20 && c < 0x7F) {
            i++;
            continue;
        }
        Span at = {r->lf, (uint32_t)i, (uint32_t)i + 1};
        if (c == '\t' || c == '\n' || c == '\r') {
            i++;
            continue;
        }
        if (c < 0x80) {
            ok = false;
            if (c == 0) survey_error(r, "E0100", at, _("a NUL byte: a survey file is text"));
            else survey_error(r, "E0107", at, _("unexpected control character 0x%02X"), c);
            i++;
            continue;
        }
        int len = utf8_seq_len(t + i, n - i);
        if (!len) {
            ok = false;
            Diag *d = survey_error(r, "E0100", at, _("invalid UTF-8 (byte 0x%02X)"), c);
            if (d) diag_hint(d, _("save the file as UTF-8 (it may be Windows-1252 or Latin-1)"));
            i++;
            continue;
        }
        if (len == 2 && c == 0xC2 && t[i + 1] < 0xA0) {   /* U+0080..U+009F */
            ok = false;
            at.end = (uint32_t)i + 2;
            survey_error(r, "E0107", at, _("unexpected control character U+%04X"), (unsigned)t[i + 1]);
        }
        i += (size_t)len;
    }
    return ok;
}

static void read_csv(CsvRead *r)
{
    const char *t = r->t;
    size_t n = r->lf->len, i = 0;
    if (n >= 3 && !memcmp(t, "\xEF\xBB\xBF", 3)) i = 3;   /* the byte order mark Excel writes */
    /* bad bytes make the file an error, but the rest of it is read for
     * what else is wrong: messages show such bytes as '?' */
    csv_bytes_ok(r);
    /* separator: ';' when the header has one (Indonesian Excel), else ',' */
    const char *nl = memchr(t + i, '\n', n - i);
    char sep = memchr(t + i, ';', nl ? (size_t)(nl - (t + i)) : n - i) ? ';' : ',';
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0) return;   /* never */
    csv_set_realloc_func(&p, xrealloc);   /* memory runs out as everywhere else, so a stop is a syntax error */
    csv_set_free_func(&p, free);
    csv_set_delim(&p, (unsigned char)sep);
    r->field_start = i;
    while (i < n && !r->stop) {
        size_t j = i;
        while (j < n - 1 && t[j] != sep && t[j] != '\n' && t[j] != '\r' && t[j] != '"') j++;
        r->at = j;
        size_t len = j + 1 - i, done = csv_parse(&p, t + i, len, on_field, on_row, r);
        if (done < len) {
            size_t bad = i + done;
            Diag *d = survey_error(r, "E0544", (Span){r->lf, (uint32_t)bad, (uint32_t)bad + 1},
                                   _("a quote inside a field: a field with a quote must be quoted whole"));
            if (d) diag_hint(d, _("write the field as \"...\" and each quote in it as \"\""));
            r->stop = true;
            break;
        }
        i = j + 1;
    }
    r->at = n;
    if (!r->stop && csv_fini(&p, on_field, on_row, r) != 0) {
        size_t q = r->field_start;
        while (q < n && t[q] != '"') q++;
        survey_error(r, "E0544", (Span){r->lf, (uint32_t)(q < n ? q : n), (uint32_t)(q < n ? q : n) + 1},
                  _("a quoted field is not closed before the end of the file"));
    }
    csv_free(&p);
}

static void load_one(Unit *u, Entity *s, DiagList *dl)
{
    SurveiDecl *sv = ent_survei(s);
    char *dir = dir_of(u->file->name);
    Buf path;
    buf_init(&path);
    if (sv->berkas[0] == '/' || !strcmp(dir, ".")) buf_puts(&path, sv->berkas);
    else buf_printf(&path, "%s/%s", dir, sv->berkas);
    free(dir);
    struct stat st;
    const char *err = NULL;
    LocFile *lf = NULL;
    if (stat(path.data, &st) != 0 || !S_ISREG(st.st_mode)) err = "no such regular file";
    else lf = locfile_load(path.data, &err);
    if (!lf) {
        Diag *d = diag_add(dl, DIAG_ERROR, "E0530", sv->berkas_span, _("cannot read survey file '%s': %s"), path.data, err);
        diag_hint(d, _("the path is relative to this .sakip file"));
        buf_free(&path);
        return;
    }
    buf_free(&path);
    apush(u, &u->extra_files, lf);
    CsvRead r = {.u = u, .s = s, .sv = sv, .dl = dl, .lf = lf, .t = lf->text, .header = true,
                 .declared = sv->unsur.len > 0};
    for (size_t k = 1; k <= sv->unsur.len; k++) name_add(&r, k);
    read_csv(&r);
    free(r.cols);
    free(r.names);
    free(r.vals);
}

void survei_load_berkas(Unit *u, DiagList *dl)
{
    for (size_t i = 0; i < u->survei.len; i++) {
        Entity *s = u->survei.items[i];
        if (ent_survei(s)->berkas) load_one(u, s, dl);
    }
}

/* An answer on the scale: a whole number 1 to 4 (read without a call
 * into GMP: a survey file of a million rows has nine million of them). */
static bool answer_ok(const Expr *v)
{
    if (v->kind != EX_NUM) return false;
    mpz_srcptr n = mpq_numref(v->u.num.q), d = mpq_denref(v->u.num.q);
    if (mpz_size(d) != 1 || mpz_getlimbn(d, 0) != 1 || mpz_size(n) != 1 || mpz_sgn(n) < 0) return false;
    mp_limb_t a = mpz_getlimbn(n, 0);
    return a >= 1 && a <= 4;
}

void survei_check_survei(Unit *u, Entity *s, DiagList *dl)
{
    (void)u;
    SurveiDecl *sv = ent_survei(s);
    if (!s->id[0]) return;
    if (!sv->unsur.len) {
        Diag *d = diag_add(dl, DIAG_ERROR, "E0535", s->id_span, _("survei %s names no unsur"), s->id);
        diag_hint(d, _("e.g. unsur persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, sarana, pengaduan"));
        return;
    }
    if (sv->unsur.len != 9) {
        Diag *d = diag_add(dl, DIAG_WARNING, "W0536", s->id_span,
                           _("survei %s has %zu unsur; PermenPANRB 14/2017 has 9, each weighted 1/9"), s->id, (size_t)sv->unsur.len);
        diag_hint(d, _("each unsur is weighted 1/%zu here"), (size_t)sv->unsur.len);
    }
    for (size_t i = 0; i < sv->rows.len; i++) {
        AnswerRow *r = sv->rows.items[i];
        if (r->vals.len != sv->unsur.len) {
            diag_add(dl, DIAG_ERROR, "E0533", r->span, _("this respondent gives %zu answers; survei %s has %zu unsur"),
                     (size_t)r->vals.len, s->id, (size_t)sv->unsur.len);
            r->vals.len = 0;   /* not counted */
            continue;
        }
        for (size_t k = 0; k < r->vals.len; k++) {
            Expr *v = r->vals.items[k];
            if (!answer_ok(v)) {
                Diag *d = diag_add(dl, DIAG_ERROR, "E0520", v->span, _("answer for %s is not 1, 2, 3 or 4"),
                                   ((NameRef *)sv->unsur.items[k])->name);
                diag_hint(d, _("answers are on the 1-4 scale of PermenPANRB 14/2017"));
            }
        }
    }
    /* rows with a bad answer or a wrong length are not counted */
    size_t w = 0;
    for (size_t i = 0; i < sv->rows.len; i++) {
        AnswerRow *r = sv->rows.items[i];
        bool ok = r->vals.len == sv->unsur.len;
        for (size_t k = 0; ok && k < r->vals.len; k++) {
            ok = answer_ok(r->vals.items[k]);
        }
        if (ok) sv->rows.items[w++] = r;
    }
    sv->rows.len = w;
    if (!sv->rows.len && !sv->berkas) diag_add(dl, DIAG_ERROR, "E0537", s->id_span, _("survei %s has no answers"), s->id);
}

static const char *num_str(Arena *a, mpq_srcptr q)
{
    Buf b;
    buf_init(&b);
    num_format_short(&b, q, 4, ROUND_HALF_UP, NOTATION_ID, true);
    const char *s = arena_strdup(a, b.data);
    buf_free(&b);
    return s;
}

void survei_check_penilaian(Unit *u, Entity *p, DiagList *dl)
{
    const PenilaianDecl *pd = ent_penilaian(p);
    if (!p->id[0]) return;
    mpq_t total_w, limit, sum;
    mpq_inits(total_w, limit, sum, NULL);
    for (size_t i = 0; i < pd->komponen.len; i++) {
        Komponen *k = pd->komponen.items[i];
        mpq_srcptr w = k->bobot->u.num.q;
        mpq_add(total_w, total_w, w);
        for (size_t j = 0; komponen_std[j].name; j++) {
            if (strcmp(komponen_std[j].name, k->name)) continue;
            if (mpq_cmp_ui(w, (unsigned long)komponen_std[j].weight, 1) != 0)
                diag_add(dl, DIAG_WARNING, "W0538", k->bobot->span,
                         _("komponen %s weighs %d in PermenPANRB 88/2021, not %s"), k->name, komponen_std[j].weight,
                         num_str(&u->arena, w));
        }
        for (size_t j = 0; j < i; j++)
            if (!strcmp(((Komponen *)pd->komponen.items[j])->name, k->name))
                diag_add(dl, DIAG_ERROR, "E0539", k->name_span, _("komponen %s is given twice"), k->name);
        if (k->nilai && mpq_cmp(k->nilai->u.num.q, w) > 0)
            diag_add(dl, DIAG_ERROR, "E0522", k->nilai->span, _("komponen %s scores %s, above its weight %s"), k->name,
                     num_str(&u->arena, k->nilai->u.num.q), num_str(&u->arena, w));
        mpq_set_ui(sum, 0, 1);
        for (size_t s = 0; s < k->subs.pairs.len; s++) {
            DataPair *dp = k->subs.pairs.items[s];
            int pct = -1;
            for (size_t j = 0; parts[j].name; j++)
                if (!strcmp(parts[j].name, dp->name)) pct = parts[j].percent;
            if (pct < 0) {
                Diag *d = diag_add(dl, DIAG_ERROR, "E0540", dp->span, _("unknown part '%s' of komponen %s"), dp->name, k->name);
                const char *best = NULL;
                for (size_t j = 0; parts[j].name; j++)
                    if (edit_distance(dp->name, parts[j].name, 2) <= 2) best = parts[j].name;
                if (best) diag_hint(d, _("did you mean '%s'?"), best);
                else diag_hint(d, _("the parts are keberadaan (20%%), kualitas (30%%) and pemanfaatan (50%%)"));
                continue;
            }
            bool twice = false;
            for (size_t q = 0; q < s; q++)
                if (!strcmp(((DataPair *)k->subs.pairs.items[q])->name, dp->name)) twice = true;
            if (twice) {
                diag_add(dl, DIAG_ERROR, "E0542", dp->span, _("part '%s' of komponen %s is given twice"), dp->name, k->name);
                continue;
            }
            if (dp->value->kind != EX_NUM) continue;
            mpq_add(sum, sum, dp->value->u.num.q);
            mpq_set_ui(limit, (unsigned long)pct, 100);
            mpq_canonicalize(limit);
            mpq_mul(limit, limit, w);
            if (mpq_cmp(dp->value->u.num.q, limit) > 0)
                diag_add(dl, DIAG_ERROR, "E0523", dp->value->span, _("%s of komponen %s scores %s, above its %d%% of %s = %s"),
                         dp->name, k->name, num_str(&u->arena, dp->value->u.num.q), pct, num_str(&u->arena, w),
                         num_str(&u->arena, limit));
        }
        if (k->nilai && k->subs.pairs.len && !mpq_equal(sum, k->nilai->u.num.q)) {
            Diag *d = diag_add(dl, DIAG_ERROR, "E0524", k->nilai->span,
                               _("komponen %s is given as %s, but its parts add up to %s"), k->name,
                               num_str(&u->arena, k->nilai->u.num.q), num_str(&u->arena, sum));
            diag_hint(d, _("give the score or the parts, or make them agree"));
        }
        if (!k->nilai && !k->subs.pairs.len)
            diag_add(dl, DIAG_ERROR, "E0541", k->span, _("komponen %s has no score"), k->name);
    }
    if (pd->komponen.len && mpq_cmp_ui(total_w, 100, 1) != 0)
        diag_add(dl, DIAG_WARNING, "W0525", p->id_span, _("the weights of penilaian %s add up to %s, not 100"), p->id,
                 num_str(&u->arena, total_w));
    mpq_clears(total_w, limit, sum, NULL);
}
