#!/usr/bin/env python3
"""regen-manual.py -- refresh the generated blocks of doc/sakip.texi.

The blocks between "@c BEGIN-GENERATED NAME" and "@c END-GENERATED NAME"
are copies of doc/diagnostics.md, doc/limits.md and doc/decisions.md and
real output of ./sakip on examples/ambulu-2024.sakip and
examples/tutorial.sakip.  Run from the top of a built tree (or give it as
the argument) after those change:

    python3 tests/editors/regen-manual.py [TOP]

Then check the result with tests/editors/texinfo.sh (and
tests/editors/tutorial.sh, which fails while the tutorial's blocks are
stale).  Not a test itself.
"""
import re, subprocess, sys, os
root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
texi_path = os.path.join(root, 'doc/sakip.texi')
texi = open(texi_path, encoding='utf-8').read()

def esc(s):
    return s.replace('@', '@@').replace('{', '@{').replace('}', '@}')

def inline(s):
    codes = []
    def keep(m):
        codes.append('@code{' + esc(m.group(1)) + '}')
        return '\x00%d\x00' % (len(codes) - 1)
    s = re.sub(r'`([^`]*)`', keep, s)
    s = esc(s)
    s = re.sub(r'\*\*(.+?)\*\*', r'@strong{\1}', s)
    s = re.sub(r'(?<![*\w])\*([^*\s][^*]*?)\*(?![\w*])', r'@emph{\1}', s)
    s = s.replace('...', '@dots{}')
    return re.sub('\x00(\\d+)\x00', lambda m: codes[int(m.group(1))], s)

def md_table(lines):
    rows = []
    for l in lines:
        l = l.strip()
        if not l.startswith('|'):
            continue
        cells = [c.strip() for c in l.strip('|').split('|')]
        if all(re.fullmatch(r':?-+:?', c) for c in cells):
            continue
        rows.append(cells)
    return rows

def section(md, heading):
    m = re.search(r'^## ' + re.escape(heading) + r'\n(.*?)(?=^## |\Z)', md, re.S | re.M)
    return m.group(1) if m else ''

def replace_block(name, body):
    global texi
    pat = re.compile(r'(@c BEGIN-GENERATED ' + re.escape(name) + r'\n).*?(@c END-GENERATED ' + re.escape(name) + r'\n)', re.S)
    if not pat.search(texi):
        sys.exit('no block ' + name)
    texi = pat.sub(lambda m: m.group(1) + body + m.group(2), texi)

def example(text):
    return '@example\n' + esc(text.rstrip('\n')) + '\n@end example\n'

# ---- diagnostics
diag = open(os.path.join(root, 'doc/diagnostics.md'), encoding='utf-8').read()
rows = md_table(section(diag, 'Codes').splitlines())
body = '@table @code\n'
for code, level, meaning in rows[1:]:
    code = code.strip('`')
    body += '@item %s\n@cindex %s\n@r{(%s)} %s\n' % (code, code, level, inline(meaning))
body += '@end table\n'
replace_block('diagnostics', body)

# ---- limits
lim = open(os.path.join(root, 'doc/limits.md'), encoding='utf-8').read()
rows = md_table(lim.splitlines())
body = '@multitable @columnfractions .45 .3 .25\n@headitem What @tab Limit @tab Diagnostic\n'
for r in rows[1:]:
    body += '@item ' + ' @tab '.join(inline(c) for c in r) + '\n'
body += '@end multitable\n'
replace_block('limits', body)

# ---- decisions
dec = open(os.path.join(root, 'doc/decisions.md'), encoding='utf-8').read()
body = ''
for m in re.finditer(r'^## ([^\n]+)\n(.*?)(?=^## |\Z)', dec, re.S | re.M):
    title, text = m.group(1).strip(), m.group(2)
    body += '@heading ' + inline(title) + '\n\n@itemize @bullet\n'
    items = re.split(r'^\* ', text.strip(), flags=re.M)
    for it in items:
        it = it.strip()
        if not it:
            continue
        it = ' '.join(l.strip() for l in it.splitlines())
        body += '@item\n' + inline(it) + '\n'
    body += '@end itemize\n\n'
replace_block('decisions', body)

# ---- real output of the tutorial
sakip = os.path.join(root, 'sakip')
ex = 'examples/ambulu-2024.sakip'
r = subprocess.run([sakip, 'check', ex], cwd=root, capture_output=True, text=True,
                   env=dict(os.environ, NO_COLOR='1'))
