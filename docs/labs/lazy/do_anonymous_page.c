/* Lab lazy: the skeleton of do_anonymous_page (mm/memory.c). */
static int do_anonymous_page(struct mm_struct *mm, struct vm_area_struct *vma,
			     unsigned long addr, pte_t *pte, unsigned int flags)
{
	/*
	 * TODO (lab lazy): the first touch of a page of anonymous memory;
	 * *pte is empty (pte_none) and the VMA allows the access.
	 *
	 * 1. A read needs no page of its own.  Point the PTE at the shared
	 *    zero_page: the VMA's rights (vm_get_page_prot) made read-only
	 *    (pte_wrprotect) and special (pte_mkspecial), so that nothing
	 *    ever counts or frees it.  Count it in vm_events.zero_page_maps.
	 * 2. A write (flags & FAULT_FLAG_WRITE) gets a fresh zeroed page
	 *    (get_zeroed_page; none left is VM_FAULT_OOM), mapped with
	 *    map_page, writable only if the VMA is (exec fills read-only
	 *    text with FAULT_FLAG_FORCE writes).  Count vm_events.anon_pages.
	 * 3. Return 0: the faulting instruction runs again and succeeds.
	 */
	return VM_FAULT_SIGSEGV;
}
