/* numalloc.h -- a size-class allocator for GMP's limbs (see numalloc.c). */
#ifndef SAKIP_NUMALLOC_H
#define SAKIP_NUMALLOC_H

#include <gmp.h>
#include <stdbool.h>

/* Makes GMP allocate its small blocks from per-size free lists.  Call it
 * once, before any GMP number exists.  Returns false, changing nothing,
 * under AddressSanitizer, under valgrind or with SAKIP_PLAIN_MALLOC set. */
bool numalloc_install(void);

/* mpq_init and mpq_clear, through a pool of cleared numbers once
 * numalloc_install() (or numpool_enable()) has turned it on. */
void num_init(mpq_t q);
void num_clear(mpq_t q);
void numpool_enable(void);

#endif
