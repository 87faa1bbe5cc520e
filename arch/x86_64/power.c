// SPDX-License-Identifier: MIT
/*
 * Stopping and restarting the machine.
 *
 * arch_exit is for test runs under QEMU: the isa-debug-exit device (I/O
 * port 0xf4, on the command line tools/run.py builds) ends QEMU with exit
 * status (status << 1) | 1, which is how the runner learns the result.
 * On a real PC nothing listens there and the CPU halts.
 *
 * arch_poweroff and arch_restart do what the firmware's ACPI tables say
 * (arch/x86_64/acpi.c): soft-off through PM1a_CNT, reset through the
 * FADT's reset register.  Without ACPI, power-off halts; restart then
 * tries the keyboard controller's reset line, then a triple fault.
 */
#include <asm/acpi.h>
#include <asm/io.h>
#include <kernel/panic.h>
#include <kernel/printk.h>

#define ISA_DEBUG_EXIT_PORT 0xf4
#define I8042_COMMAND 0x64
#define I8042_PULSE_RESET 0xfe

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
 * Give a power-off or reset a moment to take effect before saying it
 * failed: the chipset (or QEMU's main loop) acts a little after the write.
 * A read of port 0x80, the POST-code port, takes about a microsecond.
 */
static void settle(void)
{
	for (int i = 0; i < 100000; i++)
		inb(0x80);
}

void arch_poweroff(void)
{
	acpi_power_off();
	settle();
	printk("Power-off failed (no ACPI S5); halted. It is safe to switch "
	       "off.\n");
	arch_halt();
}

void arch_restart(void)
{
	static const struct {
		u16 limit;
		u64 base;
	} __packed no_idt;

	acpi_reset();
	settle();
	outb(I8042_PULSE_RESET, I8042_COMMAND);
	settle();
	/* With no IDT, an exception cannot be delivered: the CPU resets. */
	asm volatile("lidt %0; int3" : : "m"(no_idt));
	arch_halt();
}
