/* fmt.c -- the canonical layout.  See fmt.h. */
#include "fmt.h"
#include "num.h"
#include "parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { T_WORD, T_NUM, T_STR, T_MONEY, T_PUNCT, T_COMMENT } TokKind;

typedef struct Tok {
    TokKind kind;
    const char *s;
    size_t n;
    int newlines_before;     /* line breaks in the source before it */
} Tok;

static bool word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9'); }
static bool digit(char c) { return c >= '0' && c <= '9'; }

static void tokenize(const char *t, size_t len, Vec *out)
{
    size_t i = 0;
    int nl = 0;
    while (i < len) {
        char c = t[i];
        if (c == '\n') { nl++; i++; continue; }
        if (c == ' ' || c == '\t' || c == '\r' || c == ';') {
            if (c == ';') nl = nl ? nl : 1;   /* ';' separates like a line break */
            i++;
            continue;
        }
        if ((unsigned char)c == 0xC2 && i + 1 < len && (unsigned char)t[i + 1] == 0xA0) { i += 2; continue; }
        if ((unsigned char)c == 0xEF && i + 2 < len && (unsigned char)t[i + 1] == 0xBB && (unsigned char)t[i + 2] == 0xBF) { i += 3; continue; }
        Tok *k = xcalloc(1, sizeof *k);
        k->s = t + i;
        k->newlines_before = nl;
        nl = 0;
        if (c == '#') {
            size_t j = i;
            while (j < len && t[j] != '\n') j++;
            while (j > i && (t[j - 1] == ' ' || t[j - 1] == '\t' || t[j - 1] == '\r')) j--;
            k->kind = T_COMMENT;
            k->n = j - i;
            i += k->n;
            while (i < len && t[i] != '\n') i++;
        } else if (c == '"') {
            size_t j = i + 1;
            while (j < len && t[j] != '"' && t[j] != '\n') j += (t[j] == '\\' && j + 1 < len) ? 2 : 1;
            if (j < len && t[j] == '"') j++;
            k->kind = T_STR;
            k->n = j - i;
            i = j;
        } else if (c == 'R' && i + 1 < len && t[i + 1] == 'p' && (i + 2 >= len || !word_char(t[i + 2]) || digit(t[i + 2]))) {
            size_t j = i + 2;
            if (j < len && t[j] == '.') j++;
            while (j < len && (t[j] == ' ' || t[j] == '\t')) j++;
            /* "Rp1_1" is one name, as the scanner's longest match makes
             * it: digits straight after "Rp" that run into a letter or
             * '_' are a longer word than any amount (found by fuzzing) */
            size_t d = j;
            while (d < len && digit(t[d])) d++;
            if (j == i + 2 && d > j && d < len && word_char(t[d])) {
                size_t e = d;
                while (e < len && word_char(t[e])) e++;
                k->kind = T_WORD;
                k->n = e - i;
                i = e;
            } else if (j < len && digit(t[j])) {
                size_t e = j;
                while (e < len && (digit(t[e]) || t[e] == '.' || t[e] == ',')) e++;
                while (e > j && !digit(t[e - 1])) e--;
                if (e + 1 < len && t[e] == ',' && t[e + 1] == '-') e += 2;
                /* "Rp 1.000,2024: ..." is an amount and a YEAR: pair */
                size_t a = e;
                while (a < len && (t[a] == ' ' || t[a] == '\t')) a++;
                const char *comma = NULL;
                for (size_t q = j; q < e; q++) if (t[q] == ',') comma = t + q;
                if (a < len && t[a] == ':' && comma && comma[1] != '-') e = (size_t)(comma - t);
                k->kind = T_MONEY;
                k->n = e - i;
                i = e;
            } else {
                k->kind = T_WORD;
                k->n = 2;
                i += 2;
            }
        } else if (word_char(c)) {
            size_t j = i;
            bool num = digit(c);
            while (j < len && (word_char(t[j]) || (num && t[j] == '.' && j + 1 < len && digit(t[j + 1])))) j++;
            k->kind = num ? T_NUM : T_WORD;
            k->n = j - i;
            i = j;
        } else {
            static const char *const two[] = {"==", "!=", "<=", ">=", "~=", "..", NULL};
            k->kind = T_PUNCT;
            k->n = 1;
            for (size_t q = 0; two[q]; q++)
                if (i + 1 < len && t[i] == two[q][0] && t[i + 1] == two[q][1]) k->n = 2;
            i += k->n;
        }
        vec_push(out, k);
    }
}

static bool is(const Tok *k, const char *w)
{
    return k && strlen(w) == k->n && memcmp(k->s, w, k->n) == 0;
}

/* A keyword with any of the flags (src/keywords.def): KW_LINE begins a
 * statement or an item of a block, KW_PAD is padded to one width so
 * that the values after it line up. */
static bool is_keyword(const Tok *k, unsigned flags)
{
    return k->kind == T_WORD && (keyword_flags(k->s, k->n) & flags) != 0;
}

