// SPDX-License-Identifier: MIT
/*
 * Tests of the console's line discipline (kernel/drivers/console.c) and of
 * /dev/null and /dev/zero (mem.c).  Input is typed by calling
 * console_receive, as the UART interrupt does, with echo turned off so
 * the test output stays clean.
 */
#include <kernel/errno.h>
#include <kernel/fs/testing.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/string.h>

static struct file console_file = {
	.f_op = &console_fops,
	.f_mode = FMODE_READ | FMODE_WRITE,
};

static void type(const char *s)
{
	while (*s)
		console_receive(*s++);
}

/* Read at most n bytes and NUL-terminate them; the count or -errno. */
static long read_line(char *buf, size_t n)
{
	loff_t pos = 0;
	long ret = kread(&console_file, buf, n, &pos);

	buf[ret > 0 ? ret : 0] = '\0';
	return ret;
}

static long echo_off(void)
{
	long old = console_fops.ioctl(&console_file, TCGETECHO, 0);

	console_fops.ioctl(&console_file, TCSETECHO, 0);
	return old;
}

static void editing(struct ktest *t)
{
	long echo = echo_off();
	char buf[64];

	KTEST_EXPECT_EQ(t, console_fops.ioctl(&console_file, TCGETECHO, 0), 0);
	type("ab\bc\x7f"
	     "d\x01\r"); /* erase b, erase c, ^A ignored, CR ends it */
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 3);
	KTEST_EXPECT_STREQ(t, buf, "ad\n");
	type("\b\bx\n"); /* nothing to erase on an empty line */
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 2);
	KTEST_EXPECT_STREQ(t, buf, "x\n");
	console_fops.ioctl(&console_file, TCSETECHO, echo);
}

/* One line per read; a short read leaves the rest for the next one. */
static void one_line_per_read(struct ktest *t)
{
	long echo = echo_off();
	char buf[64];

	type("one\ntwo\nhello\n");
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 4);
	KTEST_EXPECT_STREQ(t, buf, "one\n");
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 4);
	KTEST_EXPECT_STREQ(t, buf, "two\n");
	KTEST_EXPECT_EQ(t, read_line(buf, 2), 2);
	KTEST_EXPECT_STREQ(t, buf, "he");
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 4);
	KTEST_EXPECT_STREQ(t, buf, "llo\n");
	console_fops.ioctl(&console_file, TCSETECHO, echo);
}

/* A line longer than the reader's internal chunk comes back whole. */
static void long_line(struct ktest *t)
{
	long echo = echo_off();
	char buf[400];

	for (int i = 0; i < 300; i++)
		console_receive('a' + i % 26);
	type("\n");
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 301);
	KTEST_EXPECT_EQ(t, buf[299], 'a' + 299 % 26);
	KTEST_EXPECT_EQ(t, buf[300], '\n');
	console_fops.ioctl(&console_file, TCSETECHO, echo);
}

/* ^D: end of file on an empty line, else it hands over the line so far. */
static void ctrl_d(struct ktest *t)
{
	long echo = echo_off();
	char buf[64];

	type("\x04");
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 0);
	type("xy\x04");
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 2);
	KTEST_EXPECT_STREQ(t, buf, "xy");
	type("last\n\x04");
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 5);
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 0);
	console_fops.ioctl(&console_file, TCSETECHO, echo);
}

/* ^U erases the line being edited, ^W its last word and the blanks after. */
static void erase_line_and_word(struct ktest *t)
{
	long echo = echo_off();
	char buf[64];

	type("kept\npart\x15wrong\x15right\n");
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 5);
	KTEST_EXPECT_STREQ(t, buf, "kept\n"); /* ^U leaves finished lines */
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 6);
	KTEST_EXPECT_STREQ(t, buf, "right\n");
	type("echo one two  \x17three\n");
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 15);
	KTEST_EXPECT_STREQ(t, buf, "echo one three\n");
	type("a b\x17\x17\x17\x15"
	     "c\n"); /* too many: no harm */
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 2);
	KTEST_EXPECT_STREQ(t, buf, "c\n");
	console_fops.ioctl(&console_file, TCSETECHO, echo);
}

/* An arrow key's ESC [ A (or ESC O A) never becomes "[A" in a line. */
static void key_sequences_are_dropped(struct ktest *t)
{
	long echo = echo_off();
	char buf[64];

	type("ls\x1b[A\x1b[3~\x1bOB -l\x1b[1;5C\n");
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 6);
	KTEST_EXPECT_STREQ(t, buf, "ls -l\n");
	console_fops.ioctl(&console_file, TCSETECHO, echo);
}

