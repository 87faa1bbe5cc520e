// SPDX-License-Identifier: MIT
/*
 * The mirror device: a DMA device that reaches a process's memory through
 * its own page table, after Linux's lib/test_hmm.c ("dmirror"), with a real
 * DMA engine behind it (kernel/drivers/dma_engine.h).  It is the secondary
 * MMU of seed 004, and it never pins a page.
 *
 *   device fault   the table has no entry (or a read-only one for a
 *                  write): walk the process's page table; where the page
 *                  is missing or write-protected, call handle_mm_fault as
 *                  the CPU would (zero page, COW, file pages all behave);
 *                  then copy the PTE's frame and rights into the table.
 *                  No page reference is taken, so none outlives the fault.
 *   transfer       the engine copies between the entry's frame and a
 *                  bounce page of the driver; the caller's buffer is
 *                  copied to or from the bounce page by the CPU.
 *   invalidation   the MMU notifier: before the primary MMU removes or
 *                  write-protects PTEs, drop the device's entries for them,
 *                  after waiting for a transfer in flight on them.  So a
 *                  page is never freed, or replaced by a COW copy, while the
 *                  device can still reach it.
 *   release        the process exits (or execs): drop everything.
 *
 * Races: the device fault reads dm->seq before it walks and installs its
 * entry only if no invalidation ran meanwhile (Linux's
 * mmu_interval_read_begin / read_retry).  The table and seq change with
 * interrupts off under the kernel lock (kernel/smp.h: no other kernel code
 * runs meanwhile), so an install and an invalidation never interleave.
 *
 * /dev/hmm_dmirror0 moves data with QEMU's edu device when the machine
 * has one (else the software engine); /dev/hmm_dmirror1 always uses the
 * software engine.  Each open mirrors the opener's address space.
 */
#include <asm/irqflags.h>
#include <kernel/drivers/hmm_dmirror.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/sched.h>
#include <kernel/uaccess.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap_lock.h>
#include <mm/slab.h>

#define DPT_LEVELS 4
#define DPT_ENTRIES 512
/* Device faults in a row without progress before giving up (Linux: EBUSY). */
#define MAX_FAULT_ROUNDS 16

/* In u64: the table spans 48 bits of address on 32-bit machines too. */
static unsigned int dpt_index(u64 addr, int level)
{
	return (addr >> (PAGE_SHIFT + 9 * level)) & (DPT_ENTRIES - 1);
}

/*
 * The leaf entry for addr, allocating the tables on the way if alloc.
 * Upper levels hold the next table's kernel address: the walker is the
 * driver, not hardware (an IOMMU would want physical addresses).
 */
static u64 *dpt_entry(struct dmirror *dm, unsigned long addr, bool alloc)
{
	u64 *table = dm->pgd;

	for (int level = DPT_LEVELS - 1; level > 0; level--) {
		u64 *e = &table[dpt_index(addr, level)];

		if (!*e) {
			void *next = alloc ? get_zeroed_page() : NULL;

			if (!next)
				return NULL;
			*e = (unsigned long)next;
			dm->table_pages++;
		}
		table = (u64 *)(unsigned long)*e;
	}
	return &table[dpt_index(addr, 0)];
}

/*
 * Call fn on every leaf entry in [start, end) of the table at level that
 * maps from base; absent subtrees are skipped, so a large sparse range
 * costs what is mapped in it.  Returns the sum of fn's answers.
 */
static unsigned long dpt_walk(u64 *table, int level, u64 base, u64 start,
			      u64 end, unsigned long (*fn)(u64 *entry))
{
	u64 span = (u64)PAGE_SIZE << (9 * level);
	unsigned long sum = 0;
	unsigned int first = start > base ? (start - base) / span : 0;
	unsigned int last = min((end - 1 - base) / span, DPT_ENTRIES - 1ULL);

	for (unsigned int i = first; i <= last; i++) {
		if (!table[i])
			continue;
		if (level == 0)
			sum += fn(&table[i]);
		else
			sum += dpt_walk((u64 *)(unsigned long)table[i],
					level - 1, base + i * span, start, end,
					fn);
	}
	return sum;
}

