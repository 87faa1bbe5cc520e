// SPDX-License-Identifier: MIT
/*
 * /dev/console: the console as a terminal (a tty, the line discipline of
 * Linux's n_tty, much reduced).  Input arrives one byte at a time from the
 * UART's and the keyboard's interrupts (console_receive); output goes to
 * every console (the serial port and the screen).
 *
 * In canonical mode (the default) input is edited in a line buffer
 * before any program sees it:
 *   printable characters  are added to the line and echoed
 *   backspace (^H, DEL)   erases the last character of the line ("\b \b")
 *   ^U                    erases the whole line
 *   ^W                    erases the last word (and the blanks after it)
 *   CR or LF              ends the line (as LF): it becomes readable
 *   ^D                    on an empty line: end of file (a read returns 0);
 *                         otherwise the line so far becomes readable as is
 *   ^C                    discards the input, echoes "^C", and sends the
 *                         foreground job SIGINT (below)
 *   ESC [ ... or ESC O x  a terminal's key sequence (an arrow key ...):
 *                         dropped whole, so it never lands in a line
 * Other control characters are dropped.  A read waits until a whole line
 * is there and returns at most one line (up to the count asked; the rest
 * stays for the next read).
 *
 * Without canonical mode (TCSETCANON 0, for a program that edits its own
 * line, as the shell does) every byte is readable at once and a read
 * returns what is there; CR still becomes LF, nothing else is special.
 *
 * The foreground job: TIOCSPGRP names a process group (the shell sets the
 * job it waits for; 0 is none).  ^C sends that group SIGINT, as Linux's
 * n_tty does (isig): its default action ends the job, and a program
 * may catch it.  ioctl TCGETECHO/TCSETECHO read and set echo,
 * TCGETCANON/TCSETCANON canonical mode, TIOCGPGRP/TIOCSPGRP the group.
 *
 * buf holds the readable bytes first (committed), then the line being
 * edited.  An end of file is kept in buf as a ^D byte, seen in its place
 * in the input.
 *
 * Locking: console_receive runs in interrupt context, so the tty is
 * guarded by a spinlock (interrupts off).  Readers copy a chunk out under
 * the lock and then to the user without it, since the copy may fault.
 */
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/string.h>

#define TTY_BUF_SIZE 1024
#define CTRL(c) ((c)&0x1f)
#define CTRL_D CTRL('D')
#define ESC 0x1b

enum esc_state { ESC_NONE, ESC_START, ESC_CSI };

static struct tty {
	struct spinlock lock;
	char buf[TTY_BUF_SIZE];
	size_t len;	  /* bytes in buf */
	size_t committed; /* bytes of buf that readers may take */
	bool echo;
	bool canon;	    /* canonical mode: input edited in lines */
	int fg_pgrp;	    /* the foreground job's group, 0 if none */
	enum esc_state esc; /* inside a key sequence being dropped */
	struct wait_queue read_wait;
} tty = {
	.lock = SPINLOCK_INIT,
	.echo = true,
	.canon = true,
	.read_wait = WAIT_QUEUE_INIT(tty.read_wait),
};

/* What one input byte echoes: some bytes, then erasing some characters. */
struct tty_echo {
	char text[3];
	size_t len;
	size_t erase; /* characters to erase ("\b \b" each) after text */
	int kill_pgrp;
};

static void echo_text(struct tty_echo *echo, const char *s, size_t n)
{
	memcpy(echo->text, s, n);
	echo->len = n;
}

/* Remove the last n characters of the line being edited; how many. */
static size_t erase_chars(size_t n)
{
	n = min(n, tty.len - tty.committed);
	tty.len -= n;
	return n;
}

/* ^W: the blanks at the end of the line and the word before them. */
static size_t last_word(void)
{
	size_t i = tty.len;

	while (i > tty.committed && tty.buf[i - 1] == ' ')
		i--;
	while (i > tty.committed && tty.buf[i - 1] != ' ')
		i--;
	return tty.len - i;
}

/*
 * A key sequence: ESC, then '[' with parameters and a final byte (0x40 to
 * 0x7e), or 'O' and one byte.  True while c belongs to one.
 */
