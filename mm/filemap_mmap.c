// SPDX-License-Identifier: MIT
/*
 * Mapping files: a file VMA finds its pages in the file's page cache
 * (mm/filemap.c), the same pages read() and write() use -- so a process
 * mapping a file sees what write() put there, and read() sees what a
 * shared mapping wrote.  Linux's filemap_fault, much reduced: ramfs keeps
 * every file in memory, so there is never anything to read from a disk
 * (no major faults, no readahead yet).
 */
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <mm/filemap.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>

/*
 * The page at vmf->pgoff of the file, made if the file has a hole there.
 * Past the end of the file there is nothing to map: SIGBUS, as POSIX says.
 * Runs with interrupts off and takes no inode lock (read and write hold it
 * while they copy from user memory, which may fault).
 */
static int filemap_fault(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	struct inode *inode = vma->vm_file->f_inode;
	unsigned long pages = (inode->i_size + PAGE_SIZE - 1) >> PAGE_SHIFT;

	if (vmf->pgoff >= pages)
		return VM_FAULT_SIGBUS;
	vmf->page = find_or_create_page(vma->vm_file->f_mapping, vmf->pgoff);
	return vmf->page ? 0 : VM_FAULT_OOM;
}

static const struct vm_operations_struct filemap_vm_ops = {
	.fault = filemap_fault,
};

int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!S_ISREG(file->f_inode->i_mode))
		return -ENODEV;
	vma->vm_file = get_file(file);
	vma->vm_ops = &filemap_vm_ops;
	return 0;
}
