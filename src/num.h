/* num.h -- exact numbers and their Indonesian (and English) notation.
 *
 * Every number and rupiah amount is an exact rational (GMP mpq_t): money
 * sums never lose a sen, ratios stay exact until they are rounded for
 * display or for `~=`.  No double is used for anything shown or compared.
 * Parsing of source literals (`83.63`, `1_000`, `Rp 4.492.070.793,00`)
 * and the two rounding modes also live here.
 */
#ifndef SAKIP_NUM_H
#define SAKIP_NUM_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "util.h"

typedef enum {
    ROUND_HALF_UP,   /* "setengah_naik": half away from zero (default) */
    ROUND_DOWN       /* "bawah": toward zero */
} RoundMode;

typedef enum {
    NOTATION_ID,     /* 4.492.070.793,50 */
    NOTATION_EN      /* 4,492,070,793.50 */
} Notation;

/* Longest digit string accepted in one literal (integer + decimals). */
#define NUM_MAX_DIGITS 60

/* Parses a plain decimal literal: digits, optional '_' separators between
 * digits, optional '.' and decimals.  Sets *decimals to the count of
 * written decimals.  Returns false when the text is not such a literal. */
bool num_parse_decimal(mpq_t out, const char *s, size_t n, int *decimals);
/* out = v / 10^ndec (0 <= ndec <= 18, any 64-bit v), in lowest terms:
 * the scanner's plain numbers, read as they are scanned, and roundings. */
void num_set_decimal(mpq_t out, uint64_t v, int ndec);
/* Divides *v and 10^ndec by their common factors; returns what is left
 * of 10^ndec, the denominator. */
uint64_t num_decimal_reduce(uint64_t *v, int ndec);

/* Result of reading the amount after `Rp`. */
typedef enum {
    MONEY_OK,
    MONEY_BAD_GROUPING,  /* Rp 1.5, Rp 12.34.567 */
    MONEY_ENGLISH,       /* Rp 1,004,422,800 */
    MONEY_BAD_DECIMALS,  /* Rp 1.000,5.0 */
    MONEY_TOO_LONG
} MoneyStatus;

/* Reads an Indonesian amount such as "4.492.070.793,00", "4492070793" or
 * "1.000,-".  On a problem, *suggest (and for bad grouping *suggest2)
 * receive malloc'd corrected spellings without "Rp ", else NULL. */
MoneyStatus money_parse(mpq_t out, const char *s, size_t n, char **suggest, char **suggest2);
/* Whether money_parse takes s[0..n) as it is, with nothing to say:
 * digits grouped in threes by '.' (or not grouped), maybe a ',' and
 * digits of sen, 18 digits at most ("4.492.070.793,50"); the amount is
 * then v / 10^ndec. */
bool money_plain(const char *s, size_t n, uint64_t *v, int *ndec);

/* z = v, or -v when neg, writing its one limb in place when z has room.
 * mpz_set_ui is a call that cost more than the one-word arithmetic
 * around it (doc/performance.md, round 4); the fields are gmp.h's own. */
static inline void num_z_set_u64(mpz_ptr z, uint64_t v, bool neg)
{
#if GMP_NUMB_BITS == 64 && GMP_NAIL_BITS == 0
    if (z->_mp_alloc >= 1) {
        z->_mp_d[0] = (mp_limb_t)v;
        z->_mp_size = v == 0 ? 0 : neg ? -1 : 1;
        return;
    }
#endif
    if (sizeof(unsigned long) >= sizeof v) mpz_set_ui(z, (unsigned long)v);
    else mpz_import(z, 1, -1, sizeof v, 0, 0, &v);
    if (neg) mpz_neg(z, z);
}

/* dst = src; one-limb numbers (nearly all) are copied in place. */
static inline void num_set(mpq_ptr dst, mpq_srcptr src)
{
#if GMP_NUMB_BITS == 64 && GMP_NAIL_BITS == 0
    mpz_srcptr sn = mpq_numref(src), sd = mpq_denref(src);
    mpz_ptr dn = mpq_numref(dst), dd = mpq_denref(dst);
    if (sn->_mp_size >= -1 && sn->_mp_size <= 1 && sd->_mp_size == 1 && dn->_mp_alloc >= 1 &&
        dd->_mp_alloc >= 1) {
        if (sn->_mp_size) dn->_mp_d[0] = sn->_mp_d[0];
        dn->_mp_size = sn->_mp_size;
        dd->_mp_d[0] = sd->_mp_d[0];
        dd->_mp_size = 1;
        return;
    }
#endif
    mpq_set(dst, src);
}

