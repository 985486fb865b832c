#!/usr/bin/env python3
"""xlsx_check.py -- checks a workbook written by `sakip eval --format=xlsx`
against the same run's Markdown rendering (python3 standard library only).

    xlsx_check.py WORKBOOK MARKDOWN single|multi

Every cell of every sheet is compared with the display text sakip prints:
text cells must be equal, and a number cell rendered with its own number
format (decimals, grouping, "Rp " prefix; Indonesian notation) must give
the displayed figure -- the stored number rounds to sakip's figure.  Then
the layout: sheet names, number formats, frozen header row, column widths,
indentation of the budget tree, the title row and autofilter, every
formula evaluated here from the cells it names against the value cached
with it, and a few exact figures.  Prints one PASS:/FAIL: line per check.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP

M = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
NS = {'m': M}
from checks import check, summary, table_key


# ---- reading the workbook ----

def col_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


class Book:
    def __init__(self, path):
        self.z = zipfile.ZipFile(path)
        names = self.z.namelist()
        self.sst = []
        if 'xl/sharedStrings.xml' in names:
            root = ET.fromstring(self.z.read('xl/sharedStrings.xml'))
            for si in root.findall('m:si', NS):
                self.sst.append(''.join(t.text or '' for t in si.iter('{%s}t' % M)))
        styles = ET.fromstring(self.z.read('xl/styles.xml'))
        fmts = {0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00'}
        nf = styles.find('m:numFmts', NS)
        if nf is not None:
            for f in nf.findall('m:numFmt', NS):
                fmts[int(f.get('numFmtId'))] = f.get('formatCode')
        self.xf = []
        for xf in styles.find('m:cellXfs', NS).findall('m:xf', NS):
            al = xf.find('m:alignment', NS)
            self.xf.append({
                'fmt': fmts.get(int(xf.get('numFmtId', '0')), 'builtin'),
                'indent': int(al.get('indent', '0')) if al is not None else 0,
            })
        wb = ET.fromstring(self.z.read('xl/workbook.xml'))
        rels = ET.fromstring(self.z.read('xl/_rels/workbook.xml.rels'))
        target = {r.get('Id'): r.get('Target') for r in rels}
        self.sheets = []
        for s in wb.find('m:sheets', NS):
            self.sheets.append((s.get('name'), 'xl/' + target[s.get('{%s}id' % R)].lstrip('/').replace('xl/', '', 1)))
        self.core = self.z.read('docProps/core.xml').decode('utf-8')

    def names(self):
        return [n for n, _ in self.sheets]

    def sheet(self, name):
        path = dict(self.sheets)[name]
        root = ET.fromstring(self.z.read(path))
        cells = {}
        formulas = {}
        for row in root.iter('{%s}row' % M):
            r = int(row.get('r')) - 1
            for c in row.findall('m:c', NS):
                v = c.find('m:v', NS)
                f = c.find('m:f', NS)
                if f is not None:
                    formulas[(r, col_index(c.get('r')))] = f.text
                kind = c.get('t')
                style = self.xf[int(c.get('s', '0'))]
                if kind == 's':
                    val = self.sst[int(v.text)]
                elif kind == 'inlineStr':
                    val = ''.join(t.text or '' for t in c.iter('{%s}t' % M))
                    kind = 's'
                elif v is not None:
                    val = float(v.text)
                    kind = 'n'
                else:
                    continue
                cells[(r, col_index(c.get('r')))] = {'kind': kind, 'value': val, 'fmt': style['fmt'],
                                                     'indent': style['indent']}
        pane = root.find('.//m:sheetView/m:pane', NS)
        cols = root.find('m:cols', NS)
        widths = {}
        if cols is not None:
            for c in cols.findall('m:col', NS):
                for i in range(int(c.get('min')) - 1, int(c.get('max'))):
                    widths[i] = (float(c.get('width')), c.get('customWidth') == '1')
        pane = pane if pane is not None else {}
        head = int(pane.get('ySplit', '1')) - 1
        af = root.find('m:autoFilter', NS)
        return {'cells': cells, 'pane': pane, 'widths': widths, 'xml': root, 'formulas': formulas, 'head': head,
                'autofilter': af.get('ref') if af is not None else None}


def ref_rc(ref):
    m = re.fullmatch(r'([A-Z]+)(\d+)', ref)
    return int(m.group(2)) - 1, col_index(m.group(1))


def evaluate(formula, cells):
    """The value of one of the formulas sakip writes (SUM, AVERAGE, MIN,
    COUNTA, a/b*100) from the cells' stored values; None if not one."""
    def val(ref):
        c = cells.get(ref_rc(ref))
        return c['value'] if c and c['kind'] == 'n' else None
    m = re.fullmatch(r'SUM\(([A-Z0-9,]+)\)', formula)
    if m:
        vs = [val(x) for x in m.group(1).split(',')]
        return None if None in vs else sum(vs)
    m = re.fullmatch(r'([A-Z]+\d+)/([A-Z]+\d+)\*100', formula)
    if m:
        a, b = val(m.group(1)), val(m.group(2))
        return None if a is None or not b else a / b * 100
    m = re.fullmatch(r'COUNTA\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)', formula)
    if m:
        col, r0, r1 = col_index(m.group(1)), int(m.group(2)) - 1, int(m.group(4)) - 1
        return sum(1 for r in range(r0, r1 + 1) if (r, col) in cells)
    m = re.fullmatch(r'AVERAGE\((.*)\)', formula)
    if m:
        terms = []
        for t in m.group(1).split('),') if 'MIN(' in m.group(1) else m.group(1).split(','):
            mm = re.fullmatch(r'MIN\(([A-Z]+\d+),([0-9.]+)\)?', t)
            v = min(val(mm.group(1)), float(mm.group(2))) if mm else val(t)
            if v is None:
                return None
            terms.append(v)
        return sum(terms) / len(terms)
    return None


