// SPDX-License-Identifier: MIT
/*
 * panic(): print why, the registers and a backtrace with function names, then
 * stop.  Under `make test` the runner reads the "PANIC:" line, so a crash is
 * reported as a crash and not as a hang.
 */
#include <stdarg.h>
#include <asm/ptrace.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>

static bool in_panic;

static void __noreturn vpanic(struct pt_regs *regs, const char *fmt, va_list ap)
{
	char msg[256];

	/* A fault while panicking must not recurse: stop at once. */
	if (in_panic)
		arch_halt();
	in_panic = true;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	printk("\nPANIC: %s\n", msg);
	show_regs(regs);
	show_backtrace(regs);
	if (boot_params.ktest)
		arch_exit(PANIC_EXIT_STATUS);
	printk("System halted.\n");
	console_flush();
	arch_halt();
}

void panic(const char *fmt, ...)
{
	struct pt_regs regs;
	va_list ap;

	arch_save_regs(&regs);
	va_start(ap, fmt);
	vpanic(&regs, fmt, ap);
}

void panic_regs(struct pt_regs *regs, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpanic(regs, fmt, ap);
}
