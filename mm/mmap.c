// SPDX-License-Identifier: MIT
/*
 * Address spaces and their VMAs (see mm/mmap.h).  A VMA only says what may
 * be mapped where, with which rights; pages arrive when they are touched
 * (mm/memory.c, handle_mm_fault).
 *
 * Invariants: mm->mmap is sorted by address and VMAs do not overlap; every
 * present PTE lies inside a VMA; mm->rss counts the PTEs that map a normal
 * (counted) page.  Page tables go when munmap leaves a hole that covers
 * them (free_pgd_range) or with the whole mm (pgd_free).  A file VMA is
 * also on its file's mapping->i_mmap list from mmap (or fork, or a split)
 * until it is removed.
 */
#include <asm/irqflags.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/kernel.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/mmu_notifier.h>
#include <mm/pagewalk.h>
#include <mm/slab.h>
#include <pagoda/abi.h>

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	INIT_LIST_HEAD(&mm->mmap);
	mm->mm_rb = RB_ROOT;
	mm->mm_users = 1;
	mm->mm_count = 1;
	return mm;
}

/*
 * The counts change in process context only, but a task can be preempted
 * between reading and writing one: interrupts off makes each step whole.
 */
static int mm_count_add(int *count, int delta)
{
	unsigned long flags = arch_local_irq_save();
	int left = *count += delta;

	arch_local_irq_restore(flags);
	return left;
}

void mmgrab(struct mm_struct *mm)
{
	mm_count_add(&mm->mm_count, 1);
}

void mmdrop(struct mm_struct *mm)
{
	if (mm_count_add(&mm->mm_count, -1))
		return;
	mmu_notifier_mm_destroy(mm);
	kfree(mm);
}

bool mmget_not_zero(struct mm_struct *mm)
{
	unsigned long flags = arch_local_irq_save();
	bool alive = mm->mm_users > 0;

	if (alive)
		mm->mm_users++;
	arch_local_irq_restore(flags);
	return alive;
}

/*
 * Every VMA is on two structures: the sorted list, for walks in address
 * order (fork, munmap, exit), and the red-black tree, for finding the VMA
 * of an address in O(log n) -- the fault path's question.  Linux kept the
 * same pair until 6.1 replaced both with a maple tree.
 */
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
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
}

/*
 * A file VMA is on its mapping's i_mmap list, where truncation, running in
 * any process, finds it and zaps its PTEs (mm/truncate.c).  So whoever
 * changes a file VMA's bounds, its PTEs or its place on the list holds the
 * mapping's i_mmap lock: a truncation must never meet a half-made split or
 * a PTE being copied at fork.  Anonymous VMAs are this process's alone.
 */
static void i_mmap_lock_vma(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		i_mmap_lock_write(vma->vm_file->f_mapping);
}

static void i_mmap_unlock_vma(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		i_mmap_unlock_write(vma->vm_file->f_mapping);
}

/* Put a new file VMA on its mapping's list (Linux: __vma_link_file). */
static void vma_link_file(struct vm_area_struct *vma)
{
	i_mmap_lock_vma(vma);
	list_add_tail(&vma->shared, &vma->vm_file->f_mapping->i_mmap);
	i_mmap_unlock_vma(vma);
}

