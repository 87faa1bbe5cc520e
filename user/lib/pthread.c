// SPDX-License-Identifier: MIT
/*
 * POSIX threads over clone and futex (kernel/thread.c, kernel/futex.c).
 *
 * A thread is a struct pthread at the top of its own stack, an anonymous
 * mapping (its lowest page PROT_NONE, a guard against overflow).  The
 * thread pointer (set_tls; %fs on x86_64) points at that struct, which
 * begins with a pointer to itself: pthread_self() is one load.  Below it
 * lies the thread's C library state (newlib's struct _reent: errno,
 * strtok's position ...; libc.h), so every thread has its own errno; the
 * main thread's is the library's static one.  The main thread's struct
 * is a static one, made its thread pointer when the first thread is
 * created; until then pthread_self() needs no thread pointer at all.
 *
 * pthread_create asks the kernel for CLONE_PARENT_SETTID and
 * CLONE_CHILD_CLEARTID on the same word, tid: it holds the thread id from
 * before the thread runs until the kernel, when the thread has exited and
 * will never touch its stack again, writes 0 there and wakes a futex
 * waiter.  pthread_join sleeps on that word, then unmaps the stack.  A
 * detached thread cannot unmap the stack it runs on; it stays on the list
 * of threads, marked exited, and the next create, join or detach unmaps it
 * once its tid is 0.
 *
 * The list of threads (under list_lock) lets join and detach tell a live
 * thread from one already joined: ESRCH, rather than a read of unmapped
 * memory.
 *
 * Mutexes are Drepper's three-state futex locks (futex.c): an
 * uncontended lock and unlock are one atomic instruction each, and only
 * a thread that finds the lock taken enters the kernel.  A condition
 * variable is a sequence number: a waiter notes it, releases the mutex and
 * sleeps unless it has changed; signal and broadcast change it and wake
 * one waiter or all.  (Waking can be spurious, which POSIX allows.)  A
 * barrier is a count under a mutex and a sequence number the same way: the
 * last thread to arrive starts a new round and wakes the others.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "libc.h"

#define PAGE_SIZE 4096UL
#define DEFAULT_STACK_SIZE (64 * 1024UL)

enum join_state {
	JOINABLE,
	JOINING, /* pthread_join is waiting for it */
	DETACHED,
};

struct pthread {
	struct pthread *self; /* where the thread pointer points: %fs:0 */
	int tid;	      /* 0 once the thread has exited (CLEARTID) */
	void *libc; /* its C library state (NULL: the main thread's) */
	void *(*start)(void *);
	void *arg;
	void *result;
	void *map; /* the stack mapping holding this struct (NULL: main) */
	size_t map_size;
	enum join_state state; /* and exited: both under list_lock */
	bool exited;
	int cancel_state; /* pthread_setcancelstate's: nothing acts on them */
	int cancel_type;
	struct pthread *next; /* on threads */
};

static struct pthread main_thread = { .self = &main_thread };
static struct pthread *threads = &main_thread;
static bool threaded; /* the thread pointer is set */
static pthread_mutex_t list_lock = PTHREAD_MUTEX_INITIALIZER;
static int live_threads = 1;

static long futex(int *word, int op, int val)
{
	return op == FUTEX_WAIT ? __futex_wait(word, val, false, NULL)
				: __futex_wake(word, val, false);
}

pthread_t pthread_self(void)
{
	return threaded ? __thread_pointer() : &main_thread;
}

