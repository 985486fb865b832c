#!/usr/bin/env python3
"""gen.py -- random VALID .sakip programs and an independent model of what
they mean (Python 3 standard library only; deterministic for a seed).

  gen.py generate --seed S --count N --out DIR
      writes DIR/prop-NNN.sakip and DIR/prop-NNN.expect.json

  gen.py judge PROGRAM.expect.json CHECK.json EVAL.json
      compares `sakip check --format=json` (its stderr) and
      `sakip eval --format=json` (its stdout) with the model; prints one
      line per disagreement and exits 1 when there is any.

Every program follows sakip(5): one instansi (tahun, periode), skala
with contiguous bands (open or closed ends, single-point bands, < and <=
mixed per cut point), sasaran/tujuan with indikator (positif/negatif,
plain and range targets for several years, realisasi, rumus over data),
a budget tree (program > kegiatan > subkegiatan, stated totals equal to
the sums of the children), aturan (with and without parameters, one
replacing efisiensi), atur settings, impor of the standard library and
periksa claims.  Claims come in three kinds, told apart by a tag in
their `pesan`:
  [benar#K]  the model computed it exactly: it must hold
  [salah#K]  the model computed it exactly and wrote a wrong value: it
             must fail with E0801 (not E0802)
  [bebas#K]  no expectation (values the language leaves to the
             implementation's choices); any outcome but a crash is fine
`check` may report only E0801/E0802 errors (and warnings); the model's
figures are also compared with `eval --format=json` (indikator capaian,
sasaran capaian, budget anggaran/realisasi/serapan, predikat, claims).
"""

import argparse
import json
import os
import random
import re
import sys
from fractions import Fraction as F

KEYWORDS = set("""sakip instansi induk tahun periode kepala impor skala nilai atur
tujuan misi sasaran indikator satuan polaritas positif negatif target realisasi
rumus data penanggung_jawab sumber penjelasan program kegiatan subkegiatan
mendukung anggaran keluaran aturan periksa pesan jika maka lainnya dan atau tidak
benar salah andai batal jelaskan perjanjian tanggal pihak mengubah pembanding""".split())
BUILTINS = set("""target realisasi anggaran capaian capaian_renstra serapan predikat
kategori efisiensi bulat jumlah rata min max""".split())
STD_NAMES = {"permendagri_86_2017", "permenpanrb_14_2017", "permenpanrb_88_2021",
             "mutu_pelayanan", "predikat_sakip"}
RESERVED = KEYWORDS | BUILTINS | STD_NAMES | {"Rp"}

WORDS = """meningkatnya kualitas pelayanan publik kecamatan kabupaten kinerja
persentase indeks kepuasan masyarakat dokumen laporan penyelesaian ketertiban
umum kesejahteraan fasilitasi pemerintahan tata kelola keuangan aset daerah
program kegiatan koordinasi administrasi perkantoran desa kelurahan""".split()
ODD_TEXT = ["caf\u00e9", 'Pelayanan \\"Prima\\"', "a\\\\b", "tab\\there", "baris\\nbaru",
            "# bukan komentar", "50% + Rp 1.000", "\u00e0\u00e9\u00ee\u00f5\u00fc", "\u4e2d\u6587",
            "emoji \U0001F600", "x;y", "{kurung}", "(a, b)"]

BUILTIN_SKALA = [  # Permendagri 86/2017 read as contiguous bands (sakip(5), skala)
    ("Sangat Tinggi", F(91), True, None, False),
    ("Tinggi", F(76), True, F(91), False),
    ("Sedang", F(66), True, F(76), False),
    ("Rendah", F(51), True, F(66), False),
    ("Sangat Rendah", None, False, F(51), False),
]


# ---------------------------------------------------------------- numbers

def round_dec(q, d, mode):
    """q rounded to d decimals: half away from zero, or toward zero."""
    scale = 10 ** d
    x = q * scale
    sign = -1 if x < 0 else 1
    a = abs(x)
    n = a.numerator // a.denominator
    if mode == "setengah_naik" and a - n >= F(1, 2):
        n += 1
    return F(sign * n, scale)


def fmt_dec(q, d):
    """Exact decimal text of q (which must have at most d decimals)."""
    scale = 10 ** d
    x = q * scale
    assert x.denominator == 1, (q, d)
    n = x.numerator
    sign = "-" if n < 0 else ""
    n = abs(n)
    if d == 0:
        return sign + str(n)
    s = str(n).rjust(d + 1, "0")
    return sign + s[:-d] + "." + s[-d:]


def decimals_of(q, limit=12):
    """Number of decimals needed to write q exactly, or None if > limit."""
    for d in range(limit + 1):
        if (q * 10 ** d).denominator == 1:
            return d
    return None


