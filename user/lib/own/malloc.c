// SPDX-License-Identifier: MIT
/*
 * malloc, free, realloc, calloc: a first-fit allocator over sbrk().
 *
 * The heap is a run of blocks.  Each starts with a header giving the block's
 * size (header included, a multiple of 16, so that every payload is aligned
 * to 16 as the x86_64 ABI wants for any type).  Free blocks are on one list
 * sorted by address, so that free() can merge a block with its free
 * neighbours and the heap does not crumble into small pieces.  A block in
 * use has IN_USE where the list link would be: free() checks it, and so
 * catches a pointer malloc() never returned, or one freed twice.
 *
 * malloc() takes the first free block big enough, splitting off the rest;
 * when none is, it grows the heap with sbrk(), by 64 KiB at least so that
 * small allocations do not each cost a system call.  Memory is never given
 * back to the kernel: a process's heap only grows, until it exits.
 *
 * The threads of a process share the heap: each call holds heap_lock (a
 * futex mutex, user/lib/pthread.c; an atomic instruction when nobody else
 * holds it) for all it does, the do_* functions being the calls' bodies.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ALIGN 16
#define GROW_MIN (64 * 1024)

static pthread_mutex_t heap_lock = PTHREAD_MUTEX_INITIALIZER;

struct header {
	size_t size;	     /* of the whole block, header included */
	struct header *next; /* next free block by address, or IN_USE */
} __attribute__((aligned(ALIGN)));

/* Never a real header's address: those are aligned. */
#define IN_USE ((struct header *)1)
/* The smallest block worth splitting off: a header and one ALIGN unit. */
#define MIN_BLOCK (sizeof(struct header) + ALIGN)

static struct header *free_list;

static struct header *after(struct header *b)
{
	return (struct header *)((char *)b + b->size);
}

/* The block size that holds n bytes, or 0 if that is too big to ask for. */
static size_t block_size(size_t n)
{
	if (n > (size_t)INTPTR_MAX - sizeof(struct header) - ALIGN)
		return 0;
	n = (n + sizeof(struct header) + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	return n < MIN_BLOCK ? MIN_BLOCK : n;
}

/* Put b on the free list, merging it with the free blocks next to it. */
static void insert_free(struct header *b)
{
	struct header *prev = NULL, *next = free_list;

	while (next && next < b) {
		prev = next;
		next = next->next;
	}
	if (next && after(b) == next) {
		b->size += next->size;
		b->next = next->next;
	} else {
		b->next = next;
	}
	if (prev && after(prev) == b) {
		prev->size += b->size;
		prev->next = b->next;
	} else if (prev) {
		prev->next = b;
	} else {
		free_list = b;
	}
}

/* Cut b down to size bytes, freeing the rest if it is worth a block. */
static void trim(struct header *b, size_t size)
{
	struct header *rest;

	if (b->size - size < MIN_BLOCK)
		return;
	rest = (struct header *)((char *)b + size);
	rest->size = b->size - size;
	b->size = size;
	insert_free(rest);
}

/* First fit: take a free block of at least size bytes off the list. */
static struct header *take(size_t size)
{
	for (struct header **link = &free_list; *link; link = &(*link)->next) {
		struct header *b = *link;

		if (b->size >= size) {
			*link = b->next;
			b->next = IN_USE;
			trim(b, size);
			return b;
		}
	}
	return NULL;
}

/* Add at least size bytes of new heap to the free list. */
static int grow(size_t size)
{
	uintptr_t brk = (uintptr_t)sbrk(0);
	size_t pad = -brk & (ALIGN - 1); /* in case the break is not aligned */
	size_t want = size < GROW_MIN ? GROW_MIN : size;
	char *p = sbrk(pad + want);
	struct header *b;

	if (p == (void *)-1 && want > size) {
		want = size; /* no room for the extra: ask for just enough */
		p = sbrk(pad + want);
	}
	if (p == (void *)-1)
		return -1;
	b = (struct header *)(p + pad);
	b->size = want;
	insert_free(b);
	return 0;
}

static void *do_malloc(size_t n)
{
	size_t size = block_size(n);
	struct header *b;

	if (!size) {
		errno = ENOMEM;
		return NULL;
	}
	b = take(size);
	if (!b && grow(size) == 0)
		b = take(size);
	if (!b) {
		errno = ENOMEM;
		return NULL;
	}
	return b + 1;
}

/* The header of a block in use, or the end of the program if p is not one. */
static struct header *header_of(void *p, const char *who)
{
	struct header *b = (struct header *)p - 1;

	if (((uintptr_t)p & (ALIGN - 1)) || b->next != IN_USE) {
		fprintf(stderr, "%s(%p): not from malloc, or already freed\n",
			who, p);
		abort();
	}
	return b;
}

static void do_free(void *p)
{
	if (p)
		insert_free(header_of(p, "free"));
}

void *malloc(size_t n)
{
	void *p;

	pthread_mutex_lock(&heap_lock);
	p = do_malloc(n);
	pthread_mutex_unlock(&heap_lock);
	return p;
}

void free(void *p)
{
	pthread_mutex_lock(&heap_lock);
	do_free(p);
	pthread_mutex_unlock(&heap_lock);
}

void *calloc(size_t n, size_t size)
{
	size_t total;
	void *p;

	if (__builtin_mul_overflow(n, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(total);
	if (p)
		memset(p, 0, total);
	return p;
}

static void *do_realloc(void *p, size_t n)
{
	struct header *b, *next, **link;
	size_t size;
	void *copy;

	if (!p)
		return do_malloc(n);
	if (!n) {
		do_free(p);
		return NULL;
	}
	b = header_of(p, "realloc");
	size = block_size(n);
	if (!size) {
		errno = ENOMEM;
		return NULL;
	}
	if (size <= b->size) { /* shrinking: keep the block, free its tail */
		trim(b, size);
		return p;
	}

	/* Growing: in place if the next block is free and big enough ... */
	next = after(b);
	for (link = &free_list; *link && *link < next; link = &(*link)->next)
		;
	if (*link == next && b->size + next->size >= size) {
		*link = next->next;
		b->size += next->size;
		trim(b, size);
		return p;
	}
	/* ... otherwise by moving it. */
	copy = do_malloc(n);
	if (!copy)
		return NULL; /* p is left as it was, as C says */
	memcpy(copy, p, b->size - sizeof(struct header));
	do_free(p);
	return copy;
}

void *realloc(void *p, size_t n)
{
	pthread_mutex_lock(&heap_lock);
	p = do_realloc(p, n);
	pthread_mutex_unlock(&heap_lock);
	return p;
}
