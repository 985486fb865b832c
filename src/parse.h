/* parse.h -- the interface between the scanner (grammar/lexer.l), the
 * parser (grammar/parser.y) and the rest of libsakip.
 *
 * parse_unit() turns one source file into a Unit, reporting every
 * lexical and syntax error into a DiagList and recovering so that one
 * run shows them all.  The REPL parses one input at a time into the same
 * Unit with parse_repl().
 */
#ifndef SAKIP_PARSE_H
#define SAKIP_PARSE_H

#include <stdbool.h>
#include <stdint.h>
#include "ast.h"
#include "diag.h"

/* Limits (doc/limits.md). */
#define MAX_IDENT_LEN    255
#define MAX_STRING_LEN   4096
#define MAX_NESTING      200     /* ( and { nesting */
#define MAX_EXPR_DEPTH   1000    /* operator chain depth of one expression */
#define MAX_ERRORS       100     /* syntax/lexical errors shown per file */

typedef enum { PARSE_FILE, PARSE_REPL } ParseMode;

/* What one REPL input was. */
typedef enum {
    REPL_NOTHING,     /* empty line, comment, or a syntax error */
    REPL_DECL,        /* a declaration or statement added to the unit */
    REPL_EXPR,
    REPL_ANDAI,
    REPL_ANDAI_LIST,  /* `andai` alone */
    REPL_BATAL,
    REPL_JELASKAN
} ReplKind;

typedef struct ReplItem {
    ReplKind kind;
    Expr *expr;
    Andai *andai;
    Span span;
} ReplItem;

typedef struct ParseCtx {
    Unit *unit;
    LocFile *lf;
    DiagList *diags;
    ParseMode mode;
    bool start_sent;
    uint32_t offset;         /* scanner position in lf->text */
    int depth;               /* open ( and { */
    int parens;              /* open ( only */
    int last_token;          /* previous token kind, for messages */
    int scan_prev;           /* the scanner's previous token, comments aside (KW_CTX words) */
    int scan_prev2;          /* and the one before it (a block of periods: `target 2024 {`) */
    int prev_token;
    Span last_loc, prev_loc;
    bool stop;               /* a limit was hit: scanner returns EOF */
    bool keep_comments;      /* the scanner returns comments too (COMMENT), for fmt */
    size_t nerrors;
    ReplItem *repl;
    Entity *stack[MAX_NESTING + 1];  /* enclosing declarations */
    int sp;
    Keluaran *keluaran;      /* open keluaran block */
    DataYear *data;          /* open data block */
} ParseCtx;

/* Parses a whole file.  Never returns NULL; the Unit owns lf. */
Unit *parse_unit(LocFile *lf, DiagList *dl);
/* Parses one REPL input (statements or an expression) into u. The
 * LocFile must outlive u (the caller keeps REPL inputs alive). */
bool parse_repl(Unit *u, LocFile *lf, DiagList *dl, ReplItem *out);

/* Parses another file (a scenario, an --andai text) into an existing
 * unit; the caller keeps lf alive as long as u. */
void parse_more(Unit *u, LocFile *lf, DiagList *dl);

/* Names of the tokens that may follow `text` in a REPL input: keywords
 * as written, or "<name>", "<number>", "<text>", "<amount>".  Returns -1
 * when the text is not a valid prefix. */
int parse_expected(const char *text, size_t len, const char **names, int max);

typedef void *yyscan_t;
/* A fresh context for parsing lf into u; diagnostics go to dl. */
void parse_ctx_init(ParseCtx *ctx, Unit *u, LocFile *lf, DiagList *dl, ParseMode mode);
int scanner_open(ParseCtx *ctx, yyscan_t *sc);
void scanner_close(yyscan_t sc);

/* The next token (grammar/lexer.l): lval points to the parser's
 * semantic-value union.  The parser's yylex (src/parse.c) calls it and
 * records the tokens for its messages. */
int parse_next_token(void *lval, Span *lloc, yyscan_t scanner);

/* Reports an error through the context, respecting MAX_ERRORS. */
Diag *parse_error(ParseCtx *ctx, const char *code, Span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The keyword table (src/keywords.def): the spellings (NULL-terminated)
 * and their tokens, in the table's order; shared with the REPL's
 * completion and `did you mean`. */
extern const char *const sakip_keywords[];
extern const int sakip_keyword_tokens[];
extern const unsigned char sakip_keyword_flags[];   /* KW_* of each, in the same order */
const char *closest_keyword(const char *word);

/* A keyword's flags (src/keywords.def), 0 for any other word s[0..n). */
enum { KW_TOP = 1, KW_LINE = 2, KW_PAD = 4, KW_ANDAI = 8, KW_CTX = 16 };
unsigned keyword_flags(const char *s, size_t n);

/* The name bison gives the token tok ("target", "'{'", "name"), and that
 * of the symbol numbered k, NULL past the last token (grammar/parser.y):
 * for the test that the keyword table agrees with the grammar. */
const char *parse_token_name(int tok);
const char *parse_symbol_name(int k);

/* Validates UTF-8 of the whole file, reporting each invalid sequence. */
void check_utf8(ParseCtx *ctx);

#endif
