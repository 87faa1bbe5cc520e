// SPDX-License-Identifier: MIT
/*
 * vmbench: what the VM subsystem's common operations cost, one
 * "metric value unit" line each.  Portable POSIX C: the same file builds
 * for Pagoda (user/) and for Linux, so the two kernels can be compared in
 * the same QEMU configuration.
 *
 *   anon_fault      ticks per first-touch write fault on anonymous memory
 *   zero_fault      ticks per first-touch read fault on anonymous memory
 *   cow_fault       ticks per page a child writes after fork(), the parent
 *                   having populated the pages first
 *   fork_<M>m       ticks for fork() of a process with M MiB populated,
 *                   until the first of parent and child returns from it
 *   fork_exit_wait_<M>m   ticks for fork(), the child's _exit(0) and the
 *                   parent's waitpid()
 *   munmap_page     ticks per page to munmap() a populated region
 *   mprotect_page   ticks per page to mprotect() a populated region
 *   munmap_untouched_<M>m, mprotect_untouched_<M>m   ticks for munmap() or
 *                   mprotect() of an M MiB mapping no page of which was
 *                   ever touched (no page tables under it)
 *   signal_roundtrip   ticks per kill() of the program itself with SIGUSR1:
 *                   the system call, the frame on the stack, an empty
 *                   handler, the restorer and sigreturn
 *   segv_mprotect   ticks per page for a write to a read-only page whose
 *                   SIGSEGV handler makes the page writable (mprotect) and
 *                   returns to retry: a write barrier's cost
 *   thread_create_join   ticks per pthread_create of a thread that
 *                   returns at once and pthread_join of it: clone, the
 *                   thread's stack mapped and unmapped, its exit and the
 *                   futex wake-up of the joiner
 *   munmap_range16, munmap_range16_2threads   ticks per munmap() of a
 *                   populated 16-page range, alone and while a second
 *                   thread spins (on another CPU where there is one):
 *                   the difference is a TLB shootdown's cost
 *   find_vma_10, find_vma_<V>   ticks per write fault while the program
 *                   has 10 (or V) one-page mappings of its own, with
 *                   alternating protections so that none can merge; each
 *                   fault is in a different mapping
 *   mmap_many_20000 ticks per mmap() of one page, without a hint, while
 *                   the program builds up 20000 such mappings (rights
 *                   alternating: no merging): the cost of finding a free
 *                   range and a place among thousands of VMAs
 *
 *   file_read_<B>   ticks per page to read a cached file of -n pages
 *                   through a MAP_PRIVATE mapping, one byte a page, with
 *                   fault_around_bytes set to B (4096: fault-around off,
 *                   16384, 65536); file_faults_<B>: the faults that took
 *   exec_true_<B>   ticks for fork, exec of "/bin/sh -c true", exit and
 *                   waitpid, with the same window; exec_faults_<B>: the
 *                   child's faults (where /bin/sh exists)
 *   The window is set through /proc/sys/vm/fault_around_bytes (Pagoda) or
 *   Linux's debugfs file (mounted if need be), and put back afterwards.
 *
 * Device memory, where the devices exist (Pagoda's /dev/fb0 and /xip;
 * "devmem"):
 *   pfn_fault       ticks per read fault on a raw-frame mapping: a file of
 *                   /xip mapped privately, each fault a vm_insert_mixed of
 *                   a frame without struct page
 *   pfn_cow_fault   ticks per first write to a private mapping of
 *                   /dev/fb0: a copy of the device frame into a new page
 *   fb_remap_page   ticks per page for mmap and munmap of the whole
 *                   framebuffer (remap_pfn_range fills every PTE at mmap)
 *   exec_bin, exec_xip   ticks for fork, exec of /bin/true or
 *                   /xip/bin/true (in place), exit and waitpid
 *   exec_ram_pages_bin, exec_ram_pages_xip   the RAM pages (counted pages)
 *                   pmap finds mapped in its own address space when run
 *                   from /bin and from /xip: text from /xip takes none
 *
 * Where the mirror device exists (Pagoda's /dev/hmm_dmirror1, Linux's
 * test_hmm interface, software DMA engine), "mirror" adds:
 *   anon_fault_notifier, cow_fault_notifier   anon_fault and cow_fault
 *                   with the device following the faulting process (an
 *                   MMU notifier registered on its mm)
 *   dev_read_1m_cold, dev_read_1m_warm   ticks for HMM_DMIRROR_READ of
 *                   1 MiB the CPU has populated, the device's table empty
 *                   (device faults, then DMA) or already filled (DMA only)
 *   dev_fault       (cold - warm) per page: one device fault
 *   munmap_page_mirrored   munmap_page with every page in the device's
 *                   table: the invalidation's share on top of munmap_page
 *
 * Named only ("swap"), where a swap area of at least 1.25 times RAM is on
 * (make bench-swap, make bench-linux-swap):
 *   swap_out_page   CPU time per page of MADV_PAGEOUT on a populated range
 *   swap_in_page    CPU time per page to read the range back from swap
 *                   (CPU time: the process's own, in ns, without the time
 *                   it sleeps while the disk works; one guest instruction
 *                   a ns under "-icount shift=0")
 *   swap_in_from_disk   pages the last such read brought from the disk
 *   swap_2x_ram     ticks to write twice the RAM and check every page
 *                   back, the disk's time included
 *   swap_scan_per_steal_x100   reclaim's pages scanned per page freed
 *                   meanwhile, times 100
 *
 * A tick is a time-stamp counter tick on x86 (rdtsc): a cycle on real
 * hardware or under KVM, one guest instruction under QEMU's
 * "-icount shift=0" (where each iteration of a rep-prefixed string
 * instruction counts as one).  On s390x it is a nanosecond of the TOD
 * clock (stckf), which under "-icount shift=0" is one guest instruction
 * too, and on 32-bit ARM a nanosecond of the generic timer's count
 * (cntvct), likewise.  Elsewhere it is a nanosecond of CLOCK_MONOTONIC and
 * the unit reads "ns".  Each figure is the median of several runs, each on
 * fresh memory; values are integers (Pagoda's printf has no %f).
 *
 * With -b, boot_to_main comes first: the tick counter when main() starts,
 * which under QEMU counts from power-on, BIOS and boot loader included.
 * (On a machine that booted long ago it only says how long ago.)
 *
 * Memory: at most about 2 * fork MiB (a fork of a kernel without
 * copy-on-write copies everything), or 2 * pages pages for cow_fault.
 * The defaults fit in 256 MiB; -m, -n and -v make the run smaller.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS and madvise() with glibc */

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#if __has_include(<sys/mount.h>)
#include <sys/mount.h> /* Linux: debugfs holds fault_around_bytes */
#endif
#if __has_include(<linux/test_hmm.h>)
#include <fcntl.h>
#include <linux/test_hmm.h>
#include <sys/ioctl.h>
#define HAVE_MIRROR 1
#endif

