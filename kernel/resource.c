// SPDX-License-Identifier: MIT
/*
 * Resource limits: getrlimit, setrlimit and prlimit (one system call, as
 * in Linux's C library).  A process has, for each resource, a soft limit,
 * the one enforced, and a hard limit, the ceiling to which it may raise
 * the soft one; lowering either is free, raising the hard one is root's.
 * Limits are the process's (its group leader's), inherited by fork and
 * kept across exec.
 *
 * Where each is enforced, each check at the call site as in Linux:
 *	RLIMIT_NOFILE	fd numbers from it up are refused: open, dup, pipe
 *			(EMFILE), dup2 (EBADF), fcntl F_DUPFD (EINVAL)
 *			-- kernel/fs/file.c, fcntl.c
 *	RLIMIT_AS	mapping past it: mmap, brk (ENOMEM) -- mm/mmap.c
 *	RLIMIT_DATA	the heap, brk - start_brk -- mm/mmap.c
 *	RLIMIT_STACK	the stack VMA exec makes, up to its fixed 256 KiB
 *			(Pagoda's stack does not grow) -- kernel/exec.c
 *	RLIMIT_MEMLOCK	bytes locked: mlock, mlockall (ENOMEM; EPERM when
 *			it is 0), root exempt -- mm/mlock.c
 *	RLIMIT_NPROC	tasks of one real user id: fork, clone (EAGAIN),
 *			root exempt -- kernel/cred.c
 *	RLIMIT_RTPRIO	the real-time priority a non-root process may take
 *			-- kernel/sched_syscalls.c
 * The others (RLIMIT_CORE: Pagoda writes no core files; CPU, FSIZE, ...)
 * are only kept.
 */
#include <asm/irqflags.h>
#include <asm/layout.h>
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/process.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/fs/vfs.h>

unsigned long rlimit(unsigned int resource)
{
	return current->group_leader->rlim[resource].rlim_cur;
}

/*
 * Linux's defaults where Pagoda has the resource's size: a stack of
 * USER_STACK_SIZE, NR_OPEN files (the most the fd table holds: nothing
 * raises that), NR_TASKS tasks, Linux's 8 MiB of locked memory.
 */
void init_rlimits(struct rlimit *rlim)
{
	for (int i = 0; i < RLIM_NLIMITS; i++)
		rlim[i] = (struct rlimit){ RLIM_INFINITY, RLIM_INFINITY };
	rlim[RLIMIT_STACK].rlim_cur = USER_STACK_SIZE;
	rlim[RLIMIT_CORE].rlim_cur = 0;
	rlim[RLIMIT_NOFILE] = (struct rlimit){ NR_OPEN, NR_OPEN };
	rlim[RLIMIT_NPROC] = (struct rlimit){ NR_TASKS, NR_TASKS };
	rlim[RLIMIT_MEMLOCK] = (struct rlimit){ 8UL << 20, 8UL << 20 };
	rlim[RLIMIT_NICE] = (struct rlimit){ 0, 0 };
	rlim[RLIMIT_RTPRIO] = (struct rlimit){ 0, 0 };
}

/*
 * May the caller set new over old?  A hard limit raised needs root, and so
 * does RLIMIT_NOFILE above what an fd table holds (Linux's nr_open).
 */
static int check_rlimit(const struct rlimit *old, const struct rlimit *new,
			unsigned int resource)
{
	if (new->rlim_max > old->rlim_max && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	if (resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN)
		return -EPERM;
	return 0;
}

/*
 * Another process's limits may be read or set only by root or by a
 * process of the same user (Linux's check_prlimit_permission).
 */
static bool may_prlimit(struct task_struct *t)
{
	const struct cred *c = current_cred(), *tc = task_cred(t);

	if (t->group_leader == current->group_leader ||
	    capable(CAP_SYS_RESOURCE))
		return true;
	return c->uid == tc->uid && c->uid == tc->euid && c->uid == tc->suid &&
	       c->gid == tc->gid && c->gid == tc->egid && c->gid == tc->sgid;
}

/*
 * pid 0 is the caller; the old limits are stored before the new are set.
 * Linux's order of errors: EINVAL (soft above hard), EFAULT, ESRCH, EPERM.
 */
long sys_prlimit(int pid, unsigned int resource,
		 const struct rlimit __user *new_rlim,
		 struct rlimit __user *old_rlim)
{
	struct task_struct *t;
	struct rlimit new, *rlim;
	int err;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	if (new_rlim && new.rlim_cur > new.rlim_max)
		return -EINVAL;
	t = pid ? find_process(pid) : current;
	if (!t)
		return -ESRCH;
	if (!may_prlimit(t))
		return -EPERM;
	rlim = &t->group_leader->rlim[resource];
	err = new_rlim ? check_rlimit(rlim, &new, resource) : 0;
	if (err)
		return err;
	if (old_rlim && copy_to_user(old_rlim, rlim, sizeof(*rlim)))
		return -EFAULT;
	if (new_rlim)
		*rlim = new;
	return 0;
}