class Gen:
    def __init__(self, rnd):
        self.r = rnd
        self.used = set()
        self.claim_no = 0

    # ---- names and texts
    def ident(self, prefix):
        r = self.r
        while True:
            style = r.random()
            if style < 0.6:
                name = "%s%d" % (prefix, r.randint(1, 99))
            elif style < 0.85:
                name = "%s_%s_%d" % (prefix, r.choice(WORDS), r.randint(0, 9))
            elif style < 0.95:
                name = prefix.lower() + "_" + "".join(r.choice("abcdefghij_0123456789") for _ in range(r.randint(1, 12)))
            else:
                name = prefix + "_" + "x" * r.randint(30, 200)   # long, but below the 255 limit
            if name not in self.used and name not in RESERVED:
                self.used.add(name)
                return name

    def text(self, words=(2, 8)):
        r = self.r
        parts = [r.choice(WORDS) for _ in range(r.randint(*words))]
        if r.random() < 0.15:
            parts.insert(r.randint(0, len(parts)), r.choice(ODD_TEXT))
        s = " ".join(parts)
        if r.random() < 0.5:
            s = s[0].upper() + s[1:]
        return s

    def string(self, s=None):
        """A string literal; s may hold the escapes already (\\\\ \\t \\n \\")."""
        if s is None:
            s = self.text()
        return '"' + s + '"'

    # ---- literals
    def num_lit(self, q, percent=False):
        """Literal text for the exact value q (a finite decimal)."""
        r = self.r
        d = decimals_of(q)
        assert d is not None
        extra = r.choice([0, 0, 0, 1, 2]) if d < 4 else 0
        t = fmt_dec(q, d + extra)
        if q >= 1000 and d == 0 and extra == 0 and r.random() < 0.3 and q.denominator == 1:
            s = str(q.numerator)
            groups = []
            while len(s) > 3:
                groups.insert(0, s[-3:])
                s = s[:-3]
            groups.insert(0, s)
            t = "_".join(groups)
        if percent:
            t += r.choice(["%", "%", " %"])
        return t

    def value_lit(self, q):
        """A number or percent literal for q; a negative one as '-N'."""
        return self.num_lit(q, percent=self.r.random() < 0.35)

    def money_lit(self, sen):
        """Rp literal for an amount in sen (hundredths of a rupiah)."""
        r = self.r
        rup, s = divmod(sen, 100)
        digits = str(rup)
        groups = []
        while len(digits) > 3:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        groups.insert(0, digits)
        grouped = ".".join(groups)
        prefix = r.choice(["Rp ", "Rp ", "Rp ", "Rp. ", "Rp"])
        if s:
            return prefix + grouped + "," + "%02d" % s
        style = r.random()
        if style < 0.5:
            return prefix + grouped
        if style < 0.7:
            return prefix + str(rup)
        if style < 0.85:
            return prefix + grouped + ",00"
        return prefix + grouped + ",-"

    def rand_value(self, lo, hi, decimals=2):
        scale = 10 ** self.r.randint(0, decimals)
        return F(self.r.randint(int(lo * scale), int(hi * scale)), scale)

    # ---- claims
    def tag(self, kind):
        self.claim_no += 1
        return "%s#%d" % (kind, self.claim_no)


# ---------------------------------------------------------------- expressions

class E:
    """Arithmetic expression over data names: ('n', q) | ('v', name) |
    ('neg', e) | (op, a, b)."""


PREC = {"+": 1, "-": 1, "*": 2, "/": 2}


def e_eval(e, env):
    k = e[0]
    if k == "n":
        return e[1]
    if k == "v":
        return env[e[1]]
    if k == "neg":
        v = e_eval(e[1], env)
        return None if v is None else -v
    a, b = e_eval(e[1], env), e_eval(e[2], env)
    if a is None or b is None:
        return None
    if k == "+":
        return a + b
    if k == "-":
        return a - b
    if k == "*":
        return a * b
    if b == 0:
        return None
    return a / b


def e_str(g, e, full_parens=False):
    k = e[0]
    if k == "n":
        return g.num_lit(e[1])
    if k == "v":
        return e[1]
    if k == "neg":
        inner = e_str(g, e[1], full_parens)
        if e[1][0] in PREC or full_parens:
            inner = "(" + inner + ")"
        return "-" + (" " if inner.startswith("-") else "") + inner
    a, b = e_str(g, e[1], full_parens), e_str(g, e[2], full_parens)
    if full_parens:
        return "(%s %s %s)" % (a, k, b)
    if e[1][0] in PREC and PREC[e[1][0]] < PREC[k]:
        a = "(" + a + ")"
    if e[2][0] in PREC and PREC[e[2][0]] <= PREC[k]:
        b = "(" + b + ")"
    return "%s %s %s" % (a, k, b)


def e_names(e, acc):
    if e[0] == "v":
        acc.add(e[1])
    elif e[0] == "neg":
        e_names(e[1], acc)
    elif e[0] in PREC:
        e_names(e[1], acc)
        e_names(e[2], acc)
    return acc


def random_rumus(g, names):
    """A rumus using every name at least once."""
    r = g.r
    leaves = [("v", n) for n in names]
    while len(leaves) < len(names) + r.randint(0, 2):
        leaves.append(("n", F(r.choice([1, 2, 3, 4, 5, 10, 100]))))
    r.shuffle(leaves)
    while len(leaves) > 1:
        i = r.randrange(len(leaves) - 1)
        op = r.choice("+-*/")
        a, b = leaves[i], leaves[i + 1]
        node = (op, a, b)
        if r.random() < 0.08:
            node = ("neg", node)
        leaves[i:i + 2] = [node]
    e = leaves[0]
    if r.random() < 0.5:
        e = ("*", e, ("n", F(100)))
    return e


