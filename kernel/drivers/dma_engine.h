/* SPDX-License-Identifier: MIT */
/*
 * DMA engines: hardware that copies memory by itself while the CPU does
 * something else, and says so by an interrupt.  The mirror device
 * (kernel/drivers/hmm_dmirror.c) moves its data through one of these:
 *
 *	edu	QEMU's educational PCI device (kernel/drivers/edu.c): a real
 *		bus master, one page at a time through its 4 KiB buffer
 *	soft	the CPU standing in for one (kernel/drivers/dma_soft.c), for
 *		machines without the device
 *
 * An engine does one transfer at a time.  dma_copy_page() takes the engine,
 * starts the copy, and sleeps until the completion interrupt or a timeout.
 * A transfer that timed out may still land later: its destination page is
 * then held (a page reference, "quarantine") until the engine is seen
 * idle, so that it cannot be freed and reused under the DMA -- the rule the
 * whole mirror device is about.
 */
#ifndef _KERNEL_DRIVERS_DMA_ENGINE_H
#define _KERNEL_DRIVERS_DMA_ENGINE_H

#include <kernel/list.h>
#include <kernel/types.h>
#include <kernel/wait.h>

struct page;

/* A transfer that has not completed after this many ticks has failed. */
#define DMA_TIMEOUT_TICKS (2 * HZ)

struct dma_engine;

struct dma_engine_ops {
	/* Start copying one page from frame src to frame dst. */
	void (*start)(struct dma_engine *e, unsigned long dst_pfn,
		      unsigned long src_pfn);
	/* Has the engine stopped touching memory?  (Asked after a timeout.) */
	bool (*idle)(struct dma_engine *e);
};

struct dma_engine {
	const char *name;
	const struct dma_engine_ops *ops;
	unsigned long max_pfn; /* highest frame it can address, plus one */
	unsigned long timeout; /* ticks a transfer may take; 0: the default */
	struct list_head list; /* on dma_engines */

	bool busy; /* a transfer is going: others wait on idle_wait */
	struct wait_queue idle_wait;
	bool done; /* set by dma_engine_complete, from the interrupt */
	struct wait_queue done_wait;
	bool hung; /* a transfer timed out and the engine was not idle */
	struct page *quarantine; /* its destination page, held; or NULL */

	/* Fault injection for the tests: swallow the next start, as a hung
	 * device would; with stuck, also claim not to be idle until cleared. */
	bool drop_next, stuck;

	unsigned long transfers, timeouts, irqs;
};

/* Make e available to dma_get_engine; its name picks it. */
void dma_engine_register(struct dma_engine *e);
/* The engine called name, or NULL. */
struct dma_engine *dma_get_engine(const char *name);

/* Register the software engine (at boot, before the devices' drivers). */
void dma_soft_init(void);

/* The engine's interrupt handler: the transfer has finished. */
void dma_engine_complete(struct dma_engine *e);

/* Copy a page: 0, or -EIO if the engine did not complete in time. */
int dma_copy_page(struct dma_engine *e, unsigned long dst_pfn,
		  unsigned long src_pfn);

#endif
