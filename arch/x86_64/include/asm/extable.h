/* SPDX-License-Identifier: MIT */
/*
 * Listing an instruction that may fault on purpose, from assembly or inline
 * assembly: if insn faults, the trap handler resumes at fixup with
 * rax = -EFAULT (see fixup_exception() in traps.c).
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