# ---------------------------------------------------------------- the model

class Ind:
    def __init__(self, ident, owner):
        self.id = ident
        self.owner = owner          # sasaran/tujuan id, or budget node id
        self.pos = True
        self.target = {}            # year -> (lo, hi|None)
        self.real = {}              # year -> value (as written)
        self.rumus = None
        self.data = {}              # year -> {name: value}
        self.iku = False

    def realisasi(self, year):
        if year in self.data:
            return e_eval(self.rumus, self.data[year])
        return self.real.get(year)


class Node:
    def __init__(self, ident, level, parent):
        self.id = ident
        self.level = level          # program | kegiatan | subkegiatan
        self.parent = parent
        self.children = []
        self.own_a = None           # sen
        self.own_r = None
        self.mendukung = []

    def anggaran(self):
        if not self.children:
            return self.own_a
        return sum(c.anggaran() for c in self.children)

    def realisasi(self):
        if not self.children:
            return self.own_r
        return sum(c.realisasi() for c in self.children)


class Program:
    pass


def band_of(bands, v):
    for label, lo, lo_inc, hi, hi_inc in bands:
        if lo is not None and (v < lo or (v == lo and not lo_inc)):
            continue
        if hi is not None and (v > hi or (v == hi and not hi_inc)):
            continue
        return label
    return None


def capaian_ind(m, ind, year):
    t = ind.target.get(year)
    r = ind.realisasi(year)
    if t is None or r is None:
        return None
    lo, hi = t
    if hi is not None and lo <= r <= hi:
        c = F(100)
    else:
        T = lo if hi is None else (hi if r > hi else lo)
        if T == 0:
            return None
        c = r / T * 100 if ind.pos else (T - (r - T)) / T * 100
    if m["cap"] is not None and c > m["cap"]:
        c = m["cap"]
    return c


def capaian_sas(m, ids):
    vals = [capaian_ind(m, m["ind"][i], m["tahun"]) for i in ids]
    if not vals or any(v is None for v in vals):
        return None
    return sum(vals) / len(vals)


# ---------------------------------------------------------------- generator

def gen_skala(g, ident, closed_ok):
    """Contiguous bands over sorted cut points; returns (text, bands)."""
    r = g.r
    k = r.randint(1, 6)
    cuts = sorted({g.rand_value(-20, 150, 2) for _ in range(k)})
    # each cut goes to the band above (lower-inclusive) or below, or is a point band
    spec = []  # (lo, lo_inc, hi, hi_inc)
    lo, lo_inc = None, False
    for c in cuts:
        mode = r.random()
        if mode < 0.12:
            spec.append((lo, lo_inc, c, False))
            spec.append((c, True, c, True))
            lo, lo_inc = c, False
        elif mode < 0.56:
            spec.append((lo, lo_inc, c, False))
            lo, lo_inc = c, True
        else:
            spec.append((lo, lo_inc, c, True))
            lo, lo_inc = c, False
    spec.append((lo, lo_inc, None, False))
    # closed outer ends, sometimes (then values beyond are in no band)
    if closed_ok and r.random() < 0.3 and len(spec) > 2:
        spec = spec[1:]
    if closed_ok and r.random() < 0.3 and len(spec) > 2:
        spec = spec[:-1]
    labels = set()
    bands = []
    lines = []
    for lo, lo_inc, hi, hi_inc in spec:
        while True:
            label = r.choice(["Sangat ", "", "Cukup ", "Kurang ", ""]) + r.choice(
                ["Tinggi", "Baik", "Rendah", "Sedang", "Buruk", "A", "B", "C", "BB", "Memadai"]) + \
                (" %d" % r.randint(1, 9) if r.random() < 0.3 else "")
            if label not in labels:
                labels.add(label)
                break
        bands.append((label, lo, lo_inc, hi, hi_inc))

        def b(q):
            t = g.num_lit(q, percent=r.random() < 0.2)
            return t
        if lo is not None and hi is not None:
            cond = "%s %s nilai %s %s" % (b(lo), "<=" if lo_inc else "<", "<=" if hi_inc else "<", b(hi))
        elif lo is not None:
            cond = r.choice(["nilai %s %s" % (">=" if lo_inc else ">", b(lo)),
                             "%s %s nilai" % (b(lo), "<=" if lo_inc else "<")])
        else:
            cond = r.choice(["nilai %s %s" % ("<=" if hi_inc else "<", b(hi)),
                             "%s %s nilai" % (b(hi), ">=" if hi_inc else ">")])
        lines.append("    %s : %s" % (g.string(label), cond))
    if r.random() < 0.3:
        lines.reverse()          # band order does not matter
    if r.random() < 0.2:
        body = "    " + "; ".join(l.strip() for l in lines)
    else:
        body = "\n".join(lines)
    text = "skala %s %s {\n%s\n}\n" % (ident, g.string(), body)
    return text, bands


