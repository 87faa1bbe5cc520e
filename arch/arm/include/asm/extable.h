/* SPDX-License-Identifier: MIT */
/*
 * Listing an instruction that may fault on purpose, from assembly: if insn
 * faults, the abort handler resumes at fixup (see fixup_exception() in
 * arch/arm/traps.c).
 */
#ifndef _ASM_EXTABLE_H
#define _ASM_EXTABLE_H

#ifdef __ASSEMBLER__
#define _ASM_EXTABLE(insn, fixup)                                              \
	.pushsection ex_table, "a";                                            \
	.balign 4;                                                             \
	.long insn, fixup;                                                     \
	.popsection
#endif

#endif