#define MAX_RUNS 99

static struct {
	long pages;    /* for the fault, munmap and mprotect benchmarks */
	long fork_mib; /* MiB populated before fork_<M>m; size of *_untouched */
	long vmas;     /* mappings for find_vma_<V> */
	int runs;      /* the median of this many runs is reported */
	int boot;      /* -b: print boot_to_main first */
} cfg = { 4096, 64, 10000, 5, 0 };

static size_t page_size;
static volatile unsigned int sink; /* keeps read loops from vanishing */

#if defined(__x86_64__) || defined(__i386__)
#define TICK_UNIT "ticks"
#define CLOCK_NAME "rdtsc"
static inline uint64_t now(void)
{
	uint32_t lo, hi;

	/* lfence: do not start the clock before earlier work is done. */
	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}
#elif defined(__s390x__)
#define TICK_UNIT "ns"
#define CLOCK_NAME "stckf"
/* The TOD clock, 4096 units a microsecond, in nanoseconds. */
static inline uint64_t now(void)
{
	uint64_t tod;

	__asm__ volatile("stckf %0" : "=Q"(tod) : : "cc", "memory");
	return tod / 4096 * 1000 + tod % 4096 * 1000 / 4096;
}
#elif defined(__arm__)
#define TICK_UNIT "ns"
#define CLOCK_NAME "cntvct"
/*
 * The generic timer's virtual count, which the kernel lets user code read
 * (CNTKCTL.PL0VCTEN), CNTFRQ counts a second, in nanoseconds: under
 * "-icount shift=0" one guest instruction, counted in steps of 16 (QEMU's
 * timer runs at 62.5 MHz).
 */
static inline uint64_t now(void)
{
	uint32_t lo, hi, freq;
	uint64_t count;

	__asm__ volatile("isb; mrrc p15, 1, %0, %1, c14"
			 : "=r"(lo), "=r"(hi)
			 :
			 : "memory");
	__asm__ volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(freq));
	count = (uint64_t)hi << 32 | lo;
	return count / freq * 1000000000u + count % freq * 1000000000u / freq;
}
#else
#define TICK_UNIT "ns"
#define CLOCK_NAME "CLOCK_MONOTONIC"
static inline uint64_t now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
#endif

static void __attribute__((noreturn)) die(const char *what)
{
	fprintf(stderr, "vmbench: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* ---- helpers ------------------------------------------------------------ */

static void report(const char *metric, uint64_t value, const char *per)
{
	printf("%s %" PRIu64 " %s%s\n", metric, value, TICK_UNIT, per);
	fflush(stdout);
}

/* total / n, rounded to the nearest integer */
static uint64_t per(uint64_t total, uint64_t n)
{
	return (total + n / 2) / n;
}

static uint64_t median(uint64_t *v, int n)
{
	for (int i = 1; i < n; i++) {
		uint64_t x = v[i];
		int j = i;

		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2] + 1) / 2;
}

static char *map_anon(size_t len, int prot)
{
	char *p = mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		die("mmap");
#ifdef MADV_NOHUGEPAGE
	/* One fault per 4 KiB page, not per 2 MiB, where Linux has THP. */
	(void)madvise(p, len, MADV_NOHUGEPAGE);
#endif
	return p;
}

static void unmap(void *p, size_t len)
{
	if (munmap(p, len) < 0)
		die("munmap");
}

static void write_pages(char *p, size_t pages)
{
	volatile char *v = p;

	for (size_t i = 0; i < pages; i++)
		v[i * page_size] = 1;
}

static void read_pages(char *p, size_t pages)
{
	const volatile char *v = p;
	unsigned int sum = 0;

	for (size_t i = 0; i < pages; i++)
		sum += v[i * page_size];
	sink = sum;
}

/* Fork; die on failure.  stdout is flushed first so no child repeats it. */
static pid_t fork_or_die(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork");
	return pid;
}

/* Wait for pid, which must exit with status 0. */
static void reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		die("waitpid");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "vmbench: child failed (status %#x)\n", status);
		exit(1);
	}
}

