/* test_parser.c -- the grammar (grammar/parser.y) through parse_unit():
 * the tree a complete file builds, operator precedence, the example of
 * LANGUAGE.md §3, error recovery and hints, and nesting limits. */
#include "testutil.h"
#include "names.h"
#include "parse.h"
#include "parser.h"   /* token numbers */
#include <unistd.h>

#define ASSERT_NO_DIAGS(dl) ck_assert_msg((dl).items.len == 0, "unexpected diagnostics:%s", tu_dump(&(dl)))

static Entity *lookup(Unit *u, const char *id)
{
    Entity *e = unit_lookup(u, id);
    ck_assert_msg(e != NULL, "no entity '%s'", id);
    return e;
}

/* ---- a complete small file ---- */

static const char complete_src[] =
    "sakip 1\n"                                                              /*  1 */
    "\n"                                                                     /*  2 */
    "instansi \"Kecamatan Uji\" {\n"                                         /*  3 */
    "    induk   \"Kabupaten Uji\"\n"                                        /*  4 */
    "    tahun   2024\n"                                                     /*  5 */
    "    periode 2021..2026\n"                                               /*  6 */
    "    kepala  \"Drs. Kepala Uji\"\n"                                      /*  7 */
    "}\n"                                                                    /*  8 */
    "\n"                                                                     /*  9 */
    "skala mutu \"Skala mutu\" {\n"                                          /* 10 */
    "    \"Baik\"   : nilai >= 80\n"                                         /* 11 */
    "    \"Cukup\"  : 60 <= nilai < 80\n"                                    /* 12 */
    "    \"Kurang\" : nilai < 60\n"                                          /* 13 */
    "}\n"                                                                    /* 14 */
    "atur skala_capaian = mutu\n"                                            /* 15 */
    "\n"                                                                     /* 16 */
    "tujuan T1 \"Tujuan satu\" {\n"                                          /* 17 */
    "    misi \"Misi satu\"\n"                                               /* 18 */
    "}\n"                                                                    /* 19 */
    "\n"                                                                     /* 20 */
    "sasaran S1 \"Sasaran satu\" {\n"                                        /* 21 */
    "    tujuan T1\n"                                                        /* 22 */
    "    indikator IKM \"Indeks Kepuasan Masyarakat\" {\n"                   /* 23 */
    "        satuan    \"indeks\"\n"                                         /* 24 */
    "        polaritas positif\n"                                            /* 25 */
    "        target    2023: 80, 2024: 82\n"                                 /* 26 */
    "        realisasi 2024: 83.63\n"                                        /* 27 */
    "        penanggung_jawab \"Seksi A\", \"Seksi B\"\n"                    /* 28 */
    "        sumber    \"SUKMA-E\"\n"                                        /* 29 */
    "    }\n"                                                                /* 30 */
    "}\n"                                                                    /* 31 */
    "\n"                                                                     /* 32 */
    "program P1 \"Program satu\" {\n"                                        /* 33 */
    "    mendukung S1\n"                                                     /* 34 */
    "    kegiatan K1 \"Kegiatan satu\" {\n"                                  /* 35 */
    "        subkegiatan SK1 \"Sub satu\" {\n"                               /* 36 */
    "            anggaran  Rp 1.000.000\n"                                   /* 37 */
    "            realisasi Rp 900.000\n"                                     /* 38 */
    "            keluaran \"Laporan\" { satuan \"laporan\" target 12 realisasi 12 }\n" /* 39 */
    "        }\n"                                                            /* 40 */
    "        subkegiatan SK2 \"Sub dua\" {\n"                                /* 41 */
    "            anggaran  Rp 500.000\n"                                     /* 42 */
    "            realisasi Rp 500.000\n"                                     /* 43 */
    "        }\n"                                                            /* 44 */
    "    }\n"                                                                /* 45 */
    "}\n"                                                                    /* 46 */
    "\n"                                                                     /* 47 */
    "aturan rasio(a, b) = a / b * 100\n"                                     /* 48 */
    "aturan ambang = 90\n"                                                   /* 49 */
    "\n"                                                                     /* 50 */
    "periksa capaian(IKM) ~= 101.99%   pesan \"Tabel 3.2\"\n"                /* 51 */
    "periksa rasio(1, 4) == 25\n";                                           /* 52 */

/* span_text folds white space and comments outside texts to one space,
 * and keeps a one-line claim as it is (its fast path). */
