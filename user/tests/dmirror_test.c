// SPDX-License-Identifier: MIT
/*
 * The mirror device (/dev/hmm_dmirror*, Linux's test_hmm interface) from
 * user space: what the device reads and writes is always the page the CPU
 * sees at that address at that moment -- after fork and copy-on-write in
 * either process, MADV_DONTNEED, swap-out, mprotect, munmap and exit -- and using it
 * costs no memory beyond its own table.  Most cases use hmm_dmirror1 (the
 * software DMA engine: fast); edu_engine uses hmm_dmirror0, which moves the
 * data with QEMU's edu device (400 ms a page under QEMU: two pages only).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/test_hmm.h>
#include <pagoda.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/swap.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ktap.h"

#define PAGE 4096
#define N 4

static int open_mirror(void)
{
	return open("/dev/hmm_dmirror1", O_RDWR);
}

static char *map(size_t pages, int prot)
{
	char *p = mmap(NULL, pages * PAGE, prot, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* One request; the command comes back in *cmd.  0 or -errno. */
static int dev(int fd, unsigned long request, void *addr, void *ptr,
	       unsigned long npages, struct hmm_dmirror_cmd *cmd)
{
	*cmd = (struct hmm_dmirror_cmd){ .addr = (unsigned long)addr,
					 .ptr = (unsigned long)ptr,
					 .npages = npages };
	return ioctl(fd, request, cmd) ? -errno : 0;
}

static int dev_read(int fd, void *addr, void *buf, unsigned long npages)
{
	struct hmm_dmirror_cmd cmd;

	return dev(fd, HMM_DMIRROR_READ, addr, buf, npages, &cmd);
}

static int dev_write(int fd, void *addr, void *buf, unsigned long npages)
{
	struct hmm_dmirror_cmd cmd;

	return dev(fd, HMM_DMIRROR_WRITE, addr, buf, npages, &cmd);
}

/* The device's view of the first page at addr. */
static int snap(int fd, void *addr)
{
	struct hmm_dmirror_cmd cmd;
	unsigned char b = 0x55;

	return dev(fd, HMM_DMIRROR_SNAPSHOT, addr, &b, 1, &cmd) ? -1 : b;
}

/* Read and write through the device; faults counted as Linux does. */
static void read_write(void)
{
	int fd = open_mirror();
	char *p = map(N, PROT_READ | PROT_WRITE),
	     *buf = map(N, PROT_READ | PROT_WRITE);
	struct hmm_dmirror_cmd cmd;

	ASSERT_GE(fd, 0);
	ASSERT_TRUE(p && buf);
	for (int i = 0; i < N; i++)
		memset(p + i * PAGE, 'a' + i, PAGE);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_READ, p, buf, N, &cmd), 0);
	EXPECT_EQ(cmd.cpages, N);
	EXPECT_EQ(cmd.faults, 1); /* one round faults the whole range */
	EXPECT_MEMEQ(buf, p, N * PAGE);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_READ, p, buf, N, &cmd), 0);
	EXPECT_EQ(cmd.faults, 0); /* warm: the table has every page */
	memset(buf, 'w', N * PAGE);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_WRITE, p, buf, N, &cmd), 0);
	EXPECT_EQ(cmd.cpages, N);
	EXPECT_EQ(cmd.faults, 0);
	EXPECT_EQ(p[0], 'w');
	EXPECT_EQ(p[N * PAGE - 1], 'w');
	close(fd);
}