/* In a child: send one value to the parent and exit. */
static void __attribute__((noreturn)) send_and_exit(int fd, uint64_t value)
{
	_exit(write(fd, &value, sizeof(value)) == sizeof(value) ? 0 : 1);
}

static uint64_t receive(int fd)
{
	uint64_t value;

	if (read(fd, &value, sizeof(value)) != sizeof(value))
		die("read from child");
	return value;
}

/* ---- one run of each benchmark: the ticks it took ----------------------- */

/* Time touching every page of a fresh anonymous mapping, by touch(). */
static uint64_t time_first_touch(void (*touch)(char *, size_t))
{
	size_t len = cfg.pages * page_size;
	char *p = map_anon(len, PROT_READ | PROT_WRITE);
	uint64_t t0 = now();

	touch(p, cfg.pages);
	t0 = now() - t0;
	unmap(p, len);
	return t0;
}

static uint64_t run_anon_fault(void)
{
	return time_first_touch(write_pages);
}

static uint64_t run_zero_fault(void)
{
	return time_first_touch(read_pages);
}

/* What a cow_fault child does before its timed writes (NULL: nothing). */
static void (*cow_child_setup)(void);

static uint64_t run_cow_fault(void)
{
	size_t len = cfg.pages * page_size;
	char *p = map_anon(len, PROT_READ | PROT_WRITE);
	uint64_t ticks;
	int fds[2];
	pid_t pid;

	write_pages(p, cfg.pages);
	if (pipe(fds) < 0)
		die("pipe");
	pid = fork_or_die();
	if (pid == 0) {
		uint64_t t0;

		if (cow_child_setup)
			cow_child_setup();
		t0 = now();

		write_pages(p, cfg.pages);
		send_and_exit(fds[1], now() - t0);
	}
	ticks = receive(fds[0]);
	reap(pid);
	close(fds[0]);
	close(fds[1]);
	unmap(p, len);
	return ticks;
}

/* From just before fork() until the first of parent and child is back. */
static uint64_t run_fork(void)
{
	uint64_t t0, back, child;
	int fds[2];
	pid_t pid;

	if (pipe(fds) < 0)
		die("pipe");
	fflush(stdout);
	t0 = now();
	pid = fork();
	back = now(); /* in the parent and, separately, in the child */
	if (pid < 0)
		die("fork");
	if (pid == 0)
		send_and_exit(fds[1], back);
	child = receive(fds[0]);
	reap(pid);
	close(fds[0]);
	close(fds[1]);
	return (child < back ? child : back) - t0;
}

static const char *exec_path; /* run_exec's program; NULL: none */

/* fork, the child's exec of exec_path (or plain _exit), waitpid. */
static uint64_t run_exec(void)
{
	uint64_t t0;
	pid_t pid;

	fflush(stdout);
	t0 = now();
	pid = fork_or_die();
	if (pid == 0) {
		if (exec_path)
			execl(exec_path, exec_path, (char *)NULL);
		_exit(exec_path ? 127 : 0);
	}
	reap(pid);
	return now() - t0;
}

static uint64_t run_fork_exit_wait(void)
{
	exec_path = NULL;
	return run_exec();
}

/* munmap, or mprotect then munmap, of len bytes; touch: populate first. */
static uint64_t time_unmap(size_t len, int touch)
{
	char *p = map_anon(len, PROT_READ | PROT_WRITE);
	uint64_t t0;

	if (touch)
		write_pages(p, len / page_size);
	t0 = now();
	unmap(p, len);
	return now() - t0;
}

static uint64_t time_mprotect(size_t len, int touch)
{
	char *p = map_anon(len, PROT_READ | PROT_WRITE);
	uint64_t t0;

	if (touch)
		write_pages(p, len / page_size);
	t0 = now();
	if (mprotect(p, len, PROT_READ) < 0)
		die("mprotect");
	t0 = now() - t0;
	unmap(p, len);
	return t0;
}

static uint64_t run_munmap(void)
{
	return time_unmap(cfg.pages * page_size, 1);
}

static uint64_t run_mprotect(void)
{
	return time_mprotect(cfg.pages * page_size, 1);
}

static uint64_t run_munmap_untouched(void)
{
	return time_unmap((size_t)cfg.fork_mib << 20, 0);
}

static uint64_t run_mprotect_untouched(void)
{
	return time_mprotect((size_t)cfg.fork_mib << 20, 0);
}

/* ---- fault-around ------------------------------------------------------- */

static const char *const window_knobs[] = {
	"/proc/sys/vm/fault_around_bytes",	/* Pagoda */
	"/sys/kernel/debug/fault_around_bytes", /* Linux, in debugfs */
};

/* The fault_around_bytes file that can be written here, or NULL. */
static const char *window_knob(void)
{
#ifdef MS_RDONLY
	mkdir("/sys", 0755);
	mkdir("/sys/kernel", 0755);
	mkdir("/sys/kernel/debug", 0755);
	(void)mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL);
#endif
	for (size_t i = 0; i < sizeof(window_knobs) / sizeof(*window_knobs);
	     i++)
		if (access(window_knobs[i], W_OK) == 0)
			return window_knobs[i];
	return NULL;
}

static long read_knob(const char *knob)
{
	char buf[32] = "";
	int fd = open(knob, O_RDONLY);

	if (fd < 0 || read(fd, buf, sizeof(buf) - 1) <= 0)
		die(knob);
	close(fd);
	return strtol(buf, NULL, 10);
}

