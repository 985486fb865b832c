#!/bin/sh
# emacs-flymake.sh -- the Flymake backend and the Imenu index of
# editors/emacs/sakip-mode.el (made from its .in file in the build tree).
#
# With 'emacs --batch': sakip-mode puts `sakip-flymake' on
# flymake-diagnostic-functions; Flymake run on tests/editors/quickfix.sakip
# reports each of its diagnostics with the type, line and column range and
# message written out below by hand (not taken from sakip's output); the
# backend checks the buffer's text, not the file (an edit that fixes a
# name removes its error before saving); an error in an imported file is
# shown on the impor line; and imenu's index holds S1, IKM, P1, ... under
# their kinds at the lines where they are declared, and no reference
# (tujuan T1 inside a sasaran) nor a word in a comment or string.
# Exit 77 (skip) when emacs is not installed, or has no Flymake with
# flymake-diagnostics (Emacs 27 or later).
set -u
name=emacs-flymake
: "${srcdir:=.}"
: "${builddir:=.}"
: "${SAKIP:=./sakip}"
case $SAKIP in /*) ;; *) SAKIP=$(pwd)/$SAKIP ;; esac
pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'PASS: %s\n' "$*"; }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }
if ! command -v emacs >/dev/null 2>&1; then
    echo "$name: emacs not found; skipped"
    exit 77
fi
if ! emacs --batch -Q --eval '(kill-emacs (if (and (require (quote flymake) nil t) (fboundp (quote flymake-diagnostics))) 0 1))' >/dev/null 2>&1; then
    echo "$name: this emacs has no flymake-diagnostics (Emacs 27 or later); skipped"
    exit 77
fi
if [ ! -x "$SAKIP" ]; then
    echo "$name: SAKIP ($SAKIP) is not an executable"
    exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/sakip-flymake.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
cp "$builddir/editors/emacs/sakip-mode.el" "$work/"
# (cat, not cp: in a distcheck the source is read-only, and the test edits it)
cat "$srcdir/tests/editors/quickfix.sakip" >"$work/quickfix.sakip"
# an imported file with a gap between its bands, and a file importing it
printf '%s\n' 'skala s "x" {' '    "a" : nilai >= 10' '    "b" : nilai < 5' '}' >"$work/lib.sakip"
printf '%s\n' '# impor a file with an error' 'impor "lib.sakip"' 'instansi "X" { tahun 2024 }' >"$work/main.sakip"
# declarations for imenu, with decoys in a comment, a string and a reference
cat >"$work/decl.sakip" <<'SAKIP'
instansi "Kecamatan Contoh" { tahun 2024  periode 2021..2026 }
# sasaran S9 "in a comment" {
skala p86 "Skala" { "Baik" : nilai >= 0 }
tujuan T1 "Tujuan satu" { misi "sasaran S8 \"in a string\"" }
sasaran S1 "Meningkatnya kepuasan masyarakat" {
    tujuan T1
    indikator IKM "Indeks Kepuasan Masyarakat" {
        satuan "indeks"  polaritas positif  target 82  realisasi 83.63
        penanggung_jawab "Seksi Pelayanan"  sumber "SUKMA-E"
    }
}
program P1 "Program satu" {
    mendukung S1
    kegiatan K1 "Kegiatan satu" {
        subkegiatan SK1 "Sub satu" { anggaran Rp 100  realisasi Rp 90 }
    }
}
aturan tercapai(x) = jika capaian(x) >= 100 maka 1 lainnya 0
perjanjian PK2024 "PK" { target IKM: 82 }
SAKIP

cd "$work" && SAKIP_BIN=$SAKIP emacs --batch -Q -l "$work/sakip-mode.el" --eval '
(progn
  (setq sakip-program (getenv "SAKIP_BIN"))
  (remove-hook (quote flymake-diagnostic-functions) (quote flymake-proc-legacy-flymake))
  (defun show (d)
    (let ((b (flymake-diagnostic-beg d)) (e (flymake-diagnostic-end d)))
      (format "%s|%d:%d-%d:%d|%s"
              (flymake-diagnostic-type d)
              (line-number-at-pos b) (save-excursion (goto-char b) (1+ (current-column)))
              (line-number-at-pos e) (save-excursion (goto-char e) (1+ (current-column)))
              (replace-regexp-in-string "\n" "\\\\n" (flymake-diagnostic-text d)))))
  (defun run-flymake ()
    (flymake-mode 1)
    (flymake-start)
    (let ((n 0))
      (while (and (< n 200) (not (flymake-diagnostics)))
        (accept-process-output nil 0.05)
        (setq n (1+ n))))
    (let ((ds (sort (flymake-diagnostics)
                    (lambda (a b) (or (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))
                                      (and (= (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))
                                           (string< (show a) (show b))))))))
      (prog1 (mapcar (function show) ds) (flymake-mode -1))))
  (let ((out nil))
    (find-file "quickfix.sakip")
    (push (format "mode %s" major-mode) out)
    (push (format "backend %s" (if (memq (quote sakip-flymake) flymake-diagnostic-functions) "yes" "no")) out)
    (dolist (l (run-flymake)) (push (concat "quickfix " l) out))
    ;; fix the unknown name in the buffer only, and check again
    (goto-char (point-min))
    (search-forward "capaian(IKN)")
    (replace-match "capaian(IKM)")
    (push (format "modified %s" (buffer-modified-p)) out)
    (dolist (l (run-flymake)) (push (concat "edited " l) out))
    (find-file "main.sakip")
    (dolist (l (run-flymake)) (push (concat "main " l) out))
    (find-file "decl.sakip")
    (dolist (group (funcall imenu-create-index-function))
      (dolist (entry (cdr group))
        (push (format "imenu %s %s %d %s" (car group) (car entry)
                      (line-number-at-pos (cdr entry))
                      (save-excursion (goto-char (cdr entry))
                                      (buffer-substring-no-properties (point) (line-end-position))))
              out)))
    (with-temp-file "got" (insert (mapconcat (function identity) (nreverse out) "\n") "\n"))))' \
    >"$work/run.log" 2>&1

# What Flymake must report for quickfix.sakip, by hand from the file:
# line 6 declares IKM (columns 15-17) without penanggung_jawab; line 15
# declares IKM again as a sasaran (9-11), first declared on line 6; line 16
# declares DOK without penanggung_jawab and sumber; line 19 names IKN (17-19).
cat >"$work/want" <<'EOF'
mode sakip-mode
backend yes
quickfix :note|6:15-6:18|first declared here: 'IKM' is already declared (indikator)
quickfix :warning|6:15-6:18|indikator IKM names no 'penanggung_jawab' [W0505]\nhelp: an IKU must name who is responsible before the Perjanjian Kinerja is signed
quickfix :error|15:9-15:12|'IKM' is already declared (indikator) [E0302]\nhelp: tujuan, sasaran, indikator, program, kegiatan, subkegiatan, skala, aturan, survei, penilaian and perjanjian share one namespace
quickfix :warning|16:15-16:18|indikator DOK names no 'penanggung_jawab' [W0505]\nhelp: an IKU must name who is responsible before the Perjanjian Kinerja is signed
quickfix :warning|16:15-16:18|indikator DOK names no 'sumber' (data source) [W0506]\nhelp: an IKU must name its data source before the Perjanjian Kinerja is signed
quickfix :error|19:17-19:20|unknown name 'IKN' [E0301]\nhelp: did you mean 'IKM'?
modified t
edited :note|6:15-6:18|first declared here: 'IKM' is already declared (indikator)
edited :warning|6:15-6:18|indikator IKM names no 'penanggung_jawab' [W0505]\nhelp: an IKU must name who is responsible before the Perjanjian Kinerja is signed
edited :error|15:9-15:12|'IKM' is already declared (indikator) [E0302]\nhelp: tujuan, sasaran, indikator, program, kegiatan, subkegiatan, skala, aturan, survei, penilaian and perjanjian share one namespace
edited :warning|16:15-16:18|indikator DOK names no 'penanggung_jawab' [W0505]\nhelp: an IKU must name who is responsible before the Perjanjian Kinerja is signed
edited :warning|16:15-16:18|indikator DOK names no 'sumber' (data source) [W0506]\nhelp: an IKU must name its data source before the Perjanjian Kinerja is signed
main :error|2:1-2:18|lib.sakip:3:5: bands 'b' and 'a' of skala s leave a gap: 5 <= nilai < 10 is in no band [E0704]\nhelp: write "b" : nilai < 10
imenu skala p86 3 skala p86 "Skala" { "Baik" : nilai >= 0 }
imenu tujuan T1 4 tujuan T1 "Tujuan satu" { misi "sasaran S8 \"in a string\"" }
imenu sasaran S1 5 sasaran S1 "Meningkatnya kepuasan masyarakat" {
imenu indikator IKM 7 indikator IKM "Indeks Kepuasan Masyarakat" {
imenu program P1 12 program P1 "Program satu" {
imenu kegiatan K1 14 kegiatan K1 "Kegiatan satu" {
imenu subkegiatan SK1 15 subkegiatan SK1 "Sub satu" { anggaran Rp 100  realisasi Rp 90 }
imenu aturan tercapai 18 aturan tercapai(x) = jika capaian(x) >= 100 maka 1 lainnya 0
imenu perjanjian PK2024 19 perjanjian PK2024 "PK" { target IKM: 82 }
EOF

if [ ! -s "$work/got" ]; then
    bad "emacs wrote nothing: $(grep -v '^ ' "$work/run.log" | tail -n 5)"
else
    n=$(wc -l <"$work/want")
    i=0
    while [ "$i" -lt "$n" ]; do
        i=$((i + 1))
        want=$(sed -n "${i}p" "$work/want")
        if grep -q -x -F -e "$want" "$work/got"; then ok "$want"; else bad "missing: $want"; fi
    done
    m=$(wc -l <"$work/got")
    if [ "$m" -eq "$n" ]; then
        ok "$n lines"
    else
        bad "$m lines, expected $n; unexpected: $(grep -v -x -F -f "$work/want" "$work/got" | head -n 3 | tr '\n' ' ')"
    fi
    # and in the order of the file (at one place: notes, then warnings)
    if cmp -s "$work/want" "$work/got"; then ok "in order"; else bad "not in the expected order"; fi
fi
echo "$name: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
