/* ast.h -- the syntax tree of a .sakip file, with source spans.
 *
 * A Unit is one instansi's file: its header, and every declaration in
 * source order.  Declarations that carry an identifier (tujuan, sasaran,
 * indikator, program, kegiatan, subkegiatan, skala, aturan, perjanjian,
 * survei, penilaian) are Entities in one flat namespace (sakip(5),
 * DECLARATIONS; the Texinfo manual, node Declarations).  An Entity holds
 * what every kind has, and the rest in a union with one struct per kind,
 * read through checked accessors (ent_indikator(), ent_budget(), ...).
 * Every node carries the Span it was parsed from.  All memory belongs to
 * the Unit's arena.
 */
#ifndef SAKIP_AST_H
#define SAKIP_AST_H

#include <assert.h>
#include <gmp.h>
#include <stdbool.h>
#include "locfile.h"
#include "util.h"

typedef struct Entity Entity;

/* ---- expressions ---- */

typedef enum {
    EX_NUM,      /* 82, 83.63, 102% */
    EX_MONEY,    /* Rp 4.492.070.793 */
    EX_STR,
    EX_BOOL,
    EX_IDENT,
    EX_CALL,
    EX_BIN,
    EX_NEG,
    EX_NOT,
    EX_IF,
    EX_RANGE     /* 80..90, 80%..90% (u.bin.l and u.bin.r: literals) */
} ExprKind;

typedef enum {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV,
    OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_APPROX,
    OP_AND, OP_OR
} BinOp;

/* What an identifier in an expression refers to (filled by check.c). */
typedef enum {
    REF_UNRESOLVED,
    REF_ENTITY,      /* IKM, S2, P4 */
    REF_PARAM,       /* a rule parameter */
    REF_DATA,        /* a name from `data` inside a rumus */
    REF_RULE,        /* a parameterless aturan */
    REF_CAPAIAN,     /* target, realisasi, target_bawah, target_atas in a rumus_capaian (index) */
    REF_NILAI,       /* reserved for skala conditions */
    REF_PERIOD       /* a period name as a built-in's argument, tw2 (index: its code) */
} RefKind;

/* A built-in function (sakip(5), BUILT-IN FUNCTIONS), named once at
 * parse time so evaluation dispatches without comparing names: its row's
 * index + 1 in the registry (src/builtins.h), BI_NONE when a call names
 * none. */
typedef int BuiltinId;
enum { BI_NONE = 0 };

/* BI_NONE when name is no built-in. */
BuiltinId builtin_id(const char *name);
/* The name of a built-in. */
const char *builtin_name(BuiltinId id);

typedef struct Expr Expr;
struct Expr {
    ExprKind kind;
    int depth;               /* 1 for leaves; bounded by MAX_EXPR_DEPTH */
    Span span;
    Span op_span;            /* operator token for EX_BIN / unary */
    union {
        struct {
            mpq_t q;
            int decimals;    /* as written, for ~= */
            bool percent;
            bool unread;     /* a lexical error left no evident value: unknown (0 here) */
            mp_limb_t word[2];   /* expr_num_word: q's own limbs, read-only */
        } num;               /* EX_NUM, EX_MONEY */
        const char *str;     /* EX_STR */
        bool b;              /* EX_BOOL */
        struct {
            const char *name;
            const struct Name *sym;   /* name's interned record (src/names.h) */
            RefKind ref;
            Entity *ent;     /* REF_ENTITY, REF_RULE */
            int index;       /* REF_PARAM */
        } id;
        struct {
            const char *name;
            const struct Name *sym;   /* name's interned record (src/names.h) */
            Span name_span;
            Expr **args;
            Entity *rule;    /* user aturan called, or NULL: built-in */
            int nargs;       /* (beside builtin: an Expr is 96 bytes, not 104) */
            BuiltinId builtin;   /* the built-in of that name, if any */
        } call;
        struct {
            BinOp op;
            Expr *l, *r;
        } bin;
        Expr *un;            /* EX_NEG, EX_NOT */
        struct {
            Expr *c, *a, *b;
        } cond;
    } u;
};

/* ---- values written in declarations ---- */

/* `2024: 82`, `2024: 80..90`, or a bare value (has_year false). */
typedef struct YearVal {
    bool has_year;
    int year;
    Span span;
    Expr *lo;                /* the value, or the range's lower bound */
    Expr *hi;                /* range upper bound, NULL otherwise */
} YearVal;