static void write_knob(const char *knob, long bytes)
{
	char buf[32];
	int fd = open(knob, O_WRONLY), n;

	n = snprintf(buf, sizeof(buf), "%ld\n", bytes);
	if (fd < 0 || write(fd, buf, n) != n)
		die(knob);
	close(fd);
}

static long minor_faults(int who)
{
	struct rusage ru;

	if (getrusage(who, &ru) < 0)
		die("getrusage");
	return ru.ru_minflt;
}

static int file_fd;	     /* a cached file of cfg.pages pages */
static uint64_t last_faults; /* of the last run_file_read or run_exec_true */

static void make_cached_file(void)
{
	static char page[65536];

	mkdir("/tmp", 01777);
	file_fd = open("/tmp/vmbench.data", O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (file_fd < 0)
		die("/tmp/vmbench.data");
	unlink("/tmp/vmbench.data");
	memset(page, 'f', page_size);
	for (long i = 0; i < cfg.pages; i++)
		if (write(file_fd, page, page_size) != (ssize_t)page_size)
			die("write /tmp/vmbench.data");
}

static uint64_t run_file_read(void)
{
	size_t len = cfg.pages * page_size;
	char *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, file_fd, 0);
	long faults;
	uint64_t t0;

	if (p == MAP_FAILED)
		die("mmap (file)");
	faults = minor_faults(RUSAGE_SELF);
	t0 = now();
	read_pages(p, cfg.pages);
	t0 = now() - t0;
	last_faults = minor_faults(RUSAGE_SELF) - faults;
	unmap(p, len);
	return t0;
}

static uint64_t run_exec_true(void)
{
	long faults = minor_faults(RUSAGE_CHILDREN);
	uint64_t t0;
	pid_t pid;

	fflush(stdout);
	t0 = now();
	pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "true", (char *)NULL);
		_exit(127);
	}
	if (pid < 0)
		die("fork");
	reap(pid);
	t0 = now() - t0;
	last_faults = minor_faults(RUSAGE_CHILDREN) - faults;
	return t0;
}

static void report_count(const char *metric, long bytes, uint64_t n,
			 const char *unit)
{
	printf("%s_%ld %" PRIu64 " %s\n", metric, bytes, n, unit);
	fflush(stdout);
}

static char **vma_pages; /* cfg.vmas one-page mappings */

/*
 * Map n single pages into vma_pages[], read-write and read-only in turn so
 * that neighbours cannot merge.
 */
