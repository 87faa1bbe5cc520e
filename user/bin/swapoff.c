// SPDX-License-Identifier: MIT
/*
 * swapoff: stop swapping to each device named; its pages come back into
 * memory first (which fails with ENOMEM if they do not fit).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/swap.h>

int main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: swapoff DEVICE...\n");
		return 2;
	}
	for (int i = 1; i < argc; i++)
		if (swapoff(argv[i])) {
			fprintf(stderr, "swapoff: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
		}
	return status;
}
