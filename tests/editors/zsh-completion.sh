#!/bin/sh
# zsh-completion.sh -- completion/_sakip (made from _sakip.in in the build
# tree).
#
# Starts 'zsh -f -i' on a pseudo-terminal (the zsh/zpty module) with the
# file on $fpath and compinit loaded, types a command line and TAB, and
# records every match the completion system is given (a compadd wrapper
# writes them to a file; the TAB widget writes a second file when it is
# done).  Compares the matches with what is written out below, and checks
# that 'sakip COMMAND --' offers every option of 'sakip COMMAND --help'.
# Exit 77 (skip) without zsh or its zpty module.
set -u
name=zsh-completion
: "${srcdir:=.}"
: "${builddir:=.}"
: "${SAKIP:=./sakip}"
case $SAKIP in /*) ;; *) SAKIP=$(pwd)/$SAKIP ;; esac
if ! command -v zsh >/dev/null 2>&1; then
    echo "$name: zsh not found; skipped"
    exit 77
fi
if ! zsh -f -c 'zmodload zsh/zpty' >/dev/null 2>&1; then
    echo "$name: zsh has no zpty module; skipped"
    exit 77
fi
compdir=$(cd "$builddir/completion" && pwd)
if [ ! -f "$compdir/_sakip" ]; then
    echo "$name: $compdir/_sakip is not built"
    exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-zshcomp.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir "$work/comp" "$work/dir" "$work/dir/laporan"
cp "$compdir/_sakip" "$work/comp/"
printf '%s\n' 'instansi "X" { tahun 2024 }' 'perjanjian PK2024 "PK" {' '}' \
    '  perjanjian PKP2024 "PK Perubahan" { mengubah PK2024 }' >"$work/dir/ambulu.sakip"
: >"$work/dir/catatan.txt"
: >"$work/dir/laporan/puger.sakip"

# In the shell on the pseudo-terminal: TAB completes and then writes
# $DONE; compadd also writes each match it is given to $OUT.
cat >"$work/setup.zsh" <<'EOF'
PS1='' PROMPT='' RPROMPT=''
fpath=($COMPDIR $fpath)
autoload -Uz compinit && compinit -u -D
_t_complete() { zle complete-word; print -r -- done >$DONE }
zle -N _t_complete
bindkey '^I' _t_complete
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
compadd() {
  # calls that only ask (-O, -A, -D) are not offers
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "$@"
    return
  fi
  local -a __hits
  local -A __o
  zparseopts -E -A __o P: p:
  builtin compadd -A __hits "$@"
  local h
  for h in $__hits; do
    print -r -- "${__o[-p]}${__o[-P]}$h" >>$OUT
  done
  builtin compadd "$@"
}
print -r -- ready >$DONE
EOF

# Types each argument and TAB; prints "[LINE] MATCH MATCH ..." (sorted).
cat >"$work/drive.zsh" <<'EOF'
zmodload zsh/zpty || exit 1
export OUT=$WORK/out DONE=$WORK/done COMPDIR
drain() { local chunk; while zpty -rt z chunk 2>/dev/null; do :; done }
wait_done() {
  local i
  for i in {1..200}; do drain; [[ -s $DONE ]] && return 0; sleep 0.05; done
  return 1
}
rm -f $DONE
zpty -b z "TERM=dumb zsh -f -i"
zpty -w z "source ${(q)WORK}/setup.zsh"
wait_done || { print "setup timed out"; exit 1 }
for line in "$@"; do
  rm -f $OUT $DONE
  : >$OUT
  zpty -w -n z "$line"$'\t'
  if wait_done; then
    local -a m
    m=(${(f)"$(<$OUT)"})
    m=(${(ou)m})
    print -r -- "[$line] ${(j: :)m}"
  else
    print -r -- "[$line] TIMEOUT"
  fi
  zpty -w -n z $'\C-u'
  drain
done
zpty -d z
EOF

cat >"$work/want" <<'EOF'
[sakip ev] eval
[sakip ] check diff eval fmt import lsp repl serve
[sakip eval --for] --format
[sakip eval --format=] csv html json md text xlsx
[sakip eval --format ] csv html json md text xlsx
[sakip check --format=] json text
[sakip eval --format=j] json
[sakip eval --angka=] en id
[sakip check --no-warn=W060] W0605 W0606 W0607
[sakip check --we] --werror
[sakip fmt --] --check --color --diff --help --write
[sakip repl -] --angka --color --help
[sakip eval --andai=re] realisasi rencana
[sakip check --andai=] anggaran data realisasi rencana target
[sakip check ] ambulu.sakip laporan
[sakip eval --tahun=2023 ] ambulu.sakip laporan
[sakip eval laporan/] laporan/puger.sakip
[sakip eval --skenario=] ambulu.sakip laporan
[sakip diff ambulu.sakip ] PK2024 PKP2024 ambulu.sakip laporan
[sakip diff ambulu.sakip PK2024 PKP] PKP2024
[sakip diff --ta] --tahun
EOF

pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'PASS: %s\n' "$*"; }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }

# the lines to type: those of the expectations, and 'sakip COMMAND --'
sed 's/^\[\([^]]*\)\].*/\1/' "$work/want" >"$work/lines"
commands="check eval repl fmt diff lsp"
for c in $commands; do echo "sakip $c --"; done >>"$work/lines"
(
    cd "$work/dir" || exit 1
    # one argument per line of $work/lines
    exec 3<"$work/lines"
    set --
    while IFS= read -r l <&3; do set -- "$@" "$l"; done
    LC_ALL=C WORK=$work COMPDIR=$work/comp zsh -f "$work/drive.zsh" "$@"
) >"$work/got" 2>"$work/err"

if [ ! -s "$work/got" ]; then
    bad "zsh printed nothing: $(head -n 3 "$work/err")"
else
    while IFS= read -r want; do
        key=${want%%]*}
        got=$(grep -F -e "$key]" "$work/got" | head -n 1)
        got=${got% }
        if [ "$got" = "$want" ]; then ok "$want"; else bad "expected '$want', got '$got'"; fi
    done <"$work/want"
fi

# every option of 'sakip COMMAND --help' is offered after 'sakip COMMAND --'
if [ -x "$SAKIP" ]; then
    for c in $commands; do
        offered=$(grep -F -e "[sakip $c --]" "$work/got")
        missing=
        help=$("$SAKIP" "$c" --help | grep -o -e '^ *-[a-z], --[a-z][a-z-]*' -e '^ *--[a-z][a-z-]*' | grep -o -e '--[a-z][a-z-]*')
        [ -n "$help" ] || missing=" (no options in '$SAKIP $c --help')"
        for o in $help; do
            case " $offered " in *" $o "*) ;; *) missing="$missing $o" ;; esac
        done
        if [ -n "$offered" ] && [ -z "$missing" ]; then
            ok "sakip $c --<TAB> offers every option of 'sakip $c --help'"
        else
            bad "sakip $c --<TAB> does not offer:$missing (got: $offered)"
        fi
    done
else
    bad "SAKIP ($SAKIP) is not an executable"
fi

echo "$name: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
