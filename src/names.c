/* names.c -- the interned words of every file read (see names.h).
 *
 * Open addressing over Name pointers, grown at half full; the records are
 * carved from 64 KiB chunks (a longer name gets a chunk of its own). */
#include "names.h"

#include <stdlib.h>
#include <string.h>
#include "util.h"

enum { CHUNK_BYTES = 64 * 1024 };

typedef struct Chunk {
    struct Chunk *next;
    size_t used, size;
    _Alignas(Name) char data[];
} Chunk;

static Name *no_names[1];
Name **names_table = no_names;
size_t names_mask;             /* 0 with no_names: one empty slot */
static size_t table_cap, table_len;
static Chunk *chunks;

/* need bytes from the chunk being carved, or from a chunk of their own
 * when they are a good part of one */
static void *carve(size_t need)
{
    if (need > CHUNK_BYTES / 4) {
        Chunk *c = xmalloc(sizeof(Chunk) + need);
        c->used = c->size = need;   /* full: nothing else is carved from it */
        if (chunks) {
            c->next = chunks->next;
            chunks->next = c;
        } else {
            c->next = NULL;
            chunks = c;
        }
        return c->data;
    }
    if (!chunks || chunks->size - chunks->used < need) {
        Chunk *c = xmalloc(CHUNK_BYTES);
        c->next = chunks;
        c->used = 0;
        c->size = CHUNK_BYTES - sizeof(Chunk);
        chunks = c;
    }
    void *p = chunks->data + chunks->used;
    chunks->used += need;
    return p;
}

static Name *new_name(const char *s, NameKey k)
{
    size_t n = k.len, align = _Alignof(Name);
    Name *nm = carve((offsetof(Name, text) + n + 1 + align - 1) & ~(align - 1));
    memset(nm, 0, offsetof(Name, text));
    nm->hash = k.hash;
    nm->len = k.len;
    nm->head = k.head;
    nm->tail = k.tail;
    memcpy(nm->text, s, n);
    nm->text[n] = '\0';
    return nm;
}

static void grow(void)
{
    size_t cap = table_cap ? table_cap * 2 : 1024;
    Name **t = xcalloc(cap, sizeof *t);
    for (size_t i = 0; i < table_cap; i++) {
        Name *nm = names_table[i];
        if (!nm) continue;
        size_t k = nm->hash & (cap - 1);
        while (t[k]) k = (k + 1) & (cap - 1);
        t[k] = nm;
    }
    if (table_cap) free(names_table);
    names_table = t;
    table_cap = cap;
    names_mask = cap - 1;
}

NameKey name_key(const char *s, size_t n)
{
    uint64_t head = 0, tail = 0;
    memcpy(&head, s, n < 8 ? n : 8);
    if (n > 8) memcpy(&tail, s + n - 8, 8);
    return name_key_words(head, tail, n);
}

Name *name_add(const char *s, NameKey k)
{
    if ((table_len + 1) * 2 > table_cap) grow();
    size_t i = k.hash & names_mask;
    while (names_table[i]) i = (i + 1) & names_mask;
    Name *nm = new_name(s, k);
    names_table[i] = nm;
    table_len++;
    return nm;
}

Name *name_intern(const char *s, size_t n)
{
    return name_intern_key(s, name_key(s, n));
}

static const char *const *keywords;
static const int *keyword_toks;
static const unsigned char *keyword_flag_bits;

static void mark_keywords(void)
{
    for (int k = 0; keywords && keywords[k]; k++) {
        Name *nm = name_intern(keywords[k], strlen(keywords[k]));
        nm->tok = keyword_toks[k];
        nm->kwflags = keyword_flag_bits[k];
    }
}

void names_keywords(const char *const *words, const int *toks, const unsigned char *flags)
{
    keywords = words;
    keyword_toks = toks;
    keyword_flag_bits = flags;
    mark_keywords();
}

void names_reset(void)
{
    while (chunks) {
        Chunk *next = chunks->next;
        free(chunks);
        chunks = next;
    }
    if (table_cap) free(names_table);
    names_table = no_names;
    names_mask = 0;
    table_cap = table_len = 0;
    mark_keywords();
}
