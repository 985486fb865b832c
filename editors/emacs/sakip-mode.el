;;; sakip-mode.el --- major mode for the SAKIP rule language  -*- lexical-binding: t -*-

;; Keywords: languages
;; Version: 0.1.0
;; Package-Requires: ((emacs "25.1"))

;;; Commentary:

;; A small major mode for .sakip files, the performance reports of
;; Indonesian government units checked by `sakip' (see sakip(5)):
;; syntax table (# comments, "strings" with \ escapes), font-lock for the
;; keywords, built-in functions, amounts (Rp 4.492.070.793), percentages
;; and year ranges, and an entry in `compilation-error-regexp-alist' so
;; that M-x compile with "sakip check FILE" jumps to each error, warning
;; and note.
;;
;; Installation: put this file in a directory of `load-path' (sakip's
;; `make install' uses $(datadir)/emacs/site-lisp) and add
;;
;;   (require 'sakip-mode)
;;
;; or (autoload 'sakip-mode "sakip-mode" nil t) with the auto-mode-alist
;; entry below.

;;; Code:

(require 'compile)

(defgroup sakip nil
  "Major mode for SAKIP performance reports."
  :group 'languages
  :prefix "sakip-")

(defcustom sakip-program "sakip"
  "The sakip program, used by `sakip-check'."
  :type 'string
  :group 'sakip)

(defconst sakip-declaration-keywords
  '("instansi" "skala" "tujuan" "sasaran" "indikator" "program" "kegiatan"
    "subkegiatan" "aturan" "keluaran" "perjanjian" "survei" "penilaian")
  "Keywords that declare something.")

(defconst sakip-statement-keywords
  '("sakip" "impor" "atur" "periksa" "pesan" "jika" "maka" "lainnya"
    "dan" "atau" "tidak" "andai" "batal" "jelaskan")
  "Statement, control and operator keywords.")

(defconst sakip-property-keywords
  '("induk" "tahun" "periode" "kepala" "misi" "satuan" "polaritas" "target"
    "realisasi" "rumus" "data" "penanggung_jawab" "sumber" "penjelasan"
    "mendukung" "anggaran" "nilai" "mengubah" "tanggal" "pihak" "pembanding"
    "unsur" "jawaban" "berkas" "komponen")
  "Keywords naming a property inside a declaration.")

(defconst sakip-constants '("positif" "negatif" "benar" "salah")
  "Keyword constants.")

(defconst sakip-builtin-functions
  '("target" "realisasi" "anggaran" "capaian" "capaian_renstra" "serapan"
    "predikat" "kategori" "efisiensi" "bulat" "jumlah" "rata" "min" "max"
    "ikm" "nilai_sakip")
  "Built-in functions of the language.")

(defconst sakip-font-lock-keywords
  `(;; a declaration and the name it introduces
    ("\\_<\\(skala\\|tujuan\\|sasaran\\|indikator\\|program\\|kegiatan\\|subkegiatan\\|aturan\\|perjanjian\\|survei\\|penilaian\\)\\_>[ \t]+\\([A-Za-z_][A-Za-z0-9_]*\\)"
     (1 font-lock-keyword-face) (2 font-lock-type-face))
    ;; built-in functions, when called
    (,(concat "\\_<" (regexp-opt sakip-builtin-functions t) "[ \t]*(")
     1 font-lock-builtin-face)
    (,(concat "\\_<" (regexp-opt sakip-declaration-keywords t) "\\_>")
     . font-lock-keyword-face)
    (,(concat "\\_<" (regexp-opt sakip-statement-keywords t) "\\_>")
     . font-lock-keyword-face)
    (,(concat "\\_<" (regexp-opt sakip-property-keywords t) "\\_>")
     . font-lock-variable-name-face)
    (,(concat "\\_<" (regexp-opt sakip-constants t) "\\_>")
     . font-lock-constant-face)
    ;; Rp 4.492.070.793  Rp 4.492.070.793,00  Rp. 2.941.063.617  Rp 9.520.800,-
    ("\\_<Rp\\.?[ \t]*[0-9]\\(?:[0-9.,]*[0-9]\\)?\\(?:,-\\)?" . font-lock-constant-face)
    ;; 2021..2026, 102%, 83.63, 1_000_000
    ("\\_<[0-9]+\\(?:\\.[0-9]+\\)?\\.\\.[0-9]+\\(?:\\.[0-9]+\\)?" . font-lock-constant-face)
    ("\\_<[0-9]+\\(?:_[0-9]+\\)*\\(?:\\.[0-9]+\\)?[ \t]*%" . font-lock-constant-face)
    ("\\_<[0-9]+\\(?:_[0-9]+\\)*\\(?:\\.[0-9]+\\)?\\_>" . font-lock-constant-face)
    ;; ~= and the other operators
    ("~=\\|==\\|!=\\|<=\\|>=" . font-lock-builtin-face))
  "Font-lock rules for `sakip-mode'.")

(defvar sakip-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?# "<" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    (modify-syntax-entry ?_ "_" table)
    (modify-syntax-entry ?% "." table)
    (modify-syntax-entry ?~ "." table)
    (modify-syntax-entry ?= "." table)
    (modify-syntax-entry ?< "." table)
    (modify-syntax-entry ?> "." table)
    (modify-syntax-entry ?+ "." table)
    (modify-syntax-entry ?- "." table)
    (modify-syntax-entry ?* "." table)
    (modify-syntax-entry ?/ "." table)
    (modify-syntax-entry ?' "." table)
    table)
  "Syntax table for `sakip-mode'.")

;; sakip check writes FILE:LINE:COL: error|warning|note: MESSAGE [CODE].
;; Columns are 1-based and count characters.
(defconst sakip-compilation-regexp
  "^\\([^ \t\n:][^\n:]*\\):\\([0-9]+\\):\\([0-9]+\\): \\(?:error\\|\\(warning\\)\\|\\(note\\)\\): "
  "Regexp matching one diagnostic line of sakip.")

(add-to-list 'compilation-error-regexp-alist-alist
             `(sakip ,sakip-compilation-regexp 1 2 3 (4 . 5)))
(add-to-list 'compilation-error-regexp-alist 'sakip)

;;;###autoload
(define-derived-mode sakip-mode prog-mode "SAKIP"
  "Major mode for editing SAKIP performance reports (.sakip files).
\\[compile] offers \"sakip check FILE\"; errors, warnings and notes
are recognised by `compilation-mode'.

\\{sakip-mode-map}"
  :syntax-table sakip-mode-syntax-table
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local comment-end "")
  (setq-local font-lock-defaults '(sakip-font-lock-keywords))
  (setq-local indent-tabs-mode nil)
  (when buffer-file-name
    (setq-local compile-command
                (concat sakip-program " check "
                        (shell-quote-argument
                         (file-name-nondirectory buffer-file-name))))))

(defun sakip-check ()
  "Run sakip check on the current file with `compile'."
  (interactive)
  (compile (concat sakip-program " check "
                   (shell-quote-argument
                    (file-name-nondirectory buffer-file-name)))))

(define-key sakip-mode-map (kbd "C-c C-c") #'sakip-check)

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.sakip\\'" . sakip-mode))

(provide 'sakip-mode)

;;; sakip-mode.el ends here
