// SPDX-License-Identifier: MIT
/*
 * POSIX message queues, in user space over shared memory.
 *
 * A queue named "/name" is the file /dev/shm/mq.name: a header, then
 * mq_maxmsg slots of mq_msgsize bytes each.  Every process that opens it
 * maps the file MAP_SHARED, and the header's lock -- a futex lock in the
 * shared page, so a process-shared one (futex.c, kernel/futex.c's shared
 * keys) -- guards everything in the file.  The messages form a list
 * sorted by priority, highest first, and by arrival within one priority
 * (POSIX's order); a sender walks it to insert, which is cheap for the
 * few messages a queue holds.  Slots come from a free list, and before
 * that from the never-used tail, so that creating a large queue touches
 * only its first page.
 *
 * Waiting: a receiver finding the queue empty notes the header's
 * "arrived" sequence number, drops the lock and sleeps while the number
 * is unchanged; each send adds one and, if anyone sleeps, wakes them all
 * (waking one could choose a receiver that is just leaving, on a signal
 * or a timeout, and strand the message while another sleeps).  Senders
 * finding it full do the same on "taken".
 *
 * Why user space, not Linux's kernel object behind a descriptor: what a
 * queue needs from the kernel is memory several processes share and a way
 * to sleep until another process changes it, and Pagoda has both (shared
 * mappings, shared futexes), as it does for semaphores; a kernel queue
 * would need a new kind of file and system calls for each operation.  The
 * price, against Linux: mqd_t is not a file descriptor (no poll or select
 * on a queue; exec forgets it, as POSIX allows), a process killed while
 * holding a queue's lock leaves that queue locked, and there is no
 * mq_notify: its signal must come with si_code SI_MESGQ and the sender's
 * identity, which only the kernel can vouch for.
 *
 * mqd_t is an index into this process's table of open queues (each entry
 * the mapping and the descriptor's own flags: O_NONBLOCK, and whether it
 * may send or receive); fork copies the table and inherits the mappings,
 * so a child's mqd_t values name the same queues.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libc.h"

#define MQ_PREFIX "mq."
#define MQ_MAGIC 0x4d515545 /* "MQUE": a file mq_open made */
#define NO_SLOT (-1)
#define DEFAULT_MAXMSG 10 /* Linux's defaults, and its limits (unprivileged) */
#define DEFAULT_MSGSIZE 8192
#define MAX_MAXMSG 1024
#define MAX_MSGSIZE (1024 * 1024)

struct mq_header {
	unsigned int magic;
	int lock;			/* futex lock: the rest of the file */
	int arrived, taken;		/* sequence numbers, waited on */
	int recv_waiters, send_waiters; /* asleep, or about to be */
	long maxmsg, msgsize, curmsgs;
	size_t slot_size;
	int first;  /* the highest-priority, oldest message, or NO_SLOT */
	int free;   /* a list of free slots */
	int unused; /* slots from here on were never used */
};

struct mq_slot {
	int next;
	unsigned int prio;
	size_t len;
	char data[];
};

struct mq_desc {
	struct mq_header *q;
	size_t size; /* of the mapping */
	int flags;   /* O_NONBLOCK and the access mode */
};

static struct mq_desc *mq_table[MQ_OPEN_MAX];
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;

static int mq_error(int err)
{
	errno = err;
	return -1;
}

static size_t slot_size(long msgsize)
{
	return (sizeof(struct mq_slot) + msgsize + 7) & ~(size_t)7;
}

static size_t queue_size(long maxmsg, long msgsize)
{
	return sizeof(struct mq_header) + maxmsg * slot_size(msgsize);
}

static struct mq_slot *slot(struct mq_header *q, int i)
{
	return (struct mq_slot *)((char *)(q + 1) + i * q->slot_size);
}

/* The open queue mqd names, or NULL with errno EBADF. */
static struct mq_desc *lookup(mqd_t mqd)
{
	struct mq_desc *d = NULL;

	if (mqd >= 0 && mqd < MQ_OPEN_MAX)
		d = __atomic_load_n(&mq_table[mqd], __ATOMIC_ACQUIRE);
	if (!d)
		errno = EBADF;
	return d;
}

static mqd_t install(struct mq_header *q, size_t size, int oflag)
{
	struct mq_desc *d = malloc(sizeof(*d));
	mqd_t mqd;

	if (!d)
		return -1;
	*d = (struct mq_desc){ q, size, oflag & (O_NONBLOCK | O_ACCMODE) };
	pthread_mutex_lock(&table_lock);
	for (mqd = 0; mqd < MQ_OPEN_MAX && mq_table[mqd]; mqd++)
		;
	if (mqd < MQ_OPEN_MAX)
		__atomic_store_n(&mq_table[mqd], d, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&table_lock);
	if (mqd < MQ_OPEN_MAX)
		return mqd;
	free(d);
	return mq_error(EMFILE);
}

