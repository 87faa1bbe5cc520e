/* SPDX-License-Identifier: MIT */
/*
 * <pthread.h>: POSIX threads (user/lib/pthread.c), on the kernel's clone
 * and futex calls.  The subset: create, join, detach, exit, self, equal;
 * mutexes (normal: no error checking, not recursive); condition variables,
 * with timed waits; barriers;
 * thread attributes for the detach state and the stack size; the
 * cancelability state and type, kept though nothing cancels a thread;
 * pthread_atfork.
 */
#ifndef _PTHREAD_H
#define _PTHREAD_H

#include <sched.h> /* POSIX: <pthread.h> shows <sched.h>'s names too */
#include <stddef.h>
#include <sys/_pthreadtypes.h> /* pthread_t ... */
#include <time.h>

int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
		   void *(*start)(void *), void *arg);
int pthread_join(pthread_t thread, void **result);
int pthread_detach(pthread_t thread);
void pthread_exit(void *result) __attribute__((noreturn));
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);
/* The thread's CPU-time clock, for clock_gettime (a thread of this process). */
int pthread_getcpuclockid(pthread_t thread, clockid_t *clock);
/* A thread's scheduling policy and priority (sched_setscheduler on it). */
int pthread_setschedparam(pthread_t thread, int policy,
			  const struct sched_param *param);
int pthread_getschedparam(pthread_t thread, int *policy,
			  struct sched_param *param);
/* Handlers fork runs: prepare before it, parent and child after it (fork.c). */
int pthread_atfork(void (*prepare)(void), void (*parent)(void),
		   void (*child)(void));

int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_destroy(pthread_attr_t *attr);
int pthread_attr_setdetachstate(pthread_attr_t *attr, int state);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size);

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
			   const struct timespec *abstime);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);

/* Kept, never acted on: there is no pthread_cancel.  Linux's values. */
#define PTHREAD_CANCEL_ENABLE 0
#define PTHREAD_CANCEL_DISABLE 1
#define PTHREAD_CANCEL_DEFERRED 0
#define PTHREAD_CANCEL_ASYNCHRONOUS 1
int pthread_setcancelstate(int state, int *old);
int pthread_setcanceltype(int type, int *old);

/* pthread_barrier_wait's answer in one thread of each round (the last). */
#define PTHREAD_BARRIER_SERIAL_THREAD (-1)
int pthread_barrier_init(pthread_barrier_t *b,
			 const pthread_barrierattr_t *attr, unsigned int count);
int pthread_barrier_destroy(pthread_barrier_t *b);
int pthread_barrier_wait(pthread_barrier_t *b);

#endif
