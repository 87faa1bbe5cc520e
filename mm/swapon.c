// SPDX-License-Identifier: MIT
/*
 * The swapon and swapoff system calls (Linux keeps them in
 * mm/swapfile.c; here the part that needs the file system, the disk and
 * the task list is apart, so mm/swapfile.c builds for the host tests).
 *
 *   swapon(path, flags)  path must be a block device (ramfs has no
 *                        blocks to swap to: a regular file, a directory,
 *                        a character device are EINVAL) with a valid
 *                        swap header (mkswap's), not already in use
 *                        (EBUSY); SWAP_FLAG_PREFER | prio sets its
 *                        priority (else areas rank in the order given).
 *   swapoff(path)        brings every page in the area back into memory
 *                        (try_to_unuse), then forgets the area; EINVAL if
 *                        it is not one; ENOMEM if its pages do not fit.
 *
 * While an area is on, its disk file refuses writes (EBUSY): the swap
 * code owns every sector.
 */
#include <asm/irqflags.h>
#include <kernel/drivers/blkdev.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/mmap_lock.h>
#include <mm/pagewalk.h>
#include <mm/swap.h>

/* Areas without SWAP_FLAG_PREFER rank below the last one, as in Linux. */
static int least_priority;

/* The disk behind a user's path, or ERR_PTR (EINVAL: not a block device). */
static struct gendisk *swap_disk(const char __user *path)
{
	struct inode *inode = lookup_user_path(path);
	struct gendisk *disk;

	if (IS_ERR(inode))
		return ERR_PTR(PTR_ERR(inode));
	disk = I_BDEV(inode);
	iput(inode);
	return disk ? disk : ERR_PTR(-EINVAL);
}

long sys_swapon(const char __user *path, int swap_flags)
{
	struct gendisk *disk;
	unsigned long maxpages;
	int prio, type, err;
	void *header;

	if (swap_flags & ~(SWAP_FLAG_PREFER | SWAP_FLAG_PRIO_MASK))
		return -EINVAL;
	disk = swap_disk(path);
	if (IS_ERR(disk))
		return PTR_ERR(disk);
	if (swap_area_active(disk))
		return -EBUSY;
	header = get_zeroed_page();
	if (!header)
		return -ENOMEM;
	err = disk->capacity < PAGE_SECTORS
		      ? -EINVAL /* smaller than a page: no header even */
		      : blk_rw(disk, 0, header, PAGE_SECTORS, false);
	if (!err)
		err = swap_header_check(header, disk->capacity / PAGE_SECTORS,
					&maxpages);
	prio = swap_flags & SWAP_FLAG_PREFER ? swap_flags & SWAP_FLAG_PRIO_MASK
					     : --least_priority;
	type = err ? err : swap_area_add(disk, header, maxpages, prio);
	free_page(header);
	if (type < 0)
		return type;
	disk->swap_active = true;
	printk("Adding %luk swap on /dev/%s.  Priority:%d extents:1\n",
	       swap_info[type].pages * (PAGE_SIZE / 1024), disk->disk_name,
	       prio);
	return 0;
}

long sys_swapoff(const char __user *path)
{
	struct gendisk *disk = swap_disk(path);
	int err;

	if (IS_ERR(disk))
		return PTR_ERR(disk);
	err = swap_area_remove(disk);
	if (!err)
		disk->swap_active = false;
	return err;
}

/* The first swap PTE of area type in [addr, end), for unuse_mm. */
struct unuse_walk {
	unsigned int type;
	unsigned long found;
};

static int find_swap_pte(pmd_t *pmd, unsigned long addr, unsigned long end,
			 struct mm_walk *walk)
{
	struct unuse_walk *u = walk->private;
	pte_t *pte = pte_offset_map(pmd, addr);

	for (; addr != end; addr += PAGE_SIZE, pte++)
		if (is_swap_pte(*pte) &&
		    swp_type(pte_to_swp_entry(*pte)) == u->type) {
			u->found = addr;
			return 1;
		}
	return 0;
}

static const struct mm_walk_ops find_swap_ops = {
	.pmd_entry = find_swap_pte,
};

