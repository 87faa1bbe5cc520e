/* SPDX-License-Identifier: MIT */
/*
 * <stdio.h>: newlib's, and POSIX.1-2008's getline() and getdelim(), which
 * newlib 3.3 has only as __getline and __getdelim (user/lib/getline.c).
 */
#ifndef _PAGODA_STDIO_H
#define _PAGODA_STDIO_H

#include_next <stdio.h>

/* A line (up to delim) into *line, grown with realloc; -1 at the end. */
ssize_t getdelim(char **line, size_t *size, int delim, FILE *stream);
ssize_t getline(char **line, size_t *size, FILE *stream);

#endif
