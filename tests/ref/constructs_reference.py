#!/usr/bin/env python3
"""Independent reference ("oracle") for the capaian, range and totals
constructs of sakip(5) (issue #19), one example file per construct.

The inputs of each example are hard-coded below (the .sakip files are NOT
parsed), every figure is recomputed with fractions.Fraction from the rules
of sakip(5), and compared with `sakip eval --format=json` of the file:

  * capaian positif  = realisasi / target * 100
    capaian negatif  = (target - (realisasi - target)) / target * 100
    a range target lo..hi: 100 inside; above it hi, below it lo is the
    target; polaritas stabil: negatif above, positif below
  * rumus_capaian replaces all of that (its bare names: target -- the bound
    that applies --, realisasi, target_bawah, target_atas); else a rule
    named capaian; then the indikator's batas (or batas_capaian) clamps it
  * capaian_renstra: the same against the target of the last periode year
  * a mean (sasaran, capaian(), recap): sum(bobot * min(c, batas_rata)) /
    sum(bobot); an undefined capaian leaves it undefined, or is left out
    under rata_abaikan_kosong
  * a sasaran's budget: the subkegiatan under every node that names it
    (mendukung), each once; serapan = realisasi / anggaran * 100;
    efisiensi "Efisien" when capaian > serapan
  * predikat: the built-in skala (>= 91, 76, 66, 51)

Usage:
    python3 tests/ref/constructs_reference.py --cocokkan SAKIP SRCDIR
Exit status 0 when every figure agrees, 1 otherwise.
"""

import json
import subprocess
import sys
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction as F

DECIMALS = 10


def pct(s):
    return F(s)


def capaian_builtin(pol, r, lo, hi=None):
    t = lo
    if hi is not None:
        if lo <= r <= hi:
            return F(100)
        above = r > hi
        t = hi if above else lo
        if pol == "stabil":
            pol = "negatif" if above else "positif"
    elif pol == "stabil":
        return None
    if t == 0:
        return None
    if pol == "negatif":
        return (t - (r - t)) / t * 100
    return r / t * 100


def clamp(c, lo=None, hi=None):
    if c is None:
        return None
    if lo is not None and c < lo:
        return lo
    if hi is not None and c > hi:
        return hi
    return c


def mean(pairs, batas_rata=None, skip=False):
    """pairs: (capaian or None, bobot)."""
    s, w = F(0), F(0)
    for c, b in pairs:
        if c is None:
            if skip:
                continue
            return None
        if batas_rata is not None:
            c = min(c, batas_rata)
        s += b * c
        w += b
    return s / w if w else None


def predikat(c):
    if c is None:
        return None
    for label, lo in (("Sangat Tinggi", 91), ("Tinggi", 76), ("Sedang", 66), ("Rendah", 51)):
        if c >= lo:
            return label
    return "Sangat Rendah"


# ---- the examples --------------------------------------------------------------------------------

def spec_6_1():
    """tests/golden/cases/spec-6-1-example: stabil, rumus_capaian, batas, bobot."""
    inflasi = clamp(capaian_builtin("stabil", pct("4.6"), pct(2), pct(4)))
    # rumus_capaian = target / realisasi * 100; batas 0%..120%
    kemiskinan = clamp(pct(8) / pct("9.5") * 100, F(0), F(120))
    s1 = mean([(inflasi, F(1)), (kemiskinan, F(2))], batas_rata=F(100), skip=True)
    return {
        "indikator": {"INFLASI": inflasi, "KEMISKINAN": kemiskinan},
        "sasaran": {"S1": (s1, None, None)},
    }


