// SPDX-License-Identifier: MIT
/*
 * signal_test: POSIX signals (kernel/signal.c, arch/x86_64/signal.c).
 *
 * Handlers and their siginfo_t, the mask and pending set, the default
 * actions, SA_NODEFER / SA_RESETHAND / SA_RESTART, sigsuspend, alarm and
 * pause, SIGCHLD (and SA_NOCLDWAIT), SIGPIPE, EINTR from a sleeping read,
 * nanosleep resumed after a stop, job control with waitpid's WUNTRACED /
 * WCONTINUED, sigwait, sighold / sigrelse / sigignore and pthread_sigmask,
 * abort, and a SIGSEGV / SIGBUS handler that fixes the cause (mprotect,
 * mmap, ftruncate) and returns to retry the access.  And the bad input:
 * signal numbers out of range, bad pointers, a handler that cannot run, a
 * handler faulting again, forged signal frames.
 * Each case that expects a death runs it in a child of its own.
 */
#include <errno.h>
#include <fcntl.h>
#include <pagoda.h>
#include <pagoda/syscall.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define PAGE 4096UL
#define KERNEL_ADDR KERNEL_IMAGE

/* The address a fault reports: s390x hardware names only the page. */
#if defined(__s390x__)
#define FAULT_ADDR(p) ((char *)((unsigned long)(p) & ~(PAGE - 1)))
#else
#define FAULT_ADDR(p) (p)
#endif

static volatile sig_atomic_t hits, depth, max_depth;
static volatile int last_sig, last_code, last_pid;
static void *volatile last_addr;

static void count(int sig)
{
	hits++;
	last_sig = sig;
}

static void record(int sig, siginfo_t *si, void *uc)
{
	hits++;
	last_sig = si->si_signo;
	last_code = si->si_code;
	last_pid = si->si_pid;
	last_addr = si->si_addr;
}

static int set_action(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa = { .sa_handler = fn, .sa_flags = flags };

	return sigaction(sig, &sa, NULL);
}

static int set_info_action(int sig, void (*fn)(int, siginfo_t *, void *),
			   int flags)
{
	struct sigaction sa = { .sa_sigaction = fn,
				.sa_flags = SA_SIGINFO | flags };

	return sigaction(sig, &sa, NULL);
}

/*
 * A store the compiler may not move across the volatile loads of the
 * counters around it: the fault, and so the handler, happen at this point.
 */
static void poke(char *p, char v)
{
	*(volatile char *)p = v;
}

#define EXPECT_KILLED_BY(fn, sig)                                              \
	do {                                                                   \
		int __s = ktap_child_status(fn);                               \
		EXPECT_TRUE(WIFSIGNALED(__s));                                 \
		EXPECT_EQ(WTERMSIG(__s), sig);                                 \
	} while (0)

/* A handler runs once per raise, with the sender in its siginfo_t. */
static void handler_runs(void)
{
	ASSERT_EQ(set_info_action(SIGUSR1, record, 0), 0);
	EXPECT_EQ(raise(SIGUSR1), 0);
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(last_sig, SIGUSR1);
	EXPECT_EQ(last_code, SI_USER);
	EXPECT_EQ(last_pid, getpid());
	ASSERT_EQ(signal(SIGUSR2, count), SIG_DFL);
	EXPECT_EQ(signal(SIGUSR2, SIG_DFL), count);
	EXPECT_EQ(kill(getpid(), 0), 0);
}