static void map_single_pages(long n)
{
	for (long i = 0; i < n; i++) {
		int prot = i % 2 ? PROT_READ : PROT_READ | PROT_WRITE;

		vma_pages[i] = mmap(NULL, page_size, prot,
				    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (vma_pages[i] == MAP_FAILED)
			die("mmap (one page)");
	}
}

static void unmap_single_pages(long n)
{
	for (long i = 0; i < n; i++)
		unmap(vma_pages[i], page_size);
}

/*
 * n single pages mapped, time one write fault in each read-write one.
 * Adds the ticks to *ticks and the faults to *faults.
 */
static void vma_round(long n, uint64_t *ticks, uint64_t *faults)
{
	uint64_t t0;

	map_single_pages(n);
	t0 = now();
	for (long i = 0; i < n; i += 2)
		*(volatile char *)vma_pages[i] = 1;
	*ticks += now() - t0;
	*faults += (n + 1) / 2;
	unmap_single_pages(n);
}

/*
 * Ticks for cfg.vmas / 2 faults with n mappings present: one round with n
 * = cfg.vmas, or as many rounds of n = 10 as give the same number of
 * faults.  The count of faults done comes back through *faults.
 */
static uint64_t run_find_vma(long n, uint64_t *faults)
{
	long rounds = cfg.vmas / n > 0 ? cfg.vmas / n : 1;
	uint64_t ticks = 0;

	*faults = 0;
	for (long r = 0; r < rounds; r++)
		vma_round(n, &ticks, faults);
	return ticks;
}

/* ---- the benchmarks ----------------------------------------------------- */

/* The median of cfg.runs runs of fn, in ticks. */
static uint64_t measure(uint64_t (*fn)(void))
{
	uint64_t v[MAX_RUNS];

	for (int i = 0; i < cfg.runs; i++)
		v[i] = fn();
	return median(v, cfg.runs);
}

static void bench_anon_fault(void)
{
	report("anon_fault", per(measure(run_anon_fault), cfg.pages), "/page");
}

static void bench_zero_fault(void)
{
	report("zero_fault", per(measure(run_zero_fault), cfg.pages), "/page");
}

static void bench_cow_fault(void)
{
	report("cow_fault", per(measure(run_cow_fault), cfg.pages), "/page");
}

static void bench_fork(void)
{
	size_t len = (size_t)cfg.fork_mib << 20;
	char *region = map_anon(len, PROT_READ | PROT_WRITE);
	char name[48];

	write_pages(region, len / page_size);
	snprintf(name, sizeof(name), "fork_%ldm", cfg.fork_mib);
	report(name, measure(run_fork), "");
	snprintf(name, sizeof(name), "fork_exit_wait_%ldm", cfg.fork_mib);
	report(name, measure(run_fork_exit_wait), "");
	unmap(region, len);
}

static void bench_munmap(void)
{
	report("munmap_page", per(measure(run_munmap), cfg.pages), "/page");
}

static void bench_mprotect(void)
{
	report("mprotect_page", per(measure(run_mprotect), cfg.pages), "/page");
}

static void bench_untouched(void)
{
	char name[48];

	snprintf(name, sizeof(name), "munmap_untouched_%ldm", cfg.fork_mib);
	report(name, measure(run_munmap_untouched), "");
	snprintf(name, sizeof(name), "mprotect_untouched_%ldm", cfg.fork_mib);
	report(name, measure(run_mprotect_untouched), "");
}

/* ---- signals ----------------------------------------------------------- */

static void empty_handler(int sig)
{
	(void)sig;
}

/* The write barrier: let the faulting page be written, then retry. */
static void unprotect_handler(int sig, siginfo_t *si, void *uc)
{
	uintptr_t page = (uintptr_t)si->si_addr & ~(uintptr_t)(page_size - 1);

	(void)sig, (void)uc;
	if (mprotect((void *)page, page_size, PROT_READ | PROT_WRITE) < 0)
		_exit(3);
}

static uint64_t run_signal(void)
{
	pid_t self = getpid();
	uint64_t t0 = now();

	for (long i = 0; i < cfg.pages; i++)
		kill(self, SIGUSR1);
	return now() - t0;
}

/* Populated pages made read-only: each first write runs the handler. */
static uint64_t run_segv_mprotect(void)
{
	size_t len = cfg.pages * page_size;
	char *p = map_anon(len, PROT_READ | PROT_WRITE);
	uint64_t t0;

	write_pages(p, cfg.pages);
	if (mprotect(p, len, PROT_READ) < 0)
		die("mprotect");
	t0 = now();
	write_pages(p, cfg.pages);
	t0 = now() - t0;
	unmap(p, len);
	return t0;
}

static void bench_signal(void)
{
	struct sigaction usr = { 0 }, segv = { 0 };

	usr.sa_handler = empty_handler;
	segv.sa_sigaction = unprotect_handler;
	segv.sa_flags = SA_SIGINFO;
	if (sigaction(SIGUSR1, &usr, NULL) < 0 ||
	    sigaction(SIGSEGV, &segv, NULL) < 0)
		die("sigaction");
	report("signal_roundtrip", per(measure(run_signal), cfg.pages),
	       "/signal");
	report("segv_mprotect", per(measure(run_segv_mprotect), cfg.pages),
	       "/page");
	signal(SIGUSR1, SIG_DFL);
	signal(SIGSEGV, SIG_DFL);
}

/* ---- threads ----------------------------------------------------------- */

#define THREAD_ROUNDS 64

static void *return_at_once(void *arg)
{
	return arg;
}

static uint64_t run_thread_create_join(void)
{
	uint64_t t0 = now();

	for (int i = 0; i < THREAD_ROUNDS; i++) {
		pthread_t t;

		if (pthread_create(&t, NULL, return_at_once, NULL) ||
		    pthread_join(t, NULL))
			die("pthread_create");
	}
	return now() - t0;
}

/*
 * munmap of a small populated range, again and again: with a second thread
 * of the process running on another CPU, whose TLB may hold the range's
 * translations, each munmap must shoot that TLB down by IPI and wait for
 * the answer (one shootdown a range: the mmu_gather batches).  The
 * difference between the two figures is the shootdown's cost.
 */
#define RANGE_PAGES 16
#define RANGE_ROUNDS 32

static volatile int spin_stop;

static void *spin_until_stopped(void *arg)
{
	while (!spin_stop)
		;
	return arg;
}

static uint64_t run_munmap_ranges(void)
{
	uint64_t sum = 0;

	for (int i = 0; i < RANGE_ROUNDS; i++)
		sum += time_unmap(RANGE_PAGES * page_size, 1);
	return sum;
}

static void bench_threads(void)
{
	pthread_t spinner;

	report("thread_create_join",
	       per(measure(run_thread_create_join), THREAD_ROUNDS), "/thread");
	report("munmap_range16", per(measure(run_munmap_ranges), RANGE_ROUNDS),
	       "/range");
	spin_stop = 0;
	if (pthread_create(&spinner, NULL, spin_until_stopped, NULL))
		die("pthread_create");
	report("munmap_range16_2threads",
	       per(measure(run_munmap_ranges), RANGE_ROUNDS), "/range");
	spin_stop = 1;
	if (pthread_join(spinner, NULL))
		die("pthread_join");
}

static void bench_find_vma(void)
{
	long sizes[2] = { 10, cfg.vmas };
	uint64_t v[MAX_RUNS], faults = 1;
	char name[48];

	vma_pages = malloc(cfg.vmas * sizeof(*vma_pages));
	if (!vma_pages)
		die("malloc");
	for (int s = 0; s < (cfg.vmas > 10 ? 2 : 1); s++) {
		for (int i = 0; i < cfg.runs; i++)
			v[i] = run_find_vma(sizes[s], &faults);
		snprintf(name, sizeof(name), "find_vma_%ld", sizes[s]);
		report(name, per(median(v, cfg.runs), faults), "/fault");
	}
	free(vma_pages);
}

#define MMAP_MANY 20000

/* Ticks to map MMAP_MANY single pages (they are unmapped afterwards). */
static uint64_t run_mmap_many(void)
{
	uint64_t t0 = now(), ticks;

	map_single_pages(MMAP_MANY);
	ticks = now() - t0;
	unmap_single_pages(MMAP_MANY);
	return ticks;
}

static void bench_mmap_many(void)
{
	vma_pages = malloc(MMAP_MANY * sizeof(*vma_pages));
	if (!vma_pages)
		die("malloc");
	report("mmap_many_20000", per(measure(run_mmap_many), MMAP_MANY),
	       "/mmap");
	free(vma_pages);
}

#ifdef HAVE_MIRROR
/* ---- the mirror device: a secondary MMU following this process -------- */

#define MIRROR_DEV "/dev/hmm_dmirror1"
#define MIRROR_PAGES 256 /* 1 MiB */

static int mirror_fd = -1;
static char *mirror_buf; /* MIRROR_PAGES pages: where device reads land */

static void mirror_open(void)
{
	mirror_fd = open(MIRROR_DEV, O_RDWR);
	if (mirror_fd < 0)
		die("open " MIRROR_DEV);
}

static void mirror_close(void)
{
	close(mirror_fd);
	mirror_fd = -1;
}

/* The device reads pages at p, MIRROR_PAGES at a time. */
static void mirror_read(char *p, long pages)
{
	for (long done = 0; done < pages; done += MIRROR_PAGES) {
		long n = pages - done < MIRROR_PAGES ? pages - done
						     : MIRROR_PAGES;
		struct hmm_dmirror_cmd cmd = {
			.addr = (unsigned long)(p + done * page_size),
			.ptr = (unsigned long)mirror_buf,
			.npages = n,
		};

		if (ioctl(mirror_fd, HMM_DMIRROR_READ, &cmd))
			die("HMM_DMIRROR_READ");
	}
}

/* 1 MiB populated, mirrored from scratch (warm: read once before). */
static uint64_t time_mirror_read(int warm)
{
	size_t len = MIRROR_PAGES * page_size;
	char *p = map_anon(len, PROT_READ | PROT_WRITE);
	uint64_t t0;

	write_pages(p, MIRROR_PAGES);
	mirror_open();
	if (warm)
		mirror_read(p, MIRROR_PAGES);
	t0 = now();
	mirror_read(p, MIRROR_PAGES);
	t0 = now() - t0;
	mirror_close();
	unmap(p, len);
	return t0;
}

static uint64_t run_mirror_cold(void)
{
	return time_mirror_read(0);
}

static uint64_t run_mirror_warm(void)
{
	return time_mirror_read(1);
}

static uint64_t run_munmap_mirrored(void)
{
	size_t len = cfg.pages * page_size;
	char *p = map_anon(len, PROT_READ | PROT_WRITE);
	uint64_t t0;

	write_pages(p, cfg.pages);
	mirror_open();
	mirror_read(p, cfg.pages);
	t0 = now();
	unmap(p, len);
	t0 = now() - t0;
	mirror_close();
	return t0;
}

static void bench_mirror(void)
{
	uint64_t cold, warm;

	mirror_buf = map_anon(MIRROR_PAGES * page_size, PROT_READ | PROT_WRITE);
	mirror_open();
	report("anon_fault_notifier", per(measure(run_anon_fault), cfg.pages),
	       "/page");
	mirror_close();
	cow_child_setup = mirror_open;
	report("cow_fault_notifier", per(measure(run_cow_fault), cfg.pages),
	       "/page");
	cow_child_setup = NULL;
	cold = measure(run_mirror_cold);
	warm = measure(run_mirror_warm);
	report("dev_read_1m_cold", cold, "");
	report("dev_read_1m_warm", warm, "");
	report("dev_fault", per(cold > warm ? cold - warm : 0, MIRROR_PAGES),
	       "/page");
	report("munmap_page_mirrored",
	       per(measure(run_munmap_mirrored), cfg.pages), "/page");
	unmap(mirror_buf, MIRROR_PAGES * page_size);
}
#endif

static void bench_fault_around(void)
{
	static const long sizes[] = { 4096, 16384, 65536 };
	const char *knob = window_knob();
	long saved = knob ? read_knob(knob) : 0;
	char unit[32];

	if (!knob)
		printf("# fault_around_bytes cannot be set here: skipped\n");
	make_cached_file();
	snprintf(unit, sizeof(unit), "faults/%ldpages", cfg.pages);
	for (size_t i = 0; knob && i < sizeof(sizes) / sizeof(*sizes); i++) {
		char name[48];

		write_knob(knob, sizes[i]);
		snprintf(name, sizeof(name), "file_read_%ld", sizes[i]);
		report(name, per(measure(run_file_read), cfg.pages), "/page");
		report_count("file_faults", sizes[i], last_faults, unit);
		if (access("/bin/sh", X_OK) < 0)
			continue;
		snprintf(name, sizeof(name), "exec_true_%ld", sizes[i]);
		report(name, measure(run_exec_true), "");
		report_count("exec_faults", sizes[i], last_faults, "faults");
	}
	if (knob)
		write_knob(knob, saved);
	close(file_fd);
}

/* ---- device memory: /dev/fb0, /xip --------------------------------------- */

static int dev_fd = -1; /* the file or device the run maps */
static long dev_pages;

/* Map dev_fd's dev_pages privately; time touch over them; unmap. */
static uint64_t time_dev_touch(int prot, void (*touch)(char *, size_t))
{
	size_t len = dev_pages * page_size;
	char *p = mmap(NULL, len, prot, MAP_PRIVATE, dev_fd, 0);
	uint64_t t0;

	if (p == MAP_FAILED)
		die("mmap (device)");
	t0 = now();
	touch(p, dev_pages);
	t0 = now() - t0;
	unmap(p, len);
	return t0;
}

static uint64_t run_pfn_fault(void)
{
	return time_dev_touch(PROT_READ, read_pages);
}

static uint64_t run_pfn_cow_fault(void)
{
	return time_dev_touch(PROT_READ | PROT_WRITE, write_pages);
}

static uint64_t run_fb_remap(void)
{
	size_t len = dev_pages * page_size;
	uint64_t t0 = now();
	char *p =
		mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, dev_fd, 0);

	if (p == MAP_FAILED)
		die("mmap (/dev/fb0)");
	unmap(p, len);
	return now() - t0;
}