/* out = a + b, a - b, a x b, a / b (b != 0) and a / b x 100 (b != 0);
 * out may be a or b.  The same values GMP's mpq functions give, computed
 * on one word when the operands and the result fit (every rupiah amount
 * and every figure with a few decimals does). */
void num_add(mpq_t out, const mpq_t a, const mpq_t b);
void num_sub(mpq_t out, const mpq_t a, const mpq_t b);
void num_mul(mpq_t out, const mpq_t a, const mpq_t b);
void num_div(mpq_t out, const mpq_t a, const mpq_t b);
void num_percent(mpq_t out, const mpq_t a, const mpq_t b);
/* -1, 0 or 1 as a <, = or > b. */
int num_cmp(const mpq_t a, const mpq_t b);

/* Most digits the numerator, and the denominator, of a computed number
 * may have (doc/limits.md): the evaluator stops a number past it (E0407)
 * rather than let rules that square a value again and again fill memory. */
#define NUM_MAX_RESULT_DIGITS 10000
/* True when q's numerator or denominator has more than
 * NUM_MAX_RESULT_DIGITS digits (is at least 10^NUM_MAX_RESULT_DIGITS). */
bool num_too_large(const mpq_t q);

/* out = in rounded to `decimals` places under `mode`. */
void num_round(mpq_t out, const mpq_t in, int decimals, RoundMode mode);

/* Formats q rounded to exactly `decimals` places.  group: insert
 * thousands separators. Result is appended to b. */
void num_format(Buf *b, const mpq_t q, int decimals, RoundMode mode, Notation nt, bool group);
/* Formats q exactly when it has at most max_dec decimals (trailing zeros
 * dropped), otherwise rounded to max_dec. */
void num_format_short(Buf *b, const mpq_t q, int max_dec, RoundMode mode, Notation nt, bool group);
/* Money: "Rp 4.492.070.793" (sen shown only when non-zero). */
void num_format_money(Buf *b, const mpq_t q, RoundMode mode, Notation nt);
/* Plain machine notation for JSON/CSV: exact when the decimal expansion
 * ends within max_dec places, else rounded to max_dec. '.' decimals. */
void num_format_plain(Buf *b, const mpq_t q, int max_dec);
/* n/d written as num_format_plain() writes that number, without reducing
 * it first (no gcd); false, writing nothing, when it does not fit in the
 * one-word arithmetic. */
bool num_format_ratio_plain(Buf *b, uint64_t n, uint64_t d, int max_dec);
/* The bytes num_plain_put may write past out, beyond dec: it copies
 * digits at fixed sizes. */
enum { NUM_PLAIN_ROOM = 48 };
/* A plain form held as a word: scaled / 10^dec, written by num_plain_put
 * as it is (dec decimals, none dropped) into out (dec + NUM_PLAIN_ROOM
 * bytes), ended by '\0'; its length.  The tables of periods keep their
 * numbers so until JSON writes them (report.h, CELL_SCALED). */
size_t num_plain_put(char *out, int64_t scaled, int dec);
/* num_format_plain's number as scaled / 10^dec; false when it does not
 * fit in a word. */
bool num_plain_scaled(const mpq_t q, int max_dec, int64_t *scaled, int *dec);
/* num_format_ratio_plain's number as scaled / 10^dec; false when it
 * does not fit in a word. */
bool num_ratio_scaled(uint64_t n, uint64_t d, int max_dec, int64_t *scaled, int *dec);
/* v / 10^dec with the trailing zeros of its decimals dropped (v and dec
 * changed): as num_format_plain writes an amount in sen. */
void num_scaled_trim(int64_t *v, int *dec);
/* q x 10^dec (0 <= dec <= 18) when it is an integer that fits in a
 * word (an amount in sen: dec 2), or false. */
bool num_to_scaled(const mpq_t q, int dec, int64_t *out);
/* q = v / 10^dec (0 <= dec <= 18): num_to_scaled's way back. */
void num_from_scaled(mpq_t q, int64_t v, int dec);

/* True when q has a finite decimal expansion of at most max_dec places. */
bool num_is_decimal(const mpq_t q, int max_dec);

#endif
