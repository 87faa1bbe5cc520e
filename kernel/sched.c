// SPDX-License-Identifier: MIT
/*
 * The scheduler: real-time tasks by priority, then round robin over the
 * others, preemptive on the timer.
 *
 * Every task is on all_tasks; runnable ones are also on a run queue, in
 * the order they will run: rt_queue holds the SCHED_FIFO and SCHED_RR
 * tasks, highest priority first and first come first within a priority
 * (POSIX's "thread list" per priority, one sorted list here: Linux keeps an
 * array of 100 lists and a bitmap, which a few dozen tasks do not need);
 * run_queue holds the SCHED_OTHER tasks.  schedule() puts the current
 * task (if still runnable) back in line and switches to the first task of
 * rt_queue, else of run_queue.  In line means: a SCHED_OTHER task, or a
 * real-time one that yielded or whose RR slice ran out, goes behind the
 * tasks of its priority; a real-time task that was preempted goes before
 * them, as POSIX asks.  A FIFO task has no slice: it runs until it blocks,
 * yields or a higher priority preempts it.  When nothing is runnable, the
 * CPU's idle task -- pid 0, never on a queue; the boot thread on the boot
 * CPU -- runs and halts the CPU until an interrupt.
 *
 * RT throttling.  A real-time task that spins would own its CPU for ever,
 * and with one CPU nothing else -- not the shell, not kswapd -- would ever
 * run again.  Linux therefore lets real-time tasks use only
 * sched_rt_runtime_us (950000) of each sched_rt_period_us (1000000) on a
 * CPU; past it they wait until the period ends.  Pagoda does the same in
 * ticks (RT_RUNTIME of each RT_PERIOD), with one difference: a throttled
 * CPU still runs a real-time task when no SCHED_OTHER task wants it,
 * rather than idling.
 *
 * A task runs only on the CPUs of its cpus_allowed (sched_setaffinity).
 *
 * Several CPUs share the run queues: a CPU that calls schedule() takes
 * the first task it may run, wherever it ran before, so tasks migrate
 * freely.  Shared queues rather than one per CPU because the kernel lock
 * serializes the scheduler anyway (kernel/smp.h): per-CPU queues would
 * buy nothing but the balancing they need.  A task made runnable while a
 * CPU idles is handed to it by a reschedule IPI.
 *
 * Locking: the queues are under the kernel lock, and touched with
 * interrupts off (an interrupt on this CPU may wake a task).  schedule() is
 * entered and left with interrupts in whatever state the caller had; a
 * task switched away in the middle of schedule() resumes there, perhaps on
 * another CPU.
 */
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/fs.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <mm/mm.h>
#include <mm/slab.h>
#include <pagoda/sched.h>

#define RT_PERIOD HZ /* ticks: 1 s */
#define RT_RUNTIME (RT_PERIOD * 95 / 100)

struct task_struct boot_idle_task = { .comm = "idle" };

LIST_HEAD(all_tasks);
static LIST_HEAD(rt_queue);
static LIST_HEAD(run_queue);
unsigned int nr_tasks;

void init_idle_task(struct task_struct *idle, unsigned int cpu)
{
	strscpy(idle->comm, "idle", sizeof(idle->comm));
	INIT_LIST_HEAD(&idle->children);
	idle->cpu = cpu;
}

void sched_init(void)
{
	init_idle_task(&boot_idle_task, 0);
	list_add_tail(&boot_idle_task.task_link, &all_tasks);
	fpu_init();
}

static bool is_idle_task(const struct task_struct *t)
{
	return t == this_cpu()->idle_task;
}

static bool rt_task(const struct task_struct *t)
{
	return t->policy != SCHED_OTHER;
}

/*
 * Which task goes first on CPU c: the higher rank.  The idle task is last;
 * a real-time task ranks by priority, above every SCHED_OTHER task (0),
 * except on a throttled CPU, where it ranks below them.
 */
static int task_rank(const struct per_cpu *c, const struct task_struct *t)
{
	if (t == c->idle_task)
		return -2;
	if (!rt_task(t))
		return 0;
	return c->rt_throttled ? -1 : t->rt_priority;
}

