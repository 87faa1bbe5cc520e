// SPDX-License-Identifier: MIT
/*
 * thread_vm_test: what the threads of one address space must see of the
 * VM when they race each other (issue 17's semantics):
 *
 *  - two threads writing one untouched page: one page is allocated, and
 *    each sees the other's write;
 *  - a thread reading a page another thread unmaps gets SIGSEGV (which
 *    ends the process), and never reads the frame once it is reused;
 *  - a thread writing a page another thread makes read-only faults on its
 *    very next write;
 *  - fork in a process of several threads: the child has one thread and a
 *    copy of memory as it was at one instant;
 *  - copy-on-write of pages two threads write at once loses no write;
 *  - faults preempted half-way (they run with interrupts on) by a thread
 *    faulting the same file and anonymous pages: every count stays exact.
 *
 * On one CPU the races come from preemption (the timer switches threads
 * every few ms); with several CPUs the threads run at once.  Cases that
 * must end a process run it in a child of the case.
 */
#include <fcntl.h>
#include <pagoda.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ktap.h"

#define PAGE 4096
#define WORDS (PAGE / sizeof(long))
#define MAGIC ((long)(0x600dcafe600dcafeULL & ~0UL)) /* a long's worth */
#define PATIENCE 100000 /* yields before a wait counts as a hang */

