/* test_eval.c -- meaning (src/eval.c, src/check.c): capaian per polarity
 * and range, the cap, undefined values, sasaran means, the budget roll-up
 * and serapan, skala bands and predikat, efisiensi, rules that replace
 * built-ins, rule cycles, `~=` under both roundings, type errors, the
 * aggregate functions and division by zero.  Every expected figure is
 * worked out by hand in the comment beside it. */
#include "testutil.h"
#include "numalloc.h"
#include "builtins.h"
#include "explain.h"

#include <ctype.h>

/* ---- sources ---- */

/* TU_HEADER (lines 1-4), `extra` (line 5), then sasaran S1 with one
 * indikator I1: its target is on line 9, its realisasi on line 10. */
static char *ind_file(const char *extra, const char *pol, const char *target, const char *realisasi)
{
    return tu_printf(TU_HEADER "%s\n"
                     "sasaran S1 \"Sasaran\" {\n"
                     "    indikator I1 \"Indikator\" {\n"
                     "        satuan \"%%\" polaritas %s\n"
                     "        target %s\n"
                     "        realisasi %s\n"
                     "        penanggung_jawab \"Seksi A\" sumber \"Survei\"\n"
                     "    }\n"
                     "}\n",
                     extra, pol, target, realisasi);
}

/* capaian(I1) of such a file, 2 decimals, Indonesian notation */
static char *capaian_of(const char *extra, const char *pol, const char *target, const char *realisasi)
{
    TU t;
    tu_open(&t, ind_file(extra, pol, target, realisasi));
    ck_assert_msg(diag_count_fatal(&t.dl) == 0, "diagnostics:%s", tu_dump(&t.dl));
    char *r = tu_capaian(&t, "I1");
    tu_close(&t);
    return r;
}

#define ASSERT_CAPAIAN(extra, pol, target, realisasi, expected)                                              \
    do {                                                                                                       \
        const char *got_ = capaian_of((extra), (pol), (target), (realisasi));                                 \
        ck_assert_msg(!strcmp(got_, (expected)), "capaian %s target %s realisasi %s [%s] = %s, expected %s", \
                      (pol), (target), (realisasi), (extra), got_, (expected));                              \
    } while (0)

#define ASSERT_EVAL(decls, expr, expected)                                                   \
    do {                                                                                       \
        const char *got_ = tu_eval_in((decls), (expr), NULL);                                 \
        ck_assert_msg(!strcmp(got_, (expected)), "%s = %s, expected %s", (expr), got_, (expected)); \
        ck_assert_msg(!strstr(got_, "nan"), "%s shows nan", (expr));                           \
    } while (0)

#define BAWAH "atur pembulatan = \"bawah\""

/* ---- capaian ---- */

START_TEST(test_capaian_positif)
{
    /* 83.63 / 82 * 100 = 101.98780.. */
    ASSERT_CAPAIAN("", "positif", "2024: 82", "2024: 83.63", "101,99");
    ASSERT_CAPAIAN(BAWAH, "positif", "2024: 82", "2024: 83.63", "101,98");
    ASSERT_CAPAIAN("", "positif", "2024: 100", "2024: 100", "100,00");
    ASSERT_CAPAIAN("", "positif", "2024: 100%", "2024: 93.5%", "93,50");
    ASSERT_CAPAIAN("", "positif", "2024: 4", "2024: 0", "0,00");
    /* 1 / 3 * 100 = 33.33.. ; 2 / 3 * 100 = 66.66.. */
    ASSERT_CAPAIAN("", "positif", "2024: 3", "2024: 1", "33,33");
    ASSERT_CAPAIAN("", "positif", "2024: 3", "2024: 2", "66,67");
}
END_TEST

START_TEST(test_capaian_exact_value)
{
    TU t;
    tu_open(&t, ind_file("", "positif", "2024: 82", "2024: 83.63"));
    Value v;
    value_init(&v);
    eval_capaian(&t.ev, tu_ent(&t, "I1"), 2024, &v);
    ck_assert_int_eq(v.kind, V_NUM);
    tu_assert_q(v.q, "8363/82");
    value_clear(&v);
    tu_close(&t);
}
END_TEST

START_TEST(test_capaian_negatif)
{
    /* (t - (r - t)) / t * 100 */
    ASSERT_CAPAIAN("", "negatif", "2024: 10", "2024: 8", "120,00");   /* (10 + 2) / 10 */
    ASSERT_CAPAIAN("", "negatif", "2024: 10", "2024: 12", "80,00");   /* (10 - 2) / 10 */
    ASSERT_CAPAIAN("", "negatif", "2024: 10", "2024: 10", "100,00");
    ASSERT_CAPAIAN("", "negatif", "2024: 10", "2024: 25", "-50,00");  /* (10 - 15) / 10 */
    ASSERT_CAPAIAN("", "negatif", "2024: 3", "2024: 2", "133,33");    /* 4 / 3 */
}
END_TEST

START_TEST(test_capaian_range_positif)
{
    ASSERT_CAPAIAN("", "positif", "2024: 80..90", "2024: 85", "100,00");
    ASSERT_CAPAIAN("", "positif", "2024: 80..90", "2024: 80", "100,00");
    ASSERT_CAPAIAN("", "positif", "2024: 80..90", "2024: 90", "100,00");
    /* above: 95 / 90 * 100 = 105.55.. */
    ASSERT_CAPAIAN("", "positif", "2024: 80..90", "2024: 95", "105,56");
    /* below: 72 / 80 * 100 = 90 */
    ASSERT_CAPAIAN("", "positif", "2024: 80..90", "2024: 72", "90,00");
}
END_TEST

START_TEST(test_capaian_range_negatif)
{
    ASSERT_CAPAIAN("", "negatif", "2024: 10..20", "2024: 15", "100,00");
    /* above: upper bound 20: (20 - 5) / 20 * 100 = 75 */
    ASSERT_CAPAIAN("", "negatif", "2024: 10..20", "2024: 25", "75,00");
    /* below: lower bound 10: (10 + 5) / 10 * 100 = 150 */
    ASSERT_CAPAIAN("", "negatif", "2024: 10..20", "2024: 5", "150,00");
}
END_TEST

START_TEST(test_capaian_cap)
{
    const char *cap = "atur batas_capaian = 120%";
    ASSERT_CAPAIAN(cap, "positif", "2024: 100", "2024: 150", "120,00");
    ASSERT_CAPAIAN(cap, "positif", "2024: 100", "2024: 110", "110,00");
    ASSERT_CAPAIAN(cap, "positif", "2024: 100", "2024: 120", "120,00");
    /* negatif (10 + 8) / 10 = 180 -> 120 */
    ASSERT_CAPAIAN(cap, "negatif", "2024: 10", "2024: 2", "120,00");
    /* without the setting, no cap */
    ASSERT_CAPAIAN("", "positif", "2024: 100", "2024: 150", "150,00");
}
END_TEST

START_TEST(test_capaian_cap_before_sasaran_mean)
{
    /* the cap applies to each indikator: mean(min(150,120), 100) = 110,
     * not min(mean(150, 100), 120) = 120 */
    TU t;
    tu_open(&t, TU_HEADER "atur batas_capaian = 120%\n"
                "sasaran S1 \"s\" {\n"
                "  indikator A \"a\" { satuan \"%\" polaritas positif target 2024: 100 realisasi 2024: 150 "
                "penanggung_jawab \"x\" sumber \"y\" }\n"
                "  indikator B \"b\" { satuan \"%\" polaritas positif target 2024: 100 realisasi 2024: 100 "
                "penanggung_jawab \"x\" sumber \"y\" }\n"
                "}\n");
    ck_assert_str_eq(tu_capaian(&t, "S1"), "110,00");
    tu_close(&t);
}
END_TEST

START_TEST(test_capaian_target_zero)
{
    TU t;
    tu_open(&t, ind_file("", "positif", "2024: 0", "2024: 5"));
    ck_assert_str_eq(tu_capaian(&t, "I1"), "-");
    /* line 9 "        target 2024: 0": the 0 is column 22 */
    tu_assert_diag_at(&t.dl, "E0504", 9, 22);
    ck_assert_int_eq(tu_find(&t.dl, "E0504")->level, DIAG_ERROR);
    ck_assert_str_eq(tu_predikat(&t, "I1"), "-");
    tu_close(&t);
    /* negatif: also undefined, not a division by zero crash */
    ck_assert_str_eq(capaian_of("", "negatif", "2024: 0", "2024: 5"), "-");
}
END_TEST

