// SPDX-License-Identifier: MIT
/*
 * rm [-f] file...: remove each file (its name; the data goes when the last
 * descriptor open on it is closed).  -f: say nothing about missing files.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int force = 0, status = 0, i = 1;

	if (argc > 1 && !strcmp(argv[1], "-f")) {
		force = 1;
		i = 2;
	}
	if (i >= argc && !force) {
		fprintf(stderr, "usage: rm [-f] file...\n");
		return 1;
	}
	for (; i < argc; i++) {
		if (unlink(argv[i]) == 0 || (force && errno == ENOENT))
			continue;
		fprintf(stderr, "rm: %s: %s\n", argv[i], strerror(errno));
		status = 1;
	}
	return status;
}
