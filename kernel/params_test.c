// SPDX-License-Identifier: MIT
/* Tests of boot-parameter parsing (kernel/params.c). */
#include <kernel/ktest.h>
#include <kernel/params.h>
#include <kernel/string.h>

static void sizes(struct ktest *t)
{
	phys_addr_t v = 0;

	KTEST_EXPECT_TRUE(t, parse_size("4096", &v) && v == 4096);
	KTEST_EXPECT_TRUE(t, parse_size("64K", &v) && v == 64 * KiB);
	KTEST_EXPECT_TRUE(t, parse_size("200M", &v) && v == 200 * MiB);
	KTEST_EXPECT_TRUE(t, parse_size("2g", &v) && v == 2 * GiB);
	KTEST_EXPECT_FALSE(t, parse_size("", &v));
	KTEST_EXPECT_FALSE(t, parse_size("M", &v));
	KTEST_EXPECT_FALSE(t, parse_size("12Q", &v));
	KTEST_EXPECT_FALSE(t, parse_size("1MB", &v));
	KTEST_EXPECT_FALSE(t, parse_size("99999999999999999999999", &v));
}

/*
 * Known words set fields; unknown or malformed ones are ignored, never fatal.
 * The real parameters point into the parser's buffer, so the case ends by
 * parsing the real command line again.
 */
static void command_line(struct ktest *t)
{
	boot_params = (struct boot_params){ 0 };
	parse_boot_params("  ktest  mem=64M bogus "
			  "ktest.filter=page_alloc,kmalloc.* mem=lots ");
	KTEST_EXPECT_TRUE(t, boot_params.ktest);
	KTEST_EXPECT_EQ(t, boot_params.mem_limit, 64 * MiB);
	KTEST_EXPECT_STREQ(t,
			   boot_params.ktest_filter ? boot_params.ktest_filter
						    : "(none)",
			   "page_alloc,kmalloc.*");

	boot_params = (struct boot_params){ 0 };
	parse_boot_params("ktest.filter= mem=0");
	KTEST_EXPECT_TRUE(t, boot_params.ktest_filter == NULL);
	KTEST_EXPECT_EQ(t, boot_params.mem_limit, 0);

	boot_params = (struct boot_params){ 0 };
	parse_boot_params("ktest.list ktest.scope=user");
	KTEST_EXPECT_TRUE(t, boot_params.ktest_list);
	KTEST_EXPECT_EQ(t, boot_params.ktest_scope, KTEST_SCOPE_USER);
	parse_boot_params("ktest.list=1 ktest.scope=kernel ktest.scope=both");
	KTEST_EXPECT_EQ(t, boot_params.ktest_scope, KTEST_SCOPE_KERNEL);

	boot_params = (struct boot_params){ 0 };
	parse_boot_params(boot_command_line);
}

KTEST_SUITE(params, KTEST_CASE(sizes), KTEST_CASE(command_line));
