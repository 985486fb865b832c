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
