#!/bin/sh
# signals.sh -- SIGINT, SIGTERM or SIGHUP while --output is being written
# removes the temporary file and leaves the old file as it was; the
# program still dies of the signal (issue #27, item 2).
#
# Deterministic, not timed: the input is standard input, a FIFO that this
# script holds open and never writes.  `eval` opens the output's
# temporary file before it reads its first input, so once that file
# exists sakip is blocked reading, in the middle of the write; then the
# signal is sent.  SAKIP names the program.
set -u
: "${SAKIP:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-signals.XXXXXX")
pid=""
cleanup() {
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
    exec 3>&- 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
. "${srcdir:-.}/tests/checks.sh"

# A background job of a script starts with SIGINT ignored, and sakip
# rightly leaves an ignored signal ignored: start it with the default.
if env --default-signal=INT true 2>/dev/null; then
    dfl="env --default-signal=INT,TERM,HUP"
elif command -v perl >/dev/null 2>&1; then
    dfl="perl -e \$SIG{INT}=\$SIG{TERM}=\$SIG{HUP}=q(DEFAULT);exec(@ARGV)or(exit(127))"
else
    dfl=""
fi

mkfifo "$work/in.fifo"
exec 3<>"$work/in.fifo"    # a writer that never writes: sakip's read blocks

for sig in TERM HUP INT; do
    if [ "$sig" = INT ] && [ -z "$dfl" ]; then
        echo "SKIP: SIGINT (neither env --default-signal nor perl to start sakip with it)"
        continue
    fi
    echo ORIGINAL >"$work/out.txt"
    # shellcheck disable=SC2086
    $dfl "$SAKIP" eval --output="$work/out.txt" - <"$work/in.fifo" >/dev/null 2>"$work/err" 3>&- &
    pid=$!
    i=0
    while [ $i -lt 200 ] && [ -z "$(find "$work" -name '.out.txt.tmp*')" ]; do
        sleep 0.05
        i=$((i + 1))
    done
    if [ -z "$(find "$work" -name '.out.txt.tmp*')" ]; then
        bad "SIG$sig: no temporary file appeared while sakip waited for its input"
        kill -9 $pid 2>/dev/null
        wait $pid 2>/dev/null
        pid=""
        continue
    fi
    kill -s "$sig" $pid
    wait $pid
    st=$?
    pid=""
    left=$(find "$work" -name '.out.txt.tmp*')
    if [ -z "$left" ] && [ "$(cat "$work/out.txt")" = ORIGINAL ] && [ $st -gt 128 ]; then
        ok "SIG$sig: temporary file removed, old file intact, killed by the signal (status $st)"
    else
        bad "SIG$sig: status $st, left: $left, out.txt: $(head -c 60 "$work/out.txt"); $(head -3 "$work/err")"
        rm -f $left
    fi
done

checks_done signals
