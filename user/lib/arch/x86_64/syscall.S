/* SPDX-License-Identifier: MIT */
/*
 * The x86_64 system-call primitive:
 *
 *	long __syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
 *
 * The C calling convention brings nr, a1 ... a5 in rdi, rsi, rdx, rcx, r8,
 * r9 and a6 on the stack; Pagoda's int $0x80 (like Linux's system calls)
 * wants the number in rax and the arguments in rdi, rsi, rdx, r10, r8, r9.
 * r10, not rcx: the syscall instruction, which a later version may use,
 * overwrites rcx with the return address.  The kernel's result comes back in
 * rax, which is where C wants it.
 */
	.text
	.globl	__syscall6
	.type	__syscall6, @function
__syscall6:
	mov	%rdi, %rax		/* nr */
	mov	%rsi, %rdi		/* a1 */
	mov	%rdx, %rsi		/* a2 */
	mov	%rcx, %rdx		/* a3 */
	mov	%r8, %r10		/* a4 */
	mov	%r9, %r8		/* a5 */
	mov	8(%rsp), %r9		/* a6, above the return address */
	int	$0x80
	ret
	.size	__syscall6, . - __syscall6

	/* The stack need not be executable (tells the linker so). */
	.section .note.GNU-stack, "", @progbits
