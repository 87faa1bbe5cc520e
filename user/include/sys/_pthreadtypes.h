/* SPDX-License-Identifier: MIT */
/*
 * <sys/_pthreadtypes.h>: the types of <pthread.h>, which <sys/types.h>
 * declares too (newlib's includes this).  Pagoda's own, in place of
 * newlib's: user/lib/pthread.c's threads, futex-based mutexes and
 * condition variables.
 */
#ifndef _SYS__PTHREADTYPES_H_
#define _SYS__PTHREADTYPES_H_

#include <stddef.h>

typedef struct pthread *pthread_t;

typedef struct {
	int detachstate;
	size_t stacksize;
} pthread_attr_t;

#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1

/* 0: unlocked; 1: locked; 2: locked, and a thread may be waiting. */
typedef struct {
	int state;
} pthread_mutex_t;
typedef int pthread_mutexattr_t; /* no attributes */

/* seq changes on every signal and broadcast; waiters sleep on it. */
typedef struct {
	int seq;
} pthread_cond_t;
typedef int pthread_condattr_t; /* no attributes */

/*
 * count threads meet; arrived of them are waiting; seq changes each time
 * the last one comes, and the others sleep on it (user/lib/pthread.c).
 */
typedef struct {
	pthread_mutex_t lock;
	unsigned int count, arrived;
	int seq;
} pthread_barrier_t;
typedef int pthread_barrierattr_t; /* no attributes */

#define PTHREAD_MUTEX_INITIALIZER                                              \
	{                                                                      \
		0                                                              \
	}
#define PTHREAD_COND_INITIALIZER                                               \
	{                                                                      \
		0                                                              \
	}

#endif
