/* test_num.c -- exact numbers: literal parsing, rupiah amounts, exact sums,
 * rounding in both modes, and formatting in both notations (src/num.h).
 * Every expected value below is worked out by hand in the comments. */
#include <inttypes.h>
#include "testutil.h"
#include "numalloc.h"
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif

/* ---- helpers ---- */

static bool parse_dec(const char *s, mpq_t out, int *dec)
{
    return num_parse_decimal(out, s, strlen(s), dec);
}

static MoneyStatus parse_money(const char *s, mpq_t out, char **s1, char **s2)
{
    return money_parse(out, s, strlen(s), s1, s2);
}

static char *fmt(const char *q, int dec, RoundMode m, Notation nt, bool group)
{
    mpq_t x;
    mpq_init(x);
    tu_q(x, q);
    Buf b;
    buf_init(&b);
    num_format(&b, x, dec, m, nt, group);
    char *r = tu_keep(b.data);
    buf_free(&b);
    mpq_clear(x);
    return r;
}

static char *fmt_money(const char *q, Notation nt)
{
    mpq_t x;
    mpq_init(x);
    tu_q(x, q);
    Buf b;
    buf_init(&b);
    num_format_money(&b, x, ROUND_HALF_UP, nt);
    char *r = tu_keep(b.data);
    buf_free(&b);
    mpq_clear(x);
    return r;
}

static char *fmt_plain(const char *q, int max_dec)
{
    mpq_t x;
    mpq_init(x);
    tu_q(x, q);
    Buf b;
    buf_init(&b);
    num_format_plain(&b, x, max_dec);
    char *r = tu_keep(b.data);
    buf_free(&b);
    mpq_clear(x);
    return r;
}

/* round(q, dec, mode) == expected (rationals as "a/b"). */
static void check_round(const char *q, int dec, RoundMode m, const char *expected)
{
    mpq_t in, out;
    mpq_inits(in, out, NULL);
    tu_q(in, q);
    num_round(out, in, dec, m);
    ck_assert_msg(tu_q_is(out, expected), "round(%s, %d, %s) = %s, expected %s", q, dec,
                  m == ROUND_HALF_UP ? "setengah_naik" : "bawah", tu_qstr(out), expected);
    mpq_clears(in, out, NULL);
}

static size_t count_char(const char *s, char c)
{
    size_t n = 0;
    for (; *s; s++) n += *s == c;
    return n;
}

/* ---- num_parse_decimal ---- */

START_TEST(test_decimal_plain)
{
    mpq_t q;
    mpq_init(q);
    int dec = -1;
    ck_assert(parse_dec("82", q, &dec));
    tu_assert_q(q, "82");
    ck_assert_int_eq(dec, 0);
    ck_assert(parse_dec("83.63", q, &dec));
    tu_assert_q(q, "8363/100");
    ck_assert_int_eq(dec, 2);
    /* trailing zeros are kept in the decimal count (for ~=) */
    ck_assert(parse_dec("102.00", q, &dec));
    tu_assert_q(q, "102");
    ck_assert_int_eq(dec, 2);
    ck_assert(parse_dec("0.005", q, &dec));
    tu_assert_q(q, "1/200");
    ck_assert_int_eq(dec, 3);
    ck_assert(parse_dec("007", q, &dec));
    tu_assert_q(q, "7");
    /* reduced without a gcd (factors 2 and 5 only): mpq_equal needs the
     * canonical form, so each of these would fail if it were not */
    const char *lit[] = {"0.50", "12.500", "0.000", "3.75", "0.125", "40.0", "0.0016", "999999999999999.999"};
    const char *val[] = {"1/2", "25/2", "0", "15/4", "1/8", "40", "1/625", "999999999999999999/1000"};
    for (size_t i = 0; i < sizeof lit / sizeof lit[0]; i++) {
        ck_assert(parse_dec(lit[i], q, &dec));
        ck_assert_msg(tu_q_is(q, val[i]), "%s read as %s, expected %s", lit[i], tu_qstr(q), val[i]);
        ck_assert(mpz_sgn(mpq_denref(q)) > 0);
    }
    mpq_clear(q);
}
END_TEST

START_TEST(test_decimal_underscores)
{
    mpq_t q;
    mpq_init(q);
    int dec = -1;
    ck_assert(parse_dec("1_000_000", q, &dec));
    tu_assert_q(q, "1000000");
    ck_assert_int_eq(dec, 0);
    /* 1234.500 = 2469/2 */
    ck_assert(parse_dec("1_234.500", q, &dec));
    tu_assert_q(q, "2469/2");
    ck_assert_int_eq(dec, 3);
    /* separators may also stand in odd places between digits */
    ck_assert(parse_dec("1_2_3", q, &dec));
    tu_assert_q(q, "123");
    ck_assert(parse_dec("4_492_070_793", q, &dec));
    tu_assert_q(q, "4492070793");
    mpq_clear(q);
}
END_TEST

START_TEST(test_decimal_rejects)
{
    static const char *bad[] = {"", "_1", "1_", "1__0", "1_.5", "1._5", "1.2.3", ".5", "5.",
                                "1,5", "1e3", "-1", "+1", "1 000", "12a", "Rp1"};
    mpq_t q;
    mpq_init(q);
    int dec;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(!parse_dec(bad[i], q, &dec), "'%s' was accepted as a decimal", bad[i]);
    mpq_clear(q);
}
END_TEST

START_TEST(test_decimal_digit_limit)
{
    mpq_t q;
    mpq_init(q);
    int dec;
    char *d60 = tu_repeat('9', NUM_MAX_DIGITS);
    char *d61 = tu_repeat('9', NUM_MAX_DIGITS + 1);
    char *d400 = tu_repeat('7', 400);
    ck_assert(parse_dec(d60, q, &dec));
    /* 10^60 - 1 exactly */
    mpz_t z;
    mpz_init(z);
    mpz_ui_pow_ui(z, 10, NUM_MAX_DIGITS);
    mpz_sub_ui(z, z, 1);
    ck_assert(mpz_cmp(mpq_numref(q), z) == 0);
    ck_assert(mpz_cmp_ui(mpq_denref(q), 1) == 0);
    ck_assert(!parse_dec(d61, q, &dec));
    ck_assert(!parse_dec(d400, q, &dec));
    mpz_clear(z);
    free(d60);
    free(d61);
    free(d400);
    mpq_clear(q);
}
END_TEST

/* ---- money_parse ---- */

START_TEST(test_money_forms)
{
    static const struct { const char *in, *value; } ok[] = {
        {"4.492.070.793", "4492070793"},
        {"4.492.070.793,00", "4492070793"},
        {"4492070793", "4492070793"},
        {"1.000,-", "1000"},
        {"9.520.800", "9520800"},
        {"0", "0"},
        {"273.664.376", "273664376"},
        /* 4.492.070.793,50 = 449207079350/100 = 8984141587/2 */
        {"4.492.070.793,50", "8984141587/2"},
        {"0,01", "1/100"},
        {"999", "999"},
        {"12.345,6", "61728/5"},  /* 12345.6 */
    };
    mpq_t q;
    mpq_init(q);
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        char *s1 = (char *)"x", *s2 = (char *)"x";
        MoneyStatus st = parse_money(ok[i].in, q, &s1, &s2);
        ck_assert_msg(st == MONEY_OK, "'%s': status %d, expected MONEY_OK", ok[i].in, (int)st);
        ck_assert_msg(tu_q_is(q, ok[i].value), "'%s' read as %s, expected %s", ok[i].in, tu_qstr(q), ok[i].value);
        ck_assert_msg(s1 == NULL && s2 == NULL, "'%s': suggestions set on success", ok[i].in);
    }
    mpq_clear(q);
}
END_TEST

