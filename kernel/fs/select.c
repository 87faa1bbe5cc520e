// SPDX-License-Identifier: MIT
/*
 * select, pselect and poll (Linux's fs/select.c, reduced): wait until one
 * of several files is ready to read or write, or a time has passed, or a
 * signal comes.  The system calls are pselect6: (n, in, out, except,
 * timespec, mask) and ppoll: (fds, n, timespec, mask); the C library's
 * select and poll convert their timeouts.
 *
 * Readiness is each file's poll operation (struct file_operations):
 * POLLIN for a reader, POLLOUT for a writer; POLLHUP (no writer left)
 * and POLLERR (no reader left) count as ready too, since the read or
 * write would not wait.  A file without poll (a regular file, /dev/null)
 * is always ready, as on Linux.  The except set is ready on POLLPRI,
 * which nothing here reports.
 *
 * Sleeping: where Linux puts the task on every file's wait queue (a
 * poll_table), Pagoda has one queue, poll_wait, and an event count: every
 * file whose readiness may have changed calls poll_notify, which counts
 * and wakes the queue, and a select that found nothing ready sleeps until
 * the count moves, then looks again.  Reading the count before looking
 * closes the gap between looking and sleeping: an event in it changes the
 * count, so the wait ends at once.  A select with a timeout also wakes on
 * each tick (poll_tick), to check its deadline, as nanosleep does.
 *
 * Results as Linux: the number of ready fds, the sets rewritten to hold
 * them; 0 on timeout; EBADF for a set bit that is not an open fd; EINVAL
 * for n < 0 or a bad timeout; EINTR for a signal (its handler runs; no
 * restart, even with SA_RESTART, as Linux's select); with a timeout, the
 * time left is written back.  Bits at or above NR_OPEN are ignored (Linux
 * ignores those past its table).  pselect's mask is in force for the wait
 * and the handler that ends it; the caller's is back afterwards.
 *
 * poll reports per fd: the events asked for that hold, and POLLERR and
 * POLLHUP whether asked or not; POLLNVAL for an fd not open (not an
 * error), nothing for a negative one.  EINVAL past POLL_MAX_FDS entries.
 */
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/kernel.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/sys.h>
#include <kernel/time.h>

#define LONG_BITS (8 * sizeof(long))
#define SET_LONGS ((NR_OPEN + LONG_BITS - 1) / LONG_BITS)

enum { SET_IN, SET_OUT, SET_EX, NR_SETS };

/* What each set waits for. */
static const unsigned int set_events[NR_SETS] = {
	[SET_IN] = POLLIN | POLLHUP | POLLERR,
	[SET_OUT] = POLLOUT | POLLERR,
	[SET_EX] = POLLPRI,
};

static struct wait_queue poll_wait = WAIT_QUEUE_INIT(poll_wait);
static volatile unsigned long poll_events;
static unsigned int timed_pollers; /* selects with a deadline (irqs off) */

void poll_notify(void)
{
	poll_events++;
	if (waitqueue_active(&poll_wait))
		wake_up(&poll_wait);
}

void poll_tick(void)
{
	if (timed_pollers)
		wake_up(&poll_wait);
}

/* POLLRDNORM and POLLWRNORM go with POLLIN and POLLOUT, as in Linux. */
static unsigned int file_poll(struct file *f)
{
	unsigned int mask = f->f_op->poll ? f->f_op->poll(f) : POLLIN | POLLOUT;

	if (mask & POLLIN)
		mask |= POLLRDNORM;
	if (mask & POLLOUT)
		mask |= POLLWRNORM;
	return mask;
}

static bool test_fd(const unsigned long *set, int fd)
{
	return set[fd / LONG_BITS] & (1UL << (fd % LONG_BITS));
}

/* One look at every fd asked about: how many are ready, or -EBADF. */
static int do_select_once(int n, unsigned long in[NR_SETS][SET_LONGS],
			  unsigned long out[NR_SETS][SET_LONGS])
{
	int ready = 0;

	memset(out, 0, sizeof(unsigned long) * NR_SETS * SET_LONGS);
	for (int fd = 0; fd < n; fd++) {
		unsigned int mask;
		struct file *f;
		bool asked = false;

		for (int s = 0; s < NR_SETS; s++)
			asked |= test_fd(in[s], fd);
		if (!asked)
			continue;
		f = fget(fd);
		if (!f)
			return -EBADF;
		mask = file_poll(f);
		fput(f);
		for (int s = 0; s < NR_SETS; s++) {
			if (!test_fd(in[s], fd) || !(mask & set_events[s]))
				continue;
			out[s][fd / LONG_BITS] |= 1UL << (fd % LONG_BITS);
			ready++;
		}
	}
	return ready;
}

/* Wait for events or the deadline (until; 0: none); -EINTR on a signal. */
static int poll_sleep(unsigned long seen, unsigned long until)
{
	unsigned long flags = arch_local_irq_save();
	int err = 0;

	if (until)
		timed_pollers++;
	while (poll_events == seen && !err &&
	       (!until || (long)(jiffies - until) < 0))
		err = sleep_on(&poll_wait);
	if (until)
		timed_pollers--;
	arch_local_irq_restore(flags);
	return err ? -EINTR : 0;
}

/* What select and poll look at: theirs, and one look at it. */
struct poll_job {
	int (*look)(struct poll_job *job); /* ready fds, or -errno */
	int n;
	unsigned long (*in)[SET_LONGS], (*out)[SET_LONGS];
	struct pollfd __user *fds;
};