static unsigned long clear_entry(u64 *entry)
{
	*entry = 0;
	return 1;
}

static unsigned long clear_young(u64 *entry)
{
	bool young = *entry & DPT_YOUNG;

	*entry &= ~DPT_YOUNG;
	return young;
}

static void dpt_free(u64 *table, int level)
{
	for (int i = 0; level > 0 && i < DPT_ENTRIES; i++)
		if (table[i])
			dpt_free((u64 *)(unsigned long)table[i], level - 1);
	free_page(table);
}

u64 dmirror_entry(struct dmirror *dm, unsigned long addr)
{
	u64 *e = dm->pgd ? dpt_entry(dm, addr, false) : NULL;

	return e ? *e : 0;
}

static bool dma_on(struct dmirror *dm, unsigned long start, unsigned long end)
{
	return dm->dma_busy && dm->dma_addr >= start && dm->dma_addr < end;
}

/* Might the table hold an entry in [start, end)? */
static bool mapped_in(struct dmirror *dm, unsigned long start,
		      unsigned long end)
{
	return dm->pgd && start < dm->hi && end > dm->lo;
}

/*
 * An invalidation that has work: finish the transfer going to the range,
 * if any, then drop the range's entries.  The wait cannot be cut short,
 * even by a kill: the page may be freed as soon as we return.
 */
static noinline void dmirror_drop(struct dmirror *dm, unsigned long start,
				  unsigned long end)
{
	if (dma_on(dm, start, end)) {
		dm->dma_waits++;
		wait_event_uninterruptible(&dm->dma_done,
					   !dma_on(dm, start, end));
	}
	if (mapped_in(dm, start, end))
		dm->dropped += dpt_walk(dm->pgd, DPT_LEVELS - 1, 0, start, end,
					clear_entry);
}

/*
 * The primary MMU is about to change [start, end).  Most invalidations
 * (a COW break, an munmap elsewhere) miss both the transfer and all the
 * device ever mapped: then this is a few tests, kept apart from the work.
 */
static void dmirror_invalidate(struct dmirror *dm, unsigned long start,
			       unsigned long end)
{
	unsigned long flags = arch_local_irq_save();

	dm->seq++;
	dm->invalidations++;
	if (dma_on(dm, start, end) || mapped_in(dm, start, end))
		dmirror_drop(dm, start, end);
	arch_local_irq_restore(flags);
}

static struct dmirror *to_dmirror(struct mmu_notifier *mn)
{
	return container_of(mn, struct dmirror, mn);
}

static void dmirror_invalidate_range_start(struct mmu_notifier *mn,
					   const struct mmu_notifier_range *r)
{
	dmirror_invalidate(to_dmirror(mn), r->start, r->end);
}

/* Exit or execve: the address space goes; so does the whole table. */
static void dmirror_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	struct dmirror *dm = to_dmirror(mn);

	dmirror_invalidate(dm, 0, TASK_SIZE);
	dm->released = true;
	if (dm->pgd)
		dpt_free(dm->pgd, DPT_LEVELS - 1);
	dm->pgd = NULL;
	dm->table_pages = 0;
}

static bool dmirror_clear_flush_young(struct mmu_notifier *mn,
				      struct mm_struct *mm, unsigned long start,
				      unsigned long end)
{
	struct dmirror *dm = to_dmirror(mn);

	return dm->pgd &&
	       dpt_walk(dm->pgd, DPT_LEVELS - 1, 0, start, end, clear_young);
}

static bool dmirror_test_young(struct mmu_notifier *mn, struct mm_struct *mm,
			       unsigned long addr)
{
	return dmirror_entry(to_dmirror(mn), addr) & DPT_YOUNG;
}

static const struct mmu_notifier_ops dmirror_notifier_ops = {
	.release = dmirror_release,
	.invalidate_range_start = dmirror_invalidate_range_start,
	.clear_flush_young = dmirror_clear_flush_young,
	.test_young = dmirror_test_young,
};

