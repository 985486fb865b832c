#!/bin/sh
# browser.sh -- `sakip serve` in Debian's Chromium, driven by puppeteer-core
# (browser.js): overview, Ambulu, a what-if and its undo.  puppeteer-core
# is installed outside the source tree by `tools/install-deps --test`
# into $SAKIP_PUPPETEER_DIR (default ~/.cache/sakip-puppeteer).  Skipped
# (77) when node, Chromium or puppeteer-core is missing.
# SAKIP_SCREENSHOTS=DIR keeps the screenshots (doc/serve-*.png).
set -u
: "${SAKIP:?}" "${srcdir:=.}"
pdir=${SAKIP_PUPPETEER_DIR:-${HOME:-/root}/.cache/sakip-puppeteer}
command -v node >/dev/null 2>&1 || { echo "node not installed (Debian package 'nodejs'): skipped"; exit 77; }
chrome=""
for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then chrome=$(command -v "$c"); break; fi
done
[ -n "$chrome" ] || { echo "chromium not installed: skipped"; exit 77; }
[ -f "$pdir/node_modules/puppeteer-core/package.json" ] ||
    { echo "puppeteer-core not in $pdir (sh tools/install-deps --test): skipped"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-browser.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
HOME=$work timeout 180 node "$srcdir/tests/serve/browser.js" "$pdir" "$chrome" "$SAKIP" "$srcdir" \
    "${SAKIP_SCREENSHOTS:-}"