/* Map the queue file fd (closing it) and give it a descriptor. */
static mqd_t map_queue(int fd, int oflag)
{
	struct mq_header *q;
	struct stat st;
	mqd_t mqd = -1;

	if (fstat(fd, &st))
		goto out;
	if ((size_t)st.st_size < sizeof(*q)) {
		errno = EINVAL;
		goto out;
	}
	q = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (q == MAP_FAILED)
		goto out;
	if (q->magic != MQ_MAGIC ||
	    queue_size(q->maxmsg, q->msgsize) > (size_t)st.st_size)
		errno = EINVAL;
	else
		mqd = install(q, st.st_size, oflag);
	if (mqd < 0)
		munmap(q, st.st_size);
out:
	close(fd);
	return mqd;
}

/* The header of a new queue of attr (NULL: the defaults); -1 if bad. */
static int new_header(const struct mq_attr *attr, struct mq_header *q)
{
	long maxmsg = attr ? attr->mq_maxmsg : DEFAULT_MAXMSG;
	long msgsize = attr ? attr->mq_msgsize : DEFAULT_MSGSIZE;

	if (maxmsg <= 0 || maxmsg > MAX_MAXMSG || msgsize <= 0 ||
	    msgsize > MAX_MSGSIZE)
		return mq_error(EINVAL);
	*q = (struct mq_header){ .magic = MQ_MAGIC,
				 .maxmsg = maxmsg,
				 .msgsize = msgsize,
				 .slot_size = slot_size(msgsize),
				 .first = NO_SLOT,
				 .free = NO_SLOT };
	return 0;
}

mqd_t mq_open(const char *name, int oflag, ...)
{
	const struct mq_attr *attr = NULL;
	char path[PATH_MAX];
	struct mq_header init = { .maxmsg = 0 }; /* O_CREAT fills it */
	va_list ap;
	int fd;

	if (name[0] != '/') /* glibc's rule: the name starts with a slash */
		return mq_error(EINVAL);
	if (__shm_path(name, MQ_PREFIX, path, sizeof(path)))
		return -1;
	if ((oflag & O_ACCMODE) == O_ACCMODE)
		return mq_error(EINVAL);
	if (oflag & O_CREAT) {
		va_start(ap, oflag);
		(void)va_arg(ap, int); /* mode: Pagoda has no permissions */
		attr = va_arg(ap, const struct mq_attr *);
		va_end(ap);
		if (new_header(attr, &init))
			return -1;
	}
	fd = __shm_open_object(path, oflag, &init, sizeof(init),
			       queue_size(init.maxmsg, init.msgsize));
	return fd < 0 ? -1 : map_queue(fd, oflag);
}

int mq_close(mqd_t mqd)
{
	struct mq_desc *d;

	pthread_mutex_lock(&table_lock);
	d = lookup(mqd);
	if (d)
		__atomic_store_n(&mq_table[mqd], NULL, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&table_lock);
	if (!d)
		return -1;
	munmap(d->q, d->size);
	free(d);
	return 0;
}

int mq_unlink(const char *name)
{
	char path[PATH_MAX];

	if (name[0] != '/')
		return mq_error(ENOENT);
	if (__shm_path(name, MQ_PREFIX, path, sizeof(path)))
		return -1;
	return unlink(path);
}

int mq_getattr(mqd_t mqd, struct mq_attr *attr)
{
	struct mq_desc *d = lookup(mqd);
	struct mq_header *q;

	if (!d)
		return -1;
	q = d->q;
	__futex_lock(&q->lock, true);
	*attr = (struct mq_attr){ .mq_flags = d->flags & O_NONBLOCK,
				  .mq_maxmsg = q->maxmsg,
				  .mq_msgsize = q->msgsize,
				  .mq_curmsgs = q->curmsgs };
	__futex_unlock(&q->lock, true);
	return 0;
}

/* Only O_NONBLOCK may change, and it is the descriptor's own. */
int mq_setattr(mqd_t mqd, const struct mq_attr *attr, struct mq_attr *old)
{
	struct mq_desc *d = lookup(mqd);

	if (!d)
		return -1;
	if (attr->mq_flags & ~(long)O_NONBLOCK)
		return mq_error(EINVAL);
	if (old)
		mq_getattr(mqd, old);
	d->flags = (d->flags & ~O_NONBLOCK) | (int)attr->mq_flags;
	return 0;
}

