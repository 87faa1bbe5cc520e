// SPDX-License-Identifier: MIT
/*
 * The console: COM1, a 16550 UART at I/O port 0x3f8, polled.  115200 baud,
 * 8 data bits, no parity, one stop bit.  Each '\n' goes out as "\r\n" so a
 * terminal returns to the first column.
 */
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/serial.h>
#include <kernel/fs/fs.h>
#include <kernel/printk.h>

#define COM1 0x3f8
#define UART_DATA 0 /* DLAB=0: transmit/receive; DLAB=1: divisor low */
#define UART_IER 1  /* DLAB=0: interrupt enable; DLAB=1: divisor high */
#define UART_FCR 2  /* FIFO control */
#define UART_LCR 3  /* line control; bit 7 is DLAB */
#define UART_MCR 4  /* modem control */
#define UART_LSR 5  /* line status */
#define UART_SCR 7  /* scratch: no function, but it keeps what is written */
#define LSR_DATA_READY 0x01
#define LSR_THRE 0x20 /* transmit holding register empty */
#define IER_RX 0x01

static void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & LSR_THRE))
		;
	outb(c, COM1 + UART_DATA);
}

static void serial_write(struct console *con, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

static struct console serial_console = { .name = "ttyS0",
					 .write = serial_write };
static bool serial_present;

/*
 * Many PCs have no COM1.  An absent port reads as 0xff, which would look
 * like "data ready" forever; the scratch register tells them apart.
 */
static bool serial_probe(void)
{
	outb(0x5a, COM1 + UART_SCR);
	if (inb(COM1 + UART_SCR) != 0x5a)
		return false;
	outb(0xa5, COM1 + UART_SCR);
	return inb(COM1 + UART_SCR) == 0xa5;
}

void serial_init(void)
{
	serial_present = serial_probe();
	if (!serial_present)
		return;
	outb(0x00,
	     COM1 + UART_IER); /* no interrupts until the console is ready */
	outb(0x80, COM1 + UART_LCR);  /* DLAB on, to set the divisor */
	outb(0x01, COM1 + UART_DATA); /* 115200 / 1 */
	outb(0x00, COM1 + UART_IER);
	outb(0x03, COM1 + UART_LCR); /* 8N1, DLAB off */
	outb(0xc7, COM1 + UART_FCR); /* enable and clear FIFOs */
	outb(0x03, COM1 + UART_MCR); /* DTR, RTS */
	register_console(&serial_console);
}

/* Input arrives by interrupt; output is still polled. */
void serial_enable_input(void)
{
	if (!serial_present)
		return;
	outb(0x0b, COM1 + UART_MCR);   /* DTR, RTS, OUT2 (gates the IRQ line) */
	outb(IER_RX, COM1 + UART_IER); /* interrupt on received data */
	pic_unmask(IRQ_COM1);
}

void serial_interrupt(void)
{
	while (inb(COM1 + UART_LSR) & LSR_DATA_READY)
		console_receive(inb(COM1 + UART_DATA));
}