/* Take vma off both structures and free it. */
static void vma_free(struct mm_struct *mm, struct vm_area_struct *vma)
{
	list_del(&vma->vm_list);
	rb_erase(&vma->vm_rb, &mm->mm_rb);
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

struct page *follow_page(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	pte_t *pte = follow_pte(mm, addr);

	if (!vma || !pte || pte_none(*pte))
		return NULL;
	return vm_normal_page(vma, addr, *pte);
}

/*
 * Pages come only when touched, so an address space could promise more
 * than the machine has.  As Linux's heuristic overcommit does, refuse to
 * let one grow larger than all of RAM: it could never be backed.
 */
static bool may_expand_vm(struct mm_struct *mm, unsigned long bytes)
{
	return mm->total_vm + (bytes >> PAGE_SHIFT) <= nr_managed_pages();
}

/*
 * A new VMA [start, end), linked in order; ERR_PTR(-EINVAL) on overlap,
 * ERR_PTR(-ENOMEM) if it would make the address space too large.
 */
static struct vm_area_struct *insert_vma(struct mm_struct *mm,
					 unsigned long start, unsigned long end,
					 unsigned long vm_flags)
{
	struct vm_area_struct *vma, *next;
	struct list_head *pos = &mm->mmap;

	if (!may_expand_vm(mm, end - start))
		return ERR_PTR(-ENOMEM);
	list_for_each_entry (next, &mm->mmap, vm_list) {
		if (next->vm_start >= end)
			break;
		if (next->vm_end > start)
			return ERR_PTR(-EINVAL); /* overlap */
		pos = &next->vm_list;
	}
	vma = kzalloc(sizeof(*vma));
	if (!vma)
		return ERR_PTR(-ENOMEM);
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = vm_flags;
	vma->vm_mm = mm;
	list_add(&vma->vm_list, pos);
	vma_rb_insert(mm, vma);
	mm->total_vm += (end - start) >> PAGE_SHIFT;
	return vma;
}

static void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma)
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

/* The rights mprotect may grant later follow the rights given now. */
static unsigned long may_flags(unsigned long vm_flags)
{
	return vm_flags | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
}

/* A new VMA for map_anon and map_file: no overlap, nothing replaced. */
static struct vm_area_struct *new_fixed_vma(struct mm_struct *mm,
					    unsigned long start,
					    unsigned long end,
					    unsigned long vm_flags)
{
	if (!IS_ALIGNED(start | end, PAGE_SIZE) || start >= end ||
	    end > TASK_SIZE)
		return ERR_PTR(-EINVAL);
	return insert_vma(mm, start, end, may_flags(vm_flags));
}

int map_anon(struct mm_struct *mm, unsigned long start, unsigned long end,
	     unsigned long vm_flags)
{
	struct vm_area_struct *vma = new_fixed_vma(mm, start, end, vm_flags);

	return IS_ERR(vma) ? PTR_ERR(vma) : 0;
}

/* Is [start, end) free of VMAs? */
static bool range_free(struct mm_struct *mm, unsigned long start,
		       unsigned long end)
{
	struct vm_area_struct *vma;

	list_for_each_entry (vma, &mm->mmap, vm_list)
		if (vma->vm_start < end && vma->vm_end > start)
			return false;
	return true;
}

