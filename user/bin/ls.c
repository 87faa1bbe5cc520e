// SPDX-License-Identifier: MIT
/*
 * ls [-l] [path...]: for a directory, its entries sorted by name (names
 * starting with '.' are hidden); for a file, its name.  No path: the
 * current directory.  -l adds the type (d directory, - file, c device,
 * p pipe), the permission bits, the size in bytes and the time of the last
 * change of the data (mtime, in UTC: Pagoda has no time zones).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define MAX_ENTRIES 256
#define NAME_LEN 64

static int long_format;

static char type_char(unsigned int mode)
{
	if (S_ISDIR(mode))
		return 'd';
	if (S_ISREG(mode))
		return '-';
	if (S_ISCHR(mode))
		return 'c';
	if (S_ISFIFO(mode))
		return 'p';
	return '?';
}

/* Print one entry: path is where it is, name how to show it. */
static int show(const char *path, const char *name)
{
	struct stat st;
	char when[20];

	if (!long_format) {
		printf("%s\n", name);
		return 0;
	}
	if (stat(path, &st) < 0) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M", gmtime(&st.st_mtime));
	printf("%c%04o %8ld %s %s\n", type_char(st.st_mode), st.st_mode & 07777,
	       st.st_size, when, name);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* List a directory; 0, or 1 if something could not be read. */
static int list_dir(const char *dir)
{
	static char names[MAX_ENTRIES][NAME_LEN];
	char path[256];
	struct dirent *e;
	DIR *d = opendir(dir);
	int n = 0, status = 0;

	if (!d) {
		fprintf(stderr, "ls: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == MAX_ENTRIES) {
			fprintf(stderr, "ls: %s: only the first %d entries\n",
				dir, MAX_ENTRIES);
			break;
		}
		snprintf(names[n++], NAME_LEN, "%s", e->d_name);
	}
	closedir(d);
	qsort(names, n, NAME_LEN, by_name);
	for (int i = 0; i < n; i++) {
		/* "/" + "bin" is "/bin", not "//bin". */
		int slash = dir[strlen(dir) - 1] != '/';

		snprintf(path, sizeof(path), "%s%s%s", dir, slash ? "/" : "",
			 names[i]);
		status |= show(path, names[i]);
	}
	return status;
}

int main(int argc, char **argv)
{
	int i = 1, status = 0;

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		long_format = 1;
		i = 2;
	}
	if (i == argc)
		return list_dir(".");
	for (int first = i; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) < 0) {
			fprintf(stderr, "ls: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
		} else if (S_ISDIR(st.st_mode)) {
			/* With several paths, say which directory is which. */
			if (argc - first > 1)
				printf("%s%s:\n", i > first ? "\n" : "",
				       argv[i]);
			status |= list_dir(argv[i]);
		} else {
			status |= show(argv[i], argv[i]);
		}
	}
	return status;
}
