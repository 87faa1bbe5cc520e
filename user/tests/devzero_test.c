// SPDX-License-Identifier: MIT
/*
 * devzero_test: /dev/zero and /dev/null (kernel/drivers/mem.c).  Reads of
 * /dev/zero give zeros and writes vanish; a private mapping of it is
 * anonymous memory, a shared one shared anonymous memory that a forked
 * child writes and its parent sees.  /dev/null reads at end of file.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define PAGE 4096

static void read_write(void)
{
	char buf[100];
	int fd = open("/dev/zero", O_RDWR);

	ASSERT_GE(fd, 0);
	memset(buf, 'x', sizeof(buf));
	EXPECT_EQ(read(fd, buf, sizeof(buf)), (long)sizeof(buf));
	for (int i = 0; i < (int)sizeof(buf); i++)
		EXPECT_EQ(buf[i], 0);
	EXPECT_EQ(write(fd, "abc", 3), 3);
	EXPECT_EQ(close(fd), 0);

	fd = open("/dev/null", O_RDWR);
	ASSERT_GE(fd, 0);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 0);
	EXPECT_EQ(write(fd, "abc", 3), 3);
	EXPECT_EQ(close(fd), 0);
}

/* Private: zeros, writable, the writes the process's own. */
static void map_private(void)
{
	int fd = open("/dev/zero", O_RDWR), status;
	char *p;
	pid_t pid;

	ASSERT_GE(fd, 0);
	p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(close(fd), 0); /* the mapping needs no fd */
	for (int i = 0; i < 3 * PAGE; i += 512)
		EXPECT_EQ(p[i], 0);
	p[PAGE] = 7;
	pid = fork();
	if (pid == 0) {
		p[PAGE] = 9; /* copy-on-write: the parent keeps its 7 */
		_exit(p[PAGE] == 9 ? 0 : 1);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(p[PAGE], 7);
	EXPECT_EQ(munmap(p, 3 * PAGE), 0);
}

/* Shared: a child's writes reach the parent. */
static void map_shared(void)
{
	int fd = open("/dev/zero", O_RDWR), status;
	int *p;
	pid_t pid;

	ASSERT_GE(fd, 0);
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(close(fd), 0);
	EXPECT_EQ(p[0], 0);
	EXPECT_EQ(p[PAGE / sizeof(int)], 0);
	pid = fork();
	if (pid == 0) {
		p[0] = 42;
		p[PAGE / sizeof(int) + 1] = 43;
		_exit(0);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(p[0], 42);
	EXPECT_EQ(p[PAGE / sizeof(int) + 1], 43);
	EXPECT_EQ(munmap(p, 2 * PAGE), 0);
}

/* The open-mode rules of any file mapping still hold. */
static void map_rules(void)
{
	int rd = open("/dev/zero", O_RDONLY);
	char *p;

	ASSERT_GE(rd, 0);
	EXPECT_TRUE(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, rd,
			 0) == MAP_FAILED &&
		    errno == EACCES);
	p = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE, rd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(munmap(p, PAGE), 0);
	EXPECT_EQ(close(rd), 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(read_write),
	KTAP_CASE(map_private),
	KTAP_CASE(map_shared),
	KTAP_CASE(map_rules),
};

int main(void)
{
	return ktap_main("devzero_test", cases, KTAP_NCASES(cases));
}
