// SPDX-License-Identifier: MIT
/*
 * thread_test: POSIX threads (user/lib/pthread.c) on clone and futex
 * (kernel/thread.c, kernel/futex.c), and what several threads of one
 * address space must see of the VM (issue 17):
 *
 *  - two threads writing one untouched page get one page, and each sees
 *    the other's write;
 *  - a thread reading a page another thread unmaps gets SIGSEGV, and never
 *    reads what the frame holds once reused;
 *  - a thread writing a page another thread makes read-only faults;
 *  - fork in a process of several threads gives a child of one thread with
 *    a consistent copy;
 *  - copy-on-write under two writing threads loses no write;
 *  - a fault in one thread, or exit in one, ends every thread;
 *  - pthread_kill reaches the thread named, and pthread_setschedparam
 *    sets that thread's policy.
 *
 * Cases that end a process (a fault, exit) run it in a child of the case.
 */
#include <errno.h>
#include <pagoda.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define PAGE 4096
#define NTHREADS 4

static void *twice(void *arg)
{
	return (void *)((uintptr_t)arg * 2);
}

static void create_join(void)
{
	pthread_t t[NTHREADS];

	for (uintptr_t i = 0; i < NTHREADS; i++)
		ASSERT_EQ(pthread_create(&t[i], NULL, twice, (void *)i), 0);
	for (uintptr_t i = 0; i < NTHREADS; i++) {
		void *r = NULL;

		EXPECT_EQ(pthread_join(t[i], &r), 0);
		EXPECT_EQ((uintptr_t)r, i * 2);
	}
}

struct ids {
	pid_t pid, tid;
	pthread_t self;
};

static void *get_ids(void *arg)
{
	struct ids *ids = arg;

	ids->pid = getpid();
	ids->tid = gettid();
	ids->self = pthread_self();
	return NULL;
}

/* One process, several threads: getpid is shared, gettid not. */
static void ids(void)
{
	struct ids ids;
	pthread_t t;

	ASSERT_EQ(pthread_create(&t, NULL, get_ids, &ids), 0);
	ASSERT_EQ(pthread_join(t, NULL), 0);
	EXPECT_EQ(ids.pid, getpid());
	EXPECT_EQ(gettid(), getpid()); /* the main thread's id is the pid */
	EXPECT_NE(ids.tid, gettid());
	EXPECT_TRUE(pthread_equal(ids.self, t));
	EXPECT_FALSE(pthread_equal(pthread_self(), t));
}

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *count_up(void *arg)
{
	for (int i = 0; i < 2000; i++) {
		pthread_mutex_lock(&counter_lock);
		long v = counter;

		if (i % 64 == 0)
			sched_yield(); /* hold the lock across a switch */
		counter = v + 1;
		pthread_mutex_unlock(&counter_lock);
	}
	return NULL;
}

static void mutex(void)
{
	pthread_t t[NTHREADS];

	for (int i = 0; i < NTHREADS; i++)
		ASSERT_EQ(pthread_create(&t[i], NULL, count_up, NULL), 0);
	for (int i = 0; i < NTHREADS; i++)
		EXPECT_EQ(pthread_join(t[i], NULL), 0);
	EXPECT_EQ(counter, NTHREADS * 2000);
	EXPECT_EQ(pthread_mutex_trylock(&counter_lock), 0);
	EXPECT_EQ(pthread_mutex_trylock(&counter_lock), EBUSY);
	EXPECT_EQ(pthread_mutex_unlock(&counter_lock), 0);
}

/* A queue of one slot: the producer waits for empty, the consumer for full. */
static pthread_mutex_t slot_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t slot_changed = PTHREAD_COND_INITIALIZER;
static int slot, slot_full;

static void *produce(void *arg)
{
	for (int i = 1; i <= 200; i++) {
		pthread_mutex_lock(&slot_lock);
		while (slot_full)
			pthread_cond_wait(&slot_changed, &slot_lock);
		slot = i;
		slot_full = 1;
		pthread_cond_broadcast(&slot_changed);
		pthread_mutex_unlock(&slot_lock);
	}
	return NULL;
}