struct dmirror *dmirror_create(struct mm_struct *mm, struct dma_engine *engine)
{
	struct dmirror *dm = kzalloc(sizeof(*dm));
	int err = -ENOMEM;

	if (!dm)
		return ERR_PTR(-ENOMEM);
	dm->pgd = get_zeroed_page();
	dm->mn.ops = &dmirror_notifier_ops;
	dm->mm = mm;
	dm->engine = engine;
	init_wait_queue(&dm->dma_done);
	if (dm->pgd)
		err = mmu_notifier_register(&dm->mn, mm);
	if (err) {
		if (dm->pgd)
			free_page(dm->pgd);
		kfree(dm);
		return ERR_PTR(err);
	}
	return dm;
}

void dmirror_destroy(struct dmirror *dm)
{
	mmu_notifier_unregister(&dm->mn, dm->mm); /* releases if still live */
	kfree(dm);
}

/* May the device map this VMA at all, for this access?  Linux's rules. */
static int vma_access(struct vm_area_struct *vma, bool write)
{
	if (!vma || !(vma->vm_flags & VM_READ))
		return -EFAULT;
	if (write && !(vma->vm_flags & VM_WRITE))
		return -EPERM;
	return 0;
}

/* A fault result as the ioctl reports it. */
static int fault_errno(int ret)
{
	return ret & VM_FAULT_OOM ? -ENOMEM : -EFAULT;
}

/*
 * Fill the device's entry for one page.  Only pages the VM counts (or the
 * zero page) may be mapped: a raw frame of a PFN map has nobody to tell
 * the device when it goes (seed 000's rule again), so EFAULT, as Linux's
 * hmm_range_fault answers for such VMAs.
 */
static int dmirror_fault_page(struct dmirror *dm, unsigned long addr,
			      bool write)
{
	struct mm_struct *mm = dm->mm;

	for (;;) {
		unsigned long seq = dm->seq, flags, pfn;
		struct vm_area_struct *vma = find_vma(mm, addr);
		int err = vma_access(vma, write);
		pte_t *pte;
		u64 *e;

		if (err)
			return err;
		pte = follow_pte(mm, addr);
		if (!pte || !pte_present(*pte) || (write && !pte_write(*pte))) {
			int ret = handle_mm_fault(mm, addr,
						  write ? FAULT_FLAG_WRITE : 0);

			if (ret)
				return fault_errno(ret);
			continue; /* walk again: the PTE is there now */
		}
		pfn = pte_pfn(*pte);
		if (!vm_normal_page(vma, addr, *pte) &&
		    pfn != page_to_pfn(zero_page))
			return -EFAULT;
		e = dpt_entry(dm, addr, true);
		if (!e)
			return -ENOMEM;
		flags = arch_local_irq_save();
		if (seq == dm->seq && !dm->released) {
			*e = PFN_PHYS(pfn) | DPT_VALID |
			     (pte_write(*pte) ? DPT_WRITE : 0);
			dm->lo = dm->hi ? min(dm->lo, addr) : addr;
			dm->hi = max(dm->hi, addr + PAGE_SIZE);
		}
		arch_local_irq_restore(flags);
		if (dm->released)
			return -EFAULT;
		if (seq == dm->seq)
			return 0;
	}
}

/*
 * Linux faults the whole rest of the range in one round; so does this,
 * under mmap_lock for reading, as a fault of the CPU's would be.
 */
static int dmirror_fault(struct dmirror *dm, unsigned long start,
			 unsigned long end, bool write)
{
	int err = 0;

	mmap_read_lock(dm->mm);
	for (unsigned long addr = start; addr < end && !err; addr += PAGE_SIZE)
		err = dmirror_fault_page(dm, addr, write);
	mmap_read_unlock(dm->mm);
	return err;
}

/*
 * One page through the engine, between the device's entry for addr and
 * the bounce frame.  -ENOENT: no entry fit for this access (fault first).
 */
