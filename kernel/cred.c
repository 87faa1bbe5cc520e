// SPDX-License-Identifier: MIT
/*
 * Users: each process has a real, an effective and a saved user id, and
 * the same three group ids (struct cred, kernel/cred.h), inherited by
 * fork and kept across exec.  Every process starts as root (uid 0): init
 * is root, and so is everything it starts until a program gives root up
 * with setuid.
 *
 * The ids are the process's, kept in its group leader, so that one
 * thread's setuid changes them for every thread at once -- what POSIX
 * asks.  (Linux keeps a struct cred per thread, and its C library makes
 * every thread change its own.)
 *
 * What the ids are for in Pagoda: who may signal whom (kill, sigqueue),
 * who may change another's scheduling, and who is root -- the
 * privilege Linux splits into capabilities (capable() below), which lets
 * a program use real-time policies, raise a hard resource limit, lock
 * memory past RLIMIT_MEMLOCK, or take any id.  Files have modes but
 * nothing checks them: there are no file permissions.
 *
 * The rules for changing ids are POSIX's (and Linux's): root (effective
 * id 0) may set any id; any other process may only move its ids among the
 * values its real, effective and saved ids already have.
 */
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>

#define NO_ID ((unsigned int)-1) /* the -1 that leaves an id unchanged */

const struct cred *task_cred(const struct task_struct *t)
{
	return &t->group_leader->cred;
}

const struct cred *current_cred(void)
{
	return task_cred(current);
}

/* Only the caller changes its ids: no other task writes them. */
static struct cred *current_cred_mut(void)
{
	return &current->group_leader->cred;
}

bool capable(int cap)
{
	return current_cred()->euid == 0;
}

/* Tasks, threads included, whose real user id is uid (RLIMIT_NPROC). */
static unsigned long nr_tasks_of(unsigned int uid)
{
	struct task_struct *t;
	unsigned long n = 0;

	list_for_each_entry (t, &all_tasks, task_link)
		if (t->mm && t->state != TASK_DEAD && task_cred(t)->uid == uid)
			n++;
	return n;
}

int copy_creds(struct task_struct *child, struct task_struct *parent)
{
	const struct task_struct *leader = parent->group_leader;

	if (nr_tasks_of(leader->cred.uid) >= rlimit(RLIMIT_NPROC) &&
	    !capable(CAP_SYS_RESOURCE))
		return -EAGAIN;
	child->cred = leader->cred;
	memcpy(child->rlim, leader->rlim, sizeof(child->rlim));
	return 0;
}

/*
 * kill's rule (POSIX, Linux's kill_ok_by_cred): the sender's real or
 * effective user id is the target's real or saved one; or the sender is
 * root; or the signal is SIGCONT within one session (a shell continues
 * its jobs whoever they run as).
 */
int check_kill_permission(int sig, struct task_struct *t)
{
	const struct cred *c = current_cred(), *tc = task_cred(t);

	if (capable(CAP_KILL))
		return 0;
	if (c->euid == tc->suid || c->euid == tc->uid || c->uid == tc->suid ||
	    c->uid == tc->uid)
		return 0;
	if (sig == SIGCONT &&
	    t->group_leader->sid == current->group_leader->sid)
		return 0;
	return -EPERM;
}

/* May an unprivileged process take id: is it one of its three? */
static bool id_held(unsigned int id, unsigned int real, unsigned int eff,
		    unsigned int saved)
{
	return id == NO_ID || id == real || id == eff || id == saved;
}

/*
 * setresuid and setresgid, on one set of three ids: each id given (not
 * -1) is set; without the right, each must be one the process holds.
 */
static long set_res(unsigned int *real, unsigned int *eff, unsigned int *saved,
		    unsigned int r, unsigned int e, unsigned int s, int cap)
{
	if (!capable(cap) && (!id_held(r, *real, *eff, *saved) ||
			      !id_held(e, *real, *eff, *saved) ||
			      !id_held(s, *real, *eff, *saved)))
		return -EPERM;
	if (r != NO_ID)
		*real = r;
	if (e != NO_ID)
		*eff = e;
	if (s != NO_ID)
		*saved = s;
	return 0;
}

