/* SPDX-License-Identifier: MIT */
/* <strings.h>: comparing strings without regard to case (ASCII). */
#ifndef _STRINGS_H
#define _STRINGS_H

#include <stddef.h>

int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
/* The lowest set bit of i, counting from 1; 0 if none. */
int ffs(int i);
int ffsl(long i);
int ffsll(long long i);

#endif
