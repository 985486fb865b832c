# checks.sh -- sourced by the shell tests that make many checks in one
# run: counters, one line per check, and the summary that is the test's
# exit status.  The test sets its own temporary directory and cleanup.
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
skip() { echo "SKIP: $1"; }
# checks_done NAME: prints the counts; the test ends with its status.
checks_done() {
    echo "$1: $pass passed, $fail failed"
    [ $fail -eq 0 ]
}
