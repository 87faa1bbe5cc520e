// SPDX-License-Identifier: MIT
/* Tests of vsnprintf's formats (kernel/lib/vsprintf.c); they run in the kernel and on the host. */
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

/*
 * Some cases pass what the compiler would refuse at build time (a NULL %s,
 * an unknown %y): they test what vsnprintf does at run time.
 */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-overflow"

#define EXPECT_FORMAT(t, want, ...)                                            \
	do {                                                                   \
		char _buf[128];                                                \
		int _n = snprintf(_buf, sizeof(_buf), __VA_ARGS__);            \
		KTEST_EXPECT_STREQ(t, _buf, want);                             \
		KTEST_EXPECT_EQ(t, _n, (int)strlen(want));                     \
	} while (0)

static void integers(struct ktest *t)
{
	EXPECT_FORMAT(t, "0 42 -42", "%d %i %d", 0, 42, -42);
	EXPECT_FORMAT(t, "4294967295", "%u", 4294967295U);
	EXPECT_FORMAT(t, "-2147483648", "%d", -2147483647 - 1);
	EXPECT_FORMAT(t, "-9223372036854775808", "%lld",
		      -9223372036854775807LL - 1);
	EXPECT_FORMAT(t, "18446744073709551615", "%llu",
		      18446744073709551615ULL);
	EXPECT_FORMAT(t, "4000000001", "%lu",
		      4000000001UL); /* 32-bit long too */
	EXPECT_FORMAT(t, "17", "%zu", (size_t)17);
	EXPECT_FORMAT(t, "777", "%o", 0777);
}

static void hex(struct ktest *t)
{
	EXPECT_FORMAT(t, "ff FF", "%x %X", 255, 255);
	EXPECT_FORMAT(t, "deadbeef", "%lx", 0xdeadbeefUL);
	EXPECT_FORMAT(t, "ffffffffffffffff", "%llx", ~0ULL);
	EXPECT_FORMAT(t, "0x1f 0", "%#x %#x", 0x1f, 0);
}

static void width_and_padding(struct ktest *t)
{
	EXPECT_FORMAT(t, "[   42]", "[%5d]", 42);
	EXPECT_FORMAT(t, "[00042]", "[%05d]", 42);
	EXPECT_FORMAT(t, "[-0042]", "[%05d]", -42);
	EXPECT_FORMAT(t, "[42   ]", "[%-5d]", 42);
	EXPECT_FORMAT(t, "[0000beef]", "[%08x]", 0xbeef);
	EXPECT_FORMAT(t, "[0x00ff]", "[%#06x]", 0xff);
	EXPECT_FORMAT(t, "[   ab]", "[%*s]", 5, "ab");
	EXPECT_FORMAT(t, "[123456]", "[%3d]", 123456);
}

static void strings_and_chars(struct ktest *t)
{
	EXPECT_FORMAT(t, "hello, world", "%s, %s", "hello", "world");
	EXPECT_FORMAT(t, "(null)", "%s", (char *)NULL);
	EXPECT_FORMAT(t, "[ab   ]", "[%-5s]", "ab");
	EXPECT_FORMAT(t, "abc", "%.3s", "abcdef");
	EXPECT_FORMAT(t, "x=A", "x=%c", 'A');
	EXPECT_FORMAT(t, "100%", "100%%");
}

static void pointers(struct ktest *t)
{
	EXPECT_FORMAT(t,
		      sizeof(void *) == 8 ? "0x00000000000012ab" : "0x000012ab",
		      "%p", (void *)0x12ab);
}

/* A short buffer gets a terminated prefix; the return value is the full length. */
static void truncation(struct ktest *t)
{
	char buf[6];
	int n = snprintf(buf, sizeof(buf), "%s-%d", "abcdef", 12345);

	KTEST_EXPECT_EQ(t, n, 12);
	KTEST_EXPECT_STREQ(t, buf, "abcde");
	KTEST_EXPECT_EQ(t, snprintf(NULL, 0, "%d", 1000), 4);
}

static void unknown_conversion_shows(struct ktest *t)
{
	EXPECT_FORMAT(t, "a %y b", "a %y b");
}

KTEST_SUITE(printk, KTEST_CASE(integers), KTEST_CASE(hex),
	    KTEST_CASE(width_and_padding), KTEST_CASE(strings_and_chars),
	    KTEST_CASE(pointers), KTEST_CASE(truncation),
	    KTEST_CASE(unknown_conversion_shows));
