/* test_lexer.c -- the scanner (grammar/lexer.l), seen through parse_unit():
 * amounts, numbers, decimal commas, lists, percents, ranges, strings,
 * comments, and hostile input (invalid UTF-8, NUL, huge tokens).
 * Positions are 1-based line:column, counted by hand from the inputs. */
#include "testutil.h"
#include "parse.h"
#include "parser.h"   /* token numbers */
#include "report.h"

#include <glob.h>

/* Parses src and returns the S-expression of periksa #i. */
#define PARSED(u, i) tu_sexpr(tu_periksa_expr((u), (i)))

/* The first indikator of a unit. */
static Entity *first_indikator(Unit *u)
{
    ck_assert_msg(u->indikator.len > 0, "no indikator parsed");
    return u->indikator.items[0];
}

static YearVal *yv(const Vec *v, size_t i)
{
    ck_assert_msg(i < v->len, "only %zu values, wanted #%zu", (size_t)v->len, i);
    return v->items[i];
}

#define ASSERT_NO_DIAGS(dl) ck_assert_msg((dl).items.len == 0, "unexpected diagnostics:%s", tu_dump(&(dl)))

/* ---- rupiah amounts ---- */

START_TEST(test_rp_amounts)
{
    DiagList dl;
    Unit *u = tu_parse("periksa Rp 4.492.070.793 == Rp 4.492.070.793,00\n"
                       "periksa Rp 4.492.070.793,50 == Rp 9.520.800\n"
                       "periksa Rp 4492070793 == Rp 0\n"
                       "periksa Rp 1.000,- == Rp 273.664.376\n",
                       &dl);
    ASSERT_NO_DIAGS(dl);
    ck_assert_int_eq(u->periksa.len, 4);
    ck_assert_str_eq(PARSED(u, 0), "(== Rp4492070793 Rp4492070793)");
    ck_assert_str_eq(PARSED(u, 1), "(== Rp4492070793.5 Rp9520800)");
    ck_assert_str_eq(PARSED(u, 2), "(== Rp4492070793 Rp0)");
    ck_assert_str_eq(PARSED(u, 3), "(== Rp1000 Rp273664376)");
    ck_assert_int_eq(tu_periksa_expr(u, 0)->u.bin.l->kind, EX_MONEY);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_rp_decimals_as_written)
{
    /* `~=` rounds to as many decimals as the literal is written with
     * (LANGUAGE.md §4); an amount with sen is written with 2. */
    DiagList dl;
    Unit *u = tu_parse("periksa Rp 4.492.070.793,50 == Rp 1.000\n", &dl);
    ASSERT_NO_DIAGS(dl);
    Expr *l = tu_periksa_expr(u, 0)->u.bin.l, *r = tu_periksa_expr(u, 0)->u.bin.r;
    ck_assert_msg(l->u.num.decimals == 2, "Rp 4.492.070.793,50 has %d decimals as written, expected 2",
                  l->u.num.decimals);
    ck_assert_int_eq(r->u.num.decimals, 0);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_rp_bad_grouping)
{
    DiagList dl;
    Unit *u = tu_parse("periksa Rp 1.5 == Rp 1\n"
                       "periksa 2 == 2\n",
                       &dl);
    ck_assert_int_eq(tu_count(&dl, "E0102"), 1);
    ck_assert_int_eq(dl.items.len, 1);
    tu_assert_diag_at(&dl, "E0102", 1, 9);
    Diag *d = tu_find(&dl, "E0102");
    ck_assert_msg(tu_hint_has(d, "1,5") && tu_hint_has(d, "1.500"), "hints %s lack '1,5' and '1.500'", tu_hints(d));
    /* the next statement is still read */
    ck_assert_int_eq(u->periksa.len, 2);
    ck_assert_str_eq(PARSED(u, 1), "(== 2 2)");
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_rp_english)
{
    DiagList dl;
    Unit *u = tu_parse("periksa Rp 1,004,422,800 == Rp 1\n", &dl);
    ck_assert_int_eq(tu_count(&dl, "E0101"), 1);
    ck_assert_int_eq(dl.items.len, 1);
    tu_assert_diag_at(&dl, "E0101", 1, 9);
    Diag *d = tu_find(&dl, "E0101");
    ck_assert_msg(tu_hint_has(d, "Rp 1.004.422.800"), "hints %s lack 'Rp 1.004.422.800'", tu_hints(d));
    ck_assert_int_eq(u->periksa.len, 1);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_rp_too_long)
{
    DiagList dl;
    char *digits = tu_repeat('9', 400);
    char *src = tu_printf("periksa Rp %s == Rp 1\nperiksa 1 == 1\n", digits);
    Unit *u = tu_parse(src, &dl);
    ck_assert_msg(tu_count(&dl, "E0103") == 1, "diagnostics:%s", tu_dump(&dl));
    ck_assert_int_eq(u->periksa.len, 2);
    free(digits);
    tu_free(u, &dl);
}
END_TEST

/* ---- decimal comma, lists, arguments ---- */

START_TEST(test_decimal_comma_outside_rp)
{
    DiagList dl;
    Unit *u = tu_parse("instansi \"X\" { tahun 2024 }\n"        /* 1 */
                       "sasaran S1 \"s\" {\n"                    /* 2 */
                       "    indikator I1 \"i\" {\n"              /* 3 */
                       "        satuan \"indeks\"\n"             /* 4 */
                       "        polaritas positif\n"             /* 5 */
                       "        target 2024: 82\n"               /* 6 */
                       "        realisasi 2024: 83,63\n"         /* 7 */
                       "        sumber \"SUKMA\"\n"              /* 8 */
                       "    }\n"
                       "}\n"
                       "periksa 83,63 == 83.63\n",               /* 11 */
                       &dl);
    ck_assert_msg(tu_count(&dl, "E0104") == 2 && dl.items.len == 2, "diagnostics:%s", tu_dump(&dl));
    tu_assert_diag_at(&dl, "E0104", 7, 25);
    Diag *d = tu_find(&dl, "E0104");
    ck_assert_msg(tu_hint_has(d, "83.63"), "hints %s lack '83.63'", tu_hints(d));
    Diag *d2 = tu_find_nth(&dl, "E0104", 1);
    int line, col;
    tu_diag_pos(d2, &line, &col);
    ck_assert_int_eq(line, 11);
    ck_assert_int_eq(col, 9);
    /* parsing went on, and 83.63 is the value used */
    Entity *ind = first_indikator(u);
    ck_assert_int_eq(ent_indikator(ind)->realisasi.len, 1);
    tu_assert_q(yv(&ent_indikator(ind)->realisasi, 0)->lo->u.num.q, "8363/100");
    ck_assert_int_eq(ent_indikator(ind)->sumber.len, 1);
    ck_assert_str_eq(PARSED(u, 0), "(== 83.63 83.63)");
    tu_free(u, &dl);
}
END_TEST

