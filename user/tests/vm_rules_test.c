// SPDX-License-Identifier: MIT
/*
 * Rules of the VM that a program can see break, each tested as directly as
 * a process can (issue 16, item 10; the kernel-side halves are in
 * mm/memory_test.c): a private write never reaches the file, mprotect and
 * munmap take effect at once in the running process (the TLB is flushed,
 * not merely reloaded at the next switch), a split file mapping keeps its
 * offsets, shared and private neighbours stay apart, and MADV_DONTNEED
 * keeps shared anonymous memory.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ktap.h"

#define PAGE 4096UL
#define FILE_PATH "/tmp/vm_rules_test.f"

/* A file of n pages, page i filled with 'a' + i. */
static int make_file(int n)
{
	static char buf[PAGE];
	int fd = open(FILE_PATH, O_RDWR | O_CREAT | O_TRUNC, 0644);

	for (int i = 0; fd >= 0 && i < n; i++) {
		memset(buf, 'a' + i, PAGE);
		if (write(fd, buf, PAGE) != (ssize_t)PAGE) {
			close(fd);
			return -1;
		}
	}
	return fd;
}

static void drop_file(int fd)
{
	close(fd);
	unlink(FILE_PATH);
}

/* The signal the child running fn dies of (0: it exited, -1: no child). */
static int signal_of(void (*fn)(void))
{
	int status = ktap_child_status(fn);

	if (status < 0)
		return -1;
	return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

/*
 * Read a private file page (it is mapped from the page cache), then write
 * it: the write must go to a copy, whatever the page's map count says.
 */
static void private_write_after_read(void)
{
	int fd = make_file(1);
	volatile char *p;
	char c = 0;

	ASSERT_GE(fd, 0);
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(p[0], 'a');
	p[0] = 'X';
	EXPECT_EQ(p[0], 'X');
	EXPECT_EQ(pread(fd, &c, 1, 0), 1);
	EXPECT_EQ(c, 'a');
	EXPECT_EQ(munmap((void *)p, PAGE), 0);
	drop_file(fd);
}

/*
 * In one process, with no switch between: write (the TLB now holds a
 * writable entry), mprotect read-only, write again.  Only a flush makes
 * the second write fault.  Two pages keep a page table alive, so no CR3
 * reload (which would flush everything) hides a missing flush.
 */
static void write_change_write(bool unmap)
{
	volatile char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		_exit(2);
	p[0] = 1;
	p[PAGE] = 1;
	if (unmap)
		munmap((void *)p, PAGE);
	else
		mprotect((void *)p, PAGE, PROT_READ);
	p[0] = 2;
}

static void write_protect_write(void)
{
	write_change_write(false);
}

static void write_unmap_write(void)
{
	write_change_write(true);
}

static void mprotect_takes_effect_at_once(void)
{
	EXPECT_EQ(signal_of(write_protect_write), SIGSEGV);
}

static void munmap_takes_effect_at_once(void)
{
	EXPECT_EQ(signal_of(write_unmap_write), SIGSEGV);
}

/*
 * mprotect of the middle page of an untouched file mapping splits it in
 * three; each part's first fault must find its own page of the file.
 */
static void split_file_mapping_keeps_offsets(void)
{
	int fd = make_file(3);
	volatile char *p;

	ASSERT_GE(fd, 0);
	p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(mprotect((void *)(p + PAGE), PAGE, PROT_READ), 0);
	EXPECT_EQ(p[2 * PAGE], 'c');
	EXPECT_EQ(p[PAGE], 'b');
	EXPECT_EQ(p[0], 'a');
	EXPECT_EQ(munmap((void *)p, 3 * PAGE), 0);
	drop_file(fd);
}

/*
 * Two mappings of one file side by side, the left at page 1, the right at
 * page 0: same file, same rights, but the offsets do not continue, so they
 * must stay two VMAs, each showing its own page.
 */
static void file_neighbours_keep_offsets(void)
{
	int fd = make_file(3);
	volatile char *p;

	ASSERT_GE(fd, 0);
	p = mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, PAGE);
	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_TRUE(mmap((void *)(p + PAGE), PAGE, PROT_READ,
			 MAP_PRIVATE | MAP_FIXED, fd, 0) == p + PAGE);
	EXPECT_EQ(p[0], 'b');
	EXPECT_EQ(p[PAGE], 'a');
	EXPECT_EQ(munmap((void *)p, 2 * PAGE), 0);
	drop_file(fd);
}

/*
 * Shared anonymous memory next to private memory with the same rights:
 * after fork, the child's writes show in the parent's shared page only.
 */
static void shared_next_to_private_stay_apart(void)
{
	volatile char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
				MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int status;
	pid_t pid;

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_TRUE(mmap((void *)(p + PAGE), PAGE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
			 0) == p + PAGE);
	pid = fork();
	if (pid == 0) {
		p[0] = 's';
		p[PAGE] = 'p';
		_exit(0);
	}
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(p[0], 's');
	EXPECT_EQ(p[PAGE], 0);
	EXPECT_EQ(munmap((void *)p, 2 * PAGE), 0);
}

/*
 * Shared anonymous pages are the memory itself (no file holds them between
 * faults): MADV_DONTNEED must keep them, or a write is lost.
 */
static void dontneed_keeps_shared_anon(void)
{
	volatile char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
				MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 'k';
	EXPECT_EQ(madvise((void *)p, PAGE, MADV_DONTNEED), 0);
	EXPECT_EQ(p[0], 'k');
	EXPECT_EQ(munmap((void *)p, PAGE), 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(private_write_after_read),
	KTAP_CASE(mprotect_takes_effect_at_once),
	KTAP_CASE(munmap_takes_effect_at_once),
	KTAP_CASE(split_file_mapping_keeps_offsets),
	KTAP_CASE(file_neighbours_keep_offsets),
	KTAP_CASE(shared_next_to_private_stay_apart),
	KTAP_CASE(dontneed_keeps_shared_anon),
};

int main(void)
{
	return ktap_main("vm_rules_test", cases, KTAP_NCASES(cases));
}