START_TEST(test_money_bad_grouping_1_5)
{
    mpq_t q;
    mpq_init(q);
    char *s1, *s2;
    MoneyStatus st = parse_money("1.5", q, &s1, &s2);
    ck_assert_int_eq(st, MONEY_BAD_GROUPING);
    ck_assert_ptr_nonnull(s1);
    ck_assert_ptr_nonnull(s2);
    /* the two readings: one and a half rupiah, or one thousand five hundred */
    bool has_dec = !strcmp(s1, "1,5") || !strcmp(s2, "1,5");
    bool has_thousands = !strcmp(s1, "1.500") || !strcmp(s2, "1.500");
    ck_assert_msg(has_dec && has_thousands, "suggestions '%s' and '%s', expected '1,5' and '1.500'", s1, s2);
    free(s1);
    free(s2);
    mpq_clear(q);
}
END_TEST

START_TEST(test_money_bad_grouping_other)
{
    mpq_t q;
    mpq_init(q);
    char *s1, *s2;
    /* 12.34.567: the digits 1234567 grouped properly are 1.234.567 */
    MoneyStatus st = parse_money("12.34.567", q, &s1, &s2);
    ck_assert_int_eq(st, MONEY_BAD_GROUPING);
    ck_assert_msg((s1 && !strcmp(s1, "1.234.567")) || (s2 && !strcmp(s2, "1.234.567")),
                  "suggestions '%s' / '%s' lack 1.234.567", s1, s2);
    free(s1);
    free(s2);
    /* 1.0000: 1,0000 (decimal) or 10.000 (thousands) */
    st = parse_money("1.0000", q, &s1, &s2);
    ck_assert_int_eq(st, MONEY_BAD_GROUPING);
    ck_assert_msg((s1 && !strcmp(s1, "1,0000")) || (s2 && !strcmp(s2, "1,0000")), "no '1,0000' in %s / %s", s1, s2);
    ck_assert_msg((s1 && !strcmp(s1, "10.000")) || (s2 && !strcmp(s2, "10.000")), "no '10.000' in %s / %s", s1, s2);
    free(s1);
    free(s2);
    mpq_clear(q);
}
END_TEST

START_TEST(test_money_bad_grouping_short_last_group)
{
    /* "1.000.00" is a common typo for 1.000,00: the two readings are the
     * decimal one (1.000,00, one thousand rupiah) and the thousands one
     * (100.000).  Both should be offered, as for "1.5". */
    mpq_t q;
    mpq_init(q);
    char *s1, *s2;
    MoneyStatus st = parse_money("1.000.00", q, &s1, &s2);
    ck_assert_int_eq(st, MONEY_BAD_GROUPING);
    bool has_dec = (s1 && !strcmp(s1, "1.000,00")) || (s2 && !strcmp(s2, "1.000,00"));
    bool has_thousands = (s1 && !strcmp(s1, "100.000")) || (s2 && !strcmp(s2, "100.000"));
    ck_assert_msg(has_dec && has_thousands, "suggestions '%s' and '%s', expected '1.000,00' and '100.000'", s1, s2);
    free(s1);
    free(s2);
    mpq_clear(q);
}
END_TEST

START_TEST(test_money_english)
{
    mpq_t q;
    mpq_init(q);
    char *s1, *s2;
    MoneyStatus st = parse_money("1,004,422,800", q, &s1, &s2);
    ck_assert_int_eq(st, MONEY_ENGLISH);
    ck_assert_str_eq(s1, "1.004.422.800");
    free(s1);
    free(s2);
    st = parse_money("1,004,422,800.50", q, &s1, &s2);
    ck_assert_int_eq(st, MONEY_ENGLISH);
    ck_assert_str_eq(s1, "1.004.422.800,50");
    free(s1);
    free(s2);
    mpq_clear(q);
}
END_TEST

START_TEST(test_money_bad_decimals_and_length)
{
    mpq_t q;
    mpq_init(q);
    char *s1, *s2;
    MoneyStatus st = parse_money("1.000,5.0", q, &s1, &s2);
    ck_assert_msg(st != MONEY_OK, "1.000,5.0 accepted");
    free(s1);
    free(s2);
    char *big = tu_repeat('1', 100);
    st = parse_money(big, q, &s1, &s2);
    ck_assert_int_eq(st, MONEY_TOO_LONG);
    free(s1);
    free(s2);
    free(big);
    mpq_clear(q);
}
END_TEST

/* ---- exact sums ---- */

/* Writes i sen (i/100 rupiah) in Indonesian notation: "1.234,56". */
static void sen_text(char *out, size_t cap, unsigned long i)
{
    unsigned long rp = i / 100, sen = i % 100;
    char digits[32], grouped[48];
    snprintf(digits, sizeof digits, "%lu", rp);
    size_t n = strlen(digits), k = 0;
    for (size_t j = 0; j < n; j++) {
        if (j && (n - j) % 3 == 0) grouped[k++] = '.';
        grouped[k++] = digits[j];
    }
    grouped[k] = '\0';
    snprintf(out, cap, "%s,%02lu", grouped, sen);
}

START_TEST(test_sum_million_sen)
{
    /* 10^6 x Rp 0,01 = Rp 10.000 exactly */
    mpq_t sum, x;
    mpq_inits(sum, x, NULL);
    for (int i = 0; i < 1000000; i++) {
        char *s1, *s2;
        ck_assert(money_parse(x, "0,01", 4, &s1, &s2) == MONEY_OK);
        mpq_add(sum, sum, x);
    }
    tu_assert_q(sum, "10000");
    Buf b;
    buf_init(&b);
    num_format_money(&b, sum, ROUND_HALF_UP, NOTATION_ID);
    ck_assert_str_eq(b.data, "Rp 10.000");
    buf_free(&b);
    mpq_clears(sum, x, NULL);
}
END_TEST

START_TEST(test_sum_million_varied)
{
    /* Rp 0,01 + Rp 0,02 + ... + Rp 10.000,00 (i sen for i = 1..10^6)
     * = 10^6 (10^6 + 1) / 2 sen = 500.000.500.000 sen = Rp 5.000.005.000,
     * plus 10^6 x Rp 0,01 = Rp 10.000: total Rp 5.000.015.000. */
    mpq_t sum, x;
    mpq_inits(sum, x, NULL);
    char text[64];
    for (unsigned long i = 1; i <= 1000000; i++) {
        char *s1, *s2;
        sen_text(text, sizeof text, i);
        MoneyStatus st = money_parse(x, text, strlen(text), &s1, &s2);
        if (st != MONEY_OK) ck_abort_msg("'%s' rejected (status %d)", text, (int)st);
        mpq_add(sum, sum, x);
        ck_assert(money_parse(x, "0,01", 4, &s1, &s2) == MONEY_OK);
        mpq_add(sum, sum, x);
    }
    tu_assert_q(sum, "5000015000");
    Buf b;
    buf_init(&b);
    num_format_money(&b, sum, ROUND_HALF_UP, NOTATION_ID);
    ck_assert_str_eq(b.data, "Rp 5.000.015.000");
    buf_free(&b);
    mpq_clears(sum, x, NULL);
}
END_TEST