static void check_two_years(const char *line)
{
    DiagList dl;
    char *src = tu_printf("sasaran S1 \"s\" { indikator I1 \"i\" {\n%s\n} }\n", line);
    Unit *u = tu_parse(src, &dl);
    ck_assert_msg(dl.items.len == 0, "'%s':%s", line, tu_dump(&dl));
    Entity *ind = first_indikator(u);
    ck_assert_msg(ent_indikator(ind)->target.len == 2, "'%s' gave %zu targets", line, (size_t)ent_indikator(ind)->target.len);
    YearVal *a = yv(&ent_indikator(ind)->target, 0), *b = yv(&ent_indikator(ind)->target, 1);
    ck_assert(a->has_year && b->has_year);
    ck_assert_int_eq(a->year, 2023);
    ck_assert_int_eq(b->year, 2024);
    tu_assert_q(a->lo->u.num.q, "80");
    tu_assert_q(b->lo->u.num.q, "82");
    ck_assert_ptr_null(a->hi);
    tu_free(u, &dl);
}

START_TEST(test_year_lists_not_decimal_commas)
{
    check_two_years("target 2023: 80, 2024: 82");
    check_two_years("target 2023: 80,2024: 82");
    check_two_years("target 2023 : 80,2024 : 82");
    check_two_years("target 2023:80,2024:82");
}
END_TEST

START_TEST(test_year_list_mixed_with_decimal_comma)
{
    /* 83.57,2024 is a list; 83,63 at the end of the line is a decimal comma */
    DiagList dl;
    Unit *u = tu_parse("sasaran S1 \"s\" { indikator I1 \"i\" {\n"
                       "realisasi 2022: 72,2023: 83.57,2024: 83,63\n"
                       "} }\n",
                       &dl);
    ck_assert_msg(tu_count(&dl, "E0104") == 1 && dl.items.len == 1, "diagnostics:%s", tu_dump(&dl));
    Entity *ind = first_indikator(u);
    ck_assert_int_eq(ent_indikator(ind)->realisasi.len, 3);
    ck_assert_int_eq(yv(&ent_indikator(ind)->realisasi, 0)->year, 2022);
    tu_assert_q(yv(&ent_indikator(ind)->realisasi, 0)->lo->u.num.q, "72");
    ck_assert_int_eq(yv(&ent_indikator(ind)->realisasi, 1)->year, 2023);
    tu_assert_q(yv(&ent_indikator(ind)->realisasi, 1)->lo->u.num.q, "8357/100");
    ck_assert_int_eq(yv(&ent_indikator(ind)->realisasi, 2)->year, 2024);
    tu_assert_q(yv(&ent_indikator(ind)->realisasi, 2)->lo->u.num.q, "8363/100");
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_money_year_list_without_space)
{
    /* as for numbers ("2023: 80,2024: 82"), a comma followed by "YEAR:"
     * separates two values of a list, also after an amount */
    DiagList dl;
    Unit *u = tu_parse("sasaran S1 \"s\" { indikator I1 \"i\" {\n"
                       "target 2023: Rp 1.000.000,2024: Rp 2.000.000\n"
                       "} }\n",
                       &dl);
    ck_assert_msg(dl.items.len == 0, "diagnostics:%s", tu_dump(&dl));
    Entity *ind = first_indikator(u);
    ck_assert_int_eq(ent_indikator(ind)->target.len, 2);
    ck_assert_int_eq(yv(&ent_indikator(ind)->target, 0)->year, 2023);
    tu_assert_q(yv(&ent_indikator(ind)->target, 0)->lo->u.num.q, "1000000");
    ck_assert_int_eq(yv(&ent_indikator(ind)->target, 1)->year, 2024);
    tu_assert_q(yv(&ent_indikator(ind)->target, 1)->lo->u.num.q, "2000000");
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_decimal_comma_after_unclosed_paren)
{
    /* A '(' left open by a syntax error in one statement must not change
     * how a later statement is read: 83,63 is still a decimal comma
     * (E0104, value 83.63), not the two values 83 and 63. */
    DiagList dl;
    Unit *u = tu_parse("periksa max(1, 2\n"                                 /* 1 */
                       "sasaran S1 \"s\" { indikator I1 \"i\" {\n"      /* 2 */
                       "realisasi 2024: 83,63\n"                           /* 3 */
                       "} }\n",
                       &dl);
    ck_assert_msg(tu_count(&dl, "E0201") == 1, "diagnostics:%s", tu_dump(&dl));
    ck_assert_msg(tu_count(&dl, "E0104") == 1, "83,63 not reported as a decimal comma:%s", tu_dump(&dl));
    Entity *ind = first_indikator(u);
    ck_assert_msg(ent_indikator(ind)->realisasi.len == 1, "realisasi read as %zu values", (size_t)ent_indikator(ind)->realisasi.len);
    tu_assert_q(yv(&ent_indikator(ind)->realisasi, 0)->lo->u.num.q, "8363/100");
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_tab_and_crlf_positions)
{
    /* a tab is one column; "\r\n" ends a line */
    DiagList dl;
    Unit *u = tu_parse("periksa 1 == 1\r\n\tperiksa 83,63 == 1\r\n", &dl);
    ck_assert_msg(tu_count(&dl, "E0104") == 1 && dl.items.len == 1, "diagnostics:%s", tu_dump(&dl));
    tu_assert_diag_at(&dl, "E0104", 2, 10);
    ck_assert_int_eq(u->periksa.len, 2);
    ck_assert_str_eq(PARSED(u, 1), "(== 83.63 1)");
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_call_arguments_comma)
{
    DiagList dl;
    Unit *u = tu_parse("periksa max(1,2) == 2\n"
                       "periksa jumlah(1,25, 3) == 29\n"
                       "periksa max(min(1,2),3) == 3\n"
                       "periksa max(1,2) == 1,5\n",
                       &dl);
    /* only the last 1,5 (outside the brackets) is a decimal comma */
    ck_assert_msg(tu_count(&dl, "E0104") == 1 && dl.items.len == 1, "diagnostics:%s", tu_dump(&dl));
    tu_assert_diag_at(&dl, "E0104", 4, 21);
    ck_assert_str_eq(PARSED(u, 0), "(== (max 1 2) 2)");
    ck_assert_str_eq(PARSED(u, 1), "(== (jumlah 1 25 3) 29)");
    ck_assert_str_eq(PARSED(u, 2), "(== (max (min 1 2) 3) 3)");
    ck_assert_str_eq(PARSED(u, 3), "(== (max 1 2) 1.5)");
    tu_free(u, &dl);
}
END_TEST

