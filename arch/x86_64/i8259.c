// SPDX-License-Identifier: MIT
/*
 * The two cascaded 8259 interrupt controllers of a PC, and the dispatch of
 * their interrupts.  They are reprogrammed so that IRQs 0-15 arrive at
 * vectors 32-47, clear of the CPU exceptions (the BIOS leaves IRQ 0 on
 * vector 8, the double fault).  Every IRQ starts masked; a driver unmasks
 * its own.
 */
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/i8259.h>
#include <asm/serial.h>
#include <asm/traps.h>
#include <kernel/irq.h>
#include <kernel/time.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define PIC_EOI 0x20
#define IRQ_CASCADE 2

void pic_init(void)
{
	outb(0x11, PIC1_CMD); /* ICW1: edge triggered, cascade, ICW4 follows */
	outb(0x11, PIC2_CMD);
	outb(FIRST_IRQ_VECTOR, PIC1_DATA); /* ICW2: vector base */
	outb(FIRST_IRQ_VECTOR + 8, PIC2_DATA);
	outb(1 << IRQ_CASCADE, PIC1_DATA); /* ICW3: the slave is on IRQ 2 */
	outb(IRQ_CASCADE, PIC2_DATA);
	outb(0x01, PIC1_DATA); /* ICW4: 8086 mode */
	outb(0x01, PIC2_DATA);
	outb(0xff & ~(1 << IRQ_CASCADE), PIC1_DATA);
	outb(0xff, PIC2_DATA);
}

void pic_unmask(unsigned int irq)
{
	u16 port = irq < 8 ? PIC1_DATA : PIC2_DATA;

	outb(inb(port) & ~(1 << (irq % 8)), port);
}

/*
 * The end-of-interrupt goes after the handler: a PCI line is level
 * triggered and stays up until the handler has told its device; an EOI
 * before that would let the controller raise it again, then find it gone
 * (a spurious IRQ 7 or 15).
 */
void x86_irq(unsigned int irq, bool user_mode)
{
	if (irq == IRQ_TIMER)
		timer_tick(user_mode);
	else if (irq == IRQ_COM1)
		serial_interrupt();
	else
		handle_irq(irq); /* PCI devices' lines (kernel/irq.c) */
	if (irq >= 8)
		outb(PIC_EOI, PIC2_CMD);
	outb(PIC_EOI, PIC1_CMD);
}
