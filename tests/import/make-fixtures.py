#!/usr/bin/env python3
"""make-fixtures.py OUTDIR -- the spreadsheets tests/import/import.sh reads.

Written here, by the test suite, with the csv and zipfile modules only (an
XLSX is a ZIP of XML parts; nothing of sakip's own is used), mirroring the
layouts of doc/import.md:

  ambulu-t38.csv      Tabel 3.8 of the LAKIP Kecamatan Ambulu 2024 as a unit's
                      spreadsheet has it: No | Program/ Kegiatan/ Sub Kegiatan |
                      Anggaran (Rp,-) | Realisasi (Rp,-) | % Realisasi, the header
                      and its row of column numbers repeated on every page, a
                      Jumlah row; `;`, a BOM, quoted names, Indonesian notation.
                      The names are the official ones as examples/ambulu-2024.sakip
                      spells them (the seed's text of the table is a scan, with
                      words run together: "Pajakkendaraan").
  ambulu-t38-en.csv   the same rows, `,`, English notation (1,234,567.00).
  ambulu-t38.xlsx     the same rows in a workbook: shared strings, numbers as
                      numbers, the total as a formula with its cached value.
  triwulan3.csv       a quarterly (TW III) export: ID | Tingkat | Uraian | Realisasi
  sipd-triwulan.csv   a budget export with codes and a column per triwulan:
                      Kode | Uraian | Pagu | Rencana TW I..IV | Realisasi TW I..IV
                      (examples/peta/sipd-triwulan.peta), as of TW II;
  sipd-triwulan3.csv  the same as of TW III, TW I of one sub kegiatan corrected
  renstra.csv         a Renstra target matrix (examples/peta/renstra-target.peta):
                      Sasaran | Kode | Indikator Kinerja | Satuan | Polaritas | 2021..2026,
                      the targets of examples/ambulu-2024.sakip's S1 and S2 (Lampiran 1)
                      and a made-up negative indikator with percentages
  pk-2024.csv         the Lampiran of the Perjanjian Kinerja 2024 (examples/peta/
                      perjanjian-kinerja.peta): NO | TUJUAN/SASARAN STRATEGIS |
                      INDIKATOR KINERJA | TARGET, its row of column numbers, then
                      Program | Anggaran | Keterangan and a Jumlah row, the figures
                      of the seed's Lampiran 3 (the indikator under the names
                      examples/ambulu-2024.sakip gives them, "B (82)" as 82,
                      "4 Dok" as 4, programs numbered "1 ..." as printed)
  pk-2024.xlsx        the same in a workbook: targets and amounts as numbers,
                      KESRA's 100% a percentage cell (it stores 1)
  hostile/*           one bad input each (see the names).
"""
import csv, io, os, sys, zipfile

OUT = sys.argv[1]
os.makedirs(os.path.join(OUT, "hostile"), exist_ok=True)

