// SPDX-License-Identifier: MIT
/*
 * ln file name: give file a second name (a hard link, link(2)); both names
 * are the same file, which lives until the last name and the last open
 * descriptor are gone.  Pagoda has no symbolic links (no -s).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: ln file name\n");
		return 1;
	}
	if (link(argv[1], argv[2]) == 0)
		return 0;
	fprintf(stderr, "ln: %s: %s\n", argv[2], strerror(errno));
	return 1;
}
