// SPDX-License-Identifier: MIT
/*
 * linux_api_test: the small Linux interfaces that Linux's kselftest
 * programs and their harness use (issue 13): <linux/types.h> and
 * <linux/unistd.h> with syscall(), prctl's thread name, CPU affinity
 * honoured by the scheduler (kernel/sched_syscalls.c, kernel/sched.c), and system(), popen()
 * and pclose() through /bin/sh (user/lib/system.c).  Also that programs
 * are compiled alike on every port, without Linux's __linux__
 * (user/user.mk).
 */
#include <errno.h>
#include <linux/types.h>
#include <linux/unistd.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define BAD_PTR ((void *)1)

static void not_linux(void)
{
#if defined(__linux__) || defined(__linux) || defined(linux) ||                \
	defined(__gnu_linux__)
	EXPECT_TRUE(!"a Linux OS macro is defined");
#endif
}

static void linux_headers(void)
{
	EXPECT_EQ(sizeof(__u64), 8);
	EXPECT_EQ(sizeof(__s32), 4);
	EXPECT_EQ(sizeof(__be16), 2);
	EXPECT_EQ(_Alignof(__aligned_u64), 8);
	EXPECT_EQ(__NR_getpid, SYS_getpid);
	EXPECT_EQ(__NR_prctl, SYS_prctl);
	EXPECT_EQ(syscall(__NR_getpid), getpid());
	EXPECT_ERRNO(syscall(__NR_close, 1000), EBADF);
}

static void prctl_name(void)
{
	char name[16] = "";
	int status;
	pid_t pid;

	ASSERT_EQ(prctl(PR_SET_NAME, "a-very-long-thread-name"), 0);
	ASSERT_EQ(prctl(PR_GET_NAME, name), 0);
	EXPECT_STREQ(name, "a-very-long-thr"); /* 15 bytes kept */
	ASSERT_EQ(prctl(PR_SET_NAME, "worker"), 0);
	pid = fork();
	if (pid == 0) { /* fork copies the name */
		prctl(PR_GET_NAME, name);
		_exit(strcmp(name, "worker") != 0);
	}
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_ERRNO(prctl(PR_SET_NAME, BAD_PTR), EFAULT);
	EXPECT_ERRNO(prctl(PR_GET_NAME, BAD_PTR), EFAULT);
	EXPECT_ERRNO(prctl(12345, 0), EINVAL);
}

static int cpus(void)
{
	return (int)sysconf(_SC_NPROCESSORS_ONLN);
}

/* Pinned to cpu: running there now, and still after yielding a while. */
static int stays_on(int cpu)
{
	for (int i = 0; i < 50; i++) {
		if (sched_getcpu() != cpu)
			return 0;
		sched_yield();
	}
	return 1;
}

/*
 * A child keeps the other CPU busy meanwhile, so that a task the mask
 * did not hold would be seen elsewhere.
 */
static void affinity_honoured(void)
{
	cpu_set_t set, got;
	int status, n = cpus();
	pid_t spinner, child;

	ASSERT_EQ(sched_getaffinity(0, sizeof(got), &got), 0);
	EXPECT_EQ(CPU_COUNT(&got), n);
	spinner = fork();
	if (spinner == 0)
		for (;;)
			sched_yield();
	for (int cpu = 0; cpu < n; cpu++) {
		CPU_ZERO(&set);
		CPU_SET(cpu, &set);
		ASSERT_EQ(sched_setaffinity(0, sizeof(set), &set), 0);
		EXPECT_EQ(sched_getcpu(), cpu);
		EXPECT_TRUE(stays_on(cpu));
		ASSERT_EQ(sched_getaffinity(0, sizeof(got), &got), 0);
		EXPECT_TRUE(CPU_EQUAL(&set, &got));
	}
	child = fork(); /* inherits the last mask */
	if (child == 0)
		_exit(!stays_on(n - 1));
	ASSERT_EQ(waitpid(child, &status, 0), child);
	EXPECT_EQ(status, 0);
	kill(spinner, SIGKILL);
	waitpid(spinner, NULL, 0);
}

