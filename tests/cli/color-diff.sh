#!/bin/sh
# color-diff.sh -- --color=WHEN on every command (with NO_COLOR) and
# `fmt --diff` (issue #25 item 5).
set -u
: "${SAKIP:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-colordiff.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM HUP
. "${srcdir:-.}/tests/checks.sh"
esc=$(printf '\033')
has_esc() { grep -q "$esc" "$1"; }

cat >"$work/claim.sakip" <<'SAKIP'
instansi "Kecamatan Contoh" {
    tahun 2024
}
periksa 1 == 2
SAKIP

for cmd in check eval diff; do
    args="$work/claim.sakip"
    [ $cmd = diff ] && args="$work/claim.sakip $work/claim.sakip"
    # shellcheck disable=SC2086
    "$SAKIP" $cmd --color=always $args >/dev/null 2>"$work/err"
    if [ $cmd = check ]; then
        if has_esc "$work/err"; then ok "$cmd --color=always colours into a pipe"; else bad "$cmd --color=always: no colour"; fi
    fi
    # shellcheck disable=SC2086
    "$SAKIP" $cmd --color=never $args >/dev/null 2>"$work/err"
    if has_esc "$work/err"; then bad "$cmd --color=never wrote colour"; else ok "$cmd --color=never: plain"; fi
    # shellcheck disable=SC2086
    "$SAKIP" $cmd --color=sometimes $args >/dev/null 2>"$work/err"; st=$?
    if [ $st -eq 2 ] && grep -q "auto, always or never" "$work/err"; then ok "$cmd --color=sometimes: usage error"
    else bad "$cmd --color=sometimes: status $st, $(head -1 "$work/err")"; fi
done
"$SAKIP" check "$work/claim.sakip" 2>"$work/err"
if has_esc "$work/err"; then bad "auto coloured a pipe"; else ok "auto: a pipe is plain"; fi
"$SAKIP" fmt --color=never --check "$work/claim.sakip" >/dev/null 2>&1; st=$?
if [ $st -ne 2 ]; then ok "fmt takes --color"; else bad "fmt --color=never: usage error"; fi
"$SAKIP" repl --color=never </dev/null >/dev/null 2>&1; st=$?
if [ $st -eq 0 ]; then ok "repl takes --color"; else bad "repl --color=never: status $st"; fi

# a terminal: `script` (util-linux) gives the command one
if command -v script >/dev/null 2>&1; then
    script -qec "'$SAKIP' check '$work/claim.sakip'" /dev/null >"$work/tty" 2>&1
    if has_esc "$work/tty"; then ok "auto colours a terminal"; else bad "auto: no colour on a terminal"; fi
    NO_COLOR=1 script -qec "'$SAKIP' check '$work/claim.sakip'" /dev/null >"$work/tty" 2>&1
    if has_esc "$work/tty"; then bad "NO_COLOR=1 still coloured a terminal"; else ok "NO_COLOR turns auto off"; fi
    NO_COLOR=1 script -qec "'$SAKIP' check --color=always '$work/claim.sakip'" /dev/null >"$work/tty" 2>&1
    if has_esc "$work/tty"; then ok "--color=always wins over NO_COLOR"; else bad "--color=always lost to NO_COLOR"; fi
else
    skip "no 'script' to give a terminal"
fi

# fmt --diff: the expected diff is written out by hand
printf 'instansi "X" {\ntahun 2024\n}\n' >"$work/f.sakip"
cp "$work/f.sakip" "$work/orig.sakip"
cat >"$work/expected.diff" <<EOF2
--- $work/f.sakip
+++ $work/f.sakip
@@ -1,3 +1,3 @@
 instansi "X" {
-tahun 2024
+    tahun 2024
 }
EOF2
"$SAKIP" fmt --diff "$work/f.sakip" >"$work/out.diff"; st=$?
if [ $st -eq 1 ] && cmp -s "$work/expected.diff" "$work/out.diff"; then ok "fmt --diff: the unified diff, exit 1"
else bad "fmt --diff: status $st"; diff "$work/expected.diff" "$work/out.diff" | head -10; fi
if cmp -s "$work/f.sakip" "$work/orig.sakip"; then ok "fmt --diff leaves the file alone"; else bad "fmt --diff changed the file"; fi
if command -v patch >/dev/null 2>&1; then
    (cd / && patch -s -p0 <"$work/out.diff") && "$SAKIP" fmt --check "$work/f.sakip" >/dev/null
    if [ $? -eq 0 ]; then ok "patch -p0 applies it and the file is formatted"; else bad "patch -p0 did not give the formatted file"; fi
else
    skip "no patch"
fi
"$SAKIP" fmt --diff "$work/f.sakip" >"$work/out2.diff"; st=$?
if [ $st -eq 0 ] && [ ! -s "$work/out2.diff" ]; then ok "fmt --diff of a formatted file: nothing, exit 0"
else bad "fmt --diff of a formatted file: status $st"; fi
"$SAKIP" fmt --diff --write "$work/f.sakip" 2>"$work/err"; st=$?
if [ $st -eq 2 ]; then ok "--diff with --write: usage error"; else bad "--diff --write: status $st"; fi

checks_done color-diff
