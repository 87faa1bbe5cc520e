// SPDX-License-Identifier: MIT
/*
 * s390x boot: head.S calls s390_start_kernel() on the boot stack with DAT
 * off.  It fills the lowcore's new PSWs, so that every interruption class
 * reaches entry.S, starts the SCLP console, and hands over to
 * start_kernel().  setup_arch() then learns the machine: memory from the
 * SCLP (one range from 0), the command line from the parameter area, the
 * initrd from where QEMU said it put it.
 *
 * What is reserved, and why:
 *  - the first 64 KiB: the lowcore (the CPU's prefix area, 8 KiB) and
 *    what lies below the image;
 *  - the kernel image, from 64 KiB to _end (bss included);
 *  - the initrd.
 */
#include <asm/cio.h>
#include <asm/facility.h>
#include <asm/lowcore.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/sclp.h>
#include <asm/setup.h>
#include <asm/timer.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/setup.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <mm/memblock.h>

extern const char _end[];
extern const char parm_area[];
extern const u64 initrd_start_parm, initrd_size_parm;
extern const char pgm_check_handler[], svc_handler[], ext_handler[],
	io_handler[], mcck_handler[];

phys_addr_t initrd_start, initrd_end;

struct psw {
	u64 mask, addr;
};

/* Before paging_init: DAT is off, and lowcore_ptr is the real lowcore. */
static void set_new_psw(unsigned long offset, const void *handler, u64 mask)
{
	struct psw *psw = lowcore_ptr(offset);

	psw->mask = mask;
	psw->addr = (unsigned long)handler;
}

/*
 * Interruptions enter with DAT off, at the real lowcore, and entry.S turns
 * DAT on (the home space) once it has saved the registers there: the
 * kernel's own view of page 0 is invalid.  The identity direct map makes
 * the code's addresses the same either way.
 */
static void set_new_psws(void)
{
	u64 mask = PSW_ASC_HOME | PSW_MASK_64;

	set_new_psw(__LC_PGM_NEW_PSW, pgm_check_handler, mask);
	set_new_psw(__LC_SVC_NEW_PSW, svc_handler, mask);
	set_new_psw(__LC_EXT_NEW_PSW, ext_handler, mask);
	set_new_psw(__LC_MCCK_NEW_PSW, mcck_handler, PSW_MASK_64);
	set_new_psw(__LC_IO_NEW_PSW, io_handler, mask);
	set_new_psw(__LC_RESTART_NEW_PSW, mcck_handler, PSW_MASK_64);
}

bool test_facility(unsigned int nr)
{
	static u64 list[4] __aligned(8);
	static bool stored;

	if (!stored) {
		register unsigned long n asm("0") = ARRAY_SIZE(list) - 1;

		asm volatile("stfle %0" : "=Q"(list), "+d"(n) : : "cc");
		stored = true;
	}
	return nr < 64 * ARRAY_SIZE(list) &&
	       (list[nr / 64] >> (63 - nr % 64)) & 1;
}

void setup_arch(void)
{
	unsigned long size = sclp_memory_size();

	if (!size)
		panic("the SCLP did not say how much memory there is");
	printk("Physical memory map (from the SCLP):\n");
	printk("  [mem 0x%012lx-0x%012lx] usable\n", 0UL, size - 1);
	memblock_add(0, size);
	memblock_reserve(0, KERNEL_PHYS_BASE);
	memblock_reserve(KERNEL_PHYS_BASE,
			 __pa_symbol(_end) - KERNEL_PHYS_BASE);
	if (initrd_size_parm) {
		initrd_start = initrd_start_parm;
		initrd_end = initrd_start + initrd_size_parm;
		memblock_reserve(initrd_start, initrd_size_parm);
	}
	strscpy(boot_command_line, parm_area, sizeof(boot_command_line));
}

/* The devices: the XIP segment in storage, those on channels (cio.c). */
void arch_device_init(void)
{
	dcss_init();
	css_init();
}

void arch_console_enable_input(void)
{
	sclp_enable_input();
}

void arch_late_setup(void)
{
}

void __noreturn s390_start_kernel(void)
{
	smp_prepare_boot_cpu(); /* current and the per-CPU data, first */
	tod_clock_restart();
	set_new_psws();
	sclp_console_init();
	start_kernel();
}
