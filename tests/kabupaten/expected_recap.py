#!/usr/bin/env python3
"""Independent recap of the three kecamatan in examples/kabupaten/ (project issue #6).

Recomputes, with fractions.Fraction and from numbers hard-coded below (the .sakip files are NOT
parsed), for Kecamatan Ambulu (real, examples/ambulu-2024.sakip) and the two invented kecamatan
Wuluhan and Puger (examples/kabupaten/*-2024.sakip, DATA KARANGAN / INVENTED DATA):

  * rata_capaian  mean capaian 2024 over every IKU of the sasaran (exact, shown to 10 decimals),
                  each capaian capped at the file's `atur batas_rata` where it has one (Ambulu: 100)
  * predikat      how many IKU fall in each band of the file's skala_capaian
  * anggaran, realisasi   totals of the budget tree (exact rupiah)
  * serapan       realisasi / anggaran * 100 (10 decimals)

and prints {"rekap": [...]} sorted by rata_capaian, highest first.

Capaian: positif r/t*100; negatif (t-(r-t))/t*100; a range target lo..hi scores 100 when
lo <= r <= hi, otherwise the polarity formula with hi (r above) or lo (r below) as the target.

Usage:
    python3 tests/kabupaten/expected_recap.py
    python3 tests/kabupaten/expected_recap.py --cocokkan [SAKIP]   # compare with
        `SAKIP eval --format=json examples/ambulu-2024.sakip examples/kabupaten/{wuluhan,puger}-2024.sakip`
        (SAKIP defaults to ./sakip; run from the project root); exit 1 on any difference.
"""

import json
import os
import subprocess
import sys
from fractions import Fraction as F

DECIMALS = 10


def D(s):
    """Exact decimal from its written form ("83.63")."""
    return F(s)


# ---- skala ---------------------------------------------------------------------------------------
# Each band: (label, low, low_inclusive, high, high_inclusive); None = open.

# Ambulu declares its own skala p86 (Tabel 3.1 of the report read contiguously) and uses it.
SKALA_P86_AMBULU = [
    ("Sangat Tinggi", F(90), True, None, False),
    ("Tinggi", F(76), True, F(90), False),
    ("Sedang", F(66), True, F(76), False),
    ("Rendah", F(51), True, F(66), False),
    ("Sangat Rendah", None, False, F(51), False),
]

# Permendagri 86/2017 read contiguously: standar/permendagri-86-2017.sakip (Wuluhan imports it)
# and sakip's built-in skala (Puger declares none), both per sakip(5), DECLARATIONS, skala.
SKALA_PERMENDAGRI_86 = [
    ("Sangat Tinggi", F(91), True, None, False),
    ("Tinggi", F(76), True, F(91), False),
    ("Sedang", F(66), True, F(76), False),
    ("Rendah", F(51), True, F(66), False),
    ("Sangat Rendah", None, False, F(51), False),
]


def band(skala, v):
    hits = []
    for label, lo, lo_inc, hi, hi_inc in skala:
        if lo is not None and (v < lo or (v == lo and not lo_inc)):
            continue
        if hi is not None and (v > hi or (v == hi and not hi_inc)):
            continue
        hits.append(label)
    assert len(hits) == 1, (v, hits)
    return hits[0]


# ---- capaian -------------------------------------------------------------------------------------

def capaian(polaritas, target, realisasi):
    """target: a Fraction, or a (lo, hi) tuple for a range target."""
    if isinstance(target, tuple):
        lo, hi = target
        if lo <= realisasi <= hi:
            return F(100)
        t = hi if realisasi > hi else lo
    else:
        t = target
    if polaritas == "positif":
        return realisasi / t * 100
    assert polaritas == "negatif"
    return (t - (realisasi - t)) / t * 100


# ---- the three kecamatan (tahun 2024) ------------------------------------------------------------
# IKU rows: (id, polaritas, target 2024, realisasi 2024).  Realisasi given by rumus/data in the
# .sakip file is recomputed here from the same data.