/* Put t in line: before or behind the tasks of its priority (see above). */
static void enqueue_task(struct task_struct *t, bool head)
{
	struct task_struct *pos;

	if (!rt_task(t)) {
		list_add_tail(&t->run_link, &run_queue);
		return;
	}
	list_for_each_entry (pos, &rt_queue, run_link)
		if (pos->rt_priority < t->rt_priority ||
		    (head && pos->rt_priority == t->rt_priority))
			break;
	list_add_tail(&t->run_link, &pos->run_link); /* before pos */
}

static bool cpu_allowed(const struct task_struct *t, unsigned int cpu)
{
	return t->cpus_allowed & (1UL << cpu);
}

/* The first task of queue that may run on c, or NULL. */
static struct task_struct *first_allowed(struct list_head *queue,
					 const struct per_cpu *c)
{
	struct task_struct *t;

	list_for_each_entry (t, queue, run_link)
		if (cpu_allowed(t, c->cpu))
			return t;
	return NULL;
}

static struct task_struct *pick_next(struct per_cpu *c)
{
	struct task_struct *rt = first_allowed(&rt_queue, c);
	struct task_struct *other = first_allowed(&run_queue, c);

	if (rt && (!other || task_rank(c, rt) > task_rank(c, other)))
		return rt;
	return other ? other : c->idle_task;
}

/* prev's stretch on this CPU ends and next's begins (CPU time). */
static void account_switch(struct task_struct *prev, struct task_struct *next)
{
	u64 now = ktime_get_ns();

	prev->sum_exec_runtime += now - prev->exec_start;
	next->exec_start = now;
}

/* A task running on some CPU also has the stretch under way. */
u64 task_cputime(const struct task_struct *t)
{
	u64 sum = t->sum_exec_runtime;

	if (per_cpu_data[t->cpu].current_task == t)
		sum += ktime_get_ns() - t->exec_start;
	return sum;
}

u64 thread_group_cputime(const struct task_struct *leader)
{
	const struct task_struct *th;
	u64 sum = leader->exited_runtime;

	list_for_each_entry (th, &leader->thread_head, thread_node)
		sum += task_cputime(th);
	return sum;
}

/* Do not touch c after switch_to: prev may come back on another CPU. */
void schedule(void)
{
	unsigned long flags = arch_local_irq_save();
	struct per_cpu *c = this_cpu();
	struct task_struct *prev = c->current_task, *next;

	c->need_resched = false;
	if (prev != c->idle_task && prev->state == TASK_RUNNABLE)
		enqueue_task(prev, !prev->requeue_tail);
	prev->requeue_tail = false;
	next = pick_next(c);
	if (next != c->idle_task)
		list_del(&next->run_link);
	/* A preempted RR task keeps what is left of its quantum. */
	if (next->policy != SCHED_RR || !next->slice)
		next->slice = TIME_SLICE;
	next->cpu = c->cpu;
	if (next != prev) {
		c->current_task = next;
		/* A kernel thread gets the kernel's table: no lazy TLB. */
		if (next->mm || c->loaded_mm)
			switch_mm(next->mm);
		account_switch(prev, next);
		switch_to(prev, next);
	}
	arch_local_irq_restore(flags);
}

static void resched_cpu(struct per_cpu *c)
{
	c->need_resched = true;
	smp_send_reschedule(c->cpu);
}

/*
 * The CPU that should take t, just queued: of those t may run on, the one
 * whose task ranks lowest, if below t -- an idling CPU first, and another
 * CPU rather than this one, which need not stop what it does (Linux too
 * prefers an idle CPU for a woken task); then one running a task of lower
 * priority.  A CPU already told to reschedule will take another queued
 * task: it does not count.  NULL if none.
 */
static struct per_cpu *lowest_cpu_for(struct task_struct *t)
{
	struct per_cpu *best = NULL;
	int best_rank = 0;

	for_each_cpu (cpu, cpu_online_mask & t->cpus_allowed) {
		struct per_cpu *c = &per_cpu_data[cpu];
		int rank = task_rank(c, c->current_task);

		if (c->need_resched || rank >= task_rank(c, t))
			continue;
		if (!best || rank < best_rank ||
		    (rank == best_rank && best == this_cpu())) {
			best = c;
			best_rank = rank;
		}
	}
	return best;
}