static int dmirror_dma(struct dmirror *dm, unsigned long addr, bool write,
		       unsigned long bounce_pfn)
{
	unsigned long flags = arch_local_irq_save(), pfn;
	u64 *e = dm->pgd ? dpt_entry(dm, addr, false) : NULL;
	int err;

	if (!e || !(*e & DPT_VALID) || (write && !(*e & DPT_WRITE))) {
		arch_local_irq_restore(flags);
		return -ENOENT;
	}
	*e |= DPT_YOUNG;
	pfn = *e >> PAGE_SHIFT;
	dm->dma_addr = addr;
	dm->dma_busy = true; /* from here an invalidation of addr waits */
	arch_local_irq_restore(flags);
	err = write ? dma_copy_page(dm->engine, pfn, bounce_pfn)
		    : dma_copy_page(dm->engine, bounce_pfn, pfn);
	flags = arch_local_irq_save();
	dm->dma_busy = false;
	wake_up(&dm->dma_done);
	arch_local_irq_restore(flags);
	return err;
}

/* Read or write: each page by DMA, faulting the rest in where needed. */
static int dmirror_transfer(struct dmirror *dm, struct dmirror_xfer *x,
			    bool write)
{
	struct hmm_dmirror_cmd *cmd = x->cmd;
	void *bounce = get_zeroed_page();
	unsigned long end = cmd->addr + cmd->npages * PAGE_SIZE;
	int rounds = 0, err = 0;

	if (!bounce)
		return -ENOMEM;
	while (cmd->cpages < cmd->npages) {
		unsigned long addr = cmd->addr + cmd->cpages * PAGE_SIZE;

		if (write && (err = x->from_caller(x, cmd->cpages * PAGE_SIZE,
						   bounce, PAGE_SIZE)))
			break;
		err = dmirror_dma(dm, addr, write,
				  page_to_pfn(virt_to_page(bounce)));
		if (err == -ENOENT) {
			err = rounds++ < MAX_FAULT_ROUNDS
				      ? dmirror_fault(dm, addr, end, write)
				      : -EBUSY;
			cmd->faults++;
			if (err)
				break;
			continue;
		}
		if (!err && !write)
			err = x->to_caller(x, cmd->cpages * PAGE_SIZE, bounce,
					   PAGE_SIZE);
		if (err)
			break;
		cmd->cpages++;
		rounds = 0;
	}
	free_page(bounce);
	return err;
}

int dmirror_read(struct dmirror *dm, struct dmirror_xfer *x)
{
	return dmirror_transfer(dm, x, false);
}

int dmirror_write(struct dmirror *dm, struct dmirror_xfer *x)
{
	return dmirror_transfer(dm, x, true);
}

/* The device's own view of one page, in Linux's snapshot values. */
static unsigned char snapshot_byte(struct dmirror *dm, unsigned long addr)
{
	u64 e = dmirror_entry(dm, addr);
	unsigned char prot;

	if (!(e & DPT_VALID)) {
		struct vm_area_struct *vma = find_vma(dm->mm, addr);

		return vma_access(vma, false) ? HMM_DMIRROR_PROT_ERROR
					      : HMM_DMIRROR_PROT_NONE;
	}
	prot = e & DPT_WRITE ? HMM_DMIRROR_PROT_WRITE : HMM_DMIRROR_PROT_READ;
	if (e >> PAGE_SHIFT == page_to_pfn(zero_page))
		prot |= HMM_DMIRROR_PROT_ZERO;
	return prot;
}

/* One page of bytes at a time, through the bounce page. */
int dmirror_snapshot(struct dmirror *dm, struct dmirror_xfer *x)
{
	struct hmm_dmirror_cmd *cmd = x->cmd;
	unsigned char *bytes = get_zeroed_page();
	int err = 0;

	if (!bytes)
		return -ENOMEM;
	while (!err && cmd->cpages < cmd->npages) {
		unsigned long n = min(cmd->npages - cmd->cpages, PAGE_SIZE);

		/*
		 * find_vma under mmap_lock, as every reader of the VMAs; let
		 * go before the copy out, whose fault may take it again.
		 */
		mmap_read_lock(dm->mm);
		for (unsigned long i = 0; i < n; i++)
			bytes[i] = snapshot_byte(
				dm, cmd->addr + (cmd->cpages + i) * PAGE_SIZE);
		mmap_read_unlock(dm->mm);
		err = x->to_caller(x, cmd->cpages, bytes, n);
		if (!err)
			cmd->cpages += n;
	}
	free_page(bytes);
	return err;
}