START_TEST(test_sum_national_scale)
{
    /* 10^6 x Rp 9.999.999.999,99 = Rp 9.999.999.999.990.000 (above 2^53,
     * where a double would lose sen), then + Rp 0,01 must still show. */
    mpq_t sum, x;
    mpq_inits(sum, x, NULL);
    const char *amt = "9.999.999.999,99";
    for (int i = 0; i < 1000000; i++) {
        char *s1, *s2;
        ck_assert(money_parse(x, amt, strlen(amt), &s1, &s2) == MONEY_OK);
        mpq_add(sum, sum, x);
    }
    tu_assert_q(sum, "9999999999990000");
    char *s1, *s2;
    ck_assert(money_parse(x, "0,01", 4, &s1, &s2) == MONEY_OK);
    mpq_add(sum, sum, x);
    tu_assert_q(sum, "999999999999000001/100");
    Buf b;
    buf_init(&b);
    num_format_money(&b, sum, ROUND_HALF_UP, NOTATION_ID);
    ck_assert_str_eq(b.data, "Rp 9.999.999.999.990.000,01");
    buf_reset(&b);
    num_format_plain(&b, sum, 10);
    ck_assert_str_eq(b.data, "9999999999990000.01");
    buf_free(&b);
    mpq_clears(sum, x, NULL);
}
END_TEST

/* ---- rounding ---- */

START_TEST(test_round_half_boundaries)
{
    /* 2.345 = 469/200 */
    check_round("469/200", 2, ROUND_HALF_UP, "47/20");     /* 2.35 */
    check_round("469/200", 2, ROUND_DOWN, "117/50");       /* 2.34 */
    check_round("-469/200", 2, ROUND_HALF_UP, "-47/20");   /* -2.35 */
    check_round("-469/200", 2, ROUND_DOWN, "-117/50");     /* -2.34 */
    /* 0.005 at 2 decimals */
    check_round("1/200", 2, ROUND_HALF_UP, "1/100");
    check_round("1/200", 2, ROUND_DOWN, "0");
    check_round("-1/200", 2, ROUND_HALF_UP, "-1/100");
    check_round("-1/200", 2, ROUND_DOWN, "0");
    /* 102.768 = 12846/125 at 0 decimals */
    check_round("12846/125", 0, ROUND_HALF_UP, "103");
    check_round("12846/125", 0, ROUND_DOWN, "102");
    check_round("-12846/125", 0, ROUND_HALF_UP, "-103");
    check_round("-12846/125", 0, ROUND_DOWN, "-102");
}
END_TEST

START_TEST(test_round_halves_not_bankers)
{
    /* half away from zero, never to even */
    check_round("1/2", 0, ROUND_HALF_UP, "1");
    check_round("3/2", 0, ROUND_HALF_UP, "2");
    check_round("5/2", 0, ROUND_HALF_UP, "3");
    check_round("-5/2", 0, ROUND_HALF_UP, "-3");
    check_round("5/2", 0, ROUND_DOWN, "2");
    check_round("-5/2", 0, ROUND_DOWN, "-2");
    check_round("-1/2", 0, ROUND_DOWN, "0");
    /* 0.125 at 2: 0.13 / 0.12 */
    check_round("1/8", 2, ROUND_HALF_UP, "13/100");
    check_round("1/8", 2, ROUND_DOWN, "3/25");
}
END_TEST

START_TEST(test_round_non_terminating)
{
    /* 1/3 = 0.333..  2/3 = 0.666.. */
    check_round("1/3", 2, ROUND_HALF_UP, "33/100");
    check_round("1/3", 2, ROUND_DOWN, "33/100");
    check_round("2/3", 2, ROUND_HALF_UP, "67/100");
    check_round("2/3", 2, ROUND_DOWN, "33/50");
    check_round("-2/3", 2, ROUND_HALF_UP, "-67/100");
    check_round("-2/3", 2, ROUND_DOWN, "-33/50");
    /* 83.63 / 82 * 100 = 8363/82 = 101.98780.. */
    check_round("8363/82", 2, ROUND_HALF_UP, "10199/100");
    check_round("8363/82", 2, ROUND_DOWN, "5099/50");
    check_round("8363/82", 0, ROUND_HALF_UP, "102");
    check_round("8363/82", 0, ROUND_DOWN, "101");
    /* just below a half: 2.3449999 -> 2.34 either way */
    check_round("23449999/10000000", 2, ROUND_HALF_UP, "117/50");
    /* more decimals than the value has: unchanged */
    check_round("469/200", 3, ROUND_HALF_UP, "469/200");
    check_round("469/200", 6, ROUND_DOWN, "469/200");
    check_round("0", 2, ROUND_HALF_UP, "0");
}
END_TEST

/* ---- formatting ---- */

START_TEST(test_format_both_notations)
{
    /* -1234567.891 */
    ck_assert_str_eq(fmt("-1234567891/1000", 2, ROUND_HALF_UP, NOTATION_ID, true), "-1.234.567,89");
    ck_assert_str_eq(fmt("-1234567891/1000", 2, ROUND_HALF_UP, NOTATION_EN, true), "-1,234,567.89");
    ck_assert_str_eq(fmt("-1234567891/1000", 2, ROUND_HALF_UP, NOTATION_ID, false), "-1234567,89");
    ck_assert_str_eq(fmt("8363/100", 2, ROUND_HALF_UP, NOTATION_ID, true), "83,63");
    ck_assert_str_eq(fmt("8363/100", 2, ROUND_HALF_UP, NOTATION_EN, true), "83.63");
    ck_assert_str_eq(fmt("102", 2, ROUND_HALF_UP, NOTATION_ID, true), "102,00");
    ck_assert_str_eq(fmt("8363/82", 2, ROUND_HALF_UP, NOTATION_ID, true), "101,99");
    ck_assert_str_eq(fmt("8363/82", 2, ROUND_DOWN, NOTATION_ID, true), "101,98");
    /* leading zeros of the decimals are kept */
    ck_assert_str_eq(fmt("1/20", 2, ROUND_HALF_UP, NOTATION_ID, true), "0,05");
    ck_assert_str_eq(fmt("1/8", 3, ROUND_HALF_UP, NOTATION_ID, true), "0,125");
    ck_assert_str_eq(fmt("1/1000", 2, ROUND_HALF_UP, NOTATION_ID, true), "0,00");
    /* grouping boundaries */
    ck_assert_str_eq(fmt("999", 0, ROUND_HALF_UP, NOTATION_ID, true), "999");
    ck_assert_str_eq(fmt("1000", 0, ROUND_HALF_UP, NOTATION_ID, true), "1.000");
    ck_assert_str_eq(fmt("100000", 0, ROUND_HALF_UP, NOTATION_ID, true), "100.000");
    ck_assert_str_eq(fmt("-100000", 0, ROUND_HALF_UP, NOTATION_EN, true), "-100,000");
    /* rounding that carries into a new group: 999.995 -> 1.000,00 */
    ck_assert_str_eq(fmt("199999/200", 2, ROUND_HALF_UP, NOTATION_ID, true), "1.000,00");
}
END_TEST

