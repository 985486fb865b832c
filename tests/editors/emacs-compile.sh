#!/bin/sh
# emacs-compile.sh -- editors/emacs/sakip-mode.el (made from its .in file
# in the build tree).
#
# With 'emacs --batch': the file byte-compiles, *.sakip files get
# sakip-mode, and the 'sakip' entry of compilation-error-regexp-alist finds
# the file, line, column and kind (error, warning, note) of every
# diagnostic of a real 'sakip check' capture, and nothing else.
# Exit 77 (skip) when emacs is not installed.
set -u
name=emacs-compile
: "${srcdir:=.}"
: "${builddir:=.}"
pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'PASS: %s\n' "$*"; }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }
if ! command -v emacs >/dev/null 2>&1; then
    echo "$name: emacs not found (Debian package emacs-nox); skipped"
    exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-emacs.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
cp "$builddir/editors/emacs/sakip-mode.el" "$work/"
capture="$srcdir/tests/golden/cases/fmt-five-mistakes/expected.stderr"

if emacs --batch -Q -L "$work" -f batch-byte-compile "$work/sakip-mode.el" >"$work/bc.log" 2>&1 \
    && [ -f "$work/sakip-mode.elc" ]; then
    ok "sakip-mode.el byte-compiles"
else
    bad "byte-compile: $(tail -n 5 "$work/bc.log")"
fi

QF_INPUT=$capture QF_OUTPUT=$work/got emacs --batch -Q -l "$work/sakip-mode.el" --eval '
(let* ((re (nth 1 (assq (quote sakip) compilation-error-regexp-alist-alist)))
       (out nil))
  (push (format "alist %s" (if (memq (quote sakip) compilation-error-regexp-alist) "yes" "no")) out)
  (push (format "mode %s" (assoc-default "x/laporan.sakip" auto-mode-alist (quote string-match))) out)
  (with-temp-buffer
    (insert-file-contents (getenv "QF_INPUT"))
    (dolist (l (split-string (buffer-string) "\n" t))
      (when (string-match re l)
        (push (format "%s|%s|%s|%s" (match-string 1 l) (match-string 2 l) (match-string 3 l)
                      (cond ((match-beginning 4) "W") ((match-beginning 5) "N") (t "E")))
              out))))
  (with-temp-file (getenv "QF_OUTPUT")
    (insert (mapconcat (quote identity) (nreverse out) "\n") "\n")))' >"$work/run.log" 2>&1

# what the entries should be: the location lines of the capture
{
    echo "alist yes"
    echo "mode sakip-mode"
    sed -n 's/^\([^ |:][^:]*\):\([0-9]*\):\([0-9]*\): \(error\|warning\|note\): .*/\1|\2|\3|\4/p' "$capture" |
        sed 's/|error$/|E/; s/|warning$/|W/; s/|note$/|N/'
} >"$work/want"
if [ ! -s "$work/got" ]; then
    bad "emacs wrote nothing: $(tail -n 5 "$work/run.log")"
else
    n=$(wc -l <"$work/want")
    i=0
    while [ "$i" -lt "$n" ]; do
        i=$((i + 1))
        want=$(sed -n "${i}p" "$work/want")
        got=$(sed -n "${i}p" "$work/got")
        if [ "$want" = "$got" ]; then ok "$want"; else bad "expected '$want', got '$got'"; fi
    done
    m=$(wc -l <"$work/got")
    if [ "$m" -eq "$n" ]; then ok "$n lines"; else bad "$m lines, expected $n"; fi
fi
echo "$name: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
