/* SPDX-License-Identifier: MIT */
/*
 * Device access: memory-mapped only, ARM has no I/O ports (kernel/mmio.h).
 * ioremap maps as Device memory: uncached, and accesses to it are neither
 * merged nor reordered among themselves (ARM ARM A3.5.5).
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <kernel/mmio.h>

#endif