/* The snapshot shows the device's own table, in Linux's values. */
static void snapshot_values(void)
{
	int fd = open_mirror();
	char *p = map(N, PROT_READ | PROT_WRITE), buf[PAGE];

	ASSERT_GE(fd, 0);
	ASSERT_TRUE(p != NULL);
	EXPECT_EQ(snap(fd, p), HMM_DMIRROR_PROT_NONE);
	EXPECT_EQ(dev_read(fd, p, buf, 1), 0); /* untouched: the zero page */
	EXPECT_EQ(snap(fd, p), HMM_DMIRROR_PROT_ZERO | HMM_DMIRROR_PROT_READ);
	p[0] = 1; /* COW from the zero page drops the device's entry */
	EXPECT_EQ(snap(fd, p), HMM_DMIRROR_PROT_NONE);
	EXPECT_EQ(dev_read(fd, p, buf, 1), 0);
	EXPECT_EQ(snap(fd, p), HMM_DMIRROR_PROT_WRITE);
	EXPECT_EQ(mprotect(p, PAGE, PROT_READ), 0);
	EXPECT_EQ(snap(fd, p), HMM_DMIRROR_PROT_NONE);
	EXPECT_EQ(dev_read(fd, p, buf, 1), 0);
	EXPECT_EQ(snap(fd, p), HMM_DMIRROR_PROT_READ);
	EXPECT_EQ(mprotect(p, PAGE, PROT_NONE), 0);
	EXPECT_EQ(snap(fd, p), HMM_DMIRROR_PROT_ERROR);
	EXPECT_EQ(munmap(p, N * PAGE), 0);
	EXPECT_EQ(snap(fd, p + PAGE), HMM_DMIRROR_PROT_ERROR);
	close(fd);
}

static int pipe_wait(int fd)
{
	char c;

	return read(fd, &c, 1) == 1 ? 0 : -1;
}

/*
 * After fork both share the page.  The parent's device saw it before;
 * the parent's CPU write copies it: the device must now see the copy.
 * Then the device writes: the parent sees it, the child does not.
 */
static void cow_in_parent(void)
{
	int fd = open_mirror(), go[2], status;
	char *p = map(1, PROT_READ | PROT_WRITE), buf[PAGE];
	pid_t pid;

	ASSERT_GE(fd, 0);
	ASSERT_TRUE(p != NULL);
	ASSERT_EQ(pipe(go), 0);
	memset(p, 'P', PAGE);
	EXPECT_EQ(dev_read(fd, p, buf, 1), 0);
	pid = fork();
	if (pid == 0) {
		pipe_wait(go[0]);
		_exit(p[0] == 'P' && p[PAGE - 1] == 'P' ? 0 : 1);
	}
	ASSERT_GT(pid, 0);
	memset(p, 'N', PAGE); /* COW break in the parent */
	EXPECT_EQ(dev_read(fd, p, buf, 1), 0);
	EXPECT_EQ(buf[0], 'N');
	memset(buf, 'D', PAGE);
	EXPECT_EQ(dev_write(fd, p, buf, 1), 0);
	EXPECT_EQ(p[0], 'D');
	write(go[1], "x", 1);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0); /* the child kept its page */
	close(fd);
}

/*
 * The child breaks COW first; the parent's page is then its own again
 * (read-only until written): the device's write makes it writable in
 * place, and the child's copy is untouched.
 */
static void cow_in_child(void)
{
	int fd = open_mirror(), ready[2], go[2], status;
	char *p = map(1, PROT_READ | PROT_WRITE), buf[PAGE];
	pid_t pid;

	ASSERT_GE(fd, 0);
	ASSERT_TRUE(p != NULL);
	ASSERT_EQ(pipe(ready), 0);
	ASSERT_EQ(pipe(go), 0);
	memset(p, 'P', PAGE);
	pid = fork();
	if (pid == 0) {
		memset(p, 'C', PAGE);
		write(ready[1], "x", 1);
		pipe_wait(go[0]); /* after the parent's device write */
		_exit(p[0] == 'C' ? 0 : 1);
	}
	ASSERT_GT(pid, 0);
	pipe_wait(ready[0]);
	memset(buf, 'D', PAGE);
	EXPECT_EQ(dev_write(fd, p, buf, 1), 0);
	EXPECT_EQ(p[0], 'D');
	EXPECT_EQ(p[PAGE - 1], 'D');
	write(go[1], "x", 1);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	close(fd);
}

/* MADV_DONTNEED: the device sees zeroes, like the CPU. */
static void madvise_dontneed(void)
{
	int fd = open_mirror();
	char *p = map(N, PROT_READ | PROT_WRITE), buf[PAGE], zero[PAGE];

	ASSERT_GE(fd, 0);
	ASSERT_TRUE(p != NULL);
	memset(zero, 0, PAGE);
	memset(p, 'x', N * PAGE);
	EXPECT_EQ(dev_read(fd, p + PAGE, buf, 1), 0);
	EXPECT_EQ(buf[0], 'x');
	EXPECT_EQ(madvise(p, N * PAGE, MADV_DONTNEED), 0);
	EXPECT_EQ(snap(fd, p + PAGE), HMM_DMIRROR_PROT_NONE);
	EXPECT_EQ(dev_read(fd, p + PAGE, buf, 1), 0);
	EXPECT_MEMEQ(buf, zero, PAGE);
	memset(buf, 'y', PAGE);
	EXPECT_EQ(dev_write(fd, p + PAGE, buf, 1), 0);
	EXPECT_EQ(p[PAGE], 'y');
	close(fd);
}

