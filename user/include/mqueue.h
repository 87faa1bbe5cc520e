/* SPDX-License-Identifier: MIT */
/*
 * <mqueue.h>: POSIX message queues, in user space (user/lib/mqueue.c): a
 * queue named "/name" is the file /dev/shm/mq.name, mapped shared by each
 * process that opens it.  mqd_t is a small number naming an open queue
 * in the process, as on Linux (where it is a file descriptor); a child of
 * fork inherits the parent's, as POSIX says.  No mq_notify (yet).
 */
#ifndef _MQUEUE_H
#define _MQUEUE_H

#include <fcntl.h> /* O_CREAT, O_EXCL, O_NONBLOCK, O_RDONLY ... */
#include <sys/types.h>
#include <time.h>

typedef int mqd_t;

/* Linux's layout. */
struct mq_attr {
	long mq_flags;	 /* 0 or O_NONBLOCK: the descriptor's */
	long mq_maxmsg;	 /* messages the queue holds */
	long mq_msgsize; /* bytes in the largest message */
	long mq_curmsgs; /* messages in it now */
	long __reserved[4];
};

/* O_CREAT takes two more arguments: mode_t mode, struct mq_attr *attr. */
mqd_t mq_open(const char *name, int oflag, ...);
int mq_close(mqd_t mqd);
int mq_unlink(const char *name);
int mq_send(mqd_t mqd, const char *msg, size_t len, unsigned int prio);
int mq_timedsend(mqd_t mqd, const char *msg, size_t len, unsigned int prio,
		 const struct timespec *abstime);
ssize_t mq_receive(mqd_t mqd, char *msg, size_t len, unsigned int *prio);
ssize_t mq_timedreceive(mqd_t mqd, char *msg, size_t len, unsigned int *prio,
			const struct timespec *abstime);
int mq_getattr(mqd_t mqd, struct mq_attr *attr);
int mq_setattr(mqd_t mqd, const struct mq_attr *attr, struct mq_attr *old);

#endif
