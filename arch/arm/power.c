// SPDX-License-Identifier: MIT
/*
 * Stopping the machine.  Under QEMU (-semihosting), the semihosting call
 * SYS_EXIT_EXTENDED ends the emulator with the status given, which is how
 * a test boot reports its result (boot-facts §2.2): r0 = 0x20, r1 points at
 * { ADP_Stopped_ApplicationExit, status }, then svc 0x123456 in ARM state,
 * which QEMU takes as the call instead of an exception.  Without
 * semihosting (a real board) the svc is an ordinary system call from the
 * kernel, which arm_trap would treat as a bug; so the call is made only
 * once, and then the core halts.
 */
#include <kernel/panic.h>
#include <kernel/printk.h>

#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

void arch_halt(void)
{
	for (;;)
		asm volatile("cpsid if; wfi");
}

void arch_exit(int status)
{
	unsigned long block[2] = { ADP_STOPPED_APPLICATION_EXIT, status };
	register unsigned long r0 asm("r0") = SYS_EXIT_EXTENDED;
	register unsigned long r1 asm("r1") = (unsigned long)block;

	asm volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory");
	arch_halt();
}

void arch_poweroff(void)
{
	arch_exit(0);
}

void arch_restart(void)
{
	printk("Restart is not implemented on this board; halted.\n");
	arch_halt();
}