/*
 * The first swap PTE of area type at or above addr, and its entry; false
 * when none is left.  Interrupts off: faults on mm's own CPU wait.
 */
static bool next_swap_pte(struct mm_struct *mm, unsigned int type,
			  unsigned long addr, struct unuse_walk *u,
			  swp_entry_t *entry)
{
	unsigned long flags = arch_local_irq_save();
	struct vm_area_struct *vma;

	u->type = type;
	u->found = 0;
	for (vma = find_vma_from(mm, addr); vma && !u->found;
	     vma = find_vma_from(mm, vma->vm_end))
		walk_page_range(mm, vma, max(addr, vma->vm_start), vma->vm_end,
				&find_swap_ops, u);
	if (u->found)
		*entry = pte_to_swp_entry(*follow_pte(mm, u->found));
	arch_local_irq_restore(flags);
	return u->found;
}

/*
 * Fault every page of area type back into mm, as a touch would (write
 * permission comes later, from a write): find a swap PTE, read its page
 * into the swap cache (sleeping, touching no page table), then, if the
 * PTE is still the same, fault it in from the cache.  mmap_lock held for
 * reading throughout (as Linux's unuse_mm) keeps the VMAs and the page
 * tables in place across the sleep; the mm's own faults may still change
 * the PTE meanwhile, hence the second look.  0, or -ENOMEM, -EIO.
 */
static int unuse_mm(struct mm_struct *mm, unsigned int type)
{
	unsigned long addr = 0, flags;
	struct unuse_walk u;
	struct page *page;
	bool major = false;
	swp_entry_t entry = { 0 };
	int fault = 0;
	pte_t *pte;

	mmap_read_lock(mm);
	while (!fault && next_swap_pte(mm, type, addr, &u, &entry)) {
		page = read_swap_cache(entry, &major);
		if (!page) {
			fault = VM_FAULT_OOM;
			break;
		}
		if (IS_ERR(page))
			continue; /* freed meanwhile: look again */
		flags = arch_local_irq_save();
		pte = follow_pte(mm, u.found);
		if (pte && *pte == swp_entry_to_pte(entry))
			fault = handle_mm_fault(mm, u.found, FAULT_FLAG_FORCE);
		arch_local_irq_restore(flags);
		put_page(page);
		addr = u.found;
	}
	mmap_read_unlock(mm);
	if (fault)
		return fault & VM_FAULT_OOM ? -ENOMEM : -EIO;
	return 0;
}

/* The task at position i of the task list with an address space, held. */
static struct mm_struct *nth_mm(unsigned int i)
{
	unsigned long flags = arch_local_irq_save();
	struct mm_struct *mm = NULL;
	struct task_struct *t;

	list_for_each_entry (t, &all_tasks, task_link)
		if (t->mm && !t->kthread && !i--) {
			mm = mmget_not_zero(t->mm) ? t->mm : NULL;
			break;
		}
	arch_local_irq_restore(flags);
	return mm;
}

/*
 * Every process's swap PTEs of the area are faulted in, round after round
 * while some are left (a fork meanwhile may copy one); a page reclaim is
 * still writing stays locked: the next round, a tick later, retries it.
 * Pages the swap cache still holds for the area with no swap PTE left go
 * too.  Gives up (EBUSY) after ten seconds of rounds.
 */
int try_to_unuse(unsigned int type)
{
	static struct wait_queue round_wait = WAIT_QUEUE_INIT(round_wait);
	struct swap_info_struct *si = &swap_info[type];

	for (int round = 0; si->inuse_pages && round < 10 * HZ; round++) {
		unsigned long flags;
		struct mm_struct *mm;

		if (round) {
			flags = arch_local_irq_save();
			sleep_on_timeout(&round_wait, jiffies + 1);
			arch_local_irq_restore(flags);
		}

		for (unsigned int i = 0; (mm = nth_mm(i)); i++) {
			int err = unuse_mm(mm, type);

			mmput(mm);
			if (err)
				return err;
		}
		free_swap_cache_type(type);
	}
	return si->inuse_pages ? -EBUSY : 0;
}
