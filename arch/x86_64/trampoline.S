/* SPDX-License-Identifier: MIT */
/*
 * Where the other CPUs begin.  A STARTUP IPI starts a CPU in real mode at
 * vector << 12, a page below 1 MiB, so smpboot.c copies these bytes to
 * TRAMPOLINE_PHYS first.  They switch to 32-bit protected mode (a GDT of
 * their own, since real mode can reach no other) and jump to ap_start32 in
 * boot.S, which goes on to long mode as the boot CPU did.
 *
 * The code runs at TRAMPOLINE_PHYS, not where it is linked: every address
 * in it is an offset from trampoline_start, added to that base.
 */
#define TRAMPOLINE_PHYS	0x8000
#define T(sym)		((sym) - trampoline_start)

	.section .rodata
	.globl	trampoline_start, trampoline_end
	.code16
trampoline_start:
	cli
	cld
	mov	%cs, %ax		/* cs = TRAMPOLINE_PHYS >> 4, ip = 0 */
	mov	%ax, %ds
	lgdtl	T(tramp_gdt_ptr)
	mov	%cr0, %eax
	or	$1, %eax		/* PE */
	mov	%eax, %cr0
	ljmpl	$0x08, $(TRAMPOLINE_PHYS + T(tramp32))

	.code32
tramp32:
	mov	$0x10, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	mov	$ap_start32, %eax	/* in .boot.text: linked at its physical address */
	jmp	*%eax

	.balign	8
tramp_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff	/* 0x08: 32-bit code, flat */
	.quad	0x00cf92000000ffff	/* 0x10: data, flat */
tramp_gdt_ptr:
	.short	tramp_gdt_ptr - tramp_gdt - 1
	.long	TRAMPOLINE_PHYS + T(tramp_gdt)
trampoline_end:

	.section .note.GNU-stack, "", @progbits