/* The file interface: each open mirrors the opener's address space. */

static int user_to_caller(struct dmirror_xfer *x, unsigned long offset,
			  const void *src, size_t size)
{
	return copy_to_user((char *)x->buf + offset, src, size) ? -EFAULT : 0;
}

static int user_from_caller(struct dmirror_xfer *x, unsigned long offset,
			    void *dst, size_t size)
{
	return copy_from_user(dst, (char *)x->buf + offset, size) ? -EFAULT : 0;
}

/* Linux's checks: an aligned address, at least one page, no wrap. */
static bool cmd_valid(const struct hmm_dmirror_cmd *cmd)
{
	return !(cmd->addr & (PAGE_SIZE - 1)) && cmd->npages &&
	       cmd->addr < TASK_SIZE &&
	       cmd->npages <= (TASK_SIZE - cmd->addr) >> PAGE_SHIFT;
}

static int dmirror_do_ioctl(struct dmirror *dm, unsigned long request,
			    struct dmirror_xfer *x)
{
	switch (request) {
	case HMM_DMIRROR_READ:
		return dmirror_read(dm, x);
	case HMM_DMIRROR_WRITE:
		return dmirror_write(dm, x);
	case HMM_DMIRROR_SNAPSHOT:
		return dmirror_snapshot(dm, x);
	}
	return -EINVAL;
}

/*
 * Only the address space the mirror follows may use it: a child that
 * inherited the file descriptor, or the process after execve, gets EINVAL,
 * as Linux's mirror does once its mm has no users.
 */
static long dmirror_ioctl(struct file *file, unsigned long request,
			  unsigned long arg)
{
	struct dmirror *dm = file->private_data;
	struct hmm_dmirror_cmd cmd;
	struct dmirror_xfer x = {
		.cmd = &cmd,
		.to_caller = user_to_caller,
		.from_caller = user_from_caller,
	};
	long err;

	if (copy_from_user(&cmd, (void __user *)arg, sizeof(cmd)))
		return -EFAULT;
	if (!cmd_valid(&cmd))
		return -EINVAL;
	if (dm->mm != current->mm || !mmget_not_zero(dm->mm))
		return -EINVAL;
	cmd.cpages = 0;
	cmd.faults = 0;
	x.buf = (void *)(unsigned long)cmd.ptr;
	err = dmirror_do_ioctl(dm, request, &x);
	mmput(dm->mm);
	/* Also on failure: cpages says how far the request got. */
	if (copy_to_user((void __user *)arg, &cmd, sizeof(cmd)) && !err)
		err = -EFAULT;
	return err;
}

static int dmirror_open(struct file *file, struct dma_engine *engine)
{
	struct dmirror *dm;

	if (!current->mm)
		return -EINVAL;
	dm = dmirror_create(current->mm, engine);
	if (IS_ERR(dm))
		return PTR_ERR(dm);
	file->private_data = dm;
	return 0;
}

/* dmirror0: edu's engine when the machine has the device. */
static int dmirror0_open(struct inode *inode, struct file *file)
{
	struct dma_engine *e = dma_get_engine("edu");

	return dmirror_open(file, e ? e : dma_get_engine("soft"));
}

static int dmirror1_open(struct inode *inode, struct file *file)
{
	return dmirror_open(file, dma_get_engine("soft"));
}

static void dmirror_file_release(struct inode *inode, struct file *file)
{
	dmirror_destroy(file->private_data);
}

const struct file_operations hmm_dmirror_fops[2] = {
	{
		.open = dmirror0_open,
		.release = dmirror_file_release,
		.ioctl = dmirror_ioctl,
	},
	{
		.open = dmirror1_open,
		.release = dmirror_file_release,
		.ioctl = dmirror_ioctl,
	},
};
