// SPDX-License-Identifier: MIT
/*
 * Reading the flattened device tree the boot loader hands over (the
 * Devicetree Specification, chapter 5): a header, a block of tokens that
 * opens and closes nodes and gives their properties, and a block of
 * property names.  Every number in it is big-endian.  Only what booting
 * needs is read: the memory nodes' "reg", the /chosen node's "bootargs"
 * and "linux,initrd-start"/"-end", the root's #address-cells and
 * #size-cells, and the reserved-memory map.
 */
#include <asm/fdt.h>
#include <kernel/kernel.h>
#include <kernel/string.h>

#define FDT_MAGIC 0xd00dfeed
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9

struct fdt_header {
	u32 magic, totalsize, off_dt_struct, off_dt_strings, off_mem_rsvmap;
	u32 version, last_comp_version, boot_cpuid_phys;
	u32 size_dt_strings, size_dt_struct;
};

u32 fdt32(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

/* A number of cells (1 or 2) from *p, which then moves past it. */
u64 fdt_read_cells(const u8 **p, unsigned int cells)
{
	u64 v = 0;

	for (unsigned int i = 0; i < cells; i++, *p += 4)
		v = v << 32 | fdt32(*p);
	return v;
}

u32 fdt_totalsize(const void *fdt)
{
	const struct fdt_header *h = fdt;

	return fdt32(&h->magic) == FDT_MAGIC ? fdt32(&h->totalsize) : 0;
}

void fdt_for_each_reserved(const void *fdt,
			   void (*fn)(u64 base, u64 size, void *arg), void *arg)
{
	const struct fdt_header *h = fdt;
	const u8 *p = (const u8 *)fdt + fdt32(&h->off_mem_rsvmap);

	for (;;) {
		u64 base = fdt_read_cells(&p, 2), size = fdt_read_cells(&p, 2);

		if (!base && !size)
			return;
		fn(base, size, arg);
	}
}

/*
 * Each property in turn, with the name of the node holding it and the
 * node's depth (1 for the root's children).  Stops at the end of the tree.
 */
void fdt_for_each_property(const void *fdt, fdt_prop_fn fn, void *arg)
{
	const struct fdt_header *h = fdt;
	const u8 *p = (const u8 *)fdt + fdt32(&h->off_dt_struct);
	const char *strings = (const char *)fdt + fdt32(&h->off_dt_strings);
	const char *node = "";
	int depth = -1;

	for (;;) {
		u32 token = fdt32(p), len;

		p += 4;
		switch (token) {
		case FDT_BEGIN_NODE:
			node = (const char *)p;
			depth++;
			p += ALIGN(strlen(node) + 1, 4);
			break;
		case FDT_END_NODE:
			depth--;
			break;
		case FDT_PROP:
			len = fdt32(p);
			fn(depth, node, strings + fdt32(p + 4), p + 8, len,
			   arg);
			p += 8 + ALIGN(len, 4);
			break;
		case FDT_NOP:
			break;
		default: /* FDT_END, or a broken tree */
			return;
		}
	}
}
