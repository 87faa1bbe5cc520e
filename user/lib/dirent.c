// SPDX-License-Identifier: MIT
/*
 * Directories: opendir, readdir, closedir over the getdents system call.
 *
 * getdents(fd, buf, size) fills buf with as many fixed-size struct
 * pagoda_dirent entries as fit in size bytes and returns the number of
 * bytes it filled, 0 at the end of the directory (like Linux's getdents,
 * with fixed-size entries).  readdir() asks for a batch when the previous
 * one is used up and hands the entries out one by one.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libc.h"

#define BATCH 8

struct __dirstream {
	int fd;
	size_t pos, count; /* buf[pos .. count) not handed out yet */
	struct pagoda_dirent buf[BATCH];
	struct dirent ent; /* what readdir() returns */
};

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY);
	DIR *dir;

	if (fd < 0)
		return NULL;
	dir = malloc(sizeof(*dir));
	if (!dir) {
		close(fd);
		return NULL;
	}
	dir->fd = fd;
	dir->pos = dir->count = 0;
	return dir;
}

struct dirent *readdir(DIR *dir)
{
	struct pagoda_dirent *e;

	if (dir->pos == dir->count) {
		long n = __syscall_ret(__syscall3(SYS_getdents, dir->fd,
						  dir->buf, sizeof(dir->buf)));

		if (n <= 0)
			return NULL; /* the end (errno untouched), or an error */
		dir->pos = 0;
		dir->count = n / sizeof(dir->buf[0]);
	}
	e = &dir->buf[dir->pos++];
	dir->ent.d_ino = e->d_ino;
	dir->ent.d_type = e->d_type;
	/* Same size as the kernel's name; terminate it all the same. */
	memcpy(dir->ent.d_name, e->d_name, sizeof(dir->ent.d_name));
	dir->ent.d_name[NAME_MAX] = '\0';
	return &dir->ent;
}

/* The kernel counts a directory's position in entries: 0 is the first. */
void rewinddir(DIR *dir)
{
	lseek(dir->fd, 0, SEEK_SET);
	dir->pos = dir->count = 0;
}

int closedir(DIR *dir)
{
	int ret = close(dir->fd);

	free(dir);
	return ret;
}

int dirfd(DIR *dir)
{
	return dir->fd;
}
