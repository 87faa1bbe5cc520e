// SPDX-License-Identifier: MIT
/*
 * Who reclaims, and when (the scan itself is mm/vmscan.c):
 *
 *   kswapd   a kernel thread, woken when the page allocator sees free
 *            memory fall below the low watermark; it reclaims until free
 *            memory is back above the high one, then sleeps;
 *   direct   a page fault that found no free page reclaims itself, at
 *   reclaim  once, before the OOM killer is asked (mm/oom_kill.c); and a
 *            system call about to allocate for an address space (fork,
 *            mmap, execve ...) reclaims a little first if free memory is
 *            below the low watermark (throttle_direct_reclaim), where
 *            Linux's allocator would reclaim in its slow path;
 *   swapoff  brings an area's pages back (try_to_unuse, mm/swapon.c).
 *
 * try_to_free_pages goes round the processes as 2.4's swap_out did: a
 * cursor (a pid and an address in its address space) moves on batch by
 * batch, so every process gives up pages in turn, and an accessed page
 * is passed over once before it can go (the second chance).
 *
 * Exclusion.  Reclaim changes PTEs of address spaces whose tasks may be
 * half-way through changing their VMAs or page tables (munmap, fork,
 * mprotect ...), preempted or asleep.  So it holds each mm's mmap_lock for
 * reading while it scans it, and takes it with mmap_read_trylock: an mm
 * whose lock is taken is skipped this time round, as Linux's swap_out did,
 * rather than waited for (a writer may be waiting for memory itself).
 */
#include <asm/irqflags.h>
#include <kernel/kernel.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <kernel/wait.h>
#include <mm/kswapd.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/mmap_lock.h>
#include <mm/vmscan.h>

unsigned long watermark_low, watermark_high;
static struct wait_queue kswapd_wait = WAIT_QUEUE_INIT(kswapd_wait);

/*
 * Round-robin position of try_to_free_pages: a hint, updated without a
 * lock by kswapd and direct reclaimers alike; a race only repeats or
 * skips a batch.
 */
static int scan_pid;
static unsigned long scan_address;

/*
 * The next process at or after pid with an address space, held
 * (mmget); NULL when there is none.  *found is its pid.
 */
static struct mm_struct *next_mm(int pid, int *found)
{
	unsigned long flags = arch_local_irq_save();
	struct task_struct *t, *best = NULL;
	struct mm_struct *mm = NULL;

	list_for_each_entry (t, &all_tasks, task_link)
		if (t->mm && !t->kthread && t->pid >= pid &&
		    (!best || t->pid < best->pid))
			best = t;
	if (best && mmget_not_zero(best->mm)) {
		mm = best->mm;
		*found = best->pid;
	}
	arch_local_irq_restore(flags);
	return mm;
}

/* One batch at the cursor; false once every process has been visited. */
static bool reclaim_batch(struct scan_control *sc, int *wraps)
{
	struct mm_struct *mm;
	int pid;

	mm = next_mm(scan_pid, &pid);
	if (!mm) {
		scan_pid = 0;
		scan_address = 0;
		return ++*wraps < 2;
	}
	if (pid != scan_pid)
		scan_address = 0;
	scan_pid = pid;
	if (mmap_read_trylock(mm)) {
		scan_address = shrink_mm_range(mm, scan_address, TASK_SIZE, sc);
		mmap_read_unlock(mm);
	} else {
		scan_address = TASK_SIZE; /* busy: the next one */
	}
	if (scan_address >= TASK_SIZE) {
		scan_pid = pid + 1;
		scan_address = 0;
	}
	mmput(mm);
	return true;
}

unsigned long try_to_free_pages(unsigned long nr_pages)
{
	struct scan_control sc = { .nr_to_reclaim = nr_pages };
	int wraps = 0;

	/* Two rounds at most: the first may only clear accessed bits. */
	while (sc.nr_reclaimed < nr_pages && reclaim_batch(&sc, &wraps))
		;
	return sc.nr_reclaimed;
}

void throttle_direct_reclaim(void)
{
	for (int i = 0; i < 8 && nr_free_pages() < watermark_low; i++)
		if (!try_to_free_pages(SWAP_CLUSTER_MAX))
			break;
}

void wakeup_kswapd(void)
{
	if (nr_free_pages() < watermark_low)
		wake_up(&kswapd_wait);
}

static int kswapd(void *unused)
{
	for (;;) {
		unsigned long flags = arch_local_irq_save();

		while (nr_free_pages() >= watermark_low)
			sleep_on_timeout(&kswapd_wait, 0);
		arch_local_irq_restore(flags);
		while (nr_free_pages() < watermark_high)
			if (!try_to_free_pages(SWAP_CLUSTER_MAX)) {
				/* Nothing to free (no swap?): rest a while. */
				flags = arch_local_irq_save();
				sleep_on_timeout(&kswapd_wait,
						 jiffies + HZ / 10);
				arch_local_irq_restore(flags);
				break;
			}
	}
	return 0;
}

/*
 * Watermarks from the memory managed, as Linux sizes them roughly: low
 * at 1/64 of it (at least 128 pages), high at twice that.
 */
void kswapd_init(void)
{
	watermark_low = max(nr_managed_pages() / 64, 128UL);
	watermark_high = 2 * watermark_low;
	if (!kthread_create(kswapd, NULL, "kswapd")) {
		printk("kswapd: cannot start: reclaim only on demand\n");
		return;
	}
	low_memory_notify = wakeup_kswapd;
}
