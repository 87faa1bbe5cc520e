// SPDX-License-Identifier: MIT
/* Resource limits: getrlimit and setrlimit are prlimit on the caller. */
#include <sys/resource.h>

#include "libc.h"

int prlimit(pid_t pid, int resource, const struct rlimit *new_limit,
	    struct rlimit *old_limit)
{
	return __syscall_ret(__syscall6(SYS_prlimit, pid, resource,
					(long)new_limit, (long)old_limit, 0,
					0));
}

int getrlimit(int resource, struct rlimit *rlim)
{
	return prlimit(0, resource, NULL, rlim);
}

int setrlimit(int resource, const struct rlimit *rlim)
{
	return prlimit(0, resource, rlim, NULL);
}
