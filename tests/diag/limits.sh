#!/bin/sh
# limits.sh -- each bound of doc/limits.md at its edge: the largest input
# it allows is read, one more is a located error with its code (issue #27:
# "doc/limits.md is true, a test per limit").  The limits with tests of
# their own: --max-errors (tests/diag/max-errors.sh), fmt --write's size
# (tests/output/fmt-write.sh), computed digits and the work budget
# (tests/eval/bounds.sh), errors of a survey file (tests/survei/csv.sh),
# memory (tests/memory/rss.sh), the parser's stack, 100 errors and impor
# nesting (tests/golden/cases/hostile-unary-minus, many-errors-syntax,
# import-too-deep), REPL history (tests/repl/history.sh).  SAKIP names
# the program.
set -u
: "${SAKIP:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-limits.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM HUP
. "${srcdir:-.}/tests/checks.sh"
bad() { fail=$((fail + 1)); echo "FAIL: $1"; head -c 600 "$work/err" | sed 's/^/    /'; }
expect() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: $2, not $3"; fi; }
codes() { grep -o '\[E[0-9]*\]' "$work/err" | sort | uniq -c | awk '{ if (NR > 1) printf " "; printf "%s %s", $1, $2 }'; }
rep() { python3 -c 'import sys; print(sys.argv[1] * int(sys.argv[2]), end="")' "$1" "$2"; }
# check_with NAME LINE: sakip check on a file of a header and LINE; st, err
check_with() {
    printf 'instansi "Kecamatan Contoh" {\n    tahun 2024\n}\n%s\n' "$2" >"$work/$1.sakip"
    (cd "$work" && timeout 60 "$SAKIP" check "$1.sakip" >out 2>err)
    st=$?
}

# size of one source file: 64 MiB is read (a file of NUL bytes: E0100),
# one byte more is refused unread (E0000, exit status 2)
truncate -s 67108864 "$work/at.sakip"
(cd "$work" && "$SAKIP" check at.sakip >out 2>err)
expect "source file of 64 MiB: read" "$? $(codes)" "1 1 [E0100]"
truncate -s 67108865 "$work/over.sakip"
(cd "$work" && "$SAKIP" check over.sakip >out 2>err)
expect "source file of 64 MiB + 1: refused" "$? $(grep -c 'error: cannot read .over.sakip.: is larger than the 64 MiB limit' "$work/err")" "2 1"

# size of one survey file: the same 64 MiB, E0530
truncate -s 67108865 "$work/over.csv"
check_with survey 'survei S "Survei" {
    unsur a
    berkas "over.csv"
}'
expect "survey file of 64 MiB + 1: E0530" "$st $(grep -c 'survey.sakip:6:12: error: cannot read survey file .over.csv.: is larger than the 64 MiB limit' "$work/err")" "1 1"

# digits in one number: 60
check_with d60 "periksa $(rep 9 60) > 0"
expect "60 digits: read" "$st $(codes)" "0 "
check_with d61 "periksa $(rep 9 61) > 0"
expect "61 digits: E0103" "$(codes)" "1 [E0103]"

# length of a name: 255 characters
check_with n255 "aturan $(rep a 255) = 1"
expect "a name of 255 characters: read" "$st $(codes)" "0 "
check_with n256 "aturan $(rep a 256) = 1"
expect "a name of 256 characters: E0112" "$(codes)" "1 [E0112]"

# length of a text: 4096 bytes
check_with t4096 "periksa \"$(rep a 4096)\" == \"$(rep a 4096)\""
expect "a text of 4096 bytes: read" "$st $(codes)" "0 "
check_with t4097 "periksa \"$(rep a 4097)\" == \"a\""
expect "a text of 4097 bytes: E0111" "$(codes)" "1 [E0111]"

# nesting of ( and {: 200
check_with p200 "periksa $(rep '(' 200)1$(rep ')' 200) == 1"
expect "200 brackets: read" "$st $(codes)" "0 "
check_with p201 "periksa $(rep '(' 201)1$(rep ')' 201) == 1"
expect "201 brackets: E0110" "$(codes)" "1 [E0110]"

# operators in one expression: 1000 (999 additions and the comparison)
check_with o1000 "periksa 1$(rep ' + 1' 999) == 1000"
expect "1000 operators: read, and the claim holds" "$st $(codes)" "0 "
check_with o1001 "periksa 1$(rep ' + 1' 1000) == 1001"
expect "1001 operators: E0110" "$(codes)" "1 [E0110]"

# the same for operators nested in each other: 1000 minus signs
check_with m1000 "aturan m = $(rep '- ' 1000)1"
expect "1000 nested operators: read" "$st $(codes)" "0 "
check_with m1001 "aturan m = $(rep '- ' 1001)1"
expect "1001 nested operators: E0110" "$(codes) $(grep -c 'nested more than 1000 levels' "$work/err")" "1 [E0110] 1"

# rule calls at run time: 64 deep
chain() {
    i=1
    while [ $i -lt "$1" ]; do echo "aturan r$i = r$((i + 1)) + 1"; i=$((i + 1)); done
    echo "aturan r$1 = 1"
}
check_with r64 "$(chain 64)
periksa r1 == 64"
expect "64 rules deep: evaluated, the claim holds" "$st $(codes)" "0 "
check_with r65 "$(chain 65)
periksa r1 == 65"
expect "65 rules deep: E0305, the claim undecided" "$(codes)" "1 [E0305] 1 [E0802]"

checks_done limits
