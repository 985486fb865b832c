/* ast.c -- construction of units, entities and expressions; the
 * per-instansi symbol table; the table of the kinds of declaration
 * (src/kinds.def). */
#include "ast.h"
#include "names.h"
#include "num.h"
#include "numalloc.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static void clear_mpq(void *p) { num_clear(p); }

Unit *unit_new(LocFile *lf)
{
    Unit *u = xcalloc(1, sizeof *u);
    arena_init(&u->arena);
    u->file = lf;
    u->version = 1;
    return u;
}

void unit_free(Unit *u)
{
    if (!u) return;
    /* Every vector of the tree lives in the arena (apush). */
    for (size_t i = 0; i < u->imported.len; i++) unit_free(u->imported.items[i]);
    for (size_t i = 0; i < u->extra_files.len; i++) locfile_free(u->extra_files.items[i]);
    free(u->sym);
    arena_free(&u->arena);
    locfile_free(u->file);
    free(u);
}


/* Whether two names are the same: short names, compared in place rather
 * than through a call to strcmp. */
static bool same_name(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

/* The entity named nm in u's table.  Each entity keeps its name's hash:
 * a probe that meets another name (and every miss, such as a rule lookup
 * for each built-in call) is told apart without comparing the names. */
static Entity *sym_find(const Unit *u, const Name *nm)
{
    if (!u->sym_cap) return NULL;
    size_t mask = u->sym_cap - 1;
    for (size_t i = nm->hash & mask;; i = (i + 1) & mask) {
        Entity *e = u->sym[i];
        if (!e) return NULL;
        if (e->id_hash == nm->hash && (e->id == nm->text || same_name(e->id, nm->text))) return e;
    }
}

Entity *unit_lookup(const Unit *u, const char *id)
{
    return unit_lookup_name(u, name_intern(id, strlen(id)));
}

static void sym_insert(Entity **tab, size_t cap, Entity *e)
{
    size_t mask = cap - 1;
    size_t i = e->id_hash & mask;
    while (tab[i]) i = (i + 1) & mask;
    tab[i] = e;
}

/* What nm declares in u: u's own binding, found with nm's hash. */
Entity *unit_lookup_name(const Unit *u, const Name *nm) { return sym_find(u, nm); }

Entity *unit_define(Unit *u, Entity *e)
{
    return unit_define_name(u, e, name_intern(e->id, strlen(e->id)));
}

Entity *unit_define_name(Unit *u, Entity *e, Name *nm)
{
    Entity *old = unit_lookup_name(u, nm);
    if (old) return old;
    e->id_hash = nm->hash;
    if ((u->sym_len + 1) * 2 > u->sym_cap) {
        size_t cap = u->sym_cap ? u->sym_cap * 2 : 64;
        Entity **tab = xcalloc(cap, sizeof *tab);
        for (size_t i = 0; i < u->sym_cap; i++)
            if (u->sym[i]) sym_insert(tab, cap, u->sym[i]);
        free(u->sym);
        u->sym = tab;
        u->sym_cap = cap;
    }
    sym_insert(u->sym, u->sym_cap, e);
    u->sym_len++;
    return NULL;
}

const EntKindInfo ent_kinds[ENT_NKINDS] = {
#define KIND(name, word, list, budget, check) [ENT_##name] = {word, offsetof(Unit, list)},
#include "kinds.def"
#undef KIND
};

const char *ent_kind_name(EntKind k) { return (unsigned)k < ENT_NKINDS ? ent_kinds[k].keyword : "?"; }

bool ent_is_budget(const Entity *e) { return ent_kind_is_budget(e->kind); }

Vec *unit_kind_list(Unit *u, EntKind k) { return (Vec *)((char *)u + ent_kinds[k].list); }

Expr *expr_new(Unit *u, ExprKind k, Span s)
{
    Expr *e = arena_alloc(&u->arena, sizeof *e);
    e->kind = k;
    e->depth = 1;
    e->span = s;
    e->op_span = s;
    return e;
}

Expr *expr_num_zero(Unit *u, Span s, bool money)
{
    Expr *e = expr_new(u, money ? EX_MONEY : EX_NUM, s);
    num_init(e->u.num.q);
    arena_on_free(&u->arena, clear_mpq, e->u.num.q);
    return e;
}

Expr *expr_num_word(Unit *u, Span s, bool money, uint64_t v, int ndec)
{
#if GMP_NUMB_BITS == 64 && GMP_NAIL_BITS == 0
    Expr *e = expr_new(u, money ? EX_MONEY : EX_NUM, s);
    uint64_t den = num_decimal_reduce(&v, ndec);
    e->u.num.word[0] = v;
    e->u.num.word[1] = den;
    /* what mpz_roinit_n() would do, without two calls into libgmp:
     * read-only numbers (alloc 0) over the two words */
    mpz_ptr num = mpq_numref(e->u.num.q), den_z = mpq_denref(e->u.num.q);
    num->_mp_alloc = 0;
    num->_mp_size = v ? 1 : 0;
    num->_mp_d = &e->u.num.word[0];
    den_z->_mp_alloc = 0;
    den_z->_mp_size = 1;
    den_z->_mp_d = &e->u.num.word[1];
    return e;
#else
    Expr *e = expr_num_zero(u, s, money);
    num_set_decimal(e->u.num.q, v, ndec);
    return e;
#endif
}

Expr *expr_num(Unit *u, Span s, const mpq_t q, int decimals, bool percent, bool money)
{
    Expr *e = expr_num_zero(u, s, money);
    mpq_set(e->u.num.q, q);
    e->u.num.decimals = decimals;
    e->u.num.percent = percent;
    return e;
}

Entity *entity_new(Unit *u, EntKind k, const char *id, Span id_span)
{
    Entity *e = arena_alloc(&u->arena, sizeof *e);
    e->kind = k;
    e->serial = u->nentities++;
    e->id = id;
    e->id_span = id_span;
    e->span = id_span;
    return e;
}

void apush(Unit *u, Vec *v, void *item) { vec_push_arena(&u->arena, v, item); }

const char *span_plain(Span s, size_t *n)
{
    if (!s.file || s.end <= s.start) return NULL;
    const char *t = s.file->text + s.start;
    size_t len = s.end - s.start, m = 0;
    if (t[0] == ' ' || t[len - 1] == ' ') return NULL;
#if defined(__SSE2__)
    /* sixteen bytes a step: t[m + 16] is still in the text (its NUL at
     * the latest), as t[m + 1] is below */
    const __m128i hash = _mm_set1_epi8('#'), nl = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t'),
                  cr = _mm_set1_epi8('\r'), sp = _mm_set1_epi8(' ');
    for (; m + 16 <= len; m += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(t + m)), next = _mm_loadu_si128((const __m128i *)(t + m + 1));
        __m128i bad = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, hash), _mm_cmpeq_epi8(v, nl)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, cr)));
        bad = _mm_or_si128(bad, _mm_and_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(next, sp)));
        if (_mm_movemask_epi8(bad)) return NULL;
    }
