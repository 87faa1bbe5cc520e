/* SPDX-License-Identifier: MIT */
/*
 * Trap entry.  For each vector the IDT points at a 16-byte stub in
 * trap_stubs: it pushes a zero where the CPU pushes no error code (so every
 * frame has the same shape), pushes the vector number and jumps to
 * trap_common, which saves the general registers as a struct pt_regs and
 * calls x86_trap(regs).  Returning restores them and irets.
 *
 * Crossing from user mode to the kernel and back, swapgs exchanges the GS
 * base with the one kept in MSR_KERNEL_GS_BASE, so the kernel always finds
 * its per-CPU data through GS (<asm/smp.h>), whatever the program did with
 * its own.  On the way back to user mode the CPU drops the kernel lock
 * (kernel/smp.h), the last thing it does in C.
 */
#include <asm/desc.h>
#include <asm/extable.h>
#include <asm/smp.h>

/* Offset of the saved cs in the frame, once the vector is pushed. */
#define FRAME_CS 24

/* Vectors for which the CPU pushes an error code itself. */
#define HAS_ERROR_CODE(v) \
	((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || \
	 (v) == 29 || (v) == 30)

#define NR_STUBS 48	/* 32 exceptions, 16 legacy PIC interrupts */

	.text
	.balign 16
	.globl trap_stubs
trap_stubs:
	.set	vec, 0
	.rept	NR_STUBS
	.balign	16
	.if	!HAS_ERROR_CODE(vec)
	pushq	$0
	.endif
	pushq	$vec
	jmp	trap_common
	.set	vec, vec + 1
	.endr

/* The local APIC's vectors (<asm/smp.h>): no error codes. */
	.balign 16
	.globl apic_stubs
apic_stubs:
	.set	vec, FIRST_APIC_VECTOR
	.rept	NR_APIC_STUBS
	.balign	16
	pushq	$0
	pushq	$vec
	jmp	trap_common
	.set	vec, vec + 1
	.endr

/* int $0x80 from user mode: the system call. */
	.balign	16
	.globl	syscall_stub
syscall_stub:
	pushq	$0
	pushq	$SYSCALL_VECTOR
	jmp	trap_common

trap_common:
	testb	$3, FRAME_CS(%rsp)	/* from user mode? */
	jz	1f
	swapgs
1:	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rbp
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	cld
	mov	%rsp, %rdi
	call	x86_trap
	.globl	ret_from_trap
ret_from_trap:
	testb	$3, FRAME_CS + 15 * 8(%rsp)
	jz	2f
	call	unlock_kernel_to_user
2:	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rbp
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rbx
	popq	%rax
	add	$16, %rsp		/* vector and error code */
	testb	$3, 8(%rsp)		/* the saved cs */
	jz	3f
	swapgs
3:	iretq

/*
 * void arch_save_regs(struct pt_regs *regs): the caller's registers, for
 * panic().  rip is the return address into panic() and rbp its frame, so a
 * backtrace from them starts in panic() and goes on to its callers.
 */
	.globl arch_save_regs
arch_save_regs:
	mov	%r15, 0x00(%rdi)
	mov	%r14, 0x08(%rdi)
	mov	%r13, 0x10(%rdi)
	mov	%r12, 0x18(%rdi)
	mov	%r11, 0x20(%rdi)
	mov	%r10, 0x28(%rdi)
	mov	%r9, 0x30(%rdi)
	mov	%r8, 0x38(%rdi)
	mov	%rbp, 0x40(%rdi)
	mov	%rdi, 0x48(%rdi)
	mov	%rsi, 0x50(%rdi)
	mov	%rdx, 0x58(%rdi)
	mov	%rcx, 0x60(%rdi)
	mov	%rbx, 0x68(%rdi)
	mov	%rax, 0x70(%rdi)
	movq	$0, 0x78(%rdi)		/* vector */
	movq	$0, 0x80(%rdi)		/* error code */
	mov	(%rsp), %rax		/* return address: the caller's rip */
	mov	%rax, 0x88(%rdi)
	mov	%cs, %eax
	mov	%rax, 0x90(%rdi)
	pushfq
	popq	0x98(%rdi)
	lea	8(%rsp), %rax		/* the caller's rsp after return */
	mov	%rax, 0xa0(%rdi)
	mov	%ss, %eax
	mov	%rax, 0xa8(%rdi)
	ret

/*
 * size_t copy_nofault(void *dst, const void *src, size_t n): the bytes NOT
 * copied, 0 if all were.  The fixup entry makes a fault on the movsb resume
 * at 2:, where rcx still counts the bytes left: every byte before the
 * faulting one has been copied (a string instruction's faults are precise).
 */
	.globl copy_nofault
copy_nofault:
	mov	%rdx, %rcx
1:	rep movsb
2:	mov	%rcx, %rax
	ret
	_ASM_EXTABLE(1b, 2b)

	.section .note.GNU-stack, "", @progbits