/* Counted pages in pmap's own address space, pmap run from dir. */
static long ram_pages_of_pmap(const char *dir)
{
	char path[64], line[256];
	long total = 0;
	int fds[2];
	FILE *f;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/pmap", dir);
	if (pipe(fds))
		die("pipe");
	fflush(stdout);
	pid = fork_or_die();
	if (pid == 0) {
		dup2(fds[1], 1);
		execl(path, "pmap", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	f = fdopen(fds[0], "r");
	if (!f)
		die(path);
	/* Each line: range, rights, offset, counted pages, ... */
	while (fgets(line, sizeof(line), f)) {
		char *field = strtok(line, " ");

		for (int i = 0; field && i < 3; i++)
			field = strtok(NULL, " ");
		if (field)
			total += strtol(field, NULL, 10);
	}
	fclose(f);
	reap(pid);
	return total;
}

static void open_dev(const char *path, long pages)
{
	dev_fd = open(path, O_RDWR);
	if (dev_fd < 0)
		dev_fd = open(path, O_RDONLY);
	dev_pages = pages;
}

static void bench_devmem(void)
{
	struct stat st;

	if (stat("/xip/bin/vmbench", &st) == 0) {
		open_dev("/xip/bin/vmbench", st.st_size / page_size);
		report("pfn_fault", per(measure(run_pfn_fault), dev_pages),
		       "/page");
		close(dev_fd);
		exec_path = "/bin/true";
		report("exec_bin", measure(run_exec), "");
		exec_path = "/xip/bin/true";
		report("exec_xip", measure(run_exec), "");
		printf("exec_ram_pages_bin %ld pages\n",
		       ram_pages_of_pmap("/bin"));
		printf("exec_ram_pages_xip %ld pages\n",
		       ram_pages_of_pmap("/xip/bin"));
	}
	open_dev("/dev/fb0", 300); /* 640x480x4 bytes */
	if (dev_fd >= 0) {
		report("pfn_cow_fault",
		       per(measure(run_pfn_cow_fault), dev_pages), "/page");
		report("fb_remap_page", per(measure(run_fb_remap), dev_pages),
		       "/page");
		close(dev_fd);
	}
}

/* ---- swap: where a swap area is on (make bench-swap, bench-linux-swap) --- */

/*
 * This process's time on a CPU, in nanoseconds: under "-icount shift=0"
 * one guest instruction each, as a tick is, but without the time the
 * process sleeps while the emulated disk works (the "excluding the
 * disk's time").  Interrupts that end a transfer while it sleeps are
 * charged to whatever runs then, on Linux and Pagoda alike.
 */
static uint64_t cpu_now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0)
		die("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)");
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/*
 * The sum of the /proc file's counters whose names start with prefix:
 * "pgscan" is Pagoda's pgscan and Linux's pgscan_kswapd + pgscan_direct +
 * ...  Units as the file gives them (kB in meminfo).  -1 without the file.
 */
static long proc_sum(const char *path, const char *prefix)
{
	FILE *f = fopen(path, "r");
	char line[128];
	long sum = 0, v;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		char *space = strpbrk(line, " \t"), *end;

		if (strncmp(line, prefix, strlen(prefix)) || !space)
			continue;
		v = strtol(space, &end, 10);
		if (end != space)
			sum += v;
	}
	fclose(f);
	return sum;
}

