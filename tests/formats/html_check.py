#!/usr/bin/env python3
"""html_check.py -- checks a page written by `sakip eval --format=html`
(python3 standard library only).

    html_check.py page PAGE.html MARKDOWN single|multi|en
        the page itself: self-contained (no script, no external load),
        escaped, well-formed SVG charts whose printed figures are the ones
        sakip's tables show (taken from the Markdown rendering of the
        same run), print layout.
    html_check.py dom DOM.html PAGE.html
        the DOM Chromium built (--dump-dom) holds every chart of the page.
    html_check.py pdf FILE.pdf
        every page of Chromium's print is A4 landscape.

Prints one PASS:/FAIL: line per check and a count.
"""
import re
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
from checks import check, summary, table_key


def md_tables(path):
    """{title prefix: [(headers, rows)]} from sakip's Markdown output."""
    out = {}
    lines = open(path, encoding='utf-8').read().split('\n')
    i = 0
    while i < len(lines):
        m = re.fullmatch(r'\*\*(.*)\*\*', lines[i])
        if m and i + 2 < len(lines) and lines[i + 2].startswith('|'):
            def cells(line):
                return [c.strip().replace('\\|', '|').replace('&nbsp;', '')
                        for c in re.split(r'(?<!\\)\|', line.strip())[1:-1]]
            headers = cells(lines[i + 2])
            rows = []
            i += 4
            while i < len(lines) and lines[i].startswith('|'):
                rows.append(dict(zip(headers, cells(lines[i]))))
                i += 1
            key = table_key(m.group(1))
            out.setdefault(key, []).append(rows)
            continue
        i += 1
    return out


def svgs(html):
    """[(class, element)] for every inline <svg>, parsed as XML."""
    out = []
    for m in re.finditer(r'<svg\b.*?</svg>', html, re.S):
        frag = m.group(0)
        try:
            el = ET.fromstring(frag)
        except ET.ParseError as e:
            out.append(('unparsable: %s' % e, None))
            continue
        out.append((el.get('class', ''), el))
    return out


def texts(el):
    return [''.join(t.itertext()) for t in el.iter(SVG + 'text')]


