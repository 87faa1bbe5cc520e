// SPDX-License-Identifier: MIT
/*
 * msync (Linux's mm/msync.c): write a shared file mapping's changes back
 * to the file.  On Pagoda that is already so: a MAP_SHARED mapping maps the
 * page-cache pages themselves, the file is those pages (ramfs), and there
 * is no disk behind them to write to.  So msync checks its arguments as
 * Linux does, and MS_SYNC does to each file mapped shared in the range what
 * fsync does (vfs_fsync: writeback's zeroing of the bytes past the end of
 * file, which the mapping could write):
 *
 *   EINVAL  start not page-aligned, unknown flags, or MS_ASYNC with MS_SYNC
 *   ENOMEM  part of [start, start + len) (len rounded up to pages) is not
 *           mapped
 *   EBUSY   MS_INVALIDATE over a locked (mlock) mapping
 *
 * A length of 0 succeeds at once.
 */
#include <kernel/errno.h>
#include <kernel/fs/fs.h>
#include <kernel/kernel.h>
#include <kernel/sched.h>
#include <mm/mmap.h>
#include <mm/mmap_lock.h>
#include <mm/vma.h>

/*
 * The next file mapped shared in [*start, end), with a reference, and
 * *start moved past its VMA; NULL if none.
 */
static struct file *next_shared_file(struct mm_struct *mm, unsigned long *start,
				     unsigned long end)
{
	struct vm_area_struct *vma;
	struct file *file = NULL;

	mmap_read_lock(mm);
	for (vma = find_vma_from(mm, *start); vma && vma->vm_start < end;
	     vma = find_vma_from(mm, vma->vm_end)) {
		*start = vma->vm_end;
		if (vma->vm_file && (vma->vm_flags & VM_SHARED)) {
			file = get_file(vma->vm_file);
			break;
		}
	}
	mmap_read_unlock(mm);
	return file;
}

/*
 * One file at a time, without the mmap_lock: vfs_fsync takes the inode
 * lock, which a write(2) holds while its copy from user memory faults and
 * takes the mmap_lock, so the inode lock must come first.
 */
static long msync_files(struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	struct file *file;
	long err = 0;

	while (!err && (file = next_shared_file(mm, &start, end))) {
		if (file_is_regular(file))
			err = vfs_fsync(file);
		fput(file);
	}
	return err;
}

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
	if (!err && (flags & MS_SYNC))
		err = msync_files(mm, start, end);
	return err;
}
