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

/*
 * ACPI soft-off: writing SLP_TYPa = 0 with SLP_EN to the PM1a control
 * register, which QEMU's PIIX4 power-management device has at I/O port
 * 0x604.  QEMU then exits with status 0.  (A real PC needs the port and
 * sleep type from the ACPI tables; there we fall back to halting.)
 */
void arch_poweroff(void)
{
	outw(0x2000, 0x604);
	arch_halt();
}