static bool in_key_sequence(char c)
{
	switch (tty.esc) {
	case ESC_NONE:
		if (c != ESC)
			return false;
		tty.esc = ESC_START;
		return true;
	case ESC_START:
		/* ESC O x: x is a final byte too; ESC x (Alt-x) ends here. */
		tty.esc = c == '[' || c == 'O' ? ESC_CSI : ESC_NONE;
		return true;
	case ESC_CSI:
		if (c >= 0x40 && c <= 0x7e)
			tty.esc = ESC_NONE;
		return true;
	}
	return false;
}

static void commit_line(struct tty_echo *echo)
{
	if (tty.len == TTY_BUF_SIZE)
		return; /* full: the line is lost */
	tty.buf[tty.len++] = '\n';
	tty.committed = tty.len;
	echo_text(echo, "\n", 1);
}

/* Canonical mode: edit the line.  Lock held. */
static void canon_input(char c, struct tty_echo *echo)
{
	if (in_key_sequence(c))
		return;
	switch (c) {
	case '\n':
		commit_line(echo);
		return;
	case '\b':
	case 0x7f:
		echo->erase = erase_chars(1);
		return;
	case CTRL('U'):
		echo->erase = erase_chars(tty.len - tty.committed);
		return;
	case CTRL('W'):
		echo->erase = erase_chars(last_word());
		return;
	case CTRL('C'):
		tty.len = tty.committed = 0;
		echo_text(echo, "^C\n", 3);
		echo->kill_pgrp = tty.fg_pgrp;
		return;
	case CTRL_D:
		if (tty.len == tty.committed && tty.len < TTY_BUF_SIZE)
			tty.buf[tty.len++] = CTRL_D;
		tty.committed = tty.len;
		return;
	}
	/* Other control characters are ignored; keep room for a newline. */
	if (c < 0x20 || c > 0x7e || tty.len >= TTY_BUF_SIZE - 1)
		return;
	tty.buf[tty.len++] = c;
	echo_text(echo, &c, 1);
}

/* Not canonical: every byte is readable as it comes.  Lock held. */
static void raw_input(char c, struct tty_echo *echo)
{
	if (tty.len == TTY_BUF_SIZE)
		return;
	tty.buf[tty.len++] = c;
	tty.committed = tty.len;
	if (c >= 0x20 && c <= 0x7e)
		echo_text(echo, &c, 1);
}

/* From the UART's and the keyboard's receive interrupts. */
void console_receive(char c)
{
	unsigned long flags = spin_lock_irqsave(&tty.lock);
	struct tty_echo echo = { .len = 0 };
	bool readable;

	if (c == '\r')
		c = '\n'; /* as Linux's ICRNL: Enter sends CR */
	if (tty.canon)
		canon_input(c, &echo);
	else
		raw_input(c, &echo);
	readable = tty.committed > 0;
	spin_unlock_irqrestore(&tty.lock, flags);
	if (tty.echo) {
		call_console_drivers(echo.text, echo.len);
		while (echo.erase--)
			call_console_drivers("\b \b", 3);
	}
	if (echo.kill_pgrp)
		kill_pgrp(echo.kill_pgrp, SIGINT);
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

		call_console_drivers(chunk, copied);
		done += copied;
		if (copied < n)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

/* Leaving canonical mode makes the line being edited readable. */
static void set_canon(bool canon)
{
	unsigned long flags = spin_lock_irqsave(&tty.lock);
	bool readable;

	tty.canon = canon;
	tty.esc = ESC_NONE;
	if (!canon)
		tty.committed = tty.len;
	readable = tty.committed > 0;
	spin_unlock_irqrestore(&tty.lock, flags);
	if (readable)
		wake_up(&tty.read_wait);
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
	case TCGETCANON:
		return tty.canon;
	case TCSETCANON:
		set_canon(arg != 0);
		return 0;
	case TIOCGPGRP:
		return tty.fg_pgrp;
	case TIOCSPGRP:
		if (arg > 0x7fffffff)
			return -EINVAL;
		tty.fg_pgrp = arg;
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
