/* SPDX-License-Identifier: MIT */
/*
 * <sys/mman.h>: memory-mapping constants, with Linux's values.  Constants
 * only for now: mmap(), munmap(), mprotect() and madvise() come with the VM
 * work.  When the kernel's pagoda/abi.h gains these, take them from there.
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>

#define PROT_NONE 0
#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4

#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_ANON MAP_ANONYMOUS

/* What mmap() returns on failure. */
#define MAP_FAILED ((void *)-1)

#endif