static struct vm_area_struct *next_vma(struct mm_struct *mm,
				       struct vm_area_struct *vma)
{
	if (vma->vm_list.next == &mm->mmap)
		return NULL;
	return list_entry(vma->vm_list.next, struct vm_area_struct, vm_list);
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
static void vma_merge(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next;

	/* All of them: an mprotect may leave a run of equal VMAs behind. */
	while (can_merge(vma, next = next_vma(mm, vma))) {
		vma->vm_end = next->vm_end;
		vma_free(mm, next);
	}
	if (vma->vm_list.prev != &mm->mmap) {
		struct vm_area_struct *prev = list_entry(
			vma->vm_list.prev, struct vm_area_struct, vm_list);

		if (can_merge(prev, vma)) {
			prev->vm_end = vma->vm_end;
			vma_free(mm, vma);
		}
	}
}

/*
 * Make start and end VMA boundaries (splitting the VMAs they fall inside),
 * so that [start, end) is a whole number of VMAs.
 */
static int split_at(struct mm_struct *mm, unsigned long start,
		    unsigned long end)
{
	struct vm_area_struct *vma;
	int err = 0;

	list_for_each_entry (vma, &mm->mmap, vm_list) {
		if (vma->vm_start < start && start < vma->vm_end)
			err = split_vma(mm, vma, start);
		else if (vma->vm_start < end && end < vma->vm_end)
			err = split_vma(mm, vma, end);
		if (err)
			return err;
	}
	return 0;
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long end = start + len, floor = 0, ceiling = 0;
	struct mmu_notifier_range range;
	struct vm_area_struct *vma, *next;
	bool mapped;
	int err;

	if (!IS_ALIGNED(start, PAGE_SIZE) || !len || len > TASK_SIZE ||
	    start > TASK_SIZE - len)
		return -EINVAL;
	end = ALIGN(end, PAGE_SIZE);
	err = split_at(mm, start, end);
	if (err)
		return err;
	/*
	 * One notification for the whole range, as Linux's unmap_region, and
	 * none for a hole.
	 */
	mapped = !range_free(mm, start, end);
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, mm, start, end);
	if (mapped)
		mmu_notifier_invalidate_range_start(&range);
	vma = list_first_entry(&mm->mmap, struct vm_area_struct, vm_list);
	for (; &vma->vm_list != &mm->mmap; vma = next) {
		next = list_entry(vma->vm_list.next, struct vm_area_struct,
				  vm_list);
		if (vma->vm_start >= start && vma->vm_end <= end)
			remove_vma(mm, vma);
		else if (vma->vm_end <= start)
			floor = vma->vm_end;
		else if (vma->vm_start >= end && !ceiling)
			ceiling = vma->vm_start;
	}
	free_pgd_range(mm, start, end, floor, ceiling);
	if (mapped)
		mmu_notifier_invalidate_range_end(&range);
	return 0;
}

/*
 * A device's own mmap, or the page cache's.  On success the VMA holds a
 * reference to the file (generic_file_mmap takes its own); on failure it
 * has no file, as it was never on the file's i_mmap list.
 */
static int call_mmap(struct file *file, struct vm_area_struct *vma)
{
	int err;

	if (!file->f_op->mmap)
		return generic_file_mmap(file, vma);
	vma->vm_file = get_file(file);
	err = file->f_op->mmap(file, vma);
	if (err) {
		vma->vm_file = NULL;
		fput(file);
	}
	return err;
}

/* Back vma with file from page pgoff on; on failure vma is removed. */
static int attach_file(struct mm_struct *mm, struct vm_area_struct *vma,
		       struct file *file, unsigned long pgoff)
{
	int err;

	vma->vm_pgoff = pgoff;
	err = call_mmap(file, vma);
	if (err) {
		remove_vma(mm, vma);
		return err;
	}
	vma_link_file(vma);
	return 0;
}

/*
 * Map [start, start + len), replacing whatever was there: anonymous memory
 * if file is NULL, else file from page pgoff on.
 */
static long mmap_region(struct mm_struct *mm, unsigned long start,
			unsigned long len, unsigned long vm_flags,
			struct file *file, unsigned long pgoff)
{
	struct vm_area_struct *vma;
	int err = do_munmap(mm, start, len);

	if (err)
		return err;
	vma = insert_vma(mm, start, start + len, vm_flags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	if (file) {
		err = attach_file(mm, vma, file, pgoff);
		if (err)
			return err;
	}
	vma_merge(mm, vma);
	return start;
}

int map_file(struct mm_struct *mm, unsigned long start, unsigned long end,
	     unsigned long vm_flags, struct file *file, unsigned long pgoff)
{
	struct vm_area_struct *vma = new_fixed_vma(mm, start, end, vm_flags);

	if (IS_ERR(vma))
		return PTR_ERR(vma);
	return attach_file(mm, vma, file, pgoff);
}

/*
 * A free range of len bytes for mmap without MAP_FIXED: the highest gap
 * below the stack (less a guard gap), as Linux's top-down layout does, so
 * the heap below and the mappings above grow towards each other.
 */
static long get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long top = mm->stack_start - STACK_GUARD_GAP;
	struct vm_area_struct *vma;