/* The pages' own numbers, so that a page read back is known to be its own. */
static void write_numbered(char *p, size_t pages)
{
	for (size_t i = 0; i < pages; i++)
		*(volatile size_t *)(p + i * page_size) = i;
}

static void verify_numbered(char *p, size_t pages)
{
	for (size_t i = 0; i < pages; i++)
		if (*(volatile size_t *)(p + i * page_size) != i) {
			fprintf(stderr, "vmbench: page %zu came back wrong\n",
				i);
			exit(1);
		}
}

/*
 * Swap a populated range out with MADV_PAGEOUT, then read it back: the
 * CPU time of each, per page.  Linux's first MADV_PAGEOUT starts the
 * writes and leaves the pages in the swap cache until they end; a second
 * one, after a pause, frees them, so that the reads come from the disk.
 * Pagoda's first one writes and frees; its second finds nothing to do.
 */
static void swap_out_in(uint64_t *out, uint64_t *in, long *pswpin)
{
	size_t len = cfg.pages * page_size;
	char *p = map_anon(len, PROT_READ | PROT_WRITE);
	struct timespec pause = { 0, 200 * 1000 * 1000 };
	uint64_t t0;
	long in0 = proc_sum("/proc/vmstat", "pswpin");

	write_numbered(p, cfg.pages);
	t0 = cpu_now();
	if (madvise(p, len, MADV_PAGEOUT) < 0)
		die("madvise(MADV_PAGEOUT)");
	*out = cpu_now() - t0;
	nanosleep(&pause, NULL);
	t0 = cpu_now();
	if (madvise(p, len, MADV_PAGEOUT) < 0)
		die("madvise(MADV_PAGEOUT)");
	*out += cpu_now() - t0;
	t0 = cpu_now();
	verify_numbered(p, cfg.pages);
	*in = cpu_now() - t0;
	*pswpin = proc_sum("/proc/vmstat", "pswpin") - in0;
	unmap(p, len);
}