/* ^C throws away what was typed, finished lines included. */
static void ctrl_c_discards_input(struct ktest *t)
{
	long echo = echo_off();
	long fg = console_fops.ioctl(&console_file, TIOCGPGRP, 0);
	char buf[64];

	/* No foreground job: nothing is killed. */
	KTEST_EXPECT_EQ(t, console_fops.ioctl(&console_file, TIOCSPGRP, 0), 0);
	type("ahead\nhalf\x03new\n");
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 4);
	KTEST_EXPECT_STREQ(t, buf, "new\n");
	KTEST_EXPECT_EQ(t, console_fops.ioctl(&console_file, TIOCSPGRP, -1),
			-EINVAL);
	console_fops.ioctl(&console_file, TIOCSPGRP, fg);
	console_fops.ioctl(&console_file, TCSETECHO, echo);
}

/* Without canonical mode every byte is readable at once, ^U included. */
static void raw_mode(struct ktest *t)
{
	long echo = echo_off();
	char buf[64];

	type("par");
	KTEST_EXPECT_EQ(t, console_fops.ioctl(&console_file, TCSETCANON, 0), 0);
	KTEST_EXPECT_EQ(t, console_fops.ioctl(&console_file, TCGETCANON, 0), 0);
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 3);
	KTEST_EXPECT_STREQ(t, buf, "par"); /* the line so far, released */
	type("\x15\x1b[A\r");
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 5);
	KTEST_EXPECT_STREQ(t, buf, "\x15\x1b[A\n"); /* CR still reads as LF */
	console_fops.ioctl(&console_file, TCSETCANON, 1);
	KTEST_EXPECT_EQ(t, console_fops.ioctl(&console_file, TCGETCANON, 0), 1);
	console_fops.ioctl(&console_file, TCSETECHO, echo);
}

static bool reader_slept;

static int typist(void *arg)
{
	struct task_struct *reader = arg;

	console_receive('o');
	schedule();
	console_receive('k');
	schedule();
	reader_slept = reader->state == TASK_SLEEPING; /* no line yet */
	console_receive('\r');
	return 0;
}

/* A read waits for the whole line, typed meanwhile by another thread. */
static void read_waits_for_line(struct ktest *t)
{
	long echo = echo_off();
	struct task_struct *th;
	char buf[16];

	reader_slept = false;
	th = kthread_create(typist, current, "typist");
	KTEST_ASSERT_NOT_NULL(t, th);
	KTEST_EXPECT_EQ(t, read_line(buf, sizeof(buf) - 1), 3);
	KTEST_EXPECT_STREQ(t, buf, "ok\n");
	KTEST_EXPECT_EQ(t, kthread_wait(th), 0);
	KTEST_EXPECT_TRUE(t, reader_slept);
	console_fops.ioctl(&console_file, TCSETECHO, echo);
}

static void ioctl_and_write(struct ktest *t)
{
	long echo = echo_off();
	loff_t pos = 0;

	KTEST_EXPECT_EQ(t, console_fops.ioctl(&console_file, TCSETECHO, 1), 0);
	KTEST_EXPECT_EQ(t, console_fops.ioctl(&console_file, TCGETECHO, 0), 1);
	KTEST_EXPECT_EQ(t, console_fops.ioctl(&console_file, 0x1234, 0),
			-ENOTTY);
	KTEST_EXPECT_TRUE(t, console_fops.llseek == NULL); /* ESPIPE */
	KTEST_EXPECT_EQ(t, kwrite(&console_file, "", 0, &pos), 0);
	console_fops.ioctl(&console_file, TCSETECHO, echo);
}

static void null_and_zero(struct ktest *t)
{
	struct file null = { .f_op = &null_fops,
			     .f_mode = FMODE_READ | FMODE_WRITE };
	struct file zero = { .f_op = &zero_fops,
			     .f_mode = FMODE_READ | FMODE_WRITE };
	char buf[300];
	loff_t pos = 0;
	size_t nonzero = 0;

	KTEST_EXPECT_EQ(t, kwrite(&null, "gone", 4, &pos), 4);
	KTEST_EXPECT_EQ(t, kread(&null, buf, sizeof(buf), &pos), 0);
	memset(buf, 0x5a, sizeof(buf));
	KTEST_EXPECT_EQ(t, kread(&zero, buf, sizeof(buf), &pos), 300);
	for (size_t i = 0; i < sizeof(buf); i++)
		nonzero += buf[i] != 0;
	KTEST_EXPECT_EQ(t, nonzero, 0);
	KTEST_EXPECT_EQ(t, kwrite(&zero, buf, 10, &pos), 10);
	KTEST_EXPECT_TRUE(t,
			  null_fops.llseek == NULL && zero_fops.ioctl == NULL);
}

KTEST_SUITE(console, KTEST_CASE(editing), KTEST_CASE(one_line_per_read),
	    KTEST_CASE(long_line), KTEST_CASE(ctrl_d),
	    KTEST_CASE(erase_line_and_word),
	    KTEST_CASE(key_sequences_are_dropped),
	    KTEST_CASE(ctrl_c_discards_input), KTEST_CASE(raw_mode),
	    KTEST_CASE(read_waits_for_line), KTEST_CASE(ioctl_and_write),
	    KTEST_CASE(null_and_zero));
