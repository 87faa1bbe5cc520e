// SPDX-License-Identifier: MIT
/* Linux's memory calls beyond POSIX's (mm/mremap.c ...). */
#include <stdarg.h>
#include <sys/mman.h>

#include "libc.h"

void *mremap(void *old_address, size_t old_size, size_t new_size, int flags,
	     ...)
{
	void *new_address = NULL;
	va_list ap;

	if (flags & MREMAP_FIXED) {
		va_start(ap, flags);
		new_address = va_arg(ap, void *);
		va_end(ap);
	}
	return (void *)__syscall_ret(__syscall6(SYS_mremap, (long)old_address,
						old_size, new_size, flags,
						(long)new_address, 0));
}
