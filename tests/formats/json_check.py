#!/usr/bin/env python3
"""json_check.py -- validates `sakip eval --format=json` output against
doc/eval.schema.json with a small JSON Schema validator (standard library
only) for the keywords the schema uses.

    json_check.py SCHEMA validate OUTPUT.json [NAME]
    json_check.py SCHEMA selftest
    json_check.py SCHEMA ambulu OUTPUT.json        (figures of the example)
    json_check.py SCHEMA several OUTPUT.json N     (N files: the rekap)

Numbers are read as decimal.Decimal, so the figures are compared with the
exact text sakip wrote.  Prints PASS:/FAIL: lines and a count.
"""
import copy
import json
import sys
from decimal import Decimal

from checks import check, summary


# ---- the validator ----

ANNOTATIONS = {'$schema', '$id', 'title', 'description', '$defs', '$comment'}
KNOWN = ANNOTATIONS | {'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'anyOf',
                       'oneOf', '$ref', 'minimum', 'const'}


def is_type(v, t):
    if t == 'null':
        return v is None
    if t == 'boolean':
        return isinstance(v, bool)
    if t == 'integer':
        return (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, Decimal) and v == v.to_integral_value()
                                                                    and 'E' not in str(v) and '.' not in str(v))
    if t == 'number':
        return isinstance(v, (int, Decimal)) and not isinstance(v, bool)
    if t == 'string':
        return isinstance(v, str)
    if t == 'array':
        return isinstance(v, list)
    if t == 'object':
        return isinstance(v, dict)
    raise ValueError('unknown type %r in the schema' % t)


class Validator:
    def __init__(self, root):
        self.root = root

    def resolve(self, ref):
        if not ref.startswith('#/'):
            raise ValueError('only local $ref are supported: %r' % ref)
        node = self.root
        for part in ref[2:].split('/'):
            node = node[part.replace('~1', '/').replace('~0', '~')]
        return node

    def errors(self, v, s, path='$'):
        """All the ways v fails s, as 'path: reason' strings."""
        if s is True:
            return []
        if s is False:
            return ['%s: no value is allowed here' % path]
        unknown = set(s) - KNOWN
        if unknown:
            raise ValueError('%s: the validator does not implement %s' % (path, sorted(unknown)))
        out = []
        if '$ref' in s:
            out += self.errors(v, self.resolve(s['$ref']), path)
        if 'type' in s:
            types = s['type'] if isinstance(s['type'], list) else [s['type']]
            if not any(is_type(v, t) for t in types):
                return out + ['%s: %s is not of type %s' % (path, json.dumps(v, default=str)[:60], '/'.join(types))]
        if 'enum' in s and v not in s['enum']:
            out.append('%s: %r is not one of %s' % (path, v, s['enum']))
        if 'const' in s and v != s['const']:
            out.append('%s: %r is not %r' % (path, v, s['const']))
        if 'minimum' in s and is_type(v, 'number') and v < s['minimum']:
            out.append('%s: %s is below %s' % (path, v, s['minimum']))
        if 'anyOf' in s:
            if not any(not self.errors(v, sub, path) for sub in s['anyOf']):
                out.append('%s: %s matches none of anyOf' % (path, json.dumps(v, default=str)[:60]))
        if 'oneOf' in s:
            n = sum(1 for sub in s['oneOf'] if not self.errors(v, sub, path))
            if n != 1:
                out.append('%s: %s matches %d of oneOf' % (path, json.dumps(v, default=str)[:60], n))
        if isinstance(v, dict):
            props = s.get('properties', {})
            for k in s.get('required', []):
                if k not in v:
                    out.append('%s: required key %r missing' % (path, k))
            for k, x in v.items():
                if k in props:
                    out += self.errors(x, props[k], '%s.%s' % (path, k))
                elif 'additionalProperties' in s:
                    out += self.errors(x, s['additionalProperties'], '%s.%s' % (path, k))
        if isinstance(v, list) and 'items' in s:
            for i, x in enumerate(v):
                out += self.errors(x, s['items'], '%s[%d]' % (path, i))
        return out


