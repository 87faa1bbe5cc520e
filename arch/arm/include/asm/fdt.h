/* SPDX-License-Identifier: MIT */
/* The flattened device tree, read at boot (arch/arm/fdt.c). */
#ifndef _ASM_FDT_H
#define _ASM_FDT_H

#include <kernel/types.h>

typedef void (*fdt_prop_fn)(int depth, const char *node, const char *name,
			    const u8 *value, u32 len, void *arg);

/* The tree's size in bytes, 0 if fdt does not point at one. */
u32 fdt_totalsize(const void *fdt);
u32 fdt32(const void *p);
u64 fdt_read_cells(const u8 **p, unsigned int cells);
void fdt_for_each_property(const void *fdt, fdt_prop_fn fn, void *arg);
void fdt_for_each_reserved(const void *fdt,
			   void (*fn)(u64 base, u64 size, void *arg),
			   void *arg);

#endif
