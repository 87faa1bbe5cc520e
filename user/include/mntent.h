/* SPDX-License-Identifier: MIT */
/*
 * <mntent.h>: the mounted file systems as a table of lines, read with
 * glibc's calls (user/lib/mntent.c).  Pagoda has one file system, the
 * ramfs at "/", and /proc/mounts says so in Linux's format:
 * "fsname dir type options freq passno".
 */
#ifndef _MNTENT_H
#define _MNTENT_H

#include <stdio.h>

#define MOUNTED "/proc/mounts"
#define _PATH_MOUNTED MOUNTED

struct mntent {
	char *mnt_fsname; /* the device or the file system's name */
	char *mnt_dir;	  /* where it is mounted */
	char *mnt_type;
	char *mnt_opts; /* comma-separated, as "rw,relatime" */
	int mnt_freq;
	int mnt_passno;
};

FILE *setmntent(const char *file, const char *mode);
/* The next entry, in storage the next call reuses; NULL at the end. */
struct mntent *getmntent(FILE *stream);
int endmntent(FILE *stream);
/* The option opt in mnt's options (as a whole word), or NULL. */
char *hasmntopt(const struct mntent *mnt, const char *opt);

#endif