static void *map_pages(int n)
{
	void *p = mmap(NULL, n * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* Yield until *count reaches n; false if it never did. */
static bool wait_for_count(const volatile int *count, int n)
{
	for (int i = 0; i < PATIENCE; i++) {
		if (__atomic_load_n(count, __ATOMIC_ACQUIRE) >= n)
			return true;
		sched_yield();
	}
	return false;
}

/* Yield until *flag is set; false if it never was. */
static bool wait_for(const volatile int *flag)
{
	return wait_for_count(flag, 1);
}

static volatile long *first_touch;
static int both_ready;

/* Write my word of the untouched page, then wait to see the other's. */
static void *touch(void *arg)
{
	long me = (long)arg, other = 1 - me;

	__atomic_add_fetch(&both_ready, 1, __ATOMIC_ACQ_REL);
	while (__atomic_load_n(&both_ready, __ATOMIC_ACQUIRE) < 2)
		;
	first_touch[me] = me + 100;
	for (int i = 0; i < PATIENCE; i++) {
		if (first_touch[other] == other + 100)
			return NULL;
		sched_yield();
	}
	return (void *)1;
}

static void same_page_first_touch(void)
{
	struct mapinfo m;
	pthread_t t[2];
	void *r[2];

	first_touch = map_pages(1);
	ASSERT_TRUE(first_touch != NULL);
	for (long i = 0; i < 2; i++)
		ASSERT_EQ(pthread_create(&t[i], NULL, touch, (void *)i), 0);
	for (int i = 0; i < 2; i++) {
		EXPECT_EQ(pthread_join(t[i], &r[i]), 0);
		EXPECT_EQ((long)r[i], 0);
	}
	ASSERT_EQ(mapinfo_at((void *)first_touch, &m), 0);
	EXPECT_EQ(m.resident, 1);
	EXPECT_EQ(first_touch[0], 100);
	EXPECT_EQ(first_touch[1], 101);
}

static volatile long *doomed;
static int spinning;

/* Read the page for ever; only ever MAGIC, until the fault ends us. */
static void *spin_reading(void *arg)
{
	for (;;) {
		for (unsigned int i = 0; i < WORDS; i++)
			if (doomed[i] != MAGIC)
				_exit(2); /* read memory that is not ours */
		__atomic_store_n(&spinning, 1, __ATOMIC_RELEASE);
	}
	return NULL;
}

static void run_munmap_under_reader(void)
{
	pthread_t t;
	long *reuse;

	doomed = map_pages(1);
	for (unsigned int i = 0; i < WORDS; i++)
		doomed[i] = MAGIC;
	pthread_create(&t, NULL, spin_reading, NULL);
	if (!wait_for(&spinning))
		_exit(3);
	munmap((void *)doomed, PAGE);
	/* Reuse the frame if we can: fresh pages, a different pattern. */
	reuse = map_pages(16);
	for (unsigned int i = 0; reuse && i < 16 * WORDS; i++)
		reuse[i] = ~MAGIC;
	for (int i = 0; i < PATIENCE; i++)
		sched_yield();
	_exit(4); /* the reader never faulted */
}

static void munmap_under_reader(void)
{
	int status = ktap_child_status(run_munmap_under_reader);

	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(WTERMSIG(status), SIGSEGV);
}

static volatile long *guarded;
static long counter;
static int stop_writing;
static int fault_tid;
static long fault_value; /* what the page held when the write faulted */
static void *fault_addr;

/* Note who faulted and what the page held; let the write through. */
static void on_segv(int sig, siginfo_t *si, void *ctx)
{
	fault_tid = gettid();
	fault_addr = si->si_addr;
	fault_value = *guarded;
	mprotect((void *)guarded, PAGE, PROT_READ | PROT_WRITE);
}

static void *write_loop(void *arg)
{
	while (!__atomic_load_n(&stop_writing, __ATOMIC_ACQUIRE))
		*guarded = ++counter;
	return (void *)(long)gettid();
}

/*
 * Every write that lands after mprotect returned would change the page:
 * the handler must find there exactly what the main thread read after
 * mprotect, so no write got through, however many were under way.
 */
static void mprotect_under_writer(void)
{
	struct sigaction sa = { .sa_sigaction = on_segv,
				.sa_flags = SA_SIGINFO };
	long after;
	pthread_t t;
	void *tid;

	guarded = map_pages(1);
	ASSERT_TRUE(guarded != NULL);
	ASSERT_EQ(sigaction(SIGSEGV, &sa, NULL), 0);
	ASSERT_EQ(pthread_create(&t, NULL, write_loop, NULL), 0);
	while (*guarded < 1000)
		sched_yield();
	ASSERT_EQ(mprotect((void *)guarded, PAGE, PROT_READ), 0);
	after = *guarded;
	for (int i = 0; i < PATIENCE && !fault_tid; i++)
		sched_yield();
	__atomic_store_n(&stop_writing, 1, __ATOMIC_RELEASE);
	ASSERT_EQ(pthread_join(t, &tid), 0);
	EXPECT_EQ(fault_tid, (long)tid);
	EXPECT_EQ((long)fault_addr, (long)guarded);
	EXPECT_EQ(fault_value, after);
}

/* Each writer fills its own page, word by word, with 1, 2, 3 ... */
static volatile long *snap;
static int fill_rounds[2];
static int stop_filling;

static void *fill(void *arg)
{
	long me = (long)arg;
	volatile long *page = snap + me * WORDS;

	for (long v = 1; !__atomic_load_n(&stop_filling, __ATOMIC_ACQUIRE);
	     v++) {
		for (unsigned int i = 0; i < WORDS; i++)
			page[i] = v;
		__atomic_store_n(&fill_rounds[me], (int)v, __ATOMIC_RELEASE);
	}
	return NULL;
}

/*
 * A copy made at one instant: each page holds v + 1 up to some word and v
 * after it (the writer was in the middle of its round).
 */
static bool page_is_snapshot(const volatile long *page)
{
	long first = page[0];
	unsigned int i = 0;

	while (i < WORDS && page[i] == first)
		i++;
	while (i < WORDS && page[i] == first - 1)
		i++;
	return i == WORDS;
}

/* The child: one thread, a still and consistent copy. */
static void check_fork_child(void)
{
	long before[2 * WORDS];

	if (gettid() != getpid())
		_exit(5);
	for (unsigned int i = 0; i < 2 * WORDS; i++)
		before[i] = snap[i];
	if (!page_is_snapshot(snap) || !page_is_snapshot(snap + WORDS))
		_exit(6);
	for (int i = 0; i < 50; i++)
		sched_yield();
	for (unsigned int i = 0; i < 2 * WORDS; i++)
		if (snap[i] != before[i])
			_exit(7); /* a writer thread came along */
	_exit(0);
}

static void fork_with_threads(void)
{
	pthread_t t[2];
	int status;
	pid_t pid;

	snap = map_pages(2);
	ASSERT_TRUE(snap != NULL);
	for (long i = 0; i < 2; i++)
		ASSERT_EQ(pthread_create(&t[i], NULL, fill, (void *)i), 0);
	while (__atomic_load_n(&fill_rounds[0], __ATOMIC_ACQUIRE) < 3 ||
	       __atomic_load_n(&fill_rounds[1], __ATOMIC_ACQUIRE) < 3)
		sched_yield();
	pid = fork();
	if (pid == 0)
		check_fork_child();
	__atomic_store_n(&stop_filling, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < 2; i++)
		EXPECT_EQ(pthread_join(t[i], NULL), 0);
	ASSERT_GT(pid, 0);
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 0);
}

#define COW_PAGES 8

static volatile long *cow;
static int cow_ready;

/* Writer me writes the words of its parity in every page, pages in turn. */
static void *cow_write(void *arg)
{
	long me = (long)arg;

	__atomic_add_fetch(&cow_ready, 1, __ATOMIC_ACQ_REL);
	while (__atomic_load_n(&cow_ready, __ATOMIC_ACQUIRE) < 2)
		sched_yield();
	for (unsigned int i = me; i < COW_PAGES * WORDS; i += 2) {
		cow[i] = (long)i * 2 + me;
		if (i % 97 < 2)
			sched_yield(); /* interleave with the other writer */
	}
	return NULL;
}

/* The child keeps the pages as they were before the parent wrote. */
static void check_cow_child(int done)
{
	char c;

	if (read(done, &c, 1) != 1)
		_exit(8);
	for (unsigned int i = 0; i < COW_PAGES * WORDS; i++)
		if (cow[i] != MAGIC)
			_exit(9);
	_exit(0);
}

static void cow_two_writers(void)
{
	pthread_t t[2];
	int fds[2], status, lost = 0;
	pid_t pid;

	cow = map_pages(COW_PAGES);
	ASSERT_TRUE(cow != NULL);
	for (unsigned int i = 0; i < COW_PAGES * WORDS; i++)
		cow[i] = MAGIC;
	ASSERT_EQ(pipe(fds), 0);
	pid = fork();
	if (pid == 0)
		check_cow_child(fds[0]);
	ASSERT_GT(pid, 0);
	for (long i = 0; i < 2; i++)
		ASSERT_EQ(pthread_create(&t[i], NULL, cow_write, (void *)i), 0);
	for (int i = 0; i < 2; i++)
		EXPECT_EQ(pthread_join(t[i], NULL), 0);
	for (unsigned int i = 0; i < COW_PAGES * WORDS; i++)
		lost += cow[i] != (long)(i * 2 + (i & 1));
	EXPECT_EQ(lost, 0);
	ASSERT_EQ(write(fds[1], "x", 1), 1);
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 0);
}

