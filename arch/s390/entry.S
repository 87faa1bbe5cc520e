/* SPDX-License-Identifier: MIT */
/*
 * Interruption entry.  Each class the kernel takes (program check,
 * supervisor call, external, I/O) has a new PSW in the lowcore pointing here,
 * with DAT and interruptions off.  The handler saves the 16 registers in
 * the lowcore, at its real address, then turns DAT on (home space) and
 * from then on reaches the lowcore through its alias (<asm/lowcore.h>:
 * the kernel's virtual page 0 is invalid, for NULL pointers).  It moves to
 * the task's kernel stack if the interruption came from a program (problem
 * state), builds a struct pt_regs there and calls s390_trap(regs).  The
 * way back copies the registers and the (possibly changed) old PSW to the
 * lowcore, turns DAT off, and loads both from the real lowcore: lpswe
 * takes a 12-bit displacement with no base register free, so its operand
 * must lie in the first 4 KiB, which only the real addresses still map.
 *
 * Stack frame under the pt_regs: the ABI's 160-byte register save area,
 * whose back chain (0) ends a backtrace at the trap.
 */
#include <asm/extable.h>
#include <asm/lowcore.h>
#include <asm/ptrace.h>

#define STACK_FRAME_OVERHEAD 160
#define TRAP_FRAME (STACK_FRAME_OVERHEAD + PT_SIZE)
#define PT(field) STACK_FRAME_OVERHEAD + PT_##field

/*
 * Save registers, find the stack, store the old PSW and the class.  A
 * program check raised by this code itself can only be its stack failing:
 * the kernel stack overflowed into its guard page, the first fault's frame
 * could not be stored and faulted again.  That one goes on on the panic
 * stack, so the handler can say so instead of faulting for ever.
 */
	.macro	TRAP_ENTRY old_psw, class, nested=0
	stmg	%r0, %r15, __LC_SAVE_AREA	/* DAT off: the real lowcore */
	larl	%r13, lowcore_view
	ssm	LV_SYSMASK(%r13)		/* DAT on, once paging_init ran */
	lg	%r13, LV_ADDR(%r13)		/* from now on the lowcore's base */
	tm	\old_psw + 1(%r13), 0x01	/* PSW bit 15: problem state */
	jz	1f
	lg	%r15, __LC_KERNEL_STACK(%r13)
	j	2f
1:
	.if	\nested
	lg	%r1, \old_psw + 8(%r13)
	larl	%r14, entry_code_start
	clgr	%r1, %r14
	jl	2f
	larl	%r14, entry_code_end
	clgr	%r1, %r14
	jhe	2f
	larl	%r15, panic_stack_top
	.endif
2:	aghi	%r15, -TRAP_FRAME
	mvc	PT(GPRS)(128, %r15), __LC_SAVE_AREA(%r13)
	mvc	PT(PSW_MASK)(16, %r15), \old_psw(%r13)
	ni	PT(PSW_MASK) + 1(%r15), 0xfd	/* no wait state on return */
	xc	0(8, %r15), 0(%r15)
	xc	PT(INT_PARM)(8, %r15), PT(INT_PARM)(%r15)
	mvc	PT(ORIG_GPR2)(8, %r15), PT(GPRS) + 16(%r15)
	lghi	%r1, \class
	sllg	%r1, %r1, TRAP_CLASS_SHIFT
	.endm

	.text
entry_code_start:
	.globl	pgm_check_handler
pgm_check_handler:
	TRAP_ENTRY __LC_PGM_OLD_PSW, TRAP_PROGRAM, 1
	/* Linux's int_code: instruction length << 16 | interruption code */
	icm	%r1, 3, __LC_PGM_ILC(%r13)
	sll	%r1, 16
	icm	%r1, 3, __LC_PGM_CODE(%r13)
	stg	%r1, PT(INT_CODE)(%r15)
	mvc	PT(INT_PARM)(8, %r15), __LC_TRANS_EXC_CODE(%r13)
	j	trap_common

	.globl	svc_handler
svc_handler:
	TRAP_ENTRY __LC_SVC_OLD_PSW, TRAP_SVC
	icm	%r1, 3, __LC_SVC_CODE(%r13)
	stg	%r1, PT(INT_CODE)(%r15)
	j	trap_common

	.globl	ext_handler
ext_handler:
	TRAP_ENTRY __LC_EXT_OLD_PSW, TRAP_EXTERNAL
	icm	%r1, 3, __LC_EXT_INT_CODE(%r13)
	stg	%r1, PT(INT_CODE)(%r15)
	llgf	%r1, __LC_EXT_PARAMS(%r13)
	stg	%r1, PT(INT_PARM)(%r15)
	j	trap_common

	.globl	io_handler