static void condvar(void)
{
	pthread_t t;
	long sum = 0;

	ASSERT_EQ(pthread_create(&t, NULL, produce, NULL), 0);
	for (int i = 1; i <= 200; i++) {
		pthread_mutex_lock(&slot_lock);
		while (!slot_full)
			pthread_cond_wait(&slot_changed, &slot_lock);
		EXPECT_EQ(slot, i);
		sum += slot;
		slot_full = 0;
		pthread_cond_signal(&slot_changed);
		pthread_mutex_unlock(&slot_lock);
	}
	EXPECT_EQ(pthread_join(t, NULL), 0);
	EXPECT_EQ(sum, 200 * 201 / 2);
}

static struct timespec in_ms(long ms)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += ms / 1000;
	t.tv_nsec += ms % 1000 * 1000000L; /* ms < 0: may go below 0 */
	if (t.tv_nsec < 0) {
		t.tv_nsec += 1000000000L;
		t.tv_sec--;
	}
	t.tv_sec += t.tv_nsec / 1000000000L;
	t.tv_nsec %= 1000000000L;
	return t;
}

static long ms_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	return (now.tv_sec - t->tv_sec) * 1000 +
	       (now.tv_nsec - t->tv_nsec) / 1000000L;
}

/*
 * pthread_cond_timedwait with nobody to signal: ETIMEDOUT, not before the
 * time given, the mutex held again; a time already past, or a bad one.
 */
static void cond_timedwait_times_out(void)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	struct timespec when = in_ms(30), bad = in_ms(0);

	pthread_mutex_lock(&m);
	EXPECT_EQ(pthread_cond_timedwait(&c, &m, &when), ETIMEDOUT);
	EXPECT_GE(ms_since(&when), 0);
	EXPECT_EQ(pthread_mutex_trylock(&m), EBUSY);
	when = in_ms(-10);
	EXPECT_EQ(pthread_cond_timedwait(&c, &m, &when), ETIMEDOUT);
	bad.tv_nsec = 1000000000L;
	EXPECT_EQ(pthread_cond_timedwait(&c, &m, &bad), EINVAL);
	pthread_mutex_unlock(&m);
}

static void *signal_slot(void *arg)
{
	pthread_mutex_lock(&slot_lock);
	slot_full = 1;
	pthread_cond_signal(&slot_changed);
	pthread_mutex_unlock(&slot_lock);
	return arg;
}

/* A signal well before the time: 0, and the wait ended early. */
static void cond_timedwait_signalled(void)
{
	struct timespec start = in_ms(0), when = in_ms(10000);
	int err = 0;
	pthread_t t;

	slot_full = 0;
	pthread_mutex_lock(&slot_lock);
	ASSERT_EQ(pthread_create(&t, NULL, signal_slot, NULL), 0);
	while (!slot_full && !err)
		err = pthread_cond_timedwait(&slot_changed, &slot_lock, &when);
	EXPECT_EQ(err, 0);
	EXPECT_EQ(slot_full, 1);
	pthread_mutex_unlock(&slot_lock);
	EXPECT_EQ(pthread_join(t, NULL), 0);
	EXPECT_LT(ms_since(&start), 10000);
	slot_full = 0;
}

static int ran;

static void *set_ran(void *arg)
{
	__atomic_store_n(&ran, 1, __ATOMIC_RELEASE);
	return NULL;
}

static int go;

static void *wait_for_go(void *arg)
{
	while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
		sched_yield();
	return NULL;
}

static void *exit_early(void *arg)
{
	pthread_exit((void *)42);
}

/*
 * ps lists processes: a process with three threads is one procinfo entry,
 * counting three, and no entry has a thread's own id.
 */
static int tids[2];

static void *note_tid_and_wait(void *arg)
{
	__atomic_store_n((int *)arg, gettid(), __ATOMIC_RELEASE);
	return wait_for_go(NULL);
}