/*
 * Write twice the machine's RAM, page by page, then check every page:
 * reclaim must swap out about RAM's worth and read it back.  Time as
 * ticks, the emulated disk included; and reclaim's pages scanned per
 * page freed (x100: the figures are integers).
 */
static void swap_twice_ram(long ram_kib)
{
	size_t pages = (size_t)ram_kib * 2 / (page_size / 1024);
	size_t len = pages * page_size;
	char *p = map_anon(len, PROT_READ | PROT_WRITE);
	long scan0 = proc_sum("/proc/vmstat", "pgscan");
	long steal0 = proc_sum("/proc/vmstat", "pgsteal");
	uint64_t t0 = now();
	long steal;

	write_numbered(p, pages);
	verify_numbered(p, pages);
	report("swap_2x_ram", now() - t0, "");
	steal = proc_sum("/proc/vmstat", "pgsteal") - steal0;
	if (steal > 0)
		printf("swap_scan_per_steal_x100 %ld ratio\n",
		       (proc_sum("/proc/vmstat", "pgscan") - scan0) * 100 /
			       steal);
	unmap(p, len);
}

static void bench_swap(void)
{
	long ram_kib = proc_sum("/proc/meminfo", "MemTotal:");
	long swap_kib = proc_sum("/proc/meminfo", "SwapTotal:");
	uint64_t out[MAX_RUNS], in[MAX_RUNS];
	long pswpin = 0;

	if (swap_kib <= 0 || ram_kib <= 0 || swap_kib < ram_kib + ram_kib / 4) {
		printf("# swap: skipped: needs a swap area of at least 1.25 "
		       "times RAM (make bench-swap)\n");
		return;
	}
	for (int i = 0; i < cfg.runs; i++)
		swap_out_in(&out[i], &in[i], &pswpin);
	report("swap_out_page", per(median(out, cfg.runs), cfg.pages), "/page");
	report("swap_in_page", per(median(in, cfg.runs), cfg.pages), "/page");
	printf("swap_in_from_disk %ld pages\n", pswpin);
	swap_twice_ram(ram_kib);
}

static const struct bench {
	const char *name;
	void (*fn)(void);
} benches[] = {
	{ "anon_fault", bench_anon_fault },
	{ "zero_fault", bench_zero_fault },
	{ "cow_fault", bench_cow_fault },
	{ "fork", bench_fork },
	{ "munmap_page", bench_munmap },
	{ "mprotect_page", bench_mprotect },
	{ "untouched", bench_untouched },
	{ "find_vma", bench_find_vma },
	{ "mmap_many", bench_mmap_many },
	{ "signal", bench_signal },
	{ "threads", bench_threads },
	{ "fault_around", bench_fault_around },
	{ "devmem", bench_devmem },
#ifdef HAVE_MIRROR
	{ "mirror", bench_mirror },
#endif
	{ "swap", bench_swap },
};

#define NR_BENCHES (sizeof(benches) / sizeof(benches[0]))

/* ---- main --------------------------------------------------------------- */

static void usage(void)
{
	fprintf(stderr,
		"usage: vmbench [-b] [-n PAGES] [-m FORK_MIB] [-v VMAS] "
		"[-r RUNS] [BENCH...]\n"
		"  -b  first print boot_to_main (ticks since power-on)\n"
		"  -n  pages per fault/munmap/mprotect run (default 4096)\n"
		"  -m  MiB populated before fork; MiB of *_untouched (default "
		"64)\n"
		"  -v  mappings for find_vma_<V> (default 10000, at least 10)\n"
		"  -r  runs, the median is reported (default 5, at most %d)\n"
		"BENCH:",
		MAX_RUNS);
	for (size_t i = 0; i < NR_BENCHES; i++)
		fprintf(stderr, " %s", benches[i].name);
	fprintf(stderr, " (default: all but swap)\n");
	exit(2);
}

static long number(const char *s, long min, long max)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end || v < min || v > max)
		usage();
	return v;
}

int main(int argc, char *argv[])
{
	uint64_t start = now();
	int opt;

	while ((opt = getopt(argc, argv, "bn:m:v:r:")) != -1) {
		switch (opt) {
		case 'b':
			cfg.boot = 1;
			break;
		case 'n':
			cfg.pages = number(optarg, 1, 1L << 18);
			break;
		case 'm':
			cfg.fork_mib = number(optarg, 1, 2048);
			break;
		case 'v':
			cfg.vmas = number(optarg, 10, 1000000);
			break;
		case 'r':
			cfg.runs = number(optarg, 1, MAX_RUNS);
			break;
		default:
			usage();
		}
	}
	for (int i = optind; i < argc; i++) {
		size_t b = 0;

		while (b < NR_BENCHES && strcmp(argv[i], benches[b].name))
			b++;
		if (b == NR_BENCHES)
			usage();
	}
	page_size = 4096;
#ifdef _SC_PAGESIZE
	page_size = sysconf(_SC_PAGESIZE);
#endif

	printf("# vmbench: pages=%ld fork_mib=%ld vmas=%ld runs=%d clock=%s\n",
	       cfg.pages, cfg.fork_mib, cfg.vmas, cfg.runs, CLOCK_NAME);
	if (cfg.boot)
		report("boot_to_main", start, "");
	for (size_t b = 0; b < NR_BENCHES; b++) {
		/* swap runs only when named: it needs a swap area, and time */
		int wanted = optind == argc && benches[b].fn != bench_swap;

		for (int i = optind; i < argc; i++)
			wanted |= !strcmp(argv[i], benches[b].name);
		if (wanted)
			benches[b].fn();
	}
	return 0;
}
