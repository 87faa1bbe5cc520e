// SPDX-License-Identifier: MIT
/*
 * POSIX semaphores on futexes, in user space as glibc's.
 *
 * The count is the futex word.  sem_post adds one and, if a waiter may be
 * asleep, wakes one; sem_wait takes one if the count is not zero, and
 * otherwise says it is waiting and sleeps while the count is still zero.
 * The two sides write one word and read the other, both with sequentially
 * consistent atomics: if sem_post read no waiter, its increment came
 * before the waiter's, so the kernel's check (FUTEX_WAIT sleeps only if
 * the word still holds 0) sees the new count and the waiter does not
 * sleep.  A signal interrupts the wait (EINTR), unless its handler asked
 * for SA_RESTART, when the kernel restarts the futex call.
 *
 * A semaphore shared between processes (pshared 1, or named) uses shared
 * futexes: the kernel names the word by the page or file holding it
 * (kernel/futex.c), which each process maps at an address of its own.
 *
 * A named semaphore is the file /dev/shm/sem.NAME holding one sem_t,
 * mapped shared (glibc's layout).  sem_open creates it whole or not at
 * all (__shm_open_object, shm.c: a temporary file, linked to the name
 * when written), so a process opening the name never sees a half-made
 * one.  A
 * process opening one name twice gets the same address (POSIX), from a
 * list of the semaphores it has open, by file.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libc.h"

#define SEM_PREFIX "sem."

static int sem_error(int err)
{
	errno = err;
	return -1;
}

int sem_init(sem_t *sem, int pshared, unsigned int value)
{
	if (value > SEM_VALUE_MAX)
		return sem_error(EINVAL);
	*sem = (sem_t){ .value = value, .shared = pshared != 0 };
	return 0;
}

int sem_destroy(sem_t *sem)
{
	return 0;
}

/* Take one from the count if it is not zero. */
static bool sem_down(sem_t *sem)
{
	unsigned int v = __atomic_load_n(&sem->value, __ATOMIC_RELAXED);

	while (v)
		if (__atomic_compare_exchange_n(&sem->value, &v, v - 1, false,
						__ATOMIC_SEQ_CST,
						__ATOMIC_RELAXED))
			return true;
	return false;
}

int sem_trywait(sem_t *sem)
{
	return sem_down(sem) ? 0 : sem_error(EAGAIN);
}

/* sem_wait until abstime (NULL: for ever). */
static int sem_wait_until(sem_t *sem, const struct timespec *abstime)
{
	struct timespec left;
	long r;

	while (!sem_down(sem)) {
		if (abstime &&
		    (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L))
			return sem_error(EINVAL);
		if (abstime && !__time_left(abstime, &left))
			return sem_error(ETIMEDOUT);
		__atomic_add_fetch(&sem->waiters, 1, __ATOMIC_SEQ_CST);
		r = __futex_wait((int *)&sem->value, 0, sem->shared,
				 abstime ? &left : NULL);
		__atomic_sub_fetch(&sem->waiters, 1, __ATOMIC_SEQ_CST);
		if (r == -EINTR || r == -ETIMEDOUT)
			return sem_error(-r);
	}
	return 0;
}

int sem_wait(sem_t *sem)
{
	return sem_wait_until(sem, NULL);
}

int sem_timedwait(sem_t *sem, const struct timespec *abstime)
{
	return sem_wait_until(sem, abstime);
}

int sem_post(sem_t *sem)
{
	unsigned int v = __atomic_load_n(&sem->value, __ATOMIC_RELAXED);

	do {
		if (v >= SEM_VALUE_MAX)
			return sem_error(EOVERFLOW);
	} while (!__atomic_compare_exchange_n(&sem->value, &v, v + 1, false,
					      __ATOMIC_SEQ_CST,
					      __ATOMIC_RELAXED));
	if (__atomic_load_n(&sem->waiters, __ATOMIC_SEQ_CST))
		__futex_wake((int *)&sem->value, 1, sem->shared);
	return 0;
}

int sem_getvalue(sem_t *sem, int *value)
{
	*value = __atomic_load_n(&sem->value, __ATOMIC_RELAXED);
	return 0;
}

/* The named semaphores this process has open. */
struct named_sem {
	struct named_sem *next;
	unsigned long dev, ino; /* the file's, struct stat's */
	sem_t *sem;
	int opens; /* sem_open calls not yet sem_closed */
};

static struct named_sem *named;
static pthread_mutex_t named_lock = PTHREAD_MUTEX_INITIALIZER;

/* The file's semaphore, mapped once per process; closes fd. */
static sem_t *map_named(int fd)
{
	struct named_sem *n;
	struct stat st;
	sem_t *sem = SEM_FAILED;

	pthread_mutex_lock(&named_lock);
	if (fstat(fd, &st))
		goto out;
	for (n = named; n; n = n->next)
		if (n->dev == st.st_dev && n->ino == st.st_ino)
			break;
	if (n) {
		n->opens++;
		sem = n->sem;
		goto out;
	}
	if ((size_t)st.st_size < sizeof(sem_t)) {
		errno = EINVAL; /* not a semaphore sem_open made */
		goto out;
	}
	n = malloc(sizeof(*n));
	if (!n)
		goto out;
	sem = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		   0);
	if (sem == MAP_FAILED) {
		free(n);
		sem = SEM_FAILED;
		goto out;
	}
	*n = (struct named_sem){ named, st.st_dev, st.st_ino, sem, 1 };
	named = n;
out:
	pthread_mutex_unlock(&named_lock);
	close(fd);
	return sem;
}

sem_t *sem_open(const char *name, int oflag, ...)
{
	char path[PATH_MAX];
	unsigned int value = 0;
	sem_t init;
	va_list ap;
	int fd;

	if (__shm_path(name, SEM_PREFIX, path, sizeof(path)))
		return SEM_FAILED;
	if (oflag & O_CREAT) {
		va_start(ap, oflag);
		(void)va_arg(ap, int); /* mode: Pagoda has no permissions */
		value = va_arg(ap, unsigned int);
		va_end(ap);
		if (value > SEM_VALUE_MAX) {
			errno = EINVAL;
			return SEM_FAILED;
		}
	}
	init = (sem_t){ .value = value, .shared = 1 };
	fd = __shm_open_object(path, oflag, &init, sizeof(init), sizeof(init));
	return fd < 0 ? SEM_FAILED : map_named(fd);
}

/* The last sem_close of a name in this process unmaps it. */
int sem_close(sem_t *sem)
{
	struct named_sem **link, *n;
	bool found;

	pthread_mutex_lock(&named_lock);
	for (link = &named; (n = *link); link = &n->next)
		if (n->sem == sem)
			break;
	found = n;
	if (n && !--n->opens) {
		*link = n->next;
		munmap(sem, sizeof(sem_t));
		free(n);
	}
	pthread_mutex_unlock(&named_lock);
	return found ? 0 : sem_error(EINVAL);
}

/* A name sem_open would refuse names no semaphore: ENOENT (glibc's). */
int sem_unlink(const char *name)
{
	char path[PATH_MAX];

	if (__shm_path(name, SEM_PREFIX, path, sizeof(path)))
		return sem_error(ENOENT);
	return unlink(path);
}