# (No, prefix word, name, anggaran, realisasi) -- Tabel 3.8, amounts as printed.
T38 = [
    ("1", "Program", "Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 2941063617, 2653011709),
    ("1.1", "Kegiatan", "Administrasi Keuangan Perangkat Daerah", 2519451117, 2297148008),
    ("", "Sub Kegiatan", "Penyediaan Gaji dan Tunjangan ASN", 2421621117, 2202538008),
    ("", "Sub Kegiatan", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", 97830000, 94610000),
    # printed without "Kegiatan": its numbering gives the level
    ("1.2", "", "Administrasi Umum Perangkat Daerah", 78511800, 72776000),
    ("", "Sub Kegiatan", "Penyediaan Peralatan dan Perlengkapan Kantor", 78511800, 72776000),
    None,  # page break: the header again
    ("1.3", "Kegiatan", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", 252339200, 211045025),
    ("", "Sub Kegiatan", "Penyediaan Jasa Pelayanan Umum Kantor", 252339200, 211045025),
    ("1.4", "Kegiatan", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", 90761500, 72042676),
    ("", "Sub Kegiatan", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan", 49391700, 42549800),
    ("", "Sub Kegiatan", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas Operasional atau Lapangan", 31849000, 20021776),
    ("", "Sub Kegiatan", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", 9520800, 9471100),
    ("2", "Program", "Penyelenggaraan Pemerintahan Dan Pelayanan Publik", 1041115000, 1032500000),
    ("2.1", "Kegiatan", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", 1031035000, 1023200000),
    ("", "Sub Kegiatan", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", 1031035000, 1023200000),
    ("2.2", "Kegiatan", "Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah yang Ada di Kecamatan", 10080000, 9300000),
    ("", "Sub Kegiatan", "Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan", 10080000, 9300000),
    None,
    ("3", "Program", "Pemberdayaan Masyarakat Desa Dan Kelurahan", 236227800, 194582000),
    ("3.1", "Kegiatan", "Koordinasi Kegiatan Pemberdayaan Desa", 236227800, 194582000),
    ("", "Sub Kegiatan", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa", 7231800, 6460000),
    ("", "Sub Kegiatan", "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan", 228996000, 188122000),
    ("4", "Program", "Koordinasi Ketentraman Dan Ketertiban Umum", 273664376, 244304640),
    ("4.1", "Kegiatan", "Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah", 273664376, 244304640),
    ("", "Sub Kegiatan", "Koordinasi/Sinergi dengan Perangkat Daerah yang Tugas dan Fungsinya di Bidang Penegakan Peraturan Perundang-Undangan dan/atau Kepolisian Negara Republik Indonesia", 273664376, 244304640),
]
TOTAL = (4492070793, 4124398349)
HEAD = ["No", "Program/ Kegiatan/ Sub Kegiatan", "Anggaran (Rp,-)", "Realisasi (Rp,-)", "% Realisasi"]
NUMS = ["1", "2", "3", "8", "9"]


def id_amount(v):   # 2941063617 -> "2.941.063.617,00"
    return "{:,}".format(v).replace(",", ".") + ",00"


def en_amount(v):
    return "{:,}".format(v) + ".00"


def pct(a, r, dec):   # as printed, two decimals
    q = (r * 10000 * 2 + a) // (2 * a)
    s = "%d%s%02d%%" % (q // 100, dec, q % 100)
    return s


def t38_rows(amount, dec):
    rows = [HEAD, NUMS]
    for r in T38:
        if r is None:
            rows += [HEAD, NUMS]
            continue
        no, word, name, a, re_ = r
        rows.append([no, (word + " " if word else "") + name, amount(a), amount(re_), pct(a, re_, dec)])
    rows.append(["", "Jumlah", amount(TOTAL[0]), amount(TOTAL[1]), pct(TOTAL[0], TOTAL[1], dec)])
    return rows


def write_csv(name, rows, sep, bom=False, quote=csv.QUOTE_MINIMAL):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, quoting=quote, lineterminator="\r\n")
    for r in rows:
        w.writerow(r)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))


write_csv("ambulu-t38.csv", t38_rows(id_amount, ","), ";", bom=True, quote=csv.QUOTE_NONNUMERIC)
write_csv("ambulu-t38-en.csv", t38_rows(en_amount, "."), ",")


# ---- XLSX ----
def col(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_xlsx(name, rows, sheet="Tabel 3.8", merges=(), raw_parts=None, inline=False):
    """rows: lists of cells; a cell is None, str (a shared string, or inline),
    int/float (a number), or ("f", formula, cached or None)."""
    strings, index = [], {}
    out = []
    for r, row in enumerate(rows):
        cells = []
        for c, v in enumerate(row):
            ref = "%s%d" % (col(c), r + 1)
            if v is None or v == "":
                continue
            if isinstance(v, tuple) and v[0] == "s":   # ("s", style index, number)
                cells.append('<c r="%s" s="%d"><v>%s</v></c>' % (ref, v[1], v[2]))
            elif isinstance(v, tuple):
                cached = "" if v[2] is None else "<v>%s</v>" % v[2]
                cells.append('<c r="%s"><f>%s</f>%s</c>' % (ref, esc(v[1]), cached))
            elif isinstance(v, str):
                if inline:
                    cells.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, esc(v)))
                else:
                    if v not in index:
                        index[v] = len(strings)
                        strings.append(v)
                    cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, index[v]))
            else:
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
        out.append('<row r="%d">%s</row>' % (r + 1, "".join(cells)))
    merge = ""
    if merges:
        merge = '<mergeCells count="%d">%s</mergeCells>' % (len(merges), "".join('<mergeCell ref="%s"/>' % m for m in merges))
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook %s><sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>' % (ns, esc(sheet)),
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8"?><sst %s count="%d" uniqueCount="%d">%s</sst>' % (ns, len(strings), len(strings), "".join("<si><t>%s</t></si>" % esc(s) for s in strings)),
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>%s</sheetData>%s</worksheet>' % (ns, "".join(out), merge),
    }
    # cell formats: 0 plain, 1 built-in percentage (numFmtId 9, "0%"), 2 a custom "0.0%"
    parts["xl/styles.xml"] = '<?xml version="1.0" encoding="UTF-8"?><styleSheet %s><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%%"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>' % ns
    if raw_parts:
        parts.update(raw_parts)
    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in parts.items():
            z.writestr(k, v)


def t38_xlsx_rows():
    rows = [["Realisasi Anggaran Kecamatan Ambulu Tahun 2024"], HEAD, NUMS]
    first = None
    for r in T38:
        if r is None:
            rows += [HEAD, NUMS]
            continue
        no, word, name, a, re_ = r
        rows.append([no, (word + " " if word else "") + name, a, re_, ("f", "D%d/C%d" % (len(rows) + 1, len(rows) + 1), re_ / a)])
    rows.append([None, "Jumlah", ("f", "C4+C16+C23+C27", TOTAL[0]), ("f", "D4+D16+D23+D27", TOTAL[1]), None])
    return rows


# the title merged over the table's width, above the header: allowed
write_xlsx("ambulu-t38.xlsx", t38_xlsx_rows(), merges=["A1:E1"])

# ---- the quarterly update: realisasi up to triwulan III, three sub kegiatan and their parents ----
TW = [
    ["ID", "Tingkat", "Uraian", "Realisasi s.d. TW III"],
    ["SK1_1_1", "subkegiatan", "Penyediaan Gaji dan Tunjangan ASN", "1.651.903.506"],
    ["K1_1", "kegiatan", "Administrasi Keuangan Perangkat Daerah", "1.722.861.006"],
    ["SK1_1_2", "subkegiatan", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", "70.957.500"],
    ["SK3_1_1", "subkegiatan", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa", "4.845.000"],
    # unchanged from the file: counted, not shown as a change
    ["SK2_2_1", "subkegiatan", "Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan", "9.300.000"],
]
write_csv("triwulan3.csv", TW, ";")
write_csv("triwulan3-unknown.csv", TW + [["SK9_9_9", "subkegiatan", "Tidak ada", "1.000"]], ";")

# ---- per triwulan (sipd-triwulan.peta); millions of rupiah, sums by hand in import.sh ----
PH = ["Kode", "Uraian", "Pagu"] + ["Rencana TW " + t for t in ("I", "II", "III", "IV")] + \
     ["Realisasi TW " + t for t in ("I", "II", "III", "IV")]
def jt(*v):   # millions -> "250.000.000", None -> empty
    return [id_amount(x * 1000000)[:-3] if x is not None else "" for x in v]
def sipd(tw3):
    return [PH,
        ["7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"] + jt(1200, 250, 350, 350, 250, 240 if tw3 else 250, 300, 200 if tw3 else None, None),
        ["7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja"] + jt(1200, 250, 350, 350, 250, 240 if tw3 else 250, 300, 200 if tw3 else None, None),
        ["7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan"] + jt(500, 100, 150, 150, 100, 100, 150, 120 if tw3 else None, None),
        ["7.01.01.2.01.0002", "Evaluasi Kinerja Perangkat Daerah"] + jt(700, 150, 200, 200, 150, 140 if tw3 else 150, 150, 80 if tw3 else None, None)]
write_csv("sipd-triwulan.csv", sipd(False), ";")
write_csv("sipd-triwulan3.csv", sipd(True), ";")
bad = sipd(False)
bad[3] = bad[3][:8] + ["Rp 1,2"] + bad[3][9:]
write_csv(os.path.join("hostile", "period-text.csv"), bad, ";")

# ---- a Renstra target matrix (renstra-target.peta) ----
RH = ["Sasaran", "Kode", "Indikator Kinerja", "Satuan", "Polaritas", "2021", "2022", "2023", "2024", "2025", "2026"]
S1 = "Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan dan pelayanan publik"
S2 = "Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan"
RR = [RH,
      [S1, "DOK", "Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah", "dokumen", "positif", "", "", "4", "4", "4", "4"],
      [S2, "IKM", "Indeks Kepuasan Masyarakat", "indeks", "Positif", "", "", "80", "82", "82", "85"],
      ["", "ADU", "Persentase Pengaduan yang Tidak Tertangani", "%", "negatif", "-", "", "12,5%", "10 %", "1.000", "7,25"]]
write_csv("renstra.csv", RR, ";")
# the same as a workbook: targets as numbers, ADU's 12,5% and 10% as
# percentage cells (they store 0.125 and 0.1)
RX = [RR[0]] + [r[:5] + [int(v) if v else None for v in r[5:]] for r in RR[1:3]] + \
     [RR[3][:5] + ["-", None, ("s", 2, "0.125"), ("s", 1, "0.1"), 1000, 7.25]]
write_xlsx("renstra.xlsx", RX, sheet="Target")
bad = [list(r) for r in RR]
bad[2][4] = "naik"
bad[3][9] = "7.25"
bad[1][3] = ""
write_csv(os.path.join("hostile", "renstra-bad.csv"), bad, ";")

# ---- the Perjanjian Kinerja 2024 (perjanjian-kinerja.peta) ----
PKH = ["NO", "TUJUAN/SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"]
PKT = [  # (sasaran, indikator, target as written, as in a workbook)
    ("Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang profesional, efektif, dan efisien.", "Nilai SAKIP OPD", "82", 82),
    ("Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah", "Persentase Indikator Program yang tercapai", "80", 80),
    ("Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan dan pelayanan publik.", "Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah", "4", 4),
    ("Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan", "Indeks Kepuasan Masyarakat", "82", 82),
    ("Meningkatnya Fasilitasi Kesejahteraan Masyarakat di Kecamatan", "Persentase Fasilitasi Kesejahteraan masyarakat yang dilaksanakan", "100%", ("s", 1, "1")),
    ("Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan", "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta Ketentraman Masyarakat", "100%", "100%"),
]
PKA = [  # the programs as the PK prints them (its case), the amounts of PK2024
    ("1 Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 2925063617),
    ("2 Penyelenggaraan Pemerintahan dan Pelayanan Publik", 1041115000),
    ("3 Pemberdayaan Masyarakat Desa dan Kelurahan", 236227800),
    ("4 Koordinasi Ketentraman dan Ketertiban Umum", 273664376),
]
PKSUM = 4476070793   # 2.925.063.617 + 1.041.115.000 + 236.227.800 + 273.664.376
def pk_rows(xlsx=False):
    rows = [PKH, ["(1)", "(2)", "(3)", "(4)"]]
    rows += [[str(i + 1), s_, ind, (x if xlsx else t)] for i, (s_, ind, t, x) in enumerate(PKT)]
    rows += [[], ["Program", "Anggaran", "Keterangan"]]
    rows += [[n, a if xlsx else "Rp. " + id_amount(a)[:-3], "APBD"] for n, a in PKA]
    rows += [["Jumlah", PKSUM if xlsx else "Rp. " + id_amount(PKSUM)[:-3]]]
    return rows
write_csv("pk-2024.csv", pk_rows(), ";")
write_xlsx("pk-2024.xlsx", pk_rows(True), sheet="PK 2024")
def pk_bad(name, fix):
    rows = pk_rows()
    fix(rows)
    write_csv(os.path.join("hostile", name), rows, ";")
def unknown(r): r[2][2] = "Nilai SAKIP Ambulu"           # the PK's wording, not the file's (C3)
def notnum(r): r[4][3] = "4 Dok"                           # D5
def dup(r): r[7][2] = r[5][2]                               # C8 repeats IKM (C6)
def dupprog(r): r[13][0] = "3 Pemberdayaan Masyarakat Desa dan Kelurahan"   # A13 repeats P3 (A12): the empty line is no CSV record
pk_bad("pk-unknown.csv", unknown)
pk_bad("pk-not-a-number.csv", notnum)
pk_bad("pk-duplicate.csv", dup)
pk_bad("pk-duplicate-program.csv", dupprog)
pk_bad("pk-no-target-column.csv", lambda r: r[0].__setitem__(3, "SASARAN"))

# ---- hostile inputs ----
H = os.path.join(OUT, "hostile")
hrows = [HEAD, ["1", "Program Satu", "1.000.000,00", "900.000,00", ""],
         ["1.1", "Kegiatan Dua", "1.000.000,00", "900.000,00", ""],
         ["", "Sub Kegiatan Tiga", "1.000.000,00", "900.000,00", ""]]
def hx(name, rows, **kw):
    write_xlsx(os.path.join("hostile", name), rows, **kw)
def hc(name, rows, sep=";"):
    write_csv(os.path.join("hostile", name), rows, sep)

hx("merged.xlsx", hrows, merges=["B3:B4"])
hc("text-in-number.csv", hrows[:2] + [["1.1", "Kegiatan Dua", "Rp 1,2", "900.000,00", ""]] + hrows[3:])
# 150 bad amounts: 150 errors, of which --max-errors shows 100 by default
hc("many-bad-amounts.csv", hrows[:2] + [["", "Sub Kegiatan %d" % i, "Rp 1,2", "900.000,00", ""] for i in range(150)])
hc("english-in-indonesian.csv", hrows[:2] + [["1.1", "Kegiatan Dua", "1,000,000.00", "900.000,00", ""]] + hrows[3:])
hx("formula-no-value.xlsx", [HEAD, ["1", "Program Satu", 1000, ("f", "C3+C4", None), None]] + [r for r in hrows[2:]])
hc("missing-parent.csv", [HEAD, ["", "Sub Kegiatan Tanpa Induk", "1.000,00", "", ""]])
hc("duplicate-codes.csv", [["Kode", "Uraian", "Pagu", "Realisasi"],
                           ["7.01.01", "Program Satu", "3.000", "1.000"],
                           ["7.01.01.2.01", "Kegiatan A", "3.000", "1.000"],
                           ["7.01.01.2.01.0001", "Sub A", "1.000", "500"],
                           ["7.01.01.2.01.0001", "Sub B", "2.000", "500"]])
hc("code-parent-missing.csv", [["Kode", "Uraian", "Pagu", "Realisasi"],
                               ["7.01.01", "Program Satu", "3.000", "1.000"],
                               ["7.01.01.2.02.0001", "Sub tanpa kegiatan", "1.000", "500"]])
hc("codes.csv", [["Kode", "Uraian", "Pagu", "Realisasi"],
                 ["7.01.01", "Program Satu", "3.000", "1.000"],
                 ["7.01.01.2.01", "Kegiatan A", "3.000", "1.000"],
                 ["7.01.01.2.01.0001", "Sub A", "1.000", "500"],
                 ["7.01.01.2.01.0002", "Sub B", "2.000", "500"]])
with open(os.path.join(H, "empty.csv"), "wb") as f:
    pass
with open(os.path.join(H, "not-a-spreadsheet.csv"), "wb") as f:
    f.write(bytes(range(256)) * 4)
with open(os.path.join(H, "broken.xlsx"), "wb") as f:
    f.write(b"PK\x03\x04" + b"\x00" * 200)
# a ZIP bomb: a sheet part of 200 MB of spaces, deflated to ~200 KB
with zipfile.ZipFile(os.path.join(H, "bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
    write_parts = {}
    z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
        chunk = b" " * (1 << 20)
        for _ in range(200):
            w.write(chunk)
