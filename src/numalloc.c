/* numalloc.c -- the allocator GMP's limbs come from in the CLI, and a
 * pool of cleared numbers.
 *
 * Every exact number is an mpq_t, and GMP allocates two small limb blocks
 * for each one it initialises; a national run (issue #9) creates and
 * clears millions of them.  glibc's malloc spent a fifth of all
 * instructions on those blocks.  GMP tells its free and realloc functions
 * the size of the block, so small blocks need no header: they come from
 * per-size free lists carved out of 64 KiB chunks, and go back to the
 * same list.  Blocks above NUMALLOC_MAX_SMALL go to malloc.
 *
 * Memory is only reused, never returned to the system before exit; the
 * high-water mark is the largest number of live numbers at one time,
 * which stays small because each file is released before the next.
 *
 * It also owns num_init/num_clear, which keep up to 1024 cleared mpq_t
 * for reuse, so the commonest numbers need no new blocks at all.
 *
 * Neither is installed under AddressSanitizer or valgrind (or with
 * SAKIP_PLAIN_MALLOC set), so their checks see every block -- unless
 * SAKIP_NUMALLOC is set: then both are, and under AddressSanitizer the
 * allocator poisons what is not handed out (free blocks, the unused rest
 * of a chunk, a red zone after each block, a pooled number's limbs), so
 * the suite run that way (.ci/run) checks the allocator production uses.
 */
#include "numalloc.h"

#include <gmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "num.h"
#include "util.h"

#if defined(__SANITIZE_ADDRESS__)
#define NUMALLOC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NUMALLOC_ASAN 1
#endif
#endif
#ifdef NUMALLOC_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#define REDZONE 16u              /* poisoned bytes after each block */
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#define REDZONE 0u
#endif

#define GRAIN 8u
#define NUMALLOC_MAX_SMALL 256u
#define NCLASSES (NUMALLOC_MAX_SMALL / GRAIN + 1)
#define CHUNK_BYTES (64u * 1024u)

typedef struct FreeBlock { struct FreeBlock *next; } FreeBlock;
typedef struct Chunk { struct Chunk *next; } Chunk;
_Static_assert(sizeof(Chunk) % GRAIN == 0, "blocks after the chunk header stay aligned");

static FreeBlock *free_lists[NCLASSES];
static Chunk *chunks;            /* every chunk, so all stay reachable */
static char *carve_at, *carve_end;

static size_t class_of(size_t n)
{
    return n == 0 ? 1 : (n + GRAIN - 1) / GRAIN;
}

static void *small_alloc(size_t cls)
{
    FreeBlock *b = free_lists[cls];
    if (b) {
        UNPOISON(b, sizeof *b);
        free_lists[cls] = b->next;
        return b;
    }
    size_t bytes = cls * GRAIN + REDZONE;
    if ((size_t)(carve_end - carve_at) < bytes) {
        /* The rest of the old chunk (under 256 bytes) is left unused. */
        Chunk *c = xmalloc(CHUNK_BYTES);
        c->next = chunks;
        chunks = c;
        carve_at = (char *)c + sizeof(Chunk);   /* one pointer: GRAIN-aligned */
        carve_end = (char *)c + CHUNK_BYTES;
        POISON(carve_at, (size_t)(carve_end - carve_at));
    }
    void *p = carve_at;
    carve_at += bytes;
    return p;
}

static void *num_alloc(size_t n)
{
    if (n > NUMALLOC_MAX_SMALL) return xmalloc(n);
    void *p = small_alloc(class_of(n));
    UNPOISON(p, n);
    return p;
}

static void num_free(void *p, size_t n)
{
    if (!p) return;
    if (n > NUMALLOC_MAX_SMALL) {
        free(p);
        return;
    }
    FreeBlock *b = p;
    size_t cls = class_of(n);
    UNPOISON(b, sizeof *b);
    b->next = free_lists[cls];
    free_lists[cls] = b;
    POISON(b, cls * GRAIN);
}

