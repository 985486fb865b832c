#!/usr/bin/env python3
"""Independent reference ("oracle") for examples/ambulu-2024.sakip.

It hard-codes the numbers transcribed from the LAKIP 2024 of Kecamatan Ambulu
(the report as published), recomputes every figure with exact
rational arithmetic (fractions.Fraction; no float decides any result), and
evaluates every `periksa` claim of examples/ambulu-2024.sakip, in the same
order, with the semantics of sakip(5):

  * capaian positif  = realisasi / target * 100
    capaian negatif  = (target - (realisasi - target)) / target * 100
  * capaian_renstra  = capaian by the same polarity formula, against the
                       target of the last year of periode (version 2)
  * capaian(sasaran) = mean of its indikator capaian, each capped at
                       BATAS_RATA (`atur batas_rata = 100%`: the report caps
                       capaian at 100% where it averages them; issue #19)
  * capaian()        = that mean over all IKU (the figure under Tabel 3.2)
  * serapan(node)    = realisasi / anggaran * 100 ; parents sum their children
  * serapan(sasaran) = sum realisasi / sum anggaran over the programs that
                       `mendukung` it
  * efisiensi(s)     = "Efisien" if capaian(s) > serapan(s) else "Tidak Efisien"
  * predikat         = band of skala p86 (Tabel 3.1 read as contiguous bands)
  * a ~= LIT         : a rounded half away from zero to the number of decimals
                       LIT is written with, equals LIT

Usage:
    python3 tests/ref/ambulu_reference.py                 # tables + claims
    python3 tests/ref/ambulu_reference.py --cocokkan FILE # also check that the
        periksa statements of FILE are exactly this script's claims, in order

Exit status: 0 when the computation ran (failed claims are findings, not
errors); 1 on an internal inconsistency (bad transcription, --cocokkan
mismatch).
"""

import re
import sys
from decimal import Decimal
from fractions import Fraction

# ---------------------------------------------------------------------------
# 1. Transcribed inputs
# ---------------------------------------------------------------------------

TAHUN = 2024
PERIODE = (2021, 2026)
# `atur batas_rata = 100%`: where the report states a mean (Tabel 3.2's
# average, Tabel 3.6) it counts each capaian above 100% as 100%.
BATAS_RATA = Fraction(100)

# Indikator Kinerja Utama.  Targets: Renstra (Tabel 2.1 / Lampiran 1 matrix,
# sesudah perubahan).  Realisasi: Tabel 3.3 (blank years omitted).  Where a
# year is given through `data` + `rumus` it is NOT also given as realisasi.
INDIKATOR = {
    "DOK": {
        "sasaran": "S1", "satuan": "dokumen", "polaritas": "positif",
        "target": {2023: "4", 2024: "4", 2025: "4", 2026: "4"},
        "realisasi": {2022: "4", 2023: "4", 2024: "4"},
    },
    "IKM": {
        "sasaran": "S2", "satuan": "indeks", "polaritas": "positif",
        "target": {2023: "80", 2024: "82", 2025: "82", 2026: "85"},
        "realisasi": {2022: "72", 2023: "83.57", 2024: "83.63"},
    },
    "KESRA": {
        "sasaran": "S3", "satuan": "%", "polaritas": "positif",
        "target": {2023: "100", 2024: "100", 2025: "100", 2026: "100"},
        "realisasi": {2022: "100", 2023: "100"},
        "rumus": "difasilitasi / direncanakan * 100",
        "data": {2024: {"difasilitasi": "23", "direncanakan": "23"}},
    },
    "TRANTIB": {
        "sasaran": "S4", "satuan": "%", "polaritas": "positif",
        "target": {2023: "100", 2024: "100", 2025: "100", 2026: "100"},
        "realisasi": {2022: "94.33", 2023: "96"},
        "rumus": "selesai / masuk * 100",
        "data": {2024: {"selesai": "14", "masuk": "14"}},
    },
    "SAKIP": {
        "sasaran": "S5", "satuan": "nilai", "polaritas": "positif",
        # Lampiran 1 (Matriks Renstra sesudah perubahan): 80, 82, 85, 85.
        # Tabel 3.2 prints 100 as "Target Akhir Renstra" -- a finding.
        "target": {2023: "80", 2024: "82", 2025: "85", 2026: "85"},
        "realisasi": {2023: "53.30"},
        "rumus": "perencanaan + pengukuran + pelaporan + evaluasi",
        "data": {2024: {"perencanaan": "28.61", "pengukuran": "24.79",
                        "pelaporan": "14.04", "evaluasi": "16.83"}},
    },
    "IPT": {
        "sasaran": "S6", "satuan": "%", "polaritas": "positif",
        "target": {2023: "80", 2024: "80", 2025: "80", 2026: "100"},
        "realisasi": {2022: "88", 2023: "98.83"},
        "rumus": "tercapai / seluruh * 100",
        "data": {2024: {"tercapai": "4", "seluruh": "4"}},
    },
}

# Sasaran in the order of Tabel 3.2 (Tabel 3.6 numbers them differently:
# 3.6 "Sasaran 1" = S6, "2" = S2, "3" = S3, "4" = S4).
SASARAN = {
    "S1": ["DOK"], "S2": ["IKM"], "S3": ["KESRA"],
    "S4": ["TRANTIB"], "S5": ["SAKIP"], "S6": ["IPT"],
}

# Budget tree, Tabel 3.8 (Realisasi Anggaran 2024).  Kegiatan and program rows
# carry the totals the report states; they are checked against the children.
# (id, parent, anggaran, realisasi)
ANGGARAN = [
    ("P1",      None,   "2.941.063.617", "2.653.011.709"),
    ("K1_1",    "P1",   "2.519.451.117", "2.297.148.008"),
    ("SK1_1_1", "K1_1", "2.421.621.117", "2.202.538.008"),
    ("SK1_1_2", "K1_1", "97.830.000",    "94.610.000"),
    ("K1_2",    "P1",   "78.511.800",    "72.776.000"),
    ("SK1_2_1", "K1_2", "78.511.800",    "72.776.000"),
    ("K1_3",    "P1",   "252.339.200",   "211.045.025"),
    ("SK1_3_1", "K1_3", "252.339.200",   "211.045.025"),
    ("K1_4",    "P1",   "90.761.500",    "72.042.676"),
    ("SK1_4_1", "K1_4", "49.391.700",    "42.549.800"),
    ("SK1_4_2", "K1_4", "31.849.000",    "20.021.776"),
    ("SK1_4_3", "K1_4", "9.520.800",     "9.471.100"),
    ("P2",      None,   "1.041.115.000", "1.032.500.000"),
    ("K2_1",    "P2",   "1.031.035.000", "1.023.200.000"),
    ("SK2_1_1", "K2_1", "1.031.035.000", "1.023.200.000"),
    ("K2_2",    "P2",   "10.080.000",    "9.300.000"),
    ("SK2_2_1", "K2_2", "10.080.000",    "9.300.000"),
    ("P3",      None,   "236.227.800",   "194.582.000"),
    ("K3_1",    "P3",   "236.227.800",   "194.582.000"),
    ("SK3_1_1", "K3_1", "7.231.800",     "6.460.000"),
    ("SK3_1_2", "K3_1", "228.996.000",   "188.122.000"),
    ("P4",      None,   "273.664.376",   "244.304.640"),
    ("K4_1",    "P4",   "273.664.376",   "244.304.640"),
    ("SK4_1_1", "K4_1", "273.664.376",   "244.304.640"),
]

# `mendukung` (BAB II D, Tabel 3.5, Tabel 3.6)
MENDUKUNG = {"P1": ["S6"], "P2": ["S2"], "P3": ["S3"], "P4": ["S4"]}

# Skala (name -> list of (label, lo, lo_inclusive, hi, hi_inclusive)); None = open
SKALA = {
    # Tabel 3.1 read as contiguous bands (exactly `skala p86` of sakip(5), DECLARATIONS)
    "p86": [
        ("Sangat Tinggi", "90", True, None, False),
        ("Tinggi", "76", True, "90", False),
        ("Sedang", "66", True, "76", False),
        ("Rendah", "51", True, "66", False),
        ("Sangat Rendah", None, False, "51", False),
    ],
    # PermenPANRB 88/2021 predikat SAKIP (AA >90, A >80, BB >70, B >60,
    # CC >50, C >30, D)
    "akip88": [
        ("AA", "90", False, None, False),
        ("A", "80", False, "90", True),
        ("BB", "70", False, "80", True),
        ("B", "60", False, "70", True),
        ("CC", "50", False, "60", True),
        ("C", "30", False, "50", True),
        ("D", None, False, "30", True),
    ],
}