def page(path, md, mode):
    html = open(path, encoding='utf-8').read()
    tables = md_tables(md)
    multi = mode == 'multi'

    check(html.startswith('<!DOCTYPE html>') and html.rstrip().endswith('</html>'), 'a complete HTML document')
    check(not re.search(r'<script', html, re.I), 'no <script')
    ext = re.findall(r'''(?:\b(?:src|href|xlink:href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]*)''', html, re.I)
    ext += re.findall(r'''url\(\s*["']?\s*(?:https?:)?//[^)]*\)''', html, re.I)
    ext += re.findall(r'@import', html, re.I)
    check(not ext, 'no external resource (src=/href=/url()/@import to http:// or https://)', ext[:5])
    check(not re.search(r'\b(?:src|href)\s*=', html, re.I), 'no src= or href= at all')
    check(re.search(r'''<meta http-equiv="Content-Security-Policy" content="default-src 'none';''', html) is not None,
          'a Content-Security-Policy forbidding every load')
    check(re.search(r'@media print\{@page\{size:A4 landscape', html) is not None, '@media print for A4 landscape')

    charts = svgs(html)
    bad = [c for c, e in charts if e is None]
    check(not bad, 'every inline SVG is well-formed XML (%d)' % len(charts), bad[:3])
    by = {}
    for cls, el in charts:
        if el is not None:
            for c in cls.split():
                by.setdefault(c, []).append(el)
    units = 2 if multi else 1
    nind = sum(len(rows) for rows in tables.get('capaian_iku', []))
    check(len(by.get('capaian', [])) == units, 'one capaian chart per instansi', len(by.get('capaian', [])))
    check(len(by.get('efisiensi', [])) == units, 'one efisiensi chart per instansi', len(by.get('efisiensi', [])))
    check(len(by.get('anggaran', [])) == units, 'one budget chart per instansi', len(by.get('anggaran', [])))
    check(len(by.get('tren', [])) == nind and nind > 0, 'one trend chart per indikator (%d)' % nind,
          len(by.get('tren', [])))

    # every figure printed on a chart is the one the tables print
    t32 = tables['capaian_iku']
    t38 = tables['anggaran']
    t36 = tables['efisiensi']
    missing = []
    for u in range(units):
        cap = texts(by['capaian'][u])
        for row in t32[u]:
            if row['Capaian'] not in cap:
                missing.append('capaian chart: %s %s' % (row['Indikator'], row['Capaian']))
        ang = texts(by['anggaran'][u])
        for row in t38[u]:
            if row['ID'] == 'Jumlah' or row['ID'].count('_') > 1:
                continue          # the total and subkegiatan are not drawn
            want = '%s / %s  (%s)' % (row['Realisasi'], row['Anggaran'], row['Serapan'])
            if want not in ang:
                missing.append('budget chart: %s %r' % (row['ID'], want))
        eff = texts(by['efisiensi'][u])
        for row in t36[u]:
            for col in ('Capaian', 'Serapan', 'Efisiensi'):
                if row[col] not in eff:
                    missing.append('efisiensi chart: %s %s %s' % (row['Sasaran'], col, row[col]))
    tren = {}
    for el in by.get('tren', []):
        tt = texts(el)
        tren[tt[0]] = (el, tt)
    for rows in t32:
        for row in rows:
            el, tt = tren.get(row['Indikator'], (None, []))
            for col in ('Target', 'Realisasi', 'Target akhir'):
                if row[col] != '-' and row[col] not in tt:
                    missing.append('trend chart %s: %s %s' % (row['Indikator'], col, row[col]))
    check(not missing, 'chart labels are sakip\'s formatted figures', missing[:6])

    capaian = by['capaian'][0]
    fills = {r.get('fill') for r in capaian.iter(SVG + 'rect') if r.find(SVG + 'title') is not None}
    legend = ' '.join(texts(capaian))
    bands = ['Sangat Tinggi', 'Tinggi', 'Sedang', 'Rendah', 'Sangat Rendah']
    check(all(b + ' (' in legend for b in bands) and len(fills) >= 6,
          'capaian chart: a coloured band and legend entry per band of the skala', (sorted(fills), legend[:200]))
    if mode == 'en':
        check('101.99%' in texts(capaian), '--angka=en: chart figures in English notation')
    else:
        check('101,99%' in texts(capaian), 'IKM capaian labelled 101,99%')
    ikm = tren.get('IKM', (None, []))[1]
    check(all(v in ikm for v in (['72', '83.57', '83.63'] if mode == 'en' else ['72', '83,57', '83,63'])),
          'IKM trend: realisasi 2022..2024 labelled', ikm)
    el, _ = tren.get('IKM', (None, []))
    years = [t for t in texts(el)] if el is not None else []
    check(all(str(y) in years for y in range(2021, 2027)), 'IKM trend: the Renstra years 2021..2026', years)

    if multi:
        check('<h1>Dinas &lt;Uji&gt; &amp; &quot;Contoh&quot; — Kota Contoh — tahun 2024</h1>' in html,
              'instansi name escaped')
        check('<Uji>' not in html and '<Penunjang>' not in html and '<Dinas>' not in html and
              '<KEP>' not in html, 'no raw markup from the source text')
        anggaran2 = ET.tostring(by['anggaran'][1], encoding='unicode')
        check('Program &lt;Penunjang&gt; &amp; Umum' in anggaran2, 'names escaped inside the SVG too')
        kep, _ = tren.get('KEP', (None, None))
        circles = len(list(kep.iter(SVG + 'circle'))) if kep is not None else -1
        check(circles == 2, 'KEP trend: the year without realisasi (2023) is skipped', circles)
        ars = tren.get('ARS', (None, []))[1]
        check('80%..90%' in ars, 'a range target labelled as the table shows it', ars)
        check('<h1>Rekapitulasi</h1>' in html, 'recap section')
        check(len(re.findall(r'<section>', html)) == 3, 'one section per instansi and one for the recap')


def dom(path, page_path):
    d = open(path, encoding='utf-8').read()
    p = open(page_path, encoding='utf-8').read()
    want = len(re.findall(r'<svg\b', p))
    got = len(re.findall(r'<svg\b', d))
    check(want > 0 and got == want, 'the DOM holds every SVG chart (%d)' % want, got)
    for cls in ('chart capaian', 'chart tren', 'chart anggaran', 'chart efisiensi'):
        check('class="%s"' % cls in d, 'DOM has the %s chart' % cls.split()[1])
    check(len(re.findall(r'<rect\b', d)) > 20 and len(re.findall(r'<text\b', d)) > 50, 'charts have marks and labels')


