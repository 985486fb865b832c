#!/bin/sh
# http.sh -- `sakip serve` at the HTTP level (http_test.py): status codes,
# Host check, token, traversal, bounds, what-ifs of several clients,
# downloads, scenarios, live reload, graceful stop.  Loopback only.
set -u
: "${SAKIP:?}" "${srcdir:=.}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed: skipped"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-serve.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
timeout 300 python3 "$srcdir/tests/serve/http_test.py" "$srcdir" "$work"
