// SPDX-License-Identifier: MIT
/*
 * sigaltstack_test: the alternate signal stack (sigaltstack, SA_ONSTACK;
 * kernel/signal.c's sigsp and sigframe_fits, the arch's frame).
 *
 * A program that overflows its stack gets its SIGSEGV handler run on the
 * alternate stack, which the handler sees (sigaltstack says SS_ONSTACK,
 * its locals are there, uc_stack describes the stack it was given); the
 * same overflow without one ends the process with SIGSEGV.  Nested handlers
 * stay on the alternate stack, below each other, until a frame would run
 * off its bottom: then the process dies of SIGSEGV, and the memory below
 * the stack is untouched.  fork inherits the stack, exec forgets it.
 * What the dying child saw is written to a shared page, which the parent
 * reads afterwards.
 */
#include <errno.h>
#include <pagoda.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define PAGE 4096UL
#define ALT_SIZE (4 * PAGE)
#define KERNEL_ADDR KERNEL_IMAGE

/* What a child's handler saw, on a MAP_SHARED page its parent reads. */
struct report {
	int on_stack_flags; /* sigaltstack's ss_flags inside the handler */
	int set_errno;	    /* errno of changing the stack from on it */
	int si_code;
	int uc_flags; /* uc_stack.ss_flags: where the code interrupted ran */
	void *uc_sp;
	char *local; /* a local variable's address */
	int depth;   /* nested handlers entered */
};

static struct report *rep;
static char *alt; /* the alternate stack: ALT_SIZE bytes */

