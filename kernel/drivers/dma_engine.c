// SPDX-License-Identifier: MIT
/*
 * The DMA engine core (see dma_engine.h): one transfer at a time per
 * engine, completion by interrupt, a timeout, and the quarantine that keeps
 * a page alive under a transfer that may still land.
 */
#include <kernel/drivers/dma_engine.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/mm.h>

static LIST_HEAD(dma_engines);

void dma_engine_register(struct dma_engine *e)
{
	init_wait_queue(&e->idle_wait);
	init_wait_queue(&e->done_wait);
	list_add_tail(&e->list, &dma_engines);
}

struct dma_engine *dma_get_engine(const char *name)
{
	struct dma_engine *e;

	list_for_each_entry (e, &dma_engines, list)
		if (!strcmp(e->name, name))
			return e;
	return NULL;
}

void dma_engine_complete(struct dma_engine *e)
{
	e->done = true;
	e->irqs++;
	wake_up(&e->done_wait);
}

static bool engine_idle(struct dma_engine *e)
{
	return !e->stuck && e->ops->idle(e);
}

/* Take the engine: wait for the transfer another thread is running. */
static void engine_get(struct dma_engine *e)
{
	wait_event_uninterruptible(&e->idle_wait, !e->busy);
	e->busy = true;
}

/*
 * May a new transfer start?  Not while a transfer that timed out may still
 * be running: it may yet write its destination.  Once the engine is idle,
 * the page held for it goes.  So a transfer starts only with the
 * quarantine empty, and a timeout never finds a page already held there.
 */
static bool engine_ready(struct dma_engine *e)
{
	if (!e->hung)
		return true;
	if (!engine_idle(e))
		return false;
	e->hung = false;
	if (e->quarantine) {
		put_page(e->quarantine);
		e->quarantine = NULL;
	}
	return true;
}

static void engine_put(struct dma_engine *e)
{
	e->busy = false;
	wake_up(&e->idle_wait);
}

/*
 * A transfer that timed out.  If the engine has stopped, nothing more can
 * happen; if not, the destination may still be written, so a page there
 * keeps a reference until the engine is idle (a device's frame has no page
 * to hold; the engine refuses work until then all the same).
 */
static void dma_timed_out(struct dma_engine *e, unsigned long dst_pfn)
{
	e->timeouts++;
	printk("dma: %s: transfer to frame %#lx timed out\n", e->name, dst_pfn);
	if (engine_idle(e))
		return;
	e->hung = true;
	if (!pfn_valid(dst_pfn))
		return;
	e->quarantine = pfn_to_page(dst_pfn);
	get_page(e->quarantine);
}

int dma_copy_page(struct dma_engine *e, unsigned long dst_pfn,
		  unsigned long src_pfn)
{
	int err = 0;

	if (dst_pfn >= e->max_pfn || src_pfn >= e->max_pfn)
		return -EIO; /* beyond what it can address: never truncate */
	engine_get(e);
	if (!engine_ready(e)) {
		engine_put(e); /* still running the old transfer */
		return -EIO;
	}
	e->done = false;
	e->transfers++;
	if (e->drop_next)
		e->drop_next = false;
	else
		e->ops->start(e, dst_pfn, src_pfn);
	if (!wait_event_timeout(&e->done_wait, e->done,
				e->timeout ? e->timeout : DMA_TIMEOUT_TICKS)) {
		dma_timed_out(e, dst_pfn);
		err = -EIO;
	}
	engine_put(e);
	return err;
}