static void ps_lists_processes(void)
{
	struct procinfo pi, mine = { 0 };
	pthread_t t[2];
	int entries = 0, thread_entries = 0;

	go = 0;
	for (int i = 0; i < 2; i++)
		ASSERT_EQ(pthread_create(&t[i], NULL, note_tid_and_wait,
					 &tids[i]),
			  0);
	while (!__atomic_load_n(&tids[0], __ATOMIC_ACQUIRE) ||
	       !__atomic_load_n(&tids[1], __ATOMIC_ACQUIRE))
		sched_yield();
	for (int i = 0; i < 4096 && procinfo(i, &pi) == 0; i++) {
		entries += pi.pid == getpid();
		thread_entries += pi.pid == tids[0] || pi.pid == tids[1];
		if (pi.pid == getpid())
			mine = pi;
	}
	__atomic_store_n(&go, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < 2; i++)
		ASSERT_EQ(pthread_join(t[i], NULL), 0);
	EXPECT_EQ(entries, 1);
	EXPECT_EQ(thread_entries, 0);
	EXPECT_EQ(mine.nr_threads, 3);
}

/* Joining twice, a detached thread, oneself: errors, no hang. */
static void join_errors(void)
{
	pthread_attr_t attr;
	pthread_t t, d;
	void *r;

	ASSERT_EQ(pthread_create(&t, NULL, exit_early, NULL), 0);
	EXPECT_EQ(pthread_join(t, &r), 0);
	EXPECT_EQ((long)r, 42);
	EXPECT_EQ(pthread_join(t, NULL), ESRCH);
	EXPECT_EQ(pthread_detach(t), ESRCH);
	EXPECT_EQ(pthread_join(pthread_self(), NULL), EDEADLK);

	pthread_attr_init(&attr);
	EXPECT_EQ(pthread_attr_setdetachstate(&attr, 7), EINVAL);
	ASSERT_EQ(pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED),
		  0);
	ASSERT_EQ(pthread_create(&d, &attr, set_ran, NULL), 0);
	EXPECT_EQ(pthread_join(d, NULL), EINVAL);
	while (!__atomic_load_n(&ran, __ATOMIC_ACQUIRE))
		sched_yield();

	/* Still running, so not yet reaped: detached, not joinable. */
	ASSERT_EQ(pthread_create(&t, NULL, wait_for_go, NULL), 0);
	EXPECT_EQ(pthread_detach(t), 0);
	EXPECT_EQ(pthread_detach(t), EINVAL);
	EXPECT_EQ(pthread_join(t, NULL), EINVAL);
	__atomic_store_n(&go, 1, __ATOMIC_RELEASE);
}

static void *fail_a_call(void *arg)
{
	errno = 0;
	if (close(-1) != -1 || errno != EBADF)
		return (void *)1;
	return NULL;
}

/* errno is per thread: a thread's failing call leaves the others' alone. */
static void errno_per_thread(void)
{
	pthread_t t;
	void *r;

	errno = ENOENT;
	ASSERT_EQ(pthread_create(&t, NULL, fail_a_call, NULL), 0);
	ASSERT_EQ(pthread_join(t, &r), 0);
	EXPECT_EQ((long)r, 0);
	EXPECT_EQ(errno, ENOENT);
}

static void *sleep_forever(void *arg)
{
	while (pause() == -1) /* until a signal that ends the process */
		;
	return NULL;
}

static void *exit_3(void *arg)
{
	exit(3);
}

static void run_exit_in_thread(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, sleep_forever, NULL);
	pthread_create(&b, NULL, exit_3, NULL);
	pthread_join(a, NULL); /* never returns: exit ends this thread too */
	_exit(1);
}

/* exit in any thread ends all of them, with its status. */
static void exit_ends_all(void)
{
	int status = ktap_child_status(run_exit_in_thread);

	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 3);
}

static void *main_gone(void *arg)
{
	for (int i = 0; i < 5; i++)
		sched_yield();
	exit(4);
}

/* The main thread may leave first; the process lives on in the others. */
static void run_main_exits_first(void)
{
	pthread_t t;

	pthread_create(&t, NULL, main_gone, NULL);
	pthread_exit(NULL);
}

static void main_exits_first(void)
{
	int status = ktap_child_status(run_main_exits_first);

	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 4);
}

