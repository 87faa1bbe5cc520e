// SPDX-License-Identifier: MIT
/*
 * mmap, munmap, mprotect and madvise on anonymous memory, as POSIX (and
 * Linux) define them: what a program sees, what faults, which errors.
 */
#include <errno.h>
#include <fcntl.h>
#include <pagoda.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ktap.h"

#define PAGE 4096UL

static char *map(size_t len, int prot, int flags)
{
	return mmap(NULL, len, prot, flags | MAP_ANONYMOUS, -1, 0);
}

/* The signal a child dies of when it touches addr (0: it did not die). */
static int touch_in_child(volatile char *addr, int write)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (write)
			*addr = 1;
		else
			(void)*addr;
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

/*
 * How many of this process's VMAs overlap [start, end).  (Not "lie inside":
 * a VMA may merge with an equal neighbour outside the range.)
 */
static int vmas_in(char *start, char *end)
{
	struct mapinfo m;
	int n = 0;

	for (int i = 0; mapinfo(0, i, &m) == 0; i++)
		n += m.start < (unsigned long)end &&
		     m.end > (unsigned long)start;
	return n;
}

static unsigned long free_pages(void)
{
	struct sysinfo si;

	return sysinfo(&si) ? 0 : si.freeram / PAGE;
}

/* Fresh anonymous memory reads as zeroes, and reading it takes no pages. */
static void reading_is_free(void)
{
	size_t len = 256UL << 20;
	char *p = map(len, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	unsigned long before = free_pages(), sum = 0;

	ASSERT_TRUE(p != MAP_FAILED);
	for (size_t off = 0; off < len; off += PAGE)
		sum += p[off];
	EXPECT_EQ(sum, 0);
	/* Page tables only: one page per PTE table's span, and a few above. */
	EXPECT_LE(before - free_pages(), len / PTE_TABLE_SPAN + 4);
	EXPECT_EQ(munmap(p, len), 0);
}

static void write_then_read_back(void)
{
	char *p = map(4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 'x', 4 * PAGE);
	EXPECT_EQ(p[3 * PAGE + 7], 'x');
	EXPECT_EQ(munmap(p, 4 * PAGE), 0);
}

/* MAP_SHARED memory is one memory for parent and child. */
static void shared_survives_fork(void)
{
	volatile int *p = (int *)map(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);
	int status;
	pid_t pid;

	ASSERT_TRUE(p != MAP_FAILED);
	*p = 1;
	pid = fork();
	if (pid == 0) {
		*p = 2;
		_exit(0);
	}
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(*p, 2);
	EXPECT_EQ(munmap((void *)p, PAGE), 0);
}

/* ... while MAP_PRIVATE memory is copied on write. */
static void private_is_private(void)
{
	volatile int *p = (int *)map(PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	int status;
	pid_t pid;

	ASSERT_TRUE(p != MAP_FAILED);
	*p = 1;
	pid = fork();
	if (pid == 0) {
		*p = 2;
		_exit(*p == 2 ? 0 : 1);
	}
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(WEXITSTATUS(status), 0);
	EXPECT_EQ(*p, 1);
	EXPECT_EQ(munmap((void *)p, PAGE), 0);
}

static void mprotect_read_only_then_write(void)
{
	char *p = map(2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);

	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 'a';
	EXPECT_EQ(mprotect(p, PAGE, PROT_READ), 0);
	EXPECT_EQ(vmas_in(p, p + 2 * PAGE), 2); /* split by rights */
	EXPECT_EQ(p[0], 'a');
	EXPECT_EQ(touch_in_child(p, 1), SIGSEGV);
	EXPECT_EQ(touch_in_child(p + PAGE, 1), 0); /* the other page kept RW */
	EXPECT_EQ(mprotect(p, PAGE, PROT_READ | PROT_WRITE), 0);
	EXPECT_EQ(vmas_in(p, p + 2 * PAGE), 1); /* merged again */
	p[0] = 'b';				/* granted again */
	EXPECT_EQ(p[0], 'b');
	EXPECT_EQ(munmap(p, 2 * PAGE), 0);
}

static void prot_none(void)
{
	char *p = map(PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);

	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 'k';
	EXPECT_EQ(mprotect(p, PAGE, PROT_NONE), 0);
	EXPECT_EQ(touch_in_child(p, 0), SIGSEGV);
	EXPECT_EQ(mprotect(p, PAGE, PROT_READ), 0);
	EXPECT_EQ(p[0], 'k'); /* the data survived */
	EXPECT_EQ(munmap(p, PAGE), 0);
}

static void munmap_middle_page(void)
{
	char *p = map(3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 'm', 3 * PAGE);
	EXPECT_EQ(vmas_in(p, p + 3 * PAGE), 1);
	EXPECT_EQ(munmap(p + PAGE, PAGE), 0);
	EXPECT_EQ(vmas_in(p, p + 3 * PAGE), 2); /* the VMA was split */
	EXPECT_EQ(p[0], 'm');
	EXPECT_EQ(p[2 * PAGE], 'm');
	EXPECT_EQ(touch_in_child(p + PAGE, 0), SIGSEGV);
	EXPECT_EQ(munmap(p, 3 * PAGE), 0); /* holes are fine */
	EXPECT_EQ(touch_in_child(p, 0), SIGSEGV);
}

static void madv_dontneed_zero_fills(void)
{
	char *p = map(2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 'd', 2 * PAGE);
	EXPECT_EQ(madvise(p, 2 * PAGE, MADV_DONTNEED), 0);
	EXPECT_EQ(p[0], 0);
	EXPECT_EQ(p[PAGE + 5], 0);
	EXPECT_EQ(munmap(p, 2 * PAGE), 0);
}

static void map_fixed_replaces(void)
{
	char *p = map(2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	char *q;

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 'o', 2 * PAGE);
	q = mmap(p + PAGE, PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	EXPECT_TRUE(q == p + PAGE);
	EXPECT_EQ(p[0], 'o');
	EXPECT_EQ(p[PAGE], 0);
	EXPECT_EQ(munmap(p, 2 * PAGE), 0);
}

static void bad_arguments(void)
{
	char *p = map(PAGE, PROT_READ, MAP_PRIVATE);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERRNO(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			  0) == MAP_FAILED
			     ? -1
			     : 0,
		     EINVAL);
	EXPECT_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0) ==
				     MAP_FAILED
			     ? -1
			     : 0,
		     EINVAL);
	EXPECT_ERRNO(mmap(p + 1, PAGE, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
			  0) == MAP_FAILED
			     ? -1
			     : 0,
		     EINVAL);
	EXPECT_ERRNO(mmap(NULL, HUGE_LENGTH, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED
			     ? -1
			     : 0,
		     ENOMEM);
	EXPECT_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 0, 0) ==
				     MAP_FAILED
			     ? -1
			     : 0,
		     ENODEV);
	EXPECT_ERRNO(munmap(p + 1, PAGE), EINVAL);
	EXPECT_ERRNO(munmap(p, 0), EINVAL);
	EXPECT_ERRNO(mprotect(p + 1, PAGE, PROT_READ), EINVAL);
	EXPECT_EQ(munmap(p, PAGE), 0);
	EXPECT_ERRNO(mprotect(p, PAGE, PROT_READ), ENOMEM); /* unmapped */
	EXPECT_ERRNO(madvise(p, PAGE, MADV_DONTNEED), ENOMEM);
}

