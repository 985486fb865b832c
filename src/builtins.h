/* builtins.h -- the registry of built-in functions (sakip(5), BUILT-IN
 * FUNCTIONS; the Texinfo manual, node Built-in functions).
 *
 * One row per function, as Lua's luaL_Reg or Redis's command table: its
 * name, how many arguments it takes and of what kind, the static type of
 * its result, how it is evaluated and explained, and one line of
 * documentation.  Everything that knows about built-ins reads this table:
 * check.c (arity, argument kinds, result types, suggestions), eval.c
 * (dispatch), explain.c (`jelaskan` and the REPL's verdict notes), the
 * REPL's completion, and the test that holds doc/sakip.5 and
 * doc/sakip.texi to it.  Adding a built-in is one row in builtins.c plus
 * its evaluate (and, if it has one, explain) function beside the row.
 *
 * The parser names a call's built-in once (builtin_id(), src/ast.h): a
 * BuiltinId is a row's index + 1, BI_NONE (0) for no built-in. */
#ifndef SAKIP_BUILTINS_H
#define SAKIP_BUILTINS_H

#include <stdbool.h>
#include <stddef.h>
#include "ast.h"

struct Eval;
struct Value;

/* The static type of an expression (check.c). */
typedef enum { T_ANY, T_NUM, T_MONEY, T_TEXT, T_BOOL, T_REF, T_RANGE } StaticType;

/* What an argument must be. */
typedef enum {
    BA_NONE,      /* no such argument */
    BA_VALUE,     /* any value */
    BA_ENTITY,    /* the name of a declaration of one of the row's `kinds` */
    BA_YEAR,      /* a year, a number like 2024 */
    BA_NUMBER,    /* a number (not an amount) */
    BA_SKALA,     /* the name of a skala */
    BA_NUMERIC,   /* numbers or amounts, all alike; so is every further argument */
    BA_YEAR_PK,   /* a year, or the name of a perjanjian (the value it states) */
    BA_PK,        /* the name of a perjanjian */
    BA_PERIOD     /* a period name, tw2 (not a value: written as a name) */
} BuiltinArg;

/* The static type of the result. */
typedef enum {
    BR_NUM, BR_MONEY, BR_TEXT,
    BR_VALUE_OF,  /* an indikator's kind of value (number or amount); an amount for any other */
    BR_ARG0,      /* the first argument's type */
    BR_ALIKE,     /* the type the (BA_NUMERIC) arguments share */
    BR_TARGET_OF, /* an indikator's target: a range when its targets are ranges */
    BR_BOUND      /* a bound of the first argument (a range, a number, or an indikator's target) */
} BuiltinResult;

/* Bits of the entity kinds a BA_ENTITY argument may name. */
#define BK(k) (1u << (k))
#define BK_BUDGET ((unsigned)ENT_BUDGET_KINDS)

typedef struct Builtin {
    const char *name;
    int min, max;                /* number of arguments; max -1: any number */
    BuiltinArg arg[3];           /* the first three arguments */
    unsigned kinds;              /* BA_ENTITY: BK() bits of the kinds it may name */
    BuiltinResult result;
    bool percent;                /* the REPL shows a number result with '%' */
    bool uses_capaian;           /* applies capaian() itself: an aturan capaian it calls is in its rule cycle */
    /* Evaluates the call.  For a row whose first argument is BA_ENTITY the
     * evaluator has found the entity x and the year (the call's second
     * argument, else the year evaluated); otherwise x is NULL and the
     * function evaluates the call's arguments itself. */
    void (*eval)(struct Eval *ev, const Expr *call, Entity *x, int year, struct Value *out);
    /* `jelaskan`: writes the tree behind the call at depth and returns
     * true; false (or NULL) leaves the default, the call's value and then
     * its arguments.  x and year as for eval (x NULL when the first
     * argument names nothing). */
    bool (*explain)(struct Eval *ev, const Expr *call, Entity *x, int year, int depth, Buf *b);
    /* The note the REPL shows after the call's value (why that verdict); NULL: none. */
    void (*verdict)(struct Eval *ev, const Expr *call, Buf *out);
    const char *signature;       /* "target(x, t)" (a second form, "target(x, t, p)", after a ';') */
    const char *doc;             /* its meaning in one line, for docs and help */
} Builtin;

/* The rows, in BuiltinId order. */
extern const Builtin builtins[];
extern const size_t builtins_count;

/* The row of id; NULL for BI_NONE. */
const Builtin *builtin_get(BuiltinId id);

#endif