static void *null_write(void *arg)
{
	*(volatile int *)arg = 1;
	return NULL;
}

static void run_fault_in_thread(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, sleep_forever, NULL);
	pthread_create(&b, NULL, null_write, NULL);
	pthread_join(a, NULL);
	_exit(1);
}

/* A fault in one thread kills the whole process with its signal. */
static void fault_kills_process(void)
{
	int status = ktap_child_status(run_fault_in_thread);

	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(WTERMSIG(status), SIGSEGV);
}

/* Blocks of sizes that vary, each filled with its owner's mark and checked. */
static void *heap_churn(void *arg)
{
	long mark = (long)arg, bad = 0;
	unsigned char *blocks[8] = { 0 };

	for (int i = 0; i < 3000; i++) {
		int k = i % 8;
		size_t n = 16 + (size_t)(i * 37 % 700);

		if (blocks[k]) {
			for (size_t j = 0; j < 16; j++)
				bad += blocks[k][j] != (unsigned char)mark;
			free(blocks[k]);
		}
		blocks[k] = malloc(n);
		if (!blocks[k])
			return (void *)-1;
		memset(blocks[k], (int)mark, n);
		if (i % 500 == 0)
			sched_yield();
	}
	for (int k = 0; k < 8; k++)
		free(blocks[k]);
	return (void *)bad;
}

/* The heap is the process's: threads may malloc and free at once. */
static void malloc_in_threads(void)
{
	pthread_t t[NTHREADS];

	for (long i = 0; i < NTHREADS; i++)
		ASSERT_EQ(pthread_create(&t[i], NULL, heap_churn,
					 (void *)(i + 1)),
			  0);
	for (int i = 0; i < NTHREADS; i++) {
		void *r = (void *)1;

		EXPECT_EQ(pthread_join(t[i], &r), 0);
		EXPECT_EQ((long)r, 0);
	}
}

#define LINE_FILE "/tmp/thread_test.lines"
#define LINES 300

struct printer {
	FILE *f;
	int id;
};

/*
 * One fprintf a line, of many conversions: vfprintf puts the pieces into
 * the stream's buffer one by one, so without the stream's lock another
 * thread's line lands between them.
 */
static void *print_lines(void *arg)
{
	struct printer *p = arg;

	for (int i = 0; i < LINES; i++)
		fprintf(p->f, "<%d %d %d %d %d %d %d %d>\n", p->id, i, p->id, i,
			p->id, i, p->id, i);
	return NULL;
}

/* A line as print_lines writes it, whole: 1 and its thread, or 0. */
static int whole_line(const char *line, int *id)
{
	int v[8], end = 0;

	if (sscanf(line, "<%d %d %d %d %d %d %d %d>\n%n", &v[0], &v[1], &v[2],
		   &v[3], &v[4], &v[5], &v[6], &v[7], &end) != 8 ||
	    line[end] || v[0] < 0 || v[0] >= NTHREADS)
		return 0;
	for (int k = 2; k < 8; k++)
		if (v[k] != v[k % 2])
			return 0;
	*id = v[0];
	return 1;
}

/* stdio locks each FILE: threads printing to one never split a line. */
static void stdio_lines_whole(void)
{
	struct printer p[NTHREADS];
	pthread_t t[NTHREADS];
	int count[NTHREADS] = { 0 }, bad = 0, id;
	char line[128];
	FILE *f = fopen(LINE_FILE, "w");

	ASSERT_TRUE(f != NULL);
	for (int i = 0; i < NTHREADS; i++) {
		p[i] = (struct printer){ f, i };
		ASSERT_EQ(pthread_create(&t[i], NULL, print_lines, &p[i]), 0);
	}
	for (int i = 0; i < NTHREADS; i++)
		EXPECT_EQ(pthread_join(t[i], NULL), 0);
	ASSERT_EQ(fclose(f), 0);
	f = fopen(LINE_FILE, "r");
	ASSERT_TRUE(f != NULL);
	while (fgets(line, sizeof(line), f)) {
		if (whole_line(line, &id))
			count[id]++;
		else
			bad++;
	}
	fclose(f);
	unlink(LINE_FILE);
	EXPECT_EQ(bad, 0);
	for (int i = 0; i < NTHREADS; i++)
		EXPECT_EQ(count[i], LINES);
}