START_TEST(test_format_zero_and_negative_zero)
{
    ck_assert_str_eq(fmt("0", 2, ROUND_HALF_UP, NOTATION_ID, true), "0,00");
    ck_assert_str_eq(fmt("0", 2, ROUND_HALF_UP, NOTATION_EN, true), "0.00");
    ck_assert_str_eq(fmt("0", 0, ROUND_HALF_UP, NOTATION_ID, true), "0");
    /* -0.004 rounds to zero: no "-0,00" */
    ck_assert_str_eq(fmt("-1/250", 2, ROUND_HALF_UP, NOTATION_ID, true), "0,00");
    ck_assert_str_eq(fmt("-1/200", 2, ROUND_DOWN, NOTATION_ID, true), "0,00");
    /* -0.005 half away from zero is -0.01 */
    ck_assert_str_eq(fmt("-1/200", 2, ROUND_HALF_UP, NOTATION_ID, true), "-0,01");
}
END_TEST

START_TEST(test_format_large)
{
    /* 10^15 */
    ck_assert_str_eq(fmt("1000000000000000", 0, ROUND_HALF_UP, NOTATION_ID, true), "1.000.000.000.000.000");
    ck_assert_str_eq(fmt("1000000000000000", 0, ROUND_HALF_UP, NOTATION_EN, true), "1,000,000,000,000,000");
    ck_assert_str_eq(fmt("1000000000000000", 2, ROUND_HALF_UP, NOTATION_ID, true), "1.000.000.000.000.000,00");
    ck_assert_str_eq(fmt("-1000000000000000", 0, ROUND_HALF_UP, NOTATION_ID, true), "-1.000.000.000.000.000");
    /* 10^15 + 0.01: the sen survive */
    ck_assert_str_eq(fmt("100000000000000001/100", 2, ROUND_HALF_UP, NOTATION_ID, true),
                     "1.000.000.000.000.000,01");
}
END_TEST

START_TEST(test_format_money)
{
    ck_assert_str_eq(fmt_money("1000000000000000", NOTATION_ID), "Rp 1.000.000.000.000.000");
    ck_assert_str_eq(fmt_money("4492070793", NOTATION_ID), "Rp 4.492.070.793");
    ck_assert_str_eq(fmt_money("0", NOTATION_ID), "Rp 0");
    /* sen shown only when there are some */
    ck_assert_str_eq(fmt_money("8984141587/2", NOTATION_ID), "Rp 4.492.070.793,50");
    ck_assert_str_eq(fmt_money("1/100", NOTATION_ID), "Rp 0,01");
    /* English notation: commas group, '.' starts the sen */
    char *en = fmt_money("1000000000000000", NOTATION_EN);
    size_t n = strlen(en);
    ck_assert_msg(n >= 21 && !strcmp(en + n - 21, "1,000,000,000,000,000"), "EN money '%s'", en);
    ck_assert_msg(!strchr(en, '.'), "EN money '%s' uses '.'", en);
    en = fmt_money("8984141587/2", NOTATION_EN);
    n = strlen(en);
    ck_assert_msg(n >= 16 && !strcmp(en + n - 16, "4,492,070,793.50"), "EN money '%s'", en);
}
END_TEST

