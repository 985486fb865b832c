/* util.c -- arena, buffers, vectors, UTF-8 helpers, edit distance. */
#include "util.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void out_of_memory(void)
{
    fputs("sakip: out of memory\n", stderr);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) out_of_memory();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) out_of_memory();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) out_of_memory();
    return p;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

/* ---- arena ---- */

struct ArenaBlock {
    ArenaBlock *next;
    size_t cap;              /* bytes of data */
    max_align_t data[];
};

struct ArenaCleanup {
    ArenaCleanup *next;
    void (*fn)(void *);
    void *p;
};

enum { ARENA_BLOCK = 32 * 1024 };

/* Blocks of ARENA_BLOCK bytes freed with an arena, kept (newest first) for
 * the next one: a national run frees one file's tree and builds the next,
 * and a block just freed is still in the cache, where a fresh malloc's may
 * not be.  Off (0) unless arena_keep_blocks() turns it on, so memory
 * checkers see every block freed (src/numalloc.c turns both on). */
static ArenaBlock *spare_blocks;
static int spare_count, spare_max;

void arena_keep_blocks(int n)
{
    spare_max = n;
}

void arena_init(Arena *a)
{
    a->blocks = NULL;
    a->cleanups = NULL;
    a->next = a->end = NULL;
}

void *arena_grow(Arena *a, size_t n)
{
    size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
    ArenaBlock *b;
    if (cap == ARENA_BLOCK && spare_blocks) {
        b = spare_blocks;
        spare_blocks = b->next;
        spare_count--;
    } else {
        b = xmalloc(sizeof *b + cap);
        b->cap = cap;
    }
    if (a->blocks && n > ARENA_BLOCK) {
        /* an oversized single allocation: the newest block keeps serving */
        b->next = a->blocks->next;
        a->blocks->next = b;
        return b->data;
    }
    b->next = a->blocks;
    a->blocks = b;
    a->next = (char *)b->data + n;
    a->end = (char *)b->data + cap;
    return b->data;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_take(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(Arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

void arena_on_free(Arena *a, void (*fn)(void *), void *p)
{
    ArenaCleanup *c = arena_alloc(a, sizeof *c);
    c->fn = fn;
    c->p = p;
    c->next = a->cleanups;
    a->cleanups = c;
}

void arena_free(Arena *a)
{
    for (ArenaCleanup *c = a->cleanups; c; c = c->next) c->fn(c->p);
    ArenaBlock *b = a->blocks;
    while (b) {
        ArenaBlock *next = b->next;
        if (b->cap == ARENA_BLOCK && spare_count < spare_max) {
            b->next = spare_blocks;
            spare_blocks = b;
            spare_count++;
        } else {
            free(b);
        }
        b = next;
    }
    arena_init(a);
}

/* ---- strings ---- */

size_t str_hash(const char *s)
{
    /* FNV-1a, 64-bit */
    size_t h = (size_t)1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * (size_t)1099511628211ull;
    return h;
}

/* ---- buffers ---- */

void buf_init(Buf *b) { b->data = NULL; b->len = b->cap = 0; }
void buf_free(Buf *b) { free(b->data); buf_init(b); }

void buf_reset(Buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

void buf_grow(Buf *b, size_t extra)
{
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}


void buf_vprintf(Buf *b, const char *fmt, va_list ap)
{
    /* Most results are short: format into the room there is, and only
     * when that is too little, make room and format again. */
    buf_reserve(b, 64);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        b->data[b->len] = '\0';
        return;
    }
    if ((size_t)n >= b->cap - b->len) {
        buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

/* The decimal digits of v, written backwards so that they end just
 * before end; returns where they start.  Eight digits a step (a 64-bit
 * division), each eight as two fours on 32-bit words, each four as two
 * pairs from a table: independent steps, no loop per digit.  Writes up
 * to 24 bytes before end (leading zeros included), so the caller's
 * buffer holds 24.  JSON writes several numbers a row of a table of
 * periods, millions a national corpus (doc/performance.md). */
static const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

static inline void four_digits(char *p, uint32_t x)   /* x < 10 000 */
{
    uint32_t hi = (x * 5243u) >> 19, lo = x - hi * 100;   /* x / 100 for x < 43 699 */
    memcpy(p, digit_pairs + 2 * hi, 2);
    memcpy(p + 2, digit_pairs + 2 * lo, 2);
}

static inline void eight_digits(char *p, uint32_t x)   /* x < 10^8 */
{
    uint32_t hi = x / 10000;
    four_digits(p, hi);
    four_digits(p + 4, x - hi * 10000);
}

char *u64_digits(char *end, uint64_t v)
{
    while (v >= 100000000u) {
        uint64_t q = v / 100000000u;
        end -= 8;
        eight_digits(end, (uint32_t)(v - q * 100000000u));
        v = q;
    }
    uint32_t x = (uint32_t)v;
    int n = 1 + (x >= 10) + (x >= 100) + (x >= 1000) + (x >= 10000) + (x >= 100000) + (x >= 1000000) + (x >= 10000000);
    eight_digits(end - 8, x);
    return end - n;
}

void buf_put_long(Buf *b, long n)
{
    char d[24];
    char *p = u64_digits(d + sizeof d, n < 0 ? 0ul - (unsigned long)n : (unsigned long)n);
    if (n < 0) *--p = '-';
    buf_putn(b, p, (size_t)(d + sizeof d - p));
}

void buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *buf_steal(Buf *b)
{
    /* cut to its length: a report keeps a million stolen cells, each
     * short in a buffer of 64 bytes or more */
    char *s = !b->data ? xstrdup("") : b->cap > b->len + 16 ? xrealloc(b->data, b->len + 1) : b->data;
    buf_init(b);
    return s;
}

/* ---- vectors ---- */

void vec_push(Vec *v, void *item)
{
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->items = xrealloc(v->items, v->cap * sizeof *v->items);
    }
    v->items[v->len++] = item;
}

void vec_push_arena(Arena *a, Vec *v, void *item)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 4;
        void **items = arena_alloc(a, cap * sizeof *items);
        if (v->len) memcpy(items, v->items, v->len * sizeof *items);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = item;
}

void vec_free(Vec *v)
{
    free(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}

/* ---- UTF-8 ---- */

int utf8_seq_len(const unsigned char *s, size_t n)
{
    if (n == 0) return 0;
    unsigned c = s[0];
    if (c < 0x80) return 1;
    int len;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
    else return 0;
    if ((size_t)len > n) return 0;
    unsigned cp = c & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

size_t utf8_width(const char *s, size_t n)
{
    /* a valid sequence is one column; so is each byte of an invalid one */
    size_t w = 0;
    for (size_t i = 0; i < n; w++) {
        int len = utf8_seq_len((const unsigned char *)s + i, n - i);
        i += len ? (size_t)len : 1;
    }
    return w;
}

/* ---- edit distance ---- */

size_t edit_distance(const char *a, const char *b, size_t cap)
{
    /* Optimal string alignment: insertions, deletions, substitutions and
     * swaps of two neighbouring letters (IMK -> IKM) each cost one. */
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return cap + 1;
    size_t diff = la > lb ? la - lb : lb - la;
    if (diff > cap) return cap + 1;
    size_t rows[3][65];
    size_t *pp = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= lb; j++) prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        size_t best = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = prev[j - 1] + cost;
            if (prev[j] + 1 < v) v = prev[j] + 1;
            if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v) v = pp[j - 2] + 1;
            cur[j] = v;
            if (v < best) best = v;
        }
        if (best > cap) return cap + 1;
        size_t *t = pp;
        pp = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb] > cap ? cap + 1 : prev[lb];
}

const char *closest_word(const char *word, const char *const *list)
{
    const char *best = NULL;
    size_t bestd = 3;
    for (size_t i = 0; list[i]; i++) {
        size_t d = edit_distance(word, list[i], 2);
        if (d < bestd) {
            bestd = d;
            best = list[i];
        }
    }
    return best;
}

char *program_dir(void)
{
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path);
    if (n <= 0 || (size_t)n >= sizeof path) return NULL;
    char *slash = memrchr(path, '/', (size_t)n);
    return slash ? xstrndup(path, (size_t)(slash == path ? 1 : slash - path)) : NULL;
}

