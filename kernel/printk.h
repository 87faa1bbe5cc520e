/* SPDX-License-Identifier: MIT */
/* Formatted output: printk to the console, snprintf into a buffer. */
#ifndef _KERNEL_PRINTK_H
#define _KERNEL_PRINTK_H

#include <stdarg.h>
#include <kernel/kernel.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int printk(const char *fmt, ...) __printf(1, 2);

/* Append to the kernel log (printk does), which /dev/kmsg maps. */
void log_store(const char *s, size_t n);
/* The log's page index (header, then ring), or NULL past its end. */
void *log_buf_page(unsigned long index);

/*
 * A console: somewhere kernel output is shown (the serial port, the
 * screen).  printk and /dev/console write to every registered console,
 * as Linux's printk does to its console list.  Registered at boot before
 * the scheduler runs, never removed; write may be called with interrupts
 * off, and must cope with any byte ('\n' starts a new line).
 */
struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, size_t n);
	/* Optional: show what write left pending (a screen redraws lazily). */
	void (*flush)(struct console *con);
	struct console *next;
};

void register_console(struct console *con);
void call_console_drivers(const char *s, size_t n);
/* Called when the CPU goes idle, and before the machine stops. */
void console_flush(void);

/* Arch: start delivering console input to console_receive() (kernel/fs/fs.h). */
void arch_console_enable_input(void);

#endif
