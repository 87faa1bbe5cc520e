/* SPDX-License-Identifier: MIT */
/* Exception vectors and page-fault error-code bits (Intel SDM vol. 3, ch. 6). */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <kernel/types.h>

#define X86_TRAP_DF 8
#define X86_TRAP_GP 13
#define X86_TRAP_PF 14

#define PF_PROT (1UL << 0) /* 0: page not present; 1: protection violation */
#define PF_WRITE (1UL << 1)
#define PF_USER (1UL << 2)
#define PF_RSVD (1UL << 3)
#define PF_INSTR (1UL << 4)

struct mm_struct;
struct pt_regs;

void x86_trap(struct pt_regs *regs);
/*
 * What became of a user page fault at addr that handle_mm_fault answered
 * with fault (VM_FAULT_*, 0 if it was never asked: a kernel address), in
 * words for the console: "no mapping", "protection fault on a r-- mapping",
 * "nothing to map", "out of memory".
 */
void describe_user_fault(char *buf, size_t size, struct mm_struct *mm,
			 unsigned long addr, int fault);
void x86_irq(unsigned int irq, bool user_mode);

#endif