# User rules (aturan) declared in the .sakip file.
ATURAN = {
    "iku_tercapai": (["x"], "jika capaian(x) >= 100 maka 1 lainnya 0"),
}

# Other tables, transcribed separately so that they are compared against the
# model (Tabel 3.8) by the claims below.
TABEL_1_4 = [  # (id, anggaran)
    ("P1", "2.941.063.617"), ("K1_1", "2.519.451.117"),
    ("SK1_1_1", "2.421.621.117"), ("SK1_1_2", "97.830.000"),
    ("K1_2", "78.511.800"), ("SK1_2_1", "78.511.800"),
    ("K1_3", "252.339.200"), ("SK1_3_1", "252.339.200"),
    ("K1_4", "90.761.500"), ("SK1_4_1", "49.391.700"),
    ("SK1_4_2", "31.849.000"), ("SK1_4_3", "9.520.800"),
    ("P2", "1.041.115.000"), ("K2_1", "1.031.035.000"),
    ("SK2_1_1", "1.031.035.000"), ("K2_2", "10.080.000"),
    ("SK2_2_1", "10.080.000"),
    ("P3", "236.227.800"), ("K3_1", "236.227.800"),
    ("SK3_1_1", "7.231.800"), ("SK3_1_2", "228.996.000"),
    ("P4", "273.664.376"), ("K4_1", "273.664.376"),
    ("SK4_1_1", "273.664.376"),
]
TABEL_3_5 = [  # (id, anggaran, realisasi, % serapan as printed)
    ("P1", "2.941.063.617", "2.653.011.709", "90.21"),
    ("K1_1", "2.519.451.117", "2.297.148.008", "91.18"),
    ("SK1_1_1", "2.421.621.117", "2.202.538.008", "90.95"),
    ("SK1_1_2", "97.830.000", "94.610.000", "96.71"),
    ("K1_2", "78.511.800", "72.776.000", "92.69"),
    ("SK1_2_1", "78.511.800", "72.776.000", "92.69"),
    ("K1_3", "252.339.200", "211.045.025", "83.64"),
    ("SK1_3_1", "252.339.200", "211.045.025", "83.64"),
    ("K1_4", "90.761.500", "72.042.676", "79.38"),
    ("SK1_4_1", "49.391.700", "42.549.800", "86.15"),
    ("SK1_4_2", "31.849.000", "20.021.776", "62.86"),
    ("SK1_4_3", "9.520.800", "9.471.100", "99.48"),
    ("P2", "1.041.115.000", "1.032.500.000", "99.17"),
    ("K2_1", "1.031.035.000", "1.023.200.000", "99.24"),
    ("SK2_1_1", "1.031.035.000", "1.023.200.000", "99.24"),
    ("K2_2", "10.080.000", "9.300.000", "92.26"),
    ("SK2_2_1", "10.080.000", "9.300.000", "92.26"),
    ("P3", "236.227.800", "194.582.000", "82.37"),
    ("K3_1", "236.227.800", "194.582.000", "82.37"),
    ("SK3_1_1", "7.231.800", "6.460.000", "89.33"),
    ("SK3_1_2", "228.996.000", "188.122.000", "82.15"),
    ("P4", "273.664.376", "244.304.640", "89.27"),
    ("K4_1", "273.664.376", "244.304.640", "89.27"),
    ("SK4_1_1", "273.664.376", "244.304.640", "89.27"),
]
TABEL_3_8_SERAPAN = [(i, p) for (i, _a, _r, p) in TABEL_3_5]  # identical column
# BAB III C output tables, row "Input / Jumlah Dana" (target, realisasi)
OUTPUT_DANA = [
    ("SK1_1_1", "2.421.621.117", "2.202.538.008"),
    ("SK1_1_2", "97.830.000", "94.610.000"),
    ("SK1_2_1", "78.511.800", "78.511.800"),        # realisasi differs
    ("SK1_3_1", "252.339.200", "211.045.025"),
    ("SK1_4_1", "49.391.700", "42.549.800"),
    ("SK1_4_2", "31.849.000", "20.021.776"),
    ("SK1_4_3", "9.520.800", "9.471.100"),
    ("SK2_1_1", "2.421.621.117", "2.202.538.008"),  # copied from SK1_1_1
    ("SK2_2_1", "10.080.000", "9.300.000"),
    ("SK3_1_1", "7.231.800", "6.460.000"),
    ("SK3_1_2", "228.996.000", "188.122.000"),
    ("SK4_1_1", "273.664.376", "244.304.640"),
]
# Lampiran 2, RKT 2024 (29 Januari 2024), kolom ANGGARAN per sub kegiatan
RKT_ANGGARAN = [
    ("SK1_1_1", "2.405.621.117"), ("SK1_1_2", "97.830.000"),
    ("SK1_2_1", "78.511.800"), ("SK1_3_1", "252.339.200"),
    ("SK1_4_1", "49.391.700"), ("SK1_4_2", "31.849.000"),
    ("SK1_4_3", "9.520.800"), ("SK2_1_1", "1.031.035.000"),
    ("SK2_2_1", "10.080.000"), ("SK3_1_1", "7.231.800"),
    ("SK3_1_2", "228.996.000"), ("SK4_1_1", "273.664.376"),
]
NAMA_TABEL = {  # short row labels used in the claim messages
    "P1": "Program 1", "P2": "Program 2", "P3": "Program 3", "P4": "Program 4",
    "K1_1": "Kegiatan 1.1 Administrasi Keuangan", "K1_2": "Kegiatan 1.2 Administrasi Umum",
    "K1_3": "Kegiatan 1.3 Jasa Penunjang", "K1_4": "Kegiatan 1.4 Pemeliharaan BMD",
    "K2_1": "Kegiatan 2.1 Koordinasi Pemerintahan", "K2_2": "Kegiatan 2.2 Urusan Pemerintahan",
    "K3_1": "Kegiatan 3.1 Pemberdayaan Desa", "K4_1": "Kegiatan 4.1 Penegakan Perda",
    "SK1_1_1": "Gaji dan Tunjangan ASN", "SK1_1_2": "Penatausahaan Keuangan",
    "SK1_2_1": "Peralatan dan Perlengkapan", "SK1_3_1": "Jasa Pelayanan Umum",
    "SK1_4_1": "Kendaraan Perorangan", "SK1_4_2": "Kendaraan Operasional",
    "SK1_4_3": "Rehabilitasi Gedung", "SK2_1_1": "Efektifitas Pemerintahan",
    "SK2_2_1": "Pelayanan Masyarakat", "SK3_1_1": "Partisipasi Musrenbang",
    "SK3_1_2": "Efektifitas Pemberdayaan", "SK4_1_1": "Koordinasi Trantib",
}

# ---------------------------------------------------------------------------
# 2. The claims, in the order of the periksa statements of the .sakip file.
#    ("#", text) entries are section comments; (expr, pesan) are claims.
# ---------------------------------------------------------------------------

SEMUA_P = "anggaran(P1) + anggaran(P2) + anggaran(P3) + anggaran(P4)"
SEMUA_R = "realisasi(P1) + realisasi(P2) + realisasi(P3) + realisasi(P4)"
TERCAPAI6 = ("iku_tercapai(DOK) + iku_tercapai(IKM) + iku_tercapai(KESRA) + "
             "iku_tercapai(TRANTIB) + iku_tercapai(SAKIP) + iku_tercapai(IPT)")


