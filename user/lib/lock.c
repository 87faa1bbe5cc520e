// SPDX-License-Identifier: MIT
/*
 * newlib's locks, on Pagoda's futex mutexes (pthread.c).
 *
 * newlib is configured with retargetable locking
 * (tools/build-newlib.sh): each lock it takes -- one per FILE, and the
 * static ones around malloc, the environment, atexit, the list of open
 * FILEs, the time zone ... -- is a call to one of the __retarget_lock_*
 * functions below, with a pointer to a struct __lock that the library
 * leaves to the system.  The build deletes newlib's own versions (empty
 * ones, for a single thread) from libc.a, so that a program always links
 * these, and a missing one is a link error rather than a silent no-op.
 *
 * Every lock here may be taken recursively: newlib's are either recursive
 * (a FILE: fprintf calls fputc's code with the stream locked; malloc:
 * realloc calls malloc) or never taken twice by one thread, where a
 * recursive lock behaves as a plain one.  A recursive lock is a mutex with
 * an owner and a depth: a thread that owns it only counts.
 *
 * The locks of a FILE are made when fopen takes the FILE, from the heap,
 * and freed by fclose.  If the heap is full the FILE shares one static
 * lock with every other such FILE: slower, never wrong.
 *
 * flockfile, ftrylockfile and funlockfile, which <stdio.h> declares and
 * newlib leaves out, take a FILE's lock for a caller that wants several
 * calls to come out as one.
 *
 * fork takes them all (__libc_lock_all, below), so that the child, which
 * has only the forking thread, finds none held by a thread it lacks.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/lock.h>

#include "libc.h"

/* newlib's, in its stdio: set up the standard streams (declared privately). */
void __sinit(struct _reent *r);

struct __lock {
	pthread_mutex_t mutex;
	pthread_t owner; /* written only by the thread holding mutex */
	int depth;
};

/* The static locks newlib's objects name (newlib's misc/lock.c lists them). */
#define STATIC_LOCK(name)                                                      \
	struct __lock __lock___##name = { .mutex = PTHREAD_MUTEX_INITIALIZER }
STATIC_LOCK(sinit_recursive_mutex);
STATIC_LOCK(sfp_recursive_mutex);
STATIC_LOCK(atexit_recursive_mutex);
STATIC_LOCK(at_quick_exit_mutex);
STATIC_LOCK(malloc_recursive_mutex);
STATIC_LOCK(env_recursive_mutex);
STATIC_LOCK(tz_mutex);
STATIC_LOCK(dd_hash_mutex);
STATIC_LOCK(arc4random_mutex);

static struct __lock shared_lock = { .mutex = PTHREAD_MUTEX_INITIALIZER };

void __retarget_lock_init_recursive(_LOCK_T *lock)
{
	*lock = calloc(1, sizeof(**lock));
	if (!*lock)
		*lock = &shared_lock;
}

void __retarget_lock_init(_LOCK_T *lock)
{
	__retarget_lock_init_recursive(lock);
}

void __retarget_lock_close_recursive(_LOCK_T lock)
{
	if (lock != &shared_lock)
		free(lock);
}

void __retarget_lock_close(_LOCK_T lock)
{
	__retarget_lock_close_recursive(lock);
}

/* Only this thread can have made itself the owner: reading owner is safe. */
static int owned(_LOCK_T lock)
{
	return __atomic_load_n(&lock->owner, __ATOMIC_RELAXED) ==
	       pthread_self();
}

static void take(_LOCK_T lock)
{
	__atomic_store_n(&lock->owner, pthread_self(), __ATOMIC_RELAXED);
	lock->depth = 1;
}

void __retarget_lock_acquire_recursive(_LOCK_T lock)
{
	if (owned(lock)) {
		lock->depth++;
		return;
	}
	pthread_mutex_lock(&lock->mutex);
	take(lock);
}

void __retarget_lock_acquire(_LOCK_T lock)
{
	__retarget_lock_acquire_recursive(lock);
}

/* 0 when taken, as pthread_mutex_trylock; EBUSY if another thread owns it. */
int __retarget_lock_try_acquire_recursive(_LOCK_T lock)
{
	if (owned(lock)) {
		lock->depth++;
		return 0;
	}
	if (pthread_mutex_trylock(&lock->mutex))
		return EBUSY;
	take(lock);
	return 0;
}

int __retarget_lock_try_acquire(_LOCK_T lock)
{
	return __retarget_lock_try_acquire_recursive(lock);
}

void __retarget_lock_release_recursive(_LOCK_T lock)
{
	if (--lock->depth)
		return;
	__atomic_store_n(&lock->owner, NULL, __ATOMIC_RELAXED);
	pthread_mutex_unlock(&lock->mutex);
}

void __retarget_lock_release(_LOCK_T lock)
{
	__retarget_lock_release_recursive(lock);
}

/*
 * The standard streams get their locks when a thread first uses stdio
 * (newlib's __sinit); a program may lock stdout before that.
 */
static _LOCK_T file_lock(FILE *f)
{
	if (!_REENT->__sdidinit)
		__sinit(_REENT);
	return f->_lock;
}

void flockfile(FILE *f)
{
	__retarget_lock_acquire_recursive(file_lock(f));
}

int ftrylockfile(FILE *f)
{
	return __retarget_lock_try_acquire_recursive(file_lock(f));
}

void funlockfile(FILE *f)
{
	__retarget_lock_release_recursive(file_lock(f));
}

/*
 * fork (fork.c) takes every lock of the library, so that no other thread
 * holds one when the child is made, and both sides release them after:
 * a lock held at the fork would be held for ever in the child, where only
 * the forking thread lives.  They are taken in the order newlib nests
 * them, the outer first (stdio's initialization, atexit, the time zone and
 * the environment may call malloc or use FILEs; the list of FILEs is held
 * while each FILE's lock is taken; malloc's is innermost), so that fork
 * cannot deadlock with a thread taking two of them.
 */
#define NR_LOCKS(table) (sizeof(table) / sizeof((table)[0]))

static struct __lock *const outer_locks[] = {
	&__lock___sinit_recursive_mutex,
	&__lock___atexit_recursive_mutex,
	&__lock___tz_mutex,
	&__lock___env_recursive_mutex,
	&__lock___sfp_recursive_mutex,
};
static struct __lock *const inner_locks[] = {
	&__lock___arc4random_mutex,
	&__lock___dd_hash_mutex,
	&__lock___at_quick_exit_mutex,
	&__lock___malloc_recursive_mutex,
};

/* newlib's, in its stdio: fn on each open FILE of r (declared privately). */
int _fwalk(struct _reent *r, int (*fn)(FILE *));

static int lock_file(FILE *f)
{
	__retarget_lock_acquire_recursive(f->_lock);
	return 0;
}

static int unlock_file(FILE *f)
{
	__retarget_lock_release_recursive(f->_lock);
	return 0;
}

void __libc_lock_all(void)
{
	for (size_t i = 0; i < NR_LOCKS(outer_locks); i++)
		__retarget_lock_acquire_recursive(outer_locks[i]);
	_fwalk(_GLOBAL_REENT, lock_file);
	for (size_t i = 0; i < NR_LOCKS(inner_locks); i++)
		__retarget_lock_acquire_recursive(inner_locks[i]);
}

void __libc_unlock_all(void)
{
	for (size_t i = NR_LOCKS(inner_locks); i--;)
		__retarget_lock_release_recursive(inner_locks[i]);
	_fwalk(_GLOBAL_REENT, unlock_file);
	for (size_t i = NR_LOCKS(outer_locks); i--;)
		__retarget_lock_release_recursive(outer_locks[i]);
}
