// SPDX-License-Identifier: MIT
/*
 * Stopping the machine.
 *
 * arch_exit is for test runs under QEMU: a line-mode message "<n>q" to the
 * sclplmconsole, which tools/run.py connects to QEMU's testdev character
 * device, ends QEMU with status (n << 1) | 1, as isa-debug-exit does on
 * x86_64.  Power-off is a disabled wait with address 0xfff, which QEMU
 * takes for a clean shutdown; any other disabled wait it reports as a
 * guest crash.
 *
 * Restart is a re-IPL: DIAGNOSE 0x308 with subcode 3, "load clear", which
 * resets the machine, clears storage and loads the system again from
 * where it was first loaded (QEMU: the same -kernel and -initrd); under
 * -no-reboot QEMU exits instead, as a PC's reset does.  Subcodes 0 and 1,
 * the resets that keep storage, do not reload the image: QEMU restarts
 * the CPU on the kernel's old lowcore with its control registers reset,
 * and it loops on program checks.
 */
#include <asm/ptrace.h>
#include <asm/sclp.h>
#include <kernel/panic.h>
#include <kernel/printk.h>

#define DIAG308_LOAD_CLEAR 3

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
	register unsigned long addr asm("2") = 0;
	register unsigned long subcode asm("3") = DIAG308_LOAD_CLEAR;

	asm volatile("diag %0, %1, 0x308"
		     :
		     : "d"(addr), "d"(subcode)
		     : "memory");
	printk("re-IPL refused; halted.\n");
	arch_halt();
}
