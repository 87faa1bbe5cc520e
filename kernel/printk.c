// SPDX-License-Identifier: MIT
/*
 * printk: format into a buffer on the stack (kernel/lib/vsprintf.c) and
 * hand it to every console.
 */
#include <kernel/printk.h>

static struct console *console_drivers;

void register_console(struct console *con)
{
	con->next = console_drivers;
	console_drivers = con;
}

void call_console_drivers(const char *s, size_t n)
{
	for (struct console *con = console_drivers; con; con = con->next)
		con->write(con, s, n);
}

void console_flush(void)
{
	for (struct console *con = console_drivers; con; con = con->next)
		if (con->flush)
			con->flush(con);
}

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
	call_console_drivers(buf, min((size_t)n, sizeof(buf) - 1));
	return n;
}
