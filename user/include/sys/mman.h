/* SPDX-License-Identifier: MIT */
/*
 * <sys/mman.h>: mapping memory and files.  The constants are the kernel's
 * ABI (pagoda/abi.h, Linux's values).  Regular files can be mapped; a
 * device or a pipe cannot (ENODEV).
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include <pagoda/abi.h>

#define MAP_ANON MAP_ANONYMOUS
#define MAP_FAILED ((void *)-1)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int madvise(void *addr, size_t len, int advice);
/* Keep pages in memory, out of reclaim's reach (MCL_* for mlockall). */
int mlock(const void *addr, size_t len);
int munlock(const void *addr, size_t len);
int mlockall(int flags);
int munlockall(void);
/*
 * MS_SYNC, MS_ASYNC, MS_INVALIDATE: checked as Linux does; a shared
 * mapping of a ramfs file is its page cache, so there is nothing to write.
 */
int msync(void *addr, size_t len, int flags);
/*
 * Linux's calls (user/lib/mman.c): mremap resizes a mapping, and moves it
 * with MREMAP_MAYMOVE (to the fifth argument's address with MREMAP_FIXED).
 */
void *mremap(void *old_address, size_t old_size, size_t new_size, int flags,
	     ...);
/*
 * POSIX shared memory objects: "/name" is the file /dev/shm/name
 * (user/lib/shm.c); size it with ftruncate, map it MAP_SHARED.
 */
int shm_open(const char *name, int oflag, mode_t mode);
int shm_unlink(const char *name);

#endif
