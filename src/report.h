/* report.h -- the LAKIP tables as data, built once from an evaluated
 * Unit and rendered by each output format (report_text.c, ...).
 *
 * A Cell keeps both the display text in the chosen notation ("83,63",
 * "Rp 4.492.070.793") and a plain machine form ("83.63", "4492070793")
 * so spreadsheets and JSON get numbers, not strings.
 */
#ifndef SAKIP_REPORT_H
#define SAKIP_REPORT_H

#include <stdio.h>
#include "eval.h"

/* CELL_SCALED: a number in machine form only, held as a word (scaled /
 * 10^decimals, num_plain_put) rather than as text: the cells of the
 * tables of periods in Values, which only JSON writes (table_json). */
typedef enum { CELL_TEXT, CELL_NUM, CELL_MONEY, CELL_UNDEF, CELL_SCALED } CellKind;

/* A range (80%..90%): each bound's display and the upper one's machine
 * form (the lower one's is the cell's plain). */
typedef struct CellRange {
    char *lo_text, *hi_text, *plain_hi;
} CellRange;

/* 32 bytes: a big file's table has millions (doc/performance.md). */
typedef struct Cell {
    char *text;              /* display */
    char *plain;             /* machine form; NULL for text */
    union {
        CellRange *range;    /* NULL unless a range */
        int64_t scaled;      /* CELL_SCALED: the number x 10^decimals */
    };
    CellKind kind;
    short indent;            /* tree level, for the budget table */
    short decimals;          /* CELL_SCALED */
} Cell;

typedef struct Table {
    const char *key;         /* the identifier (sakip(5), TABLES): "capaian_iku", "anggaran", ... */
    char *title;
    int ncols;
    const char **headers;
    const bool *right;       /* right-align column */
    Vec rows;                /* Cell* arrays of ncols, in arena */
    Arena arena;             /* the rows and their cells' texts */
    Buf scratch;             /* where a cell's texts are formatted */
    Vec notes;               /* char* lines printed under the table */
    const char **headers_owned;  /* freed with the table when built at run time */
    bool *right_owned;
    Vec owned_strings;       /* header texts built at run time */
    /* columns that may hold a range (targets): CSV and XLSX always give
     * each two number columns, so the files of one run line up */
    uint64_t range_cols;
    /* capaian_iku: the mean capaian of its rows' Capaian column, machine
     * form (NULL: no mean, or undefined), for XLSX to give as a row of its
     * own; a formula over the column when it is a plain mean (not weighted,
     * nothing left out), each capaian limited to mean_cap when not NULL */
    char *mean_plain, *mean_cap;
    bool mean_formula;
    /* eval --per=P: the period as given ("tw2"), else NULL; CSV gives it
     * a first column "per" on every row (sakip(5), PERIODS) */
    const char *per;
} Table;

typedef struct Report {
    Vec andai;               /* char*: the what-ifs evaluated with (sakip(5), WHAT-IF OUTPUT), empty for the real report */
    char *heading;           /* instansi line */
    char *nama, *induk, *kepala;   /* the instansi's, for the printed kop and signature; NULL when not given */
    int tahun;
    bool print_all_claims;   /* HTML: the printed appendix lists every claim, not only the failing ones (--klaim=semua) */
    Vec subheading;          /* char* */
    Vec tables;              /* Table*: every table (report_build), or none (report_head) */
    Vec keys;                /* const char*: the keys of its tables, in order, known before they are built */
    unsigned steps, next;    /* report_next's: the tables this unit has, the next to build */
} Report;

/* One row of the multi-file recap. */
typedef struct RecapRow {
    char *nama, *induk;
    int tahun;
    bool has_mean;
    mpq_t mean;              /* mean capaian over the IKU */
    mpq_t sum;               /* sum(bobot x capaian), for group means */
    mpq_t weight;            /* sum(bobot) over the IKU in that sum */
    size_t n_iku;
    Vec band_labels;         /* char* */
    Vec band_counts;         /* size_t as void* */
    size_t undefined;
    mpq_t anggaran, realisasi;
    bool has_budget;
    size_t group;            /* recap_sort: its induk's place in first-seen order */
    char *rekap_title;       /* the unit's `tabel rekap` title, or NULL */
    /* eval --per=P (sakip(5), PERIODS): P's code, and what puts the unit
     * behind plan as of P ("IKM 99,69%; P1 -Rp 14.000.000"), "" when
     * nothing does */
    int per;
    char *behind;
} RecapRow;

