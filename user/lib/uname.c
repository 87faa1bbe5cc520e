// SPDX-License-Identifier: MIT
/* uname, and gethostname (its nodename). */
#include <errno.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "libc.h"

int uname(struct utsname *name)
{
	return __syscall_ret(__syscall1(SYS_uname, name));
}

/* A name longer than len is cut, without its NUL, and ENAMETOOLONG (glibc). */
int gethostname(char *name, size_t len)
{
	struct utsname u;
	size_t n;

	if (uname(&u) < 0)
		return -1;
	n = strlen(u.nodename) + 1;
	memcpy(name, u.nodename, n < len ? n : len);
	if (n > len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}
