#!/usr/bin/env python3
"""gen.py -- deterministic benchmark corpora for sakip (project issue #9).

Writes synthetic kecamatan LAKIP reports shaped like examples/ambulu-2024.sakip
(an instansi with induk, tahun 2024, periode 2021..2026; 5-7 sasaran with 1-2
indikator; a budget tree of 3-5 program x 1-4 kegiatan x 1-4 subkegiatan in
Indonesian rupiah notation; a few dozen `periksa` claims, most of them true,
some deliberately false) and the equivalent ledger-cli journal of the same
budget trees (one transaction per subkegiatan).

    python3 bench/gen.py [--seed S] [--sizes 31,660,7300] [DIR]     (DIR: bench/corpus)

For each size N it writes DIR/N/:
    *.sakip         N reports, flat, short names (k0001-jember-ajung.sakip)
    files.txt       the report names, one a line, in order
    budget.ledger   the journal (amounts in Indonesian notation: ledger --decimal-comma)
    manifest.tsv    file, claims, expected failing claims (the generator's own
                    exact arithmetic; `bench/run --verify` compares it with sakip)
    STAMP           generator version and hash + seed + N, written last (a complete corpus;
                    a corpus whose STAMP differs is rewritten)

The kecamatan stream is the same for every size: the 31-file corpus is the 31
kecamatan of Kabupaten Jember, the 660-file corpus starts with them, and so on.
Standard library only; the output depends on nothing but --seed.
"""

import argparse
import hashlib
import math
import os
import random
import sys
from fractions import Fraction as F

VERSION = "1"
YEAR = 2024

# ---------------------------------------------------------------------------
# name pools

JEMBER = ["Ajung", "Ambulu", "Arjasa", "Balung", "Bangsalsari", "Gumukmas", "Jelbuk", "Jenggawah",
          "Jombang", "Kalisat", "Kaliwates", "Kencong", "Ledokombo", "Mayang", "Mumbulsari", "Pakusari",
          "Panti", "Patrang", "Puger", "Rambipuji", "Semboro", "Silo", "Sukorambi", "Sukowono",
          "Sumberbaru", "Sumberjambe", "Sumbersari", "Tanggul", "Tempurejo", "Umbulsari", "Wuluhan"]

REAL_KAB = ["Banyuwangi", "Bondowoso", "Situbondo", "Lumajang", "Probolinggo", "Pasuruan", "Malang",
            "Blitar", "Tulungagung", "Trenggalek", "Kediri", "Nganjuk", "Madiun", "Magetan", "Ngawi",
            "Ponorogo", "Pacitan", "Bojonegoro", "Tuban", "Lamongan", "Gresik", "Sidoarjo", "Mojokerto",
            "Jombang", "Sampang", "Pamekasan", "Sumenep", "Bangkalan", "Klaten", "Boyolali", "Sragen",
            "Wonogiri", "Karanganyar", "Sukoharjo", "Grobogan", "Blora", "Rembang", "Pati", "Kudus",
            "Jepara", "Demak", "Kendal", "Batang", "Pekalongan", "Pemalang", "Tegal", "Brebes",
            "Banyumas", "Cilacap", "Purbalingga", "Banjarnegara", "Kebumen", "Purworejo", "Wonosobo",
            "Magelang", "Temanggung", "Semarang", "Garut", "Tasikmalaya", "Ciamis", "Kuningan",
            "Majalengka", "Sumedang", "Indramayu", "Subang", "Purwakarta", "Karawang", "Bekasi",
            "Bogor", "Sukabumi", "Cianjur", "Bandung", "Pandeglang", "Lebak", "Serang", "Tangerang",
            "Agam", "Pasaman", "Solok", "Tanah Datar", "Padang Pariaman", "Lima Puluh Kota", "Kampar",
            "Bengkalis", "Indragiri Hilir", "Muara Enim", "Lahat", "Musi Banyuasin", "Ogan Ilir",
            "Lampung Selatan", "Tanggamus", "Way Kanan", "Deli Serdang", "Langkat", "Karo", "Simalungun",
            "Asahan", "Tapanuli Utara", "Nias", "Aceh Besar", "Pidie", "Bireuen", "Gowa", "Maros",
            "Bone", "Wajo", "Sidrap", "Pinrang", "Luwu", "Minahasa", "Bolaang Mongondow", "Banggai",
            "Donggala", "Poso", "Kolaka", "Konawe", "Buton", "Lombok Barat", "Lombok Timur", "Sumbawa",
            "Bima", "Dompu", "Kupang", "Belu", "Sikka", "Ende", "Manggarai", "Badung", "Gianyar",
            "Tabanan", "Buleleng", "Karangasem", "Banjar", "Tabalong", "Kotawaringin Barat", "Kapuas",
            "Ketapang", "Sambas", "Sanggau", "Sintang", "Kutai Kartanegara", "Berau", "Paser",
            "Jayapura", "Merauke", "Mimika", "Biak Numfor", "Manokwari", "Sorong", "Maluku Tengah",
            "Halmahera Utara", "Bangka", "Belitung", "Kerinci", "Merangin", "Rejang Lebong"]

PRE = ["Suka", "Karang", "Sumber", "Banyu", "Tanjung", "Kali", "Pasir", "Gunung", "Muara", "Lubuk",
       "Teluk", "Bukit", "Pondok", "Tegal", "Rejo", "Sido", "Wono", "Mojo", "Purwo", "Tirto", "Jati",
       "Kebon", "Sri", "Ngadi", "Bojong", "Ciku", "Padang", "Kota", "Simpang", "Koto", "Batu",
       "Sungai", "Tanah", "Air", "Lemah", "Gedang", "Kedung", "Ngrayun", "Wates", "Salam", "Pager",
       "Banjar", "Glagah", "Sambi", "Bandar", "Sako", "Lambu", "Pulau", "Ulu", "Talang"]