def load_json(path):
    """Strict: Decimal numbers, no NaN/Infinity, no repeated key."""
    def pairs(kv):
        d = {}
        for k, v in kv:
            if k in d:
                raise ValueError('repeated key %r' % k)
            d[k] = v
        return d

    def const(name):
        raise ValueError('%s is not JSON' % name)

    with open(path, encoding='utf-8') as f:
        return json.load(f, parse_float=Decimal, parse_constant=const, object_pairs_hook=pairs)


def validate(v, doc, name):
    errs = v.errors(doc, v.root)
    check(not errs, '%s: valid against doc/eval.schema.json' % name, '; '.join(errs[:6]))
    return not errs


# ---- the figures ----

def unit(doc, nama):
    for u in doc['instansi']:
        if u['nama'] == nama:
            return u
    return None


def find(rows, key, val):
    for r in rows:
        if r.get(key) == val:
            return r
    return {}


def ambulu_figures(doc):
    u = unit(doc, 'Kecamatan Ambulu')
    check(u is not None, 'Kecamatan Ambulu present')
    if u is None:
        return
    ikm = find(u['indikator'], 'id', 'IKM')
    check(ikm.get('capaian') == Decimal('101.987804878'), 'IKM capaian 101.987804878', ikm.get('capaian'))
    check(ikm.get('predikat') == 'Sangat Tinggi', 'IKM predikat Sangat Tinggi', ikm.get('predikat'))
    p1 = find(u['anggaran'], 'id', 'P1')
    check(p1.get('serapan') == Decimal('90.2058593247'), 'P1 serapan 90.2058593247', p1.get('serapan'))
    check(p1.get('anggaran') == 2941063617 and isinstance(p1.get('anggaran'), int), 'P1 anggaran exact 2941063617',
          p1.get('anggaran'))
    total = sum(a['anggaran'] for a in u['anggaran'] if a['tingkat'] == 'program')
    check(total == 4492070793, 'total anggaran of the programs Rp 4.492.070.793', total)
    real = sum(a['realisasi'] for a in u['anggaran'] if a['tingkat'] == 'program')
    check(real == 4124398349, 'total realisasi Rp 4.124.398.349', real)
    k = find(u['anggaran'], 'id', 'SK1_1_1')
    check(k.get('tingkat') == 'subkegiatan' and k.get('induk') == 'K1_1', 'SK1_1_1 is a subkegiatan of K1_1', k)
    s1 = find(u['sasaran'], 'id', 'S1')
    check(s1.get('serapan', 0) is None and s1.get('efisiensi', 0) is None, 'S1 without a program: serapan and '
          'efisiensi null', s1)
    claims = u['periksa']
    check(len(claims) > 300 and all(c['hasil'] in (True, False, None) for c in claims), 'the claims with their hasil',
          len(claims))
    failed = sum(1 for c in claims if c['hasil'] is False)
    check(failed > 0, 'some claims of the report fail', failed)


def several_figures(doc, n):
    check(len(doc['instansi']) == n, '%d instansi' % n, len(doc['instansi']))
    rk = doc.get('rekap')
    check(isinstance(rk, list) and len(rk) == n, 'rekap: one row per instansi', rk and len(rk))
    if not rk:
        return
    # ranks run 1..k within each induk (doc/perjanjian.md, 'Many units')
    want, seen = [], {}
    for r in rk:
        seen[r['induk']] = seen.get(r['induk'], 0) + 1
        want.append(seen[r['induk']])
    check([r['peringkat'] for r in rk] == want, 'rekap ranks 1.. within each induk', [r['peringkat'] for r in rk])
    groups = {}
    for r in rk:
        groups.setdefault(r['induk'], []).append(r['rata_capaian'])
    inorder = all([m for m in g if m is not None] == sorted([m for m in g if m is not None], reverse=True)
                  for g in groups.values())
    check(inorder, 'rekap ordered by mean capaian within each induk', groups)
    a = find(rk, 'nama', 'Kecamatan Ambulu')
    check(a.get('anggaran') == 4492070793 and a.get('realisasi') == 4124398349, 'rekap: Ambulu totals', a)
    # each capaian capped at 100 (atur batas_rata = 100%, issue #19): six times 100 over six;
    # uncapped (100 + 101.98... + 100 + 100 + 102.76... + 125) / 6 = 104.9593495935
    check(a.get('rata_capaian') == Decimal('100'), 'rekap: Ambulu mean capaian 100 (batas_rata)',
          a.get('rata_capaian'))
    ambulu_figures(doc)
    k = unit(doc, 'Dinas <Uji> & "Contoh"')
    if k is not None:
        g = find(k['anggaran'], 'id', 'Q1_1_1')
        check(g.get('realisasi') == Decimal('1234567890.5'), 'money with sen exact (1234567890.5)', g.get('realisasi'))
        ars = find(k['indikator'], 'id', 'ARS')
        check(ars.get('target') == 80 and ars.get('target_atas') == 90, 'range target: target and target_atas', ars)
        kep = find(k['indikator'], 'id', 'KEP')
        check(kep.get('capaian') == Decimal('99.9876543210'), 'ratios to 10 decimals, not the display rounding',
              kep.get('capaian'))


