// SPDX-License-Identifier: MIT
/*
 * <err.h>: "name: message: error\n" on stderr, name being the program's
 * (init.c's __progname), and for err and errx an exit.  errno is read
 * before anything is printed, which may change it.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libc.h"

static void message(int error, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", __progname);
	if (fmt)
		vfprintf(stderr, fmt, ap);
	if (error >= 0)
		fprintf(stderr, fmt ? ": %s" : "%s", strerror(error));
	fputc('\n', stderr);
}

void vwarn(const char *fmt, va_list ap)
{
	message(errno, fmt, ap);
}

void vwarnx(const char *fmt, va_list ap)
{
	message(-1, fmt, ap);
}

void verr(int status, const char *fmt, va_list ap)
{
	vwarn(fmt, ap);
	exit(status);
}

void verrx(int status, const char *fmt, va_list ap)
{
	vwarnx(fmt, ap);
	exit(status);
}

void warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

void err(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verr(status, fmt, ap);
}

void errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrx(status, fmt, ap);
}
