// SPDX-License-Identifier: MIT
/*
 * The mirror device on address spaces built here, through a test DMA
 * engine: a "device" kernel thread that completes each transfer a few
 * ticks after it starts (so a transfer is really in flight while the test
 * changes the page tables), or never (a hung device).
 */
#include <kernel/drivers/hmm_dmirror.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/testing.h>
#include <mm/slab.h>
#include <pagoda/abi.h>

#define BASE 0x10000000UL
#define DEVICE_DELAY 3 /* ticks from start to completion */

/* The test engine: its interrupt is a kernel thread, "the device". */
static struct test_dev {
	struct dma_engine engine;
	unsigned long dst_pfn, src_pfn;
	bool started, completed, quit;
	struct wait_queue kick;
} tdev;

static void test_start(struct dma_engine *e, unsigned long dst_pfn,
		       unsigned long src_pfn)
{
	tdev.dst_pfn = dst_pfn;
	tdev.src_pfn = src_pfn;
	tdev.completed = false;
	tdev.started = true;
	wake_up(&tdev.kick);
}

static bool test_idle(struct dma_engine *e)
{
	return !tdev.started;
}

static const struct dma_engine_ops test_ops = {
	.start = test_start,
	.idle = test_idle,
};

static int device_thread(void *unused)
{
	while (!tdev.quit) {
		wait_event_uninterruptible(&tdev.kick,
					   tdev.started || tdev.quit);
		if (!tdev.started)
			continue;
		wait_event_timeout(&tdev.kick, false, DEVICE_DELAY);
		copy_page(__va(PFN_PHYS(tdev.dst_pfn)),
			  __va(PFN_PHYS(tdev.src_pfn)));
		tdev.started = false;
		tdev.completed = true;
		dma_engine_complete(&tdev.engine);
	}
	return 0;
}

static struct task_struct *device_up(void)
{
	tdev = (struct test_dev){
		.engine = { .name = "test",
			    .ops = &test_ops,
			    .max_pfn = max_pfn,
			    .timeout = 10 },
	};
	init_wait_queue(&tdev.kick);
	init_wait_queue(&tdev.engine.idle_wait);
	init_wait_queue(&tdev.engine.done_wait);
	return kthread_create(device_thread, NULL, "testdev");
}

static void device_down(struct task_struct *th)
{
	tdev.quit = true;
	wake_up(&tdev.kick);
	kthread_wait(th);
}

/* Caller side of a transfer: a kernel buffer. */
static int kbuf_to(struct dmirror_xfer *x, unsigned long offset,
		   const void *src, size_t size)
{
	memcpy((char *)x->buf + offset, src, size);
	return 0;
}

static int kbuf_from(struct dmirror_xfer *x, unsigned long offset, void *dst,
		     size_t size)
{
	memcpy(dst, (char *)x->buf + offset, size);
	return 0;
}

struct op {
	struct hmm_dmirror_cmd cmd;
	struct dmirror_xfer x;
};

static struct dmirror_xfer *op_init(struct op *op, unsigned long addr,
				    unsigned long npages, void *buf)
{
	op->cmd = (struct hmm_dmirror_cmd){ .addr = addr, .npages = npages };
	op->x = (struct dmirror_xfer){ .cmd = &op->cmd,
				       .buf = buf,
				       .to_caller = kbuf_to,
				       .from_caller = kbuf_from };
	return &op->x;
}

/* What each case works with: the device, a mirrored mm, a buffer. */
struct fixture {
	struct task_struct *device;
	struct mm_struct *mm;
	char *buf;
	struct dmirror *dm;
};

static bool fixture_up(struct fixture *f, unsigned long pages)
{
	f->device = device_up();
	f->mm = test_anon_mm(BASE, pages);
	f->buf = kmalloc(2 * PAGE_SIZE);
	f->dm = f->mm ? dmirror_create(f->mm, &tdev.engine) : ERR_PTR(-ENOMEM);
	return f->device && f->buf && !IS_ERR(f->dm);
}

/* Also after a failed fixture_up; the case may have dropped mm itself. */
static void fixture_down(struct fixture *f)
{
	if (!IS_ERR(f->dm))
		dmirror_destroy(f->dm);
	if (f->mm)
		mmput(f->mm);
	kfree(f->buf);
	if (f->device)
		device_down(f->device);
}

