// SPDX-License-Identifier: MIT
/*
 * Swap (mm/swapfile.c, mm/swap_state.c, mm/vmscan.c): swapon and swapoff
 * with their errors, a page's trip out (madvise MADV_PAGEOUT) and back (a
 * major fault), forked processes sharing swapped pages and then going
 * their own ways (copy-on-write), slots given back by munmap,
 * MADV_DONTNEED and exit, and the VMAs reclaim must leave alone (mlock,
 * seed 001's VM_RESERVED), and a thread's munmap racing another thread's
 * swap-in (mmap_lock's reason to exist).  The test boot's /dev/vda is a swap image made
 * by mkswap; each case turns swap on and off again itself.
 */
#include <fcntl.h>
#include <pagoda.h>
#include <pthread.h>
#include <stdint.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/swap.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"
#include "proc_field.h"

#define DISK "/dev/vda"
#define PAGES 128
#define PG 4096

static void swap_on(void)
{
	if (swapon(DISK, 0) && errno == ENOENT)
		ktap_skip("no " DISK " on this machine");
}

static long swap_used_kb(void)
{
	return proc_field("/proc/meminfo", "SwapTotal") -
	       proc_field("/proc/meminfo", "SwapFree");
}

static long majflt(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_majflt;
}

static char *filled(int pages, int seed)
{
	char *p = mmap(NULL, pages * PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	for (int i = 0; i < pages * PG; i += 64)
		p[i] = (char)(i / 64 * 7 + seed);
	return p;
}

/* Pages whose bytes are not what filled() wrote. */
static int wrong(const char *p, int pages, int seed)
{
	int bad = 0;

	for (int i = 0; i < pages * PG; i += 64)
		bad += p[i] != (char)(i / 64 * 7 + seed);
	return bad;
}

/* Pages of the VMA at p in swap, as pmap shows them ("swap N"). */
static long vma_swap(const void *p)
{
	struct mapinfo m;

	for (int i = 0; !mapinfo(0, i, &m); i++)
		if (m.start <= (unsigned long)p && (unsigned long)p < m.end)
			return m.swap;
	return -1;
}

static void swapon_errors(void)
{
	int fd;
	char c = 0;

	/* Before making a file that a skip from swap_on would leave behind. */
	if (access(DISK, F_OK))
		ktap_skip("no " DISK " on this machine");
	fd = open("/tmp/swapfile", O_CREAT | O_RDWR, 0600);
	ASSERT_GE(fd, 0);
	EXPECT_ERRNO(swapon("/", 0), EINVAL);		  /* a directory */
	EXPECT_ERRNO(swapon("/tmp/swapfile", 0), EINVAL); /* ramfs file */
	EXPECT_ERRNO(swapon("/dev/null", 0), EINVAL);	  /* a char device */
	EXPECT_ERRNO(swapon("/nonexistent", 0), ENOENT);
	EXPECT_ERRNO(swapon((const char *)8, 0), EFAULT);
	EXPECT_ERRNO(swapon(DISK, 0x10000), EINVAL); /* unknown flag */
	EXPECT_ERRNO(swapoff(DISK), EINVAL);	     /* not on */
	swap_on();
	EXPECT_ERRNO(swapon(DISK, 0), EBUSY);
	EXPECT_GT(proc_field("/proc/meminfo", "SwapTotal"), 0);
	EXPECT_ERRNO(pwrite(open(DISK, O_RDWR), &c, 1, 0), EBUSY);
	EXPECT_EQ(swapoff(DISK), 0);
	EXPECT_ERRNO(swapoff(DISK), EINVAL);
	EXPECT_ERRNO(swapoff("/"), EINVAL);
	EXPECT_EQ(proc_field("/proc/meminfo", "SwapTotal"), 0);
	close(fd);
	unlink("/tmp/swapfile");
}

/* The header at the end of page 0, corrupted in turn, then restored. */
static void bad_headers_refused(void)
{
	char page[PG], save[PG];
	int fd = open(DISK, O_RDWR);

	if (fd < 0 && errno == ENOENT)
		ktap_skip("no " DISK " on this machine");
	ASSERT_GE(fd, 0);
	ASSERT_EQ(pread(fd, save, PG, 0), PG);
	memcpy(page, save, PG);
	memcpy(page + PG - 10, "SWAP-SPACE", 10); /* the old format */
	EXPECT_EQ(pwrite(fd, page, PG, 0), PG);
	EXPECT_ERRNO(swapon(DISK, 0), EINVAL);
	memcpy(page, save, PG);
	memset(page + 1024 + 4, 0, 4); /* last_page 0: smaller than a page */
	EXPECT_EQ(pwrite(fd, page, PG, 0), PG);
	EXPECT_ERRNO(swapon(DISK, 0), EINVAL);
	memcpy(page, save, PG);
	memset(page + 1024 + 4, 0xff, 4); /* longer than the disk */
	EXPECT_EQ(pwrite(fd, page, PG, 0), PG);
	EXPECT_ERRNO(swapon(DISK, 0), EINVAL);
	EXPECT_EQ(pwrite(fd, save, PG, 0), PG);
	EXPECT_EQ(swapon(DISK, 0), 0);
	EXPECT_EQ(swapoff(DISK), 0);
	close(fd);
}

/* Out with MADV_PAGEOUT, back with major faults, every byte intact. */
static void page_out_and_back(void)
{
	long out0 = proc_field("/proc/vmstat", "pswpout");
	long maj0 = majflt(),
	     vm_maj0 = proc_field("/proc/vmstat", "pgmajfault");
	char *p;

	swap_on();
	p = filled(PAGES, 1);
	ASSERT_TRUE(p != NULL);
	EXPECT_EQ(madvise(p, PAGES * PG, MADV_PAGEOUT), 0);
	EXPECT_GE(proc_field("/proc/vmstat", "pswpout") - out0, PAGES);
	EXPECT_GE(swap_used_kb(), PAGES * 4);
	EXPECT_EQ(wrong(p, PAGES, 1), 0);
	EXPECT_GE(majflt() - maj0, PAGES);
	EXPECT_GE(proc_field("/proc/vmstat", "pgmajfault") - vm_maj0, PAGES);
	/* Back in and this process's own: the slots are free again. */
	EXPECT_EQ(swap_used_kb(), 0);
	EXPECT_EQ(munmap(p, PAGES * PG), 0);
	EXPECT_EQ(swapoff(DISK), 0);
}

/*
 * Swapped-out pages shared by a fork: each side reads them back (the
 * second finds the first's read in the swap cache), and a write copies,
 * so neither sees the other's writes.
 */
static void fork_shares_then_diverges(void)
{
	char *p;
	pid_t pid;
	int status;

	swap_on();
	p = filled(PAGES, 2);
	ASSERT_TRUE(p != NULL);
	EXPECT_EQ(madvise(p, PAGES * PG, MADV_PAGEOUT), 0);
	pid = fork();
	if (pid == 0) {
		int bad = wrong(p, PAGES, 2);

		for (int i = 0; i < PAGES * PG / 2; i += 64)
			p[i] = 'c';
		madvise(p, PAGES * PG, MADV_PAGEOUT);
		for (int i = 0; i < PAGES * PG / 2; i += 64)
			bad += p[i] != 'c';
		_exit(bad != 0);
	}
	ASSERT_GT(pid, 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(wrong(p, PAGES, 2), 0);
	EXPECT_EQ(munmap(p, PAGES * PG), 0);
	EXPECT_EQ(swap_used_kb(), 0);
	EXPECT_EQ(swapoff(DISK), 0);
}

#define RACING_AT ((void *)0x50000000UL) /* 2 MiB aligned, and unused */

static char *racing;
static int reader_started;

/* Touch every page: each a major fault, asleep on the disk. */
static void *read_back(void *arg)
{
	long sum = 0;

	__atomic_store_n(&reader_started, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < PAGES * PG; i += PG)
		sum += ((volatile char *)racing)[i];
	return (void *)sum;
}

static void run_munmap_during_swap_in(void)
{
	pthread_t th;

	/* Alone in its page table, which munmap then frees. */
	racing = mmap(RACING_AT, PAGES * PG, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (racing == MAP_FAILED)
		_exit(2);
	memset(racing, 4, PAGES * PG);
	if (madvise(racing, PAGES * PG, MADV_PAGEOUT) ||
	    pthread_create(&th, NULL, read_back, NULL))
		_exit(2);
	while (!__atomic_load_n(&reader_started, __ATOMIC_ACQUIRE))
		sched_yield();
	if (munmap(racing, PAGES * PG))
		_exit(3);
	pthread_join(th, NULL);
}

/*
 * One thread faults swapped pages back in while another unmaps them.
 * The fault sleeps on the disk holding a pointer into the page table:
 * munmap must wait for it (mmap_lock), not free the table under it.  The
 * reader then finishes first (exit 0) or touches the hole (SIGSEGV ends
 * the process); either way nothing leaks: no slot stays used (and init
 * checks the free pages after the test).
 */
static void munmap_during_swap_in(void)
{
	int status;

	swap_on();
	status = ktap_child_status(run_munmap_during_swap_in);
	EXPECT_TRUE(status == 0 ||
		    (WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV));
	EXPECT_EQ(swap_used_kb(), 0);
	EXPECT_EQ(swapoff(DISK), 0);
}

/* munmap, MADV_DONTNEED and exit each give the slots back. */
static void slots_freed(void)
{
	char *p;
	pid_t pid;

	swap_on();
	p = filled(PAGES, 3);
	ASSERT_TRUE(p != NULL);
	EXPECT_EQ(madvise(p, PAGES * PG, MADV_PAGEOUT), 0);
	EXPECT_GE(swap_used_kb(), PAGES * 4);
	EXPECT_EQ(madvise(p, PAGES * PG / 2, MADV_DONTNEED), 0);
	EXPECT_LT(swap_used_kb(), PAGES * 4);
	EXPECT_EQ(p[0], 0); /* dropped: zeroes now */
	EXPECT_EQ(munmap(p, PAGES * PG), 0);
	EXPECT_EQ(swap_used_kb(), 0);
	pid = fork();
	if (pid == 0) {
		char *q = filled(PAGES, 4);

		madvise(q, PAGES * PG, MADV_PAGEOUT);
		_exit(swap_used_kb() < PAGES * 4);
	}
	ASSERT_GT(pid, 0);
	EXPECT_EQ(waitpid(pid, NULL, 0), pid);
	EXPECT_EQ(swap_used_kb(), 0);
	EXPECT_EQ(swapoff(DISK), 0);
}

/* swapoff brings every page back, to every process. */
static void swapoff_brings_pages_back(void)
{
	char *p;

	swap_on();
	p = filled(PAGES, 5);
	ASSERT_TRUE(p != NULL);
	EXPECT_EQ(madvise(p, PAGES * PG, MADV_PAGEOUT), 0);
	EXPECT_GE(swap_used_kb(), PAGES * 4);
	EXPECT_EQ(swapoff(DISK), 0);
	EXPECT_EQ(wrong(p, PAGES, 5), 0);
	EXPECT_EQ(munmap(p, PAGES * PG), 0);
}

/* Locked memory is never paged out: MADV_PAGEOUT refuses it (as Linux). */
static void mlocked_pages_stay(void)
{
	long out0;
	char *p;

	swap_on();
	p = filled(PAGES, 6);
	ASSERT_TRUE(p != NULL);
	EXPECT_EQ(mlock(p, PAGES * PG / 2), 0);
	out0 = proc_field("/proc/vmstat", "pswpout");
	EXPECT_ERRNO(madvise(p, PAGES * PG, MADV_PAGEOUT), EINVAL);
	EXPECT_EQ(madvise(p + PAGES * PG / 2, PAGES * PG / 2, MADV_PAGEOUT), 0);
	EXPECT_EQ(proc_field("/proc/vmstat", "pswpout") - out0, PAGES / 2);
	/* Per VMA, as pmap counts them: none of the locked half. */
	EXPECT_EQ(vma_swap(p), 0);
	EXPECT_EQ(vma_swap(p + PAGES * PG / 2), PAGES / 2);
	EXPECT_EQ(munlock(p, PAGES * PG / 2), 0);
	EXPECT_EQ(madvise(p, PAGES * PG, MADV_PAGEOUT), 0);
	EXPECT_EQ(proc_field("/proc/vmstat", "pswpout") - out0, PAGES);
	/* mlock brings swapped pages back in. */
	EXPECT_EQ(mlock(p, PAGES * PG), 0);
	EXPECT_EQ(swap_used_kb(), 0);
	EXPECT_EQ(wrong(p, PAGES, 6), 0);
	EXPECT_ERRNO(mlock(p + PAGES * PG, PG), ENOMEM);
	EXPECT_ERRNO(mlockall(0), EINVAL);
	EXPECT_ERRNO(mlockall(8), EINVAL);
	EXPECT_EQ(munmap(p, PAGES * PG), 0);
	EXPECT_EQ(swapoff(DISK), 0);
}

/*
 * Seed 001: a driver's VM_RESERVED mapping (/dev/kmsg's log) is skipped
 * by the scan whole: nothing of it goes to swap.
 */
static void reserved_mapping_skipped(void)
{
	int fd = open("/dev/kmsg", O_RDONLY);
	long out0;
	char *p;

	swap_on();
	ASSERT_GE(fd, 0);
	p = mmap(NULL, PG, PROT_READ, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_NE(p[0], 1); /* fault it in */
	out0 = proc_field("/proc/vmstat", "pswpout");
	EXPECT_EQ(madvise(p, PG, MADV_PAGEOUT), 0);
	EXPECT_EQ(proc_field("/proc/vmstat", "pswpout"), out0);
	EXPECT_EQ(swap_used_kb(), 0);
	EXPECT_EQ(munmap(p, PG), 0);
	close(fd);
	EXPECT_EQ(swapoff(DISK), 0);
}

/* pagemap after MADV_PAGEOUT: a swap entry (bit 62), not present (63). */
static void pagemap_shows_swap(void)
{
	int fd = open("/proc/self/pagemap", O_RDONLY);
	uint64_t e = 0;
	char *p;

	ASSERT_GE(fd, 0);
	swap_on();
	p = filled(4, 3);
	ASSERT_TRUE(p != NULL);
	EXPECT_EQ(madvise(p, 4 * PG, MADV_PAGEOUT), 0);
	EXPECT_EQ(pread(fd, &e, 8, (uintptr_t)p / PG * 8), 8);
	EXPECT_EQ(e >> 62, 1); /* swapped, not present */
	EXPECT_EQ(wrong(p, 4, 3), 0);
	EXPECT_EQ(pread(fd, &e, 8, (uintptr_t)p / PG * 8), 8);
	EXPECT_EQ(e >> 62, 2); /* present again */
	close(fd);
	EXPECT_EQ(munmap(p, 4 * PG), 0);
	EXPECT_EQ(swapoff(DISK), 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(swapon_errors),
	KTAP_CASE(bad_headers_refused),
	KTAP_CASE(page_out_and_back),
	KTAP_CASE(pagemap_shows_swap),
	KTAP_CASE(fork_shares_then_diverges),
	KTAP_CASE(slots_freed),
	KTAP_CASE(munmap_during_swap_in),
	KTAP_CASE(swapoff_brings_pages_back),
	KTAP_CASE(mlocked_pages_stay),
	KTAP_CASE(reserved_mapping_skipped),
};

int main(void)
{
	return ktap_main("swap_test", cases, KTAP_NCASES(cases));
}
