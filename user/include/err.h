/* SPDX-License-Identifier: MIT */
/*
 * <err.h>: BSD's and glibc's messages to stderr (user/lib/err.c).  Each
 * prints the program's name, ": ", the message, and -- for err and warn
 * -- ": " and strerror(errno); err and errx then exit with status.
 */
#ifndef _ERR_H
#define _ERR_H

#include <stdarg.h>

void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vwarn(const char *fmt, va_list ap);
void vwarnx(const char *fmt, va_list ap);
void err(int status, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));
void errx(int status, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));
void verr(int status, const char *fmt, va_list ap) __attribute__((noreturn));
void verrx(int status, const char *fmt, va_list ap) __attribute__((noreturn));

#endif
