// SPDX-License-Identifier: MIT
/*
 * ipc_test: waiting across processes (issue 13).
 *
 *  - futexes in shared memory (kernel/futex.c's shared keys): a FUTEX_WAKE
 *    in one process finds a FUTEX_WAIT in another, whether the word is in
 *    shared anonymous memory inherited by fork or in a /dev/shm file each
 *    maps at its own address; a word outside every mapping is EFAULT;
 *  - POSIX semaphores (user/lib/semaphore.c): unnamed between threads and
 *    between processes (pshared), named across fork, a signal ending
 *    sem_wait with EINTR, sem_timedwait's ETIMEDOUT and EINVAL, the
 *    count's limit (EOVERFLOW), sem_open's O_CREAT / O_EXCL rules;
 *  - message queues (user/lib/mqueue.c): priority order, blocking send and
 *    receive between processes, O_NONBLOCK's EAGAIN, EMSGSIZE, EBADF,
 *    timeouts, the open and unlink rules, mq_notify's signal;
 *  - pthread_atfork's order, and fork while another thread holds malloc's
 *    and a FILE's lock (user/lib/fork.c, lock.c).
 *
 * A case that forks checks its children's exit status; each child ends
 * with ktap_child_exit.  Waits that would hang if a wake-up were lost are
 * bounded (a futex timeout, a retry limit), so a broken kernel fails the
 * case instead of hanging the run.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <mqueue.h>
#include <pagoda.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define ROUNDS 50

static const struct timespec ten_seconds = { 10, 0 };

static long futex_wait(int *word, int val, const struct timespec *timeout)
{
	return syscall(SYS_futex, word, FUTEX_WAIT, val, timeout);
}

static long futex_wake(int *word, int n)
{
	return syscall(SYS_futex, word, FUTEX_WAKE, n);
}

static void *shared_page(void)
{
	return mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
}

static void expect_child_ok(pid_t pid)
{
	int status;

	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/*
 * The word's owner flips between parent (0) and child (1); each waits for
 * its turn on the futex and hands the turn over with a wake.
 */
static void take_turns(int *word, int me)
{
	for (int i = 0; i < ROUNDS; i++) {
		while (__atomic_load_n(word, __ATOMIC_ACQUIRE) != me)
			if (futex_wait(word, !me, &ten_seconds) &&
			    errno == ETIMEDOUT) {
				EXPECT_EQ(errno, 0); /* a wake-up was lost */
				return;
			}
		__atomic_store_n(word, !me, __ATOMIC_RELEASE);
		futex_wake(word, 1);
	}
}

static void futex_shared_anon_pingpong(void)
{
	int *word = shared_page();
	pid_t pid;

	ASSERT_TRUE(word != MAP_FAILED);
	*word = 0;
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		take_turns(word, 1);
		ktap_child_exit();
	}
	take_turns(word, 0);
	expect_child_ok(pid);
	munmap(word, 4096);
}

/*
 * The child sleeps on the word of a /dev/shm file it mapped at an address
 * of its own; the parent wakes through its mapping without changing the
 * word, so the wait can only end by that wake: FUTEX_WAKE returns 1 once
 * the child sleeps, and only if the kernel named both by the file.
 */
static void futex_shm_two_addresses(void)
{
	int fd = shm_open("/ipc_test_futex", O_RDWR | O_CREAT | O_TRUNC, 0600);
	int *word, *other;
	pid_t pid;
	long woken = 0;

	ASSERT_GE(fd, 0);
	shm_unlink("/ipc_test_futex");
	ASSERT_EQ(ftruncate(fd, 8192), 0);
	word = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_TRUE(word != MAP_FAILED);
	word[1024] = 7; /* the word at offset 4096 */
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		other = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
			     4096);
		EXPECT_TRUE(other != MAP_FAILED && other != &word[1024]);
		EXPECT_EQ(futex_wait(other, 7, &ten_seconds), 0);
		ktap_child_exit();
	}
	for (int tries = 0; tries < 100000 && woken == 0; tries++) {
		woken = futex_wake(&word[1024], 1);
		sched_yield();
	}
	EXPECT_EQ(woken, 1);
	expect_child_ok(pid);
	munmap(word, 8192);
	close(fd);
}

