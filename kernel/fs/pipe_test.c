// SPDX-License-Identifier: MIT
/*
 * Tests of pipes (kernel/fs/pipe.c): the ring buffer, wraparound, end of
 * file, EPIPE, and a reader and a writer blocking on each other (with a
 * kernel thread on the other end).
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/testing.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/mm.h>
#include <mm/slab.h>

static long pipe_write_k(struct file *w, const void *buf, size_t n)
{
	return kwrite(w, buf, n, &w->f_pos);
}

static long pipe_read_k(struct file *r, void *buf, size_t n)
{
	return kread(r, buf, n, &r->f_pos);
}

static void fill_pattern(unsigned char *buf, size_t n, size_t start)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = (unsigned char)((start + i) * 13);
}

static bool has_pattern(const unsigned char *buf, size_t n, size_t start)
{
	for (size_t i = 0; i < n; i++)
		if (buf[i] != (unsigned char)((start + i) * 13))
			return false;
	return true;
}

static void write_then_read(struct ktest *t)
{
	struct file *p[2];
	char buf[16];

	KTEST_ASSERT_EQ(t, create_pipe_files(p), 0);
	KTEST_EXPECT_TRUE(t, S_ISFIFO(p[0]->f_inode->i_mode));
	KTEST_EXPECT_EQ(t, pipe_write_k(p[1], "hello", 5), 5);
	KTEST_EXPECT_EQ(t, pipe_write_k(p[1], ", pipe", 6), 6);
	KTEST_EXPECT_EQ(t, pipe_read_k(p[0], buf, 3), 3);
	KTEST_EXPECT_EQ(t, memcmp(buf, "hel", 3), 0);
	KTEST_EXPECT_EQ(t, pipe_read_k(p[0], buf, sizeof(buf)), 8);
	KTEST_EXPECT_EQ(t, memcmp(buf, "lo, pipe", 8), 0);
	fput(p[0]);
	fput(p[1]);
}

/* The second write wraps around the end of the page; data stays in order. */
static void ring_wraparound(struct ktest *t)
{
	unsigned char *in = kmalloc(6000), *out = kzalloc(6000);
	struct file *p[2];

	KTEST_ASSERT_TRUE(t, in && out);
	KTEST_ASSERT_EQ(t, create_pipe_files(p), 0);
	fill_pattern(in, 6000, 0);
	KTEST_EXPECT_EQ(t, pipe_write_k(p[1], in, 3000), 3000);
	KTEST_EXPECT_EQ(t, pipe_read_k(p[0], out, 2000), 2000);
	/* 1000 bytes at offsets 2000..2999; these go to 3000..4095, 0..1903. */
	KTEST_EXPECT_EQ(t, pipe_write_k(p[1], in + 3000, 3000), 3000);
	KTEST_EXPECT_EQ(t, pipe_read_k(p[0], out + 2000, 4000), 4000);
	KTEST_EXPECT_TRUE(t, has_pattern(out, 6000, 0));
	fput(p[0]);
	fput(p[1]);
	kfree(in);
	kfree(out);
}

/* Exactly one page fits; read returns what is there, not the count asked. */
static void full_pipe(struct ktest *t)
{
	unsigned char *buf = kmalloc(PAGE_SIZE + 10);
	struct file *p[2];

	KTEST_ASSERT_NOT_NULL(t, buf);
	KTEST_ASSERT_EQ(t, create_pipe_files(p), 0);
	fill_pattern(buf, PAGE_SIZE, 7);
	KTEST_EXPECT_EQ(t, pipe_write_k(p[1], buf, PAGE_SIZE), (long)PAGE_SIZE);
	memset(buf, 0, PAGE_SIZE);
	KTEST_EXPECT_EQ(t, pipe_read_k(p[0], buf, PAGE_SIZE + 10),
			(long)PAGE_SIZE);
	KTEST_EXPECT_TRUE(t, has_pattern(buf, PAGE_SIZE, 7));
	fput(p[0]);
	fput(p[1]);
	kfree(buf);
}

static void eof_when_writers_gone(struct ktest *t)
{
	struct file *p[2];
	char buf[8];

	KTEST_ASSERT_EQ(t, create_pipe_files(p), 0);
	KTEST_EXPECT_EQ(t, pipe_write_k(p[1], "bye", 3), 3);
	fput(p[1]);
	KTEST_EXPECT_EQ(t, pipe_read_k(p[0], buf, sizeof(buf)), 3);
	KTEST_EXPECT_EQ(t, pipe_read_k(p[0], buf, sizeof(buf)), 0);
	KTEST_EXPECT_EQ(t, pipe_read_k(p[0], buf, sizeof(buf)), 0);
	fput(p[0]);
}

static void epipe_when_readers_gone(struct ktest *t)
{
	struct file *p[2];

	KTEST_ASSERT_EQ(t, create_pipe_files(p), 0);
	fput(p[0]);
	KTEST_EXPECT_EQ(t, pipe_write_k(p[1], "x", 1), -EPIPE);
	fput(p[1]);
}

