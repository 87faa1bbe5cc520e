/* SPDX-License-Identifier: MIT */
/*
 * Atomic integers and bit operations (chapter 10), written with the
 * compiler's __atomic builtins, which every port's compiler turns into its
 * CPU's own instructions: on x86 one instruction with a lock prefix (lock
 * xadd, lock cmpxchg, lock or...), which is also a full memory barrier; on
 * s390 interlocked-access instructions or compare-and-swap; on ARMv7 a
 * load-exclusive/store-exclusive loop with barriers.  Every operation here
 * is sequentially consistent, so it orders the accesses around it.
 */
#ifndef _KERNEL_ATOMIC_H
#define _KERNEL_ATOMIC_H

#include <kernel/types.h>

/* A counter several CPUs may change at once (Linux's atomic_t). */
typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(n)                                                         \
	{                                                                      \
		(n)                                                            \
	}

static inline int atomic_read(const atomic_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic_set(atomic_t *v, int n)
{
	__atomic_store_n(&v->counter, n, __ATOMIC_RELAXED);
}

/* The new value. */
static inline int atomic_add_return(int n, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, n, __ATOMIC_SEQ_CST);
}

static inline void atomic_add(int n, atomic_t *v)
{
	atomic_add_return(n, v);
}

static inline void atomic_inc(atomic_t *v)
{
	atomic_add_return(1, v);
}

static inline void atomic_dec(atomic_t *v)
{
	atomic_add_return(-1, v);
}

/* True when the counter reached 0: the caller dropped the last reference. */
static inline bool atomic_dec_and_test(atomic_t *v)
{
	return atomic_add_return(-1, v) == 0;
}

/* Set to new if it holds old; the value it held. */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false,
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	return old;
}

/*
 * A counter of a machine word (Linux's atomic_long_t): wide enough to pack
 * flags beside a count, as a rwsem's count word does (kernel/rwsem.h).
 */
typedef struct {
	long counter;
} atomic_long_t;

#define ATOMIC_LONG_INIT(n) ATOMIC_INIT(n)

static inline long atomic_long_read(const atomic_long_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

/*
 * Set to new if it holds *old, and say so; if it does not, *old becomes
 * what it holds, ready for the caller's next try (Linux's try_cmpxchg).
 */
static inline bool atomic_long_try_cmpxchg(atomic_long_t *v, long *old,
					   long new)
{
	return __atomic_compare_exchange_n(&v->counter, old, new, false,
					   __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

/* The new value. */
static inline long atomic_long_add_return(long n, atomic_long_t *v)
{
	return __atomic_add_fetch(&v->counter, n, __ATOMIC_SEQ_CST);
}

static inline void atomic_long_or(long mask, atomic_long_t *v)
{
	__atomic_fetch_or(&v->counter, mask, __ATOMIC_SEQ_CST);
}

static inline void set_bit(unsigned int nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(addr, 1UL << nr, __ATOMIC_SEQ_CST);
}

static inline void clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(addr, ~(1UL << nr), __ATOMIC_SEQ_CST);
}

static inline bool test_bit(unsigned int nr, const volatile unsigned long *addr)
{
	return (__atomic_load_n(addr, __ATOMIC_RELAXED) >> nr) & 1;
}

/* A full barrier, for the few orderings no atomic operation gives. */
static inline void smp_mb(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

#endif