def _claims():
    c = []

    def g(text):
        c.append(("#", text))

    def p(expr, pesan):
        c.append((expr, pesan))

    g("Ikhtisar Eksekutif")
    p("target(DOK) == 4", "Ikhtisar S1: target 4 dok")
    p("realisasi(DOK) == 4", "Ikhtisar S1: 4 dok terealisasi")
    p("capaian(DOK) ~= 100%", "Ikhtisar S1: capaian target 100%")
    p("realisasi(IKM) ~= 83.63", "Ikhtisar S2: realisasi IKM 83,63")
    p("target(IKM) == 82", "Ikhtisar S2: target Renstra 82")
    p("realisasi(KESRA) ~= 100%", "Ikhtisar S3: realisasi 100%")
    p("target(KESRA) == 100%", "Ikhtisar S3: target Renstra 100%")
    p("realisasi(TRANTIB) ~= 100%", "Ikhtisar S4: realisasi 100%")
    p("target(TRANTIB) == 100%", "Ikhtisar S4: target Renstra 100%")
    p("capaian(SAKIP) ~= 102%", "Ikhtisar S5: tingkat capaian kinerja 102%")
    p("realisasi(SAKIP) ~= 84.27", "Ikhtisar S5: Nilai SAKIP 84,27")
    p("target(SAKIP) == 82", "Ikhtisar S5: target Renstra 82")
    p("capaian(IPT) ~= 125%", "Ikhtisar S6: tingkat capaian kinerja 125%")
    p("realisasi(IPT) ~= 100%", "Ikhtisar S6: capaian (realisasi) 100%")
    p("target(IPT) == 80%", "Ikhtisar S6: target Renstra 80%")
    p("Rp 4.415.471.593 + Rp 76.599.200 == " + SEMUA_P,
      "Ikhtisar: Belanja Operasional + Belanja Modal = pagu APBD 2024")
    p("Rp 4.415.471.593 / (" + SEMUA_P + ") * 100 ~= 91.80%",
      "Ikhtisar: Belanja Operasional 91,80% dari APBD")
    p("Rp 76.599.200 / (" + SEMUA_P + ") * 100 ~= 2%",
      "Ikhtisar: Belanja Modal 2% dari APBD")
    p(SEMUA_R + " == Rp 4.124.398.349,00",
      "Ikhtisar: realisasi belanja s.d. 31 Desember 2024")
    p("(" + SEMUA_R + ") / (" + SEMUA_P + ") * 100 ~= 91.80%",
      "Ikhtisar: realisasi belanja 91,80% dari pagu")

    g("BAB I F, Tabel 1.4 Anggaran Kecamatan Ambulu 2024")
    for i, a in TABEL_1_4:
        p("anggaran(%s) == Rp %s" % (i, a), "Tabel 1.4: %s" % NAMA_TABEL[i])
    p(SEMUA_P + " == Rp 4.492.070.793", "Tabel 1.4: JUMLAH")

    g("BAB II C, Tabel 2.3 Perjanjian Kinerja (salinan dalam BAB II)")
    p("target(SAKIP) == 82", "Tabel 2.3: Nilai SAKIP Ambulu B (82)")
    p("kategori(target(SAKIP), akip88) == \"B\"",
      "Tabel 2.3: predikat B untuk nilai 82 (PermenPANRB 88/2021)")
    p("target(IPT) == 80", "Tabel 2.3: Persentase Indikator Program tercapai 80")
    p("target(DOK) == 4", "Tabel 2.3: Jumlah Dokumen Penataan 4 Dok")
    p("target(IKM) == 82", "Tabel 2.3: Indeks Kepuasan Masyarakat 82")
    p("target(KESRA) == 100%", "Tabel 2.3: Fasilitasi Kesejahteraan 100%")
    p("target(TRANTIB) == 100%", "Tabel 2.3: Penyelesaian Laporan Trantib 100%")
    p("anggaran(P1) == Rp 2.941.063.617", "Tabel 2.3: Program 1")
    p("anggaran(P2) == Rp 1.041.115.000", "Tabel 2.3: Program 2")
    p("anggaran(P3) == Rp 236.227.800", "Tabel 2.3: Program 3")
    p("anggaran(P4) == Rp 273.664.376", "Tabel 2.3: Program 4")
    p(SEMUA_P + " == Rp 4.492.070.793", "Tabel 2.3: Jumlah")

    g("BAB II D, Alokasi anggaran per sasaran")
    p("anggaran(P1) == Rp 2.941.063.617", "BAB II D a): Sasaran I didukung Program 1")
    p("anggaran(P2) == Rp 1.041.115.000", "BAB II D b): Sasaran II didukung Program 2")
    p("anggaran(P3) == Rp 236.227.800", "BAB II D c): Sasaran III didukung Program 3")
    p("anggaran(P4) == Rp 273.664.376", "BAB II D d): Sasaran IV didukung Program 4")
    p(SEMUA_P + " == Rp 4.492.070.793", "BAB II D: keseluruhan anggaran program")
    p("anggaran(P1) / (" + SEMUA_P + ") * 100 ~= 65%",
      "BAB II D: Sasaran I (Program 1) 65% dari belanja")
    p("(anggaran(P2) + anggaran(P3) + anggaran(P4)) / (" + SEMUA_P + ") * 100 ~= 35%",
      "BAB II D: sasaran II-IV (Program 2-4) 35% dari belanja")

    g("BAB III B, Tabel 3.2 Pengukuran Realisasi Kinerja Tahun 2024")
    p("target(DOK) == 4", "Tabel 3.2 no.1: target 4 Dok")
    p("realisasi(DOK) == 4", "Tabel 3.2 no.1: realisasi 4 Dok")
    p("capaian(DOK) ~= 100%", "Tabel 3.2 no.1: capaian 100%")
    p("capaian_renstra(DOK) ~= 100%", "Tabel 3.2 no.1: capaian thd target akhir renstra 100%")
    p("target(IKM) == 82", "Tabel 3.2 no.2: target 82")
    p("realisasi(IKM) ~= 83.63", "Tabel 3.2 no.2: realisasi 83,63")
    p("capaian(IKM) ~= 102%", "Tabel 3.2 no.2: capaian 102%")
    p("target(IKM, 2026) == 85", "Tabel 3.2 no.2: target akhir renstra 85")
    p("capaian_renstra(IKM) ~= 98%", "Tabel 3.2 no.2: capaian thd target akhir renstra 98%")
    p("target(KESRA) == 100%", "Tabel 3.2 no.3: target 100%")
    p("realisasi(KESRA) ~= 100%", "Tabel 3.2 no.3: realisasi 100%")
    p("capaian(KESRA) ~= 100%", "Tabel 3.2 no.3: capaian 100%")
    p("target(KESRA, 2026) == 100%", "Tabel 3.2 no.3: target akhir renstra 100%")
    p("capaian_renstra(KESRA) ~= 100%", "Tabel 3.2 no.3: capaian thd target akhir renstra 100%")
    p("target(TRANTIB) == 100%", "Tabel 3.2 no.4: target 100%")
    p("realisasi(TRANTIB) ~= 100%", "Tabel 3.2 no.4: realisasi 100%")
    p("capaian(TRANTIB) ~= 100%", "Tabel 3.2 no.4: capaian 100%")
    p("target(TRANTIB, 2026) == 100%", "Tabel 3.2 no.4: target akhir renstra 100%")
    p("capaian_renstra(TRANTIB) ~= 100%", "Tabel 3.2 no.4: capaian thd target akhir renstra 100%")
    p("target(SAKIP) == 82", "Tabel 3.2 no.5: target 82")
    p("realisasi(SAKIP) ~= 84.27", "Tabel 3.2 no.5: realisasi 84.27")
    p("capaian(SAKIP) ~= 102%", "Tabel 3.2 no.5: capaian 102%")
    p("target(SAKIP, 2026) == 100", "Tabel 3.2 no.5: target akhir renstra 100 (Renstra: 85)")
    p("capaian_renstra(SAKIP) ~= 84%", "Tabel 3.2 no.5: capaian thd target akhir renstra 84%")
    p("target(IPT) == 80%", "Tabel 3.2 no.6: target 80%")
    p("realisasi(IPT) ~= 100%", "Tabel 3.2 no.6: realisasi 100%")
    p("capaian(IPT) ~= 125%", "Tabel 3.2 no.6: capaian 125%")
    p("target(IPT, 2026) == 100%", "Tabel 3.2 no.6: target akhir renstra 100%")
    p("capaian_renstra(IPT) ~= 100%", "Tabel 3.2 no.6: capaian thd target akhir renstra 100%")
    p("capaian() ~= 100%", "Teks Tabel 3.2: capaian indikator rata-rata 100%")
    p("kategori(capaian(), p86) == \"Tinggi\"",
      "Teks Tabel 3.2: rata-rata masuk kategori tinggi")

    g("BAB III B, uraian realisasi per sasaran")
    p("capaian(S1) ~= 100%", "Sasaran 1: tingkat realisasi 100%")
    p("realisasi(IKM) ~= 83.64", "Sasaran 2: IKM e-SUKMA mencapai 83,64")
    p("target(IKM) == 82", "Sasaran 2: target 82")
    p("capaian(IKM) ~= 102%", "Sasaran 2: capaian 102%")
    p("realisasi(KESRA) ~= 100%", "Sasaran 3: 23 / 23 x 100% = 100%")
    p("realisasi(TRANTIB) ~= 100%", "Sasaran 4: 14 / 14 x 100% = 100%")
    p("realisasi(SAKIP) ~= 84.27", "Sasaran 5: jumlah komponen evaluasi 84,27")
    p("realisasi(IPT) ~= 100%", "Sasaran 6: 4 / 4 x 100% = 100%")

    g("BAB III B, Tabel 3.3 Perbandingan realisasi 2021-2024 (tren)")
    p("realisasi(DOK, 2022) == 4 dan realisasi(DOK, 2023) == 4 dan realisasi(DOK) == 4",
      "Tabel 3.3 no.1: 4 Dok, 4 Dok, 4 Dok")
    p("realisasi(IKM, 2022) < realisasi(IKM, 2023) dan realisasi(IKM, 2023) < realisasi(IKM)",
      "Tabel 3.3 no.2: tren naik 72, 83,57, 83,63")
    p("realisasi(KESRA) ~= 100%", "Tabel 3.3 no.3: 2024 100%")
    p("realisasi(TRANTIB, 2022) < realisasi(TRANTIB, 2023) dan realisasi(TRANTIB, 2023) < realisasi(TRANTIB)",
      "Tabel 3.3 no.4: tren naik 94,33%, 96%, 100%")
    p("realisasi(SAKIP, 2023) < realisasi(SAKIP)", "Tabel 3.3 no.5: tren naik 53,30, 84.27")
    p("realisasi(SAKIP) ~= 84.27", "Tabel 3.3 no.5: 2024 84.27")
    p("realisasi(IPT, 2022) < realisasi(IPT, 2023) dan realisasi(IPT, 2023) < realisasi(IPT)",
      "Tabel 3.3 no.6: tren naik 88%, 98.83%, 100%")
    p("realisasi(IPT) ~= 100%", "Tabel 3.3 no.6: 2024 100%")

    g("BAB III B, Tabel 3.4 Perbandingan dengan IKM Kabupaten Jember (87,33)")
    p("realisasi(IKM) ~= 83.60", "Tabel 3.4: realisasi Th. 2024 83.60")
    p("realisasi(IKM) < 87.33", "Teks Tabel 3.4: IKM Ambulu lebih rendah dari IKM Kabupaten")
    p("87.33 - 83.60 ~= 3.27", "Teks Tabel 3.4: lebih rendah 3,27 poin (dari angka tabel 83.60)")
    p("87.33 - realisasi(IKM) ~= 3.27", "Teks Tabel 3.4: lebih rendah 3,27 poin (dari IKM 83,63)")

    g("BAB III C, Tabel 3.5 Program Pendukung Sasaran")
    for i, a, r, s in TABEL_3_5:
        p("anggaran(%s) == Rp %s" % (i, a), "Tabel 3.5: anggaran %s" % NAMA_TABEL[i])
        p("realisasi(%s) == Rp %s" % (i, r), "Tabel 3.5: realisasi %s" % NAMA_TABEL[i])
        p("serapan(%s) ~= %s%%" % (i, s), "Tabel 3.5: serapan %s" % NAMA_TABEL[i])
        if i == "SK1_4_3":
            p("serapan(S6) ~= 90.21%", "Tabel 3.5: Total Sasaran 1 (Efektifitas) 90,21%")
    p("anggaran(P2) + anggaran(P3) + anggaran(P4) == Rp 1.551.007.176",
      "Tabel 3.5: Total anggaran sasaran 2-4")
    p("realisasi(P2) + realisasi(P3) + realisasi(P4) == Rp 1.471.386.640",
      "Tabel 3.5: Total realisasi sasaran 2-4")
    p("(realisasi(P2) + realisasi(P3) + realisasi(P4)) / (anggaran(P2) + anggaran(P3) + anggaran(P4)) * 100 ~= 94.87%",
      "Tabel 3.5: Total serapan sasaran 2-4")

    g("BAB III C, tabel keluaran per sub kegiatan, baris Input Jumlah Dana")
    for i, a, r in OUTPUT_DANA:
        p("anggaran(%s) == Rp %s" % (i, a), "Tabel keluaran %s: dana target" % NAMA_TABEL[i])
        p("realisasi(%s) == Rp %s" % (i, r), "Tabel keluaran %s: dana realisasi" % NAMA_TABEL[i])

    g("BAB III C, Rekapitulasi Pelayanan Adminduk dan tabel MASPANDU")
    tw = [("TW I", [733, 1802, 103, 66, 119, 0, 24, 206], 3053),
          ("TW II", [1531, 467, 159, 169, 89, 16, 18, 354], 2803),
          ("TW III", [1118, 423, 144, 126, 92, 8, 16, 464], 2391),
          ("TW IV", [1435, 532, 213, 38, 124, 2, 29, 354], 2727)]
    for nama, row, tot in tw:
        p(" + ".join(str(v) for v in row) + " == %d" % tot, "Rekap Adminduk: jumlah %s" % nama)
    kol = ["KTP", "KK", "AKTA", "KIA", "Surat Pindah", "SK CK", "Kematian", "Lain-lain"]
    kol_tot = [4817, 3224, 619, 399, 424, 26, 87, 1378]
    for j, k in enumerate(kol):
        p(" + ".join(str(t[1][j]) for t in tw) + " == %d" % kol_tot[j], "Rekap Adminduk: jumlah %s" % k)
    p(" + ".join(str(v) for v in kol_tot) + " == 10974", "Rekap Adminduk: jumlah 10.974")
    p("3224 == 1802 + 467 + 423 + 532", "Tabel MASPANDU: KK 2024 3224 = rekap")
    p("619 == 103 + 159 + 144 + 213", "Tabel MASPANDU: AKTA 2024 619 = rekap")
    p("399 == 66 + 169 + 126 + 38", "Tabel MASPANDU: KIA 2024 399 = rekap")
    p("realisasi(IKM) ~= 83.67", "BAB III C (Pelayanan Umum): angka IKM 83.67")

    g("BAB III D, Tabel 3.6 Efisiensi Penggunaan Sumber Daya (nomor sasaran 3.6: 1=S6, 2=S2, 3=S3, 4=S4)")
    p(SEMUA_P + " == Rp 4.492.070.793,00", "BAB III D: jumlah anggaran Rp 4.492.070.793,00")
    for s, no, ser in [("S6", 1, "90.21"), ("S2", 2, "99.17"), ("S3", 3, "82.37"), ("S4", 4, "89.27")]:
        p("capaian(%s) ~= 100" % s, "Tabel 3.6 sasaran %d: %% capaian kinerja 100" % no)
        p("serapan(%s) ~= %s" % (s, ser), "Tabel 3.6 sasaran %d: %% serapan anggaran %s" % (no, ser.replace(".", ",")))
        p("efisiensi(%s) == \"Efisien\"" % s, "Tabel 3.6 sasaran %d: Efisien" % no)
    for s, no, ser in [("S6", 1, "90.21"), ("S2", 2, "99.17"), ("S3", 3, "82.27"), ("S4", 4, "89.27")]:
        p("capaian(%s) ~= 100%%" % s, "Teks Tabel 3.6 sasaran %d: 100%% capaian kinerja" % no)
        p("serapan(%s) ~= %s%%" % (s, ser), "Teks Tabel 3.6 sasaran %d: %s%% serapan anggaran" % (no, ser.replace(".", ",")))
        p("capaian(%s) > serapan(%s)" % (s, s), "Teks Tabel 3.6 sasaran %d: capaian lebih besar dari serapan" % no)

    g("BAB III E, Tabel 3.7 Rekapitulasi Predikat Capaian Kinerja 2024")
    for i, cap in [("DOK", "100"), ("IKM", "102"), ("KESRA", "100"), ("TRANTIB", "100"),
                   ("SAKIP", "102"), ("IPT", "125")]:
        p("capaian(%s) ~= %s%%" % (i, cap), "Tabel 3.7: %% capaian %s %s%%" % (i, cap))
        p("predikat(%s) == \"Tinggi\"" % i, "Tabel 3.7: predikat %s Tinggi" % i)

    g("BAB III E, uraian per sasaran strategis")
    p("capaian() ~= 100%", "Sasaran Strategis 1: capaian rata-rata indikator (tabel 3.7) 100%")
    p("kategori(capaian(), p86) == \"Tinggi\"", "Sasaran Strategis 1: kategori tinggi")
    p("capaian(S1) ~= 100%", "Sasaran Strategis 1: tingkat realisasi sasaran 100%")
    p("capaian(IKM) ~= 102%", "Sasaran Strategis 2: capaian rata-rata 102% (its one indikator, Tabel 3.7)")
    p("predikat(S2) == \"Tinggi\"", "Sasaran Strategis 2: predikat tinggi")
    p("capaian(S3) ~= 100%", "Sasaran Strategis 3: nilai rata-rata 100%")
    p("predikat(S3) == \"Tinggi\"", "Sasaran Strategis 3: predikat tinggi")
    p("capaian(S4) ~= 100%", "Sasaran Strategis 4: capaian rata-rata 100%")
    p("predikat(S4) == \"Tinggi\"", "Sasaran Strategis 4: predikat tinggi")
    p("capaian(SAKIP) ~= 102%", "Sasaran Strategis 5: rata-rata capaian kinerja 102% (its one indikator)")
    p("predikat(S5) == \"Tinggi\"", "Sasaran Strategis 5: predikat tinggi")
    p("realisasi(SAKIP) ~= 84.27", "Sasaran Strategis 5: nilai SAKIP 84,27")
    p("capaian(IPT) ~= 125%", "Sasaran Strategis 6: nilai capaian rata-rata 125% (its one indikator)")
    p("predikat(S6) == \"Tinggi\"", "Sasaran Strategis 6: predikat tinggi")

    g("BAB III F, Realisasi Anggaran: belanja operasional dan modal")
    p(SEMUA_P + " == Rp 4.492.070.793,00", "BAB III F: anggaran Rp 4.492.070.793,00")
    p("Rp 4.053.498.349,00 / Rp 4.415.471.593,00 * 100 ~= 91.80%",
      "BAB III F: Belanja Operasional terealisasi 91,80%")
    p("Rp 70.900.000,00 / Rp 76.599.200,00 * 100 ~= 92.56%",
      "BAB III F: Belanja Modal terealisasi 92,56%")
    p("Rp 4.053.498.349,00 + Rp 70.900.000,00 == " + SEMUA_R,
      "BAB III F: realisasi operasional + modal = total realisasi")

    g("BAB III F, Tabel 3.8 Realisasi Anggaran 2024 (kolom % Realisasi)")
    for i, s in TABEL_3_8_SERAPAN:
        p("serapan(%s) ~= %s%%" % (i, s), "Tabel 3.8: %% realisasi %s" % NAMA_TABEL[i])
    p(SEMUA_P + " == Rp 4.492.070.793,00", "Tabel 3.8: Jumlah anggaran")
    p(SEMUA_R + " == Rp 4.124.398.349,00", "Tabel 3.8: Jumlah realisasi")
    p("(" + SEMUA_R + ") / (" + SEMUA_P + ") * 100 ~= 91.82%", "Tabel 3.8: Jumlah % realisasi")

    g("BAB IV Penutup")
    p(TERCAPAI6 + " == 4", "BAB IV: 4 (empat) indikator PK 2024 mencapai target")

    g("Lampiran 3, Perjanjian Kinerja 2024 (26 Januari 2024)")
    p("target(SAKIP) == 82", "PK 2024: Nilai SAKIP Ambulu B (82)")
    p("kategori(target(SAKIP), akip88) == \"B\"", "PK 2024: predikat B untuk nilai 82")
    p("target(IPT) == 80", "PK 2024: Persentase Indikator Program tercapai 80")
    p("target(DOK) == 4", "PK 2024: Jumlah Dokumen Penataan 4 Dok")
    p("target(IKM) == 82", "PK 2024: Indeks Kepuasan Masyarakat 82")
    p("target(KESRA) == 100%", "PK 2024: Fasilitasi Kesejahteraan 100%")
    p("target(TRANTIB) == 100%", "PK 2024: Penyelesaian Laporan Trantib 100%")
    p("anggaran(P1) - Rp 16.000.000 == Rp 2.925.063.617",
      "PK 2024: Program 1 (APBD murni, sebelum tambahan Rp 16.000.000)")
    p("anggaran(P2) == Rp 1.041.115.000", "PK 2024: Program 2")
    p("anggaran(P3) == Rp 236.227.800", "PK 2024: Program 3")
    p("anggaran(P4) == Rp 273.664.376", "PK 2024: Program 4")
    p(SEMUA_P + " - Rp 16.000.000 == Rp 4.476.070.793", "PK 2024: Jumlah")

    g("Lampiran 3, Perjanjian Kinerja Perubahan 2024 (26 Nopember 2024)")
    p("target(SAKIP) == 82", "PK Perubahan 2024: Nilai SAKIP Ambulu B (82)")
    p("kategori(target(SAKIP), akip88) == \"B\"", "PK Perubahan 2024: predikat B untuk nilai 82")
    p("target(IPT) == 80", "PK Perubahan 2024: Persentase Indikator Program tercapai 80")
    p("target(DOK) == 4", "PK Perubahan 2024: Jumlah Dokumen Penataan 4 Dok")
    p("target(IKM) == 82", "PK Perubahan 2024: Indeks Kepuasan Masyarakat 82")
    p("target(KESRA) == 100%", "PK Perubahan 2024: Fasilitasi Kesejahteraan 100%")
    p("target(TRANTIB) == 100%", "PK Perubahan 2024: Penyelesaian Laporan Trantib 100%")
    p("anggaran(P1) == Rp 2.941.063.617", "PK Perubahan 2024: Program 1 (P-APBD)")
    p("anggaran(P2) == Rp 1.041.115.000", "PK Perubahan 2024: Program 2 (P-APBD)")
    p("anggaran(P3) == Rp 236.227.800", "PK Perubahan 2024: Program 3 (P-APBD)")
    p("anggaran(P4) == Rp 273.664.376", "PK Perubahan 2024: Program 4 (P-APBD)")
    p(SEMUA_P + " == Rp 4.492.070.793", "PK Perubahan 2024: Jumlah")

    g("Lampiran 2, Rencana Kinerja Tahunan 2024 (29 Januari 2024)")
    p("target(IPT) == 80%", "RKT 2024: Persentase Indikator Program tercapai 80%")
    p("target(IKM) == 82", "RKT 2024: Indeks Kepuasan Masyarakat 82")
    p("target(KESRA) == 100%", "RKT 2024: Fasilitasi Kesejahteraan 100%")
    p("target(TRANTIB) == 100%", "RKT 2024: Penyelesaian Laporan Trantib 100%")
    for i, a in RKT_ANGGARAN:
        if i == "SK1_1_1":
            p("anggaran(SK1_1_1) - Rp 16.000.000 == Rp %s" % a,
              "RKT 2024: Gaji dan Tunjangan ASN (sebelum tambahan Rp 16.000.000)")
        else:
            p("anggaran(%s) == Rp %s" % (i, a), "RKT 2024: %s" % NAMA_TABEL[i])

    g("BAB I D dan H, angka profil (aritmetika saja, di luar model LAKIP)")
    p("24 - 15 == 3", "BAB I D: kekurangan pegawai 3 orang (Tabel 1.1: kebutuhan 24, ada 15)")
    p("3 / 18 * 100 ~= 17%", "BAB I D: kekurangan 3 dari ideal 18 orang = 17%")
    p("61005 + 59755 == 120660", "BAB I H: penduduk 120.660 jiwa = 61.005 laki-laki + 59.755 perempuan")
    p("61005 / (61005 + 59755) * 100 ~= 50.45%", "BAB I H: laki-laki 50,45%")
    p("59755 / (61005 + 59755) * 100 ~= 49.55%", "BAB I H: perempuan 49,55%")

    g("The inputs computed by regulation: IKM from the survey, Nilai SAKIP from the komponen")
    p("bulat(ikm(SKM2024), 2) == realisasi(IKM)", "IKM e-SUKMA 83,63 = IKM of the survey (jawaban karangan)")
    p("mutu_pelayanan(realisasi(IKM)) == \"B\"", "Mutu pelayanan IKM 83,63: B (PermenPANRB 14/2017)")
    p("nilai_sakip(LHE2024) == 84.27", "BAB III B sasaran 5: jumlah komponen 84,27")
    p("predikat_sakip(nilai_sakip(LHE2024)) == \"A\"", "Nilai SAKIP 84,27: predikat A (PermenPANRB 88/2021)")
    p("predikat_sakip(target(SAKIP)) == \"B\"", "PK 2024: target Nilai SAKIP ditulis \"B (82)\"")
    return c


