#!/bin/sh
# vim-errorformat.sh -- the quickfix errorformat of editors/vim/compiler/sakip.vim.
#
# Loads the compiler file into Vim (vim -Es -u NONE), reads real 'sakip
# check' output with :cgetfile, writes getqflist() to a file and compares
# every entry (file, line, column, type, text) with what an independent
# awk reading of the same output expects; then checks a few entries of the
# golden capture by hand.  Exit 77 (skip) without a Vim that has +quickfix.
set -u
name=vim-errorformat
: "${srcdir:=.}"
: "${SAKIP:=./sakip}"
case $SAKIP in /*) ;; *) SAKIP=$(pwd)/$SAKIP ;; esac
pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'PASS: %s\n' "$*"; }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }
finish() {
    echo "$name: $pass passed, $fail failed"
    [ "$fail" -eq 0 ] || exit 1
    exit 0
}

vim=
for v in vim vim.nox vim.basic vim.gtk3; do
    if command -v "$v" >/dev/null 2>&1 && "$v" --version 2>/dev/null | grep -q '+quickfix'; then
        vim=$v
        break
    fi
done
if [ -z "$vim" ]; then
    echo "$name: no vim with +quickfix (Debian package vim); skipped"
    exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-vim.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
rtp=$(cd "$srcdir/editors/vim" && pwd)

# The quickfix list of FILE, one entry a line: file|line|col|type|valid|text
qflist() {
    cat >"$work/qf.vim" <<'VIM'
compiler sakip
let g:out = ['makeprg=' . &l:makeprg]
execute 'cgetfile ' . fnameescape($QF_INPUT)
for e in getqflist()
  call add(g:out, printf('%s|%d|%d|%s|%d|%s', e.bufnr ? bufname(e.bufnr) : '',
        \ e.lnum, e.col, e.type, e.valid, substitute(e.text, "\n", '\\n', 'g')))
endfor
call writefile(g:out, $QF_OUTPUT)
qa!
VIM
    QF_INPUT=$1 QF_OUTPUT=$2 "$vim" -Es -u NONE -i NONE -N \
        --cmd "set rtp^=$rtp" -S "$work/qf.vim" </dev/null >/dev/null 2>&1
}

# What the entries should be, read with awk from sakip's documented format:
# FILE:LINE:COL: error|warning|note: MESSAGE, or sakip: error: MESSAGE,
# followed by quoted source lines (skipped) and help: lines (appended).
expected() {
    awk '
    function flush() { if (have) print entry; have = 0 }
    /^[^ |:][^:]*:[0-9]+:[0-9]+: (error|warning|note): / {
        flush()
        n = split($0, part, ":")
        file = part[1]; line = part[2]; col = part[3]
        rest = substr($0, length(file) + length(line) + length(col) + 5)
        kind = rest; sub(/:.*/, "", kind)
        msg = substr(rest, length(kind) + 3)
        t = kind == "error" ? "E" : kind == "warning" ? "W" : "N"
        entry = file "|" line "|" col "|" t "|1|" msg; have = 1; next
    }
    /^sakip: (error|warning): / {
        flush()
        kind = $2; sub(/:$/, "", kind)
        msg = substr($0, length("sakip: ") + length(kind) + 3)
        entry = "|0|0|" (kind == "error" ? "E" : "W") "|1|" msg; have = 1; next
    }
    /^help: / { if (have) entry = entry "\\n" $0; next }
    END { flush() }
    ' "$1"
}

