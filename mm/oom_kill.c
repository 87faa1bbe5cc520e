// SPDX-License-Identifier: MIT
/*
 * Out of memory (Linux's mm/oom_kill.c, much reduced): a page fault found
 * no free page, and neither direct reclaim nor swap could make one.  Then
 * a process must go so the others can go on: the one with the largest
 * footprint -- pages mapped plus pages in swap -- since killing it frees
 * the most.  init (pid 1) is never chosen: the machine needs it.  The
 * kernel says which process it killed, and why, on the console.
 *
 * The victim dies when it next runs (SIGKILL); its exit returns all its
 * pages and swap slots.  Until then, a fault that wanted memory waits a
 * tick and tries again rather than choose a second victim.
 */
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/time.h>
#include <kernel/wait.h>
#include <mm/kswapd.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/oom_kill.h>
#include <mm/swapops.h>
#include <mm/vmscan.h>

static int oom_victim; /* pid of the process killed last, until it is gone */
static struct wait_queue oom_wait = WAIT_QUEUE_INIT(oom_wait);

static void count_swap_pte(unsigned long addr, pte_t pte, void *arg)
{
	if (is_swap_pte(pte))
		++*(unsigned long *)arg;
}

/* Pages in swap of mm: its swap PTEs. */
static unsigned long mm_swap_pages(struct mm_struct *mm)
{
	unsigned long n = 0;

	walk_user_ptes(mm->pgd, count_swap_pte, &n);
	return n;
}

/* The largest process but init, and its footprint; interrupts off. */
static struct task_struct *select_bad_process(unsigned long *swap)
{
	struct task_struct *t, *victim = NULL;
	unsigned long best = 0;

	list_for_each_entry (t, &all_tasks, task_link) {
		unsigned long in_swap, points;

		if (!t->mm || t->kthread || t == init_task ||
		    t->state == TASK_ZOMBIE)
			continue;
		in_swap = mm_swap_pages(t->mm);
		points = t->mm->rss + in_swap;
		if (!victim || points > best) {
			victim = t;
			best = points;
			*swap = in_swap;
		}
	}
	return victim;
}

bool pagefault_out_of_memory(void)
{
	unsigned long flags, swap = 0;
	struct task_struct *victim;

	if (try_to_free_pages(SWAP_CLUSTER_MAX))
		return true;
	flags = arch_local_irq_save();
	/*
	 * Faults run with interrupts on (chapter 10, section 10.6): while
	 * this one reclaimed, another task may have killed a victim, which
	 * has exited since.  Its pages are free now: try again, as Linux
	 * does before it kills (a last look at the free pages).
	 */
	if (nr_free_pages() > SWAP_CLUSTER_MAX) {
		arch_local_irq_restore(flags);
		return true;
	}
	if (oom_victim && find_process(oom_victim)) {
		bool retry = current->pid != oom_victim;

		if (retry) /* a tick for the victim to die */
			sleep_on_timeout(&oom_wait, jiffies + 1);
		arch_local_irq_restore(flags);
		return retry;
	}
	victim = select_bad_process(&swap);
	if (!victim) {
		arch_local_irq_restore(flags);
		return false;
	}
	oom_victim = victim->pid;
	printk("Out of memory: Killed process %d (%s) total-vm:%lukB, "
	       "anon-rss:%lukB, swap:%lukB\n",
	       victim->pid, victim->comm, victim->mm->total_vm * 4,
	       victim->mm->rss * 4, swap * 4);
	count_vm_event(oom_kill);
	send_signal(victim, SIGKILL);
	arch_local_irq_restore(flags);
	return victim != current;
}
