/* SPDX-License-Identifier: MIT */
/* Segment selectors of the GDT that desc.c builds. */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#define KERNEL_CS 0x08
#define KERNEL_DS 0x10
#define TSS_SEL 0x18	   /* 16 bytes: two GDT slots */
#define USER_DS (0x28 | 3) /* requested privilege level 3 */
#define USER_CS (0x30 | 3)

/* Interrupt stack for the double fault: it must work even on a broken stack. */
#define IST_DOUBLE_FAULT 1

#define FIRST_IRQ_VECTOR 32
#define NR_TRAP_STUBS 48
#define SYSCALL_VECTOR 0x80

#ifndef __ASSEMBLER__
void desc_init(void);
/* Load this CPU's own GDT and TSS, and the IDT. */
void desc_init_cpu(unsigned int cpu);
/* The kernel stack the CPU switches to on a trap from user mode. */
void set_kernel_stack(unsigned long top);
#endif

#endif
