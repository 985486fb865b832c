/* peta.h -- the map of `sakip import` (doc/import.md, sakip(5) IMPORT
 * MAPS): which sheet, which header row, which column holds what, how the
 * budget tree's levels are found, which rows to skip, and the number
 * notation, declared, never guessed. */
#ifndef SAKIP_PETA_H
#define SAKIP_PETA_H

#include <stdbool.h>
#include "num.h"
#include "util.h"

typedef enum {
    PC_KODE, PC_ID, PC_NAMA, PC_TINGKAT, PC_NOMOR, PC_ANGGARAN, PC_REALISASI,
    /* an indikator map (a Renstra target matrix) */
    PC_INDIKATOR, PC_SATUAN, PC_POLARITAS, PC_SASARAN,
    /* a perjanjian map (a PK sheet): kolom target = ..., kolom program = ... */
    PC_TARGET, PC_PROGRAM, PC_N
} PetaRole;

typedef enum { LVL_NONE, LVL_KODE, LVL_KOLOM, LVL_NOMOR, LVL_INDENTASI } PetaLevels;

typedef struct PetaCol {
    bool set;
    long letter;             /* 0-based column, or -1: found by header text */
    char *header;            /* the header text, when by header */
    int line;                /* where the map says it */
} PetaCol;

typedef struct PetaSkip {
    int role;                /* a PetaRole, or -1: any text column */
    char *text;
} PetaSkip;

/* period columns (sakip(5), PERIODS): `kolom realisasi tw1 = ...` */
enum { PP_REALISASI, PP_RENCANA, PP_N };
#define PETA_MAX_PERIODS 12
#define PETA_MAX_YEARS 16

typedef struct Peta {
    char *path;
    char *sheet_name;        /* `lembar "anggaran"` */
    unsigned sheet_index;    /* `lembar 2` (1-based; 0: the first sheet) */
    unsigned header_row;     /* `judul 3` (1-based; 0: no header row) */
    Notation notation;       /* `angka indonesia|inggris` */
    bool notation_set;
    char sep;                /* `pemisah ";"` (0: from the CSV's first line) */
    PetaLevels levels;
    int levels_line;         /* where the map says tingkat */
    PetaCol cols[PC_N];
    Vec skip;                /* PetaSkip*: `lewati "Jumlah"`, `lewati nama = "2"` */
    /* `kolom realisasi tw1 = "Realisasi TW I"`, `kolom rencana tw1 = ...`:
     * pcols[PP_*][index - 1] of one kind of period, the year's `tahun 2025` */
    PetaCol pcols[PP_N][PETA_MAX_PERIODS];
    int pkind;               /* a PeriodKind (ast.h); 0: no period columns */
    int pkind_line;
    int year;                /* `tahun 2025`; 0: not given */
    int year_line;
    /* an indikator map: `kolom target 2021 = "2021"`, `polaritas positif` */
    PetaCol tcols[PETA_MAX_YEARS];
    int tyears[PETA_MAX_YEARS];
    int ntargets;
    int polarity;            /* 0: none; 1 positif, 2 negatif (fixed in the map) */
    int polarity_line;
    /* a perjanjian map: `perjanjian PK2024 "title"`, `tanggal "..."`,
     * `pihak "...", "..."`, `mengubah PK2023`, `judul program 12` */
    char *pk_id, *pk_title, *pk_tanggal, *pk_mengubah;
    Vec pk_pihak;            /* char* */
    int pk_line;
    unsigned program_header_row;   /* 1-based; 0: found by kolom program's header text */
    int program_header_line;
} Peta;

/* an indikator map (kolom indikator) rather than a budget map */
static inline bool peta_indikator(const Peta *p) { return p->cols[PC_INDIKATOR].set && !p->pk_id; }

/* a perjanjian map (`perjanjian ID`): a PK sheet's targets and amounts */
static inline bool peta_perjanjian(const Peta *p) { return p->pk_id != NULL; }

const char *peta_role_name(PetaRole r);
/* Reads a map; on errors returns false with one located message per line
 * in err ("MAP:LINE:COL: error: ..."). */
bool peta_parse(const char *path, const char *text, size_t len, Peta *p, Buf *err);
void peta_free(Peta *p);

#endif
