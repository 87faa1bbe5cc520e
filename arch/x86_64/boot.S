/* SPDX-License-Identifier: MIT */
/*
 * From GRUB to C.
 *
 * GRUB (Multiboot2) enters _start in 32-bit protected mode with paging off,
 * eax = the Multiboot2 magic and ebx = the physical address of the boot
 * information.  Long mode needs paging, so this code, linked at its physical
 * address, switches on a temporary page table that maps the first 1 GiB
 * three times with 2 MiB pages:
 *
 *	0                  identity: the code below keeps running after paging
 *	PAGE_OFFSET        the direct map, where early C code reads boot data
 *	KERNEL_VIRT_BASE   the kernel image, where C code is linked
 *
 * then jumps to x86_64_start_kernel() in the high kernel image.  paging_init()
 * later replaces this table with the final one (4 KiB pages with per-section
 * rights, and all of RAM in the direct map).
 */
#include <asm/layout.h>
#include <asm/multiboot2.h>

#define PTE_PRESENT	0x001
#define PTE_WRITE	0x002
#define PTE_HUGE	0x080	/* 2 MiB page in a page-directory entry */

#define CR0_PE		(1 << 0)
#define CR0_WP		(1 << 16)	/* write protection applies to the kernel too */
#define CR0_PG		(1 << 31)
#define CR4_PAE		(1 << 5)
#define MSR_EFER	0xc0000080
#define EFER_LME	(1 << 8)
#define EFER_NXE	(1 << 11)

#define BOOT_CS		0x08
#define BOOT_DS		0x10

#define PHYS(sym)	((sym) - KERNEL_VIRT_BASE)

/*
 * From 32-bit protected mode to long mode on the boot page table, then to
 * target, 64-bit code: the boot CPU and every other CPU take these steps.
 */
.macro ENTER_LONG_MODE target
	mov	$boot_pml4, %eax
	mov	%eax, %cr3
	mov	%cr4, %eax
	or	$CR4_PAE, %eax
	mov	%eax, %cr4
	mov	$MSR_EFER, %ecx
	rdmsr
	or	$(EFER_LME | EFER_NXE), %eax
	wrmsr
	mov	%cr0, %eax
	or	$(CR0_PG | CR0_WP | CR0_PE), %eax
	mov	%eax, %cr0
	lgdt	boot_gdt_ptr
	ljmp	$BOOT_CS, $\target
.endm

/* The data segments of the boot GDT; fs and gs null. */
.macro LOAD_BOOT_SEGMENTS
	mov	$BOOT_DS, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	xor	%eax, %eax
	mov	%ax, %fs
	mov	%ax, %gs
.endm

	.section .boot.header, "a"
	.balign 8
mb2_header:
	.long MB2_HEADER_MAGIC
	.long 0					/* architecture: i386 */
	.long mb2_header_end - mb2_header
	.long -(MB2_HEADER_MAGIC + (mb2_header_end - mb2_header))
	/*
	 * A graphics mode for the screen console, 1024 x 768 with 32-bit
	 * pixels or the nearest GRUB can set.  Under UEFI there is no text
	 * mode, and without this tag GRUB would leave no screen at all.
	 */
	.short MB2_HEADER_TAG_FRAMEBUFFER, MB2_HEADER_TAG_OPTIONAL
	.long 20
	.long 1024, 768, 32
	.balign 8
	.short 0, 0				/* end tag */
	.long 8
mb2_header_end:

	.section .boot.text, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	mov	%eax, %ebp		/* magic and info survive in ebp/esi */
	mov	%ebx, %esi

	/* Long mode (bit 29) and NX (bit 20) of CPUID 0x80000001 edx. */
	mov	$0x80000000, %eax
	cpuid
	cmp	$0x80000001, %eax
	jb	no_long_mode
	mov	$0x80000001, %eax
	cpuid
	test	$(1 << 29), %edx
	jz	no_long_mode
	test	$(1 << 20), %edx
	jz	no_long_mode

	/* GRUB zeroes .bss as the ELF asks, but do not depend on the loader. */
	mov	$PHYS(__bss_start), %edi
	mov	$PHYS(__bss_end), %ecx
	sub	%edi, %ecx
	xor	%eax, %eax
	rep stosb

	ENTER_LONG_MODE start64

