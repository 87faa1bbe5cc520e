// SPDX-License-Identifier: MIT
/*
 * /dev/console: the serial console as a terminal (a tty in canonical
 * mode, the line discipline of Linux's n_tty, much reduced).
 *
 * Input arrives one character at a time from the UART's receive interrupt
 * (console_receive) and is edited in a line buffer before any program
 * sees it:
 *   printable characters  are added to the line and echoed
 *   backspace (^H, DEL)   erases the last character of the line ("\b \b")
 *   CR or LF              ends the line (as LF): it becomes readable
 *   ^D                    on an empty line: end of file (a read returns 0);
 *                         otherwise the line so far becomes readable as is
 * A read waits until a whole line is there and returns at most one line
 * (up to the count asked; the rest stays for the next read).  Output goes
 * straight to the console.  ioctl TCGETECHO/TCSETECHO read and set echo.
 *
 * buf holds the readable lines first (committed bytes), then the line
 * being edited.  An end of file is kept in buf as a ^D byte, which no
 * other input can produce, so it is seen in its place in the input.
 *
 * Locking: console_receive runs in interrupt context, so buf is guarded by
 * a spinlock (interrupts off).  Readers copy a chunk out under the lock and
 * then to the user without it, since the copy may fault.
 */
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define TTY_BUF_SIZE 1024
#define CTRL_D 0x04

static struct tty {
	struct spinlock lock;
	char buf[TTY_BUF_SIZE];
	size_t len;	  /* bytes in buf */
	size_t committed; /* bytes of buf that readers may take */
	bool echo;
	struct wait_queue read_wait;
} tty = {
	.lock = SPINLOCK_INIT,
	.echo = true,
	.read_wait = WAIT_QUEUE_INIT(tty.read_wait),
};

/*
 * Add c to the input and put its echo (at most 3 bytes) in echo; returns
 * the echo's length.  Lock held.
 */
static size_t tty_input(char c, char *echo)
{
	switch (c) {
	case '\r':
	case '\n':
		if (tty.len == TTY_BUF_SIZE)
			return 0; /* full: the line is lost */
		tty.buf[tty.len++] = '\n';
		tty.committed = tty.len;
		echo[0] = '\n';
		return 1;
	case '\b':
	case 0x7f:
		if (tty.len == tty.committed)
			return 0; /* nothing to erase on this line */
		tty.len--;
		memcpy(echo, "\b \b", 3);
		return 3;
	case CTRL_D:
		if (tty.len == tty.committed && tty.len < TTY_BUF_SIZE)
			tty.buf[tty.len++] = CTRL_D;
		tty.committed = tty.len;
		return 0;
	}
	/* Other control characters are ignored; keep room for a newline. */
	if (c < 0x20 || c > 0x7e || tty.len >= TTY_BUF_SIZE - 1)
		return 0;
	tty.buf[tty.len++] = c;
	echo[0] = c;
	return 1;
}

/* From the UART's receive interrupt. */
void console_receive(char c)
{
	unsigned long flags = spin_lock_irqsave(&tty.lock);
	char echo[3];
	size_t n = tty_input(c, echo);
	bool readable = tty.committed > 0;

	if (!tty.echo)
		n = 0;
	spin_unlock_irqrestore(&tty.lock, flags);
	arch_console_write(echo, n);
	if (readable)
		wake_up(&tty.read_wait);
}

/*
 * Take up to max readable bytes into dst, stopping after a newline or
 * before an end-of-file mark; returns how many.  first: nothing has been
 * returned to this reader yet, so a mark at the front is its end of file
 * (consumed, and 0 returned).  *end says the read is complete.  Lock held.
 */
static size_t tty_take(char *dst, size_t max, bool first, bool *end)
{
	size_t n = 0, consumed;

	*end = false;
	if (first && tty.committed && tty.buf[0] == CTRL_D) {
		*end = true;
		consumed = 1;
	} else {
		while (n < max && n < tty.committed && !*end) {
			if (tty.buf[n] == CTRL_D) {
				*end = true;
				break;
			}
			dst[n] = tty.buf[n];
			*end = dst[n++] == '\n';
		}
		/*
		 * All that was readable is taken (a line pushed by ^D), or
		 * another reader took it first: then wait again if this
		 * reader has nothing yet.
		 */
		if (n == tty.committed && (n || !first))
			*end = true;
		consumed = n;
	}
	memmove(tty.buf, tty.buf + consumed, tty.len - consumed);
	tty.len -= consumed;
	tty.committed -= consumed;
	return n;
}

static long console_read(struct kiocb *iocb, struct iov_iter *to)
{
	size_t done = 0;
	bool end = false;

	while (!end && iov_iter_count(to)) {
		char chunk[128];
		unsigned long flags;
		size_t n, copied;

		if (!done) {
			long err =
				wait_event(&tty.read_wait, tty.committed > 0);

			if (err)
				return err;
		}
		flags = spin_lock_irqsave(&tty.lock);
		n = tty_take(chunk, min(sizeof(chunk), iov_iter_count(to)),
			     !done, &end);
		spin_unlock_irqrestore(&tty.lock, flags);
		copied = copy_to_iter(chunk, n, to);
		done += copied;
		if (copied < n) /* the rest of the chunk is dropped */
			return done ? (long)done : -EFAULT;
	}
	return done;
}

static long console_write(struct kiocb *iocb, struct iov_iter *from)
{
	size_t done = 0;

	while (iov_iter_count(from)) {
		char chunk[128];
		size_t n = min(sizeof(chunk), iov_iter_count(from));
		size_t copied = copy_from_iter(chunk, n, from);

		arch_console_write(chunk, copied);
		done += copied;
		if (copied < n)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

static long console_ioctl(struct file *file, unsigned long cmd,
			  unsigned long arg)
{
	switch (cmd) {
	case TCGETECHO:
		return tty.echo;
	case TCSETECHO:
		tty.echo = arg != 0;
		return 0;
	default:
		return -ENOTTY;
	}
}

/* A terminal: no llseek (ESPIPE). */
const struct file_operations console_fops = {
	.read_iter = console_read,
	.write_iter = console_write,
	.ioctl = console_ioctl,
};
