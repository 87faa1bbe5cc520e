// SPDX-License-Identifier: MIT
/*
 * What newlib needs from Pagoda besides the system calls.
 *
 * newlib reaches the operating system through a few functions it does not
 * define itself.  Built with MISSING_SYSCALL_NAMES (tools/build-newlib.sh),
 * its reentrant layer (_read_r ... in newlib's libc/reent) calls them by
 * their POSIX names: read, write, open, close, lseek, fstat, stat, isatty,
 * sbrk (malloc's heap), kill, getpid, unlink, gettimeofday (time()),
 * fork, wait, execve, _exit -- the wrappers of syscalls.c and time.c, the
 * ones programs call too.  This file adds the rest:
 *
 *  - times(), in clock ticks (sysconf(_SC_CLK_TCK)) as POSIX has it, and
 *    clock(), in XSI's CLOCKS_PER_SEC (user/include/time.h), which
 *    newlib's would take times() to count in;
 *  - each thread's struct _reent, newlib's per-thread state (errno,
 *    strtok's position, the buffers of dtoa and asctime): __getreent()
 *    finds the calling thread's (newlib is built with __DYNAMIC_REENT__),
 *    pthread.c keeps one in each thread's stack mapping (libc.h);
 *  - the locks newlib takes (each FILE's, malloc's, the environment's
 *    ...) are in lock.c.
 */
#include <reent.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <time.h>

#include "libc.h"

static clock_t ticks(const struct timeval *tv)
{
	return tv->tv_sec * USER_HZ + tv->tv_usec / (1000000 / USER_HZ);
}

/* CPU times in clock ticks (USER_HZ); returns the uptime in them. */
clock_t times(struct tms *buf)
{
	struct rusage self, children;
	struct timespec now;

	if (getrusage(RUSAGE_SELF, &self) < 0 ||
	    getrusage(RUSAGE_CHILDREN, &children) < 0 ||
	    clock_gettime(CLOCK_MONOTONIC, &now) < 0)
		return (clock_t)-1;
	buf->tms_utime = ticks(&self.ru_utime);
	buf->tms_stime = ticks(&self.ru_stime);
	buf->tms_cutime = ticks(&children.ru_utime);
	buf->tms_cstime = ticks(&children.ru_stime);
	return now.tv_sec * USER_HZ + now.tv_nsec / (1000000000 / USER_HZ);
}

/* The process's CPU time (POSIX: user and system, not its children's). */
clock_t clock(void)
{
	struct timespec t;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) < 0)
		return (clock_t)-1;
	return t.tv_sec * CLOCKS_PER_SEC +
	       t.tv_nsec / (1000000000 / CLOCKS_PER_SEC);
}

/* Threads */

const size_t __libc_thread_size = sizeof(struct _reent);

void __libc_thread_init(void *state)
{
	_REENT_INIT_PTR((struct _reent *)state);
}

/* What the thread's state points to: dtoa's buffers, and so on. */
void __libc_thread_release(void *state)
{
	if (state)
		_reclaim_reent(state);
}

struct _reent *__getreent(void)
{
	struct _reent *r = __pthread_libc_state();

	return r ? r : _impure_ptr;
}