static void bad_input(void)
{
	struct sigaction sa = { .sa_handler = count };
	sigset_t set = 0;

	EXPECT_ERRNO(sigaction(0, &sa, NULL), EINVAL);
	EXPECT_ERRNO(sigaction(NSIG, &sa, NULL), EINVAL);
	EXPECT_ERRNO(sigaction(-1, NULL, NULL), EINVAL);
	EXPECT_ERRNO(sigaction(SIGKILL, &sa, NULL), EINVAL);
	EXPECT_ERRNO(sigaction(SIGSTOP, &sa, NULL), EINVAL);
	EXPECT_EQ(sigaction(SIGKILL, NULL, &sa), 0); /* reading is fine */
	EXPECT_ERRNO(syscall(SYS_sigaction, SIGUSR1, (void *)1, NULL), EFAULT);
	EXPECT_ERRNO(syscall(SYS_sigaction, SIGUSR1, (void *)KERNEL_ADDR, NULL),
		     EFAULT);
	EXPECT_ERRNO(sigaction(SIGUSR1, NULL, (void *)KERNEL_ADDR), EFAULT);
	EXPECT_ERRNO(kill(getpid(), NSIG), EINVAL);
	EXPECT_ERRNO(kill(getpid(), -1), EINVAL);
	EXPECT_ERRNO(kill(getpid(), 1000), EINVAL);
	EXPECT_ERRNO(kill(1, SIGTERM), EPERM);
	EXPECT_ERRNO(sigprocmask(99, &set, NULL), EINVAL);
	EXPECT_ERRNO(sigprocmask(SIG_BLOCK, (void *)1, NULL), EFAULT);
	EXPECT_ERRNO(sigprocmask(SIG_BLOCK, NULL, (void *)KERNEL_ADDR), EFAULT);
	EXPECT_ERRNO(sigpending((void *)1), EFAULT);
	EXPECT_ERRNO(sigsuspend((void *)KERNEL_ADDR), EFAULT);
	EXPECT_ERRNO(sigaddset(&set, 0), EINVAL);
	EXPECT_ERRNO(sigismember(&set, NSIG), EINVAL);
}

/* A blocked signal stays pending and runs its handler when unblocked. */
static void mask_and_pending(void)
{
	sigset_t set, pending, old;

	ASSERT_EQ(signal(SIGUSR1, count), SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGKILL); /* cannot be blocked: dropped silently */
	ASSERT_EQ(sigprocmask(SIG_BLOCK, &set, &old), 0);
	EXPECT_EQ(old, 0);
	EXPECT_EQ(raise(SIGUSR1), 0);
	EXPECT_EQ(raise(SIGUSR1), 0); /* not queued: one pending signal */
	EXPECT_EQ(hits, 0);
	ASSERT_EQ(sigpending(&pending), 0);
	EXPECT_EQ(sigismember(&pending, SIGUSR1), 1);
	ASSERT_EQ(sigprocmask(SIG_SETMASK, NULL, &old), 0);
	EXPECT_EQ(sigismember(&old, SIGKILL), 0);
	EXPECT_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
	EXPECT_EQ(hits, 1);
	ASSERT_EQ(sigpending(&pending), 0);
	EXPECT_EQ(pending, 0);
}

static void die_by_term(void)
{
	raise(SIGTERM);
}

static void die_by_usr2(void)
{
	kill(getpid(), SIGUSR2);
}

static void die_by_abrt(void)
{
	raise(SIGABRT);
}

static void survive_ignored(void)
{
	signal(SIGTERM, SIG_IGN);
	raise(SIGTERM);
	raise(SIGCHLD); /* ignored by default */
	raise(SIGURG);
	raise(SIGCONT); /* continuing a running process does nothing */
	_exit(7);
}

/* POSIX's default actions: terminate, "core" (terminate), ignore. */
static void default_actions(void)
{
	int s;

	EXPECT_KILLED_BY(die_by_term, SIGTERM);
	EXPECT_KILLED_BY(die_by_usr2, SIGUSR2);
	EXPECT_KILLED_BY(die_by_abrt, SIGABRT);
	s = ktap_child_status(survive_ignored);
	EXPECT_TRUE(WIFEXITED(s));
	EXPECT_EQ(WEXITSTATUS(s), 7);
}

static void nested(int sig)
{
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	if (hits++ == 0)
		raise(sig); /* runs now with SA_NODEFER, after return if not */
	depth--;
}

static void twice_resethand(void)
{
	hits = 0;
	set_action(SIGUSR1, count, SA_RESETHAND);
	raise(SIGUSR1);
	if (hits == 1)
		raise(SIGUSR1); /* the default action now: death */
	_exit(1);
}

/* A signal is blocked in its own handler unless SA_NODEFER. */
static void nodefer_resethand(void)
{
	ASSERT_EQ(set_action(SIGUSR1, nested, 0), 0);
	raise(SIGUSR1);
	EXPECT_EQ(hits, 2);
	EXPECT_EQ(max_depth, 1);
	hits = max_depth = 0;
	ASSERT_EQ(set_action(SIGUSR1, nested, SA_NODEFER), 0);
	raise(SIGUSR1);
	EXPECT_EQ(hits, 2);
	EXPECT_EQ(max_depth, 2);
	EXPECT_KILLED_BY(twice_resethand, SIGUSR1);
}

