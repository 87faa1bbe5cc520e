// SPDX-License-Identifier: MIT
/*
 * rm [-f] [-d] file...: remove each file (its name; the data goes when the
 * last descriptor open on it is closed).  -f: say nothing about missing
 * files.  -d: also remove empty directories (rmdir).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int remove_one(const char *path, int dirs)
{
	if (unlink(path) == 0)
		return 0;
	if (dirs && errno == EISDIR)
		return rmdir(path);
	return -1;
}

int main(int argc, char **argv)
{
	int force = 0, dirs = 0, status = 0, i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "-f"))
			force = 1;
		else if (!strcmp(argv[i], "-d"))
			dirs = 1;
		else
			break;
	}
	if (i >= argc && !force) {
		fprintf(stderr, "usage: rm [-f] [-d] file...\n");
		return 1;
	}
	for (; i < argc; i++) {
		if (remove_one(argv[i], dirs) == 0 ||
		    (force && errno == ENOENT))
			continue;
		fprintf(stderr, "rm: %s: %s\n", argv[i], strerror(errno));
		status = 1;
	}
	return status;
}
