/* Lab fault-around: the skeleton of do_fault_around (mm/memory.c). */
static void do_fault_around(struct vm_area_struct *vma, unsigned long addr,
			    pte_t *pte, unsigned int flags)
{
	/*
	 * TODO (lab fault-around): before ->fault, ask the file's ->map_pages
	 * to map the cached pages around addr (seed 002).  pte is addr's own
	 * PTE, still empty.
	 *
	 * 1. A window of one page (fault_around_bytes <= PAGE_SIZE) is off:
	 *    return.
	 * 2. fault_around_window gives [start, end): aligned to the window's
	 *    size, clipped to the VMA and to the page table that holds pte,
	 *    so every PTE of the window is pte's neighbour in one array.
	 *    Step pte back to start's PTE.
	 * 3. Skip the PTEs at the window's start that are already present
	 *    (move start on with them); if none is left, return.
	 * 4. Describe the window in a struct vm_fault: address start, pgoff
	 *    and max_pgoff the file pages of start and of the window's last
	 *    page (linear_page_index), flags, pte the first PTE to fill.
	 *    Call vma->vm_ops->map_pages.
	 */
}