/*
 * Reclaim under the device: MADV_PAGEOUT swaps mirrored pages out, the
 * notifier empties the device's table first, and the device's next read
 * faults them back in from the swap disk with their data; its write lands
 * in the page the CPU then reads.  DMA stays right across reclaim.
 */
static void pageout_then_dma(void)
{
	int fd = open_mirror(), turned_on = swapon("/dev/vda", 0) == 0;
	char *p = map(N, PROT_READ | PROT_WRITE),
	     *buf = map(N, PROT_READ | PROT_WRITE);

	if (!turned_on && errno != EBUSY)
		ktap_skip("no swap disk (/dev/vda) on this machine");
	ASSERT_GE(fd, 0);
	ASSERT_TRUE(p && buf);
	for (int i = 0; i < N; i++)
		memset(p + i * PAGE, 'A' + i, PAGE);
	EXPECT_EQ(dev_read(fd, p, buf, N), 0);
	EXPECT_EQ(madvise(p, N * PAGE, MADV_PAGEOUT), 0);
	EXPECT_EQ(snap(fd, p), HMM_DMIRROR_PROT_NONE);
	memset(buf, 0, N * PAGE);
	EXPECT_EQ(dev_read(fd, p, buf, N), 0);
	for (int i = 0; i < N; i++)
		EXPECT_EQ(buf[i * PAGE + PAGE - 1], 'A' + i);
	EXPECT_EQ(madvise(p, N * PAGE, MADV_PAGEOUT), 0);
	memset(buf, 'z', PAGE);
	EXPECT_EQ(dev_write(fd, p + PAGE, buf, 1), 0);
	EXPECT_EQ(p[PAGE], 'z');
	EXPECT_EQ(p[2 * PAGE], 'C');
	munmap(p, N * PAGE);
	munmap(buf, N * PAGE);
	close(fd);
	if (turned_on)
		EXPECT_EQ(swapoff("/dev/vda"), 0);
}

/* Read-only memory: the device may read it, a write fails with EPERM. */
static void mprotect_read_only(void)
{
	int fd = open_mirror();
	char *p = map(N, PROT_READ | PROT_WRITE), buf[PAGE];
	struct hmm_dmirror_cmd cmd;

	ASSERT_GE(fd, 0);
	ASSERT_TRUE(p != NULL);
	memset(p, 'r', N * PAGE);
	EXPECT_EQ(dev_write(fd, p, p, 1), 0); /* mapped writable first */
	EXPECT_EQ(mprotect(p, N * PAGE, PROT_READ), 0);
	memset(buf, 'w', PAGE);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_WRITE, p, buf, 1, &cmd), -EPERM);
	EXPECT_EQ(cmd.cpages, 0);
	EXPECT_EQ(p[0], 'r');
	EXPECT_EQ(dev_read(fd, p, buf, 1), 0);
	EXPECT_EQ(buf[0], 'r');
	close(fd);
}

/* Unmapped memory: EFAULT; cpages says how far the request got. */
static void munmap_efault(void)
{
	int fd = open_mirror();
	char *p = map(N, PROT_READ | PROT_WRITE),
	     *buf = map(N, PROT_READ | PROT_WRITE);
	struct hmm_dmirror_cmd cmd;

	ASSERT_GE(fd, 0);
	ASSERT_TRUE(p && buf);
	memset(p, 'm', N * PAGE);
	EXPECT_EQ(dev_read(fd, p, buf, N), 0);
	EXPECT_EQ(munmap(p + 2 * PAGE, PAGE), 0);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_READ, p, buf, N, &cmd), -EFAULT);
	EXPECT_EQ(cmd.cpages, 2);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_WRITE, p + 2 * PAGE, buf, 1, &cmd),
		  -EFAULT);
	EXPECT_EQ(cmd.cpages, 0);
	close(fd);
}