START_TEST(test_format_money_negative)
{
    /* However the sign is placed ("-Rp 1.500.000" or "Rp -1.500.000"),
     * it appears once, and the digits are grouped normally. */
    const char *cases[][2] = {
        {"-1500000", "1.500.000"},
        {"-1000000000000000", "1.000.000.000.000.000"},
        {"-2000000000000001/2", "1.000.000.000.000.000,50"},
        {"-1/100", "0,01"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = fmt_money(cases[i][0], NOTATION_ID);
        ck_assert_msg(count_char(s, '-') == 1, "'%s' has %zu minus signs", s, count_char(s, '-'));
        ck_assert_msg(strstr(s, cases[i][1]) != NULL, "'%s' lacks '%s'", s, cases[i][1]);
        ck_assert_msg(strstr(s, "Rp") != NULL, "'%s' lacks Rp", s);
        ck_assert_msg(!strcmp(s, tu_printf("-Rp %s", cases[i][1])) || !strcmp(s, tu_printf("Rp -%s", cases[i][1])),
                      "'%s' is neither -Rp %s nor Rp -%s", s, cases[i][1], cases[i][1]);
    }
}
END_TEST

START_TEST(test_format_plain_exact)
{
    ck_assert_str_eq(fmt_plain("8363/100", 10), "83.63");
    ck_assert_str_eq(fmt_plain("100", 10), "100");
    ck_assert_str_eq(fmt_plain("0", 10), "0");
    ck_assert_str_eq(fmt_plain("-5/2", 10), "-2.5");
    /* 1/1024 = 0.0009765625 has exactly 10 decimals: shown exactly */
    ck_assert_str_eq(fmt_plain("1/1024", 10), "0.0009765625");
    /* 1/2048 = 0.00048828125 has 11: rounded half up at 10 */
    ck_assert_str_eq(fmt_plain("1/2048", 10), "0.0004882813");
    ck_assert_str_eq(fmt_plain("1/3", 10), "0.3333333333");
    ck_assert_str_eq(fmt_plain("2/3", 10), "0.6666666667");
    ck_assert_str_eq(fmt_plain("-2/3", 10), "-0.6666666667");
    /* 8363/82 = 101.98780487804878.. */
    ck_assert_str_eq(fmt_plain("8363/82", 10), "101.9878048780");
    /* national scale with sen, no grouping, no loss */
    ck_assert_str_eq(fmt_plain("1000000000000000001/100", 10), "10000000000000000.01");
    ck_assert_str_eq(fmt_plain("123456789012345678901234567890", 10), "123456789012345678901234567890");
    /* integers around the one-word path's edges */
    ck_assert_str_eq(fmt_plain("-4492070793", 10), "-4492070793");
    ck_assert_str_eq(fmt_plain("18446744073709551615", 10), "18446744073709551615");
    ck_assert_str_eq(fmt_plain("-18446744073709551615", 10), "-18446744073709551615");
    ck_assert_str_eq(fmt_plain("18446744073709551616", 10), "18446744073709551616");
    ck_assert_str_eq(fmt_plain("10", 0), "10");
}
END_TEST

START_TEST(test_is_decimal)
{
    mpq_t q;
    mpq_init(q);
    tu_q(q, "1/8");
    ck_assert(num_is_decimal(q, 3));
    ck_assert(!num_is_decimal(q, 2));
    tu_q(q, "1/3");
    ck_assert(!num_is_decimal(q, 20));
    tu_q(q, "42");
    ck_assert(num_is_decimal(q, 0));
    /* 1/40 = 0.025: 2^3 5 needs 3 decimals; 1/5 needs 1, not 0 */
    tu_q(q, "1/40");
    ck_assert(num_is_decimal(q, 3));
    ck_assert(!num_is_decimal(q, 2));
    tu_q(q, "1/5");
    ck_assert(!num_is_decimal(q, 0));
    ck_assert(num_is_decimal(q, 1));
    /* 1/6 = 2^-1 3^-1: endless */
    tu_q(q, "1/6");
    ck_assert(!num_is_decimal(q, 60));
    /* 5^-30 needs exactly 30 decimals (2^30 / 10^30) */
    tu_q(q, "1/931322574615478515625");
    ck_assert(num_is_decimal(q, 30));
    ck_assert(!num_is_decimal(q, 29));
    mpq_clear(q);
    /* plain and short forms take exactly the decimals needed */
    ck_assert_str_eq(fmt_plain("1/40", 6), "0.025");
    ck_assert_str_eq(fmt_plain("-1/40", 2), "-0.03");
    ck_assert_str_eq(fmt_plain("1/3", 4), "0.3333");
    ck_assert_str_eq(fmt_plain("1250", 2), "1250");
}
END_TEST

/* More than 128 digits: the digit string no longer fits the stack
 * buffer of num_format.  10^150 / 7 to 2 decimals. */
/* u64_digits writes the low eight digits of a large number on 32-bit
 * words: every boundary (2^32, 10^8 with its zeros, the largest word)
 * and 200 000 pseudo-random values of every size, against printf. */
START_TEST(test_u64_digits_matches_printf)
{
    const uint64_t fixed[] = {0, 9, 10, 99, 100, 99999999u, 100000000u, 100000001u, 4294967295u, 4294967296u,
                              1000000000000u, 4294967296000u, 5000000007u, 10000000000000000u,
                              12345678901234567890u, UINT64_MAX};
    char buf[64], want[32];
    uint64_t x = 88172645463325252u;
    for (size_t i = 0; i < 200000 + sizeof fixed / sizeof *fixed; i++) {
        uint64_t v;
        if (i < sizeof fixed / sizeof *fixed) {
            v = fixed[i];
        } else {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            v = x >> (x % 64);
        }
        char *p = u64_digits(buf + 40, v);
        buf[40] = '\0';
        snprintf(want, sizeof want, "%" PRIu64, v);
        ck_assert_str_eq(p, want);
    }
}
END_TEST

/* num_from_scaled is num_to_scaled's way back, reduced. */
START_TEST(test_from_scaled_round_trip)
{
    const int64_t vals[] = {0, 1, -1, 5, 50, 123456789, -450, INT64_MAX, INT64_MIN + 1};
    mpq_t q;
    mpq_init(q);
    for (size_t i = 0; i < sizeof vals / sizeof *vals; i++)
        for (int dec = 0; dec <= 4; dec++) {
            int64_t back;
            num_from_scaled(q, vals[i], dec);
            ck_assert(num_to_scaled(q, dec, &back));
            ck_assert_int_eq(back, vals[i]);
        }
    num_from_scaled(q, 450, 2);   /* 4,50 = 9/2 */
    ck_assert_int_eq(mpz_get_si(mpq_numref(q)), 9);
    ck_assert_int_eq(mpz_get_si(mpq_denref(q)), 2);
    mpq_clear(q);
}
END_TEST

START_TEST(test_format_very_long)
{
    char want[400], *w = want;
    mpq_t q;
    mpq_init(q);
    mpz_ui_pow_ui(mpq_numref(q), 10, 150);
    mpz_set_ui(mpq_denref(q), 7);
    mpq_canonicalize(q);
    Buf b;
    buf_init(&b);
    num_format(&b, q, 2, ROUND_HALF_UP, NOTATION_EN, false);
    /* 10^150 / 7 = 1428571428...: 150 integer digits cycling 142857,
     * then .142857...; the third decimal is 2, so .14 stays */
    const char cyc[] = "142857";
    for (int i = 0; i < 150; i++) *w++ = cyc[i % 6];
    *w++ = '.';
    *w++ = cyc[150 % 6];
    *w++ = cyc[151 % 6];
    *w = '\0';
    ck_assert_uint_eq(strlen(want), 153);
    ck_assert_str_eq(b.data, want);
    buf_free(&b);
    mpq_clear(q);
}
END_TEST


/* num_add: integers take a fast path; the result must equal mpq_add's,
 * also when out is one of the operands. */
/* The formatting reference: q * 10^dec rounded with mpz division, the
 * way a person does it by hand, written out digit by digit. */
static char *ref_format(mpq_srcptr q, int dec, RoundMode mode)
{
    mpz_t s, r, ten;
    mpz_inits(s, r, ten, NULL);
    mpz_ui_pow_ui(ten, 10, (unsigned long)dec);
    mpz_mul(s, mpq_numref(q), ten);
    mpz_tdiv_qr(s, r, s, mpq_denref(q));
    mpz_abs(r, r);
    mpz_mul_ui(r, r, 2);
    if (mode == ROUND_HALF_UP && mpz_sgn(r) != 0 && mpz_cmp(r, mpq_denref(q)) >= 0) {
        if (mpq_sgn(q) < 0) mpz_sub_ui(s, s, 1);
        else mpz_add_ui(s, s, 1);
    }
    char *digits = mpz_get_str(NULL, 10, s);
    bool neg = digits[0] == '-';
    char *d = digits + neg;
    size_t n = strlen(d);
    Buf b;
    buf_init(&b);
    if (neg) buf_putc(&b, '-');
    if (n <= (size_t)dec) {
        buf_puts(&b, "0");
    } else {
        buf_putn(&b, d, n - (size_t)dec);
    }
    if (dec > 0) {
        buf_putc(&b, '.');
        for (size_t i = n; i < (size_t)dec; i++) buf_putc(&b, '0');
        buf_puts(&b, n > (size_t)dec ? d + n - (size_t)dec : d);
    }
    char *out = tu_keep(b.data);
    buf_free(&b);
    void (*freefn)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefn);
    freefn(digits, strlen(digits) + 1);
    mpz_clears(s, r, ten, NULL);
    return out;
}

/* Quotients whose terms share factors, from a fixed pseudo-random
 * sequence: the one-word gcd reduces them exactly as GMP does, down to the
 * edges (a power of two, 2^62, a term of 1). */
START_TEST(test_word_gcd_matches_gmp)
{
    uint64_t s = 88172645463325252u;
    mpq_t a, b, got, want;
    mpq_inits(a, b, got, want, NULL);
    for (int i = 0; i < 20000; i++) {
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        int64_t k = (int64_t)(s % 5000) + 1, x = (int64_t)((s >> 20) % 3000000000u), y = (int64_t)((s >> 5) % 1000000) + 1;
        if (i % 7 == 0) k = INT64_C(1) << (s % 40);
        if (i == 1) { k = 1; x = INT64_C(1) << 62; y = INT64_C(1) << 61; }
        mpq_set_si(a, (i % 3 ? 1 : -1) * k * (x % 1000000), 1);
        mpq_set_si(b, k * y, 1);
        num_div(got, a, b);
        mpq_div(want, a, b);
        ck_assert_msg(mpq_equal(got, want), "div step %d", i);
        num_percent(got, a, b);
        mpq_set_ui(b, 100, 1);
        mpq_mul(want, want, b);
        ck_assert_msg(mpq_equal(got, want), "percent step %d", i);
    }
    mpq_clears(a, b, got, want, NULL);
}
END_TEST

