#!/bin/sh
# tty.sh -- drives `sakip repl` through a real terminal (tmux): Tab
# completion from the parser's expected tokens, a continuation line for an
# open '{', Ctrl-C clearing the line, Ctrl-D quitting, and the history file
# (created 0600, kept between sessions).  A sakip built --without-readline
# reads plain lines: it must say so once, and completion and history are
# skipped.
set -u
: "${SAKIP:?}" "${srcdir:=.}"
command -v tmux >/dev/null 2>&1 || { echo "tmux not installed (Debian package tmux): skipped"; exit 77; }
readline=yes
"$SAKIP" --version | grep -q '^Features:.* +readline' || readline=no
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-tty.XXXXXX")
sock="$work/tmux.sock"
cleanup() { tmux -S "$sock" kill-server 2>/dev/null; sleep 0.3; rm -rf "$work" 2>/dev/null || { sleep 1; rm -rf "$work"; }; }
trap cleanup EXIT INT TERM
example=$(cd "$srcdir/examples" && pwd)/ambulu-2024.sakip
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; tmux -S "$sock" capture-pane -p -t t 2>/dev/null | grep -v '^$' | tail -8; }

start() {
    tmux -S "$sock" new-session -d -s t -x 160 -y 50 \
        "env XDG_STATE_HOME=$work/state NO_COLOR=1 $SAKIP repl $example; echo sakip-exited; sleep 30"
}
# waits (bounded) until the pane shows text matching $1
wait_for() {
    i=0
    while [ $i -lt 100 ]; do
        if tmux -S "$sock" capture-pane -p -t t | grep -q -- "$1"; then return 0; fi
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
keys() { tmux -S "$sock" send-keys -t t "$@"; }

start
wait_for 'sakip>' && ok "prompt shown" || bad "prompt shown"

if [ $readline = yes ]; then
    keys 'predik' Tab
    wait_for 'sakip> predikat' && ok "Tab completes a function name" || bad "Tab completes a function name"
    keys '(IK' Tab
    wait_for 'predikat(IKM' && ok "Tab completes an identifier in scope" || bad "Tab completes an identifier in scope"
    keys ')' Enter
else
    n=$(tmux -S "$sock" capture-pane -p -t t | grep -c 'line editing is not available')
    [ "$n" = 1 ] && ok "says once that line editing is not available" ||
        bad "says once that line editing is not available ($n times)"
    echo "skipped: Tab completion (sakip built without readline)"
    keys 'predikat(IKM)' Enter
fi
wait_for 'Sangat Tinggi' && ok "expression answered with its verdict" || bad "expression answered with its verdict"

keys 'polaritas' Enter
wait_for "or a declaration" && ok "error shown with expectation" || bad "error shown with expectation"

keys 'andai realisasi IKM 2024 = 70' Enter
wait_for 'Tidak Efisien' && ok "what-if shows the efisiensi flip" || bad "what-if shows the efisiensi flip"

keys 'aturan f(x) = jumlah(' Enter
wait_for '  \.\.\.>' && ok "open '(' continues on the next line" || bad "open '(' continues on the next line"
keys '1, 2)' Enter
wait_for 'ok: aturan f' && ok "continued input completes" || bad "continued input completes"

keys 'this line is cancelled' C-c
keys 'f(0)' Enter
wait_for '^3,00' && ok "Ctrl-C clears the line" || bad "Ctrl-C clears the line"

keys C-d
if [ $readline = no ]; then
    wait_for '^sakip-exited' && ok "Ctrl-D quits" || bad "Ctrl-D quits"
    [ -e "$work/state/sakip/history" ] && bad "no history without readline" || ok "no history without readline"
    echo "skipped: history (sakip built without readline)"
    echo "tty: $pass passed, $fail failed"
    [ $fail -eq 0 ]
    exit
fi
i=0
while [ $i -lt 50 ] && [ ! -s "$work/state/sakip/history" ]; do sleep 0.1; i=$((i + 1)); done
if [ -f "$work/state/sakip/history" ] && grep -q 'andai realisasi IKM 2024 = 70' "$work/state/sakip/history"; then
    ok "history written on Ctrl-D"
else
    bad "history written on Ctrl-D"
fi
mode=$(stat -c %a "$work/state/sakip/history" 2>/dev/null)
[ "$mode" = 600 ] && ok "history file mode 0600" || { echo "mode: $mode"; bad "history file mode 0600"; }

# a new session recalls the history with Up
tmux -S "$sock" kill-server 2>/dev/null
sleep 0.5
start
wait_for 'sakip>' || true
keys Up
wait_for 'sakip> f(0)' && ok "history kept between sessions" || bad "history kept between sessions"

echo "tty: $pass passed, $fail failed"
[ $fail -eq 0 ]
