// SPDX-License-Identifier: MIT
/*
 * The mapping system calls, as Linux's mm/mmap.c: mmap (do_mmap,
 * get_unmapped_area, mmap_region), munmap (do_munmap) and brk (do_brk),
 * and map_anon and map_file, exec's way in.  Each is made of the VMA
 * operations of mm/vma.c; none maps a page: pages arrive when they are
 * touched (mm/memory.c, handle_mm_fault).  munmap tells secondary MMUs
 * once for the whole range (seed 004).
 *
 * Page tables go when munmap leaves a hole that covers them
 * (free_pgd_range) or with the whole mm (pgd_free, mm/mm_struct.c).
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/kernel.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap_lock.h>
#include <mm/mmu_notifier.h>
#include <mm/vma.h>

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

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long end = start + len, floor, ceiling;
	struct mmu_notifier_range range;
	struct vm_area_struct *vma, *prev, *next;
	int err;

	if (!IS_ALIGNED(start, PAGE_SIZE) || !len || len > TASK_SIZE ||
	    start > TASK_SIZE - len)
		return -EINVAL;
	end = ALIGN(end, PAGE_SIZE);
	/* No VMA there: nothing to do, nor to tell (as Linux). */
	if (range_free(mm, start, end))
		return 0;
	err = split_at(mm, start, end);
	if (err)
		return err;
	/* One notification for the whole range, as Linux's unmap_region. */
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, mm, start, end);
	mmu_notifier_invalidate_range_start(&range);
	vma = find_vma_from(mm, start);
	/* The neighbours' page tables stay (free_pgd_range's limits). */
	prev = vma_prev(mm, vma);
	floor = prev ? prev->vm_end : 0;
	for (; vma && vma->vm_start < end; vma = next) {
		next = vma_next(mm, vma);
		remove_vma(mm, vma);
	}
	ceiling = vma ? vma->vm_start : 0;
	free_pgd_range(mm, start, end, floor, ceiling);
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
	if (vma->vm_file)
		vma_link_file(vma);
	return 0;
}

unsigned long mapped_bytes_outside(struct mm_struct *mm, unsigned long start,
				   unsigned long end, unsigned long vm_flags)
{
	struct vm_area_struct *vma;
	unsigned long bytes = 0;

	list_for_each_entry (vma, &mm->mmap, vm_list) {
		unsigned long lo = max(vma->vm_start, start);
		unsigned long hi = min(vma->vm_end, end);

		if ((vma->vm_flags & vm_flags) != vm_flags)
			continue;
		bytes += vma->vm_end - vma->vm_start - (lo < hi ? hi - lo : 0);
	}
	return bytes;
}

/*
 * RLIMIT_AS (kernel/resource.c): may the address space have [start,
 * start + len) mapped anew?  Linux keeps a count, mm->total_vm; Pagoda
 * walks the VMAs, and only for a process that has set a limit.
 */
static bool may_expand_vm(struct mm_struct *mm, unsigned long start,
			  unsigned long len)
{
	unsigned long limit = rlimit(RLIMIT_AS);

	return limit == RLIM_INFINITY ||
	       (len <= limit &&
		mapped_bytes_outside(mm, start, start + len, 0) <= limit - len);
}

void vma_set_anonymous(struct vm_area_struct *vma)
{
	fput(vma->vm_file); /* never the last: the caller's is still held */
	vma->vm_file = NULL;
	vma->vm_ops = NULL;
	vma->vm_pgoff = 0;
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
	int err;

	if (!may_expand_vm(mm, start, len))
		return -ENOMEM;
	err = do_munmap(mm, start, len);
	if (err)
		return err;
	/* mlockall(MCL_FUTURE) locks what comes next (mm/mlock.c). */
	vma = insert_vma(mm, start, start + len, vm_flags | mm->def_flags);
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
 * The highest gap in the subtree at rb where len bytes fit between low and
 * high: the address to map at, or 0.  Higher addresses first: the right
 * subtree (whose VMAs all lie above vma), then the gap below vma, then the
 * left subtree.  A subtree whose largest gap is too small is skipped whole
 * (rb_subtree_gap, mm/vma.c), so the search visits O(log n) nodes: only
 * the gaps cut by low or high can make it look into a subtree for nothing.
 */
static unsigned long gap_topdown(struct mm_struct *mm, struct rb_node *rb,
				 unsigned long len, unsigned long low,
				 unsigned long high)
{
	struct vm_area_struct *vma, *prev;
	unsigned long gap_start, gap_end, addr;

	if (!rb)
		return 0;
	vma = rb_entry(rb, struct vm_area_struct, vm_rb);
	if (vma->rb_subtree_gap < len)
		return 0;
	if (vma->vm_end <= high - len &&
	    (addr = gap_topdown(mm, rb->rb_right, len, low, high)))
		return addr;
	prev = vma_prev(mm, vma);
	gap_start = max(prev ? prev->vm_end : 0, low);
	gap_end = min(vma->vm_start, high);
	if (gap_end >= gap_start + len)
		return gap_end - len;
	if (vma->vm_start < low + len)
		return 0; /* the left subtree lies lower still */
	return gap_topdown(mm, rb->rb_left, len, low, high);
}

/*
 * A free range of len bytes for mmap without MAP_FIXED: the highest gap
 * below the stack (less a guard gap), as Linux's top-down layout does, so
 * the heap below and the mappings above grow towards each other.
 */
long get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long high = mm->stack_start - STACK_GUARD_GAP, addr;
	struct vm_area_struct *last;

	if (mm->stack_start < STACK_GUARD_GAP + MMAP_MIN_ADDR + len)
		return -ENOMEM;
	/* The gap above the highest VMA lies below no VMA: no node keeps it. */
	last = list_empty(&mm->mmap)
		       ? NULL
		       : list_last_entry(&mm->mmap, struct vm_area_struct,
					 vm_list);
	if (!last || last->vm_end <= high - len)
		return high - len;
	addr = gap_topdown(mm, mm->mm_rb.rb_node, len, MMAP_MIN_ADDR, high);
	return addr ? (long)addr : -ENOMEM;
}

