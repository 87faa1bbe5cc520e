/* Lab remap-pfn: the skeleton of remap_pfn_range (mm/memory.c). */
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn, unsigned long size, pgprot_t prot)
{
	/*
	 * TODO (lab remap-pfn): map size bytes of frames, from pfn on, at
	 * addr in vma, all at once, as raw frames that nothing counts.
	 *
	 * 1. addr page-aligned, the range (size rounded up to pages)
	 *    non-empty and inside the VMA; else -EINVAL.
	 * 2. A COW mapping (is_cow_mapping) must be mapped whole, else
	 *    -EINVAL, and its vm_pgoff becomes pfn: the linearity rule that
	 *    vm_normal_page needs without a special bit (seed 000).
	 * 3. The VMA becomes VM_PFNMAP | VM_IO | VM_DONTEXPAND.
	 * 4. For each page: insert_pte finds (or makes) its PTE; set it to
	 *    the frame with prot, special (pte_mkspecial), and read-only in
	 *    a COW mapping (pte_wrprotect): the first write must copy.
	 *    Count vm_events.pfn_maps.  An error from insert_pte is
	 *    returned as is (the caller's failed mmap removes the VMA).
	 */
	return -EINVAL;
}
