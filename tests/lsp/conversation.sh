#!/bin/sh
# tests/lsp/conversation.sh -- golden JSON-RPC conversations with `sakip lsp`.
#
# Each tests/lsp/NAME.jsonl is played by converse.py against the server
# (its documents copied into a temporary folder first) and the messages
# the server writes are compared with NAME.expected, line for line:
#   conversation: initialize, open, code action, incremental edit,
#     diagnostics, hover, inlay hints, completion, signature help,
#     formatting, definition, references, symbols, shutdown, exit;
#   errors: malformed messages (bad JSON, wrong types, a huge
#     Content-Length, requests before initialize and after shutdown,
#     cancellation) each answered with a JSON-RPC error, never a crash.
# The expected figures are worked out by hand in NAME.expected's notes
# (tests/lsp/README).
# Environment: SAKIP (the program), srcdir (the source tree).
# Exit status: 0 all passed, 1 a conversation differed, 77 no python3.

: "${srcdir:=.}"
: "${SAKIP:=./sakip}"
command -v python3 >/dev/null 2>&1 || { echo "lsp: python3 not found; skipped"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sakip-lsp.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' 0
trap 'exit 1' 1 2 13 15

status=0
for script in "$srcdir"/tests/lsp/*.jsonl; do
    name=$(basename "$script" .jsonl)
    rm -rf "$tmp/w" && mkdir "$tmp/w" && cp "$srcdir/tests/lsp/doc.sakip" "$srcdir"/tests/lsp/ws/*.sakip "$tmp/w/"
    # links in the workspace folder: 30 to the folder itself (followed,
    # they made the scan 30^5 folders) and a dangling one named .sakip;
    # neither adds a file, so the expected answers do not change
    i=1
    while [ $i -le 30 ]; do ln -s . "$tmp/w/l$i"; i=$((i + 1)); done
    ln -s "$tmp/nonexistent" "$tmp/w/dangling.sakip"
    if ! python3 "$srcdir/tests/lsp/converse.py" "$SAKIP" "$script" "$tmp/w" >"$tmp/$name.out" 2>"$tmp/$name.err"; then
        echo "FAIL: $name: the conversation did not run"; cat "$tmp/$name.err"; status=1; continue
    fi
    if diff -u "$srcdir/tests/lsp/$name.expected" "$tmp/$name.out"; then
        echo "PASS: $name"
    else
        echo "FAIL: $name"; status=1
    fi
done
exit $status
