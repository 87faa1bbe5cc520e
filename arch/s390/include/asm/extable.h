/* SPDX-License-Identifier: MIT */
/*
 * Listing an instruction that may fault on purpose, from assembly: if insn
 * faults, the program-check handler resumes at fixup with %r2 = -EFAULT
 * (see fixup_exception() in traps.c).  Program checks for translation and
 * protection nullify or suppress the instruction, so the PSW names insn.
 */
#ifndef _ASM_EXTABLE_H
#define _ASM_EXTABLE_H

#ifdef __ASSEMBLER__
#define _ASM_EXTABLE(insn, fixup)                                              \
	.pushsection ex_table, "a";                                            \
	.balign 8;                                                             \
	.quad insn, fixup;                                                     \
	.popsection
#endif

#endif
