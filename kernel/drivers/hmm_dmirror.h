/* SPDX-License-Identifier: MIT */
/*
 * The mirror device (kernel/drivers/hmm_dmirror.c): a DMA device with its
 * own page table of a process's addresses, kept coherent by an MMU
 * notifier instead of by pinning pages.  The file interface is
 * /dev/hmm_dmirror0 and 1 (<linux/test_hmm.h>); this header is for the
 * in-kernel tests, which drive a mirror of an mm they build.
 */
#ifndef _KERNEL_DRIVERS_HMM_DMIRROR_H
#define _KERNEL_DRIVERS_HMM_DMIRROR_H

#include <kernel/drivers/dma_engine.h>
#include <linux/test_hmm.h>
#include <mm/mmu_notifier.h>

struct dmirror {
	struct mmu_notifier mn;
	struct mm_struct *mm; /* the mirrored address space (held by mn) */
	struct dma_engine *engine;
	/*
	 * The device's page table: four levels of 512 entries, as x86-64's,
	 * but walked by the driver.  A leaf holds a frame and DPT_* bits.
	 * No entry holds a page reference: the notifier keeps them true.
	 */
	u64 *pgd;
	unsigned long table_pages;
	unsigned long lo, hi;	/* every entry ever made lies in [lo, hi) */
	unsigned long seq;	/* invalidations so far: a device fault that
			    * raced with one installs nothing and retries */
	bool released;		/* the mm has gone (exit): no more mapping */
	unsigned long dma_addr; /* user page under DMA while dma_busy */
	bool dma_busy;
	struct wait_queue dma_done;
	unsigned long invalidations, dropped, dma_waits; /* for the tests */
};

/* How a transfer's pages reach the caller: kernel tests use memcpy. */
struct dmirror_xfer {
	struct hmm_dmirror_cmd *cmd;
	void *buf;
	/* Copy size bytes at offset of buf from or to the driver's page. */
	int (*to_caller)(struct dmirror_xfer *x, unsigned long offset,
			 const void *src, size_t size);
	int (*from_caller)(struct dmirror_xfer *x, unsigned long offset,
			   void *dst, size_t size);
};

/* A mirror of mm moving data through engine; ERR_PTR on failure. */
struct dmirror *dmirror_create(struct mm_struct *mm, struct dma_engine *engine);
void dmirror_destroy(struct dmirror *dm);

/* HMM_DMIRROR_READ / WRITE / SNAPSHOT on a checked command: 0 or -errno. */
int dmirror_read(struct dmirror *dm, struct dmirror_xfer *x);
int dmirror_write(struct dmirror *dm, struct dmirror_xfer *x);
int dmirror_snapshot(struct dmirror *dm, struct dmirror_xfer *x);

/* The device's entry for addr, DPT_* bits and frame; 0 if none. */
u64 dmirror_entry(struct dmirror *dm, unsigned long addr);
#define DPT_VALID 0x1
#define DPT_WRITE 0x2
#define DPT_YOUNG 0x4 /* used by a transfer since reclaim last asked */
#define DPT_FLAGS 0xfff

#endif
