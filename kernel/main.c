// SPDX-License-Identifier: MIT
/*
 * start_kernel(): the arch-independent boot sequence.  The arch entry code
 * (arch/<arch>/boot.S, then setup.c) calls it with a console working and
 * the image mapped; from here the order is: learn the machine (setup_arch),
 * apply the command line, map all RAM (paging_init), build mem_map and the
 * buddy allocator (mem_init), start the tick, then run the tests or idle.
 */
#include <asm/processor.h>
#include <kernel/ktest.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/setup.h>
#include <kernel/time.h>
#include <mm/memblock.h>
#include <mm/mm.h>

static void print_memory(void)
{
	unsigned long free = nr_free_pages();

	printk("Memory: %lu KiB managed, %lu KiB free, %lu KiB reserved; "
	       "mem_map covers %lu pages\n",
	       nr_managed_pages() * (PAGE_SIZE / KiB), free * (PAGE_SIZE / KiB),
	       (max_pfn - nr_managed_pages()) * (PAGE_SIZE / KiB), max_pfn);
	printk("struct page: %zu bytes, mem_map: %lu KiB\n",
	       sizeof(struct page), max_pfn * sizeof(struct page) / KiB);
}

static void __noreturn run_tests(void)
{
	int failed = ktest_run_all(boot_params.ktest_filter);
	int status = failed ? 1 : 0;

	printk("EXIT: STATUS=%d\n", status);
	arch_exit(status);
}

void start_kernel(void)
{
	printk("Pagoda, a teaching kernel\n");
	setup_arch();
	printk("Command line: %s\n", boot_command_line);
	parse_boot_params(boot_command_line);
	if (boot_params.mem_limit) {
		printk("mem=%llu KiB: RAM above it is left without struct "
		       "page\n",
		       (unsigned long long)boot_params.mem_limit / KiB);
		memblock_enforce_limit(boot_params.mem_limit);
	}
	paging_init();
	mem_init();
	print_memory();
	arch_timer_init();
	local_irq_enable();

	if (boot_params.ktest)
		run_tests();
	printk("Nothing more to run yet: idling.  (In QEMU, Ctrl-A X "
	       "quits.)\n");
	for (;;)
		arch_wait_for_interrupt();
}
