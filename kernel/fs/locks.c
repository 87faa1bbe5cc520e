// SPDX-License-Identifier: MIT
/*
 * POSIX record locks: fcntl(F_GETLK, F_SETLK, F_SETLKW) (Linux's
 * fs/locks.c, reduced to its POSIX half: no flock(2), no leases, no
 * mandatory locks).
 *
 * A lock covers a byte range [fl_start, fl_end] of an inode (OFFSET_MAX:
 * to the end of the file, however far it grows) and is a read lock (many
 * may overlap) or a write lock (alone on its bytes).  It belongs to a
 * process, not to an fd or a file: its owner is the fd table, which a
 * process's threads share and fork copies, so
 *   - the threads of a process share their locks, and a process never
 *     conflicts with itself: a new lock replaces the old one on the bytes
 *     they share (a write lock becomes a read lock there, and back);
 *   - a forked child owns none of its parent's locks (POSIX);
 *   - closing ANY fd of a file drops every lock the process holds on it,
 *     even those made through another fd (filp_close), as does exit.
 * One owner's locks on an inode never overlap: each request first cuts the
 * owner's old locks out of its range (splitting one that covers it), then
 * merges with those of the same type that touch it.
 *
 * F_SETLKW sleeps until no other owner's lock is in the way, or a signal
 * comes (EINTR, or a restart with SA_RESTART).  Before sleeping it checks
 * for a deadlock: if the owner it waits for is itself waiting, for an owner
 * that waits ... for the caller, sleeping would never end, so it fails with
 * EDEADLK, as POSIX allows and Linux does.  Each sleeper is on blocked_list
 * with the owner it waits for; the walk is bounded as Linux's is
 * (MAX_DEADLK_ITERATIONS), so a longer cycle is not seen.
 *
 * Locking: file_lock_lock, one spinlock, guards every inode's i_flock list,
 * blocked_list and lock_seq.  Nothing under it sleeps or allocates: the at
 * most two new struct file_locks a request needs are allocated first.
 * Every change that may let a sleeper through bumps lock_seq and wakes
 * file_lock_wait; sleepers wait for lock_seq to move, so a change between
 * their look and their sleep is never missed.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/kernel.h>
#include <kernel/sched.h>
#include <mm/slab.h>

#define OFFSET_MAX 0x7fffffffffffffffLL
#define MAX_DEADLK_ITERATIONS 10

struct file_lock {
	struct list_head fl_list; /* on inode->i_flock */
	struct files_struct *fl_owner;
	int fl_pid;  /* the owner's process id, for F_GETLK */
	int fl_type; /* F_RDLCK, F_WRLCK; F_UNLCK only in a request */
	loff_t fl_start, fl_end; /* inclusive */
};

/* A task asleep in F_SETLKW, and whose lock it waits for. */
struct lock_waiter {
	struct list_head list; /* on blocked_list */
	struct files_struct *owner;
	struct files_struct *blocker;
};

static struct spinlock file_lock_lock = SPINLOCK_INIT;
static LIST_HEAD(blocked_list);
static unsigned long lock_seq;
static struct wait_queue file_lock_wait = WAIT_QUEUE_INIT(file_lock_wait);

static bool overlap(const struct file_lock *a, const struct file_lock *b)
{
	return a->fl_start <= b->fl_end && b->fl_start <= a->fl_end;
}

/* Overlapping or adjacent (starts are >= 0, so start - 1 cannot wrap). */
static bool touch(const struct file_lock *a, const struct file_lock *b)
{
	return a->fl_start - 1 <= b->fl_end && b->fl_start - 1 <= a->fl_end;
}

/* Another owner's lock on inode that req cannot coexist with, or NULL. */
static struct file_lock *posix_conflict(struct inode *inode,
					const struct file_lock *req)
{
	struct file_lock *fl;

	list_for_each_entry (fl, &inode->i_flock, fl_list)
		if (fl->fl_owner != req->fl_owner && overlap(fl, req) &&
		    (fl->fl_type == F_WRLCK || req->fl_type == F_WRLCK))
			return fl;
	return NULL;
}

/*
 * Would caller waiting for blocker close a cycle of waiters?  Follow the
 * chain: whom blocker waits for, whom that one waits for, and so on.
 */