SUF = ["jaya", "makmur", "rejo", "sari", "mulyo", "asri", "harjo", "agung", "indah", "baru", "wangi",
       "kerto", "dadi", "kulon", "wetan", "lor", "kidul", "raya", "sentosa", "tengah", "anyar",
       "gede", "manik", "rame", "tani", "laut", "pura", "sakti", "tirta", "mas", "arum", "joyo",
       "luhur", "rahayu", "lestari", "permai", "sejahtera", "utama", "batu", "panjang"]
WORD2 = ["Raya", "Baru", "Tengah", "Hilir", "Hulu", "Timur", "Barat", "Utara", "Selatan", "Ampar",
         "Jaya", "Makmur", "Indah", "Lama", "Besar", "Kecil", "Sari", "Permai", "Asri", "Mas"]

FIRST = ["AGUS", "BUDI", "SRI", "DWI", "EKO", "HARI", "IWAN", "JOKO", "KUSNADI", "LILIK", "MOCH.",
         "NUR", "PUJI", "RUDI", "SITI", "TEGUH", "WAHYU", "YUNI", "ZAINAL", "ACHMAD", "BAMBANG",
         "DIDIK", "ENDANG", "FITRIA", "GATOT", "HENDRO", "IMAM", "LUKMAN", "MUHAMMAD", "RATNA",
         "SUGENG", "TRI", "WIDODO", "YUSUF", "ANDI", "HASAN", "IRWAN", "NOVITA", "RIZAL", "SUPARNO"]
LAST = ["SUHARYONO", "SANTOSO", "WIBOWO", "HIDAYAT", "PRASETYO", "KURNIAWAN", "SETIAWAN", "RAHAYU",
        "SUSANTO", "HARTONO", "NUGROHO", "SAPUTRA", "WAHYUDI", "ISWAHYUDI", "FIRMANSYAH",
        "SYAHPUTRA", "HAKIM", "MAULANA", "PURNOMO", "SULISTYO", "ARIFIN", "RAHMAN", "EFENDI",
        "SUPRIYADI", "SUBAGYO", "HANDOKO", "LESTARI", "ANGGRAENI", "MUSTOFA", "ROSYIDI"]
PRE_T = ["", "", "Drs. ", "Dra. ", "Ir. ", "H. ", "Hj. ", "Dr. "]
POST_T = ["", ", S.Sos", ", S.STP, M.Si", ", M.Si", ", S.H", ", S.E, M.M", ", S.IP", ", M.AP",
          ", S.Sos, M.Si", ", S.Kom"]

TUJUAN = [
    ("Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang profesional, efektif, dan efisien",
     "Membangun tata kelola pemerintahan yang kondusif antara eksekutif, legislatif, masyarakat, dan komponen pembangunan daerah lainnya"),
    ("Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan dan pelayanan publik",
     "Membangun tata kelola pemerintahan yang kondusif antara eksekutif, legislatif, masyarakat, dan komponen pembangunan daerah lainnya"),
    ("Meningkatnya kualitas pelayanan publik dan partisipasi masyarakat di wilayah kecamatan",
     "Mewujudkan pelayanan publik yang prima, merata dan berkeadilan"),
    ("Terwujudnya ketenteraman, ketertiban umum dan perlindungan masyarakat",
     "Mewujudkan masyarakat yang aman, tertib dan berdaya saing"),
]

SASARAN = [
    "Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan",
    "Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan",
    "Meningkatnya Fasilitasi Kesejahteraan Masyarakat di Kecamatan",
    "Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan",
    "Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang profesional, efektif, dan efisien",
    "Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah",
    "Meningkatnya kualitas pelayanan administrasi kependudukan dan perizinan di kecamatan",
    "Meningkatnya partisipasi masyarakat dalam perencanaan pembangunan desa",
    "Meningkatnya kinerja pemerintahan desa dan kelurahan",
    "Menurunnya gangguan ketenteraman dan ketertiban umum",
    "Meningkatnya penerimaan pajak daerah di wilayah kecamatan",
    "Meningkatnya akuntabilitas kinerja dan keuangan perangkat daerah",
]

SEKSI = ["Camat", "Sekcam", "Seksi Pemerintahan", "Seksi Pelayanan Umum", "Seksi PMKS", "Seksi Trantib",
         "Subbag Umum dan Kepegawaian", "Subbag Perencanaan dan Keuangan",
         "Seksi Pemberdayaan Masyarakat dan Desa", "Seksi Ekonomi dan Pembangunan"]
SUMBER = ["SUKMA-E", "LAKIP", "Laporan Hasil Evaluasi (LHE) AKIP-PD", "Aplikasi SIAK",
          "Dokumen laporan fasilitasi kegiatan pemberdayaan masyarakat", "Register pengaduan masyarakat",
          "Laporan bulanan Seksi Trantib", "Data penataan organisasi dan tata laksana",
          "Aplikasi SIPD", "Laporan realisasi PBB-P2 Bapenda", "Buku register pelayanan PATEN",
          "Laporan Puskesmas dan TP-PKK"]

