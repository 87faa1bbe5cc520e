// SPDX-License-Identifier: MIT
/* msync(): the kernel checks the range and flags (mm/msync.c). */
#include <sys/mman.h>

#include "libc.h"

int msync(void *addr, size_t len, int flags)
{
	return __syscall_ret(__syscall3(SYS_msync, addr, len, flags));
}
