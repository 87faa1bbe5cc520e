// SPDX-License-Identifier: MIT
/*
 * start_kernel(): the arch-independent boot sequence.  The arch entry code
 * (arch/<arch>/boot.S, then setup.c) calls it with a console working and
 * the image mapped; from here the order is: learn the machine (setup_arch),
 * apply the command line, map all RAM (paging_init), build mem_map and the
 * buddy allocator (mem_init), start the scheduler and the tick, and hand
 * over to kernel_init, pid 1.  The boot thread then becomes the idle task.
 * kernel_init starts the other CPUs (smp_init) before anything else runs.
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
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <mm/kswapd.h>
#include <mm/memblock.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <pagoda/ktest_filter.h>

static void print_memory(void)
{
	unsigned long free = nr_free_pages(), pages = max_pfn - ARCH_PFN_OFFSET;

	printk("Memory: %lu KiB managed, %lu KiB free, %lu KiB reserved; "
	       "mem_map covers %lu pages\n",
	       nr_managed_pages() * (PAGE_SIZE / KiB), free * (PAGE_SIZE / KiB),
	       (pages - nr_managed_pages()) * (PAGE_SIZE / KiB), pages);
	printk("struct page: %zu bytes, mem_map: %lu KiB\n",
	       sizeof(struct page), pages * sizeof(struct page) / KiB);
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

/* Add "name=value" to the environment being built in buf. */
static void add_env(const char *env[], int *n, char *buf, size_t size, int *len,
		    const char *name, const char *value)
{
	env[(*n)++] = buf + *len;
	*len += snprintf(buf + *len, size - *len, "%s=%s", name, value) + 1;
}

/*
 * The environment init gets: what the command line asked of it.  In test
 * mode: where its results start in the plan, the kernel's failures, and the
 * selection (see user/bin/init.c).
 */
static void init_env(char *buf, size_t size, const char *env[], int suites,
		     int failed)
{
	int n = 0, len = 0;
	char num[16];

	if (boot_params.run)
		add_env(env, &n, buf, size, &len, "RUN", boot_params.run);
	if (boot_params.ktest) {
		add_env(env, &n, buf, size, &len, "KTEST", "1");
		snprintf(num, sizeof(num), "%d", suites + 1);
		add_env(env, &n, buf, size, &len, "KTEST_FIRST", num);
		snprintf(num, sizeof(num), "%d", failed);
		add_env(env, &n, buf, size, &len, "KTEST_FAILED", num);
		if (boot_params.ktest_filter)
			add_env(env, &n, buf, size, &len, "KTEST_FILTER",
				boot_params.ktest_filter);
		if (boot_params.ktest_list)
			add_env(env, &n, buf, size, &len, "KTEST_LIST", "1");
	}
	env[n] = NULL;
}

/* Does the test selection take the program /tests/<name>? */
static bool user_test_wanted(const char *name)
{
	const char *filter = boot_params.ktest_filter;

	if (name[0] == '.') /* init skips hidden files */
		return false;
	return !filter || ktest_filter_match(filter, name, NULL, 0);
}

/*
 * Test mode: print the plan, run (or list) the kernel suites; return how
 * many failed.  *suites and *user_tests say how many results each part has.
 */
static int run_ktests(int *suites, int *user_tests)
{
	unsigned int scope = boot_params.ktest_scope;
	const char *filter = boot_params.ktest_filter;
	enum ktest_mode mode = boot_params.ktest_list ? KTEST_LIST : KTEST_RUN;

	*suites = 0;
	*user_tests = 0;
	if (scope != KTEST_SCOPE_USER)
		*suites = ktest_count(filter);
	else
		mode = KTEST_NONE;
	if (scope != KTEST_SCOPE_KERNEL)
		*user_tests =
			max(vfs_dir_entries("/tests", user_test_wanted), 0);
	return ktest_run_all(filter, *user_tests, mode);
}

static int kernel_init(void *unused)
{
	static const char *const argv[] = { "/bin/init", NULL };
	static char env_buf[CMDLINE_MAX + 128];
	const char *env[8];
	int failed = 0, suites = 0, user_tests, err;

	init_task = current;
	init_task->pgid = init_task->pid;
	init_task->sid = init_task->pid;
	vfs_init();
	load_initrd();
	dma_soft_init();
	pci_init();
	arch_device_init();
	arch_console_enable_input();
	smp_init();
	if (boot_params.ktest) {
		failed = run_ktests(&suites, &user_tests);
		if (!user_tests) {
			printk("EXIT: STATUS=%d\n", failed ? 1 : 0);
			arch_exit(failed ? 1 : 0);
		}
	}
	files_open_console(current);
	init_env(env_buf, sizeof(env_buf), env, suites, failed);
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
		printk("mem=%llu KiB: RAM beyond it is left without struct "
		       "page\n",
		       (unsigned long long)boot_params.mem_limit / KiB);
		memblock_enforce_limit(memblock_start_of_ram() +
				       boot_params.mem_limit);
	}
	paging_init();
	mem_init();
	zero_page_init();
	print_memory();
	arch_late_setup();
	sched_init();
	lock_kernel(); /* from now on, kernel code runs under it (kernel/smp.h) */
	arch_timer_init();
	realtime_init();
	if (!kthread_create(kernel_init, NULL, "kernel_init"))
		panic("cannot create kernel_init");
	kswapd_init(); /* pid 2, the idle task's child: init never waits for it */
	/* The idle task: sleep until an interrupt makes something runnable. */
	cpu_idle();
}