def gen_indikator(g, m, owner, iku, indent):
    r = g.r
    ind = Ind(g.ident(r.choice(["I", "IK", "IKU", "Ind"])), owner)
    ind.iku = iku
    ind.pos = r.random() < 0.75
    years = list(range(m["from"], m["to"] + 1))
    tahun = m["tahun"]
    tyears = sorted(set([tahun] + r.sample(years, r.randint(0, min(3, len(years))))))
    for y in tyears:
        lo = g.rand_value(1, 150, 2)
        if r.random() < 0.2:
            hi = lo + g.rand_value(0, 30, 1)
            ind.target[y] = (lo, hi)
        else:
            ind.target[y] = (lo, None)
    ryears = [y for y in years if y <= tahun and r.random() < 0.5]
    if tahun not in ryears and r.random() < 0.9:
        ryears.append(tahun)
    use_rumus = r.random() < 0.3
    if use_rumus:
        names = ["%s_%d" % (r.choice(["masuk", "selesai", "jumlah", "nilai", "rencana", "x", "y"]), i)
                 for i in range(r.randint(1, 3))]
        ind.rumus = random_rumus(g, names)
        dyears = [y for y in ryears if r.random() < 0.7] or [tahun]
        for y in dyears:
            for _ in range(20):
                env = {n: g.rand_value(1, 200, 1) for n in names}
                if e_eval(ind.rumus, env) is not None:
                    break
            ind.data[y] = env
        for y in ryears:
            if y in ind.data:
                v = e_eval(ind.rumus, ind.data[y])
                if v is not None and decimals_of(v, 6) is not None and r.random() < 0.3:
                    ind.real[y] = v          # stated too: must agree exactly
            else:
                ind.real[y] = g.rand_value(0, 150, 2)
    else:
        for y in ryears:
            ind.real[y] = g.rand_value(0, 150, 2)

    pad = " " * indent
    items = []
    items.append("satuan %s" % g.string(r.choice(['%', 'indeks', 'dokumen', 'laporan', 'nilai', 'orang'])))
    items.append("polaritas %s" % ("positif" if ind.pos else "negatif"))

    def pairs(d, bare_ok):
        out = []
        for y in sorted(d):
            v = d[y]
            if isinstance(v, tuple):
                lo, hi = v
                pct = r.random() < 0.3
                t = g.num_lit(lo, pct) + ("" if hi is None else ".." + g.num_lit(hi, pct))
            else:
                t = g.value_lit(v)
            if bare_ok and y == tahun and len(d) == 1 and r.random() < 0.5:
                out.append(t)
            else:
                out.append("%d: %s" % (y, t))
        return ", ".join(out)
    items.append("target %s" % pairs(ind.target, True))
    if ind.real:
        items.append("realisasi %s" % pairs(ind.real, True))
    if ind.rumus is not None:
        items.append("rumus = %s" % e_str(g, ind.rumus, r.random() < 0.3))
        for y in sorted(ind.data):
            kv = ["%s: %s" % (n, g.value_lit(v)) for n, v in ind.data[y].items()]
            items.append("data %d { %s }" % (y, r.choice([", ", " ", ", "]).join(kv)))
    if r.random() < 0.85:
        items.append("penanggung_jawab %s" % ", ".join(g.string() for _ in range(r.randint(1, 3))))
    if r.random() < 0.85:
        items.append("sumber %s" % g.string())
    if r.random() < 0.4:
        items.append("penjelasan %s" % g.string(g.text((5, 20))))
    r.shuffle(items)
    if r.random() < 0.15:
        body = " ".join(items)
        text = "%sindikator %s %s { %s }\n" % (pad, ind.id, g.string(), body)
    else:
        text = "%sindikator %s %s {\n%s%s}\n" % (pad, ind.id, g.string(),
                                              "".join(pad + "    " + it + "\n" for it in items), pad)
    m["ind"][ind.id] = ind
    return text, ind


def gen_node(g, m, level, parent, indent):
    r = g.r
    prefix = {"program": "P", "kegiatan": "K", "subkegiatan": "SK"}[level]
    node = Node(g.ident(prefix), level, parent)
    pad = " " * indent
    items = []
    child_level = {"program": "kegiatan", "kegiatan": "subkegiatan"}.get(level)
    if child_level and r.random() < 0.85:
        for _ in range(r.randint(1, 3)):
            t, c = gen_node(g, m, child_level, node, indent + 4)
            node.children.append(c)
            items.append(("child", t))
    if not node.children:
        node.own_a = r.choice([r.randint(1, 10 ** r.randint(3, 12)) * 100,
                               r.randint(100, 10 ** 14)])
        frac = F(r.randint(0, 120), 100)
        node.own_r = int(node.own_a * frac) if r.random() < 0.9 else r.randint(0, node.own_a)
        items.append(("line", "anggaran %s" % g.money_lit(node.own_a)))
        items.append(("line", "realisasi %s" % g.money_lit(node.own_r)))
    else:
        if r.random() < 0.3:
            items.append(("line", "anggaran %s" % g.money_lit(node.anggaran())))
        if r.random() < 0.3:
            items.append(("line", "realisasi %s" % g.money_lit(node.realisasi())))
    if level == "program":
        sas = m["sasaran_ids"]
        if sas and r.random() < 0.85:
            node.mendukung = r.sample(sas, r.randint(1, min(2, len(sas))))
            items.insert(0, ("line", "mendukung %s" % ", ".join(node.mendukung)))
    if level == "subkegiatan" and r.random() < 0.4:
        for _ in range(r.randint(1, 2)):
            tv = g.rand_value(1, 100, 0)
            items.append(("line", "keluaran %s { satuan %s target %s realisasi %s }" % (
                g.string(), g.string(r.choice(["laporan", "dokumen", "kegiatan"])),
                g.num_lit(tv), g.num_lit(g.rand_value(0, 100, 0)))))
    if r.random() < 0.1:
        t, ind = gen_indikator(g, m, node.id, False, indent + 4)
        items.append(("child", t))
    lines = []
    for kind, t in items:
        if kind == "line":
            lines.append(pad + "    " + t + "\n")
        else:
            lines.append(t)
    text = "%s%s %s %s {\n%s%s}\n" % (pad, level, node.id, g.string(), "".join(lines), pad)
    m["nodes"][node.id] = node
    return text, node


