/* SPDX-License-Identifier: MIT */
/*
 * The entry point, as a Linux-style boot loader (QEMU's -kernel with a raw
 * image, or the Pi's firmware) starts a 32-bit ARM kernel: MMU and caches
 * off, r2 = the physical address of the device tree, at KERNEL_PHYS_BASE.
 *
 * Runs at its physical address, before paging, so everything here is
 * position-independent or physical:
 *  1. leave HYP mode if the firmware started us there (the Pi's does);
 *     every interrupt masked; cores other than core 0 park in wfe for good;
 *  2. build boot_pgd, a first-level table of 1 MiB sections: RAM at
 *     PAGE_OFFSET (the direct map, the image included), the MiB holding
 *     this code at its own address too (the instruction after the one that
 *     turns the MMU on is fetched through the new tables, at the old
 *     address), and the console UART at EARLY_UART_VIRT;
 *  3. turn on the MMU and the caches, jump to the image's virtual address,
 *     clear bss, take the boot stack and call arm_start_kernel(dtb).
 */
#include <asm/layout.h>
#include <asm/board.h>

#define SECTION_RAM 0x1140e	/* section, C B, TEX 001, AP 001 (kernel RW), S */
#define SECTION_DEVICE 0x00416	/* section, B (device), AP 001, XN */
#define SCTLR_M (1 << 0)
#define SCTLR_C (1 << 2)
#define SCTLR_Z (1 << 11)
#define SCTLR_I (1 << 12)
/* TTBR0 walk attributes: inner and outer write-back write-allocate, shareable. */
#define TTB_FLAGS 0x6a

	.section .boot.header, "ax"
	.syntax unified
	.arm
	.globl	_start
_start:
	mrs	r0, cpsr
	and	r1, r0, #0x1f
	cmp	r1, #0x1a		/* HYP mode */
	bne	1f
	bic	r0, r0, #0x1f
	orr	r0, r0, #0xd3		/* SVC, IRQ and FIQ masked */
	adr	r1, 1f
	msr	elr_hyp, r1
	msr	spsr_hyp, r0
	eret
1:	cpsid	aif, #0x13
	mrc	p15, 0, r0, c0, c0, 5	/* MPIDR: which core */
	ands	r0, r0, #3
	bne	park
	mov	r10, r2			/* the device tree */

	/* 2. boot_pgd, at its physical address (this code runs there). */
	adr	r4, boot_pgd_ref
	ldr	r5, [r4]
	add	r4, r4, r5		/* r4 = boot_pgd, physical */
	mov	r0, r4
	mov	r1, #0
	add	r2, r4, #0x4000
2:	str	r1, [r0], #4
	cmp	r0, r2
	blo	2b
	/* The direct map: LOWMEM_SIZE of RAM from PHYS_OFFSET at PAGE_OFFSET. */
	ldr	r0, =PHYS_OFFSET | SECTION_RAM
	add	r1, r4, #(PAGE_OFFSET >> 20) * 4
	add	r2, r1, #(LOWMEM_SIZE >> 20) * 4
3:	str	r0, [r1], #4
	add	r0, r0, #1 << 20
	cmp	r1, r2
	blo	3b
	/* This code's MiB, at its own address. */
	adr	r0, _start
	lsr	r0, r0, #20
	ldr	r1, =SECTION_RAM
	orr	r1, r1, r0, lsl #20
	str	r1, [r4, r0, lsl #2]
	/* The console, as device memory. */
	ldr	r1, =(EARLY_UART_PHYS & 0xfff00000) | SECTION_DEVICE
	ldr	r0, =EARLY_UART_VIRT >> 20
	str	r1, [r4, r0, lsl #2]

	/* 3. The MMU: one domain (0, client: the entries' AP bits decide). */
	mov	r0, #0
	mcr	p15, 0, r0, c2, c0, 2	/* TTBCR: TTBR0 alone, 32-bit tables */
	mcr	p15, 0, r0, c8, c7, 0	/* TLBIALL */
	mcr	p15, 0, r0, c7, c5, 0	/* ICIALLU */
	orr	r0, r4, #TTB_FLAGS
	mcr	p15, 0, r0, c2, c0, 0	/* TTBR0 */
	mov	r0, #1
	mcr	p15, 0, r0, c3, c0, 0	/* DACR: domain 0 client */
	dsb
	isb
	mrc	p15, 0, r0, c1, c0, 0	/* SCTLR */
	bic	r0, r0, #(1 << 1)	/* A: no alignment checks, as user code wants */
	bic	r0, r0, #(1 << 13)	/* V: vectors at VBAR */
	bic	r0, r0, #(1 << 28) | (1 << 29) /* TRE, AFE off */
	ldr	r1, =SCTLR_M | SCTLR_C | SCTLR_Z | SCTLR_I
	orr	r0, r0, r1
	mcr	p15, 0, r0, c1, c0, 0
	isb
	ldr	pc, =start_virtual

park:	wfe
	b	park

	.balign	4
boot_pgd_ref:
	.long	boot_pgd - boot_pgd_ref
	.ltorg

	.text
start_virtual:
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
4:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	4b
	ldr	sp, =boot_stack_top
	mov	fp, #0
	mov	r0, r10
	bl	arm_start_kernel
5:	b	5b

/* The first-level table the boot runs on, until paging_init's replaces it. */
	.section .boot.data, "aw"
	.balign	0x4000
	.globl	boot_pgd
boot_pgd:
	.space	0x4000

/* The boot stack, used by start_kernel and then by the idle task. */
	.section .bss.page_aligned, "aw", %nobits
	.balign	4096
	.globl	boot_stack_guard, boot_stack_top
boot_stack_guard:
	.space	4096
boot_stack:
	.space	16384
boot_stack_top:

	.section .note.GNU-stack, "", %progbits