static void futex_errors(void)
{
	int *word = shared_page();

	ASSERT_TRUE(word != MAP_FAILED);
	*word = 1;
	EXPECT_ERRNO(futex_wait(word, 0, NULL), EAGAIN);
	EXPECT_EQ(futex_wake(word, 1), 0);
	EXPECT_ERRNO(futex_wait(word + 1, 1, NULL), EAGAIN);
	munmap(word, 4096);
	/* Unmapped now: shared or not, the kernel finds no mapping. */
	EXPECT_ERRNO(futex_wait(word, 1, NULL), EFAULT);
	EXPECT_ERRNO(futex_wake(word, 1), EFAULT);
	EXPECT_ERRNO(syscall(SYS_futex, (char *)word + 1, FUTEX_WAKE, 1),
		     EINVAL);
}

struct handoff {
	sem_t full, empty;
	int item;
	int sum;
};

static void consume(struct handoff *h)
{
	for (int i = 1; i <= ROUNDS; i++) {
		EXPECT_EQ(sem_wait(&h->full), 0);
		h->sum += h->item;
		EXPECT_EQ(sem_post(&h->empty), 0);
	}
}

static void produce(struct handoff *h)
{
	for (int i = 1; i <= ROUNDS; i++) {
		EXPECT_EQ(sem_wait(&h->empty), 0);
		h->item = i;
		EXPECT_EQ(sem_post(&h->full), 0);
	}
}

static void *consumer_thread(void *arg)
{
	consume(arg);
	return NULL;
}

static void sem_between_threads(void)
{
	struct handoff h = { .sum = 0 };
	pthread_t t;

	ASSERT_EQ(sem_init(&h.full, 0, 0), 0);
	ASSERT_EQ(sem_init(&h.empty, 0, 1), 0);
	ASSERT_EQ(pthread_create(&t, NULL, consumer_thread, &h), 0);
	produce(&h);
	EXPECT_EQ(pthread_join(t, NULL), 0);
	EXPECT_EQ(h.sum, ROUNDS * (ROUNDS + 1) / 2);
	EXPECT_EQ(sem_destroy(&h.full), 0);
	EXPECT_EQ(sem_destroy(&h.empty), 0);
}

static void sem_pshared_fork(void)
{
	struct handoff *h = shared_page();
	pid_t pid;

	ASSERT_TRUE(h != MAP_FAILED);
	ASSERT_EQ(sem_init(&h->full, 1, 0), 0);
	ASSERT_EQ(sem_init(&h->empty, 1, 1), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		consume(h);
		ktap_child_exit();
	}
	produce(h);
	expect_child_ok(pid);
	EXPECT_EQ(h->sum, ROUNDS * (ROUNDS + 1) / 2);
	munmap(h, 4096);
}

static void sem_named_fork(void)
{
	sem_t *a, *b, *c;
	int value = -1;
	pid_t pid;

	sem_unlink("/ipc_test_sem");
	a = sem_open("/ipc_test_sem", O_CREAT | O_EXCL, 0600, 2);
	ASSERT_TRUE(a != SEM_FAILED);
	EXPECT_TRUE(sem_open("/ipc_test_sem", O_CREAT | O_EXCL, 0600, 0) ==
		    SEM_FAILED);
	EXPECT_EQ(errno, EEXIST);
	b = sem_open("/ipc_test_sem", 0);
	EXPECT_TRUE(b == a); /* one address per name in a process */
	EXPECT_EQ(sem_getvalue(a, &value), 0);
	EXPECT_EQ(value, 2); /* O_CREAT on an existing one keeps its count */
	c = sem_open("/ipc_test_sem", O_CREAT, 0600, 9);
	EXPECT_TRUE(c == a);
	EXPECT_EQ(sem_wait(a), 0);
	EXPECT_EQ(sem_wait(a), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		/* Its own mapping, from the name (after the inherited ones). */
		EXPECT_EQ(sem_close(a), 0);
		EXPECT_EQ(sem_close(a), 0);
		EXPECT_EQ(sem_close(a), 0);
		a = sem_open("/ipc_test_sem", 0);
		EXPECT_TRUE(a != SEM_FAILED);
		for (int i = 0; a != SEM_FAILED && i < ROUNDS; i++)
			EXPECT_EQ(sem_post(a), 0);
		ktap_child_exit();
	}
	for (int i = 0; i < ROUNDS; i++)
		EXPECT_EQ(sem_wait(a), 0);
	expect_child_ok(pid);
	EXPECT_EQ(sem_getvalue(a, &value), 0);
	EXPECT_EQ(value, 0);
	EXPECT_EQ(sem_close(a), 0);
	EXPECT_EQ(sem_close(b), 0);
	EXPECT_EQ(sem_close(c), 0);
	EXPECT_ERRNO(sem_close(a), EINVAL);
	EXPECT_EQ(sem_unlink("/ipc_test_sem"), 0);
	EXPECT_TRUE(sem_open("/ipc_test_sem", 0) == SEM_FAILED);
	EXPECT_EQ(errno, ENOENT);
	EXPECT_ERRNO(sem_unlink("/ipc_test_sem"), ENOENT);
}