/* Each end does one thing; no seeking, no positioned I/O, no ioctl. */
static void ends_and_errors(struct ktest *t)
{
	struct file *p[2];
	char c;

	KTEST_ASSERT_EQ(t, create_pipe_files(p), 0);
	KTEST_EXPECT_EQ(t, pipe_read_k(p[1], &c, 1), -EBADF);
	KTEST_EXPECT_EQ(t, pipe_write_k(p[0], "x", 1), -EBADF);
	KTEST_EXPECT_TRUE(t, p[0]->f_op->llseek == NULL); /* ESPIPE */
	KTEST_EXPECT_TRUE(t, p[0]->f_op->ioctl == NULL);  /* ENOTTY */
	KTEST_EXPECT_TRUE(t, p[0]->f_inode == p[1]->f_inode);
	KTEST_EXPECT_EQ(t, pipe_read_k(p[0], &c, 0), 0);
	fput(p[0]);
	fput(p[1]);
}

static struct file *thread_end;
static bool other_slept; /* the test's task was asleep, as it should be */

/*
 * Did the other task go to sleep?  Give it the CPU a bounded number of
 * times: the timer may have preempted it before it got that far.
 */
static bool saw_sleeping(struct task_struct *other)
{
	for (int i = 0; i < 100 && other->state != TASK_SLEEPING; i++)
		schedule();
	return other->state == TASK_SLEEPING;
}

static int slow_writer(void *arg)
{
	other_slept = saw_sleeping(arg); /* the reader must block first */
	return pipe_write_k(thread_end, "late", 4) == 4 ? 0 : 1;
}

/* A reader of an empty pipe sleeps until a writer fills it. */
static void reader_blocks_until_data(struct ktest *t)
{
	struct task_struct *th;
	struct file *p[2];
	char buf[8];

	KTEST_ASSERT_EQ(t, create_pipe_files(p), 0);
	thread_end = p[1];
	other_slept = false;
	th = kthread_create(slow_writer, current, "pipe_writer");
	KTEST_ASSERT_NOT_NULL(t, th);
	KTEST_EXPECT_EQ(t, pipe_read_k(p[0], buf, sizeof(buf)), 4);
	KTEST_EXPECT_EQ(t, memcmp(buf, "late", 4), 0);
	KTEST_EXPECT_EQ(t, kthread_wait(th), 0);
	KTEST_EXPECT_TRUE(t, other_slept);
	fput(p[0]);
	fput(p[1]);
}

static long reader_total; /* what slow_reader got, -1 if out of order */

static int slow_reader(void *arg)
{
	unsigned char *buf = kmalloc(PAGE_SIZE);
	long n;

	reader_total = 0;
	if (!buf)
		return 1;
	/* The writer has filled the pipe and must be waiting for room. */
	other_slept = saw_sleeping(arg);
	while ((n = pipe_read_k(thread_end, buf, PAGE_SIZE)) > 0) {
		if (!has_pattern(buf, n, reader_total)) {
			reader_total = -1;
			break;
		}
		reader_total += n;
	}
	kfree(buf);
	return 0;
}

/* A writer of more than fits sleeps until the reader drains the pipe. */
static void writer_blocks_until_room(struct ktest *t)
{
	const size_t size = 3 * PAGE_SIZE + 123;
	unsigned char *in = kmalloc(size);
	struct task_struct *th;
	struct file *p[2];

	KTEST_ASSERT_NOT_NULL(t, in);
	KTEST_ASSERT_EQ(t, create_pipe_files(p), 0);
	fill_pattern(in, size, 0);
	thread_end = p[0];
	other_slept = false;
	th = kthread_create(slow_reader, current, "pipe_reader");
	KTEST_ASSERT_NOT_NULL(t, th);
	KTEST_EXPECT_EQ(t, pipe_write_k(p[1], in, size), (long)size);
	fput(p[1]); /* the reader sees end of file and stops */
	KTEST_EXPECT_EQ(t, kthread_wait(th), 0);
	KTEST_EXPECT_TRUE(t, other_slept);
	KTEST_EXPECT_EQ(t, reader_total, (long)size);
	fput(p[0]);
	kfree(in);
}

static int blocked_reader(void *arg)
{
	char c;

	return pipe_read_k(thread_end, &c, 1) == -ERESTARTSYS ? 0 : 1;
}

/* A reader killed while it waits gives up (EINTR, once it is a signal's). */
static void killed_reader_gets_eintr(struct ktest *t)
{
	struct task_struct *th;
	struct file *p[2];

	KTEST_ASSERT_EQ(t, create_pipe_files(p), 0);
	thread_end = p[0];
	th = kthread_create(blocked_reader, NULL, "pipe_reader");
	KTEST_ASSERT_NOT_NULL(t, th);
	while (th->state != TASK_SLEEPING)
		schedule();
	send_signal(th, SIGKILL);
	KTEST_EXPECT_EQ(t, kthread_wait(th), 0);
	fput(p[0]);
	fput(p[1]);
}

KTEST_SUITE(pipe, KTEST_CASE(write_then_read), KTEST_CASE(ring_wraparound),
	    KTEST_CASE(full_pipe), KTEST_CASE(eof_when_writers_gone),
	    KTEST_CASE(epipe_when_readers_gone), KTEST_CASE(ends_and_errors),
	    KTEST_CASE(reader_blocks_until_data),
	    KTEST_CASE(writer_blocks_until_room),
	    KTEST_CASE(killed_reader_gets_eintr));
