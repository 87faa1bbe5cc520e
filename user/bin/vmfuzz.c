// SPDX-License-Identifier: MIT
/*
 * vmfuzz: random system calls against the kernel's VM, checked by the
 * kernel's own audit (issue 16).
 *
 *	vmfuzz [-s SEED] [-n STEPS] [-t SECONDS] [-w WORKERS] [-b BATCH]
 *	       [-m PRESSURE_MIB] [-B FIRST_BATCH] [-T THREADS] [-q]
 *
 * Runs batches until STEPS steps (default 10000) or SECONDS have passed,
 * numbering them from FIRST_BATCH (0).
 * A batch forks WORKERS processes (3) that each take BATCH random steps
 * (200), seeded from SEED, the batch and the worker: mmap, munmap,
 * mprotect, madvise, brk, reclaim now (madvise MADV_PAGEOUT: pages to
 * swap, if it is on), touches, reads and writes of a scratch file and a
 * pipe, ftruncate, fork storms (children that take steps of their own and
 * exit or are killed), waitpid and kill with odd arguments, and bursts of
 * memory pressure -- with random and boundary arguments (NULL, kernel and
 * non-canonical addresses, straddling and huge lengths, bad fds and flags).
 *
 * Each worker keeps a model of a window of its address space (which pages
 * are mapped, with which rights, holding which byte), touches only what the
 * model says it may, and checks what it reads.  When every worker has
 * exited, the batch ends with vm_audit() (page counts against every page
 * table, VMA trees, free lists).  At the end the free-page count must be
 * what it was.  Any failure prints the seed and the step, the command that
 * replays the run up to there, and the one that replays the failed batch
 * alone (a batch's steps depend only on the seed and its number, though
 * what earlier batches left behind, free memory say, does not come back);
 * exit status 1.  A worker killed by SIGKILL (out of memory under
 * pressure) is counted, not a failure.
 *
 * With -T, each worker is a process of THREADS threads (issue 17): its
 * main thread takes the steps above (its fork storms now fork a process
 * of several threads), and each other thread races it with mmap, munmap,
 * mprotect and touches of a small window of its own, keeping a model of
 * that window as the worker does of its own.  Where the threads' system
 * calls meet is up to the scheduler, so such a run replays only roughly.
 */
#include <errno.h>
#include <fcntl.h>
#include <pagoda.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE 4096UL
#define WIN ((char *)USER_FREE_WINDOW) /* the window the model covers */
#define WIN_PAGES 256
#define KERNEL_ADDR KERNEL_DIRECT_MAP
#define NONCANONICAL BEYOND_USER
#define TOP USER_TOP			 /* TASK_SIZE */
#define EXIT_MISMATCH 3			 /* a worker saw the kernel disagree */
#define MAX_THREADS 8			 /* -T: threads per worker */
#define THREAD_WIN (WIN + (256UL << 20)) /* the other threads' windows */
#define THREAD_PAGES 16			 /* pages in each */

/* UNKNOWN: a failed mmap(MAP_FIXED) may have unmapped it (POSIX allows). */
enum kind {
	NONE,
	UNKNOWN,
	ANON_PRIVATE,
	ANON_SHARED,
	FILE_PRIVATE,
	FILE_SHARED
};

struct model_page {
	unsigned char kind; /* enum kind; NONE: unmapped */
	unsigned char prot;
	bool cowed; /* FILE_PRIVATE: a copy of its own, not the file's */
	short byte; /* the first byte (not the file's), -1: not known */
	unsigned long pgoff; /* file pages: page of the file */
};

/* One worker's (or child's) state; a fork copies it, as the kernel does. */
static struct model_page model[WIN_PAGES];
static unsigned long long rng;
static unsigned long seed, batch, step;
static int worker, depth, file_fd = -1, pipe_fd[2] = { -1, -1 };
static unsigned long file_size, pipe_bytes, pressure_pages = 2048;
static char file_name[32];

static unsigned long next_rnd(unsigned long long *state, unsigned long n)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return n ? (*state >> 33) % n : 0;
}

