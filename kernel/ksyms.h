/* SPDX-License-Identifier: MIT */
/*
 * The kernel's own symbol table, embedded at build time (tools/ksyms.py turns
 * `nm` output into an assembly file linked into the image), so that a
 * backtrace can print function names.
 */
#ifndef _KERNEL_KSYMS_H
#define _KERNEL_KSYMS_H

#include <kernel/types.h>

/* Name of the function containing addr and addr's offset in it, or NULL. */
const char *ksym_lookup(unsigned long addr, unsigned long *offset);
/*
 * Print "  [<addr>] name+0xoff" for one backtrace frame.  A return address
 * is looked up one byte earlier: after a call to a noreturn function it may
 * already point into the next function.
 */
void print_ksym_frame(unsigned long addr, bool return_address);

#endif
