#!/bin/sh
# bounds.sh -- evaluation is bounded (issue #27, item 4; doc/limits.md):
# a rule called twice with the same arguments is evaluated once (with and
# without parameters, and computed values alike), so chains of 64 rules
# `q{k} = q{k-1} + q{k-1}` finish at once; what-ifs in the REPL are not
# answered from what was remembered before them; a number past 10 000
# digits is an error (E0407) naming the rule chain, exactly at the
# bound; and a work budget stops rules whose arguments never repeat
# (E0406).  Every run is under `timeout`, since without these bounds each
# of them runs for hours.  The times are printed, not held to a budget
# (a sanitizer build on a busy machine takes seconds where a plain one
# takes milliseconds): finishing under the timeout is what is checked;
# the speed itself is measured by bench/.  SAKIP names the program.
set -u
: "${SAKIP:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-bounds.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM HUP
. "${srcdir:-.}/tests/checks.sh"
bad() { fail=$((fail + 1)); echo "FAIL: $1"; sed 's/^/    /' "$work/err" | head -20; }
# expect NAME ACTUAL EXPECTED
expect() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: $2, not $3"; fi; }
count() { grep -c -e "$1" "$work/err"; }
# run FILE ARGS...: sakip check, at most 20 s; sets st and secs (wall time)
run() {
    f=$1
    shift
    t0=$(date +%s%N)
    (cd "$work" && timeout 60 "$SAKIP" check "$@" "$f" >out 2>err)
    st=$?
    secs=$((($(date +%s%N) - t0) / 1000000))
}
head_lines() {
    printf 'instansi "Kecamatan Contoh" {\n    tahun   2024\n    periode 2021..2026\n}\n'
}

# 64 rules, each adding the one before to itself: q1 = 1, q{k} = 2^(k-1),
# so q64 = 2^63 = 9223372036854775808.  Unmemoised: 2^63 calls.
{
    head_lines
    echo 'aturan q1 = 1'
    k=2
    while [ $k -le 64 ]; do echo "aturan q$k = q$((k - 1)) + q$((k - 1))"; k=$((k + 1)); done
    echo 'periksa q64 == 9223372036854775808'
    echo 'periksa q64 + q63 == 13835058055282163712'   # 2^63 + 2^62 = 3 x 2^62
} >"$work/chain.sakip"
run chain.sakip
expect "64-rule chain: exit status 0" $st 0
expect "64-rule chain: q64 = 2^63, no diagnostic" "$(wc -c <"$work/err" | tr -d ' ')" 0
[ $secs -lt 60000 ] && ok "64-rule chain: checked in ${secs} ms" || bad "64-rule chain: ${secs} ms"

# the same with a parameter: p1(x) = x, p{k}(x) = 2^(k-1) x, p64(3) = 3 x 2^63
{
    head_lines
    echo 'aturan p1(x) = x'
    k=2
    while [ $k -le 64 ]; do echo "aturan p$k(x) = p$((k - 1))(x) + p$((k - 1))(x)"; k=$((k + 1)); done
    echo 'periksa p64(3) == 27670116110564327424'
    echo 'periksa p64(1) == 9223372036854775808'
} >"$work/param.sakip"
run param.sakip
expect "64-rule chain with a parameter: exit status 0" $st 0
expect "64-rule chain with a parameter: p64(3) = 3 x 2^63" "$(wc -c <"$work/err" | tr -d ' ')" 0
[ $secs -lt 60000 ] && ok "64-rule chain with a parameter: ${secs} ms" || bad "with a parameter: ${secs} ms"

# computed values: I{k}'s realisasi is jumlah(realisasi(I{k-1}), realisasi(I{k-1})),
# I0's 7, so I60's is 7 x 2^60 = 8070450532247928832
{
    head_lines
    echo 'sasaran S1 "Sasaran" {'
    k=0
    while [ $k -le 60 ]; do
        if [ $k -eq 0 ]; then r=7; else r="jumlah(realisasi(I$((k - 1))), realisasi(I$((k - 1))))"; fi
        printf '    indikator I%d "I" {\n        satuan "%%"\n        polaritas positif\n' $k
        printf '        target 2024: 80\n        realisasi 2024: %s\n    }\n' "$r"
        k=$((k + 1))
    done
    echo '}'
    echo 'periksa realisasi(I60) == 8070450532247928832'
} >"$work/computed.sakip"
run computed.sakip --no-warn=W0505 --no-warn=W0506
expect "60 computed values: exit status 0" $st 0
expect "60 computed values: 7 x 2^60, no diagnostic" "$(wc -c <"$work/err" | tr -d ' ')" 0

# what-ifs in the REPL: w1 = realisasi(IKM), w64 = 2^63 x realisasi(IKM);
# 3 x 2^63 = 27670116110564327424, 5 x 2^63 = 46116860184273879040
{
    head_lines
    printf 'sasaran S1 "Sasaran" {\n    indikator IKM "IKM" {\n        satuan "indeks"\n'
    printf '        polaritas positif\n        target 2024: 80\n        realisasi 2024: 3\n    }\n}\n'
    echo 'aturan w1 = realisasi(IKM)'
    k=2
    while [ $k -le 64 ]; do echo "aturan w$k = w$((k - 1)) + w$((k - 1))"; k=$((k + 1)); done
} >"$work/whatif.sakip"
printf 'w64\nandai realisasi IKM 2024 = 5\nw64\nbatal\nw64\n' |
    (cd "$work" && timeout 60 "$SAKIP" repl whatif.sakip >out 2>err)