static void affinity_errors(void)
{
	cpu_set_t set;
	unsigned long word;

	CPU_ZERO(&set);
	EXPECT_ERRNO(sched_setaffinity(0, sizeof(set), &set), EINVAL);
	CPU_SET(cpus(), &set); /* the first CPU that does not exist */
	EXPECT_ERRNO(sched_setaffinity(0, sizeof(set), &set), EINVAL);
	CPU_SET(CPU_SETSIZE - 1, &set); /* past the kernel's word */
	EXPECT_ERRNO(sched_setaffinity(0, sizeof(set), &set), EINVAL);
	CPU_SET(0, &set);
	EXPECT_ERRNO(sched_setaffinity(99999, sizeof(set), &set), ESRCH);
	/* No task has a negative id: ESRCH, as Linux's find_process_by_pid. */
	EXPECT_ERRNO(sched_setaffinity(-1, sizeof(set), &set), ESRCH);
	EXPECT_ERRNO(sched_setaffinity(0, sizeof(set), BAD_PTR), EFAULT);
	EXPECT_ERRNO(sched_getaffinity(0, sizeof(set), BAD_PTR), EFAULT);
	EXPECT_ERRNO(sched_getaffinity(0, 3, &set), EINVAL);
	/* The call itself answers with the bytes of its mask, one word. */
	EXPECT_EQ(syscall(SYS_sched_getaffinity, 0, sizeof(word), &word),
		  sizeof(word));
	EXPECT_EQ(word, (1UL << cpus()) - 1);
	EXPECT_ERRNO(syscall(SYS_getcpu, BAD_PTR, 0), EFAULT);
}

static int reaped;

static void reap(int sig)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		reaped++;
}

/* Even with a SIGCHLD handler that reaps, system() gets its child's status. */
static void system_status(void)
{
	struct sigaction sa = { .sa_handler = reap };
	int status;

	EXPECT_NE(system(NULL), 0);
	sigaction(SIGCHLD, &sa, NULL);
	status = system("exit 3");
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 3);
	EXPECT_EQ(system("true"), 0);
	EXPECT_EQ(reaped, 0);
}

static void popen_read(void)
{
	char line[32] = "";
	FILE *f = popen("echo hello from sh", "r");

	ASSERT_TRUE(f != NULL);
	EXPECT_TRUE(fgets(line, sizeof(line), f) != NULL);
	EXPECT_STREQ(line, "hello from sh\n");
	EXPECT_EQ(pclose(f), 0);
	f = popen("exit 5", "r");
	ASSERT_TRUE(f != NULL);
	EXPECT_EQ(pclose(f), 5 << 8);
}

static void popen_write(void)
{
	const char *path = "/tmp/popen_write";
	char buf[32] = "";
	FILE *f = popen("cat > /tmp/popen_write", "w");
	FILE *back;

	ASSERT_TRUE(f != NULL);
	EXPECT_GE(fputs("through a pipe\n", f), 0);
	EXPECT_EQ(pclose(f), 0);
	back = fopen(path, "r");
	ASSERT_TRUE(back != NULL);
	EXPECT_TRUE(fgets(buf, sizeof(buf), back) != NULL);
	EXPECT_STREQ(buf, "through a pipe\n");
	fclose(back);
	EXPECT_EQ(unlink(path), 0);
}

static void popen_errors(void)
{
	errno = 0;
	EXPECT_TRUE(popen("true", "x") == NULL);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_TRUE(popen("true", "rw") == NULL);
	EXPECT_ERRNO(pclose(stdin), ECHILD);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(not_linux),	    KTAP_CASE(linux_headers),
	KTAP_CASE(prctl_name),	    KTAP_CASE(affinity_honoured),
	KTAP_CASE(affinity_errors), KTAP_CASE(system_status),
	KTAP_CASE(popen_read),	    KTAP_CASE(popen_write),
	KTAP_CASE(popen_errors),
};

int main(void)
{
	return ktap_main("linux_api_test", cases, KTAP_NCASES(cases));
}
