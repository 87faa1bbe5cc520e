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
 *    count's limit (EOVERFLOW), sem_open's O_CREAT / O_EXCL rules.
 *
 * A case that forks checks its children's exit status; each child ends
 * with ktap_child_exit.  Waits that would hang if a wake-up were lost are
 * bounded (a futex timeout, a retry limit), so a broken kernel fails the
 * case instead of hanging the run.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pagoda.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
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
};

int main(void)
{
	return ktap_main("ipc_test", cases, KTAP_NCASES(cases));
}
