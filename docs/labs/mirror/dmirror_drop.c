/* Lab mirror: the skeleton of dmirror_drop (kernel/drivers/hmm_dmirror.c). */
static noinline void dmirror_drop(struct dmirror *dm, unsigned long start,
				  unsigned long end)
{
	/*
	 * TODO (lab mirror): the work of an invalidation of [start, end)
	 * (seed 004: after this returns, the CPU's PTEs there change and
	 * their pages may be freed or copied).
	 *
	 * 1. A transfer in flight to the range (dma_on) must finish first:
	 *    count dm->dma_waits and sleep on dm->dma_done until dma_on is
	 *    false.  Uninterruptibly: not even a kill may cut the wait
	 *    short, since the page may be freed as soon as we return.
	 * 2. Then drop the device's entries in the range, if the table may
	 *    hold any (mapped_in): dpt_walk over dm->pgd from the top level
	 *    (DPT_LEVELS - 1) with clear_entry, adding what it cleared to
	 *    dm->dropped.
	 */
}