/*
 * With the lock held and the queue not ready, sleep on *seq until it
 * moves (or abstime, or a signal), the lock dropped meanwhile; 0 with the
 * lock held again, or -1 with errno and the lock released.
 */
static int wait_queue(struct mq_desc *d, int *seq, int *waiters,
		      const struct timespec *abstime)
{
	struct mq_header *q = d->q;
	int seen = *seq;
	struct timespec left;
	long r;

	if (d->flags & O_NONBLOCK)
		r = -EAGAIN;
	else if (abstime &&
		 (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L))
		r = -EINVAL;
	else if (abstime && !__time_left(abstime, &left))
		r = -ETIMEDOUT;
	else
		r = 0;
	if (r) {
		__futex_unlock(&q->lock, true);
		return mq_error(-r);
	}
	(*waiters)++;
	__futex_unlock(&q->lock, true);
	r = __futex_wait(seq, seen, true, abstime ? &left : NULL);
	__futex_lock(&q->lock, true);
	(*waiters)--;
	if (r == -EINTR || r == -ETIMEDOUT) {
		__futex_unlock(&q->lock, true);
		return mq_error(-r);
	}
	return 0;
}

/* Tell the sleepers on seq that it moved (the lock held). */
static void wake_queue(int *seq, int waiters)
{
	__atomic_add_fetch(seq, 1, __ATOMIC_RELEASE);
	if (waiters)
		__futex_wake(seq, INT_MAX, true);
}

static int new_slot(struct mq_header *q)
{
	int i = q->free;

	if (i != NO_SLOT)
		q->free = slot(q, i)->next;
	else
		i = q->unused++;
	return i;
}

/* Behind the messages of priority prio or higher: POSIX's order. */
static void enqueue(struct mq_header *q, int i)
{
	unsigned int prio = slot(q, i)->prio;
	int *link = &q->first;

	while (*link != NO_SLOT && slot(q, *link)->prio >= prio)
		link = &slot(q, *link)->next;
	slot(q, i)->next = *link;
	*link = i;
	q->curmsgs++;
}

int mq_timedsend(mqd_t mqd, const char *msg, size_t len, unsigned int prio,
		 const struct timespec *abstime)
{
	struct mq_desc *d = lookup(mqd);
	struct mq_header *q;
	struct mq_slot *s;
	int i;

	if (!d)
		return -1;
	if ((d->flags & O_ACCMODE) == O_RDONLY)
		return mq_error(EBADF);
	if (prio >= MQ_PRIO_MAX)
		return mq_error(EINVAL);
	q = d->q;
	if (len > (size_t)q->msgsize)
		return mq_error(EMSGSIZE);
	__futex_lock(&q->lock, true);
	while (q->curmsgs == q->maxmsg)
		if (wait_queue(d, &q->taken, &q->send_waiters, abstime))
			return -1;
	i = new_slot(q);
	s = slot(q, i);
	s->prio = prio;
	s->len = len;
	memcpy(s->data, msg, len);
	enqueue(q, i);
	wake_queue(&q->arrived, q->recv_waiters);
	__futex_unlock(&q->lock, true);
	return 0;
}

int mq_send(mqd_t mqd, const char *msg, size_t len, unsigned int prio)
{
	return mq_timedsend(mqd, msg, len, prio, NULL);
}

ssize_t mq_timedreceive(mqd_t mqd, char *msg, size_t len, unsigned int *prio,
			const struct timespec *abstime)
{
	struct mq_desc *d = lookup(mqd);
	struct mq_header *q;
	struct mq_slot *s;
	ssize_t n;
	int i;

	if (!d)
		return -1;
	if ((d->flags & O_ACCMODE) == O_WRONLY)
		return mq_error(EBADF);
	q = d->q;
	if (len < (size_t)q->msgsize)
		return mq_error(EMSGSIZE);
	__futex_lock(&q->lock, true);
	while (!q->curmsgs)
		if (wait_queue(d, &q->arrived, &q->recv_waiters, abstime))
			return -1;
	i = q->first;
	s = slot(q, i);
	q->first = s->next;
	q->curmsgs--;
	n = s->len;
	memcpy(msg, s->data, n);
	if (prio)
		*prio = s->prio;
	s->next = q->free;
	q->free = i;
	wake_queue(&q->taken, q->send_waiters);
	__futex_unlock(&q->lock, true);
	return n;
}

ssize_t mq_receive(mqd_t mqd, char *msg, size_t len, unsigned int *prio)
{
	return mq_timedreceive(mqd, msg, len, prio, NULL);
}
