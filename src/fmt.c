/* fmt.c -- the canonical layout.  See fmt.h. */
#include "fmt.h"
#include "num.h"
#include "parse.h"
#include "parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { T_WORD, T_NUM, T_STR, T_MONEY, T_PUNCT, T_COMMENT } TokKind;

typedef struct Tok {
    TokKind kind;
    const char *s;
    size_t n;
    int newlines_before;     /* line breaks in the source before it */
    bool name;               /* a name here: the scanner read it as one (a KW_CTX
                              * word may be), or mark_names found it is one */
} Tok;

/* The tokens of the text as the scanner takes them (grammar/lexer.l), the
 * comments too; a ';' is no token here but separates like a line break.
 * fmt is given only text that scans without errors. */
static void tokenize(const char *text, size_t len, Vec *out)
{
    LocFile *lf = locfile_new("<fmt>", text, len);
    Unit *scratch = unit_new(lf);   /* holds the tokens' values; owns lf */
    DiagList dl;
    diag_list_init(&dl);
    ParseCtx ctx;
    parse_ctx_init(&ctx, scratch, lf, &dl, PARSE_FILE);
    ctx.keep_comments = true;
    yyscan_t sc;
    if (scanner_open(&ctx, &sc) == 0) {
        uint32_t at = 0;     /* the end of the last token */
        bool after_tabel = false;
        int nl = 0;
        for (;;) {
            YYSTYPE val;
            Span s;
            int t = parse_next_token(&val, &s, sc);
            if (t == START_FILE) continue;
            for (; at < s.start && at < len; at++)
                if (text[at] == '\n') nl++;
            if (t == YYEOF) break;
            at = s.end;
            if (t == ';') {
                nl = nl ? nl : 1;
                continue;
            }
            Tok *k = xcalloc(1, sizeof *k);
            k->s = text + s.start;
            k->n = s.end - s.start;
            k->newlines_before = nl;
            nl = 0;
            switch (t) {
            case COMMENT:
                k->kind = T_COMMENT;
                while (k->n > 0 && (k->s[k->n - 1] == ' ' || k->s[k->n - 1] == '\t' || k->s[k->n - 1] == '\r')) k->n--;
                break;
            case NUMBER: k->kind = T_NUM; break;
            case STRING: k->kind = T_STR; break;
            case MONEY: k->kind = T_MONEY; break;
            case IDENT: k->kind = T_WORD; k->name = true; break;
            default: k->kind = k->s[0] >= 'a' && k->s[0] <= 'z' ? T_WORD : T_PUNCT; break;   /* a keyword, or not */
            }
            /* `tabel anggaran "..."`: a table's identifier, keyword or not, is a name */
            if (after_tabel) k->name = true;
            after_tabel = t == TABEL;
            vec_push(out, k);
        }
        scanner_close(sc);
    }
    diag_list_free(&dl);
    unit_free(scratch);
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
    return k->kind == T_WORD && !k->name && (keyword_flags(k->s, k->n) & flags) != 0;
}

/* Marks `target` and `realisasi` used as bare names in an expression
 * (`rumus_capaian = target / realisasi`): after an operator.  The
 * contextual keywords (KW_CTX) the scanner already gives as names. */
static void mark_names(Vec *toks)
{
    for (size_t i = 0; i < toks->len; i++) {
        Tok *k = toks->items[i];
        if (k->kind != T_WORD) continue;
        const Tok *prev = i ? toks->items[i - 1] : NULL;
        if (prev && prev->kind == T_COMMENT) prev = i > 1 ? toks->items[i - 2] : NULL;
        if ((is(k, "target") || is(k, "realisasi")) && prev && prev->kind == T_PUNCT && !is(prev, "{") &&
            !is(prev, "}") && !is(prev, ")") && !is(prev, "%"))
            k->name = true;
    }
}

typedef struct Fmt {
    Buf *out;
    Vec toks;
    int depth;
    bool line_empty;         /* nothing on the current output line yet */
    int stack[256];          /* per open '{': 1 inline (data), 2 skala, 3 one-line keluaran, 4 periods, 0 other */
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
    mark_names(&f.toks);
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
        if (block != 1 && block != 3 && block != 4 && f.parens == 0) {
            if (is_keyword(k, KW_LINE)) {
                /* `realisasi(...)`, `target(...)`, `anggaran(...)` are calls */
                Tok *next = i + 1 < f.toks.len ? f.toks.items[i + 1] : NULL;
                bool call = next && is(next, "(") && (is(k, "target") || is(k, "realisasi") || is(k, "anggaran"));
                if ((!call || !prev || is(prev, "{") || is(prev, "}")) && !is(prev, "andai")) starts = true;
            }
            if (block == 2 && k->kind == T_STR && band_start) starts = true;
            if (is(k, "}")) starts = true;
        }
        /* a period block (block 4) is laid out on one line, whatever the source's breaks */
        if (!starts && k->newlines_before > 0 && prev && !f.line_empty && block != 4) cont = true;
        if (starts) {
            newline(&f, k->newlines_before > 1);
        } else if (cont) {
            newline(&f, 0);
        }
        if (is(k, "}")) {
            if (f.sp) f.sp--;
            if (block == 1 || block == 3 || block == 4) {
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
            if (is(k, "..") && is_keyword(prev, KW_LINE)) space = true;   /* batas ..120% */
            if (is(k, ":") && !(block == 2 && prev->kind == T_STR)) space = false;
            if (is(k, "(") && (prev->kind == T_WORD && !is_operator(prev))) space = false;
            if (is(k, "(") && (is(prev, "target") || is(prev, "realisasi") || is(prev, "anggaran"))) space = false;
            if (prev->kind == T_PUNCT && is(prev, "-") && is_operator(prev2)) space = false;   /* unary minus */
            if ((block == 1 || block == 3 || block == 4) && is(prev, "{")) space = true;
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
            /* `target 2025 { tw1: 83, ... }` (sakip(5), PERIODS): one line */
            if (stmt_kw && (is(stmt_kw, "target") || is(stmt_kw, "realisasi") || is(stmt_kw, "rencana"))) kind = 4;
            if (f.sp < 256) f.stack[f.sp++] = kind;
            if (kind == 2) {
                band_start = true;
                f.label_width = label_width(&f.toks, i);
            }
            if (kind != 1 && kind != 3 && kind != 4) {
                f.depth++;
                if (f.depth < 257) f.pad[f.depth] = pad_width(&f.toks, i);
                breaks = true;
            }
        }
        if (is(k, "}") && block != 1 && block != 3 && block != 4) breaks = true;
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
