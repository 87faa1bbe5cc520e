/* SPDX-License-Identifier: MIT */
/*
 * clear_page and copy_page: a whole 4 KiB page at once, with the string
 * instructions moving 8 bytes per step (rep stosq, rep movsq).  Every
 * anonymous fault zeroes a page and every COW fault copies one, so these
 * are on the hottest paths of the VM; Linux has the same two per arch.
 */
#include <asm/layout.h>

	.text
/* void clear_page(void *page) */
	.globl	clear_page
clear_page:
	mov	$PAGE_SIZE / 8, %ecx
	xor	%eax, %eax
	rep stosq
	ret

/* void copy_page(void *to, const void *from) */
	.globl	copy_page
copy_page:
	mov	$PAGE_SIZE / 8, %ecx
	rep movsq
	ret

	.section .note.GNU-stack, "", @progbits