/* mmap's result as 0 or -1 with errno, for EXPECT_ERRNO. */
static long mmap_fixed(unsigned long addr, size_t len)
{
	return mmap((void *)addr, len, PROT_READ,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
		    0) == MAP_FAILED
		       ? -1
		       : 0;
}

/*
 * Addresses outside user space are "no memory there" (POSIX, Linux):
 * ENOMEM for MAP_FIXED and madvise, whether the kernel half, the first
 * non-canonical address or a range straddling the top; below the lowest
 * address mmap may use, EPERM, as Linux says to a program without
 * privileges (Pagoda's programs have none).  A zero-length madvise is 0,
 * wherever it points.
 */
static void outside_user_space(void)
{
	static const unsigned long outside[][2] = {
		{ KERNEL_DIRECT_MAP, PAGE },   /* the kernel half */
		{ BEYOND_USER, PAGE },	       /* x86_64: non-canonical */
		{ USER_TOP, PAGE },	       /* TASK_SIZE itself */
		{ USER_TOP - PAGE, 2 * PAGE }, /* straddling the top */
		{ 0x10000000UL, HUGE_LENGTH },
	};

	for (unsigned int i = 0; i < sizeof(outside) / sizeof(outside[0]);
	     i++) {
		EXPECT_ERRNO(mmap_fixed(outside[i][0], outside[i][1]), ENOMEM);
		EXPECT_ERRNO(madvise((void *)outside[i][0], outside[i][1],
				     MADV_DONTNEED),
			     ENOMEM);
	}
	EXPECT_ERRNO(mmap_fixed(0, PAGE), EPERM);
	EXPECT_ERRNO(mmap_fixed(0x1000, PAGE), EPERM);
	EXPECT_ERRNO(mmap_fixed(0x10001, PAGE), EINVAL); /* unaligned */
	EXPECT_EQ(madvise((void *)0x10000000UL, 0, MADV_DONTNEED),
		  0); /* hole */
	EXPECT_EQ(madvise((void *)0xffff800000000000UL, 0, MADV_DONTNEED), 0);
	EXPECT_ERRNO(madvise((void *)0x10000000UL, ~0UL, MADV_DONTNEED),
		     EINVAL); /* wraps */
	EXPECT_ERRNO(madvise((void *)0x10000001UL, 0, MADV_DONTNEED), EINVAL);
	EXPECT_ERRNO(madvise((void *)0x10000000UL, 0, 12345), EINVAL);
}

