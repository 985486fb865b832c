#!/bin/sh
# csv.sh -- the survey CSV reader (issue #27, item 5): linear in the file
# (100 000 columns in 0.9 MB, a million rows), memory proportional to it;
# NUL bytes, control characters and invalid UTF-8 reported where they are
# and never copied to the terminal; quoted fields, a byte order mark and
# CRLF read as Excel writes them; a file that cannot be read or is
# malformed stops `eval` (exit 1) as an `impor` error does; at most 100
# errors of one file.  SAKIP names the program.
set -u
: "${SAKIP:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-csv.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM HUP
. "${srcdir:-.}/tests/checks.sh"
bad() { fail=$((fail + 1)); echo "FAIL: $1"; head -c 2000 "$work/err" | sed 's/^/    /'; }
expect() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: $2, not $3"; fi; }
count() { grep -c -e "$1" "$work/err"; }
# survei NAME CSV [UNSUR [CLAIM]]: NAME.sakip with a survei S reading CSV
survei() {
    {
        printf 'instansi "Kecamatan Contoh" {\n    tahun 2024\n}\nsurvei S "Survei" {\n'
        [ -n "${3:-}" ] && printf '    unsur %s\n' "$3"
        printf '    berkas "%s"\n}\n' "$2"
        printf 'periksa %s\n' "${4:-ikm(S) >= 0}"
    } >"$work/$1.sakip"
}
# run CMD NAME [ARGS]: sakip CMD on NAME.sakip in $work, at most 20 s, its peak RSS (KiB) in rss
run() {
    c=$1 n=$2
    shift 2
    rss=$(cd "$work" && python3 -c '
import resource, subprocess, sys
with open("out", "wb") as o, open("err", "wb") as e:
    try:
        r = subprocess.run(sys.argv[1:], stdout=o, stderr=e, timeout=20).returncode
    except subprocess.TimeoutExpired:
        r = 124
print(r, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$SAKIP" "$c" "$@" "$n.sakip")
    st=${rss% *}
    rss=${rss#* }
}
u9='persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, sarana, pengaduan'

# 100 000 columns in 0.9 MB: every answer 4, so each NRR is 4 and the IKM
# 25 x 4 = 100
python3 -c '
n = 100000
print(",".join("u%d" % i for i in range(n)))
print(",".join("4" for i in range(n)))' >"$work/wide.csv"
survei wide wide.csv '' 'ikm(S) == 100'
run check wide
expect "100 000 columns: check exit status 0 (the IKM is 100)" "$st" 0
expect "100 000 columns: as many unsur" "$(count 'survei S has 100000 unsur')" 1
run eval wide
expect "100 000 columns: eval exit status 0" "$st" 0

# a million rows (18 MB): memory at most 16 MB + 12 times the file
python3 -c '
import random
random.seed(27)
print("persyaratan,prosedur,waktu,biaya,produk,kompetensi,perilaku,sarana,pengaduan")
print("\n".join(",".join(random.choice("1234") for k in range(9)) for i in range(1000000)))' >"$work/tall.csv"
survei tall tall.csv "$u9"
run check tall
size=$(($(wc -c <"$work/tall.csv") / 1024))
expect "a million rows: check exit status 0" "$st" 0
[ "$rss" -le $((16384 + 12 * size)) ] && ok "a million rows: ${rss} KiB for ${size} KiB" ||
    bad "a million rows: ${rss} KiB for ${size} KiB, above 16 MiB + 12x"

# a NUL in the header
printf 'a,b\000c\n1,2\n' >"$work/nul.csv"
survei nul nul.csv
run check nul
expect "NUL: check exit status 1" "$st" 1
expect "NUL: reported where it is" "$(count '^nul.csv:1:4: error: a NUL byte: a survey file is text \[E0100\]$')" 1

# raw 0xFF and an escape sequence: reported, and never written out
printf 'a,b,c\n1,\377,\033[31m\n' >"$work/bytes.csv"
survei bytes bytes.csv
run check bytes
expect "bytes: check exit status 1" "$st" 1
expect "bytes: 0xFF reported" "$(count '^bytes.csv:2:3: error: invalid UTF-8 (byte 0xFF) \[E0100\]$')" 1
expect "bytes: the escape reported" "$(count '^bytes.csv:2:5: error: unexpected control character 0x1B \[E0107\]$')" 1
expect "bytes: no 0xFF and no escape on stderr" "$(LC_ALL=C tr -d -c '\377\033' <"$work/err" | wc -c | tr -d ' ')" 0
run eval bytes
expect "bytes: eval exit status 1" "$st" 1

# quoted fields (a separator and "" inside), a byte order mark, CRLF and ';':
# answers (1, 2) and (4, 4): NRR 2,5 and 3, IKM = 25 x (2,5 + 3) / 2 = 68,75
printf '\357\273\277"a;x";"b ""y"""\r\n"1";2\r\n\r\n 4 ; "4"\r\n' >"$work/excel.csv"
survei excel excel.csv 'ax, by'
run check excel
expect "Excel: a quoted header is one name, its quotes undone" "$(count "unknown column 'a;x'") $(count "unknown column 'b \"y\"'")" "1 1"
printf '\357\273\277"p";"q"\r\n"1";2\r\n\r\n 4 ; "4"\r\n' >"$work/excel.csv"
survei excel excel.csv 'p, q' 'ikm(S) == 68.75'
run check excel --no-warn=W0536
expect "Excel: IKM 68,75, no diagnostic" "$st $(wc -c <"$work/err" | tr -d ' ')" "0 0"
run eval excel
expect "Excel: eval exit status 0" "$st" 0

# a quote inside an unquoted field, and a quote never closed
printf 'a,b\n1,x"y\n' >"$work/quote.csv"
survei quote quote.csv
run eval quote
expect "misplaced quote: eval exit status 1" "$st" 1
expect "misplaced quote: located" "$(count '^quote.csv:2:4: error: a quote inside a field.*\[E0544\]$')" 1
printf 'a,b\n1,"4\n2,3\n' >"$work/open.csv"
survei open open.csv
run check open
expect "open quote: located at the quote" "$(count '^open.csv:2:3: error: a quoted field is not closed before the end of the file \[E0544\]$')" 1

# a survey file that cannot be read stops eval, as an impor error does
survei gone tidak-ada.csv a
run eval gone
expect "unreadable: eval exit status 1" "$st" 1
expect "unreadable: E0530" "$(count 'E0530')" 1
expect "unreadable: no tables" "$(wc -c <"$work/out" | tr -d ' ')" 0

# 300 bad answers: 100 errors, then a note, and the file is not read further
python3 -c '
print("a")
print("\n".join("9" for i in range(300)))' >"$work/many.csv"
survei many many.csv a
run check many --max-errors=0
expect "many errors: 100 reported" "$(count '\[E0520\]')" 100
expect "many errors: then a note" "$(count '^many.csv:101:1: note: 100 errors in this file; the rest of it is not read \[E0199\]$')" 1

checks_done csv
