#!/bin/sh
# targets.sh -- what --output (and the REPL's :simpan) may point at
# (issue #27, item 1): a device, a FIFO and standard output are written
# directly, never replaced by a regular file; a symbolic link is written
# through (its target is replaced); an output that is one of the inputs
# (by name, through a symbolic link, a hard link, or a file read by
# impor) is refused before anything is written, and the input is intact.
# Devices and FIFOs are made in a temporary directory: the real /dev is
# never written.  SAKIP names the program.
set -u
: "${SAKIP:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-targets.XXXXXX")
bg=""
cleanup() {
    for p in $bg; do kill "$p" 2>/dev/null; done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
. "${srcdir:-.}/tests/checks.sh"
no_temp() { [ -z "$(find "$work" -name '.*.tmp*' 2>/dev/null)" ]; }

cat >"$work/in.sakip" <<'EOF'
instansi "Kecamatan Contoh" {
    tahun   2024
    periode 2021..2026
}

impor "lib.sakip"

sasaran S1 "Meningkatnya kualitas pelayanan" {
    indikator IKM "Indeks Kepuasan Masyarakat" {
        satuan    "indeks"
        polaritas positif
        target    2024: 82
        realisasi 2024: 83.63
        penanggung_jawab "Seksi Pelayanan"
        sumber    "SUKMA-E"
    }
}
EOF
cat >"$work/lib.sakip" <<'EOF'
skala mutu "Skala mutu" {
    "Baik"   : nilai >= 80
    "Kurang" : nilai < 80
}
EOF
cp "$work/in.sakip" "$work/in.orig"
cp "$work/lib.sakip" "$work/lib.orig"
cd "$work" || exit 1

# a device node (the null device, made here): written, still a device
if mknod "$work/null" c 1 3 2>/dev/null; then
    "$SAKIP" eval --output="$work/null" in.sakip >/dev/null 2>"$work/err"; st=$?
    if [ $st = 0 ] && [ -c "$work/null" ] && no_temp; then
        ok "a device is written directly and stays a device"
    else
        bad "device (status $st, $(ls -l "$work/null" 2>&1)): $(head -3 "$work/err")"
    fi
    rm -f "$work/null"
else
    skip "a device (mknod is not permitted here; CI runs it as root)"
fi

# a FIFO: the reader gets the report, the FIFO stays a FIFO
mkfifo "$work/fifo"
timeout 20 cat "$work/fifo" >"$work/fifo.out" &
cat_pid=$!
bg="$bg $cat_pid"
timeout 20 "$SAKIP" eval --output="$work/fifo" in.sakip 2>"$work/err"; st=$?
if [ -p "$work/fifo" ]; then wait $cat_pid; else kill $cat_pid 2>/dev/null; wait $cat_pid 2>/dev/null; fi
if [ $st = 0 ] && [ -p "$work/fifo" ] && grep -q 'Pengukuran kinerja' "$work/fifo.out" && no_temp; then
    ok "a FIFO is written directly and stays a FIFO"
else
    bad "FIFO (status $st, $(ls -l "$work/fifo" 2>&1)): $(head -3 "$work/err")"
fi
rm -f "$work/fifo"

# '-' is standard output: no file named '-'
mkdir "$work/dash"
(cd "$work/dash" && "$SAKIP" eval --output=- ../in.sakip >"$work/dash.out" 2>"$work/err"); st=$?
if [ $st = 0 ] && grep -q 'Pengukuran kinerja' "$work/dash.out" && [ ! -e "$work/dash/-" ]; then
    ok "--output=- writes standard output"
else
    bad "--output=- (status $st): $(ls -A "$work/dash") $(head -3 "$work/err")"
fi

# /dev/fd/1 is standard output too, appended to when the shell appends
echo FIRST >"$work/app.txt"
"$SAKIP" eval --output=/dev/fd/1 in.sakip >>"$work/app.txt" 2>"$work/err"; st=$?
if [ $st = 0 ] && [ "$(head -1 "$work/app.txt")" = FIRST ] && grep -q 'Pengukuran kinerja' "$work/app.txt"; then
    ok "--output=/dev/fd/1 writes through the open standard output"
else
    bad "--output=/dev/fd/1 (status $st): $(head -3 "$work/err")"
fi

# the output is an input: refused, nothing written, the input intact
refused() {   # refused NAME OUTPUT ORIGINAL FILE: run with --output=OUTPUT
    "$SAKIP" eval --output="$2" in.sakip >"$work/out" 2>"$work/err"; st=$?
    if [ $st != 0 ] && cmp -s "$3" "$4" && grep -q '^sakip: error: ' "$work/err" && [ ! -s "$work/out" ] && no_temp; then
        ok "$1"
    else
        bad "$1 (status $st): $(head -3 "$work/err")"
        cp "$3" "$4"
    fi
}
refused "an output that is the input file is refused" in.sakip in.orig in.sakip
ln -s in.sakip link.sakip
refused "an output that is a symlink to the input is refused" link.sakip in.orig in.sakip
[ -L link.sakip ] && ok "the symlink to the input is kept" || bad "the symlink to the input is kept"
ln in.sakip hard.sakip
refused "an output that is a hard link of the input is refused" hard.sakip in.orig in.sakip
refused "an output that is a file read by impor is refused" lib.sakip lib.orig lib.sakip
"$SAKIP" eval --output="$work/in.sakip" "$work/in.sakip" >/dev/null 2>"$work/err"; st=$?
[ $st != 0 ] && cmp -s in.orig in.sakip && ok "the same file by another path is refused" \
    || { bad "the same file by another path (status $st)"; cp in.orig in.sakip; }

# the REPL's :simpan over a loaded file is refused too
printf ':simpan in.sakip\n' | "$SAKIP" repl in.sakip >"$work/out" 2>"$work/err"; st=$?
if [ $st != 0 ] && cmp -s in.orig in.sakip && grep -q '^sakip: error: ' "$work/err"; then
    ok ":simpan over a loaded file is refused"
else
    bad ":simpan over a loaded file (status $st): $(head -3 "$work/err")"
    cp in.orig in.sakip
fi

# a symbolic link is written through: the link stays, its target is replaced
mkdir "$work/sub"
echo OLD >"$work/sub/target.txt"
chmod 640 "$work/sub/target.txt"
ln -s sub/target.txt out-link.txt
"$SAKIP" eval --output=out-link.txt in.sakip 2>"$work/err"; st=$?
if [ $st = 0 ] && [ -L out-link.txt ] && grep -q 'Pengukuran kinerja' sub/target.txt && no_temp \
    && [ "$(stat -c %a sub/target.txt)" = 640 ]; then
    ok "a symlink is written through; its target keeps its mode"
else
    bad "symlink written through (status $st, $(ls -l out-link.txt 2>&1)): $(head -3 "$work/err")"
fi
ln -s sub/new.txt dangling.txt
"$SAKIP" eval --output=dangling.txt in.sakip 2>"$work/err"; st=$?
if [ $st = 0 ] && [ -L dangling.txt ] && grep -q 'Pengukuran kinerja' sub/new.txt && no_temp; then
    ok "a dangling symlink gets its target created"
else
    bad "dangling symlink (status $st): $(head -3 "$work/err")"
fi

checks_done targets
