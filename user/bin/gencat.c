// SPDX-License-Identifier: MIT
/*
 * gencat catfile msgfile...: make a message catalog (POSIX's gencat).
 * Pagoda's catalogs are gencat's input format itself (user/lib/catalog.c
 * reads it), so gencat gathers: catfile becomes its old contents, if it
 * exists, then each msgfile ("-": standard input) in turn, each starting
 * afresh (in set NL_SETD, with no quote character).  A later message
 * replaces an earlier one of the same set and number, which is POSIX's
 * merge.  The result must open with catopen, or gencat fails.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <nl_types.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Append all of file (NULL: standard input) to out; 0 or -1. */
static int append(FILE *out, const char *file)
{
	FILE *in = file ? fopen(file, "r") : stdin;
	char buf[4096];
	size_t n;

	if (!in)
		return -1;
	fputs("$set 1\n$quote\n", out);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, out);
	/* A last line without its newline must not run into the next file. */
	fputc('\n', out);
	if (in != stdin)
		fclose(in);
	return ferror(out) ? -1 : 0;
}

int main(int argc, char **argv)
{
	const char *cat = argv[1];
	char tmp[PATH_MAX];
	nl_catd check;
	FILE *out;

	if (argc < 3) {
		fprintf(stderr, "usage: gencat catfile msgfile...\n");
		return 2;
	}
	snprintf(tmp, sizeof(tmp), "%s.gencat", cat);
	out = fopen(tmp, "w");
	if (!out || (access(cat, F_OK) == 0 && append(out, cat) < 0)) {
		perror(cat);
		return 1;
	}
	for (int i = 2; i < argc; i++)
		if (append(out, strcmp(argv[i], "-") ? argv[i] : NULL) < 0) {
			perror(argv[i]);
			fclose(out);
			unlink(tmp);
			return 1;
		}
	if (fclose(out) || rename(tmp, cat)) {
		perror(cat);
		unlink(tmp);
		return 1;
	}
	/* "./" keeps catopen from looking the name up in $NLSPATH. */
	snprintf(tmp, sizeof(tmp), "%s%s", strchr(cat, '/') ? "" : "./", cat);
	check = catopen(tmp, 0);
	if (check == (nl_catd)-1) {
		perror(cat);
		return 1;
	}
	catclose(check);
	return 0;
}
