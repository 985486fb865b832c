/* num.c -- exact rationals: literal parsing, rounding, formatting. */
#include "num.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* 10^0 .. 10^19, every power of ten that fits 64 bits. */
static const uint64_t pow10_u64[] = {
    1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u, 1000000000u,
    10000000000u, 100000000000u, 1000000000000u, 10000000000000u, 100000000000000u,
    1000000000000000u, 10000000000000000u, 100000000000000000u, 1000000000000000000u,
    10000000000000000000u};

uint64_t num_decimal_reduce(uint64_t *v, int ndec)
{
    /* v / 10^ndec in lowest terms without a gcd: the denominator has only
     * the factors 2 and 5, so take out those v shares with it */
    uint64_t den = pow10_u64[ndec];
    while (den > 1 && *v % 10 == 0) { *v /= 10; den /= 10; }   /* v = 0 ends with den = 1 */
    while (den % 2 == 0 && *v % 2 == 0) { *v /= 2; den /= 2; }
    while (den % 5 == 0 && *v % 5 == 0) { *v /= 5; den /= 5; }
    return den;
}

void num_set_decimal(mpq_t out, uint64_t v, int ndec)
{
    uint64_t den = num_decimal_reduce(&v, ndec);
    num_z_set_u64(mpq_numref(out), v, false);
    num_z_set_u64(mpq_denref(out), den, false);
}

/* out = the nd digits d[0..nd) (no terminator needed) with the last ndec
 * of them after the decimal point. */
static void set_digits(mpq_t out, char *d, size_t nd, size_t ndec)
{
    if (nd <= 18) {
        /* fits in 64 bits: no string conversion, no power computation */
        uint64_t v = 0;
        for (size_t i = 0; i < nd; i++) v = v * 10 + (uint64_t)(d[i] - '0');
        num_set_decimal(out, v, (int)ndec);
        return;
    }
    d[nd] = '\0';
    mpz_set_str(mpq_numref(out), d, 10);
    mpz_ui_pow_ui(mpq_denref(out), 10, (unsigned long)ndec);
    mpq_canonicalize(out);
}

bool num_parse_decimal(mpq_t out, const char *s, size_t n, int *decimals)
{
    char digits[NUM_MAX_DIGITS + 1];
    size_t nd = 0;
    int dec = -1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (is_digit(c)) {
            if (nd == NUM_MAX_DIGITS) return false;
            digits[nd++] = c;
            if (dec >= 0) dec++;
        } else if (c == '_') {
            if (i == 0 || i + 1 == n || !is_digit(s[i - 1]) || !is_digit(s[i + 1])) return false;
        } else if (c == '.') {
            if (dec >= 0 || i == 0 || i + 1 == n) return false;
            dec = 0;
        } else {
            return false;
        }
    }
    if (nd == 0) return false;
    *decimals = dec > 0 ? dec : 0;
    set_digits(out, digits, nd, (size_t)*decimals);
    return true;
}

/* Appends digits of s[0..n) with the separators removed. */
static size_t strip_to(char *dst, size_t cap, const char *s, size_t n, char sep)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == sep) continue;
        if (k + 1 >= cap) return cap;
        dst[k++] = s[i];
    }
    dst[k] = '\0';
    return k;
}

/* True when s[0..n) is digits grouped by `sep` in threes (first group 1-3),
 * or plain digits when allow_plain. */
static bool grouped_ok(const char *s, size_t n, char sep, bool allow_plain)
{
    if (n == 0) return false;
    bool has_sep = memchr(s, sep, n) != NULL;
    if (!has_sep) {
        for (size_t i = 0; i < n; i++) if (!is_digit(s[i])) return false;
        return allow_plain;
    }
    size_t group = 0, ngroups = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == sep) {
            if (group == 0 || group > 3) return false;
            if (ngroups > 0 && group != 3) return false;
            ngroups++;
            group = 0;
        } else if (is_digit(s[i])) {
            group++;
        } else {
            return false;
        }
    }
    return true;
}

/* Builds "1.000.000" style text (Indonesian) from a digit string. */
static void group_digits_n(Buf *b, const char *d, size_t n, char sep);

