# keywords.awk -- fills the keyword lists of an editor file (or of the
# bash completion) from the keyword table, src/keywords.def.
#
#   awk -v style=STYLE -f editors/keywords.awk src/keywords.def FILE.in >FILE
#
# Each @KW(SELECTOR ...)@ in FILE.in becomes the spellings of the rows
# whose class or one of whose flags is a SELECTOR, in the table's order,
# joined as STYLE says: words (a b), quoted ("a" "b") or alt (a|b).
# With warnings="W0505 W0506 ..." (the codes of doc/diagnostics.md), each
# @WARNINGS@ becomes those codes, for the completions of --no-warn.
# Makefile.am runs it at build time.
FNR == NR {
    if ($0 ~ /^KW\(/) {
        row = $0
        sub(/^KW\(/, "", row)
        sub(/\)[ \t]*$/, "", row)
        split(row, field, /,[ \t]*/)
        gsub(/"/, "", field[2])
        flags = field[4]
        gsub(/[ \t|]+/, " ", flags)
        n++
        word[n] = field[2]
        tags[n] = " " field[3] " " flags " "
    }
    next
}
{
    line = $0
    out = ""
    if (index(line, "@WARNINGS@")) {
        if (warnings == "") {
            print "keywords.awk: @WARNINGS@ but no warnings=" >"/dev/stderr"
            exit 1
        }
        gsub(/@WARNINGS@/, warnings, line)
    }
    while (match(line, /@KW\([A-Z_ ]+\)@/)) {
        nsel = split(substr(line, RSTART + 4, RLENGTH - 6), sel, / +/)
        list = ""
        for (i = 1; i <= n; i++) {
            for (j = 1; j <= nsel; j++) {
                if (index(tags[i], " " sel[j] " ")) {
                    w = style == "quoted" ? "\"" word[i] "\"" : word[i]
                    list = list == "" ? w : list (style == "alt" ? "|" : " ") w
                    break
                }
            }
        }
        if (list == "") {
            printf "keywords.awk: no keyword is %s\n", substr(line, RSTART, RLENGTH) >"/dev/stderr"
            exit 1
        }
        out = out substr(line, 1, RSTART - 1) list
        line = substr(line, RSTART + RLENGTH)
    }
    print out line
}