compare() {   # label capture
    label=$1
    capture=$2
    if ! qflist "$capture" "$work/$label.qf" || [ ! -s "$work/$label.qf" ]; then
        bad "$label: vim did not write the quickfix list"
        return
    fi
    if [ "$(head -n 1 "$work/$label.qf")" = "makeprg=sakip check %" ]; then
        ok "$label: makeprg is 'sakip check %'"
    else
        bad "$label: makeprg is '$(head -n 1 "$work/$label.qf")'"
    fi
    sed 1d "$work/$label.qf" >"$work/$label.got"
    expected "$capture" >"$work/$label.want"
    n=$(wc -l <"$work/$label.want")
    if [ "$n" -eq 0 ]; then
        bad "$label: the capture holds no diagnostics"
        return
    fi
    i=0
    while [ "$i" -lt "$n" ]; do
        i=$((i + 1))
        want=$(sed -n "${i}p" "$work/$label.want")
        got=$(sed -n "${i}p" "$work/$label.got")
        if [ "$want" = "$got" ]; then
            ok "$label entry $i: $want"
        else
            bad "$label entry $i: expected '$want', got '$got'"
        fi
    done
    m=$(wc -l <"$work/$label.got")
    if [ "$m" -eq "$n" ]; then ok "$label: $n entries"; else bad "$label: $m entries, expected $n"; fi
}

# 1. the golden capture of a file with five mistakes (errors, notes, help)
golden="$srcdir/tests/golden/cases/fmt-five-mistakes/expected.stderr"
if [ -f "$golden" ]; then
    compare golden "$golden"
    # and, by hand, what the awk reading could get wrong in the same way
    for want in \
        'input.sakip|7|5|E|1|' \
        'input.sakip|6|5|N|1|' \
        'input.sakip|16|19|E|1|' \
        "input.sakip|36|17|E|1|unknown name 'IKN' [E0301]\\nhelp: did you mean 'IKM'?"; do
        if grep -F -q -e "$want" "$work/golden.got"; then
            ok "golden: has $want"
        else
            bad "golden: no entry starting $want"
        fi
    done
else
    bad "missing $golden"
fi

# 2. a live run: warnings, an error with a note, a help line, and an unreadable file
if [ -x "$SAKIP" ]; then
    (cd "$srcdir/tests/editors" && "$SAKIP" check quickfix.sakip no-such-file.sakip) \
        >/dev/null 2>"$work/live.err"
    compare live "$work/live.err"
    for want in 'quickfix.sakip|6|15|W|1|' 'quickfix.sakip|15|9|E|1|' \
        'quickfix.sakip|6|15|N|1|' 'quickfix.sakip|19|17|E|1|' '|0|0|E|1|'; do
        if grep -F -q -e "$want" "$work/live.got"; then
            ok "live: has $want"
        else
            bad "live: no entry starting $want"
        fi
    done

    # 3. the same in Indonesian: messages are translated, the 'error:',
    #    'warning:', 'note:' and 'help:' the errorformat reads are not
    if command -v msgfmt >/dev/null 2>&1 && [ -f "$srcdir/po/id.po" ]; then
        mkdir -p "$work/locale/id/LC_MESSAGES"
        if msgfmt -o "$work/locale/id/LC_MESSAGES/sakip.mo" "$srcdir/po/id.po" 2>/dev/null; then
            (cd "$srcdir/tests/editors" && SAKIP_LOCALEDIR=$work/locale LANG=id_ID.UTF-8 LANGUAGE=id \
                "$SAKIP" check quickfix.sakip no-such-file.sakip) >/dev/null 2>"$work/id.err"
            if cmp -s "$work/id.err" "$work/live.err"; then
                echo "note: no Indonesian messages (sakip built without NLS?); comparing anyway"
            fi
            compare id "$work/id.err"
            # the same places as in English
            cut -d'|' -f1-5 "$work/live.got" >"$work/live.loc"
            cut -d'|' -f1-5 "$work/id.got" >"$work/id.loc"
            if cmp -s "$work/live.loc" "$work/id.loc"; then
                ok "id: same files, lines, columns and types as in English"
            else
                bad "id: the Indonesian entries are at other places"
            fi
        fi
    fi
else
    bad "SAKIP ($SAKIP) is not an executable"
fi
finish