/* num_add/sub/mul/div/percent/cmp give exactly what GMP gives, on the
 * one-word path, across its edges (INT64_MAX, INT64_MIN, 2^64) and past
 * them, where GMP takes over; out may be an operand. */
START_TEST(test_word_arithmetic_matches_gmp)
{
    static const char *const vals[] = {
        "0", "1", "-1", "2", "-3", "7/2", "-7/2", "8363/100", "82", "4492070793", "4124398349",
        "-4492070793", "1/3", "2/3", "-5/6", "100", "123456789/1000", "9223372036854775807",
        "-9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551615",
        "1/9223372036854775807", "3037000499", "3037000500", "-3037000500", "4294967296", "4294967295/4294967296",
        "123456789012345678901234567890", "-1/123456789012345678901234567890", "9223372036854775807/2",
    };
    enum { N = sizeof vals / sizeof *vals };
    mpq_t a, b, got, want;
    mpq_inits(a, b, got, want, NULL);
    int checked = 0;
    for (size_t i = 0; i < N; i++) {
        for (size_t j = 0; j < N; j++) {
            tu_q(a, vals[i]);
            tu_q(b, vals[j]);
            for (int op = 0; op < 6; op++) {
                bool zero = mpq_sgn(b) == 0;
                if ((op == 3 || op == 4) && zero) continue;
                switch (op) {
                case 0: num_add(got, a, b); mpq_add(want, a, b); break;
                case 1: num_sub(got, a, b); mpq_sub(want, a, b); break;
                case 2: num_mul(got, a, b); mpq_mul(want, a, b); break;
                case 3: num_div(got, a, b); mpq_div(want, a, b); break;
                case 4: {
                    num_percent(got, a, b);
                    mpq_div(want, a, b);
                    mpq_t h;
                    mpq_init(h);
                    mpq_set_ui(h, 100, 1);
                    mpq_mul(want, want, h);
                    mpq_clear(h);
                    break;
                }
                case 5: {
                    int c = mpq_cmp(a, b);
                    ck_assert_msg(num_cmp(a, b) == (c > 0) - (c < 0), "cmp %s %s", vals[i], vals[j]);
                    checked++;
                    continue;
                }
                }
                /* equal, and in lowest terms with a positive denominator */
                ck_assert_msg(mpq_equal(got, want), "op %d on %s and %s", op, vals[i], vals[j]);
                mpq_t canon;
                mpq_init(canon);
                mpq_set(canon, got);
                mpq_canonicalize(canon);
                ck_assert_msg(mpz_cmp(mpq_numref(canon), mpq_numref(got)) == 0 &&
                              mpz_cmp(mpq_denref(canon), mpq_denref(got)) == 0,
                              "op %d on %s and %s: not in lowest terms", op, vals[i], vals[j]);
                mpq_clear(canon);
                /* out aliasing the first operand */
                mpq_set(got, a);
                switch (op) {
                case 0: num_add(got, got, b); break;
                case 1: num_sub(got, got, b); break;
                case 2: num_mul(got, got, b); break;
                case 3: num_div(got, got, b); break;
                case 4: num_percent(got, got, b); break;
                }
                ck_assert_msg(mpq_equal(got, want), "op %d in place on %s and %s", op, vals[i], vals[j]);
                checked++;
            }
        }
    }
    ck_assert_int_gt(checked, 5000);
    /* num_round: the one-word path and GMP's agree with the reference
     * rounding, and leave the result in lowest terms */
    for (size_t i = 0; i < N; i++) {
        tu_q(a, vals[i]);
        for (int dec = 0; dec <= 20; dec++) {
            for (int m = 0; m < 2; m++) {
                RoundMode mode = m ? ROUND_DOWN : ROUND_HALF_UP;
                num_round(got, a, dec, mode);
                Buf fb;
                buf_init(&fb);
                num_format(&fb, got, dec, mode, NOTATION_EN, false);
                char *want_text = ref_format(a, dec, mode);
                ck_assert_msg(strcmp(fb.data, want_text) == 0, "round %s to %d (%s): %s, want %s", vals[i], dec,
                              m ? "down" : "half up", fb.data, want_text);
                buf_free(&fb);
                mpq_set(want, got);
                mpq_canonicalize(want);
                ck_assert_msg(mpz_cmp(mpq_numref(want), mpq_numref(got)) == 0 &&
                              mpz_cmp(mpq_denref(want), mpq_denref(got)) == 0, "round %s to %d: not in lowest terms",
                              vals[i], dec);
            }
        }
    }
    /* num_set: copies in place or through GMP, onto any earlier value,
     * fresh numbers (no limbs yet) included */
    for (size_t i = 0; i < N; i++) {
        for (size_t j = 0; j < N; j++) {
            tu_q(a, vals[i]);
            mpq_t dst;
            mpq_init(dst);
            if (j % 2) tu_q(dst, vals[j]);
            num_set(dst, a);
            ck_assert_msg(mpq_equal(dst, a), "num_set %s over %s", vals[i], j % 2 ? vals[j] : "fresh");
            mpq_clear(dst);
        }
    }
    mpq_clears(a, b, got, want, NULL);
}
END_TEST

/* num_format has a 64-bit path next to its GMP path: over numbers at and
 * around the 64-bit edges, with denominators of 2s and 5s and others, the
 * output must equal the reference, and num_is_decimal its definition.  The
 * 64-bit path takes a 128-bit product where the compiler has one: a
 * serapan such as 13619200300/189571982 in 10 decimals. */
START_TEST(test_format_small_and_large_agree)
{
    static const char *const nums[] = {
        "0", "1", "-1", "5", "-5", "15", "8363", "-8363", "999999999999999999", "18446744073709551615",
        "18446744073709551616", "-18446744073709551615", "-18446744073709551617", "1844674407370955161",
        "4492070793", "13619200300", "123456789012345678901234567890", "9223372036854775807", "-9223372036854775808",
    };
    static const char *const dens[] = {
        "1", "2", "3", "4", "5", "6", "7", "8", "40", "100", "125", "1024", "9765625", "1000000000000000000",
        "18446744073709551615", "18446744073709551616", "3000000000000000000", "1350", "82", "189571982",
    };
    unsigned seed = 12345;
    mpq_t q;
    mpq_init(q);
    int checked = 0;
    for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
        for (size_t j = 0; j < sizeof dens / sizeof *dens; j++) {
            char *text = tu_printf("%s/%s", nums[i], dens[j]);
            tu_q(q, text);
            for (int dec = 0; dec <= 21; dec++) {
                for (int m = 0; m < 2; m++) {
                    RoundMode mode = m ? ROUND_DOWN : ROUND_HALF_UP;
                    Buf b;
                    buf_init(&b);
                    num_format(&b, q, dec, mode, NOTATION_EN, false);
                    char *want = ref_format(q, dec, mode);
                    ck_assert_msg(strcmp(b.data, want) == 0, "%s with %d decimals (%s): %s, want %s", text, dec,
                                  m ? "down" : "half up", b.data, want);
                    buf_free(&b);
                    checked++;
                }
                /* num_format_plain: the fewest decimals that are exact, up
                 * to dec, else dec (the JSON's numbers) */
                if (dec <= 16) {
                    int need = dec;
                    for (int k = 0; k < dec; k++)
                        if (num_is_decimal(q, k)) {
                            need = k;
                            break;
                        }
                    Buf p;
                    buf_init(&p);
                    buf_puts(&p, "[");
                    num_format_plain(&p, q, dec);
                    char *want = tu_printf("[%s", ref_format(q, need, ROUND_HALF_UP));
                    ck_assert_msg(strcmp(p.data, want) == 0, "plain %s to %d: %s, want %s", text, dec, p.data, want);
                    buf_free(&p);
                }
                /* exact in dec decimals iff q * 10^dec is an integer */
                mpz_t t;
                mpz_init(t);
                mpz_ui_pow_ui(t, 10, (unsigned long)dec);
                mpz_mul(t, t, mpq_numref(q));
                bool exact = mpz_divisible_p(t, mpq_denref(q));
                mpz_clear(t);
                ck_assert_msg(num_is_decimal(q, dec) == exact, "%s in %d decimals", text, dec);
            }
        }
    }
    /* random small rationals */
    for (int k = 0; k < 20000; k++) {
        seed = seed * 1103515245u + 12345u;
        long a = (long)(seed % 2000001u) - 1000000;
        seed = seed * 1103515245u + 12345u;
        unsigned long dn = 1 + seed % 100000u;
        mpq_set_si(q, a, dn);
        mpq_canonicalize(q);
        int dec = (int)(seed >> 20) % 8;
        Buf b;
        buf_init(&b);
        num_format(&b, q, dec, ROUND_HALF_UP, NOTATION_EN, false);
        ck_assert_str_eq(b.data, ref_format(q, dec, ROUND_HALF_UP));
        buf_free(&b);
        checked++;
    }
    ck_assert_int_gt(checked, 30000);
    mpq_clear(q);
}
END_TEST

