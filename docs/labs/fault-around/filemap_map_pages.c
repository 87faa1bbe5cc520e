/* Lab fault-around: the skeleton of filemap_map_pages (mm/filemap_mmap.c). */
static void filemap_map_pages(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	/*
	 * TODO (lab fault-around): map the file pages vmf->pgoff ..
	 * vmf->max_pgoff that are at hand, at the PTEs from vmf->pte on (one
	 * PTE a page, in order).  This runs inside a fault and may not sleep
	 * or allocate: what is not ready is left to ->fault.
	 *
	 * 1. Nothing at or past the end of the file (i_size, rounded up to
	 *    pages) is mapped: a touch there must stay SIGBUS.
	 * 2. A PTE already present stays as it is.
	 * 3. find_get_page: no page (a hole) is skipped; a page that is not
	 *    PageUptodate is skipped too, after put_page.
	 * 4. do_set_pte maps the page read-only and keeps find_get_page's
	 *    reference for the PTE.
	 */
}
