// SPDX-License-Identifier: MIT
/*
 * The scheduler: round robin over runnable tasks, preemptive on the timer.
 *
 * Every task is on all_tasks; runnable ones are also on run_queue, in the
 * order they will run.  schedule() moves the current task (if still
 * runnable) to the back and switches to the front one.  When nothing is
 * runnable, the CPU's idle task -- pid 0, never on the queue; the boot
 * thread on the boot CPU -- runs and halts the CPU until an interrupt.
 *
 * Several CPUs share the one run queue: a CPU that calls schedule() takes
 * the first task there it may run (its affinity, kernel/affinity.c),
 * wherever it ran before, so tasks migrate freely.
 * One queue rather than one per CPU because the kernel lock serializes the
 * scheduler anyway (kernel/smp.h): per-CPU queues would buy nothing but
 * the balancing they need.  A task made runnable while a CPU idles is
 * handed to it by a reschedule IPI.
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
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <mm/mm.h>
#include <mm/slab.h>

#define TIME_SLICE 5 /* ticks: 50 ms at HZ = 100 */

struct task_struct boot_idle_task = { .comm = "idle" };

LIST_HEAD(all_tasks);
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

static bool may_run_on(const struct task_struct *t, unsigned int cpu)
{
	return t->cpus_allowed & (1UL << cpu);
}

/* The first queued task allowed on this CPU (kernel/affinity.c). */
static struct task_struct *pick_next(struct per_cpu *c)
{
	struct task_struct *t;

	list_for_each_entry (t, &run_queue, run_link)
		if (may_run_on(t, c->cpu))
			return t;
	return c->idle_task;
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

static bool kick_idle_cpu(const struct task_struct *t);

/* Do not touch c after switch_to: prev may come back on another CPU. */
void schedule(void)
{
	unsigned long flags = arch_local_irq_save();
	struct per_cpu *c = this_cpu();
	struct task_struct *prev = c->current_task, *next;

	c->need_resched = false;
	if (prev != c->idle_task && prev->state == TASK_RUNNABLE) {
		list_add_tail(&prev->run_link, &run_queue);
		/* Its affinity changed: another CPU must take it. */
		if (!may_run_on(prev, c->cpu))
			kick_idle_cpu(prev);
	}
	next = pick_next(c);
	if (next != c->idle_task)
		list_del(&next->run_link);
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

/*
 * Hand the run queue's news to another CPU that is idling and may run t,
 * if one is: it will take t, and this CPU need not stop what it does (Linux
 * too prefers an idle CPU for a woken task).  False if none is idle.
 */
static bool kick_idle_cpu(const struct task_struct *t)
{
	for_each_cpu (cpu, cpu_online_mask & t->cpus_allowed) {
		struct per_cpu *c = &per_cpu_data[cpu];

		if (cpu != smp_processor_id() &&
		    c->current_task == c->idle_task && !c->need_resched) {
			c->need_resched = true;
			smp_send_reschedule(cpu);
			return true;
		}
	}
	return false;
}

void wake_up_task(struct task_struct *t)
{
	unsigned long flags = arch_local_irq_save();

	if (t->state == TASK_SLEEPING) {
		t->state = TASK_RUNNABLE;
		if (t != current)
			list_add_tail(&t->run_link, &run_queue);
		if (t == current || !kick_idle_cpu(t))
			this_cpu()->need_resched = true;
	}
	arch_local_irq_restore(flags);
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

/* Every CPU's tick; the boot CPU's also keeps time (kernel/time.c). */
void scheduler_tick(bool user_mode)
{
	struct per_cpu *c = this_cpu();
	struct task_struct *t = c->current_task;

	if (user_mode)
		t->utime++;
	else if (t != c->idle_task)
		t->stime++;
	if (t->slice && --t->slice == 0)
		c->need_resched = true;
	if (t == c->idle_task && pick_next(c) != t)
		c->need_resched = true;
	/* After the test above: a task woken now goes to an idle CPU first. */
	if (c->cpu == 0) {
		wake_timed_sleepers();
		run_alarms();
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
