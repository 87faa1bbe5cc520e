// SPDX-License-Identifier: MIT
/*
 * msync (Linux's mm/msync.c): write a shared file mapping's changes back
 * to the file.  On Pagoda that is already so: a MAP_SHARED mapping maps the
 * page-cache pages themselves, the file is those pages (ramfs), and there
 * is no disk behind them to write to.  So msync checks its arguments as
 * Linux does and has nothing more to do:
 *
 *   EINVAL  start not page-aligned, unknown flags, or MS_ASYNC with MS_SYNC
 *   ENOMEM  part of [start, start + len) (len rounded up to pages) is not
 *           mapped
 *   EBUSY   MS_INVALIDATE over a locked (mlock) mapping
 *
 * A length of 0 succeeds at once.
 */
#include <kernel/errno.h>
#include <kernel/kernel.h>
#include <kernel/sched.h>
#include <mm/mmap.h>
#include <mm/mmap_lock.h>
#include <mm/vma.h>

long sys_msync(unsigned long start, unsigned long len, int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end;
	long err = 0;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (start & (PAGE_SIZE - 1))
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	if (len > TASK_SIZE || start > TASK_SIZE - len)
		return -ENOMEM;
	end = ALIGN(start + len, PAGE_SIZE);
	if (end == start)
		return 0;
	/* The VMAs are read, not changed: the mmap_lock for reading. */
	mmap_read_lock(mm);
	if (!range_mapped(mm, start, end))
		err = -ENOMEM;
	else if (flags & MS_INVALIDATE)
		list_for_each_entry (vma, &mm->mmap, vm_list)
			if (vma->vm_start < end && vma->vm_end > start &&
			    (vma->vm_flags & VM_LOCKED))
				err = -EBUSY;
	mmap_read_unlock(mm);
	return err;
}