#define FILE_PATH "/tmp/mmap_test.f"

/* A file of 2 pages and 100 bytes: byte i is 'a' + i / PAGE. */
static int make_file(void)
{
	static char buf[2 * PAGE + 100];
	int fd = open(FILE_PATH, O_RDWR | O_CREAT | O_TRUNC, 0644);

	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = 'a' + i / PAGE;
	if (fd >= 0 && write(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf)) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Private: the file shows through, writes stay in this process. */
static void private_file_mapping(void)
{
	int fd = make_file();
	char *p, c = 0;

	ASSERT_GE(fd, 0);
	p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(p[0], 'a');
	EXPECT_EQ(p[2 * PAGE + 99], 'c');
	EXPECT_EQ(p[2 * PAGE + 100], 0); /* the rest of the last page */
	p[PAGE] = 'X';
	EXPECT_EQ(pread(fd, &c, 1, PAGE), 1);
	EXPECT_EQ(c, 'b'); /* the file did not change */
	EXPECT_EQ(munmap(p, 3 * PAGE), 0);
	close(fd);
	unlink(FILE_PATH);
}

/* Shared: one set of pages for the mapping, read() and write(). */
static void shared_file_mapping(void)
{
	int fd = make_file();
	char *p, c = 0;

	ASSERT_GE(fd, 0);
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, PAGE);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(p[0], 'b'); /* offset: the second page */
	p[1] = 'M';
	EXPECT_EQ(pread(fd, &c, 1, PAGE + 1), 1);
	EXPECT_EQ(c, 'M'); /* read() sees what the mapping wrote */
	EXPECT_EQ(pwrite(fd, "W", 1, PAGE + 2), 1);
	EXPECT_EQ(p[2], 'W'); /* and the mapping sees what write() wrote */
	EXPECT_EQ(munmap(p, PAGE), 0);
	close(fd);
	unlink(FILE_PATH);
}