	list_for_each_entry_reverse (vma, &mm->mmap, vm_list) {
		if (vma->vm_start >= top)
			continue;
		/* A VMA may straddle top: then the gap above it is none. */
		if (vma->vm_end <= top && top - vma->vm_end >= len)
			break;
		top = vma->vm_start;
	}
	if (top < MMAP_MIN_ADDR + len)
		return -ENOMEM;
	return top - len;
}

static unsigned long prot_to_vm_flags(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) |
	       (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/*
 * Shared anonymous memory has no file to hold its pages between faults, so
 * its pages are allocated here, at mmap, and fork then shares them.
 */
static int populate_shared(struct mm_struct *mm, unsigned long start,
			   unsigned long end)
{
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE)
		if (handle_mm_fault(mm, addr,
				    FAULT_FLAG_WRITE | FAULT_FLAG_FORCE))
			return -ENOMEM;
	return 0;
}

/*
 * The rights a mapping of file may ever have: a file not open for reading
 * cannot be mapped; one not open for writing can be mapped shared only
 * read-only, now and after any mprotect (VM_MAYWRITE off).
 */
static int file_vm_flags(struct file *file, unsigned long type,
			 unsigned long *vm_flags)
{
	if (!(file->f_mode & FMODE_READ))
		return -EACCES;
	if (type == MAP_SHARED && !(file->f_mode & FMODE_WRITE)) {
		if (*vm_flags & VM_WRITE)
			return -EACCES;
		*vm_flags &= ~VM_MAYWRITE;
	}
	return 0;
}

long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
	     unsigned long prot, unsigned long flags, struct file *file,
	     unsigned long pgoff)
{
	unsigned long vm_flags = may_flags(prot_to_vm_flags(prot));
	unsigned long type = flags & (MAP_SHARED | MAP_PRIVATE);
	long start;

	if (!len || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) ||
	    (type != MAP_SHARED && type != MAP_PRIVATE))
		return -EINVAL;
	if (len > TASK_SIZE)
		return -ENOMEM;
	len = ALIGN(len, PAGE_SIZE);
	if (type == MAP_SHARED)
		vm_flags |= VM_SHARED | VM_MAYSHARE;
	if (file) {
		int err = file_vm_flags(file, type, &vm_flags);

		if (err)
			return err;
	}
	if (flags & MAP_FIXED) {
		/*
		 * Linux's order and errors: no user memory there (the kernel
		 * half, non-canonical, over the top) is ENOMEM, then an
		 * unaligned address EINVAL, then one below MMAP_MIN_ADDR
		 * EPERM (what Linux says to an unprivileged program).
		 */
		if (addr > TASK_SIZE - len)
			return -ENOMEM;
		if (!IS_ALIGNED(addr, PAGE_SIZE))
			return -EINVAL;
		if (addr < MMAP_MIN_ADDR)
			return -EPERM;
		start = addr;
	} else {
		/* A hint is taken if it is free; otherwise look elsewhere. */
		unsigned long hint = ALIGN(addr, PAGE_SIZE);

		if (addr && hint >= MMAP_MIN_ADDR && hint <= TASK_SIZE - len &&
		    range_free(mm, hint, hint + len))
			start = hint;
		else
			start = get_unmapped_area(mm, len);
		if (IS_ERR_VALUE(start))
			return start;
	}
	start = mmap_region(mm, start, len, vm_flags, file, pgoff);
	/* Shared anonymous memory: no file to keep its pages in between faults. */
	if (!IS_ERR_VALUE(start) && type == MAP_SHARED && !file &&
	    populate_shared(mm, start, start + len)) {
		do_munmap(mm, start, len);
		return -ENOMEM;
	}
	return start;
}

/*
 * Give every PTE of vma the VMA's new rights, one PTE table at a time
 * (mm/pagewalk.c skips the spans with no table).  Rights are taken away
 * at once; none is granted here: a PTE that was not writable stays so (its
 * page may be COW-shared, or the zero page), and the next write faults for
 * do_wp_page to decide -- rights are granted lazily.
 */
