// SPDX-License-Identifier: MIT
/*
 * kill [-9 | -KILL] pid...: send SIGKILL to each process.  SIGKILL is the
 * only signal Pagoda lets one process send another, so it is also the
 * default (POSIX's default, SIGTERM, does not exist here).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	int status = 0, i = 1;

	if (argc > 1 && (!strcmp(argv[1], "-9") || !strcmp(argv[1], "-KILL")))
		i = 2;
	else if (argc > 1 && argv[1][0] == '-' && argv[1][1]) {
		fprintf(stderr, "kill: %s: only SIGKILL (-9) exists\n",
			argv[1]);
		return 1;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: kill [-9] pid...\n");
		return 1;
	}
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);

		if (*end || end == argv[i] || pid <= 0) {
			fprintf(stderr, "kill: %s: not a process id\n",
				argv[i]);
			status = 1;
		} else if (kill(pid, SIGKILL) < 0) {
			fprintf(stderr, "kill: %ld: %s\n", pid,
				strerror(errno));
			status = 1;
		}
	}
	return status;
}
