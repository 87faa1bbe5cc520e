/* Lab filemap: the skeleton of filemap_fault (mm/filemap_mmap.c). */
static int filemap_fault(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	/*
	 * TODO (lab filemap): find the page of the file at vmf->pgoff (in
	 * pages from the file's start) and return it in vmf->page, holding a
	 * reference that the caller's mapping will keep.
	 *
	 * 1. The file is vma->vm_file: its inode (f_inode) has the size,
	 *    i_size, in bytes.  A page at or past the end (rounded up to a
	 *    whole page) has nothing behind it: VM_FAULT_SIGBUS.
	 * 2. Otherwise the page cache has it, or makes it for a hole:
	 *    find_or_create_page on the file's mapping (f_mapping) gives the
	 *    page with a reference, or NULL when memory is short
	 *    (VM_FAULT_OOM).
	 * 3. Return 0.
	 */
	return VM_FAULT_SIGBUS;
}
