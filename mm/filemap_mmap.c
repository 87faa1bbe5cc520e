// SPDX-License-Identifier: MIT
/*
 * Mapping files: a file VMA finds its pages in the file's page cache
 * (mm/filemap.c), the same pages read() and write() use -- so a process
 * mapping a file sees what write() put there, and read() sees what a
 * shared mapping wrote.  Linux's filemap_fault, much reduced: ramfs keeps
 * every file in memory, so there is never anything to read from a disk
 * (no major faults, no readahead yet); and filemap_map_pages, the
 * fault-around of seed 002.
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
 * Runs with interrupts on, under the file's i_mmap lock, which the fault
 * holds until the page is mapped (mm/memory.c): a truncation, which sets
 * i_size first and then zaps under that lock, cannot slip in between the
 * test of i_size here and the install.  It takes no inode lock (read and
 * write hold it while they copy from user memory, which may fault).
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

/*
 * Fault-around's ->map_pages (seed 002): map the pages of vmf->pgoff ..
 * vmf->max_pgoff that the page cache holds up to date, each at its PTE
 * from vmf->pte on, read-only (do_set_pte).  Nothing here may sleep or
 * allocate, so a hole, a page not up to date, or a present PTE is skipped
 * (the fault's own page then comes from ->fault), and nothing at or past
 * the end of the file is mapped: that stays SIGBUS.
 */
static void filemap_map_pages(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	struct inode *inode = vma->vm_file->f_inode;
	unsigned long eof = (inode->i_size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	unsigned long last = min(vmf->max_pgoff, eof - 1);
	pte_t *pte = vmf->pte;
	struct page *page;

	if (!eof)
		return;
	for (unsigned long pgoff = vmf->pgoff; pgoff <= last; pgoff++, pte++) {
		if (!pte_none(*pte))
			continue;
		page = find_get_page(vma->vm_file->f_mapping, pgoff);
		if (!page)
			continue;
		if (!PageUptodate(page)) {
			put_page(page);
			continue;
		}
		do_set_pte(vma, page,
			   pte); /* takes find_get_page's reference */
	}
}

static const struct vm_operations_struct filemap_vm_ops = {
	.fault = filemap_fault,
	.map_pages = filemap_map_pages,
};

/*
 * Mapping a file counts as reading it (atime; POSIX asks for it by the
 * first reference, Linux marks it at mmap), since later reads through the
 * mapping never come back to the file system.
 */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!S_ISREG(file->f_inode->i_mode))
		return -ENODEV;
	file_accessed(file);
	vma->vm_file = get_file(file);
	vma->vm_ops = &filemap_vm_ops;
	return 0;
}