def generate(seed, index):
    r = random.Random("%d/%d" % (seed, index))
    g = Gen(r)
    m = {"ind": {}, "nodes": {}, "sasaran": {}, "tujuan": {}, "skala": {}, "cap": None,
         "round": "setengah_naik", "claims": []}
    out = []
    if r.random() < 0.5:
        out.append("sakip 1\n")
    if r.random() < 0.3:
        out.append("# generated by tests/property/gen.py, seed %d, program %d\n" % (seed, index))
    tahun = r.randint(2019, 2030)
    frm = tahun - r.randint(0, 4)
    to = tahun + r.randint(0, 4)
    m.update(tahun=tahun, **{"from": frm, "to": to})
    inst = ["tahun %d" % tahun, "periode %d..%d" % (frm, to)]
    if r.random() < 0.8:
        inst.append("induk %s" % g.string())
    if r.random() < 0.8:
        inst.append("kepala %s" % g.string())
    r.shuffle(inst)
    out.append("instansi %s {\n%s}\n" % (g.string(), "".join("    %s\n" % i for i in inst)))

    std = r.random() < 0.3
    if std:
        out.append('impor "standar/permendagri-86-2017.sakip"\n')
        m["skala"]["permendagri_86_2017"] = BUILTIN_SKALA_IMPORTED

    # skala
    for _ in range(r.randint(0, 3)):
        ident = g.ident(r.choice(["skala", "SK_", "p"]))
        t, bands = gen_skala(g, ident, True)
        m["skala"][ident] = bands
        out.append(t)
    active = None
    if m["skala"] and r.random() < 0.7:
        active = r.choice(sorted(m["skala"]))
        out.append("atur skala_capaian = %s\n" % active)
    m["active_bands"] = m["skala"][active] if active else BUILTIN_SKALA
    if r.random() < 0.3:
        m["cap"] = r.choice([F(100), F(110), F(120), F(150)])
        out.append("atur batas_capaian = %s\n" % g.num_lit(m["cap"], percent=r.random() < 0.7))
    if r.random() < 0.4:
        m["round"] = r.choice(["setengah_naik", "bawah"])
        out.append('atur pembulatan = "%s"\n' % m["round"])
    if r.random() < 0.3:
        out.append("atur desimal = %d\n" % r.randint(0, 6))

    # tujuan
    tujuan_ids = []
    for _ in range(r.randint(0, 2)):
        ident = g.ident("T")
        tujuan_ids.append(ident)
        items = ["    misi %s\n" % g.string(g.text((5, 15))) for _ in range(r.randint(0, 2))]
        if r.random() < 0.3:
            # not an IKU: only the indikator of a sasaran are (doc/decisions.md)
            t, ind = gen_indikator(g, m, ident, False, 4)
            m["tujuan"].setdefault(ident, []).append(ind.id)
            items.append(t)
        out.append("tujuan %s %s {\n%s}\n" % (ident, g.string(), "".join(items)))

    # sasaran
    m["sasaran_ids"] = []
    for _ in range(r.randint(1, 4)):
        ident = g.ident("S")
        m["sasaran_ids"].append(ident)
        items = []
        if tujuan_ids and r.random() < 0.6:
            items.append("    tujuan %s\n" % r.choice(tujuan_ids))
        if r.random() < 0.2:
            items.append("    penjelasan %s\n" % g.string())
        ids = []
        for _ in range(r.randint(1, 3)):
            t, ind = gen_indikator(g, m, ident, True, 4)
            ids.append(ind.id)
            items.append(t)
        m["sasaran"][ident] = ids
        out.append("sasaran %s %s {\n%s}\n" % (ident, g.string(), "".join(items)))

    # budget
    programs = []
    for _ in range(r.randint(0, 3)):
        t, p = gen_node(g, m, "program", None, 0)
        programs.append(p)
        out.append(t)

    # aturan
    rules = []
    if r.random() < 0.5:
        out.append('aturan efisiensi(s) = jika capaian(s) > serapan(s) maka "Efisien" lainnya "Tidak Efisien"\n')
    if r.random() < 0.6:
        name = g.ident("kali")
        k = F(r.randint(1, 9))
        out.append("aturan %s(x) = x * %s\n" % (name, g.num_lit(k)))
        rules.append(("scale", name, k))
    if r.random() < 0.4:
        name = g.ident("konst")
        k = g.rand_value(0, 1000, 3)
        if r.random() < 0.5:
            out.append("aturan %s = %s\n" % (name, g.num_lit(k)))
            rules.append(("const", name, k))
        else:
            out.append("aturan %s() = %s\n" % (name, g.num_lit(k)))
            rules.append(("const", name + "()", k))
    if r.random() < 0.4:
        name = g.ident("selisih")
        name2 = g.ident("jumlah2")
        out.append("aturan %s(a, b) = a + b\n" % name2)
        out.append("aturan %s(a, b) = %s(a, 0 - b)\n" % (name, name2))
        rules.append(("diff", name, None))

    claims = gen_claims(g, m, programs, rules)
    r.shuffle(claims)
    out.extend(claims)

    # top-level statements in any order after the instansi (order does not matter)
    head = out[:1] if out[0].startswith("sakip") else []
    body = out[len(head):]
    inst_i = next(i for i, s in enumerate(body) if s.startswith("instansi"))
    inst_s = body.pop(inst_i)
    if r.random() < 0.2:
        r.shuffle(body)
    if r.random() < 0.2:
        body.insert(r.randint(0, len(body)), inst_s)
    else:
        body.insert(0, inst_s)
    sep = r.choice(["\n", "", "\n\n"])
    text = "".join(head) + sep.join(body)
    # comments at line ends and on lines of their own; fmt must keep each
    comments = []
    if r.random() < 0.6:
        lines = text.split("\n")
        for li in range(len(lines)):
            if r.random() < 0.06:
                tok = "c-%d-%d" % (index, len(comments))
                comments.append(tok)
                word = r.choice(["catatan", "sumber: Tabel 3.2", "\"kutip\"", "Rp 1.000", "caf\u00e9"])
                if r.random() < 0.5:
                    lines[li] = lines[li] + "  # %s %s" % (tok, word)
                else:
                    indent = len(lines[li]) - len(lines[li].lstrip(" "))
                    lines[li] = " " * indent + "# %s %s\n" % (tok, word) + lines[li]
        text = "\n".join(lines)
    expect = {
        "comments": comments,
        "claims": m["claims"],
        "indikator": {},
        "sasaran": {},
        "anggaran": {},
    }
    for i, ind in m["ind"].items():
        if ind.iku:
            c = capaian_ind(m, ind, tahun)
            expect["indikator"][i] = {
                "capaian": None if c is None else str(c),
                "predikat": None if c is None else band_of(m["active_bands"], c),
            }
    for s, ids in m["sasaran"].items():
        c = capaian_sas(m, ids)
        expect["sasaran"][s] = {"capaian": None if c is None else str(c),
                                "predikat": None if c is None else band_of(m["active_bands"], c)}
    for n, node in m["nodes"].items():
        a, re_ = node.anggaran(), node.realisasi()
        expect["anggaran"][n] = {"anggaran": str(F(a, 100)), "realisasi": str(F(re_, 100)),
                                 "serapan": None if a == 0 else str(F(re_, a) * 100)}
    return text, expect


