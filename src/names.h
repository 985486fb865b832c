/* names.h -- one copy of every word the scanner has read.
 *
 * The scanner interns each word (keyword or name) here: a keyword is
 * then told from a name by one probe, and every occurrence of a name
 * shares one string and its hash.  A Name is no binding: what a name
 * declares belongs to the unit that declares it (its symbol table,
 * src/ast.c unit_lookup_name), found by one probe with the Name's hash
 * and told apart by pointer.
 *
 * The table is process-wide and only grows: a national run holds a few
 * hundred distinct names.  Strings returned stay valid until
 * names_reset(), which a caller may use only when no unit is alive (the
 * fuzzers, between inputs). */
#ifndef SAKIP_NAMES_H
#define SAKIP_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct Name {
    signed char builtin;     /* BuiltinId + 1 once known, 0: not asked yet */
    unsigned char kwflags;   /* the keyword's flags (keywords.def), 0 for a name */
    int tok;                 /* the keyword's token, or 0 for a name */
    uint32_t hash;
    uint32_t len;
    uint64_t head, tail;     /* the first and the last (up to) 8 bytes */
    char text[];             /* NUL-terminated */
} Name;

/* What a word is looked up by: its first and last 8 bytes (fewer, zero
 * padded, when it is shorter), its length and a hash of those. */
typedef struct NameKey {
    uint64_t head, tail;
    uint32_t hash, len;
} NameKey;

static inline NameKey name_key_words(uint64_t head, uint64_t tail, size_t n)
{
    NameKey k = {head, tail, 0, (uint32_t)n};
    uint64_t x = (head ^ (tail << 17 | tail >> 47) ^ n) * UINT64_C(0x9E3779B97F4A7C15);
    k.hash = (uint32_t)(x >> 32);
    return k;
}

/* The key of s[0..n), which may be read to s[n + 7] (a scanner's text,
 * when 8 bytes past the word's start are still in it). */
static inline NameKey name_key_wide(const char *s, size_t n)
{
    uint64_t head, tail = 0;
    memcpy(&head, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    if (n == 0) head = 0;
    else if (n < 8) head = head >> (8 * (8 - n)) << (8 * (8 - n));
#else
    if (n < 8) head &= (UINT64_C(1) << (8 * n)) - 1;
#endif
    else if (n > 8) memcpy(&tail, s + n - 8, 8);
    return name_key_words(head, tail, n);
}

/* The key of s[0..n), read within its n bytes. */
NameKey name_key(const char *s, size_t n);

/* The table, open addressing over Name pointers (names_mask + 1 slots). */
extern Name **names_table;
extern size_t names_mask;
/* Adds the Name s[0..k.len), which is not in the table. */
Name *name_add(const char *s, NameKey k);

/* The one Name spelt s[0..k.len) (which may hold no NUL) with key k, made
 * on first use.  Inline: the scanner calls it for every word. */
static inline Name *name_intern_key(const char *s, NameKey k)
{
    for (size_t i = k.hash & names_mask;; i = (i + 1) & names_mask) {
        Name *nm = names_table[i];
        if (!nm) return name_add(s, k);
        /* head and tail cover a word of up to 16 bytes */
        if (nm->hash == k.hash && nm->head == k.head && nm->tail == k.tail && nm->len == k.len &&
            (k.len <= 16 || memcmp(nm->text + 8, s + 8, k.len - 16) == 0))
            return nm;
    }
}
/* The same, the key made here. */
Name *name_intern(const char *s, size_t n);

/* The Name whose text is `text`: only for strings name_intern returned. */
static inline Name *name_of(const char *text)
{
    return (Name *)(void *)(text - offsetof(Name, text));
}

/* Marks words[0], words[1], ... (NULL-terminated) as keywords with the
 * tokens toks[0], toks[1], ...; they stay marked across names_reset(). */
void names_keywords(const char *const *words, const int *toks, const unsigned char *flags);

/* Forget every name (no string returned before may be used again). */
void names_reset(void);

#endif
