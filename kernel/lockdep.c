// SPDX-License-Identifier: MIT
/*
 * The lock-order checker of kernel/lockdep.h: a stack of held levels per
 * task.  A lock belongs to a task (a rwsem), or is held with interrupts
 * off and released before the task can switch (the page-table lock), so
 * the task's stack is the right place for both.
 */
#include <kernel/lockdep.h>
#include <kernel/panic.h>
#include <kernel/sched.h>

static const char *const level_names[] = {
	[LOCK_MMAP] = "mmap_lock",
	[LOCK_I_MMAP] = "i_mmap_lock",
	[LOCK_PAGE_TABLE] = "page_table_lock",
};

static enum lock_level highest_held(const struct held_locks *h)
{
	unsigned int top = 0;

	for (unsigned int i = 0; i < h->depth; i++)
		if (h->level[i] > top)
			top = h->level[i];
	return top;
}

bool lock_order_ok(const struct held_locks *h, enum lock_level level)
{
	return highest_held(h) < level;
}

void lockdep_acquire(enum lock_level level, bool trylock)
{
	struct held_locks *h = &current->held_locks;

	if (!trylock && !lock_order_ok(h, level))
		panic("lock order: %s taken while holding %s "
		      "(kernel/lockdep.h)",
		      level_names[level], level_names[highest_held(h)]);
	BUG_ON(h->depth == LOCKDEP_DEPTH);
	h->level[h->depth++] = level;
}

/* Locks may be dropped out of order: the latest hold of the level goes. */
void lockdep_release(enum lock_level level)
{
	struct held_locks *h = &current->held_locks;
	unsigned int i = h->depth;

	while (i > 0 && h->level[i - 1] != level)
		i--;
	BUG_ON(i == 0); /* released a lock it does not hold */
	for (; i < h->depth; i++)
		h->level[i - 1] = h->level[i];
	h->depth--;
}