static void group_digits(Buf *b, const char *digits, char sep)
{
    group_digits_n(b, digits, strlen(digits), sep);
}

/* money_parse's usual case in one pass (num.h); anything else money_parse
 * reads as before. */
bool money_plain(const char *s, size_t n, uint64_t *out, int *out_ndec)
{
    uint64_t v = 0;
    size_t i = 0, nd = 0, group = 0, ngroups = 0;
    int ndec = 0;
    for (; i < n && s[i] != ','; i++) {
        if (is_digit(s[i])) {
            if (++nd > 18) return false;
            v = v * 10 + (uint64_t)(s[i] - '0');
            group++;
        } else if (s[i] == '.' && group >= 1 && group <= 3 && (ngroups == 0 || group == 3)) {
            ngroups++;
            group = 0;
        } else {
            return false;
        }
    }
    if (group == 0 || (ngroups > 0 && group != 3)) return false;
    if (i < n) {   /* the comma */
        if (++i == n) return false;
        for (; i < n; i++) {
            if (!is_digit(s[i]) || ++nd > 18) return false;
            v = v * 10 + (uint64_t)(s[i] - '0');
            ndec++;
        }
    }
    *out = v;
    *out_ndec = ndec;
    return true;
}

static bool money_simple(mpq_t out, const char *s, size_t n)
{
    uint64_t v;
    int ndec;
    if (!money_plain(s, n, &v, &ndec)) return false;
    num_set_decimal(out, v, ndec);
    return true;
}

MoneyStatus money_parse(mpq_t out, const char *s, size_t n, char **suggest, char **suggest2)
{
    *suggest = NULL;
    *suggest2 = NULL;
    /* "1.000,-": the Indonesian way of writing "no sen" */
    if (n >= 2 && s[n - 1] == '-' && s[n - 2] == ',') n -= 2;
    if (money_simple(out, s, n)) return MONEY_OK;
    if (n > NUM_MAX_DIGITS + 20) return MONEY_TOO_LONG;
    const char *comma = memchr(s, ',', n);
    size_t ilen = comma ? (size_t)(comma - s) : n;
    const char *dec = comma ? comma + 1 : NULL;
    size_t dlen = comma ? n - ilen - 1 : 0;
    char digits[NUM_MAX_DIGITS + 2];

    bool int_ok = grouped_ok(s, ilen, '.', true);
    bool dec_ok = true;
    if (dec) {
        dec_ok = dlen > 0;
        for (size_t i = 0; i < dlen; i++) if (!is_digit(dec[i])) dec_ok = false;
    }
    if (int_ok && dec_ok) {
        size_t k = strip_to(digits, sizeof digits, s, ilen, '.');
        if (k >= sizeof digits - 1 || k + dlen > NUM_MAX_DIGITS) return MONEY_TOO_LONG;
        memcpy(digits + k, dec ? dec : "", dlen);
        set_digits(out, digits, k + dlen, dlen);
        return MONEY_OK;
    }

    /* English notation: 1,004,422,800 or 1,004,422,800.50 */
    const char *dot = memrchr(s, '.', n);
    size_t eilen = dot ? (size_t)(dot - s) : n;
    bool en_dec_ok = true;
    if (dot) {
        size_t edl = n - eilen - 1;
        en_dec_ok = edl > 0 && edl <= 2;
        for (size_t i = eilen + 1; i < n; i++) if (!is_digit(s[i])) en_dec_ok = false;
    }
    if (memchr(s, ',', n) && grouped_ok(s, eilen, ',', false) && en_dec_ok) {
        size_t k = strip_to(digits, sizeof digits, s, eilen, ',');
        if (k >= sizeof digits - 1) return MONEY_TOO_LONG;
        Buf b;
        buf_init(&b);
        group_digits(&b, digits, '.');
        if (dot) {
            buf_putc(&b, ',');
            buf_putn(&b, dot + 1, n - eilen - 1);
        }
        *suggest = buf_steal(&b);
        return MONEY_ENGLISH;
    }

    if (!dec_ok) return MONEY_BAD_DECIMALS;

    /* Bad grouping such as "1.5" or "1.000.00": offer the reading with the
     * last '.' as the decimal comma, and a thousands reading. */
    size_t k = strip_to(digits, sizeof digits, s, ilen, '.');
    if (k >= sizeof digits - 1) return MONEY_TOO_LONG;
    const char *lastdot = memrchr(s, '.', ilen);
    Buf b;
    buf_init(&b);
    if (lastdot && !dec) {
        size_t head = (size_t)(lastdot - s), tail = ilen - head - 1;
        buf_putn(&b, s, head);
        buf_putc(&b, ',');
        buf_putn(&b, lastdot + 1, tail);
        *suggest = buf_steal(&b);
        if (!memchr(s, '.', head) && tail < 3) {
            /* "1.5": thousands with the zeros left out */
            char padded[NUM_MAX_DIGITS + 6];   /* the digits (strip_to: at most NUM_MAX_DIGITS + 1), three zeros, NUL */
            snprintf(padded, sizeof padded, "%s%.*s", digits, (int)(3 - tail), "000");
            group_digits(&b, padded, '.');
        } else {
            group_digits(&b, digits, '.');
        }
        *suggest2 = buf_steal(&b);
    } else {
        group_digits(&b, digits, '.');
        if (dec) {
            buf_putc(&b, ',');
            buf_putn(&b, dec, dlen);
        }
        *suggest = buf_steal(&b);
        buf_puts(&b, digits);
        if (dec) {
            buf_putc(&b, ',');
            buf_putn(&b, dec, dlen);
        }
        *suggest2 = buf_steal(&b);
    }
    return MONEY_BAD_GROUPING;
}