static void sem_open_errors(void)
{
	EXPECT_TRUE(sem_open("/a/b", O_CREAT, 0600, 0) == SEM_FAILED);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_TRUE(sem_open("/ipc_test_big", O_CREAT, 0600,
			     (unsigned int)SEM_VALUE_MAX + 1) == SEM_FAILED);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_ERRNO(sem_unlink("/ipc_test_big"), ENOENT);
	EXPECT_ERRNO(sem_unlink("/a/b"), ENOENT); /* no such name: glibc's */
}

static void on_signal(int sig)
{
}

/*
 * The child signals the parent until the parent, asleep in sem_wait,
 * returns EINTR and kills it: a signal that lands before the sleep only
 * runs the handler, and the next one comes soon.
 */
static void sem_wait_eintr(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sem_t sem;
	pid_t parent = getpid(), pid;

	ASSERT_EQ(sem_init(&sem, 0, 0), 0);
	ASSERT_EQ(sigaction(SIGUSR1, &sa, NULL), 0); /* no SA_RESTART */
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		for (;;) {
			kill(parent, SIGUSR1);
			usleep(20000);
		}
	}
	EXPECT_ERRNO(sem_wait(&sem), EINTR);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

static struct timespec from_now(long ns)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_nsec += ns;
	t.tv_sec += t.tv_nsec / 1000000000L;
	t.tv_nsec %= 1000000000L;
	return t;
}

static void sem_timedwait_rules(void)
{
	struct timespec soon = from_now(30000000L), past = from_now(0);
	struct timespec bad = { 0, 1000000000L };
	sem_t sem;

	ASSERT_EQ(sem_init(&sem, 0, 0), 0);
	EXPECT_ERRNO(sem_timedwait(&sem, &soon), ETIMEDOUT);
	past.tv_sec -= 1;
	EXPECT_ERRNO(sem_timedwait(&sem, &past), ETIMEDOUT);
	EXPECT_ERRNO(sem_timedwait(&sem, &bad), EINVAL);
	/* A count to take: no wait, so the time is not looked at. */
	EXPECT_EQ(sem_post(&sem), 0);
	EXPECT_EQ(sem_timedwait(&sem, &bad), 0);
	EXPECT_ERRNO(sem_trywait(&sem), EAGAIN);
}

static void sem_limits(void)
{
	sem_t sem;
	int value = 0;

	EXPECT_GT(sysconf(_SC_SEMAPHORES), 0);
	EXPECT_EQ(sysconf(_SC_SEM_VALUE_MAX), SEM_VALUE_MAX);
	EXPECT_ERRNO(sem_init(&sem, 0, (unsigned int)SEM_VALUE_MAX + 1),
		     EINVAL);
	ASSERT_EQ(sem_init(&sem, 0, SEM_VALUE_MAX - 1), 0);
	EXPECT_EQ(sem_post(&sem), 0);
	EXPECT_ERRNO(sem_post(&sem), EOVERFLOW);
	EXPECT_EQ(sem_getvalue(&sem, &value), 0);
	EXPECT_EQ(value, SEM_VALUE_MAX);
	EXPECT_EQ(sem_trywait(&sem), 0);
	EXPECT_EQ(sem_getvalue(&sem, &value), 0);
	EXPECT_EQ(value, SEM_VALUE_MAX - 1);
}

#define MQ_NAME "/ipc_test_mq"

static mqd_t new_queue(int oflag, long maxmsg, long msgsize)
{
	struct mq_attr attr = { .mq_maxmsg = maxmsg, .mq_msgsize = msgsize };

	mq_unlink(MQ_NAME);
	return mq_open(MQ_NAME, O_CREAT | O_EXCL | oflag, 0600, &attr);
}

static void expect_message(mqd_t mq, const char *text, unsigned int prio)
{
	char buf[32];
	unsigned int got = ~0u;
	ssize_t n = mq_receive(mq, buf, sizeof(buf), &got);

	ASSERT_EQ(n, (long)strlen(text) + 1);
	EXPECT_STREQ(buf, text);
	EXPECT_EQ(got, prio);
}