/* ---- percents, ranges ---- */

START_TEST(test_percent)
{
    DiagList dl;
    Unit *u = tu_parse("periksa 102% == 83.63 %\n", &dl);
    ASSERT_NO_DIAGS(dl);
    ck_assert_str_eq(PARSED(u, 0), "(== 102% 83.63%)");
    Expr *l = tu_periksa_expr(u, 0)->u.bin.l, *r = tu_periksa_expr(u, 0)->u.bin.r;
    ck_assert_int_eq(l->kind, EX_NUM);
    ck_assert(l->u.num.percent);
    tu_assert_q(l->u.num.q, "102");   /* on the 0-100 scale, not 1.02 */
    ck_assert_int_eq(l->u.num.decimals, 0);
    ck_assert(r->u.num.percent);
    tu_assert_q(r->u.num.q, "8363/100");
    ck_assert_int_eq(r->u.num.decimals, 2);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_ranges)
{
    DiagList dl;
    Unit *u = tu_parse("instansi \"X\" { tahun 2024 periode 2021..2026 }\n"
                       "sasaran S1 \"s\" { indikator I1 \"i\" {\n"
                       "target 2024: 80..90, 2025: 80.5..90.25, 2026: 70 .. 75%\n"
                       "} }\n",
                       &dl);
    ASSERT_NO_DIAGS(dl);
    ck_assert(u->has_periode);
    ck_assert_int_eq(u->periode_from, 2021);
    ck_assert_int_eq(u->periode_to, 2026);
    Entity *ind = first_indikator(u);
    ck_assert_int_eq(ent_indikator(ind)->target.len, 3);
    YearVal *a = yv(&ent_indikator(ind)->target, 0), *b = yv(&ent_indikator(ind)->target, 1), *c = yv(&ent_indikator(ind)->target, 2);
    tu_assert_q(a->lo->u.num.q, "80");
    ck_assert_ptr_nonnull(a->hi);
    tu_assert_q(a->hi->u.num.q, "90");
    tu_assert_q(b->lo->u.num.q, "161/2");
    ck_assert_ptr_nonnull(b->hi);
    tu_assert_q(b->hi->u.num.q, "361/4");
    ck_assert_int_eq(c->year, 2026);
    ck_assert_ptr_nonnull(c->hi);
    tu_assert_q(c->hi->u.num.q, "75");
    tu_free(u, &dl);
}
END_TEST

/* ---- strings ---- */

START_TEST(test_string_escapes)
{
    DiagList dl;
    Unit *u = tu_parse("periksa \"a\\\"b\\\\c\\nd\\te\" == \"x # y\"\n", &dl);
    ASSERT_NO_DIAGS(dl);
    Expr *l = tu_periksa_expr(u, 0)->u.bin.l, *r = tu_periksa_expr(u, 0)->u.bin.r;
    ck_assert_int_eq(l->kind, EX_STR);
    ck_assert_str_eq(l->u.str, "a\"b\\c\nd\te");
    /* '#' inside a text is not a comment */
    ck_assert_str_eq(r->u.str, "x # y");
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_string_unknown_escape)
{
    DiagList dl;
    Unit *u = tu_parse("periksa \"ab\\qc\" == \"x\"\n", &dl);
    ck_assert_msg(tu_count(&dl, "E0109") == 1 && dl.items.len == 1, "diagnostics:%s", tu_dump(&dl));
    tu_assert_diag_at(&dl, "E0109", 1, 12);   /* the backslash */
    ck_assert_int_eq(u->periksa.len, 1);
    Expr *l = tu_periksa_expr(u, 0)->u.bin.l;
    ck_assert_int_eq(l->kind, EX_STR);
    ck_assert_msg(strstr(l->u.str, "ab") == l->u.str && strstr(l->u.str, "c"), "text read as '%s'", l->u.str);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_string_unterminated)
{
    DiagList dl;
    Unit *u = tu_parse("periksa \"tidak selesai\n"
                       "periksa 1 == 1\n",
                       &dl);
    ck_assert_msg(tu_count(&dl, "E0108") == 1 && dl.items.len == 1, "diagnostics:%s", tu_dump(&dl));
    tu_assert_diag_at(&dl, "E0108", 1, 9);
    /* a text may not span lines: the next line is a statement again */
    ck_assert_int_eq(u->periksa.len, 2);
    ck_assert_str_eq(PARSED(u, 1), "(== 1 1)");
    tu_free(u, &dl);

    /* at the very end of the input, after a lone backslash */
    u = tu_parse("periksa \"abc\\", &dl);
    ck_assert_msg(tu_count(&dl, "E0108") == 1, "diagnostics:%s", tu_dump(&dl));
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_comments)
{
    DiagList dl;
    Unit *u = tu_parse("# komentar \"kutip Rp 1.5 83,63 (((\n"
                       "periksa 1 == 1 # di akhir baris: Rp 1,004,422,800\n"
                       "   # menjorok\n"
                       "periksa 2 == 2 #tanpa baris baru",
                       &dl);
    ASSERT_NO_DIAGS(dl);
    ck_assert_int_eq(u->periksa.len, 2);
    ck_assert_str_eq(PARSED(u, 0), "(== 1 1)");
    ck_assert_str_eq(PARSED(u, 1), "(== 2 2)");
    tu_free(u, &dl);
}
END_TEST

/* ---- hostile input ---- */

