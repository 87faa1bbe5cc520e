// SPDX-License-Identifier: MIT
/*
 * The console UART: an ARM PrimeCell PL011 (both boards), at the address
 * boot.S maps at EARLY_UART_VIRT.  Output is polled (wait while the
 * transmit FIFO is full); input comes by interrupt, the receive and
 * receive-timeout ones (a character that waits in a FIFO not yet at its
 * trigger level raises the timeout one), and is fed to the tty.  QEMU's
 * model needs no baud-rate set-up; on a Pi the firmware leaves one.
 */
#include <asm/board.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/serial.h>
#include <kernel/fs/fs.h>
#include <kernel/printk.h>

#define UART_DR 0x00
#define UART_FR 0x18
#define UART_LCRH 0x2c
#define UART_CR 0x30
#define UART_IMSC 0x38	 /* interrupt mask set/clear */
#define UART_ICR 0x44	 /* interrupt clear */
#define FR_RXFE (1 << 4) /* receive FIFO empty */
#define FR_TXFF (1 << 5) /* transmit FIFO full */
#define LCRH_FEN (1 << 4)
#define LCRH_WLEN8 (3 << 5)
#define CR_UARTEN (1 << 0)
#define CR_TXE (1 << 8)
#define CR_RXE (1 << 9)
#define INT_RX (1 << 4)
#define INT_RT (1 << 6)

static void __iomem *const uart = (void __iomem *)EARLY_UART_VIRT;

static void serial_putc(char c)
{
	while (readl(uart + UART_FR) & FR_TXFF)
		;
	writel(c, uart + UART_DR);
}

static void serial_write(struct console *con, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

static struct console serial_console = { .name = "ttyAMA0",
					 .write = serial_write };

void serial_init(void)
{
	writel(LCRH_FEN | LCRH_WLEN8, uart + UART_LCRH);
	writel(CR_UARTEN | CR_TXE | CR_RXE, uart + UART_CR);
	register_console(&serial_console);
}

void serial_enable_input(void)
{
	writel(INT_RX | INT_RT, uart + UART_IMSC);
	arch_unmask_irq(UART_IRQ);
}

/*
 * Acknowledge first, then drain: a character that arrives after the last
 * look at the FIFO raises the interrupt again.  (The other order would
 * clear that character's interrupt and leave it waiting in the FIFO.)
 */
void serial_interrupt(void)
{
	writel(INT_RX | INT_RT, uart + UART_ICR);
	while (!(readl(uart + UART_FR) & FR_RXFE))
		console_receive(readl(uart + UART_DR) & 0xff);
}