/*
 * setreuid and setregid (Linux's rules, which POSIX leaves open): the
 * real id may become the real or effective one, the effective id any of
 * the three; when the real id is set, or the effective one to other than
 * the old real id, the saved id follows the new effective id.
 */
static long set_re(unsigned int *real, unsigned int *eff, unsigned int *saved,
		   unsigned int r, unsigned int e, int cap)
{
	unsigned int new_real = r == NO_ID ? *real : r;
	unsigned int new_eff = e == NO_ID ? *eff : e;

	if (!capable(cap) && ((r != NO_ID && r != *real && r != *eff) ||
			      !id_held(e, *real, *eff, *saved)))
		return -EPERM;
	if (r != NO_ID || (e != NO_ID && e != *real))
		*saved = new_eff;
	*real = new_real;
	*eff = new_eff;
	return 0;
}

/*
 * setuid and setgid (POSIX): with the right, all three ids; without it,
 * only the effective id, to the real or the saved one.
 */
static long set_one(unsigned int *real, unsigned int *eff, unsigned int *saved,
		    unsigned int id, int cap)
{
	if (id == NO_ID)
		return -EINVAL;
	if (capable(cap)) {
		*real = *eff = *saved = id;
		return 0;
	}
	if (id != *real && id != *saved)
		return -EPERM;
	*eff = id;
	return 0;
}

static long get_res(unsigned int real, unsigned int eff, unsigned int saved,
		    unsigned int __user *r, unsigned int __user *e,
		    unsigned int __user *s)
{
	if (copy_to_user(r, &real, sizeof(real)) ||
	    copy_to_user(e, &eff, sizeof(eff)) ||
	    copy_to_user(s, &saved, sizeof(saved)))
		return -EFAULT;
	return 0;
}

long sys_setresuid(unsigned int ruid, unsigned int euid, unsigned int suid)
{
	struct cred *c = current_cred_mut();

	return set_res(&c->uid, &c->euid, &c->suid, ruid, euid, suid,
		       CAP_SETUID);
}

long sys_getresuid(unsigned int __user *ruid, unsigned int __user *euid,
		   unsigned int __user *suid)
{
	const struct cred *c = current_cred();

	return get_res(c->uid, c->euid, c->suid, ruid, euid, suid);
}

long sys_setresgid(unsigned int rgid, unsigned int egid, unsigned int sgid)
{
	struct cred *c = current_cred_mut();

	return set_res(&c->gid, &c->egid, &c->sgid, rgid, egid, sgid,
		       CAP_SETGID);
}

long sys_getresgid(unsigned int __user *rgid, unsigned int __user *egid,
		   unsigned int __user *sgid)
{
	const struct cred *c = current_cred();

	return get_res(c->gid, c->egid, c->sgid, rgid, egid, sgid);
}

long sys_setreuid(unsigned int ruid, unsigned int euid)
{
	struct cred *c = current_cred_mut();

	return set_re(&c->uid, &c->euid, &c->suid, ruid, euid, CAP_SETUID);
}

long sys_setregid(unsigned int rgid, unsigned int egid)
{
	struct cred *c = current_cred_mut();

	return set_re(&c->gid, &c->egid, &c->sgid, rgid, egid, CAP_SETGID);
}

long sys_setuid(unsigned int uid)
{
	struct cred *c = current_cred_mut();

	return set_one(&c->uid, &c->euid, &c->suid, uid, CAP_SETUID);
}

long sys_setgid(unsigned int gid)
{
	struct cred *c = current_cred_mut();

	return set_one(&c->gid, &c->egid, &c->sgid, gid, CAP_SETGID);
}