/* 10^k, computed once for the decimals numbers are shown with. */
enum { POW10_CACHED = 64 };

static void pow10z(mpz_t out, int k)
{
    static mpz_t cache[POW10_CACHED];
    static bool ready[POW10_CACHED];
    if (k < 0) k = 0;
    if (k >= POW10_CACHED) {
        mpz_ui_pow_ui(out, 10, (unsigned long)k);
        return;
    }
    if (!ready[k]) {
        mpz_init(cache[k]);
        mpz_ui_pow_ui(cache[k], 10, (unsigned long)k);
        ready[k] = true;
    }
    mpz_set(out, cache[k]);
}

/* The 64-bit path: reports format some hundred thousand numbers a run
 * (issue #9), nearly all with a numerator and denominator of one limb.
 * It computes exactly what the GMP code after it computes, or declines. */
#if GMP_NUMB_BITS == 64 && GMP_NAIL_BITS == 0
#define NUM_SMALL 1

/* |z| when it fits 64 bits. */
static bool small_abs(mpz_srcptr z, uint64_t *v)
{
    size_t n = mpz_size(z);
    if (n > 1) return false;
    *v = n ? (uint64_t)mpz_getlimbn(z, 0) : 0;
    return true;
}

/* round_scaled() for |in| * 10^decimals and its quotient within 64 bits:
 * the magnitude of the result and whether it is negative. */
static bool round_scaled_small(const mpq_t in, int decimals, RoundMode mode, bool *neg, uint64_t *mag)
{
    uint64_t a, d, s;
    if (decimals < 0 || decimals >= (int)(sizeof pow10_u64 / sizeof *pow10_u64)) return false;
    if (!small_abs(mpq_numref(in), &a) || !small_abs(mpq_denref(in), &d)) return false;
    uint64_t q, r;
    if (!__builtin_mul_overflow(a, pow10_u64[decimals], &s)) {
        q = s / d;
        r = s % d;
    } else {
#if defined(__SIZEOF_INT128__)
        /* a serapan such as 13619200300/189571982 x 10^10: the product
         * needs 128 bits, the quotient not */
        unsigned __int128 w = (unsigned __int128)a * pow10_u64[decimals], wq = w / d;
        if (wq > UINT64_MAX) return false;
        q = (uint64_t)wq;
        r = (uint64_t)(w % d);
#else
        return false;
#endif
    }
    /* half away from zero: 2r >= d, written so that 2r cannot overflow */
    if (mode == ROUND_HALF_UP && r != 0 && r >= d - r) {
        if (q == UINT64_MAX) return false;
        q++;
    }
    *neg = mpz_sgn(mpq_numref(in)) < 0 && q != 0;
    *mag = q;
    return true;
}
#else
#define NUM_SMALL 0
#endif