typedef struct DataPair {
    const char *name;
    Span span;
    Expr *value;
} DataPair;

typedef struct DataYear {
    int year;
    Span span;
    Vec pairs;               /* DataPair* */
} DataYear;

/* ---- periods inside a year (sakip(5), PERIODS) ---- */

/* A period is a code: its kind times 16 plus its 1-based index. */
typedef enum { PK_NONE = 0, PK_TW = 1, PK_SM = 2, PK_BLN = 3 } PeriodKind;
/* The code of a period name (tw1..tw4, sm1 sm2, jan..des), or 0. */
int period_code(const char *name);
static inline PeriodKind period_kind(int code) { return (PeriodKind)(code >> 4); }
static inline int period_index(int code) { return code & 15; }
/* How many periods of a kind make a year (4, 2, 12), and months in each. */
int period_count(PeriodKind k);
static inline int period_months(PeriodKind k) { return k ? 12 / period_count(k) : 12; }
static inline int period_first_month(int code) { return (period_index(code) - 1) * period_months(period_kind(code)) + 1; }
static inline int period_last_month(int code) { return period_index(code) * period_months(period_kind(code)); }
static inline int period_make(PeriodKind k, int index) { return (int)k << 4 | index; }
/* The name of a period code ("tw2"); the kind's word ("triwulan"). */
const char *period_name(int code);
const char *period_kind_word(PeriodKind k);

/* `tw1: 83` in a period block */
typedef struct PeriodVal {
    const char *name;        /* as written (interned, or period_name() of its code: not a Name) */
    int code;                /* 0: an unknown name (check reports it) */
    Span span, name_span;
    Expr *value;
} PeriodVal;

/* `target 2025 { tw1: 83, tw2: 84, ... }` */
typedef struct PeriodBlock {
    int year;
    Span span, year_span;
    Vec vals;                /* PeriodVal* */
} PeriodBlock;

/* agregasi of an indikator's periods into its year value */
typedef enum { AG_NONE, AG_JUMLAH, AG_AKHIR, AG_RATA, AG_MAKSIMUM, AG_MINIMUM, AG_UNKNOWN } Agregasi;
extern const char *const agregasi_names[];   /* indexed by Agregasi, "" for AG_NONE/AG_UNKNOWN */

typedef struct NameRef {
    const char *name;
    Span span;
    Entity *ent;             /* resolved */
} NameRef;

typedef struct Keluaran {
    const char *name;
    Span span;
    Entity *ent;             /* `keluaran KL1 "..."`: its indikator, which holds the rest */
    const char *satuan;
    Vec target;              /* YearVal* */
    Vec realisasi;           /* YearVal* */
} Keluaran;

typedef struct Band {
    const char *label;
    Span span;
    Expr *lo, *hi;           /* NULL = open */
    bool lo_incl, hi_incl;
} Band;

/* ---- entities ---- */

/* The kinds of declaration, one per row of src/kinds.def, in its order. */
typedef enum {
#define KIND(name, word, list, budget, check) ENT_##name,
#include "kinds.def"
#undef KIND
} EntKind;

enum {
    /* how many kinds there are */
    ENT_NKINDS = 0
#define KIND(name, word, list, budget, check) + 1
#include "kinds.def"
#undef KIND
    ,
    /* the 1 << kind bits of the budget tree's kinds */
    ENT_BUDGET_KINDS = 0
#define KIND(name, word, list, budget, check) | ((budget) << ENT_##name)
#include "kinds.def"
#undef KIND
};

/* One respondent's answers, inline `(4, 3, ...)` or a CSV row. */
typedef struct AnswerRow {
    Span span;
    Vec vals;                /* Expr* numbers, one per unsur */
} AnswerRow;

/* `komponen perencanaan 30: 28.61 { keberadaan: 6, ... }` */
typedef struct Komponen {
    const char *name;
    Span name_span, span;
    Expr *bobot;             /* weight */
    Expr *nilai;             /* stated score, or NULL: the sum of subs */
    DataYear subs;           /* sub-component scores */
} Komponen;

/* `target IKM: 82` or `anggaran P1: Rp ...` in a perjanjian. */
typedef struct PkPair {
    NameRef ref;
    YearVal *value;
} PkPair;

/* `pembanding "IKM Kabupaten Jember" 2024: 87.33` in an indikator. */
typedef struct Pembanding {
    const char *label;
    Span span;
    Vec values;              /* YearVal* */
} Pembanding;

