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

/* Control register 0's external subclass for the SCLP (timer.c, sclp.c). */
#define CR0_SERVICE_SIGNAL CR_BIT(54)

/* clang-format would split the "memory" clobber's string: */
/* clang-format off */
#define ctl_store(cr, reg)                                                     \
	asm volatile("stctg %%c" #cr ", %%c" #cr ", %0" : "=Q"(reg))
#define ctl_load(cr, reg)                                                      \
	asm volatile("lctlg %%c" #cr ", %%c" #cr ", %0"                        \
		     :                                                         \
		     : "Q"(reg)                                                \
		     : "memory")
/* clang-format on */

/* Set bits in control register cr, keeping the others. */
#define ctl_set_bits(cr, bits)                                                 \
	do {                                                                   \
		unsigned long __reg;                                           \
		ctl_store(cr, __reg);                                          \
		__reg |= (bits);                                               \
		ctl_load(cr, __reg);                                           \
	} while (0)

#endif
