/* util.h -- small shared utilities: an arena allocator that owns every
 * piece of a parsed file, a growable byte buffer, and checked malloc.
 *
 * Everything the parser builds for one file lives in one Arena and is
 * released with one arena_free(), so a whole-country run can parse,
 * evaluate and drop each file without per-node bookkeeping.
 */
#ifndef SAKIP_UTIL_H
#define SAKIP_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

typedef struct ArenaBlock ArenaBlock;
typedef struct ArenaCleanup ArenaCleanup;
typedef struct Arena {
    ArenaBlock *blocks;
    ArenaCleanup *cleanups;  /* run at arena_free, newest first */
    char *next, *end;        /* the free part of the newest block */
} Arena;

void arena_init(Arena *a);
/* A new block for n bytes (arena_take's slow path). */
void *arena_grow(Arena *a, size_t n);
/* n bytes, aligned for any type, not zeroed.  Inline: the parser takes
 * about one allocation per token (doc/performance.md, round 4). */
static inline void *arena_take(Arena *a, size_t n)
{
    enum { ALIGN = _Alignof(max_align_t) };
    n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if ((size_t)(a->end - a->next) < n) return arena_grow(a, n);
    void *p = a->next;
    a->next += n;
    return p;
}
/* n zeroed bytes. */
static inline void *arena_alloc(Arena *a, size_t n)
{
    void *p = arena_take(a, n);
    memset(p, 0, n);
    return p;
}
/* Gives back p, n bytes, when it is the arena's last allocation (the
 * parser's number token for a year, read and done with at once). */
static inline void arena_give_back(Arena *a, void *p, size_t n)
{
    enum { ALIGN = _Alignof(max_align_t) };
    n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if ((char *)p + n == a->next) a->next = p;
}
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);
/* Call fn(p) when the arena is freed (used for GMP numbers). */
void arena_on_free(Arena *a, void (*fn)(void *), void *p);
void arena_free(Arena *a);
/* Keep up to n freed blocks for the next arenas (0, the default: free them). */
void arena_keep_blocks(int n);

/* A hash of the string, for the open-addressing tables (symbols, induk). */
size_t str_hash(const char *s);

/* Growable byte buffer; always NUL-terminated. */
typedef struct Buf {
    char *data;
    size_t len, cap;
} Buf;

void buf_init(Buf *b);
void buf_free(Buf *b);
void buf_reset(Buf *b);
/* Makes room for extra more bytes (and the terminating NUL); inline,
 * the growing is buf_grow's. */
void buf_grow(Buf *b, size_t extra);
static inline void buf_reserve(Buf *b, size_t extra)
{
    if (b->len + extra + 1 > b->cap) buf_grow(b, extra);
}
/* One byte: inline, as reports append millions of them. */
static inline void buf_putc(Buf *b, char c)
{
    buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}
/* n bytes, and a string: inline too, so that a literal's length and copy
 * are worked out by the compiler. */
static inline void buf_putn(Buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}
static inline void buf_puts(Buf *b, const char *s) { buf_putn(b, s, strlen(s)); }
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
/* n in decimal, without printf's cost (reports write millions). */
void buf_put_long(Buf *b, long n);
char *u64_digits(char *end, uint64_t v);
char *buf_steal(Buf *b);  /* returns malloc'd string, resets b */
/* fmt formatted into a malloc'd string of its own size. */
char *vformat(const char *fmt, va_list ap);

/* Growable pointer vector.  Its counts are 32 bits: nothing holds more
 * than a 64 MiB file's items, and a Vec is in every entity and record,
 * so 16 bytes instead of 24 is memory per byte of input (doc/limits.md). */
typedef struct Vec {
    void **items;
    uint32_t len, cap;
} Vec;

void vec_push(Vec *v, void *item);
/* Same, but the storage comes from an arena (never freed separately). */
void vec_push_arena(Arena *a, Vec *v, void *item);
void vec_free(Vec *v);

/* Number of UTF-8 characters (code points) in s[0..n). */
size_t utf8_width(const char *s, size_t n);
/* Length of a valid UTF-8 sequence at s (at most n bytes), 0 if invalid. */
int utf8_seq_len(const unsigned char *s, size_t n);

/* Levenshtein distance, capped: returns cap+1 once it exceeds cap. */
size_t edit_distance(const char *a, const char *b, size_t cap);
/* The word of the NULL-terminated list within 2 edits of word (the
 * closest, the first on a tie), or NULL: for "did you mean". */
const char *closest_word(const char *word, const char *const *list);

/* The directory of the running program (malloc'd), or NULL: where its
 * data and catalogues are looked for first, so that no directory of the
 * build is compiled in (doc/decisions.md, "No build paths in the program"). */
char *program_dir(void);

/* Where a file installed beside the program in $(pkglibdir) is (the XLSX
 * module, sakip-serve): beside the program (the build tree), else
 * PREFIX/lib/sakip when the program is in PREFIX/bin, else the configured
 * directory.  Malloc'd.  mode as access(2)'s (F_OK, X_OK). */
char *module_path(const char *name, int mode);
#endif