static bool posix_locks_deadlock(struct files_struct *caller,
				 struct files_struct *blocker)
{
	for (int i = 0; i < MAX_DEADLK_ITERATIONS; i++) {
		struct lock_waiter *w, *next = NULL;

		list_for_each_entry (w, &blocked_list, list)
			if (w->owner == blocker) {
				next = w;
				break;
			}
		if (!next)
			return false;
		blocker = next->blocker;
		if (blocker == caller)
			return true;
	}
	return false;
}

/*
 * Make req (F_UNLCK included) the owner's state on its range: cut the
 * owner's locks out of it, merge those of req's type that touch it, then
 * insert it.  spare holds up to two preallocated locks: req itself, and one
 * for the far piece of a lock split in two; taken ones are set to NULL.
 * Freed locks go on the dead list, to be freed outside the spinlock.
 */
static void posix_apply(struct inode *inode, struct file_lock *req,
			struct file_lock **spare, struct list_head *dead)
{
	struct file_lock *fl, *tmp;

	list_for_each_entry_safe (fl, tmp, &inode->i_flock, fl_list) {
		if (fl->fl_owner != req->fl_owner)
			continue;
		if (fl->fl_type == req->fl_type && touch(fl, req)) {
			req->fl_start = min(req->fl_start, fl->fl_start);
			req->fl_end = max(req->fl_end, fl->fl_end);
			list_move(&fl->fl_list, dead);
		} else if (!overlap(fl, req)) {
			continue;
		} else if (fl->fl_start < req->fl_start &&
			   fl->fl_end > req->fl_end) {
			struct file_lock *right = spare[1];

			spare[1] = NULL;
			*right = *fl;
			right->fl_start = req->fl_end + 1;
			list_add(&right->fl_list, &fl->fl_list);
			fl->fl_end = req->fl_start - 1;
		} else if (fl->fl_start < req->fl_start) {
			fl->fl_end = req->fl_start - 1;
		} else if (fl->fl_end > req->fl_end) {
			fl->fl_start = req->fl_end + 1;
		} else {
			list_move(&fl->fl_list, dead);
		}
	}
	if (req->fl_type != F_UNLCK) {
		spare[0] = NULL;
		list_add_tail(&req->fl_list, &inode->i_flock);
	}
	lock_seq++;
}

static void free_locks(struct list_head *dead)
{
	struct file_lock *fl, *tmp;

	list_for_each_entry_safe (fl, tmp, dead, fl_list)
		kfree(fl);
}

/*
 * Set (or clear) the lock req describes, sleeping for other owners' locks
 * if wait; req is the caller's, copied into the lists.
 */
static long posix_lock_inode(struct inode *inode, const struct file_lock *req,
			     bool wait)
{
	struct lock_waiter waiter = { .owner = req->fl_owner };
	struct file_lock *spare[2];
	unsigned long flags, seq;
	LIST_HEAD(dead);
	long err;

	spare[0] = kmalloc(sizeof(struct file_lock));
	spare[1] = kmalloc(sizeof(struct file_lock));
	if (!spare[0] || !spare[1]) {
		err = -ENOLCK;
		goto out;
	}
	*spare[0] = *req;
	for (;;) {
		struct file_lock *conflict;

		flags = spin_lock_irqsave(&file_lock_lock);
		conflict = req->fl_type == F_UNLCK ? NULL
						   : posix_conflict(inode, req);
		if (!conflict) {
			posix_apply(inode, spare[0], spare, &dead);
			spin_unlock_irqrestore(&file_lock_lock, flags);
			wake_up(&file_lock_wait);
			err = 0;
			break;
		}
		if (!wait ||
		    posix_locks_deadlock(req->fl_owner, conflict->fl_owner)) {
			spin_unlock_irqrestore(&file_lock_lock, flags);
			err = wait ? -EDEADLK : -EAGAIN;
			break;
		}
		waiter.blocker = conflict->fl_owner;
		list_add(&waiter.list, &blocked_list);
		seq = lock_seq;
		spin_unlock_irqrestore(&file_lock_lock, flags);

		err = wait_event(&file_lock_wait, lock_seq != seq);

		flags = spin_lock_irqsave(&file_lock_lock);
		list_del(&waiter.list);
		spin_unlock_irqrestore(&file_lock_lock, flags);
		if (err)
			break;
	}
	free_locks(&dead);
out:
	kfree(spare[0]);
	kfree(spare[1]);
	return err;
}