def selftest(v):
    """The validator must reject what the schema forbids."""
    good = {'instansi': [{'nama': 'X', 'tahun': 2024, 'induk': None, 'indikator': [
        {'id': 'A', 'sasaran': 'S', 'nama': None, 'satuan': '%', 'target': 1, 'realisasi': None,
         'capaian': Decimal('1.5'), 'predikat': None, 'capaian_renstra': None,
         'realisasi_tahunan': {'2024': 1}, 'pembanding': [{'label': 'L', 'nilai': 2, 'selisih': None}]}],
        'perjanjian': [{'id': 'PK', 'nama': None, 'tanggal': None, 'mengubah': None, 'diubah_oleh': None,
                        'target': {'A': 1}, 'anggaran': {'P': 5}}],
        'sasaran': [], 'anggaran': [{'id': 'P', 'tingkat': 'program', 'induk': None, 'nama': 'p', 'kode': None, 'anggaran': 5,
                                     'realisasi': 4, 'serapan': 80}],
        'periksa': [{'baris': 3, 'hasil': None, 'klaim': 'x', 'kiri': True, 'kanan': None, 'pesan': None}]}]}
    check(not v.errors(good, v.root), 'selftest: a minimal document is valid', v.errors(good, v.root))
    bad = []
    d = copy.deepcopy(good); d['instansi'][0]['indikator'][0]['capaian'] = '101,99'; bad.append(('capaian as text', d))
    d = copy.deepcopy(good); del d['instansi'][0]['periksa'][0]['hasil']; bad.append(('missing hasil', d))
    d = copy.deepcopy(good); d['instansi'][0]['anggaran'][0]['tingkat'] = 'urusan'; bad.append(('bad tingkat', d))
    d = copy.deepcopy(good); d['instansi'][0]['extra'] = 1; bad.append(('an undocumented key', d))
    d = copy.deepcopy(good); d['instansi'][0]['tahun'] = Decimal('2024.5'); bad.append(('tahun not an integer', d))
    d = copy.deepcopy(good); d['instansi'][0]['periksa'][0]['baris'] = 0; bad.append(('baris 0', d))
    d = copy.deepcopy(good); d['instansi'][0]['periksa'][0]['hasil'] = 'benar'; bad.append(('hasil as text', d))
    d = copy.deepcopy(good); d['rekap'] = [{'peringkat': 1}]; bad.append(('incomplete rekap row', d))
    d = copy.deepcopy(good); d['instansi'][0]['anggaran'][0]['serapan'] = True; bad.append(('serapan true', d))
    for what, doc in bad:
        check(v.errors(doc, v.root), 'selftest: rejects ' + what)


def main():
    schema = load_json(sys.argv[1])
    v = Validator(schema)
    what = sys.argv[2]
    if what == 'selftest':
        selftest(v)
    else:
        try:
            doc = load_json(sys.argv[3])
            check(True, '%s: strict JSON' % (sys.argv[4] if what == 'validate' and len(sys.argv) > 4 else sys.argv[3]))
        except ValueError as e:
            check(False, 'strict JSON', e)
            doc = None
        if doc is not None:
            if what == 'validate':
                validate(v, doc, sys.argv[4] if len(sys.argv) > 4 else sys.argv[3])
            elif what == 'ambulu':
                validate(v, doc, 'ambulu')
                ambulu_figures(doc)
            elif what == 'several':
                validate(v, doc, 'several files')
                several_figures(doc, int(sys.argv[4]))
    return summary('json-check')


if __name__ == '__main__':
    sys.exit(main())
