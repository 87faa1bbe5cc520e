// SPDX-License-Identifier: MIT
/* Linux's memory calls beyond POSIX's: mremap, memfd_create, mlock2. */
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

int memfd_create(const char *name, unsigned int flags)
{
	return __syscall_ret(__syscall2(SYS_memfd_create, name, flags));
}

int mlock2(const void *addr, size_t len, unsigned int flags)
{
	return __syscall_ret(__syscall3(SYS_mlock2, addr, len, flags));
}
