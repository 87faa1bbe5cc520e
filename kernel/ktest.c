// SPDX-License-Identifier: MIT
/*
 * The ktest runner: walks the suites that KTEST_SUITE placed in the
 * ktest_suites section, runs the selected cases and prints KTAP version 1:
 *
 *	KTAP version 1
 *	1..2                       one result line per selected suite follows
 *	    KTAP version 1
 *	    # Subtest: page_alloc
 *	    1..5
 *	    # split_coalesce: mm/page_alloc_test.c:40: expected ...
 *	    not ok 1 split_coalesce
 *	    ok 2 exhaustion # SKIP reason
 *	    ...
 *	not ok 1 page_alloc
 *
 * Diagnostics come before the result they explain, as KUnit prints them.
 * The same file runs in the kernel and, for the host tests, in a Linux
 * process (tests/host), so mm/ suites run in both places.
 */
#include <stdarg.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/mm.h>
#include <pagoda/ktest_filter.h>

extern const struct ktest_suite *const __start_ktest_suites[];
extern const struct ktest_suite *const __stop_ktest_suites[];

const char *ktest_limit;

#define for_each_suite(s)                                                      \
	for (const struct ktest_suite *const *s = __start_ktest_suites;        \
	     s < __stop_ktest_suites; s++)

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt,
		...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk("    # %s: %s:%d: %s\n", t->name, file, line, msg);
	t->failed = true;
}

void ktest_log(struct ktest *t, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk("    # %s: %s\n", t->name, msg);
}

void ktest_skip(struct ktest *t, const char *reason)
{
	t->skip_reason = reason;
}

/*
 * Is a case of suite s (any case, if case_name is NULL) selected?  See
 * <pagoda/ktest_filter.h>.  A manual suite must be named exactly: a "*"
 * never runs the crash demos.
 */
static bool selected(const char *filter, const struct ktest_suite *s,
		     const char *case_name)
{
	if (ktest_limit && !ktest_filter_match(ktest_limit, s->name, NULL, 0))
		return false;
	if (!filter)
		return !s->manual;
	return ktest_filter_match(filter, s->name, case_name, s->manual);
}

static bool run_case(const struct ktest_case *c, int n)
{
	struct ktest t = { .name = c->name };
	unsigned long before = nr_free_pages(), after;

	c->run(&t);
	after = nr_free_pages();
	if (after != before) {
		printk("    # %s: free pages %lu before, %lu after: %s\n",
		       c->name, before, after,
		       after < before ? "pages leaked" : "pages freed twice?");
		t.failed = true;
	}
	if (t.failed)
		printk("    not ok %d %s\n", n, c->name);
	else if (t.skip_reason)
		printk("    ok %d %s # SKIP %s\n", n, c->name, t.skip_reason);
	else
		printk("    ok %d %s\n", n, c->name);
	return !t.failed;
}

/*
 * Run one suite's selected cases; returns how many failed.  Listing reports
 * each case as skipped, so the list is KTAP that any parser reads.
 */
static int run_suite(const struct ktest_suite *s, const char *filter, int n,
		     bool list)
{
	int planned = 0, done = 0, failed = 0;

	for (size_t i = 0; i < s->nr_cases; i++)
		planned += selected(filter, s, s->cases[i].name);
	printk("    KTAP version 1\n    # Subtest: %s\n    1..%d\n", s->name,
	       planned);
	for (size_t i = 0; i < s->nr_cases; i++) {
		if (!selected(filter, s, s->cases[i].name))
			continue;
		if (list)
			printk("    ok %d %s # SKIP listed\n", ++done,
			       s->cases[i].name);
		else
			failed += !run_case(&s->cases[i], ++done);
	}
	printk("%s %d %s\n", failed ? "not ok" : "ok", n, s->name);
	return failed;
}

int ktest_count(const char *filter)
{
	int n = 0;

	for_each_suite (s)
		n += selected(filter, *s, NULL);
	return n;
}

int ktest_run_all(const char *filter, int extra, enum ktest_mode mode)
{
	int done = 0, failed = 0;

	if (mode == KTEST_NONE) {
		printk("KTAP version 1\n1..%d\n", extra);
		return 0;
	}
	printk("KTAP version 1\n1..%d\n", ktest_count(filter) + extra);
	for_each_suite (s)
		if (selected(filter, *s, NULL))
			failed += run_suite(*s, filter, ++done,
					    mode == KTEST_LIST);
	return failed;
}
