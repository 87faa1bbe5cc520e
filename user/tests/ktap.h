/* SPDX-License-Identifier: MIT */
/*
 * ktap.h: KTAP output for Pagoda's user-space tests.
 *
 * A test program is a table of cases.  ktap_main() runs each case in a child
 * process and prints one KTAP subtest block, indented four spaces because
 * init prints the program's own top-level result line after it:
 *
 *	    KTAP version 1
 *	    # Subtest: file_test
 *	    1..2
 *	    # lseek: user/tests/file_test.c:57: expected r == 3, but r = -1, 3 = 3
 *	    not ok 1 lseek
 *	    ok 2 o_append
 *
 * That is the layout of the kernel's own suites (kernel/ktest.c), so
 * tools/ktap.py reads both.  A program looks like this:
 *
 *	static void closed_fd(void)
 *	{
 *		EXPECT_EQ(1 + 1, 2);
 *		EXPECT_ERRNO(close(99), EBADF);
 *	}
 *
 *	static const struct ktap_case cases[] = { KTAP_CASE(closed_fd) };
 *
 *	int main(void)
 *	{
 *		return ktap_main("my_test", cases, KTAP_NCASES(cases));
 *	}
 *
 * $KTEST_FILTER (which init passes on from `make test T=...`) selects
 * cases by name; $KTEST_LIST lists them without running them.
 *
 * EXPECT_* records a failure and carries on; ASSERT_* also returns from the
 * case.  Every value is compared and printed as a long.
 *
 * Two choices keep a broken kernel from hiding results:
 *  - each case runs in its own child, so a case that crashes is reported as
 *    "killed by signal N" and the remaining cases still run;
 *  - output goes straight to write(2), never through stdio's buffer, so a
 *    crash loses no line and a fork() inside a case duplicates none.
 */
#ifndef _PAGODA_TESTS_KTAP_H
#define _PAGODA_TESTS_KTAP_H

#include <errno.h>
#include <pagoda/ktest_filter.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct ktap_case {
	const char *name;
	void (*run)(void);
};

/* clang-format off */
#define KTAP_CASE(fn) { #fn, fn }
/* clang-format on */
#define KTAP_NCASES(table) ((int)(sizeof(table) / sizeof((table)[0])))

/* The case running in this process, and whether it has failed so far. */
static const char *ktap_case_name = "?";
static int ktap_case_failed;

/* printf to fd 1 in a single write(), bypassing stdio (see above). */
__attribute__((format(printf, 1, 2))) static inline void
ktap_print(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	if (n > 0)
		write(1, buf, n);
}

/* A diagnostic line of the current case: "    # <case>: <message>". */
__attribute__((format(printf, 1, 2))) static inline void
ktap_log(const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ktap_print("    # %s: %s\n", ktap_case_name, msg);
}

/* Record a failure, saying where: "    # <case>: <file>:<line>: <message>". */
__attribute__((format(printf, 3, 4))) static inline void
ktap_fail(const char *file, int line, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ktap_print("    # %s: %s:%d: %s\n", ktap_case_name, file, line, msg);
	ktap_case_failed = 1;
}

/*
 * A child forked inside a case inherits the case's name, so its EXPECTs
 * print under that name; it ends with this, and the case checks that the
 * child's exit status is 0.  _exit, not exit: the child must not flush a
 * copy of its parent's stdio buffers.
 */
static inline void ktap_child_exit(void)
{
	_exit(ktap_case_failed ? 1 : 0);
}