/* out = in x 10^decimals rounded to an integer under mode. */
static void round_scaled(mpz_t out, const mpq_t in, int decimals, RoundMode mode)
{
#if NUM_SMALL
    bool neg;
    uint64_t mag;
    if (round_scaled_small(in, decimals, mode, &neg, &mag)) {
        mpz_set_ui(out, (unsigned long)mag);
        if (neg) mpz_neg(out, out);
        return;
    }
#endif
    if (mpz_cmp_ui(mpq_denref(in), 1) == 0) {
        /* an integer (every rupiah amount): nothing to round */
        if (decimals <= 0) {
            mpz_set(out, mpq_numref(in));
        } else {
            pow10z(out, decimals);
            mpz_mul(out, out, mpq_numref(in));
        }
        return;
    }
    mpz_t num, r;
    mpz_inits(num, r, NULL);
    pow10z(num, decimals);
    mpz_mul(num, num, mpq_numref(in));
    /* truncate toward zero */
    mpz_tdiv_qr(out, r, num, mpq_denref(in));
    if (mode == ROUND_HALF_UP && mpz_sgn(r) != 0) {
        /* |r| * 2 >= den  -> away from zero */
        mpz_abs(r, r);
        mpz_mul_2exp(r, r, 1);
        if (mpz_cmp(r, mpq_denref(in)) >= 0) {
            if (mpz_sgn(num) < 0) mpz_sub_ui(out, out, 1);
            else mpz_add_ui(out, out, 1);
        }
    }
    mpz_clears(num, r, NULL);
}

/* Arithmetic on one word (doc/performance.md, round 4).  Nearly every
 * figure of a report is a small fraction: amounts below 10^13, targets
 * and realisasi with two decimals.  GMP's mpq functions allocate and take
 * gcds on limbs for them; these read both operands as 64-bit numerators
 * and denominators, compute with overflow checks, reduce by one binary
 * gcd and store the result.  On any overflow, or when an operand does not
 * fit, GMP computes it as before: the result is the same either way. */
#if NUM_SMALL
/* q as n/d with |n|, d <= INT64_MAX. */
static bool small_q(const mpq_t q, int64_t *n, int64_t *d)
{
    uint64_t a, b;
    if (!small_abs(mpq_numref(q), &a) || !small_abs(mpq_denref(q), &b)) return false;
    if (a > INT64_MAX || b > INT64_MAX) return false;
    *n = mpz_sgn(mpq_numref(q)) < 0 ? -(int64_t)a : (int64_t)a;
    *d = (int64_t)b;
    return true;
}

/* Binary gcd for a, b <= 2^63 (every |int64_t|).  The next shift is taken
 * from the difference before its absolute value is: the two steps overlap,
 * about twice as fast as shifting the new value (doc/performance.md). */
static uint64_t gcd_u64(uint64_t a, uint64_t b)
{
    if (!a) return b;
    if (!b) return a;
    int az = __builtin_ctzll(a), bz = __builtin_ctzll(b);
    int shift = az < bz ? az : bz;
    b >>= bz;
    while (a) {
        a >>= az;                                   /* a and b odd, < 2^63 */
        int64_t diff = (int64_t)(b - a);
        az = __builtin_ctzll((uint64_t)diff | (UINT64_C(1) << 63));
        b = a < b ? a : b;
        a = diff < 0 ? 0 - (uint64_t)diff : (uint64_t)diff;
    }
    return b << shift;
}

/* out = n/d in lowest terms; d != 0, either sign. */
static void set_small_q(mpq_t out, int64_t n, int64_t d)
{
    bool neg = (n < 0) != (d < 0) && n != 0;
    uint64_t an = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
    uint64_t ad = d < 0 ? 0 - (uint64_t)d : (uint64_t)d;
    if (ad != 1) {
        /* integers (every amount) need no gcd, nor do most quotients */
        uint64_t g = gcd_u64(an, ad);
        if (g != 1) {
            an /= g;
            ad /= g;
        }
    }
    num_z_set_u64(mpq_numref(out), an, neg);
    num_z_set_u64(mpq_denref(out), ad, false);
}