static void *num_realloc(void *p, size_t old, size_t n)
{
    if (old > NUMALLOC_MAX_SMALL && n > NUMALLOC_MAX_SMALL) return xrealloc(p, n);
    if (old <= NUMALLOC_MAX_SMALL && n <= NUMALLOC_MAX_SMALL && class_of(old) == class_of(n)) {
        if (n > old) UNPOISON(p, n);
        else POISON((char *)p + n, old - n);
        return p;
    }
    void *q = num_alloc(n);
    memcpy(q, p, old < n ? old : n);
    num_free(p, old);
    return q;
}

static bool under_a_memory_checker(void)
{
    if (getenv("SAKIP_NUMALLOC")) return false;   /* forced on: see the top */
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#endif
#endif
    if (getenv("SAKIP_PLAIN_MALLOC")) return true;
    /* memcheck preloads vgpreload_memcheck-*.so (callgrind does not,
     * so profiles see the allocator the CLI really uses). */
    const char *pre = getenv("LD_PRELOAD");
    return pre && strstr(pre, "vgpreload_memcheck");
}

/* Cleared numbers kept for the next num_init: evaluation initialises and
 * clears a Value for most expression nodes, and a file's literals are
 * cleared when it is released, while GMP allocates limb blocks for each
 * new number.  A kept mpq_t is set to 0 and moved whole (its fields point
 * to its limbs, not to itself), to be handed out again.  Off (-1) unless the
 * allocator is installed, so memory checkers see every number freed. */
enum { NUMPOOL_MAX = 1024 };
static mpq_t numpool[NUMPOOL_MAX];
static int numpool_len = -1;

void numpool_enable(void)
{
    if (numpool_len < 0) numpool_len = 0;
}

/* A pooled number's limbs, poisoned while it waits in the pool. */
static void pool_poison(mpq_srcptr q, bool poison)
{
#ifdef NUMALLOC_ASAN
    mpz_srcptr z[2] = {mpq_numref(q), mpq_denref(q)};
    for (int i = 0; i < 2; i++) {
        size_t n = (size_t)z[i]->_mp_alloc * sizeof(mp_limb_t);
        if (poison) POISON(z[i]->_mp_d, n);
        else UNPOISON(z[i]->_mp_d, n);
    }
#else
    (void)q, (void)poison;
#endif
}

void num_init(mpq_t q)
{
    if (numpool_len > 0) {
        numpool_len--;
        memcpy(q, numpool[numpool_len], sizeof(mpq_t));   /* 0 already */
        pool_poison(q, false);
    } else {
        mpq_init(q);
    }
}

void num_clear(mpq_t q)
{
    if (numpool_len >= 0 && numpool_len < NUMPOOL_MAX) {
        /* Kept as 0/1.  The fields are written into the pool's copy, not
         * set in q and then copied: reading back a field just stored
         * stalled the copy (num_clear was 4 % of eval --format=json). */
        mpq_ptr keep = numpool[numpool_len++];
        mpz_ptr kn = mpq_numref(keep), kd = mpq_denref(keep);
        mpz_srcptr qn = mpq_numref(q), qd = mpq_denref(q);
        kn->_mp_alloc = qn->_mp_alloc;
        kn->_mp_d = qn->_mp_d;
        kn->_mp_size = 0;
        kd->_mp_alloc = qd->_mp_alloc;
        kd->_mp_d = qd->_mp_d;
        if (qd->_mp_alloc >= 1) {
            kd->_mp_d[0] = 1;            /* its limbs are likely still in the cache */
            kd->_mp_size = 1;
        } else {
            mpz_set_ui(kd, 1);
        }
        pool_poison(keep, true);
    } else {
        mpq_clear(q);
    }
}

bool numalloc_install(void)
{
    if (under_a_memory_checker()) return false;
    mp_set_memory_functions(num_alloc, num_realloc, num_free);
    numpool_enable();
    arena_keep_blocks(64);   /* 2 MiB: more than one file's tree needs */
    return true;
}