Report *report_build(Eval *ev);
/* The same a table at a time, for a renderer that writes each table and
 * frees it before the next is built (a big file's report need not be
 * held whole, doc/performance.md): report_head gives the report without
 * its tables, report_next builds the next (the caller frees it with
 * table_free), NULL after the last.  The tables are built in the same
 * order, so the warnings they give (W0520) are the same. */
Report *report_head(Eval *ev);
Table *report_next(Report *r, Eval *ev);
/* "TW II", "Semester I", "Juni": a period as a report names it. */
const char *report_period_label(int code);
void report_free(Report *r);

/* The evaluated figures of one unit that the charts draw (report_html.c):
 * what the tables show as text, here as values.  Built by
 * report_figures from the Eval; owns its Values, borrows names from the
 * Unit (and reasons from the Eval), so it is freed before either. */
typedef struct FigBand {
    const char *label;
    bool lo_incl, hi_incl;
    bool has_lo, has_hi;     /* false when open or not a number */
    mpq_t lo, hi;
} FigBand;

typedef struct FigIndikator {
    Entity *ent;
    const char *id, *name, *satuan;
    Value capaian, predikat; /* in the reporting year */
} FigIndikator;

/* An indikator's target (a range's upper bound in target_hi) and
 * realisasi in each year, Figures.from .. to. */
typedef struct FigYears {
    Value *target, *target_hi, *realisasi;
} FigYears;

typedef struct FigBudget {   /* a program (level 0) or one of its kegiatan (1) */
    const char *id, *name, *kode;   /* kode: the SIPD code, or NULL */
    int level;
    Value anggaran, realisasi, serapan;
} FigBudget;

typedef struct FigSasaran {
    const char *id, *name;
    Value capaian, serapan, efisiensi;
} FigSasaran;

typedef struct Figures {
    int tahun;               /* the reporting year */
    int from, to;            /* the years of the trend: the Renstra period widened to tahun, at most 31 */
    int desimal;             /* how numbers are written */
    RoundMode round;
    Notation notation;
    const char *skala_id, *skala_name;   /* the capaian scale, or NULL */
    FigBand *bands;          /* its bands as declared */
    size_t nbands;
    FigIndikator *ind;       /* every indikator of every sasaran, in order */
    size_t nind;
    FigBudget *budget;       /* programs, each followed by its kegiatan */
    size_t nbudget;
    FigSasaran *sasaran;
    size_t nsasaran;
    Eval *ev;                /* borrowed: figures_years evaluates with it */
    FigYears *years;         /* figures_years' */
} Figures;

Figures *report_figures(Eval *ev);
/* The years of f->ind[i], evaluated when the trend is drawn rather than
 * held for every indikator (a big file has tens of thousands): valid
 * until the next call. */
const FigYears *figures_years(const Figures *f, size_t i);
void figures_free(Figures *f);

/* What `eval --format=json` writes (report_json.c, sakip(1) and doc/formats.md), as
 * values: built by report_values from the Eval, in the order the JSON
 * has them.  Owns its Values; borrows names, numbers written in the
 * source and reasons from the Unit and the Eval, so it is freed first. */
typedef struct ValPembanding {
    const char *label;
    mpq_srcptr nilai;
    bool has_selisih;        /* realisasi - nilai, when the realisasi is a number */
    mpq_t selisih;
} ValPembanding;

