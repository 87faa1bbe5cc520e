/* SPDX-License-Identifier: MIT */
/*
 * Exception fixups.  An instruction that may fault on purpose (reading
 * memory that may be unmapped, copying to or from user memory) is listed in
 * the ex_table section with the address to resume at.  On a kernel fault
 * the trap handler looks the faulting instruction up here: found means
 * "return an error", not found means a kernel bug.
 */
#ifndef _KERNEL_EXTABLE_H
#define _KERNEL_EXTABLE_H

#include <kernel/types.h>

struct exception_table_entry {
	unsigned long insn;
	unsigned long fixup;
};

const struct exception_table_entry *search_exception_tables(unsigned long ip);

/*
 * Copy n bytes where either side may be unmapped or protected, in address
 * order, stopping at the first byte that faults: returns the bytes not
 * copied (0: all were).  The arch implements it with an ex_table entry on
 * its copy instruction.
 */
size_t copy_nofault(void *dst, const void *src, size_t n);

#endif