/*
 * t has been queued: make a CPU take it.  A SCHED_OTHER task that finds no
 * idle CPU still has this CPU reschedule, whose task goes behind it -- the
 * round robin hands the CPU to a woken task at once; a real-time task
 * waits for its turn by priority.
 */
static void resched_for(struct task_struct *t)
{
	struct per_cpu *c = lowest_cpu_for(t);

	if (c)
		resched_cpu(c);
	else if (!rt_task(t))
		this_cpu()->need_resched = true;
}

void wake_up_task(struct task_struct *t)
{
	unsigned long flags = arch_local_irq_save();

	if (t->state == TASK_SLEEPING) {
		t->state = TASK_RUNNABLE;
		if (t == current) {
			this_cpu()->need_resched = true;
		} else {
			enqueue_task(t, false);
			resched_for(t);
		}
	}
	arch_local_irq_restore(flags);
}

void sched_fork(struct task_struct *child, struct task_struct *parent)
{
	child->policy = parent->policy;
	child->rt_priority = parent->rt_priority;
	child->cpus_allowed = parent->cpus_allowed;
}

/* Is t on a CPU now? */
static bool task_running(const struct task_struct *t)
{
	return per_cpu_data[t->cpu].current_task == t;
}

/*
 * A queued task moves to its new place (behind its new priority, or
 * before it if the priority went down, as Linux does); a running one is
 * put in line by its CPU's next schedule(), which is asked for at once.
 */
void sched_set_policy(struct task_struct *t, int policy, int rt_priority)
{
	unsigned long flags = arch_local_irq_save();
	bool lowered = policy == SCHED_OTHER ||
		       (rt_task(t) && rt_priority < t->rt_priority);
	bool queued = t->state == TASK_RUNNABLE && !task_running(t);

	if (queued)
		list_del(&t->run_link);
	t->policy = policy;
	t->rt_priority = rt_priority;
	t->requeue_tail = !lowered;
	if (queued) {
		enqueue_task(t, lowered);
		resched_for(t);
	} else if (task_running(t)) {
		resched_cpu(&per_cpu_data[t->cpu]);
	}
	arch_local_irq_restore(flags);
}

/* A task running where it may no longer run leaves at its next schedule(). */
void sched_set_affinity(struct task_struct *t, unsigned long mask)
{
	unsigned long flags = arch_local_irq_save();

	t->cpus_allowed = mask;
	if (task_running(t) && !cpu_allowed(t, t->cpu)) {
		t->requeue_tail = true;
		resched_cpu(&per_cpu_data[t->cpu]);
		resched_for(t);
	} else if (t->state == TASK_RUNNABLE && !task_running(t)) {
		resched_for(t);
	}
	arch_local_irq_restore(flags);
}

void yield(void)
{
	current->requeue_tail = true;
	current->slice = 0;
	schedule();
}

void resume_stopped_task(struct task_struct *t)
{
	unsigned long flags = arch_local_irq_save();

	if (t->state == TASK_STOPPED) {
		t->state = TASK_SLEEPING;
		wake_up_task(t);
	}
	arch_local_irq_restore(flags);
}

void wake_up(struct wait_queue *wq)
{
	unsigned long flags = arch_local_irq_save();

	while (!list_empty(&wq->sleepers)) {
		struct task_struct *t = list_first_entry(
			&wq->sleepers, struct task_struct, wait_link);

		list_del(&t->wait_link);
		wake_up_task(t);
	}
	arch_local_irq_restore(flags);
}

/* Tasks asleep with a deadline, for the tick to wake. */
static LIST_HEAD(timed_sleepers);

/* Sleep on wq once, until woken, killed or (if until) the tick at until. */
static void sleep_until(struct wait_queue *wq, unsigned long until)
{
	struct task_struct *t = current;

	BUG_ON(!arch_irqs_disabled());
	BUG_ON(is_idle_task(t)); /* the idle task must never sleep */
	t->state = TASK_SLEEPING;
	list_add_tail(&t->wait_link, &wq->sleepers);
	t->wake_at = until;
	if (until)
		list_add_tail(&t->timer_link, &timed_sleepers);
	schedule();
	/* Woken by wake_up (off the queue already), a signal or the tick. */
	if (t->wait_link.next)
		list_del(&t->wait_link);
	if (until)
		list_del(&t->timer_link);
}