START_TEST(test_invalid_utf8_in_text)
{
    DiagList dl;
    Unit *u = tu_parse("periksa 1 == 1\n"
                       "periksa \"ab\xFF" "cd\" == \"x\"\n",
                       &dl);
    ck_assert_msg(tu_count(&dl, "E0100") == 1 && dl.items.len == 1, "diagnostics:%s", tu_dump(&dl));
    tu_assert_diag_at(&dl, "E0100", 2, 12);
    ck_assert_int_eq(u->periksa.len, 2);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_invalid_utf8_columns_count_characters)
{
    DiagList dl;
    /* é is one column: `periksa "` is 9, é is column 10, the bad byte 11 */
    Unit *u = tu_parse("periksa \"\xC3\xA9\xFF\" == \"x\"\n", &dl);
    ck_assert_msg(tu_count(&dl, "E0100") == 1, "diagnostics:%s", tu_dump(&dl));
    tu_assert_diag_at(&dl, "E0100", 1, 11);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_invalid_utf8_outside_text)
{
    DiagList dl;
    /* a lone lead byte 0xC3 followed by a space, and an overlong "\xC0\xAF" */
    Unit *u = tu_parse("periksa 1 \xC3 == 1\n"
                       "periksa 2 == 2 \xC0\xAF\n",
                       &dl);
    ck_assert_msg(tu_count(&dl, "E0100") == 2 && dl.items.len == 2, "diagnostics:%s", tu_dump(&dl));
    tu_assert_diag_at(&dl, "E0100", 1, 11);
    Diag *d = tu_find_nth(&dl, "E0100", 1);
    int line, col;
    tu_diag_pos(d, &line, &col);
    ck_assert_int_eq(line, 2);
    ck_assert_int_eq(col, 16);
    ck_assert_int_eq(u->periksa.len, 2);
    ck_assert_str_eq(PARSED(u, 0), "(== 1 1)");
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_invalid_utf8_second_error_column)
{
    /* Two bad bytes on one line.  An editor shows each as one character
     * (U+FFFD), so the second one, after `periksa "` (9), the stray 0x80
     * (10) and `" == "` (11..16), is at column 17. */
    DiagList dl;
    Unit *u = tu_parse("periksa \"\x80\" == \"\xFF\"\n", &dl);
    ck_assert_msg(tu_count(&dl, "E0100") == 2, "diagnostics:%s", tu_dump(&dl));
    tu_assert_diag_at(&dl, "E0100", 1, 10);
    Diag *d = tu_find_nth(&dl, "E0100", 1);
    int line, col;
    tu_diag_pos(d, &line, &col);
    ck_assert_int_eq(line, 1);
    ck_assert_msg(col == 17, "second invalid byte reported at column %d, expected 17", col);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_long_identifier)
{
    DiagList dl;
    char *id = tu_repeat('a', 1000);
    char *src = tu_printf("periksa %s == 1\nsasaran %s \"s\" { }\nperiksa 2 == 2\n", id, id);
    Unit *u = tu_parse(src, &dl);
    ck_assert_msg(tu_count(&dl, "E0112") == 2, "diagnostics:%s", tu_dump(&dl));
    ck_assert_int_eq(tu_count_prefix(&dl, "E02"), 0);
    ck_assert_int_eq(u->periksa.len, 2);
    ck_assert_int_eq(u->sasaran.len, 1);
    free(id);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_long_number)
{
    DiagList dl;
    char *digits = tu_repeat('4', 400);
    char *src = tu_printf("periksa %s == 1\nperiksa 2 == 2\n", digits);
    Unit *u = tu_parse(src, &dl);
    ck_assert_msg(tu_count(&dl, "E0103") == 1 && dl.items.len == 1, "diagnostics:%s", tu_dump(&dl));
    tu_assert_diag_at(&dl, "E0103", 1, 9);
    ck_assert_int_eq(u->periksa.len, 2);
    free(digits);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_nul_byte)
{
    static const char src[] = "periksa 1 == 1\nperiksa 2\0 == 2\n";
    DiagList dl;
    Unit *u = tu_parse_n(src, sizeof src - 1, &dl);
    ck_assert_msg(tu_count(&dl, "E0100") >= 1, "diagnostics:%s", tu_dump(&dl));
    tu_assert_diag_at(&dl, "E0100", 2, 10);
    ck_assert(tu_count_errors(&dl) >= 1);
    tu_free(u, &dl);
}
END_TEST

/* A text's end is found sixteen bytes at a time: a closing quote, an
 * escaped quote or backslash, and an unclosed line, at every place of a
 * body of up to 40 bytes (first block, second, tail). */
START_TEST(test_text_end_every_place)
{
    for (int n = 0; n <= 40; n++) {
        for (int kind = 0; kind < 3; kind++) {
            for (int at = 0; at < (kind ? n : 1); at++) {
                char body[48], want[48];
                memset(body, 'b', (size_t)n);
                body[n] = '\0';
                memcpy(want, body, (size_t)n + 1);
                if (kind == 1) {
                    /* an escape at `at` (two bytes), read as one byte */
                    if (at + 1 >= n) continue;
                    body[at] = '\\';
                    body[at + 1] = at % 2 ? '"' : '\\';
                    memcpy(want, body, (size_t)at);
                    want[at] = body[at + 1];
                    memcpy(want + at + 1, body + at + 2, (size_t)(n - at - 1));
                }
                DiagList dl;
                char *src = kind == 2 ? tu_printf("instansi \"%.*s\nperiksa 1 == 1\n", at, body)
                                      : tu_printf("instansi \"%s\" { tahun 2024 }\n", body);
                Unit *u = tu_parse(src, &dl);
                if (kind == 2) {
                    /* unclosed at the newline after `at` bytes */
                    ck_assert_msg(tu_count(&dl, "E0108") == 1, "n %d at %d:%s", n, at, tu_dump(&dl));
                    tu_assert_diag_at(&dl, "E0108", 1, 10);
                } else {
                    ck_assert_msg(dl.items.len == 0 || tu_count(&dl, "E0108") == 0, "n %d kind %d at %d:%s", n, kind,
                                  at, tu_dump(&dl));
                    ck_assert_msg(u->nama && strcmp(u->nama, want) == 0, "n %d kind %d at %d: '%s', want '%s'", n,
                                  kind, at, u->nama ? u->nama : "(null)", want);
                }
                tu_free(u, &dl);
            }
        }
    }
}
END_TEST

/* check_utf8 passes over 16 plain bytes at a time: a bad byte or a NUL
 * at every offset of a 40-byte comment, hence every place within and
 * across its 16-byte steps, is found at its own column; a good
 * two-byte sequence there is no error. */
