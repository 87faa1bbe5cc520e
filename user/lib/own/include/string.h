/* SPDX-License-Identifier: MIT */
/*
 * <string.h>: strings and memory blocks.  memset, memcpy, memmove, memcmp,
 * strlen, strnlen, strcmp, strncmp and strchr are the kernel's own
 * (kernel/lib/string.c, compiled into the library too); the rest are in
 * user/lib/string.c.
 */
#ifndef _STRING_H
#define _STRING_H

#include <stddef.h>
#include <strings.h> /* strcasecmp, as glibc's string.h also gives it */

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strpbrk(const char *s, const char *accept);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);

char *strcpy(char *dst, const char *src);
char *stpcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
/* Copies in memory from malloc() (free() them); NULL if out of memory. */
char *strdup(const char *s);
char *strndup(const char *s, size_t n);

/* Split s into tokens separated by characters of delim. */
char *strtok(char *s, const char *delim);
char *strtok_r(char *s, const char *delim, char **save);

/* The message for an error number, e.g. "No such file or directory". */
char *strerror(int errnum);

#endif
