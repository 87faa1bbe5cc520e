/* SPDX-License-Identifier: MIT */
/*
 * <stdio.h>: buffered streams over file descriptors, and formatted output.
 *
 * stdout is line-buffered (written out at each '\n'), stderr unbuffered,
 * stdin and fopen()ed files fully buffered; exit() flushes every stream,
 * _exit() none.  Reading stdin first flushes stdout, so that a prompt
 * printed without '\n' shows before the program waits for input.
 *
 * The printf family formats with the kernel's vsnprintf
 * (kernel/lib/vsprintf.c): %d %i %u %x %X %o %c %s %p %%, the length
 * modifiers l, ll and z, a field width (or *), the flags 0, - and #, and a
 * precision for %s.  Not supported: floating point (%f %e %g), %n, the h
 * and hh modifiers, the + and space flags, and a precision for integers.
 * There is no scanf family.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <sys/types.h>
#include <pagoda/abi.h> /* SEEK_SET, SEEK_CUR, SEEK_END */

#define EOF (-1)
#define BUFSIZ 1024

/* setvbuf() modes */
#define _IOFBF 0 /* full buffering */
#define _IOLBF 1 /* line buffering */
#define _IONBF 2 /* no buffering */

/* The fields are private to the library (user/lib/stdio.c). */
typedef struct __FILE FILE;

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

#define __printf_like(f, a) __attribute__((format(printf, f, a)))

FILE *fopen(const char *path, const char *mode); /* r w a, with + x b */
FILE *fdopen(int fd, const char *mode);
int fclose(FILE *f);
/* Write out what is buffered; fflush(NULL) flushes every stream. */
int fflush(FILE *f);
int setvbuf(FILE *f, char *buf, int mode, size_t size);
void setbuf(FILE *f, char *buf);

size_t fread(void *ptr, size_t size, size_t n, FILE *f);
size_t fwrite(const void *ptr, size_t size, size_t n, FILE *f);
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
char *fgets(char *s, int size, FILE *f);
/* One character of push-back. */
int ungetc(int c, FILE *f);
/* POSIX getline(): reads a whole line into *line, growing it with realloc. */
ssize_t getline(char **line, size_t *cap, FILE *f);
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *s, FILE *f);
int puts(const char *s); /* adds '\n' */

int fseek(FILE *f, long offset, int whence);
long ftell(FILE *f);
void rewind(FILE *f);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int fileno(FILE *f);
int remove(const char *path); /* unlink() */

int printf(const char *fmt, ...) __printf_like(1, 2);
int fprintf(FILE *f, const char *fmt, ...) __printf_like(2, 3);
int dprintf(int fd, const char *fmt, ...) __printf_like(2, 3);
int sprintf(char *buf, const char *fmt, ...) __printf_like(2, 3);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf_like(3, 4);
int vprintf(const char *fmt, va_list ap) __printf_like(1, 0);
int vfprintf(FILE *f, const char *fmt, va_list ap) __printf_like(2, 0);
int vdprintf(int fd, const char *fmt, va_list ap) __printf_like(2, 0);
int vsprintf(char *buf, const char *fmt, va_list ap) __printf_like(2, 0);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__printf_like(3, 0);

/* "s: message for errno\n" on stderr (just the message if s is NULL or ""). */
void perror(const char *s);

#endif
