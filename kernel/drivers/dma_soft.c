// SPDX-License-Identifier: MIT
/*
 * The software DMA engine: the CPU copies the page through the direct map
 * and completes at once.  It stands behind the same interface as a real
 * engine (dma_engine.h), for machines without one and for fast tests.
 */
#include <kernel/drivers/dma_engine.h>
#include <mm/mm.h>

static void soft_start(struct dma_engine *e, unsigned long dst_pfn,
		       unsigned long src_pfn)
{
	copy_page(__va(PFN_PHYS(dst_pfn)), __va(PFN_PHYS(src_pfn)));
	dma_engine_complete(e);
}

static bool soft_idle(struct dma_engine *e)
{
	return true;
}

static const struct dma_engine_ops soft_ops = {
	.start = soft_start,
	.idle = soft_idle,
};

static struct dma_engine dma_soft_engine = {
	.name = "soft",
	.ops = &soft_ops,
};

void dma_soft_init(void)
{
	/* RAM with a struct page: the direct map has it, the CPU can copy. */
	dma_soft_engine.max_pfn = max_pfn;
	dma_engine_register(&dma_soft_engine);
}
