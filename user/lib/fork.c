// SPDX-License-Identifier: MIT
/*
 * fork, with pthread_atfork's handlers and the C library's own locks.
 *
 * The child of fork has one thread, the one that called it, but a copy of
 * all the memory: a lock that another thread held at that moment is held
 * in the child for ever, by a thread that does not exist there.  A program
 * protects its own locks with pthread_atfork: the prepare handlers take
 * them before the fork (the last registered first, so that locks taken in
 * registration order are taken in that order again ... POSIX), the parent
 * and child handlers release them after it (the first registered first).
 * The C library does the same for its own: stdio's and malloc's locks
 * (lock.c, __libc_lock_all), taken after the program's prepare handlers,
 * which may use stdio and malloc, and released before the others run.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "libc.h"

struct atfork {
	struct atfork *next; /* registered after this one */
	struct atfork *prev;
	void (*prepare)(void);
	void (*parent)(void);
	void (*child)(void);
};

static struct atfork *first, *last;
/* The list, and one fork at a time: held across the fork. */
static pthread_mutex_t atfork_lock = PTHREAD_MUTEX_INITIALIZER;

int pthread_atfork(void (*prepare)(void), void (*parent)(void),
		   void (*child)(void))
{
	struct atfork *a = malloc(sizeof(*a));

	if (!a)
		return ENOMEM;
	*a = (struct atfork){ .prepare = prepare,
			      .parent = parent,
			      .child = child };
	pthread_mutex_lock(&atfork_lock);
	a->prev = last;
	if (last)
		last->next = a;
	else
		first = a;
	last = a;
	pthread_mutex_unlock(&atfork_lock);
	return 0;
}

/* The parent's or child's handlers, in registration order. */
static void after_fork(bool child)
{
	for (struct atfork *a = first; a; a = a->next)
		if (child ? a->child : a->parent)
			(child ? a->child : a->parent)();
}

pid_t fork(void)
{
	long pid;

	pthread_mutex_lock(&atfork_lock);
	for (struct atfork *a = last; a; a = a->prev)
		if (a->prepare)
			a->prepare();
	__libc_lock_all();
	pid = __syscall0(SYS_fork);
	__libc_unlock_all();
	/* The child's copy of atfork_lock is held by this thread too. */
	after_fork(pid == 0);
	pthread_mutex_unlock(&atfork_lock);
	return __syscall_ret(pid);
}