/* a/b + sign * c/d on one word; false on overflow. */
static bool add_small(mpq_t out, const mpq_t x, const mpq_t y, bool subtract)
{
    int64_t a, b, c, d, l, r, n, den;
    if (!small_q(x, &a, &b) || !small_q(y, &c, &d)) return false;
    if (b == d) {
        /* the usual case: both integers, or the same decimals */
        if (subtract ? __builtin_sub_overflow(a, c, &n) : __builtin_add_overflow(a, c, &n)) return false;
        den = b;
    } else {
        if (__builtin_mul_overflow(a, d, &l) || __builtin_mul_overflow(c, b, &r) ||
            __builtin_mul_overflow(b, d, &den))
            return false;
        if (subtract ? __builtin_sub_overflow(l, r, &n) : __builtin_add_overflow(l, r, &n)) return false;
    }
    set_small_q(out, n, den);
    return true;
}
#endif

void num_add(mpq_t out, const mpq_t a, const mpq_t b)
{
#if NUM_SMALL
    if (add_small(out, a, b, false)) return;
#endif
    if (mpz_cmp_ui(mpq_denref(a), 1) == 0 && mpz_cmp_ui(mpq_denref(b), 1) == 0) {
        mpz_add(mpq_numref(out), mpq_numref(a), mpq_numref(b));
        mpz_set_ui(mpq_denref(out), 1);
        return;
    }
    mpq_add(out, a, b);
}

void num_sub(mpq_t out, const mpq_t a, const mpq_t b)
{
#if NUM_SMALL
    if (add_small(out, a, b, true)) return;
#endif
    mpq_sub(out, a, b);
}

#if NUM_SMALL
/* out = a/b x (c/d or, when invert, d/c) x scale on one word; false on
 * overflow or a zero divisor. */
static bool mul_small(mpq_t out, const mpq_t x, const mpq_t y, bool invert, int64_t scale)
{
    int64_t a, b, c, d, n, den;
    if (!small_q(x, &a, &b) || !small_q(y, &c, &d)) return false;
    if (invert) {
        int64_t t = c;
        c = d;
        d = t;
        if (d == 0) return false;
    }
    if (__builtin_mul_overflow(a, c, &n) || __builtin_mul_overflow(n, scale, &n) ||
        __builtin_mul_overflow(b, d, &den))
        return false;
    set_small_q(out, n, den);
    return true;
}
#endif

void num_mul(mpq_t out, const mpq_t x, const mpq_t y)
{
#if NUM_SMALL
    if (mul_small(out, x, y, false, 1)) return;
#endif
    mpq_mul(out, x, y);
}

void num_div(mpq_t out, const mpq_t x, const mpq_t y)
{
#if NUM_SMALL
    if (mul_small(out, x, y, true, 1)) return;
#endif
    mpq_div(out, x, y);
}

void num_percent(mpq_t out, const mpq_t x, const mpq_t y)
{
#if NUM_SMALL
    if (mul_small(out, x, y, true, 100)) return;
#endif
    /* (an/ad) / (bn/bd) * 100 = 100 an bd / (ad bn), reduced once */
    mpz_t zn, zd;
    mpz_inits(zn, zd, NULL);
    mpz_mul(zn, mpq_numref(x), mpq_denref(y));
    mpz_mul_ui(zn, zn, 100);
    mpz_mul(zd, mpq_denref(x), mpq_numref(y));
    mpq_set_num(out, zn);
    mpq_set_den(out, zd);
    mpq_canonicalize(out);   /* also moves a negative sign to the numerator */
    mpz_clears(zn, zd, NULL);
}

int num_cmp(const mpq_t x, const mpq_t y)
{
#if NUM_SMALL
    int64_t a, b, c, d, l, r;
    if (small_q(x, &a, &b) && small_q(y, &c, &d) && !__builtin_mul_overflow(a, d, &l) &&
        !__builtin_mul_overflow(c, b, &r))
        return (l > r) - (l < r);
#endif
    int k = mpq_cmp(x, y);
    return (k > 0) - (k < 0);
}

