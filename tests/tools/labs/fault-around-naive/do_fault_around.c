/*
 * A correct but naive do_fault_around, for tests/tools/test_lab.py: it maps
 * exactly the PTEs mainline maps (the fault counts are the same), but it
 * asks ->map_pages for one page at a time and finds each page's PTE by a
 * walk from the top of the page table.
 */
static void do_fault_around(struct vm_area_struct *vma, unsigned long addr,
			    pte_t *pte, unsigned int flags)
{
	unsigned long start, end;
	struct vm_fault vmf;

	if (fault_around_bytes <= PAGE_SIZE)
		return;
	fault_around_window(addr, fault_around_bytes, vma->vm_start,
			    vma->vm_end, &start, &end);
	for (; start < end; start += PAGE_SIZE) {
		vmf = (struct vm_fault){
			.address = start,
			.pgoff = linear_page_index(vma, start),
			.max_pgoff = linear_page_index(vma, start),
			.flags = flags,
			.pte = follow_pte(vma->vm_mm, start),
		};
		vma->vm_ops->map_pages(vma, &vmf);
	}
}