CLAIMS = _claims()

# ---------------------------------------------------------------------------
# 3. Values, model functions
# ---------------------------------------------------------------------------


class Money:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = Fraction(v)

    def __repr__(self):
        return fmt_money(self)


class Ref:
    __slots__ = ("id",)

    def __init__(self, i):
        self.id = i


class Undefined(Exception):
    pass


class TypeErr(Exception):
    pass


def rp(text):
    """Indonesian notation '4.492.070.793' or '4.492.070.793,00' -> Money."""
    m = re.fullmatch(r"(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d+))?", text)
    if not m:
        raise ValueError("bad Rp amount " + text)
    whole = int(m.group(1).replace(".", ""))
    frac = Fraction(int(m.group(2)), 10 ** len(m.group(2))) if m.group(2) else Fraction(0)
    return Money(whole + frac)


NODES = {}
for _i, _p, _a, _r in ANGGARAN:
    NODES[_i] = {"parent": _p, "stated_a": rp(_a), "stated_r": rp(_r), "children": []}
for _i, _n in NODES.items():
    if _n["parent"]:
        NODES[_n["parent"]]["children"].append(_i)


def node_sum(i, key):
    n = NODES[i]
    if not n["children"]:
        return n["stated_" + key].v
    return sum((node_sum(ch, key) for ch in n["children"]), Fraction(0))


