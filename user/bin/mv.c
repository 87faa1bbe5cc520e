// SPDX-License-Identifier: MIT
/*
 * mv from to: rename from to to, replacing a file there (rename(2)).
 * mv file... dir: move each file into the directory dir, keeping its name.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* from into the directory dir, under from's last component. */
static int move_into(const char *from, const char *dir)
{
	char name[4096], to[4096];
	const char *last;
	size_t n;

	snprintf(name, sizeof(name), "%s", from);
	n = strlen(name);
	while (n > 1 && name[n - 1] == '/')
		name[--n] = '\0';
	last = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	if (snprintf(to, sizeof(to), "%s/%s", dir, last) >= (int)sizeof(to)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return rename(from, to);
}

int main(int argc, char **argv)
{
	const char *last = argv[argc - 1];
	int into, status = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: mv from to | mv file... dir\n");
		return 1;
	}
	into = argc > 3 || is_dir(last);
	for (int i = 1; i < argc - 1; i++) {
		if ((into ? move_into(argv[i], last) : rename(argv[i], last)) ==
		    0)
			continue;
		fprintf(stderr, "mv: %s: %s\n", argv[i], strerror(errno));
		status = 1;
	}
	return status;
}
