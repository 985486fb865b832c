#!/bin/sh
# doc-lines.sh -- every place in the documentation that cites a line of an
# example file must still point at what it says is there.
#
# Read: doc/sakip.1.in, doc/sakip.5.in (the sources: distcheck builds the
# pages elsewhere), doc/sakip.texi, doc/*.md and
# examples/README.  The citations, and what is checked for each:
#
#   FILE:LINE:COL: LEVEL: MESSAGE     (a diagnostic shown as sakip prints it;
#                                      the message may go on, indented, on
#                                      the next lines, as the man page folds it)
#       'sakip check FILE' must report LEVEL at LINE:COL with that MESSAGE.
#    LINE | SOURCE                    (the quoted source line under it)
#       line LINE of FILE must be SOURCE ("..." stands for any text).
#   TEXT   [FILE:LINE]                (jelaskan, showing where a value comes from)
#       line LINE must hold TEXT's name and numbers, or its rumus.
#   line LINE CLAIM: ...              (andai, listing the claims that flip)
#       line LINE of the example the text last named must be 'periksa CLAIM'.
#   the findings table of examples/README (its last column: line numbers)
#       every line listed must be a claim that 'sakip check' reports as
#       failing (E0801), and together they must be all of them.
#
# Any other 'FILE.sakip:N' or 'line N' in these documents is an error too,
# so that a new kind of citation gets a check.  Exit 77 (skip) without
# python3.
set -u
name=doc-lines
: "${srcdir:=.}"
: "${SAKIP:=./sakip}"
case $SAKIP in /*) ;; *) SAKIP=$(pwd)/$SAKIP ;; esac
if ! command -v python3 >/dev/null 2>&1; then
    echo "$name: python3 not found; skipped"
    exit 77
fi
if [ ! -x "$SAKIP" ]; then
    echo "$name: SAKIP ($SAKIP) is not an executable"
    exit 1
fi
top=$(cd "$srcdir" && pwd)
exec python3 - "$top" "$SAKIP" <<'PY'
import glob, os, re, subprocess, sys

top, sakip = sys.argv[1], sys.argv[2]
name = "doc-lines"
passed = failed = 0

def ok(msg):
    global passed
    passed += 1
    print("PASS: " + msg)

def bad(msg):
    global failed
    failed += 1
    print("FAIL: " + msg)

def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()

def untexi(s):
    s = s.replace("@dots{}", "...").replace("@result{}", "=>")
    return s.replace("@{", "{").replace("@}", "}").replace("@@", "@")

def unroff(s):
    for a, b in (("\\-", "-"), ("\\&", ""), ("\\(aq", "'"), ("\\(dq", '"'), ("\\e", "\\")):
        s = s.replace(a, b)
    return s

def resolve(file):
    """An example file named in a document: as a path from the top of the
    tree, or, as the man page writes it, a name in examples/."""
    for cand in (file, os.path.join("examples", file)):
        if os.path.isfile(os.path.join(top, cand)):
            return cand
    return None

lines_of = {}
def source(file):
    if file not in lines_of:
        lines_of[file] = read(os.path.join(top, file)).split("\n")
    return lines_of[file]

checked = {}
def diagnostics(file):
    """(line, column, level) -> [message] of 'sakip check FILE'."""
    if file not in checked:
        r = subprocess.run([sakip, "check", file], cwd=top, capture_output=True, text=True,
                           env=dict(os.environ, NO_COLOR="1", LC_ALL="C", LANGUAGE=""))
        d = {}
        for l in r.stderr.split("\n"):
            m = re.match(r"^(.*?):(\d+):(\d+): (error|warning|note): (.*)$", l)
            if m and m.group(1) == file:
                d.setdefault((int(m.group(2)), int(m.group(3)), m.group(4)), []).append(m.group(5))
        checked[file] = d
    return checked[file]

def norm(s):
    return " ".join(s.split())

documents = [("doc/sakip.1.in", unroff), ("doc/sakip.5.in", unroff), ("doc/sakip.texi", untexi)]
documents += [(os.path.relpath(p, top), lambda s: s) for p in sorted(glob.glob(os.path.join(top, "doc", "*.md")))]
documents += [("examples/README", lambda s: s)]

cite_any = re.compile(r"([\w./-]+\.sakip):(\d+)|\bline (\d+)\b")
total = 0
for doc, clean in documents:
    text = [clean(l) for l in read(os.path.join(top, doc)).split("\n")]
    handled = set()   # (index of the document line, start of the match)
    last_file = None  # the example the text last named
    last_diag = None  # (file) of the diagnostic whose source lines follow
    i = 0
    while i < len(text):
        l = text[i]
        # --- a diagnostic: FILE:LINE:COL: LEVEL: MESSAGE, maybe folded
        m = re.match(r"^([\w./-]+\.sakip):(\d+):(\d+): (error|warning|note): (.*)$", l)
        if m:
            handled.add((i, m.start(1)))
            file = resolve(m.group(1))
            n, col, level = int(m.group(2)), int(m.group(3)), m.group(4)
            msg = m.group(5)
            j = i + 1
            while j < len(text) and re.match(r"^\s+\S", text[j]) and not re.match(r"^\s*(\d+\s*)?\|", text[j]):
                msg += " " + text[j]
                j += 1
            total += 1
            if file is None:
                bad("%s:%d: cites %s, which is not in the tree" % (doc, i + 1, m.group(1)))
            else:
                got = diagnostics(file).get((n, col, level), [])
                if any(norm(g) == norm(msg) for g in got):
                    ok("%s:%d: %s:%d:%d is the %s %s" % (doc, i + 1, file, n, col, level, norm(msg)[:50]))
                else:
                    bad("%s:%d: sakip check %s reports no %s '%s' at %d:%d (there: %s)"
                        % (doc, i + 1, file, level, norm(msg), n, col, got or "nothing"))
            last_diag = file
            last_file = file or last_file
            i += 1
            continue
        # --- the source line quoted under a diagnostic:  N | TEXT
        m = re.match(r"^\s*(\d+) \| (.*)$", l)
        if m and last_diag:
            n, quoted = int(m.group(1)), m.group(2)
            have = source(last_diag)[n - 1] if 0 < n <= len(source(last_diag)) else None
            pattern = ".*".join(re.escape(p) for p in quoted.split("..."))
            total += 1
            if have is not None and re.fullmatch(pattern, have.rstrip()):
                ok("%s:%d: line %d of %s is %s" % (doc, i + 1, n, last_diag, quoted[:50]))
            else:
                bad("%s:%d: line %d of %s is %r, not %r" % (doc, i + 1, n, last_diag, have, quoted))
            i += 1
            continue
        if not re.match(r"^\s*\|", l) and not l.startswith("help: "):
            last_diag = None
        # --- jelaskan: TEXT   [FILE:LINE]
        for m in re.finditer(r"\[([\w./-]+\.sakip):(\d+)\]", l):
            handled.add((i, m.start(1)))
            file, n = resolve(m.group(1)), int(m.group(2))
            left = l[:m.start()].strip()
            total += 1
            if file is None or not 0 < n <= len(source(file)):
                bad("%s:%d: no line %d in %s" % (doc, i + 1, n, m.group(1)))
                continue
            have = source(file)[n - 1]
            mm = re.search(r"rumus: (.*?)(?:\s{2,}|$)", left)
            if mm:
                want = [mm.group(1).strip()]
            else:
                want = [re.match(r"[A-Za-z_]\w*", left).group(0)]
                # the numbers, in the file's notation (83,63 -> 83.63)
                want += [x.replace(",", ".") for x in re.findall(r"\d+(?:,\d+)?", left)]
            missing = [w for w in want if w not in have]
            if not missing:
                ok("%s:%d: line %d of %s holds %s" % (doc, i + 1, n, file, " ".join(want)))
            else:
                bad("%s:%d: line %d of %s (%r) lacks %s" % (doc, i + 1, n, file, have.strip(), missing))
        # --- andai: line N CLAIM: old -> new
        m = re.match(r"^\s*line (\d+) (.*): \S+ (?:→|->) \S+$", l)
        if m:
            handled.add((i, m.start(1) - 5))
            n, claim = int(m.group(1)), m.group(2)
            total += 1
            if last_file is None:
                bad("%s:%d: 'line %d' but no example file named before it" % (doc, i + 1, n))
            else:
                have = source(last_file)[n - 1] if 0 < n <= len(source(last_file)) else ""
                if re.match(r"^\s*periksa\s+" + re.escape(claim) + r"(\s|$)", have):
                    ok("%s:%d: line %d of %s is periksa %s" % (doc, i + 1, n, last_file, claim))
                else:
                    bad("%s:%d: line %d of %s is %r, not 'periksa %s'" % (doc, i + 1, n, last_file, have, claim))
        # the example the text names last (for 'line N' citations after it)
        for m in re.finditer(r"([\w./-]+\.sakip)\b", l):
            f = resolve(m.group(1))
            if f:
                last_file = f
        i += 1

    # --- examples/README: the findings table
    if doc == "examples/README":
        body = "\n".join(text)
        sect = re.search(r"^#+ Findings.*?\n(.*?)(?=^#)", body, re.S | re.M)
        listed = []
        if sect:
            for row in sect.group(1).split("\n"):
                if re.match(r"^\| \d+ \|", row):
                    cell = row.strip().strip("|").split("|")[-1]
                    listed += [int(x) for x in re.findall(r"\b\d{2,4}\b", cell.split("(")[0])]
            for k, row in enumerate(text):
                if sect and re.match(r"^\| \d+ \|", row):
                    for m in re.finditer(r"\b\d{2,4}\b", row.strip().strip("|").split("|")[-1]):
                        handled.add((k, -1))
        failing = sorted(n for (n, c, lv), msgs in diagnostics("examples/ambulu-2024.sakip").items()
                         for g in msgs if lv == "error" and g.endswith("[E0801]"))
        total += 1
        if not listed:
            bad("examples/README: no findings table with line numbers")
        elif sorted(listed) == failing:
            ok("examples/README: the findings list the %d failing claims of examples/ambulu-2024.sakip at their lines"
               % len(listed))
        else:
            bad("examples/README: the findings list lines %s; the failing claims are at %s"
                % (sorted(set(listed) - set(failing)), sorted(set(failing) - set(listed))))

    # --- anything that looks like a citation and was not checked
    for k, row in enumerate(text):
        for m in cite_any.finditer(row):
            start = m.start(1) if m.group(1) else m.start()
            if (k, start) in handled or (k, -1) in handled:
                continue
            if m.group(1) and not re.match(r"^\d", m.group(2)):
                continue
            bad("%s:%d: a citation this test does not understand: %r" % (doc, k + 1, m.group(0)))

if total < 10:
    bad("only %d citations found" % total)
print("%s: %d passed, %d failed" % (name, passed, failed))
sys.exit(1 if failed else 0)
PY
