// SPDX-License-Identifier: MIT
/*
 * wc [-lwc] [file...]: count the lines, words and bytes of each file, or
 * of standard input; with several files, a total line as well.  A word is a
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

/* Which counts to print: -l, -w, -c; none given means all three. */
static int show_lines, show_words, show_bytes;

static void print(const struct counts *c, const char *name)
{
	if (show_lines)
		printf("%7ld ", c->lines);
	if (show_words)
		printf("%7ld ", c->words);
	if (show_bytes)
		printf("%7ld ", c->bytes);
	printf("%s\n", name ? name : "");
}

/* Count one file (NULL: standard input) into total; 0 or -1. */
static int wc_file(const char *name, struct counts *total)
{
	struct counts c = { 0, 0, 0 };
	int fd = name ? open(name, O_RDONLY) : 0;
	int err = fd < 0 || count(fd, &c) < 0;

	if (err)
		fprintf(stderr, "wc: %s: %s\n", name ? name : "stdin",
			strerror(errno));
	else
		print(&c, name);
	if (fd > 0)
		close(fd);
	total->lines += c.lines;
	total->words += c.words;
	total->bytes += c.bytes;
	return err ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct counts total = { 0, 0, 0 };
	int status = 0, i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'l')
				show_lines = 1;
			else if (*o == 'w')
				show_words = 1;
			else if (*o == 'c')
				show_bytes = 1;
			else {
				fprintf(stderr, "usage: wc [-lwc] [file...]\n");
				return 1;
			}
		}
	}
	if (!show_lines && !show_words && !show_bytes)
		show_lines = show_words = show_bytes = 1;
	if (i == argc)
		return wc_file(NULL, &total) ? 1 : 0;
	if (argc - i > 1) {
		for (int f = i; f < argc; f++)
			status |= wc_file(argv[f], &total) ? 1 : 0;
		print(&total, "total");
		return status;
	}
	return wc_file(argv[i], &total) ? 1 : 0;
	return status;
}
