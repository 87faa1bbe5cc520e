// SPDX-License-Identifier: MIT
/*
 * printk: format into a buffer on the stack (kernel/lib/vsprintf.c), keep
 * it in the log buffer and hand it to every console.
 *
 * The log buffer is a ring of whole pages after a header page, laid out as
 * <pagoda/abi.h> says (struct kmsg_header), so that /dev/kmsg can map the
 * very pages printk writes (kernel/drivers/kmsg.c, seed 001).  It is in
 * the kernel image, so it exists from the first printk, before mem_map.
 */
#include <asm/irqflags.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <pagoda/abi.h>

static char log_buf[KMSG_MAP_SIZE] __aligned(KMSG_PAGE_SIZE);
static struct kmsg_header *const log_header = (void *)log_buf;
static char *const log_ring = log_buf + KMSG_PAGE_SIZE;

void log_store(const char *s, size_t n)
{
	unsigned long flags = arch_local_irq_save();

	log_header->magic = KMSG_MAGIC;
	log_header->size = KMSG_RING_SIZE;
	for (size_t i = 0; i < n; i++)
		log_ring[(log_header->head + i) % KMSG_RING_SIZE] = s[i];
	log_header->head += n;
	arch_local_irq_restore(flags);
}

void *log_buf_page(unsigned long index)
{
	return index < KMSG_MAP_SIZE / KMSG_PAGE_SIZE
		       ? log_buf + index * KMSG_PAGE_SIZE
		       : NULL;
}

static struct console *console_drivers;

/*
 * At the end of the list: the first registered (the serial port) is
 * written first, so a crash inside a later console still shows there.
 */
void register_console(struct console *con)
{
	struct console **pos = &console_drivers;

	while (*pos)
		pos = &(*pos)->next;
	con->next = NULL;
	*pos = con;
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
	log_store(buf, min((size_t)n, sizeof(buf) - 1));
	call_console_drivers(buf, min((size_t)n, sizeof(buf) - 1));
	return n;
}
