// SPDX-License-Identifier: MIT
/*
 * <mntent.h>: read a mount table (/proc/mounts) line by line.  Fields
 * are separated by blanks; lines that are empty, comments or short of
 * the four named fields are skipped, as glibc does.
 */
#include <mntent.h>
#include <stdlib.h>
#include <string.h>

FILE *setmntent(const char *file, const char *mode)
{
	return fopen(file, mode);
}

int endmntent(FILE *stream)
{
	if (stream)
		fclose(stream);
	return 1;
}

/* Split line into the entry's fields; false if it has too few. */
static int parse_mntent(char *line, struct mntent *mnt)
{
	char *field[6] = { 0 };
	char *save;
	int n = 0;

	for (char *tok = strtok_r(line, " \t\n", &save); tok && n < 6;
	     tok = strtok_r(NULL, " \t\n", &save))
		field[n++] = tok;
	if (n < 4 || field[0][0] == '#')
		return 0;
	mnt->mnt_fsname = field[0];
	mnt->mnt_dir = field[1];
	mnt->mnt_type = field[2];
	mnt->mnt_opts = field[3];
	mnt->mnt_freq = field[4] ? atoi(field[4]) : 0;
	mnt->mnt_passno = field[5] ? atoi(field[5]) : 0;
	return 1;
}

struct mntent *getmntent(FILE *stream)
{
	static char line[512];
	static struct mntent mnt;

	while (fgets(line, sizeof(line), stream))
		if (parse_mntent(line, &mnt))
			return &mnt;
	return NULL;
}

char *hasmntopt(const struct mntent *mnt, const char *opt)
{
	size_t len = strlen(opt);

	for (char *p = mnt->mnt_opts; p; p = strchr(p, ',')) {
		if (*p == ',')
			p++;
		if (!strncmp(p, opt, len) &&
		    (p[len] == '\0' || p[len] == ',' || p[len] == '='))
			return p;
	}
	return NULL;
}