/* A page wholly past the end of the file: SIGBUS, not a zero page. */
static void past_eof_is_sigbus(void)
{
	int fd = make_file();
	char *p;

	ASSERT_GE(fd, 0);
	p = mmap(NULL, 5 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(touch_in_child(p + 2 * PAGE, 0), 0);
	EXPECT_EQ(touch_in_child(p + 3 * PAGE, 0), SIGBUS);
	EXPECT_EQ(munmap(p, 5 * PAGE), 0);
	close(fd);
	unlink(FILE_PATH);
}

/*
 * ftruncate unmaps what it cuts off (issue 16's scenario): a shared mapping
 * past the new end gets SIGBUS, and once the file grows back it sees the
 * file's zeroes, and its stores reach the file again.
 */
static void truncate_unmaps_shared(void)
{
	int fd = open(FILE_PATH, O_RDWR | O_CREAT | O_TRUNC, 0644);
	static char buf[2 * PAGE];
	char *m, c = 0;

	ASSERT_GE(fd, 0);
	memset(buf, 'A', sizeof(buf));
	ASSERT_EQ(write(fd, buf, sizeof(buf)), (long)sizeof(buf));
	m = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_TRUE(m != MAP_FAILED);
	m[PAGE] = 'B';
	EXPECT_EQ(ftruncate(fd, PAGE), 0);
	EXPECT_EQ(touch_in_child(m + PAGE, 0), SIGBUS);
	EXPECT_EQ(m[0], 'A'); /* below the new end: untouched */
	EXPECT_EQ(ftruncate(fd, 2 * PAGE), 0);
	EXPECT_EQ(m[PAGE], 0);
	m[PAGE] = 'C';
	EXPECT_EQ(pread(fd, &c, 1, PAGE), 1);
	EXPECT_EQ(c, 'C');
	EXPECT_EQ(munmap(m, 2 * PAGE), 0);
	close(fd);
	unlink(FILE_PATH);
}

/*
 * Every VMA mapping the file is found: a private copy-on-write copy past
 * the new end goes too (as Linux's truncate_pagecache), in a forked child
 * and in both halves of a split VMA.
 */
static void truncate_unmaps_every_vma(void)
{
	int fd = make_file(), status;
	char *p, *s;
	pid_t pid;

	ASSERT_GE(fd, 0);
	p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	s = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED && s != MAP_FAILED);
	p[2 * PAGE] = 'X'; /* a private copy */
	EXPECT_EQ(s[2 * PAGE], 'c');
	EXPECT_EQ(mprotect(s + PAGE, PAGE, PROT_READ), 0); /* three VMAs */
	pid = fork();
	if (pid == 0) {
		ftruncate(fd, PAGE);
		_exit(0);
	}
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(touch_in_child(p + 2 * PAGE, 0), SIGBUS);
	EXPECT_EQ(touch_in_child(s + 2 * PAGE, 0), SIGBUS);
	EXPECT_EQ(touch_in_child(s + PAGE, 0), SIGBUS);
	EXPECT_EQ(s[0], 'a');
	EXPECT_EQ(munmap(p, 3 * PAGE), 0);
	EXPECT_EQ(munmap(s, 3 * PAGE), 0);
	close(fd);
	unlink(FILE_PATH);
}

/* Writing a file means having it open for writing, now and later. */
static void file_access_rights(void)
{
	int fd = make_file(), ro;
	char *p;

	ASSERT_GE(fd, 0);
	close(fd);
	ro = open(FILE_PATH, O_RDONLY);
	ASSERT_GE(ro, 0);
	EXPECT_ERRNO(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, ro,
			  0) == MAP_FAILED
			     ? -1
			     : 0,
		     EACCES);
	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, ro, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERRNO(mprotect(p, PAGE, PROT_READ | PROT_WRITE), EACCES);
	EXPECT_EQ(munmap(p, PAGE), 0);
	/* A private mapping may be written: the writes are not the file's. */
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
	EXPECT_TRUE(p != MAP_FAILED);
	if (p != MAP_FAILED)
		munmap(p, PAGE);
	EXPECT_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 99, 0) ==
				     MAP_FAILED
			     ? -1
			     : 0,
		     EBADF);
	EXPECT_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, ro, 100) ==
				     MAP_FAILED
			     ? -1
			     : 0,
		     EINVAL);
	close(ro);
	unlink(FILE_PATH);
}

/*
 * Regressions.  Merging VMAs after mprotect once followed a pointer into a
 * VMA the merge had freed: repeat the sequence in many layouts.
 */