#define __KTAP_CMP(a, op, b, on_fail)                                          \
	do {                                                                   \
		long _a = (long)(a), _b = (long)(b);                           \
		if (!(_a op _b)) {                                             \
			ktap_fail(__FILE__, __LINE__,                          \
				  "expected %s %s %s, but %s = %ld, %s = %ld", \
				  #a, #op, #b, #a, _a, #b, _b);                \
			on_fail;                                               \
		}                                                              \
	} while (0)

#define __KTAP_TRUE(cond, on_fail)                                             \
	do {                                                                   \
		if (!(cond)) {                                                 \
			ktap_fail(__FILE__, __LINE__, "expected %s", #cond);   \
			on_fail;                                               \
		}                                                              \
	} while (0)

/*
 * A call that must fail: it returns -1 (or (void *)-1, as sbrk does) and
 * sets errno to err.  errno is cleared first, so a stale value cannot pass.
 */
#define __KTAP_ERRNO(call, err, on_fail)                                       \
	do {                                                                   \
		long _r;                                                       \
		int _e;                                                        \
		errno = 0;                                                     \
		_r = (long)(call);                                             \
		_e = errno;                                                    \
		if (_r != -1 || _e != (err)) {                                 \
			ktap_fail(__FILE__, __LINE__,                          \
				  "expected %s to fail with %s (%d), but it "  \
				  "returned %ld with errno %d",                \
				  #call, #err, err, _r, _e);                   \
			on_fail;                                               \
		}                                                              \
	} while (0)

/* Run fn in a child, which exits 0 if fn returns: its waitpid status, or -1. */
static inline int ktap_child_status(void (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

#define EXPECT_EQ(a, b) __KTAP_CMP(a, ==, b, (void)0)
#define EXPECT_NE(a, b) __KTAP_CMP(a, !=, b, (void)0)
#define EXPECT_LT(a, b) __KTAP_CMP(a, <, b, (void)0)
#define EXPECT_LE(a, b) __KTAP_CMP(a, <=, b, (void)0)
#define EXPECT_GT(a, b) __KTAP_CMP(a, >, b, (void)0)
#define EXPECT_GE(a, b) __KTAP_CMP(a, >=, b, (void)0)
#define EXPECT_TRUE(c) __KTAP_TRUE(c, (void)0)
#define EXPECT_FALSE(c) __KTAP_TRUE(!(c), (void)0)
#define EXPECT_ERRNO(call, err) __KTAP_ERRNO(call, err, (void)0)

/* clang-format would write "return )" in these. */
/* clang-format off */
#define ASSERT_EQ(a, b) __KTAP_CMP(a, ==, b, return)
#define ASSERT_NE(a, b) __KTAP_CMP(a, !=, b, return)
#define ASSERT_GE(a, b) __KTAP_CMP(a, >=, b, return)
#define ASSERT_GT(a, b) __KTAP_CMP(a, >, b, return)
#define ASSERT_TRUE(c) __KTAP_TRUE(c, return)
/* clang-format on */

#define EXPECT_STREQ(a, b)                                                     \
	do {                                                                   \
		const char *_a = (a), *_b = (b);                               \
		if (strcmp(_a, _b))                                            \
			ktap_fail(__FILE__, __LINE__,                          \
				  "expected %s == %s, but \"%s\" != \"%s\"",   \
				  #a, #b, _a, _b);                             \
	} while (0)

/* n bytes equal; on a difference, say where the first one is. */
#define EXPECT_MEMEQ(a, b, n)                                                  \
	do {                                                                   \
		const unsigned char *_a = (const void *)(a);                   \
		const unsigned char *_b = (const void *)(b);                   \
		long _n = (long)(n), _i = 0;                                   \
		while (_i < _n && _a[_i] == _b[_i])                            \
			_i++;                                                  \
		if (_i < _n)                                                   \
			ktap_fail(__FILE__, __LINE__,                          \
				  "expected %s == %s for %ld bytes, but "      \
				  "byte %ld is 0x%02x, not 0x%02x",            \
				  #a, #b, _n, _i, _a[_i], _b[_i]);             \
	} while (0)

/*
 * A case that cannot run here (a device the machine lacks) calls
 * ktap_skip(reason) and ends: it is reported "ok N name # SKIP reason",
 * never as passed.  The child prints that line itself (it knows its
 * number), so the parent, seeing KTAP_SKIP_STATUS, prints none.
 */
#define KTAP_SKIP_STATUS 77
static int ktap_case_number;

static inline void __attribute__((noreturn)) ktap_skip(const char *reason)
{
	ktap_print("    ok %d %s # SKIP %s\n", ktap_case_number, ktap_case_name,
		   reason);
	exit(KTAP_SKIP_STATUS);
}

/*
 * Run case number n in a child; 1 if it passed, 0 if it failed, -1 if it
 * skipped itself.  The case's own EXPECTs have printed their diagnostics;
 * here we add one for a death or an odd status.
 */
static inline int ktap_run_case(const struct ktap_case *c, int n)
{
	int status;
	pid_t pid;

	ktap_case_name = c->name;
	ktap_case_number = n;
	ktap_case_failed = 0;
	pid = fork();
	if (pid < 0) {
		ktap_log("fork failed, errno %d", errno);
		return 0;
	}
	if (pid == 0) {
		c->run();
		/* exit, not _exit: a case that used stdio gets its output out. */
		exit(ktap_case_failed ? 1 : 0);
	}
	if (waitpid(pid, &status, 0) != pid) {
		ktap_log("waitpid failed, errno %d", errno);
		return 0;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == KTAP_SKIP_STATUS)
		return -1;
	if (WIFSIGNALED(status)) {
		ktap_log("killed by signal %d", WTERMSIG(status));
		return 0;
	}
	if (WEXITSTATUS(status) > 1)
		ktap_log("exit status %d", WEXITSTATUS(status));
	return WEXITSTATUS(status) == 0;
}

/* Is the case selected by $KTEST_FILTER (see <pagoda/ktest_filter.h>)? */
static inline int ktap_selected(const char *suite, const char *name)
{
	const char *filter = getenv("KTEST_FILTER");

	return !filter || !*filter ||
	       ktest_filter_match(filter, suite, name, 0);
}

/*
 * Run the selected cases and print the block; the program's exit status.
 * With $KTEST_LIST set, name them instead, each reported skipped.
 */
static inline int ktap_main(const char *suite, const struct ktap_case *cases,
			    int n)
{
	int list = getenv("KTEST_LIST") != NULL;
	int planned = 0, done = 0, failures = 0;

	for (int i = 0; i < n; i++)
		planned += ktap_selected(suite, cases[i].name);
	ktap_print("    KTAP version 1\n    # Subtest: %s\n    1..%d\n", suite,
		   planned);
	for (int i = 0; i < n; i++) {
		int ok;

		if (!ktap_selected(suite, cases[i].name))
			continue;
		if (list) {
			ktap_print("    ok %d %s # SKIP listed\n", ++done,
				   cases[i].name);
			continue;
		}
		ok = ktap_run_case(&cases[i], ++done);
		if (ok < 0)
			continue;
		ktap_print("    %s %d %s\n", ok ? "ok" : "not ok", done,
			   cases[i].name);
		failures += !ok;
	}
	return failures ? 1 : 0;
}

#endif
