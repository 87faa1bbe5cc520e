// SPDX-License-Identifier: MIT
/*
 * echo [-n] [word...]: print the words separated by spaces, then a newline
 * (none with -n).
 */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int newline = 1, i = 1;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = 0;
		i = 2;
	}
	for (; i < argc; i++) {
		fputs(argv[i], stdout);
		if (i < argc - 1)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	/* Report a failed write (say, to a pipe with no reader) in the status. */
	return fflush(stdout) == 0 ? 0 : 1;
}