/* Look until something is ready, the deadline passes or a signal comes. */
static int do_poll_wait(struct poll_job *job, unsigned long until, bool wait)
{
	for (;;) {
		unsigned long seen = poll_events;
		int ready = job->look(job);

		if (ready || !wait)
			return ready;
		if (until && (long)(jiffies - until) >= 0)
			return 0;
		if (poll_sleep(seen, until))
			return -EINTR;
	}
}

static int select_look(struct poll_job *job)
{
	return do_select_once(job->n, job->in, job->out);
}

/* One look at every entry, each one's revents written back. */
static int poll_look(struct poll_job *job)
{
	int ready = 0;

	for (int i = 0; i < job->n; i++) {
		struct pollfd p;
		struct file *f;

		if (copy_from_user(&p, &job->fds[i], sizeof(p)))
			return -EFAULT;
		p.revents = 0;
		if (p.fd >= 0) {
			f = fget(p.fd);
			p.revents = f ? file_poll(f) & (p.events | POLLERR |
							POLLHUP)
				      : POLLNVAL;
			if (f)
				fput(f);
		}
		if (copy_to_user(&job->fds[i].revents, &p.revents,
				 sizeof(p.revents)))
			return -EFAULT;
		ready += p.revents != 0;
	}
	return ready;
}

/*
 * The timeout (NULL: none) as a deadline in jiffies, and whether to wait
 * at all (a zero timeout only looks); 0 or -errno.
 */
static int poll_deadline(struct timespec __user *tsp, unsigned long *until,
			 bool *wait)
{
	struct timespec ts;
	int err;

	*until = 0;
	*wait = true;
	if (!tsp)
		return 0;
	err = get_user_timespec(&ts, tsp);
	if (err)
		return err;
	*wait = ts.tv_sec || ts.tv_nsec;
	*until = jiffies + timespec_to_jiffies(&ts);
	return 0;
}

/* The wait itself, under the caller's temporary mask if it gave one. */
static long poll_with_mask(struct poll_job *job, unsigned long until, bool wait,
			   const sigset_t __user *sigmask)
{
	long ret = sigmask ? set_user_sigmask(sigmask) : 0;

	if (ret)
		return ret;
	ret = do_poll_wait(job, until, wait);
	if (sigmask)
		restore_saved_sigmask(ret == -EINTR);
	return ret;
}

/* The time left, written back, as Linux's select and ppoll do. */
static void poll_time_left(struct timespec __user *tsp, unsigned long until)
{
	long left = (long)(until - jiffies);
	struct timespec ts = jiffies_to_timespec(left > 0 ? left : 0);

	copy_to_user(tsp, &ts, sizeof(ts));
}

static int copy_sets_in(int n, unsigned long __user *const u[NR_SETS],
			unsigned long in[NR_SETS][SET_LONGS])
{
	size_t bytes = (n + LONG_BITS - 1) / LONG_BITS * sizeof(long);

	memset(in, 0, sizeof(unsigned long) * NR_SETS * SET_LONGS);
	for (int s = 0; s < NR_SETS; s++)
		if (u[s] && copy_from_user(in[s], u[s], bytes))
			return -EFAULT;
	return 0;
}

static int copy_sets_out(int n, unsigned long __user *const u[NR_SETS],
			 unsigned long out[NR_SETS][SET_LONGS])
{
	size_t bytes = (n + LONG_BITS - 1) / LONG_BITS * sizeof(long);

	for (int s = 0; s < NR_SETS; s++)
		if (u[s] && copy_to_user(u[s], out[s], bytes))
			return -EFAULT;
	return 0;
}

long sys_pselect6(int n, unsigned long __user *inp, unsigned long __user *outp,
		  unsigned long __user *exp, struct timespec __user *tsp,
		  const sigset_t __user *sigmask)
{
	unsigned long __user *const u[NR_SETS] = { inp, outp, exp };
	unsigned long in[NR_SETS][SET_LONGS], out[NR_SETS][SET_LONGS];
	struct poll_job job = { select_look, min(n, NR_OPEN), in, out, NULL };
	unsigned long until;
	bool wait;
	long ret;

	if (n < 0)
		return -EINVAL;
	ret = poll_deadline(tsp, &until, &wait);
	if (!ret)
		ret = copy_sets_in(job.n, u, in);
	if (!ret)
		ret = poll_with_mask(&job, until, wait, sigmask);
	if (ret >= 0 && copy_sets_out(job.n, u, out))
		return -EFAULT;
	if (tsp && wait && ret != -EFAULT && ret != -EINVAL)
		poll_time_left(tsp, until);
	return ret;
}

long sys_ppoll(struct pollfd __user *fds, unsigned int n,
	       struct timespec __user *tsp, const sigset_t __user *sigmask)
{
	struct poll_job job = { poll_look, n, NULL, NULL, fds };
	unsigned long until;
	bool wait;
	long ret;

	if (n > POLL_MAX_FDS)
		return -EINVAL;
	ret = poll_deadline(tsp, &until, &wait);
	if (!ret)
		ret = poll_with_mask(&job, until, wait, sigmask);
	if (tsp && wait && ret != -EFAULT && ret != -EINVAL)
		poll_time_left(tsp, until);
	return ret;
}
