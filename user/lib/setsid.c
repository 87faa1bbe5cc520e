// SPDX-License-Identifier: MIT
/* Sessions and process groups: setsid, getsid, getpgid, getpgrp, setpgrp. */
#include <unistd.h>

#include "libc.h"

pid_t setsid(void)
{
	return __syscall_ret(__syscall0(SYS_setsid));
}

pid_t getsid(pid_t pid)
{
	return __syscall_ret(__syscall1(SYS_getsid, pid));
}

pid_t getpgid(pid_t pid)
{
	return __syscall_ret(__syscall1(SYS_getpgid, pid));
}

pid_t getpgrp(void)
{
	return getpgid(0);
}

/* System V's name for setpgid(0, 0): a group of the caller's own. */
int setpgrp(void)
{
	return setpgid(0, 0);
}