def level(i):
    return "program" if i.startswith("P") else ("subkegiatan" if i.startswith("SK") else "kegiatan")


def f_target(x, t=TAHUN):
    ind = INDIKATOR[x]
    if t not in ind["target"]:
        raise Undefined("target %s %s" % (x, t))
    return Fraction(ind["target"][t])


def f_realisasi(x, t=TAHUN):
    if x in NODES:
        return Money(node_sum(x, "r"))
    ind = INDIKATOR[x]
    given = Fraction(ind["realisasi"][t]) if t in ind.get("realisasi", {}) else None
    computed = None
    if t in ind.get("data", {}):
        env = {k: Fraction(v) for k, v in ind["data"][t].items()}
        computed = evaluate(parse(ind["rumus"]), env)
    if given is not None and computed is not None and given != computed:
        raise SystemExit("realisasi and data disagree for %s %s" % (x, t))
    v = given if given is not None else computed
    if v is None:
        raise Undefined("realisasi %s %s" % (x, t))
    return v


def _mean_capped(ids, t):
    vals = [min(f_capaian(i, t), BATAS_RATA) for i in ids]
    return sum(vals, Fraction(0)) / len(vals)


def _by_polarity(x, r, tg):
    if tg == 0:
        raise Undefined("target 0")
    if INDIKATOR[x]["polaritas"] == "positif":
        return r / tg * 100
    return (tg - (r - tg)) / tg * 100