START_TEST(test_capaian_missing_year)
{
    TU t;
    /* no target for the reporting year 2024 */
    tu_open(&t, ind_file("", "positif", "2023: 80", "2023: 83.57, 2024: 85"));
    ck_assert_str_eq(tu_capaian(&t, "I1"), "-");
    ck_assert_msg(tu_find(&t.dl, "E0503") != NULL, "diagnostics:%s", tu_dump(&t.dl));
    Value v;
    value_init(&v);
    eval_capaian(&t.ev, tu_ent(&t, "I1"), 2024, &v);
    ck_assert_int_eq(v.kind, V_UNDEF);
    ck_assert_msg(v.text && strstr(v.text, "I1") && strstr(v.text, "2024"), "reason '%s'", v.text);
    value_clear(&v);
    /* 2023 has both: 83.57 / 80 * 100 = 104.4625 */
    ck_assert_str_eq(tu_capaian_year(&t, "I1", 2023), "104,46");
    tu_close(&t);

    /* no realisasi for 2024 */
    tu_open(&t, ind_file("", "positif", "2023: 80, 2024: 82", "2023: 83.57"));
    ck_assert_str_eq(tu_capaian(&t, "I1"), "-");
    ck_assert_str_eq(tu_capaian_year(&t, "I1", 2023), "104,46");
    tu_close(&t);
}
END_TEST