# Indikator templates: id, name, satuan, polaritas, kind.
#   kind: idx (index ~80), pct (a percentage), cnt (a count), sum4 (SAKIP-like, rumus of 4 parts),
#         ratio (rumus a / b * 100), npct (negative percentage), nday (negative, days), ncnt (negative count)
IND = [
    ("IKM", "Indeks Kepuasan Masyarakat", "indeks", "idx"),
    ("SAKIP", "Nilai SAKIP OPD", "nilai", "sum4"),
    ("KESRA", "Persentase Fasilitasi Kesejahteraan masyarakat yang dilaksanakan", "%", "ratio"),
    ("TRANTIB", "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum", "%", "ratio"),
    ("IPT", "Persentase Indikator Program yang tercapai", "%", "ratio"),
    ("DOK", "Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah", "dokumen", "cnt"),
    ("ADMDUK", "Persentase Dokumen Administrasi Kependudukan yang Diterbitkan Tepat Waktu", "%", "ratio"),
    ("PATEN", "Persentase Pelayanan Administrasi Terpadu Kecamatan yang Diselesaikan", "%", "pct"),
    ("PBB", "Persentase Capaian Penerimaan PBB-P2", "%", "pct"),
    ("LKDESA", "Persentase Desa yang Menyampaikan Laporan Keuangan Tepat Waktu", "%", "ratio"),
    ("MUSREN", "Persentase Usulan Musrenbang Kecamatan yang Terakomodasi", "%", "pct"),
    ("LPM", "Jumlah Lembaga Kemasyarakatan Desa yang Dibina", "lembaga", "cnt"),
    ("ADUAN", "Persentase Pengaduan Masyarakat yang Tidak Terselesaikan", "%", "npct"),
    ("WAKTU", "Rata-rata Waktu Penyelesaian Pelayanan Administrasi", "hari", "nday"),
    ("GANGGU", "Jumlah Kejadian Gangguan Ketenteraman dan Ketertiban Umum", "kejadian", "ncnt"),
    ("STUNT", "Prevalensi Stunting di Wilayah Kecamatan", "%", "npct"),
    ("IDM", "Indeks Desa Membangun Rata-rata Desa", "indeks", "idx2"),
    ("SPM", "Persentase Pemenuhan Standar Pelayanan Minimal Kecamatan", "%", "pct"),
]
RATIO_DATA = {
    "KESRA": ("difasilitasi", "direncanakan", "Kegiatan pemberdayaan difasilitasi / kegiatan direncanakan x 100%"),
    "TRANTIB": ("selesai", "masuk", "Jumlah laporan/aduan trantibum yang diselesaikan / jumlah yang masuk x 100%"),
    "IPT": ("tercapai", "seluruh", "Indikator program tercapai / seluruh indikator program x 100%"),
    "ADMDUK": ("tepat_waktu", "diajukan", "Dokumen adminduk terbit tepat waktu / dokumen diajukan x 100%"),
    "LKDESA": ("tepat", "desa", "Desa yang melapor tepat waktu / jumlah desa x 100%"),
}

