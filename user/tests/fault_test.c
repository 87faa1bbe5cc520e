// SPDX-License-Identifier: MIT
/*
 * fault_test: bad addresses.  A process that touches memory it does not own
 * is killed with SIGSEGV; a system call handed such an address fails with
 * EFAULT and the caller lives on.  Either way the kernel must survive, and
 * must never read or write kernel memory on a process's behalf.
 *
 * The addresses tried, from the x86_64 layout (arch/x86_64/include/asm/
 * layout.h): NULL and 1 (unmapped user addresses: the kernel finds out by
 * faulting), the guard page at the top of user space, the first
 * non-canonical address, the direct map of RAM, and the kernel image (the
 * kernel must refuse these without touching them).
 */
#include <errno.h>
#include <fcntl.h>
#include <pagoda.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"
#include "proc_field.h"

extern char **environ;

static const unsigned long bad_addrs[] = {
	0,		   /* NULL */
	1,		   /* unaligned, in the unmapped first page */
	USER_TOP,	   /* guard page at the top of user space */
	BEYOND_USER,	   /* x86_64: first non-canonical address */
	KERNEL_DIRECT_MAP, /* kernel: the direct map of RAM */
	KERNEL_IMAGE,	   /* kernel: its image */
};
#define NR_BAD ((int)(sizeof(bad_addrs) / sizeof(bad_addrs[0])))

/*
 * The address the faulting children use.  Reading it from a volatile keeps
 * the compiler from seeing "*NULL" and putting a trap instruction there
 * instead of the memory access we want to test.
 */
static volatile unsigned long target;

static void do_read(void)
{
	(void)*(volatile long *)target;
}

static void do_write(void)
{
	*(volatile long *)target = 42;
}

static void do_call(void)
{
	((void (*)(void))target)();
}