static void mq_priorities(void)
{
	static const struct {
		const char *text;
		unsigned int prio;
	} sent[] = {
		{ "a", 1 }, { "b", 5 }, { "c", 1 }, { "d", 5 }, { "e", 0 }
	};
	struct mq_attr attr;
	mqd_t mq = new_queue(O_RDWR, 8, 32);

	ASSERT_GE(mq, 0);
	for (size_t i = 0; i < sizeof(sent) / sizeof(sent[0]); i++)
		EXPECT_EQ(mq_send(mq, sent[i].text, 2, sent[i].prio), 0);
	EXPECT_EQ(mq_getattr(mq, &attr), 0);
	EXPECT_EQ(attr.mq_curmsgs, 5);
	EXPECT_EQ(attr.mq_maxmsg, 8);
	EXPECT_EQ(attr.mq_msgsize, 32);
	EXPECT_EQ(attr.mq_flags, 0);
	/* Highest priority first, first come first within one. */
	expect_message(mq, "b", 5);
	expect_message(mq, "d", 5);
	expect_message(mq, "a", 1);
	expect_message(mq, "c", 1);
	expect_message(mq, "e", 0);
	EXPECT_EQ(mq_getattr(mq, &attr), 0);
	EXPECT_EQ(attr.mq_curmsgs, 0);
	EXPECT_EQ(mq_close(mq), 0);
	EXPECT_EQ(mq_unlink(MQ_NAME), 0);
}

static void mq_nonblocking_errors(void)
{
	struct mq_attr attr = { .mq_flags = 0 }, old;
	char buf[64] = "x";
	mqd_t mq = new_queue(O_RDWR | O_NONBLOCK, 2, 16), reader;

	ASSERT_GE(mq, 0);
	EXPECT_ERRNO(mq_receive(mq, buf, sizeof(buf), NULL), EAGAIN);
	EXPECT_EQ(mq_send(mq, buf, 16, 0), 0);
	EXPECT_ERRNO(mq_send(mq, buf, 17, 0), EMSGSIZE);
	EXPECT_ERRNO(mq_send(mq, buf, 1, MQ_PRIO_MAX), EINVAL);
	EXPECT_EQ(mq_send(mq, buf, 0, MQ_PRIO_MAX - 1), 0);
	EXPECT_ERRNO(mq_send(mq, buf, 1, 0), EAGAIN); /* full */
	EXPECT_ERRNO(mq_receive(mq, buf, 15, NULL), EMSGSIZE);
	EXPECT_EQ(mq_setattr(mq, &attr, &old), 0);
	EXPECT_EQ(old.mq_flags, O_NONBLOCK);
	EXPECT_EQ(old.mq_curmsgs, 2);
	EXPECT_EQ(mq_getattr(mq, &attr), 0);
	EXPECT_EQ(attr.mq_flags, 0);
	reader = mq_open(MQ_NAME, O_RDONLY);
	ASSERT_GE(reader, 0);
	EXPECT_TRUE(reader != mq);
	EXPECT_ERRNO(mq_send(reader, buf, 1, 0), EBADF);
	EXPECT_EQ(mq_receive(reader, buf, sizeof(buf), NULL), 0);
	EXPECT_EQ(mq_close(reader), 0);
	EXPECT_ERRNO(mq_close(reader), EBADF);
	EXPECT_ERRNO(mq_send(-1, buf, 1, 0), EBADF);
	EXPECT_EQ(mq_close(mq), 0);
	EXPECT_ERRNO(mq_open(MQ_NAME, O_CREAT | O_EXCL | O_RDWR, 0600, NULL),
		     EEXIST);
	EXPECT_EQ(mq_unlink(MQ_NAME), 0);
	EXPECT_ERRNO(mq_unlink(MQ_NAME), ENOENT);
	EXPECT_ERRNO(mq_open(MQ_NAME, O_RDWR), ENOENT);
	EXPECT_ERRNO(mq_open("ipc_test_mq", O_CREAT | O_RDWR, 0600, NULL),
		     EINVAL);
	attr = (struct mq_attr){ .mq_maxmsg = 0, .mq_msgsize = 16 };
	EXPECT_ERRNO(mq_open(MQ_NAME, O_CREAT | O_RDWR, 0600, &attr), EINVAL);
	EXPECT_GT(sysconf(_SC_MESSAGE_PASSING), 0);
}

