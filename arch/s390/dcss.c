// SPDX-License-Identifier: MIT
/*
 * A DCSS-like segment: the execute-in-place store of s390x.
 *
 * Under z/VM, a discontiguous saved segment (DCSS) is memory outside the
 * guest's own storage that the hypervisor loads once and shares between
 * guests; Linux maps it with VM_MIXEDMAP (fs/dax and the old xip code),
 * and needed pte_special for it, since a DCSS frame has no struct page
 * (seed 003).  Pagoda replays that with QEMU: the machine gets more
 * memory than the kernel manages (mem=, see arch.mk), and QEMU's loader
 * device writes the XIP image (tools/mkxip.py) into the top DCSS_SIZE
 * bytes of storage before the CPU starts.  The kernel, which has no
 * struct page there, finds the image's header and mounts it on /xip, the
 * same driver as the PC's ivshmem BAR.  A frame of it is then mapped raw:
 * special where the PTE has the bit, pfn_valid false either way.
 *
 * The devmem tests use the first frames above mem= for their raw frames;
 * the segment stays clear of them at the top of storage.
 */
#include <asm/io.h>
#include <asm/page.h>
#include <asm/sclp.h>
#include <asm/setup.h>
#include <kernel/drivers/xip.h>
#include <kernel/printk.h>
#include <mm/memblock.h>
#include <mm/mm.h>

#define DCSS_SIZE (16 * MiB)

static phys_addr_t dcss_start;

/* The segment: the top DCSS_SIZE of storage, if mem= left it unmanaged. */
static bool dcss_find(void)
{
	unsigned long size = sclp_memory_size();

	if (size < 2 * DCSS_SIZE)
		return false;
	dcss_start = size - DCSS_SIZE;
	return !pfn_valid(PHYS_PFN(dcss_start)) &&
	       memblock_end_of_ram() <= dcss_start;
}

void dcss_init(void)
{
	const void *header;
	int err;

	if (!dcss_find())
		return;
	header = ioremap(dcss_start, PAGE_SIZE);
	if (!header || !xip_image_valid(header))
		return;
	err = xip_attach(dcss_start, DCSS_SIZE);
	if (err)
		printk("dcss: the XIP segment at %#lx cannot be mounted "
		       "(error %d)\n",
		       (unsigned long)dcss_start, err);
}
