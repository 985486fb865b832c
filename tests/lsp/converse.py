#!/usr/bin/env python3
"""tests/lsp/converse.py -- plays a JSON-RPC conversation with `sakip lsp`.

Usage: converse.py SAKIP SCRIPT WORKDIR

SCRIPT has one message per line: a JSON object, sent framed with its
Content-Length; or `RAW <python bytes literal>`, sent as it is (broken
framing); or `FILL N`, N filler bytes (the body of an oversized message).  `$DIR` in a message is replaced by WORKDIR (where the test put
its documents) and `"$TEXT:name"` by the JSON string of WORKDIR/name's
text, and `"$FILL:N"` by a string of N filler characters.  Every message the server writes is printed on a line of its own,
keys sorted, WORKDIR written back as $DIR, so the output can be compared
with an expected file.  Lines starting with '#' are comments.
"""
import ast
import json
import re
import subprocess
import sys
import tempfile


def main():
    sakip, script, workdir = sys.argv[1:4]
    data = b""
    with open(script, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if line.startswith("RAW "):
                data += ast.literal_eval(line[4:])
                continue
            if line.startswith("FILL "):   # FILL N: N bytes of filler (a body too large to write out)
                data += b"x" * int(line[5:])
                continue
            line = line.replace("$DIR", workdir)
            def text_of(m):
                with open(workdir + "/" + m.group(1), encoding="utf-8") as t:
                    return json.dumps(t.read())
            line = re.sub(r'"\$TEXT:([^"]+)"', text_of, line)
            line = re.sub(r'"\$FILL:(\d+)"', lambda m: '"' + "x" * int(m.group(1)) + '"', line)
            body = json.dumps(json.loads(line)).encode()
            data += b"Content-Length: %d\r\n\r\n" % len(body) + body
    # the whole conversation is in a file before the server starts, so
    # what it can read ahead (and so the order of its answers to framing
    # errors and requests, and which cancels arrive in time) does not
    # depend on how fast this script writes
    with tempfile.TemporaryFile() as f:
        f.write(data)
        f.seek(0)
        p = subprocess.run([sakip, "lsp"], stdin=f, stdout=subprocess.PIPE, timeout=60)
    out = p.stdout
    pos = 0
    while pos < len(out):
        m = re.match(rb"Content-Length: (\d+)\r\n\r\n", out[pos:])
        if not m:
            print("BAD FRAME:", out[pos:pos + 80])
            break
        n = int(m.group(1))
        body = out[pos + m.end():pos + m.end() + n]
        pos += m.end() + n
        text = json.dumps(json.loads(body), sort_keys=True, ensure_ascii=False)
        print(text.replace(workdir, "$DIR"))
    print("exit", p.returncode)


main()