def render(value, fmt):
    """The text a spreadsheet shows for value under one of sakip's formats
    (Indonesian locale: '.' groups thousands, ',' separates decimals)."""
    sections = fmt.split(';')
    if len(sections) == 3:       # positive;negative;zero, the sign written literally
        fmt = sections[0] if value > 0 else sections[1] if value < 0 else sections[2]
        value = abs(value)
    elif len(sections) != 1:
        return None
    m = re.fullmatch(r'([+-]?)(?:"(Rp )")?(#,##0|0)(?:\.(0+))?', fmt)
    if not m:
        return None
    literal, prefix, grouping, dec = m.group(1), m.group(2) or '', m.group(3), len(m.group(4) or '')
    # a spreadsheet rounds the double's shortest decimal form half away from zero
    d = Decimal(repr(value)).quantize(Decimal(1).scaleb(-dec), rounding=ROUND_HALF_UP)
    sign = '-' if d < 0 else ''
    d = abs(d)
    text = '{:.{}f}'.format(d, dec)
    ip, _, fp = text.partition('.')
    if grouping == '#,##0':
        ip = '{:,}'.format(int(ip)).replace(',', '.')
    return literal + prefix + sign + ip + (',' + fp if dec else '')


# ---- reading the Markdown rendering ----

def md_tables(path):
    """[(instansi heading or None, title, headers, rows)] in order."""
    out = []
    heading = None
    lines = open(path, encoding='utf-8').read().split('\n')
    i = 0

    def cells(line):
        parts = re.split(r'(?<!\\)\|', line.strip())[1:-1]
        return [p.strip().replace('\\|', '|') for p in parts]

    while i < len(lines):
        ln = lines[i]
        if ln.startswith('## '):
            heading = ln[3:]
        m = re.fullmatch(r'\*\*(.*)\*\*', ln)
        if m and i + 2 < len(lines) and lines[i + 2].startswith('|'):
            title = m.group(1)
            headers = cells(lines[i + 2])
            rows = []
            i += 4
            while i < len(lines) and lines[i].startswith('|'):
                row = []
                for c in cells(lines[i]):
                    n = 0
                    while c.startswith('&nbsp;&nbsp;'):
                        c = c[12:]
                        n += 1
                    row.append((c, n))
                rows.append(row)
                i += 1
            out.append((heading, title, headers, rows))
            continue
        i += 1
    return out


def sheet_for(title):
    """The sheet a table goes to: its identifier, whatever its title."""
    return table_key(title)[:31]


