// SPDX-License-Identifier: MIT
/*
 * User and group ids (kernel/cred.c).  The kernel keeps the three of each
 * and answers getresuid; getuid and the others read one of them.  seteuid
 * and setegid change only the effective id, as glibc does it: setresuid
 * with -1 for the other two.
 */
#include <unistd.h>

#include "libc.h"

int setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	return __syscall_ret(__syscall3(SYS_setresuid, ruid, euid, suid));
}

int setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	return __syscall_ret(__syscall3(SYS_setresgid, rgid, egid, sgid));
}

int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid)
{
	return __syscall_ret(__syscall3(SYS_getresuid, ruid, euid, suid));
}

int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid)
{
	return __syscall_ret(__syscall3(SYS_getresgid, rgid, egid, sgid));
}

int setreuid(uid_t ruid, uid_t euid)
{
	return __syscall_ret(__syscall2(SYS_setreuid, ruid, euid));
}

int setregid(gid_t rgid, gid_t egid)
{
	return __syscall_ret(__syscall2(SYS_setregid, rgid, egid));
}

int setuid(uid_t uid)
{
	return __syscall_ret(__syscall1(SYS_setuid, uid));
}

int setgid(gid_t gid)
{
	return __syscall_ret(__syscall1(SYS_setgid, gid));
}

int seteuid(uid_t euid)
{
	return setresuid(-1, euid, -1);
}

int setegid(gid_t egid)
{
	return setresgid(-1, egid, -1);
}

/* One of the three ids getresuid or getresgid (nr) gives: 0 real, 1 effective. */
static unsigned int one_id(long nr, int which)
{
	unsigned int ids[3] = { 0, 0, 0 };

	__syscall3(nr, &ids[0], &ids[1], &ids[2]);
	return ids[which];
}

uid_t getuid(void)
{
	return one_id(SYS_getresuid, 0);
}

uid_t geteuid(void)
{
	return one_id(SYS_getresuid, 1);
}

gid_t getgid(void)
{
	return one_id(SYS_getresgid, 0);
}

gid_t getegid(void)
{
	return one_id(SYS_getresgid, 1);
}