#ifndef SAKIP_MODULEDIR   /* a build that does not say (fuzz/fuzz.mk): beside the program only */
#define SAKIP_MODULEDIR "."
#endif

char *module_path(const char *name, int mode)
{
    char *dir = program_dir();
    size_t len = dir ? strlen(dir) : 0;
    Buf path;
    buf_init(&path);
    if (dir) buf_printf(&path, "%s/%s", dir, name);
    if (dir && access(path.data, mode) != 0 && len >= 4 && !strcmp(dir + len - 4, "/bin")) {
        buf_reset(&path);
        buf_printf(&path, "%.*s/lib/sakip/%s", (int)(len - 4), dir, name);
    }
    if (!dir || access(path.data, mode) != 0) {
        buf_reset(&path);
        buf_printf(&path, "%s/%s", SAKIP_MODULEDIR, name);
    }
    free(dir);
    return buf_steal(&path);
}

/* The formatted text in a block of its own size: a file can have
 * hundreds of thousands of records, and a buffer's rounded-up capacity
 * (256 bytes for a 40-byte message) was most of their memory. */
char *vformat(const char *fmt, va_list ap)
{
    char small[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap2);
    va_end(ap2);
    if (n < 0) return xstrdup("");
    char *s = xmalloc((size_t)n + 1);
    if ((size_t)n < sizeof small) memcpy(s, small, (size_t)n + 1);
    else vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}