typedef enum { POL_UNSET, POL_POSITIF, POL_NEGATIF, POL_STABIL } Polaritas;

/* What each kind of declaration holds beyond what every Entity has: one
 * struct per kind (the budget tree's three kinds share one), kept in the
 * Entity's union and read through the checked accessors below. */

typedef struct TujuanDecl {
    Vec misi;                /* const char* */
} TujuanDecl;

typedef struct SasaranDecl {
    NameRef *tujuan;
    Vec supporters;          /* programs that mendukung it (check.c) */
} SasaranDecl;

typedef struct IndikatorDecl {
    const char *satuan;
    Polaritas polaritas;
    Span polaritas_span;
    Vec target, realisasi;   /* YearVal* */
    Expr *rumus;
    Span rumus_span;
    Vec data;                /* DataYear* */
    Vec penanggung_jawab, sumber; /* const char* */
    Vec pembanding;          /* Pembanding* */
    /* version 2: how its capaian is computed (sakip(5), indikator) */
    Expr *rumus_capaian;     /* replaces the computation; NULL: the built-in */
    Span rumus_capaian_span;
    bool has_batas;          /* `batas LOW..HIGH` */
    Expr *batas_lo, *batas_hi;   /* NULL: open */
    Span batas_span;
    Expr *bobot;             /* its weight in means; NULL: 1 */
    Span bobot_span;
    bool keluaran;           /* a `keluaran KL1 "..."` of a budget node */
    /* periods inside a year (sakip(5), PERIODS) */
    Vec ptarget, prealisasi; /* PeriodBlock* */
    Agregasi agregasi;
    const char *agregasi_word;
    Span agregasi_span;
} IndikatorDecl;

/* program, kegiatan and subkegiatan */
typedef struct BudgetDecl {
    Vec children;            /* kegiatan / subkegiatan Entity* */
    Vec mendukung;           /* NameRef* */
    Expr *anggaran;          /* as stated, may be NULL */
    Expr *realisasi_uang;    /* as stated, may be NULL */
    Vec keluaran;            /* Keluaran* */
    const char *kode;        /* `kode "7.01.01"`: the SIPD code, or NULL */
    Span kode_span;          /* the text */
    int nkode;               /* how many `kode` items (E0623 past one) */
    Span *kode_again;        /* the second one, when there are more */
    Vec prealisasi, prencana;    /* PeriodBlock*: realisasi and rencana per period */
} BudgetDecl;

typedef struct SkalaDecl {
    Vec bands;               /* Band* */
} SkalaDecl;

typedef struct AturanDecl {
    Vec params;              /* NameRef* (name + span) */
    Expr *body;
    bool has_parens;         /* `aturan f() = ...` vs `aturan f = ...` */
} AturanDecl;

typedef struct PerjanjianDecl {
    const char *tanggal;
    Span tanggal_span;
    Vec pihak;               /* const char* */
    NameRef *mengubah;
    Vec pk_target, pk_anggaran;   /* PkPair* */
    Entity *diubah_oleh;     /* the perjanjian that amends this one (check.c) */
} PerjanjianDecl;

typedef struct SurveiDecl {
    Vec unsur;               /* NameRef* */
    Vec rows;                /* AnswerRow* */
    const char *berkas;
    Span berkas_span;
} SurveiDecl;

typedef struct PenilaianDecl {
    Vec komponen;            /* Komponen* */
} PenilaianDecl;

/* A declaration with an identifier.  The fields here are those every
 * kind has (or several kinds share and generic code reads); the rest is
 * in u, the member named after the kind: read it through ent_tujuan(),
 * ent_indikator(), ent_budget(), ... which assert the kind. */
struct Entity {
    EntKind kind;
    uint32_t id_hash;        /* its name's hash (Name.hash), set by unit_define */
    uint32_t serial;         /* its unit's count of entities when made (eval's memo slots) */
    uint32_t index;          /* position among its kind, 0-based */
    const char *id;
    const char *name;        /* title text, may be NULL */
    Span span;               /* the whole declaration */
    Span id_span;
    Entity *parent;          /* enclosing declaration, if any */
    Vec indikator;           /* Entity*: the indikator inside it (tujuan, sasaran, budget nodes) */
    const char *penjelasan;  /* sasaran, indikator, perjanjian, survei, penilaian */
    union {
        TujuanDecl tujuan;
        SasaranDecl sasaran;
        IndikatorDecl indikator;
        BudgetDecl budget;   /* ENT_PROGRAM, ENT_KEGIATAN, ENT_SUBKEGIATAN */
        SkalaDecl skala;
        AturanDecl aturan;
        PerjanjianDecl perjanjian;
        SurveiDecl survei;
        PenilaianDecl penilaian;
    } u;
};

