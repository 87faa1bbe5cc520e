// SPDX-License-Identifier: MIT
/*
 * printk: format into a buffer on the stack (kernel/lib/vsprintf.c) and
 * hand it to the console.
 */
#include <kernel/printk.h>

/* Lines longer than this are cut; printk never allocates. */
#define PRINTK_MAX 512

int printk(const char *fmt, ...)
{
	char buf[PRINTK_MAX];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	arch_console_write(buf, min((size_t)n, sizeof(buf) - 1));
	return n;
}
