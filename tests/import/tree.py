#!/usr/bin/env python3
"""tree.py [--ids] < EVAL.json -- the budget tree of `sakip eval --format=json`
as one line a node: its level, the names of the nodes above it and its own,
kode, anggaran, realisasi.  Identifiers are left out (an imported tree numbers
its nodes by position) unless --ids."""
import json, sys

ids = "--ids" in sys.argv
d = json.load(sys.stdin)
for u in d["instansi"]:
    rows = u.get("anggaran") or []
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        path, p = [], r.get("induk")
        while p:
            path.insert(0, by_id[p]["nama"])
            p = by_id[p].get("induk")
        print("%s%s | %s | kode=%s | anggaran=%s | realisasi=%s" % (
            (r["id"] + " ") if ids else "", r["tingkat"], " > ".join(path + [r["nama"]]),
            r.get("kode"), r.get("anggaran"), r.get("realisasi")))
