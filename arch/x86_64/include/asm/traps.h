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
void x86_irq(unsigned int irq, bool user_mode);

#endif
