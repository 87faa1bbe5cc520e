/* SPDX-License-Identifier: MIT */
/*
 * <assert.h>: assert(expr) prints "assertion failed: expr (file:line)" on
 * stderr and calls abort() when expr is false.  Defining NDEBUG before
 * including this header turns it off.  No include guard: C lets a program
 * include <assert.h> again after changing NDEBUG.
 */
#undef assert
#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr)                                                           \
	((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__))
#endif

#ifndef _ASSERT_H
#define _ASSERT_H

#define static_assert _Static_assert

__attribute__((noreturn)) void __assert_fail(const char *expr, const char *file,
					     int line);

#endif