static void mprotect_merge_many_layouts(void)
{
	for (int k = 0; k < 64; k++) {
		char *pad[64], *p;

		for (int i = 0; i < k; i++)
			pad[i] = map(PAGE,
				     i % 2 ? PROT_READ : PROT_READ | PROT_WRITE,
				     MAP_PRIVATE);
		p = map(2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
		EXPECT_EQ(mprotect(p + PAGE, PAGE, PROT_READ), 0);
		EXPECT_EQ(mprotect(p, 2 * PAGE, PROT_READ), 0);
		EXPECT_EQ(vmas_in(p, p + 2 * PAGE), 1);
		EXPECT_EQ(munmap(p, 2 * PAGE), 0);
		for (int i = 0; i < k; i++)
			munmap(pad[i], PAGE);
	}
}

/* A write through a shared mapping must never land in the zero page. */
static void zero_page_stays_zero(void)
{
	volatile char *s = map(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);
	volatile char *q;

	ASSERT_TRUE(s != MAP_FAILED);
	madvise((void *)s, PAGE, MADV_DONTNEED);
	EXPECT_EQ(s[0], 0);
	s[0] = 'Z';
	q = map(PAGE, PROT_READ, MAP_PRIVATE);
	ASSERT_TRUE(q != MAP_FAILED);
	EXPECT_EQ(q[0], 0); /* a fresh mapping reads the zero page */
	EXPECT_EQ(s[0], 'Z');
	munmap((void *)q, PAGE);
	munmap((void *)s, PAGE);
}

/* Page faults this process has taken so far. */
static long faults(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_SELF, &ru) ? -1 : ru.ru_minflt;
}

/* Write one byte in each of n pages; the faults that took. */
static long faults_to_write(char *p, int n)
{
	long before = faults();

	for (int i = 0; i < n; i++)
		p[i * PAGE] = 1;
	return faults() - before;
}

