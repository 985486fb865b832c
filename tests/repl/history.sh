#!/bin/sh
# history.sh -- the REPL's history file is written by sakip itself, an
# entry at a time (issue #27, item 5): an entry is in the file as soon as
# it is entered, two sessions at once both keep their entries (appending,
# not overwriting at exit), a history written before is recalled, and a
# history file that is a symbolic link is refused with a warning, never
# followed.  Drives `sakip repl` through real terminals (tmux), as
# tty.sh does.  SAKIP names the program.
set -u
: "${SAKIP:?}"
command -v tmux >/dev/null 2>&1 || { echo "tmux not installed: skipped"; exit 77; }
# the history is part of the line editing: a sakip configured
# --without-readline reads plain lines and keeps none
if ! "$SAKIP" --version | grep -q '^Features:.* +readline'; then
    echo "sakip built without readline (configure --without-readline): no history to test; skipped"
    exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-hist.XXXXXX")
sock="$work/tmux.sock"
cleanup() { tmux -S "$sock" kill-server 2>/dev/null; sleep 0.3; rm -rf "$work" 2>/dev/null || { sleep 1; rm -rf "$work"; }; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
. "${srcdir:-.}/tests/checks.sh"
bad() { fail=$((fail + 1)); echo "FAIL: $1"; for w in a b c; do tmux -S "$sock" capture-pane -p -t $w 2>/dev/null | grep -v '^$' | tail -4; done; }

# start NAME STATE: a session in tmux window NAME with XDG_STATE_HOME=STATE
start() {
    tmux -S "$sock" new-session -d -s "$1" -x 120 -y 40 \
        "env XDG_STATE_HOME=$2 NO_COLOR=1 $SAKIP repl; sleep 30"
}
# wait_for NAME TEXT: waits (bounded) until window NAME shows TEXT
wait_for() {
    i=0
    while [ $i -lt 100 ]; do
        if tmux -S "$sock" capture-pane -p -t "$1" | grep -q -- "$2"; then return 0; fi
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
keys() { w=$1; shift; tmux -S "$sock" send-keys -t "$w" "$@"; }
# wait_exit NAME: waits (bounded) until sakip in window NAME has ended
wait_exit() {
    i=0
    while [ $i -lt 50 ]; do
        case $(tmux -S "$sock" display-message -p -t "$1" '#{pane_current_command}' 2>/dev/null) in
        sakip* | lt-sakip* | valgrind* | memcheck*) ;;
        *) return 0 ;;
        esac
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
# wait_file FILE TEXT: waits (bounded) until FILE has a line TEXT
wait_file() {
    i=0
    while [ $i -lt 50 ]; do
        grep -qx -- "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

state="$work/state"
hist="$state/sakip/history"
mkdir -p "$state/sakip"
printf '2 + 3\n' >"$hist"
chmod 600 "$hist"

start a "$state"
wait_for a 'sakip>' || true
keys a Up
wait_for a 'sakip> 2 + 3' && ok "an existing history is recalled" || bad "an existing history is recalled"
keys a C-u
keys a '4 + 5' Enter
wait_for a '^9,00' || true
wait_file "$hist" '4 + 5' && ok "an entry is in the file as soon as it is entered" \
    || bad "an entry is in the file as soon as it is entered"

# a second session at the same time; each quits after the other wrote
start b "$state"
wait_for b 'sakip>' || true
keys b '6 + 1' Enter
wait_for b '^7,00' || true
keys a '1 + 1' Enter
wait_for a '^2,00' || true
keys a C-d
wait_exit a || true
keys b C-d
wait_exit b || true
if grep -qx '2 + 3' "$hist" && grep -qx '4 + 5' "$hist" && grep -qx '6 + 1' "$hist" && grep -qx '1 + 1' "$hist"; then
    ok "two sessions at once: both keep their entries"
else
    bad "two sessions at once: the file has $(tr '\n' '|' <"$hist")"
fi
[ "$(stat -c %a "$hist")" = 600 ] && ok "history mode 0600" || bad "history mode $(stat -c %a "$hist")"

# a symbolic link at the history's name: refused, its target untouched
state2="$work/state2"
mkdir -p "$state2/sakip"
echo SECRET >"$work/secret"
ln -s "$work/secret" "$state2/sakip/history"
start c "$state2"
wait_for c 'sakip>' || true
wait_for c 'warning: .*symbolic link' && ok "a symlink history is refused with a warning" \
    || bad "a symlink history is refused with a warning"
keys c '7 + 1' Enter
wait_for c '^8,00' || true
keys c C-d
wait_exit c || true
if [ "$(cat "$work/secret")" = SECRET ] && [ -L "$state2/sakip/history" ]; then
    ok "the symlink's target is neither read nor written"
else
    bad "the symlink's target became: $(head -c 80 "$work/secret")"
fi

# the limits of doc/limits.md: a history of 2000 lines is kept as it is;
# one of 2001 is cut, when a session starts, to its last 1000 entries
for n in 2000 2001; do
    st3="$work/state-$n"
    mkdir -p "$st3/sakip"
    i=1
    while [ $i -le $n ]; do echo "$i + 0"; i=$((i + 1)); done >"$st3/sakip/history"
    chmod 600 "$st3/sakip/history"
    start "h$n" "$st3"
    wait_for "h$n" 'sakip>' || true
    keys "h$n" Up
    wait_for "h$n" "sakip> $n + 0" && ok "$n entries: the last is recalled" || bad "$n entries: the last is recalled"
    keys "h$n" C-u C-d
    wait_exit "h$n" || true
    h="$st3/sakip/history"
    if [ $n = 2000 ]; then want="2000 1 + 0"; else want="1000 1002 + 0"; fi
    expect_h="$(wc -l <"$h" | tr -d ' ') $(head -1 "$h")"
    [ "$expect_h" = "$want" ] && ok "$n entries: the file keeps $want" || bad "$n entries: the file has $expect_h, not $want"
done

checks_done history
