/* Lab normal-page: the skeleton of vm_normal_page without a special bit. */
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte)
{
	/*
	 * TODO (lab normal-page): the struct page the VM may count and free
	 * for this PTE, or NULL for a raw frame it must leave alone; with no
	 * special bit in the PTE, the VMA decides (seed 000, docs/seeds.md).
	 *
	 * 1. VM_MIXEDMAP: a frame with a struct page (pfn_valid) is counted;
	 *    any other is raw.
	 * 2. VM_PFNMAP: only a COW mapping (is_cow_mapping) can hold a
	 *    normal page, the copy a write made, so every frame of any other
	 *    PFN map is raw.  In a COW mapping remap_pfn_range maps frame
	 *    vm_pgoff at vm_start and so on linearly: a frame at exactly its
	 *    linear place is raw, any other is a COW copy, normal.
	 * 3. The zero page is raw in every VMA (is_zero_pfn).
	 * 4. Everything else is a normal page: pfn_to_page(pte_pfn(pte)).
	 */
	return NULL;
}