expect "REPL: exit status 0" $? 0
expect "REPL: before, under and after the what-if" \
    "$(grep -E '^[0-9.]+,00$' "$work/out" | tr '\n' ' ')" \
    "27.670.116.110.564.327.424,00 46.116.860.184.273.879.040,00 27.670.116.110.564.327.424,00 "

# repeated squaring: r1 has 30 digits, r{k} = r{k-1}^2 has 30 x 2^(k-1):
# r9 7680 digits, r10 15 360, past the bound
{
    head_lines
    echo 'aturan r1 = 123456789012345678901234567890'
    k=2
    while [ $k -le 24 ]; do echo "aturan r$k = r$((k - 1)) * r$((k - 1))"; k=$((k + 1)); done
    echo 'periksa r24 > 0'
    echo 'periksa r9 > 0'
} >"$work/square.sakip"
run square.sakip
expect "squaring: exit status 1" $st 1
expect "squaring: E0407 once, at r10's '*', naming the chain" \
    "$(count '^square.sakip:14:17: error: a number with more than 10000 digits (rule chain: r24 > r23 > r22 > ... > r13 > r12 > r11 > r10) \[E0407\]$')" 1
expect "squaring: the outermost call is shown" "$(count '^square.sakip:29:9: note: the outermost rule is called here$')" 1
expect "squaring: the claim on r24 cannot be decided" "$(count '^square.sakip:29:9: error: claim cannot be decided: a number has more than 10000 digits \[E0802\]')" 1
expect "squaring: r9 (7680 digits) is fine" "$(count ':30:')" 0
[ $secs -lt 60000 ] && ok "squaring: stopped in ${secs} ms" || bad "squaring: ${secs} ms"

# the bound itself: 10^9999 - 1 ... 10^10000 - 1 (10 000 digits) is a
# number; 10^10000 (10 001 digits) is not, nor is 1/10^10000
{
    head_lines
    echo 'aturan t1 = 100000000000000000000000000000000000000000000000000'   # 10^50
    k=2
    while [ $k -le 8 ]; do echo "aturan t$k = t$((k - 1)) * t$((k - 1))"; k=$((k + 1)); done
    echo 'aturan e9999 = t8 * t7 * (t4 / 10)'            # 10^(6400 + 3200 + 399)
    echo 'aturan nines = (e9999 - 1) * 10 + 9'           # 10^10000 - 1, 10 000 nines
    echo 'periksa nines + 1 > 0'                         # line 15: 10^10000
    echo 'periksa nines > e9999'                         # line 16: holds
    echo 'periksa 1 / nines < 1'                         # line 17: holds
    echo 'periksa 1 / (nines + 1) > 0'                   # line 18: 10^10000 again
    echo 'periksa e9999 * 10 / 10 > 0'                   # line 19
} >"$work/edge.sakip"
run edge.sakip
expect "10 000 digits: exit status 1" $st 1
expect "10 000 digits: 10^10000 - 1 is a number (lines 16, 17 hold)" "$(grep -c -E '^edge.sakip:1[67]:' "$work/err")" 0
expect "10 000 digits: 10^10000 is not (line 15)" "$(count '^edge.sakip:15:15: error: a number with more than 10000 digits \[E0407\]')" 1
expect "10 000 digits: nor in a denominator (line 18)" "$(count '^edge.sakip:18:20: error: a number with more than 10000 digits \[E0407\]')" 1
expect "10 000 digits: nor is an intermediate (line 19)" "$(count '^edge.sakip:19:15: error: a number with more than 10000 digits \[E0407\]')" 1

# rules whose arguments never repeat: g{k}(m) = g{k-1}(2m) + g{k-1}(2m+1),
# 2^60 different calls; the work budget stops them
{
    head_lines
    echo 'aturan g0(m) = m'
    k=1
    while [ $k -le 60 ]; do echo "aturan g$k(m) = g$((k - 1))(m * 2) + g$((k - 1))(m * 2 + 1)"; k=$((k + 1)); done
    echo 'periksa g60(1) > 0'
    echo 'periksa g3(1) == 92'   # 8 + 9 + ... + 15 = 92, after the budget ran out
} >"$work/budget.sakip"
run budget.sakip
expect "work budget: exit status 1" $st 1
expect "work budget: E0406 once, naming the chain" \
    "$(count 'error: evaluation stopped after [0-9]* steps (rule chain: g60 > g59 > g58 > \.\.\. > .*) \[E0406\]$')" 1
expect "work budget: the claim cannot be decided" "$(count '^budget.sakip:66:9: error: claim cannot be decided: the evaluation ran out of its work budget \[E0802\]')" 1
[ $secs -lt 60000 ] && ok "work budget: stopped in ${secs} ms" || bad "work budget: ${secs} ms"

checks_done bounds
