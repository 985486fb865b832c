#!/bin/sh
# tutorial.sh -- examples/tutorial.sakip, the file the manual's first
# tutorial ("Writing a report") writes from scratch.
#
# 'sakip check' must find exactly the one wrong figure the tutorial talks
# about; 'sakip eval --format=json' must give the figures worked out by
# hand below (not copied from sakip's output); the file must be in the
# layout of 'sakip fmt'; every piece of the file the chapter shows
# (between "@c BEGIN-EXCERPT tutorial" and "@c END-EXCERPT") must be a
# piece of the file; and the outputs the chapter shows (its GENERATED
# blocks; refresh them with tests/editors/regen-manual.py) must be what
# sakip prints now.  Exit 77 (skip) without python3.
set -u
name=tutorial
: "${srcdir:=.}"
: "${SAKIP:=./sakip}"
case $SAKIP in /*) ;; *) SAKIP=$(pwd)/$SAKIP ;; esac
if ! command -v python3 >/dev/null 2>&1; then
    echo "$name: python3 not found; skipped"
    exit 77
fi
if [ ! -x "$SAKIP" ]; then
    echo "$name: SAKIP ($SAKIP) is not an executable"
    exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-tutorial.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
top=$(cd "$srcdir" && pwd)

(cd "$top" && NO_COLOR=1 "$SAKIP" check examples/tutorial.sakip) >"$work/check.out" 2>"$work/check.err"
echo $? >"$work/check.status"
(cd "$top" && "$SAKIP" eval examples/tutorial.sakip) >"$work/eval.out" 2>"$work/eval.err"
echo $? >"$work/eval.status"
(cd "$top" && "$SAKIP" eval --format=json examples/tutorial.sakip) >"$work/eval.json" 2>"$work/eval.err"
(cd "$top" && "$SAKIP" fmt examples/tutorial.sakip) >"$work/fmt.out" 2>&1

# (not exec: the trap must remove $work afterwards)
python3 - "$top" "$work" <<'PY'
import json, re, sys
from fractions import Fraction as F
from decimal import Decimal

top, work = sys.argv[1], sys.argv[2]
name = "tutorial"
passed = failed = 0

def ok(msg):
    global passed
    passed += 1
    print("PASS: " + msg)

def bad(msg):
    global failed
    failed += 1
    print("FAIL: " + msg)

def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()

src = read(top + "/examples/tutorial.sakip")
lines = src.split("\n")

# ---- the file is laid out as sakip fmt lays it out
if read(work + "/fmt.out") == src:
    ok("examples/tutorial.sakip is in the layout of sakip fmt")
else:
    bad("sakip fmt would change examples/tutorial.sakip")

# ---- sakip check: exit status 1, one diagnostic: the serapan claim.
# serapan(P1) = (135.000.000 + 45.500.000) / (150.000.000 + 50.000.000) x 100
#             = 180.500.000 / 200.000.000 x 100 = 90,25, and the report
# printed 90,52: the only claim that fails.
claim_line = next(i + 1 for i, l in enumerate(lines) if l.startswith("periksa serapan(P1)"))
status = read(work + "/check.status").strip()
ok("check exits with 1") if status == "1" else bad("check exits with %s" % status)
err = read(work + "/check.err")
firsts = [l for l in err.split("\n") if re.match(r"^\S+:\d+:\d+: (error|warning|note): ", l)]
want = ("examples/tutorial.sakip:%d:9: error: claim does not hold: "
        "serapan(P1) is 90,25, not 90.52%% [E0801]" % claim_line)
if firsts == [want]:
    ok("check reports only: " + want)
else:
    bad("check reports %r, expected [%r]" % (firsts, want))
if read(work + "/check.out") == "":
    ok("check prints nothing on standard output")
else:
    bad("check prints on standard output")

# ---- sakip eval: the figures, by hand
status = read(work + "/eval.status").strip()
ok("eval exits with 0") if status == "0" else bad("eval exits with %s" % status)
try:
    data = json.loads(read(work + "/eval.json"), parse_float=Decimal)
    inst = data["instansi"][0]
except Exception as e:  # noqa: BLE001
    bad("eval --format=json: %s" % e)
    print("%s: %d passed, %d failed" % (name, passed, failed))
    sys.exit(1)

def near(got, exact):
    # JSON ratios have at least 10 decimals
    return got is not None and abs(F(str(got)) - exact) <= F(1, 10**10)

def expect(what, got, exact):
    if isinstance(exact, str):
        good = got == exact
    else:
        good = near(got, exact)
    if good:
        ok("%s = %s" % (what, got))
    else:
        bad("%s = %s, expected %s" % (what, got, exact if isinstance(exact, str) else float(exact)))

ind = {i["id"]: i for i in inst["indikator"]}
sas = {s["id"]: s for s in inst["sasaran"]}
bud = {b["id"]: b for b in inst["anggaran"]}

# IKM, positif: realisasi / target x 100 = 84 / 80 x 100 = 105
cap_ikm = F(84, 80) * 100
# WAKTU, negatif: (target - (realisasi - target)) / target x 100
#               = (5 - (6 - 5)) / 5 x 100 = 4 / 5 x 100 = 80
cap_waktu = F(5 - (6 - 5), 5) * 100
# CAKUPAN, target 80..90, realisasi 93: above the range, so the upper
# bound is the target: 93 / 90 x 100 = 103,333...
cap_cakupan = F(93, 90) * 100
# S1: the mean of its three IKU: (105 + 80 + 103,333...) / 3 = 96,111...
cap_s1 = (cap_ikm + cap_waktu + cap_cakupan) / 3
expect("capaian(IKM)", ind["IKM"]["capaian"], F(105))
expect("capaian(IKM) by the formula", ind["IKM"]["capaian"], cap_ikm)
expect("capaian(WAKTU)", ind["WAKTU"]["capaian"], F(80))
expect("capaian(WAKTU) by the formula", ind["WAKTU"]["capaian"], cap_waktu)
expect("capaian(CAKUPAN)", ind["CAKUPAN"]["capaian"], F(310, 3))
expect("capaian(S1)", sas["S1"]["capaian"], F(865, 9))
expect("capaian(S1) as the mean", sas["S1"]["capaian"], cap_s1)
# Permendagri 86/2017, built in: >= 91 Sangat Tinggi, 76 <= x < 91 Tinggi
expect("predikat(IKM)", ind["IKM"]["predikat"], "Sangat Tinggi")
expect("predikat(WAKTU)", ind["WAKTU"]["predikat"], "Tinggi")
expect("predikat(CAKUPAN)", ind["CAKUPAN"]["predikat"], "Sangat Tinggi")
expect("predikat(S1)", sas["S1"]["predikat"], "Sangat Tinggi")
# capaian_renstra = capaian against the target of 2026, by polarity and
# range (sakip(5), capaian_renstra): IKM 84 / 85 x 100 = 98,82...;
# WAKTU, negatif: (2 x 4 - 6) / 4 x 100 = 50; CAKUPAN 93 within 90..100 = 100
expect("capaian_renstra(IKM)", ind["IKM"]["capaian_renstra"], F(84, 85) * 100)
expect("capaian_renstra(WAKTU)", ind["WAKTU"]["capaian_renstra"], F(50))
expect("capaian_renstra(CAKUPAN)", ind["CAKUPAN"]["capaian_renstra"], F(100))
# the budget: SK1 150.000.000 / 135.000.000 (90%), SK2 50.000.000 /
# 45.500.000 (91%); K1 and P1 their sums, 200.000.000 / 180.500.000
expect("anggaran(SK1)", bud["SK1"]["anggaran"], F(150000000))
expect("serapan(SK1)", bud["SK1"]["serapan"], F(135, 150) * 100)
expect("serapan(SK2)", bud["SK2"]["serapan"], F(455, 500) * 100)
expect("anggaran(K1)", bud["K1"]["anggaran"], F(150000000 + 50000000))
expect("anggaran(P1)", bud["P1"]["anggaran"], F(200000000))
expect("realisasi(P1)", bud["P1"]["realisasi"], F(135000000 + 45500000))
expect("serapan(P1)", bud["P1"]["serapan"], F(180500000, 200000000) * 100)
# S1 is served by P1 alone: serapan 90,25; capaian 96,11 > 90,25: Efisien
expect("serapan(S1)", sas["S1"]["serapan"], F(9025, 100))
expect("efisiensi(S1)", sas["S1"]["efisiensi"], "Efisien")
# the claims: three hold, the serapan one fails
hasil = [(c["klaim"], c["hasil"]) for c in inst["periksa"]]
want_hasil = [("capaian(IKM) ~= 105%", True), ("capaian(WAKTU) ~= 80%", True),
              ("capaian(CAKUPAN) ~= 103.33%", True), ("serapan(P1) ~= 90.52%", False)]
if hasil == want_hasil:
    ok("claims: 3 hold, serapan(P1) ~= 90.52% fails")
else:
    bad("claims: %r" % hasil)

# ---- the manual shows pieces of the real file
texi = read(top + "/doc/sakip.texi")

def untexi(s):
    return s.replace("@{", "{").replace("@}", "}").replace("@@", "@")

excerpts = re.findall(r"^@c BEGIN-EXCERPT tutorial\n@example\n(.*?)^@end example\n@c END-EXCERPT\n",
                      texi, re.S | re.M)
if len(excerpts) < 6:
    bad("only %d excerpts of the tutorial file in the manual" % len(excerpts))
for x in excerpts:
    body = untexi(x)
    first = body.split("\n")[0]
    if body in src:
        ok("the manual's excerpt starting %r is in the file" % first)
    else:
        bad("the manual's excerpt starting %r is not a piece of examples/tutorial.sakip" % first)

# ---- and its real output
def block(name):
    m = re.search(r"^@c BEGIN-GENERATED " + re.escape(name) + r"\n@example\n(.*?)^@end example\n"
                  r"@c END-GENERATED " + re.escape(name) + r"\n", texi, re.S | re.M)
    return untexi(m.group(1)) if m else None

out = read(work + "/eval.out")
m = re.search(r"^Efisiensi penggunaan.*?\n(?=\n)", out, re.S | re.M)
for bname, real in (("tutorial-check", err),
                    ("tutorial-eval", out[:out.find("\n\nRealisasi per tahun") + 1]),
                    ("tutorial-eval-2", m.group(0) if m else "")):
    shown = block(bname)
    if shown is None:
        bad("no block %s in the manual" % bname)
    elif shown == real:
        ok("the manual's %s is sakip's output" % bname)
    else:
        bad("the manual's %s is not what sakip prints now (run tests/editors/regen-manual.py)" % bname)

print("%s: %d passed, %d failed" % (name, passed, failed))
sys.exit(1 if failed else 0)
PY