io_handler:
	TRAP_ENTRY __LC_IO_OLD_PSW, TRAP_IO
	icm	%r1, 15, __LC_SUBCHANNEL_ID(%r13)
	stg	%r1, PT(INT_CODE)(%r15)
	llgf	%r1, __LC_IO_INT_PARM(%r13)
	stg	%r1, PT(INT_PARM)(%r15)
entry_code_end:

trap_common:
	la	%r2, STACK_FRAME_OVERHEAD(%r15)
	brasl	%r14, s390_trap
	.globl	ret_from_trap
ret_from_trap:
	larl	%r13, lowcore_view
	lg	%r13, LV_ADDR(%r13)
	mvc	__LC_RETURN_PSW(16, %r13), PT(PSW_MASK)(%r15)
	mvc	__LC_SAVE_AREA(128, %r13), PT(GPRS)(%r15)
	stnsm	__LC_SCRATCH(%r13), 0xfb	/* DAT off: the code runs on */
	lmg	%r0, %r15, __LC_SAVE_AREA	/* at the same (identity) addresses */
	lpswe	__LC_RETURN_PSW

/* Machine checks and anything unexpected: stop, with the PSW in the lowcore. */
	.globl	mcck_handler
mcck_handler:
	lpswe	disabled_wait_psw

	.data
	.balign	8
	.globl	lowcore_view
lowcore_view:				/* struct lowcore_view: DAT off */
	.quad	0
	.byte	0

	.section .rodata
	.balign	8
disabled_wait_psw:
	.quad	PSW_MASK_WAIT | PSW_MASK_64, 0xdead
enabled_wait_mask:
	.quad	PSW_KERNEL_BITS | PSW_MASK_IO | PSW_MASK_EXT | PSW_MASK_WAIT

	.text
/*
 * void arch_wait_for_interrupt(void): load a wait PSW with external and
 * I/O interruptions enabled.  The interruption's old PSW then has the wait
 * bit, which TRAP_ENTRY clears, so the return resumes at 1: below.
 */
	.globl	arch_wait_for_interrupt
arch_wait_for_interrupt:
	aghi	%r15, -STACK_FRAME_OVERHEAD - 16
	larl	%r1, 1f
	stg	%r1, STACK_FRAME_OVERHEAD + 8(%r15)
	larl	%r1, enabled_wait_mask
	mvc	STACK_FRAME_OVERHEAD(8, %r15), 0(%r1)
	lpswe	STACK_FRAME_OVERHEAD(%r15)
1:	aghi	%r15, STACK_FRAME_OVERHEAD + 16
	br	%r14

/*
 * void arch_save_regs(struct pt_regs *regs): the caller's registers, for
 * panic(); the PSW address is the return address into panic() and %r15
 * its stack, so a backtrace starts in panic() and goes on to its callers.
 */
	.globl	arch_save_regs
arch_save_regs:
	stmg	%r0, %r15, PT_GPRS(%r2)
	epsw	%r0, %r1
	sllg	%r0, %r0, 32
	llgfr	%r1, %r1
	ogr	%r0, %r1
	stg	%r0, PT_PSW_MASK(%r2)
	stg	%r14, PT_PSW_ADDR(%r2)
	xc	PT_INT_CODE(24, %r2), PT_INT_CODE(%r2)
	lg	%r0, PT_GPRS(%r2)
	lg	%r1, PT_GPRS + 8(%r2)
	br	%r14

/*
 * size_t copy_nofault(void *dst, const void *src, size_t n): the bytes NOT
 * copied, 0 if all were.  Byte by byte, so a fault stops the copy exactly
 * at the first byte that cannot be read or written (the fixup at 3:).
 */
	.globl	copy_nofault
copy_nofault:
	ltgr	%r4, %r4
	jz	3f
1:	llgc	%r0, 0(%r3)
2:	stc	%r0, 0(%r2)
	la	%r2, 1(%r2)
	la	%r3, 1(%r3)
	brctg	%r4, 1b
3:	lgr	%r2, %r4
	br	%r14
	_ASM_EXTABLE(1b, 3b)
	_ASM_EXTABLE(2b, 3b)

/* The stack of a program check that found the kernel stack unusable. */
	.section .bss.page_aligned, "aw", @nobits
	.balign	4096
panic_stack:
	.skip	4 * 4096
panic_stack_top:

	.section .note.GNU-stack, "", @progbits
