// SPDX-License-Identifier: MIT
/*
 * Reclaim under real pressure, in a small machine: make test boots it
 * with 32 MiB of RAM (mem=32M) and a 128 MiB swap disk.  kswapd and direct
 * reclaim must make room (mm/kswapd.c): a process writes three times the
 * RAM in a pattern and reads it all back; forked processes share and then
 * diverge under pressure; with swap off, the OOM killer ends the largest
 * process, with a console line, and every other one survives.  In a
 * larger machine (the main test boot) the cases skip themselves: three
 * times 480 MiB would take minutes.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/swap.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"
#include "proc_field.h"

#define PG 4096L
#define SMALL_MACHINE_KB (64 * 1024)

static long meminfo_kb(const char *name)
{
	return proc_field("/proc/meminfo", name);
}

/* RAM in pages; skip in a machine too large to fill quickly. */
static long ram_pages(void)
{
	long kb = meminfo_kb("MemTotal");

	if (kb > SMALL_MACHINE_KB)
		ktap_skip("needs a small machine (make test boots one)");
	return kb / 4;
}

static void swap_on(void)
{
	if (swapon("/dev/vda", 0) && errno == ENOENT)
		ktap_skip("no /dev/vda on this machine");
}

/*
 * One word per page, different in every page and every run.  Unsigned
 * long arithmetic: on 32-bit ARM the constant alone is a long long, and
 * the word stored (truncated to a long) would not compare equal to it.
 */
static long pattern(long i, long seed)
{
	return (long)((unsigned long)i * 2654435761UL + (unsigned long)seed);
}

static void fill(long *p, long pages, long seed)
{
	for (long i = 0; i < pages; i++)
		p[i * PG / sizeof(long)] = pattern(i, seed);
}

/* Pages [from, to) that do not hold what fill() wrote there. */
static long wrong_range(const long *p, long from, long to, long seed)
{
	long bad = 0;

	for (long i = from; i < to; i++)
		bad += p[i * PG / sizeof(long)] != pattern(i, seed);
	return bad;
}

static long wrong(const long *p, long pages, long seed)
{
	return wrong_range(p, 0, pages, seed);
}

static void *anon(long pages)
{
	void *p = mmap(NULL, pages * PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* Three times the RAM, written then read back: most of it from swap. */
static void three_times_ram(void)
{
	long pages = 3 * ram_pages(), used;
	long scan0 = proc_field("/proc/vmstat", "pgscan"),
	     steal0 = proc_field("/proc/vmstat", "pgsteal");
	long *p;

	swap_on();
	p = anon(pages);
	ASSERT_TRUE(p != NULL);
	fill(p, pages, 7);
	EXPECT_EQ(wrong(p, pages, 7), 0);
	/* The scan's figure (chapter 9): printed, not asserted. */
	ktap_print("# three_times_ram: %ld pages, %ld scanned, %ld freed\n",
		   pages, proc_field("/proc/vmstat", "pgscan") - scan0,
		   proc_field("/proc/vmstat", "pgsteal") - steal0);
	used = meminfo_kb("SwapTotal") - meminfo_kb("SwapFree");
	EXPECT_GT(used, 0);
	EXPECT_EQ(munmap(p, pages * PG), 0);
	/* Its slots are free; other processes may have a few in swap. */
	EXPECT_LT(meminfo_kb("SwapTotal") - meminfo_kb("SwapFree"), used / 8);
	EXPECT_EQ(swapoff("/dev/vda"), 0);
}

/*
 * The RAM's worth, shared by four forked processes that each rewrite
 * half of it differently and check both halves, with pressure from all.
 */
static void forks_share_then_diverge(void)
{
	long pages = ram_pages(), *p;
	int ok = 0, status;

	swap_on();
	p = anon(pages);
	ASSERT_TRUE(p != NULL);
	fill(p, pages, 11);
	for (int i = 0; i < 4; i++) {
		pid_t pid = fork();

		EXPECT_GE(pid, 0);
		if (pid == 0) {
			int bad = wrong(p, pages, 11) ? 1 : 0;

			fill(p, pages / 2, 100 + i);
			bad |= wrong(p, pages / 2, 100 + i) ? 2 : 0;
			bad |= wrong_range(p, pages / 2, pages, 11) ? 4 : 0;
			_exit(bad);
		}
	}
	while (wait(&status) > 0)
		ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
	EXPECT_EQ(ok, 4);
	EXPECT_EQ(wrong(p, pages, 11), 0);
	EXPECT_EQ(munmap(p, pages * PG), 0);
	EXPECT_EQ(swapoff("/dev/vda"), 0);
}

/*
 * No swap: a process that keeps taking memory is killed (SIGKILL, the
 * OOM killer's console line), a smaller one keeps its memory intact.
 */
static void oom_kills_the_largest(void)
{
	long pages = ram_pages() / 8;
	int fds[2], status;
	pid_t small, big;
	long *p;
	char c;

	swapoff("/dev/vda"); /* off, whatever an earlier case left */
	ASSERT_EQ(pipe(fds), 0);
	small = fork();
	if (small == 0) {
		long *q = anon(pages);

		fill(q, pages, 3);
		read(fds[0], &c, 1); /* until the big one is gone */
		_exit(wrong(q, pages, 3) != 0);
	}
	big = fork();
	if (big == 0) {
		for (;;) {
			p = anon(256);
			if (!p)
				_exit(2); /* refused before memory ran out */
			fill(p, 256, 5);
		}
	}
	ASSERT_GT(big, 0);
	EXPECT_EQ(waitpid(big, &status, 0), big);
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	EXPECT_EQ(write(fds[1], "x", 1), 1);
	EXPECT_EQ(waitpid(small, &status, 0), small);
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(three_times_ram),
	KTAP_CASE(forks_share_then_diverge),
	KTAP_CASE(oom_kills_the_largest),
};

int main(void)
{
	return ktap_main("swap_pressure_test", cases, KTAP_NCASES(cases));
}