void num_round(mpq_t out, const mpq_t in, int decimals, RoundMode mode)
{
#if NUM_SMALL
    bool neg;
    uint64_t mag;
    if (decimals <= 18 && round_scaled_small(in, decimals, mode, &neg, &mag)) {
        /* mag / 10^decimals, reduced by its factors 2 and 5 */
        num_set_decimal(out, mag, decimals);
        if (neg) mpq_neg(out, out);
        return;
    }
#endif
    mpz_t q;
    mpz_init(q);
    round_scaled(q, in, decimals, mode);
    mpq_set_num(out, q);
    pow10z(mpq_denref(out), decimals);
    mpq_canonicalize(out);
    mpz_clear(q);
}

/* Appends the digit string d (n digits) grouped by sep in threes. */
static void group_digits_n(Buf *b, const char *d, size_t n, char sep)
{
    size_t first = n % 3 ? n % 3 : 3;
    buf_putn(b, d, first < n ? first : n);
    for (size_t i = first; i < n; i += 3) {
        buf_putc(b, sep);
        buf_putn(b, d + i, 3);
    }
}

void num_format(Buf *b, const mpq_t q, int decimals, RoundMode mode, Notation nt, bool group)
{
    if (decimals < 0) decimals = 0;
    /* the digits of the rounded |q| x 10^decimals: integer part, then
     * `decimals` decimals */
    char small[128];
    char *digits, *heap = NULL;
    size_t n;
#if NUM_SMALL
    bool neg;
    uint64_t mag;
    if (round_scaled_small(q, decimals, mode, &neg, &mag)) {
        if (neg) buf_putc(b, '-');
        digits = u64_digits(small + sizeof small, mag);
        n = (size_t)(small + sizeof small - digits);
    } else
#endif
    {
        mpz_t scaled;
        mpz_init(scaled);
        round_scaled(scaled, q, decimals, mode);
        if (mpz_sgn(scaled) < 0) buf_putc(b, '-');
        mpz_abs(scaled, scaled);
        size_t need = mpz_sizeinbase(scaled, 10) + 2;
        digits = need <= sizeof small ? small : (heap = xmalloc(need));
        mpz_get_str(digits, 10, scaled);
        n = strlen(digits);
        mpz_clear(scaled);
    }
    size_t d = (size_t)decimals;
    if (n <= d) buf_putc(b, '0');
    else if (group) group_digits_n(b, digits, n - d, nt == NOTATION_ID ? '.' : ',');
    else buf_putn(b, digits, n - d);
    if (d > 0) {
        buf_putc(b, nt == NOTATION_ID ? ',' : '.');
        for (size_t i = n; i < d; i++) buf_putc(b, '0');
        buf_putn(b, n > d ? digits + n - d : digits, n > d ? d : n);
    }
    free(heap);
}

/* The decimals of q's exact decimal expansion, or -1 when it has more
 * than limit or does not end: den = 2^a 5^b divides 10^max(a, b), and
 * any other factor makes the expansion endless. */
static int exact_decimals(const mpq_t q, int limit)
{
    if (limit < 0) return -1;
    const mpz_srcptr den = mpq_denref(q);
#if NUM_SMALL
    uint64_t dv;
    if (small_abs(den, &dv)) {
        /* the same steps on one word */
        int twos = __builtin_ctzll(dv);
        if (twos > limit) return -1;
        dv >>= twos;
        int fives = 0;
        while (fives <= limit && dv % 5 == 0) {
            dv /= 5;
            fives++;
        }
        int need = twos > fives ? twos : fives;
        return dv == 1 && need <= limit ? need : -1;
    }
#endif
    mp_bitcnt_t twos = mpz_scan1(den, 0);
    if (twos > (mp_bitcnt_t)limit) return -1;
    mpz_t rest;
    mpz_init(rest);
    mpz_tdiv_q_2exp(rest, den, twos);
    unsigned long fives = 0;
    /* past `limit` fives the answer is -1 whatever remains */
    while (fives <= (unsigned long)limit && mpz_divisible_ui_p(rest, 5)) {
        mpz_divexact_ui(rest, rest, 5);
        fives++;
    }
    bool only_2_5 = mpz_cmp_ui(rest, 1) == 0;
    mpz_clear(rest);
    unsigned long need = twos > fives ? twos : fives;
    return only_2_5 && need <= (unsigned long)limit ? (int)need : -1;
}

