// SPDX-License-Identifier: MIT
/*
 * The VMAs of an address space (see mm/mmap.h) and the operations every
 * mapping call is built from: find_vma, insert_vma and remove_vma,
 * split_vma (split_at) and vma_merge.  A VMA only says what may be mapped
 * where, with which rights; pages arrive when they are touched
 * (mm/memory.c, handle_mm_fault).  Linux kept this code in mm/mmap.c until
 * 2024, when it moved to mm/vma.c; the names are Linux's.  Seeds 001 and
 * 000 decide which VMAs never merge (VM_SPECIAL: driver and device memory).
 *
 * Invariants: mm->mmap is sorted by address and VMAs do not overlap; every
 * present PTE lies inside a VMA; mm->rss counts the PTEs that map a normal
 * (counted) page.  A file VMA is also on its file's mapping->i_mmap list
 * from mmap (or fork, or a split) until it is removed.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/kernel.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/slab.h>
#include <mm/swap.h>
#include <mm/vma.h>

/* Linux's default vm.max_map_count (/proc/sys/vm/max_map_count). */
int sysctl_max_map_count = DEFAULT_MAX_MAP_COUNT;

struct vm_area_struct *vma_next(struct mm_struct *mm,
				struct vm_area_struct *vma)
{
	if (vma->vm_list.next == &mm->mmap)
		return NULL;
	return list_entry(vma->vm_list.next, struct vm_area_struct, vm_list);
}

struct vm_area_struct *vma_prev(struct mm_struct *mm,
				struct vm_area_struct *vma)
{
	if (vma->vm_list.prev == &mm->mmap)
		return NULL;
	return list_entry(vma->vm_list.prev, struct vm_area_struct, vm_list);
}

/*
 * Every VMA is on two structures: the sorted list, for walks in address
 * order (fork, munmap, exit), and the red-black tree, for finding the VMA
 * of an address in O(log n) -- the fault path's question.  Linux kept the
 * same pair until 6.1 replaced both with a maple tree.
 *
 * The tree is augmented (kernel/lib/rbtree.h), as Linux's was from 3.9 to
 * 6.0: each node keeps rb_subtree_gap, the largest free gap just below any
 * VMA of its subtree, so that get_unmapped_area (mm/mmap.c) finds room for
 * a new mapping in O(log n) by skipping every subtree whose gaps are all
 * too small, instead of walking thousands of VMAs.  A VMA's own gap runs
 * from the end of the VMA before it: whoever moves a VMA's end or links
 * or unlinks one updates the gap of the VMA after it (vma_gap_update).
 */
static unsigned long vma_gap(struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma_prev(vma->vm_mm, vma);

	return vma->vm_start - (prev ? prev->vm_end : 0);
}

static unsigned long subtree_gap(struct rb_node *rb)
{
	return rb ? rb_entry(rb, struct vm_area_struct, vm_rb)->rb_subtree_gap
		  : 0;
}

static void vma_gap_augment(struct rb_node *rb)
{
	struct vm_area_struct *vma = rb_entry(rb, struct vm_area_struct, vm_rb);

	vma->rb_subtree_gap = max(vma_gap(vma), max(subtree_gap(rb->rb_left),
						    subtree_gap(rb->rb_right)));
}

/* vma's gap changed (the VMA before it moved): recompute up to the root. */
void vma_gap_update(struct vm_area_struct *vma)
{
	if (vma)
		rb_augment_path(&vma->vm_rb, vma_gap_augment);
}

