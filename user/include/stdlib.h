/* SPDX-License-Identifier: MIT */
/*
 * <stdlib.h>: memory allocation, process exit, number conversion, sorting,
 * the environment and pseudo-random numbers.
 */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <sys/types.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 0x7fffffff

/* Memory: blocks are aligned to 16 bytes; NULL and errno ENOMEM when out. */
void *malloc(size_t size);
void free(void *ptr);
void *calloc(size_t n, size_t size);
void *realloc(void *ptr, size_t size);

/* Run the atexit() handlers (last registered first), flush stdio, _exit. */
__attribute__((noreturn)) void exit(int status);
/* Up to 32 handlers; returns nonzero when full. */
int atexit(void (*fn)(void));
/* Leave at once: no handlers, no flushing. */
__attribute__((noreturn)) void _Exit(int status);
/* Prints "abort" on stderr and ends the process with SIGABRT. */
__attribute__((noreturn)) void abort(void);

/* Base 0 means: "0x" prefix hexadecimal, "0" octal, otherwise decimal. */
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
int abs(int x);
long labs(long x);
long long llabs(long long x);

/* Heapsort: O(n log n), not stable (as qsort need not be). */
void qsort(void *base, size_t n, size_t size,
	   int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size,
	      int (*cmp)(const void *, const void *));

char *getenv(const char *name);
/*
 * Create and open (O_RDWR, mode 0600) a new file from template, whose last
 * six characters "XXXXXX" it replaces with the name chosen; -1 and EINVAL
 * if they are not that.
 */
int mkstemp(char *template);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);

int rand(void);
void srand(unsigned int seed);

#endif