int sleep_on_deadline(struct wait_queue *wq, unsigned long until)
{
	if (signal_pending(current))
		return -ERESTARTSYS;
	sleep_until(wq, until);
	return signal_pending(current) ? -ERESTARTSYS : 0;
}

int sleep_on(struct wait_queue *wq)
{
	return sleep_on_deadline(wq, 0);
}

void sleep_on_timeout(struct wait_queue *wq, unsigned long until)
{
	sleep_until(wq, until);
}

static void wake_timed_sleepers(void)
{
	struct task_struct *t;

	list_for_each_entry (t, &timed_sleepers, timer_link)
		if ((long)(jiffies - t->wake_at) >= 0)
			wake_up_task(t);
}

/*
 * Count the real-time ticks of this CPU's period; past RT_RUNTIME its
 * real-time tasks rank below SCHED_OTHER ones until the period ends.
 */
static void rt_throttle_tick(struct per_cpu *c, struct task_struct *t)
{
	if (++c->period_ticks >= RT_PERIOD) {
		c->period_ticks = 0;
		c->rt_ticks = 0;
		c->rt_throttled = false;
	}
	if (t != c->idle_task && rt_task(t) && ++c->rt_ticks >= RT_RUNTIME)
		c->rt_throttled = true;
}

/* Every CPU's tick; the boot CPU's also keeps time (kernel/time.c). */
void scheduler_tick(bool user_mode)
{
	struct per_cpu *c = this_cpu();
	struct task_struct *t = c->current_task;

	if (user_mode)
		t->utime++;
	else if (t != c->idle_task)
		t->stime++;
	account_itimers(t, user_mode);
	rt_throttle_tick(c, t);
	if (t->policy != SCHED_FIFO && t->slice && --t->slice == 0) {
		t->requeue_tail = true; /* an RR task's quantum is over */
		c->need_resched = true;
	}
	/* A better task is waiting: woken here, or the throttle changed. */
	if (task_rank(c, pick_next(c)) > task_rank(c, t))
		c->need_resched = true;
	/* After the test above: a task woken now goes to an idle CPU first. */
	if (c->cpu == 0) {
		wake_timed_sleepers();
		run_timers();
	}
}

void preempt_if_needed(void)
{
	if (this_cpu()->need_resched)
		schedule();
}

/*
 * Kernel stacks.  A task's stack is mapped page by page into its own slot of
 * KSTACK_AREA, above a guard page that stays unmapped: a stack overflow
 * faults there (and is reported as such by the double-fault handler)
 * instead of overwriting whatever memory lies below.  Linux does the same
 * with vmalloc'd stacks.  One slot per possible task: a bitmap of NR_TASKS.
 */
static u64 stack_slots; /* bit n: slot n in use (NR_TASKS <= 64) */
#define STACK_PAGES (1 << KERNEL_STACK_ORDER)

/* Claim a stack slot and a place among the NR_TASKS; -1 if there is none. */
static int get_slot(void)
{
	unsigned long flags = arch_local_irq_save();
	int slot = -1;

	if (nr_tasks < NR_TASKS) {
		slot = __builtin_ctzll(~stack_slots);
		stack_slots |= 1ULL << slot;
		nr_tasks++;
	}
	arch_local_irq_restore(flags);
	return slot;
}

static void put_slot(int slot)
{
	unsigned long flags = arch_local_irq_save();

	stack_slots &= ~(1ULL << slot);
	nr_tasks--;
	arch_local_irq_restore(flags);
}

static unsigned long slot_stack(int slot)
{
	return KSTACK_AREA + slot * KSTACK_SLOT_SIZE + PAGE_SIZE;
}

static void unmap_kernel_stack(unsigned long va)
{
	for (int i = 0; i < STACK_PAGES; i++) {
		struct page *page = unmap_kernel_page(va + i * PAGE_SIZE);

		if (page)
			put_page(page);
	}
}

