// SPDX-License-Identifier: MIT
/*
 * Test selection (see <pagoda/ktest_filter.h>): one matcher for the kernel,
 * the host tests and, compiled into libc, init and the user-space tests, so
 * that `T=` means the same thing to all of them.  Freestanding: no headers
 * beyond the compiler's, no library calls.
 */
#include <stddef.h>
#include <pagoda/ktest_filter.h>

/* Does the pattern p[0..n) match all of s?  '*' matches any run, '?' one char. */
static int glob_match_n(const char *p, size_t n, const char *s)
{
	if (!n)
		return !*s;
	if (*p == '*')
		return glob_match_n(p + 1, n - 1, s) ||
		       (*s && glob_match_n(p, n, s + 1));
	return *s && (*p == '?' || *p == *s) &&
	       glob_match_n(p + 1, n - 1, s + 1);
}

/* Is p[0..n) exactly the string s? */
static int equal_n(const char *p, size_t n, const char *s)
{
	while (n && *s && *p == *s) {
		p++;
		s++;
		n--;
	}
	return !n && !*s;
}

int ktest_filter_match(const char *filter, const char *suite, const char *test,
		       int exact_suite)
{
	while (*filter) {
		const char *end = filter, *dot;
		int suite_ok, case_ok;

		while (*end && *end != ',')
			end++;
		for (dot = filter; dot < end && *dot != '.'; dot++)
			;
		if (exact_suite)
			suite_ok = equal_n(filter, dot - filter, suite);
		else
			suite_ok = glob_match_n(filter, dot - filter, suite);
		case_ok = !test || dot == end ||
			  glob_match_n(dot + 1, end - dot - 1, test);
		if (suite_ok && case_ok)
			return 1;
		filter = *end ? end + 1 : end;
	}
	return 0;
}
