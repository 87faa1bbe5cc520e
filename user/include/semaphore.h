/* SPDX-License-Identifier: MIT */
/*
 * <semaphore.h>: POSIX semaphores, in user space on futexes
 * (user/lib/semaphore.c).  An unnamed one lives where the program puts it:
 * pshared 1 means memory other processes map too (MAP_SHARED), where the
 * kernel names its futex by the shared page or file, not the address.  A
 * named one is a file in /dev/shm ("sem." and the name, as glibc's) that
 * sem_open maps shared.
 */
#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

#include <fcntl.h>  /* O_CREAT, O_EXCL for sem_open */
#include <limits.h> /* SEM_VALUE_MAX */
#include <time.h>

typedef struct {
	unsigned int value;   /* the count: the futex word sem_wait sleeps on */
	unsigned int waiters; /* threads in sem_wait that may be asleep */
	int shared;	      /* pshared, or named: shared futexes */
	int reserved;
} sem_t;

#define SEM_FAILED ((sem_t *)0)

int sem_init(sem_t *sem, int pshared, unsigned int value);
int sem_destroy(sem_t *sem);
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_timedwait(sem_t *sem, const struct timespec *abstime);
int sem_post(sem_t *sem);
int sem_getvalue(sem_t *sem, int *value);

/* O_CREAT takes two more arguments: mode_t mode, unsigned int value. */
sem_t *sem_open(const char *name, int oflag, ...);
int sem_close(sem_t *sem);
int sem_unlink(const char *name);

#endif
