/* SPDX-License-Identifier: MIT */
/*
 * Test selection, shared by everything that runs tests: the kernel's ktest
 * runner, init and the user-space test programs (through libc), and the
 * host test programs.  A filter is what `make test T=...` passes on
 * (ktest.filter= on the kernel command line, $KTEST_FILTER for programs):
 * comma-separated patterns "suite" or "suite.case", each part a glob where
 * '*' matches any run of characters and '?' any one.
 */
#ifndef _UAPI_PAGODA_KTEST_FILTER_H
#define _UAPI_PAGODA_KTEST_FILTER_H

/*
 * Does a pattern of filter select case test of suite (any of its cases, if
 * test is NULL)?  With exact_suite, the suite part must name the suite
 * itself, not match it as a glob: manual suites (the crash demonstrations)
 * never run because of a '*'.
 */
int ktest_filter_match(const char *filter, const char *suite, const char *test,
		       int exact_suite);

#endif