START_TEST(test_bad_byte_at_every_offset)
{
    for (int pos = 0; pos < 40; pos++) {
        for (int nul = 0; nul < 2; nul++) {
            char src[64];
            int n = 0;
            src[n++] = '#';
            for (int k = 0; k < 40; k++) src[n++] = k == pos ? (nul ? '\0' : '\xFF') : 'a';
            src[n++] = '\n';
            DiagList dl;
            Unit *u = tu_parse_n(src, (size_t)n, &dl);
            ck_assert_msg(tu_count(&dl, "E0100") == 1, "offset %d%s:%s", pos, nul ? " (NUL)" : "", tu_dump(&dl));
            tu_assert_diag_at(&dl, "E0100", 1, pos + 2);
            tu_free(u, &dl);
        }
        /* and a good two-byte sequence (U+00E9) there is no error */
        char good[64];
        memset(good, 'a', sizeof good);
        good[0] = '#';
        good[1 + pos] = '\xC3';
        good[2 + pos] = '\xA9';
        good[42] = '\n';
        DiagList dl;
        Unit *u = tu_parse_n(good, 43, &dl);
        ck_assert_msg(dl.nerrors == 0, "good sequence at %d:%s", pos, tu_dump(&dl));
        tu_free(u, &dl);
    }
}
END_TEST

START_TEST(test_curly_quotes)
{
    DiagList dl;
    /* “Tinggi” : the opening quote is column 9.  Whether the scanner
     * reports the pair once or each quote, the first report is at 1:9,
     * says to use straight quotes, and nothing else goes wrong. */
    Unit *u = tu_parse("periksa \xE2\x80\x9CTinggi\xE2\x80\x9D == \"Tinggi\"\n"
                       "periksa 1 == 1\n",
                       &dl);
    size_t n = tu_count(&dl, "E0106");
    ck_assert_msg(n >= 1 && n <= 2 && dl.items.len == n, "diagnostics:%s", tu_dump(&dl));
    tu_assert_diag_at(&dl, "E0106", 1, 9);
    ck_assert_msg(tu_hint_has(tu_find(&dl, "E0106"), "\""), "hints %s", tu_hints(tu_find(&dl, "E0106")));
    ck_assert_int_eq(u->periksa.len, 2);
    ck_assert_str_eq(PARSED(u, 1), "(== 1 1)");
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_spans_of_tokens)
{
    DiagList dl;
    Unit *u = tu_parse("\n  periksa   83.63  ==  Rp 1.000\n", &dl);
    ASSERT_NO_DIAGS(dl);
    Expr *e = tu_periksa_expr(u, 0);
    int line, col;
    tu_span_pos(e->u.bin.l->span, &line, &col);
    ck_assert_int_eq(line, 2);
    ck_assert_int_eq(col, 13);
    ck_assert_int_eq(e->u.bin.l->span.end - e->u.bin.l->span.start, 5);
    tu_span_pos(e->op_span, &line, &col);
    ck_assert_int_eq(col, 20);
    tu_span_pos(e->u.bin.r->span, &line, &col);
    ck_assert_int_eq(col, 24);
    ck_assert_int_eq(e->u.bin.r->span.end - e->u.bin.r->span.start, 8);   /* "Rp 1.000" */
    tu_free(u, &dl);
}
END_TEST


/* The prefixes that once made the scanner back up now have rules of
 * their own; each must give the tokens backing up gave. */
START_TEST(test_prefixes_without_backing_up)
{
    DiagList dl;
    Unit *u = tu_parse("instansi \"X\" { tahun 2024\n periode 2021..2026 }\n"     /* 1-2 */
                       "sasaran S1 \"s\" { indikator I1 \"i\" {\n"                /* 3 */
                       "target 2023: 80, 2024: 82\n"                                /* 4 */
                       "realisasi 2022: Rp 1.000, 2023: Rp 2.500.000, 2024: 7\n"   /* 5 */
                       "} }\n"
                       "periksa max(1, 2) == 2\n",
                       &dl);
    ck_assert_msg(dl.items.len == 0, "diagnostics:%s", tu_dump(&dl));
    ck_assert_int_eq(u->periode_from, 2021);
    ck_assert_int_eq(u->periode_to, 2026);
    Entity *ind = first_indikator(u);
    ck_assert_int_eq(ent_indikator(ind)->target.len, 2);
    tu_assert_q(yv(&ent_indikator(ind)->target, 0)->lo->u.num.q, "80");
    tu_assert_q(yv(&ent_indikator(ind)->target, 1)->lo->u.num.q, "82");
    ck_assert_int_eq(ent_indikator(ind)->realisasi.len, 3);
    tu_assert_q(yv(&ent_indikator(ind)->realisasi, 0)->lo->u.num.q, "1000");
    tu_assert_q(yv(&ent_indikator(ind)->realisasi, 1)->lo->u.num.q, "2500000");
    tu_assert_q(yv(&ent_indikator(ind)->realisasi, 2)->lo->u.num.q, "7");
    tu_free(u, &dl);

    /* "Rp" with no amount is a name (E0301 later, no lexical error); an
     * unclosed curly quote is reported as the quote alone, at its column. */
    u = tu_parse("periksa Rp. == 1\nperiksa \xE2\x80\x9CTinggi == 1\n", &dl);
    ck_assert_msg(tu_count(&dl, "E0106") == 1, "diagnostics:%s", tu_dump(&dl));
    tu_assert_diag_at(&dl, "E0106", 2, 9);
    ck_assert_msg(tu_count(&dl, "E0101") + tu_count(&dl, "E0102") == 0, "diagnostics:%s", tu_dump(&dl));
    tu_free(u, &dl);
}
END_TEST

/* The tokens of src as "kind@start-end[=text or =value/decimals]" lines,
 * from the scanner itself, and the diagnostics it reported. */