/*
 * struct flock's range as [start, end] (Linux's flock_to_posix_lock): from
 * l_whence, l_len bytes; 0 is to the end of file; a negative l_len counts
 * back from l_start.
 */
static long flock_to_posix_lock(struct file *f, const struct flock *fl,
				struct file_lock *req)
{
	loff_t start;

	switch (fl->l_whence) {
	case SEEK_SET:
		start = 0;
		break;
	case SEEK_CUR:
		start = f->f_pos;
		break;
	case SEEK_END:
		start = S_ISREG(f->f_inode->i_mode) ? f->f_inode->i_size : 0;
		break;
	default:
		return -EINVAL;
	}
	if (__builtin_add_overflow(start, fl->l_start, &start))
		return -EOVERFLOW;
	if (start < 0)
		return -EINVAL;
	if (fl->l_len > 0) {
		if (__builtin_add_overflow(start, fl->l_len - 1, &req->fl_end))
			return -EOVERFLOW;
	} else if (fl->l_len < 0) {
		req->fl_end = start - 1;
		start += fl->l_len;
		if (start < 0)
			return -EINVAL;
	} else {
		req->fl_end = OFFSET_MAX;
	}
	req->fl_start = start;
	req->fl_type = fl->l_type;
	req->fl_owner = current->files;
	req->fl_pid = current->tgid;
	return 0;
}

static long copy_flock(struct file *f, struct flock __user *ufl,
		       struct flock *fl, struct file_lock *req)
{
	if (copy_from_user(fl, ufl, sizeof(*fl)))
		return -EFAULT;
	if (fl->l_type != F_RDLCK && fl->l_type != F_WRLCK &&
	    fl->l_type != F_UNLCK)
		return -EINVAL;
	return flock_to_posix_lock(f, fl, req);
}

long fcntl_getlk(struct file *f, struct flock __user *ufl)
{
	struct file_lock req, *fl;
	struct flock flock;
	unsigned long flags;
	long err = copy_flock(f, ufl, &flock, &req);

	if (err)
		return err;
	if (req.fl_type == F_UNLCK)
		return -EINVAL;
	flags = spin_lock_irqsave(&file_lock_lock);
	fl = posix_conflict(f->f_inode, &req);
	if (fl) {
		flock.l_type = fl->fl_type;
		flock.l_whence = SEEK_SET;
		flock.l_start = fl->fl_start;
		flock.l_len = fl->fl_end == OFFSET_MAX
				      ? 0
				      : fl->fl_end - fl->fl_start + 1;
		flock.l_pid = fl->fl_pid;
	} else {
		flock.l_type = F_UNLCK;
	}
	spin_unlock_irqrestore(&file_lock_lock, flags);
	return copy_to_user(ufl, &flock, sizeof(flock)) ? -EFAULT : 0;
}

/* A read lock needs the file open for reading, a write lock for writing. */
long fcntl_setlk(struct file *f, int cmd, struct flock __user *ufl)
{
	struct file_lock req;
	struct flock flock;
	long err = copy_flock(f, ufl, &flock, &req);

	if (err)
		return err;
	if ((req.fl_type == F_RDLCK && !(f->f_mode & FMODE_READ)) ||
	    (req.fl_type == F_WRLCK && !(f->f_mode & FMODE_WRITE)))
		return -EBADF;
	return posix_lock_inode(f->f_inode, &req, cmd == F_SETLKW);
}

void locks_remove_posix(struct file *f, struct files_struct *owner)
{
	struct inode *inode = f->f_inode;
	struct file_lock *fl, *tmp;
	unsigned long flags;
	LIST_HEAD(dead);

	/*
	 * A peek without the lock: none of owner's locks can appear meanwhile
	 * but through owner's own fcntl, which would race with this close
	 * anyway (as in Linux).
	 */
	if (list_empty(&inode->i_flock))
		return;
	flags = spin_lock_irqsave(&file_lock_lock);
	list_for_each_entry_safe (fl, tmp, &inode->i_flock, fl_list)
		if (fl->fl_owner == owner)
			list_move(&fl->fl_list, &dead);
	if (!list_empty(&dead))
		lock_seq++;
	spin_unlock_irqrestore(&file_lock_lock, flags);
	if (list_empty(&dead))
		return;
	free_locks(&dead);
	wake_up(&file_lock_wait);
}

void filp_close(struct file *f, struct files_struct *owner)
{
	locks_remove_posix(f, owner);
	fput(f);
}