void *__pthread_libc_state(void)
{
	return pthread_self()->libc;
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

/*
 * Cancelability.  Pagoda has no pthread_cancel, so no request is ever
 * pending and no cancellation point acts; a thread's state and type are
 * only kept and reported, so that code guarding a section with the usual
 * disable ... restore pair builds and runs as written.
 */
static int set_cancel_field(int *field, int value, int *old)
{
	if (value != 0 && value != 1)
		return EINVAL;
	if (old)
		*old = *field;
	*field = value;
	return 0;
}

int pthread_setcancelstate(int state, int *old)
{
	return set_cancel_field(&pthread_self()->cancel_state, state, old);
}

int pthread_setcanceltype(int type, int *old)
{
	return set_cancel_field(&pthread_self()->cancel_type, type, old);
}

/*
 * fork copied the list of threads and their count, but the child has one
 * thread, the one that called fork: it alone stays, with its new id.  A
 * thread's tid is its kernel id from before it runs, so a tid that is not
 * ours says we are that child.  (The others' stacks stay mapped in the
 * child, as they are memory the child may be using.)
 */
static void forget_parent_threads(void)
{
	struct pthread *self = pthread_self();
	int tid;

	if (!threaded)
		return;
	tid = __syscall0(SYS_gettid);
	if (self->tid == tid)
		return;
	self->tid = tid;
	self->next = NULL;
	threads = self;
	live_threads = 1;
	list_lock.state = 0;
}

/* Before the first thread: the main thread gets its thread pointer. */
static int start_threading(void)
{
	if (threaded)
		return 0;
	if (__syscall1(SYS_set_tls, &main_thread) < 0)
		return EAGAIN;
	main_thread.tid = __syscall0(SYS_gettid);
	threaded = true;
	return 0;
}

static bool on_list(struct pthread *t)
{
	for (struct pthread *p = threads; p; p = p->next)
		if (p == t)
			return true;
	return false;
}

/*
 * The kernel's id of a thread of this process while it lives; 0 once it
 * has exited or been joined (its struct pthread may be unmapped then:
 * only the list says whether it is still there).
 */
static int thread_tid(pthread_t thread)
{
	int tid = 0;

	if (thread == pthread_self())
		return __syscall0(SYS_gettid);
	pthread_mutex_lock(&list_lock);
	if (on_list(thread))
		tid = thread->tid;
	pthread_mutex_unlock(&list_lock);
	return tid;
}

/*
 * The caller's own clock is CLOCK_THREAD_CPUTIME_ID; another thread's is
 * Linux's encoding of its id (MAKE_THREAD_CPUCLOCK), which the kernel's
 * clock_gettime reads while the thread lives.  A thread joined already,
 * its stack and struct pthread unmapped, is ESRCH.
 */
int pthread_getcpuclockid(pthread_t thread, clockid_t *clock)
{
	int tid;

	if (thread == pthread_self()) {
		*clock = CLOCK_THREAD_CPUTIME_ID;
		return 0;
	}
	tid = thread_tid(thread);
	if (!tid)
		return ESRCH;
	*clock = MAKE_THREAD_CPUCLOCK(tid);
	return 0;
}

/* tgkill: the signal goes to that thread, not to any of the process. */
int pthread_kill(pthread_t thread, int sig)
{
	int tid = thread_tid(thread);

	if (!tid)
		return ESRCH;
	return -__syscall3(SYS_tgkill, getpid(), tid, sig);
}

/* The policy is each thread's own (kernel/sched_syscalls.c): its tid names it. */
int pthread_setschedparam(pthread_t thread, int policy,
			  const struct sched_param *param)
{
	int tid = thread_tid(thread);

	if (!tid)
		return ESRCH;
	return -__syscall3(SYS_sched_setscheduler, tid, policy, param);
}

int pthread_getschedparam(pthread_t thread, int *policy,
			  struct sched_param *param)
{
	int tid = thread_tid(thread);
	long ret;

	if (!tid)
		return ESRCH;
	ret = __syscall1(SYS_sched_getscheduler, tid);
	if (ret < 0)
		return -ret;
	*policy = ret;
	return -__syscall2(SYS_sched_getparam, tid, param);
}

static void unlink_thread(struct pthread *t)
{
	struct pthread **link = &threads;

	while (*link != t)
		link = &(*link)->next;
	*link = t->next;
}

/* Wait until the kernel says t has exited (its CLONE_CHILD_CLEARTID). */
static void wait_exited(struct pthread *t)
{
	int tid;

	while ((tid = __atomic_load_n(&t->tid, __ATOMIC_ACQUIRE)))
		futex(&t->tid, FUTEX_WAIT, tid);
}

/* Release what the thread's C library state holds, then its stack. */
static void free_thread(struct pthread *t)
{
	__libc_thread_release(t->libc);
	munmap(t->map, t->map_size);
}

/* Unmap the stacks of detached threads that have exited. */
static void reap_detached(void)
{
	struct pthread *t, *next;

	pthread_mutex_lock(&list_lock);
	for (t = threads; t; t = next) {
		next = t->next;
		if (t->state != DETACHED || !t->exited ||
		    __atomic_load_n(&t->tid, __ATOMIC_ACQUIRE))
			continue;
		unlink_thread(t);
		free_thread(t);
	}
	pthread_mutex_unlock(&list_lock);
}

static int thread_start(void *arg)
{
	struct pthread *self = arg;

	pthread_exit(self->start(self->arg));
}

/*
 * A stack of size bytes with a guard page below; its struct pthread on top,
 * and the C library's state under that.
 */
static struct pthread *new_thread(size_t size)
{
	size_t state = (__libc_thread_size + 15) & ~15UL;
	char *map;
	struct pthread *t;

	size = (size + state + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	map = mmap(NULL, size + PAGE_SIZE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		return NULL;
	if (mprotect(map, PAGE_SIZE, PROT_NONE)) {
		munmap(map, size + PAGE_SIZE);
		return NULL;
	}
	t = (struct pthread *)(((uintptr_t)(map + size + PAGE_SIZE) -
				sizeof(*t)) &
			       ~15UL);
	*t = (struct pthread){ .self = t,
			       .libc = (char *)t - state,
			       .map = map,
			       .map_size = size + PAGE_SIZE };
	__libc_thread_init(t->libc);
	return t;
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
		   void *(*start)(void *), void *arg)
{
	const unsigned long flags = CLONE_VM | CLONE_FS | CLONE_FILES |
				    CLONE_SIGHAND | CLONE_THREAD |
				    CLONE_SETTLS | CLONE_PARENT_SETTID |
				    CLONE_CHILD_CLEARTID;
	size_t size =
		attr && attr->stacksize ? attr->stacksize : DEFAULT_STACK_SIZE;
	struct pthread *t;
	long tid;
	int err = start_threading();

	if (err)
		return err;
	forget_parent_threads();
	reap_detached();
	t = new_thread(size);
	if (!t)
		return EAGAIN;
	t->start = start;
	t->arg = arg;
	if (attr && attr->detachstate == PTHREAD_CREATE_DETACHED)
		t->state = DETACHED;
	pthread_mutex_lock(&list_lock);
	t->next = threads;
	threads = t;
	pthread_mutex_unlock(&list_lock);
	__atomic_add_fetch(&live_threads, 1, __ATOMIC_RELAXED);
	tid = __clone(thread_start, t->libc, flags, t, &t->tid,
		      (unsigned long)t, &t->tid);
	if (tid < 0) {
		__atomic_sub_fetch(&live_threads, 1, __ATOMIC_RELAXED);
		pthread_mutex_lock(&list_lock);
		unlink_thread(t);
		pthread_mutex_unlock(&list_lock);
		free_thread(t);
		return -tid == ENOMEM ? EAGAIN : (int)-tid;
	}
	*thread = t;
	return 0;
}

/*
 * The last thread to leave ends the process as exit(0) would, atexit
 * handlers and stdio included (POSIX).
 */
void pthread_exit(void *result)
{
	struct pthread *self = pthread_self();

	forget_parent_threads();
	self->result = result;
	pthread_mutex_lock(&list_lock);
	self->exited = true;
	pthread_mutex_unlock(&list_lock);
	if (__atomic_sub_fetch(&live_threads, 1, __ATOMIC_ACQ_REL) == 0)
		exit(0);
	for (;;)
		__syscall1(SYS_exit, 0);
}

/* Take t for joining (JOINING) or detaching (DETACHED): 0 or the error. */
static int claim(struct pthread *t, enum join_state to)
{
	int err = 0;

	forget_parent_threads();
	pthread_mutex_lock(&list_lock);
	if (!on_list(t))
		err = ESRCH; /* never created, or joined already */
	else if (t->state != JOINABLE)
		err = EINVAL; /* detached, or another thread joins it */
	else
		t->state = to;
	pthread_mutex_unlock(&list_lock);
	return err;
}

int pthread_join(pthread_t t, void **result)
{
	int err;

	if (t == pthread_self())
		return EDEADLK;
	err = claim(t, JOINING);
	if (err)
		return err;
	wait_exited(t);
	if (result)
		*result = t->result;
	pthread_mutex_lock(&list_lock);
	unlink_thread(t);
	pthread_mutex_unlock(&list_lock);
	if (t->map)
		free_thread(t);
	return 0;
}

int pthread_detach(pthread_t t)
{
	int err = claim(t, DETACHED);

	if (!err)
		reap_detached();
	return err;
}

int pthread_attr_init(pthread_attr_t *attr)
{
	*attr = (pthread_attr_t){ PTHREAD_CREATE_JOINABLE, 0 };
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *attr)
{
	return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *attr, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE &&
	    state != PTHREAD_CREATE_DETACHED)
		return EINVAL;
	attr->detachstate = state;
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
	if (size < 4 * PAGE_SIZE)
		return EINVAL;
	attr->stacksize = size;
	return 0;
}

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{
	m->state = 0;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return m->state ? EBUSY : 0;
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	return __futex_trylock(&m->state) ? 0 : EBUSY;
}

/* Take the lock as contended (2): the unlocker will wake a waiter. */
static void lock_contended(pthread_mutex_t *m)
{
	__futex_lock_contended(&m->state, false);
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	__futex_lock(&m->state, false);
	return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	__futex_unlock(&m->state, false);
	return 0;
}

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{
	c->seq = 0;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	return 0;
}

/*
 * The mutex is taken back as contended: other waiters woken by the same
 * broadcast may be queued on it, and its unlock must wake them.
 */
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	int seq = __atomic_load_n(&c->seq, __ATOMIC_RELAXED);

	pthread_mutex_unlock(m);
	futex(&c->seq, FUTEX_WAIT, seq);
	lock_contended(m);
	return 0;
}

/*
 * abstime is on CLOCK_REALTIME, the date; the futex waits for what is
 * left of it (__time_left).  A time already past, or a timeout, gives ETIMEDOUT
 * with the mutex held again, as POSIX says.
 */
int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
			   const struct timespec *abstime)
{
	int seq = __atomic_load_n(&c->seq, __ATOMIC_RELAXED);
	struct timespec left;
	long r;

	if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L)
		return EINVAL;
	if (!__time_left(abstime, &left))
		return ETIMEDOUT;
	pthread_mutex_unlock(m);
	r = __futex_wait(&c->seq, seq, false, &left);
	lock_contended(m);
	return r == -ETIMEDOUT ? ETIMEDOUT : 0;
}