def capaian_methods():
    """tests/golden/cases/capaian-methods: aturan capaian, rumus_capaian, batas, batas_capaian,
    batas_rata, bobot, rata_abaikan_kosong, capaian_renstra under a rule."""
    rule = lambda r, t: r / t * 100 - 1          # aturan capaian(x) = realisasi(x) / target(x) * 100 - 1
    batas_capaian = F(110)
    a = clamp(rule(F(100), F(80)), hi=batas_capaian)
    a_renstra = clamp(rule(F(100), F(100)), hi=batas_capaian)
    # rumus_capaian: jika target == 0 maka (jika realisasi == 0 maka 100 lainnya 0) lainnya ...
    b = clamp(F(100), hi=batas_capaian)
    c = clamp(rule(F(90), F(50)), lo=F(0))       # its own batas 0%.. replaces batas_capaian
    d = None                                      # no realisasi
    e = clamp((F(20) - F(10)) / F(25) * 100, hi=batas_capaian)   # (target_atas - target_bawah) / realisasi * 100
    s1 = mean([(a, 1), (b, 1), (c, 1), (d, 1), (e, 3)], batas_rata=F(100), skip=True)
    return {
        "indikator": {"A": a, "B": b, "C": c, "D": d, "E": e},
        "renstra": {"A": a_renstra},
        "sasaran": {"S1": (s1, None, None)},
    }


def spec_6_3():
    """tests/golden/cases/spec-6-3-totals: mendukung at every level, a named keluaran, totals."""
    sk = {"SK1": (F(100_000_000), F(90_000_000)), "SK2": (F(50_000_000), F(50_000_000)),
          "SK3": (F(40_000_000), F(20_000_000)), "SK4": (F(10_000_000), F(10_000_000))}
    tree = {"P1": ["SK1", "SK2", "SK3"], "K1": ["SK1", "SK2"], "K2": ["SK3"], "P2": ["SK4"], "K3": ["SK4"]}

    def under(n):
        return set(tree.get(n, [n]))

    def budget(nodes):
        leaves = set()
        for n in nodes:
            leaves |= under(n)                    # a set: each subkegiatan once
        return sum(sk[l][0] for l in leaves), sum(sk[l][1] for l in leaves)

    mendukung = {"S1": ["P1", "SK2"], "S2": ["SK1", "K2", "SK3"], "S3": []}
    cap = {"IKM": F("83.63") / 82 * 100, "ADM": F(90) / 100 * 100, "DOK": F(4) / 4 * 100}
    sas = {}
    for s, ind in (("S1", "IKM"), ("S2", "ADM"), ("S3", "DOK")):
        c = cap[ind]
        if mendukung[s]:
            a, r = budget(mendukung[s])
            ser = r / a * 100
            sas[s] = (c, ser, "Efisien" if c > ser else "Tidak Efisien")
        else:
            sas[s] = (c, None, None)
    nodes = {n: budget([n]) for n in list(tree) + list(sk)}
    return {
        "indikator": cap,
        "sasaran": sas,
        "program": {"KL1": F(10) / 12 * 100, "IS3": F(75) / 100 * 100},
        "anggaran": nodes,
    }


def sumberjambe():
    """tests/golden/cases/fix-capaian-renstra-polarity: capaian_renstra by polarity and range."""
    cap = {"INSIDEN": capaian_builtin("negatif", F(15), F(12)),
           "HARI": capaian_builtin("negatif", F("2.8"), F(3)),
           "RASIO": capaian_builtin("positif", F(5), F(2), F(4))}
    ren = {"INSIDEN": capaian_builtin("negatif", F(15), F(10)),
           "HARI": capaian_builtin("negatif", F("2.8"), F(3)),
           "RASIO": capaian_builtin("positif", F(5), F(2), F(4))}
    s1 = mean([(c, 1) for c in cap.values()])
    return {"indikator": cap, "renstra": ren, "sasaran": {"S1": (s1, None, None)}}


def range_target():
    """tests/golden/cases/fix-range-target: a range target, its bounds in JSON."""
    return {"indikator": {"DESA": capaian_builtin("positif", F(85), F(80), F(90))},
            "target": {"DESA": (F(80), F(90))},
            "sasaran": {"S1": (F(100), F(90_000_000) / F(100_000_000) * 100, "Efisien")}}


# ---- periods inside a year (issue #21): the example of sakip(5), PERIODS ----------------------

