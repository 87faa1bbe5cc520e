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

/* Provided by the arch (or the host stand-in): write bytes to the console. */
void arch_console_write(const char *s, size_t n);
/* Arch: start delivering console input to console_receive() (kernel/fs/fs.h). */
void arch_console_enable_input(void);

#endif