START_TEST(test_capaian_missing_is_reported_in_claims)
{
    TU t;
    tu_open(&t, tu_printf("%s%s", ind_file("", "positif", "2023: 80, 2024: 82", "2023: 83.57"),
                          "periksa capaian(I1) ~= 100%\n"));
    ck_assert_str_eq(tu_claim(&t, 0), "undefined");
    ck_assert_int_eq(check_claims(&t.ev, &t.dl), 1);
    Diag *d = tu_find(&t.dl, "E0802");
    ck_assert_msg(d != NULL, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_msg(strstr(d->msg, "I1") && strstr(d->msg, "realisasi"), "message '%s' does not name the input", d->msg);
    tu_close(&t);
}
END_TEST

/* ---- sasaran ---- */

static const char two_ind_src[] =
    TU_HEADER
    "sasaran S1 \"s\" {\n"
    "  indikator A \"a\" { satuan \"%\" polaritas positif target 2024: 82 realisasi 2024: 83.63 "
    "penanggung_jawab \"x\" sumber \"y\" }\n"
    "  indikator B \"b\" { satuan \"%\" polaritas positif target 2024: 100 realisasi 2024: 50 "
    "penanggung_jawab \"x\" sumber \"y\" }\n"
    "}\n"
    "sasaran S2 \"t\" {\n"
    "  indikator C \"c\" { satuan \"%\" polaritas positif target 2024: 100 realisasi 2024: 50 "
    "penanggung_jawab \"x\" sumber \"y\" }\n"
    "  indikator D \"d\" { satuan \"%\" polaritas positif target 2024: 100 realisasi 2023: 50 "
    "penanggung_jawab \"x\" sumber \"y\" }\n"
    "}\n";

START_TEST(test_sasaran_mean)
{
    TU t;
    tu_open(&t, two_ind_src);
    /* (8363/82 + 50) / 2 = 75.99390.. -> 75,99 (the mean of the rounded
     * parts, (101.99 + 50) / 2 = 75.995, would show 76,00) */
    ck_assert_str_eq(tu_capaian(&t, "S1"), "75,99");
    Value v;
    value_init(&v);
    eval_capaian(&t.ev, tu_ent(&t, "S1"), 2024, &v);
    tu_assert_q(v.q, "12463/164");   /* (8363 + 4100) / 164 */
    value_clear(&v);
    /* one indikator without a 2024 realisasi: the mean is undefined */
    ck_assert_str_eq(tu_capaian(&t, "S2"), "-");
    tu_close(&t);
}
END_TEST

/* capaian and serapan are remembered per set of what-ifs: a what-if
 * followed by eval_invalidate must be seen, and undoing it must bring
 * the old figures back. */
START_TEST(test_memo_follows_what_ifs)
{
    TU t;
    tu_open(&t, two_ind_src);
    ck_assert_str_eq(tu_capaian(&t, "A"), "101,99");   /* 83.63 / 82 */
    ck_assert_str_eq(tu_capaian(&t, "S1"), "75,99");
    mpq_t q;
    mpq_init(q);
    mpq_set_ui(q, 41, 1);
    YearVal yv = {.has_year = true, .year = 2024, .lo = expr_num(t.u, (Span){0}, q, 0, false, false)};
    Andai a = {.kind = ANDAI_REALISASI, .has_year = true, .year = 2024, .value = &yv};
    a.target.ent = tu_ent(&t, "A");
    vec_push(&t.ev.andai, &a);
    eval_invalidate(&t.ev);
    ck_assert_str_eq(tu_capaian(&t, "A"), "50,00");    /* 41 / 82 */
    ck_assert_str_eq(tu_capaian(&t, "S1"), "50,00");   /* (50 + 50) / 2 */
    t.ev.andai.len--;
    eval_invalidate(&t.ev);
    ck_assert_str_eq(tu_capaian(&t, "A"), "101,99");
    ck_assert_str_eq(tu_capaian(&t, "S1"), "75,99");
    mpq_clear(q);
    tu_close(&t);
}
END_TEST

/* The CLI's pool of cleared numbers (numpool_enable): a Value from it
 * starts at 0, Values taken together do not share limbs, and clearing
 * more than the pool keeps frees the rest.  (Each Check test runs in its
 * own process, so the pool stays off for the others.) */
START_TEST(test_value_pool)
{
    numpool_enable();
    enum { N = 1100 };
    static Value v[N];
    for (int i = 0; i < N; i++) {
        value_init(&v[i]);
        mpq_set_ui(v[i].q, (unsigned long)i * 1000003u, 7);   /* needs limbs of its own */
        mpq_canonicalize(v[i].q);
    }
    for (int i = 0; i < N; i++) value_clear(&v[i]);   /* 1024 kept, 76 freed */
    for (int i = 0; i < N; i++) {
        value_init(&v[i]);
        ck_assert_int_eq(mpq_sgn(v[i].q), 0);
        ck_assert_int_eq(v[i].kind, V_UNDEF);
        mpz_ui_pow_ui(mpq_numref(v[i].q), 3, 100 + (unsigned long)i);   /* grows the limbs */
    }
    for (int i = 0; i < N; i++) {
        mpz_t want;
        mpz_init(want);
        mpz_ui_pow_ui(want, 3, 100 + (unsigned long)i);
        ck_assert_int_eq(mpz_cmp(mpq_numref(v[i].q), want), 0);
        ck_assert_int_eq(mpz_cmp_ui(mpq_denref(v[i].q), 1), 0);
        mpz_clear(want);
        value_clear(&v[i]);
    }
}
END_TEST

/* ---- budget ---- */

static const char budget_src[] =
    TU_HEADER
    "sasaran S1 \"s1\" { indikator I1 \"i\" { satuan \"%\" polaritas positif target 2024: 82 realisasi 2024: 83.63 "
    "penanggung_jawab \"x\" sumber \"y\" } }\n"
    "sasaran S2 \"s2\" { indikator I2 \"i\" { satuan \"%\" polaritas positif target 2024: 100 realisasi 2024: 50 "
    "penanggung_jawab \"x\" sumber \"y\" } }\n"
    "sasaran S3 \"s3\" { indikator I3 \"i\" { satuan \"%\" polaritas positif target 2024: 100 realisasi 2024: 90 "
    "penanggung_jawab \"x\" sumber \"y\" } }\n"
    "sasaran S4 \"s4\" { indikator I4 \"i\" { satuan \"%\" polaritas positif target 2024: 100 realisasi 2024: 90 "
    "penanggung_jawab \"x\" sumber \"y\" } }\n"
    "program P1 \"p1\" {\n"
    "    mendukung S1, S2\n"
    "    kegiatan K1 \"k1\" {\n"
    "        subkegiatan SK1 \"a\" { anggaran Rp 1.000.000 realisasi Rp 900.000 }\n"
    "        subkegiatan SK2 \"b\" { anggaran Rp 500.000 realisasi Rp 500.000 }\n"
    "    }\n"
    "}\n"
    "program P2 \"p2\" {\n"
    "    mendukung S2\n"
    "    kegiatan K2 \"k2\" { subkegiatan SK3 \"c\" { anggaran Rp 500.000 realisasi Rp 100.000 } }\n"
    "}\n"
    "program P3 \"p3\" {\n"
    "    mendukung S3\n"
    "    kegiatan K3 \"k3\" { subkegiatan SK4 \"d\" { anggaran Rp 100 realisasi Rp 90 } }\n"
    "}\n";

START_TEST(test_serapan)
{
    TU t;
    tu_open(&t, budget_src);
    ck_assert_msg(diag_count_fatal(&t.dl) == 0, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_str_eq(tu_serapan(&t, "SK1"), "90,00");      /* 900.000 / 1.000.000 */
    ck_assert_str_eq(tu_serapan(&t, "SK2"), "100,00");
    ck_assert_str_eq(tu_serapan(&t, "K1"), "93,33");       /* 1.400.000 / 1.500.000 */
    ck_assert_str_eq(tu_serapan(&t, "P1"), "93,33");
    ck_assert_str_eq(tu_serapan(&t, "K2"), "20,00");       /* 100.000 / 500.000 */
    /* a sasaran: over every program that supports it */
    ck_assert_str_eq(tu_serapan(&t, "S1"), "93,33");
    ck_assert_str_eq(tu_serapan(&t, "S2"), "75,00");       /* 1.500.000 / 2.000.000 */
    ck_assert_str_eq(tu_serapan(&t, "S4"), "-");           /* no program */
    tu_close(&t);
}
END_TEST

START_TEST(test_budget_rollup)
{
    TU t;
    tu_open(&t, budget_src);
    ck_assert_str_eq(tu_anggaran(&t, "SK1"), "Rp 1.000.000");
    ck_assert_str_eq(tu_anggaran(&t, "K1"), "Rp 1.500.000");
    ck_assert_str_eq(tu_anggaran(&t, "P1"), "Rp 1.500.000");
    ck_assert_str_eq(tu_anggaran(&t, "S2"), "Rp 2.000.000");
    tu_close(&t);
    ASSERT_EVAL(budget_src + strlen(TU_HEADER), "realisasi(K1)", "Rp 1.400.000");
    ASSERT_EVAL(budget_src + strlen(TU_HEADER), "anggaran(P1) + anggaran(P2)", "Rp 2.000.000");
    ASSERT_EVAL(budget_src + strlen(TU_HEADER), "realisasi(P1) / anggaran(P1) * 100", "93,33");
}
END_TEST

START_TEST(test_budget_mismatch)
{
    TU t;
    tu_open(&t, TU_HEADER
                "program P1 \"p\" {\n"
                "    anggaran  Rp 1.500.000\n"
                "    realisasi Rp 1.400.000\n"
                "    kegiatan K1 \"k\" {\n"
                "        anggaran Rp 1.600.000\n"
                "        subkegiatan SK1 \"a\" { anggaran Rp 1.000.000 realisasi Rp 900.000 }\n"
                "        subkegiatan SK2 \"b\" { anggaran Rp 500.000 realisasi Rp 500.000 }\n"
                "    }\n"
                "}\n");
    /* only K1 is wrong: its subkegiatan add up to 1.500.000 */
    ck_assert_msg(tu_count(&t.dl, "E0603") == 1, "diagnostics:%s", tu_dump(&t.dl));
    Diag *d = tu_find(&t.dl, "E0603");
    ck_assert_msg(strstr(d->msg, "K1") && strstr(d->msg, "Rp 1.600.000") && strstr(d->msg, "Rp 1.500.000") &&
                      strstr(d->msg, "Rp 100.000"),
                  "message '%s'", d->msg);
    int line, col;
    tu_diag_pos(d, &line, &col);
    ck_assert_int_eq(line, 9);
    tu_close(&t);
}
END_TEST

START_TEST(test_budget_mismatch_by_one_sen)
{
    TU t;
    tu_open(&t, TU_HEADER
                "program P1 \"p\" {\n"
                "    anggaran Rp 1.500.000,01\n"
                "    kegiatan K1 \"k\" {\n"
                "        subkegiatan SK1 \"a\" { anggaran Rp 1.000.000 realisasi Rp 900.000 }\n"
                "        subkegiatan SK2 \"b\" { anggaran Rp 500.000 realisasi Rp 500.000 }\n"
                "    }\n"
                "}\n");
    ck_assert_msg(tu_count(&t.dl, "E0603") == 1, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_msg(strstr(tu_find(&t.dl, "E0603")->msg, "Rp 0,01"), "message '%s'", tu_find(&t.dl, "E0603")->msg);
    tu_close(&t);
}
END_TEST

START_TEST(test_serapan_zero_anggaran)
{
    ASSERT_EVAL("program P1 \"p\" { kegiatan K1 \"k\" { subkegiatan SK1 \"a\" { anggaran Rp 0 realisasi Rp 0 } } }",
                "serapan(SK1)", "-");
}
END_TEST

/* ---- skala and predikat ---- */

static char *predikat_of(const char *extra, const char *target, const char *realisasi)
{
    TU t;
    tu_open(&t, ind_file(extra, "positif", target, realisasi));
    ck_assert_msg(diag_count_fatal(&t.dl) == 0, "diagnostics:%s", tu_dump(&t.dl));
    char *r = tu_predikat(&t, "I1");
    tu_close(&t);
    return r;
}

#define ASSERT_PREDIKAT(extra, target, realisasi, expected)                                            \
    do {                                                                                                 \
        const char *got_ = predikat_of((extra), (target), (realisasi));                                 \
        ck_assert_msg(!strcmp(got_, (expected)), "predikat target %s realisasi %s [%s] = %s, expected %s", \
                      (target), (realisasi), (extra), got_, (expected));                                \
    } while (0)

START_TEST(test_builtin_skala_boundaries)
{
    /* target 100, so capaian = realisasi */
    ASSERT_PREDIKAT("", "2024: 100", "2024: 91", "Sangat Tinggi");
    ASSERT_PREDIKAT("", "2024: 100", "2024: 90.99", "Tinggi");
    ASSERT_PREDIKAT("", "2024: 100", "2024: 76", "Tinggi");
    ASSERT_PREDIKAT("", "2024: 100", "2024: 75.99", "Sedang");
    ASSERT_PREDIKAT("", "2024: 100", "2024: 66", "Sedang");
    ASSERT_PREDIKAT("", "2024: 100", "2024: 65.99", "Rendah");
    ASSERT_PREDIKAT("", "2024: 100", "2024: 51", "Rendah");
    ASSERT_PREDIKAT("", "2024: 100", "2024: 50.99", "Sangat Rendah");
    ASSERT_PREDIKAT("", "2024: 100", "2024: 0", "Sangat Rendah");
    ASSERT_PREDIKAT("", "2024: 100", "2024: 150", "Sangat Tinggi");
}
END_TEST

START_TEST(test_builtin_skala_exact_ratios)
{
    /* 100.1 / 110 * 100 = 91 exactly (in binary floating point it comes
     * out as 90.99999999999999) */
    ASSERT_PREDIKAT("", "2024: 110", "2024: 100.1", "Sangat Tinggi");
    /* 38 / 50 * 100 = 76 */
    ASSERT_PREDIKAT("", "2024: 50", "2024: 38", "Tinggi");
    /* 83.63 / 82 * 100 = 101.99 */
    ASSERT_PREDIKAT("", "2024: 82", "2024: 83.63", "Sangat Tinggi");
}
END_TEST

#define P86 \
    "skala p86 \"Skala\" { \"Sangat Tinggi\" : nilai >= 90  \"Tinggi\" : 76 <= nilai < 90  " \
    "\"Sedang\" : 66 <= nilai < 76  \"Rendah\" : 51 <= nilai < 66  \"Sangat Rendah\" : nilai < 51 }"

START_TEST(test_declared_skala)
{
    /* capaian 90: Sangat Tinggi under p86 (>= 90), Tinggi under the
     * built-in table (>= 91) */
    ASSERT_PREDIKAT(P86 " atur skala_capaian = p86", "2024: 100", "2024: 90", "Sangat Tinggi");
    ASSERT_PREDIKAT(P86, "2024: 100", "2024: 90", "Tinggi");
    ASSERT_PREDIKAT(P86 " atur skala_capaian = p86", "2024: 100", "2024: 89.99", "Tinggi");
    /* a skala with other labels */
    ASSERT_PREDIKAT("skala dua \"d\" { \"Tercapai\" : nilai >= 100  \"Belum\" : nilai < 100 } "
                    "atur skala_capaian = dua",
                    "2024: 82", "2024: 83.63", "Tercapai");
    ASSERT_EVAL(P86, "kategori(90, p86)", "Sangat Tinggi");
    ASSERT_EVAL(P86, "kategori(89.99, p86)", "Tinggi");
    ASSERT_EVAL(P86, "kategori(50.5, p86)", "Sangat Rendah");
}
END_TEST

START_TEST(test_skala_overlap_and_gap)
{
    TU t;
    tu_open(&t, TU_HEADER "skala s \"s\" { \"Sangat Tinggi\" : nilai >= 90  \"Tinggi\" : 76 <= nilai <= 90  "
                          "\"Sedang\" : 66 <= nilai <= 75  \"Rendah\" : nilai < 66 }\n");
    Diag *over = tu_find(&t.dl, "E0703"), *gap = tu_find(&t.dl, "E0704");
    ck_assert_msg(over && gap && tu_count(&t.dl, "E0703") == 1 && tu_count(&t.dl, "E0704") == 1,
                  "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_msg(strstr(over->msg, "Sangat Tinggi") && strstr(over->msg, "Tinggi") && strstr(over->msg, "90"),
                  "overlap message '%s'", over->msg);
    ck_assert_msg(strstr(gap->msg, "Sedang") && strstr(gap->msg, "Tinggi") && strstr(gap->msg, "75 < nilai < 76"),
                  "gap message '%s'", gap->msg);
    tu_close(&t);
}
END_TEST

/* ---- efisiensi and rules replacing built-ins ---- */

START_TEST(test_efisiensi_default)
{
    TU t;
    tu_open(&t, budget_src);
    ck_assert_str_eq(tu_efisiensi(&t, "S1"), "Efisien");          /* 101.99 > 93.33 */
    ck_assert_str_eq(tu_efisiensi(&t, "S2"), "Tidak Efisien");    /* 50 < 75 */
    ck_assert_str_eq(tu_efisiensi(&t, "S3"), "Tidak Efisien");    /* 90 = 90: not greater */
    ck_assert_str_eq(tu_efisiensi(&t, "S4"), "-");                /* no program supports S4 */
    ck_assert_msg(tu_find(&t.dl, "W0607") && tu_find(&t.dl, "W0607")->level == DIAG_WARNING, "diagnostics:%s",
                  tu_dump(&t.dl));
    tu_close(&t);
}
END_TEST

START_TEST(test_efisiensi_rule_replaces_builtin)
{
    char src[TU_STRMAX * 2];
    snprintf(src, sizeof src, "%saturan efisiensi(s) = jika serapan(s) < 80 maka \"Hemat\" lainnya \"Boros\"\n"
                              "periksa efisiensi(S1) == \"Boros\"\n"
                              "periksa efisiensi(S2) == \"Hemat\"\n",
             budget_src);
    TU t;
    tu_open(&t, src);
    ck_assert_msg(diag_count_fatal(&t.dl) == 0, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_str_eq(tu_efisiensi(&t, "S1"), "Boros");   /* serapan 93.33 */
    ck_assert_str_eq(tu_efisiensi(&t, "S2"), "Hemat");   /* serapan 75 */
    ck_assert_str_eq(tu_claim(&t, 0), "holds");
    ck_assert_str_eq(tu_claim(&t, 1), "holds");
    tu_close(&t);
}
END_TEST

START_TEST(test_predikat_rule_replaces_builtin)
{
    char src[TU_STRMAX * 2];
    snprintf(src, sizeof src, "%saturan predikat(x) = jika capaian(x) >= 100 maka \"Tercapai\" lainnya \"Belum\"\n"
                              "periksa predikat(I1) == \"Tercapai\"\n",
             budget_src);
    TU t;
    tu_open(&t, src);
    ck_assert_msg(diag_count_fatal(&t.dl) == 0, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_str_eq(tu_predikat(&t, "I1"), "Tercapai");   /* 101.99 */
    ck_assert_str_eq(tu_predikat(&t, "I2"), "Belum");      /* 50 */
    ck_assert_str_eq(tu_claim(&t, 0), "holds");
    tu_close(&t);
}
END_TEST

START_TEST(test_rule_with_params)
{
    ASSERT_EVAL("aturan rasio(a, b) = a / b * 100", "rasio(1, 8)", "12,50");
    ASSERT_EVAL("aturan dua = 2\naturan empat = dua * dua", "empat + 1", "5,00");
}
END_TEST

/* ---- rule cycles ---- */

START_TEST(test_rule_cycle)
{
    TU t;
    tu_open(&t, TU_HEADER "aturan a = b + 1\naturan b = c * 2\naturan c = a\nperiksa a == 1\n");
    ck_assert_msg(tu_count(&t.dl, "E0304") == 1, "diagnostics:%s", tu_dump(&t.dl));
    Diag *d = tu_find(&t.dl, "E0304");
    ck_assert_msg(strstr(d->msg, "a -> b -> c -> a"), "message '%s'", d->msg);
    /* evaluating it anyway ends, undefined */
    ck_assert_str_eq(tu_periksa_value(&t, 0), "-");
    tu_close(&t);
}
END_TEST

START_TEST(test_rule_self_recursion)
{
    TU t;
    tu_open(&t, TU_HEADER "aturan f(x) = f(x) + 1\nperiksa f(1) == 2\n");
    Diag *d = tu_find(&t.dl, "E0304");
    ck_assert_msg(d && strstr(d->msg, "f -> f"), "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_str_eq(tu_periksa_value(&t, 0), "-");
    tu_close(&t);
}
END_TEST

START_TEST(test_rule_cycle_through_builtin)
{
    /* a rule named capaian replaces the built-in; predikat uses capaian */
    TU t;
    tu_open(&t, ind_file("aturan capaian(x) = jika predikat(x) == \"Tinggi\" maka 100 lainnya 50", "positif",
                         "2024: 82", "2024: 83.63"));
    Diag *d = tu_find(&t.dl, "E0304");
    ck_assert_msg(d && strstr(d->msg, "capaian"), "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_str_eq(tu_capaian(&t, "I1"), "-");
    tu_close(&t);
}
END_TEST

/* ---- ~= ---- */

static const char *approx_claims =
    "periksa 101.99 ~= 102%\n"
    "periksa 102.768 ~= 102%\n"
    "periksa capaian(I1) ~= 102%\n"
    "periksa capaian(I1) ~= 101.99%\n"
    "periksa capaian(I1) ~= 101.98%\n";

START_TEST(test_approx_setengah_naik)
{
    TU t;
    tu_open(&t, tu_printf("%s%s", ind_file("", "positif", "2024: 82", "2024: 83.63"), approx_claims));
    ck_assert_msg(diag_count_fatal(&t.dl) == 0, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_str_eq(tu_claim(&t, 0), "holds");   /* 101.99 -> 102 */
    ck_assert_str_eq(tu_claim(&t, 1), "fails");   /* 102.768 -> 103 */
    ck_assert_str_eq(tu_claim(&t, 2), "holds");   /* 101.9878 -> 102 */
    ck_assert_str_eq(tu_claim(&t, 3), "holds");   /* -> 101.99 */
    ck_assert_str_eq(tu_claim(&t, 4), "fails");
    ck_assert_int_eq(check_claims(&t.ev, &t.dl), 2);
    ck_assert_int_eq(tu_count(&t.dl, "E0801"), 2);
    tu_close(&t);
}
END_TEST

START_TEST(test_approx_bawah)
{
    TU t;
    tu_open(&t, tu_printf("%s%s", ind_file(BAWAH, "positif", "2024: 82", "2024: 83.63"), approx_claims));
    ck_assert_msg(diag_count_fatal(&t.dl) == 0, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_str_eq(tu_claim(&t, 0), "fails");   /* 101.99 -> 101 */
    ck_assert_str_eq(tu_claim(&t, 1), "holds");   /* 102.768 -> 102 */
    ck_assert_str_eq(tu_claim(&t, 2), "fails");   /* 101.9878 -> 101 */
    ck_assert_str_eq(tu_claim(&t, 3), "fails");   /* -> 101.98 */
    ck_assert_str_eq(tu_claim(&t, 4), "holds");
    tu_close(&t);
}
END_TEST

START_TEST(test_approx_failure_report)
{
    TU t;
    tu_open(&t, TU_HEADER "periksa 102.768 ~= 102% pesan \"Tabel 3.2\"\n");
    ck_assert_int_eq(check_claims(&t.ev, &t.dl), 1);
    Diag *d = tu_find(&t.dl, "E0801");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->level, DIAG_ERROR);
    ck_assert_msg(tu_hint_has(d, "Tabel 3.2"), "hints %s", tu_hints(d));
    tu_close(&t);
}
END_TEST

START_TEST(test_approx_negative_literal)
{
    /* -2.345 rounds half away from zero to -2.35, toward zero to -2.34;
     * a negative number written out is a literal */
    TU t;
    tu_open(&t, TU_HEADER "periksa -2.345 ~= -2.35\n");
    ck_assert_msg(tu_count_errors(&t.dl) == 0, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_str_eq(tu_claim(&t, 0), "holds");
    tu_close(&t);
    tu_open(&t, TU_HEADER BAWAH "\nperiksa -2.345 ~= -2.34\n");
    ck_assert_msg(tu_count_errors(&t.dl) == 0, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_str_eq(tu_claim(&t, 0), "holds");
    tu_close(&t);
}
END_TEST

START_TEST(test_approx_money_with_sen)
{
    /* Rp 1.000,50 is written with 2 decimals: the left side is rounded to
     * the sen and compared */
    TU t;
    tu_open(&t, TU_HEADER "periksa Rp 1.000,50 ~= Rp 1.000,50\n"
                          "periksa jumlah(Rp 0,25, Rp 0,25) ~= Rp 0,50\n"
                          "periksa Rp 1.000 ~= Rp 1.000\n");
    ck_assert_msg(tu_count_errors(&t.dl) == 0, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_str_eq(tu_claim(&t, 2), "holds");
    ck_assert_str_eq(tu_claim(&t, 0), "holds");
    ck_assert_str_eq(tu_claim(&t, 1), "holds");
    tu_close(&t);
}
END_TEST

/* ---- types ---- */

START_TEST(test_type_error_text_plus_number)
{
    TU t;
    tu_open(&t, TU_HEADER "periksa \"a\" + 1 == 2\n");
    ck_assert_msg(tu_count(&t.dl, "E0401") == 1, "diagnostics:%s", tu_dump(&t.dl));
    tu_assert_diag_at(&t.dl, "E0401", 5, 13);   /* the '+' */
    tu_close(&t);
}
END_TEST

START_TEST(test_type_error_money_plus_number)
{
    TU t;
    tu_open(&t, TU_HEADER "periksa Rp 1 + 1 == Rp 2\n");
    ck_assert_msg(tu_count(&t.dl, "E0401") == 1, "diagnostics:%s", tu_dump(&t.dl));
    tu_assert_diag_at(&t.dl, "E0401", 5, 14);   /* the '+' */
    tu_close(&t);
}
END_TEST

START_TEST(test_type_errors_other_operators)
{
    static const struct { const char *expr; int col; } bad[] = {
        {"Rp 1 * Rp 2 == Rp 2", 14},    /* money * money */
        {"2 / Rp 1 == 1", 11},          /* number / money */
        {"\"a\" == 1", 13},             /* text == number */
        {"Rp 5 < 6", 14},               /* money < number */
        {"1 dan benar", 11},            /* number dan truth */
        {"Rp 5 - 1 == Rp 4", 14},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        TU t;
        tu_open(&t, tu_printf(TU_HEADER "periksa %s\n", bad[i].expr));
        Diag *d = tu_find(&t.dl, "E0401");
        ck_assert_msg(d != NULL, "'%s': no E0401:%s", bad[i].expr, tu_dump(&t.dl));
        int line, col;
        tu_diag_pos(d, &line, &col);
        ck_assert_msg(line == 5 && col == bad[i].col, "'%s': E0401 at %d:%d, expected 5:%d", bad[i].expr, line, col,
                      bad[i].col);
        tu_close(&t);
    }
}
END_TEST

START_TEST(test_type_error_at_run_time)
{
    /* x is a parameter, so only evaluation sees the text: the error is
     * still at the '+' (line 5 "aturan f(x) = x + 1", column 17) */
    TU t;
    tu_open(&t, TU_HEADER "aturan f(x) = x + 1\nperiksa f(\"a\") == 2\n");
    ck_assert_msg(diag_count_fatal(&t.dl) == 0, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_str_eq(tu_claim(&t, 0), "undefined");
    tu_assert_diag_at(&t.dl, "E0401", 5, 17);
    tu_close(&t);
}
END_TEST

START_TEST(test_money_arithmetic_kinds)
{
    ASSERT_EVAL(NULL, "Rp 10 / 4", "Rp 2,50");           /* money / number -> money */
    ASSERT_EVAL(NULL, "Rp 10 / Rp 4", "2,50");           /* money / money -> number */
    ASSERT_EVAL(NULL, "Rp 1.000 * 3", "Rp 3.000");
    ASSERT_EVAL(NULL, "3 * Rp 1.000", "Rp 3.000");
    ASSERT_EVAL(NULL, "Rp 4.492.070.793 - Rp 4.492.070.792,99", "Rp 0,01");
    ASSERT_EVAL(NULL, "Rp 9.999.999.999.999.999,99 + Rp 0,01", "Rp 10.000.000.000.000.000");
}
END_TEST

/* ---- built-in functions ---- */

START_TEST(test_bulat)
{
    ASSERT_EVAL(NULL, "bulat(2.345, 2)", "2,35");
    ASSERT_EVAL(BAWAH, "bulat(2.345, 2)", "2,34");
    ASSERT_EVAL(NULL, "bulat(-2.345, 2)", "-2,35");
    ASSERT_EVAL(BAWAH, "bulat(-2.345, 2)", "-2,34");
    ASSERT_EVAL(NULL, "bulat(102.768, 0)", "103,00");
    ASSERT_EVAL(BAWAH, "bulat(102.768, 0)", "102,00");
    ASSERT_EVAL(NULL, "bulat(0.005, 2) == 0.01", "benar");
    ASSERT_EVAL(BAWAH, "bulat(0.005, 2) == 0", "benar");
}
END_TEST

START_TEST(test_aggregates)
{
    ASSERT_EVAL(NULL, "jumlah(1, 2, 3.5)", "6,50");
    ASSERT_EVAL(NULL, "jumlah(0.1, 0.2) == 0.3", "benar");   /* exact */
    ASSERT_EVAL(NULL, "jumlah(Rp 1.000, Rp 2.000,50)", "Rp 3.000,50");
    ASSERT_EVAL(NULL, "rata(1, 2, 4)", "2,33");              /* 7/3 */
    ASSERT_EVAL(NULL, "rata(1, 2, 4) * 3 == 7", "benar");    /* still exact */
    ASSERT_EVAL(NULL, "rata(Rp 1, Rp 2)", "Rp 1,50");
    ASSERT_EVAL(NULL, "min(3, 1, 2)", "1,00");
    ASSERT_EVAL(NULL, "max(3, 1, 2)", "3,00");
    ASSERT_EVAL(NULL, "min(-1, -5)", "-5,00");
    ASSERT_EVAL(NULL, "max(Rp 1.000, Rp 999)", "Rp 1.000");
    ASSERT_EVAL(NULL, "max(7)", "7,00");
    ASSERT_EVAL(NULL, "rata(1, 1 / 0)", "-");
}
END_TEST

START_TEST(test_aggregate_type_error)
{
    size_t errors = 0;
    tu_eval_in(NULL, "jumlah(1, Rp 1)", &errors);
    ck_assert_msg(errors >= 1, "jumlah(1, Rp 1) gave no error");
    TU t;
    tu_open(&t, TU_HEADER "periksa max(1, \"a\") == 1\n");
    ck_assert_msg(tu_find(&t.dl, "E0401") != NULL, "diagnostics:%s", tu_dump(&t.dl));
    tu_close(&t);
}
END_TEST

START_TEST(test_division_by_zero)
{
    ASSERT_EVAL(NULL, "1 / 0", "-");
    ASSERT_EVAL(NULL, "0 / 0", "-");
    ASSERT_EVAL(NULL, "1 / 0 + 1", "-");
    ASSERT_EVAL(NULL, "Rp 1 / 0", "-");
    ASSERT_EVAL(NULL, "Rp 1 / Rp 0", "-");
    ASSERT_EVAL(NULL, "bulat(1 / 0, 2)", "-");
    ASSERT_EVAL(NULL, "jika 1 / 0 > 1 maka 1 lainnya 2", "-");
    ASSERT_EVAL(NULL, "1 / (2 - 2)", "-");
    /* and nothing shows "nan": the display of an undefined value is "-" */
    Value v;
    value_init(&v);
    value_undef(&v, "test");
    Buf b;
    buf_init(&b);
    value_format(&b, &v, 2, ROUND_HALF_UP, NOTATION_ID);
    ck_assert_str_eq(b.data, "-");
    buf_free(&b);
    value_clear(&v);
}
END_TEST

START_TEST(test_division_by_zero_in_rumus)
{
    /* rumus = selesai / masuk * 100 with masuk 0: realisasi, capaian and
     * predikat are undefined, never nan */
    TU t;
    tu_open(&t, TU_HEADER
                "sasaran S1 \"s\" { indikator I1 \"i\" { satuan \"%\" polaritas positif\n"
                "    rumus = selesai / masuk * 100\n"
                "    data 2024 { selesai: 0, masuk: 0 }\n"
                "    target 2024: 100%  penanggung_jawab \"a\" sumber \"b\" } }\n");
    ck_assert_msg(diag_count_fatal(&t.dl) == 0, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_str_eq(tu_capaian(&t, "I1"), "-");
    ck_assert_str_eq(tu_predikat(&t, "I1"), "-");
    ck_assert_str_eq(tu_capaian(&t, "S1"), "-");
    tu_close(&t);
}
END_TEST

START_TEST(test_division_by_zero_claim)
{
    TU t;
    tu_open(&t, TU_HEADER "periksa 1 / 0 == 1\n");
    ck_assert_str_eq(tu_claim(&t, 0), "undefined");
    ck_assert_int_eq(check_claims(&t.ev, &t.dl), 1);
    Diag *d = tu_find(&t.dl, "E0802");
    ck_assert_msg(d && !strstr(d->msg, "nan"), "diagnostics:%s", tu_dump(&t.dl));
    tu_close(&t);
}
END_TEST

/* ---- names ---- */

START_TEST(test_unknown_name_hint)
{
    TU t;
    tu_open(&t, tu_printf("%s%s", ind_file("", "positif", "2024: 82", "2024: 83.63"),
                          "periksa capaian(I2) ~= 100%\n"));
    Diag *d = tu_find(&t.dl, "E0301");
    ck_assert_msg(d != NULL, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_msg(tu_hint_has(d, "did you mean 'I1'?"), "hints %s", tu_hints(d));
    /* line 14 "periksa capaian(I2) ...": I2 at column 17 */
    tu_assert_diag_at(&t.dl, "E0301", 14, 17);
    tu_close(&t);
}
END_TEST

START_TEST(test_duplicate_name)
{
    TU t;
    tu_open(&t, tu_printf("%s%s", ind_file("", "positif", "2024: 82", "2024: 83.63"),
                          "program I1 \"p\" { kegiatan K \"k\" { subkegiatan SK \"s\" { anggaran Rp 1 realisasi Rp 1 } } }\n"));
    ck_assert_msg(tu_count(&t.dl, "E0302") == 1, "diagnostics:%s", tu_dump(&t.dl));
    tu_assert_diag_at(&t.dl, "E0302", 14, 9);   /* "program I1" on line 14 */
    tu_close(&t);
}
END_TEST

/* ---- LANGUAGE.md §3 example, evaluated (without its impor line) ---- */

static const char spec_example[] =
    "instansi \"Kecamatan Ambulu\" {\n"
    "    induk   \"Kabupaten Jember\"\n"
    "    tahun   2024\n"
    "    periode 2021..2026\n"
    "}\n"
    "skala p86 \"Skala\" {\n"
    "    \"Sangat Tinggi\" : nilai >= 90\n"
    "    \"Tinggi\"        : 76 <= nilai < 90\n"
    "    \"Sedang\"        : 66 <= nilai < 76\n"
    "    \"Rendah\"        : 51 <= nilai < 66\n"
    "    \"Sangat Rendah\" : nilai < 51\n"
    "}\n"
    "atur skala_capaian = p86\n"
    "atur batas_capaian = 120%\n"
    "tujuan T1 \"T\" { misi \"M\" }\n"
    "sasaran S2 \"S\" {\n"
    "    tujuan T1\n"
    "    indikator IKM \"Indeks Kepuasan Masyarakat\" {\n"
    "        satuan    \"indeks\"\n"
    "        polaritas positif\n"
    "        target    2023: 80, 2024: 82, 2025: 82, 2026: 85\n"
    "        realisasi 2022: 72, 2023: 83.57, 2024: 83.63\n"
    "        penanggung_jawab \"Seksi Pemerintahan\", \"Seksi Pelayanan Umum\"\n"
    "        sumber    \"SUKMA-E\"\n"
    "    }\n"
    "}\n"
    "sasaran S4 \"T\" {\n"
    "    indikator TRANTIB \"Persentase\" {\n"
    "        satuan    \"%\"\n"
    "        polaritas positif\n"
    "        rumus     = selesai / masuk * 100\n"
    "        data 2024 { selesai: 14, masuk: 14 }\n"
    "        target    2024: 100%\n"
    "    }\n"
    "}\n"
    "program P4 \"K\" {\n"
    "    mendukung S4\n"
    "    kegiatan K4_1 \"K\" {\n"
    "        subkegiatan SK4_1_1 \"K\" {\n"
    "            anggaran  Rp 273.664.376\n"
    "            realisasi Rp 244.304.640\n"
    "            keluaran \"Jumlah Laporan\" { satuan \"laporan\"  target 12  realisasi 12 }\n"
    "        }\n"
    "    }\n"
    "}\n"
    "aturan efisiensi(s) = jika capaian(s) > serapan(s) maka \"Efisien\" lainnya \"Tidak Efisien\"\n"
    "periksa capaian(IKM) ~= 102%                   pesan \"Tabel 3.2\"\n"
    "periksa predikat(IKM) == \"Tinggi\"              pesan \"Tabel 3.7\"\n"
    "periksa serapan(P4) ~= 89.27%\n";

START_TEST(test_spec_example_values)
{
    TU t;
    tu_open(&t, spec_example);
    ck_assert_msg(diag_count_fatal(&t.dl) == 0, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_str_eq(tu_capaian(&t, "IKM"), "101,99");
    ck_assert_str_eq(tu_predikat(&t, "IKM"), "Sangat Tinggi");   /* >= 90 in p86 */
    ck_assert_str_eq(tu_capaian(&t, "TRANTIB"), "100,00");       /* 14 / 14 * 100 */
    ck_assert_str_eq(tu_capaian(&t, "S4"), "100,00");
    /* 244.304.640 / 273.664.376 * 100 = 89.2716.. */
    ck_assert_str_eq(tu_serapan(&t, "P4"), "89,27");
    ck_assert_str_eq(tu_efisiensi(&t, "S4"), "Efisien");        /* 100 > 89.27 */
    ck_assert_str_eq(tu_efisiensi(&t, "S2"), "-");              /* no program supports S2 */
    /* capaian_renstra: 83.63 / 85 (the 2026 target) * 100 = 98.388.. */
    Value v;
    value_init(&v);
    eval_capaian_renstra(&t.ev, tu_ent(&t, "IKM"), &v);
    ck_assert_str_eq(tu_value_str(&t.ev, &v), "98,39");
    value_clear(&v);
    /* 2023: 83.57 / 80 * 100 = 104.4625 */
    ck_assert_str_eq(tu_capaian_year(&t, "IKM", 2023), "104,46");
    tu_close(&t);
}
END_TEST

START_TEST(test_spec_example_claims)
{
    TU t;
    tu_open(&t, spec_example);
    ck_assert_str_eq(tu_claim(&t, 0), "holds");
    ck_assert_str_eq(tu_claim(&t, 1), "fails");   /* 101.99 is "Sangat Tinggi" */
    ck_assert_str_eq(tu_claim(&t, 2), "holds");
    ck_assert_int_eq(check_claims(&t.ev, &t.dl), 1);
    Diag *d = tu_find(&t.dl, "E0801");
    ck_assert_ptr_nonnull(d);
    ck_assert_msg(strstr(d->msg, "Sangat Tinggi") && tu_hint_has(d, "Tabel 3.7"), "message '%s' hints %s", d->msg,
                  tu_hints(d));
    tu_close(&t);
}
END_TEST

/* atas(r), bawah(r): the bounds of a range (sakip(5), ranges); an
 * indikator stands for its target of the year, atas(x, t).  target(x, t)
 * of a range target is the range (version 2). */
START_TEST(test_atas)
{
    const char *decls = "sasaran S1 \"S\" {\n"
                        "    indikator I1 \"I\" {\n"
                        "        satuan \"%\" polaritas positif\n"
                        "        target 2023: 70, 2024: 80..90\n"
                        "        realisasi 2024: 85\n"
                        "    }\n"
                        "    indikator U \"Uang\" {\n"
                        "        satuan \"Rp\" polaritas positif\n"
                        "        target 2024: Rp 1.500.000\n"
                        "        realisasi 2024: Rp 1.000.000\n"
                        "    }\n"
                        "}\n";
    /* the range 80..90 of 2024 (the year evaluated): 90 above, 80 below */
    ASSERT_EVAL(decls, "atas(I1)", "90,00");
    ASSERT_EVAL(decls, "bawah(I1)", "80,00");
    ASSERT_EVAL(decls, "target(I1)", "80,00..90,00");
    ASSERT_EVAL(decls, "atas(target(I1))", "90,00");
    ASSERT_EVAL(decls, "bawah(target(I1))", "80,00");
    ASSERT_EVAL(decls, "target(I1) == 80..90", "benar");
    ASSERT_EVAL(decls, "target(I1) == 80", "salah");   /* a range is no number */
    ASSERT_EVAL(decls, "target(I1) != 80", "benar");
    ASSERT_EVAL(decls, "atas(80%..90%)", "90,00");
    ASSERT_EVAL(decls, "atas(I1, 2024) - bawah(I1, 2024)", "10,00");
    /* a single target is its own upper bound: 70 in 2023 */
    ASSERT_EVAL(decls, "atas(I1, 2023)", "70,00");
    ASSERT_EVAL(decls, "atas(I1, 2023) == target(I1, 2023)", "benar");
    /* an amount stays an amount, and adds to one */
    ASSERT_EVAL(decls, "atas(U) + Rp 500.000", "Rp 2.000.000");
    /* no target for 2022: undefined, with the reason */
    ASSERT_EVAL(decls, "atas(I1, 2022)", "-");
    /* only an indikator has a target */
    size_t errors;
    tu_eval_in(decls, "atas(S1)", &errors);
    ck_assert_uint_gt(errors, 0);

    /* jelaskan shows the range it came from, with its line */
    TU t;
    tu_open(&t, tu_printf(TU_HEADER "%s\nperiksa atas(I1) == 90\n", decls));
    ck_assert_msg(diag_count_fatal(&t.dl) == 0, "diagnostics:%s", tu_dump(&t.dl));
    Periksa *p = t.u->periksa.items[0];
    Buf b;
    buf_init(&b);
    explain_expr(&t.ev, p->expr, &b);
    ck_assert_msg(strstr(b.data, "atas(I1) = 90\n") && strstr(b.data, "  target(I1, 2024) = 80..90   [t.sakip:8]\n"),
                  "jelaskan:\n%s", b.data);
    buf_free(&b);
    tu_close(&t);
}
END_TEST

/* ---- the built-in registry (src/builtins.c) ---- */

/* k arguments "1, 1, ..." */
static const char *ones(int k)
{
    static char buf[64];
    buf[0] = '\0';
    for (int i = 0; i < k; i++) strcat(buf, i ? ", 1" : "1");
    return buf;
}

/* Checks `aturan f = name(k ones)`; the body's call in *call. */
static Unit *load_call(const char *name, int k, DiagList *dl, const Expr **call)
{
    Unit *u = tu_load(tu_printf(TU_HEADER "aturan f = %s(%s)\n", name, ones(k)), dl);
    Entity *f = unit_lookup(u, "f");
    ck_assert_msg(f && f->kind == ENT_ATURAN && ent_aturan(f)->body && ent_aturan(f)->body->kind == EX_CALL, "%s(%s) is no call", name, ones(k));
    *call = ent_aturan(f)->body;
    return u;
}

/* Every row's name, written in a file that check reads, is that row: the
 * parser names it, check resolves it without E0308 and holds it to the
 * row's arity (E0307 one below and one above). */
START_TEST(test_registry_resolves_in_check)
{
    ck_assert_uint_gt(builtins_count, 0);
    for (size_t i = 0; i < builtins_count; i++) {
        const Builtin *b = &builtins[i];
        ck_assert_msg(b->eval && b->signature && b->doc, "row %s is incomplete", b->name);
        ck_assert_msg(!strncmp(b->signature, b->name, strlen(b->name)) && b->signature[strlen(b->name)] == '(',
                      "signature '%s' of %s", b->signature, b->name);
        DiagList dl;
        const Expr *call;
        Unit *u = load_call(b->name, b->min, &dl, &call);
        ck_assert_msg(call->u.call.builtin == (BuiltinId)(i + 1) && !call->u.call.rule, "%s is not row %zu", b->name, i);
        ck_assert_ptr_eq(builtin_get(call->u.call.builtin), b);
        ck_assert_str_eq(builtin_name(call->u.call.builtin), b->name);
        ck_assert_msg(!tu_find(&dl, "E0308") && !tu_find(&dl, "E0307"), "%s(%s):%s", b->name, ones(b->min), tu_dump(&dl));
        tu_free(u, &dl);

        int wrong[2] = {b->min - 1, b->max >= 0 ? b->max + 1 : -1};
        for (int w = 0; w < 2; w++) {
            if (wrong[w] < 0) continue;
            u = load_call(b->name, wrong[w], &dl, &call);
            Diag *d = tu_find(&dl, "E0307");
            ck_assert_msg(d && strstr(d->msg, b->name), "%s(%s) takes %d..%d arguments:%s", b->name, ones(wrong[w]),
                          b->min, b->max, tu_dump(&dl));
            ck_assert_msg(!tu_find(&dl, "E0308"), "%s(%s):%s", b->name, ones(wrong[w]), tu_dump(&dl));
            tu_free(u, &dl);
        }
        /* a variable number of arguments: many are fine */
        if (b->max < 0) {
            u = load_call(b->name, 9, &dl, &call);
            ck_assert_msg(!tu_find(&dl, "E0307"), "%s(%s):%s", b->name, ones(9), tu_dump(&dl));
            tu_free(u, &dl);
        }
    }
    /* and a name that is no row is no function */
    DiagList dl;
    const Expr *call;
    Unit *u = load_call("capaianx", 1, &dl, &call);
    ck_assert(call->u.call.builtin == BI_NONE && tu_find(&dl, "E0308"));
    tu_free(u, &dl);
    ck_assert(builtin_get(BI_NONE) == NULL && builtin_id("tidak_ada") == BI_NONE);
}
END_TEST

/* The text of path under $srcdir (caller frees), or NULL: the manuals,
 * and the sources whose layering is checked below. */
static char *read_doc(const char *path)
{
    const char *dir = getenv("srcdir");
    char *full = (char *)tu_printf("%s/%s", dir && *dir ? dir : ".", path);
    FILE *f = fopen(full, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0, r;
    char *s = malloc(cap + 1);
    while ((r = fread(s + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) s = realloc(s, (cap *= 2) + 1);
    }
    fclose(f);
    s[n] = '\0';
    return s;
}

static bool word_call_in(const char *from, const char *to, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = from; (p = strstr(p, name)) && p < to; p++)
        if (p[n] == '(' && (p == from || !(isalnum((unsigned char)p[-1]) || p[-1] == '_'))) return true;
    return false;
}

/* The function lists of doc/sakip.5.in and doc/sakip.texi and the registry
 * name the same functions. */
START_TEST(test_registry_matches_docs)
{
    char *man = read_doc("doc/sakip.5.in"), *texi = read_doc("doc/sakip.texi");
    ck_assert_msg(man && texi, "doc/sakip.5.in and doc/sakip.texi under $srcdir");
    const char *m0 = strstr(man, ".SH BUILT-IN FUNCTIONS");
    ck_assert(m0);
    const char *m1 = strstr(m0 + 1, "\n.SH ");
    const char *t0 = strstr(texi, "@section Built-in functions");
    ck_assert(t0);
    const char *t1 = strstr(t0, "@end table");
    ck_assert(t1);
    for (size_t i = 0; i < builtins_count; i++) {
        ck_assert_msg(word_call_in(m0, m1 ? m1 : m0 + strlen(m0), builtins[i].name), "doc/sakip.5.in lacks %s", builtins[i].name);
        ck_assert_msg(word_call_in(t0, t1, builtins[i].name), "doc/sakip.texi lacks %s", builtins[i].name);
    }
    /* each @item/@itemx of the texi table is a row */
    for (const char *p = t0; (p = strstr(p, "\n@item")) && p < t1; p++) {
        const char *w = p + strlen("\n@item");
        if (*w == 'x') w++;
        if (*w != ' ') continue;
        w++;
        size_t n = strcspn(w, "(\n");
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)n, w);
        ck_assert_msg(builtin_id(name) != BI_NONE, "doc/sakip.texi lists '%s', no built-in", name);
    }
    free(man);
    free(texi);
}
END_TEST

/* ---- the layers (doc/hacking.md) ---- */

/* Whether the text has `word` where an identifier starts. */
static const char *find_word(const char *text, const char *word)
{
    for (const char *p = text; (p = strstr(p, word)); p++)
        if (p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_')) return p;
    return NULL;
}

/* The core returns data and diagnostics: it never prints nor exits. */
START_TEST(test_core_does_not_print)
{
    static const char *const core[] = {"src/ast.c", "src/names.c", "src/num.c", "src/numalloc.c", "src/value.c",
                                       "src/eval.c", "src/builtins.c", "src/explain.c", "src/check.c", "src/parse.c",
                                       "src/survei.c", "src/load.c", NULL};
    static const char *const output[] = {"printf(", "fprintf(", "puts(", "fputs(", "putchar(", "fputc(", "fwrite(",
                                         "stdout", "stderr", "exit(", "abort(", NULL};
    for (int i = 0; core[i]; i++) {
        char *text = read_doc(core[i]);
        ck_assert_msg(text, "%s under $srcdir", core[i]);
        for (int k = 0; output[k]; k++) {
            const char *at = find_word(text, output[k]);
            ck_assert_msg(!at, "%s uses %s: %.60s", core[i], output[k], at);
        }
        free(text);
    }
}
END_TEST

/* Which module may include which: the tree (ast) knows no evaluator, the
 * evaluator no checker or parser, and no core module a front end. */
START_TEST(test_layers_include_only_below)
{
    static const char *const base = " util.h locfile.h diag.h i18n.h num.h numalloc.h names.h kinds.def ";
    static const struct {
        const char *file, *may;   /* may: the headers it may include beyond base */
    } rules[] = {
        {"src/ast.h", ""},
        {"src/ast.c", " ast.h "},
        {"src/value.h", " ast.h "},
        {"src/value.c", " value.h ast.h "},
        {"src/builtins.h", " ast.h "},
        {"src/eval.h", " ast.h value.h builtins.h "},
        {"src/eval.c", " eval.h ast.h value.h builtins.h "},
        {"src/explain.h", " eval.h "},
        {"src/explain.c", " explain.h eval.h "},
        {"src/builtins.c", " builtins.h eval.h explain.h "},
        {"src/check.h", " ast.h eval.h "},
        {"src/check.c", " check.h eval.h builtins.h parse.h survei.h "},
    };
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        char *text = read_doc(rules[i].file);
        ck_assert_msg(text, "%s under $srcdir", rules[i].file);
        for (const char *p = text; (p = strstr(p, "#include \"")); p++) {
            p += strlen("#include \"");
            char hdr[80];
            snprintf(hdr, sizeof hdr, " %.*s ", (int)strcspn(p, "\""), p);
            ck_assert_msg(strstr(base, hdr) || strstr(rules[i].may, hdr), "%s includes%s", rules[i].file, hdr);
        }
        free(text);
    }
}
END_TEST

static Suite *eval_suite(void)
{
    Suite *s = suite_create("eval");
    TCase *tc = tcase_create("capaian");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_capaian_positif);
    tcase_add_test(tc, test_capaian_exact_value);
    tcase_add_test(tc, test_capaian_negatif);
    tcase_add_test(tc, test_capaian_range_positif);
    tcase_add_test(tc, test_capaian_range_negatif);
    tcase_add_test(tc, test_capaian_cap);
    tcase_add_test(tc, test_capaian_cap_before_sasaran_mean);
    tcase_add_test(tc, test_capaian_target_zero);
    tcase_add_test(tc, test_capaian_missing_year);
    tcase_add_test(tc, test_capaian_missing_is_reported_in_claims);
    tcase_add_test(tc, test_sasaran_mean);
    tcase_add_test(tc, test_memo_follows_what_ifs);
    tcase_add_test(tc, test_value_pool);
    suite_add_tcase(s, tc);

    tc = tcase_create("budget");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_serapan);
    tcase_add_test(tc, test_budget_rollup);
    tcase_add_test(tc, test_budget_mismatch);
    tcase_add_test(tc, test_budget_mismatch_by_one_sen);
    tcase_add_test(tc, test_serapan_zero_anggaran);
    suite_add_tcase(s, tc);

    tc = tcase_create("skala");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_builtin_skala_boundaries);
    tcase_add_test(tc, test_builtin_skala_exact_ratios);
    tcase_add_test(tc, test_declared_skala);
    tcase_add_test(tc, test_skala_overlap_and_gap);
    suite_add_tcase(s, tc);

    tc = tcase_create("rules");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_efisiensi_default);
    tcase_add_test(tc, test_efisiensi_rule_replaces_builtin);
    tcase_add_test(tc, test_predikat_rule_replaces_builtin);
    tcase_add_test(tc, test_rule_with_params);
    tcase_add_test(tc, test_rule_cycle);
    tcase_add_test(tc, test_rule_self_recursion);
    tcase_add_test(tc, test_rule_cycle_through_builtin);
    suite_add_tcase(s, tc);

    tc = tcase_create("approx");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_approx_setengah_naik);
    tcase_add_test(tc, test_approx_bawah);
    tcase_add_test(tc, test_approx_failure_report);
    tcase_add_test(tc, test_approx_negative_literal);
    tcase_add_test(tc, test_approx_money_with_sen);
    suite_add_tcase(s, tc);

    tc = tcase_create("types");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_type_error_text_plus_number);
    tcase_add_test(tc, test_type_error_money_plus_number);
    tcase_add_test(tc, test_type_errors_other_operators);
    tcase_add_test(tc, test_type_error_at_run_time);
    tcase_add_test(tc, test_money_arithmetic_kinds);
    suite_add_tcase(s, tc);

    tc = tcase_create("functions");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_bulat);
    tcase_add_test(tc, test_aggregates);
    tcase_add_test(tc, test_atas);
    tcase_add_test(tc, test_aggregate_type_error);
    tcase_add_test(tc, test_division_by_zero);
    tcase_add_test(tc, test_division_by_zero_in_rumus);
    tcase_add_test(tc, test_division_by_zero_claim);
    suite_add_tcase(s, tc);

    tc = tcase_create("names");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_unknown_name_hint);
    tcase_add_test(tc, test_duplicate_name);
    tcase_add_test(tc, test_spec_example_values);
    tcase_add_test(tc, test_spec_example_claims);
    suite_add_tcase(s, tc);

    tc = tcase_create("registry");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_registry_resolves_in_check);
    tcase_add_test(tc, test_registry_matches_docs);
    suite_add_tcase(s, tc);

    tc = tcase_create("layers");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_core_does_not_print);
    tcase_add_test(tc, test_layers_include_only_below);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(eval_suite()); }