AMBULU = {
    "nama": "Kecamatan Ambulu",
    "induk": "Kabupaten Jember",
    "skala": SKALA_P86_AMBULU,
    "batas_rata": F(100),   # atur batas_rata = 100% (issue #19)
    "iku": [
        ("DOK", "positif", F(4), F(4)),
        ("IKM", "positif", F(82), D("83.63")),
        ("KESRA", "positif", F(100), F(23) / F(23) * 100),
        ("TRANTIB", "positif", F(100), F(14) / F(14) * 100),
        ("SAKIP", "positif", F(82), D("28.61") + D("24.79") + D("14.04") + D("16.83")),
        ("IPT", "positif", F(80), F(4) / F(4) * 100),
    ],
    # Program totals only (Tabel 3.8 Jumlah); see examples/ambulu-2024.sakip for the tree.
    "budget": [(4492070793, 4124398349)],
}

WULUHAN = {
    "nama": "Kecamatan Wuluhan",
    "induk": "Kabupaten Jember",
    "skala": SKALA_PERMENDAGRI_86,
    "iku": [
        ("IKM", "positif", F(83), D("86.12")),
        ("KELUHAN", "negatif", F(10), F(7)),
        ("SAKIP", "positif", F(70), D("72.45")),
        ("DESA", "positif", F(90), F(12) / F(12) * 100),
        ("TRANTIB", "positif", F(95), F(81)),
        ("IPT", "positif", (F(80), F(90)), F(100)),
    ],
    # Sub kegiatan (anggaran, realisasi).
    "budget": [
        (2187450300, 2041226150),  # SK1_1_1
        (84600000, 82915000),  # SK1_1_2
        (231780000, 219347500),  # SK1_2_1
        (65250000, 64980400),  # SK1_3_1
        (918400000, 905112000),  # SK2_1_1
        (42300000, 40875000),  # SK2_2_1
        (196500000, 183640250),  # SK3_1_1
        (9850000, 9850000),  # SK3_1_2
        (248900000, 201609000),  # SK4_1_1
    ],
}

PUGER = {
    "nama": "Kecamatan Puger",
    "induk": "Kabupaten Jember",
    "skala": SKALA_PERMENDAGRI_86,
    "iku": [
        ("IKM", "positif", F(82), D("80.36")),
        ("ADMINDUK", "positif", F(95), F(2871) / F(3190) * 100),
        ("KELUHAN", "negatif", F(8), D("10.4")),
        ("SAKIP", "positif", F(70), D("66.15")),
        ("SERAPAN", "positif", (F(90), F(95)), D("87.30")),
        ("DESA", "positif", F(100), F(100)),
        ("TRANTIB", "positif", F(100), F(19) / F(25) * 100),
    ],
    "budget": [
        (2654318400, 2318905200),  # SK1_1_1
        (91200000, 88740000),  # SK1_1_2
        (57400000, 41328000),  # SK1_2_1
        (274560000, 236118750),  # SK1_3_1
        (1124700000, 997800000),  # SK2_1_1
        (18600000, 15810000),  # SK2_2_1
        (212340000, 178365600),  # SK3_1_1
        (301250000, 256062500),  # SK4_1_1
    ],
}

KECAMATAN = [AMBULU, WULUHAN, PUGER]

FILES = [
    "examples/kabupaten/ambulu-2024.sakip",
    "examples/kabupaten/puger-2024.sakip",
    "examples/kabupaten/wuluhan-2024.sakip",
]


# ---- output --------------------------------------------------------------------------------------

def fixed(q, n=DECIMALS):
    """q rounded half away from zero to n decimals, as a decimal string."""
    scale = 10 ** n
    sign = "-" if q < 0 else ""
    m = abs(q) * scale
    i = int(m)
    if m - i >= F(1, 2):
        i += 1
    s = str(i).rjust(n + 1, "0")
    return f"{sign}{s[:-n]}.{s[-n:]}" if n else f"{sign}{s}"


