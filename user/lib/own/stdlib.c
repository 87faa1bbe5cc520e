// SPDX-License-Identifier: MIT
/*
 * <stdlib.h>'s number functions: strtol and its family (with atoi ...),
 * abs, and the pseudo-random numbers of rand().
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

/* The value of digit c in bases up to 36 (0-9, then a/A = 10 ...), or 99. */
static int digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/*
 * What the strto* functions share: skip white space, read a sign and, for
 * base 16 or 0, the prefix ("0x" hexadecimal; for base 0, "0" octal), then
 * the digits.  Returns the magnitude (ULLONG_MAX if it overflowed, with
 * *over set) and the sign in *neg; *end, if given, points after the last
 * digit, or at s itself if there was no number.
 */
static unsigned long long parse(const char *s, char **end, int base, int *neg,
				int *over)
{
	const char *p = s;
	unsigned long long v = 0;
	int any = 0;

	*neg = *over = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)s;
		return 0;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '-' || *p == '+')
		*neg = *p++ == '-';
	/* "0x" counts as a prefix only if a hex digit follows: "0xg" is 0. */
	if ((base == 0 || base == 16) && p[0] == '0' &&
	    (p[1] == 'x' || p[1] == 'X') && isxdigit((unsigned char)p[2])) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	for (; digit(*p) < base; p++) {
		int d = digit(*p);

		any = 1;
		if (v > (ULLONG_MAX - d) / base) /* v * base + d would wrap */
			*over = 1;
		else
			v = v * base + d;
	}
	if (end)
		*end = (char *)(any ? p : s);
	return *over ? ULLONG_MAX : v;
}

/* A signed result in [min, max], or the nearer bound with errno ERANGE. */
static long long parse_signed(const char *s, char **end, int base,
			      long long min, long long max)
{
	int neg, over;
	unsigned long long v = parse(s, end, base, &neg, &over);
	/* |min| is max + 1, which does not fit in a long long: say it so. */
	unsigned long long limit = (unsigned long long)max + neg;

	if (over || v > limit) {
		errno = ERANGE;
		return neg ? min : max;
	}
	if (!neg)
		return v;
	return v ? -(long long)(v - 1) - 1 : 0; /* -v, even for v = |min| */
}

/* An unsigned result: at most max, and negated if a '-' came first. */
static unsigned long long parse_unsigned(const char *s, char **end, int base,
					 unsigned long long max)
{
	int neg, over;
	unsigned long long v = parse(s, end, base, &neg, &over);

	if (over || v > max) {
		errno = ERANGE;
		return max;
	}
	return neg ? (max - v + 1) & max : v; /* -v in the result's type */
}

long strtol(const char *s, char **end, int base)
{
	return parse_signed(s, end, base, LONG_MIN, LONG_MAX);
}

long long strtoll(const char *s, char **end, int base)
{
	return parse_signed(s, end, base, LLONG_MIN, LLONG_MAX);
}

unsigned long strtoul(const char *s, char **end, int base)
{
	return parse_unsigned(s, end, base, ULONG_MAX);
}

unsigned long long strtoull(const char *s, char **end, int base)
{
	return parse_unsigned(s, end, base, ULLONG_MAX);
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}

int abs(int x)
{
	return x < 0 ? -x : x;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}

long long llabs(long long x)
{
	return x < 0 ? -x : x;
}

/*
 * rand(): a 64-bit linear congruential generator (Knuth's MMIX constants),
 * returning the top 31 bits, which are the most random ones.
 */
static unsigned long long rand_state = 1;

void srand(unsigned int seed)
{
	rand_state = seed;
}

int rand(void)
{
	rand_state =
		rand_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (int)(rand_state >> 33);
}