static char *scan_tokens(const char *src, size_t len, bool comments)
{
    LocFile *lf = locfile_new("t.sakip", src, len);
    Unit *u = unit_new(lf);
    DiagList dl;
    diag_list_init(&dl);
    ParseCtx ctx;
    parse_ctx_init(&ctx, u, lf, &dl, PARSE_FILE);
    ctx.keep_comments = comments;
    yyscan_t sc;
    ck_assert_int_eq(scanner_open(&ctx, &sc), 0);
    Buf b;
    buf_init(&b);
    for (int n = 0; n < 100; n++) {
        YYSTYPE val = {0};
        Span loc = {0};
        int t = parse_next_token(&val, &loc, sc);
        if (t == 0) break;
        buf_printf(&b, "%d@%u-%u", t, (unsigned)loc.start, (unsigned)loc.end);
        if (t == IDENT || t == STRING) buf_printf(&b, "=%s", val.str);
        if (t == NUMBER || t == MONEY) {
            const Expr *e = val.expr;
            buf_printf(&b, "=%s/%d", tu_qstr(e->u.num.q), e->u.num.decimals);
        }
        buf_printf(&b, " parens=%d\n", ctx.parens);
    }
    scanner_close(sc);
    for (size_t i = 0; i < dl.items.len; i++) buf_printf(&b, "%s %s\n", tu_diag(&dl, i)->code, tu_diag(&dl, i)->msg);
    char *out = tu_keep(b.data ? b.data : "");
    buf_free(&b);
    unit_free(u);
    diag_list_free(&dl);
    return out;
}

static char *scan_all(const char *src, size_t len) { return scan_tokens(src, len, false); }

/* For fmt, the scanner gives the comments too, each up to its line's
 * end; the parser never sees them. */
START_TEST(test_comment_tokens)
{
    static const char src[] = "x # a \"b\" 1\n#\r\n  2 #z";
    char *want = tu_printf("%d@0-1=x parens=0\n%d@2-11 parens=0\n%d@12-14 parens=0\n%d@17-18=2/0 parens=0\n"
                           "%d@19-21 parens=0\n",
                           IDENT, COMMENT, COMMENT, NUMBER, COMMENT);
    ck_assert_str_eq(scan_tokens(src, sizeof src - 1, true), tu_printf("%d@0-0 parens=0\n%s", START_FILE, want));
    char *plain = scan_tokens(src, sizeof src - 1, false);
    ck_assert_msg(!strstr(plain, tu_printf("%d@", COMMENT)), "%s", plain);
}
END_TEST

/* `{ tw1: 80, tw2: 81% }` right after `target 2024`, `realisasi 2024`
 * or `rencana 2024` is one token in a file (PERIOD_BLOCK, from '{' to
 * '}'); test_parser.c checks its values against the same block scanned
 * token by token.  Any other '{' is the one byte: after another word
 * (`data 2024`), with a value not written plainly, over two lines, for
 * fmt (comments kept), and in a file after its first error. */
START_TEST(test_period_block_token)
{
    static const char one[] = "target 2024 { tw1: 80, tw2: 81% }";
    char *got = scan_all(one, sizeof one - 1);
    ck_assert_msg(strstr(got, tu_printf("%d@12-33 parens=0\n", PERIOD_BLOCK)) != NULL, "%s", got);
    ck_assert_msg(!strstr(got, tu_printf("%d@", '{')), "%s", got);
    static const char *const not_one[] = {
        "data 2024 { tw1: 80, tw2: 81 }",          /* data, not a period's value */
        "target 2024 { tw1: -80, tw2: 81 }",       /* a negative value */
        "target 2024 { tw1: 80, tw2: \"x\" }",     /* a text */
        "target 2024 { tw1: 80,\n tw2: 81 }",      /* two lines */
        "target 2024 { tw1: 83,63 }",              /* a decimal comma: E0104 from its own rule */
        "target 2024 { tw5: 80 }",                 /* not a period */
        "target 2024 { tw1: Rp 1.5 }",             /* an amount money_parse has something to say about */
        "target 2024 { }",
        "target 2024 { tw1 : 80 }",
        "target 2024 { tw1: 80 tw2: 81 }",
        "83,5\ntarget 2024 { tw1: 80 }",           /* after an error (E0104) */
    };
    for (size_t i = 0; i < sizeof not_one / sizeof *not_one; i++) {
        char *t = scan_all(not_one[i], strlen(not_one[i]));
        ck_assert_msg(!strstr(t, tu_printf("%d@", PERIOD_BLOCK)) && strstr(t, tu_printf("%d@", '{')), "%s:\n%s",
                      not_one[i], t);
    }
    char *fmt = scan_tokens(one, sizeof one - 1, true);
    ck_assert_msg(!strstr(fmt, tu_printf("%d@", PERIOD_BLOCK)) && strstr(fmt, tu_printf("%d@", '{')), "%s", fmt);
}
END_TEST

/* Each keyword of the table (src/keywords.def; test_parser.c checks it
 * against the grammar) scans as its token, and one that starts a
 * top-level statement closes any open '(' (parens=0 after "( keyword").
 * A KW_CTX word is its token where an item starts ("{ kode"; stabil
 * only in "polaritas stabil") and a name elsewhere ("( kode", "{ kode:"). */
START_TEST(test_keyword_tokens)
{
    static const struct { const char *word; int tok; bool top, ctx; } kw[] = {
#define KW(tok, word, class, flags) {word, tok, ((flags) & KW_TOP) != 0, ((flags) & KW_CTX) != 0},
#include "keywords.def"
#undef KW
    };
    size_t nkw = 0;
    while (sakip_keywords[nkw]) nkw++;
    ck_assert_uint_eq(nkw, sizeof kw / sizeof *kw);
    for (size_t i = 0; i < sizeof kw / sizeof *kw; i++) {
        if (kw[i].ctx) {
            const char *as_name[] = {"( %s", "{ %s: 1", "x + %s", "mendukung %s"};
            for (size_t k = 0; k < 4; k++) {
                char *src = tu_printf(as_name[k], kw[i].word);
                char *got = scan_all(src, strlen(src));
                ck_assert_msg(!strstr(got, tu_printf("\n%d@", kw[i].tok)), "%s: %s", src, got);
            }
            /* stabil, a value, only right after polaritas; the others where an item starts */
            bool value = !strcmp(kw[i].word, "stabil");
            const char *before = value ? "polaritas" : "{";
            if (value) {
                char *src = tu_printf("{ %s \"1\"", kw[i].word);
                char *got = scan_all(src, strlen(src));
                ck_assert_msg(!strstr(got, tu_printf("\n%d@", kw[i].tok)), "%s: %s", src, got);
            }
            char *src = tu_printf("%s %s \"1\"", before, kw[i].word);
            char *got = scan_all(src, strlen(src));
            size_t at = strlen(before) + 1;
            ck_assert_msg(strstr(got, tu_printf("\n%d@%zu-%zu parens=0\n", kw[i].tok, at, at + strlen(kw[i].word))),
                          "%s: %s", src, got);
            continue;
        }
        char *src = tu_printf("( %s", kw[i].word);
        char *got = scan_all(src, strlen(src));
        char *want = tu_printf("\n%d@2-%zu parens=%d\n", kw[i].tok, 2 + strlen(kw[i].word), kw[i].top ? 0 : 1);
        ck_assert_msg(strstr(got, want), "%s: %s", kw[i].word, got);
        /* one letter more or less is a name */
        src = tu_printf("%sx %.*s", kw[i].word, (int)strlen(kw[i].word) - 1, kw[i].word);
        got = scan_all(src, strlen(src));
        ck_assert_msg(!strstr(got, tu_printf("\n%d@", kw[i].tok)), "%s: %s", src, got);
    }
}
END_TEST

