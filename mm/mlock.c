// SPDX-License-Identifier: MIT
/*
 * mlock, munlock, mlockall, munlockall (Linux's mm/mlock.c, reduced): a
 * program asks for its pages to stay in memory.  A locked VMA carries
 * VM_LOCKED, which the reclaim scan never looks into (mm/vmscan.c); mlock
 * also faults every page of the range in now -- from swap too -- so what
 * is locked is resident.  Writable private memory is faulted for writing,
 * so the pages are the process's own (no later copy-on-write).
 * mlockall(MCL_FUTURE) puts VM_LOCKED in mm->def_flags, so new mappings
 * come locked (faulted on first touch, not at mmap).  Locks are not
 * inherited by fork, nor kept by execve.  RLIMIT_MEMLOCK bounds what a
 * process other than root may lock (mlock_limit_check), and what it may
 * map locked (mlock_future_ok: MAP_LOCKED, mlockall(MCL_FUTURE)).
 */
#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/kernel.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <mm/memory.h>
#include <mm/mmap_lock.h>
#include <mm/vma.h>

/*
 * Fault in vma's part of [start, end).  PROT_NONE memory stays as it is
 * (no access may bring it in); 0 or -ENOMEM.
 */
static int populate_vma(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long start, unsigned long end)
{
	unsigned int flags = FAULT_FLAG_FORCE;
	unsigned long irq;
	int fault = 0;

	if (!(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return 0;
	if ((vma->vm_flags & VM_WRITE) && is_cow_mapping(vma->vm_flags))
		flags |= FAULT_FLAG_WRITE;
	for (unsigned long addr = max(start, vma->vm_start);
	     addr < min(end, vma->vm_end) && !fault; addr += PAGE_SIZE) {
		irq = arch_local_irq_save(); /* faults run so */
		if (!follow_page(mm, addr) || (flags & FAULT_FLAG_WRITE))
			fault = handle_mm_fault(mm, addr, flags);
		arch_local_irq_restore(irq);
	}
	return fault & VM_FAULT_OOM ? -ENOMEM : fault ? -EAGAIN : 0;
}

/*
 * Fault in every VMA's part of [start, end): 0 or the first error.  For
 * mlock, and for mmap's MAP_POPULATE (Linux's mm_populate), which
 * ignores the error: mmap has succeeded, and a page that cannot be had
 * now is left to its first touch.
 */
int mm_populate(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;
	int err;

	for_each_vma_range (mm, vma, start, end)
		if ((err = populate_vma(mm, vma, start, end)))
			return err;
	return 0;
}

/* Set or clear VM_LOCKED on [start, end), which is mapped whole. */
static int apply_vma_lock_flags(struct mm_struct *mm, unsigned long start,
				unsigned long end, bool lock)
{
	struct vm_area_struct *vma;
	int err = split_at(mm, start, end);

	if (err)
		return err;
	for_each_vma_range (mm, vma, start, end) {
		if (lock)
			vma->vm_flags |= VM_LOCKED;
		else
			vma->vm_flags &= ~VM_LOCKED;
	}
	for (unsigned long addr = start; addr < end;) {
		vma_merge(mm, find_vma(mm, addr));
		addr = find_vma(mm, addr)->vm_end;
	}
	return lock ? mm_populate(mm, start, end) : 0;
}

/* The page-aligned range of a lock call, as Linux rounds it; or -errno. */
static int lock_range(struct mm_struct *mm, unsigned long start,
		      unsigned long len, unsigned long *end)
{
	len += start & (PAGE_SIZE - 1);
	start = ALIGN_DOWN(start, PAGE_SIZE);
	if (len > TASK_SIZE || start > TASK_SIZE - len)
		return -ENOMEM;
	*end = ALIGN(start + len, PAGE_SIZE);
	if (*end != start && !range_mapped(mm, start, *end))
		return -ENOMEM;
	return 0;
}

/*
 * RLIMIT_MEMLOCK (kernel/resource.c), as Linux applies it: a limit of 0
 * forbids locking (EPERM); otherwise the bytes locked, with [start, end)
 * locked too (all: every VMA), must stay within it (ENOMEM).  Root is
 * exempt from both.
 */
static int mlock_limit_check(struct mm_struct *mm, unsigned long start,
			     unsigned long end, bool all)
{
	unsigned long limit = rlimit(RLIMIT_MEMLOCK), locked;

	if (capable(CAP_IPC_LOCK) || limit == RLIM_INFINITY)
		return 0;
	if (!limit)
		return -EPERM;
	if (all)
		locked = mapped_bytes_outside(mm, 0, 0, 0);
	else
		locked = end - start +
			 mapped_bytes_outside(mm, start, end, VM_LOCKED);
	return locked <= limit ? 0 : -ENOMEM;
}

bool mlock_future_ok(struct mm_struct *mm, unsigned long vm_flags,
		     unsigned long len)
{
	unsigned long limit = rlimit(RLIMIT_MEMLOCK);

	if (!(vm_flags & VM_LOCKED) || capable(CAP_IPC_LOCK) ||
	    limit == RLIM_INFINITY)
		return true;
	return len <= limit &&
	       mapped_bytes_outside(mm, 0, 0, VM_LOCKED) <= limit - len;
}

/* mlock and munlock; like every call that changes VMAs, under mmap_lock. */
static long do_mlock(unsigned long start, unsigned long len, bool lock)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;
	int err;

	mmap_write_lock(mm);
	err = lock_range(mm, start, len, &end);
	start = ALIGN_DOWN(start, PAGE_SIZE);
	if (!err && lock)
		err = mlock_limit_check(mm, start, end, false);
	if (!err && end != start)
		err = apply_vma_lock_flags(mm, start, end, lock);
	mmap_write_unlock(mm);
	return err;
}

long sys_mlock(unsigned long start, unsigned long len)
{
	return do_mlock(start, len, true);
}

long sys_munlock(unsigned long start, unsigned long len)
{
	return do_mlock(start, len, false);
}

/* Every VMA, locked or not; then populated if locked. */
static long lock_all(struct mm_struct *mm, bool lock)
{
	struct vm_area_struct *vma;
	int err;

	list_for_each_entry (vma, &mm->mmap, vm_list) {
		if (lock)
			vma->vm_flags |= VM_LOCKED;
		else
			vma->vm_flags &= ~VM_LOCKED;
	}
	if (!lock)
		return 0;
	list_for_each_entry (vma, &mm->mmap, vm_list)
		if ((err = populate_vma(mm, vma, vma->vm_start, vma->vm_end)))
			return err;
	return 0;
}

long sys_mlockall(int flags)
{
	struct mm_struct *mm = current->mm;
	long ret;

	if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE)))
		return -EINVAL;
	mmap_write_lock(mm);
	ret = mlock_limit_check(mm, 0, 0, flags & MCL_CURRENT);
	if (ret) {
		mmap_write_unlock(mm);
		return ret;
	}
	if (flags & MCL_FUTURE)
		mm->def_flags |= VM_LOCKED;
	else
		mm->def_flags &= ~VM_LOCKED;
	ret = flags & MCL_CURRENT ? lock_all(mm, true) : 0;
	mmap_write_unlock(mm);
	return ret;
}

long sys_munlockall(void)
{
	struct mm_struct *mm = current->mm;
	long ret;

	mmap_write_lock(mm);
	mm->def_flags &= ~VM_LOCKED;
	ret = lock_all(mm, false);
	mmap_write_unlock(mm);
	return ret;
}