err = r.stderr.splitlines()
def diag_block(lines, start):
    out = [lines[start]]
    for l in lines[start + 1:]:
        if re.match(r'^\S+:\d+:\d+: ', l):
            break
        out.append(l)
    return out
first_warn = next(i for i, l in enumerate(err) if ': warning: ' in l)
first_err = next(i for i, l in enumerate(err) if ': error: ' in l and 'capaian(SAKIP)' in l)
w = diag_block(err, first_warn)
# shorten the long quoted sasaran name
w = [re.sub(r'"Meningkatnya penataan organisasi[^"]*"', '"Meningkatnya penataan organisasi ..."', l) for l in w]
e = diag_block(err, first_err)
replace_block('check-excerpt', example('\n'.join(w + e)))

r = subprocess.run([sakip, 'eval', ex], cwd=root, capture_output=True, text=True)
out = r.stdout
t32 = out[:out.index('\nTabel 3.8')]
replace_block('eval-tables', example(t32))
m = re.search(r'^Tabel 3\.6.*?(?=\n\n)', out, re.S | re.M)
replace_block('eval-tables-2', example(m.group(0)))

open(texi_path, 'w', encoding='utf-8').write(texi)
print('ok')

# ---- REPL sessions (script mode; a text literal separates the answers)
def repl(statements, keep=None):
    mark = '@@MARK@@'
    feed = ''.join(st + '\n"' + mark + '"\n' for st in statements)
    r = subprocess.run([sakip, 'repl', ex], cwd=root, input=feed, capture_output=True, text=True)
    answers = r.stdout.split(mark + '\n')
    out = []
    for k, st in enumerate(statements):
        lines = answers[k].rstrip('\n').split('\n') if k < len(answers) else []
        if keep and st in keep:
            lines = keep[st](lines)
        out.append('sakip> ' + st)
        out.extend(lines)
    return '\n'.join(out)

texi = open(texi_path, encoding='utf-8').read()
replace_block('repl-basic', example(repl(['capaian(IKM)', 'predikat(IKM)', 'serapan(S3)', 'efisiensi(S5)'])))
replace_block('repl-jelaskan', example(repl(['jelaskan capaian(TRANTIB)', 'jelaskan nilai_sakip(LHE2024)'])))
def short_diff(lines):
    out, in_periksa, shown = [], False, 0
    for l in lines:
        if l == 'periksa':
            in_periksa = True
            out.append(l)
            continue
        if in_periksa and (l.startswith('  baris') or l.startswith('  line')):
            shown += 1
            if shown <= 3:
                out.append(l)
            elif shown == 4:
                out.append('  ...')
            continue
        out.append(l)
    return out
def first_line(lines):
    return lines[:1] + ['...']
def trim_long(lines):
    return [re.sub(r'^(S2 Meningkatnya Kepuasan Masyarakat).*', r'\1 ...', l) for l in lines]
replace_block('repl-andai', example(repl(
    ['andai realisasi IKM 2024 = 70', 'efisiensi(S2)', 'batal'],
    {'andai realisasi IKM 2024 = 70': lambda ls: trim_long(short_diff(ls)),
     'batal': first_line})))
open(texi_path, 'w', encoding='utf-8').write(texi)
print('repl ok')

# ---- counts of the example
texi = open(texi_path, encoding='utf-8').read()
r = subprocess.run([sakip, 'eval', ex], cwd=root, capture_output=True, text=True)
m = re.search(r'^(\d+) klaim: (\d+) benar, (\d+) salah', r.stdout, re.M)
replace_block('counts', '@set CLAIMS %s\n@set FAILING %s\n' % (m.group(1), m.group(3)))
open(texi_path, 'w', encoding='utf-8').write(texi)
print('counts', m.group(1), m.group(3))

# ---- the first tutorial (examples/tutorial.sakip)
texi = open(texi_path, encoding='utf-8').read()
tut = 'examples/tutorial.sakip'
r = subprocess.run([sakip, 'check', tut], cwd=root, capture_output=True, text=True,
                   env=dict(os.environ, NO_COLOR='1'))
replace_block('tutorial-check', example(r.stderr))
r = subprocess.run([sakip, 'eval', tut], cwd=root, capture_output=True, text=True)
out = r.stdout
replace_block('tutorial-eval', example(out[:out.index('\n\nRealisasi per tahun')]))
m = re.search(r'^Efisiensi penggunaan.*?(?=\n\n)', out, re.S | re.M)
replace_block('tutorial-eval-2', example(m.group(0)))
open(texi_path, 'w', encoding='utf-8').write(texi)
print('tutorial ok')
