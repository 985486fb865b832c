#!/bin/sh
# tmlanguage.sh -- editors/sakip.tmLanguage.json (made from its .in file
# in the build tree).
#
# The grammar must be valid JSON with scopeName source.sakip; every regex
# in it must compile (with Python's re, close enough to Oniguruma for these
# simple patterns; patterns with look-behind or Oniguruma-only syntax are
# skipped); every keyword of the language must be matched by a keyword
# rule; and a few literals must be matched whole by their rule.
# Exit 77 (skip) without python3.
set -u
name=tmlanguage
: "${srcdir:=.}"
: "${builddir:=.}"
if ! command -v python3 >/dev/null 2>&1; then
    echo "$name: python3 not found; skipped"
    exit 77
fi
keywords=$(sed -n 's/^KW([A-Z_]*, *"\([a-z_]*\)".*/\1/p' "$srcdir/src/keywords.def")
functions=$(sed -n 's/^[[:space:]]*{"\([a-z_]*\)", [0-9-]*, [0-9-]*, T_.*/\1/p' "$srcdir/src/check.c" 2>/dev/null)
exec python3 - "$builddir/editors/sakip.tmLanguage.json" "$keywords" "$functions" <<'PY'
import json, re, sys

name = "tmlanguage"
passed = failed = 0

def ok(msg):
    global passed
    passed += 1
    print("PASS: " + msg)

def bad(msg):
    global failed
    failed += 1
    print("FAIL: " + msg)

path = sys.argv[1]
try:
    with open(path, encoding="utf-8") as f:
        grammar = json.load(f)
    ok("valid JSON")
except Exception as e:  # noqa: BLE001
    bad("not valid JSON: %s" % e)
    print("%s: %d passed, %d failed" % (name, passed, failed))
    sys.exit(1)

ok("scopeName source.sakip") if grammar.get("scopeName") == "source.sakip" else bad("scopeName is %r" % grammar.get("scopeName"))
ok("fileTypes has sakip") if "sakip" in grammar.get("fileTypes", []) else bad("fileTypes lacks sakip")

# every include must name a repository entry
repo = grammar.get("repository", {})
def walk(node, where):
    if isinstance(node, dict):
        for key in ("match", "begin", "end"):
            if key in node:
                yield where + "." + key, node[key], node
        if "include" in node:
            inc = node["include"]
            if inc.startswith("#") and inc[1:] not in repo:
                bad("%s includes unknown %s" % (where, inc))
        for k, v in node.items():
            if isinstance(v, (dict, list)):
                yield from walk(v, where + "." + k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, "%s[%d]" % (where, i))

compiled = {}
for where, rx, node in walk(grammar, "grammar"):
    if re.search(r"\(\?<[=!]|\\[GhHAzZ]|\(\?>|[*+?]\+", rx):
        print("SKIP: %s uses Oniguruma-only syntax: %s" % (where, rx))
        continue
    try:
        compiled[where] = (re.compile(rx), node)
        ok("%s compiles" % where)
    except re.error as e:
        bad("%s does not compile: %s (%s)" % (where, rx, e))

keywords = sys.argv[2].split() or """sakip instansi induk tahun periode kepala impor skala nilai atur tujuan
misi sasaran indikator satuan polaritas positif negatif target realisasi
rumus data penanggung_jawab sumber penjelasan program kegiatan subkegiatan
mendukung anggaran keluaran aturan periksa pesan jika maka lainnya dan atau
tidak benar salah andai batal jelaskan""".split()
kw_rules = [re.compile(p["match"]) for p in repo.get("keyword", {}).get("patterns", [])]
for k in keywords:
    if any(r.fullmatch(k) for r in kw_rules):
        ok("keyword %s" % k)
    else:
        bad("keyword %s is matched by no keyword rule" % k)

def whole(rule, text):
    r = repo.get(rule, {})
    rx = r.get("match")
    if rx is None:
        bad("no rule %s" % rule)
        return
    m = re.compile(rx).match(text)
    if m and m.group(0) == text:
        ok("%s matches %r" % (rule, text))
    else:
        bad("%s does not match %r whole (%r)" % (rule, text, m and m.group(0)))

functions = sys.argv[3].split() or "capaian serapan predikat kategori efisiensi bulat jumlah rata min max".split()
fc = re.compile(repo["function-call"]["match"])
for f in functions:
    m = fc.match(f + "(X)")
    if m and m.group(1) == f:
        ok("function %s(" % f)
    else:
        bad("function %s( is not matched by function-call" % f)

for t in ("Rp 4.492.070.793", "Rp 4.492.070.793,00", "Rp. 2.941.063.617", "Rp 9.520.800,-", "Rp 0"):
    whole("money", t)
for t in ("102%", "83.63 %", "1_000%"):
    whole("percent", t)
for t in ("2021..2026", "80..90"):
    whole("range", t)
for t in ("82", "83.63", "1_000_000"):
    whole("number", t)
whole("comment", "# komentar sampai akhir baris")
whole("number-error", "4Dok")
ops = repo.get("operator", {}).get("patterns", [])
if ops and re.compile(ops[0]["match"]).fullmatch("~="):
    ok("~= is the first operator rule")
else:
    bad("~= is not matched before = and ~")
s = repo.get("string", {})
if s.get("begin") == '"' and any(re.fullmatch(p["match"], '\\"') for p in s.get("patterns", [])):
    ok("strings with escapes")
else:
    bad("string rule")

print("%s: %d passed, %d failed" % (name, passed, failed))
sys.exit(1 if failed else 0)
PY