#define ROUNDS 3

struct meeting {
	pthread_barrier_t barrier;
	int arrived[ROUNDS];
	int serial[ROUNDS];
	int early[ROUNDS]; /* left a round before everyone had come */
};

static void *meet(void *arg)
{
	struct meeting *m = arg;

	for (int r = 0; r < ROUNDS; r++) {
		__atomic_add_fetch(&m->arrived[r], 1, __ATOMIC_RELAXED);
		if (pthread_barrier_wait(&m->barrier) ==
		    PTHREAD_BARRIER_SERIAL_THREAD)
			__atomic_add_fetch(&m->serial[r], 1, __ATOMIC_RELAXED);
		if (__atomic_load_n(&m->arrived[r], __ATOMIC_RELAXED) !=
		    NTHREADS)
			__atomic_add_fetch(&m->early[r], 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

/* No thread passes a barrier before all have reached it; one is serial. */
static void barrier_rounds(void)
{
	struct meeting m = { 0 };
	pthread_t t[NTHREADS];

	EXPECT_EQ(pthread_barrier_init(&m.barrier, NULL, 0), EINVAL);
	ASSERT_EQ(pthread_barrier_init(&m.barrier, NULL, NTHREADS), 0);
	for (int i = 0; i < NTHREADS; i++)
		ASSERT_EQ(pthread_create(&t[i], NULL, meet, &m), 0);
	for (int i = 0; i < NTHREADS; i++)
		EXPECT_EQ(pthread_join(t[i], NULL), 0);
	for (int r = 0; r < ROUNDS; r++) {
		EXPECT_EQ(m.serial[r], 1);
		EXPECT_EQ(m.early[r], 0);
	}
	EXPECT_EQ(pthread_barrier_destroy(&m.barrier), 0);
}

static void *set_alarm(void *arg)
{
	alarm(1);
	return NULL;
}

static void run_alarm_outlives_thread(void)
{
	pthread_t t;

	pthread_create(&t, NULL, set_alarm, NULL);
	pthread_join(t, NULL);
	for (;;)
		pause();
}

/* alarm is the process's: set by a thread that has gone, it still rings. */
static void alarm_outlives_thread(void)
{
	int status = ktap_child_status(run_alarm_outlives_thread);

	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(WTERMSIG(status), SIGALRM);
}

static void *stop_and_exit(void *arg)
{
	wait_for_go(NULL);
	kill(getpid(), SIGTSTP); /* the main thread blocks it: ours to take */
	exit(6);
}

/* The thread is made before the mask changes: it inherits the mask. */
static void run_stop_in_thread(void)
{
	sigset_t set = 0;
	pthread_t t;

	pthread_create(&t, NULL, stop_and_exit, NULL);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	__atomic_store_n(&go, 1, __ATOMIC_RELEASE);
	for (;;)
		pause();
}

/*
 * A stop taken by a thread that is not the leader: the parent sees the
 * process stopped, and SIGCONT, which the leader takes, resumes the thread.
 */
static void stop_in_thread(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		run_stop_in_thread();
	ASSERT_GT(pid, 0);
	ASSERT_EQ(waitpid(pid, &status, WUNTRACED), pid);
	EXPECT_TRUE(WIFSTOPPED(status));
	EXPECT_EQ(WSTOPSIG(status), SIGTSTP);
	ASSERT_EQ(kill(pid, SIGCONT), 0);
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 6);
}

static void *return_7(void *arg)
{
	return (void *)7;
}

static void exit_5(void)
{
	_exit(5);
}

static void child_after_fork(void)
{
	pthread_t t;
	void *r = NULL;

	if (pthread_create(&t, NULL, return_7, NULL) || pthread_join(t, &r) ||
	    r != (void *)7)
		_exit(2);
	atexit(exit_5);
	pthread_exit(NULL);
}

/*
 * fork's child has one thread: it makes and joins threads of its own, and
 * when its last thread leaves, the process ends as exit() ends it (an
 * atexit handler makes that status 5).
 */
static void threads_after_fork(void)
{
	int status;
	pthread_t t;
	pid_t pid;

	ASSERT_EQ(pthread_create(&t, NULL, wait_for_go, NULL), 0);
	pid = fork();
	if (pid == 0)
		child_after_fork();
	ASSERT_GT(pid, 0);
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 5);
	__atomic_store_n(&go, 1, __ATOMIC_RELEASE);
	EXPECT_EQ(pthread_join(t, NULL), 0);
}

static volatile long *beat; /* MAP_SHARED: the parent sees it */
static int exec_fds[4];	    /* started: [0] read, [1] write; quit: [2], [3] */

static void *beat_forever(void *arg)
{
	for (;;)
		(*beat)++;
	return NULL;
}

static void *exec_lingerer(void *arg)
{
	char started[16], quit[16];

	snprintf(started, sizeof(started), "%d", exec_fds[1]);
	snprintf(quit, sizeof(quit), "%d", exec_fds[2]);
	execl("/tests/thread_test", "thread_test", "--linger", started, quit,
	      (char *)NULL);
	return (void *)1;
}

/* What the exec'd program does: say it runs, wait for the word to end. */
static int linger(int started, int quit)
{
	char c;

	if (write(started, "x", 1) != 1)
		return 1;
	return read(quit, &c, 1) == 0 ? 0 : 2;
}

static void run_exec(bool from_leader)
{
	pthread_t t;

	pthread_create(&t, NULL, beat_forever, NULL);
	if (from_leader)
		exec_lingerer(NULL);
	else
		pthread_create(&t, NULL, exec_lingerer, NULL);
	for (;;)
		pause();
}

/*
 * exec in a process of several threads: the others end (the beat stops),
 * the process goes on as the new program, with its pid.
 */
static void exec_with_threads(bool from_leader)
{
	int status;
	long before;
	char c;
	pid_t pid;

	beat = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(beat != MAP_FAILED);
	ASSERT_EQ(pipe(exec_fds), 0);
	ASSERT_EQ(pipe(exec_fds + 2), 0);
	pid = fork();
	if (pid == 0) {
		close(exec_fds[0]);
		close(exec_fds[3]);
		run_exec(from_leader);
	}
	ASSERT_GT(pid, 0);
	close(exec_fds[1]);
	close(exec_fds[2]);
	EXPECT_EQ(read(exec_fds[0], &c, 1), 1);
	before = *beat;
	for (int i = 0; i < 100; i++)
		sched_yield();
	EXPECT_EQ(*beat, before);
	close(exec_fds[3]);
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 0);
}