PROGRAMS = [
    "Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
    "Penyelenggaraan Pemerintahan Dan Pelayanan Publik",
    "Pemberdayaan Masyarakat Desa Dan Kelurahan",
    "Koordinasi Ketentraman Dan Ketertiban Umum",
    "Penyelenggaraan Urusan Pemerintahan Umum",
    "Pembinaan dan Pengawasan Pemerintahan Desa",
    "Perencanaan, Penganggaran dan Evaluasi Kinerja Perangkat Daerah",
]
KEGIATAN = [
    "Administrasi Keuangan Perangkat Daerah", "Administrasi Umum Perangkat Daerah",
    "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
    "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
    "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
    "Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah",
    "Koordinasi Kegiatan Pemberdayaan Desa",
    "Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",
    "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    "Administrasi Kepegawaian Perangkat Daerah", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintahan",
    "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum",
    "Fasilitasi Administrasi Pemerintahan Desa",
    "Administrasi Barang Milik Daerah", "Pelayanan Administrasi Terpadu Kecamatan",
    "Pembinaan Pemerintahan Desa", "Koordinasi Trantibum",
]
SUBKEG = [
    ("Penyediaan Gaji dan Tunjangan ASN", "Jumlah Orang/Bulan", "orang/bulan"),
    ("Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", "Jumlah Dokumen", "dokumen"),
    ("Penyediaan Peralatan dan Perlengkapan Kantor", "Jumlah Paket", "paket"),
    ("Penyediaan Jasa Pelayanan Umum Kantor", "Jumlah Laporan", "laporan"),
    ("Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Kendaraan Dinas Jabatan", "Jumlah Unit", "unit"),
    ("Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", "Jumlah Unit", "unit"),
    ("Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", "Jumlah Dokumen", "dokumen"),
    ("Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan", "Jumlah Laporan", "laporan"),
    ("Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa", "Jumlah Lembaga Kemasyarakatan", "lembaga"),
    ("Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan", "Jumlah Laporan", "laporan"),
    ("Koordinasi/Sinergi dengan Perangkat Daerah di Bidang Penegakan Peraturan Perundang-Undangan", "Jumlah Laporan", "laporan"),
    ("Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah Dokumen", "dokumen"),
    ("Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", "Jumlah Dokumen", "dokumen"),
    ("Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", "Jumlah Laporan", "laporan"),
    ("Fasilitasi Penyelenggaraan Pemilihan Kepala Desa", "Jumlah Desa", "desa"),
    ("Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "Jumlah Laporan", "laporan"),
    ("Pengadaan Sarana dan Prasarana Gedung Kantor", "Jumlah Unit", "unit"),
    ("Penyediaan Alat Tulis Kantor", "Jumlah Paket", "paket"),
    ("Penyediaan Makanan dan Minuman", "Jumlah Laporan", "laporan"),
    ("Penyediaan Jasa Surat Menyurat", "Jumlah Laporan", "laporan"),
    ("Penyediaan Bahan Logistik Kantor", "Jumlah Paket", "paket"),
    ("Penyediaan Barang Cetakan dan Penggandaan", "Jumlah Paket", "paket"),
    ("Pelaksanaan Musrenbang Kecamatan", "Jumlah Dokumen", "dokumen"),
    ("Pembinaan Lembaga Kemasyarakatan", "Jumlah Lembaga", "lembaga"),
    ("Fasilitasi Ketertiban Umum", "Jumlah Laporan", "laporan"),
    ("Pengelolaan Pengaduan Masyarakat", "Jumlah Laporan", "laporan"),
]


def slug(s):
    return "".join(ch for ch in s.lower().replace(" ", "-") if ch.isalnum() or ch == "-")


def camel(s):
    return "".join(w[:1].upper() + w[1:] for w in s.replace("-", " ").split() if w)


def place_name(rng):
    r = rng.random()
    if r < 0.6:
        return rng.choice(PRE) + rng.choice(SUF)
    if r < 0.85:
        return rng.choice(PRE) + " " + rng.choice(WORD2)
    return rng.choice(PRE) + rng.choice(SUF) + " " + rng.choice(WORD2)


def layout(seed, n):
    """The national stream: list of (kabupaten, kecamatan) of length n; first 31 = Jember."""
    rng = random.Random(f"layout:{seed}")
    out = [("Jember", k) for k in JEMBER]
    used_kab = {"Jember"}
    real = [k for k in REAL_KAB if k not in used_kab]
    while len(out) < n:
        if real:
            kab = real.pop(0)
        else:
            kab = place_name(rng)
            while kab in used_kab:
                kab = place_name(rng)
        used_kab.add(kab)
        count = rng.randint(6, 24)
        used = set()
        for _ in range(count):
            kec = place_name(rng)
            while kec in used or kec == kab:
                kec = place_name(rng)
            used.add(kec)
            out.append((kab, kec))
    return out[:n]


# ---------------------------------------------------------------------------
# exact arithmetic, mirroring the language

def rnd(x, n, mode):
    """x rounded to n decimals: 'setengah_naik' half away from zero, 'bawah' toward zero."""
    sign = -1 if x < 0 else 1
    a = abs(x) * 10 ** n
    q = (a + F(1, 2)).__floor__() if mode == "setengah_naik" else a.__floor__()
    return sign * F(q, 10 ** n)


def fmt_dec(x, n):
    """A multiple of 10^-n written with exactly n decimals (or none when n == 0)."""
    neg = x < 0
    v = abs(x) * 10 ** n
    assert v.denominator == 1, (x, n)
    v = v.numerator
    if n == 0:
        s = str(v)
    else:
        s = str(v).rjust(n + 1, "0")
        s = s[:-n] + "." + s[-n:]
    return ("-" if neg else "") + s


def fmt_short(x):
    """A literal with at most two decimals, trailing zeros dropped (83.6, 82, 53.30 -> 53.3)."""
    for n in range(0, 3):
        if (x * 10 ** n).denominator == 1:
            return fmt_dec(x, n)
    raise ValueError(x)


def rp(x):
    """Rp in Indonesian notation; sen only when non-zero."""
    whole = int(x)
    sen = x - whole
    s = f"{whole:,}".replace(",", ".")
    if sen:
        s += "," + fmt_dec(sen, 2)[-2:]
    return "Rp " + s


def ledger_amt(x):
    whole = int(x)
    sen = x - whole
    s = f"{whole:,}".replace(",", ".")
    if sen:
        s += "," + fmt_dec(sen, 2)[-2:]
    return s


def money(rng, lo, hi):
    """Log-uniform rupiah amount, rounded like a DPA line."""

    v = math.exp(rng.uniform(math.log(lo), math.log(hi)))
    unit = rng.choice([1, 100, 1000, 1000, 10000, 100000])
    return F(max(unit, int(v) // unit * unit))


# ---------------------------------------------------------------------------
# one report

class Ind:
    pass


def two(rng, lo, hi):
    """A value with two decimals in [lo, hi]."""
    return F(rng.randint(int(lo * 100), int(hi * 100)), 100)


def make_indikator(rng, tpl):
    iid, name, satuan, kind = tpl
    d = Ind()
    d.id, d.name, d.satuan, d.kind = iid, name, satuan, kind
    d.pol = "negatif" if kind.startswith("n") else "positif"
    d.pct = satuan == "%"
    d.rumus = None
    d.data = None
    d.penjelasan = None
    if kind == "idx":
        t0 = rng.choice([78, 79, 80, 80, 81, 82])
        tg = [F(t0), F(t0 + rng.choice([0, 1, 2])), None, None]
        tg[2] = tg[1] + rng.choice([0, 0, 1])
        tg[3] = tg[2] + rng.choice([1, 2, 3])
        re = [two(rng, 70, 82), two(rng, 74, 88), two(rng, 72, 92)]
    elif kind == "idx2":
        t0 = two(rng, 0.55, 0.70)
        tg = [t0, t0 + F(2, 100), t0 + F(4, 100), t0 + F(6, 100)]
        re = [t0 - F(2, 100), two(rng, 0.50, 0.75), two(rng, 0.50, 0.80)]
    elif kind == "sum4":
        tg = [F(rng.choice([70, 75, 80])), F(rng.choice([80, 82])), F(85), F(rng.choice([85, 88, 90]))]
        parts = [two(rng, 20, 30), two(rng, 18, 26), two(rng, 10, 15), two(rng, 10, 18)]
        d.rumus = "perencanaan + pengukuran + pelaporan + evaluasi"
        d.data = list(zip(["perencanaan", "pengukuran", "pelaporan", "evaluasi"], parts))
        re = [two(rng, 50, 70), two(rng, 50, 75), sum(parts)]
        d.penjelasan = "Nilai evaluasi AKIP PD oleh evaluator Inspektorat (PermenPANRB 88/2021)"
    elif kind == "ratio":
        a, b, expl = RATIO_DATA[iid]
        tg = [F(rng.choice([80, 90, 100])), F(100), F(100), F(100)]
        den = rng.randint(4, 400)
        num = den - min(den, rng.choice([0, 0, 0, 1, 2, rng.randint(0, max(1, den // 5))]))
        d.rumus = f"{a} / {b} * 100"
        d.data = [(a, F(num)), (b, F(den))]
        re = [two(rng, 80, 100), two(rng, 85, 100), F(num * 100, den)]
        d.penjelasan = expl
    elif kind == "pct":
        t0 = F(rng.choice([85, 90, 95, 100]))
        tg = [t0, max(t0, F(rng.choice([90, 95, 100]))), F(100), F(100)]
        tg[2] = max(tg[1], tg[2])
        re = [two(rng, 70, 100), two(rng, 75, 100), two(rng, 80, 105)]
    elif kind == "cnt":
        t0 = rng.randint(2, 12)
        tg = [F(t0)] * 3 + [F(t0 + rng.choice([0, 1, 2]))]
        re = [F(rng.randint(max(1, t0 - 2), t0 + 1)) for _ in range(3)]
    elif kind == "npct":
        t0 = two(rng, 6, 20)
        tg = [t0, t0 - F(1), t0 - F(2), t0 - F(3)]
        re = [t0 + two(rng, -2, 3), t0 + two(rng, -3, 2), tg[1] + two(rng, -4, 3)]
    elif kind == "nday":
        t0 = rng.choice([3, 4, 5])
        tg = [F(t0), F(t0), F(t0 - 1), F(t0 - 1)]
        re = [F(t0) + two(rng, -0.5, 1.5), F(t0) + two(rng, -1, 1), F(t0) + two(rng, -1.5, 1)]
    elif kind == "ncnt":
        t0 = rng.randint(8, 30)
        tg = [F(t0), F(t0 - 1), F(t0 - 2), F(t0 - 3)]
        re = [F(rng.randint(t0 - 5, t0 + 5)) for _ in range(3)]
    else:
        raise ValueError(kind)
    d.target = dict(zip([2023, 2024, 2025, 2026], tg))
    d.real = dict(zip([2022, 2023, 2024], re))
    d.pj = rng.sample(SEKSI, rng.choice([1, 1, 1, 2]))
    d.sumber = rng.choice(SUMBER)
    return d


def lit(d, v):
    """Source literal of an indikator value (percent marked with %)."""
    return fmt_short(v) + ("%" if d.pct else "")


def capaian(d, cap):
    t = d.target[YEAR]
    r = d.real[YEAR]
    c = (r / t * 100) if d.pol == "positif" else ((t - (r - t)) / t * 100)
    if cap is not None and c > cap:
        c = cap
    return c


def band(skala, v):
    for label, lo, lo_incl in skala:
        if lo is None or v > lo or (lo_incl and v == lo):
            return label
    raise AssertionError


BUILTIN = [("Sangat Tinggi", F(91), True), ("Tinggi", F(76), True), ("Sedang", F(66), True),
           ("Rendah", F(51), True), ("Sangat Rendah", None, True)]
P86 = [("Sangat Tinggi", F(90), True), ("Tinggi", F(76), True), ("Sedang", F(66), True),
       ("Rendah", F(51), True), ("Sangat Rendah", None, True)]


class Report:
    def __init__(self, seed, idx, kab, kec):
        self.rng = random.Random(f"report:{seed}:{idx}")
        self.idx, self.kab, self.kec = idx, kab, kec
        self.claims = []      # (expr, pesan, holds)
        self.lines = []
        self.ledger = []

    # -- claims ------------------------------------------------------------
    def approx(self, expr, value, pesan, pct=True, p_false=0.1):
        rng = self.rng
        n = 2 if rng.random() < 0.8 else 0
        v = rnd(value, n, self.mode)
        holds = True
        if rng.random() < p_false:
            step = F(1, 10 ** n)
            v += step * rng.choice([-3, -2, -1, 1, 1, 2, 5, 10, 27])
            holds = False
        s = fmt_dec(v, n) + ("%" if pct else "")
        self.claims.append((f"{expr} ~= {s}", pesan, holds))

    def equal(self, expr, shown, pesan, holds=True):
        self.claims.append((f"{expr} == {shown}", pesan, holds))

    def money_eq(self, expr, amount, pesan, p_false=0.08):
        rng = self.rng
        holds = True
        if rng.random() < p_false:
            holds = False
            k = rng.choice(["typo", "pk", "round"])
            if k == "typo":
                amount = amount + F(rng.choice([-1, 1]) * 10 ** rng.randint(3, 7))
            elif k == "pk":
                amount = amount - F(16_000_000)
            else:
                amount = amount + F(rng.randint(1, 99))
            if amount < 0:
                amount = -amount + 1
        self.claims.append((f"{expr} == {rp(amount)}", pesan, holds))

    # -- the file --------------------------------------------------------------
    def build(self):
        rng = self.rng
        w = self.lines.append
        kab, kec = self.kab, self.kec
        self.mode = "bawah" if rng.random() < 0.15 else "setengah_naik"
        use_p86 = rng.random() < 0.35
        self.skala = P86 if use_p86 else BUILTIN
        cap = F(rng.choice([110, 120, 125])) if rng.random() < 0.3 else None
        kepala = rng.choice(PRE_T) + rng.choice(FIRST) + " " + rng.choice(LAST) + rng.choice(POST_T)

        w(f"# lakip-{slug(kec)}-2024.sakip -- LAKIP (Laporan Kinerja) {YEAR} Kecamatan {kec}, Kabupaten {kab}.")
        w(f"# Synthetic report no. {self.idx + 1} (bench/gen.py); every figure invented, a few claims wrong on purpose.")
        w("")
        w("sakip 1")
        w("")
        w(f'instansi "Kecamatan {kec}" {{')
        w(f'    induk   "Kabupaten {kab}"')
        w(f"    tahun   {YEAR}")
        w("    periode 2021..2026          # Renstra 2021-2026")
        w(f'    kepala  "{kepala}"')
        w("}")
        w("")
        w(f'atur pembulatan = "{self.mode}"')
        w("atur desimal = 2")
        if use_p86:
            w("")
            w("# Tabel 3.1 Skala Nilai Peringkat Kinerja, read as contiguous bands.")
            w('skala p86 "Skala nilai peringkat kinerja (Tabel 3.1 laporan)" {')
            w('    "Sangat Tinggi" : nilai >= 90')
            w('    "Tinggi"        : 76 <= nilai < 90')
            w('    "Sedang"        : 66 <= nilai < 76')
            w('    "Rendah"        : 51 <= nilai < 66')
            w('    "Sangat Rendah" : nilai < 51')
            w("}")
            w("atur skala_capaian = p86")
        if cap is not None:
            w(f"atur batas_capaian = {fmt_short(cap)}%")
        w("")
        ntuj = rng.choice([1, 2, 2])
        tuj = rng.sample(TUJUAN, ntuj)
        for i, (tn, misi) in enumerate(tuj, 1):
            w(f'tujuan T{i} "{tn}" {{')
            w(f'    misi "{misi}"')
            w("}")

        # sasaran and indikator
        nsas = rng.choice([5, 5, 5, 6, 6, 7])
        tpls = rng.sample(IND, len(IND))
        sas_names = rng.sample(SASARAN, nsas)
        self.sasaran = []
        for si in range(nsas):
            nind = 1 if rng.random() < 0.85 else 2
            inds = []
            for _ in range(nind):
                if not tpls:
                    break
                inds.append(make_indikator(rng, tpls.pop()))
            sid = f"S{si + 1}"
            self.sasaran.append((sid, inds))
            w("")
            w(f"# Tabel 3.2 no.{si + 1}")
            w(f'sasaran {sid} "{sas_names[si]}" {{')
            w(f"    tujuan T{rng.randint(1, ntuj)}")
            for d in inds:
                w(f'    indikator {d.id} "{d.name}" {{')
                w(f'        satuan    "{d.satuan}"')
                w(f"        polaritas {d.pol}")
                w("        target    " + ", ".join(f"{y}: {lit(d, v)}" for y, v in d.target.items()))
                years = [2022, 2023] if d.rumus else [2022, 2023, 2024]
                w("        realisasi " + ", ".join(f"{y}: {lit(d, d.real[y])}" for y in years))
                if d.rumus:
                    w(f"        rumus     = {d.rumus}")
                    w(f"        data {YEAR} {{ " + ", ".join(f"{k}: {fmt_short(v)}" for k, v in d.data) + " }")
                w("        penanggung_jawab " + ", ".join(f'"{p}"' for p in d.pj))
                w(f'        sumber    "{d.sumber}"')
                if d.penjelasan and rng.random() < 0.2:
                    w(f'        penjelasan "{d.penjelasan}"')
                w("    }")
            w("}")
        self.inds = [d for _, inds in self.sasaran for d in inds]

        # budget tree
        nprog = rng.choice([3, 3, 3, 4, 4, 5])
        sids = [s for s, _ in self.sasaran]
        rng.shuffle(sids)
        supports = [[] for _ in range(nprog)]
        for i, s in enumerate(sids):
            supports[i % nprog].append(s)
        state_totals = rng.random() < 0.4
        prog_names = rng.sample(PROGRAMS, nprog)
        self.progs = []
        kab_acc, kec_acc = camel(kab), camel(kec)
        w("")
        w("# Budget tree: Tabel 3.8 Realisasi Anggaran 2024.")
        for pi in range(nprog):
            pid = f"P{pi + 1}"
            nkeg = rng.choice([1, 1, 1, 1, 1, 2, 2, 3, 4])
            kegs = []
            for ki in range(nkeg):
                kid = f"K{pi + 1}_{ki + 1}"
                nsub = rng.choice([1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4])
                subs = []
                for ji in range(nsub):
                    skid = f"SK{pi + 1}_{ki + 1}_{ji + 1}"
                    ang = money(rng, 5e6, 2.5e9)
                    r = rng.random()
                    if r < 0.1:
                        rea = ang
                    else:
                        rea = F(int(ang * F(rng.randint(6000, 9999), 10000)))
                    if rea < ang and rng.random() < 0.05:
                        rea += F(rng.randint(1, 99), 100)
                    name, kname, ksat = rng.choice(SUBKEG)
                    kt = rng.choice([1, 2, 3, 4, 12, 12, 12, 18])
                    subs.append((skid, name, ang, rea, kname, ksat, kt, kt if rng.random() < 0.85 else kt - 1))
                kegs.append((kid, rng.choice(KEGIATAN), subs))
            a_p = sum(s[2] for k in kegs for s in k[2])
            r_p = sum(s[3] for k in kegs for s in k[2])
            self.progs.append((pid, prog_names[pi], supports[pi], kegs, a_p, r_p))
            w(f"# Tabel 3.8 no.{pi + 1}")
            w(f'program {pid} "{prog_names[pi]}" {{')
            w("    mendukung " + ", ".join(supports[pi]))
            if state_totals:
                w(f"    anggaran  {rp(a_p)}")
                w(f"    realisasi {rp(r_p)}")
            for kid, kname, subs in kegs:
                w(f'    kegiatan {kid} "{kname}" {{')
                if state_totals:
                    w(f"        anggaran  {rp(sum(s[2] for s in subs))}")
                    w(f"        realisasi {rp(sum(s[3] for s in subs))}")
                for skid, name, ang, rea, kname2, ksat, kt, kr in subs:
                    w(f'        subkegiatan {skid} "{name}" {{')
                    w(f"            anggaran  {rp(ang)}")
                    w(f"            realisasi {rp(rea)}")
                    if rng.random() < 0.6:
                        w(f'            keluaran "{kname2}" {{ satuan "{ksat}"  target {kt}  realisasi {kr} }}')
                    w("        }")
                    acct = f"{kab_acc}:{kec_acc}:{pid}:{kid}:{skid}"
                    self.ledger.append(f"2024/12/31 Kecamatan {kec}: {skid} {name}")
                    self.ledger.append(f"    {acct}    {ledger_amt(ang)} ANGGARAN")
                    self.ledger.append(f"    {acct}    {ledger_amt(rea)} REALISASI")
                    self.ledger.append(f"    APBD:{kab_acc}")
                    self.ledger.append("")
                w("    }")
            w("}")

        w("")
        w("aturan iku_tercapai(x) = jika capaian(x) >= 100 maka 1 lainnya 0")
        self.make_claims(cap)
        w("")
        w("# --- Claims: each `pesan` names where the figure is printed. ---------------------")
        rng = self.rng
        for expr, pesan, _ in self.claims:
            head = f"periksa {expr}"
            if rng.random() < 0.4:
                w(head)
            elif len(head) < 59:
                w(head.ljust(59) + f'pesan "{pesan}"')
            else:
                w(head)
                w(f'        pesan "{pesan}"')
        return "\n".join(self.lines) + "\n"

    def make_claims(self, cap):
        rng = self.rng
        caps = {d.id: capaian(d, cap) for d in self.inds}
        # Ikhtisar / Tabel 3.2: per indikator
        for no, d in enumerate(self.inds, 1):
            tbl = f"Tabel 3.2 no.{no}"
            if rng.random() < 0.3:
                self.equal(f"target({d.id})", lit(d, d.target[YEAR]), f"{tbl}: target {fmt_short(d.target[YEAR])}")
            if rng.random() < 0.2:
                self.approx(f"realisasi({d.id})", d.real[YEAR], f"{tbl}: realisasi", pct=d.pct, p_false=0.05)
            self.approx(f"capaian({d.id})", caps[d.id], f"{tbl}: capaian", p_false=0.12)
            if rng.random() < 0.2:
                lab = band(self.skala, caps[d.id])
                holds = True
                if rng.random() < 0.1:
                    lab = rng.choice([l for l, _, _ in self.skala if l != lab])
                    holds = False
                self.equal(f"predikat({d.id})", f'"{lab}"', f"Tabel 3.7: predikat {d.id}", holds)
            if d.pol == "positif" and rng.random() < 0.1:
                self.equal(f"target({d.id}, 2026)", lit(d, d.target[2026]), f"{tbl}: target akhir renstra")
                self.approx(f"capaian_renstra({d.id})", d.real[YEAR] / d.target[2026] * 100,
                            f"{tbl}: capaian thd target akhir renstra", p_false=0.1)
            if rng.random() < 0.1:
                a, b = d.real[2022], d.real[2023]
                self.claims.append((f"realisasi({d.id}, 2022) < realisasi({d.id}, 2023)",
                                    f"Tabel 3.3 no.{no}: tren naik", a < b))
        # per sasaran: capaian, serapan, efisiensi
        sup_of = {}
        for pid, _, sup, _, a_p, r_p in self.progs:
            for s in sup:
                sup_of.setdefault(s, []).append((a_p, r_p))
        for sid, inds in self.sasaran:
            c = sum(caps[d.id] for d in inds) / len(inds)
            a = sum(x for x, _ in sup_of[sid])
            r = sum(y for _, y in sup_of[sid])
            ser = r / a * 100
            if rng.random() < 0.2:
                self.approx(f"capaian({sid})", c, f"Tabel 3.6: capaian sasaran {sid}", p_false=0.1)
            if rng.random() < 0.2:
                self.approx(f"serapan({sid})", ser, f"Tabel 3.5: serapan sasaran {sid}", p_false=0.1)
            eff = "Efisien" if c > ser else "Tidak Efisien"
            holds = True
            if rng.random() < 0.08:
                eff = "Tidak Efisien" if eff == "Efisien" else "Efisien"
                holds = False
            if rng.random() < 0.4:
                self.equal(f"efisiensi({sid})", f'"{eff}"', f"Tabel 3.6: efisiensi {sid}", holds)
        # budget: every program, a sample of kegiatan and subkegiatan
        for pid, _, _, kegs, a_p, r_p in self.progs:
            if rng.random() < 0.7:
                self.money_eq(f"anggaran({pid})", a_p, f"Tabel 3.8: anggaran {pid}")
            if rng.random() < 0.3:
                self.money_eq(f"realisasi({pid})", r_p, f"Tabel 3.8: realisasi {pid}")
            if rng.random() < 0.5:
                self.approx(f"serapan({pid})", r_p / a_p * 100, f"Tabel 3.8: serapan {pid}", p_false=0.1)
            for kid, _, subs in kegs:
                a_k = sum(s[2] for s in subs)
                r_k = sum(s[3] for s in subs)
                if rng.random() < 0.2:
                    self.money_eq(f"anggaran({kid})", a_k, f"Tabel 1.4: kegiatan {kid}")
                if rng.random() < 0.15:
                    self.approx(f"serapan({kid})", r_k / a_k * 100, f"Tabel 3.5: serapan {kid}")
                for s in subs:
                    if rng.random() < 0.1:
                        self.money_eq(f"anggaran({s[0]})", s[2], f"Tabel 1.4: {s[1][:40]}")
                    if rng.random() < 0.05:
                        self.approx(f"serapan({s[0]})", s[3] / s[2] * 100, f"Tabel 3.5: serapan {s[0]}")
        # totals
        pids = [p[0] for p in self.progs]
        A = sum(p[4] for p in self.progs)
        R = sum(p[5] for p in self.progs)
        sa = " + ".join(f"anggaran({p})" for p in pids)
        sr = " + ".join(f"realisasi({p})" for p in pids)
        self.money_eq(sa, A, "Tabel 1.4: JUMLAH", p_false=0.1)
        self.money_eq(sr, R, "Ikhtisar: realisasi belanja s.d. 31 Desember 2024", p_false=0.1)
        if rng.random() < 0.7:
            self.approx(f"({sr}) / ({sa}) * 100", R / A * 100, "Ikhtisar: realisasi belanja dari pagu", p_false=0.15)
        ids = [d.id for d in self.inds]
        avg = sum(caps[i] for i in ids) / len(ids)
        if rng.random() < 0.6:
            self.approx("rata(" + ", ".join(f"capaian({i})" for i in ids) + ")", avg,
                        "Teks Tabel 3.2: capaian indikator rata-rata", p_false=0.1)
        reached = sum(1 for i in ids if caps[i] >= 100)
        shown = reached if rng.random() < 0.9 else reached + 1
        if rng.random() < 0.6:
            self.equal(" + ".join(f"iku_tercapai({i})" for i in ids), str(shown),
                       f"BAB IV: {shown} IKU mencapai target", shown == reached)


def write_size(root, seed, n, stream):
    d = os.path.join(root, str(n))
    stamp = os.path.join(d, "STAMP")
    with open(os.path.abspath(__file__), "rb") as f:
        src = hashlib.sha256(f.read()).hexdigest()[:16]
    want = f"gen.py v{VERSION} sha256:{src} seed={seed} n={n}\n"
    if os.path.exists(stamp) and open(stamp).read() == want:
        print(f"gen.py: {d} is up to date", file=sys.stderr)
        return
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        if f.endswith(".sakip") or f in ("STAMP", "files.txt", "budget.ledger", "manifest.tsv"):
            os.unlink(os.path.join(d, f))
    names, manifest = [], []
    total = 0
    with open(os.path.join(d, "budget.ledger"), "w", encoding="utf-8") as led:
        led.write(f"; budget.ledger -- the budget trees of the {n} reports in this folder (bench/gen.py)\n")
        led.write("; one transaction per subkegiatan; read with: ledger --decimal-comma -f budget.ledger\n\n")
        for i, (kab, kec) in enumerate(stream[:n]):
            rep = Report(seed, i, kab, kec)
            text = rep.build()
            name = f"k{i + 1:04d}-{slug(kab)}-{slug(kec)}.sakip"
            with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                f.write(text)
            total += len(text.encode())
            led.write("\n".join(rep.ledger) + "\n")
            names.append(name)
            manifest.append(f"{name}\t{len(rep.claims)}\t{sum(1 for c in rep.claims if not c[2])}")
    with open(os.path.join(d, "files.txt"), "w") as f:
        f.write("\n".join(names) + "\n")
    with open(os.path.join(d, "manifest.tsv"), "w") as f:
        f.write("file\tclaims\texpected_failing\n" + "\n".join(manifest) + "\n")
    with open(stamp, "w") as f:
        f.write(want)
    print(f"gen.py: {d}: {n} files, {total} bytes ({total / n:.0f} per file)", file=sys.stderr)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Generate sakip benchmark corpora.")
    ap.add_argument("dir", nargs="?", default=os.path.join(here, "corpus"))
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--sizes", default="31,660,7300", help="comma-separated file counts")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",") if s]
    stream = layout(a.seed, max(sizes))
    for n in sizes:
        write_size(a.dir, a.seed, n, stream)


if __name__ == "__main__":
    main()