def recap_row(k):
    caps = [capaian(pol, t, r) for _, pol, t, r in k["iku"]]
    cap = k.get("batas_rata")
    mean = sum((min(c, cap) if cap is not None else c for c in caps), F(0)) / len(caps)
    counts = {label: 0 for label, *_ in k["skala"]}
    for c in caps:
        counts[band(k["skala"], c)] += 1
    anggaran = sum(F(a) for a, _ in k["budget"])
    realisasi = sum(F(r) for _, r in k["budget"])
    return {
        "nama": k["nama"],
        "induk": k["induk"],
        "rata_capaian": mean,
        "predikat": counts,
        "anggaran": anggaran,
        "realisasi": realisasi,
        "serapan": realisasi / anggaran * 100,
    }


def recap():
    rows = [recap_row(k) for k in KECAMATAN]
    rows.sort(key=lambda r: (-r["rata_capaian"], r["nama"]))
    return rows


def dump(rows):
    # Written by hand so that numbers keep exactly 10 decimals (json would go through float).
    lines = ['{"rekap": [']
    for i, r in enumerate(rows, 1):
        pred = ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {v}" for k, v in r["predikat"].items())
        money = lambda q: str(q.numerator) if q.denominator == 1 else fixed(q)  # noqa: E731
        lines.append(
            "  {"
            f'"peringkat": {i}, "nama": {json.dumps(r["nama"])}, "induk": {json.dumps(r["induk"])}, '
            f'"rata_capaian": {fixed(r["rata_capaian"])}, "predikat": {{{pred}}}, '
            f'"anggaran": {money(r["anggaran"])}, "realisasi": {money(r["realisasi"])}, '
            f'"serapan": {fixed(r["serapan"])}'
            "}" + ("," if i < len(rows) else "")
        )
    lines.append("]}")
    return "\n".join(lines)


# ---- comparison with sakip -----------------------------------------------------------------------

def cocokkan(rows, sakip):
    env = dict(os.environ)
    env.setdefault("SAKIP_PATH", os.getcwd())
    p = subprocess.run([sakip, "eval", "--format=json", *FILES], capture_output=True, text=True, env=env)
    if p.returncode != 0:
        print(f"sakip eval exited {p.returncode}\n{p.stderr}", file=sys.stderr)
        return 1
    got = json.loads(p.stdout, parse_float=F, parse_int=F).get("rekap")
    diffs = []
    if got is None:
        diffs.append('sakip prints no "rekap" key')
        got = []
    if len(got) != len(rows):
        diffs.append(f"rekap rows: sakip {len(got)}, expected {len(rows)}")
    for i, (e, g) in enumerate(zip(rows, got), 1):
        where = f"rank {i} ({e['nama']})"
        if g.get("nama") != e["nama"]:
            diffs.append(f"{where}: sakip ranks {g.get('nama')!r} here")
            continue
        if g.get("induk") != e["induk"]:
            diffs.append(f"{where}: induk sakip {g.get('induk')!r}, expected {e['induk']!r}")
        if g.get("peringkat") != i:
            diffs.append(f"{where}: peringkat sakip {g.get('peringkat')}, expected {i}")
        for key in ("rata_capaian", "serapan"):
            gv = g.get(key)
            if gv is None or fixed(gv) != fixed(e[key]):
                diffs.append(f"{where}: {key} sakip {gv if gv is None else fixed(gv)}, expected {fixed(e[key])}")
        for key in ("anggaran", "realisasi"):
            if g.get(key) != e[key]:
                diffs.append(f"{where}: {key} sakip {g.get(key)}, expected {e[key]}")
        gp = {k: int(v) for k, v in (g.get("predikat") or {}).items()}
        ep = {k: v for k, v in e["predikat"].items()}
        if gp != ep:
            diffs.append(f"{where}: predikat sakip {gp}, expected {ep}")
        if int(g.get("tak_terdefinisi", 0)) != 0:
            diffs.append(f"{where}: sakip counts {g.get('tak_terdefinisi')} undefined capaian, expected 0")
    for d in diffs:
        print("BEDA: " + d)
    print("sakip rekap: " + ("SAMA (all figures agree)" if not diffs else f"{len(diffs)} difference(s)"))
    return 1 if diffs else 0


def main(argv):
    rows = recap()
    print(dump(rows))
    if argv and argv[0] == "--cocokkan":
        return cocokkan(rows, argv[1] if len(argv) > 1 else "./sakip")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