bool num_is_decimal(const mpq_t q, int max_dec)
{
    return exact_decimals(q, max_dec) >= 0;
}

static int needed_decimals(const mpq_t q, int max_dec)
{
    int d = exact_decimals(q, max_dec);
    return d >= 0 ? d : max_dec;
}

void num_format_short(Buf *b, const mpq_t q, int max_dec, RoundMode mode, Notation nt, bool group)
{
    num_format(b, q, needed_decimals(q, max_dec), mode, nt, group);
}

void num_format_money(Buf *b, const mpq_t q, RoundMode mode, Notation nt)
{
    int d = num_is_decimal(q, 0) ? 0 : 2;
    if (nt == NOTATION_ID && mpq_sgn(q) < 0) {
        /* -Rp 2.500.000, as the literal is written (sakip(5)) */
        mpq_t m;
        mpq_init(m);
        mpq_neg(m, q);
        buf_puts(b, "-Rp ");
        num_format(b, m, d, mode, nt, true);
        mpq_clear(m);
        return;
    }
    if (nt == NOTATION_ID) buf_puts(b, "Rp ");
    num_format(b, q, d, mode, nt, true);
}

/* mag / 10^dec written plainly ("-12.5", "0.05"), straight into b: the
 * one-word case of num_format(..., NOTATION_EN, no grouping); JSON writes
 * about 170 numbers an instansi.  The copies are of fixed sizes (24 and
 * 16 bytes, the most there can be), so they are a few moves; what they
 * write past the number is inside the reserve and overwritten later. */
static size_t put_plain_to(char *out, bool neg, uint64_t mag, int dec)
{
    char tmp[64] = {0};   /* the bytes copied past the digits are defined */
    char *end = tmp + 40, *p = u64_digits(end, mag);
    size_t nd = (size_t)(end - p), nf = (size_t)dec;
    char *o = out;
    if (neg) *o++ = '-';
    if (nf == 0) {
        memcpy(o, p, 24);
        o += nd;
    } else if (nd > nf) {
        memcpy(o, p, 24);
        o += nd - nf;
        *o++ = '.';
        memcpy(o, end - nf, 16);
        o += nf;
    } else {
        *o++ = '0';
        *o++ = '.';
        memset(o, '0', 16);
        o += nf - nd;
        memcpy(o, p, 16);
        o += nd;
    }
    *o = '\0';
    return (size_t)(o - out);
}


bool num_plain_scaled(const mpq_t q, int max_dec, int64_t *scaled, int *dec)
{
#if NUM_SMALL
    uint64_t d, mag;
    int n = 0;
    bool neg = mpz_sgn(mpq_numref(q)) < 0, small = small_abs(mpq_denref(q), &d);
    if (small && d == 1) {
        small = small_abs(mpq_numref(q), &mag);   /* an integer: nothing to round */
    } else if (small) {
        n = needed_decimals(q, max_dec);
        small = n <= 16 && round_scaled_small(q, n, ROUND_HALF_UP, &neg, &mag);
    }
    if (!small || mag > (uint64_t)INT64_MAX) return false;   /* a word's worth (round_scaled_small: no -0) */
    *scaled = neg ? -(int64_t)mag : (int64_t)mag;
    *dec = n;
    return true;
#else
    (void)q; (void)max_dec; (void)scaled; (void)dec;
    return false;
#endif
}

size_t num_plain_put(char *out, int64_t scaled, int dec)
{
    return put_plain_to(out, scaled < 0, scaled < 0 ? 0 - (uint64_t)scaled : (uint64_t)scaled, dec);
}