/* Whether k is a kind of the budget tree (program, kegiatan, subkegiatan). */
static inline bool ent_kind_is_budget(EntKind k) { return (ENT_BUDGET_KINDS >> k) & 1; }

/* The checked accessors: the part of e that its kind has.  Asking an
 * entity for another kind's part is a bug; it aborts (assert) rather
 * than read the bytes of another kind. */
#define ENT_ACCESSOR(fn, Decl, member, test)                                       \
    static inline Decl *fn(Entity *e)                                              \
    {                                                                              \
        assert(test);                                                              \
        return &e->u.member;                                                       \
    }                                                                              \
    static inline const Decl *fn##_c(const Entity *e)                              \
    {                                                                              \
        assert(test);                                                              \
        return &e->u.member;                                                       \
    }
ENT_ACCESSOR(ent_tujuan, TujuanDecl, tujuan, e->kind == ENT_TUJUAN)
ENT_ACCESSOR(ent_sasaran, SasaranDecl, sasaran, e->kind == ENT_SASARAN)
ENT_ACCESSOR(ent_indikator, IndikatorDecl, indikator, e->kind == ENT_INDIKATOR)
ENT_ACCESSOR(ent_budget, BudgetDecl, budget, ent_kind_is_budget(e->kind))
ENT_ACCESSOR(ent_skala, SkalaDecl, skala, e->kind == ENT_SKALA)
ENT_ACCESSOR(ent_aturan, AturanDecl, aturan, e->kind == ENT_ATURAN)
ENT_ACCESSOR(ent_perjanjian, PerjanjianDecl, perjanjian, e->kind == ENT_PERJANJIAN)
ENT_ACCESSOR(ent_survei, SurveiDecl, survei, e->kind == ENT_SURVEI)
ENT_ACCESSOR(ent_penilaian, PenilaianDecl, penilaian, e->kind == ENT_PENILAIAN)
#undef ENT_ACCESSOR

/* The period blocks of an indikator ('t' target, 'r' realisasi) or a
 * budget node ('r' realisasi, 'p' rencana), else NULL (sakip(5), PERIODS). */
static inline const Vec *ent_period_blocks(const Entity *x, char which)
{
    if (x->kind == ENT_INDIKATOR) {
        const IndikatorDecl *ik = ent_indikator_c(x);
        return which == 't' ? &ik->ptarget : which == 'r' ? &ik->prealisasi : NULL;
    }
    if (ent_kind_is_budget(x->kind)) {
        const BudgetDecl *bd = ent_budget_c(x);
        return which == 'r' ? &bd->prealisasi : which == 'p' ? &bd->prencana : NULL;
    }
    return NULL;
}

/* ---- statements that are not entities ---- */

typedef struct Atur {
    const char *name;
    Span span, name_span;
    Expr *value;
} Atur;

typedef struct Periksa {
    Expr *expr;
    const char *pesan;
    Span span;
} Periksa;

typedef struct Impor {
    const char *path;
    Span span;
} Impor;

/* `tabel capaian_iku "Tabel 3.2 Capaian Kinerja Tahun {tahun}"` */
typedef struct Tabel {
    const char *id;          /* the table's identifier, as written */
    Span id_span;
    const char *title;
    Span title_span, span;
} Tabel;

/* The identifiers of the tables (sakip(5), TABLES), NULL-terminated. */
extern const char *const tabel_ids[];
/* Whether id is one of them. */
bool tabel_id_known(const char *id);

typedef enum { ANDAI_TARGET, ANDAI_REALISASI, ANDAI_ANGGARAN, ANDAI_DATA, ANDAI_RENCANA } AndaiKind;

typedef struct Andai {
    AndaiKind kind;
    NameRef target;          /* the indikator or budget node */
    bool has_year;
    int year;
    const char *data_name;   /* ANDAI_DATA; a period's name as written */
    Span data_span;
    int period;              /* the period's code (`andai realisasi IKM 2025 tw3 = 80`), or 0 */
    YearVal *value;
    Span span;
} Andai;