def f_capaian(x, t=TAHUN):
    if x in SASARAN:
        return _mean_capped(SASARAN[x], t)
    return _by_polarity(x, f_realisasi(x, t), f_target(x, t))


def f_capaian_iku(t=TAHUN):
    return _mean_capped([i for s in SASARAN for i in SASARAN[s]], t)


def f_capaian_renstra(x):
    return _by_polarity(x, f_realisasi(x, TAHUN), f_target(x, PERIODE[1]))


def f_serapan(x):
    if x in SASARAN:
        progs = [p for p, ss in MENDUKUNG.items() if x in ss]
        if not progs:
            raise Undefined("no program mendukung " + x)
        a = sum((node_sum(p, "a") for p in progs), Fraction(0))
        r = sum((node_sum(p, "r") for p in progs), Fraction(0))
    else:
        a, r = node_sum(x, "a"), node_sum(x, "r")
    if a == 0:
        raise Undefined("anggaran 0")
    return r / a * 100


def f_kategori(v, skala):
    for label, lo, loi, hi, hii in SKALA[skala]:
        ok = True
        if lo is not None:
            ok = ok and (v >= Fraction(lo) if loi else v > Fraction(lo))
        if hi is not None:
            ok = ok and (v <= Fraction(hi) if hii else v < Fraction(hi))
        if ok:
            return label
    raise Undefined("no band")


def f_predikat(x, t=TAHUN):
    return f_kategori(f_capaian(x, t), "p86")


def f_efisiensi(s):
    return "Efisien" if f_capaian(s) > f_serapan(s) else "Tidak Efisien"


def round_half_away(v, d):
    q = abs(v) * 10 ** d
    n = q.numerator // q.denominator
    if q - n >= Fraction(1, 2):
        n += 1
    return (n if v >= 0 else -n) / Fraction(10 ** d)


# ---------------------------------------------------------------------------
# 4. A small expression parser/evaluator for the claim expressions
# ---------------------------------------------------------------------------

TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<money>Rp\s+(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?)
  | (?P<num>\d[\d_]*(?:\.\d+)?(?:\s*%)?)
  | (?P<str>"(?:[^"\\]|\\.)*")
  | (?P<op>~=|==|!=|<=|>=|<|>|\+|-|\*|/|\(|\)|,)
  | (?P<id>[A-Za-z_][A-Za-z0-9_]*)
