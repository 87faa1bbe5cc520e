/* Lab cow: the skeleton of do_wp_page (mm/memory.c). */
static int do_wp_page(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long addr, pte_t *pte)
{
	/*
	 * TODO (lab cow): a write to a present PTE without _PAGE_RW, in a
	 * VMA that allows writing.  vm_normal_page(vma, addr, *pte) gives
	 * the counted page behind it, or NULL for the zero page or a raw
	 * frame; pte_pfn(*pte) gives the frame either way.
	 *
	 * 1. Write in place when nobody else can see it: in a shared mapping
	 *    (!is_cow_mapping(vma->vm_flags)) unless the frame is the zero
	 *    page (is_zero_pfn), marking a counted page dirty (SetPageDirty);
	 *    in a COW mapping only if the page is counted and this PTE is
	 *    its sole user (page_count and page_mapcount both 1), counting
	 *    vm_events.cow_reuses.  In place: pte_mkwrite, set_pte, then
	 *    flush_tlb_page(addr), as the TLB may hold the read-only entry.
	 * 2. Otherwise copy: a new page (alloc_page_address, or
	 *    VM_FAULT_OOM), the frame's bytes copied in (cow_user_page);
	 *    tell secondary MMUs before the PTE changes
	 *    (mmu_notifier_range_init with MMU_NOTIFY_COW_BREAK,
	 *    mmu_notifier_invalidate_range_start, ..._end after the flush);
	 *    drop this PTE's hold on the old page (unmap_page, if counted),
	 *    map the copy writable (map_page), flush_tlb_page, count_cow(mm).
	 * 3. Return 0.
	 */
	return VM_FAULT_SIGSEGV;
}