START_TEST(test_num_add)
{
    const char *cases[][3] = {
        {"4492070793", "1", "4492070794"},
        {"-5", "3", "-2"},
        {"1/2", "3", "7/2"},
        {"1/3", "1/6", "1/2"},
        {"-7/4", "7/4", "0"},
    };
    mpq_t a, b, out;
    mpq_inits(a, b, out, NULL);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tu_q(a, cases[i][0]);
        tu_q(b, cases[i][1]);
        num_add(out, a, b);
        ck_assert_msg(tu_q_is(out, cases[i][2]), "%s + %s = %s", cases[i][0], cases[i][1], tu_qstr(out));
        num_add(a, a, b);   /* out aliases a */
        ck_assert_msg(tu_q_is(a, cases[i][2]), "aliased %s + %s = %s", cases[i][0], cases[i][1], tu_qstr(a));
    }
    mpq_clears(a, b, out, NULL);
}
END_TEST

/* numalloc forced on under AddressSanitizer (SAKIP_NUMALLOC, as .ci/run
 * runs the suite): a block handed out is addressable to its size and no
 * further, a freed block and a pooled number's limbs are not, so ASan
 * sees misuse of the allocator production uses.  Without ASan there is
 * nothing to observe and the test only installs it. */
START_TEST(test_numalloc_poisons_under_asan)
{
#if defined(__SANITIZE_ADDRESS__)
    setenv("SAKIP_NUMALLOC", "1", 1);
    ck_assert(numalloc_install());
    void *(*alloc)(size_t);
    void *(*re)(void *, size_t, size_t);
    void (*release)(void *, size_t);
    mp_get_memory_functions(&alloc, &re, &release);
    char *p = alloc(24);
    ck_assert(!__asan_region_is_poisoned(p, 24));
    ck_assert(__asan_address_is_poisoned(p + 24));   /* the red zone */
    p = re(p, 24, 16);                                /* same class, smaller */
    ck_assert(__asan_address_is_poisoned(p + 16));
    release(p, 16);
    ck_assert(__asan_address_is_poisoned(p));
    mpq_t q;
    num_init(q);
    mpq_set_ui(q, 3, 4);
    mp_limb_t *limbs = mpq_numref(q)->_mp_d;
    num_clear(q);                                     /* into the pool */
    ck_assert(__asan_address_is_poisoned(limbs));
    num_init(q);                                      /* out of it again */
    ck_assert(!__asan_address_is_poisoned(mpq_denref(q)->_mp_d));
    ck_assert(mpq_cmp_ui(q, 0, 1) == 0);
    num_clear(q);
#else
    ck_assert(numalloc_install() || getenv("SAKIP_PLAIN_MALLOC") || getenv("LD_PRELOAD"));
#endif
}
END_TEST

/* numalloc: GMP's blocks from per-size free lists.  Blocks freed and
 * reused must never overlap live numbers, and growth through the size
 * classes into malloc'd blocks must keep every limb. */
START_TEST(test_numalloc_reuse_and_growth)
{
    numalloc_install();   /* false under valgrind/ASan: the test still holds */
    enum { N = 1000 };
    static mpq_t q[N];
    for (int i = 0; i < N; i++) {
        mpq_init(q[i]);
        mpq_set_ui(q[i], (unsigned long)i, (unsigned long)i + 1);
    }
    for (int i = 0; i < N; i += 2) mpq_clear(q[i]);
    for (int i = 0; i < N; i += 2) {
        mpq_init(q[i]);
        mpq_set_ui(q[i], 7, 11);
        mpz_mul_2exp(mpq_numref(q[i]), mpq_numref(q[i]), (mp_bitcnt_t)(64 * (i % 40)));
    }
    for (int i = 1; i < N; i += 2) {
        mpq_t want;
        mpq_init(want);
        mpq_set_ui(want, (unsigned long)i, (unsigned long)i + 1);
        ck_assert_msg(mpq_equal(q[i], want), "number %d was overwritten", i);
        mpq_clear(want);
    }
    for (int i = 0; i < N; i++) mpq_clear(q[i]);

    /* 3^2000 by repeated multiplication (1 limb up to 50 limbs: every
     * small class, then malloc) against GMP's own modular power. */
    mpz_t p, m, r1, r2;
    mpz_inits(p, m, r1, r2, NULL);
    mpz_set_ui(p, 1);
    for (int i = 0; i < 2000; i++) mpz_mul_ui(p, p, 3);
    mpz_set_str(m, "1000000007", 10);
    mpz_mod(r1, p, m);
    mpz_set_ui(r2, 3);
    mpz_powm_ui(r2, r2, 2000, m);
    ck_assert(mpz_cmp(r1, r2) == 0);
    ck_assert_uint_eq(mpz_sizeinbase(p, 2), 3170);   /* 2000 log2 3 = 3169.9 */
    mpz_clears(p, m, r1, r2, NULL);
}
END_TEST


/* The plain form held as a word (a Values cell, CELL_SCALED), written
 * by num_plain_put: the fewest decimals that are exact, else 10 rounded
 * half away from zero, none dropped after rounding; a number past a
 * word is not held so (NULL).  Each text worked out by hand.
 * num_scaled_trim drops the zeros an amount in sen ends with. */
