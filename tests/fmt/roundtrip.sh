#!/bin/sh
# roundtrip.sh -- `sakip fmt` is idempotent and never changes meaning:
# for every example and every golden input that parses, fmt(fmt(x)) ==
# fmt(x), and `eval --format=json` (without the claim line numbers, which
# are positions, not meaning) and `check` findings are identical before
# and after formatting.  Also: --check, --write keeping the mode, and a
# file with syntax errors is never rewritten.
set -u
: "${SAKIP:?}" "${srcdir:=.}"
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-fmt.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

strip_lines() { sed -e 's/"baris":[0-9]*,//' -e 's/^[^ ]*:[0-9]*:[0-9]*: //' "$1"; }

n=0
for f in "$srcdir"/examples/*.sakip "$srcdir"/tests/golden/cases/*/input.sakip; do
    [ -f "$f" ] || continue
    d=$(dirname "$f")
    # only files that format (no syntax errors)
    "$SAKIP" fmt "$f" >"$work/a.sakip" 2>/dev/null || continue
    n=$((n + 1))
    name=$(echo "$f" | sed 's|.*/\(.*\)/input.sakip|\1|; s|.*/||')
    "$SAKIP" fmt "$work/a.sakip" >"$work/b.sakip" 2>/dev/null
    if cmp -s "$work/a.sakip" "$work/b.sakip"; then ok; else bad "$name: fmt is not idempotent"; fi
    # evaluate both copies side by side in a copy of the folder, so impor
    # resolves alike and the source tree is never written
    rm -rf "$work/case" && mkdir "$work/case" && cp -R "$d"/. "$work/case/" 2>/dev/null
    cp "$work/a.sakip" "$work/case/.fmt-roundtrip.sakip"
    (cd "$work/case" && "$SAKIP" eval --format=json "$(basename "$f")" >"$work/e1" 2>/dev/null; echo $? >>"$work/e1"
     "$SAKIP" eval --format=json .fmt-roundtrip.sakip >"$work/e2" 2>/dev/null; echo $? >>"$work/e2"
     "$SAKIP" check "$(basename "$f")" 2>&1 | grep -E '^[^ ]+:[0-9]+:[0-9]+: (error|warning)' >"$work/c1"
     "$SAKIP" check .fmt-roundtrip.sakip 2>&1 | grep -E '^[^ ]+:[0-9]+:[0-9]+: (error|warning)' >"$work/c2")
    strip_lines "$work/e1" >"$work/e1s"
    strip_lines "$work/e2" >"$work/e2s"
    if cmp -s "$work/e1s" "$work/e2s"; then ok; else bad "$name: eval differs after fmt"; diff "$work/e1s" "$work/e2s" | head -5; fi
    strip_lines "$work/c1" | sed "s/$(basename "$f")/X/g" | sort >"$work/c1s"
    strip_lines "$work/c2" | sed "s/.fmt-roundtrip.sakip/X/g" | sort >"$work/c2s"
    if cmp -s "$work/c1s" "$work/c2s"; then ok; else bad "$name: check findings differ after fmt"; diff "$work/c1s" "$work/c2s" | head -5; fi
done
[ $n -gt 10 ] && ok || bad "too few files formatted ($n)"

# the examples are in canonical form
if "$SAKIP" fmt --check "$srcdir"/examples/*.sakip >"$work/out"; then ok; else bad "examples not formatted: $(cat "$work/out")"; fi

# --check lists an unformatted file and exits 1; --write fixes it, keeping the mode
printf 'instansi "A" { tahun 2024 }\nsasaran S1 "s" { indikator I "i" { satuan "%%"  polaritas positif target 2024:80 realisasi 2024: 90 penanggung_jawab "x" sumber "y" } }\n' >"$work/u.sakip"
chmod 640 "$work/u.sakip"
"$SAKIP" fmt --check "$work/u.sakip" >"$work/out"; st=$?
if [ $st = 1 ] && grep -q u.sakip "$work/out"; then ok; else bad "--check on an unformatted file (status $st)"; fi
"$SAKIP" fmt --write "$work/u.sakip" && "$SAKIP" fmt --check "$work/u.sakip" >/dev/null && ok || bad "--write then --check"
[ "$(stat -c %a "$work/u.sakip")" = 640 ] && ok || bad "--write keeps the file mode"
grep -q '^        target    2024: 80$' "$work/u.sakip" && ok || bad "--write lays out items"

# a file with a syntax error is never rewritten
printf 'instansi "A" { tahun 2024 }\nperiksa 1 +\n' >"$work/bad.sakip"
cp "$work/bad.sakip" "$work/bad.orig"
"$SAKIP" fmt --write "$work/bad.sakip" 2>"$work/err"; st=$?
if [ $st = 1 ] && cmp -s "$work/bad.sakip" "$work/bad.orig" && grep -q 'not formatted' "$work/err"; then ok; else bad "syntax error file rewritten or wrong status ($st)"; fi
ls -a "$work" | grep -q '\.tmp' && bad "temporary file left behind" || ok

echo "fmt: $pass passed, $fail failed"
[ $fail -eq 0 ]