/* The report page and the stack, the stack at the top of its mapping. */
static int setup(size_t below)
{
	rep = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	alt = mmap(NULL, below + ALT_SIZE, PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (rep == MAP_FAILED || alt == MAP_FAILED)
		return -1;
	memset(rep, 0, sizeof(*rep));
	memset(alt, 0x5a, below);
	alt += below;
	return 0;
}

static int use_alt_stack(size_t size)
{
	stack_t ss = { .ss_sp = alt, .ss_size = size };

	return sigaltstack(&ss, NULL);
}

static int set_handler(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa = { .sa_sigaction = fn,
				.sa_flags = SA_SIGINFO | flags };

	return sigaction(sig, &sa, NULL);
}

static void on_overflow(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	stack_t now, ss = { .ss_sp = alt, .ss_size = ALT_SIZE / 2 };
	char local;

	sigaltstack(NULL, &now);
	rep->on_stack_flags = now.ss_flags;
	rep->set_errno = sigaltstack(&ss, NULL) ? errno : 0;
	rep->si_code = si->si_code;
	rep->uc_flags = uc->uc_stack.ss_flags;
	rep->uc_sp = uc->uc_stack.ss_sp;
	rep->local = &local;
	_exit(0);
}

/* Recursion without end: each call takes a page of stack. */
static volatile int forever = 1;

static int recurse(int n)
{
	volatile char page[PAGE];

	page[0] = (char)n;
	if (!forever)
		return 0;
	return recurse(n + 1) + page[0];
}

static void overflow_on_alt_stack(void)
{
	use_alt_stack(ALT_SIZE);
	set_handler(SIGSEGV, on_overflow, SA_ONSTACK);
	recurse(0);
}

static void overflow_on_own_stack(void)
{
	use_alt_stack(ALT_SIZE);
	set_handler(SIGSEGV, on_overflow, 0); /* no SA_ONSTACK */
	recurse(0);
}

/* A stack overflow's handler runs on the alternate stack. */
static void overflow_handler_runs(void)
{
	int st;

	ASSERT_EQ(setup(0), 0);
	st = ktap_child_status(overflow_on_alt_stack);
	EXPECT_TRUE(WIFEXITED(st));
	EXPECT_EQ(WEXITSTATUS(st), 0);
	EXPECT_EQ(rep->on_stack_flags, SS_ONSTACK);
	EXPECT_EQ(rep->set_errno, EPERM);
	EXPECT_EQ(rep->si_code, SEGV_MAPERR);
	EXPECT_EQ(rep->uc_flags, 0);
	EXPECT_TRUE(rep->uc_sp == alt);
	EXPECT_TRUE(rep->local >= alt && rep->local < alt + ALT_SIZE);

	/* Without SA_ONSTACK the frame has nowhere to go: SIGSEGV. */
	memset(rep, 0, sizeof(*rep));
	st = ktap_child_status(overflow_on_own_stack);
	EXPECT_TRUE(WIFSIGNALED(st));
	EXPECT_EQ(WTERMSIG(st), SIGSEGV);
	EXPECT_TRUE(rep->local == NULL);
}

/*
 * The nested handlers' walk down the alternate stack.  Each level takes the
 * same stride (a frame, then the handler's own use down to raise's system
 * call), learnt from the first two.  The last frame must be refused while
 * the handler that asks for it is still on the stack: if its own calls ran
 * off the bottom first, the kernel -- which judges by the stack pointer
 * alone, as Linux does -- would see a program off its alternate stack and
 * start the next frame at the top again, for ever.  So, one level before
 * the end, raise_from burns what is needed for the last handler to find
 * room for its calls but not for another frame: half a frame's contents
 * short of the stride, less the handler's own distance below its frame.
 */
static char *first_local;
static long stride;

static int raise_from(size_t burn)
{
	volatile char pad[burn + 16];

	pad[0] = 0;
	return raise(SIGUSR1) + pad[0]; /* SA_NODEFER: enters again at once */
}

static void nest(int sig, siginfo_t *si, void *ctx)
{
	char local, *frame = (char *)si < (char *)ctx ? (char *)si : ctx;
	long room = &local - alt, last, burn = 0;

	rep->depth++;
	if (!rep->local || &local < rep->local)
		rep->local = &local;
	if (rep->depth == 1)
		first_local = &local;
	if (rep->depth == 2)
		stride = first_local - &local;
	last = stride - (frame - &local) -
	       (long)(sizeof(siginfo_t) + sizeof(ucontext_t)) / 2;
	if (stride && room - stride >= last && room - stride < last + stride)
		burn = (room - stride - last) & ~15L;
	raise_from(burn);
}

static void nest_until_overflow(void)
{
	use_alt_stack(MINSIGSTKSZ * 2);
	set_handler(SIGUSR1, nest, SA_ONSTACK | SA_NODEFER);
	raise(SIGUSR1);
}

/*
 * Nested handlers stay on the alternate stack, each below the last; the
 * frame that does not fit kills (SIGSEGV) before a byte is written below.
 */
static void signal_stack_overflow(void)
{
	size_t below = PAGE, changed = 0;
	int st;

	ASSERT_EQ(setup(below), 0);
	st = ktap_child_status(nest_until_overflow);
	EXPECT_TRUE(WIFSIGNALED(st));
	EXPECT_EQ(WTERMSIG(st), SIGSEGV);
	EXPECT_GE(rep->depth, 2);
	EXPECT_TRUE(rep->local >= alt && rep->local < alt + 2 * MINSIGSTKSZ);
	for (size_t i = 1; i <= below; i++)
		changed += alt[-(long)i] != 0x5a;
	EXPECT_EQ(changed, 0);
}

/* Set, read back, disable; the errors. */
static void set_and_get(void)
{
	stack_t ss = { .ss_sp = (void *)0x10000, .ss_size = MINSIGSTKSZ };
	stack_t old;

	EXPECT_EQ(sigaltstack(NULL, &old), 0);
	EXPECT_EQ(old.ss_flags, SS_DISABLE);
	EXPECT_EQ(sigaltstack(&ss, NULL), 0);
	EXPECT_EQ(sigaltstack(NULL, &old), 0);
	EXPECT_TRUE(old.ss_sp == ss.ss_sp);
	EXPECT_EQ(old.ss_size, MINSIGSTKSZ);
	EXPECT_EQ(old.ss_flags, 0);

	ss.ss_size = MINSIGSTKSZ - 1;
	EXPECT_ERRNO(sigaltstack(&ss, NULL), ENOMEM);
	ss.ss_size = MINSIGSTKSZ;
	ss.ss_flags = 4;
	EXPECT_ERRNO(sigaltstack(&ss, NULL), EINVAL);
	ss.ss_flags = SS_DISABLE | SS_ONSTACK;
	EXPECT_ERRNO(sigaltstack(&ss, NULL), EINVAL);
	EXPECT_ERRNO(sigaltstack((void *)KERNEL_ADDR, NULL), EFAULT);
	EXPECT_ERRNO(sigaltstack(NULL, (void *)KERNEL_ADDR), EFAULT);

	ss.ss_flags = SS_DISABLE;
	EXPECT_EQ(sigaltstack(&ss, &old), 0);
	EXPECT_EQ(old.ss_size, MINSIGSTKSZ); /* what was there before */
	EXPECT_EQ(sigaltstack(NULL, &old), 0);
	EXPECT_EQ(old.ss_flags, SS_DISABLE);
	EXPECT_EQ(old.ss_size, 0);
}

#define EXEC_ARG "report-altstack"

/* fork keeps the stack; exec, which replaces the memory, drops it. */
static void fork_and_exec(void)
{
	stack_t ss = { .ss_sp = (void *)0x20000, .ss_size = 3 * PAGE };
	int st;
	pid_t pid;

	ASSERT_EQ(sigaltstack(&ss, NULL), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		stack_t old;

		sigaltstack(NULL, &old);
		if (old.ss_sp != ss.ss_sp || old.ss_size != ss.ss_size)
			_exit(1);
		execl("/tests/sigaltstack_test", "sigaltstack_test", EXEC_ARG,
		      (char *)NULL);
		_exit(2);
	}
	ASSERT_EQ(waitpid(pid, &st, 0), pid);
	EXPECT_TRUE(WIFEXITED(st));
	EXPECT_EQ(WEXITSTATUS(st), 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(overflow_handler_runs),
	KTAP_CASE(signal_stack_overflow),
	KTAP_CASE(set_and_get),
	KTAP_CASE(fork_and_exec),
};

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], EXEC_ARG)) {
		stack_t old;

		sigaltstack(NULL, &old);
		return old.ss_flags == SS_DISABLE ? 0 : 3;
	}
	return ktap_main("sigaltstack_test", cases, KTAP_NCASES(cases));
}