static char *page_at(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = follow_page(mm, addr);

	return page ? page_address(page) : NULL;
}

/* addr's first byte; 0 if no page is mapped there (a failure, not a panic). */
static char byte_at(struct mm_struct *mm, unsigned long addr)
{
	char *p = page_at(mm, addr);

	return p ? p[0] : 0;
}

/*
 * A device read faults the pages in as the CPU would (zero page for
 * untouched memory), fills the table from the PTEs, and holds no page.
 */
static void read_fills_table_without_pinning(struct ktest *t)
{
	struct fixture f;
	struct op op;
	char *cpu;

	if (fixture_up(&f, 2)) {
		handle_mm_fault(f.mm, BASE, FAULT_FLAG_WRITE);
		cpu = page_at(f.mm, BASE);
		cpu[0] = 'x';
		KTEST_EXPECT_EQ(
			t, dmirror_read(f.dm, op_init(&op, BASE, 1, f.buf)), 0);
		KTEST_EXPECT_EQ(t, f.buf[0], 'x');
		KTEST_EXPECT_EQ(t, op.cmd.cpages, 1);
		KTEST_EXPECT_EQ(t, op.cmd.faults, 1);
		KTEST_EXPECT_EQ(t, page_count(virt_to_page(cpu)),
				1); /* no pin */
		KTEST_EXPECT_EQ(t, dmirror_entry(f.dm, BASE) >> PAGE_SHIFT,
				page_to_pfn(virt_to_page(cpu)));
		KTEST_EXPECT_EQ(
			t, dmirror_entry(f.dm, BASE) & (DPT_WRITE | DPT_YOUNG),
			DPT_WRITE | DPT_YOUNG);
		/* Warm: no fault.  Untouched memory: the zero page, read-only. */
		KTEST_EXPECT_EQ(
			t, dmirror_read(f.dm, op_init(&op, BASE, 2, f.buf)), 0);
		KTEST_EXPECT_EQ(t, op.cmd.faults, 1); /* the second page only */
		KTEST_EXPECT_EQ(
			t, dmirror_entry(f.dm, BASE + PAGE_SIZE) >> PAGE_SHIFT,
			page_to_pfn(zero_page));
		KTEST_EXPECT_FALSE(t, dmirror_entry(f.dm, BASE + PAGE_SIZE) &
					      DPT_WRITE);
	} else {
		ktest_fail(t, __FILE__, __LINE__, "no fixture");
	}
	fixture_down(&f);
}

static int write_one_page(void *arg)
{
	struct dmirror *dm = arg;
	static char data[PAGE_SIZE];
	struct op op;

	memset(data, 'd', sizeof(data));
	return dmirror_write(dm, op_init(&op, BASE, 1, data));
}

/*
 * munmap while the device is writing the page: the invalidation waits
 * for the transfer before the page can be freed.
 */
static void invalidation_waits_for_dma(struct ktest *t)
{
	struct task_struct *writer = NULL;
	struct fixture f;

	if (fixture_up(&f, 1))
		writer = kthread_create(write_one_page, f.dm, "writer");
	if (writer) {
		wait_event_timeout(&tdev.kick, tdev.started, HZ);
		KTEST_EXPECT_TRUE(t, tdev.started && !tdev.completed);
		do_munmap(f.mm, BASE, PAGE_SIZE);
		KTEST_EXPECT_TRUE(t, tdev.completed); /* before the page went */
		KTEST_EXPECT_EQ(t, f.dm->dma_waits, 1);
		KTEST_EXPECT_EQ(t, dmirror_entry(f.dm, BASE), 0);
		KTEST_EXPECT_EQ(t, kthread_wait(writer), 0);
	} else {
		ktest_fail(t, __FILE__, __LINE__, "no fixture");
	}
	fixture_down(&f);
}

/*
 * After fork the parent's page is COW-shared: the device's write breaks
 * it in the parent (handle_mm_fault), the child keeps the old data.
 */