def simulasi(path, want):
    """A what-if workbook: every sheet opens with a title row naming it a
    simulation and the what-ifs, above the frozen header row."""
    book = Book(path)
    bad = []
    for n in book.names():
        sh = book.sheet(n)
        a2 = sh['cells'].get((1, 0), {}).get('value', '')
        p = sh['pane']
        if not (a2.startswith('SIMULASI (andai)') and want in a2):
            bad.append('%s: A2 is %r' % (n, a2))
        if p.get('ySplit') != '3':
            bad.append('%s: frozen at %r' % (n, p.get('ySplit')))
    check(book.names() and not bad, 'every sheet has the what-if row under its title, above its frozen header',
          bad[:4])
    return summary('xlsx-check')


def escaped(path):
    """Formula-like text (tests/golden/cases/csv-formula-escaped) is stored
    with a leading ', numbers as numbers."""
    sh = Book(path).sheet('capaian_iku')
    vals = [c['value'] for c in sh['cells'].values()]
    for want in ('\'=HYPERLINK("http://contoh.invalid/","klik")', "'+cmd|' /C calc'!A0", "'@SUM(1)", "'=1+1"):
        check(want in vals, 'formula-like text stored as ' + want)
    check(not any(isinstance(v, str) and v[:1] in '=+@' for v in vals), 'no text cell starts with = + @')
    check(-50 in [c['value'] for c in sh['cells'].values() if c['kind'] == 'n'], 'a negative capaian stays a number')
    return summary('xlsx-check')