BUILTIN_SKALA_IMPORTED = BUILTIN_SKALA   # standar/permendagri-86-2017.sakip is the same table


def gen_claims(g, m, programs, rules):
    r = g.r
    out = []
    tahun = m["tahun"]
    mode = m["round"]

    def claim(expr, kind, extra=""):
        tag = g.tag(kind)
        m["claims"].append({"tag": tag, "kind": kind, "expr": expr})
        pesan = r.choice(["", "Tabel 3.2 ", "Laporan hal. %d " % r.randint(1, 99)]) + "[" + tag + "]" + extra
        out.append("periksa %s pesan %s\n" % (expr, g.string(pesan)))

    def approx(expr_text, v, kind_ok=True):
        """expr ~= literal, a true or a false one."""
        d = r.randint(0, 3)
        lit = round_dec(v, d, mode)
        if r.random() < 0.25:
            wrong = lit + F(r.choice([-3, -1, 1, 2, 7]), 10 ** d)
            claim("%s ~= %s" % (expr_text, g_fixed(wrong, d, r.random() < 0.4)), "salah")
        else:
            claim("%s ~= %s" % (expr_text, g_fixed(lit, d, r.random() < 0.4)), "benar")

    def g_fixed(q, d, pct):
        return fmt_dec(q, d) + ("%" if pct else "")

    inds = sorted(m["ind"].values(), key=lambda i: i.id)
    for ind in r.sample(inds, min(len(inds), r.randint(1, 6))):
        c = capaian_ind(m, ind, tahun)
        if c is not None:
            approx("capaian(%s)" % ind.id, c)
            band = band_of(m["active_bands"], c)
            if band is not None and r.random() < 0.6:
                if r.random() < 0.8:
                    claim('predikat(%s) == "%s"' % (ind.id, band), "benar")
                else:
                    claim('predikat(%s) != "%s"' % (ind.id, band), "salah")
        else:
            claim("capaian(%s) > 0" % ind.id, "bebas")
        # other years
        for y, t in sorted(ind.target.items()):
            if t[1] is None and r.random() < 0.3:
                claim("target(%s, %d) == %s" % (ind.id, y, g.num_lit(t[0])), "benar")
            cy = capaian_ind(m, ind, y)
            if y != tahun and cy is not None and r.random() < 0.3:
                approx("capaian(%s, %d)" % (ind.id, y), cy)
        rv = ind.realisasi(tahun)
        if rv is not None and r.random() < 0.3:
            if decimals_of(rv, 8) is not None:
                claim("realisasi(%s) == %s" % (ind.id, g.num_lit(rv)), "benar")
            else:
                approx("realisasi(%s)" % ind.id, rv)
        if r.random() < 0.2:
            claim("capaian_renstra(%s) >= 0" % ind.id, "bebas")
        for kind, name, k in rules:
            if kind == "scale" and c is not None and r.random() < 0.4:
                approx("%s(capaian(%s))" % (name, ind.id), c * k)

    for s, ids in sorted(m["sasaran"].items()):
        c = capaian_sas(m, ids)
        if c is not None and r.random() < 0.6:
            approx("capaian(%s)" % s, c)
            band = band_of(m["active_bands"], c)
            if band is not None and r.random() < 0.5:
                claim('predikat(%s) == "%s"' % (s, band), "benar")
        if r.random() < 0.3:
            claim('efisiensi(%s) == "Efisien" atau efisiensi(%s) == "Tidak Efisien"' % (s, s), "bebas")
        if r.random() < 0.2:
            claim("serapan(%s) >= 0" % s, "bebas")

    for n, node in sorted(m["nodes"].items()):
        a, re_ = node.anggaran(), node.realisasi()
        roll = r.random()
        if roll < 0.3:
            claim("anggaran(%s) == %s" % (n, g.money_lit(a)), "benar")
        elif roll < 0.4:
            claim("anggaran(%s) == %s" % (n, g.money_lit(a + r.choice([1, 100, 100000]))), "salah")
        elif roll < 0.6:
            claim("realisasi(%s) == %s" % (n, g.money_lit(re_)), "benar")
        elif roll < 0.7 and a:
            approx("serapan(%s)" % n, F(re_, a) * 100)
        elif roll < 0.8:
            claim("anggaran(%s) - realisasi(%s) == %s" % (n, n, money_signed(g, a - re_)), "benar")
        elif roll < 0.85 and a:
            approx("realisasi(%s) / anggaran(%s) * 100" % (n, n), F(re_, a) * 100)
        elif roll < 0.9:
            claim("anggaran(%s) * 2 == %s" % (n, g.money_lit(2 * a)), "benar")

    # pure arithmetic and logic
    for _ in range(r.randint(0, 4)):
        xs = [g.rand_value(-50, 200, 3) for _ in range(r.randint(1, 5))]
        fn = r.choice(["jumlah", "rata", "min", "max"])
        v = {"jumlah": sum(xs), "rata": sum(xs) / len(xs), "min": min(xs), "max": max(xs)}[fn]
        args = ", ".join(neg_lit(g, x) for x in xs)
        if decimals_of(v, 8) is not None:
            claim("%s(%s) == %s" % (fn, args, neg_lit(g, v)), "benar")
        else:
            approx("%s(%s)" % (fn, args), v)
    if r.random() < 0.5:
        x = g.rand_value(-100, 100, 4)
        n = r.randint(0, 3)
        claim("bulat(%s, %d) == %s" % (neg_lit(g, x), n, neg_lit(g, round_dec(x, n, mode))), "benar")
    if r.random() < 0.5:
        a, b = g.rand_value(0, 100, 1), g.rand_value(0, 100, 1)
        claim('(jika %s > %s maka "ya" lainnya "tidak") == "%s"' % (g.num_lit(a), g.num_lit(b), "ya" if a > b else "tidak"),
              "benar")
    if r.random() < 0.4:
        claim("tidak (1 > 2) dan (benar atau salah)", "benar")
    if r.random() < 0.3:
        e = random_rumus(g, ["q"])
        env = {"q": g.rand_value(1, 50, 1)}
        v = e_eval(e, env)
        if v is not None:
            text = e_str(g, e, r.random() < 0.5).replace("q", g.num_lit(env["q"]))
            if decimals_of(v, 8) is not None:
                claim("%s == %s" % (paren(text), neg_lit(g, v)), "benar")
            else:
                approx(paren(text), v)
    for kind, name, k in rules:
        if kind == "const":
            claim("%s == %s" % (name, g.num_lit(k)), "benar")
        elif kind == "diff":
            a, b = g.rand_value(0, 100, 2), g.rand_value(0, 100, 2)
            claim("%s(%s, %s) == %s" % (name, g.num_lit(a), g.num_lit(b), neg_lit(g, a - b)), "benar")
    return out


