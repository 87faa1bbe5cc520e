/* SPDX-License-Identifier: MIT */
/* kmalloc/kfree: small kernel objects carved out of whole pages. */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <kernel/types.h>

/* Largest size served from a slab; bigger requests get whole pages. */
#define KMALLOC_MAX_CACHE_SIZE 2048

/*
 * size bytes aligned to the size class (at least 16), or NULL when memory is
 * exhausted or size is 0 or absurd.  Never sleeps, never panics.
 */
void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(const void *ptr);

/* Slab pages currently held by the kmalloc caches (for tests and figures). */
unsigned long kmalloc_slab_pages(void);

#endif
