// SPDX-License-Identifier: MIT
/*
 * Fault-around (seed 002), seen from user space: reading a cached file
 * through a mapping takes one fault per fault_around_bytes window, not one
 * per page; a shared writable mapping still faults on its first write, and
 * the write reaches the file; a child inherits the pages mapped around;
 * nothing past the end of the file is mapped.  Each file is removed at the
 * end of its case, so init's leak check sees every page come back.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ktap.h"

#define PAGE 4096L
#define PATH "/tmp/fault_around_test"

/* A file of size bytes whose page i starts with the byte 'a' + i % 26. */
static int make_file(long size)
{
	int fd = open(PATH, O_RDWR | O_CREAT | O_TRUNC, 0644);
	char page[PAGE];

	if (fd < 0)
		return -1;
	for (long off = 0; off < size; off += PAGE) {
		long n = size - off < PAGE ? size - off : PAGE;

		memset(page, 'a' + (off / PAGE) % 26, sizeof(page));
		if (write(fd, page, n) != n) {
			close(fd);
			return -1;
		}
	}
	return fd;
}

static void remove_file(int fd)
{
	close(fd);
	unlink(PATH);
}

static long minor_faults(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_minflt;
}

/* Read the first byte of each page in turn; the faults that took. */
static long read_pages(const volatile char *p, long pages, int *bad)
{
	long before = minor_faults();

	for (long i = 0; i < pages; i++)
		*bad |= p[i * PAGE] != 'a' + i % 26;
	return minor_faults() - before;
}

/* Windows of `window` bytes, aligned to their size, that [p, p + len) meets. */
static long windows(const char *p, long len, long window)
{
	unsigned long start = (unsigned long)p & ~(window - 1);
	unsigned long end =
		((unsigned long)p + len + window - 1) & ~(window - 1);

	return (end - start) / window;
}

/*
 * The default window, 64 KiB: a 4 MiB file read from start to end takes
 * 64 faults (62.5 per 1000 pages), one more if the mapping does not start
 * on a 64 KiB boundary.
 */
static void default_window_is_16_pages(void)
{
	long len = 4 << 20, pages = len / PAGE, faults;
	int fd = make_file(len), bad = 0;
	char *p;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	faults = read_pages(p, pages, &bad);
	EXPECT_EQ(bad, 0);
	EXPECT_EQ(faults, windows(p, len, 65536));
	EXPECT_TRUE(faults == 64 || faults == 65);
	ktap_print("    # %ld faults for %ld pages\n", faults, pages);
	EXPECT_EQ(munmap(p, len), 0);
	remove_file(fd);
}

/* Set /proc/sys/vm/fault_around_bytes; 0, or -1 with errno. */
static int set_window(const char *bytes)
{
	int fd = open("/proc/sys/vm/fault_around_bytes", O_WRONLY);
	long n = fd < 0 ? -1 : write(fd, bytes, strlen(bytes));

	if (fd >= 0)
		close(fd);
	return n == (long)strlen(bytes) ? 0 : -1;
}

/* Map len bytes of fd privately, read-only, at a 64 KiB boundary. */
static char *map_aligned(int fd, long len)
{
	char *area = mmap(NULL, len + 65536, PROT_NONE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *p;

	if (area == MAP_FAILED)
		return area;
	p = (char *)(((unsigned long)area + 65535) & ~65535UL);
	munmap(area, len + 65536);
	return mmap(p, len, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
}

/*
 * Each window size through /proc, on a 4 MiB file mapped at a 64 KiB
 * boundary: exactly 1024, 256 and 64 faults, that is 1000, 250 and 62.5
 * per 1000 pages (printed).
 */
static void faults_per_window_size(void)
{
	static const char *const sizes[] = { "4096", "16384", "65536" };
	long len = 4 << 20, pages = len / PAGE, faults;
	int fd = make_file(len), bad = 0;

	ASSERT_TRUE(fd >= 0);
	for (int i = 0; i < 3; i++) {
		char *p;

		EXPECT_EQ(set_window(sizes[i]), 0);
		p = map_aligned(fd, len);
		ASSERT_TRUE(p != MAP_FAILED);
		faults = read_pages(p, pages, &bad);
		EXPECT_EQ(faults, pages * 4096 / atol(sizes[i]));
		ktap_print("    # fault_around_bytes %s: %ld faults, %ld.%ld "
			   "per 1000 pages\n",
			   sizes[i], faults, faults * 1000 / pages,
			   faults * 10000 / pages % 10);
		EXPECT_EQ(munmap(p, len), 0);
	}
	EXPECT_EQ(bad, 0);
	EXPECT_EQ(set_window("65536\n"), 0);
	remove_file(fd);
}

/*
 * Fault-around maps read-only even where the mapping may write: the first
 * write to a page faults again (to mark it dirty), and read() sees it.
 */
static void shared_write_still_faults(void)
{
	int fd = make_file(16 * PAGE), bad = 0;
	char *p, c = 0;
	long before;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, 16 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	read_pages(p, 16, &bad);
	EXPECT_EQ(bad, 0);
	before = minor_faults();
	p[5 * PAGE] = 'W';
	EXPECT_EQ(minor_faults() - before, 1);
	p[5 * PAGE + 1] = 'X';
	EXPECT_EQ(minor_faults() - before, 1);
	EXPECT_EQ(pread(fd, &c, 1, 5 * PAGE), 1);
	EXPECT_EQ(c, 'W');
	EXPECT_EQ(munmap(p, 16 * PAGE), 0);
	remove_file(fd);
}

/*
 * The parent reads 16 pages with a fault per window; the child finds them
 * all mapped: reading them takes no fault.
 */
static void child_inherits_the_window(void)
{
	int fd = make_file(16 * PAGE), bad = 0, status;
	char *p;
	pid_t pid;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, 16 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(read_pages(p, 16, &bad), windows(p, 16 * PAGE, 65536));
	pid = fork();
	if (pid == 0) {
		long faults = read_pages(p, 16, &bad);

		_exit(bad ? 2 : (int)faults);
	}
	ASSERT_TRUE(pid > 0);
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 0);
	EXPECT_EQ(munmap(p, 16 * PAGE), 0);
	remove_file(fd);
}

/* Touch addr in a child: 0, or the signal that killed it. */
static int touch_in_child(const volatile char *addr)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		(void)*addr;
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status);
}

/* A 10.5-page file under 16 pages: page 10 reads, page 11 on is SIGBUS. */
static void nothing_past_eof(void)
{
	int fd = make_file(10 * PAGE + 100);
	char *p;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, 16 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(p[0], 'a');
	EXPECT_EQ(p[10 * PAGE + 99], 'k');
	EXPECT_EQ(p[10 * PAGE + 100], 0); /* the rest of the last page */
	EXPECT_EQ(touch_in_child(p + 11 * PAGE), SIGBUS);
	EXPECT_EQ(touch_in_child(p + 15 * PAGE), SIGBUS);
	EXPECT_EQ(ftruncate(fd, 2 * PAGE), 0);
	EXPECT_EQ(touch_in_child(p + 2 * PAGE), SIGBUS);
	EXPECT_EQ(p[PAGE], 'b');
	EXPECT_EQ(munmap(p, 16 * PAGE), 0);
	remove_file(fd);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(default_window_is_16_pages),
	KTAP_CASE(faults_per_window_size),
	KTAP_CASE(shared_write_still_faults),
	KTAP_CASE(child_inherits_the_window),
	KTAP_CASE(nothing_past_eof),
};

int main(void)
{
	return ktap_main("fault_around_test", cases, KTAP_NCASES(cases));
}