/* MAP_POPULATE faults the pages in at mmap: touching them takes no fault. */
static void map_populate(void)
{
	char *p = map(8 * PAGE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_POPULATE);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(faults_to_write(p, 8), 0);
	EXPECT_EQ(munmap(p, 8 * PAGE), 0);
	p = map(8 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_GE(faults_to_write(p, 8), 8); /* without: a fault a page */
	EXPECT_EQ(munmap(p, 8 * PAGE), 0);
}

/* MAP_FIXED_NOREPLACE maps at the address, never over a mapping. */
static void map_fixed_noreplace(void)
{
	char *p = map(3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE), *q;
	int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE;

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_EQ(munmap(p + 2 * PAGE, PAGE), 0);
	p[PAGE] = 7;
	errno = 0;
	q = mmap(p + PAGE, 2 * PAGE, PROT_READ | PROT_WRITE, flags, -1, 0);
	EXPECT_TRUE(q == MAP_FAILED);
	EXPECT_EQ(errno, EEXIST);
	EXPECT_EQ(p[PAGE], 7); /* untouched */
	q = mmap(p + 2 * PAGE, PAGE, PROT_READ | PROT_WRITE, flags, -1, 0);
	EXPECT_TRUE(q == p + 2 * PAGE);
	EXPECT_EQ(munmap(p, 3 * PAGE), 0);
}

/*
 * mremap: smaller in place; larger in place where the space after is
 * free; else, with MREMAP_MAYMOVE, somewhere else with the data, the old
 * addresses gone (SIGSEGV); without it, ENOMEM.
 */
static void mremap_anonymous(void)
{
	char *p = map(4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE), *q;

	ASSERT_TRUE(p != MAP_FAILED);
	for (int i = 0; i < 4; i++)
		p[i * PAGE] = 'a' + i;
	EXPECT_TRUE(mremap(p, 4 * PAGE, 2 * PAGE, 0) == p);
	EXPECT_EQ(touch_in_child(p + 2 * PAGE, 0), SIGSEGV);
	EXPECT_TRUE(mremap(p, 2 * PAGE, 4 * PAGE, 0) == p); /* the hole */
	EXPECT_EQ(p[1 * PAGE], 'b');
	EXPECT_EQ(p[2 * PAGE], 0); /* fresh memory */
	q = mmap(p + 4 * PAGE, PAGE, PROT_READ,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	ASSERT_TRUE(q == p + 4 * PAGE);
	EXPECT_TRUE(mremap(p, 4 * PAGE, 8 * PAGE, 0) == MAP_FAILED);
	EXPECT_EQ(errno, ENOMEM);
	q = mremap(p, 4 * PAGE, 8 * PAGE, MREMAP_MAYMOVE);
	ASSERT_TRUE(q != MAP_FAILED && q != p);
	EXPECT_EQ(q[0], 'a');
	EXPECT_EQ(q[1 * PAGE], 'b');
	q[7 * PAGE] = 'h';
	EXPECT_EQ(touch_in_child(p, 0), SIGSEGV);
	EXPECT_EQ(munmap(q, 8 * PAGE), 0);
	EXPECT_EQ(munmap(p + 4 * PAGE, PAGE), 0);
}

/* A shared file mapping moves and still is the file; a child's COW too. */
static void mremap_file_and_cow(void)
{
	int fd = make_file(), status, go[2];
	char *p, *q, c = 0;
	pid_t pid;

	ASSERT_GE(fd, 0);
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	q = mremap(p, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
		   p + 64 * PAGE);
	ASSERT_TRUE(q == p + 64 * PAGE);
	EXPECT_EQ(q[PAGE], 'b');
	q[PAGE + 1] = 'R';
	EXPECT_EQ(pread(fd, &c, 1, PAGE + 1), 1);
	EXPECT_EQ(c, 'R');
	EXPECT_EQ(munmap(q, 2 * PAGE), 0);
	close(fd);
	unlink(FILE_PATH);
	/* Private memory shared with a child after fork moves, still COW. */
	p = map(PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 'P';
	ASSERT_EQ(pipe(go), 0);
	pid = fork();
	if (pid == 0) { /* looks once the parent has moved and written */
		_exit(read(go[0], &c, 1) == 1 && p[0] == 'P' ? 0 : 1);
	}
	q = mremap(p, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, p + 64 * PAGE);
	ASSERT_TRUE(q == p + 64 * PAGE);
	q[0] = 'Q';
	EXPECT_EQ(write(go[1], "x", 1), 1);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	EXPECT_EQ(q[0], 'Q');
	EXPECT_EQ(munmap(q, PAGE), 0);
	close(go[0]);
	close(go[1]);
}

/*
 * memfd_create: an anonymous file, sized, mapped shared, seen through
 * read(), kept across fork; MFD_CLOEXEC sets FD_CLOEXEC; no sealing.
 */
static void memfd(void)
{
	int fd = memfd_create("pagoda", 0), cfd, status;
	char c = 0, *p;
	pid_t pid;

	ASSERT_GE(fd, 0);
	EXPECT_EQ(ftruncate(fd, 2 * PAGE), 0);
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	p[PAGE] = 'm';
	EXPECT_EQ(pread(fd, &c, 1, PAGE), 1);
	EXPECT_EQ(c, 'm');
	pid = fork();
	if (pid == 0) {
		p[PAGE] = 'c';
		_exit(0);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(p[PAGE], 'c'); /* the child wrote the same file */
	cfd = memfd_create("x", MFD_CLOEXEC);
	EXPECT_EQ(fcntl(cfd, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ(fcntl(fd, F_GETFD), 0);
	EXPECT_ERRNO(memfd_create("x", MFD_ALLOW_SEALING), EINVAL);
	EXPECT_ERRNO(memfd_create("x", 0x100), EINVAL);
	EXPECT_ERRNO(memfd_create(NULL, 0), EFAULT);
	EXPECT_EQ(munmap(p, 2 * PAGE), 0);
	close(cfd);
	close(fd);
}

/*
 * MADV_POPULATE_WRITE faults pages in writable (no fault on the next
 * writes); MADV_POPULATE_READ readable, and EFAULT where reading is not
 * allowed; MADV_FREE zeroes private anonymous memory (Pagoda frees at
 * once), EINVAL on a file mapping.
 */
static void madvise_populate_and_free(void)
{
	char *p = map(8 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE), *n;
	int fd = make_file();
	char *f;

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(madvise(p, 8 * PAGE, MADV_POPULATE_WRITE), 0);
	EXPECT_EQ(faults_to_write(p, 8), 0);
	EXPECT_EQ(madvise(p, 8 * PAGE, MADV_FREE), 0);
	EXPECT_EQ(p[0], 0);
	EXPECT_EQ(madvise(p, 8 * PAGE, MADV_POPULATE_READ), 0);
	n = map(PAGE, PROT_NONE, MAP_PRIVATE);
	EXPECT_ERRNO(madvise(n, PAGE, MADV_POPULATE_READ), EFAULT);
	EXPECT_EQ(mprotect(n, PAGE, PROT_READ), 0);
	EXPECT_ERRNO(madvise(n, PAGE, MADV_POPULATE_WRITE), EFAULT);
	ASSERT_GE(fd, 0);
	f = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(f != MAP_FAILED);
	EXPECT_ERRNO(madvise(f, PAGE, MADV_FREE), EINVAL);
	EXPECT_EQ(madvise(f, PAGE, MADV_POPULATE_READ), 0);
	EXPECT_EQ(munmap(f, PAGE), 0);
	close(fd);
	unlink(FILE_PATH);
	EXPECT_EQ(munmap(n, PAGE), 0);
	EXPECT_EQ(munmap(p, 8 * PAGE), 0);
}

/* mlock2(MLOCK_ONFAULT) locks without faulting in; plain mlock2 does. */
static void mlock2_onfault(void)
{
	char *p = map(4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(mlock2(p, 4 * PAGE, MLOCK_ONFAULT), 0);
	EXPECT_EQ(faults_to_write(p, 4), 4); /* nothing came in */
	EXPECT_EQ(munlock(p, 4 * PAGE), 0);
	EXPECT_EQ(madvise(p, 4 * PAGE, MADV_DONTNEED), 0);
	EXPECT_EQ(mlock2(p, 4 * PAGE, 0), 0);
	EXPECT_EQ(faults_to_write(p, 4), 0); /* faulted in by mlock2 */
	EXPECT_ERRNO(mlock2(p, PAGE, 2), EINVAL);
	EXPECT_ERRNO(mlockall(MCL_ONFAULT), EINVAL);
	EXPECT_EQ(mlockall(MCL_CURRENT | MCL_ONFAULT), 0);
	EXPECT_EQ(munlockall(), 0);
	EXPECT_EQ(munmap(p, 4 * PAGE), 0);
}

/*
 * An offset of 4 GiB: a 64-bit port maps it (past the end of the file,
 * which only a touch would find out); a 32-bit one cannot pass it to the
 * kernel whole, and says EOVERFLOW rather than map offset 0.
 */
static void offset_past_a_long(void)
{
	int fd = memfd_create("pagoda", 0);
	char *p;

	ASSERT_GE(fd, 0);
	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, (off_t)1 << 32);
	if (sizeof(long) == 4) {
		EXPECT_TRUE(p == MAP_FAILED);
		EXPECT_EQ(errno, EOVERFLOW);
	} else {
		EXPECT_TRUE(p != MAP_FAILED);
		EXPECT_EQ(munmap(p, PAGE), 0);
	}
	close(fd);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(reading_is_free),
	KTAP_CASE(write_then_read_back),
	KTAP_CASE(shared_survives_fork),
	KTAP_CASE(private_is_private),
	KTAP_CASE(mprotect_read_only_then_write),
	KTAP_CASE(prot_none),
	KTAP_CASE(munmap_middle_page),
	KTAP_CASE(madv_dontneed_zero_fills),
	KTAP_CASE(map_fixed_replaces),
	KTAP_CASE(bad_arguments),
	KTAP_CASE(outside_user_space),
	KTAP_CASE(private_file_mapping),
	KTAP_CASE(shared_file_mapping),
	KTAP_CASE(past_eof_is_sigbus),
	KTAP_CASE(truncate_unmaps_shared),
	KTAP_CASE(truncate_unmaps_every_vma),
	KTAP_CASE(file_access_rights),
	KTAP_CASE(mprotect_merge_many_layouts),
	KTAP_CASE(zero_page_stays_zero),
	KTAP_CASE(map_populate),
	KTAP_CASE(map_fixed_noreplace),
	KTAP_CASE(mremap_anonymous),
	KTAP_CASE(mremap_file_and_cow),
	KTAP_CASE(memfd),
	KTAP_CASE(madvise_populate_and_free),
	KTAP_CASE(mlock2_onfault),
	KTAP_CASE(offset_past_a_long),
};

int main(void)
{
	return ktap_main("mmap_test", cases, KTAP_NCASES(cases));
}
