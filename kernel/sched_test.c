// SPDX-License-Identifier: MIT
/*
 * The scheduler: kernel threads run and end, sleep on a wait queue until
 * woken, and a thread that never yields is preempted by the timer (without
 * preemption the spinning case below would hang, and the runner's timeout
 * would report it), and a real-time spinner is throttled.
 */
#include <asm/processor.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/wait.h>
#include <pagoda/sched.h>

static int return_arg(void *arg)
{
	return (int)(long)arg;
}

static void threads_run_and_end(struct ktest *t)
{
	struct task_struct *th[3];

	for (long i = 0; i < 3; i++) {
		th[i] = kthread_create(return_arg, (void *)(i + 40), "ktest");
		KTEST_ASSERT_NOT_NULL(t, th[i]);
	}
	for (int i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(t, kthread_wait(th[i]), 40 + i);
}

static struct wait_queue sleep_wq = WAIT_QUEUE_INIT(sleep_wq);
static volatile bool go, woke;

static int sleeper(void *arg)
{
	int err = wait_event(&sleep_wq, go);

	woke = true;
	return err ? 1 : 0;
}

static void sleep_and_wake(struct ktest *t)
{
	struct task_struct *th;

	go = woke = false;
	th = kthread_create(sleeper, NULL, "sleeper");
	KTEST_ASSERT_NOT_NULL(t, th);
	schedule(); /* let it run and go to sleep */
	KTEST_EXPECT_EQ(t, th->state, TASK_SLEEPING);
	KTEST_EXPECT_FALSE(t, woke);
	go = true;
	wake_up(&sleep_wq);
	KTEST_EXPECT_EQ(t, kthread_wait(th), 0);
	KTEST_EXPECT_TRUE(t, woke);
}

static volatile bool stop;

static int spinner(void *arg)
{
	while (!stop)
		cpu_relax();
	return 0;
}

static int stopper(void *arg)
{
	stop = true;
	return 0;
}

/* The spinner never gives up the CPU: only the timer lets stopper run. */
static void spinning_thread_is_preempted(struct ktest *t)
{
	struct task_struct *spin, *stopping;

	stop = false;
	spin = kthread_create(spinner, NULL, "spinner");
	KTEST_ASSERT_NOT_NULL(t, spin);
	stopping = kthread_create(stopper, NULL, "stopper");
	KTEST_ASSERT_NOT_NULL(t, stopping);
	KTEST_EXPECT_EQ(t, kthread_wait(spin), 0);
	KTEST_EXPECT_EQ(t, kthread_wait(stopping), 0);
}

/*
 * RT throttling: a SCHED_FIFO spinner and a SCHED_OTHER stopper on this
 * CPU alone.  The spinner always ranks first, so only the throttle (after
 * RT_RUNTIME ticks) lets the stopper run; without it this case hangs.
 * Neither can start before both are set up: this CPU holds the kernel
 * lock until the case sleeps in kthread_wait.
 */
static void rt_spinner_is_throttled(struct ktest *t)
{
	unsigned long here = 1UL << smp_processor_id();
	struct task_struct *spin, *stopping;

	stop = false;
	spin = kthread_create(spinner, NULL, "rt spinner");
	KTEST_ASSERT_NOT_NULL(t, spin);
	sched_set_policy(spin, SCHED_FIFO, 50);
	sched_set_affinity(spin, here);
	stopping = kthread_create(stopper, NULL, "stopper");
	KTEST_ASSERT_NOT_NULL(t, stopping);
	sched_set_affinity(stopping, here);
	KTEST_EXPECT_EQ(t, kthread_wait(spin), 0);
	KTEST_EXPECT_EQ(t, kthread_wait(stopping), 0);
}

KTEST_SUITE(sched, KTEST_CASE(threads_run_and_end), KTEST_CASE(sleep_and_wake),
	    KTEST_CASE(spinning_thread_is_preempted),
	    KTEST_CASE(rt_spinner_is_throttled));