/*
 * More messages than the queue holds, between two processes: the sender
 * blocks while it is full, the receiver while it is empty, and they come
 * out in order (one priority).  The child uses the descriptor fork gave
 * it, the parent one opened by name.
 */
static void mq_blocking_fork(void)
{
	mqd_t mq = new_queue(O_RDWR, 4, 16), sender;
	char buf[16];
	pid_t pid;

	ASSERT_GE(mq, 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		for (int i = 0; i < ROUNDS; i++) {
			unsigned int prio;

			if (mq_receive(mq, buf, sizeof(buf), &prio) !=
			    sizeof(int)) {
				EXPECT_TRUE(!"a message of an int");
				break;
			}
			EXPECT_EQ(*(int *)buf, i);
			EXPECT_EQ(prio, 3u);
		}
		ktap_child_exit();
	}
	sender = mq_open(MQ_NAME, O_WRONLY);
	EXPECT_GE(sender, 0);
	for (int i = 0; sender >= 0 && i < ROUNDS; i++)
		EXPECT_EQ(mq_send(sender, (char *)&i, sizeof(i), 3), 0);
	expect_child_ok(pid);
	EXPECT_EQ(mq_close(sender), 0);
	EXPECT_EQ(mq_close(mq), 0);
	EXPECT_EQ(mq_unlink(MQ_NAME), 0);
}

static void mq_timeouts(void)
{
	struct timespec soon = from_now(30000000L), bad = { 0, -1 };
	char buf[16] = "x";
	mqd_t mq = new_queue(O_RDWR, 1, 16);

	ASSERT_GE(mq, 0);
	EXPECT_ERRNO(mq_timedreceive(mq, buf, sizeof(buf), NULL, &soon),
		     ETIMEDOUT);
	EXPECT_ERRNO(mq_timedreceive(mq, buf, sizeof(buf), NULL, &bad), EINVAL);
	EXPECT_EQ(mq_timedsend(mq, buf, 1, 0, &bad), 0); /* no wait */
	soon = from_now(30000000L);
	EXPECT_ERRNO(mq_timedsend(mq, buf, 1, 0, &soon), ETIMEDOUT);
	EXPECT_EQ(mq_timedreceive(mq, buf, sizeof(buf), NULL, &bad), 1);
	EXPECT_EQ(mq_close(mq), 0);
	EXPECT_EQ(mq_unlink(MQ_NAME), 0);
}

/*
 * mq_notify: a message into the empty queue, sent by a child, signals
 * the registered parent with si_code SI_MESGQ, the child's pid and the
 * value asked for; the registration then ends.  While registered, another
 * process's mq_notify is EBUSY; NULL removes one's own.
 */
static void mq_notify_signal(void)
{
	struct sigevent sev = { .sigev_notify = SIGEV_SIGNAL,
				.sigev_signo = SIGRTMIN,
				.sigev_value.sival_int = 42 };
	mqd_t mq = new_queue(O_RDWR, 4, 16);
	sigset_t rtmin;
	siginfo_t si;
	pid_t pid;

	ASSERT_GE(mq, 0);
	sigemptyset(&rtmin);
	sigaddset(&rtmin, SIGRTMIN);
	ASSERT_EQ(sigprocmask(SIG_BLOCK, &rtmin, NULL), 0);
	EXPECT_EQ(mq_notify(mq, &sev), 0);
	EXPECT_ERRNO(mq_notify(mq, &sev), EBUSY);
	EXPECT_ERRNO(mq_notify(mq + 100, &sev), EBADF);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		EXPECT_ERRNO(mq_notify(mq, &sev), EBUSY);
		EXPECT_EQ(mq_notify(mq, NULL), 0); /* not the child's: stays */
		EXPECT_EQ(mq_send(mq, "a", 1, 0), 0);
		EXPECT_EQ(mq_send(mq, "b", 1, 0), 0); /* not empty: no signal */
		ktap_child_exit();
	}
	expect_child_ok(pid);
	ASSERT_EQ(sigwaitinfo(&rtmin, &si), SIGRTMIN);
	EXPECT_EQ(si.si_code, SI_MESGQ);
	EXPECT_EQ(si.si_pid, pid);
	EXPECT_EQ(si.si_value.sival_int, 42);
	EXPECT_ERRNO(sigtimedwait(&rtmin, &si, &(struct timespec){ 0, 0 }),
		     EAGAIN);
	/* Told once: free for a new registration, which NULL removes. */
	EXPECT_EQ(mq_notify(mq, &sev), 0);
	EXPECT_EQ(mq_notify(mq, NULL), 0);
	EXPECT_EQ(mq_notify(mq, &sev), 0);
	EXPECT_EQ(mq_close(mq), 0);
	EXPECT_EQ(mq_unlink(MQ_NAME), 0);
}

