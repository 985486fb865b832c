#!/bin/sh
# harnesses.sh -- the fuzzing harnesses (fuzz/fuzz_sakip.c, fuzz_repl.c,
# fuzz_csv.c, with fuzz/afl_driver.c as main), built by make check with the
# ordinary compiler, run over their seed corpora: the project's own inputs
# (fuzz/make-seeds), the structured ones (fuzz/gen-seeds: deep rule DAGs,
# wide CSVs, REPL sessions) and the minimised inputs of fuzz/crashes/.  A
# harness aborts on a failed assertion of the library, on `fmt` output
# that is not stable or does not parse, and on a control byte copied from
# a survey file into the diagnostics; under the sanitizer build it also
# stops on any memory error or leak.  Nothing is fuzzed here (and nothing
# is timed): this keeps the harnesses building and running between
# campaigns (issue #27).  SAKIP names the program; the harnesses are
# beside it in fuzz/.
set -u
: "${SAKIP:?}"
src=${srcdir:-.}
bin=$(dirname "$SAKIP")/fuzz
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-harness.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM HUP
. "$src/tests/checks.sh"

sh "$src/fuzz/make-seeds" "$src" "$work/sakip" "$work/repl" "$work/csv" >/dev/null
if command -v python3 >/dev/null 2>&1; then
    python3 "$src/fuzz/gen-seeds" "$work/sakip" "$work/repl" "$work/csv" >/dev/null
else
    skip "python3 missing: no structured seeds (fuzz/gen-seeds)"
fi
# fuzz/crashes/NAME is for the file harness, repl-NAME and csv-NAME for
# the others (README.md is its index)
for f in "$src"/fuzz/crashes/*; do
    case $(basename "$f") in
    README.md) ;;
    repl-*) cp "$f" "$work/repl/" ;;
    csv-*) cp "$f" "$work/csv/" ;;
    *) cp "$f" "$work/sakip/" ;;
    esac
done

# run HARNESS: every seed of its corpus in one process (its private
# directory under $work)
for h in sakip repl csv; do
    n=$(ls "$work/$h" | wc -l)
    if [ ! -x "$bin/harness-$h" ]; then
        bad "harness-$h was not built"
        continue
    fi
    (cd "$work" && TMPDIR=$work "$bin/harness-$h" "$work/$h"/* >"$work/$h.out" 2>&1)
    st=$?
    ran=$(grep -c '^running ' "$work/$h.out")
    if [ $st -eq 0 ] && [ "$ran" -eq "$n" ]; then
        ok "harness-$h: $n inputs"
    else
        bad "harness-$h: exit status $st after $ran of $n inputs"
        grep -v '^running ' "$work/$h.out" | head -30 | sed 's/^/    /'
        grep '^running ' "$work/$h.out" | tail -1 | sed 's/^/    last: /'
    fi
done
# the REPL and survey harnesses leave nothing behind them
left=$(find "$work" -maxdepth 1 -name 'sakip-fuzz-*' | wc -l)
[ "$left" -eq 0 ] && ok "no private directory left behind" || bad "$left private directories left behind"
checks_done harnesses