def paren(t):
    return "(" + t + ")"


def neg_lit(g, q):
    if q < 0:
        return "(-" + g.num_lit(-q) + ")"
    return g.num_lit(q)


def money_signed(g, sen):
    if sen < 0:
        return "(Rp 0 - %s)" % g.money_lit(-sen)
    return g.money_lit(sen)


# ---------------------------------------------------------------- judging

def judge(expect_path, check_path, eval_path):
    with open(expect_path, encoding="utf-8") as f:
        exp = json.load(f)
    problems = []
    try:
        with open(check_path, encoding="utf-8") as f:
            diags = json.load(f)["diagnostics"]
    except (ValueError, KeyError, OSError) as e:
        print("check --format=json output is not a diagnostics document: %s" % e)
        return 1
    reported = {}
    for d in diags:
        code = d.get("code")
        if d.get("level") == "error" and code not in ("E0801", "E0802"):
            problems.append("unexpected %s at line %s: %s" % (code, d["span"].get("line"), d["message"]))
        if code in ("E0801", "E0802"):
            tags = [t for h in d.get("hints", []) for t in re.findall(r"\[((?:benar|salah|bebas)#\d+)\]", h)]
            for t in tags:
                reported[t] = (code, d["message"])
    for c in exp["claims"]:
        t = c["tag"]
        if c["kind"] == "benar" and t in reported:
            problems.append("claim %s should hold: periksa %s -- %s: %s" % (t, c["expr"], *reported[t]))
        if c["kind"] == "salah" and reported.get(t, ("",))[0] != "E0801":
            what = "%s: %s" % reported[t] if t in reported else "it was not reported"
            problems.append("claim %s should fail with E0801: periksa %s -- %s" % (t, c["expr"], what))

    try:
        with open(eval_path, encoding="utf-8") as f:
            ev = json.loads(f.read(), parse_float=str, parse_int=str)
    except (ValueError, OSError) as e:
        problems.append("eval --format=json output is not JSON: %s" % e)
        ev = None
    if ev is not None:
        units = ev.get("instansi", [])
        if len(units) != 1:
            problems.append("eval json has %d instansi, expected 1" % len(units))
        else:
            u = units[0]
            problems += compare_eval(exp, u)
    for p in problems:
        print(p)
    return 1 if problems else 0


