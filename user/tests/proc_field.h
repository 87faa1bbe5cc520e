/* SPDX-License-Identifier: MIT */
/*
 * proc_field: one figure from a /proc file, for the tests that watch the
 * VM's counts (/proc/meminfo's "Name: value kB", /proc/vmstat's "name
 * value").  -1 if the file or the field is missing.
 */
#ifndef _PAGODA_TESTS_PROC_FIELD_H
#define _PAGODA_TESTS_PROC_FIELD_H

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline long proc_field(const char *file, const char *name)
{
	char buf[2048], *p;
	int fd = open(file, O_RDONLY);
	long n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	for (p = buf; (p = strstr(p, name)); p++)
		if ((p == buf || p[-1] == '\n') &&
		    (p[strlen(name)] == ' ' || p[strlen(name)] == ':'))
			return strtol(p + strlen(name) + 1, NULL, 10);
	return -1;
}

#endif