START_TEST(test_plain_scaled_matches_plain)
{
    static const struct { const char *q, *want; } cases[] = {
        {"0", "0"},
        {"7", "7"},
        {"-7", "-7"},
        {"422/5", "84.4"},
        {"12334943639290001/100000000000000", "123.3494363929"},   /* ...3929|0001 */
        {"1/3", "0.3333333333"},
        {"-2/3", "-0.6666666667"},                                 /* ...6666|67, away from zero */
        {"-1/7", "-0.1428571429"},                                 /* 0.1428571428|57 */
        {"44444061/2", "22222030.5"},
        {"99999999999/100000000000", "1.0000000000"},              /* 0.9999999999|9 rounds up */
        {"-1/1000000000000", "0.0000000000"},                      /* rounds to zero: no sign */
        {"9223372036854775807", "9223372036854775807"},            /* 2^63 - 1 */
        {"-9223372036854775807", "-9223372036854775807"},
        {"9223372036854775807/10000000000", "922337203.6854775807"},
        {"9223372036854775808", NULL},                             /* 2^63 */
        {"-92233720368547758090", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mpq_t q;
        mpq_init(q);
        tu_q(q, cases[i].q);
        int64_t v;
        int dec;
        bool held = num_plain_scaled(q, 10, &v, &dec);
        ck_assert_msg(held == (cases[i].want != NULL), "%s: held %d", cases[i].q, held);
        if (held) {
            char out[10 + NUM_PLAIN_ROOM];
            size_t n = num_plain_put(out, v, dec);
            ck_assert_msg(n == strlen(cases[i].want) && strcmp(out, cases[i].want) == 0, "%s: %s, want %s", cases[i].q,
                          out, cases[i].want);
        }
        /* and num_format_plain writes the same */
        Buf b;
        buf_init(&b);
        num_format_plain(&b, q, 10);
        if (cases[i].want) ck_assert_str_eq(b.data, cases[i].want);
        buf_free(&b);
        mpq_clear(q);
    }
    /* Rp 34.193.000 and Rp 2.222.203,05 and -Rp 5 in sen */
    int64_t amounts[][4] = {{3419300000, 2, 34193000, 0}, {222220305, 2, 222220305, 2}, {2222203050, 2, 222220305, 1},
                            {-500, 2, -5, 0}, {0, 2, 0, 0}, {7, 0, 7, 0}};
    for (size_t i = 0; i < sizeof amounts / sizeof *amounts; i++) {
        int64_t v = amounts[i][0];
        int dec = (int)amounts[i][1];
        num_scaled_trim(&v, &dec);
        ck_assert_int_eq(v, amounts[i][2]);
        ck_assert_int_eq(dec, amounts[i][3]);
    }
}
END_TEST

/* num_format_ratio_plain(n, d) writes what num_format_plain writes for
 * n/d in lowest terms: exact values without trailing zeros, others
 * rounded half up to the decimals asked for; serapan-like pairs, pairs
 * with common factors (2, 5, 3, 7), values below 1, exact and inexact. */
START_TEST(test_ratio_plain_matches_reduced)
{
    unsigned long long seed = 12345;
    size_t checked = 0;
    for (int i = 0; i < 20000; i++) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        uint64_t d = (seed >> 20) % 5000000000ull + 1;
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        uint64_t n = (seed >> 18) % 500000000000ull;
        switch (i % 6) {
        case 1: n = d * ((seed >> 40) % 300); break;                 /* whole */
        case 2: n = d / 8 * 3; d = d / 8 * 8 + 8; break;              /* factors of 2 */
        case 3: d = 1000 * ((seed >> 44) % 1000 + 1); break;          /* decimal denominators */
        case 4: n %= d; break;                                        /* below 1 */
        case 5: n = n / 21 * 21; d = d / 7 * 7 + 7; break;            /* a 7 in common */
        default: break;
        }
        for (int dec = 0; dec <= 12; dec += (i % 3 == 0 ? 1 : 10)) {
            Buf want, got;
            buf_init(&want);
            buf_init(&got);
            mpq_t q;
            mpq_init(q);
            mpz_set_ui(mpq_numref(q), (unsigned long)n);
            mpz_set_ui(mpq_denref(q), (unsigned long)d);
            mpq_canonicalize(q);
            num_format_plain(&want, q, dec);
            if (num_format_ratio_plain(&got, n, d, dec)) {
                ck_assert_msg(strcmp(want.data, got.data) == 0, "%llu/%llu to %d decimals: %s, want %s",
                              (unsigned long long)n, (unsigned long long)d, dec, got.data, want.data);
                checked++;
            } else {
                /* only when the scaled quotient passes 64 bits */
                ck_assert_msg(got.len == 0 && (n / d >= UINT64_MAX / 1000000000000ull || dec > 9),
                              "%llu/%llu to %d: not taken", (unsigned long long)n, (unsigned long long)d, dec);
            }
            mpq_clear(q);
            buf_free(&want);
            buf_free(&got);
        }
    }
    ck_assert_uint_gt(checked, 40000);
    Buf b;
    buf_init(&b);
    ck_assert(!num_format_ratio_plain(&b, 1, 0, 10));                     /* no quotient */
    ck_assert(!num_format_ratio_plain(&b, UINT64_MAX, 1, 10));            /* too long */
    ck_assert_uint_eq(b.len, 0);
    buf_free(&b);
}
END_TEST

static Suite *num_suite(void)
{
    Suite *s = suite_create("num");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, test_decimal_plain);
    tcase_add_test(tc, test_decimal_underscores);
    tcase_add_test(tc, test_decimal_rejects);
    tcase_add_test(tc, test_decimal_digit_limit);
    tcase_add_test(tc, test_money_forms);
    tcase_add_test(tc, test_money_bad_grouping_1_5);
    tcase_add_test(tc, test_money_bad_grouping_other);
    tcase_add_test(tc, test_money_bad_grouping_short_last_group);
    tcase_add_test(tc, test_money_english);
    tcase_add_test(tc, test_money_bad_decimals_and_length);
    suite_add_tcase(s, tc);

    tc = tcase_create("sum");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_sum_million_sen);
    tcase_add_test(tc, test_sum_million_varied);
    tcase_add_test(tc, test_sum_national_scale);
    suite_add_tcase(s, tc);

    tc = tcase_create("round");
    tcase_add_test(tc, test_round_half_boundaries);
    tcase_add_test(tc, test_round_halves_not_bankers);
    tcase_add_test(tc, test_round_non_terminating);
    suite_add_tcase(s, tc);

    tc = tcase_create("format");
    tcase_add_test(tc, test_format_both_notations);
    tcase_add_test(tc, test_format_zero_and_negative_zero);
    tcase_add_test(tc, test_format_large);
    tcase_add_test(tc, test_format_money);
    tcase_add_test(tc, test_format_money_negative);
    tcase_add_test(tc, test_format_plain_exact);
    tcase_add_test(tc, test_is_decimal);
    tcase_add_test(tc, test_num_add);
    tcase_add_test(tc, test_format_small_and_large_agree);
    tcase_add_test(tc, test_ratio_plain_matches_reduced);
    tcase_add_test(tc, test_word_arithmetic_matches_gmp);
    tcase_add_test(tc, test_word_gcd_matches_gmp);
    tcase_add_test(tc, test_format_very_long);
    tcase_add_test(tc, test_u64_digits_matches_printf);
    tcase_add_test(tc, test_plain_scaled_matches_plain);
    tcase_add_test(tc, test_from_scaled_round_trip);
    tcase_add_test(tc, test_numalloc_reuse_and_growth);
    tcase_add_test(tc, test_numalloc_poisons_under_asan);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(num_suite()); }
