// SPDX-License-Identifier: MIT
/*
 * Truncation under mappings.  A file that shrinks must take its pages out
 * of every address space that maps them before they leave the page cache:
 * otherwise a process keeps a page the file no longer has, reads it past
 * the end instead of getting SIGBUS, and once the file grows back its
 * stores land in that orphan page and never reach the file (issue 16).
 * Linux's names and order:
 *
 *	truncate_pagecache	i_size is already the new size: unmap what
 *				lies past it, then drop it from the cache
 *	unmap_mapping_range	zap the PTEs of every VMA that maps a byte
 *				range of the file, in every process
 *
 * The VMAs come from the file's address_space: mapping->i_mmap lists every
 * VMA mapping the file (mm/vma.c keeps it right across mmap, munmap,
 * split, fork and exit).  Linux keeps them in an interval tree keyed by
 * file offset, so that it visits only the VMAs overlapping the range; a
 * list visits them all, which is cheap for the few a file has here.
 *
 * Zapping another process's PTEs is safe: the i_mmap lock is held
 * throughout, and every other change to a file VMA's PTEs or bounds
 * (a fault, split, fork, munmap, mprotect, madvise) takes it too.  A fault
 * holds it from its test of i_size to its install, so it either maps its
 * page before the zap, which removes it, or finds the new i_size and
 * gets SIGBUS.  The zap itself runs with interrupts off under the kernel
 * lock (kernel/smp.h), and each PTE under the page-table lock.  Secondary
 * MMUs hear of it first (MMU notifiers, MMU_NOTIFY_RECLAIM), which may
 * sleep: so the lock is a sleeping one.  The zap's mmu_gather shoots down
 * the TLB of every CPU running the owner (its cpu_mask); a process running
 * nowhere gets its TLB emptied by the CR3 load that resumes it.
 */
#include <asm/irqflags.h>
#include <kernel/fs/vfs.h>
#include <kernel/kernel.h>
#include <mm/filemap.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/mmu_notifier.h>

/* Zap only the PTEs that map the file's own pages, not private copies. */
static void zap_cache_pages(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end)
{
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		struct page *page = follow_page(vma->vm_mm, addr);

		if (page && page->mapping == vma->vm_file->f_mapping)
			zap_page_range(vma->vm_mm, vma, addr, addr + PAGE_SIZE);
	}
}

/*
 * Zap the PTEs of vma that map file pages first..last.  Without even_cows,
 * a private mapping keeps its copy-on-write copies (pages the file never
 * had) and loses only the PTEs of the file's own pages.
 */
static void unmap_mapping_vma(struct vm_area_struct *vma, unsigned long first,
			      unsigned long last, bool even_cows)
{
	unsigned long vma_last = vma->vm_pgoff +
				 ((vma->vm_end - vma->vm_start) >> PAGE_SHIFT) -
				 1;
	struct mmu_notifier_range range;
	unsigned long flags;

	if (last < vma->vm_pgoff || first > vma_last)
		return;
	mmu_notifier_range_init(
		&range, MMU_NOTIFY_RECLAIM, vma->vm_mm,
		vma->vm_start + ((max(first, vma->vm_pgoff) - vma->vm_pgoff)
				 << PAGE_SHIFT),
		vma->vm_start + ((min(last, vma_last) - vma->vm_pgoff + 1)
				 << PAGE_SHIFT));
	mmu_notifier_invalidate_range_start(&range);
	flags = arch_local_irq_save();
	if (even_cows || !is_cow_mapping(vma->vm_flags))
		zap_page_range(vma->vm_mm, vma, range.start, range.end);
	else
		zap_cache_pages(vma, range.start, range.end);
	arch_local_irq_restore(flags);
	mmu_notifier_invalidate_range_end(&range);
}

void unmap_mapping_range(struct address_space *mapping, loff_t holebegin,
			 loff_t holelen, bool even_cows)
{
	unsigned long first = holebegin >> PAGE_SHIFT, last = ~0UL;
	struct vm_area_struct *vma;

	if (holelen)
		last = (holebegin + holelen - 1) >> PAGE_SHIFT;
	i_mmap_lock_write(mapping);
	list_for_each_entry (vma, &mapping->i_mmap, shared)
		unmap_mapping_vma(vma, first, last, even_cows);
	i_mmap_unlock_write(mapping);
}

/*
 * One unmap is enough here (Linux unmaps a second time, after dropping the
 * pages): i_size is already the new size, so a fault that comes in between
 * finds the page past the end and gets SIGBUS; one that found it earlier
 * holds the i_mmap lock until its page is mapped, so the unmap removes it.
 * The page holding the new end stays mapped, its tail zeroed.
 */
void truncate_pagecache(struct inode *inode, loff_t newsize)
{
	struct address_space *mapping = &inode->i_data;

	unmap_mapping_range(mapping, ALIGN(newsize, (loff_t)PAGE_SIZE), 0,
			    true);
	truncate_inode_pages(mapping, newsize);
}