/* Removes the "@start-end" spans from scan_all()'s lines. */
static char *without_spans(char *s)
{
    char *w = s;
    for (const char *r = s; *r;) {
        if (*r == '@') {
            r += 1 + strspn(r + 1, "0123456789");
            r += 1 + strspn(r + 1, "0123456789");
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
    return s;
}

/* A token scans the same at the start of the text and after a no-break
 * space, which a rule matches without returning a token. */
START_TEST(test_fast_paths_match_rules)
{
    static const char *const cases[] = {
        "\"Kecamatan Ambulu\"", "\"a \\\"b\\\" c\"", "\"unclosed {\n", "\"ends in \\",
        "\"x\\\ny\"", "nama_1 (", "Rpx", "Rp 1.000", "_x9", "S1.", "x#c\n",
        /* longer than the keyword in their hash slot (ASan once saw a read past it) */
        "kualitas", "penanggung_jawab_x", "komponenkomponen", "dana", "tahunan",
        /* numbers and one-byte tokens */
        "1", "83.63%", "80, 2024: 82", "75,5", "2021..2026", "1_000", "12abc", "83.63.1", "3.", "5,",
        "83.63,5", "(1,2)", "max(1,5)", "a<=b", "a<b", "x==y", "x=y", "a~=b", "{}", "-5", "1.5,x",
        "7;", "9}", "2*3/4+5-6", "10%", "1\n", "(((", ")))", "99999999999999999999999999999999999999",
        /* amounts */
        "Rp 4.492.070.793", "Rp1.000", "Rp  12", "Rp\t5", "Rp 0", "Rp 1000", "Rp 1.000,-", "Rp 1.000,50",
        "Rp 1.000.", "Rp 1.000,", "Rp 1.000,2024: 5", "Rp 1.0000", "Rp 12.34", "Rp 1,000,000", "Rp 1.000abc",
        "Rp 1.000 x", "Rp. 5", "Rp 1234.567", "Rp 999.999.999.999.999.999", "Rp 1.000.000.000.000.000.000",
        "Rp 9999999999999999999", "Rp 123456789012345678", "Rp", "Rp x", "Rp 1.000)", "(Rp 2.000 + Rp 3)",
        /* a longer name wins over the amount it starts with */
        "Rp000S1", "Rp1000x", "Rp12_3", "Rp1.000abc", "Rp 000S1", "Rp1000",
    };
    for (int k = 0; sakip_keywords[k]; k++) {
        /* a keyword that starts a declaration closes the open '(', and
         * then 1,5 is a decimal comma rather than two numbers */
        /* (a KW_CTX word is a keyword where an item starts: after '{') */
        /* (stabil only right after polaritas) */
        const char *open = keyword_flags(sakip_keywords[k], strlen(sakip_keywords[k])) & KW_CTX ? "{" : "(";
        if (!strcmp(sakip_keywords[k], "stabil")) open = "polaritas";
        char *plain = tu_printf("%s %s 1,5", open, sakip_keywords[k]);
        char *nbsp = tu_printf("%s \xC2\xA0%s 1,5", open, sakip_keywords[k]);
        char *a = scan_all(plain, strlen(plain)), *b = scan_all(nbsp, strlen(nbsp));
        size_t n = strlen(sakip_keywords[k]), at = strlen(open) + 1;
        int tok = sakip_keyword_tokens[k];
        ck_assert_msg(strstr(a, tu_printf("\n%d@%zu-%zu ", tok, at, at + n)), "keyword %s: %s", sakip_keywords[k], a);
        ck_assert_msg(strstr(b, tu_printf("\n%d@%zu-%zu ", tok, at + 2, at + 2 + n)), "keyword %s after no-break space: %s",
                      sakip_keywords[k], b);
        ck_assert_str_eq(without_spans(a), without_spans(b));
    }
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *nbsp = tu_printf("\xC2\xA0%s", cases[i]);
        char *a = scan_all(cases[i], strlen(cases[i])), *b = scan_all(nbsp, strlen(nbsp));
        ck_assert_msg(strcmp(without_spans(a), without_spans(b)) == 0, "case %zu: at the start\n%s\nafter a no-break space\n%s", i, a, b);
    }
}
END_TEST

/* locfile's lines (newlines counted sixteen bytes a step from a cursor)
 * agree with counting one by one: texts of every length up to 40 with
 * newlines at every offset pattern, CR and high bytes next to them, asked
 * forwards, then in a scrambled order, and each line's text. */
START_TEST(test_lines_match_count)
{
    static const char alphabet[] = {'\n', 'a', '\r', '\x8A', '\x0B', ' '};
    char text[41];
    int line_of[41], checked = 0;
    size_t line_start[42];
    for (unsigned seed = 1; seed < 1500; seed++) {
        unsigned s = seed;
        size_t len = seed % 41, nlines = 1;
        line_start[0] = 0;
        for (size_t i = 0; i < len; i++) {
            s = s * 1103515245u + 12345u;
            text[i] = alphabet[(s >> 16) % sizeof alphabet];
            if (text[i] == '\n') line_start[nlines++] = i + 1;
        }
        for (size_t off = 0, line = 1; off <= len; off++) {
            line_of[off] = (int)line;
            if (off < len && text[off] == '\n') line++;
        }
        LocFile *lf = locfile_new("t", text, len);
        for (size_t k = 0; k <= 2 * len + 1; k++) {
            /* offsets 0..len in order, then len+1 of them scrambled */
            size_t off = k <= len ? k : (k * 7919 + seed) % (len + 1);
            int l, c;
            locfile_pos(lf, (uint32_t)off, &l, &c);
            ck_assert_msg(l == line_of[off], "seed %u offset %zu: line %d, want %d", seed, off, l, line_of[off]);
            /* a column a byte: an invalid byte shows as one column */
            ck_assert_int_eq(c, (int)(off - line_start[l - 1]) + 1);
            ck_assert_int_eq(locfile_line_of(lf, (uint32_t)off), line_of[off]);
            checked++;
        }
        for (size_t l = nlines + 1; l-- > 1;) {
            size_t n, e = l < nlines ? line_start[l] - 1 : len;
            if (e > line_start[l - 1] && text[e - 1] == '\r') e--;
            const char *got = locfile_line(lf, (int)l, &n);
            ck_assert_msg(n == e - line_start[l - 1] && memcmp(got, text + line_start[l - 1], n) == 0,
                          "seed %u line %zu", seed, l);
        }
        size_t n;
        locfile_line(lf, (int)nlines + 1, &n);
        ck_assert_uint_eq(n, 0);
        locfile_free(lf);
        /* the line alone, with no locfile_pos between: its own cursor */
        lf = locfile_new("t", text, len);
        for (size_t k = 0; k <= 3 * len + 2; k++) {
            size_t off = k <= len ? k : (k * 7919 + seed * 31) % (len + 1);
            ck_assert_msg(locfile_line_of(lf, (uint32_t)off) == line_of[off], "seed %u offset %zu (line only)", seed,
                          off);
            checked++;
        }
        locfile_free(lf);
    }
    ck_assert_int_gt(checked, 40000);
    /* long texts: a byte counter is added up before 255 steps of 16
     * bytes; lines of 16 bytes (or empty ones) put a newline in the same
     * byte of every step */
    enum { LINES = 5000 };
    static const int widths[] = {16, 1, 23};
    for (size_t w = 0; w < sizeof widths / sizeof *widths; w++) {
        int width = widths[w];
        char *big = malloc((size_t)LINES * width);
        for (int l = 0; l < LINES; l++) {
            memset(big + l * width, 'x', (size_t)width - 1);
            big[l * width + width - 1] = '\n';
        }
        LocFile *lf = locfile_new("big", big, (size_t)LINES * width);
        int targets[] = {LINES, 1, 4100, 4099, LINES - 1, 17, LINES};
        for (size_t k = 0; k < sizeof targets / sizeof *targets; k++) {
            int l, c, want = targets[k];
            locfile_pos(lf, (uint32_t)((want - 1) * width + width / 2), &l, &c);
            ck_assert_msg(l == want, "width %d: line %d, want %d", width, l, want);
            ck_assert_int_eq(c, width / 2 + 1);
        }
        locfile_free(lf);
        free(big);
    }
    /* queries jumping back and forth (a label on line 2 for each of many
     * diagnostics): past four times the text counted, lines are indexed,
     * and positions and line texts stay right */
    enum { JUMP_LINES = 20000, JUMP_WIDTH = 10 };
    char *jt = malloc((size_t)JUMP_LINES * JUMP_WIDTH);
    for (int l = 0; l < JUMP_LINES; l++) {
        memset(jt + l * JUMP_WIDTH, 'a' + l % 26, JUMP_WIDTH - 1);
        jt[l * JUMP_WIDTH + JUMP_WIDTH - 1] = '\n';
    }
    LocFile *jf = locfile_new("jump", jt, (size_t)JUMP_LINES * JUMP_WIDTH);
    for (int l = 3; l <= JUMP_LINES; l += 7) {
        int line, col, want[2] = {l, 2};
        for (int k = 0; k < 2; k++) {
            locfile_pos(jf, (uint32_t)((want[k] - 1) * JUMP_WIDTH + 4), &line, &col);
            ck_assert_msg(line == want[k] && col == 5, "jump to %d: %d:%d", want[k], line, col);
        }
        size_t n;
        const char *text = locfile_line(jf, l, &n);
        ck_assert_msg(n == JUMP_WIDTH - 1 && text[0] == 'a' + (l - 1) % 26, "line %d's text", l);
    }
    ck_assert_ptr_nonnull(jf->line_start);   /* the index took over */
    locfile_free(jf);
    free(jt);
}
END_TEST


static Suite *lexer_suite(void)
{
    Suite *s = suite_create("lexer");
    TCase *tc = tcase_create("amounts");
    tcase_add_test(tc, test_rp_amounts);
    tcase_add_test(tc, test_rp_decimals_as_written);
    tcase_add_test(tc, test_rp_bad_grouping);
    tcase_add_test(tc, test_rp_english);
    tcase_add_test(tc, test_rp_too_long);
    suite_add_tcase(s, tc);

    tc = tcase_create("numbers");
    tcase_add_test(tc, test_decimal_comma_outside_rp);
    tcase_add_test(tc, test_year_lists_not_decimal_commas);
    tcase_add_test(tc, test_year_list_mixed_with_decimal_comma);
    tcase_add_test(tc, test_money_year_list_without_space);
    tcase_add_test(tc, test_decimal_comma_after_unclosed_paren);
    tcase_add_test(tc, test_tab_and_crlf_positions);
    tcase_add_test(tc, test_call_arguments_comma);
    tcase_add_test(tc, test_percent);
    tcase_add_test(tc, test_ranges);
    tcase_add_test(tc, test_spans_of_tokens);
    suite_add_tcase(s, tc);

    tc = tcase_create("text");
    tcase_add_test(tc, test_string_escapes);
    tcase_add_test(tc, test_string_unknown_escape);
    tcase_add_test(tc, test_string_unterminated);
    tcase_add_test(tc, test_comments);
    tcase_add_test(tc, test_comment_tokens);
    tcase_add_test(tc, test_period_block_token);
    suite_add_tcase(s, tc);

    tc = tcase_create("hostile");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_invalid_utf8_in_text);
    tcase_add_test(tc, test_invalid_utf8_columns_count_characters);
    tcase_add_test(tc, test_invalid_utf8_outside_text);
    tcase_add_test(tc, test_invalid_utf8_second_error_column);
    tcase_add_test(tc, test_long_identifier);
    tcase_add_test(tc, test_long_number);
    tcase_add_test(tc, test_nul_byte);
    tcase_add_test(tc, test_curly_quotes);
    tcase_add_test(tc, test_bad_byte_at_every_offset);
    tcase_add_test(tc, test_prefixes_without_backing_up);
    tcase_add_test(tc, test_fast_paths_match_rules);
    tcase_add_test(tc, test_keyword_tokens);
    tcase_add_test(tc, test_lines_match_count);
    tcase_add_test(tc, test_text_end_every_place);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(lexer_suite()); }
