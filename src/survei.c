/* survei.c -- survey answers and evaluation sheets.  See survei.h. */
#include <config.h>
#include "survei.h"
#include "i18n.h"
#include "num.h"

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

static Expr *number_at(Unit *u, LocFile *lf, size_t start, size_t end, long v)
{
    mpq_t q;
    mpq_init(q);
    mpq_set_si(q, v, 1);
    Span s = {lf, (uint32_t)start, (uint32_t)end};
    Expr *e = expr_num(u, s, q, 0, false, false);
    mpq_clear(q);
    return e;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* One CSV field [start, end) with surrounding blanks and quotes removed. */
static void trim(const char *t, size_t *start, size_t *end)
{
    while (*start < *end && is_space(t[*start])) (*start)++;
    while (*end > *start && is_space(t[*end - 1])) (*end)--;
    if (*end - *start >= 2 && t[*start] == '"' && t[*end - 1] == '"') {
        (*start)++;
        (*end)--;
    }
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
    const char *t = lf->text;
    /* separator: ';' when the header has one (Indonesian Excel), else ',' */
    size_t hdr_end = 0;
    while (hdr_end < lf->len && t[hdr_end] != '\n') hdr_end++;
    char sep = memchr(t, ';', hdr_end) ? ';' : ',';
    /* header: the unsur names */
    Vec cols = {0};   /* index into sv->unsur per column, as (size_t)+1; 0 = unknown */
    bool declared = sv->unsur.len > 0;
    size_t line_start = 0;
    int row_no = 0;
    while (line_start < lf->len) {
        size_t line_end = line_start;
        while (line_end < lf->len && t[line_end] != '\n') line_end++;
        row_no++;
        bool blank = true;
        for (size_t i = line_start; i < line_end; i++) if (!is_space(t[i])) blank = false;
        if (blank) {
            line_start = line_end + 1;
            continue;
        }
        AnswerRow *row = NULL;
        if (row_no > 1 || cols.len) {
            row = arena_alloc(&u->arena, sizeof *row);
            row->span = (Span){lf, (uint32_t)line_start, (uint32_t)line_end};
            for (size_t k = 0; k < sv->unsur.len; k++) apush(u, &row->vals, NULL);
        }
        size_t col = 0, f = line_start;
        for (;;) {
            size_t g = f;
            while (g < line_end && t[g] != sep) g++;
            size_t a = f, b = g;
            trim(t, &a, &b);
            Span cell = {lf, (uint32_t)a, (uint32_t)(b > a ? b : a + 1)};
            if (!row) {
                /* header cell */
                char *name = xstrndup(t + a, b - a);
                size_t idx = 0;
                for (size_t k = 0; k < sv->unsur.len; k++)
                    if (!strcmp(((NameRef *)sv->unsur.items[k])->name, name)) idx = k + 1;
                if (!idx && !declared && b > a) {
                    NameRef *r = arena_alloc(&u->arena, sizeof *r);
                    r->name = arena_strdup(&u->arena, name);
                    r->span = cell;
                    apush(u, &sv->unsur, r);
                    idx = sv->unsur.len;
                } else if (!idx) {
                    Diag *d = diag_add(dl, DIAG_ERROR, "E0531", cell, _("unknown column '%s': survei %s has no such unsur"), name, s->id);
                    Buf list;
                    buf_init(&list);
                    const char *best = NULL;
                    for (size_t k = 0; k < sv->unsur.len; k++) {
                        const char *un = ((NameRef *)sv->unsur.items[k])->name;
                        buf_printf(&list, "%s%s", k ? ", " : "", un);
                        if (edit_distance(name, un, 2) <= 2) best = un;
                    }
                    if (best) diag_hint(d, _("did you mean '%s'?"), best);
                    else diag_hint(d, _("the unsur are: %s"), list.data ? list.data : "");
                    buf_free(&list);
                }
                free(name);
                vec_push(&cols, (void *)idx);
            } else if (col >= cols.len) {
                if (b > a) diag_add(dl, DIAG_ERROR, "E0532", cell, _("row %d has more cells than the header"), row_no);
            } else {
                size_t idx = (size_t)cols.items[col];
                if (idx) {
                    char *end = NULL;
                    char *txt = xstrndup(t + a, b - a);
                    long v = strtol(txt, &end, 10);
                    if (b == a) {
                        diag_add(dl, DIAG_ERROR, "E0533", cell, _("row %d: the answer for %s is missing"), row_no,
                                 ((NameRef *)sv->unsur.items[idx - 1])->name);
                    } else if (*end || v < 1 || v > 4) {
                        Diag *d = diag_add(dl, DIAG_ERROR, "E0520", cell, _("row %d: answer '%s' for %s is not 1, 2, 3 or 4"),
                                           row_no, txt, ((NameRef *)sv->unsur.items[idx - 1])->name);
                        diag_hint(d, _("answers are on the 1-4 scale of PermenPANRB 14/2017"));
                    } else {
                        row->vals.items[idx - 1] = number_at(u, lf, a, b, v);
                    }
                    free(txt);
                }
            }
            col++;
            if (g >= line_end) break;
            f = g + 1;
        }
        if (!row) {
            /* every declared unsur needs a column */
            for (size_t k = 0; k < sv->unsur.len; k++) {
                bool found = false;
                for (size_t c = 0; c < cols.len; c++) found |= (size_t)cols.items[c] == k + 1;
                if (!found)
                    diag_add(dl, DIAG_ERROR, "E0534", (Span){lf, (uint32_t)line_start, (uint32_t)line_end},
                             _("the header has no column for unsur '%s'"), ((NameRef *)sv->unsur.items[k])->name);
            }
        } else {
            if (col < cols.len)
                diag_add(dl, DIAG_ERROR, "E0533", (Span){lf, (uint32_t)line_end, (uint32_t)line_end + 1},
                         _("row %d has %zu cells; the header has %zu"), row_no, col, cols.len);
            bool complete = true;
            for (size_t k = 0; k < row->vals.len; k++) complete &= row->vals.items[k] != NULL;
            if (complete) apush(u, &sv->rows, row);
        }
        line_start = line_end + 1;
    }
    vec_free(&cols);
}

void survei_load_berkas(Unit *u, DiagList *dl)
{
    for (size_t i = 0; i < u->survei.len; i++) {
        Entity *s = u->survei.items[i];
        if (ent_survei(s)->berkas) load_one(u, s, dl);
    }
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
                           _("survei %s has %zu unsur; PermenPANRB 14/2017 has 9, each weighted 1/9"), s->id, sv->unsur.len);
        diag_hint(d, _("each unsur is weighted 1/%zu here"), sv->unsur.len);
    }
    for (size_t i = 0; i < sv->rows.len; i++) {
        AnswerRow *r = sv->rows.items[i];
        if (r->vals.len != sv->unsur.len) {
            diag_add(dl, DIAG_ERROR, "E0533", r->span, _("this respondent gives %zu answers; survei %s has %zu unsur"),
                     r->vals.len, s->id, sv->unsur.len);
            r->vals.len = 0;   /* not counted */
            continue;
        }
        for (size_t k = 0; k < r->vals.len; k++) {
            Expr *v = r->vals.items[k];
            if (v->kind != EX_NUM || mpz_cmp_ui(mpq_denref(v->u.num.q), 1) != 0 || mpq_cmp_ui(v->u.num.q, 1, 1) < 0 ||
                mpq_cmp_ui(v->u.num.q, 4, 1) > 0) {
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
            Expr *v = r->vals.items[k];
            ok = v->kind == EX_NUM && mpz_cmp_ui(mpq_denref(v->u.num.q), 1) == 0 && mpq_cmp_ui(v->u.num.q, 1, 1) >= 0 &&
                 mpq_cmp_ui(v->u.num.q, 4, 1) <= 0;
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
