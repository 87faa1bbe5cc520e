// SPDX-License-Identifier: MIT
/*
 * The lock-order checker of kernel/lockdep.h, out of line only where it
 * fails.  The counts are per task: a lock belongs to a task (a rwsem), or
 * is held with interrupts off and released before the task can switch
 * (the page-table lock), so the task is the right place for both.
 */
#include <kernel/lockdep.h>

static const char *const level_names[] = {
	[LOCK_MMAP] = "mmap_lock",
	[LOCK_I_MMAP] = "i_mmap_lock",
	[LOCK_PAGE_TABLE] = "page_table_lock",
};

static enum lock_level highest_held(const struct held_locks *h)
{
	enum lock_level top = LOCK_PAGE_TABLE;

	while (top > LOCK_MMAP && !lockdep_held(h, top))
		top--;
	return top;
}

void lockdep_order_violation(const struct held_locks *h, enum lock_level level)
{
	panic("lock order: %s taken while holding %s (kernel/lockdep.h)",
	      level_names[level], level_names[highest_held(h)]);
}