/* Bad requests: a clear errno each, and the kernel carries on. */
static void bad_input(void)
{
	int fd = open_mirror();
	char *p = map(N, PROT_READ | PROT_WRITE), *ro = map(1, PROT_READ);
	char *none = map(1, PROT_NONE), buf[PAGE];
	struct hmm_dmirror_cmd cmd;

	ASSERT_GE(fd, 0);
	ASSERT_TRUE(p && ro && none);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_READ, p, buf, 0, &cmd), -EINVAL);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_READ, p + 1, buf, 1, &cmd), -EINVAL);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_READ, p, buf, HUGE_LENGTH, &cmd),
		  -EINVAL);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_READ, (void *)-4096L, buf, 1, &cmd),
		  -EINVAL);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_READ, p, ro, 1, &cmd), -EFAULT);
	EXPECT_EQ(cmd.cpages, 0);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_WRITE, p, NULL, 1, &cmd), -EFAULT);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_SNAPSHOT, p, NULL, 1, &cmd), -EFAULT);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_READ, none, buf, 1, &cmd), -EFAULT);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_READ, (void *)0x1000, buf, 1, &cmd),
		  -EFAULT);
	EXPECT_EQ(dev(fd, HMM_DMIRROR_READ + 16, p, buf, 1, &cmd), -EINVAL);
	EXPECT_ERRNO(ioctl(fd, HMM_DMIRROR_READ, (void *)8), EFAULT);
	EXPECT_EQ(dev_read(fd, p, buf, 1), 0); /* still works */
	close(fd);
}

/* The descriptor crosses fork; the child's address space is not the one
 * mirrored, so the child's requests fail with EINVAL. */
