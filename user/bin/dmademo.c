// SPDX-License-Identifier: MIT
/*
 * dmademo: watch the mirror device's page table follow the CPU's.  A
 * region of N pages is mirrored through /dev/hmm_dmirror1 (or the device
 * given: dmademo /dev/hmm_dmirror0 uses QEMU's edu DMA engine, slowly);
 * after each step the device's table is read back (HMM_DMIRROR_SNAPSHOT)
 * and its pages counted by state, with the device faults the step took.
 * Each VM operation that changes PTEs -- the CPU's copy-on-write, fork,
 * mprotect, MADV_DONTNEED, munmap -- empties the device's entries for
 * them through the MMU notifier; the next device access faults them in.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/test_hmm.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096
#define N 8

static int fd;
static char *region;
static char buf[N * PAGE];

static const struct {
	unsigned char prot;
	const char *name;
} states[] = {
	{ HMM_DMIRROR_PROT_NONE, "none" },
	{ HMM_DMIRROR_PROT_ZERO | HMM_DMIRROR_PROT_READ, "zero" },
	{ HMM_DMIRROR_PROT_READ, "read" },
	{ HMM_DMIRROR_PROT_WRITE, "write" },
	{ HMM_DMIRROR_PROT_ERROR, "error" },
};

#define NSTATES (sizeof(states) / sizeof(states[0]))

/* A device request over the whole region; its fault count, or -1. */
static long request(unsigned long what, void *ptr)
{
	struct hmm_dmirror_cmd cmd = { .addr = (unsigned long)region,
				       .ptr = (unsigned long)ptr,
				       .npages = N };

	if (ioctl(fd, what, &cmd)) {
		printf("  (request failed after %llu pages: %s)\n", cmd.cpages,
		       strerror(errno));
		return -1;
	}
	return cmd.faults;
}

/* One line: what happened, then the device's pages by state. */
static void show(const char *step, long faults)
{
	unsigned char snap[N];
	char map[N + 1];

	if (request(HMM_DMIRROR_SNAPSHOT, snap) < 0)
		return;
	printf("%-34s", step);
	for (size_t s = 0; s < NSTATES; s++) {
		int n = 0;

		for (int i = 0; i < N; i++)
			n += snap[i] == states[s].prot;
		printf(" %5d", n);
	}
	for (int i = 0; i < N; i++)
		map[i] = snap[i] == HMM_DMIRROR_PROT_NONE    ? '.'
			 : snap[i] == HMM_DMIRROR_PROT_ERROR ? 'x'
			 : snap[i] & HMM_DMIRROR_PROT_ZERO   ? '0'
			 : snap[i] & HMM_DMIRROR_PROT_WRITE  ? 'W'
							     : 'R';
	map[N] = '\0';
	printf("  %s", map);
	if (faults >= 0)
		printf("  %ld", faults);
	printf("\n");
}

int main(int argc, char **argv)
{
	const char *dev = argc > 1 ? argv[1] : "/dev/hmm_dmirror1";
	int status, hold[2];
	pid_t child;
	char c;

	fd = open(dev, O_RDWR);
	region = mmap(NULL, N * PAGE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (fd < 0 || region == MAP_FAILED) {
		printf("dmademo: cannot open %s or map memory\n", dev);
		return 1;
	}
	printf("%s mirrors %d pages at %p\n", dev, N, (void *)region);
	printf("%-34s", "step");
	for (size_t s = 0; s < NSTATES; s++)
		printf(" %5s", states[s].name);
	printf("  table     faults\n");
	show("mmap (nothing touched)", -1);
	show("device reads: zero page", request(HMM_DMIRROR_READ, buf));
	memset(region, 'c', N * PAGE / 2);
	show("CPU writes pages 0-3 (COW of zero)", -1);
	memset(buf, 'd', sizeof(buf));
	show("device writes all", request(HMM_DMIRROR_WRITE, buf));
	if (pipe(hold))
		return 1;
	child = fork(); /* shares the pages until it exits */
	if (child == 0) {
		close(hold[1]);
		read(hold[0], &c, 1);
		_exit(0);
	}
	close(hold[0]);
	show("fork: parent write-protected", -1);
	show("device reads", request(HMM_DMIRROR_READ, buf));
	region[0] = 'p';
	show("CPU writes page 0 (COW break)", -1);
	close(hold[1]);
	waitpid(child, &status, 0);
	show("device writes all", request(HMM_DMIRROR_WRITE, buf));
	mprotect(region + 2 * PAGE, 2 * PAGE, PROT_READ);
	show("mprotect pages 2-3 read-only", -1);
	show("device reads", request(HMM_DMIRROR_READ, buf));
	show("device writes: EPERM at page 2", request(HMM_DMIRROR_WRITE, buf));
	madvise(region + 4 * PAGE, 2 * PAGE, MADV_DONTNEED);
	show("MADV_DONTNEED pages 4-5", -1);
	munmap(region + 6 * PAGE, 2 * PAGE);
	show("munmap pages 6-7", -1);
	close(fd);
	return 0;
}
