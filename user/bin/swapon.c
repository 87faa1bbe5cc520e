// SPDX-License-Identifier: MIT
/*
 * swapon: start swapping to each device named (a disk formatted by
 * mkswap, /dev/vda under make run), or, with -s or no argument, list the
 * areas in use (/proc/swaps).  -p PRIO gives the areas that priority.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/swap.h>

static int show(void)
{
	FILE *f = fopen("/proc/swaps", "r");
	char line[160];

	if (!f) {
		perror("swapon: /proc/swaps");
		return 1;
	}
	while (fgets(line, sizeof(line), f))
		fputs(line, stdout);
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	int flags = 0, status = 0, i = 1;

	if (argc == 1 || !strcmp(argv[1], "-s"))
		return show();
	if (!strcmp(argv[1], "-p") && argc > 2) {
		flags = SWAP_FLAG_PREFER |
			(atoi(argv[2]) & SWAP_FLAG_PRIO_MASK);
		i = 3;
	}
	for (; i < argc; i++)
		if (swapon(argv[i], flags)) {
			fprintf(stderr, "swapon: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
		}
	return status;
}