/* The handler's mask is the mask again after it returns. */
static void mask_restored(void)
{
	struct sigaction sa = { .sa_handler = count };
	sigset_t now;

	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	ASSERT_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	raise(SIGUSR1);
	EXPECT_EQ(hits, 1);
	ASSERT_EQ(sigprocmask(SIG_BLOCK, NULL, &now), 0);
	EXPECT_EQ(now, 0);
}

static char *volatile fix_base;
static volatile unsigned long fix_len;

/* Make the faulting page writable (it is part of fix_base's mapping). */
static void segv_mprotect(int sig, siginfo_t *si, void *uc)
{
	unsigned long page = (unsigned long)si->si_addr & ~(PAGE - 1);

	record(sig, si, uc);
	if (mprotect((void *)page, PAGE, PROT_READ | PROT_WRITE))
		_exit(90);
}

/* Map the faulting page, fixed, where there was nothing. */
static void segv_mmap(int sig, siginfo_t *si, void *uc)
{
	unsigned long page = (unsigned long)si->si_addr & ~(PAGE - 1);

	record(sig, si, uc);
	if (mmap((void *)page, PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
		_exit(91);
}

/* SIGSEGV with SEGV_ACCERR, fixed by mprotect; the write is retried. */
static void segv_accerr_retry(void)
{
	char *p =
		mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ASSERT_NE(p, MAP_FAILED);
	ASSERT_EQ(set_info_action(SIGSEGV, segv_mprotect, 0), 0);
	poke(p + 100, 42);
	EXPECT_EQ(p[100], 42);
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(last_sig, SIGSEGV);
	EXPECT_EQ(last_code, SEGV_ACCERR);
	EXPECT_EQ(last_addr, FAULT_ADDR(p + 100));
	munmap(p, PAGE);
}

/* SIGSEGV with SEGV_MAPERR, fixed by mmap: user-level paging. */
static void segv_maperr_retry(void)
{
	char *p = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ASSERT_NE(p, MAP_FAILED);
	ASSERT_EQ(munmap(p, 4 * PAGE), 0); /* a hole we know is free */
	ASSERT_EQ(set_info_action(SIGSEGV, segv_mmap, 0), 0);
	for (int i = 0; i < 4; i++)
		poke(p + i * PAGE + 8, (char)i);
	for (int i = 0; i < 4; i++)
		EXPECT_EQ(p[i * PAGE + 8], i);
	EXPECT_EQ(hits, 4);
	EXPECT_EQ(last_code, SEGV_MAPERR);
	EXPECT_EQ(last_addr, FAULT_ADDR(p + 3 * PAGE + 8));
	munmap(p, 4 * PAGE);
}

/*
 * A write barrier, as a garbage collector keeps one: the pages start
 * read-only; the first write to each faults once, and the handler records
 * the page as dirty and lets writes through.  The second round faults on
 * none; after re-arming (mprotect PROT_READ) each faults once again.
 */
#define BARRIER_PAGES 8
static volatile int dirty[BARRIER_PAGES];

static void barrier(int sig, siginfo_t *si, void *uc)
{
	unsigned long off = (char *)si->si_addr - fix_base;

	if (si->si_code != SEGV_ACCERR || off >= fix_len)
		_exit(92);
	dirty[off / PAGE]++;
	segv_mprotect(sig, si, uc);
}

static void write_barrier(void)
{
	fix_len = BARRIER_PAGES * PAGE;
	fix_base = mmap(NULL, fix_len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
			-1, 0);
	ASSERT_NE(fix_base, MAP_FAILED);
	ASSERT_EQ(set_info_action(SIGSEGV, barrier, 0), 0);
	for (int round = 0; round < 3; round++) {
		if (round == 2)
			ASSERT_EQ(mprotect(fix_base, fix_len, PROT_READ), 0);
		for (unsigned long i = 0; i < fix_len; i += 512)
			poke(fix_base + i, (char)round);
	}
	for (int i = 0; i < BARRIER_PAGES; i++)
		EXPECT_EQ(dirty[i], 2);
	EXPECT_EQ(hits, 2 * BARRIER_PAGES);
	munmap(fix_base, fix_len);
}

static int bus_fd = -1;

/* The file is too short for the access: make it long enough. */
static void bus_grow(int sig, siginfo_t *si, void *uc)
{
	record(sig, si, uc);
	if (ftruncate(bus_fd, 2 * PAGE))
		_exit(93);
}

/* SIGBUS (BUS_ADRERR) past a file's end; ftruncate fixes it. */
static void sigbus_retry(void)
{
	const char *path = "/tmp/signal_test_bus";
	char *p;

	bus_fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	ASSERT_GE(bus_fd, 0);
	unlink(path);
	ASSERT_EQ(write(bus_fd, "x", 1), 1);
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, bus_fd, 0);
	ASSERT_NE(p, MAP_FAILED);
	ASSERT_EQ(set_info_action(SIGBUS, bus_grow, 0), 0);
	EXPECT_EQ(*(volatile char *)(p + PAGE + 1), 0);
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(last_sig, SIGBUS);
	EXPECT_EQ(last_code, BUS_ADRERR);
	EXPECT_EQ(last_addr, FAULT_ADDR(p + PAGE + 1));
	munmap(p, 2 * PAGE);
	close(bus_fd);
}

/* Hidden from gcc, which would warn of a store to a constant address. */
static volatile char *volatile unmapped = (char *)8;

static void touch_again(int sig, siginfo_t *si, void *uc)
{
	hits++;
	*(volatile char *)si->si_addr = 1; /* SIGSEGV is blocked here */
}

static void refault_in_handler(void)
{
	set_info_action(SIGSEGV, touch_again, 0);
	*unmapped = 1;
	_exit(1);
}

static void segv_ignored(void)
{
	signal(SIGSEGV, SIG_IGN);
	*unmapped = 1;
	_exit(1);
}

/* A fault the handler cannot escape ends the process, not a loop. */
static void fault_in_handler_dies(void)
{
	EXPECT_KILLED_BY(refault_in_handler, SIGSEGV);
	EXPECT_KILLED_BY(segv_ignored, SIGSEGV);
}

static void handler_unmapped(void)
{
	char *p =
		mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	set_action(SIGUSR1, (void (*)(int))p, 0);
	raise(SIGUSR1);
	_exit(1);
}

static void handler_not_exec(void)
{
	char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	p[0] = (char)0xc3; /* ret: harmless, were it executed */
	set_action(SIGUSR1, (void (*)(int))p, 0);
	raise(SIGUSR1);
	_exit(1);
}

static void handler_kernel(void)
{
	set_action(SIGUSR1, (void (*)(int))KERNEL_ADDR, 0);
	raise(SIGUSR1);
	_exit(1);
}

static void no_stack(void)
{
	signal(SIGUSR1, count);
	/* The frame would go below a stack pointer at the bottom of memory. */
#if defined(__x86_64__)
	asm volatile("mov %%rsp, %%rbx; mov $64, %%rsp; int $0x80; "
		     "mov %%rbx, %%rsp"
		     :
		     : "a"(SYS_kill), "D"(getpid()), "S"(SIGUSR1)
		     : "rbx", "memory");
#elif defined(__arm__)
	register long r0 asm("r0") = getpid();
	register long r1 asm("r1") = SIGUSR1;
	register long r7 asm("r7") = SYS_kill;

	asm volatile("mov r4, sp; mov sp, #64; svc #0; mov sp, r4"
		     : "+r"(r0)
		     : "r"(r1), "r"(r7)
		     : "r4", "memory");
#elif defined(__s390x__)
	long self = getpid();
	register long nr asm("r1") = SYS_kill;
	register long pid asm("r2") = self;
	register long sig asm("r3") = SIGUSR1;

	asm volatile("lgr %%r9, %%r15; lghi %%r15, 64; svc 0; lgr %%r15, %%r9"
		     : "+d"(pid)
		     : "d"(nr), "d"(sig)
		     : "r9", "memory");
#endif
	_exit(1);
}

static void illegal_instruction(void)
{
	__builtin_trap(); /* ud2 on x86_64; an invalid opcode on s390x */
}

static volatile int zero;

static void divide_by_zero(void)
{
	_exit(100 / zero);
}

int main(void);

static void write_to_text(void)
{
	*(volatile char *)(void *)main = 0;
	_exit(0);
}

/*
 * The CPU's own exceptions, decoded into POSIX signals: an undefined
 * instruction (x86 #UD, s390 operation exception), an integer division by
 * zero (#DE, fixed-point-divide exception), a store to read-only text (a
 * page fault, a protection exception).  The kernel survives each.
 */
static void exceptions_give_signals(void)
{
	EXPECT_KILLED_BY(illegal_instruction, SIGILL);
	EXPECT_KILLED_BY(divide_by_zero, SIGFPE);
	EXPECT_KILLED_BY(write_to_text, SIGSEGV);
}

/* A handler that cannot run, or no stack for its frame: SIGSEGV. */
static void bad_handler_dies(void)
{
	EXPECT_KILLED_BY(handler_unmapped, SIGSEGV);
	EXPECT_KILLED_BY(handler_not_exec, SIGSEGV);
	EXPECT_KILLED_BY(handler_kernel, SIGSEGV);
	EXPECT_KILLED_BY(no_stack, SIGSEGV);
}

/* Forgeries of the saved context, each of which sigreturn must refuse. */
static volatile int forgery;

static void forge(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;

	switch (forgery) {
#if defined(__x86_64__)
	case 0:
		uc->uc_mcontext.cs = 0x08 | 0; /* a ring-0 code selector */
		break;
	case 1:
		uc->uc_mcontext.ss = 0x10;
		break;
	case 2:
		uc->uc_mcontext.rip = KERNEL_ADDR;
		break;
	case 3:
		uc->uc_mcontext.rip = 0x0000800000000000UL; /* non-canonical */
		break;
	case 4:
		uc->uc_mcontext.rsp = 0xffff800000000000UL;
		break;
	case 5:
		uc->uc_mcontext.fpstate = (void *)KERNEL_ADDR;
		break;
	case 6: /* MXCSR with a reserved bit */
		((unsigned int *)uc->uc_mcontext.fpstate)[6] |= 1u << 31;
		break;
#elif defined(__arm__)
	case 0:
		uc->uc_mcontext.arm_pc = KERNEL_ADDR;
		break;
	case 1:
		uc->uc_mcontext.arm_sp = KERNEL_DIRECT_MAP;
		break;
	case 2:
		uc->uc_mcontext.arm_pc |= 2; /* no ARM instruction is there */
		break;
#elif defined(__s390x__)
	case 0:
		uc->uc_mcontext.psw_addr = KERNEL_ADDR;
		break;
	case 1:
		uc->uc_mcontext.psw_addr = 1UL << 53; /* beyond any table */
		break;
#endif
	}
}

#if defined(__x86_64__)
#define NR_FORGERIES 7
#elif defined(__arm__)
#define NR_FORGERIES 3
#elif defined(__s390x__)
#define NR_FORGERIES 2
#endif

static void forged_frame(void)
{
	set_info_action(SIGUSR1, forge, 0);
	raise(SIGUSR1);
	_exit(1);
}

static void raw_sigreturn(void)
{
	syscall(SYS_sigreturn); /* no frame at all where it looks */
	_exit(1);
}

static void flags_forge(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;

#if defined(__x86_64__)
	/* IOPL 3, IF clear, NT, TF; and the carry flag, which is allowed. */
	uc->uc_mcontext.eflags = (3UL << 12) | (1UL << 14) | (1UL << 8) | 1;
#elif defined(__arm__)
	/* SVC mode, IRQ and FIQ masked, Thumb; and the N flag, allowed. */
	uc->uc_mcontext.arm_cpsr =
		0x13 | (1UL << 7) | (1UL << 6) | (1UL << 5) | (1UL << 31);
#elif defined(__s390x__)
	/* Supervisor state, DAT off, interruptions off; a condition code. */
	uc->uc_mcontext.psw_mask = (1UL << 32 | 1UL << 31) | (3UL << 44);
#endif
}

static void forged_frames_die(void)
{
	unsigned long flags;

	for (forgery = 0; forgery < NR_FORGERIES; forgery++)
		EXPECT_KILLED_BY(forged_frame, SIGSEGV);
	EXPECT_KILLED_BY(raw_sigreturn, SIGSEGV);
	/* Flags are filtered, not refused: only the harmless ones pass. */
	ASSERT_EQ(set_info_action(SIGUSR1, flags_forge, 0), 0);
	raise(SIGUSR1);
#if defined(__x86_64__)
	asm volatile("pushf; pop %0" : "=r"(flags));
	EXPECT_EQ(flags & (3UL << 12), 0);
	EXPECT_EQ(flags & (1UL << 14), 0);
	EXPECT_EQ(flags & (1UL << 8), 0);
	EXPECT_TRUE(flags & (1UL << 9)); /* IF stays on */
#elif defined(__arm__)
	asm volatile("mrs %0, cpsr" : "=r"(flags));
	EXPECT_EQ(flags & 0x1f, 0x10); /* still user mode */
	EXPECT_EQ(flags & ((1UL << 7) | (1UL << 6) | (1UL << 5)), 0);
#elif defined(__s390x__)
	/* The PSW's first half: DAT, external interruptions, problem state. */
	asm volatile("epsw %0, 0" : "=d"(flags));
	EXPECT_EQ(flags & 0x05010000UL, 0x05010000UL);
#endif
}

static void child_exits_3(void)
{
	_exit(3);
}

/* SIGCHLD, with the child's pid and status, waited for with sigsuspend. */
static void sigchld(void)
{
	sigset_t block, old;
	pid_t pid;
	int status;

	ASSERT_EQ(set_info_action(SIGCHLD, record, 0), 0);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	ASSERT_EQ(sigprocmask(SIG_BLOCK, &block, &old), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0)
		child_exits_3();
	while (!hits)
		EXPECT_ERRNO(sigsuspend(&old), EINTR);
	EXPECT_EQ(last_sig, SIGCHLD);
	EXPECT_EQ(last_code, CLD_EXITED);
	EXPECT_EQ(last_pid, pid);
	/* sigsuspend put the mask back. */
	ASSERT_EQ(sigprocmask(SIG_BLOCK, NULL, &old), 0);
	EXPECT_EQ(sigismember(&old, SIGCHLD), 1);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(WEXITSTATUS(status), 3);
}

static void write_no_reader(void)
{
	int p[2];

	if (pipe(p))
		_exit(2);
	close(p[0]);
	write(p[1], "x", 1);
	_exit(1);
}

/* SIGPIPE's default action ends a writer with no reader. */
static void sigpipe(void)
{
	EXPECT_KILLED_BY(write_no_reader, SIGPIPE);
}

/* alarm: SIGALRM after the seconds asked; pause returns after it. */
static void alarm_pause(void)
{
	ASSERT_EQ(signal(SIGALRM, count), SIG_DFL);
	EXPECT_EQ(alarm(5), 0);
	EXPECT_EQ(alarm(1), 5); /* the old one, rounded up */
	EXPECT_ERRNO(pause(), EINTR);
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(last_sig, SIGALRM);
	EXPECT_EQ(alarm(0), 0);
}

/*
 * A child that sends SIGUSR1 every 10 ms until killed (and, if data_fd is
 * not -1, writes a byte there after 5 signals).
 */
static pid_t pester(int data_fd)
{
	pid_t parent = getpid(), pid = fork();
	struct timespec ts = { 0, 10 * 1000 * 1000 };

	if (pid)
		return pid;
	for (int n = 1;; n++) {
		kill(parent, SIGUSR1);
		nanosleep(&ts, NULL);
		if (data_fd >= 0 && n == 5)
			write(data_fd, "d", 1);
	}
}

static void stop_pester(pid_t pid)
{
	int status;

	EXPECT_EQ(kill(pid, SIGKILL), 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
}

/* A read sleeping on a pipe: EINTR, or restarted with SA_RESTART. */
static void eintr_and_restart(void)
{
	int data[2];
	char c;
	pid_t pid;

	ASSERT_EQ(pipe(data), 0);
	ASSERT_EQ(set_action(SIGUSR1, count, 0), 0);
	pid = pester(-1);
	ASSERT_GE(pid, 0);
	EXPECT_ERRNO(read(data[0], &c, 1), EINTR);
	EXPECT_GE(hits, 1);
	stop_pester(pid);

	hits = 0;
	ASSERT_EQ(set_action(SIGUSR1, count, SA_RESTART), 0);
	pid = pester(data[1]);
	ASSERT_GE(pid, 0);
	EXPECT_EQ(read(data[0], &c, 1), 1);
	EXPECT_EQ(c, 'd');
	EXPECT_GE(hits, 1);
	stop_pester(pid);
}

static void sleep_half_a_second(void)
{
	struct timespec ts = { 0, 500000000 }, t0, t1;
	long ms;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (nanosleep(&ts, NULL))
		_exit(1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 +
	     (t1.tv_nsec - t0.tv_nsec) / 1000000;
	_exit(ms >= 500 ? 0 : 2);
}

/*
 * nanosleep sleeps its whole request through a stop and continue and
 * through a signal it ignores: neither runs a handler, so neither is an
 * EINTR, and the call resumes to its first deadline (the Open POSIX Test
 * Suite's nanosleep/3-2).  A handler's signal is EINTR, even with
 * SA_RESTART, as POSIX says of nanosleep, and rem holds the time left.
 */
static void nanosleep_resumes(void)
{
	struct timespec settle = { 0, 100000000 }, ts = { 5, 0 }, rem;
	int status;
	pid_t pid = fork();

	ASSERT_GE(pid, 0);
	if (pid == 0)
		sleep_half_a_second();
	nanosleep(&settle, NULL);
	EXPECT_EQ(kill(pid, SIGSTOP), 0);
	EXPECT_EQ(kill(pid, SIGCONT), 0);
	EXPECT_EQ(kill(pid, SIGURG), 0); /* ignored by default */
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 0);

	hits = 0;
	ASSERT_EQ(set_action(SIGALRM, count, SA_RESTART), 0);
	alarm(1);
	EXPECT_ERRNO(nanosleep(&ts, &rem), EINTR);
	EXPECT_EQ(hits, 1);
	EXPECT_TRUE(rem.tv_sec < 5 && (rem.tv_sec > 0 || rem.tv_nsec > 0));
}

/*
 * A parent that sets SA_NOCLDWAIT on SIGCHLD, or ignores it, leaves no
 * zombies: wait finds none and fails with ECHILD once the children have
 * gone (the Open POSIX Test Suite's sigaction/21-1), even when the
 * SIGCHLD handler, which still runs, woke it.  No page stays used: init's
 * leak check counts.
 */
static void no_zombies(void)
{
	int status;

	for (int round = 0; round < 2; round++) {
		if (round == 0)
			ASSERT_EQ(set_action(SIGCHLD, count, SA_NOCLDWAIT), 0);
		else
			ASSERT_EQ(set_action(SIGCHLD, SIG_IGN, 0), 0);
		hits = 0;
		for (int i = 0; i < 3; i++) {
			pid_t pid = fork();

			ASSERT_GE(pid, 0);
			if (pid == 0)
				_exit(0);
		}
		EXPECT_ERRNO(waitpid(-1, &status, 0), ECHILD);
		EXPECT_EQ(hits > 0, round == 0);
	}
}

static void stop_then_wait(void)
{
	raise(SIGSTOP);
	for (;;)
		pause();
}

/* Stop and continue, as waitpid reports them with WUNTRACED, WCONTINUED. */
static void job_control(void)
{
	int status = 0;
	pid_t pid = fork();

	ASSERT_GE(pid, 0);
	if (pid == 0)
		stop_then_wait();
	ASSERT_EQ(waitpid(pid, &status, WUNTRACED), pid);
	EXPECT_TRUE(WIFSTOPPED(status));
	EXPECT_FALSE(WIFSIGNALED(status));
	EXPECT_EQ(WSTOPSIG(status), SIGSTOP);
	EXPECT_EQ(waitpid(pid, &status, WNOHANG | WUNTRACED), 0);
	EXPECT_EQ(kill(pid, SIGCONT), 0);
	ASSERT_EQ(waitpid(pid, &status, WCONTINUED), pid);
	EXPECT_TRUE(WIFCONTINUED(status));
	EXPECT_EQ(kill(pid, SIGTERM), 0);
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(WTERMSIG(status), SIGTERM);
	EXPECT_ERRNO(waitpid(-1, &status, 0x100), EINVAL);
}

static void stop_forever(void)
{
	for (;;)
		raise(SIGTSTP);
}

/* SIGKILL ends a stopped process. */
static void kill_stopped(void)
{
	int status = 0;
	pid_t pid = fork();

	ASSERT_GE(pid, 0);
	if (pid == 0)
		stop_forever();
	ASSERT_EQ(waitpid(pid, &status, WUNTRACED), pid);
	EXPECT_EQ(WSTOPSIG(status), SIGTSTP);
	EXPECT_EQ(kill(pid, SIGKILL), 0);
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(WTERMSIG(status), SIGKILL);
}

/* sigwait takes a blocked pending signal without running its handler. */
static void sigwait_takes(void)
{
	sigset_t set = 0, pending;
	siginfo_t si;
	int sig = 0;
	pid_t pid;

	ASSERT_EQ(signal(SIGUSR1, count), SIG_DFL);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	ASSERT_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	raise(SIGUSR2);
	EXPECT_EQ(sigwait(&set, &sig), 0);
	EXPECT_EQ(sig, SIGUSR2); /* not delivered: SIGUSR2 would kill */
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	EXPECT_EQ(sigwaitinfo(&set, &si), SIGUSR1);
	EXPECT_EQ(si.si_pid, pid);
	EXPECT_EQ(si.si_code, SI_USER);
	EXPECT_EQ(hits, 0);
	ASSERT_EQ(sigpending(&pending), 0);
	EXPECT_EQ(pending, 0);
	EXPECT_EQ(sigwait((void *)KERNEL_ADDR, &sig), EFAULT);
	EXPECT_EQ(waitpid(pid, NULL, 0), pid);
}

/* pthread_sigmask, and XSI's sighold, sigrelse, sigignore. */
static void one_signal_calls(void)
{
	sigset_t set = 0, now;

	ASSERT_EQ(signal(SIGUSR1, count), SIG_DFL);
	EXPECT_EQ(sighold(SIGUSR1), 0);
	raise(SIGUSR1);
	EXPECT_EQ(hits, 0);
	EXPECT_EQ(sigrelse(SIGUSR1), 0);
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(sigignore(SIGUSR1), 0);
	raise(SIGUSR1);
	EXPECT_EQ(hits, 1);
	EXPECT_ERRNO(sighold(NSIG), EINVAL);
	EXPECT_ERRNO(sigrelse(0), EINVAL);
	EXPECT_ERRNO(sigignore(SIGKILL), EINVAL);

	sigaddset(&set, SIGUSR2);
	EXPECT_EQ(pthread_sigmask(SIG_BLOCK, &set, NULL), 0);
	EXPECT_EQ(pthread_sigmask(SIG_BLOCK, NULL, &now), 0);
	EXPECT_EQ(sigismember(&now, SIGUSR2), 1);
	errno = 0;
	EXPECT_EQ(pthread_sigmask(99, &set, NULL), EINVAL);
	EXPECT_EQ(errno, 0);
}

static void call_abort(void)
{
	signal(SIGABRT, count); /* a handler that returns cannot stop it */
	abort();
}

/* abort() ends the process with SIGABRT. */
static void abort_is_sigabrt(void)
{
	EXPECT_KILLED_BY(call_abort, SIGABRT);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(handler_runs),
	KTAP_CASE(bad_input),
	KTAP_CASE(mask_and_pending),
	KTAP_CASE(default_actions),
	KTAP_CASE(exceptions_give_signals),
	KTAP_CASE(nodefer_resethand),
	KTAP_CASE(mask_restored),
	KTAP_CASE(segv_accerr_retry),
	KTAP_CASE(segv_maperr_retry),
	KTAP_CASE(write_barrier),
	KTAP_CASE(sigbus_retry),
	KTAP_CASE(fault_in_handler_dies),
	KTAP_CASE(bad_handler_dies),
	KTAP_CASE(forged_frames_die),
	KTAP_CASE(sigchld),
	KTAP_CASE(sigpipe),
	KTAP_CASE(alarm_pause),
	KTAP_CASE(eintr_and_restart),
	KTAP_CASE(nanosleep_resumes),
	KTAP_CASE(no_zombies),
	KTAP_CASE(job_control),
	KTAP_CASE(kill_stopped),
	KTAP_CASE(sigwait_takes),
	KTAP_CASE(one_signal_calls),
	KTAP_CASE(abort_is_sigabrt),
};

int main(void)
{
	return ktap_main("signal_test", cases, KTAP_NCASES(cases));
}