START_TEST(test_span_text_folds_space)
{
    static const char *const cases[][2] = {
        {"capaian(IKM) ~= 102%", "capaian(IKM) ~= 102%"},
        {"a  +  b", "a + b"},
        {"a\n    + b", "a + b"},
        {"a\t==\tb", "a == b"},
        {"a # comment\n + b", "a + b"},
        {"\"x  y\" == s", "\"x  y\" == s"},
        {"\"a #b\" == c", "\"a #b\" == c"},
        {"f(1,  2)", "f(1, 2)"},
        {"x\r\n== y", "x == y"},
        {"x", "x"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *src = cases[i][0];
        LocFile *lf = locfile_new("t.sakip", src, strlen(src));
        Unit *u = unit_new(lf);
        Span whole = {lf, 0, (uint32_t)strlen(src)};
        ck_assert_str_eq(span_text(u, whole), cases[i][1]);
        unit_free(u);   /* and lf with it */
    }
    /* span_plain checks sixteen bytes a step: a double space, a tab, a
     * newline or a '#' at every place of a 40-byte claim is seen (the
     * text is then folded), and a plain claim is itself */
    static const char *const breaks[] = {"  ", "\t", "\n", "#"};
    for (int at = 1; at < 38; at++) {
        for (size_t k = 0; k <= sizeof breaks / sizeof *breaks; k++) {
            char src[48];
            for (int c = 0; c < 40; c++) src[c] = c % 5 == 4 ? ' ' : 'x';   /* single spaces: plain */
            src[39] = 'x';
            src[40] = '\0';
            if (k < sizeof breaks / sizeof *breaks) memcpy(src + at, breaks[k], strlen(breaks[k]));
            LocFile *lf = locfile_new("t.sakip", src, 40);
            Unit *u = unit_new(lf);
            Span whole = {lf, 0, 40};
            size_t n;
            const char *plain = span_plain(whole, &n);
            if (k == sizeof breaks / sizeof *breaks) {
                ck_assert_msg(plain == lf->text && n == 40, "plain claim at %d not taken whole", at);
            } else {
                ck_assert_msg(plain == NULL, "break %zu at %d not seen", k, at);
                ck_assert_msg(strcmp(span_text(u, whole), src) != 0, "break %zu at %d not folded", k, at);
            }
            unit_free(u);
        }
    }
}
END_TEST

START_TEST(test_complete_file_parses_clean)
{
    DiagList dl;
    Unit *u = tu_parse(complete_src, &dl);
    ASSERT_NO_DIAGS(dl);
    ck_assert_int_eq(u->version, 1);
    ck_assert_int_eq(u->ninstansi, 1);
    ck_assert_str_eq(u->nama, "Kecamatan Uji");
    ck_assert_str_eq(u->induk, "Kabupaten Uji");
    ck_assert_str_eq(u->kepala, "Drs. Kepala Uji");
    ck_assert(u->has_tahun);
    ck_assert_int_eq(u->tahun, 2024);
    ck_assert(u->has_periode);
    ck_assert_int_eq(u->periode_from, 2021);
    ck_assert_int_eq(u->periode_to, 2026);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_complete_file_counts)
{
    DiagList dl;
    Unit *u = tu_parse(complete_src, &dl);
    ASSERT_NO_DIAGS(dl);
    /* mutu T1 S1 IKM P1 K1 SK1 SK2 rasio ambang */
    ck_assert_int_eq(u->entities.len, 10);
    ck_assert_int_eq(u->skala.len, 1);
    ck_assert_int_eq(u->tujuan.len, 1);
    ck_assert_int_eq(u->sasaran.len, 1);
    ck_assert_int_eq(u->indikator.len, 1);
    ck_assert_int_eq(u->programs.len, 1);
    ck_assert_int_eq(u->budget_nodes.len, 4);
    ck_assert_int_eq(u->aturan.len, 2);
    ck_assert_int_eq(u->atur.len, 1);
    ck_assert_int_eq(u->periksa.len, 2);
    ck_assert_int_eq(u->impor.len, 0);
    ck_assert_int_eq(u->duplicates.len, 0);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_complete_file_tree)
{
    DiagList dl;
    Unit *u = tu_parse(complete_src, &dl);
    ASSERT_NO_DIAGS(dl);
    Entity *t1 = lookup(u, "T1"), *s1 = lookup(u, "S1"), *ikm = lookup(u, "IKM");
    Entity *p1 = lookup(u, "P1"), *k1 = lookup(u, "K1"), *sk1 = lookup(u, "SK1"), *sk2 = lookup(u, "SK2");
    ck_assert_int_eq(t1->kind, ENT_TUJUAN);
    ck_assert_int_eq(ent_tujuan(t1)->misi.len, 1);
    ck_assert_str_eq(ent_tujuan(t1)->misi.items[0], "Misi satu");
    ck_assert_int_eq(s1->kind, ENT_SASARAN);
    ck_assert_str_eq(s1->name, "Sasaran satu");
    ck_assert_ptr_null(s1->parent);
    ck_assert_ptr_nonnull(ent_sasaran(s1)->tujuan);
    ck_assert_str_eq(ent_sasaran(s1)->tujuan->name, "T1");
    ck_assert_int_eq(s1->indikator.len, 1);
    ck_assert_ptr_eq(s1->indikator.items[0], ikm);
    /* indikator */
    ck_assert_int_eq(ikm->kind, ENT_INDIKATOR);
    ck_assert_ptr_eq(ikm->parent, s1);
    ck_assert_str_eq(ent_indikator(ikm)->satuan, "indeks");
    ck_assert_int_eq(ent_indikator(ikm)->polaritas, POL_POSITIF);
    ck_assert_int_eq(ent_indikator(ikm)->target.len, 2);
    ck_assert_int_eq(ent_indikator(ikm)->realisasi.len, 1);
    ck_assert_int_eq(ent_indikator(ikm)->penanggung_jawab.len, 2);
    ck_assert_str_eq(ent_indikator(ikm)->penanggung_jawab.items[1], "Seksi B");
    ck_assert_int_eq(ent_indikator(ikm)->sumber.len, 1);
    /* budget tree */
    ck_assert_int_eq(p1->kind, ENT_PROGRAM);
    ck_assert_ptr_null(p1->parent);
    ck_assert_int_eq(ent_budget(p1)->mendukung.len, 1);
    ck_assert_str_eq(((NameRef *)ent_budget(p1)->mendukung.items[0])->name, "S1");
    ck_assert_int_eq(ent_budget(p1)->children.len, 1);
    ck_assert_ptr_eq(ent_budget(p1)->children.items[0], k1);
    ck_assert_int_eq(k1->kind, ENT_KEGIATAN);
    ck_assert_ptr_eq(k1->parent, p1);
    ck_assert_int_eq(ent_budget(k1)->children.len, 2);
    ck_assert_ptr_eq(ent_budget(k1)->children.items[0], sk1);
    ck_assert_ptr_eq(ent_budget(k1)->children.items[1], sk2);
    ck_assert_int_eq(sk1->kind, ENT_SUBKEGIATAN);
    ck_assert_ptr_eq(sk1->parent, k1);
    ck_assert_ptr_eq(sk2->parent, k1);
    ck_assert_ptr_nonnull(ent_budget(sk1)->anggaran);
    ck_assert_int_eq(ent_budget(sk1)->anggaran->kind, EX_MONEY);
    tu_assert_q(ent_budget(sk1)->anggaran->u.num.q, "1000000");
    tu_assert_q(ent_budget(sk1)->realisasi_uang->u.num.q, "900000");
    tu_assert_q(ent_budget(sk2)->anggaran->u.num.q, "500000");
    ck_assert_ptr_null(ent_budget(k1)->anggaran);
    ck_assert_int_eq(ent_budget(sk1)->keluaran.len, 1);
    Keluaran *kl = ent_budget(sk1)->keluaran.items[0];
    ck_assert_str_eq(kl->name, "Laporan");
    ck_assert_str_eq(kl->satuan, "laporan");
    ck_assert_int_eq(kl->target.len, 1);
    ck_assert_int_eq(kl->realisasi.len, 1);
    tu_assert_q(((YearVal *)kl->target.items[0])->lo->u.num.q, "12");
    /* (the satuan is the keluaran's: a subkegiatan has none of its own,
     * BudgetDecl has no field for one) */
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_complete_file_skala_aturan_periksa)
{
    DiagList dl;
    Unit *u = tu_parse(complete_src, &dl);
    ASSERT_NO_DIAGS(dl);
    Entity *mutu = lookup(u, "mutu");
    ck_assert_int_eq(mutu->kind, ENT_SKALA);
    ck_assert_int_eq(ent_skala(mutu)->bands.len, 3);
    Band *b0 = ent_skala(mutu)->bands.items[0], *b1 = ent_skala(mutu)->bands.items[1], *b2 = ent_skala(mutu)->bands.items[2];
    ck_assert_str_eq(b0->label, "Baik");
    ck_assert_ptr_nonnull(b0->lo);
    tu_assert_q(b0->lo->u.num.q, "80");
    ck_assert(b0->lo_incl);
    ck_assert_ptr_null(b0->hi);
    ck_assert_str_eq(b1->label, "Cukup");
    tu_assert_q(b1->lo->u.num.q, "60");
    ck_assert(b1->lo_incl);
    tu_assert_q(b1->hi->u.num.q, "80");
    ck_assert(!b1->hi_incl);
    ck_assert_ptr_null(b2->lo);
    tu_assert_q(b2->hi->u.num.q, "60");
    ck_assert(!b2->hi_incl);

    Atur *a = u->atur.items[0];
    ck_assert_str_eq(a->name, "skala_capaian");
    ck_assert_int_eq(a->value->kind, EX_IDENT);
    ck_assert_str_eq(a->value->u.id.name, "mutu");

    Entity *rasio = lookup(u, "rasio"), *ambang = lookup(u, "ambang");
    ck_assert_int_eq(rasio->kind, ENT_ATURAN);
    ck_assert(ent_aturan(rasio)->has_parens);
    ck_assert_int_eq(ent_aturan(rasio)->params.len, 2);
    ck_assert_str_eq(((NameRef *)ent_aturan(rasio)->params.items[0])->name, "a");
    ck_assert_str_eq(((NameRef *)ent_aturan(rasio)->params.items[1])->name, "b");
    ck_assert_str_eq(tu_sexpr(ent_aturan(rasio)->body), "(* (/ a b) 100)");
    ck_assert(!ent_aturan(ambang)->has_parens);
    ck_assert_int_eq(ent_aturan(ambang)->params.len, 0);
    ck_assert_str_eq(tu_sexpr(ent_aturan(ambang)->body), "90");

    Periksa *p0 = u->periksa.items[0], *p1 = u->periksa.items[1];
    ck_assert_str_eq(tu_sexpr(p0->expr), "(~= (capaian IKM) 101.99%)");
    ck_assert_str_eq(p0->pesan, "Tabel 3.2");
    ck_assert_str_eq(tu_sexpr(p1->expr), "(== (rasio 1 4) 25)");
    ck_assert_ptr_null(p1->pesan);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_complete_file_spans)
{
    DiagList dl;
    Unit *u = tu_parse(complete_src, &dl);
    ASSERT_NO_DIAGS(dl);
    int line, col;
    /* line 23: "    indikator IKM ..." -> IKM at column 15 */
    Entity *ikm = lookup(u, "IKM");
    tu_span_pos(ikm->id_span, &line, &col);
    ck_assert_int_eq(line, 23);
    ck_assert_int_eq(col, 15);
    ck_assert_int_eq(ikm->id_span.end - ikm->id_span.start, 3);
    /* line 41: "        subkegiatan SK2 ..." -> SK2 at column 21 */
    tu_span_pos(lookup(u, "SK2")->id_span, &line, &col);
    ck_assert_int_eq(line, 41);
    ck_assert_int_eq(col, 21);
    /* the whole sasaran runs from "sasaran" (21:1) to its "}" (31:1) */
    Entity *s1 = lookup(u, "S1");
    tu_span_pos(s1->span, &line, &col);
    ck_assert_int_eq(line, 21);
    ck_assert_int_eq(col, 1);
    locfile_pos(u->file, s1->span.end - 1, &line, &col);
    ck_assert_int_eq(line, 31);
    ck_assert_int_eq(col, 1);
    /* a periksa's operator: line 52 "periksa rasio(1, 4) == 25", '==' at 21 */
    Periksa *p1 = u->periksa.items[1];
    tu_span_pos(p1->expr->op_span, &line, &col);
    ck_assert_int_eq(line, 52);
    ck_assert_int_eq(col, 21);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_complete_file_loads_clean)
{
    /* parse + check: no error or warning, and both claims hold
     * (83.63 / 82 * 100 = 101.98780.. ~= 101.99; 1 / 4 * 100 = 25) */
    TU t;
    tu_open(&t, complete_src);
    ck_assert_msg(t.dl.items.len == 0, "diagnostics:%s", tu_dump(&t.dl));
    ck_assert_str_eq(tu_claim(&t, 0), "holds");
    ck_assert_str_eq(tu_claim(&t, 1), "holds");
    ck_assert_int_eq(check_claims(&t.ev, &t.dl), 0);
    tu_close(&t);
}
END_TEST

/* `kode` (src/keywords.def, KW_CTX) is a keyword where an item of a
 * budget node starts and a name anywhere else; `tabel` takes identifiers
 * that are keywords too (sakip(5), BUDGET CODES and TABLES). */
START_TEST(test_kode_and_tabel)
{
    DiagList dl;
    Unit *u = tu_parse("instansi \"X\" { tahun 2024 }\n"
                       "tabel anggaran \"Tabel 3.8 Anggaran {tahun}\"\n"
                       "tabel capaian_iku \"T\"\n"
                       "sasaran S1 \"s\" { indikator I1 \"i\" { satuan \"%\" polaritas positif\n"
                       "    rumus = kode / masuk * 100  data 2024 { kode: 1, masuk: 2 } } }\n"
                       "program P1 \"p\" { mendukung S1 kode \"7.01.01\"\n"
                       "    kegiatan K1 \"k\" { kode \"7.01.01.2.02\" subkegiatan SK1 \"s\" { anggaran Rp 1 kode \"7.01.01.2.02.0001\" realisasi Rp 1 } } }\n",
                       &dl);
    ASSERT_NO_DIAGS(dl);
    ck_assert_str_eq(ent_budget(lookup(u, "P1"))->kode, "7.01.01");
    ck_assert_str_eq(ent_budget(lookup(u, "K1"))->kode, "7.01.01.2.02");
    ck_assert_str_eq(ent_budget(lookup(u, "SK1"))->kode, "7.01.01.2.02.0001");
    ck_assert_int_eq(u->tabel.len, 2);
    ck_assert_str_eq(((Tabel *)u->tabel.items[0])->id, "anggaran");
    ck_assert_str_eq(((Tabel *)u->tabel.items[0])->title, "Tabel 3.8 Anggaran {tahun}");
    DataYear *dy = ent_indikator(lookup(u, "I1"))->data.items[0];
    ck_assert_str_eq(((DataPair *)dy->pairs.items[0])->name, "kode");
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_other_forms)
{
    DiagList dl;
    Unit *u = tu_parse("instansi \"X\" { tahun 2024; }; periksa 1 == 1; periksa 2 == 2\n"
                       "skala titik \"t\" {\n"
                       "    \"Tercapai\"       : 100 <= nilai <= 100\n"
                       "    \"Di atas\"        : nilai > 100\n"
                       "    \"Belum\"          : 100 > nilai\n"
                       "}\n"
                       "sasaran S1 \"s\" {\n"
                       "    penjelasan \"catatan\"\n"
                       "    indikator I1 \"i\" {\n"
                       "        satuan \"%\" polaritas negatif\n"
                       "        rumus = selesai / masuk * 100\n"
                       "        data 2024 { selesai: 14, masuk: 14 }\n"
                       "        target 2024: 80..90\n"
                       "        penjelasan \"p\"\n"
                       "    }\n"
                       "}\n"
                       "program P1 \"p\" {\n"
                       "    mendukung S1, S2\n"
                       "    indikator IP \"indikator program\" { satuan \"%\" polaritas positif target 100 }\n"
                       "    kegiatan K1 \"k\" { subkegiatan SK1 \"s\" { anggaran Rp 1 realisasi Rp 1\n"
                       "        indikator IS \"indikator sub\" { satuan \"%\" polaritas positif } } }\n"
                       "}\n",
                       &dl);
    ASSERT_NO_DIAGS(dl);
    ck_assert_int_eq(u->periksa.len, 2);
    Entity *titik = lookup(u, "titik");
    ck_assert_int_eq(ent_skala(titik)->bands.len, 3);
    Band *pt = ent_skala(titik)->bands.items[0];
    tu_assert_q(pt->lo->u.num.q, "100");
    tu_assert_q(pt->hi->u.num.q, "100");
    ck_assert(pt->lo_incl && pt->hi_incl);
    Band *belum = ent_skala(titik)->bands.items[2];   /* 100 > nilai is nilai < 100 */
    ck_assert_ptr_null(belum->lo);
    tu_assert_q(belum->hi->u.num.q, "100");
    ck_assert(!belum->hi_incl);
    Entity *i1 = lookup(u, "I1");
    ck_assert_int_eq(ent_indikator(i1)->polaritas, POL_NEGATIF);
    ck_assert_str_eq(tu_sexpr(ent_indikator(i1)->rumus), "(* (/ selesai masuk) 100)");
    ck_assert_int_eq(ent_indikator(i1)->data.len, 1);
    DataYear *dy = ent_indikator(i1)->data.items[0];
    ck_assert_int_eq(dy->year, 2024);
    ck_assert_int_eq(dy->pairs.len, 2);
    ck_assert_str_eq(((DataPair *)dy->pairs.items[1])->name, "masuk");
    ck_assert_str_eq(i1->penjelasan, "p");
    ck_assert_str_eq(lookup(u, "S1")->penjelasan, "catatan");
    ck_assert_int_eq(ent_budget(lookup(u, "P1"))->mendukung.len, 2);
    /* indikator in a program and in a subkegiatan */
    ck_assert_ptr_eq(lookup(u, "IP")->parent, lookup(u, "P1"));
    ck_assert_int_eq(lookup(u, "P1")->indikator.len, 1);
    ck_assert_ptr_eq(lookup(u, "IS")->parent, lookup(u, "SK1"));
    ck_assert_int_eq(lookup(u, "SK1")->indikator.len, 1);
    YearVal *bare = ent_indikator(lookup(u, "IP"))->target.items[0];
    ck_assert(!bare->has_year);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_band_forms_normalised)
{
    /* every way of writing a band reads as LOW (<|<=) nilai (<|<=) HIGH */
    DiagList dl;
    Unit *u = tu_parse("skala s \"s\" {\n"
                       "    \"A\" : 90 >= nilai > 76\n"   /* 76 <  nilai <= 90 */
                       "    \"B\" : nilai > 90\n"         /* 90 <  nilai */
                       "    \"C\" : 76 >= nilai\n"        /*       nilai <= 76 */
                       "    \"D\" : -5 < nilai < 0%\n"
                       "}\n",
                       &dl);
    ASSERT_NO_DIAGS(dl);
    Entity *sk = lookup(u, "s");
    ck_assert_int_eq(ent_skala(sk)->bands.len, 4);
    Band *a = ent_skala(sk)->bands.items[0], *b = ent_skala(sk)->bands.items[1], *c = ent_skala(sk)->bands.items[2], *d = ent_skala(sk)->bands.items[3];
    tu_assert_q(a->lo->u.num.q, "76");
    ck_assert(!a->lo_incl);
    tu_assert_q(a->hi->u.num.q, "90");
    ck_assert(a->hi_incl);
    tu_assert_q(b->lo->u.num.q, "90");
    ck_assert(!b->lo_incl);
    ck_assert_ptr_null(b->hi);
    ck_assert_ptr_null(c->lo);
    tu_assert_q(c->hi->u.num.q, "76");
    ck_assert(c->hi_incl);
    tu_assert_q(d->lo->u.num.q, "-5");
    tu_assert_q(d->hi->u.num.q, "0");
    tu_free(u, &dl);
}
END_TEST

/* ---- precedence ---- */

static void prec(const char *expr, const char *expected)
{
    const char *got = tu_parse_sexpr(expr);
    ck_assert_msg(!strcmp(got, expected), "'%s' parsed as %s, expected %s", expr, got, expected);
}

START_TEST(test_precedence_arithmetic)
{
    prec("1 + 2 * 3", "(+ 1 (* 2 3))");
    prec("1 * 2 + 3", "(+ (* 1 2) 3)");
    prec("(1 + 2) * 3", "(* (+ 1 2) 3)");
    prec("1 - 2 - 3", "(- (- 1 2) 3)");
    prec("8 / 4 / 2", "(/ (/ 8 4) 2)");
    prec("-2 * 3", "(* (neg 2) 3)");
    prec("x * -y", "(* x (neg y))");
    prec("1 + 2 == 3", "(== (+ 1 2) 3)");
    prec("target(IKM, 2024) / 2", "(/ (target IKM 2024) 2)");
}
END_TEST

START_TEST(test_precedence_logic)
{
    prec("tidak a == b", "(tidak (== a b))");
    prec("tidak a dan b", "(dan (tidak a) b)");
    prec("a dan b atau c", "(atau (dan a b) c)");
    prec("a atau b dan c", "(atau a (dan b c))");
    prec("a < b dan c >= d", "(dan (< a b) (>= c d))");
    prec("capaian(IKM) ~= 101.99%", "(~= (capaian IKM) 101.99%)");
}
END_TEST

START_TEST(test_precedence_jika)
{
    prec("jika a maka 1 lainnya 2 + 3", "(jika a 1 (+ 2 3))");
    prec("jika a dan b maka x lainnya y atau z", "(jika (dan a b) x (atau y z))");
    prec("jika a maka jika b maka 1 lainnya 2 lainnya 3", "(jika a (jika b 1 2) 3)");
    prec("jika a maka 1 lainnya jika b maka 2 lainnya 3", "(jika a 1 (jika b 2 3))");
    prec("jika capaian(s) > serapan(s) maka \"Efisien\" lainnya \"Tidak Efisien\"",
         "(jika (> (capaian s) (serapan s)) \"Efisien\" \"Tidak Efisien\")");
}
END_TEST

/* ---- LANGUAGE.md §3, verbatim ---- */

static const char spec_section3[] =
    "sakip 1                                  # optional: language version, first statement\n"
    "\n"
    "instansi \"Kecamatan Ambulu\" {\n"
    "    induk   \"Kabupaten Jember\"\n"
    "    tahun   2024                         # reporting year: default year everywhere\n"
    "    periode 2021..2026                   # renstra period; its last year is the end target\n"
    "    kepala  \"Drs. GATOT SUHARYONO, M.Si\"\n"
    "}\n"
    "\n"
    "impor \"standar/permendagri-86-2017.sakip\"   # search: this file's folder, $SAKIP_PATH, installed data dir\n"
    "\n"
    "skala p86 \"Skala nilai peringkat kinerja (seperti Tabel 3.1 laporan)\" {\n"
    "    \"Sangat Tinggi\" : nilai >= 90\n"
    "    \"Tinggi\"        : 76 <= nilai < 90\n"
    "    \"Sedang\"        : 66 <= nilai < 76\n"
    "    \"Rendah\"        : 51 <= nilai < 66\n"
    "    \"Sangat Rendah\" : nilai < 51\n"
    "}\n"
    "atur skala_capaian = p86                 # which skala rates capaian (default: the built-in one below)\n"
    "atur batas_capaian = 120%                # optional cap applied to every indicator's capaian\n"
    "\n"
    "tujuan T1 \"Meningkatnya kualitas pengelolaan keuangan dan aset daerah ...\" {\n"
    "    misi \"Membangun tata kelola pemerintahan yang kondusif ...\"\n"
    "}\n"
    "\n"
    "sasaran S2 \"Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik ...\" {\n"
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
    "\n"
    "sasaran S4 \"Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan\" {\n"
    "    indikator TRANTIB \"Persentase Tingkat Penyelesaian Laporan ...\" {\n"
    "        satuan    \"%\"\n"
    "        polaritas positif\n"
    "        rumus     = selesai / masuk * 100\n"
    "        data 2024 { selesai: 14, masuk: 14 }\n"
    "        target    2024: 100%\n"
    "    }\n"
    "}\n"
    "\n"
    "program P4 \"Koordinasi Ketentraman Dan Ketertiban Umum\" {\n"
    "    mendukung S4\n"
    "    kegiatan K4_1 \"Koordinasi Penerapan dan Penegakan Peraturan Daerah ...\" {\n"
    "        subkegiatan SK4_1_1 \"Koordinasi/Sinergi dengan Perangkat Daerah ...\" {\n"
    "            anggaran  Rp 273.664.376\n"
    "            realisasi Rp 244.304.640\n"
    "            keluaran \"Jumlah Laporan\" { satuan \"laporan\"  target 12  realisasi 12 }\n"
    "        }\n"
    "    }\n"
    "}\n"
    "\n"
    "aturan efisiensi(s) = jika capaian(s) > serapan(s) maka \"Efisien\" lainnya \"Tidak Efisien\"\n"
    "\n"
    "periksa capaian(IKM) ~= 102%                   pesan \"Tabel 3.2\"\n"
    "periksa predikat(IKM) == \"Tinggi\"              pesan \"Tabel 3.7\"   # fails: 101.99 is \"Sangat Tinggi\"\n"
    "periksa serapan(P4) ~= 89.27%\n"
;

START_TEST(test_spec_section3_example)
{
    DiagList dl;
    Unit *u = tu_parse(spec_section3, &dl);
    ck_assert_msg(dl.items.len == 0, "the §3 example does not parse cleanly:%s", tu_dump(&dl));
    ck_assert_int_eq(u->version, 1);
    ck_assert_str_eq(u->nama, "Kecamatan Ambulu");
    ck_assert_int_eq(u->impor.len, 1);
    ck_assert_int_eq(u->skala.len, 1);
    ck_assert_int_eq(ent_skala(lookup(u, "p86"))->bands.len, 5);
    ck_assert_int_eq(u->atur.len, 2);
    ck_assert_int_eq(u->sasaran.len, 2);
    ck_assert_int_eq(u->indikator.len, 2);
    ck_assert_int_eq(u->budget_nodes.len, 3);
    ck_assert_int_eq(u->aturan.len, 1);
    ck_assert_int_eq(u->periksa.len, 3);
    Entity *ikm = lookup(u, "IKM");
    ck_assert_int_eq(ent_indikator(ikm)->target.len, 4);
    ck_assert_int_eq(ent_indikator(ikm)->realisasi.len, 3);
    ck_assert_str_eq(((Periksa *)u->periksa.items[1])->pesan, "Tabel 3.7");
    tu_free(u, &dl);
}
END_TEST

/* ---- errors ---- */

static const char several_errors_src[] =
    "instansi \"Kecamatan Uji\" { tahun 2024 }\n"   /*  1 */
    "periksa 1 + * 2\n"                             /*  2: '*' at 13 */
    "sasaran S1 \"Sasaran\" {\n"                    /*  3 */
    "    indikator I1 \"Indikator\" {\n"            /*  4 */
    "        satuan \"%\"\n"                        /*  5 */
    "        polaritas positif\n"                   /*  6 */
    "        target 2024 80\n"                      /*  7: 80 at 21 */
    "        realisasi 2024: 85\n"                  /*  8 */
    "    }\n"                                       /*  9 */
    "}\n"                                           /* 10 */
    "aturan f(x, ) = x\n"                           /* 11: ')' at 13 */
    "program P1 \"Program\" {\n"                    /* 12 */
    "    mendukung S1\n"                            /* 13 */
    "    kegiatan K1 \"Kegiatan\" {\n"              /* 14 */
    "        subkegiatan SK1 \"Sub\" {\n"           /* 15 */
    "            anggaran Rp 100\n"                 /* 16 */
    "            realisasi\n"                       /* 17 */
    "        }\n"                                   /* 18: '}' at 9 */
    "    }\n"                                       /* 19 */
    "}\n"                                           /* 20 */
    "periksa capaian(I1) >\n"                       /* 21 */
    "periksa 1 == 1\n";                             /* 22: 'periksa' at 1 */

START_TEST(test_error_recovery_counts)
{
    static const int where[][2] = {{2, 13}, {7, 21}, {11, 13}, {18, 9}, {22, 1}};
    DiagList dl;
    Unit *u = tu_parse(several_errors_src, &dl);
    ck_assert_msg(tu_count(&dl, "E0201") == 5 && dl.items.len == 5, "expected 5 syntax errors:%s", tu_dump(&dl));
    for (size_t i = 0; i < 5; i++) {
        int line, col;
        tu_diag_pos(tu_find_nth(&dl, "E0201", i), &line, &col);
        ck_assert_msg(line == where[i][0] && col == where[i][1], "error #%zu at %d:%d, expected %d:%d%s", i + 1,
                      line, col, where[i][0], where[i][1], tu_dump(&dl));
    }
    /* what lies between the errors was built */
    ck_assert_ptr_nonnull(unit_lookup(u, "S1"));
    Entity *i1 = unit_lookup(u, "I1");
    ck_assert_ptr_nonnull(i1);
    ck_assert_int_eq(ent_indikator(i1)->realisasi.len, 1);
    ck_assert_ptr_nonnull(unit_lookup(u, "P1"));
    Entity *sk1 = unit_lookup(u, "SK1");
    ck_assert_ptr_nonnull(sk1);
    ck_assert_ptr_nonnull(ent_budget(sk1)->anggaran);
    ck_assert_int_eq(u->periksa.len, 1);
    ck_assert_str_eq(tu_sexpr(tu_periksa_expr(u, 0)), "(== 1 1)");
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_error_recovery_no_cascade_after_check)
{
    /* parse + check: still exactly the five syntax errors, nothing that
     * follows from them */
    DiagList dl;
    Unit *u = tu_load(several_errors_src, &dl);
    ck_assert_msg(diag_count_fatal(&dl) == 5 && tu_count(&dl, "E0201") == 5, "diagnostics:%s", tu_dump(&dl));
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_error_hint_values_without_comma)
{
    DiagList dl;
    Unit *u = tu_parse(several_errors_src, &dl);
    Diag *d = tu_find_nth(&dl, "E0201", 1);
    ck_assert_ptr_nonnull(d);
    ck_assert_msg(tu_hint_has(d, "','"), "hints %s", tu_hints(d));
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_misspelt_keyword_positif)
{
    DiagList dl;
    Unit *u = tu_parse("sasaran S1 \"s\" {\n"
                       "    indikator I1 \"i\" {\n"
                       "        satuan \"%\"\n"
                       "        polaritas positip\n"
                       "        target 2024: 80\n"
                       "    }\n"
                       "}\n",
                       &dl);
    ck_assert_msg(tu_count(&dl, "E0201") == 1 && dl.items.len == 1, "diagnostics:%s", tu_dump(&dl));
    tu_assert_diag_at(&dl, "E0201", 4, 19);
    Diag *d = tu_find(&dl, "E0201");
    ck_assert_msg(tu_hint_has(d, "did you mean 'positif'?"), "hints %s", tu_hints(d));
    /* the rest of the indikator is read */
    ck_assert_int_eq(ent_indikator(((Entity *)u->indikator.items[0]))->target.len, 1);
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_misspelt_keywords_elsewhere)
{
    DiagList dl;
    Unit *u = tu_parse("sasaaran S2 \"x\" { }\n", &dl);
    ck_assert_msg(tu_hint_has(tu_find(&dl, "E0201"), "did you mean 'sasaran'?"), "diagnostics:%s", tu_dump(&dl));
    tu_free(u, &dl);
    u = tu_parse("sasaran S1 \"s\" { indikatr I1 \"i\" { } }\n", &dl);
    ck_assert_msg(tu_hint_has(tu_find(&dl, "E0201"), "did you mean 'indikator'?"), "diagnostics:%s", tu_dump(&dl));
    tu_free(u, &dl);
    u = tu_parse("periksa 1 == 1 pesn \"x\"\n", &dl);
    ck_assert_msg(tu_hint_has(tu_find(&dl, "E0201"), "did you mean 'pesan'?"), "diagnostics:%s", tu_dump(&dl));
    tu_free(u, &dl);
}
END_TEST

START_TEST(test_version_other_than_1)
{
    DiagList dl;
    Unit *u = tu_parse("sakip 3\nperiksa 1 == 1\n", &dl);
    ck_assert_msg(tu_count(&dl, "E0202") == 1, "diagnostics:%s", tu_dump(&dl));
    ck_assert_int_eq(u->periksa.len, 1);
    tu_free(u, &dl);
    u = tu_parse("sakip 2\nperiksa 1 == 1\n", &dl);   /* version 2 is understood */
    ck_assert_msg(tu_count(&dl, "E0202") == 0, "diagnostics:%s", tu_dump(&dl));
    tu_free(u, &dl);
}
END_TEST

/* ---- nesting limits: an error, never a crash ---- */

static char *nested(const char *open, size_t n, const char *middle, const char *close)
{
    size_t lo = strlen(open), lm = strlen(middle), lc = strlen(close);
    char *s = malloc(8 + n * (lo + lc) + lm + 2);
    size_t k = 0;
    memcpy(s, "periksa ", 8);
    k = 8;
    for (size_t i = 0; i < n; i++, k += lo) memcpy(s + k, open, lo);
    memcpy(s + k, middle, lm);
    k += lm;
    for (size_t i = 0; i < n; i++, k += lc) memcpy(s + k, close, lc);
    s[k++] = '\n';
    s[k] = '\0';
    return s;
}

static void check_deep(const char *src)
{
    DiagList dl;
    Unit *u = tu_parse(src, &dl);
    ck_assert_msg(tu_count_errors(&dl) >= 1, "no error for deep nesting");
    ck_assert_msg(tu_count(&dl, "E0110") == 1, "diagnostics:%s", tu_dump(&dl));
    tu_free(u, &dl);
    /* and the checker survives what the parser built */
    u = tu_load(src, &dl);
    ck_assert(tu_count_errors(&dl) >= 1);
    tu_free(u, &dl);
}

START_TEST(test_deep_parentheses)
{
    char *src = nested("(", 100000, "1", ")");
    check_deep(src);
    free(src);
}
END_TEST

START_TEST(test_deep_unary_minus)
{
    char *src = nested("-", 100000, "1", "");
    check_deep(src);
    free(src);
}
END_TEST

START_TEST(test_deep_tidak)
{
    char *src = nested("tidak ", 100000, "benar", "");
    check_deep(src);
    free(src);
}
END_TEST

START_TEST(test_long_operator_chain)
{
    char *src = nested("1 + ", 100000, "1", "");
    check_deep(src);
    free(src);
}
END_TEST

START_TEST(test_deep_calls)
{
    char *src = nested("max(", 100000, "1", ")");
    check_deep(src);
    free(src);
}
END_TEST


/* A file with a mistake is parsed twice (the fast parser gives up, the
 * LAC parser explains): the records of the first attempt must go, and
 * records already in the list must stay. */
START_TEST(test_retry_after_fast_parser_keeps_list_exact)
{
    const char *src = "instansi \"X\" { tahun 2024 }\n"
                      "periksa 83,63 == 1\n"
                      "periksa (1 +\n";
    DiagList dl;
    diag_list_init(&dl);
    diag_add(&dl, DIAG_WARNING, "W0999", (Span){0}, "an earlier record");
    Unit *u = parse_unit(locfile_new("t.sakip", src, strlen(src)), &dl);
    ck_assert_msg(tu_count(&dl, "W0999") == 1, "diagnostics:%s", tu_dump(&dl));
    ck_assert_msg(tu_count(&dl, "E0104") == 1, "diagnostics:%s", tu_dump(&dl));
    ck_assert_msg(tu_count(&dl, "E0201") == 1, "diagnostics:%s", tu_dump(&dl));
    ck_assert_uint_eq(dl.items.len, 3);
    ck_assert_uint_eq(dl.nwarnings, 1);
    ck_assert_uint_eq(dl.nerrors, 2);
    ck_assert_int_eq(u->periksa.len, 1);
    ck_assert_str_eq(u->nama, "X");
    ck_assert_int_eq(u->tahun, 2024);
    unit_free(u);
    diag_list_free(&dl);
}
END_TEST


/* A file whose size says 0 but has content (Linux procfs) is read to its
 * end, not taken as empty. */
START_TEST(test_load_file_of_unknown_size)
{
    const char *err = NULL;
    LocFile *lf = locfile_load("/proc/self/status", &err);
    if (!lf && err && access("/proc/self/status", R_OK) != 0) return;   /* no procfs here */
    ck_assert_msg(lf != NULL, "not read: %s", err ? err : "?");
    ck_assert_uint_gt(lf->len, 0);
    ck_assert_msg(strncmp(lf->text, "Name:", 5) == 0, "read %.20s", lf->text);
    ck_assert_uint_eq(strlen(lf->text), lf->len);
    locfile_free(lf);
}
END_TEST

/* JSON strings (json_put_string copies plain runs sixteen bytes a step): each
 * single byte, and a mixed text, against the escaping rules written out. */
START_TEST(test_json_string_every_byte)
{
    for (int c = 1; c < 256; c++) {
        char in[2] = {(char)c, 0};
        Buf b;
        buf_init(&b);
        json_put_string(&b, in);
        const char *want;
        if (c == '"') want = "\"\\\"\"";
        else if (c == '\\') want = "\"\\\\\"";
        else if (c == '\n') want = "\"\\n\"";
        else if (c == '\t') want = "\"\\t\"";
        else if (c == '\r') want = "\"\\r\"";
        else if (c < 0x20) want = tu_printf("\"\\u%04x\"", c);
        else if (c >= 0x80) want = "\"\\ufffd\"";   /* a lone byte is not UTF-8 */
        else want = tu_printf("\"%c\"", c);
        ck_assert_msg(strcmp(b.data, want) == 0, "byte 0x%02X: %s, want %s", c, b.data, want);
        buf_free(&b);
        /* and at each place of a longer text, where sixteen bytes are
         * checked at once: in the first block, the second, the tail */
        static const char as[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";   /* 40 */
        char want_one[16];   /* tu_printf's buffers are reused: keep it */
        snprintf(want_one, sizeof want_one, "%s", want);
        want = want_one;
        for (int at = 0; at < 40; at++) {
            char longer[41];
            memcpy(longer, as, 41);
            longer[at] = (char)c;
            buf_init(&b);
            json_put_string(&b, longer);
            char *want_long = tu_printf("\"%.*s%.*s%s\"", at, as, (int)strlen(want) - 2, want + 1, as + at + 1);
            ck_assert_msg(strcmp(b.data, want_long) == 0, "byte 0x%02X at %d: %s, want %s", c, at, b.data, want_long);
            buf_free(&b);
        }
    }
    /* a slice of a longer text, and a NUL in one */
    Buf s;
    buf_init(&s);
    json_put_stringn(&s, "capaian(IKM) ~= 101,99%\"rest", 23);
    json_put_stringn(&s, "a\0b", 3);
    ck_assert_str_eq(s.data, "\"capaian(IKM) ~= 101,99%\"\"a\\u0000b\"");
    buf_free(&s);
    Buf b;
    buf_init(&b);
    json_put_string(&b, "Capaian \"Tinggi\" 83,63%\tRp 4.492.070.793 \xE2\x86\x92 ok\x7F");
    ck_assert_str_eq(b.data, "\"Capaian \\\"Tinggi\\\" 83,63%\\tRp 4.492.070.793 \xE2\x86\x92 ok\x7F\"");
    buf_free(&b);
}
END_TEST


/* ---- interned names (src/names.c) ---- */

/* Words of every length up to 40 that differ in one byte, at every place
 * (the middle of a word over 16 bytes is compared byte by byte, the head
 * and tail as words): each spelling has one Name, and the scanner's key
 * (read 8 bytes wide) is the key made within the word. */
START_TEST(test_names_one_per_spelling)
{
    char w[48], v[48];
    for (size_t n = 0; n <= 40; n++) {
        memset(w, 0, sizeof w);
        for (size_t i = 0; i < n; i++) w[i] = (char)('a' + (i * 7 + n) % 26);
        Name *a = name_intern(w, n);
        ck_assert_uint_eq(a->len, n);
        ck_assert_int_eq(memcmp(a->text, w, n), 0);
        ck_assert_int_eq(a->text[n], '\0');
        ck_assert_ptr_eq(name_intern(w, n), a);
        ck_assert_ptr_eq(name_intern(a->text, n), a);
        ck_assert_ptr_eq(name_of(a->text), a);
        NameKey wide = name_key_wide(w, n), narrow = name_key(w, n);
        ck_assert(wide.hash == narrow.hash && wide.head == narrow.head && wide.tail == narrow.tail);
        ck_assert_ptr_eq(name_intern_key(w, wide), a);
        for (size_t at = 0; at < n; at++) {
            memcpy(v, w, sizeof v);
            v[at] = 'Z';
            Name *b = name_intern(v, n);
            ck_assert_msg(b != a, "length %zu, byte %zu changed: same Name", n, at);
            ck_assert_ptr_eq(name_intern(v, n), b);
        }
        if (n) ck_assert_ptr_ne(name_intern(w, n - 1), a);   /* a prefix is another word */
    }
}
END_TEST

/* The keywords stay keywords across names_reset(), and names parsed
 * after it resolve as before. */
START_TEST(test_names_reset_keeps_keywords)
{
    DiagList dl;
    Unit *u = tu_parse("sasaran S1 \"x\" { }\nperiksa 1 == 1\n", &dl);
    ck_assert_int_ne(name_intern("sasaran", 7)->tok, 0);
    ck_assert_int_eq(name_intern("S1", 2)->tok, 0);
    unit_free(u);
    diag_list_free(&dl);
    names_reset();
    ck_assert_int_ne(name_intern("sasaran", 7)->tok, 0);
    ck_assert_int_ne(name_intern("periksa", 7)->tok, 0);
    u = tu_parse("sasaran S1 \"x\" { }\nperiksa capaian(S1) == capaian(S1)\n", &dl);
    ck_assert_msg(dl.items.len == 0, "%s", tu_dump(&dl));
    ck_assert_ptr_nonnull(unit_lookup(u, "S1"));
    unit_free(u);
    diag_list_free(&dl);
}
END_TEST

/* Each unit finds its own entities, whichever unit declared a name last
 * (the Name's binding), and no unit finds a name only another declared. */
START_TEST(test_names_bound_per_unit)
{
    DiagList d1, d2;
    Unit *a = tu_parse("sasaran S1 \"a\" { }\nsasaran SA \"a only\" { }\n", &d1);
    Unit *b = tu_parse("sasaran S1 \"b\" { }\nsasaran SB \"b only\" { }\n", &d2);
    Entity *a1 = unit_lookup(a, "S1"), *b1 = unit_lookup(b, "S1");
    ck_assert_ptr_nonnull(a1);
    ck_assert_ptr_nonnull(b1);
    ck_assert_ptr_ne(a1, b1);
    ck_assert_str_eq(a1->name, "a");
    ck_assert_str_eq(b1->name, "b");
    const Name *s1 = name_intern("S1", 2);
    ck_assert_ptr_eq(unit_lookup_name(a, s1), a1);
    ck_assert_ptr_eq(unit_lookup_name(b, s1), b1);
    ck_assert_ptr_null(unit_lookup(a, "SB"));
    ck_assert_ptr_null(unit_lookup(b, "SA"));
    ck_assert_ptr_null(unit_lookup(a, "NOWHERE"));
    /* a later declaration in the first unit: found there, and a second
     * one with the same name is a duplicate of the first */
    Entity *late = entity_new(a, ENT_SASARAN, "SB", (Span){0});
    ck_assert_ptr_null(unit_define(a, late));
    ck_assert_ptr_eq(unit_lookup(a, "SB"), late);
    ck_assert_ptr_ne(unit_lookup(b, "SB"), late);
    Entity *again = entity_new(a, ENT_SASARAN, "SB", (Span){0});
    ck_assert_ptr_eq(unit_define(a, again), late);
    Entity *dup = entity_new(b, ENT_SASARAN, "S1", (Span){0});
    ck_assert_ptr_eq(unit_define(b, dup), b1);
    ck_assert_ptr_eq(unit_lookup(a, "S1"), a1);
    unit_free(a);
    unit_free(b);
    diag_list_free(&d1);
    diag_list_free(&d2);
}
END_TEST

/* ---- the keyword table (src/keywords.def) and the grammar ---- */

/* Every row of the table is a token of the generated parser whose name
 * bison gives as the row's spelling, and every token that bison names
 * by a lower-case word is a row (but for bison's "error" and the four
 * kinds of value). */
START_TEST(test_keyword_table_matches_grammar)
{
    static const struct { int tok; const char *word; } table[] = {
#define KW(tok, word, class, flags) {tok, word},
#include "keywords.def"
#undef KW
    };
    size_t n = sizeof table / sizeof *table;
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(strcmp(parse_token_name(table[i].tok), table[i].word) == 0,
                      "keywords.def row %zu: the parser calls token %d \"%s\", the table \"%s\"", i + 1,
                      table[i].tok, parse_token_name(table[i].tok), table[i].word);
        ck_assert_str_eq(sakip_keywords[i], table[i].word);
        ck_assert_int_eq(sakip_keyword_tokens[i], table[i].tok);
    }
    ck_assert_ptr_null(sakip_keywords[n]);
    size_t words = 0;
    for (int k = 0; parse_symbol_name(k); k++) {
        const char *name = parse_symbol_name(k);
        if (strspn(name, "abcdefghijklmnopqrstuvwxyz_") != strlen(name)) continue;
        if (strcmp(name, "name") == 0 || strcmp(name, "text") == 0 || strcmp(name, "number") == 0 ||
            strcmp(name, "amount") == 0 || strcmp(name, "error") == 0)
            continue;
        bool found = false;
        for (size_t i = 0; i < n && !found; i++) found = strcmp(table[i].word, name) == 0;
        ck_assert_msg(found, "the parser's token \"%s\" is not in src/keywords.def", name);
        words++;
    }
    ck_assert_uint_eq(words, n);
}
END_TEST

/* Each kind of declaration (src/kinds.def) is declared by the keyword of
 * its row, the keyword of the token of its name, and the keywords that
 * declare something named are exactly the kinds. */
START_TEST(test_kind_table_matches_keywords)
{
    static const struct { EntKind kind; int tok; const char *word; bool budget; } kinds[] = {
#define KIND(name, word, list, budget, check) {ENT_##name, name, word, budget},
#include "kinds.def"
#undef KIND
    };
    static const struct { const char *word, *class; } keywords[] = {
#define KW(tok, word, class, flags) {word, #class},
#include "keywords.def"
#undef KW
    };
    size_t n = sizeof kinds / sizeof *kinds, nkw = sizeof keywords / sizeof *keywords;
    ck_assert_uint_eq(n, ENT_NKINDS);
    for (size_t i = 0; i < n; i++) {
        ck_assert_int_eq(kinds[i].kind, (int)i);
        ck_assert_msg(strcmp(parse_token_name(kinds[i].tok), kinds[i].word) == 0,
                      "kinds.def row %zu: \"%s\", but its token is the keyword \"%s\"", i + 1, kinds[i].word,
                      parse_token_name(kinds[i].tok));
        ck_assert_str_eq(ent_kind_name(kinds[i].kind), kinds[i].word);
        ck_assert_int_eq(ent_kind_is_budget(kinds[i].kind), kinds[i].budget);
        bool found = false;
        for (size_t k = 0; k < nkw && !found; k++) found = strcmp(keywords[k].word, kinds[i].word) == 0;
        ck_assert_msg(found, "kinds.def: \"%s\" is not in src/keywords.def", kinds[i].word);
    }
    for (size_t k = 0; k < nkw; k++) {
        if (strcmp(keywords[k].class, "DECL_NAMED") != 0) continue;
        bool found = false;
        for (size_t i = 0; i < n && !found; i++) found = strcmp(keywords[k].word, kinds[i].word) == 0;
        ck_assert_msg(found, "keywords.def declares something named with \"%s\", which is no row of kinds.def",
                      keywords[k].word);
    }
    /* each declaration of a file is in its kind's list, at its index */
    DiagList dl;
    Unit *u = tu_parse(complete_src, &dl);
    ck_assert_uint_gt(u->entities.len, 0);
    for (size_t i = 0; i < u->entities.len; i++) {
        Entity *e = u->entities.items[i];
        Vec *list = unit_kind_list(u, e->kind);
        ck_assert_msg(e->index < list->len && list->items[e->index] == e, "%s %s is not in its list", ent_kind_name(e->kind),
                      e->id);
    }
    tu_free(u, &dl);
}
END_TEST

/* A period's value in each form a literal takes (period_pair writes
 * literal's forms out); period names by code, others code 0. */
START_TEST(test_period_values_every_form)
{
    DiagList dl;
    Unit *u = tu_parse("instansi \"X\" { tahun 2024 }\n"
                       "sasaran S1 \"s\" { indikator I1 \"i\" { satuan \"%\" polaritas positif agregasi akhir\n"
                       "    target 2024 { tw1: 80, tw2: 81.5%, tw3: -2, tw4: \"x\" }\n"
                       "    realisasi 2024 { jan: 1, des: 2, tw5: 3, TW1: 4 } } }\n"
                       "program P1 \"p\" { kegiatan K1 \"k\" { subkegiatan SK1 \"s\" { anggaran Rp 10\n"
                       "    rencana 2024 { sm1: Rp 1.500,50, sm2: -Rp 2 } } } }\n",
                       &dl);
    ASSERT_NO_DIAGS(dl);
    const Vec *t = &ent_indikator(lookup(u, "I1"))->ptarget;
    ck_assert_int_eq(t->len, 1);
    const Vec *tv = &((PeriodBlock *)t->items[0])->vals;
    ck_assert_int_eq(tv->len, 4);
    static const char *const want_t[] = {"80", "163/2", "-2"};
    for (int i = 0; i < 4; i++) {
        const PeriodVal *pv = tv->items[i];
        ck_assert_int_eq(pv->code, period_make(PK_TW, i + 1));
        if (i < 3) {
            ck_assert_int_eq(pv->value->kind, EX_NUM);
            tu_assert_q(pv->value->u.num.q, want_t[i]);
        } else {
            ck_assert_int_eq(pv->value->kind, EX_STR);
        }
    }
    ck_assert(((const PeriodVal *)tv->items[1])->value->u.num.percent);
    const Vec *rv = &((PeriodBlock *)ent_indikator(lookup(u, "I1"))->prealisasi.items[0])->vals;
    ck_assert_int_eq(((const PeriodVal *)rv->items[0])->code, period_make(PK_BLN, 1));
    ck_assert_int_eq(((const PeriodVal *)rv->items[1])->code, period_make(PK_BLN, 12));
    ck_assert_int_eq(((const PeriodVal *)rv->items[2])->code, 0);   /* tw5 */
    ck_assert_int_eq(((const PeriodVal *)rv->items[3])->code, 0);   /* names are lower case */
    const Vec *pv = &((PeriodBlock *)ent_budget(lookup(u, "SK1"))->prencana.items[0])->vals;
    ck_assert_int_eq(((const PeriodVal *)pv->items[0])->value->kind, EX_MONEY);
    tu_assert_q(((const PeriodVal *)pv->items[0])->value->u.num.q, "3001/2");
    ck_assert_int_eq(((const PeriodVal *)pv->items[1])->value->kind, EX_MONEY);
    tu_assert_q(((const PeriodVal *)pv->items[1])->value->u.num.q, "-2");
    ck_assert_int_eq(period_code("jul"), period_make(PK_BLN, 7));
    ck_assert_int_eq(period_code("sm2"), period_make(PK_SM, 2));
    ck_assert_int_eq(period_code("tw"), 0);
    ck_assert_int_eq(period_code("tw12"), 0);
    ck_assert_int_eq(period_code(""), 0);
    tu_free(u, &dl);
}
END_TEST

/* A block of periods on one line is read in one match (grammar/lexer.l,
 * period_block); the same block broken over lines, and so scanned token
 * by token, must give the same values: names, codes, numbers, decimals,
 * percent and unread marks, and spans over the same text.  Values of
 * every plain form: numbers, decimals, percentages, amounts with and
 * without sen, "Rp." and no blank, blanks and tabs, a trailing ','. */
static void period_block_source(Buf *b, const char *sep)
{
    buf_printf(b, "instansi \"X\" { tahun 2024 }\n"
                  "sasaran S1 \"s\" { indikator I1 \"i\" { satuan \"%%\" polaritas positif agregasi akhir\n"
                  "    target 2024 { tw1: 80,%stw2: 81.5%%,%stw3:\t7.25 , tw4: 0.5%%, }\n"
                  "    realisasi 2024 {jan:1,%sfeb: 2.50, des: 12} } }\n"
                  "program P1 \"p\" { kegiatan K1 \"k\" { subkegiatan SK1 \"s\" { anggaran Rp 10.000\n"
                  "    rencana 2024 { sm1: Rp 1.500,50,%ssm2: Rp.2.000 }\n"
                  "    realisasi 2024 { sm1: Rp3,%ssm2: Rp 4.000,5 } } } }\n",
               sep, sep, sep, sep, sep);
}

static const Vec *block_vals(Unit *u, const char *id, char which)
{
    Entity *e = lookup(u, id);
    const Vec *blocks = e->kind == ENT_INDIKATOR ? (which == 't' ? &ent_indikator(e)->ptarget : &ent_indikator(e)->prealisasi)
                                                 : (which == 'p' ? &ent_budget(e)->prencana : &ent_budget(e)->prealisasi);
    ck_assert_int_eq(blocks->len, 1);
    return &((const PeriodBlock *)blocks->items[0])->vals;
}

START_TEST(test_period_block_one_match_as_tokens)
{
    Buf one, lines;
    buf_init(&one);
    buf_init(&lines);
    period_block_source(&one, " ");
    period_block_source(&lines, "\n        ");
    DiagList d1, d2;
    Unit *u1 = tu_parse(one.data, &d1);
    Unit *u2 = tu_parse(lines.data, &d2);
    ASSERT_NO_DIAGS(d1);
    ASSERT_NO_DIAGS(d2);
    static const struct { const char *id; char which; int n; } blocks[] = {{"I1", 't', 4}, {"I1", 'r', 3}, {"SK1", 'p', 2}, {"SK1", 'r', 2}};
    /* the texts each value's span covers, as written */
    static const char *const want_text[] = {"80", "81.5%", "7.25", "0.5%", "1", "2.50", "12", "Rp 1.500,50", "Rp.2.000", "Rp3", "Rp 4.000,5"};
    int k = 0;
    for (size_t b = 0; b < sizeof blocks / sizeof *blocks; b++) {
        const Vec *v1 = block_vals(u1, blocks[b].id, blocks[b].which), *v2 = block_vals(u2, blocks[b].id, blocks[b].which);
        ck_assert_int_eq(v1->len, blocks[b].n);
        ck_assert_int_eq(v2->len, blocks[b].n);
        for (int i = 0; i < blocks[b].n; i++, k++) {
            const PeriodVal *p1 = v1->items[i], *p2 = v2->items[i];
            ck_assert_str_eq(p1->name, p2->name);
            ck_assert_int_eq(p1->code, p2->code);
            ck_assert_int_ne(p1->code, 0);
            ck_assert_str_eq(span_text(u1, p1->name_span), span_text(u2, p2->name_span));
            ck_assert_str_eq(span_text(u1, p1->span), span_text(u2, p2->span));
            const Expr *e1 = p1->value, *e2 = p2->value;
            ck_assert_int_eq(e1->kind, e2->kind);
            ck_assert(mpq_equal(e1->u.num.q, e2->u.num.q));
            ck_assert_int_eq(e1->u.num.decimals, e2->u.num.decimals);
            ck_assert_int_eq(e1->u.num.percent, e2->u.num.percent);
            ck_assert_int_eq(e1->u.num.unread, e2->u.num.unread);
            ck_assert_str_eq(span_text(u1, e1->span), want_text[k]);
            ck_assert_str_eq(span_text(u2, e2->span), want_text[k]);
        }
    }
    /* sen as written: ",50" two decimals, ",5" one */
    ck_assert_int_eq(((const PeriodVal *)block_vals(u1, "SK1", 'p')->items[0])->value->u.num.decimals, 2);
    ck_assert_int_eq(((const PeriodVal *)block_vals(u1, "SK1", 'r')->items[1])->value->u.num.decimals, 1);
    tu_free(u1, &d1);
    tu_free(u2, &d2);
    buf_free(&one);
    buf_free(&lines);
}
END_TEST

static Suite *parser_suite(void)
{
    Suite *s = suite_create("parser");
    TCase *tc = tcase_create("tree");
    tcase_add_test(tc, test_complete_file_parses_clean);
    tcase_add_test(tc, test_keyword_table_matches_grammar);
    tcase_add_test(tc, test_kind_table_matches_keywords);
    tcase_add_test(tc, test_complete_file_counts);
    tcase_add_test(tc, test_complete_file_tree);
    tcase_add_test(tc, test_complete_file_skala_aturan_periksa);
    tcase_add_test(tc, test_complete_file_spans);
    tcase_add_test(tc, test_complete_file_loads_clean);
    tcase_add_test(tc, test_other_forms);
    tcase_add_test(tc, test_kode_and_tabel);
    tcase_add_test(tc, test_band_forms_normalised);
    tcase_add_test(tc, test_spec_section3_example);
    tcase_add_test(tc, test_period_values_every_form);
    tcase_add_test(tc, test_period_block_one_match_as_tokens);
    suite_add_tcase(s, tc);

    tc = tcase_create("precedence");
    tcase_add_test(tc, test_precedence_arithmetic);
    tcase_add_test(tc, test_precedence_logic);
    tcase_add_test(tc, test_precedence_jika);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_test(tc, test_error_recovery_counts);
    tcase_add_test(tc, test_error_recovery_no_cascade_after_check);
    tcase_add_test(tc, test_error_hint_values_without_comma);
    tcase_add_test(tc, test_misspelt_keyword_positif);
    tcase_add_test(tc, test_misspelt_keywords_elsewhere);
    tcase_add_test(tc, test_version_other_than_1);
    suite_add_tcase(s, tc);

    tc = tcase_create("limits");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_deep_parentheses);
    tcase_add_test(tc, test_deep_unary_minus);
    tcase_add_test(tc, test_deep_tidak);
    tcase_add_test(tc, test_long_operator_chain);
    tcase_add_test(tc, test_deep_calls);
    tcase_add_test(tc, test_retry_after_fast_parser_keeps_list_exact);
    tcase_add_test(tc, test_load_file_of_unknown_size);
    tcase_add_test(tc, test_json_string_every_byte);
    tcase_add_test(tc, test_span_text_folds_space);
    tcase_add_test(tc, test_names_one_per_spelling);
    tcase_add_test(tc, test_names_reset_keeps_keywords);
    tcase_add_test(tc, test_names_bound_per_unit);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(parser_suite()); }
