/* SPDX-License-Identifier: MIT */
/* Segment selectors of the GDT that desc.c builds. */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#define KERNEL_CS 0x08
#define KERNEL_DS 0x10
#define TSS_SEL 0x18

/* Interrupt stack for the double fault: it must work even on a broken stack. */
#define IST_DOUBLE_FAULT 1

#define FIRST_IRQ_VECTOR 32
#define NR_TRAP_STUBS 48

#ifndef __ASSEMBLER__
void desc_init(void);
#endif

#endif
