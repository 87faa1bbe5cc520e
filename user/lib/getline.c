// SPDX-License-Identifier: MIT
/*
 * getline() and getdelim() under their POSIX names: newlib 3.3 implements
 * them (read into a buffer it grows, -1 at the end of the stream) but
 * exports only __getline and __getdelim.
 */
#include <stdio.h>

ssize_t getdelim(char **line, size_t *size, int delim, FILE *stream)
{
	return __getdelim(line, size, delim, stream);
}

ssize_t getline(char **line, size_t *size, FILE *stream)
{
	return __getline(line, size, stream);
}