static int change_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			    struct mm_walk *walk)
{
	pgprot_t prot = vm_get_page_prot(walk->vma->vm_flags);
	pte_t *pte = pte_offset_map(pmd, addr), entry;

	for (; addr != end; addr += PAGE_SIZE, pte++) {
		if (!pte_present(*pte))
			continue;
		entry = pfn_pte(pte_pfn(*pte), prot);
		if (pte_special(*pte))
			entry = pte_mkspecial(entry);
		if (!pte_write(*pte))
			entry = pte_wrprotect(entry);
		set_pte(pte, entry);
		flush_tlb_page(addr);
	}
	return 0;
}

static const struct mm_walk_ops change_walk_ops = {
	.pmd_entry = change_pte_range,
};

static void change_protection(struct mm_struct *mm, struct vm_area_struct *vma)
{
	i_mmap_lock_vma(vma);
	walk_page_range(mm, vma, vma->vm_start, vma->vm_end, &change_walk_ops,
			NULL);
	i_mmap_unlock_vma(vma);
}

/* Is [start, end) covered by VMAs with no hole?  (mprotect's ENOMEM) */
static bool range_mapped(struct mm_struct *mm, unsigned long start,
			 unsigned long end)
{
	struct vm_area_struct *vma;

	list_for_each_entry (vma, &mm->mmap, vm_list) {
		if (vma->vm_end <= start)
			continue;
		if (vma->vm_start > start)
			return false;
		start = vma->vm_end;
		if (start >= end)
			return true;
	}
	return false;
}

