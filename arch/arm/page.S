/* SPDX-License-Identifier: MIT */
/*
 * Zeroing and copying one whole page, 32 bytes a step with the
 * multiple-register loads and stores: the fault path's main cost
 * (do_anonymous_page zeroes a page, a COW fault copies one), 128 steps
 * of two or three instructions instead of a byte loop's 4096.
 * page is page-aligned (asm/page.h).
 */
	.syntax	unified
	.arm
	.text

/* void clear_page(void *page) */
	.globl	clear_page
	.type	clear_page, %function
clear_page:
	push	{r4-r7, lr}
	mov	r1, #0
	mov	r2, #0
	mov	r3, #0
	mov	r4, #0
	mov	r5, #0
	mov	r6, #0
	mov	r7, #0
	mov	ip, #0
	add	lr, r0, #4096
1:	stmia	r0!, {r1-r7, ip}
	cmp	r0, lr
	blo	1b
	pop	{r4-r7, pc}
	.size	clear_page, . - clear_page

/* void copy_page(void *to, const void *from) */
	.globl	copy_page
	.type	copy_page, %function
copy_page:
	push	{r4-r8, lr}
	add	lr, r1, #4096
1:	ldmia	r1!, {r2-r8, ip}
	stmia	r0!, {r2-r8, ip}
	cmp	r1, lr
	blo	1b
	pop	{r4-r8, pc}
	.size	copy_page, . - copy_page

	.section .note.GNU-stack, "", %progbits