SPEC_6_5 = {
    "IKM": {"agregasi": "rata",
            "target": [F(83), F(84), F("84.5"), F("84.5")],
            "realisasi": [F("83.10"), F("84.00"), F("84.40"), F("84.98")]},
    "SK2_1_2": {"anggaran": F(12000000),
                "rencana": [F(2000000), F(4000000), F(3000000), F(3000000)],
                "realisasi": [F(1500000), F(4350000), F(3000000), F(3000000)]},
}


def agregasi(how, vals):
    """The year (or year-to-date) value of period values by an agregasi."""
    if how == "jumlah":
        return sum(vals, F(0))
    if how == "akhir":
        return vals[-1]
    if how == "rata":
        return sum(vals, F(0)) / len(vals)
    if how == "maksimum":
        return max(vals)
    return min(vals)


def spec_6_5_periods(per=None):
    """tests/golden/cases/spec-6-5-periods: the rencana aksi of IKM and SK2_1_2, by period and
    year to date (through `per`, 1-based triwulan, or the whole year)."""
    ikm, sk = SPEC_6_5["IKM"], SPEC_6_5["SK2_1_2"]
    n = per or 4
    t_year = agregasi(ikm["agregasi"], ikm["target"][:n])
    r_year = agregasi(ikm["agregasi"], ikm["realisasi"][:n])
    cap = capaian_builtin("positif", r_year, t_year)
    rows = []
    for p in range(1, n + 1):
        t_sd = agregasi(ikm["agregasi"], ikm["target"][:p])
        r_sd = agregasi(ikm["agregasi"], ikm["realisasi"][:p])
        c_sd = capaian_builtin("positif", r_sd, t_sd)
        rows.append({"periode": "tw%d" % p, "target": ikm["target"][p - 1], "realisasi": ikm["realisasi"][p - 1],
                     "capaian": capaian_builtin("positif", ikm["realisasi"][p - 1], ikm["target"][p - 1]),
                     "target_sd": t_sd, "realisasi_sd": r_sd, "capaian_sd": c_sd, "predikat_sd": predikat(c_sd)})
    money = []
    for p in range(1, n + 1):
        rc_sd, r_sd = sum(sk["rencana"][:p], F(0)), sum(sk["realisasi"][:p], F(0))
        money.append({"periode": "tw%d" % p, "rencana": sk["rencana"][p - 1], "realisasi": sk["realisasi"][p - 1],
                      "rencana_sd": rc_sd, "realisasi_sd": r_sd, "serapan_sd": r_sd / sk["anggaran"] * 100,
                      "deviasi_sd": r_sd - rc_sd})
    real = sum(sk["realisasi"][:n], F(0))
    return {
        "indikator": {"IKM": cap},
        "anggaran": {node: (sk["anggaran"], real) for node in ("P2", "K2_1", "SK2_1_2")},
        "rencana_aksi": {"IKM": rows},
        "serapan_periode": {node: money for node in ("P2", "K2_1", "SK2_1_2")},
    }


EXAMPLES = {
    "spec-6-1-example": spec_6_1,
    "capaian-methods": capaian_methods,
    "spec-6-3-totals": spec_6_3,
    "fix-capaian-renstra-polarity": sumberjambe,
    "fix-range-target": range_target,
    "spec-6-5-periods": spec_6_5_periods,
}


# ---- comparison ----------------------------------------------------------------------------------

def fixed(q):
    """q as sakip writes JSON numbers: exact when it ends within 10 decimals, else rounded there."""
    if q is None:
        return None
    d = (Decimal(q.numerator) / Decimal(q.denominator)).quantize(Decimal(1).scaleb(-DECIMALS), ROUND_HALF_UP) \
        if q.denominator != 1 else Decimal(q.numerator)
    return d.normalize()


def num(v):
    return None if v is None else Decimal(str(v)).normalize()


