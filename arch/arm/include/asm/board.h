/* SPDX-License-Identifier: MIT */
/*
 * The board's fixed devices: what QEMU's virt machine and the Raspberry
 * Pi 2 (BCM2836) place where.  The device tree says it too; these are the
 * addresses its nodes give, written down so the console works from the
 * first instruction on.
 */
#ifndef _ASM_BOARD_H
#define _ASM_BOARD_H

#include <asm/layout.h>

#ifdef BOARD_raspi2b
#define EARLY_UART_PHYS 0x3f201000    /* PL011 (UART0) */
#define UART_IRQ 57		      /* GPU interrupt 57: the PL011 */
#define BCM2836_LOCAL_PHYS 0x40000000 /* per-core timers and mailboxes */
#define BCM2835_IC_PHYS 0x3f00b200    /* the GPU's interrupt controller */
#define BOARD_NAME "raspi2b"
#else
#define EARLY_UART_PHYS 0x09000000 /* PL011 */
#define UART_IRQ 33		   /* GIC SPI 1 */
#define GIC_DIST_PHYS 0x08000000
#define GIC_CPU_PHYS 0x08010000
#define PCI_ECAM_PHYS 0x3f000000 /* 16 MiB: buses 0-15 */
#define PCI_ECAM_SIZE 0x01000000
#define PCI_MMIO_PHYS 0x10000000 /* 32-bit BAR window, to 0x3effffff */
#define PCI_MMIO_SIZE 0x2eff0000
#define PCI_IRQ_BASE 35	       /* GIC SPI 3..6: INTA..INTD, swizzled by slot */
#define PCI_IO_PHYS 0x3eff0000 /* 64 KiB of I/O ports, memory-mapped */
#define PCI_IO_SIZE 0x10000
#define PCI_IO_FIRST_PORT 0x1000 /* clear of the legacy ISA ports */
#define RTC_PHYS 0x09010000	 /* PL031 real-time clock */
#define BOARD_NAME "virt"
#endif

#ifdef PCI_IO_PHYS
/* The MiB holding the PCI I/O window, mapped by paging_init. */
#define PCI_IO_VIRT (_UL(0xfe000000) | (PCI_IO_PHYS & 0xfffff))
#endif

/* The UART's MiB, mapped by boot.S and kept by paging_init. */
#define EARLY_UART_VIRT (_UL(0xff000000) | (EARLY_UART_PHYS & 0xfffff))

#endif