static unsigned long rnd(unsigned long n)
{
	return next_rnd(&rng, n);
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	write(1, buf, n < (int)sizeof(buf) ? n : (int)sizeof(buf) - 1);
}

/* The kernel disagreed with the model: say where, and stop this process. */
#define mismatch(fmt, ...)                                                     \
	do {                                                                   \
		say("vmfuzz: seed %lu batch %lu worker %d step %lu: " fmt      \
		    "\n",                                                      \
		    seed, batch, worker, step, ##__VA_ARGS__);                 \
		_exit(EXIT_MISMATCH);                                          \
	} while (0)

/* ---- arguments -------------------------------------------------------- */

/* An address: mostly in the window, sometimes one no mapping may reach. */
static char *any_addr(void)
{
	static const unsigned long odd[] = { 0, PAGE, KERNEL_ADDR, NONCANONICAL,
					     -PAGE };

	if (rnd(48) == 0)
		return (char *)(TOP - PAGE); /* with a length past TOP */
	if (rnd(8) == 0)
		return (char *)odd[rnd(sizeof(odd) / sizeof(odd[0]))];
	return WIN + rnd(WIN_PAGES) * PAGE + (rnd(16) ? 0 : 1 + rnd(PAGE - 1));
}

/* A length; from TOP - PAGE (the stack's last page), one that straddles TOP. */
static size_t any_len(const char *addr)
{
	static const size_t odd[] = { 0, 1, SIZE_MAX, HUGE_LENGTH, -PAGE };

	if ((unsigned long)addr == TOP - PAGE)
		return 2 * PAGE + rnd(4) * PAGE;
	if (rnd(10) == 0)
		return odd[rnd(sizeof(odd) / sizeof(odd[0]))];
	return (1 + rnd(16)) * PAGE - (rnd(8) ? 0 : rnd(PAGE));
}

static int any_prot(void)
{
	return rnd(16) ? (int)rnd(8) : 0x10 | (int)rnd(8);
}

/* A file descriptor: mostly the scratch file, else one that is no file. */
static int any_fd(void)
{
	static const int odd[] = { -1, 99, 1000 };

	return rnd(10) ? file_fd : odd[rnd(3)];
}

static bool in_window(const char *p, size_t len)
{
	return p >= WIN && len <= WIN_PAGES * PAGE &&
	       p + len <= WIN + WIN_PAGES * PAGE;
}

/*
 * The model's pages [first, first + n) that [p, p + len) touches: the
 * part inside the window (a call may reach past it); false if none.
 */
static bool span(const char *p, size_t len, unsigned long *first,
		 unsigned long *n)
{
	unsigned long lo = (unsigned long)p, hi = lo + len;
	unsigned long wlo = (unsigned long)WIN, whi = wlo + WIN_PAGES * PAGE;

	if (!len || len > TOP || lo >= whi || hi <= wlo)
		return false;
	lo = lo > wlo ? lo : wlo;
	hi = hi < whi ? hi : whi;
	*first = (lo - wlo) / PAGE;
	*n = (hi - wlo + PAGE - 1) / PAGE - *first;
	return true;
}

/* ---- steps ------------------------------------------------------------ */

static void do_mmap_step(void)
{
	bool fixed = rnd(3) != 0, file = rnd(4) == 0;
	char *addr = any_addr(), *r;
	size_t len = any_len(addr);
	int prot = any_prot(), fd = -1;
	int type = rnd(12) ? (rnd(3) ? MAP_PRIVATE : MAP_SHARED) : 0;
	long off = 0;
	unsigned long first, n;

	if (file) {
		fd = rnd(8) ? any_fd() : pipe_fd[0];
		off = rnd(8) ? rnd(4) * PAGE : (long)rnd(3 * PAGE) - PAGE;
	}
	r = mmap(addr, len, prot,
		 type | (fixed ? MAP_FIXED : 0) | (file ? 0 : MAP_ANONYMOUS),
		 fd, off);
	if (r == MAP_FAILED) {
		if (fixed && errno != EBADF && errno != EINVAL &&
		    span(addr, len, &first, &n))
			for (unsigned long i = first; i < first + n; i++)
				if (model[i].kind != NONE)
					model[i].kind = UNKNOWN;
		return;
	}
	if (file && off < 0)
		mismatch("mmap at file offset %ld gave %p, not EOVERFLOW", off,
			 r);
	if ((unsigned long)r < PAGE || (unsigned long)r >= TOP ||
	    len > TOP - (unsigned long)r)
		mismatch("mmap(%p, %#zx) gave %p", addr, len, r);
	if (fixed && r != addr)
		mismatch("mmap(MAP_FIXED %p) gave %p", addr, r);
	if (!span(r, len, &first, &n)) {
		munmap(r, len); /* elsewhere: exercise it, then drop it */
		return;
	}
	for (unsigned long i = first; i < first + n; i++) {
		model[i].prot = prot;
		model[i].kind =
			file ? (type == MAP_SHARED ? FILE_SHARED : FILE_PRIVATE)
			     : (type == MAP_SHARED ? ANON_SHARED
						   : ANON_PRIVATE);
		model[i].byte = file ? -1 : 0;
		model[i].cowed = false;
		model[i].pgoff = off / PAGE + (i - first);
	}
}

/* 1: all of [first, first + n) mapped, 0: a hole, -1: the model cannot say. */
static int model_mapped(unsigned long first, unsigned long n)
{
	int mapped = 1;

	for (unsigned long i = first; i < first + n; i++) {
		if (model[i].kind == NONE)
			return 0;
		if (model[i].kind == UNKNOWN)
			mapped = -1;
	}
	return mapped;
}

static void do_munmap_step(void)
{
	char *addr = any_addr();
	size_t len = any_len(addr);
	unsigned long first, n;
	int r = munmap(addr, len);

	if (r || !span(addr, len, &first, &n))
		return;
	for (unsigned long i = first; r == 0 && i < first + n; i++)
		model[i].kind = NONE;
}

static void do_mprotect_step(void)
{
	char *addr = any_addr();
	size_t len = any_len(addr);
	int prot = any_prot(), r = mprotect(addr, len, prot);
	unsigned long first, n;
	int mapped;

	if (!span(addr, len, &first, &n))
		return;
	mapped = model_mapped(first, n);
	/* Wholly inside the window, the model knows the answer. */
	if (in_window(addr, len) && !((unsigned long)addr & (PAGE - 1)) &&
	    !(prot & ~7) && mapped >= 0 && (r == 0) != mapped)
		mismatch("mprotect(%p, %#zx, %d) = %d, errno %d; model: %s",
			 addr, len, prot, r, errno, mapped ? "mapped" : "hole");
	for (unsigned long i = first; r == 0 && i < first + n; i++)
		model[i].prot = prot;
}

static void do_madvise_step(void)
{
	char *addr = any_addr();
	size_t len = any_len(addr);
	unsigned long first, n;
	int advice = rnd(8) ? MADV_DONTNEED : (int)rnd(100);
	int r = madvise(addr, len, advice);

	if (r || advice != MADV_DONTNEED || !span(addr, len, &first, &n))
		return;
	for (unsigned long i = first; i < first + n; i++) {
		if (model[i].kind == ANON_PRIVATE)
			model[i].byte = 0;
		model[i].cowed = false; /* a private file page reads the file */
	}
}

/*
 * Reclaim now: MADV_PAGEOUT swaps a range's anonymous pages out (if swap
 * is on); every byte must read back as it was, so the model is unchanged.
 */
static void do_reclaim_step(void)
{
	char *addr = any_addr();

	madvise(addr, any_len(addr), MADV_PAGEOUT);
}

/* Does page i show the file's byte (a shared, or uncopied private, page)? */
static bool reads_file(unsigned long i)
{
	return model[i].kind == FILE_SHARED ||
	       (model[i].kind == FILE_PRIVATE && !model[i].cowed);
}

/* May page i be touched directly (no fault signal)? */
static bool touchable(unsigned long i, bool write)
{
	struct model_page *m = &model[i];

	if (m->kind <= UNKNOWN || !(m->prot & (write ? PROT_WRITE : PROT_READ)))
		return false;
	/* A file page must lie inside the file, or it is SIGBUS. */
	return !reads_file(i) || (m->pgoff + 1) * PAGE <= file_size;
}

/*
 * The file's byte under page i of a file mapping; -1 for other pages, and
 * in a fork storm's child, whose siblings write the same file at once.
 */
static int file_byte(unsigned long i)
{
	unsigned char c = 0;

	if ((model[i].kind != FILE_PRIVATE && model[i].kind != FILE_SHARED) ||
	    depth)
		return -1;
	if (pread(file_fd, &c, 1, model[i].pgoff * PAGE) != 1)
		mismatch("pread of file page %lu: errno %d", model[i].pgoff,
			 errno);
	return c;
}

static void do_touch_step(void)
{
	unsigned long i = rnd(WIN_PAGES);
	volatile unsigned char *p = (unsigned char *)WIN + i * PAGE;
	bool write = rnd(2);
	int before, after;

	if (!touchable(i, write))
		return;
	if (!write) {
		int c = *p, want = reads_file(i) ? file_byte(i) : model[i].byte;

		if (want >= 0 && c != want)
			mismatch("page %lu (kind %d, file page %lu) reads %d, "
				 "not %d",
				 i, model[i].kind, model[i].pgoff, c, want);
		return;
	}
	before = file_byte(i);
	if (rnd(2))
		(void)*p; /* a read first maps the page cache's page itself */
	/* A byte the file does not hold: a write to it shows. */
	*p = before < 0 ? 1 + rnd(255) : before ^ (1 + rnd(255));
	/* A child's siblings write shared pages too. */
	model[i].byte = depth && model[i].kind == ANON_SHARED ? -1 : *p;
	model[i].cowed = model[i].kind == FILE_PRIVATE;
	/* A shared mapping's write is the file's; a private one's never. */
	after = file_byte(i);
	if (before >= 0 &&
	    after != (model[i].kind == FILE_SHARED ? *p : before))
		mismatch("page %lu (file page %lu): wrote %d, the file holds "
			 "%d (held %d)",
			 i, model[i].pgoff, *p, after, before);
}

/* read/write/pread/pwrite between the window (or worse) and a file. */
static void do_io_step(void)
{
	char *addr = any_addr();
	size_t len = rnd(4) ? rnd(2 * PAGE) : any_len(addr);
	long off = rnd(8) ? (long)rnd(8 * PAGE) : (rnd(2) ? -1 : INT64_MAX);
	int fd = any_fd(), op = (int)rnd(4);
	unsigned long first, n;
	ssize_t r;

	if (op < 2 && (unsigned long)addr == TOP - PAGE)
		addr = (char *)KERNEL_ADDR; /* that page is our stack */
	if (op == 0)
		r = pread(fd, addr, len, off);
	else if (op == 1)
		r = read(fd, addr, len);
	else if (op == 2)
		r = pwrite(fd, addr, len, off);
	else
		r = write(fd, addr, len);
	if (r > 0 && (unsigned long)addr >= TOP)
		mismatch("%s at %p returned %ld", op < 2 ? "read" : "write",
			 addr, (long)r);
	if (r > 0 && op >= 2 && fd == file_fd)
		file_size = lseek(fd, 0, SEEK_END);
	if (r <= 0 || op >= 2 || !span(addr, r, &first, &n))
		return;
	for (unsigned long i = first; i < first + n; i++) {
		model[i].byte = -1; /* read() wrote into it */
		model[i].cowed = model[i].kind == FILE_PRIVATE;
	}
}

static void do_file_step(void)
{
	switch (rnd(4)) {
	case 0: {
		long len = rnd(8) ? (long)rnd(6 * PAGE) : -1;

		/* Not in a child: a sibling would fault past the new end. */
		if (depth || ftruncate(file_fd, len))
			break;
		/* What is cut off leaves private mappings too. */
		file_size = len;
		for (int i = 0; i < WIN_PAGES; i++)
			if (model[i].pgoff * PAGE >=
			    (len + PAGE - 1) / PAGE * PAGE)
				model[i].cowed = false;
		break;
	}
	case 1:
		lseek(file_fd, rnd(3) ? (long)rnd(4 * PAGE) : -5, (int)rnd(4));
		break;
	case 2: {
		/*
		 * The pipe: never fill it (a write would block), never read
		 * it dry (so would a read).  Only the worker itself uses it:
		 * its children's counts would differ from its own.
		 */
		char buf[64];
		ssize_t r;

		if (depth)
			break;
		if (pipe_bytes && (rnd(2) || pipe_bytes > 1024)) {
			r = read(pipe_fd[0], buf,
				 1 + rnd(pipe_bytes < 64 ? pipe_bytes : 64));
			pipe_bytes -= r > 0 ? r : 0;
		} else {
			r = write(pipe_fd[1], WIN + rnd(WIN_PAGES) * PAGE,
				  1 + rnd(64));
			pipe_bytes += r > 0 ? r : 0;
		}
		break;
	}
	default:
		close(dup((int)rnd(12) - 1));
		break;
	}
}

static void do_brk_step(void)
{
	static const long odd[] = { 0, -1, (long)(HUGE_LENGTH / 4),
				    -(1L << 30) };
	char *cur = sbrk(0);
	long delta = rnd(6) ? ((long)rnd(64) - 24) * (long)PAGE
			    : odd[rnd(sizeof(odd) / sizeof(odd[0]))];

	brk(cur + delta);
}

/* Odd arguments to process calls; none may hang or hit another process. */
static void do_proc_step(void)
{
	static const int pids[] = { -99999, 0, 99999, -1 };
	int status;

	switch (rnd(3)) {
	case 0:
		waitpid(pids[rnd(4)], rnd(2) ? &status : (int *)KERNEL_ADDR,
			WNOHANG | (rnd(8) ? 0 : 0x40));
		break;
	case 1:
		kill(rnd(2) ? 99999 : getpid(), 0);
		break;
	default:
		getppid();
		break;
	}
}

/*
 * The signal touching page i must raise (0: none is sure): SIGSEGV where
 * nothing is mapped or the rights forbid it (on x86 any mapping but
 * PROT_NONE can be read), SIGBUS for a file page wholly past the end.
 */
static int forbidden(unsigned long i, bool write)
{
	struct model_page *m = &model[i];

	if (m->kind == UNKNOWN)
		return 0;
	if (m->kind == NONE || (!write && m->prot == PROT_NONE) ||
	    (write && !(m->prot & PROT_WRITE)))
		return SIGSEGV;
	/* (A child's siblings may grow the file meanwhile.) */
	if (reads_file(i) && m->pgoff * PAGE >= file_size && !depth)
		return SIGBUS;
	return 0;
}

/* Touch what the model forbids, in a child: it must die of that signal. */
static void do_forbidden_step(void)
{
	unsigned long i = rnd(WIN_PAGES);
	volatile char *p = WIN + i * PAGE;
	bool write = rnd(2);
	int sig = forbidden(i, write), status;
	pid_t pid;

	if (!sig)
		return;
	pid = fork();
	if (pid == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
		_exit(0);
	}
	if (pid < 0)
		return;
	if (waitpid(pid, &status, 0) != pid)
		mismatch("waitpid(%d): errno %d", pid, errno);
	if (!WIFSIGNALED(status) || WTERMSIG(status) != sig)
		mismatch("%s page %lu (kind %d, prot %d, file page %lu, file "
			 "size %ld, model %lu): status %#x, not signal %d",
			 write ? "writing" : "reading", i, model[i].kind,
			 model[i].prot, model[i].pgoff,
			 (long)lseek(file_fd, 0, SEEK_END), file_size, status,
			 sig);
}

static void random_step(void);

/*
 * A fork storm: children take a few steps of their own (writing their
 * copies of private pages, perhaps forking again), then exit or are killed
 * by this process.  Any other end of a child is a failure.
 */
static void do_fork_step(void)
{
	pid_t pids[4];
	int n = 1 + (int)rnd(4);

	if (depth >= 2)
		return;
	for (int c = 0; c < n; c++) {
		unsigned long child_seed = rnd(~0UL);

		pids[c] = fork();
		if (pids[c] == 0) {
			int steps = (int)rnd(3) ? (int)(child_seed % 24) : 0;

			depth++;
			rng = child_seed;
			for (int i = 0; i < WIN_PAGES; i++)
				if (model[i].kind == ANON_SHARED)
					model[i].byte = -1;
			for (int s = 0; s < steps; s++)
				random_step();
			_exit(0);
		}
	}
	for (int c = 0; c < n; c++) {
		int status;

		if (pids[c] < 0)
			continue;
		if (rnd(4) == 0)
			kill(pids[c], SIGKILL);
		if (waitpid(pids[c], &status, 0) != pids[c])
			mismatch("waitpid(%d): errno %d", pids[c], errno);
		if (WIFSIGNALED(status) ? WTERMSIG(status) != SIGKILL
					: WEXITSTATUS(status) != 0)
			_exit(WIFSIGNALED(status) ? 128 + WTERMSIG(status)
						  : WEXITSTATUS(status));
	}
	/* Children may have written shared pages and the file. */
	file_size = lseek(file_fd, 0, SEEK_END);
	for (int i = 0; i < WIN_PAGES; i++)
		if (model[i].kind == ANON_SHARED)
			model[i].byte = -1;
}

/* Take (and touch) a large piece of memory, then give it back. */
static void do_pressure_step(void)
{
	size_t len = (1 + rnd(pressure_pages)) * PAGE;
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return;
	for (size_t off = 0; off < len; off += PAGE)
		p[off] = 1;
	munmap(p, len);
}

static void random_step(void)
{
	static void (*const steps[])(void) = {
		do_mmap_step,	  do_mmap_step,	    do_munmap_step,
		do_mprotect_step, do_mprotect_step, do_madvise_step,
		do_touch_step,	  do_touch_step,    do_touch_step,
		do_touch_step,	  do_io_step,	    do_io_step,
		do_file_step,	  do_brk_step,	    do_proc_step,
		do_reclaim_step,
	};
	unsigned long r = rnd(200);

	if (r == 0)
		do_fork_step();
	else if (r == 1 && depth == 0)
		do_pressure_step();
	else if (r == 2)
		do_forbidden_step();
	else
		steps[r % (sizeof(steps) / sizeof(steps[0]))]();
}

/* ---- the other threads of a worker (-T) ------------------------------- */

/* A racing thread's own window and its model: -1 unmapped, else the byte. */
struct racer {
	char *win;
	unsigned long long rng;
	short byte[THREAD_PAGES];
	bool writable[THREAD_PAGES];
};

static struct racer racers[MAX_THREADS];
static int nr_threads = 1;

static void racer_map(struct racer *r, unsigned long first, unsigned long n)
{
	char *p = r->win + first * PAGE;

	if (mmap(p, n * PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != p)
		mismatch("thread: mmap(MAP_FIXED %p): errno %d", p, errno);
	for (unsigned long i = first; i < first + n; i++) {
		r->byte[i] = 0;
		r->writable[i] = true;
	}
}

static void racer_unmap(struct racer *r, unsigned long first, unsigned long n)
{
	if (munmap(r->win + first * PAGE, n * PAGE))
		mismatch("thread: munmap: errno %d", errno);
	for (unsigned long i = first; i < first + n; i++)
		r->byte[i] = -1;
}

/* mprotect over a hole must fail with ENOMEM. */
static void racer_protect(struct racer *r, unsigned long first, unsigned long n)
{
	bool writable = next_rnd(&r->rng, 2), hole = false;
	int ret = mprotect(r->win + first * PAGE, n * PAGE,
			   PROT_READ | (writable ? PROT_WRITE : 0));

	for (unsigned long i = first; i < first + n; i++)
		hole |= r->byte[i] < 0;
	if (hole ? ret != -1 || errno != ENOMEM : ret != 0)
		mismatch("thread: mprotect gave %d, errno %d", ret, errno);
	/* A failed call may have changed the pages before the hole: write
	 * none of the range until it is mapped or protected again. */
	for (unsigned long i = first; i < first + n; i++)
		r->writable[i] = writable && !hole;
}

/* Read what the model says each mapped page holds; write the writable ones. */
static void racer_touch(struct racer *r, unsigned long first, unsigned long n)
{
	for (unsigned long i = first; i < first + n; i++) {
		volatile char *p = r->win + i * PAGE;

		if (r->byte[i] < 0)
			continue;
		if (*p != r->byte[i])
			mismatch("thread: %p holds %d, not %d", (void *)p, *p,
				 r->byte[i]);
		if (r->writable[i])
			*p = r->byte[i] = (r->byte[i] + 1) & 0x7f;
	}
}

static void *racer_main(void *arg)
{
	struct racer *r = arg;

	for (;;) {
		unsigned long first = next_rnd(&r->rng, THREAD_PAGES);
		unsigned long n = 1 + next_rnd(&r->rng, THREAD_PAGES - first);

		switch (next_rnd(&r->rng, 5)) {
		case 0:
			racer_map(r, first, n);
			break;
		case 1:
			racer_unmap(r, first, n);
			break;
		case 2:
			racer_protect(r, first, n);
			break;
		default:
			racer_touch(r, first, n);
		}
	}
	return NULL;
}

/* Threads that cannot be made (64 tasks at most) are simply not raced. */
static void start_racers(void)
{
	for (int t = 1; t < nr_threads; t++) {
		struct racer *r = &racers[t];
		pthread_t id;

		r->win =
			THREAD_WIN + (unsigned long)t * 2 * THREAD_PAGES * PAGE;
		r->rng = rng ^ (t * 0x9e3779b97f4a7c15UL);
		for (int i = 0; i < THREAD_PAGES; i++)
			r->byte[i] = -1;
		pthread_create(&id, NULL, racer_main, r);
	}
}

static void run_worker(unsigned long steps)
{
	snprintf(file_name, sizeof(file_name), "/tmp/vmfuzz.%d", worker);
	file_fd = open(file_name, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (file_fd < 0 || pipe(pipe_fd))
		mismatch("no scratch file or pipe: errno %d", errno);
	start_racers();
	for (step = 0; step < steps; step++)
		random_step();
	_exit(0); /* every thread: exit_group */
}

/* ---- the coordinator -------------------------------------------------- */

static unsigned long free_pages(void)
{
	struct sysinfo si;

	return sysinfo(&si) ? 0 : si.freeram / PAGE;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Run one batch; 0, or 1 after printing what went wrong. */
static int run_batch(int workers, unsigned long steps, unsigned long *oom)
{
	pid_t pids[16];

	for (worker = 0; worker < workers; worker++) {
		pids[worker] = fork();
		if (pids[worker] == 0) {
			rng = seed * 0x9e3779b97f4a7c15UL + batch * 1000003UL +
			      worker;
			run_worker(steps);
		}
	}
	for (worker = 0; worker < workers; worker++) {
		int status;

		if (pids[worker] < 0 ||
		    waitpid(pids[worker], &status, 0) != pids[worker]) {
			say("vmfuzz: seed %lu batch %lu: no worker %d\n", seed,
			    batch, worker);
			return 1;
		}
		if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
			(*oom)++;
			continue;
		}
		if (status) {
			say("vmfuzz: seed %lu batch %lu worker %d: %s %d\n",
			    seed, batch, worker,
			    WIFSIGNALED(status) ? "killed by signal"
						: "exit status",
			    WIFSIGNALED(status) ? WTERMSIG(status)
						: WEXITSTATUS(status));
			return 1;
		}
	}
	return 0;
}

static void remove_scratch_files(int workers)
{
	char name[32];

	for (int w = 0; w < workers; w++) {
		snprintf(name, sizeof(name), "/tmp/vmfuzz.%d", w);
		unlink(name);
	}
}

/*
 * Fault in, before free pages are counted, what the coordinator itself
 * will write: its bss (batch, worker ...) and the stack snprintf takes
 * (remove_scratch_files, which also clears what a killed run left).  Else
 * its own first touches after the count read as a kernel leak, or not,
 * depending only on where the linker put its variables.
 */
static void prefault_self(int workers)
{
	extern char __bss_start[], _end[];
	/* bss's first page begins in the data section: writable too. */
	unsigned long a = (unsigned long)__bss_start & ~(PAGE - 1);

	for (; a < (unsigned long)_end; a += PAGE)
		*(volatile char *)a = *(volatile char *)a;
	remove_scratch_files(workers);
}

int main(int argc, char **argv)
{
	unsigned long steps = 10000, per_batch = 200, done = 0, oom = 0;
	double seconds = 0, start;
	int workers = 3, quiet = 0, opt, problems = 0, failed = 0;
	unsigned long skipped = 0, first_batch;
	unsigned long before;

	seed = 1;
	while ((opt = getopt(argc, argv, "s:n:t:w:b:m:B:T:q")) != -1) {
		switch (opt) {
		case 's':
			seed = strtoul(optarg, NULL, 0);
			break;
		case 'n':
			steps = strtoul(optarg, NULL, 0);
			break;
		case 't':
			seconds = strtoul(optarg, NULL, 0);
			steps = 0; /* unless -n comes after */
			break;
		case 'w':
			workers = atoi(optarg);
			break;
		case 'b':
			per_batch = strtoul(optarg, NULL, 0);
			break;
		case 'm':
			pressure_pages = strtoul(optarg, NULL, 0) * 256;
			break;
		case 'B':
			batch = strtoul(optarg, NULL, 0);
			break;
		case 'T':
			nr_threads = atoi(optarg);
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			fprintf(stderr, "usage: vmfuzz [-s seed] [-n steps] "
					"[-t seconds] [-w workers] [-b batch] "
					"[-m pressure MiB] [-B first batch] "
					"[-T threads] [-q]\n");
			return 2;
		}
	}
	if (workers < 1 || workers > 16 || !per_batch || !pressure_pages ||
	    nr_threads < 1 || nr_threads > MAX_THREADS) {
		fprintf(stderr, "vmfuzz: bad -w, -b, -m or -T\n");
		return 2;
	}
	first_batch = batch;
	prefault_self(workers);
	before = free_pages();
	start = now();
	while ((!steps || done < steps) &&
	       (!seconds || now() - start < seconds)) {
		failed = run_batch(workers, per_batch, &oom);
		if (failed)
			break;
		done += workers * per_batch;
		batch++;
		problems = vm_audit();
		if (problems < 0) {
			skipped++; /* no memory for the audit's array */
			continue;
		}
		failed = problems > 0;
		if (failed) {
			say("vmfuzz: seed %lu: vm_audit found %d problems "
			    "after batch %lu (step %lu)\n",
			    seed, problems, batch - 1, done);
			break;
		}
	}
	remove_scratch_files(workers);
	if (failed) {
		/* The batch that failed: the audit runs after batch++. */
		unsigned long bad = problems ? batch - 1 : batch;

		say("vmfuzz: replay: vmfuzz -s %lu -B %lu -n %lu -w %d -b %lu "
		    "-m %lu -T %d\n",
		    seed, first_batch,
		    (bad + 1 - first_batch) * workers * per_batch, workers,
		    per_batch, pressure_pages / 256, nr_threads);
		say("vmfuzz: that batch alone: vmfuzz -s %lu -B %lu -n %lu "
		    "-w %d -b %lu -m %lu -T %d\n",
		    seed, bad, workers * per_batch, workers, per_batch,
		    pressure_pages / 256, nr_threads);
		return 1;
	}
	if (vm_audit() != 0) {
		say("vmfuzz: seed %lu: the final vm_audit failed\n", seed);
		return 1;
	}
	if (free_pages() != before) {
		say("vmfuzz: seed %lu: %ld pages leaked after %lu steps\n",
		    seed, (long)(before - free_pages()), done);
		return 1;
	}
	if (!quiet || oom)
		say("vmfuzz: seed %lu: %lu steps in %lu batches, %lu ms, "
		    "%lu workers killed (out of memory), audits clean "
		    "(%lu skipped)\n",
		    seed, done, batch - first_batch,
		    (unsigned long)((now() - start) * 1000), oom, skipped);
	return 0;
}
