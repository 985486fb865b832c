/* peta.c -- reading an import map (peta.h, doc/import.md).
 *
 * One statement a line, `#` to the end of the line is a comment:
 *     lembar "anggaran" | lembar 2
 *     judul 3
 *     angka indonesia | angka inggris
 *     pemisah ";"
 *     kolom ROLE = C | kolom ROLE = "Header text"
 *     tingkat kode | kolom | nomor | indentasi
 *     lewati "Jumlah" | lewati nama = "2"
 *     kolom realisasi tw1 = "Realisasi TW I" | kolom rencana jan = F
 *     tahun 2025
 */
#include <config.h>
#include "peta.h"
#include "ast.h"
#include "i18n.h"
#include "sheet.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const role_names[PC_N] = {"kode", "id", "nama", "tingkat", "nomor", "anggaran", "realisasi",
                                             "indikator", "satuan", "polaritas", "sasaran", "target", "program"};

const char *peta_role_name(PetaRole r) { return role_names[r]; }

typedef struct Tok {
    enum { T_END, T_WORD, T_STR, T_EQ, T_COMMA, T_BAD } kind;
    char *text;              /* malloc'd for words and strings */
    int col;
} Tok;

typedef struct Lx {
    const char *p, *end, *line;
    int lineno;
    const char *path;
    Buf *err;
    int nerr;
} Lx;