/*
 * Shared anonymous memory has no file to hold its pages between faults, so
 * its pages are allocated here, at mmap, and fork then shares them.
 */
int populate_shared(struct mm_struct *mm, unsigned long start,
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

/*
 * Every byte a file mapping covers must have a file offset, which is an
 * loff_t: below 2^63 (Linux's MAX_LFS_FILESIZE).  A negative mmap offset
 * arrives as a huge pgoff; taken, it would map pages no fault can find
 * (SIGBUS at the first touch) while the caller believes it mapped page 0.
 */
static bool file_mmap_ok(unsigned long pgoff, unsigned long len)
{
	return pgoff <= ((~0UL >> 1) - len) >> PAGE_SHIFT;
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
	/* MAP_LOCKED: mlock's rules (RLIMIT_MEMLOCK, mm/mlock.c), as Linux. */
	if (flags & MAP_LOCKED) {
		if (!rlimit(RLIMIT_MEMLOCK) && !capable(CAP_IPC_LOCK))
			return -EPERM;
		vm_flags |= VM_LOCKED;
	}
	if (!mlock_future_ok(mm, vm_flags | mm->def_flags, len))
		return -EAGAIN;
	if (file) {
		int err;

		if (!file_mmap_ok(pgoff, len))
			return -EOVERFLOW;
		err = file_vm_flags(file, type, &vm_flags);
		if (err)
			return err;
	}
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		/*
		 * Linux's order and errors: no user memory there (the kernel
		 * half, non-canonical, over the top) is ENOMEM, then an
		 * unaligned address EINVAL, then one below MMAP_MIN_ADDR
		 * EPERM (what Linux says to an unprivileged program), then,
		 * for MAP_FIXED_NOREPLACE, a mapping in the way EEXIST.
		 */
		if (addr > TASK_SIZE - len)
			return -ENOMEM;
		if (!IS_ALIGNED(addr, PAGE_SIZE))
			return -EINVAL;
		if (addr < MMAP_MIN_ADDR)
			return -EPERM;
		if ((flags & MAP_FIXED_NOREPLACE) &&
		    !range_free(mm, addr, addr + len))
			return -EEXIST;
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
	/*
	 * Shared anonymous memory (asked for, or a device's such as
	 * /dev/zero): no file to keep its pages in between faults.
	 */
	if (!IS_ERR_VALUE(start) && type == MAP_SHARED &&
	    !find_vma(mm, start)->vm_file &&
	    populate_shared(mm, start, start + len)) {
		do_munmap(mm, start, len);
		return -ENOMEM;
	}
	if (!IS_ERR_VALUE(start) && (flags & (MAP_POPULATE | MAP_LOCKED)))
		mm_populate(mm, start, start + len);
	return start;
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
	/* RLIMIT_DATA: the heap alone (Linux adds the data segment). */
	if (new_end > old_end && new_brk - mm->start_brk > rlimit(RLIMIT_DATA))
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
	mmap_write_lock(current->mm);
	ret = do_mmap(current->mm, addr, len, prot, flags, file,
		      off >> PAGE_SHIFT);
	mmap_write_unlock(current->mm);
	if (file)
		fput(file); /* the VMA holds a reference of its own */
	return ret;
}

long sys_munmap(unsigned long addr, unsigned long len)
{
	struct mm_struct *mm = current->mm;
	long ret;

	mmap_write_lock(mm);
	ret = do_munmap(mm, addr, len);
	mmap_write_unlock(mm);
	return ret;
}