static int map_kernel_stack(unsigned long va)
{
	for (int i = 0; i < STACK_PAGES; i++) {
		struct page *page = alloc_page();

		if (!page || map_kernel_page(va + i * PAGE_SIZE, page)) {
			if (page)
				put_page(page);
			unmap_kernel_stack(va);
			return -ENOMEM;
		}
	}
	return 0;
}

static int next_pid = 1;

/*
 * A new task, not yet runnable: stack, pid, lists.  ERR_PTR(-EAGAIN) when
 * NR_TASKS exist, ERR_PTR(-ENOMEM) when memory is short.
 */
struct task_struct *alloc_task(const char *name)
{
	int slot = get_slot();
	struct task_struct *t;
	unsigned long flags;

	if (slot < 0)
		return ERR_PTR(-EAGAIN);
	release_dead_threads();
	t = kzalloc(sizeof(*t));
	if (t && !(t->files = files_alloc()))
		goto nomem;
	if (!t || sighand_alloc(t))
		goto nomem;
	if (map_kernel_stack(slot_stack(slot))) {
		sighand_put(t);
		goto nomem;
	}
	t->stack = (void *)slot_stack(slot);
	strscpy(t->comm, name, sizeof(t->comm));
	t->cpus_allowed = ~0UL; /* fork and clone copy the caller's */
	INIT_LIST_HEAD(&t->children);
	init_wait_queue(&t->child_exit);
	t->state = TASK_SLEEPING; /* until wake_up_task */
	t->cpus_allowed = ~0UL;
	init_rlimits(t->rlim);
	t->group_leader = t;
	INIT_LIST_HEAD(&t->thread_head);
	list_add_tail(&t->thread_node, &t->thread_head);
	flags = arch_local_irq_save();
	t->pid = t->tgid = next_pid++;
	list_add_tail(&t->task_link, &all_tasks);
	arch_local_irq_restore(flags);
	return t;

nomem:
	if (t)
		files_exit(t);
	kfree(t);
	put_slot(slot);
	return ERR_PTR(-ENOMEM);
}

/* Free what alloc_task took; the task must be off every queue. */
void free_task(struct task_struct *t)
{
	unsigned long va = (unsigned long)t->stack;
	unsigned long flags = arch_local_irq_save();

	list_del(&t->task_link);
	arch_local_irq_restore(flags);
	files_exit(t);
	flush_sigqueue(t);
	sighand_put(t);
	unmap_kernel_stack(va);
	put_slot((va - KSTACK_AREA) / KSTACK_SLOT_SIZE);
	kfree(t);
}

/*
 * Threads that exited wait on dead_threads (by sibling) until someone
 * else frees them: a task cannot free the stack it is running on.  On one
 * CPU a dead thread that is not current has switched away for good.
 */
static LIST_HEAD(dead_threads);

void add_dead_thread(struct task_struct *t)
{
	BUG_ON(!arch_irqs_disabled());
	t->state = TASK_DEAD;
	list_add_tail(&t->sibling, &dead_threads);
}

/* A dead thread that may be freed, taken off the list; NULL if none. */
static struct task_struct *take_dead_thread(void)
{
	unsigned long flags = arch_local_irq_save();
	struct task_struct *t, *found = NULL;

	list_for_each_entry (t, &dead_threads, sibling) {
		if (t != current) {
			list_del(&t->sibling);
			found = t;
			break;
		}
	}
	arch_local_irq_restore(flags);
	return found;
}

void release_dead_threads(void)
{
	struct task_struct *t;

	while ((t = take_dead_thread()))
		free_task(t);
}

void kthread_start(int (*fn)(void *), void *arg)
{
	local_irq_enable();
	task_exit(fn(arg));
}

struct task_struct *kthread_create(int (*fn)(void *arg), void *arg,
				   const char *name)
{
	struct task_struct *t = alloc_task(name);

	if (IS_ERR(t))
		return NULL;
	t->kthread = true;
	t->parent = current; /* who collects it, with kthread_wait */
	list_add_tail(&t->sibling, &current->children);
	copy_thread_kernel(t, fn, arg);
	wake_up_task(t);
	return t;
}