static void device_write_breaks_cow(struct ktest *t)
{
	struct mm_struct *child = NULL;
	struct fixture f;
	struct op op;

	if (fixture_up(&f, 1)) {
		handle_mm_fault(f.mm, BASE, FAULT_FLAG_WRITE);
		page_at(f.mm, BASE)[0] = 'p';
		KTEST_EXPECT_EQ(
			t, dmirror_read(f.dm, op_init(&op, BASE, 1, f.buf)), 0);
		child = dup_mm(f.mm); /* write-protects the parent */
	}
	if (child) {
		KTEST_EXPECT_EQ(t, dmirror_entry(f.dm, BASE), 0);
		f.buf[0] = 'w';
		KTEST_EXPECT_EQ(
			t, dmirror_write(f.dm, op_init(&op, BASE, 1, f.buf)),
			0);
		KTEST_EXPECT_EQ(t, byte_at(f.mm, BASE), 'w');
		KTEST_EXPECT_EQ(t, byte_at(child, BASE), 'p');
		mmput(child);
	} else {
		ktest_fail(t, __FILE__, __LINE__, "no fixture");
	}
	fixture_down(&f);
}

/*
 * A device that never completes: the write fails with EIO, the page the
 * transfer may still reach stays held until the device is idle, and then
 * the engine works again.
 */
static void hung_device_times_out(struct ktest *t)
{
	struct page *page = NULL;
	struct fixture f;
	struct op op;

	if (fixture_up(&f, 1)) {
		tdev.engine.drop_next = true;
		tdev.engine.stuck = true;
		KTEST_EXPECT_EQ(
			t, dmirror_write(f.dm, op_init(&op, BASE, 1, f.buf)),
			-EIO);
		KTEST_EXPECT_EQ(t, op.cmd.cpages, 0);
		KTEST_EXPECT_EQ(t, tdev.engine.timeouts, 1);
		page = follow_page(f.mm, BASE);
	}
	if (page) {
		KTEST_EXPECT_EQ(t, page_count(page), 2); /* quarantined */
		do_munmap(f.mm, BASE, PAGE_SIZE);
		KTEST_EXPECT_EQ(t, page_count(page), 1); /* not freed */
		KTEST_EXPECT_EQ(t,
				map_anon(f.mm, BASE, BASE + PAGE_SIZE,
					 VM_READ | VM_WRITE),
				0);
		KTEST_EXPECT_EQ(
			t, dmirror_write(f.dm, op_init(&op, BASE, 1, f.buf)),
			-EIO); /* still busy */
		tdev.engine.stuck = false;
		f.buf[0] = 'r';
		KTEST_EXPECT_EQ(
			t, dmirror_write(f.dm, op_init(&op, BASE, 1, f.buf)),
			0);
		KTEST_EXPECT_EQ(t, byte_at(f.mm, BASE), 'r');
		KTEST_EXPECT_FALSE(t, tdev.engine.quarantine);
	} else {
		ktest_fail(t, __FILE__, __LINE__, "no fixture");
	}
	fixture_down(&f);
}

/*
 * A transfer to frame 0 that times out on a device still running (frame 0
 * once meant "nothing quarantined"): whatever the frame, the engine takes
 * no new transfer until it is idle, and a page held for the old one, with
 * the reference taken for it, is given back then.
 */
static void hung_transfer_to_frame_0(struct ktest *t)
{
	struct page *page0 = pfn_valid(0) ? pfn_to_page(0) : NULL;
	struct page *src = alloc_page(), *dst = alloc_page();
	struct task_struct *device = device_up();
	int count0 = page0 ? page_count(page0) : 0;

	if (!src || !dst || !device) {
		ktest_fail(t, __FILE__, __LINE__, "no pages or no device");
		goto out;
	}
	tdev.engine.drop_next = true; /* never started: nothing lands */
	tdev.engine.stuck = true;
	KTEST_EXPECT_EQ(t, dma_copy_page(&tdev.engine, 0, page_to_pfn(src)),
			-EIO);
	KTEST_EXPECT_EQ(t, tdev.engine.timeouts, 1);
	if (page0)
		KTEST_EXPECT_EQ(t, page_count(page0), count0 + 1);
	tdev.engine.drop_next = true;
	KTEST_EXPECT_EQ(
		t,
		dma_copy_page(&tdev.engine, page_to_pfn(dst), page_to_pfn(src)),
		-EIO); /* refused, not started */
	KTEST_EXPECT_EQ(t, tdev.engine.timeouts, 1);
	tdev.engine.stuck = false;
	tdev.engine.drop_next = false;
	KTEST_EXPECT_EQ(
		t,
		dma_copy_page(&tdev.engine, page_to_pfn(dst), page_to_pfn(src)),
		0);
	if (page0)
		KTEST_EXPECT_EQ(t, page_count(page0), count0);
	KTEST_EXPECT_FALSE(t, tdev.engine.quarantine);
out:
	if (device)
		device_down(device);
	if (src)
		free_pages(src, 0);
	if (dst)
		free_pages(dst, 0);
}