typedef struct ValIndikator {
    const char *id, *sasaran, *name, *satuan;
    const char *tingkat;     /* an indikator of the budget tree: its node's kind (sasaran: the node) */
    bool keluaran;           /* a named keluaran */
    Value target, target_hi, realisasi, capaian, predikat, capaian_renstra;   /* in the reporting year */
    size_t ntahunan;         /* realisasi of the Renstra years up to tahun that have one */
    int *tahunan_year;
    Value *tahunan;
    size_t npembanding;      /* the comparison values of the reporting year */
    ValPembanding *pembanding;
} ValIndikator;

typedef struct ValSasaran {
    const char *id, *name;
    Value capaian, predikat, serapan, efisiensi;
} ValSasaran;

typedef struct ValBudget {   /* the budget tree, each program followed by what is under it */
    const char *id, *tingkat, *induk, *name, *kode;
    Value anggaran, realisasi, serapan;
} ValBudget;

typedef struct ValClaim {
    long baris;
    ClaimResult hasil;
    const char *klaim;       /* the claim as written */
    size_t klaim_len;
    Value kiri, kanan;
    const char *pesan;
} ValClaim;

typedef struct ValPair {
    const char *name;
    mpq_srcptr value;
    mpq_srcptr value_hi;     /* a range's upper bound, else NULL */
} ValPair;

typedef struct ValPerjanjian {
    const char *id, *name, *tanggal, *mengubah, *diubah_oleh;
    ValPair *pairs[2];       /* target, anggaran */
    size_t npairs[2];
} ValPerjanjian;

typedef struct Values {
    Vec andai;               /* char*: the what-ifs, as in Report */
    const char *nama, *induk;
    int tahun;
    ValIndikator *ind;
    size_t nind;
    ValIndikator *ind_program;   /* the indikator of programs, kegiatan, subkegiatan */
    size_t nind_program;
    ValSasaran *sasaran;
    size_t nsasaran;
    ValBudget *budget;
    size_t nbudget;
    ValClaim *claims;
    size_t nclaims;
    ValPerjanjian *perjanjian;
    size_t nperjanjian;
    /* periods inside a year (sakip(5), PERIODS): the two tables, or NULL
     * when the file has no periods; JSON writes their rows as objects.
     * Their number cells have the machine form only (plain; text NULL). */
    struct Table *rencana_aksi, *serapan_periode;
} Values;

Values *report_values(Eval *ev);
void values_free(Values *v);

RecapRow *recap_row(Eval *ev);
void recap_row_free(RecapRow *r);
/* Groups the rows by induk (in order of first appearance) and ranks
 * them within each by mean capaian, best first; returns the number of
 * induk. */
size_t recap_sort(Vec *rows);
Table *recap_table(Vec *rows, Notation nt);   /* sorts rows by mean capaian */
void table_free(Table *t);
/* For CSV and XLSX, which write numbers: t with each column that holds a
 * range split in two, "Target" and "Target atas"; NULL when t holds no
 * range (use t).  Free it with table_free. */
Table *table_split_ranges(const Table *t);

void report_render_text(FILE *out, const Report *r);
/* Its what-if banner, heading and subheadings (the tables follow, each
 * after an empty line). */
void report_render_text_head(FILE *out, const Report *r);
/* JSON object of one instansi, and the recap array (report_json.c);
 * report_json_unit builds the values from an Eval itself (fuzz/). */
void report_json_values(Buf *b, const Values *v);
void report_json_unit(Buf *b, Eval *ev);
/* What a text gives as JSON: its JSON report when it has no fatal error,
 * then its diagnostics (diag_print_json); a malloc'd string.  The tests
 * and the fuzz target compare it across the two scanners
 * (parse_rules_only). */
char *report_json_of_text(const char *name, const char *text, size_t len);
void report_json_recap(Buf *b, Vec *rows);
/* HTML (report_html.c): one self-contained page, tables and inline SVG
 * charts.  begin/end wrap any number of units and an optional recap.
 * A unit is its tables and the figures of its charts (NULL: no charts);
 * report_html_unit builds the figures from an Eval itself (fuzz/). */