def main():
    if sys.argv[1] == 'escaped':
        return escaped(sys.argv[2])
    if sys.argv[1] == 'simulasi':
        return simulasi(sys.argv[2], sys.argv[3])
    try:
        book = Book(sys.argv[1])
    except Exception as e:          # not a workbook a spreadsheet could open
        check(False, 'the workbook is a readable zip of well-formed XML', e)
        return summary('xlsx-check')
    tables = md_tables(sys.argv[2])
    multi = sys.argv[3] == 'multi'

    want = []
    for _, title, _, _ in tables:
        if sheet_for(title) not in want:
            want.append(sheet_for(title))
    check(book.names() == want, 'one sheet per table: ' + ', '.join(want), book.names())
    core = ['capaian_iku', 'capaian_sasaran', 'anggaran', 'efisiensi', 'predikat', 'periksa'] + (['rekap'] if multi else [])
    check([n for n in book.names() if n in core] == core, 'sheets ' + ', '.join(core) + ' in this order',
          book.names())

    sheets = {n: book.sheet(n) for n in book.names()}

    # every cell against the display text
    rowpos = {n: sheets[n]['head'] + 1 for n in sheets}
    mismatches = []
    numbers = 0
    for heading, title, headers, rows in tables:
        name = sheet_for(title)
        if name not in sheets:
            mismatches.append('no sheet for table ' + title)
            continue
        sh = sheets[name]
        head = {}
        for (r, c), cell in sh['cells'].items():
            if r == sh['head']:
                head[cell['value']] = c
        inst = multi and name != 'rekap'
        for h in headers:
            if h not in head:
                mismatches.append('%s: no column %r' % (name, h))
        if inst and head.get('Instansi') != 0:
            mismatches.append('%s: first column is not Instansi' % name)
        for row in rows:
            r = rowpos[name]
            rowpos[name] += 1
            if inst:
                got = sh['cells'].get((r, 0))
                nama = heading.split(' — ')[0]
                if not got or got['value'] != nama:
                    mismatches.append('%s row %d: Instansi %r, want %r' % (name, r + 1, got and got['value'], nama))
            for h, (text, indent) in zip(headers, row):
                c = head.get(h)
                if c is None:
                    continue
                got = sh['cells'].get((r, c))
                where = '%s row %d column %r' % (name, r + 1, h)
                if text == '':
                    if got is not None:
                        mismatches.append('%s: %r, want empty' % (where, got['value']))
                    continue
                if got is None:
                    mismatches.append('%s: empty, want %r' % (where, text))
                elif got['kind'] == 'n' and '..' in text and (h + ' atas') in head:
                    # a range (80%..90%) is two number columns, H and "H atas" (sakip(5), ranges)
                    lo, hi = text.split('..', 1)
                    up = sh['cells'].get((r, head[h + ' atas']))
                    numbers += 2
                    for part, cell in ((lo, got), (hi, up)):
                        shown = cell and cell['kind'] == 'n' and render(cell['value'], cell['fmt'])
                        if not shown or shown != part.rstrip('%'):
                            mismatches.append('%s: range bound %r shows %r, sakip shows %r'
                                              % (where, cell and cell['value'], shown, part))
                elif got['kind'] == 'n':
                    numbers += 1
                    shown = render(got['value'], got['fmt'])
                    if shown is None or shown != text.rstrip('%'):
                        mismatches.append('%s: %r as %r shows %r, sakip shows %r'
                                          % (where, got['value'], got['fmt'], shown, text))
                elif got['value'] != text:
                    mismatches.append('%s: %r, want %r' % (where, got['value'], text))
                elif indent and got['indent'] != indent:
                    mismatches.append('%s: indent %d, want %d' % (where, got['indent'], indent))
    check(not mismatches, 'every cell shows sakip\'s display text (%d numbers rendered with their format)' % numbers,
          '; '.join(mismatches[:8]) + (' ...' if len(mismatches) > 8 else ''))
    check(numbers > 50, 'figures are stored as numbers', numbers)
    if 'tren' in sheets:
        changes = [c for (r, cc), c in sheets['tren']['cells'].items() if c['fmt'].startswith('+')]
        check(changes and all(c['kind'] == 'n' for c in changes), 'signed changes (+11,57) are numbers', len(changes))

    # layout of every sheet
    for name, sh in sheets.items():
        p = sh['pane']
        check(p.get('state') == 'frozen' and p.get('ySplit') == '2' and p.get('topLeftCell') == 'A3',
              name + ': title row, then the header row, frozen')
        a1 = sh['cells'].get((0, 0), {}).get('value', '')
        check(isinstance(a1, str) and (('Kecamatan Ambulu' in a1 and '2024' in a1) if not multi
                                       else 'Rekapitulasi' in a1), name + ': the title row names the instansi and year', a1)
        used = {c for (_, c) in sh['cells']}
        check(all(c in sh['widths'] and sh['widths'][c][1] for c in used), name + ': column widths set')
        hdr = [sh['cells'][k] for k in sorted(sh['cells']) if k[0] == 1]
        check(hdr and all(h['kind'] == 's' for h in hdr), name + ': header row of text')
        af = sh['autofilter']
        check(af and af.startswith('A2:'), name + ': an autofilter on the header row', af)

    # formulas: each, evaluated from the cells it names, gives its cached value
    wrong = []
    nformulas = 0
    for name, sh in sheets.items():
        for (r, c), f in sh['formulas'].items():
            nformulas += 1
            got = evaluate(f, sh['cells'])
            cached = sh['cells'].get((r, c), {}).get('value')
            if got is None or cached is None or abs(got - cached) > 1e-6 * max(1, abs(cached)):
                wrong.append('%s!%s: %s = %r, cached %r' % (name, (r, c), f, got, cached))
    check(nformulas > 0 and not wrong, '%d formulas give their cached values' % nformulas, wrong[:6])
    if 'anggaran' in sheets:
        fs = sheets['anggaran']['formulas']
        check(any(f.startswith('SUM(') for f in fs.values()) and any('*100' in f for f in fs.values()),
              'anggaran: sums and serapan are formulas', sorted(set(fs.values()))[:3])

    # exact figures
    def find(name, keycol, key, col):
        sh = sheets[name]
        head = {cell['value']: c for (r, c), cell in sh['cells'].items() if r == sh['head']}
        for (r, c), cell in sh['cells'].items():
            if c == head[keycol] and cell['value'] == key and r > sh['head']:
                return sh['cells'].get((r, head[col]))
        return None

    ikm = find('capaian_iku', 'Indikator', 'IKM', 'Capaian')
    check(ikm and ikm['kind'] == 'n' and abs(ikm['value'] - 101.987804878) < 1e-6,
          'capaian IKM stored as the number 101.9878...', ikm)
    check(ikm and ikm['fmt'] == '0.00', 'capaian format 0.00 (already on the 0-100 scale, no % format)',
          ikm and ikm['fmt'])
    p1 = find('anggaran', 'ID', 'P1', 'Anggaran')
    check(p1 and p1['kind'] == 'n' and p1['value'] == 2941063617, 'anggaran P1 stored as 2941063617', p1)
    check(p1 and p1['fmt'] == '"Rp "#,##0', 'rupiah format "Rp "#,##0', p1 and p1['fmt'])
    s1 = find('anggaran', 'ID', 'P1', 'Serapan')
    check(s1 and s1['kind'] == 'n' and abs(s1['value'] - 90.2058593247) < 1e-9, 'serapan P1 stored as 90.2058593247', s1)
    k = find('anggaran', 'ID', 'K1_1', 'Uraian')
    sk = find('anggaran', 'ID', 'SK1_1_1', 'Uraian')
    kk = find('anggaran', 'ID', 'SK1_1_1', 'ID')
    check(k and k['indent'] == 1 and sk and sk['indent'] == 2 and kk and kk['indent'] == 2,
          'budget tree indented by level (kegiatan 1, subkegiatan 2)',
          (k and k['indent'], sk and sk['indent']))
    no = find('capaian_iku', 'Indikator', 'IKM', 'No')
    check(no and no['kind'] == 'n' and no['value'] == 2 and no['fmt'] == '0', 'row numbers are integers', no)
    notes = [c['value'] for (r, _), c in sheets['capaian_iku']['cells'].items() if c['kind'] == 's']
    check(any('Rata-rata capaian indikator' in n for n in notes), 'notes under the table')
    check('Kecamatan Ambulu' in book.core or multi, 'document title names the instansi')
    if not multi:
        # the mean as a row of its own: Ambulu's `atur batas_rata = 100%` limits each capaian to 100
        ci = sheets['capaian_iku']
        lab = [r for (r, c), cell in ci['cells'].items() if cell['value'] == 'Rata-rata capaian indikator']
        head = {cell['value']: c for (r, c), cell in ci['cells'].items() if r == ci['head']}
        f = lab and ci['formulas'].get((lab[0], head['Capaian']))
        m = lab and ci['cells'].get((lab[0], head['Capaian']))
        check(f and f.startswith('AVERAGE(MIN(') and ',100)' in f and m and m['value'] == 100,
              'capaian_iku: the mean capaian is a row, AVERAGE(MIN(..., 100)) = 100', (f, m))

    if multi:
        kep = find('capaian_iku', 'Indikator', 'KEP', 'Capaian')
        # 80.99/81*100 = 99.98765..., `atur pembulatan = "bawah"` shows 99,98
        check(kep and kep['kind'] == 'n' and kep['value'] == 99.98,
              'rounding down: the figure as shown is stored (99.98)', kep)
        ars = find('capaian_iku', 'Indikator', 'ARS', 'Target')
        arsh = find('capaian_iku', 'Indikator', 'ARS', 'Target atas')
        check(ars and ars['kind'] == 'n' and ars['value'] == 80 and arsh and arsh['kind'] == 'n' and arsh['value'] == 90,
              'a range target is two numbers, Target 80 and Target atas 90', (ars, arsh))
        gaji = find('anggaran', 'ID', 'Q1_1_1', 'Realisasi')
        check(gaji and gaji['value'] == 1234567890.5 and gaji['fmt'] == '"Rp "#,##0.00',
              'rupiah with sen: "Rp "#,##0.00', gaji)
        h37 = [c['value'] for (r, _), c in sorted(sheets['predikat']['cells'].items()) if r == 1]
        check(h37 == ['Instansi', 'Sasaran', 'Nama sasaran', 'Indikator', 'Nama indikator', 'Capaian', 'Sangat Tinggi', 'Tinggi', 'Sedang', 'Rendah',
                      'Sangat Rendah', 'Baik Sekali', 'Baik', 'Cukup', 'Kurang'],
              'predikat: the bands of both skala as columns', h37)
        rk = sheets['rekap']['cells']
        names = [c['value'] for (r, cc), c in rk.items() if cc == 1 and r > 1]
        check(rk.get((1, 0), {}).get('value') == 'Peringkat' and 'Kecamatan Ambulu' in names
              and 'Dinas <Uji> & "Contoh"' in names, 'Rekap: a row per instansi', names)
        inst = {c['value'] for (r, cc), c in sheets['anggaran']['cells'].items() if cc == 0 and r > 1
                and c['kind'] == 's' and ': ' not in c['value']}
        check({'Kecamatan Ambulu', 'Dinas <Uji> & "Contoh"'} <= inst, 'rows of both instansi', inst)

    return summary('xlsx-check')


if __name__ == '__main__':
    sys.exit(main())
