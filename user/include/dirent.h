/* SPDX-License-Identifier: MIT */
/*
 * <dirent.h>: reading directories.  opendir() opens the directory,
 * readdir() hands out one entry at a time from the batches the getdents
 * system call returns, closedir() closes it.  The DT_* types are in
 * pagoda/abi.h.
 */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>
#include <limits.h>
#include <pagoda/abi.h>

#define DT_UNKNOWN 0

struct dirent {
	ino_t d_ino;
	unsigned char d_type; /* DT_REG, DT_DIR, DT_CHR, DT_FIFO */
	char d_name[NAME_MAX + 1];
};

typedef struct __dirstream DIR;

DIR *opendir(const char *path);
/* The next entry, or NULL at the end (errno unchanged) or on error. */
struct dirent *readdir(DIR *dir);
/* Start again from the first entry. */
void rewinddir(DIR *dir);
int closedir(DIR *dir);
/* The file descriptor opendir() opened. */
int dirfd(DIR *dir);

#endif
