/* SPDX-License-Identifier: MIT */
/*
 * Users: a process's user and group ids (kernel/cred.c), and the one
 * privilege Pagoda knows, being root.
 */
#ifndef _KERNEL_CRED_H
#define _KERNEL_CRED_H

#include <kernel/kernel.h>
#include <kernel/uaccess.h>

struct task_struct;

/*
 * The ids of a process, POSIX's three of each: the real id (who started
 * it), the effective id (what permission checks look at) and the saved id
 * (an effective id it gave up and may take back).  Linux's struct cred;
 * Pagoda has no file-system ids, supplementary groups or capabilities.
 */
struct cred {
	unsigned int uid, euid, suid;
	unsigned int gid, egid, sgid;
};

/*
 * What Linux grants by capability, Pagoda grants to an effective user id
 * of 0; the names say which right a check is about.
 */
#define CAP_KILL 5
#define CAP_SETGID 6
#define CAP_SETUID 7
#define CAP_IPC_LOCK 14
#define CAP_SYS_BOOT 22
#define CAP_SYS_NICE 23
#define CAP_SYS_RESOURCE 24
bool capable(int cap);

/* The ids of t's process (kept in its group leader), and the caller's. */
const struct cred *task_cred(const struct task_struct *t);
const struct cred *current_cred(void);

/* fork: the child gets the parent's ids and limits; -EAGAIN past RLIMIT_NPROC. */
int copy_creds(struct task_struct *child, struct task_struct *parent);

/* May the caller send sig to t (kill, sigqueue)?  0 or -EPERM. */
int check_kill_permission(int sig, struct task_struct *t);

long sys_setresuid(unsigned int ruid, unsigned int euid, unsigned int suid);
long sys_getresuid(unsigned int __user *ruid, unsigned int __user *euid,
		   unsigned int __user *suid);
long sys_setresgid(unsigned int rgid, unsigned int egid, unsigned int sgid);
long sys_getresgid(unsigned int __user *rgid, unsigned int __user *egid,
		   unsigned int __user *sgid);
long sys_setreuid(unsigned int ruid, unsigned int euid);
long sys_setregid(unsigned int rgid, unsigned int egid);
long sys_setuid(unsigned int uid);
long sys_setgid(unsigned int gid);

#endif
