// SPDX-License-Identifier: MIT
/*
 * wc [file...]: count the lines, words and bytes of each file, or of
 * standard input; with several files, a total line as well.  A word is a
 * run of characters other than space, tab and newline.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct counts {
	long lines, words, bytes;
};

/* Add fd's counts to *c; 0, or -1 if a read failed. */
static int count(int fd, struct counts *c)
{
	char buf[4096];
	int in_word = 0;
	long n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		c->bytes += n;
		for (long i = 0; i < n; i++) {
			int space = buf[i] == ' ' || buf[i] == '\t' ||
				    buf[i] == '\n' || buf[i] == '\r';

			c->lines += buf[i] == '\n';
			c->words += !space && !in_word; /* a word starts */
			in_word = !space;
		}
	}
	return n < 0 ? -1 : 0;
}

static void print(const struct counts *c, const char *name)
{
	printf("%7ld %7ld %7ld%s%s\n", c->lines, c->words, c->bytes,
	       name ? " " : "", name ? name : "");
}

int main(int argc, char **argv)
{
	struct counts total = { 0, 0, 0 };
	int status = 0;

	if (argc < 2) {
		if (count(0, &total) < 0) {
			fprintf(stderr, "wc: %s\n", strerror(errno));
			status = 1;
		}
		print(&total, NULL);
		return status;
	}
	for (int i = 1; i < argc; i++) {
		struct counts c = { 0, 0, 0 };
		int fd = open(argv[i], O_RDONLY);

		if (fd < 0 || count(fd, &c) < 0) {
			fprintf(stderr, "wc: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
		} else {
			print(&c, argv[i]);
		}
		if (fd >= 0)
			close(fd);
		total.lines += c.lines;
		total.words += c.words;
		total.bytes += c.bytes;
	}
	if (argc > 2)
		print(&total, "total");
	return status;
}
