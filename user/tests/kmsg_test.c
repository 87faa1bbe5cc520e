// SPDX-License-Identifier: MIT
/*
 * /dev/kmsg mapped (kernel/drivers/kmsg.c): the log's pages through the
 * driver's ->fault in a VM_RESERVED VMA (seed 001), live as the kernel
 * writes, read-only whatever is asked, refused past its end.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ktap.h"

static const struct kmsg_header *map_log(int flags)
{
	int fd = open("/dev/kmsg", O_RDONLY);
	void *p;

	if (fd < 0)
		return MAP_FAILED;
	p = mmap(NULL, KMSG_MAP_SIZE, PROT_READ, flags, fd, 0);
	close(fd);
	return p;
}

/* Is text among the last len bytes of the log? */
static int log_has(const struct kmsg_header *h, const char *text)
{
	const char *ring = (const char *)h + KMSG_PAGE_SIZE;
	unsigned long n = strlen(text), head = h->head;

	for (unsigned long end = head; end >= n && head - end < h->size - n;
	     end--) {
		unsigned long i = 0;

		while (i < n && ring[(end - n + i) % h->size] == text[i])
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

static void header_describes_ring(void)
{
	const struct kmsg_header *h = map_log(MAP_SHARED);

	ASSERT_TRUE(h != MAP_FAILED);
	EXPECT_EQ(h->magic, KMSG_MAGIC);
	EXPECT_EQ(h->size, KMSG_RING_SIZE);
	EXPECT_GT(h->head, 0);
	EXPECT_EQ(munmap((void *)h, KMSG_MAP_SIZE), 0);
}

/* The mapping is the log itself: a line written now shows up in it. */
static void mapping_is_live(void)
{
	const struct kmsg_header *h = map_log(MAP_SHARED);
	static const char line[] = "kmsg_test: live line 4711\n";
	int fd = open("/dev/kmsg", O_WRONLY);

	ASSERT_TRUE(h != MAP_FAILED);
	ASSERT_GE(fd, 0);
	EXPECT_FALSE(log_has(h, line));
	EXPECT_EQ(write(fd, line, sizeof(line) - 1), (long)sizeof(line) - 1);
	EXPECT_TRUE(log_has(h, line));
	close(fd);
	munmap((void *)h, KMSG_MAP_SIZE);
}

/* A private read-only mapping sees the same pages. */
static void private_mapping_reads(void)
{
	const struct kmsg_header *h = map_log(MAP_PRIVATE);

	ASSERT_TRUE(h != MAP_FAILED);
	EXPECT_EQ(h->magic, KMSG_MAGIC);
	munmap((void *)h, KMSG_MAP_SIZE);
}

static void writable_mapping_refused(void)
{
	int ro = open("/dev/kmsg", O_RDONLY), rw = open("/dev/kmsg", O_RDWR);

	ASSERT_GE(ro, 0);
	ASSERT_GE(rw, 0);
	EXPECT_ERRNO((long)mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED,
				ro, 0),
		     EACCES);
	EXPECT_ERRNO((long)mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED,
				rw, 0),
		     EPERM);
	EXPECT_ERRNO((long)mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE,
				rw, 0),
		     EPERM);
	close(ro);
	close(rw);
}

/* VM_MAYWRITE is gone: mprotect cannot add what the device forbids. */
static void mprotect_cannot_add_write(void)
{
	const struct kmsg_header *h = map_log(MAP_SHARED);

	ASSERT_TRUE(h != MAP_FAILED);
	EXPECT_ERRNO(mprotect((void *)h, 4096, PROT_READ | PROT_WRITE), EACCES);
	EXPECT_EQ(mprotect((void *)h, 4096, PROT_NONE), 0);
	EXPECT_EQ(mprotect((void *)h, 4096, PROT_READ), 0);
	EXPECT_EQ(h->magic, KMSG_MAGIC);
	munmap((void *)h, KMSG_MAP_SIZE);
}

static void bad_ranges(void)
{
	int fd = open("/dev/kmsg", O_RDONLY);

	ASSERT_GE(fd, 0);
	EXPECT_ERRNO((long)mmap(NULL, KMSG_MAP_SIZE + 4096, PROT_READ,
				MAP_SHARED, fd, 0),
		     ENXIO);
	EXPECT_ERRNO((long)mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd,
				KMSG_MAP_SIZE),
		     ENXIO);
	EXPECT_ERRNO((long)mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 100),
		     EINVAL);
	close(fd);
}

/* fork shares the mapping; unmapping part of it leaves the rest. */
static void fork_and_partial_munmap(void)
{
	const struct kmsg_header *h = map_log(MAP_SHARED);
	const char *ring = (const char *)h + KMSG_PAGE_SIZE;
	char first = 0;
	int status;
	pid_t pid;

	ASSERT_TRUE(h != MAP_FAILED);
	first = ring[0];
	pid = fork();
	if (pid == 0)
		_exit(h->magic == KMSG_MAGIC && ring[0] == first ? 0 : 1);
	ASSERT_GT(pid, 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	EXPECT_EQ(munmap((void *)h, 4096), 0);
	EXPECT_EQ(ring[0], first);
	munmap((void *)ring, KMSG_RING_SIZE);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(header_describes_ring),
	KTAP_CASE(mapping_is_live),
	KTAP_CASE(private_mapping_reads),
	KTAP_CASE(writable_mapping_refused),
	KTAP_CASE(mprotect_cannot_add_write),
	KTAP_CASE(bad_ranges),
	KTAP_CASE(fork_and_partial_munmap),
};

int main(void)
{
	return ktap_main("kmsg_test", cases, KTAP_NCASES(cases));
}