/*
 * The other CPUs, from the trampoline (trampoline.S), in 32-bit protected
 * mode: the same steps to long mode on the same boot page table, then to
 * secondary_startup in the high kernel image.
 */
	.globl ap_start32
ap_start32:
	ENTER_LONG_MODE ap_start64

no_long_mode:
	mov	$no_long_mode_msg, %esi
1:	lodsb
	test	%al, %al
	jz	2f
	mov	$0x3f8, %dx		/* COM1: QEMU prints without any set-up */
	outb	%al, %dx
	jmp	1b
2:	hlt
	jmp	2b

	.code64
start64:
	LOAD_BOOT_SEGMENTS

	movabs	$boot_stack_top, %rsp
	mov	%ebp, %edi		/* upper halves are undefined after the switch: */
	mov	%esi, %esi		/* a 32-bit mov zeroes them */
	xor	%ebp, %ebp		/* the backtrace stops at a zero frame */
	movabs	$x86_64_start_kernel, %rax
	call	*%rax
3:	hlt
	jmp	3b

ap_start64:
	LOAD_BOOT_SEGMENTS
	movabs	$secondary_startup, %rax
	jmp	*%rax

/*
 * Now in the high kernel image: the kernel's own page table (the boot one
 * maps only the first GiB), this CPU's stack, and C.  smpboot.c fills
 * ap_boot_cr3 and ap_boot_stack before it starts each CPU.
 */
	.text
secondary_startup:
	mov	ap_boot_cr3(%rip), %rax
	mov	%rax, %cr3
	mov	ap_boot_stack(%rip), %rsp
	xor	%ebp, %ebp
	call	start_secondary
4:	hlt
	jmp	4b

	.section .boot.data, "aw"
no_long_mode_msg:
	.asciz	"Pagoda needs a 64-bit (long mode) CPU with NX. Halted.\r\n"

	.balign 8
boot_gdt:
	.quad	0
	.quad	0x00af9a000000ffff	/* 0x08: 64-bit kernel code */
	.quad	0x00cf92000000ffff	/* 0x10: kernel data */
boot_gdt_end:
boot_gdt_ptr:
	.short	boot_gdt_end - boot_gdt - 1
	.long	boot_gdt

	.balign PAGE_SIZE
boot_pml4:
	.quad	boot_pdpt + (PTE_PRESENT | PTE_WRITE)
	.fill	255, 8, 0
	.quad	boot_pdpt + (PTE_PRESENT | PTE_WRITE)	/* PAGE_OFFSET */
	.fill	254, 8, 0
	.quad	boot_pdpt_high + (PTE_PRESENT | PTE_WRITE) /* KERNEL_VIRT_BASE */
boot_pdpt:
	.quad	boot_pd + (PTE_PRESENT | PTE_WRITE)
	.fill	511, 8, 0
boot_pdpt_high:
	.fill	510, 8, 0
	.quad	boot_pd + (PTE_PRESENT | PTE_WRITE)
	.quad	0
boot_pd:
	.set	i, 0
	.rept	512
	.quad	(i << 21) | (PTE_PRESENT | PTE_WRITE | PTE_HUGE)
	.set	i, i + 1
	.endr

/*
 * The boot stack, with an unmapped guard page below it (paging_init leaves
 * the guard out of the final page table), so an overflow faults at once
 * instead of silently overwriting .data below it.
 */
	.section .bss.page_aligned, "aw", @nobits
	.balign PAGE_SIZE
	.globl boot_stack_guard, boot_stack_top
boot_stack_guard:
	.skip	PAGE_SIZE
boot_stack:
	.skip	4 * PAGE_SIZE
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
