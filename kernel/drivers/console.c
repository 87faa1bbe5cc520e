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
 *   ^C, ^\, ^Z            discard the input, echo themselves ("^C") and
 *                         send the foreground job SIGINT, SIGQUIT, SIGTSTP
 *                         (below)
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
 * job it waits for, and itself while it reads a command; 0 is none).  ^C
 * sends that group SIGINT, ^\ SIGQUIT and ^Z SIGTSTP, as Linux's n_tty
 * does (isig): SIGINT's and SIGQUIT's default action ends the job, SIGTSTP's
 * stops it (the shell then takes the console back), and a program may
 * catch all three.  Job control (tty_check_change): a process outside the
 * foreground group that reads the console is stopped by SIGTTIN, and one
 * that changes the console's modes or foreground group by SIGTTOU; with
 * TOSTOP (termios's flag; here ioctl TCSETTOSTOP 1) one that writes too,
 * its write going through once it is continued in the foreground.
 * ioctl TCGETECHO/TCSETECHO read and set echo, TCGETCANON/TCSETCANON
 * canonical mode, TCGETTOSTOP/TCSETTOSTOP that flag, TIOCGPGRP/TIOCSPGRP the group, and TIOCSTI types one
 * byte as if it came from the keyboard (Linux's, for tests).
 *
 * buf holds the readable bytes first (committed), then the line being
 * edited.  An end of file is kept in buf as a ^D byte, seen in its place
 * in the input.
 *
 * O_NONBLOCK: a read with nothing readable is EAGAIN.  select sees the
 * console readable when a read would return at once (console_poll).
 *
 * Locking: console_receive runs in interrupt context, so the tty is
 * guarded by a spinlock (interrupts off).  Readers copy a chunk out under
 * the lock and then to the user without it, since the copy may fault.
 */
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/sched.h>
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
	bool tostop;	    /* background writes stop with SIGTTOU (TOSTOP) */
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
	int sig;      /* for the foreground group, or 0 */
};

/* The characters that signal the foreground group (Linux's ISIG). */
static const struct {
	char c;
	int sig;
} isig_chars[] = {
	{ CTRL('C'), SIGINT },
	{ CTRL('\\'), SIGQUIT },
	{ CTRL('Z'), SIGTSTP },
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

/* A signal character: the input is discarded, "^X" echoed.  Lock held. */
static bool isig(char c, struct tty_echo *echo)
{
	for (size_t i = 0; i < ARRAY_SIZE(isig_chars); i++) {
		if (isig_chars[i].c != c)
			continue;
		tty.len = tty.committed = 0;
		echo_text(echo, (char[]){ '^', c + '@', '\n' }, 3);
		echo->sig = isig_chars[i].sig;
		return true;
	}
	return false;
}

/* Canonical mode: edit the line.  Lock held. */
static void canon_input(char c, struct tty_echo *echo)
{
	if (in_key_sequence(c) || isig(c, echo))
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
	int fg = tty.fg_pgrp;
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
	if (echo.sig && fg)
		kill_pgrp(fg, echo.sig);
	if (readable) {
		wake_up(&tty.read_wait);
		poll_notify();
	}
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

/*
 * Job control, as Linux's __tty_check_change: may the current process
 * read the console (sig SIGTTIN) or change its settings (SIGTTOU)?  Only
 * the foreground group may.  Any other process has its whole group sent
 * sig, whose default action stops it, and the call is made again once the
 * group continues (-ERESTARTSYS: the shell's fg).  A process that blocks
 * or ignores sig would never stop: its read fails with EIO, and its change
 * is allowed (the shell, taking the console back from a job, is such a
 * process).  Without a foreground group (0, or one whose processes are
 * all gone) there is no job control, and init and kernel threads are
 * never stopped.
 */
static long tty_check_change(int sig)
{
	struct task_struct *t = current;
	int fg = tty.fg_pgrp;
	unsigned long flags;
	long ret = 0;

	if (!fg || !t->mm || t->group_leader->pgid == fg || t == init_task)
		return 0;
	if (sig_ignored_or_blocked(sig))
		return sig == SIGTTIN ? -EIO : 0;
	flags = arch_local_irq_save();
	if (kill_pgrp(fg, 0) == 0) {
		kill_pgrp(t->group_leader->pgid, sig);
		ret = -ERESTARTSYS;
	}
	arch_local_irq_restore(flags);
	return ret;
}

static long console_read(struct kiocb *iocb, struct iov_iter *to)
{
	size_t done = 0;
	bool end = false;
	long err = tty_check_change(SIGTTIN);

	if (err)
		return err;

	while (!end && iov_iter_count(to)) {
		char chunk[128];
		unsigned long flags;
		size_t n, copied;

		if (!done && !tty.committed &&
		    (iocb->ki_filp->f_flags & O_NONBLOCK))
			return -EAGAIN;
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

	if (tty.tostop) {
		long err = tty_check_change(SIGTTOU);

		if (err)
			return err;
	}

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
	if (readable) {
		wake_up(&tty.read_wait);
		poll_notify();
	}
}

/* TIOCSTI: the byte at arg, as if typed (echoed, edited, signalling). */
static long simulate_input(unsigned long arg)
{
	char c;

	if (copy_from_user(&c, (const char __user *)arg, 1))
		return -EFAULT;
	console_receive(c);
	return 0;
}

/* The requests that change the console's state, SIGTTOU's business. */
static long console_set(unsigned long cmd, unsigned long arg)
{
	long err = tty_check_change(SIGTTOU);

	if (err)
		return err;
	switch (cmd) {
	case TCSETECHO:
		tty.echo = arg != 0;
		return 0;
	case TCSETCANON:
		set_canon(arg != 0);
		return 0;
	case TCSETTOSTOP:
		tty.tostop = arg != 0;
		return 0;
	default: /* TIOCSPGRP */
		if (arg > 0x7fffffff)
			return -EINVAL;
		tty.fg_pgrp = arg;
		return 0;
	}
}

static long console_ioctl(struct file *file, unsigned long cmd,
			  unsigned long arg)
{
	switch (cmd) {
	case TCGETECHO:
		return tty.echo;
	case TCGETCANON:
		return tty.canon;
	case TCGETTOSTOP:
		return tty.tostop;
	case TIOCGPGRP:
		return tty.fg_pgrp;
	case TCSETECHO:
	case TCSETCANON:
	case TCSETTOSTOP:
	case TIOCSPGRP:
		return console_set(cmd, arg);
	case TIOCSTI:
		return simulate_input(arg);
	default:
		return -ENOTTY;
	}
}

/* Readable once a read would return (a whole line, in canonical mode). */
static unsigned int console_poll(struct file *file)
{
	return (tty.committed ? POLLIN : 0) | POLLOUT;
}

/* A terminal: no llseek (ESPIPE). */
const struct file_operations console_fops = {
	.read_iter = console_read,
	.write_iter = console_write,
	.ioctl = console_ioctl,
	.poll = console_poll,
};