/* s with & < > " ' escaped for HTML text and attributes (NULL: nothing). */
void report_html_esc(Buf *b, const char *s);
void report_html_begin(Buf *b, const char *title);
/* The same head for a page a server sends with its own Content-Security-
 * Policy header: no CSP meta, and extra_head (links, scripts) before </head>. */
void report_html_head(Buf *b, const char *title, const char *extra_head);
void report_html_results(Buf *b, const Report *r, const Figures *f);
void report_html_unit(Buf *b, Eval *ev, const Report *r);
/* report_html_results a table at a time (with report_head and
 * report_next): open writes the heading, each table its own part and the
 * chart that follows it (f: NULL for none), close the signature and the
 * claims.  With out, the page is written to it as it is made, b emptied
 * on the way (write out what is left in b after each call), until close.   report_html_table returns false for the claims (periksa),
 * kept for close to write: free that table after close, each other one
 * once it is written. */
typedef struct HtmlUnit {
    int no;                  /* charts so far */
    bool has_years;          /* the report has the table tren */
    const Table *claims;
} HtmlUnit;
void report_html_open(Buf *b, const Report *r, HtmlUnit *u, FILE *out);
bool report_html_table(Buf *b, HtmlUnit *u, const Table *t, const Figures *f);
void report_html_close(Buf *b, const Report *r, HtmlUnit *u);
/* A what-if page (sakip(5), WHAT-IF OUTPUT): the watermark, once per
 * page, fixed so that it shows on the screen and on every printed page;
 * each section of a what-if unit (and the recap, when andai is not
 * empty) opens with a banner listing the what-ifs. */
void report_html_watermark(Buf *b);
void report_html_recap(Buf *b, const Table *recap, const Vec *andai);
void report_html_end(Buf *b);
/* sakip serve (#23): fn, when set, gives the address a cell of the
 * tables links to, or NULL; it is called while the tables are written. */
typedef const char *(*ReportHtmlLink)(void *ctx, const Table *t, const Cell *row, int col);
void report_html_set_link(ReportHtmlLink fn, void *ctx);

/* XLSX (report_xlsx.c, libxlsxwriter): one sheet per table; for several
 * units one sheet per table with an Instansi column, and a recap sheet.
 * Writes atomically to path; on failure returns false with *err set.
 * Built as the module sakip-xlsx.so, not into libsakip: the program
 * reaches it through dlopen (render.c), so only a run that writes a
 * workbook loads libxlsxwriter. */
typedef struct XlsxUnit {
    char *nama;
    Report *report;
} XlsxUnit;
bool report_xlsx_write(const char *path, const Vec *units /* XlsxUnit* */, const Table *recap, char **err);

/* CSV (RFC 4180, '.' decimals) and Markdown renderings of one table. */
/* instansi: when not NULL, a first column "Instansi" with this value. */
void table_render_csv(Buf *b, const Table *t, bool header, const char *instansi);
/* The same with a first column "simulasi" holding `simulasi` on every
 * row when it is not NULL (a what-if report). */
void table_render_csv_marked(Buf *b, const Table *t, bool header, const char *instansi, const char *simulasi);
/* --csv=excel-id (sakip(1)): what Excel in an Indonesian locale opens as
 * columns and numbers: ';' between fields, a decimal comma, and (written
 * by the caller at the start of each file) a UTF-8 byte order mark. */
extern const char CSV_BOM[];
void table_render_csv_styled(Buf *b, const Table *t, bool header, const char *instansi, const char *simulasi,
                             bool excel_id);
/* Whether a text cell would be read as a formula by a spreadsheet (it
 * begins with = + - @, a tab or a carriage return; "-" alone, the mark
 * of an undefined value, is not): CSV prefixes it with ', XLSX stores it
 * with the quote prefix (doc/formats.md). */
bool text_formula_like(const char *s);
/* The what-if marks: the banner's first line, and the what-ifs of a
 * report joined by "; " (malloc'd) for a CSV column or an XLSX title. */
extern const char report_simulasi_banner[];
char *report_andai_joined(const Vec *andai);
void table_render_md(Buf *b, const Table *t);
void table_render_text(FILE *out, const Table *t);

#endif