typedef struct Fmt {
    Buf *out;
    Vec toks;
    int depth;
    bool line_empty;         /* nothing on the current output line yet */
    int stack[256];          /* per open '{': 1 inline (data), 2 skala, 0 other */
    size_t pad[257];         /* per block depth: width item keywords are padded to */
    int sp;
    int parens;
    size_t label_width;      /* widest band label of the open skala */
} Fmt;

/* The longest padded item keyword directly inside the block opening at
 * token index i ('{'), so that block's values line up. */
static size_t pad_width(Vec *toks, size_t i)
{
    size_t w = 0;
    int depth = 0;
    for (size_t j = i; j < toks->len; j++) {
        Tok *k = toks->items[j];
        if (is(k, "{")) depth++;
        else if (is(k, "}") && --depth == 0) break;
        else if (depth == 1 && is_keyword(k, KW_PAD) && k->n > w) {
            Tok *next = j + 1 < toks->len ? toks->items[j + 1] : NULL;
            if (!next || !is(next, "(")) w = k->n;
        }
    }
    return w;
}

/* True when the block opening at token index i ('{') closes on the same
 * source line: a small keluaran written on one line stays on one line. */
static bool one_line_block(Vec *toks, size_t i)
{
    int depth = 0;
    for (size_t j = i; j < toks->len; j++) {
        Tok *k = toks->items[j];
        if (j > i && (k->newlines_before > 0 || k->kind == T_COMMENT)) return false;
        if (is(k, "{")) depth++;
        else if (is(k, "}") && --depth == 0) return true;
    }
    return false;
}

/* Width of the widest band label ("..." followed by ':') in the skala
 * block opening at token index i ('{'). */
static size_t label_width(Vec *toks, size_t i)
{
    size_t w = 0;
    int depth = 0;
    for (size_t j = i; j < toks->len; j++) {
        Tok *k = toks->items[j];
        if (is(k, "{")) depth++;
        else if (is(k, "}") && --depth == 0) break;
        else if (k->kind == T_STR && j + 1 < toks->len && is(toks->items[j + 1], ":")) {
            size_t kw = utf8_width(k->s, k->n);
            if (kw > w) w = kw;
        }
    }
    return w;
}

static void newline(Fmt *f, int blank)
{
    if (!f->line_empty) buf_putc(f->out, '\n');
    if (blank && f->out->len > 0) {
        /* at most one blank line, never at the start */
        if (!(f->out->len >= 2 && f->out->data[f->out->len - 2] == '\n')) buf_putc(f->out, '\n');
    }
    f->line_empty = true;
}

static void indent(Fmt *f, int extra)
{
    for (int i = 0; i < f->depth + extra; i++) buf_puts(f->out, "    ");
}

static void emit_money(Fmt *f, const Tok *k)
{
    const char *a = k->s + 2;
    if (*a == '.') a++;
    while (*a == ' ' || *a == '\t') a++;
    size_t n = k->n - (size_t)(a - k->s);
    mpq_t q;
    mpq_init(q);
    char *s1 = NULL, *s2 = NULL;
    if (money_parse(q, a, n, &s1, &s2) == MONEY_OK) {
        const char *comma = memchr(a, ',', n);
        int dec = comma && !(n >= 2 && a[n - 1] == '-') ? (int)(n - (size_t)(comma - a) - 1) : 0;
        buf_puts(f->out, "Rp ");
        num_format(f->out, q, dec, ROUND_HALF_UP, NOTATION_ID, true);
    } else {
        buf_putn(f->out, k->s, k->n);   /* cannot happen in a file that parses */
    }
    free(s1);
    free(s2);
    mpq_clear(q);
}

static bool is_operator(const Tok *k)
{
    if (!k) return true;
    if (k->kind == T_PUNCT) return !is(k, ")") && !is(k, "}") && !is(k, "%");
    return k->kind == T_WORD && (is(k, "dan") || is(k, "atau") || is(k, "tidak") || is(k, "jika") || is(k, "maka") ||
                                 is(k, "lainnya") || is_keyword(k, KW_LINE));
}