def pdf(path):
    data = open(path, 'rb').read()
    boxes = re.findall(rb'/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]', data)
    ok = boxes and all(abs(float(w) - 841.9) < 2 and abs(float(h) - 595.3) < 2 for w, h in boxes)
    check(ok, 'printed on A4 landscape (%d pages)' % len(boxes), boxes[:3])


def watermarked_pages(path):
    """(pages, pages drawing the watermark) of a PDF Chromium printed: the
    watermark is the one thing painted with opacity .16 (rgba(...,.16) in
    sakip's CSS), an ExtGState with /ca .16; a page draws it when its
    content stream sets that state ('/Gn gs')."""
    import zlib
    data = open(path, 'rb').read()
    # an object's body; a stream's data is cut by its /Length, since the
    # compressed bytes may hold anything, "endobj" included
    objs = {}
    pos = 0
    for m in re.finditer(rb'(\d+) 0 obj\s*', data):
        if m.start() < pos:
            continue
        e = data.find(b'endobj', m.end())
        st = re.compile(rb'stream\r?\n').search(data, m.end(), e if e >= 0 else len(data))
        ln = st and re.search(rb'/Length (\d+)(?! 0 R)', data[m.end():st.start()])
        if ln:
            end = st.end() + int(ln.group(1))
            objs[int(m.group(1))] = data[m.end():st.start()] + b'stream\n' + data[st.end():end] + b'\nendstream'
            pos = end
        else:
            objs[int(m.group(1))] = data[m.end():e]
            pos = e
    alpha = [n for n, b in objs.items() if re.search(rb'/ca 0?\.16\d*\b', b)]
    names = {m.group(1) for n in alpha for m in re.finditer(rb'/([A-Za-z0-9]+) %d 0 R' % n, data)}
    pages = [b for b in objs.values() if re.search(rb'/Type\s*/Page\b', b)]
    marked = 0
    for b in pages:
        streams = []
        m = re.search(rb'/Contents\s*(\[[^\]]*\]|\d+ 0 R)', b)
        for ref in re.findall(rb'(\d+) 0 R', m.group(1) if m else b''):
            sm = re.search(rb'stream\r?\n(.*)\r?\nendstream$', objs.get(int(ref), b''), re.S)
            if sm:
                try:
                    streams.append(zlib.decompress(sm.group(1)))
                except zlib.error:
                    streams.append(sm.group(1))
        if any(b'/' + nm + b' gs' in s for nm in names for s in streams):
            marked += 1
    return len(pages), marked


def simulasi(path, pdf_marked, pdf_real):
    """A what-if page: its banner, the watermark element and the print
    rule that keeps it on paper; Chromium's print of it draws the
    watermark on every page, that of the real report on none."""
    html = open(path, encoding='utf-8').read()
    check('<div class="watermark" aria-hidden="true">SIMULASI</div>' in html, 'what-if page: a SIMULASI watermark')
    check(html.count('<div class="watermark"') == 1, 'what-if page: one watermark for the page')
    check(re.search(r'<section>\n<div class="simulasi" role="note">SIMULASI \(andai\): bukan laporan resmi'
                    r'<br><code>andai realisasi TRANTIB 2024 = 11</code></div>', html) is not None,
          'what-if page: a banner with each what-if and its year')
    check(re.search(r'@media print\{[^\n]*div\.watermark\{position:fixed;display:block\}', html) is not None,
          'what-if page: the print rule keeps the watermark fixed on every page')
    n, marked = watermarked_pages(pdf_marked)
    check(n > 1 and marked == n, 'what-if print: the watermark on every page (%d of %d)' % (marked, n))
    n, marked = watermarked_pages(pdf_real)
    check(n > 1 and marked == 0, 'real report print: no watermark (%d of %d)' % (marked, n))


def main():
    what = sys.argv[1]
    if what == 'simulasi':
        simulasi(sys.argv[2], sys.argv[3], sys.argv[4])
        return summary('html-check')
    if what == 'page':
        page(sys.argv[2], sys.argv[3], sys.argv[4])
    elif what == 'dom':
        dom(sys.argv[2], sys.argv[3])
    elif what == 'pdf':
        pdf(sys.argv[2])
    return summary('html-check')


if __name__ == '__main__':
    sys.exit(main())
