#!/usr/bin/env python3
"""compare.py SAKIP_JSON ORACLE_JSON -- checks every figure `sakip eval
--format=json` gives for the Ambulu example against the independent
recomputation in ambulu_reference.py: capaian, capaian_renstra and
predikat per indikator; capaian, serapan and efisiensi per sasaran;
anggaran, realisasi and serapan per budget node; each claim's outcome."""
import json
import sys
from decimal import Decimal


def num(v):
    return None if v is None else Decimal(str(v))


def main(sakip_path, oracle_path):
    with open(sakip_path, encoding="utf-8") as f:
        got = json.load(f, parse_float=Decimal, parse_int=Decimal)["instansi"][0]
    with open(oracle_path, encoding="utf-8") as f:
        want = json.load(f)
    checks = failures = 0

    def same(what, a, b):
        nonlocal checks, failures
        checks += 1
        if a != b:
            failures += 1
            print("MISMATCH %s: sakip %r, reference %r" % (what, a, b))

    ind = {i["id"]: i for i in got["indikator"]}
    for k, w in want["indikator"].items():
        same(k + ".capaian", num(ind[k]["capaian"]), num(w["capaian"]))
        same(k + ".capaian_renstra", num(ind[k]["capaian_renstra"]), num(w["capaian_renstra"]))
        same(k + ".predikat", ind[k]["predikat"], w["predikat"])
    sas = {s["id"]: s for s in got["sasaran"]}
    for k, w in want["sasaran"].items():
        same(k + ".capaian", num(sas[k]["capaian"]), num(w["capaian"]))
        same(k + ".serapan", num(sas[k]["serapan"]), num(w["serapan"]))
        same(k + ".efisiensi", sas[k]["efisiensi"], w["efisiensi"])
    bud = {n["id"]: n for n in got["anggaran"]}
    for k, w in want["anggaran"].items():
        for f in ("anggaran", "realisasi", "serapan"):
            same(k + "." + f, num(bud[k][f]), num(w[f]))
    claims = [c["hasil"] for c in got["periksa"]]
    same("number of claims", len(claims), len(want["periksa"]))
    for i, (a, b) in enumerate(zip(claims, want["periksa"]), 1):
        same("claim %d (line %s)" % (i, got["periksa"][i - 1]["baris"]), a, b)
    print("ambulu-reference: %d passed, %d failed" % (checks - failures, failures))
    return 1 if failures or checks == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
