/* SPDX-License-Identifier: MIT */
/* The string and memory functions of kernel/lib/string.c (and of libc, on the host). */
#ifndef _KERNEL_STRING_H
#define _KERNEL_STRING_H

#include <kernel/types.h>

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
/* Copy a string, always terminated, cut to size - 1 characters. */
void strscpy(char *dst, const char *src, size_t size);

#endif
