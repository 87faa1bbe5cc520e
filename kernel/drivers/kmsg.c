// SPDX-License-Identifier: MIT
/*
 * /dev/kmsg: the kernel log, mapped into user space through ->fault in a
 * VM_RESERVED VMA (seed 001).  The log buffer is printk's own
 * (kernel/printk.c): ordinary kernel pages, in the image, physically
 * contiguous here -- though ->fault would serve scattered pages just as
 * well, which was the point of nopage over remap_page_range in the seed.
 * `dmesg` reads the log through the mapping; a write() appends a line.
 *
 * VM_RESERVED, then and now.  In Linux 2.4 (the seed, Andrea Arcangeli,
 * Oct 2000), the swap-out scanner walked every VMA looking for pages to
 * unmap, and a driver's pages had to be marked PG_reserved one by one to
 * be skipped.  VM_RESERVED put the mark on the VMA instead: the scanner
 * skips the whole range at once, at no per-page cost, and the pages
 * themselves may be anything the driver owns.  In 2.6 it came to mean
 * "driver memory" in general (no swapping, no core dump, not counted as
 * locked, no mremap growth).  Linux 3.7 (2012) removed it: its meanings
 * were split into VM_IO, VM_DONTEXPAND and VM_DONTDUMP, and reclaim,
 * which by then walked pages through the reverse map rather than VMAs,
 * needed no VMA flag to leave driver pages alone.
 *
 * Pagoda keeps the flag, and honours it so: such a VMA is never merged
 * with a neighbour nor grown (VM_SPECIAL in mm/mmap.h), and the reclaim
 * scanner, when there is one, skips it whole (DESIGN.md, mm/vmscan.c).
 * The pages are normal ones: a mapping counts them (get_page, map count,
 * rss) and they are never freed, since the kernel keeps its own reference
 * to every reserved page (mm/page_alloc.c).
 *
 * The mapping is read-only: a writable one gets EPERM, and VM_MAYWRITE
 * goes, so mprotect cannot add the right later (EACCES).
 */
#include <asm/page.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/printk.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <pagoda/abi.h>

#define KMSG_PAGES (KMSG_MAP_SIZE / PAGE_SIZE)

/* The log's page vmf->pgoff, with the reference the mapping will hold. */
static int kmsg_fault(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	void *addr = log_buf_page(vmf->pgoff);

	if (!addr)
		return VM_FAULT_SIGBUS;
	vmf->page = pfn_to_page(PHYS_PFN(__pa_symbol(addr)));
	get_page(vmf->page);
	return 0;
}

static const struct vm_operations_struct kmsg_vm_ops = {
	.fault = kmsg_fault,
};

/*
 * Bad requests, as Linux answers them: a writable mapping of a read-only
 * device is EPERM; a range past the end of the log is ENXIO (POSIX: "the
 * range is invalid for the object").  An unaligned offset never gets
 * here (mmap's EINVAL).
 */
static int kmsg_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long pages = (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;

	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	if (vma->vm_pgoff >= KMSG_PAGES || pages > KMSG_PAGES - vma->vm_pgoff)
		return -ENXIO;
	vma->vm_flags &= ~VM_MAYWRITE;
	vma->vm_flags |= VM_RESERVED | VM_DONTEXPAND;
	vma->vm_ops = &kmsg_vm_ops;
	return 0;
}

/* A write appends one message to the log, as on Linux (no console echo). */
static long kmsg_write(struct kiocb *iocb, struct iov_iter *from)
{
	char buf[256];
	size_t n = min(iov_iter_count(from), sizeof(buf));

	if (copy_from_iter(buf, n, from) != n)
		return -EFAULT;
	log_store(buf, n);
	return n;
}

const struct file_operations kmsg_fops = {
	.write_iter = kmsg_write,
	.mmap = kmsg_mmap,
};
