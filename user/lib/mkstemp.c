// SPDX-License-Identifier: MIT
/*
 * mkstemp(): make and open a new file from a template ending in "XXXXXX",
 * which is overwritten with the name chosen.  O_EXCL makes the creation
 * the test: a name that exists already is never opened, so two processes
 * racing for names each get a file of their own.  The letters come from
 * /dev/urandom when it opens, else from the pid and the clock.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SUFFIX "XXXXXX"
#define SUFFIX_LEN 6
#define TRIES 100

static const char letters[] =
	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

static unsigned long random_word(void)
{
	unsigned long w = 0;
	struct timespec ts;
	int fd = open("/dev/urandom", O_RDONLY);

	if (fd >= 0) {
		ssize_t n = read(fd, &w, sizeof(w));

		close(fd);
		if (n == (ssize_t)sizeof(w))
			return w;
	}
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long)getpid() * 2654435761UL ^ ts.tv_nsec ^ w;
}

int mkstemp(char *template)
{
	size_t len = strlen(template);
	char *x = template + len - SUFFIX_LEN;
	int saved = errno;

	if (len < SUFFIX_LEN || strcmp(x, SUFFIX)) {
		errno = EINVAL;
		return -1;
	}
	for (int try = 0; try < TRIES; try++) {
		unsigned long w = random_word();
		int fd;

		for (int i = 0; i < SUFFIX_LEN; i++, w /= sizeof(letters) - 1)
			x[i] = letters[w % (sizeof(letters) - 1)];
		fd = open(template, O_RDWR | O_CREAT | O_EXCL, 0600);
		if (fd >= 0) {
			errno = saved;
			return fd;
		}
		if (errno != EEXIST)
			return -1;
	}
	memcpy(x, SUFFIX, SUFFIX_LEN);
	errno = EEXIST;
	return -1;
}