/* Run fn(addr) in a child; return its wait status. */
static int child_status(void (*fn)(void), unsigned long addr)
{
	int status = -1;
	pid_t pid;

	target = addr;
	pid = fork();
	if (pid == 0) {
		fn();
		_exit(0); /* survived: the parent reports it */
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* fn at addr must kill the child with SIGSEGV; report as the caller's line. */
#define EXPECT_SEGV(fn, addr)                                                  \
	do {                                                                   \
		int _s = child_status(fn, addr);                               \
		if (!WIFSIGNALED(_s) || WTERMSIG(_s) != SIGSEGV)               \
			ktap_fail(__FILE__, __LINE__,                          \
				  "%s at %#lx: expected SIGSEGV, but wait "    \
				  "status is %#x",                             \
				  #fn, (unsigned long)(addr), _s);             \
	} while (0)

/* Loads and stores to each bad address: SIGSEGV. */
static void segv_bad_address(void)
{
	for (int i = 0; i < NR_BAD; i++) {
		EXPECT_SEGV(do_read, bad_addrs[i]);
		EXPECT_SEGV(do_write, bad_addrs[i]);
	}
}

/* Jumping to NULL or into the kernel: SIGSEGV on the instruction fetch. */
static void segv_bad_jump(void)
{
	EXPECT_SEGV(do_call, 0);
	EXPECT_SEGV(do_call, KERNEL_IMAGE);
}

/* Our own program text is mapped read-only. */
static void segv_write_text(void)
{
	EXPECT_SEGV(do_write, (unsigned long)do_read);
	EXPECT_SEGV(do_write, (unsigned long)child_status);
}

/* The process a fault killed is gone for good: the pid is free. */
static void segv_reaped(void)
{
	int status;
	pid_t pid;

	target = 0;
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		do_write();
		_exit(0);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(WTERMSIG(status), SIGSEGV);
	EXPECT_ERRNO(kill(pid, SIGKILL), ESRCH);
	EXPECT_ERRNO(waitpid(pid, &status, 0), ECHILD);
}

/* Descriptors with data to read: a file, a pipe, /dev/zero. */
static void open_sources(int fds[3])
{
	static const char data[64] = "some data";
	int p[2];

	fds[0] = open("/tmp/fault_test.f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(fds[0], data, sizeof(data));
	lseek(fds[0], 0, SEEK_SET);
	fds[1] = pipe(p) == 0 ? p[0] : -1;
	if (fds[1] >= 0) {
		write(p[1], data, sizeof(data));
		close(p[1]);
	}
	fds[2] = open("/dev/zero", O_RDONLY);
}

static void close_sources(int fds[3])
{
	for (int i = 0; i < 3; i++)
		close(fds[i]);
	unlink("/tmp/fault_test.f");
}

/* read into a bad buffer: EFAULT, from a file, a pipe and a device. */
static void efault_read(void)
{
	int fds[3];

	open_sources(fds);
	for (int f = 0; f < 3; f++) {
		ASSERT_GE(fds[f], 0);
		for (int i = 0; i < NR_BAD; i++)
			EXPECT_ERRNO(read(fds[f], (void *)bad_addrs[i], 16),
				     EFAULT);
	}
	for (int i = 0; i < NR_BAD; i++)
		EXPECT_ERRNO(pread(fds[0], (void *)bad_addrs[i], 16, 0),
			     EFAULT);
	close_sources(fds);
}

/* write from a bad buffer: EFAULT, to a file, a pipe and the console. */
static void efault_write(void)
{
	int fd = open("/tmp/fault_test.f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	int p[2];

	ASSERT_GE(fd, 0);
	ASSERT_EQ(pipe(p), 0);
	for (int i = 0; i < NR_BAD; i++) {
		EXPECT_ERRNO(write(fd, (void *)bad_addrs[i], 16), EFAULT);
		EXPECT_ERRNO(pwrite(fd, (void *)bad_addrs[i], 16, 0), EFAULT);
		EXPECT_ERRNO(write(p[1], (void *)bad_addrs[i], 16), EFAULT);
		EXPECT_ERRNO(write(1, (void *)bad_addrs[i], 16), EFAULT);
	}
	/* Nothing was written on the way. */
	EXPECT_EQ(lseek(fd, 0, SEEK_END), 0);
	close(fd);
	close(p[0]);
	close(p[1]);
	unlink("/tmp/fault_test.f");
}

/*
 * Two pages, the second PROT_NONE: a buffer starting 2048 bytes before the
 * end of the first is good for 2048 bytes only.
 */
static char *half_good_buffer(void)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || mprotect(p + 4096, 4096, PROT_NONE))
		return NULL;
	memset(p, 'h', 4096);
	return p + 2048;
}

/* A transfer cut short by a bad page returns what it moved (POSIX, Linux). */
static void partial_file_transfers(void)
{
	int fd = open("/tmp/fault_test.f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	static char data[4096];
	char *buf = half_good_buffer(), c = 0;

	ASSERT_GE(fd, 0);
	ASSERT_TRUE(buf != NULL);
	EXPECT_EQ(pwrite(fd, buf, 4096, 0), 2048);
	EXPECT_EQ(lseek(fd, 0, SEEK_END), 2048);
	EXPECT_EQ(pread(fd, &c, 1, 2047), 1);
	EXPECT_EQ(c, 'h'); /* the bytes written are in the file */
	EXPECT_EQ(write(fd, buf, 4096), 2048);
	memset(data, 'd', sizeof(data));
	EXPECT_EQ(pwrite(fd, data, sizeof(data), 0), (long)sizeof(data));
	EXPECT_EQ(pread(fd, buf, 4096, 0), 2048);
	EXPECT_EQ(buf[2047], 'd');
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(read(fd, buf, 4096), 2048);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 2048); /* moved by what it read */
	munmap(buf - 2048, 8192);
	close(fd);
	unlink("/tmp/fault_test.f");
}

/*
 * A pipe moves bytes one at a time as far as they go: the partial count.
 * (Linux copies a page at a time into and out of a pipe and returns EFAULT
 * for a page it could not copy whole, moving nothing; POSIX allows both.)
 */
static void partial_pipe_and_device_transfers(void)
{
	char *buf = half_good_buffer();
	int p[2], zero = open("/dev/zero", O_RDONLY);

	ASSERT_TRUE(buf != NULL);
	ASSERT_GE(zero, 0);
	ASSERT_EQ(pipe(p), 0);
	ASSERT_EQ(write(p[1], buf, 4096), 2048);
	EXPECT_EQ(read(p[0], buf - 2048, 4096), 2048); /* all that is there */
	ASSERT_EQ(write(p[1], buf - 2048, 4096), 4096);
	EXPECT_EQ(read(p[0], buf, 4096), 2048);
	EXPECT_EQ(read(p[0], buf - 2048, 4096), 2048); /* the rest is kept */
	EXPECT_EQ(read(zero, buf, 4096), 2048);
	EXPECT_EQ(buf[2047], 0);
	munmap(buf - 2048, 8192);
	close(zero);
	close(p[0]);
	close(p[1]);
}

/*
 * A count is checked against the user address range before anything
 * moves (Linux's access_ok): SIZE_MAX from a good buffer is EFAULT, and no
 * byte of whatever follows the buffer reaches the file.
 */
static void huge_counts_are_efault(void)
{
	int fd = open("/tmp/fault_test.f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	static char buf[64];

	ASSERT_GE(fd, 0);
	EXPECT_ERRNO(write(fd, buf, SIZE_MAX), EFAULT);
	EXPECT_ERRNO(write(fd, buf, HUGE_LENGTH), EFAULT);
	EXPECT_EQ(lseek(fd, 0, SEEK_END), 0);
	EXPECT_EQ(write(fd, buf, sizeof(buf)), (long)sizeof(buf));
	EXPECT_ERRNO(read(fd, buf, SIZE_MAX), EFAULT);
	EXPECT_ERRNO(pread(fd, buf, SIZE_MAX, 0), EFAULT);
	EXPECT_ERRNO(pwrite(fd, buf, SIZE_MAX, 0), EFAULT);
	EXPECT_EQ(lseek(fd, 0, SEEK_END), (long)sizeof(buf));
	close(fd);
	unlink("/tmp/fault_test.f");
}

/* System calls taking a path: a bad path pointer is EFAULT. */
static void efault_path(void)
{
	struct stat st;

	for (int i = 0; i < NR_BAD; i++) {
		const char *path = (const char *)bad_addrs[i];

		EXPECT_ERRNO(open(path, O_RDONLY), EFAULT);
		EXPECT_ERRNO(open(path, O_RDWR | O_CREAT, 0644), EFAULT);
		EXPECT_ERRNO(stat(path, &st), EFAULT);
		EXPECT_ERRNO(unlink(path), EFAULT);
		EXPECT_ERRNO(mkdir(path, 0755), EFAULT);
		EXPECT_ERRNO(chdir(path), EFAULT);
	}
}

/*
 * execve with a bad path, a bad argv or envp array, or a bad string in
 * one: EFAULT, and -- the hard part for the kernel -- the old program is
 * still there to see it.  The program is /bin/false: should an execve
 * wrongly succeed, the case ends with status 1 and is reported as failed.
 */
static void efault_execve(void)
{
	char *argv[] = { "false", NULL };
	char *bad_arg[] = { "false", NULL, NULL };

	for (int i = 0; i < NR_BAD; i++) {
		void *bad = (void *)bad_addrs[i];

		EXPECT_ERRNO(execve(bad, argv, environ), EFAULT);
		if (bad_addrs[i] == 0)
			continue; /* NULL argv or envp means "empty" on Linux */
		EXPECT_ERRNO(execve("/bin/false", bad, environ), EFAULT);
		EXPECT_ERRNO(execve("/bin/false", argv, bad), EFAULT);
		bad_arg[1] = bad;
		EXPECT_ERRNO(execve("/bin/false", bad_arg, environ), EFAULT);
		EXPECT_ERRNO(execve("/bin/false", argv, bad_arg), EFAULT);
	}
}

/* The calls that fill in a structure for us. */
static void efault_out_params(void)
{
	int fd = open("/tmp", O_RDONLY), fd2;

	ASSERT_EQ(fd, 3);
	for (int i = 0; i < NR_BAD; i++) {
		void *bad = (void *)bad_addrs[i];

		EXPECT_ERRNO(pipe(bad), EFAULT);
		EXPECT_ERRNO(fstat(fd, bad), EFAULT);
		EXPECT_ERRNO(stat("/tmp", bad), EFAULT);
		EXPECT_ERRNO(clock_gettime(CLOCK_MONOTONIC, bad), EFAULT);
		EXPECT_ERRNO(nanosleep(bad, NULL), EFAULT);
		EXPECT_ERRNO(getrusage(RUSAGE_SELF, bad), EFAULT);
		EXPECT_ERRNO(sysinfo(bad), EFAULT);
		EXPECT_ERRNO(procinfo(0, bad), EFAULT);
		if (bad) /* getcwd(NULL, n) may allocate, as glibc's does */
			EXPECT_ERRNO(getcwd(bad, 64) ? 0 : -1, EFAULT);
	}
	/* The pipe() calls that failed left no descriptor behind. */
	fd2 = dup(0);
	EXPECT_EQ(fd2, 4);
	close(fd2);
	close(fd);
}

/*
 * Each port's fault entry turns interrupts back on for a fault of code that
 * had them on, as Linux's do_page_fault does (chapter 10, section 10.6):
 * /proc/vmstat's pgfault_irqs_on counts the faults handled so, pgfault all
 * of them.  Touching fresh pages from user mode must add to both alike.
 */
#define IRQ_PAGES 16

static void faults_run_with_interrupts_on(void)
{
	long faults = proc_field("/proc/vmstat", "pgfault");
	long irqs_on = proc_field("/proc/vmstat", "pgfault_irqs_on");
	volatile char *p = mmap(NULL, IRQ_PAGES * 4096, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_GE(irqs_on, 0);
	for (int i = 0; i < IRQ_PAGES; i++)
		p[i * 4096] = 1;
	faults = proc_field("/proc/vmstat", "pgfault") - faults;
	irqs_on = proc_field("/proc/vmstat", "pgfault_irqs_on") - irqs_on;
	EXPECT_GE(faults, IRQ_PAGES);
	EXPECT_EQ(irqs_on, faults); /* none with interrupts off */
	EXPECT_EQ(munmap((void *)p, IRQ_PAGES * 4096), 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(faults_run_with_interrupts_on),
	KTAP_CASE(segv_bad_address),
	KTAP_CASE(segv_bad_jump),
	KTAP_CASE(segv_write_text),
	KTAP_CASE(segv_reaped),
	KTAP_CASE(efault_read),
	KTAP_CASE(efault_write),
	KTAP_CASE(efault_path),
	KTAP_CASE(efault_execve),
	KTAP_CASE(efault_out_params),
	KTAP_CASE(partial_file_transfers),
	KTAP_CASE(partial_pipe_and_device_transfers),
	KTAP_CASE(huge_counts_are_efault),
};

int main(void)
{
	int status = ktap_main("fault_test", cases, KTAP_NCASES(cases));

	unlink("/tmp/fault_test.f");
	return status;
}
