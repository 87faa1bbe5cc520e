// SPDX-License-Identifier: MIT
/*
 * Stopping the machine.
 *
 * arch_exit is for test runs under QEMU: a line-mode message "<n>q" to the
 * sclplmconsole, which tools/run.py connects to QEMU's testdev character
 * device, ends QEMU with status (n << 1) | 1, as isa-debug-exit does on
 * x86_64.  Power-off is a disabled wait with address 0xfff, which QEMU
 * takes for a clean shutdown; any other disabled wait it reports as a
 * guest crash.  Restart is a SIGP "restart" of... nothing yet: halt.
 */
#include <asm/ptrace.h>
#include <asm/sclp.h>
#include <kernel/panic.h>
#include <kernel/printk.h>

static void __noreturn disabled_wait(unsigned long code)
{
	struct {
		u64 mask, addr;
	} psw __attribute__((aligned(8))) = { PSW_MASK_WAIT | PSW_MASK_64,
					      code };

	for (;;)
		asm volatile("lpswe %0" : : "Q"(psw) : "memory");
}

void arch_halt(void)
{
	disabled_wait(0xdead);
}

void arch_exit(int status)
{
	char line[16];

	snprintf(line, sizeof(line), "%dq", status);
	sclp_write_line_mode(line);
	arch_halt();
}

void arch_poweroff(void)
{
	disabled_wait(0xfff);
}

void arch_restart(void)
{
	printk("Restart is not supported on s390 yet; halted.\n");
	arch_halt();
}
