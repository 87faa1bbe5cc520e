// SPDX-License-Identifier: MIT
/*
 * The host test program: gives mm/ a 128 MiB arena as its "physical memory"
 * (the top 8 MiB without struct page, as the test boot's mem= leaves it),
 * boots the page allocator on it the way start_kernel() does (memblock, then
 * mem_init), and runs the ktest suites linked in, printing KTAP on stdout.
 *
 *	build/host/ktest-host [FILTER]     FILTER as for ktest.filter=
 *
 * Without an argument, the filter comes from $KTEST_FILTER (set by make).
 * With $KTEST_LIST set, the selected cases are named, not run.
 *
 * It also stands in for the arch hooks that the shared code calls.
 */
#include <stdio.h>
#include <stdlib.h>
#include <asm/ptrace.h>
#include <kernel/ktest.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/smp.h>
#include <mm/memblock.h>
#include <mm/memory.h>
#include <mm/mm.h>

/* The one CPU of the host tests (<asm/smp.h>'s stand-in). */
struct per_cpu host_per_cpu;

#define ARENA_SIZE (128UL << 20)
#define HIDDEN_SIZE (8UL << 20)

unsigned long host_phys_offset;
struct boot_params boot_params;

static void stdout_write(struct console *con, const char *s, size_t n)
{
	fwrite(s, 1, n, stdout);
	fflush(stdout);
}

static struct console stdout_console = { .name = "stdout",
					 .write = stdout_write };

void arch_save_regs(struct pt_regs *regs)
{
	regs->none = 0;
}

void show_regs(const struct pt_regs *regs)
{
	printk("(host: no registers)\n");
}

void show_backtrace(const struct pt_regs *regs)
{
	printk("(host: run under gdb for a backtrace)\n");
}

void arch_exit(int status)
{
	exit(status);
}

void arch_halt(void)
{
	abort();
}

int main(int argc, char **argv)
{
	void *arena = aligned_alloc(PAGE_SIZE, ARENA_SIZE);
	const char *filter = argc > 1 ? argv[1] : getenv("KTEST_FILTER");
	int failed;

	register_console(&stdout_console);
#ifdef HOST_SUITES
	ktest_limit = HOST_SUITES;
#endif

	if (!arena) {
		perror("ktest-host: arena");
		return 2;
	}
	/* Physical address 0 is the arena's start; keep pfn 0 reserved as on a PC. */
	host_phys_offset = (unsigned long)arena;
	memblock_add(0, ARENA_SIZE);
	memblock_reserve(0, PAGE_SIZE);
	/* As the test boot's mem=: the top has no struct page (device memory). */
	memblock_enforce_limit(ARENA_SIZE - HIDDEN_SIZE);
	mem_init();
	zero_page_init();
	failed = ktest_run_all(filter && *filter ? filter : NULL, 0,
			       getenv("KTEST_LIST") ? KTEST_LIST : KTEST_RUN);
	free(arena);
	return failed ? 1 : 0;
}
