// SPDX-License-Identifier: MIT
/*
 * Inodes: creating them, counting who uses them, freeing them, and the
 * inode lock.
 *
 * An inode lives while something can reach it.  Two counts say so:
 *   i_nlink  the directory entries naming it (a directory also counts its
 *            own "." and each subdirectory's ".." as Unix does);
 *   i_count  the references held by open files, tasks' working
 *            directories and lookups in progress.
 * When both are zero nobody can ever find the inode again, and it is
 * evicted: its pages leave the page cache and its memory is freed.  So an
 * unlinked file that is still open keeps its data until the last close.
 */
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/panic.h>
#include <kernel/time.h>
#include <mm/slab.h>

static unsigned long last_ino; /* under ino_lock */
static struct spinlock ino_lock = SPINLOCK_INIT;

static unsigned long next_ino(void)
{
	unsigned long flags = spin_lock_irqsave(&ino_lock);
	unsigned long ino = ++last_ino;

	spin_unlock_irqrestore(&ino_lock, flags);
	return ino;
}

struct inode *new_inode(unsigned int mode)
{
	struct inode *inode = kzalloc(sizeof(*inode));

	if (!inode)
		return NULL;
	inode->i_ino = next_ino();
	inode->i_mode = mode;
	inode->i_count = 1;
	inode->i_lock = (struct spinlock)SPINLOCK_INIT;
	init_wait_queue(&inode->i_lock_wait);
	address_space_init(&inode->i_data, inode);
	INIT_LIST_HEAD(&inode->i_entries);
	INIT_LIST_HEAD(&inode->i_flock);
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	return inode;
}

struct inode *igrab(struct inode *inode)
{
	unsigned long flags = spin_lock_irqsave(&inode->i_lock);

	BUG_ON(inode->i_count <= 0 && inode->i_nlink == 0); /* already dead */
	inode->i_count++;
	spin_unlock_irqrestore(&inode->i_lock, flags);
	return inode;
}

/* Nothing refers to the inode any more: free its data and itself. */
static void evict(struct inode *inode)
{
	BUG_ON(!list_empty(&inode->i_entries)); /* a directory dies empty */
	BUG_ON(!list_empty(&inode->i_flock));	/* closing dropped the locks */
	truncate_inode_pages(&inode->i_data, 0);
	if (inode->i_pipe)
		free_pipe_info(inode->i_pipe);
	kfree(inode);
}

static bool unused(const struct inode *inode)
{
	return inode->i_count == 0 && inode->i_nlink == 0;
}

void iput(struct inode *inode)
{
	unsigned long flags = spin_lock_irqsave(&inode->i_lock);
	bool dead;

	BUG_ON(inode->i_count <= 0);
	inode->i_count--;
	dead = unused(inode);
	spin_unlock_irqrestore(&inode->i_lock, flags);
	if (dead)
		evict(inode);
}

void inc_nlink(struct inode *inode)
{
	unsigned long flags = spin_lock_irqsave(&inode->i_lock);

	inode->i_nlink++;
	spin_unlock_irqrestore(&inode->i_lock, flags);
}

/*
 * A caller dropping the last link holds a reference (i_count), so the
 * inode dies, if it does, in the caller's iput() and never under the
 * dcache_lock.
 */
void drop_nlink(struct inode *inode)
{
	unsigned long flags = spin_lock_irqsave(&inode->i_lock);

	BUG_ON(inode->i_nlink == 0);
	inode->i_nlink--;
	BUG_ON(unused(inode));
	spin_unlock_irqrestore(&inode->i_lock, flags);
}

/*
 * The inode lock sleeps, so a task holding it may take a page fault or be
 * preempted.  Taking it is the condition of a wait_event: the condition is
 * tested with interrupts off, so testing and setting i_locked is atomic.
 * A task signalled while it waits gives up with -ERESTARTSYS.
 */
static bool inode_trylock(struct inode *inode)
{
	if (inode->i_locked)
		return false;
	inode->i_locked = true;
	return true;
}

int inode_lock_killable(struct inode *inode)
{
	return wait_event(&inode->i_lock_wait, inode_trylock(inode));
}

void inode_unlock(struct inode *inode)
{
	BUG_ON(!inode->i_locked);
	inode->i_locked = false;
	wake_up(&inode->i_lock_wait);
}

/*
 * File times.  Each is changed under i_lock, so that stat never sees half
 * of one (seconds of one time, nanoseconds of another).
 */
struct timespec current_time(void)
{
	u64 ns = ktime_get_real_ns();

	return (struct timespec){ .tv_sec = ns / NSEC_PER_SEC,
				  .tv_nsec = ns % NSEC_PER_SEC };
}

void inode_update_time(struct inode *inode, int flags)
{
	struct timespec now = current_time();
	unsigned long irqflags = spin_lock_irqsave(&inode->i_lock);

	if (flags & S_ATIME)
		inode->i_atime = now;
	if (flags & S_MTIME)
		inode->i_mtime = now;
	if (flags & S_CTIME)
		inode->i_ctime = now;
	spin_unlock_irqrestore(&inode->i_lock, irqflags);
}

void file_update_time(struct file *file)
{
	inode_update_time(file->f_inode, S_MTIME | S_CTIME);
}

static bool time_before_eq(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec ||
	       (a->tv_sec == b->tv_sec && a->tv_nsec <= b->tv_nsec);
}

/*
 * relatime, Linux's default: a read moves atime only if atime is not newer
 * than mtime or ctime (so "read since the last change?" is answered right)
 * or is a day old.  It spares a write of the inode per read on a disk;
 * ramfs has none, but keeps the rule programs see on Linux.
 */
void file_accessed(struct file *file)
{
	struct inode *inode = file->f_inode;
	struct timespec now = current_time();
	unsigned long flags = spin_lock_irqsave(&inode->i_lock);

	if (time_before_eq(&inode->i_atime, &inode->i_mtime) ||
	    time_before_eq(&inode->i_atime, &inode->i_ctime) ||
	    now.tv_sec - inode->i_atime.tv_sec >= 24 * 60 * 60)
		inode->i_atime = now;
	spin_unlock_irqrestore(&inode->i_lock, flags);
}