int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot)
{
	unsigned long end, want = prot_to_vm_flags(prot);
	struct mmu_notifier_range range;
	struct vm_area_struct *vma;
	int err;

	if (!IS_ALIGNED(start, PAGE_SIZE) ||
	    (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	if (len > TASK_SIZE || start > TASK_SIZE - len)
		return -ENOMEM;
	end = ALIGN(start + len, PAGE_SIZE);
	if (start == end)
		return 0;
	if (!range_mapped(mm, start, end))
		return -ENOMEM;
	list_for_each_entry (vma, &mm->mmap, vm_list)
		if (vma->vm_start < end && vma->vm_end > start &&
		    (want & ~(vma->vm_flags >> 4))) /* VM_MAYx = VM_x << 4 */
			return -EACCES;
	err = split_at(mm, start, end);
	if (err)
		return err;
	list_for_each_entry (vma, &mm->mmap, vm_list) {
		if (vma->vm_start < start || vma->vm_end > end)
			continue;
		vma->vm_flags =
			(vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) |
			want;
		mmu_notifier_range_init(&range, MMU_NOTIFY_PROTECTION_VMA, mm,
					vma->vm_start, vma->vm_end);
		mmu_notifier_invalidate_range_start(&range);
		change_protection(mm, vma);
		mmu_notifier_invalidate_range_end(&range);
	}
	/*
	 * Merge from the left.  vma_merge may free the VMA it is given or its
	 * neighbour, so each step looks the address up again instead of
	 * following a pointer that may be gone.
	 */
	for (unsigned long addr = start; addr < end;) {
		vma_merge(mm, find_vma(mm, addr));
		addr = find_vma(mm, addr)->vm_end;
	}
	return 0;
}

/* MADV_DONTNEED: drop the pages; the next touch finds zeroes. */
int do_madvise(struct mm_struct *mm, unsigned long start, unsigned long len,
	       int advice)
{
	unsigned long end;
	struct vm_area_struct *vma;

	if (!IS_ALIGNED(start, PAGE_SIZE) || advice != MADV_DONTNEED)
		return -EINVAL;
	/* Linux: a range that wraps is EINVAL, an empty one 0 wherever it is. */
	if (__builtin_add_overflow(start, len, &end) ||
	    end > ALIGN_DOWN(~0UL, PAGE_SIZE))
		return -EINVAL;
	end = ALIGN(end, PAGE_SIZE);
	if (end == start)
		return 0;
	if (end > TASK_SIZE || !range_mapped(mm, start, end))
		return -ENOMEM;
	/* A PFN map has no ->fault to bring its frames back (as Linux). */
	list_for_each_entry (vma, &mm->mmap, vm_list)
		if (vma->vm_start < end && vma->vm_end > start &&
		    (vma->vm_flags & VM_PFNMAP))
			return -EINVAL;
	/*
	 * Shared anonymous memory has no file behind its pages: they *are* the
	 * memory, and dropping them would lose it.  Linux keeps such pages in
	 * shmem; here they stay mapped.
	 */
	list_for_each_entry (vma, &mm->mmap, vm_list) {
		struct mmu_notifier_range range;

		if (vma->vm_start >= end || vma->vm_end <= start ||
		    (!vma->vm_file && (vma->vm_flags & VM_SHARED)))
			continue;
		mmu_notifier_range_init(&range, MMU_NOTIFY_MADVISE, mm,
					max(start, vma->vm_start),
					min(end, vma->vm_end));
		mmu_notifier_invalidate_range_start(&range);
		i_mmap_lock_vma(vma);
		zap_page_range(mm, vma, range.start, range.end);
		i_mmap_unlock_vma(vma);
		mmu_notifier_invalidate_range_end(&range);
	}
	return 0;
}

/*
 * The heap: [start_brk, brk), page-rounded, made of anonymous VMAs like
 * any other (start_brk is page-aligned: exec puts it after the program).
 * Growing maps the new part (it merges with the old); shrinking unmaps.
 */
unsigned long do_brk(struct mm_struct *mm, unsigned long new_brk)
{
	unsigned long old_end = ALIGN(mm->brk, PAGE_SIZE);
	unsigned long new_end = ALIGN(new_brk, PAGE_SIZE);

	if (new_brk < mm->start_brk || new_brk > mm->stack_start)
		return mm->brk;
	if (new_end > old_end &&
	    (!range_free(mm, old_end, new_end) ||
	     mmap_region(mm, old_end, new_end - old_end,
			 may_flags(VM_READ | VM_WRITE), NULL, 0) < 0))
		return mm->brk;
	if (new_end < old_end && do_munmap(mm, new_end, old_end - new_end))
		return mm->brk;
	mm->brk = new_brk;
	return new_brk;
}

long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot,
	      unsigned long flags, int fd, unsigned long off)
{
	struct file *file = NULL;
	long ret;

	if (!(flags & MAP_ANONYMOUS)) {
		if (!IS_ALIGNED(off, PAGE_SIZE))
			return -EINVAL;
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	ret = do_mmap(current->mm, addr, len, prot, flags, file,
		      off >> PAGE_SHIFT);
	if (file)
		fput(file); /* the VMA holds a reference of its own */
	return ret;
}

long sys_munmap(unsigned long addr, unsigned long len)
{
	return do_munmap(current->mm, addr, len);
}

long sys_mprotect(unsigned long addr, unsigned long len, unsigned long prot)
{
	return do_mprotect(current->mm, addr, len, prot);
}

long sys_madvise(unsigned long addr, unsigned long len, int advice)
{
	return do_madvise(current->mm, addr, len, advice);
}

/*
 * fork: the child gets the same VMAs and shares every page; private
 * writable pages become copy-on-write in both (copy_page_range).
 */
struct mm_struct *dup_mm(struct mm_struct *old_mm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	if (!mm)
		return NULL;
	if (old_mm->exe_file && set_mm_exe_file(mm, old_mm->exe_file)) {
		mmput(mm);
		return NULL;
	}
	mm->start_brk = old_mm->start_brk;
	mm->brk = old_mm->brk;
	mm->stack_start = old_mm->stack_start;
	list_for_each_entry (vma, &old_mm->mmap, vm_list) {
		struct vm_area_struct *new;
		int err;

		if (vma->vm_flags & VM_DONTCOPY)
			continue;
		new = insert_vma(mm, vma->vm_start, vma->vm_end, vma->vm_flags);
		if (IS_ERR(new)) {
			mmput(mm);
			return NULL;
		}
		new->vm_pgoff = vma->vm_pgoff;
		new->vm_ops = vma->vm_ops;
		/* The child's VMA goes on the list with its PTEs, at once. */
		i_mmap_lock_vma(vma);
		if (vma->vm_file) {
			new->vm_file = get_file(vma->vm_file);
			list_add(&new->shared, &vma->shared);
		}
		err = copy_page_range(mm, old_mm, vma);
		i_mmap_unlock_vma(vma);
		if (err) {
			mmput(mm);
			return NULL;
		}
	}
	return mm;
}

/*
 * exec maps a program's pages from the page cache, so a write to the file,
 * or a truncation (which unmaps what it cuts off), would change or remove
 * the code of every process running it.  As Linux does, such a file cannot
 * be opened for writing while an address space runs it, and a file open
 * for writing cannot be run: deny_write_access, held until exit_mmap.
 * (A fork's copy takes its own: the parent's hold means it cannot fail.)
 */
int set_mm_exe_file(struct mm_struct *mm, struct file *file)
{
	int err = deny_write_access(file);

	if (err)
		return err;
	mm->exe_file = get_file(file);
	return 0;
}

/*
 * The address space goes (exit, execve): secondary MMUs let go first
 * (seed 004: ->release before the page tables are torn down), then every
 * page and table.  The mm_struct stays while a notifier holds it.
 */
static void exit_mmap(struct mm_struct *mm)
{
	mmu_notifier_release(mm);
	while (!list_empty(&mm->mmap))
		remove_vma(mm,
			   list_first_entry(&mm->mmap, struct vm_area_struct,
					    vm_list));
	pgd_free(mm->pgd);
	mm->pgd = NULL;
	if (mm->exe_file) {
		allow_write_access(mm->exe_file);
		fput(mm->exe_file);
		mm->exe_file = NULL;
	}
}

void mmput(struct mm_struct *mm)
{
	if (mm_count_add(&mm->mm_users, -1))
		return;
	exit_mmap(mm);
	mmdrop(mm);
}

static const struct {
	unsigned long vm;
	unsigned long info;
} mapinfo_flags[] = {
	{ VM_READ, MAPINFO_READ },	   { VM_WRITE, MAPINFO_WRITE },
	{ VM_EXEC, MAPINFO_EXEC },	   { VM_SHARED, MAPINFO_SHARED },
	{ VM_PFNMAP, MAPINFO_PFNMAP },	   { VM_MIXEDMAP, MAPINFO_MIXEDMAP },
	{ VM_RESERVED, MAPINFO_RESERVED }, { VM_IO, MAPINFO_IO },
};

/* A VMA's mapped frames: counted pages, and raw frames (seed 000). */
struct page_counts {
	unsigned long counted, raw;
};

static int count_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			   struct mm_walk *walk)
{
	struct page_counts *n = walk->private;
	pte_t *pte = pte_offset_map(pmd, addr);

	for (; addr != end; addr += PAGE_SIZE, pte++) {
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
	struct page_counts n = { 0, 0 };

	walk_page_range(mm, vma, vma->vm_start, vma->vm_end, &count_walk_ops,
			&n);
	return n;
}

static const char *vma_name(struct mm_struct *mm, struct vm_area_struct *vma)
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
		};
		for (size_t i = 0; i < ARRAY_SIZE(mapinfo_flags); i++)
			if (vma->vm_flags & mapinfo_flags[i].vm)
				info->flags |= mapinfo_flags[i].info;
		strscpy(info->name, vma_name(mm, vma), sizeof(info->name));
		return 0;
	}
	return -ESRCH;
}
