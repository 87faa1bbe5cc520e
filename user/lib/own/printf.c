// SPDX-License-Identifier: MIT
/*
 * The printf family.  All formatting is done by vsnprintf (the kernel's
 * kernel/lib/vsprintf.c, compiled into the library); these functions only
 * decide where the text goes.  Output is formatted into a buffer on the
 * stack and, when it turns out longer (vsnprintf returns the length the
 * whole text needs), formatted again into a buffer from malloc().  So a
 * printf is written with one fwrite(), which on the unbuffered stderr is
 * one write(): lines from several processes do not mix.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../libc.h"

/*
 * Format into small (of SMALL bytes) or, if it does not fit, into memory
 * from malloc(); return the text, its length in *len, or NULL if out of
 * memory.  The caller frees the text if it is not small.
 */
#define SMALL 256

static char *format(char *small, int *len, const char *fmt, va_list ap)
{
	va_list again;
	char *big;
	int n;

	va_copy(again, ap); /* ap can be walked only once */
	n = vsnprintf(small, SMALL, fmt, ap);
	if (n < SMALL) {
		va_end(again);
		*len = n;
		return small;
	}
	big = malloc((size_t)n + 1);
	if (big)
		vsnprintf(big, (size_t)n + 1, fmt, again);
	va_end(again);
	*len = n;
	return big;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	char small[SMALL], *text;
	int n, ret;

	text = format(small, &n, fmt, ap);
	if (!text)
		return -1;
	ret = fwrite(text, 1, n, f) == (size_t)n ? n : -1;
	if (text != small)
		free(text);
	return ret;
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
	char small[SMALL], *text;
	int n, ret;

	text = format(small, &n, fmt, ap);
	if (!text)
		return -1;
	ret = __write_all(fd, text, n) == 0 ? n : -1;
	if (text != small)
		free(text);
	return ret;
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

/* No size given: the caller promises the buffer is big enough. */
int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, INT_MAX, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsprintf(buf, fmt, ap);
	va_end(ap);
	return n;
}
