// SPDX-License-Identifier: MIT
/*
 * The C library's futex calls (kernel/futex.c), shared by the locks and
 * waits built on them: threads' mutexes and condition variables
 * (pthread.c), semaphores (semaphore.c) and message queues (mqueue.c).
 *
 * A futex is private (FUTEX_PRIVATE_FLAG: the kernel names it by the
 * process and the address, without looking at the mapping) unless the
 * object lives in memory that other processes map too -- a pshared
 * semaphore, a named one, a message queue -- where the kernel must name it
 * by the shared page or file, as each process maps it at its own address.
 *
 * The lock is Drepper's three-state futex lock ("Futexes Are Tricky"): 0
 * unlocked, 1 locked, 2 locked and maybe waited for; taking and releasing
 * an unwanted lock are one atomic instruction each, and only a thread that
 * finds it taken enters the kernel.
 */
#include <stdbool.h>
#include <time.h>

#include "libc.h"

static int futex_op(int op, bool shared)
{
	return shared ? op : op | FUTEX_PRIVATE_FLAG;
}

long __futex_wait(int *word, int val, bool shared, const struct timespec *left)
{
	return __syscall6(SYS_futex, (long)word, futex_op(FUTEX_WAIT, shared),
			  val, (long)left, 0, 0);
}

long __futex_wake(int *word, int n, bool shared)
{
	return __syscall3(SYS_futex, word, futex_op(FUTEX_WAKE, shared), n);
}

/*
 * The futex takes a relative timeout, POSIX's calls an absolute time on
 * CLOCK_REALTIME: what is left of it (right, as Pagoda's real-time clock
 * is never set after boot).
 */
bool __time_left(const struct timespec *abstime, struct timespec *left)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	left->tv_sec = abstime->tv_sec - now.tv_sec;
	left->tv_nsec = abstime->tv_nsec - now.tv_nsec;
	if (left->tv_nsec < 0) {
		left->tv_nsec += 1000000000L;
		left->tv_sec--;
	}
	return left->tv_sec >= 0;
}

bool __futex_trylock(int *word)
{
	int unlocked = 0;

	return __atomic_compare_exchange_n(word, &unlocked, 1, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

void __futex_lock_contended(int *word, bool shared)
{
	while (__atomic_exchange_n(word, 2, __ATOMIC_ACQUIRE))
		__futex_wait(word, 2, shared, NULL);
}

void __futex_lock(int *word, bool shared)
{
	if (!__futex_trylock(word))
		__futex_lock_contended(word, shared);
}

void __futex_unlock(int *word, bool shared)
{
	if (__atomic_exchange_n(word, 0, __ATOMIC_RELEASE) == 2)
		__futex_wake(word, 1, shared);
}