static void run_stop_all(void)
{
	pthread_t t;

	pthread_create(&t, NULL, beat_forever, NULL);
	for (;;)
		pause();
}

/* Has the beat stood still over some yields and sleeps? */
static bool beat_still(void)
{
	long before = *beat;

	for (int i = 0; i < 20; i++) {
		sched_yield();
		usleep(1000);
	}
	return *beat == before;
}

/*
 * SIGSTOP, which the sleeping leader takes, stops the thread spinning in
 * user mode too: the beat stands still until SIGCONT.
 */
static void stop_stops_every_thread(void)
{
	int status;
	pid_t pid;

	beat = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(beat != MAP_FAILED);
	pid = fork();
	if (pid == 0)
		run_stop_all();
	ASSERT_GT(pid, 0);
	while (!*beat)
		sched_yield();
	ASSERT_EQ(kill(pid, SIGSTOP), 0);
	ASSERT_EQ(waitpid(pid, &status, WUNTRACED), pid);
	EXPECT_TRUE(WIFSTOPPED(status));
	EXPECT_TRUE(beat_still());
	ASSERT_EQ(kill(pid, SIGCONT), 0);
	while (beat_still())
		;
	kill(pid, SIGKILL);
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFSIGNALED(status));
	munmap((void *)beat, PAGE);
}

static void exec_from_thread(void)
{
	exec_with_threads(false);
}