/*
 * Faults run with interrupts on (chapter 10, section 10.6): the timer may
 * preempt one in the middle and run the other thread, which faults on the
 * same pages.  Both threads read and write every page of a shared file
 * mapping over a hole-filled file (each page made by the fault) and of an
 * anonymous mapping, in the same order, round after round; then every
 * count must be exact: one page-cache page per file index, one resident
 * page per anonymous index, both words in every page, and the system's
 * fault count grown by what this process's threads counted (no increment
 * lost to a preemption).  The leak check after the program sees the free
 * pages come back.
 */
#define RACE_PAGES 2048
#define RACE_ROUNDS 8
#define RACE_FILE "/tmp/thread_vm_test.race"

static volatile long *race_file, *race_anon;
static int race_ready, race_done, race_counted;

struct racer {
	pthread_t thread;
	long me;
	struct rusage usage; /* the thread's faults, all its life */
};

static long race_word(long me, int page)
{
	return page * 2 + me + 1;
}

static void *race_touch(void *arg)
{
	struct racer *r = arg;

	__atomic_add_fetch(&race_ready, 1, __ATOMIC_ACQ_REL);
	while (__atomic_load_n(&race_ready, __ATOMIC_ACQUIRE) < 2)
		sched_yield();
	for (int i = 0; i < RACE_PAGES; i++) {
		(void)race_file[i * WORDS + 2]; /* a read fault first */
		race_file[i * WORDS + r->me] = race_word(r->me, i);
		race_anon[i * WORDS + r->me] = race_word(r->me, i);
	}
	getrusage(RUSAGE_SELF, &r->usage); /* main wrote *r: no fault */
	/* Stay until counted: the way out may fault (the exit's tid write). */
	__atomic_add_fetch(&race_done, 1, __ATOMIC_ACQ_REL);
	while (!__atomic_load_n(&race_counted, __ATOMIC_ACQUIRE))
		sched_yield();
	return NULL;
}