void fmt_source(const char *text, size_t len, Buf *out)
{
    Fmt f;
    memset(&f, 0, sizeof f);
    f.out = out;
    f.line_empty = true;
    tokenize(text, len, &f.toks);
    Tok *prev = NULL, *prev2 = NULL;
    Tok *stmt_kw = NULL;       /* the keyword that began the current item */
    bool band_start = false;   /* next STRING in a skala block starts a band */
    for (size_t i = 0; i < f.toks.len; i++) {
        Tok *k = f.toks.items[i];
        int block = f.sp ? f.stack[f.sp - 1] : 0;
        if (k->kind == T_COMMENT) {
            if (k->newlines_before == 0 && !f.line_empty) {
                buf_puts(out, "  ");
            } else {
                newline(&f, k->newlines_before > 1);
                indent(&f, 0);
            }
            buf_putn(out, k->s, k->n);
            f.line_empty = false;
            newline(&f, 0);
            continue;
        }
        bool starts = false, cont = false;
        if (block == 3 && is_keyword(k, KW_LINE) && !is(prev, "{")) buf_putc(out, ' ');
        if (block != 1 && block != 3 && f.parens == 0) {
            if (is_keyword(k, KW_LINE)) {
                /* `realisasi(...)`, `target(...)`, `anggaran(...)` are calls */
                Tok *next = i + 1 < f.toks.len ? f.toks.items[i + 1] : NULL;
                bool call = next && is(next, "(") && (is(k, "target") || is(k, "realisasi") || is(k, "anggaran"));
                if ((!call || !prev || is(prev, "{") || is(prev, "}")) && !is(prev, "andai")) starts = true;
            }
            if (block == 2 && k->kind == T_STR && band_start) starts = true;
            if (is(k, "}")) starts = true;
        }
        if (!starts && k->newlines_before > 0 && prev && !f.line_empty) cont = true;
        if (starts) {
            newline(&f, k->newlines_before > 1);
        } else if (cont) {
            newline(&f, 0);
        }
        if (is(k, "}")) {
            if (f.sp) f.sp--;
            if (block == 1 || block == 3) {
                buf_puts(out, " }");
                prev2 = prev;
                prev = k;
                continue;
            }
            f.depth = f.depth > 0 ? f.depth - 1 : 0;
        }
        if (f.line_empty) {
            indent(&f, cont ? 1 : 0);
        } else if (prev) {
            /* spacing between two tokens on one line */
            bool space = true;
            if (is(k, ",") || is(k, ")") || is(k, "%") || is(k, "..") || is(prev, "(") || is(prev, ".."))
                space = false;
            if (is(k, ":") && !(block == 2 && prev->kind == T_STR)) space = false;
            if (is(k, "(") && (prev->kind == T_WORD && !is_operator(prev))) space = false;
            if (is(k, "(") && (is(prev, "target") || is(prev, "realisasi") || is(prev, "anggaran"))) space = false;
            if (prev->kind == T_PUNCT && is(prev, "-") && is_operator(prev2)) space = false;   /* unary minus */
            if ((block == 1 || block == 3) && is(prev, "{")) space = true;
            if (space) buf_putc(out, ' ');
        }
        if (starts) stmt_kw = k;
        switch (k->kind) {
        case T_MONEY: emit_money(&f, k); break;
        default: buf_putn(out, k->s, k->n); break;
        }
        if (block == 2 && k->kind == T_STR && starts)
            for (size_t p = utf8_width(k->s, k->n); p < f.label_width; p++) buf_putc(out, ' ');
        f.line_empty = false;
        /* pad an item keyword so its value lines up */
        if (starts && is_keyword(k, KW_PAD) && i + 1 < f.toks.len && f.depth > 0) {
            Tok *next = f.toks.items[i + 1];
            size_t width = f.pad[f.depth];
            if (next->newlines_before == 0 && next->kind != T_COMMENT && !is(next, "{"))
                for (size_t p = k->n; p < width; p++) buf_putc(out, ' ');
        }
        if (is(k, "(")) f.parens++;
        if (is(k, ")") && f.parens > 0) f.parens--;
        if (block == 2) {
            if (k->kind == T_STR && band_start) band_start = false;
            else if (k->kind == T_NUM || is(k, "nilai") || is(k, "%")) {
                /* a band ends with a bound or 'nilai' not followed by a comparison */
                Tok *next = i + 1 < f.toks.len ? f.toks.items[i + 1] : NULL;
                if (!next || (!is(next, "<") && !is(next, "<=") && !is(next, ">") && !is(next, ">=") && !is(next, "%")))
                    band_start = true;
            }
        }
        bool breaks = false;
        if (is(k, "{")) {
            int kind = stmt_kw && (is(stmt_kw, "data") || is(stmt_kw, "komponen")) ? 1 : stmt_kw && is(stmt_kw, "skala") ? 2 : 0;
            if (stmt_kw && is(stmt_kw, "keluaran") && one_line_block(&f.toks, i)) kind = 3;
            if (f.sp < 256) f.stack[f.sp++] = kind;
            if (kind == 2) {
                band_start = true;
                f.label_width = label_width(&f.toks, i);
            }
            if (kind != 1 && kind != 3) {
                f.depth++;
                if (f.depth < 257) f.pad[f.depth] = pad_width(&f.toks, i);
                breaks = true;
            }
        }
        if (is(k, "}") && block != 1 && block != 3) breaks = true;
        if (breaks) {
            /* a comment at the end of this line stays there */
            Tok *next = i + 1 < f.toks.len ? f.toks.items[i + 1] : NULL;
            if (next && next->kind == T_COMMENT && next->newlines_before == 0) {
                buf_puts(out, "  ");
                buf_putn(out, next->s, next->n);
                i++;
            }
            newline(&f, 0);
        }
        prev2 = prev;
        prev = k;
    }
    newline(&f, 0);
    for (size_t i = 0; i < f.toks.len; i++) free(f.toks.items[i]);
    vec_free(&f.toks);
}
