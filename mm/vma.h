/* SPDX-License-Identifier: MIT */
/*
 * The VMA operations mm/vma.c gives the rest of mm/ (Linux: mm/vma.h, an
 * internal header too): the system calls (mm/mmap.c, mm/mprotect.c,
 * mm/madvise.c) and fork and exit (mm/mm_struct.c) are built from these.
 * Nothing outside mm/ includes it; mm/mmap.h is the public interface.
 */
#ifndef _MM_VMA_H
#define _MM_VMA_H

#include <mm/mmap.h>
#include <pagoda/abi.h>

/* Hold vma's file mapping's i_mmap lock, if it has a file (mm/vma.c). */
void i_mmap_lock_vma(struct vm_area_struct *vma);
void i_mmap_unlock_vma(struct vm_area_struct *vma);
void vma_link_file(struct vm_area_struct *vma);

/* The VMA after or before vma, or NULL (Linux: vma_next, vma_prev). */
struct vm_area_struct *vma_next(struct mm_struct *mm,
				struct vm_area_struct *vma);
struct vm_area_struct *vma_prev(struct mm_struct *mm,
				struct vm_area_struct *vma);
/*
 * The VMAs that meet [start, end), in address order, found in O(log n)
 * (Linux's for_each_vma_range).  The body must not free vma.
 */
#define for_each_vma_range(mm, vma, start, end)                                \
	for (vma = find_vma_from(mm, start); vma && vma->vm_start < (end);     \
	     vma = vma_next(mm, vma))
/* The gap below vma changed: its tree path recomputes (mm/vma.c). */
void vma_gap_update(struct vm_area_struct *vma);

struct vm_area_struct *insert_vma(struct mm_struct *mm, unsigned long start,
				  unsigned long end, unsigned long vm_flags);
/*
 * Move vma's end up to end over free space (mremap growing in place):
 * 0, or -ENOMEM if the address space would outgrow RAM and swap.
 */
int vma_expand(struct mm_struct *mm, struct vm_area_struct *vma,
	       unsigned long end);
/* Zap its pages, unlink it from its file, free it. */
void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma);
bool range_free(struct mm_struct *mm, unsigned long start, unsigned long end);
bool range_mapped(struct mm_struct *mm, unsigned long start, unsigned long end);
int split_at(struct mm_struct *mm, unsigned long start, unsigned long end);
void vma_merge(struct mm_struct *mm, struct vm_area_struct *vma);

/* mm/mmap.c: a free range of len bytes for a new mapping, or -ENOMEM. */
long get_unmapped_area(struct mm_struct *mm, unsigned long len);
/* Fault in shared anonymous memory: nothing else would keep its pages. */
int populate_shared(struct mm_struct *mm, unsigned long start,
		    unsigned long end);

/* PROT_* to VM_* (Linux: calc_vm_prot_bits), for mmap and mprotect. */
static inline unsigned long prot_to_vm_flags(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) |
	       (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

#endif