static void perr(Lx *lx, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void perr(Lx *lx, int col, const char *fmt, ...)
{
    buf_printf(lx->err, "%s:%d:%d: error: ", lx->path, lx->lineno, col);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(lx->err, fmt, ap);
    va_end(ap);
    buf_putc(lx->err, '\n');
    lx->nerr++;
}

static Tok next(Lx *lx)
{
    Tok t = {T_END, NULL, 0};
    while (lx->p < lx->end && (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\r')) lx->p++;
    t.col = (int)(lx->p - lx->line) + 1;
    if (lx->p >= lx->end || *lx->p == '\n' || *lx->p == '#') return t;
    char c = *lx->p;
    if (c == '=' || c == ',') {
        lx->p++;
        t.kind = c == '=' ? T_EQ : T_COMMA;
        return t;
    }
    if (c == '"') {
        Buf b;
        buf_init(&b);
        lx->p++;
        while (lx->p < lx->end && *lx->p != '"' && *lx->p != '\n') {
            if (*lx->p == '\\' && lx->p + 1 < lx->end && (lx->p[1] == '"' || lx->p[1] == '\\')) lx->p++;
            buf_putc(&b, *lx->p++);
        }
        if (lx->p >= lx->end || *lx->p != '"') {
            buf_free(&b);
            t.kind = T_BAD;
            perr(lx, t.col, _("a text that is not closed with '\"'"));
            return t;
        }
        lx->p++;
        t.kind = T_STR;
        t.text = b.data ? buf_steal(&b) : xstrdup("");
        return t;
    }
    if (isalnum((unsigned char)c) || c == '_') {
        const char *s = lx->p;
        while (lx->p < lx->end && (isalnum((unsigned char)*lx->p) || *lx->p == '_')) lx->p++;
        t.kind = T_WORD;
        t.text = xstrndup(s, (size_t)(lx->p - s));
        return t;
    }
    t.kind = T_BAD;
    perr(lx, t.col, _("unexpected '%c'"), c);
    lx->p++;
    return t;
}

static bool all_digits(const char *s)
{
    if (!*s) return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return false;
    return true;
}

static unsigned small_number(const char *s)
{
    unsigned long v = strtoul(s, NULL, 10);
    return v > 1048576 ? 1048577u : (unsigned)v;
}

/* A column, `C` or `"Header text"` (token c), into *out: false (and an
 * error at c) when it is neither. */
static bool col_spec(Lx *lx, const Tok *c, PetaCol *out)
{
    if (c->kind == T_WORD && sheet_col_of(c->text) >= 0 &&
        strspn(c->text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == strlen(c->text)) {
        *out = (PetaCol){true, sheet_col_of(c->text), NULL, lx->lineno};
        return true;
    }
    if (c->kind == T_STR && *c->text) {
        *out = (PetaCol){true, -1, xstrdup(c->text), lx->lineno};
        return true;
    }
    perr(lx, c->col, _("a column is its letters (C, AB) or its header text in quotes"));
    return false;
}

/* `"text"` into *dst (replacing it); false and an error when t is not one */
static bool take_text(Lx *lx, const Tok *t, char **dst, const char *what)
{
    if (t->kind != T_STR || !*t->text) {
        perr(lx, t->col, _("%s takes a text in quotes"), what);
        return false;
    }
    free(*dst);
    *dst = xstrdup(t->text);
    return true;
}

static bool is_identifier(const char *s)
{
    if (!s || !(isalpha((unsigned char)*s) || *s == '_')) return false;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '_')) return false;
    return true;
}

static void statement(Lx *lx, Peta *p)
{
    Tok kw = next(lx);
    if (kw.kind == T_END) return;
    if (kw.kind != T_WORD) {
        if (kw.kind != T_BAD) perr(lx, kw.col, _("a line starts with a word: lembar, judul, angka, pemisah, kolom, tingkat, tahun, polaritas, lewati, perjanjian, tanggal, pihak or mengubah"));
        free(kw.text);
        lx->p = memchr(lx->p, '\n', (size_t)(lx->end - lx->p)) ? memchr(lx->p, '\n', (size_t)(lx->end - lx->p)) : lx->end;
        return;
    }
    Tok a = next(lx), b = {T_END, NULL, 0}, c = {T_END, NULL, 0};
    const char *k = kw.text;
    bool unknown = false;
    if (!strcmp(k, "lembar")) {
        if (a.kind == T_STR && *a.text) {
            free(p->sheet_name);
            p->sheet_name = xstrdup(a.text);
        } else if (a.kind == T_WORD && all_digits(a.text) && small_number(a.text) >= 1) {
            p->sheet_index = small_number(a.text);
        } else {
            perr(lx, a.col, _("lembar takes a sheet's name in quotes or its number from 1"));
        }
    } else if (!strcmp(k, "judul") && a.kind == T_WORD && !strcmp(a.text, "program")) {
        /* `judul program 12`: the header row of a PK sheet's table of programs */
        b = next(lx);
        if (b.kind == T_WORD && all_digits(b.text) && small_number(b.text) >= 1 && small_number(b.text) <= 1048576) {
            p->program_header_row = small_number(b.text);
            p->program_header_line = lx->lineno;
        } else {
            perr(lx, b.col, _("judul program takes the number of the header row of the programs' table, from 1"));
        }
    } else if (!strcmp(k, "judul")) {
        if (a.kind == T_WORD && all_digits(a.text) && small_number(a.text) >= 1 && small_number(a.text) <= 1048576)
            p->header_row = small_number(a.text);
        else
            perr(lx, a.col, _("judul takes the number of the header row, from 1"));
    } else if (!strcmp(k, "angka")) {
        if (a.kind == T_WORD && !strcmp(a.text, "indonesia")) p->notation = NOTATION_ID;
        else if (a.kind == T_WORD && !strcmp(a.text, "inggris")) p->notation = NOTATION_EN;
        else perr(lx, a.col, _("angka is indonesia (1.234.567,89) or inggris (1,234,567.89)"));
        if (a.kind == T_WORD) p->notation_set = true;
    } else if (!strcmp(k, "pemisah")) {
        if (a.kind == T_STR && (!strcmp(a.text, ";") || !strcmp(a.text, ",") || !strcmp(a.text, "\t")))
            p->sep = a.text[0];
        else
            perr(lx, a.col, _("pemisah is \";\" or \",\""));
    } else if (!strcmp(k, "kolom")) {
        int role = -1;
        for (int i = 0; a.kind == T_WORD && i < PC_N; i++)
            if (!strcmp(a.text, role_names[i])) role = i;
        b = next(lx);
        int pcode = b.kind == T_WORD ? period_code(b.text) : 0;
        /* `kolom target 2021 = ...` (a year's, an indikator map) or
         * `kolom target = ...` (a perjanjian map's) */
        bool target = a.kind == T_WORD && !strcmp(a.text, "target") && b.kind != T_EQ;
        bool rencana = a.kind == T_WORD && !strcmp(a.text, "rencana");
        if (target) {
            /* `kolom target 2021 = "2021"`: a year's target column */
            int year = b.kind == T_WORD && all_digits(b.text) && strlen(b.text) == 4 ? atoi(b.text) : 0;
            free(b.text);
            b = next(lx);
            c = next(lx);
            int dup = 0;
            for (int i = 0; i < p->ntargets; i++)
                if (p->tyears[i] == year) dup = p->tcols[i].line;
            if (!year) {
                perr(lx, a.col, _("kolom target takes a year: kolom target 2021 = \"2021\""));
            } else if (b.kind != T_EQ) {
                perr(lx, b.col, _("expected '=' after kolom target %d"), year);
            } else if (dup) {
                perr(lx, kw.col, _("kolom target %d is already given on line %d"), year, dup);
            } else if (p->ntargets == PETA_MAX_YEARS) {
                perr(lx, kw.col, _("at most %d target years in a map"), PETA_MAX_YEARS);
            } else if (col_spec(lx, &c, &p->tcols[p->ntargets])) {
                p->tyears[p->ntargets++] = year;
            }
        } else if (pcode || rencana) {
            /* `kolom realisasi tw1 = C`: a period column */
            free(b.text);
            b = next(lx);
            c = next(lx);
            if (role != PC_REALISASI && !rencana) {
                perr(lx, a.col, _("a period column is kolom realisasi PERIOD or kolom rencana PERIOD"));
            } else if (!pcode) {
                perr(lx, a.col, _("kolom rencana needs a period: kolom rencana tw1 = ... (tw1..tw4, sm1 sm2, jan..des)"));
            } else if (p->pkind && p->pkind != (int)period_kind(pcode)) {
                perr(lx, a.col, _("the period columns are of one kind; line %d has a %s"), p->pkind_line,
                     period_kind_word((PeriodKind)p->pkind));
            } else if (b.kind != T_EQ) {
                perr(lx, b.col, _("expected '=' after kolom %s %s"), a.text, period_name(pcode));
            } else {
                PetaCol *pc = &p->pcols[rencana ? PP_RENCANA : PP_REALISASI][period_index(pcode) - 1];
                if (pc->set) {
                    perr(lx, kw.col, _("kolom %s %s is already given on line %d"), a.text, period_name(pcode), pc->line);
                } else {
                    col_spec(lx, &c, pc);
                }
                if (pc->set && !p->pkind) {
                    p->pkind = (int)period_kind(pcode);
                    p->pkind_line = lx->lineno;
                }
            }
        } else {
        c = next(lx);
        if (role < 0) {
            perr(lx, a.col, _("kolom names one of kode, id, nama, tingkat, nomor, anggaran, realisasi (a budget map), "
                              "or id, indikator, satuan, polaritas, sasaran, target YEAR (an indikator map), "
                              "or indikator, target, program, anggaran (a perjanjian map)"));
        } else if (b.kind != T_EQ) {
            perr(lx, b.col, _("expected '=' after kolom %s"), role_names[role]);
        } else if (p->cols[role].set) {
            perr(lx, kw.col, _("kolom %s is already given on line %d"), role_names[role], p->cols[role].line);
        } else {
            col_spec(lx, &c, &p->cols[role]);
        }
        }
    } else if (!strcmp(k, "polaritas")) {
        if (a.kind == T_WORD && !strcmp(a.text, "positif")) p->polarity = 1;
        else if (a.kind == T_WORD && !strcmp(a.text, "negatif")) p->polarity = 2;
        else perr(lx, a.col, _("polaritas is positif or negatif (the polarity of every indikator of the sheet)"));
        p->polarity_line = lx->lineno;
    } else if (!strcmp(k, "tahun")) {
        if (a.kind == T_WORD && all_digits(a.text) && strlen(a.text) == 4) {
            p->year = atoi(a.text);
            p->year_line = lx->lineno;
        } else {
            perr(lx, a.col, _("tahun takes the year of the period columns, four digits: tahun 2025"));
        }
    } else if (!strcmp(k, "perjanjian")) {
        /* `perjanjian PK2024 "Perjanjian Kinerja ..."`: a perjanjian map */
        if (a.kind == T_WORD && is_identifier(a.text)) {
            free(p->pk_id);
            p->pk_id = xstrdup(a.text);
            p->pk_line = lx->lineno;
            b = next(lx);
            if (b.kind == T_STR) take_text(lx, &b, &p->pk_title, "perjanjian ID");
            else if (b.kind != T_END) perr(lx, b.col, _("perjanjian takes an identifier and its title in quotes: perjanjian PK2024 \"...\""));
        } else {
            perr(lx, a.col, _("perjanjian takes an identifier and its title in quotes: perjanjian PK2024 \"...\""));
        }
    } else if (!strcmp(k, "tanggal")) {
        take_text(lx, &a, &p->pk_tanggal, "tanggal");
    } else if (!strcmp(k, "mengubah")) {
        if (a.kind == T_WORD && is_identifier(a.text)) {
            free(p->pk_mengubah);
            p->pk_mengubah = xstrdup(a.text);
        } else {
            perr(lx, a.col, _("mengubah takes the identifier of the perjanjian this one amends"));
        }
    } else if (!strcmp(k, "pihak")) {
        /* `pihak "A", "B"`: the signatories (one line, or several) */
        Tok t = a;
        bool own = false;
        for (;;) {
            bool good = t.kind == T_STR && *t.text;
            if (good) vec_push(&p->pk_pihak, xstrdup(t.text));
            else perr(lx, t.col, _("pihak takes texts in quotes separated by ','"));
            if (own) free(t.text);
            if (!good) break;
            Tok sep = next(lx);
            if (sep.kind != T_COMMA) {
                if (sep.kind != T_END) perr(lx, sep.col, _("pihak takes texts in quotes separated by ','"));
                free(sep.text);
                break;
            }
            t = next(lx);
            own = true;
        }
    } else if (!strcmp(k, "tingkat")) {
        static const char *const ways[] = {"", "kode", "kolom", "nomor", "indentasi"};
        int w = 0;
        for (int i = 1; a.kind == T_WORD && i < 5; i++)
            if (!strcmp(a.text, ways[i])) w = i;
        if (!w) perr(lx, a.col, _("tingkat is kode, kolom, nomor or indentasi"));
        else p->levels = (PetaLevels)w, p->levels_line = lx->lineno;
    } else if (!strcmp(k, "lewati")) {
        int role = -1;
        for (int i = 0; a.kind == T_WORD && i < PC_N; i++)
            if (!strcmp(a.text, role_names[i])) role = i;
        if (role >= 0) {
            b = next(lx);
            c = next(lx);
        }
        Tok *t = role >= 0 ? &c : &a;
        if ((role < 0 && a.kind != T_STR) || (role >= 0 && (b.kind != T_EQ || c.kind != T_STR))) {
            perr(lx, a.col, _("lewati takes the text, in quotes, of the rows to skip, or a column and it: lewati nama = \"2\""));
        } else {
            PetaSkip *sk = xmalloc(sizeof *sk);
            sk->role = role;
            sk->text = xstrdup(t->text);
            vec_push(&p->skip, sk);
        }
    } else {
        perr(lx, kw.col, _("unknown statement '%s'; a map has lembar, judul, angka, pemisah, kolom, tingkat, tahun, polaritas, lewati, perjanjian, tanggal, pihak and mengubah"), k);
        unknown = true;
    }
    if (!unknown) {
        Tok extra = next(lx);
        if (extra.kind == T_WORD || extra.kind == T_STR || extra.kind == T_EQ)
            perr(lx, extra.col, _("unexpected text at the end of the line"));
        free(extra.text);
    }
    free(kw.text);
    free(a.text);
    free(b.text);
    free(c.text);
    const char *nl = memchr(lx->p, '\n', (size_t)(lx->end - lx->p));
    lx->p = nl ? nl : lx->end;
}

bool peta_parse(const char *path, const char *text, size_t len, Peta *p, Buf *err)
{
    memset(p, 0, sizeof *p);
    p->path = xstrdup(path);
    Lx lx = {text, text + len, text, 1, path, err, 0};
    while (lx.p < lx.end) {
        const char *nl = memchr(lx.p, '\n', (size_t)(lx.end - lx.p));
        statement(&lx, p);
        lx.p = nl ? nl + 1 : lx.end;
        lx.line = lx.p;
        lx.lineno++;
    }
    lx.lineno = 1;
    if (!p->notation_set) perr(&lx, 1, _("the map must declare the number notation: angka indonesia or angka inggris"));
    if (peta_perjanjian(p)) {
        /* a PK sheet: a table of indikator and targets, and/or one of
         * programs and amounts */
        for (int i = 0; i < PC_N; i++)
            if (p->cols[i].set && i != PC_INDIKATOR && i != PC_TARGET && i != PC_PROGRAM && i != PC_ANGGARAN) {
                lx.lineno = p->cols[i].line;
                perr(&lx, 1, _("kolom %s is not of a perjanjian map; it has indikator, target, program and anggaran"),
                     role_names[i]);
            }
        lx.lineno = p->pk_line;
        if (p->cols[PC_INDIKATOR].set != p->cols[PC_TARGET].set)
            perr(&lx, 1, _("a perjanjian map names both kolom indikator and kolom target, or neither"));
        if (p->cols[PC_PROGRAM].set != p->cols[PC_ANGGARAN].set)
            perr(&lx, 1, _("a perjanjian map names both kolom program and kolom anggaran, or neither"));
        if (!p->cols[PC_INDIKATOR].set && !p->cols[PC_PROGRAM].set)
            perr(&lx, 1, _("a perjanjian map names its columns: kolom indikator and kolom target, kolom program and "
                           "kolom anggaran"));
        if (p->ntargets || p->polarity || p->pkind || p->levels != LVL_NONE)
            perr(&lx, 1, _("target YEAR, polaritas, period columns and tingkat are not of a perjanjian map"));
        if (p->cols[PC_INDIKATOR].set && p->cols[PC_PROGRAM].set && !p->program_header_row && !p->cols[PC_PROGRAM].header) {
            lx.lineno = p->cols[PC_PROGRAM].line;
            perr(&lx, 1, _("with both tables, the programs' table is found by the header text of kolom program, or "
                           "say its header row: judul program N"));
        }
        for (int i = 0; i < PC_N; i++)
            if (p->cols[i].set && p->cols[i].header && !p->header_row &&
                !(i == PC_PROGRAM || i == PC_ANGGARAN ? p->program_header_row : 0)) {
                lx.lineno = p->cols[i].line;
                perr(&lx, 1, _("kolom %s is named by its header text, but the map has no header row (judul N)"),
                     role_names[i]);
            }
        return lx.nerr == 0;
    }
    if (p->pk_tanggal || p->pk_pihak.len || p->pk_mengubah || p->program_header_row || p->cols[PC_TARGET].set ||
        p->cols[PC_PROGRAM].set)
        perr(&lx, 1, _("kolom target = ..., kolom program, tanggal, pihak, mengubah and judul program go with "
                       "perjanjian ID (a perjanjian map)"));
    if (peta_indikator(p)) {
        /* a Renstra target matrix: indikator, satuan, polarity, targets */
        for (int i = 0; i < PC_N; i++)
            if (p->cols[i].set && i != PC_ID && i != PC_INDIKATOR && i != PC_SATUAN && i != PC_POLARITAS &&
                i != PC_SASARAN && i != PC_TARGET && i != PC_PROGRAM) {
                lx.lineno = p->cols[i].line;
                perr(&lx, 1, _("kolom %s is of a budget map; an indikator map (kolom indikator) has id, indikator, "
                               "satuan, polaritas, sasaran and target YEAR"), role_names[i]);
            }
        if (p->pkind) {
            lx.lineno = p->pkind_line;
            perr(&lx, 1, _("period columns are of a budget map, not of an indikator map (kolom indikator)"));
        }
        lx.lineno = 1;
        if (!p->cols[PC_SATUAN].set) perr(&lx, 1, _("an indikator map must name the column of the satuan: kolom satuan = ..."));
        if (!p->cols[PC_POLARITAS].set && !p->polarity)
            perr(&lx, 1, _("an indikator map must say the polarity: kolom polaritas = ... or polaritas positif"));
        if (p->cols[PC_POLARITAS].set && p->polarity) {
            lx.lineno = p->polarity_line;
            perr(&lx, 1, _("polaritas is given by a column (line %d) and by this line; keep one"), p->cols[PC_POLARITAS].line);
        }
        lx.lineno = 1;
        if (!p->ntargets) perr(&lx, 1, _("an indikator map must name a target column: kolom target 2025 = ..."));
        if (p->levels != LVL_NONE) perr(&lx, 1, _("tingkat is of a budget map, not of an indikator map (kolom indikator)"));
        for (int i = 0; i < p->ntargets; i++)
            if (p->tcols[i].header && !p->header_row) {
                lx.lineno = p->tcols[i].line;
                perr(&lx, 1, _("kolom target %d is named by its header text, but the map has no header row (judul N)"),
                     p->tyears[i]);
            }
        return lx.nerr == 0;
    }
    for (int i = PC_INDIKATOR; i < PC_TARGET; i++)
        if (p->cols[i].set) {
            lx.lineno = p->cols[i].line;
            perr(&lx, 1, _("kolom %s goes with kolom indikator (an indikator map)"), role_names[i]);
        }
    lx.lineno = 1;
    if (p->ntargets || p->polarity) perr(&lx, 1, _("target columns and polaritas go with kolom indikator (an indikator map)"));
    if (!p->cols[PC_NAMA].set) perr(&lx, 1, _("the map must name the column of the names: kolom nama = ..."));
    if (!p->cols[PC_ANGGARAN].set && !p->cols[PC_REALISASI].set && !p->pkind)
        perr(&lx, 1, _("the map must name a column of amounts: kolom anggaran = ... or kolom realisasi = ..."));
    if (p->pkind && !p->year) {
        lx.lineno = p->pkind_line;
        perr(&lx, 1, _("period columns need the year they are of: tahun 2025"));
    }
    for (int w = 0; w < PP_N; w++)
        for (int i = 0; i < PETA_MAX_PERIODS; i++)
            if (p->pcols[w][i].set && p->pcols[w][i].header && !p->header_row) {
                lx.lineno = p->pcols[w][i].line;
                perr(&lx, 1, _("kolom %s %s is named by its header text, but the map has no header row (judul N)"),
                     w == PP_RENCANA ? "rencana" : "realisasi", period_name(period_make((PeriodKind)p->pkind, i + 1)));
            }
    if (p->levels == LVL_NONE) perr(&lx, 1, _("the map must say how levels are found: tingkat kode, kolom, nomor or indentasi"));
    if (p->levels == LVL_KODE && !p->cols[PC_KODE].set) perr(&lx, 1, _("tingkat kode needs kolom kode = ..."));
    if (p->levels == LVL_KOLOM && !p->cols[PC_TINGKAT].set) perr(&lx, 1, _("tingkat kolom needs kolom tingkat = ..."));
    for (int i = 0; i < PC_N; i++)
        if (p->cols[i].set && p->cols[i].header && !p->header_row) {
            lx.lineno = p->cols[i].line;
            perr(&lx, 1, _("kolom %s is named by its header text, but the map has no header row (judul N)"), role_names[i]);
        }
    return lx.nerr == 0;
}

void peta_free(Peta *p)
{
    free(p->path);
    free(p->sheet_name);
    for (int i = 0; i < PC_N; i++) free(p->cols[i].header);
    for (int w = 0; w < PP_N; w++)
        for (int i = 0; i < PETA_MAX_PERIODS; i++) free(p->pcols[w][i].header);
    for (int i = 0; i < p->ntargets; i++) free(p->tcols[i].header);
    free(p->pk_id);
    free(p->pk_title);
    free(p->pk_tanggal);
    free(p->pk_mengubah);
    for (size_t i = 0; i < p->pk_pihak.len; i++) free(p->pk_pihak.items[i]);
    vec_free(&p->pk_pihak);
    for (size_t i = 0; i < p->skip.len; i++) {
        PetaSkip *sk = p->skip.items[i];
        free(sk->text);
        free(sk);
    }
    vec_free(&p->skip);
    memset(p, 0, sizeof *p);
}
