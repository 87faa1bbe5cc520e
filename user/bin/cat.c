// SPDX-License-Identifier: MIT
/* cat [file...]: copy each file, or standard input ("-" or none), to stdout. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Copy fd to standard output; 0, or -1 if a read or a write failed. */
static int copy(int fd)
{
	char buf[4096];
	long n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		/* write may take less than asked (a pipe, the console). */
		for (long done = 0; done < n;) {
			long w = write(1, buf + done, n - done);

			if (w <= 0)
				return -1;
			done += w;
		}
	}
	return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2)
		return copy(0) < 0;
	for (int i = 1; i < argc; i++) {
		int fd = strcmp(argv[i], "-") ? open(argv[i], O_RDONLY) : 0;

		if (fd < 0 || copy(fd) < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
		}
		if (fd > 0)
			close(fd);
	}
	return status;
}