""", re.X)
KW = {"jika", "maka", "lainnya", "dan", "atau", "tidak", "benar", "salah"}


def tokenize(s):
    pos, out = 0, []
    while pos < len(s):
        m = TOKEN.match(s, pos)
        if not m:
            raise SyntaxError("cannot tokenize at %r" % s[pos:])
        pos = m.end()
        k = m.lastgroup
        if k != "ws":
            out.append((k, m.group()))
    out.append(("eof", ""))
    return out


def parse(s):
    toks = tokenize(s)
    i = [0]

    def peek():
        return toks[i[0]]

    def take(val=None):
        t = toks[i[0]]
        if val is not None and t[1] != val:
            raise SyntaxError("expected %s got %s in %s" % (val, t[1], s))
        i[0] += 1
        return t

    def expr():
        if peek()[1] == "jika":
            take()
            c = expr()
            take("maka")
            a = expr()
            take("lainnya")
            b = expr()
            return ("if", c, a, b)
        return or_()

    def or_():
        n = and_()
        while peek()[1] == "atau":
            take()
            n = ("or", n, and_())
        return n

    def and_():
        n = not_()
        while peek()[1] == "dan":
            take()
            n = ("and", n, not_())
        return n

    def not_():
        if peek()[1] == "tidak":
            take()
            return ("not", not_())
        return cmp()

    def cmp():
        n = add()
        op = peek()[1]
        if op == "~=":
            take()
            t = take()
            if t[0] != "num":
                raise SyntaxError("~= needs a literal: " + s)
            txt = t[1].replace("%", "").replace("_", "").strip()
            dec = len(txt.split(".")[1]) if "." in txt else 0
            return ("approx", n, Fraction(txt), dec, t[1])
        if op in ("==", "!=", "<", "<=", ">", ">="):
            take()
            return ("cmp", op, n, add())
        return n

    def add():
        n = mul()
        while peek()[1] in ("+", "-"):
            op = take()[1]
            n = ("bin", op, n, mul())
        return n

    def mul():
        n = unary()
        while peek()[1] in ("*", "/"):
            op = take()[1]
            n = ("bin", op, n, unary())
        return n

    def unary():
        if peek()[1] == "-":
            take()
            return ("neg", unary())
        return primary()

    def primary():
        k, v = take()
        if k == "money":
            return ("lit", rp(v[2:].strip()))
        if k == "num":
            return ("lit", Fraction(v.replace("%", "").replace("_", "").strip()))
        if k == "str":
            return ("lit", bytes(v[1:-1], "utf-8").decode("unicode_escape"))
        if v == "(":
            n = expr()
            take(")")
            return n
        if k == "id" and v in ("benar", "salah"):
            return ("lit", v == "benar")
        if k == "id" and v not in KW:
            if peek()[1] == "(":
                take()
                args = []
                if peek()[1] != ")":
                    args.append(expr())
                    while peek()[1] == ",":
                        take()
                        args.append(expr())
                take(")")
                return ("call", v, args)
            return ("id", v)
        raise SyntaxError("unexpected %r in %s" % (v, s))

    n = expr()
    if peek()[0] != "eof":
        raise SyntaxError("trailing %r in %s" % (peek()[1], s))
    return n


def num(v):
    if isinstance(v, bool) or not isinstance(v, Fraction):
        raise TypeErr("number expected, got %r" % (v,))
    return v


def binop(op, a, b):
    ma, mb = isinstance(a, Money), isinstance(b, Money)
    if op in "+-":
        if ma and mb:
            return Money(a.v + b.v if op == "+" else a.v - b.v)
        if not ma and not mb:
            return num(a) + num(b) if op == "+" else num(a) - num(b)
        raise TypeErr("money %s number" % op)
    if op == "*":
        if ma and mb:
            raise TypeErr("money * money")
        if ma:
            return Money(a.v * num(b))
        if mb:
            return Money(num(a) * b.v)
        return num(a) * num(b)
    if op == "/":
        d = b.v if mb else num(b)
        if d == 0:
            raise Undefined("division by zero")
        if ma and mb:
            return a.v / b.v
        if ma:
            return Money(a.v / d)
        if mb:
            raise TypeErr("number / money")
        return num(a) / d
    raise ValueError(op)


def compare(op, a, b):
    if isinstance(a, Money) != isinstance(b, Money):
        raise TypeErr("compare money with non-money")
    if isinstance(a, Money):
        a, b = a.v, b.v
    if isinstance(a, str) != isinstance(b, str):
        raise TypeErr("compare text with non-text")
    return {"==": a == b, "!=": a != b, "<": a < b, "<=": a <= b,
            ">": a > b, ">=": a >= b}[op]


def ref(v):
    if not isinstance(v, Ref):
        raise TypeErr("identifier expected")
    return v.id


def f_ikm(survei):
    """IKM from the survey answers (PermenPANRB 14/2017): NRR per unsur =
    sum of answers / respondents, each weighted exactly 1/9, times 25."""
    import os
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "skm-ambulu-2024.csv")
    assert survei == "SKM2024"
    with open(path, encoding="utf-8") as f:
        lines = [l.strip() for l in f if l.strip()]
    unsur = lines[0].split(",")
    rows = [[int(x) for x in l.split(",")] for l in lines[1:]]
    nrr = [Fraction(sum(r[e] for r in rows), len(rows)) for e in range(len(unsur))]
    return sum((n * Fraction(1, 9) for n in nrr), Fraction(0)) * 25


LHE = {"LHE2024": ["28.61", "24.79", "14.04", "16.83"]}   # perencanaan, pengukuran, pelaporan, evaluasi


def f_band(v, bands):
    for label, lo, lo_incl, hi, hi_incl in bands:
        if (lo is None or v > lo or (lo_incl and v == lo)) and (hi is None or v < hi or (hi_incl and v == hi)):
            return label
    raise Undefined("no band")


MUTU = [("A", Fraction("88.31"), True, Fraction(100), True), ("B", Fraction("76.61"), True, Fraction("88.31"), False),
        ("C", Fraction(65), True, Fraction("76.61"), False), ("D", Fraction(25), True, Fraction(65), False)]
AKIP = [("AA", Fraction(90), False, Fraction(100), True), ("A", Fraction(80), False, Fraction(90), True),
        ("BB", Fraction(70), False, Fraction(80), True), ("B", Fraction(60), False, Fraction(70), True),
        ("CC", Fraction(50), False, Fraction(60), True), ("C", Fraction(30), False, Fraction(50), True),
        ("D", Fraction(0), True, Fraction(30), True)]

FUNCS = {
    "ikm": lambda s: f_ikm(ref(s)),
    "nilai_sakip": lambda p: sum((Fraction(x) for x in LHE[ref(p)]), Fraction(0)),
    "mutu_pelayanan": lambda v: f_band(round_half_away(num(v), 2), MUTU),
    "predikat_sakip": lambda v: f_band(num(v), AKIP),
    "target": lambda x, t=None: f_target(ref(x), TAHUN if t is None else int(t)),
    "realisasi": lambda x, t=None: f_realisasi(ref(x), TAHUN if t is None else int(t)),
    "anggaran": lambda x: Money(node_sum(ref(x), "a")),
    "capaian": lambda x=None, t=None: f_capaian_iku() if x is None else f_capaian(ref(x), TAHUN if t is None else int(t)),
    "capaian_renstra": lambda x: f_capaian_renstra(ref(x)),
    "serapan": lambda x: f_serapan(ref(x)),
    "predikat": lambda x, t=None: f_predikat(ref(x), TAHUN if t is None else int(t)),
    "kategori": lambda v, s: f_kategori(num(v), ref(s)),
    "efisiensi": lambda s: f_efisiensi(ref(s)),
    "bulat": lambda v, n: round_half_away(num(v), int(n)),
    "jumlah": lambda *a: sum((num(x) for x in a), Fraction(0)),
    "rata": lambda *a: sum((num(x) for x in a), Fraction(0)) / len(a),
    "min": lambda *a: min(num(x) for x in a),
    "max": lambda *a: max(num(x) for x in a),
}


def evaluate(n, env=None):
    env = env or {}
    k = n[0]
    if k == "lit":
        return n[1]
    if k == "id":
        if n[1] in env:
            return env[n[1]]
        return Ref(n[1])
    if k == "call":
        args = [evaluate(a, env) for a in n[2]]
        if n[1] in ATURAN:
            params, body = ATURAN[n[1]]
            return evaluate(parse(body), dict(zip(params, args)))
        return FUNCS[n[1]](*args)
    if k == "bin":
        return binop(n[1], evaluate(n[2], env), evaluate(n[3], env))
    if k == "neg":
        v = evaluate(n[1], env)
        return Money(-v.v) if isinstance(v, Money) else -num(v)
    if k == "cmp":
        return compare(n[1], evaluate(n[2], env), evaluate(n[3], env))
    if k == "approx":
        v = num(evaluate(n[1], env))
        return round_half_away(v, n[3]) == n[2]
    if k == "and":
        return evaluate(n[1], env) and evaluate(n[2], env)
    if k == "or":
        return evaluate(n[1], env) or evaluate(n[2], env)
    if k == "not":
        return not evaluate(n[1], env)
    if k == "if":
        return evaluate(n[2], env) if evaluate(n[1], env) else evaluate(n[3], env)
    raise ValueError(k)


# ---------------------------------------------------------------------------
# 5. Formatting (Indonesian notation, half-up to 2 decimals)
# ---------------------------------------------------------------------------


def group3(s):
    out = ""
    while len(s) > 3:
        out = "." + s[-3:] + out
        s = s[:-3]
    return s + out


def fmt_num(v, d=2):
    if isinstance(v, bool):
        return "benar" if v else "salah"
    if isinstance(v, str):
        return '"%s"' % v
    if isinstance(v, Money):
        return fmt_money(v)
    r = round_half_away(v, d)
    neg = r < 0
    q = abs(r) * 10 ** d
    s = str(q.numerator // q.denominator).rjust(d + 1, "0")
    whole, frac = s[:-d] if d else s, s[-d:] if d else ""
    return ("-" if neg else "") + group3(whole) + ("," + frac if d else "")


def fmt_money(m):
    v = m.v
    neg = v < 0
    v = abs(v)
    whole = v.numerator // v.denominator
    frac = v - whole
    s = "Rp " + ("-" if neg else "") + group3(str(whole))
    if frac:
        s += "," + fmt_num(frac, 2).split(",")[1]
    return s


def exact10(v):
    """A ratio to 10 decimals (for comparing with JSON output)."""
    if isinstance(v, Money):
        return fmt_money(v)
    if not isinstance(v, Fraction):
        return fmt_num(v)
    return str(Decimal(round_half_away(v, 10).numerator) / Decimal(round_half_away(v, 10).denominator))


def lhs_of(n):
    """The value shown as 'kiri' for a claim."""
    if n[0] in ("approx", "cmp"):
        return n[1] if n[0] == "approx" else n[2]
    return None


# ---------------------------------------------------------------------------
# 6. Main
# ---------------------------------------------------------------------------


def sakip_periksa(path):
    """Extract (expr, pesan) of every periksa statement of a .sakip file."""
    src = open(path, encoding="utf-8").read()
    # strip comments, respecting strings
    out, in_str, esc, comment = [], False, False, False
    for ch in src:
        if comment:
            if ch == "\n":
                comment = False
                out.append(ch)
            continue
        if in_str:
            out.append(ch)
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
            continue
        if ch == "#":
            comment = True
            continue
        if ch == '"':
            in_str = True
        out.append(ch)
    text = "".join(out)
    res = []
    for m in re.finditer(r'\bperiksa\s+(.+?)\s+pesan\s+"((?:[^"\\]|\\.)*)"', text, re.S):
        res.append((" ".join(m.group(1).split()), m.group(2).replace('\\"', '"'),
                    text.count("\n", 0, m.start()) + 1))
    return res


def _selftest():
    """The examples of sakip(5) (VALUES, EXPRESSIONS, BUILT-IN FUNCTIONS), so a semantic slip here shows at once."""
    assert evaluate(parse("101.99 ~= 102%")) is True
    assert evaluate(parse("102.768 ~= 102%")) is False
    assert evaluate(parse("0.125 ~= 0.13")) is True           # half away from zero
    assert evaluate(parse("bulat(-0.125, 2) == -0.13")) is True
    assert evaluate(parse("Rp 4.492.070.793,00 == Rp 4492070793")) is True
    assert evaluate(parse("Rp 10 / Rp 4 == 2.5")) is True
    for bad_expr in ("Rp 1 + 1", "\"a\" + 1", "1 / Rp 2"):
        try:
            evaluate(parse(bad_expr))
        except TypeErr:
            continue
        raise AssertionError("type error expected: " + bad_expr)
    assert f_kategori(Fraction(90), "p86") == "Sangat Tinggi"
    assert f_kategori(Fraction("89.999"), "p86") == "Tinggi"
    assert f_kategori(Fraction("75.5"), "p86") == "Sedang"
    assert f_kategori(Fraction(80), "akip88") == "BB"


def main(argv):
    _selftest()
    bad = 0
    # internal consistency of the transcription: stated parent totals
    for i, n in NODES.items():
        if n["children"]:
            for key in ("a", "r"):
                if node_sum(i, key) != n["stated_" + key].v:
                    print("TOTAL MISMATCH %s %s: stated %s, children %s" % (
                        i, key, fmt_money(n["stated_" + key]), fmt_money(Money(node_sum(i, key)))))
                    bad = 1

    print("LAKIP 2024 Kecamatan Ambulu -- reference values (exact fractions, shown half-up)")
    print()
    print("Indikator (tahun %d; target akhir = %d)" % (TAHUN, PERIODE[1]))
    hdr = "%-8s %-3s %-8s %8s %9s %9s %-14s %8s %9s  %s" % (
        "id", "sas", "satuan", "target", "realisasi", "capaian", "predikat", "t.akhir", "c.renstra",
        "capaian (10 desimal)")
    print(hdr)
    print("-" * len(hdr))
    for i, ind in INDIKATOR.items():
        c = f_capaian(i)
        print("%-8s %-3s %-8s %8s %9s %9s %-14s %8s %9s  %s" % (
            i, ind["sasaran"], ind["satuan"], fmt_num(f_target(i)), fmt_num(f_realisasi(i)),
            fmt_num(c), f_predikat(i), fmt_num(f_target(i, PERIODE[1])),
            fmt_num(f_capaian_renstra(i)), exact10(c)))
    print()
    print("Realisasi per tahun (Tabel 3.3; '-' = kosong di laporan)")
    for i in INDIKATOR:
        row = []
        for t in range(2021, 2025):
            try:
                row.append(fmt_num(f_realisasi(i, t)))
            except Undefined:
                row.append("-")
        print("  %-8s %s" % (i, "  ".join("%d: %s" % (t, v) for t, v in zip(range(2021, 2025), row))))
    print()
    print("Sasaran")
    print("%-4s %9s %-14s %9s %-14s" % ("id", "capaian", "predikat", "serapan", "efisiensi"))
    for s in SASARAN:
        c = f_capaian(s)
        try:
            se, ef = fmt_num(f_serapan(s)), f_efisiensi(s)
        except Undefined:
            se, ef = "-", "- (tidak didukung program)"
        print("%-4s %9s %-14s %9s %-14s" % (s, fmt_num(c), f_kategori(c, "p86"), se, ef))
    print()
    print("Anggaran (Tabel 3.8)")
    print("%-8s %-11s %-5s %20s %20s %8s" % ("id", "tingkat", "induk", "anggaran", "realisasi", "serapan"))
    for i, n in NODES.items():
        print("%-8s %-11s %-5s %20s %20s %8s" % (
            i, level(i), n["parent"] or "-", fmt_money(Money(node_sum(i, "a"))),
            fmt_money(Money(node_sum(i, "r"))), fmt_num(f_serapan(i))))
    ta = sum((node_sum(p, "a") for p in NODES if NODES[p]["parent"] is None), Fraction(0))
    tr = sum((node_sum(p, "r") for p in NODES if NODES[p]["parent"] is None), Fraction(0))
    print("%-8s %-11s %-5s %20s %20s %8s" % ("JUMLAH", "", "", fmt_money(Money(ta)), fmt_money(Money(tr)),
                                            fmt_num(tr / ta * 100)))
    print()
    print("Periksa (no, hasil, kiri [10 desimal], kanan, pesan)")
    nclaims = nfail = 0
    failed = []
    for e, pesan in CLAIMS:
        if e == "#":
            print("  # " + pesan)
            continue
        nclaims += 1
        tree = parse(e)
        try:
            held = evaluate(tree)
        except (Undefined, TypeErr) as ex:
            print("  %3d  ERROR %s  in: %s" % (nclaims, ex, e))
            bad = 1
            continue
        lhs = lhs_of(tree)
        lv = evaluate(lhs) if lhs is not None else held
        if tree[0] == "approx":
            shown = "%s [%s]" % (fmt_num(lv, tree[3]), exact10(lv))
            rhs = tree[4]
        elif tree[0] == "cmp":
            shown = fmt_num(lv) if not isinstance(lv, Fraction) else "%s [%s]" % (fmt_num(lv), exact10(lv))
            rv = evaluate(tree[3])
            rhs = tree[1] + " " + (fmt_num(rv) if not isinstance(rv, Fraction) else exact10(rv))
        else:
            shown, rhs = fmt_num(lv), ""
        res = "holds" if held else "FAILS"
        if not held:
            nfail += 1
            failed.append((nclaims, e, shown, pesan))
        print("  %3d  %-5s  %s  vs %s   -- %s" % (nclaims, res, shown, rhs, pesan))
        print("            periksa %s" % e)
    print()
    print("Ringkasan: %d periksa, %d gagal (FAILS), %d berlaku" % (nclaims, nfail, nclaims - nfail))
    for no, e, shown, pesan in failed:
        print("  %3d  %-58s computed %s" % (no, pesan, shown))

    if len(argv) >= 2 and argv[0] == "--cocokkan":
        found = sakip_periksa(argv[1])
        got = [(e, p) for e, p, _ln in found]
        want = [(e, p) for e, p in CLAIMS if e != "#"]
        if got != want:
            bad = 1
            print()
            print("--cocokkan: %s differs from the claim list (%d vs %d statements)" % (
                argv[1], len(got), len(want)))
            for k, (a, b) in enumerate(zip(got, want), 1):
                if a != b:
                    print("  first difference at periksa %d:\n    file:   %r\n    script: %r" % (k, a, b))
                    break
        else:
            print()
            print("--cocokkan: the %d periksa statements of %s match this script, in order" % (len(got), argv[1]))
            print("failing claims by line of %s:" % argv[1])
            for no, e, shown, pesan in failed:
                print("  %s:%d  periksa %d  computed %s  -- %s" % (argv[1], found[no - 1][2], no, shown, pesan))
    return bad


def emit_json():
    """The oracle's figures as JSON, for tests/ref/compare.py: exact
    values as 10-decimal strings, texts, and each claim's outcome."""
    import json
    out = {"indikator": {}, "sasaran": {}, "anggaran": {}, "periksa": []}
    for i, d in INDIKATOR.items():
        out["indikator"][i] = {
            "capaian": exact10(f_capaian(i)),
            "capaian_renstra": exact10(f_capaian_renstra(i)),
            "predikat": f_predikat(i),
        }
    for s in SASARAN:
        try:
            ser = exact10(f_serapan(s))
            efi = f_efisiensi(s)
        except Exception:
            ser, efi = None, None
        out["sasaran"][s] = {"capaian": exact10(f_capaian(s)), "serapan": ser, "efisiensi": efi}
    for i in NODES:
        out["anggaran"][i] = {"anggaran": exact10(node_sum(i, "a")), "realisasi": exact10(node_sum(i, "r")),
                              "serapan": exact10(f_serapan(i))}
    for e, pesan in CLAIMS:
        if e == "#":
            continue
        out["periksa"].append(bool(evaluate(parse(e))))
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    if sys.argv[1:] == ["--json"]:
        emit_json()
        sys.exit(0)
    sys.exit(main(sys.argv[1:]))
