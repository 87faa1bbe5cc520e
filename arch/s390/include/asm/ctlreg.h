/* SPDX-License-Identifier: MIT */
/*
 * Control registers: the CPU's settings that are not in the PSW (the
 * interruption subclasses it takes, its address spaces, its facilities).
 * stctg and lctlg name the register in the instruction, so the number
 * must be a constant: these are macros.  Bits count from the left, as in
 * the Principles of Operation: bit n of a register is 1UL << (63 - n).
 */
#ifndef _ASM_CTLREG_H
#define _ASM_CTLREG_H

#define CR_BIT(n) (1UL << (63 - (n)))

/* Set bits in control register cr, keeping the others. */
#define ctl_set_bits(cr, bits)                                                 \
	do {                                                                   \
		unsigned long __reg;                                           \
		asm volatile("stctg %%c" #cr ", %%c" #cr ", %0"                \
			     : "=Q"(__reg));                                   \
		__reg |= (bits);                                               \
		asm volatile("lctlg %%c" #cr ", %%c" #cr ", %0"                \
			     :                                                 \
			     : "Q"(__reg)                                      \
			     : "memory");                                      \
	} while (0)

#endif
