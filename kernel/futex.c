// SPDX-License-Identifier: MIT
/*
 * Futexes ("fast user-space mutexes"): the one thing a user-space lock
 * cannot do alone is sleep until another thread releases it.  The lock
 * itself is a 32-bit word in user memory, taken and released with atomic
 * instructions and no system call; only when a thread finds it taken does
 * it call
 *
 *	futex(uaddr, FUTEX_WAIT, val)	sleep if *uaddr still holds val
 *	futex(uaddr, FUTEX_WAKE, n)	wake up to n threads sleeping on uaddr
 *
 * The check "still holds val" and the going to sleep are one step (made
 * under futex_lock, which every wake takes too), so a wake-up between the
 * waiter's last look at the word and its sleep cannot be lost: the waker
 * changed the word first, so the waiter's check fails (EAGAIN) and it
 * looks again.  pthread mutexes, condition variables and pthread_join
 * (CLONE_CHILD_CLEARTID, kernel/thread.c) are built on these two
 * operations (user/lib/pthread.c).
 *
 * A futex is named by a key (Linux's get_futex_key), which a waiter and
 * a waker must compute alike although they may be different processes
 * mapping the word at different addresses:
 *
 *	private word		(mm, address): FUTEX_PRIVATE_FLAG, or a word
 *				in memory that only this process maps
 *	shared file mapping	(inode, page offset in the file, byte in the
 *				page): shm_open's /dev/shm files, any file
 *				mapped MAP_SHARED
 *	shared anonymous	(page, byte in the page): MAP_SHARED |
 *				MAP_ANONYMOUS memory shared by fork
 *
 * A shared key names the object, never the PTE or the user address, so a
 * page reclaimed and read back elsewhere would keep its name; and it holds
 * a reference on that object while the waiter sleeps, so the inode or page
 * cannot be freed and reused -- under a new name's guise -- meanwhile.
 * Shared anonymous memory has no object but its pages: they are allocated
 * at mmap and never reclaimed (mm/mmap.c, mm/vmscan.c's VM_SHARED), so the
 * page is as stable a name as Linux's shmem inode.  The key is taken under
 * the mmap_lock (read), which is dropped before the word is read: that
 * read may fault, and the fault takes the lock again.
 *
 * FUTEX_WAIT's timeout is a relative time, as Linux's, rounded up to the
 * tick.  Waiters are on one list, where Linux hashes them into buckets.
 */
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/futex.h>
#include <kernel/list.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>
#include <kernel/wait.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/mmap_lock.h>
#include <pagoda/abi.h>

enum futex_key_kind {
	FUTEX_KEY_MM,	 /* object: the mm_struct; offset: the address */
	FUTEX_KEY_INODE, /* object: the inode (a reference); pgoff, offset */
	FUTEX_KEY_PAGE,	 /* object: the page (a reference); offset */
};

struct futex_key {
	enum futex_key_kind kind;
	void *object;
	unsigned long pgoff; /* FUTEX_KEY_INODE: the page's index in the file */
	unsigned long offset; /* the byte in the page, or the user address */
};

/* A waiter, on its own kernel stack while it sleeps. */
struct futex_q {
	struct list_head link; /* on futex_queue until woken */
	struct futex_key key;
	struct wait_queue wait;
	bool woken;
};

static LIST_HEAD(futex_queue);
static struct spinlock futex_lock = SPINLOCK_INIT;

static bool match_futex(const struct futex_key *a, const struct futex_key *b)
{
	return a->object == b->object && a->pgoff == b->pgoff &&
	       a->offset == b->offset;
}

/* The name of a shared mapping's word: its object, with a reference. */
static int get_shared_key(struct mm_struct *mm, struct vm_area_struct *vma,
			  unsigned long uaddr, struct futex_key *key)
{
	struct page *page;

	key->offset = uaddr & (PAGE_SIZE - 1);
	if (vma->vm_file) {
		key->kind = FUTEX_KEY_INODE;
		key->object = igrab(vma->vm_file->f_inode);
		key->pgoff =
			vma->vm_pgoff + ((uaddr - vma->vm_start) >> PAGE_SHIFT);
		return 0;
	}
	page = follow_page(mm, uaddr);
	if (!page)
		return -EFAULT; /* its page was discarded (MADV_DONTNEED) */
	get_page(page);
	key->kind = FUTEX_KEY_PAGE;
	key->object = page;
	return 0;
}

/*
 * The key of the word at uaddr; FUTEX_PRIVATE_FLAG (private) skips the
 * look at the mapping.  A word outside every VMA is EFAULT, as Linux's.
 */
static int get_futex_key(unsigned long uaddr, bool private,
			 struct futex_key *key)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int err = 0;

	*key = (struct futex_key){ .kind = FUTEX_KEY_MM,
				   .object = mm,
				   .offset = uaddr };
	if (private)
		return 0;
	mmap_read_lock(mm);
	vma = find_vma(mm, uaddr);
	if (!vma)
		err = -EFAULT;
	else if (vma->vm_flags & VM_SHARED)
		err = get_shared_key(mm, vma, uaddr, key);
	mmap_read_unlock(mm);
	return err;
}

