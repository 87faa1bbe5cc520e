// SPDX-License-Identifier: MIT
/*
 * Looking up the embedded symbol table.  The tables (sorted by address) come
 * from tools/ksyms.py; the build links the kernel twice so that the table
 * describes the image it is part of (see the Makefile).
 */
#include <kernel/ksyms.h>
#include <kernel/printk.h>

extern const u64 ksym_count;
extern const u64 ksym_addr[];
extern const u32 ksym_name_off[];
extern const char ksym_names[];
extern const char _text[], _etext[];

const char *ksym_lookup(unsigned long addr, unsigned long *offset)
{
	u64 lo = 0, hi = ksym_count;

	if (addr < (unsigned long)_text || addr >= (unsigned long)_etext || !hi)
		return NULL;
	/* Find the last symbol at or below addr. */
	while (hi - lo > 1) {
		u64 mid = lo + (hi - lo) / 2;

		if (ksym_addr[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	if (ksym_addr[lo] > addr)
		return NULL;
	*offset = addr - ksym_addr[lo];
	return ksym_names + ksym_name_off[lo];
}

void print_ksym_frame(unsigned long addr, bool return_address)
{
	unsigned long off;
	const char *name = ksym_lookup(addr - return_address, &off);

	if (name)
		printk("  [<%016lx>] %s+0x%lx\n", addr, name,
		       off + return_address);
	else
		printk("  [<%016lx>] ?\n", addr);
}
