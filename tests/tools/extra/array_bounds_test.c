// SPDX-License-Identifier: MIT
/*
 * A student's program as issue 13 found it: a test that provokes SIGSEGV
 * by storing through a small constant pointer.  gcc warns about the store
 * (-Warray-bounds: the "array" at address 16 has no bytes), which on Linux
 * is a warning and nothing more; built with EXTRA=, it must build (the
 * warning shown) and run.  tests/tools/test_extra.py builds it through
 * make EXTRA= and boots it as a user test.
 */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

static void store_to_null_page(void)
{
	pid_t pid = fork();
	int status = 0;

	if (pid == 0) {
		*(int *)16 = 1;
		_exit(0);
	}
	ASSERT_TRUE(pid > 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(WTERMSIG(status), SIGSEGV);
}

static const struct ktap_case cases[] = { KTAP_CASE(store_to_null_page) };

int main(void)
{
	return ktap_main("array_bounds_test", cases, KTAP_NCASES(cases));
}