void num_format_plain(Buf *b, const mpq_t q, int max_dec)
{
    int64_t v;
    int dec;
    if (num_plain_scaled(q, max_dec, &v, &dec)) {
        buf_reserve(b, (size_t)dec + NUM_PLAIN_ROOM);
        b->len += num_plain_put(b->data + b->len, v, dec);
        return;
    }
    num_format(b, q, needed_decimals(q, max_dec), ROUND_HALF_UP, NOTATION_EN, false);
}

bool num_ratio_scaled(uint64_t n, uint64_t d, int max_dec, int64_t *scaled, int *dec)
{
#if NUM_SMALL && defined(__SIZEOF_INT128__)
    if (d == 0 || max_dec < 0 || max_dec > 16) return false;
    /* n/d x 10^max_dec: exact when nothing remains, and then written with
     * no trailing zeros, as needed_decimals() would find them */
    unsigned __int128 w = (unsigned __int128)n * pow10_u64[max_dec], wq = w / d;
    if (wq > INT64_MAX) return false;
    uint64_t q = (uint64_t)wq, r = (uint64_t)(w % d);
    int k = max_dec;
    if (r == 0) {
        while (k > 0 && q % 10 == 0) {
            q /= 10;
            k--;
        }
    } else if (r >= d - r) {   /* half away from zero, 2r >= d */
        if (q == INT64_MAX) return false;
        q++;
    }
    *scaled = (int64_t)q;
    *dec = k;
    return true;
#else
    (void)n; (void)d; (void)max_dec; (void)scaled; (void)dec;
    return false;
#endif
}

bool num_format_ratio_plain(Buf *b, uint64_t n, uint64_t d, int max_dec)
{
    int64_t v;
    int dec;
    if (!num_ratio_scaled(n, d, max_dec, &v, &dec)) return false;
    buf_reserve(b, (size_t)dec + NUM_PLAIN_ROOM);
    b->len += num_plain_put(b->data + b->len, v, dec);
    return true;
}

bool num_to_scaled(const mpq_t q, int dec, int64_t *out)
{
    if (dec < 0 || dec > 18 || !mpz_fits_slong_p(mpq_numref(q)) || !mpz_fits_ulong_p(mpq_denref(q))) return false;
    uint64_t p = pow10_u64[dec], d = mpz_get_ui(mpq_denref(q));
    long n = mpz_get_si(mpq_numref(q));
    if (p % d) return false;
    return !__builtin_mul_overflow(n, (long)(p / d), out);
}

void num_from_scaled(mpq_t q, int64_t v, int dec)
{
    mpz_set_si(mpq_numref(q), (long)v);
    mpz_set_ui(mpq_denref(q), (unsigned long)pow10_u64[dec]);
    mpq_canonicalize(q);
}

void num_scaled_trim(int64_t *v, int *dec)
{
    int64_t x = *v;
    int d = *dec;
    if (d >= 2 && x % 100 == 0) {   /* whole rupiah, the most common */
        x /= 100;
        d -= 2;
    }
    while (d > 0 && x % 10 == 0) {
        x /= 10;
        d--;
    }
    *v = x;
    *dec = d;
}

/* 10^NUM_MAX_RESULT_DIGITS and its size in bits, made on first use: a
 * number of fewer bits is below it, of more bits above it. */
static mpz_t too_large_bound;
static size_t too_large_bits;

static bool z_too_large(mpz_srcptr z)
{
    size_t bits = mpz_sizeinbase(z, 2);
    if (bits < too_large_bits) return false;
    if (bits > too_large_bits) return true;
    return mpz_cmpabs(z, too_large_bound) >= 0;
}

bool num_too_large(const mpq_t q)
{
    /* the common case, both parts within a few limbs, costs two loads */
    if (mpz_size(mpq_numref(q)) < 64 && mpz_size(mpq_denref(q)) < 64) return false;
    if (!too_large_bits) {
        mpz_init(too_large_bound);
        mpz_ui_pow_ui(too_large_bound, 10, NUM_MAX_RESULT_DIGITS);
        too_large_bits = mpz_sizeinbase(too_large_bound, 2);
    }
    return z_too_large(mpq_numref(q)) || z_too_large(mpq_denref(q));
}
