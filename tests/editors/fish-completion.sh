#!/bin/sh
# fish-completion.sh -- completion/sakip.fish (made from sakip.fish.in in
# the build tree).
#
# 'fish --no-config' sources the file and prints, with complete -C, what
# it completes for a command line typed so far; the candidates (without
# their descriptions) are compared with what is written out below, and
# 'sakip COMMAND --' must offer every option of 'sakip COMMAND --help'.
# Exit 77 (skip) without fish.
set -u
name=fish-completion
: "${srcdir:=.}"
: "${builddir:=.}"
: "${SAKIP:=./sakip}"
case $SAKIP in /*) ;; *) SAKIP=$(pwd)/$SAKIP ;; esac
if ! command -v fish >/dev/null 2>&1; then
    echo "$name: fish not found; skipped"
    exit 77
fi
comp=$(cd "$builddir/completion" && pwd)/sakip.fish
if [ ! -f "$comp" ]; then
    echo "$name: $comp is not built"
    exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-fishcomp.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir "$work/dir" "$work/dir/laporan" "$work/home"
printf '%s\n' 'instansi "X" { tahun 2024 }' 'perjanjian PK2024 "PK" {' '}' \
    '  perjanjian PKP2024 "PK Perubahan" { mengubah PK2024 }' >"$work/dir/ambulu.sakip"
: >"$work/dir/catatan.txt"
: >"$work/dir/laporan/puger.sakip"

pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'PASS: %s\n' "$*"; }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }

# The candidates of 'complete -C LINE', sorted, one line.
candidates() {
    (cd "$work/dir" && HOME=$work/home XDG_CONFIG_HOME=$work/home XDG_DATA_HOME=$work/home LC_ALL=C \
        fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$comp" "$1") 2>"$work/err" |
        cut -f1 | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//'
}

# expect 'CANDIDATES' 'LINE'
expect() {
    got=$(candidates "$2")
    if [ "$got" = "$1" ]; then
        ok "$2<TAB> -> $got"
    else
        bad "$2<TAB> -> [$got], expected [$1] $(head -n 2 "$work/err")"
    fi
}

expect 'eval'                                          'sakip ev'
expect 'check diff eval fmt import lsp repl serve'                   'sakip '
expect '--format'                                      'sakip eval --for'
expect '--format=csv --format=html --format=json --format=md --format=text --format=xlsx' 'sakip eval --format='
expect 'csv html json md text xlsx'                    'sakip eval --format '
expect '--format=json --format=text'                   'sakip check --format='
expect '--format=json'                                 'sakip eval --format=j'
expect '--angka=en --angka=id'                         'sakip eval --angka='
expect '--no-warn=W0605 --no-warn=W0606 --no-warn=W0607' 'sakip check --no-warn=W060'
expect '--werror'                                      'sakip check --we'
expect '--check --color --diff --help --write' 'sakip fmt --'
expect '--angka --color --help' 'sakip repl --'
expect '--andai=realisasi --andai=rencana'             'sakip eval --andai=re'
expect 'anggaran data realisasi rencana target'        'sakip check --andai '
expect 'ambulu.sakip laporan/'                         'sakip check '
expect 'ambulu.sakip laporan/'                         'sakip eval --tahun=2023 '
expect 'laporan/puger.sakip'                           'sakip eval laporan/'
expect '--skenario=ambulu.sakip --skenario=laporan/'   'sakip eval --skenario='
expect 'PK2024 PKP2024 ambulu.sakip laporan/'          'sakip diff ambulu.sakip '
expect 'PKP2024'                                       'sakip diff ambulu.sakip PK2024 PKP'
expect ''                                              'sakip diff ambulu.sakip PK2024 PKP2024 '
expect '--tahun'                                       'sakip diff --ta'

# every option of 'sakip COMMAND --help' is offered after 'sakip COMMAND --'
if [ -x "$SAKIP" ]; then
    for c in check eval repl fmt diff lsp; do
        offered=" $(candidates "sakip $c --") "
        missing=
        help=$("$SAKIP" "$c" --help | grep -o -e '^ *-[a-z], --[a-z][a-z-]*' -e '^ *--[a-z][a-z-]*' | grep -o -e '--[a-z][a-z-]*')
        [ -n "$help" ] || missing=" (no options in '$SAKIP $c --help')"
        for o in $help; do
            case $offered in *" $o "*) ;; *) missing="$missing $o" ;; esac
        done
        if [ "$offered" != "  " ] && [ -z "$missing" ]; then
            ok "sakip $c --<TAB> offers every option of 'sakip $c --help'"
        else
            bad "sakip $c --<TAB> does not offer:$missing (got:$offered)"
        fi
    done
else
    bad "SAKIP ($SAKIP) is not an executable"
fi

echo "$name: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