static void exec_from_leader(void)
{
	exec_with_threads(true);
}

/* pthread_kill's signal runs its handler in the thread named. */
static volatile pid_t usr1_tid, target_tid;

static void note_tid(int sig)
{
	usr1_tid = gettid();
}

static void *wait_for_usr1(void *arg)
{
	target_tid = gettid();
	for (int i = 0; i < 1000 && !usr1_tid; i++)
		usleep(1000);
	return NULL;
}

static void pthread_kill_targets_thread(void)
{
	struct sigaction sa = { .sa_handler = note_tid }, old;
	pthread_t t;

	usr1_tid = target_tid = 0;
	ASSERT_EQ(sigaction(SIGUSR1, &sa, &old), 0);
	ASSERT_EQ(pthread_create(&t, NULL, wait_for_usr1, NULL), 0);
	while (!target_tid)
		sched_yield();
	/* A kill() would go to the main thread, the first that allows it. */
	EXPECT_EQ(pthread_kill(t, SIGUSR1), 0);
	EXPECT_EQ(pthread_join(t, NULL), 0);
	EXPECT_EQ(usr1_tid, target_tid);
	EXPECT_EQ(pthread_kill(t, 0), ESRCH); /* joined: gone */
	EXPECT_EQ(pthread_kill(pthread_self(), NSIG), EINVAL);
	EXPECT_EQ(pthread_kill(pthread_self(), 0), 0);
	/* tgkill's pair must name one thread of one process. */
	EXPECT_ERRNO(syscall(SYS_tgkill, getpid(), target_tid, 0), ESRCH);
	EXPECT_ERRNO(syscall(SYS_tgkill, 1, gettid(), 0), ESRCH);
	EXPECT_ERRNO(syscall(SYS_tgkill, 0, gettid(), 0), EINVAL);
	sigaction(SIGUSR1, &old, NULL);
}

/* The policy is the thread's own: set and read back through its handle. */
static void schedparam_of_a_thread(void)
{
	struct sched_param p = { .sched_priority = 10 };
	int policy;

	EXPECT_EQ(pthread_setschedparam(pthread_self(), SCHED_FIFO, &p), 0);
	p.sched_priority = 0;
	EXPECT_EQ(pthread_getschedparam(pthread_self(), &policy, &p), 0);
	EXPECT_EQ(policy, SCHED_FIFO);
	EXPECT_EQ(p.sched_priority, 10);
	p.sched_priority = 0;
	EXPECT_EQ(pthread_setschedparam(pthread_self(), SCHED_OTHER, &p), 0);
	EXPECT_EQ(sched_getscheduler(0), SCHED_OTHER);
	p.sched_priority = 100;
	EXPECT_EQ(pthread_setschedparam(pthread_self(), SCHED_FIFO, &p),
		  EINVAL);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(create_join),
	KTAP_CASE(ids),
	KTAP_CASE(mutex),
	KTAP_CASE(condvar),
	KTAP_CASE(join_errors),
	KTAP_CASE(errno_per_thread),
	KTAP_CASE(exit_ends_all),
	KTAP_CASE(main_exits_first),
	KTAP_CASE(fault_kills_process),
	KTAP_CASE(exec_from_thread),
	KTAP_CASE(exec_from_leader),
	KTAP_CASE(threads_after_fork),
	KTAP_CASE(malloc_in_threads),
	KTAP_CASE(stdio_lines_whole),
	KTAP_CASE(barrier_rounds),
	KTAP_CASE(alarm_outlives_thread),
	KTAP_CASE(stop_in_thread),
	KTAP_CASE(stop_stops_every_thread),
	KTAP_CASE(ps_lists_processes),
	KTAP_CASE(cond_timedwait_times_out),
	KTAP_CASE(cond_timedwait_signalled),
	KTAP_CASE(pthread_kill_targets_thread),
	KTAP_CASE(schedparam_of_a_thread),
};

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "--linger"))
		return linger(atoi(argv[2]), atoi(argv[3]));
	return ktap_main("thread_test", cases, KTAP_NCASES(cases));
}
