// SPDX-License-Identifier: MIT
/*
 * POSIX shared memory objects (shm_open, shm_unlink), as glibc makes them
 * on Linux: an object named "/name" is the file /dev/shm/name, which the
 * kernel's RAM file system already holds in memory.  A process sizes it
 * with ftruncate and maps it MAP_SHARED; every process mapping it shares
 * its page cache pages (chapter 4), and they outlive the last mapping
 * until shm_unlink.  The kernel makes /dev/shm at boot (kernel/fs/namespace.c).
 * Named semaphores and message queues are files there too, "sem.NAME"
 * and "mq.NAME" (semaphore.c, mqueue.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "libc.h"

#define SHM_DIR "/dev/shm/"

/*
 * The file of object name: one leading slash or more, then a name with no
 * slash, as Linux takes it; empty or with a slash inside is EINVAL.
 */
int __shm_path(const char *name, const char *prefix, char *path, size_t size)
{
	while (*name == '/')
		name++;
	if (!*name || strchr(name, '/')) {
		errno = EINVAL;
		return -1;
	}
	if ((size_t)snprintf(path, size, SHM_DIR "%s%s", prefix, name) >=
	    size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

int shm_open(const char *name, int oflag, mode_t mode)
{
	char path[PATH_MAX];

	if (__shm_path(name, "", path, sizeof(path)))
		return -1;
	return open(path, oflag | O_CLOEXEC, mode);
}

int shm_unlink(const char *name)
{
	char path[PATH_MAX];

	if (__shm_path(name, "", path, sizeof(path)))
		return -1;
	return unlink(path);
}

/*
 * The file path (in /dev/shm), made whole or not at all: len bytes of init,
 * then zeros up to size, written under a temporary name and then linked
 * to path, so that a process opening path never sees a half-made object.
 * Its descriptor, or -1 with errno (EEXIST: the name is taken).
 */
static int create_object(const char *path, const void *init, size_t len,
			 size_t size)
{
	char tmp[] = SHM_DIR ".tmp.XXXXXX";
	int fd = mkstemp(tmp);
	int err;

	if (fd < 0)
		return -1;
	if (write(fd, init, len) != (ssize_t)len || ftruncate(fd, size) ||
	    link(tmp, path)) {
		err = errno;
		close(fd);
		unlink(tmp);
		errno = err;
		return -1;
	}
	unlink(tmp);
	return fd;
}

int __shm_open_object(const char *path, int oflag, const void *init, size_t len,
		      size_t size)
{
	int fd;

	for (;;) {
		if ((oflag & (O_CREAT | O_EXCL)) != (O_CREAT | O_EXCL)) {
			fd = open(path, O_RDWR | O_CLOEXEC);
			if (fd >= 0 || errno != ENOENT || !(oflag & O_CREAT))
				return fd;
		}
		fd = create_object(path, init, len, size);
		if (fd >= 0 || errno != EEXIST || (oflag & O_EXCL))
			return fd;
		/* another process made it since our open: open theirs */
	}
}
