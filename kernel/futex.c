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
 * A futex is named by (mm, address): the futexes of one process, as
 * Linux's FUTEX_PRIVATE_FLAG ones (which flag is accepted and changes
 * nothing).  Words shared between processes (MAP_SHARED), which Linux
 * names by page and offset, are not supported.  FUTEX_WAIT's timeout is a
 * relative time, as Linux's, rounded up to the tick.
 * Waiters are on one list, where Linux hashes them into buckets.
 */
#include <kernel/errno.h>
#include <kernel/futex.h>
#include <kernel/list.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>
#include <kernel/wait.h>
#include <pagoda/abi.h>

/* A waiter, on its own kernel stack while it sleeps. */
struct futex_q {
	struct list_head link; /* on futex_queue until woken */
	struct mm_struct *mm;
	unsigned long uaddr;
	struct wait_queue wait;
	bool woken;
};

static LIST_HEAD(futex_queue);
static struct spinlock futex_lock = SPINLOCK_INIT;

/*
 * The word is read with futex_lock held: on one CPU a fault taken meanwhile
 * is served at once and cannot sleep; Linux reads with page faults off
 * and retries outside the lock instead.
 */
static long futex_wait(u32 __user *uaddr, u32 val, unsigned long until)
{
	struct futex_q q = { .mm = current->mm, .uaddr = (unsigned long)uaddr };
	unsigned long flags;
	long err = 0;
	u32 cur;

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

int futex_wake(struct mm_struct *mm, unsigned long uaddr, int n)
{
	unsigned long flags = spin_lock_irqsave(&futex_lock);
	struct futex_q *q, *found;
	int woken = 0;

	while (woken < n) {
		found = NULL;
		list_for_each_entry (q, &futex_queue, link) {
			if (q->mm == mm && q->uaddr == uaddr) {
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

long sys_futex(u32 __user *uaddr, int op, u32 val,
	       const struct timespec __user *timeout)
{
	unsigned long until;
	long err;
	u32 word;

	if ((unsigned long)uaddr % sizeof(u32))
		return -EINVAL;
	switch (op & ~FUTEX_PRIVATE_FLAG) {
	case FUTEX_WAIT:
		err = futex_deadline(timeout, &until);
		return err ? err : futex_wait(uaddr, val, until);
	case FUTEX_WAKE:
		/* The address must be a word of the process (Linux: EFAULT
		 * for a shared futex; a private one is not checked). */
		if (copy_from_user(&word, uaddr, sizeof(word)))
			return -EFAULT;
		if ((int)val <= 0)
			return 0;
		return futex_wake(current->mm, (unsigned long)uaddr, val);
	default:
		return -ENOSYS;
	}
}
