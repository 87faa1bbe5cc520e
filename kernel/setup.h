/* SPDX-License-Identifier: MIT */
/*
 * The boot sequence's arch hooks, called by start_kernel() in this order:
 * setup_arch() fills memblock and boot_command_line from what the firmware
 * or boot loader handed over and installs the trap handlers; paging_init()
 * builds the final kernel page tables (direct map of memblock memory, the
 * image with per-section rights).
 */
#ifndef _KERNEL_SETUP_H
#define _KERNEL_SETUP_H

#include <kernel/kernel.h>

void start_kernel(void) __noreturn;
void setup_arch(void);
void paging_init(void);
/* Once the page allocator works: map what the firmware described. */
void arch_late_setup(void);
/* Once the VFS exists, after the PCI scan: the machine's other devices. */
void arch_device_init(void);

/* The initial RAM disk the boot loader loaded, if any (set by setup_arch). */
extern phys_addr_t initrd_start, initrd_end;

#endif
