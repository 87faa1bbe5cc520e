// SPDX-License-Identifier: MIT
/*
 * start_kernel(): the arch-independent boot sequence.  The arch entry code
 * (arch/<arch>/boot.S, then setup.c) calls it with a console working and
 * the image mapped; from here the order is: learn the machine (setup_arch),
 * apply the command line, map all RAM (paging_init), build mem_map and the
 * buddy allocator (mem_init), start the scheduler and the tick, and hand
 * over to kernel_init, pid 1.  The boot thread then becomes the idle task.
 *
 * kernel_init builds the root file system from the initrd, runs the
 * in-kernel tests in test mode, and finally becomes the first user process
 * by executing /bin/init -- as Linux's kernel_init does.
 */
#include <asm/processor.h>
#include <kernel/drivers/dma_engine.h>
#include <kernel/drivers/pci.h>
#include <kernel/fs/fs.h>
#include <kernel/ktest.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/setup.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <mm/memblock.h>
#include <mm/memory.h>
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

static void load_initrd(void)
{
	int err;

	if (!initrd_end) {
		printk("No initrd: the root file system is empty.\n");
		return;
	}
	err = initrd_unpack(__va(initrd_start), initrd_end - initrd_start);
	if (err)
		printk("initrd: bad archive (error %d); unpacked what came "
		       "before\n",
		       err);
}

/* The environment init gets: what the command line asked of it. */
static void init_env(char *buf, size_t size, const char *env[], int failed)
{
	int n = 0, len = 0;

	if (boot_params.run) {
		env[n++] = buf + len;
		len += snprintf(buf + len, size - len, "RUN=%s",
				boot_params.run) +
		       1;
	}
	if (boot_params.ktest) {
		env[n++] = buf + len;
		len += snprintf(buf + len, size - len, "KTEST=1") + 1;
		env[n++] = buf + len;
		len += snprintf(buf + len, size - len, "KTEST_FIRST=%d",
				ktest_count(boot_params.ktest_filter) + 1) +
		       1;
		env[n++] = buf + len;
		snprintf(buf + len, size - len, "KTEST_FAILED=%d", failed);
	}
	env[n] = NULL;
}

static int kernel_init(void *unused)
{
	static const char *const argv[] = { "/bin/init", NULL };
	static char env_buf[CMDLINE_MAX + 64];
	const char *env[5];
	int failed = 0, err;

	init_task = current;
	vfs_init();
	load_initrd();
	dma_soft_init();
	pci_init();
	arch_console_enable_input();
	if (boot_params.ktest) {
		/* A filter runs only the kernel suites it names; no user tests. */
		int user_tests = boot_params.ktest_filter
					 ? 0
					 : vfs_dir_entries("/tests");

		failed = ktest_run_all(boot_params.ktest_filter,
				       max(user_tests, 0));
		if (user_tests <= 0) {
			printk("EXIT: STATUS=%d\n", failed ? 1 : 0);
			arch_exit(failed ? 1 : 0);
		}
	}
	files_open_console(current);
	init_env(env_buf, sizeof(env_buf), env, failed);
	err = kernel_execve(argv[0], argv, env);
	panic("cannot run %s: error %d", argv[0], err);
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
	zero_page_init();
	print_memory();
	sched_init();
	arch_timer_init();
	if (!kthread_create(kernel_init, NULL, "kernel_init"))
		panic("cannot create kernel_init");
	local_irq_enable();
	/* The idle task: sleep until an interrupt makes something runnable. */
	for (;;) {
		preempt_if_needed();
		arch_wait_for_interrupt();
	}
}