static void fork_shared_fd(void)
{
	int fd = open_mirror(), status;
	char *p = map(1, PROT_READ | PROT_WRITE), buf[PAGE];
	pid_t pid;

	ASSERT_GE(fd, 0);
	ASSERT_TRUE(p != NULL);
	pid = fork();
	if (pid == 0) {
		struct hmm_dmirror_cmd cmd;

		_exit(dev(fd, HMM_DMIRROR_READ, p, buf, 1, &cmd) == -EINVAL
			      ? 0
			      : 1);
	}
	ASSERT_GT(pid, 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(dev_read(fd, p, buf, 1), 0); /* the parent's still works */
	close(fd);
}

#define REALLOC_PAGES 512

/*
 * The mirrored process exits while its device file stays open in its
 * child: release drops the device's table, and the child, reusing the
 * freed memory, finds nothing written into it by the device.
 */
static void keeper(int fd, char *old, int gone, int result)
{
	char *q = map(REALLOC_PAGES, PROT_READ | PROT_WRITE), buf[PAGE];
	struct hmm_dmirror_cmd cmd;
	char bad = 0;

	pipe_wait(gone); /* EOF: the mirrored process is gone */
	if (!q)
		_exit(2);
	memset(q, 0x5a, REALLOC_PAGES * PAGE);
	memset(buf, 'X', PAGE);
	bad |= dev(fd, HMM_DMIRROR_WRITE, old, buf, 1, &cmd) != -EINVAL;
	bad |= dev(fd, HMM_DMIRROR_WRITE, q, buf, 1, &cmd) != -EINVAL;
	for (long i = 0; i < REALLOC_PAGES * PAGE; i += 64)
		bad |= q[i] != 0x5a;
	write(result, &bad, 1);
	_exit(0);
}

static void mirrored(int result)
{
	int fd = open_mirror(), gone[2];
	char *p = map(N, PROT_READ | PROT_WRITE), buf[PAGE];

	if (fd < 0 || !p || pipe(gone))
		_exit(1);
	memset(p, 'e', N * PAGE);
	if (dev_read(fd, p, buf, 1))
		_exit(1);
	if (fork() == 0) {
		close(gone[1]);
		keeper(fd, p, gone[0], result);
	}
	_exit(0); /* mm released; the file lives on in the keeper */
}

static void exit_release(void)
{
	int result[2], status;
	char bad = 1;
	pid_t pid;

	ASSERT_EQ(pipe(result), 0);
	pid = fork();
	if (pid == 0)
		mirrored(result[1]);
	ASSERT_GT(pid, 0);
	close(result[1]);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(read(result[0], &bad, 1), 1);
	EXPECT_EQ(bad, 0);
}

/*
 * execve replaces the address space: the old one is released, and the
 * descriptor, still open in the new program, no longer reaches anything.
 * The new program is this one again, told to check that (main).
 */
static int after_exec(int fd)
{
	char *p = map(1, PROT_READ | PROT_WRITE), buf[PAGE];

	return p && dev_read(fd, p, buf, 1) == -EINVAL ? 0 : 1;
}

static void exec_release(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		int fd = open_mirror();
		char *p = map(1, PROT_READ | PROT_WRITE), buf[PAGE], arg[16];

		if (fd < 0 || !p || dev_read(fd, p, buf, 1))
			_exit(2);
		snprintf(arg, sizeof(arg), "%d", fd);
		execl("/tests/dmirror_test", "dmirror_test", "after-exec", arg,
		      (char *)NULL);
		_exit(3);
	}
	ASSERT_GT(pid, 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
}

/* No pinning, no leak: memory is the same before and after many uses. */
static unsigned long free_bytes(void)
{
	struct sysinfo si;

	return sysinfo(&si) ? 0 : si.freeram;
}

/*
 * The mm's list of listeners, made by the first open, stays until the mm
 * goes (as in Linux): so the figures are taken after a first open/close.
 */
static void no_leak(void)
{
	unsigned long before_open, warm;
	char *p = map(N, PROT_READ | PROT_WRITE),
	     *buf = map(N, PROT_READ | PROT_WRITE);
	int fd = open_mirror();

	ASSERT_GE(fd, 0);
	ASSERT_TRUE(p && buf);
	memset(p, 1, N * PAGE);
	memset(buf, 2, N * PAGE);
	close(fd);
	before_open = free_bytes();
	fd = open_mirror();
	ASSERT_GE(fd, 0);
	EXPECT_EQ(dev_read(fd, p, buf, N), 0);
	warm = free_bytes();
	for (int i = 0; i < 32; i++) {
		EXPECT_EQ(madvise(p, PAGE, MADV_DONTNEED), 0);
		EXPECT_EQ(dev_write(fd, p, buf, N), 0);
		EXPECT_EQ(dev_read(fd, p, buf, N), 0);
	}
	EXPECT_EQ(free_bytes(), warm);
	close(fd);
	EXPECT_EQ(free_bytes(), before_open);
}

/* hmm_dmirror0: the data really moves through QEMU's edu device. */
static void edu_engine(void)
{
	int fd = open("/dev/hmm_dmirror0", O_RDWR);
	char *p = map(2, PROT_READ | PROT_WRITE),
	     *buf = map(2, PROT_READ | PROT_WRITE);

	ASSERT_GE(fd, 0);
	ASSERT_TRUE(p && buf);
	for (int i = 0; i < 2 * PAGE; i++)
		p[i] = (char)(i * 7 + i / PAGE);
	EXPECT_EQ(dev_read(fd, p, buf, 2), 0);
	EXPECT_MEMEQ(buf, p, 2 * PAGE);
	memset(buf, 'E', PAGE);
	EXPECT_EQ(dev_write(fd, p + PAGE, buf, 1), 0);
	EXPECT_EQ(p[PAGE], 'E');
	EXPECT_EQ(p[2 * PAGE - 1], 'E');
	EXPECT_EQ(p[0], 0);
	close(fd);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(read_write),
	KTAP_CASE(snapshot_values),
	KTAP_CASE(cow_in_parent),
	KTAP_CASE(cow_in_child),
	KTAP_CASE(madvise_dontneed),
	KTAP_CASE(pageout_then_dma),
	KTAP_CASE(mprotect_read_only),
	KTAP_CASE(munmap_efault),
	KTAP_CASE(bad_input),
	KTAP_CASE(fork_shared_fd),
	KTAP_CASE(exit_release),
	KTAP_CASE(exec_release),
	KTAP_CASE(no_leak),
	KTAP_CASE(edu_engine),
};

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "after-exec"))
		return after_exec(atoi(argv[2]));
	return ktap_main("dmirror_test", cases, KTAP_NCASES(cases));
}
