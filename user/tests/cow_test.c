// SPDX-License-Identifier: MIT
/*
 * Copy-on-write fork, seen from user space: after fork each side sees only
 * its own writes; a page the other side no longer shares is reused, not
 * copied; and a process holding more than half of free memory can still
 * fork, because nothing is copied until written.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ktap.h"

#define PAGE 4096
#define NPAGES 16

/* .data: private, writable; page-aligned, so it spans exactly NPAGES */
static char data[NPAGES * PAGE] __attribute__((aligned(PAGE))) = { 1 };

/* Run fn in a child; its exit status (or 128 + signal). */
static int in_child(int (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int child_writes(void)
{
	int bad = data[0] != 'P'; /* sees the parent's value */

	memset(data, 'C', sizeof(data));
	return bad;
}

static void isolation_both_ways(void)
{
	memset(data, 'P', sizeof(data));
	EXPECT_EQ(in_child(child_writes), 0);
	for (int i = 0; i < NPAGES; i++)
		EXPECT_EQ(data[i * PAGE],
			  'P'); /* the child's writes stayed there */
}

static int grandchild(void)
{
	memset(data, '3', sizeof(data));
	return data[PAGE] == '3' ? 0 : 1;
}

static int middle_child(void)
{
	memset(data, '2', sizeof(data));
	if (in_child(grandchild) != 0)
		return 1;
	return data[0] == '2' ? 0 : 2; /* the grandchild's copy was its own */
}

static void three_generations(void)
{
	memset(data, '1', sizeof(data));
	EXPECT_EQ(in_child(middle_child), 0);
	EXPECT_EQ(data[0], '1');
	EXPECT_EQ(data[sizeof(data) - 1], '1');
}

static long minor_faults(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_minflt;
}

static int just_exit(void)
{
	return 0;
}

/*
 * Once the child has exited, the parent is the only user of its pages: one
 * write fault per page makes each writable again, with no copy to make.
 */
static void reuse_after_child_exits(void)
{
	long before;

	memset(data, 'R', sizeof(data));
	EXPECT_EQ(in_child(just_exit), 0); /* fork write-protected our pages */
	before = minor_faults();
	memset(data, 'S', sizeof(data));
	EXPECT_EQ(minor_faults() - before, NPAGES);
	EXPECT_EQ(data[PAGE * 3], 'S');
}

static unsigned long free_bytes(void)
{
	struct sysinfo si;

	return sysinfo(&si) ? 0 : si.freeram;
}

/* Eager copying could not fork this process: COW never copies it whole. */
static void fork_more_than_half_of_memory(void)
{
	size_t size = free_bytes() / 10 * 6;
	char *big = malloc(size);

	ASSERT_TRUE(big != NULL);
	for (size_t off = 0; off < size; off += PAGE)
		big[off] = 1; /* populate every page */
	EXPECT_EQ(in_child(just_exit), 0);
	free(big);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(isolation_both_ways),
	KTAP_CASE(three_generations),
	KTAP_CASE(reuse_after_child_exits),
	KTAP_CASE(fork_more_than_half_of_memory),
};

int main(void)
{
	return ktap_main("cow_test", cases, KTAP_NCASES(cases));
}