#endif
    while (m < len && t[m] != '#' && t[m] != '\n' && t[m] != '\t' && t[m] != '\r' && !(t[m] == ' ' && t[m + 1] == ' '))
        m++;
    if (m < len) return NULL;
    *n = len;
    return t;
}

const char *span_text(Unit *u, Span s)
{
    if (!s.file || s.end < s.start) return "";
    /* Source text with each run of white space (and comments between
     * continued lines) folded to one space, for one-line messages. */
    const char *t = s.file->text + s.start;
    size_t n = s.end - s.start;
    /* the usual claim is one line with single spaces: itself */
    if (span_plain(s, &n)) return arena_strndup(&u->arena, t, n);
    char *out = arena_take(&u->arena, n + 1);   /* out[k] ends it */
    size_t k = 0;
    bool in_string = false, space = false;
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        if (!in_string && c == '#') {
            while (i + 1 < n && t[i + 1] != '\n') i++;
            space = true;
            continue;
        }
        if (c == '"' && (i == 0 || t[i - 1] != '\\')) in_string = !in_string;
        if (!in_string && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            space = true;
            continue;
        }
        if (space && k > 0) out[k++] = ' ';
        space = false;
        out[k++] = c;
    }
    out[k] = '\0';
    return out;
}

/* ---- tables and what-ifs ---- */

/* sakip(5), TABLES: the identifiers a `tabel` line may name.  Some name
 * tables this version does not print yet; their titles are kept. */
const char *const tabel_ids[] = {"capaian_iku", "capaian_sasaran", "tren", "tren_capaian", "pembanding",
                                 "indikator_program", "anggaran", "efisiensi", "predikat", "perjanjian",
                                 "rencana_aksi", "serapan_periode", "survei", "penilaian", "periksa", "rekap",
                                 NULL};

bool tabel_id_known(const char *id)
{
    for (size_t i = 0; tabel_ids[i]; i++)
        if (!strcmp(tabel_ids[i], id)) return true;
    return false;
}

static const char *const period_names[4][13] = {
    {0},
    {"", "tw1", "tw2", "tw3", "tw4"},
    {"", "sm1", "sm2"},
    {"", "jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des"},
};

int period_count(PeriodKind k) { return k == PK_TW ? 4 : k == PK_SM ? 2 : k == PK_BLN ? 12 : 1; }

int period_code(const char *name)
{
    /* every period name has three letters: compared inline, as the
     * parser asks this for each value of a rencana aksi */
    if (!name[0] || !name[1] || !name[2] || name[3]) return 0;
    for (int k = PK_TW; k <= PK_BLN; k++)
        for (int i = 1; i <= period_count((PeriodKind)k); i++) {
            const char *p = period_names[k][i];
            if (p[0] == name[0] && p[1] == name[1] && p[2] == name[2]) return period_make((PeriodKind)k, i);
        }
    return 0;
}

const char *period_name(int code)
{
    PeriodKind k = period_kind(code);
    int i = period_index(code);
    if (k < PK_TW || k > PK_BLN || i < 1 || i > period_count(k)) return "?";
    return period_names[k][i];
}

const char *period_kind_word(PeriodKind k)
{
    return k == PK_TW ? "triwulan" : k == PK_SM ? "semester" : k == PK_BLN ? "bulan" : "tahun";
}

const char *const agregasi_names[] = {"", "jumlah", "akhir", "rata", "maksimum", "minimum", ""};

void andai_format(Unit *u, const Andai *a, Buf *b)
{
    static const char *const field[] = {"target", "realisasi", "anggaran", "data", "rencana"};
    buf_printf(b, "andai %s %s", field[a->kind], a->target.name);
    const Entity *x = a->target.ent;
    bool budget = x && ent_is_budget(x);
    /* a what-if without a year is for the file's tahun (eval.c); the
     * budget has no years */
    if (!budget || a->period) buf_printf(b, " %d", a->has_year ? a->year : u->tahun);
    if ((a->kind == ANDAI_DATA || a->period) && a->data_name) buf_printf(b, " %s", a->data_name);
    buf_printf(b, " = %s", span_text(u, a->value->span));
}
