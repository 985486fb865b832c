#!/bin/sh
# man.sh -- doc/sakip.1 and doc/sakip.5 (made in the build tree from their
# .in files, with the configured directories in FILES).
#
# Both pages must format without a single groff warning (groff -man -ww
# -z), render with man -l, and sakip.1 must document every command and
# option that 'sakip --help' lists.  Exit 77 (skip) without groff.
set -u
name=man
: "${srcdir:=.}"
: "${SAKIP:=./sakip}"
pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'PASS: %s\n' "$*"; }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }
if ! command -v groff >/dev/null 2>&1; then
    echo "$name: groff not found (Debian package groff-base); skipped"
    exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-man.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
man1=doc/sakip.1
man5=doc/sakip.5

# every @name@ of the .in files was replaced, by the configured directory
for page in $man1 $man5; do
    if [ -f "$page" ] && ! grep -n '@[a-zA-Z]*@' "$page" >"$work/left" 2>&1; then
        ok "$page: every @name@ replaced"
    else
        bad "$page: missing, or left: $(head -n 3 "$work/left")"
    fi
done
if [ -n "${pkgdatadir:-}" ]; then
    if sed 's/\\://g' "$man1" | grep -q -F "$pkgdatadir/standar/"; then ok "sakip.1: FILES names $pkgdatadir"; else bad "sakip.1: FILES does not name $pkgdatadir"; fi
fi

for page in sakip.1 sakip.5; do
    src="doc/$page"
    if [ ! -f "$src" ]; then
        bad "$page is missing"
        continue
    fi
    if LC_ALL=C groff -man -Tutf8 -ww -z "$src" >"$work/groff.out" 2>&1 && [ ! -s "$work/groff.out" ]; then
        ok "$page: no groff warnings"
    else
        bad "$page: groff says: $(head -n 5 "$work/groff.out")"
    fi
    for section in NAME SYNOPSIS DESCRIPTION "SEE ALSO"; do
        if grep -q "^\.SH \"*$section" "$src"; then ok "$page: has $section"; else bad "$page: no $section section"; fi
    done
    if command -v man >/dev/null 2>&1; then
        if MANWIDTH=80 man -l -P cat "$src" >"$work/$page.txt" 2>"$work/$page.err" \
            && grep -q '^NAME' "$work/$page.txt" && [ ! -s "$work/$page.err" ]; then
            ok "$page: man -l renders it"
        else
            bad "$page: man -l: $(head -n 3 "$work/$page.err")"
        fi
    fi
done

for section in COMMANDS OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
    if grep -q "^\.SH \"*$section" "$man1"; then ok "sakip.1: has $section"; else bad "sakip.1: no $section section"; fi
done
for var in SAKIP_PATH SAKIP_LOCALEDIR XDG_STATE_HOME HOME NO_COLOR LC_MESSAGES; do
    if grep -q "$var" "$man1"; then ok "sakip.1: mentions $var"; else bad "sakip.1: does not mention $var"; fi
done

# every keyword of the scanner is in sakip(5)
for k in $(sed -n 's/^"\([a-z_]*\)"[[:space:]]*{.*return [A-Z_]*;.*/\1/p' "$srcdir/grammar/lexer.l" 2>/dev/null); do
    if grep -q -w -e "$k" "$man5"; then ok "sakip.5: keyword $k"; else bad "sakip.5: keyword $k is not documented"; fi
done

# every command and option of --help is documented
if [ -x "$SAKIP" ] && "$SAKIP" --help >"$work/help" 2>&1; then
    commands=$(sed -n '/^Commands:/,/^$/p' "$work/help" | awk 'NF > 1 && /^  [a-z]/ {print $1}')
    for c in $commands; do
        if grep -q "^\.B[IR]* \"*$c[ \"]" "$man1"; then ok "sakip.1: command $c"; else bad "sakip.1: command $c from --help is not documented"; fi
    done
    for c in $commands; do
        "$SAKIP" "$c" --help >>"$work/help" 2>&1
    done
    for o in $(grep -o -e '--[a-z][a-z-]*' "$work/help" | sort -u); do
        esc=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
        if grep -q -e "$esc" "$man1"; then ok "sakip.1: option $o"; else bad "sakip.1: option $o from --help is not documented"; fi
    done
else
    bad "cannot run $SAKIP --help"
fi

echo "$name: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