/*
 * The counts are read into static memory, faulted in before the rounds
 * (race_warm_up): a fault in a counting call's own copy-out would come
 * after its figure was taken, and be seen by one count and not the other.
 */
static struct vmstat race_before, race_after;
static struct rusage race_usage;

static long my_min_flt(void)
{
	getrusage(RUSAGE_SELF, &race_usage);
	return race_usage.ru_minflt;
}

static void race_warm_up(void)
{
	vmstat(&race_before);
	vmstat(&race_after);
	my_min_flt();
}

/* Both words of every page, in both mappings: wrong ones counted. */
static int race_wrong_words(void)
{
	int wrong = 0;

	for (int i = 0; i < RACE_PAGES; i++) {
		for (long me = 0; me < 2; me++) {
			long want = race_word(me, i);

			wrong += race_file[i * WORDS + me] != want;
			wrong += race_anon[i * WORDS + me] != want;
		}
	}
	return wrong;
}

static void race_round(int fd)
{
	struct racer r[2] = { { .me = 0 }, { .me = 1 } };
	struct vmstat *before = &race_before, *after = &race_after;
	struct mapinfo m;
	long mine;

	/* An empty cache for the file: each page is made by a fault. */
	ASSERT_EQ(ftruncate(fd, 0), 0);
	ASSERT_EQ(ftruncate(fd, RACE_PAGES * PAGE), 0);
	race_file = mmap(NULL, RACE_PAGES * PAGE, PROT_READ | PROT_WRITE,
			 MAP_SHARED, fd, 0);
	ASSERT_TRUE(race_file != MAP_FAILED);
	race_anon = map_pages(RACE_PAGES);
	ASSERT_TRUE(race_anon != NULL);
	race_ready = race_done = race_counted = 0;
	mine = my_min_flt();
	ASSERT_EQ(vmstat(before), 0);
	for (int i = 0; i < 2; i++)
		ASSERT_EQ(pthread_create(&r[i].thread, NULL, race_touch, &r[i]),
			  0);
	EXPECT_TRUE(wait_for_count(&race_done, 2));
	mine = my_min_flt() - mine;
	ASSERT_EQ(vmstat(after), 0);
	__atomic_store_n(&race_counted, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < 2; i++)
		EXPECT_EQ(pthread_join(r[i].thread, NULL), 0);
	EXPECT_EQ(after->pagecache_pages - before->pagecache_pages, RACE_PAGES);
	EXPECT_EQ(after->pgfault - before->pgfault,
		  mine + r[0].usage.ru_minflt + r[1].usage.ru_minflt);
	EXPECT_EQ(race_wrong_words(), 0);
	ASSERT_EQ(mapinfo_at((void *)race_anon, &m), 0);
	EXPECT_EQ(m.resident, RACE_PAGES);
	EXPECT_EQ(munmap((void *)race_file, RACE_PAGES * PAGE), 0);
	EXPECT_EQ(munmap((void *)race_anon, RACE_PAGES * PAGE), 0);
}

static void preempted_faults_count_exactly(void)
{
	int fd = open(RACE_FILE, O_RDWR | O_CREAT | O_TRUNC, 0600);

	ASSERT_GE(fd, 0);
	race_warm_up();
	/*
	 * Let the parent reach its waitpid for this case: its first call
	 * may fault, and only this process's faults may run while counting.
	 */
	usleep(20000);
	for (int round = 0; round < RACE_ROUNDS; round++)
		race_round(fd);
	EXPECT_EQ(close(fd), 0);
	EXPECT_EQ(unlink(RACE_FILE), 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(same_page_first_touch),
	KTAP_CASE(munmap_under_reader),
	KTAP_CASE(mprotect_under_writer),
	KTAP_CASE(fork_with_threads),
	KTAP_CASE(cow_two_writers),
	KTAP_CASE(preempted_faults_count_exactly),
};

int main(void)
{
	return ktap_main("thread_vm_test", cases, KTAP_NCASES(cases));
}
