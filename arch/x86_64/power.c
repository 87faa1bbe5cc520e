// SPDX-License-Identifier: MIT
/*
 * Stopping the machine.  Under QEMU, the isa-debug-exit device (I/O port
 * 0xf4, on the command line tools/run.py builds) ends QEMU with exit status
 * (status << 1) | 1.  On a real PC nothing listens there and the CPU halts.
 */
#include <asm/io.h>
#include <kernel/panic.h>

#define ISA_DEBUG_EXIT_PORT 0xf4

void arch_halt(void)
{
	for (;;)
		asm volatile("cli; hlt");
}

void arch_exit(int status)
{
	outl(status, ISA_DEBUG_EXIT_PORT);
	arch_halt();
}
