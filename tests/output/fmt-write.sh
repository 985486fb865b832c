#!/bin/sh
# fmt-write.sh -- `sakip fmt --write` never damages a file (issue #27,
# item 3): it refuses a file without write permission (mode 0444, even
# for root), keeps hard links (the file is rewritten in place), writes
# through a symbolic link (the target is formatted, the link stays),
# leaves a file that changed after it was read as it is, and never writes
# a file larger than the 64 MiB sakip reads.  SAKIP names the program.
#
# The change between reading and writing is made deterministic by a
# small library preloaded into sakip (built here with $CC, the part is
# skipped without a compiler): its mkstemp, which sakip calls after it
# has read and formatted the file, waits until this script has changed
# the file.  sakip itself has no hook for tests.
set -u
: "${SAKIP:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-fmtw.XXXXXX")
pid=""
cleanup() {
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
. "${srcdir:-.}/tests/checks.sh"
no_temp() { [ -z "$(find "$work" -name '.*.tmp*' 2>/dev/null)" ]; }

# an unformatted file, and what fmt makes of it
printf 'instansi "A" { tahun 2024 }\nsasaran S1 "s" { indikator I "i" { satuan "%%"  polaritas positif target 2024:80 realisasi 2024: 90 penanggung_jawab "x" sumber "y" } }\n' >"$work/u.orig"
"$SAKIP" fmt "$work/u.orig" >"$work/u.fmt"
if cmp -s "$work/u.orig" "$work/u.fmt" || [ ! -s "$work/u.fmt" ]; then
    echo "FAIL: the sample is not changed by fmt"
    exit 1
fi
fresh() { cp "$work/u.orig" "$1"; chmod 644 "$1"; }

# no write permission: refused, even for root
fresh "$work/ro.sakip"
chmod 444 "$work/ro.sakip"
"$SAKIP" fmt --write "$work/ro.sakip" 2>"$work/err"; st=$?
if [ $st != 0 ] && cmp -s "$work/ro.sakip" "$work/u.orig" && grep -q '^sakip: error: .*read-only' "$work/err" \
    && [ "$(stat -c %a "$work/ro.sakip")" = 444 ]; then
    ok "a file with mode 0444 is not rewritten"
else
    bad "mode 0444 (status $st): $(head -3 "$work/err")"
fi

# hard links: the file is rewritten in place, every name sees the result
fresh "$work/h1.sakip"
ln "$work/h1.sakip" "$work/h2.sakip"
ino=$(stat -c %i "$work/h1.sakip")
"$SAKIP" fmt --write "$work/h1.sakip" 2>"$work/err"; st=$?
if [ $st = 0 ] && [ "$(stat -c %i "$work/h1.sakip")" = "$ino" ] && [ "$(stat -c %h "$work/h1.sakip")" = 2 ] \
    && cmp -s "$work/h1.sakip" "$work/u.fmt" && cmp -s "$work/h2.sakip" "$work/u.fmt" && no_temp; then
    ok "a file with hard links is formatted in place; the links stay"
else
    bad "hard links (status $st, inode $ino -> $(stat -c %i "$work/h1.sakip"), links $(stat -c %h "$work/h1.sakip")): $(head -3 "$work/err")"
fi

# a symbolic link: the target is formatted, the link stays
mkdir "$work/real"
fresh "$work/real/t.sakip"
chmod 640 "$work/real/t.sakip"
ln -s real/t.sakip "$work/link.sakip"
(cd "$work" && "$SAKIP" fmt --write link.sakip 2>"$work/err"); st=$?
if [ $st = 0 ] && [ -L "$work/link.sakip" ] && cmp -s "$work/real/t.sakip" "$work/u.fmt" && no_temp \
    && [ "$(stat -c %a "$work/real/t.sakip")" = 640 ]; then
    ok "fmt --write through a symlink formats the target and keeps the link"
else
    bad "symlink (status $st, $(ls -l "$work/link.sakip")): $(head -3 "$work/err")"
fi

# larger than 64 MiB once formatted: refused (13 MB of comments in a
# block, each indented by eight spaces when formatted, become 68 MB)
awk 'BEGIN { print "sasaran S1 \"s\" { indikator I \"i\" {"; for (i = 0; i < 6800000; i++) print "#"; print "} }" }' \
    >"$work/big.sakip"
size=$(stat -c %s "$work/big.sakip")
"$SAKIP" fmt --write "$work/big.sakip" 2>"$work/err"; st=$?
if [ $st != 0 ] && [ "$(stat -c %s "$work/big.sakip")" = "$size" ] && grep -q '^sakip: error: .*64 MiB' "$work/err" && no_temp; then
    ok "a file that would grow past 64 MiB is not rewritten"
else
    bad "past 64 MiB (status $st, size $size -> $(stat -c %s "$work/big.sakip")): $(head -3 "$work/err")"
fi
rm -f "$work/big.sakip"

# changed after it was read: left as it is
cc=""
for c in "${CC:-}" cc gcc clang; do
    [ -n "$c" ] && command -v "$c" >/dev/null 2>&1 && { cc=$c; break; }
done
cat >"$work/gate.c" <<'EOF'
/* mkstemp that waits, once, until $GATE.go exists (after creating $GATE.reached) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
static void gate(void)
{
    static int done;
    const char *g = getenv("GATE");
    if (done || !g) return;
    done = 1;
    char p[4096];
    snprintf(p, sizeof p, "%s.reached", g);
    int fd = open(p, O_WRONLY | O_CREAT, 0600);
    if (fd >= 0) close(fd);
    snprintf(p, sizeof p, "%s.go", g);
    for (int i = 0; i < 600 && access(p, F_OK) != 0; i++) usleep(50000);
}
#define WRAP(name, params, args)                                   \
    int name params                                                \
    {                                                              \
        gate();                                                    \
        int (*real) params = (int (*) params)dlsym(RTLD_NEXT, #name); \
        return real args;                                          \
    }
WRAP(mkstemp, (char *t), (t))
WRAP(mkstemp64, (char *t), (t))
WRAP(mkostemp, (char *t, int f), (t, f))
WRAP(mkostemp64, (char *t, int f), (t, f))
EOF
if [ -n "$cc" ] && "$cc" -shared -fPIC -o "$work/gate.so" "$work/gate.c" -ldl 2>"$work/cc.err"; then
    fresh "$work/ch.sakip"
    GATE="$work/gate" LD_PRELOAD="$work/gate.so" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
        "$SAKIP" fmt --write "$work/ch.sakip" 2>"$work/err" &
    pid=$!
    i=0
    while [ $i -lt 400 ] && [ ! -e "$work/gate.reached" ]; do sleep 0.05; i=$((i + 1)); done
    echo '# changed meanwhile' >>"$work/ch.sakip"
    cp "$work/ch.sakip" "$work/ch.expected"
    : >"$work/gate.go"
    wait $pid
    st=$?
    pid=""
    if [ ! -e "$work/gate.reached" ]; then
        bad "changed after reading: sakip never made a temporary file (status $st): $(head -3 "$work/err")"
    elif [ $st != 0 ] && cmp -s "$work/ch.sakip" "$work/ch.expected" && grep -q '^sakip: error: .*changed' "$work/err" \
        && no_temp; then
        ok "a file changed after it was read is left as it is"
    else
        bad "changed after reading (status $st): $(head -3 "$work/err")"
    fi
else
    echo "SKIP: a file changed after it was read (no C compiler for the preloaded library)"
fi

checks_done fmt-write
