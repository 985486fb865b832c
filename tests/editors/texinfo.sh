#!/bin/sh
# texinfo.sh -- doc/sakip.texi.
#
# makeinfo must build the manual to Info and to HTML without a single
# warning, and the manual must list every diagnostic code of
# doc/diagnostics.md and every command of 'sakip --help'.
# Exit 77 (skip) without makeinfo (Debian package texinfo).
set -u
name=texinfo
: "${srcdir:=.}"
: "${SAKIP:=./sakip}"
pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'PASS: %s\n' "$*"; }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }
if ! command -v makeinfo >/dev/null 2>&1; then
    echo "$name: makeinfo not found (Debian package texinfo); skipped"
    exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-texi.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
texi="$srcdir/doc/sakip.texi"

if makeinfo --no-split -o "$work/sakip.info" "$texi" >"$work/info.err" 2>&1 \
    && [ ! -s "$work/info.err" ] && [ -s "$work/sakip.info" ]; then
    ok "makeinfo builds sakip.info without warnings"
else
    bad "makeinfo (info): $(head -n 5 "$work/info.err")"
fi
if makeinfo --html --no-split -o "$work/sakip.html" "$texi" >"$work/html.err" 2>&1 \
    && [ ! -s "$work/html.err" ] && [ -s "$work/sakip.html" ]; then
    ok "makeinfo --html builds sakip.html without warnings"
else
    bad "makeinfo (html): $(head -n 5 "$work/html.err")"
fi
if makeinfo --plaintext -o "$work/sakip.txt" "$texi" >/dev/null 2>&1; then
    ok "makeinfo --plaintext"
else
    bad "makeinfo --plaintext fails"
fi

for node in 'Writing a report' Tutorial 'Invoking sakip' Language Regulations Diagnostics Decisions 'Editors and shells'; do
    if grep -q "^File: sakip.info,  Node: $node," "$work/sakip.info" 2>/dev/null; then ok "node $node"; else bad "no node $node"; fi
done

# every diagnostic code is in the manual
codes=$(grep -o '^| [EW][0-9][0-9][0-9][0-9] ' "$srcdir/doc/diagnostics.md" | awk '{print $2}')
missing=
for c in $codes; do
    grep -q "^@item $c\$" "$texi" || missing="$missing $c"
done
if [ -n "$codes" ] && [ -z "$missing" ]; then
    ok "all $(echo $codes | wc -w) codes of doc/diagnostics.md are in the manual"
else
    bad "codes missing from the manual:$missing"
fi

# every command of --help is in the manual
if [ -x "$SAKIP" ] && "$SAKIP" --help >"$work/help" 2>&1; then
    for c in $(sed -n '/^Commands:/,/^$/p' "$work/help" | awk 'NF > 1 && /^  [a-z]/ {print $1}'); do
        if grep -q "^@item $c " "$texi"; then ok "command $c"; else bad "command $c from --help is not in the manual"; fi
    done
fi

echo "$name: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