/* Reclaim's question reaches the device's accessed bits. */
static void young_bits(struct ktest *t)
{
	struct fixture f;
	struct op op;

	if (fixture_up(&f, 1)) {
		KTEST_EXPECT_FALSE(t, mmu_notifier_test_young(f.mm, BASE));
		KTEST_EXPECT_EQ(
			t, dmirror_read(f.dm, op_init(&op, BASE, 1, f.buf)), 0);
		KTEST_EXPECT_TRUE(t, mmu_notifier_test_young(f.mm, BASE));
		KTEST_EXPECT_TRUE(t, mmu_notifier_clear_flush_young(
					     f.mm, BASE, BASE + PAGE_SIZE));
		KTEST_EXPECT_FALSE(t, mmu_notifier_test_young(f.mm, BASE));
		KTEST_EXPECT_TRUE(t, dmirror_entry(f.dm, BASE) & DPT_VALID);
	} else {
		ktest_fail(t, __FILE__, __LINE__, "no fixture");
	}
	fixture_down(&f);
}

/* Exit: the table goes with the address space; no entry survives. */
static void release_drops_table(struct ktest *t)
{
	struct fixture f;
	struct op op;

	if (fixture_up(&f, 4)) {
		KTEST_EXPECT_EQ(
			t, dmirror_read(f.dm, op_init(&op, BASE, 1, f.buf)), 0);
		KTEST_EXPECT_GT(t, f.dm->table_pages, 0);
		mmput(f.mm);
		f.mm = NULL;
		KTEST_EXPECT_TRUE(t, f.dm->released);
		KTEST_EXPECT_TRUE(t, f.dm->pgd == NULL);
		KTEST_EXPECT_EQ(t, dmirror_entry(f.dm, BASE), 0);
		KTEST_EXPECT_EQ(
			t, dmirror_read(f.dm, op_init(&op, BASE, 1, f.buf)),
			-EFAULT);
	} else {
		ktest_fail(t, __FILE__, __LINE__, "no fixture");
	}
	fixture_down(&f);
}

/* The real engine, where the machine has it: one page, end to end. */
static void edu_copies_a_page(struct ktest *t)
{
	struct dma_engine *edu = dma_get_engine("edu");
	char *src = get_zeroed_page(), *dst = get_zeroed_page();

	if (!edu) {
		ktest_skip(t, "no edu device on this machine");
	} else if (src && dst) {
		for (unsigned long i = 0; i < PAGE_SIZE; i++)
			src[i] = (char)(i * 13 + 1);
		KTEST_EXPECT_EQ(t,
				dma_copy_page(edu,
					      page_to_pfn(virt_to_page(dst)),
					      page_to_pfn(virt_to_page(src))),
				0);
		KTEST_EXPECT_EQ(t, memcmp(dst, src, PAGE_SIZE), 0);
	}
	if (src)
		free_page(src);
	if (dst)
		free_page(dst);
}

KTEST_SUITE(hmm_dmirror, KTEST_CASE(edu_copies_a_page),
	    KTEST_CASE(read_fills_table_without_pinning),
	    KTEST_CASE(invalidation_waits_for_dma),
	    KTEST_CASE(device_write_breaks_cow),
	    KTEST_CASE(hung_device_times_out),
	    KTEST_CASE(hung_transfer_to_frame_0), KTEST_CASE(young_bits),
	    KTEST_CASE(release_drops_table));