/* Drop the reference get_futex_key took (not under futex_lock: iput sleeps). */
static void put_futex_key(struct futex_key *key)
{
	if (key->kind == FUTEX_KEY_INODE)
		iput(key->object);
	else if (key->kind == FUTEX_KEY_PAGE)
		put_page(key->object);
}

/*
 * The word is read with futex_lock held, so a fault taken by that read
 * would be served under a spinlock (Linux reads with page faults off and
 * retries outside the lock instead).  It is read once before, unlocked:
 * a word this process has not touched yet -- in a shared page another
 * process made -- is mapped then, and the locked read finds it mapped.
 */
static long futex_wait(u32 __user *uaddr, const struct futex_key *key, u32 val,
		       unsigned long until)
{
	struct futex_q q = { .key = *key };
	unsigned long flags;
	long err = 0;
	u32 cur;

	if (copy_from_user(&cur, uaddr, sizeof(cur)))
		return -EFAULT;
	init_wait_queue(&q.wait);
	flags = spin_lock_irqsave(&futex_lock);
	if (copy_from_user(&cur, uaddr, sizeof(cur))) {
		spin_unlock_irqrestore(&futex_lock, flags);
		return -EFAULT;
	}
	if (cur != val) {
		spin_unlock_irqrestore(&futex_lock, flags);
		return -EAGAIN;
	}
	list_add_tail(&q.link, &futex_queue);
	spin_unlock_irqrestore(&futex_lock, flags);

	flags = arch_local_irq_save();
	while (!q.woken && !err) {
		if (until && (long)(jiffies - until) >= 0)
			err = -ETIMEDOUT;
		else
			err = sleep_on_deadline(&q.wait, until);
	}
	arch_local_irq_restore(flags);

	flags = spin_lock_irqsave(&futex_lock);
	if (q.woken)
		err = 0; /* woken and signalled or timed out: the wake-up counts */
	else
		list_del(&q.link);
	spin_unlock_irqrestore(&futex_lock, flags);
	return err;
}

/* The jiffies at which a wait of *timeout ends (0: no timeout). */
static long futex_deadline(const struct timespec __user *timeout,
			   unsigned long *until)
{
	struct timespec ts;
	long err;

	*until = 0;
	if (!timeout)
		return 0;
	err = get_user_timespec(&ts, timeout);
	if (err)
		return err;
	*until = jiffies + timespec_to_jiffies(&ts);
	if (!*until)
		*until = 1; /* 0 means none */
	return 0;
}

static int wake_key(const struct futex_key *key, int n)
{
	unsigned long flags = spin_lock_irqsave(&futex_lock);
	struct futex_q *q, *found;
	int woken = 0;

	while (woken < n) {
		found = NULL;
		list_for_each_entry (q, &futex_queue, link) {
			if (match_futex(&q->key, key)) {
				found = q;
				break;
			}
		}
		if (!found)
			break;
		list_del(&found->link);
		found->woken = true;
		wake_up(&found->wait);
		woken++;
	}
	spin_unlock_irqrestore(&futex_lock, flags);
	return woken;
}

int futex_wake(struct mm_struct *mm, unsigned long uaddr, int n)
{
	struct futex_key key = { .kind = FUTEX_KEY_MM,
				 .object = mm,
				 .offset = uaddr };

	return wake_key(&key, n);
}

/* FUTEX_WAIT: the key first, then the word (the key's look may sleep). */
static long do_futex_wait(u32 __user *uaddr, bool private, u32 val,
			  const struct timespec __user *timeout)
{
	struct futex_key key;
	unsigned long until;
	long err = futex_deadline(timeout, &until);

	if (!err)
		err = get_futex_key((unsigned long)uaddr, private, &key);
	if (err)
		return err;
	err = futex_wait(uaddr, &key, val, until);
	put_futex_key(&key);
	return err;
}

/*
 * FUTEX_WAKE.  The address must be a word of the process (Linux: EFAULT
 * for a shared futex; a private one is not checked).
 */
static long do_futex_wake(u32 __user *uaddr, bool private, int n)
{
	struct futex_key key;
	long err = get_futex_key((unsigned long)uaddr, private, &key);
	u32 word;

	if (err)
		return err;
	if (copy_from_user(&word, uaddr, sizeof(word)))
		err = -EFAULT;
	else
		err = n <= 0 ? 0 : wake_key(&key, n);
	put_futex_key(&key);
	return err;
}

long sys_futex(u32 __user *uaddr, int op, u32 val,
	       const struct timespec __user *timeout)
{
	bool private = op & FUTEX_PRIVATE_FLAG;

	if ((unsigned long)uaddr % sizeof(u32))
		return -EINVAL;
	switch (op & ~FUTEX_PRIVATE_FLAG) {
	case FUTEX_WAIT:
		return do_futex_wait(uaddr, private, val, timeout);
	case FUTEX_WAKE:
		return do_futex_wake(uaddr, private, val);
	default:
		return -ENOSYS;
	}
}
