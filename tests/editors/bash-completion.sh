#!/bin/sh
# bash-completion.sh -- completion/sakip.bash (made from sakip.bash.in in
# the build tree).
#
# Sources the completion in 'bash --norc', sets COMP_WORDS and COMP_CWORD
# as bash does for a line typed so far, calls _sakip and compares
# COMPREPLY.  Bash splits '--format=' at '=' (COMP_WORDBREAKS), so
# 'sakip eval --format=<TAB>' arrives as the words sakip eval --format =.
# Also checks that 'sakip COMMAND --' offers every option of
# 'sakip COMMAND --help'.  Exit 77 (skip) without bash.
set -u
name=bash-completion
: "${srcdir:=.}"
: "${builddir:=.}"
: "${SAKIP:=./sakip}"
case $SAKIP in /*) ;; *) SAKIP=$(pwd)/$SAKIP ;; esac
export SAKIP
if ! command -v bash >/dev/null 2>&1; then
    echo "$name: bash not found; skipped"
    exit 77
fi
comp=$(cd "$builddir/completion" && pwd)/sakip.bash
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-bashcomp.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir "$work/laporan"
printf '%s\n' 'instansi "X" { tahun 2024 }' 'perjanjian PK2024 "PK" {' '}' \
    '  perjanjian PKP2024 "PK Perubahan" { mengubah PK2024 }' >"$work/ambulu.sakip"
: >"$work/catatan.txt"
: >"$work/laporan/puger.sakip"

cd "$work" && bash --norc --noprofile -s "$comp" <<'BASH'
set -u
source "$1" || { echo "$name: cannot source $1"; exit 1; }
name=bash-completion
pass=0 fail=0
# expect 'WANTED REPLY (sorted, space separated)' WORD...
expect() {
    local want=$1
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _sakip sakip "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
    local got
    got=$(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' ')
    got=${got% }
    if [[ $got == "$want" ]]; then
        pass=$((pass + 1))
        printf 'PASS: sakip %s<TAB> -> %s\n' "${*:2}" "$got"
    else
        fail=$((fail + 1))
        printf 'FAIL: sakip %s<TAB> -> [%s], expected [%s]\n' "${*:2}" "$got" "$want"
    fi
}
[[ $(complete -p sakip 2>/dev/null) == *"-F _sakip"* ]] && pass=$((pass + 1)) && echo "PASS: complete -F _sakip sakip" \
    || { fail=$((fail + 1)); echo "FAIL: no 'complete -F _sakip sakip'"; }

expect 'check'                                   sakip ch
expect 'eval'                                    sakip ev
expect '--format='                               sakip eval --form
expect '--format='                               sakip check --fo
expect 'csv html json md text xlsx'              sakip eval --format =
expect 'csv html json md text xlsx'              sakip eval --format = ''
expect 'json'                                    sakip eval --format = j
expect 'json text'                               sakip check --format =
expect 'json text'                               sakip check --format = ''
expect '--format=json'                           sakip eval --format=j
expect 'csv html json md text xlsx'              sakip eval --format ''
expect 'en id'                                   sakip eval --angka = ''
expect 'W0605 W0606 W0607'                       sakip check --no-warn = W060
expect '--check --color= --diff --help --write' sakip fmt --
expect '--werror'                                sakip check --we
expect 'ambulu.sakip laporan'                    sakip check ''
expect 'ambulu.sakip laporan'                    sakip eval --tahun=2023 ''
expect 'laporan/puger.sakip'                     sakip eval laporan/
expect 'ambulu.sakip laporan'                    sakip repl ''
expect 'ambulu.sakip laporan'                    sakip eval --skenario = ''
expect '--help --version check diff eval fmt import lsp repl serve' sakip ''
expect 'ambulu.sakip laporan'                    sakip diff ''
expect 'PK2024 PKP2024 ambulu.sakip laporan'     sakip diff ambulu.sakip ''
expect 'PKP2024'                                 sakip diff ambulu.sakip PK2024 PKP
expect ''                                        sakip diff ambulu.sakip PK2024 PKP2024 ''
expect '--tahun='                                sakip diff --ta
expect 'realisasi rencana'                       sakip eval --andai = re
expect 'anggaran data realisasi rencana target' sakip check --andai ''

# every option of 'sakip COMMAND --help' is offered after 'sakip COMMAND --'
for c in check eval repl fmt diff lsp; do
    COMP_WORDS=(sakip "$c" --)
    COMP_CWORD=2
    COMPREPLY=()
    _sakip sakip -- "$c" 2>/dev/null
    offered=" ${COMPREPLY[*]} "
    missing=
    help=$("$SAKIP" "$c" --help | grep -o -e '^ *-[a-z], --[a-z][a-z-]*' -e '^ *--[a-z][a-z-]*' | grep -o -e '--[a-z][a-z-]*')
    for o in $help; do
        [[ $offered == *" $o "* || $offered == *" $o= "* ]] || missing+=" $o"
    done
    if [[ -z $help ]]; then
        fail=$((fail + 1))
        echo "FAIL: no options in '$SAKIP $c --help'"
    elif [[ ${#COMPREPLY[@]} -gt 0 && -z $missing ]]; then
        pass=$((pass + 1))
        echo "PASS: sakip $c --<TAB> offers every option of 'sakip $c --help'"
    else
        fail=$((fail + 1))
        echo "FAIL: sakip $c --<TAB> does not offer:$missing"
    fi
done
echo "$name: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
BASH