/* vma is on the list already: its gap is known. */
static void vma_rb_insert(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;

	while (*link) {
		struct vm_area_struct *v;

		parent = *link;
		v = rb_entry(parent, struct vm_area_struct, vm_rb);
		link = vma->vm_start < v->vm_start ? &parent->rb_left
						   : &parent->rb_right;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_augmented(&vma->vm_rb, &mm->mm_rb, vma_gap_augment);
	vma_gap_update(vma_next(mm, vma));
	mm->map_count++;
}

/*
 * A file VMA is on its mapping's i_mmap list, where truncation, running in
 * any process, finds it and zaps its PTEs (mm/truncate.c).  So whoever
 * changes a file VMA's bounds, its PTEs or its place on the list holds the
 * mapping's i_mmap lock: a truncation must never meet a half-made split or
 * a PTE being copied at fork.  Anonymous VMAs are this process's alone.
 */
void i_mmap_lock_vma(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		i_mmap_lock_write(vma->vm_file->f_mapping);
}

void i_mmap_unlock_vma(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		i_mmap_unlock_write(vma->vm_file->f_mapping);
}

/* Put a new file VMA on its mapping's list (Linux: __vma_link_file). */
void vma_link_file(struct vm_area_struct *vma)
{
	i_mmap_lock_vma(vma);
	list_add_tail(&vma->shared, &vma->vm_file->f_mapping->i_mmap);
	i_mmap_unlock_vma(vma);
}

/* Take vma off both structures and free it. */
static void vma_free(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma_next(mm, vma);

	rb_erase_augmented(&vma->vm_rb, &mm->mm_rb, vma_gap_augment);
	list_del(&vma->vm_list);
	vma_gap_update(next);
	mm->map_count--;
	kfree(vma);
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;

	while (node) {
		struct vm_area_struct *vma =
			rb_entry(node, struct vm_area_struct, vm_rb);

		if (addr < vma->vm_start)
			node = node->rb_left;
		else if (addr >= vma->vm_end)
			node = node->rb_right;
		else
			return vma;
	}
	return NULL;
}

struct vm_area_struct *find_vma_from(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (node) {
		struct vm_area_struct *vma =
			rb_entry(node, struct vm_area_struct, vm_rb);

		if (addr < vma->vm_end) {
			found = vma;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
}

struct page *follow_page(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	pte_t *pte = follow_pte(mm, addr);

	if (!vma || !pte || !pte_present(*pte))
		return NULL;
	return vm_normal_page(vma, addr, *pte);
}

/*
 * Pages come only when touched, so an address space could promise more
 * than the machine has.  As Linux's heuristic overcommit does, refuse to
 * let one grow larger than all of RAM and swap: it could never be backed.
 */
static bool may_expand_vm(struct mm_struct *mm, unsigned long bytes)
{
	unsigned long swap_total, swap_free;

	si_swapinfo(&swap_total, &swap_free);
	return mm->total_vm + (bytes >> PAGE_SHIFT) <=
	       nr_managed_pages() + swap_total;
}

/*
 * A new VMA [start, end), linked in order; ERR_PTR(-EINVAL) on overlap,
 * ERR_PTR(-ENOMEM) if it would make the address space too large or hold
 * more than sysctl_max_map_count VMAs.
 */
struct vm_area_struct *insert_vma(struct mm_struct *mm, unsigned long start,
				  unsigned long end, unsigned long vm_flags)
{
	struct vm_area_struct *vma, *next = find_vma_from(mm, start);

	if (!may_expand_vm(mm, end - start) ||
	    mm->map_count >= sysctl_max_map_count)
		return ERR_PTR(-ENOMEM);
	if (next && next->vm_start < end)
		return ERR_PTR(-EINVAL); /* overlap */
	vma = kzalloc(sizeof(*vma));
	if (!vma)
		return ERR_PTR(-ENOMEM);
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = vm_flags;
	vma->vm_mm = mm;
	/* Before next, or last of all. */
	list_add_tail(&vma->vm_list, next ? &next->vm_list : &mm->mmap);
	vma_rb_insert(mm, vma);
	mm->total_vm += (end - start) >> PAGE_SHIFT;
	return vma;
}

int vma_expand(struct mm_struct *mm, struct vm_area_struct *vma,
	       unsigned long end)
{
	if (!may_expand_vm(mm, end - vma->vm_end))
		return -ENOMEM;
	mm->total_vm += (end - vma->vm_end) >> PAGE_SHIFT;
	i_mmap_lock_vma(vma);
	vma->vm_end = end;
	i_mmap_unlock_vma(vma);
	vma_gap_update(vma_next(mm, vma));
	return 0;
}

void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	i_mmap_lock_vma(vma);
	zap_page_range(mm, vma, vma->vm_start, vma->vm_end);
	if (vma->vm_file)
		list_del(&vma->shared); /* unlink_file_vma */
	i_mmap_unlock_vma(vma);
	mm->total_vm -= (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	if (vma->vm_file)
		fput(vma->vm_file);
	vma_free(mm, vma);
}

/* Is [start, end) free of VMAs? */
bool range_free(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma_from(mm, start);

	return !vma || vma->vm_start >= end;
}

/*
 * Cut vma in two at addr (page-aligned, strictly inside): vma keeps
 * [start, addr), a new VMA takes [addr, end).  The PTEs stay as they are;
 * only the bookkeeping splits.
 */
static int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		     unsigned long addr)
{
	struct vm_area_struct *new = kzalloc(sizeof(*new));

	if (!new)
		return -ENOMEM;
	i_mmap_lock_vma(vma);
	*new = *vma;
	new->vm_start = addr;
	new->vm_pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	if (new->vm_file) {
		get_file(new->vm_file);
		list_add(&new->shared, &vma->shared);
	}
	vma->vm_end = addr;
	i_mmap_unlock_vma(vma);
	list_add(&new->vm_list, &vma->vm_list);
	vma_rb_insert(mm, new);
	return 0;
}

/* Can a and the VMA right after it be one?  (Plain memory, same flags.) */
static bool can_merge(struct vm_area_struct *a, struct vm_area_struct *b)
{
	return b && a->vm_end == b->vm_start && a->vm_flags == b->vm_flags &&
	       !a->vm_file && !b->vm_file && !(a->vm_flags & VM_SPECIAL);
}

/* Merge vma with the VMAs before and after it where they can be one. */
void vma_merge(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next, *prev;

	/* All of them: an mprotect may leave a run of equal VMAs behind. */
	while (can_merge(vma, next = vma_next(mm, vma))) {
		vma->vm_end = next->vm_end;
		vma_free(mm, next);
	}
	prev = vma_prev(mm, vma);
	if (prev && can_merge(prev, vma)) {
		prev->vm_end = vma->vm_end;
		vma_free(mm, vma);
	}
}

/* Does addr fall strictly inside a VMA?  That VMA, or NULL. */
static struct vm_area_struct *vma_around(struct mm_struct *mm,
					 unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return vma && vma->vm_start < addr ? vma : NULL;
}

/*
 * Make start and end VMA boundaries (splitting the VMAs they fall inside),
 * so that [start, end) is a whole number of VMAs.  Each split adds a VMA:
 * if they would take the count past sysctl_max_map_count, nothing is split
 * and the answer is ENOMEM (Linux's rule for munmap and mprotect alike).
 */
int split_at(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = vma_around(mm, start);
	int splits = !!vma + !!vma_around(mm, end), err;

	if (splits && mm->map_count + splits > sysctl_max_map_count)
		return -ENOMEM;
	if (vma && (err = split_vma(mm, vma, start)))
		return err;
	vma = vma_around(mm, end);
	return vma ? split_vma(mm, vma, end) : 0;
}

/* Is [start, end) covered by VMAs with no hole?  (mprotect's ENOMEM) */
bool range_mapped(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;

	for_each_vma_range (mm, vma, start, end) {
		if (vma->vm_start > start)
			return false;
		start = vma->vm_end;
		if (start >= end)
			return true;
	}
	return false;
}