def close(json_num, exact, what):
    """JSON number (as text) vs exact model value (as Fraction text)."""
    if exact is None:
        return [] if json_num is None else ["%s: model undefined, sakip %s" % (what, json_num)]
    if json_num is None:
        return ["%s: model %s, sakip null" % (what, float(F(exact)))]
    q, e = F(json_num), F(exact)
    if abs(q - e) > F(1, 10 ** 10):
        return ["%s: model %s (%s), sakip %s" % (what, float(e), exact, json_num)]
    return []


def compare_eval(exp, u):
    out = []
    got = {i["id"]: i for i in u.get("indikator", [])}
    for iid, x in exp["indikator"].items():
        if iid not in got:
            out.append("indikator %s missing from eval json" % iid)
            continue
        out += close(got[iid].get("capaian"), x["capaian"], "capaian(%s)" % iid)
        if x["predikat"] is not None and got[iid].get("predikat") != x["predikat"]:
            out.append("predikat(%s): model %r, sakip %r" % (iid, x["predikat"], got[iid].get("predikat")))
    got = {s["id"]: s for s in u.get("sasaran", [])}
    for sid, x in exp["sasaran"].items():
        if sid not in got:
            out.append("sasaran %s missing from eval json" % sid)
            continue
        out += close(got[sid].get("capaian"), x["capaian"], "capaian(%s)" % sid)
        if x["predikat"] is not None and got[sid].get("predikat") != x["predikat"]:
            out.append("predikat(%s): model %r, sakip %r" % (sid, x["predikat"], got[sid].get("predikat")))
    got = {a["id"]: a for a in u.get("anggaran", [])}
    for nid, x in exp["anggaran"].items():
        if nid not in got:
            out.append("budget node %s missing from eval json" % nid)
            continue
        for k in ("anggaran", "realisasi"):
            if got[nid].get(k) is None or F(got[nid][k]) != F(x[k]):
                out.append("%s(%s): model %s, sakip %s (money must be exact)" % (k, nid, x[k], got[nid].get(k)))
        out += close(got[nid].get("serapan"), x["serapan"], "serapan(%s)" % nid)
    tags = {}
    for p in u.get("periksa", []):
        for t in re.findall(r"\[((?:benar|salah|bebas)#\d+)\]", p.get("pesan") or ""):
            tags[t] = {True: "true", False: "false", None: "null"}.get(p.get("hasil"), p.get("hasil"))
    for c in exp["claims"]:
        h = tags.get(c["tag"], "missing")
        if c["kind"] == "benar" and h != "true":
            out.append("eval json: claim %s (periksa %s) hasil %s, expected true" % (c["tag"], c["expr"], h))
        if c["kind"] == "salah" and h != "false":
            out.append("eval json: claim %s (periksa %s) hasil %s, expected false" % (c["tag"], c["expr"], h))
    return out


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--seed", type=int, default=20240101)
    g.add_argument("--count", type=int, default=200)
    g.add_argument("--out", required=True)
    j = sub.add_parser("judge")
    j.add_argument("expect")
    j.add_argument("check")
    j.add_argument("eval")
    a = ap.parse_args()
    if a.cmd == "generate":
        os.makedirs(a.out, exist_ok=True)
        for i in range(a.count):
            text, expect = generate(a.seed, i)
            base = os.path.join(a.out, "prop-%03d" % i)
            with open(base + ".sakip", "w", encoding="utf-8") as f:
                f.write(text)
            with open(base + ".expect.json", "w", encoding="utf-8") as f:
                json.dump(expect, f, indent=1)
        return 0
    return judge(a.expect, a.check, a.eval)


if __name__ == "__main__":
    sys.exit(main())