/* ---- the unit ---- */

typedef struct Unit {
    Arena arena;
    LocFile *file;           /* owned */

    int ninstansi;
    Span instansi_span, second_instansi_span;
    Span instansi_block;     /* the whole first instansi { ... } */
    const char *nama, *induk, *kepala;
    int tahun;
    Span tahun_span;
    bool has_tahun;
    int periode_from, periode_to;
    bool has_periode;
    Span periode_span;
    int version;             /* `sakip 1` */

    Vec entities;            /* every Entity*, source order */
    /* each kind's declarations, source order: the LIST of its row of
     * src/kinds.def (unit_kind_list); programs: the budget tree's roots */
    Vec tujuan, sasaran, indikator, programs, budget_nodes, skala, aturan, perjanjian, survei, penilaian;
    Vec atur;                /* Atur* */
    Vec periksa;             /* Periksa* */
    Vec impor;               /* Impor* */
    Vec tabel;               /* Tabel*: titles the file gives its tables */
    Vec andai;               /* Andai* (scenario files, REPL) */
    Vec duplicates;          /* Entity* whose id was already taken */
    Vec imported;            /* Unit* read by impor, owned */
    Vec extra_files;         /* LocFile* of scenarios and REPL inputs, owned */
    bool truncated;          /* reading stopped at a limit: do not check */

    /* The unit's bindings: open addressing over entities by their id's
     * Name hash (unit_lookup_name); no binding lives outside the unit. */
    Entity **sym;
    size_t sym_cap, sym_len;
    uint32_t nentities;      /* entity_new so far: the next serial */
    Entity *builtin_skala;   /* Permendagri 86/2017, made by the first eval_init */
} Unit;

Unit *unit_new(LocFile *lf);
void unit_free(Unit *u);

Entity *unit_lookup(const Unit *u, const char *id);
/* The same, for an interned name: most often without a probe. */
Entity *unit_lookup_name(const Unit *u, const struct Name *nm);
/* Inserts; returns the earlier entity with the same id, or NULL. */
Entity *unit_define(Unit *u, Entity *e);
/* The same, nm being e->id's interned record (a parsed entity's). */
Entity *unit_define_name(Unit *u, Entity *e, struct Name *nm);

/* What src/kinds.def says of each kind, indexed by EntKind. */
typedef struct EntKindInfo {
    const char *keyword;     /* "sasaran": declares it, and names it in messages */
    size_t list;             /* offsetof(Unit, the vector its declarations go to) */
} EntKindInfo;
extern const EntKindInfo ent_kinds[ENT_NKINDS];

const char *ent_kind_name(EntKind k);   /* "sasaran", "indikator", ... */
bool ent_is_budget(const Entity *e);
/* The unit's vector of declarations of kind k (those of the budget tree's
 * three kinds share one: test each one's kind). */
Vec *unit_kind_list(Unit *u, EntKind k);

/* Allocation helpers for the parser. */
Expr *expr_new(Unit *u, ExprKind k, Span s);
Expr *expr_num(Unit *u, Span s, const mpq_t q, int decimals, bool percent, bool money);
/* A number (or amount) literal of value 0, for the scanner to fill in. */
Expr *expr_num_zero(Unit *u, Span s, bool money);
/* The literal v / 10^ndec (0 <= ndec <= 18), read-only: its limbs live in
 * the node (mpz_roinit_n), so it takes no GMP allocation and nothing
 * clears it.  The scanner's plain numbers and amounts; nothing writes
 * into a literal's value afterwards (a unary minus only flips its sign). */
Expr *expr_num_word(Unit *u, Span s, bool money, uint64_t v, int ndec);
Entity *entity_new(Unit *u, EntKind k, const char *id, Span id_span);

/* Appends to a tree vector; storage from the unit's arena. */
void apush(Unit *u, Vec *v, void *item);

/* The original text of an expression, for reports ("capaian(IKM)"). */
/* The source text of s when span_text() would return it unchanged (one
 * line, single spaces, no comment), with its length in *n; else NULL. */
const char *span_plain(Span s, size_t *n);
const char *span_text(Unit *u, Span s);

/* A what-if as a statement with its year (and data name) written out,
 * `andai realisasi TRANTIB 2024 = 11`, whatever the year it was given
 * with: for :simpan and the marking of what-if reports. */
void andai_format(Unit *u, const Andai *a, Buf *b);

#endif