int pthread_cond_signal(pthread_cond_t *c)
{
	__atomic_add_fetch(&c->seq, 1, __ATOMIC_RELEASE);
	futex(&c->seq, FUTEX_WAKE, 1);
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	__atomic_add_fetch(&c->seq, 1, __ATOMIC_RELEASE);
	futex(&c->seq, FUTEX_WAKE, INT_MAX);
	return 0;
}

int pthread_barrier_init(pthread_barrier_t *b,
			 const pthread_barrierattr_t *attr, unsigned int count)
{
	if (!count)
		return EINVAL;
	*b = (pthread_barrier_t){ .lock = PTHREAD_MUTEX_INITIALIZER,
				  .count = count };
	return 0;
}

int pthread_barrier_destroy(pthread_barrier_t *b)
{
	return b->arrived ? EBUSY : 0;
}

/*
 * A waiter leaves when seq has moved on, whatever the barrier does next:
 * the next round may begin (and count its own arrivals) before every
 * waiter of this one has woken.
 */
int pthread_barrier_wait(pthread_barrier_t *b)
{
	int seq;

	pthread_mutex_lock(&b->lock);
	seq = b->seq;
	if (++b->arrived == b->count) {
		b->arrived = 0;
		__atomic_add_fetch(&b->seq, 1, __ATOMIC_RELEASE);
		pthread_mutex_unlock(&b->lock);
		futex(&b->seq, FUTEX_WAKE, INT_MAX);
		return PTHREAD_BARRIER_SERIAL_THREAD;
	}
	pthread_mutex_unlock(&b->lock);
	while (__atomic_load_n(&b->seq, __ATOMIC_ACQUIRE) == seq)
		futex(&b->seq, FUTEX_WAIT, seq);
	return 0;
}
