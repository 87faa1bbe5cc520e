// SPDX-License-Identifier: MIT
/*
 * A process's VMAs described for pmap (sys_mapinfo, kernel/sys.c): one
 * at a time, with its rights and how many of its pages are mapped, counted
 * pages and raw frames apart (seed 000's distinction).  Linux draws
 * /proc/PID/maps and smaps the same way, in fs/proc/task_mmu.c.
 */
#include <kernel/errno.h>
#include <kernel/kernel.h>
#include <kernel/string.h>
#include <mm/memory.h>
#include <mm/mmap.h>
#include <mm/pagewalk.h>
#include <mm/swapops.h>
#include <pagoda/abi.h>

static const struct {
	unsigned long vm;
	unsigned long info;
} mapinfo_flags[] = {
	{ VM_READ, MAPINFO_READ },	   { VM_WRITE, MAPINFO_WRITE },
	{ VM_EXEC, MAPINFO_EXEC },	   { VM_SHARED, MAPINFO_SHARED },
	{ VM_PFNMAP, MAPINFO_PFNMAP },	   { VM_MIXEDMAP, MAPINFO_MIXEDMAP },
	{ VM_RESERVED, MAPINFO_RESERVED }, { VM_IO, MAPINFO_IO },
};

/*
 * A VMA's mapped frames: counted pages, and raw frames (seed 000); and
 * its pages in swap (chapter 9).
 */
struct page_counts {
	unsigned long counted, raw, swap;
};

static int count_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			   struct mm_walk *walk)
{
	struct page_counts *n = walk->private;
	pte_t *pte = pte_offset_map(pmd, addr);

	for (; addr != end; addr += PAGE_SIZE, pte++) {
		n->swap += is_swap_pte(*pte);
		if (!pte_present(*pte))
			continue;
		if (vm_normal_page(walk->vma, addr, *pte))
			n->counted++;
		else if (is_raw_pfn(walk->vma, addr, *pte))
			n->raw++;
	}
	return 0;
}

static const struct mm_walk_ops count_walk_ops = {
	.pmd_entry = count_pte_range,
};

static struct page_counts resident_pages(struct mm_struct *mm,
					 struct vm_area_struct *vma)
{
	struct page_counts n = { 0, 0, 0 };

	walk_page_range(mm, vma, vma->vm_start, vma->vm_end, &count_walk_ops,
			&n);
	return n;
}

/*
 * The name of a VMA that maps no file, as Linux's maps shows it: [heap],
 * [stack] or none; "file" for a file's VMA, whose path only /proc knows.
 */
const char *vma_name(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (vma->vm_file)
		return "file";
	if (vma->vm_start <= mm->start_brk && mm->start_brk < vma->vm_end)
		return "[heap]";
	if (vma->vm_start <= mm->stack_start && mm->stack_start < vma->vm_end)
		return "[stack]";
	return "";
}

int vma_info(struct mm_struct *mm, int index, struct mapinfo *info)
{
	struct vm_area_struct *vma;

	list_for_each_entry (vma, &mm->mmap, vm_list) {
		if (index-- > 0)
			continue;
		struct page_counts n = resident_pages(mm, vma);

		*info = (struct mapinfo){
			.start = vma->vm_start,
			.end = vma->vm_end,
			.offset =
				vma->vm_file ? vma->vm_pgoff << PAGE_SHIFT : 0,
			.resident = n.counted,
			.raw = n.raw,
			.swap = n.swap,
		};
		for (size_t i = 0; i < ARRAY_SIZE(mapinfo_flags); i++)
			if (vma->vm_flags & mapinfo_flags[i].vm)
				info->flags |= mapinfo_flags[i].info;
		strscpy(info->name, vma_name(mm, vma), sizeof(info->name));
		return 0;
	}
	return -ESRCH;
}
