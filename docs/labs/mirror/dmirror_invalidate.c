/* Lab mirror: the skeleton of dmirror_invalidate (kernel/drivers/hmm_dmirror.c). */
static void dmirror_invalidate(struct dmirror *dm, unsigned long start,
			       unsigned long end)
{
	/*
	 * TODO (lab mirror): the primary MMU is about to change [start, end)
	 * (invalidate_range_start, and release for the whole space).
	 *
	 * 1. With interrupts off (arch_local_irq_save): the device fault
	 *    path reads dm->seq, walks the CPU's page table, and installs
	 *    its entry only if dm->seq has not moved (section 6.6).  Bump
	 *    dm->seq so that a device fault racing this one installs
	 *    nothing; count dm->invalidations.
	 * 2. Most invalidations touch neither the transfer in flight
	 *    (dma_on) nor anything the device mapped (mapped_in): keep that
	 *    case to these tests, and call dmirror_drop for the rest.
	 */
}