/* pthread_atfork's handlers note their calls here, in a shared page. */
static char *calls, *child_calls;

static void note(char *buf, char c)
{
	size_t n = strlen(buf);

	buf[n] = c;
	buf[n + 1] = '\0';
}

/* clang-format off */
static void prepare_a(void) { note(calls, 'A'); }
static void prepare_b(void) { note(calls, 'B'); }
static void parent_a(void) { note(calls, 'a'); }
static void parent_b(void) { note(calls, 'b'); }
static void child_a(void) { note(child_calls, '1'); }
static void child_b(void) { note(child_calls, '2'); }
/* clang-format on */

/*
 * Prepare handlers run last registered first, parent and child handlers
 * first registered first (POSIX).  The handlers stay registered after the
 * case, but only in its own process (ktap runs each case in a child).
 * The child's handlers note in a string of their own: with two CPUs they
 * run at the same time as the parent's.
 */
static void atfork_order(void)
{
	pid_t pid;

	calls = shared_page();
	ASSERT_TRUE(calls != MAP_FAILED);
	child_calls = calls + 2048;
	calls[0] = child_calls[0] = '\0';
	ASSERT_EQ(pthread_atfork(prepare_a, parent_a, child_a), 0);
	ASSERT_EQ(pthread_atfork(prepare_b, parent_b, child_b), 0);
	ASSERT_EQ(pthread_atfork(NULL, NULL, NULL), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0)
		_exit(0);
	expect_child_ok(pid);
	EXPECT_EQ(strcmp(calls, "BAab"), 0);
	EXPECT_EQ(strcmp(child_calls, "12"), 0);
	munmap(calls, 4096);
}

static FILE *held_file;
static int held;

/* Hold newlib's malloc lock and held_file's lock for a while. */
static void *hold_locks(void *arg)
{
	__malloc_lock(_REENT);
	flockfile(held_file);
	__atomic_store_n(&held, 1, __ATOMIC_RELEASE);
	usleep(100000);
	funlockfile(held_file);
	__malloc_unlock(_REENT);
	return NULL;
}

/*
 * fork while another thread holds malloc's and a FILE's lock: fork waits
 * for them, so the child (one thread) can allocate and print.  Without
 * that the child would sleep for ever on a lock no thread of it holds;
 * alarm ends it then, and the case fails.
 */
static void fork_while_thread_holds_locks(void)
{
	pthread_t t;
	pid_t pid;

	held_file = fopen("/tmp/ipc_test_atfork", "w");
	ASSERT_TRUE(held_file != NULL);
	ASSERT_EQ(pthread_create(&t, NULL, hold_locks, NULL), 0);
	while (!__atomic_load_n(&held, __ATOMIC_ACQUIRE))
		sched_yield();
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		alarm(10);
		free(malloc(100));
		EXPECT_GT(fprintf(held_file, "child\n"), 0);
		EXPECT_EQ(fflush(held_file), 0);
		ktap_child_exit();
	}
	expect_child_ok(pid);
	EXPECT_EQ(pthread_join(t, NULL), 0);
	fclose(held_file);
	unlink("/tmp/ipc_test_atfork");
}

static const struct ktap_case cases[] = {
	KTAP_CASE(futex_shared_anon_pingpong),
	KTAP_CASE(futex_shm_two_addresses),
	KTAP_CASE(futex_errors),
	KTAP_CASE(sem_between_threads),
	KTAP_CASE(sem_pshared_fork),
	KTAP_CASE(sem_named_fork),
	KTAP_CASE(sem_open_errors),
	KTAP_CASE(sem_wait_eintr),
	KTAP_CASE(sem_timedwait_rules),
	KTAP_CASE(sem_limits),
	KTAP_CASE(mq_priorities),
	KTAP_CASE(mq_nonblocking_errors),
	KTAP_CASE(mq_blocking_fork),
	KTAP_CASE(mq_timeouts),
	KTAP_CASE(mq_notify_signal),
	KTAP_CASE(atfork_order),
	KTAP_CASE(fork_while_thread_holds_locks),
};

int main(void)
{
	return ktap_main("ipc_test", cases, KTAP_NCASES(cases));
}
