// SPDX-License-Identifier: MIT
/*
 * POSIX shared memory objects (shm_open, shm_unlink), as glibc makes them
 * on Linux: an object named "/name" is the file /dev/shm/name, which the
 * kernel's RAM file system already holds in memory.  A process sizes it
 * with ftruncate and maps it MAP_SHARED; every process mapping it shares
 * its page cache pages (chapter 4), and they outlive the last mapping
 * until shm_unlink.  The kernel makes /dev/shm at boot (kernel/fs/namespace.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define SHM_DIR "/dev/shm/"

/*
 * The file of object name: one leading slash or more, then a name with no
 * slash, as Linux takes it; empty or with a slash inside is EINVAL.
 */
static int shm_path(const char *name, char *path, size_t size)
{
	while (*name == '/')
		name++;
	if (!*name || strchr(name, '/')) {
		errno = EINVAL;
		return -1;
	}
	if ((size_t)snprintf(path, size, SHM_DIR "%s", name) >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

int shm_open(const char *name, int oflag, mode_t mode)
{
	char path[PATH_MAX];

	if (shm_path(name, path, sizeof(path)))
		return -1;
	return open(path, oflag | O_CLOEXEC, mode);
}

int shm_unlink(const char *name)
{
	char path[PATH_MAX];

	if (shm_path(name, path, sizeof(path)))
		return -1;
	return unlink(path);
}
