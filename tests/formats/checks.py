"""checks.py -- the PASS:/FAIL: lines and counts shared by the format
checkers (html_check.py, json_check.py, xlsx_check.py)."""

_counts = {'pass': 0, 'fail': 0}


def check(cond, what, detail=''):
    """Records one check and prints its PASS:/FAIL: line; returns cond."""
    if cond:
        _counts['pass'] += 1
        print('PASS: ' + what)
    else:
        _counts['fail'] += 1
        print('FAIL: ' + what + (': ' + str(detail)[:800] if detail else ''))
    return cond


def summary(name):
    """Prints NAME: N passed, M failed and returns the exit status."""
    print('%s: %d passed, %d failed' % (name, _counts['pass'], _counts['fail']))
    return 1 if _counts['fail'] else 0


# The identifier (sakip(5), TABLES) of a table, from its title as the
# Markdown rendering shows it: sakip's plain titles, and the Ambulu
# example's own (`tabel ID "Tabel 3.2 ..."`).  The XLSX sheets and CSV
# files are named by it.
_TITLES = [
    ('Pengukuran kinerja', 'capaian_iku'), ('Tabel 3.2 ', 'capaian_iku'),
    ('Capaian kinerja per sasaran', 'capaian_sasaran'),
    ('Realisasi per tahun', 'tren'), ('Tabel 3.3 ', 'tren'),
    ('Capaian per tahun', 'tren_capaian'),
    ('Perbandingan realisasi', 'pembanding'), ('Tabel 3.4 ', 'pembanding'),
    ('Anggaran dan realisasi', 'anggaran'), ('Tabel 3.8 ', 'anggaran'),
    ('Efisiensi', 'efisiensi'), ('Tabel 3.6 ', 'efisiensi'),
    ('Rekapitulasi predikat', 'predikat'), ('Tabel 3.7 ', 'predikat'),
    ('Perjanjian Kinerja', 'perjanjian'), ('Survei IKM', 'survei'), ('Penilaian AKIP', 'penilaian'),
    ('Klaim laporan', 'periksa'), ('Rekapitulasi per induk', 'rekap'),
]


def table_key(title):
    for prefix, key in _TITLES:
        if title.startswith(prefix):
            return key
    return title