def compare(name, want, got, diffs):
    u = got["instansi"][0]
    ind = {i["id"]: i for i in u["indikator"]}
    prog = {i["id"]: i for i in u.get("indikator_program", [])}
    sas = {s["id"]: s for s in u["sasaran"]}
    bud = {b["id"]: b for b in u["anggaran"]}

    def same(where, w, g):
        if fixed(w) != num(g):
            diffs.append("%s: %s: sakip %s, oracle %s" % (name, where, g, fixed(w)))

    for i, c in want.get("indikator", {}).items():
        same("capaian(%s)" % i, c, ind[i]["capaian"])
        p = predikat(c)
        if ind[i]["predikat"] != p:
            diffs.append("%s: predikat(%s): sakip %s, oracle %s" % (name, i, ind[i]["predikat"], p))
    for i, c in want.get("renstra", {}).items():
        same("capaian_renstra(%s)" % i, c, ind[i]["capaian_renstra"])
    for i, (lo, hi) in want.get("target", {}).items():
        same("target(%s)" % i, lo, ind[i]["target"])
        same("target_atas(%s)" % i, hi, ind[i].get("target_atas"))
    for s, (c, ser, efi) in want.get("sasaran", {}).items():
        same("capaian(%s)" % s, c, sas[s]["capaian"])
        same("serapan(%s)" % s, ser, sas[s]["serapan"])
        if sas[s]["efisiensi"] != efi:
            diffs.append("%s: efisiensi(%s): sakip %s, oracle %s" % (name, s, sas[s]["efisiensi"], efi))
    for i, c in want.get("program", {}).items():
        same("capaian(%s)" % i, c, prog[i]["capaian"])
    for n, (a, r) in want.get("anggaran", {}).items():
        same("anggaran(%s)" % n, a, bud[n]["anggaran"])
        same("realisasi(%s)" % n, r, bud[n]["realisasi"])
    # the tables of periods: rows in period order, per indikator or node
    for table, key in (("rencana_aksi", "indikator"), ("serapan_periode", "id")):
        for x, rows in want.get(table, {}).items():
            got_rows = [row for row in u.get(table, []) if row[key] == x]
            if len(got_rows) != len(rows):
                diffs.append("%s: %s(%s): sakip %d rows, oracle %d" % (name, table, x, len(got_rows), len(rows)))
                continue
            for w, g in zip(rows, got_rows):
                for col, val in w.items():
                    where = "%s(%s).%s %s" % (table, x, col, w["periode"])
                    if isinstance(val, str):
                        if g[col] != val:
                            diffs.append("%s: %s: sakip %s, oracle %s" % (name, where, g[col], val))
                    else:
                        same(where, val, g[col])


def main(argv):
    if len(argv) != 3 or argv[0] != "--cocokkan":
        print(__doc__)
        return 2
    sakip, srcdir = argv[1], argv[2]
    diffs = []
    for name, fn in EXAMPLES.items():
        path = "%s/tests/golden/cases/%s/input.sakip" % (srcdir, name)
        out = subprocess.run([sakip, "eval", "--format=json", path], capture_output=True, text=True)
        got = json.loads(out.stdout, parse_float=Decimal)
        before = len(diffs)
        compare(name, fn(), got, diffs)
        print("%s: %s" % ("SAMA" if len(diffs) == before else "BEDA", name))
    # the same example as of the end of each triwulan (eval --per=twN)
    for per in (1, 2, 3, 4):
        name = "spec-6-5-periods"
        path = "%s/tests/golden/cases/%s/input.sakip" % (srcdir, name)
        out = subprocess.run([sakip, "eval", "--format=json", "--per=tw%d" % per, path], capture_output=True, text=True)
        got = json.loads(out.stdout, parse_float=Decimal)
        before = len(diffs)
        if got.get("per") != "tw%d" % per:
            diffs.append("%s --per=tw%d: \"per\" is %r" % (name, per, got.get("per")))
        compare("%s --per=tw%d" % (name, per), spec_6_5_periods(per), got, diffs)
        print("%s: %s --per=tw%d" % ("SAMA" if len(diffs) == before else "BEDA", name, per))
    for d in diffs:
        print("  " + d)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
