/* SPDX-License-Identifier: MIT */
/*
 * <limits.h>: the ranges of the integer types (from the compiler's predefined
 * macros, so they are right on every port) and Pagoda's file-name limits.
 */
#ifndef _LIMITS_H
#define _LIMITS_H

#include <pagoda/abi.h> /* PAGODA_NAME_MAX */

#define CHAR_BIT 8
#define SCHAR_MAX __SCHAR_MAX__
#define SCHAR_MIN (-SCHAR_MAX - 1)
#define UCHAR_MAX (SCHAR_MAX * 2 + 1)
#ifdef __CHAR_UNSIGNED__ /* char is unsigned on ARM, signed on x86 */
#define CHAR_MIN 0
#define CHAR_MAX UCHAR_MAX
#else
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#endif
#define SHRT_MAX __SHRT_MAX__
#define SHRT_MIN (-SHRT_MAX - 1)
#define USHRT_MAX (SHRT_MAX * 2 + 1)
#define INT_MAX __INT_MAX__
#define INT_MIN (-INT_MAX - 1)
#define UINT_MAX (INT_MAX * 2U + 1U)
#define LONG_MAX __LONG_MAX__
#define LONG_MIN (-LONG_MAX - 1L)
#define ULONG_MAX (LONG_MAX * 2UL + 1UL)
#define LLONG_MAX __LONG_LONG_MAX__
#define LLONG_MIN (-LLONG_MAX - 1LL)
#define ULLONG_MAX (LLONG_MAX * 2ULL + 1ULL)
#define SSIZE_MAX __PTRDIFF_MAX__

/* Longest file name (without its NUL), as getdents() returns it. */
#define NAME_MAX PAGODA_NAME_MAX
/* A buffer this size holds any path (Linux's value; Pagoda's are shorter). */
#define PATH_MAX 4096

#endif
