/* SPDX-License-Identifier: MIT */
/*
 * Tasks and the scheduler.  A task is a kernel thread, or a process: a
 * kernel thread that also has a user address space (mm) and returns to user
 * mode.  The scheduler runs real-time tasks (SCHED_FIFO, SCHED_RR) by
 * priority before the others, and is round-robin over the others
 * (SCHED_OTHER); the timer preempts a task after its time slice, in kernel
 * mode too, wherever interrupts are enabled (holding a spinlock disables
 * them).  `current` is the task running on this CPU (<asm/current.h>).
 */
#ifndef _KERNEL_SCHED_H
#define _KERNEL_SCHED_H

#include <asm/current.h>
#include <asm/page.h>
#include <asm/switch_to.h>
#include <kernel/cred.h>
#include <kernel/list.h>
#include <kernel/lockdep.h>
#include <kernel/posix_timers.h>
#include <kernel/signal.h>
#include <kernel/wait.h>
#include <pagoda/resource.h>

#define TASK_COMM_LEN 16
#define TIME_SLICE 5 /* ticks: 50 ms at HZ = 100; also SCHED_RR's quantum */
#define NR_TASKS 64  /* fork beyond this fails with EAGAIN */
#define KERNEL_STACK_ORDER 2 /* 16 KiB kernel stack per task */
#define KERNEL_STACK_SIZE (PAGE_SIZE << KERNEL_STACK_ORDER)
/* A stack's slot in KSTACK_AREA: an unmapped guard page, then the stack. */
#define KSTACK_SLOT_SIZE (PAGE_SIZE + KERNEL_STACK_SIZE)

enum task_state {
	TASK_RUNNABLE,
	TASK_SLEEPING,
	TASK_STOPPED, /* by a stop signal, until SIGCONT or SIGKILL */
	TASK_ZOMBIE,  /* exited; the parent has not collected the status yet */
	TASK_DEAD,    /* a thread (not a group leader) that exited: to free */
};

struct files_struct;
struct inode;
struct mm_struct;
struct pt_regs;

struct task_struct {
	int pid;
	enum task_state state;
	bool kthread; /* a kernel thread (Linux: PF_KTHREAD), zombie or not */
	char comm[TASK_COMM_LEN];
	struct thread_struct thread; /* arch: saved kernel stack pointer, FPU */
	void *stack;		   /* kernel stack (KERNEL_STACK_ORDER pages) */
	struct list_head run_link; /* on the run queue while runnable */
	struct list_head wait_link;  /* on a wait queue while sleeping */
	struct list_head timer_link; /* on timed_sleepers (sleep_on_timeout) */
	unsigned long wake_at;	     /* jiffies at which the tick wakes it */
	struct list_head task_link;  /* on the list of all tasks */

	/* Processes only (NULL for kernel threads). */
	struct mm_struct *mm;
	/*
	 * The thread group (kernel/thread.c): a process is its leader, the
	 * task fork made, and the tasks clone(CLONE_THREAD) added to it.  All
	 * share mm, files and signal handlers; pid is the thread's own id,
	 * tgid the leader's pid, which getpid returns.  The leader's
	 * thread_head lists the live threads (by thread_node); the leader
	 * stays, a zombie if need be, until the last of them has exited.
	 */
	int tgid;
	struct task_struct *group_leader;
	struct list_head thread_head; /* the leader's: live threads */
	struct list_head thread_node;
	bool group_exiting;  /* the leader's: exit_group or a fatal signal */
	int group_exit_code; /* the leader's: the status all threads give */
	int __user
		*clear_child_tid; /* CLONE_CHILD_CLEARTID: 0 and wake at exit */
	/* The rest of the process's state is the leader's. */
	struct task_struct *parent;
	struct list_head children; /* struct task_struct, by sibling */
	struct list_head sibling;
	struct wait_queue child_exit; /* the parent waits here in waitpid */
	int exit_status;	      /* waitpid() encoding (pagoda/abi.h) */
	struct signal_state signal;
	int stop_report;       /* stopped by this signal: for WUNTRACED */
	bool continued_report; /* continued since: for WCONTINUED */
	int pgid;	       /* process group (job control) */
	int sid;	       /* session: the pid of its leader (setsid) */
	struct process_timers timers; /* setitimer's, timer_create's */

	struct files_struct *files; /* fd table and cwd, shared by threads */

	/* Accounting, reported by getrusage() and ps. */
	unsigned long utime, stime; /* ticks spent in user and kernel mode */
	/*
	 * CPU time in ns of the monotonic clock, for CLOCK_*_CPUTIME_ID
	 * (Linux's se.exec_start and se.sum_exec_runtime): schedule() adds
	 * each stretch on a CPU when the task switches away.  The leader's
	 * exited_runtime keeps what its threads ran before they exited.
	 */
	u64 exec_start;
	u64 sum_exec_runtime;
	u64 exited_runtime;
	unsigned long cutime, cstime; /* of reaped children */
	unsigned long min_flt, maj_flt;
	unsigned long cmin_flt, cmaj_flt; /* of reaped children */
	unsigned long cow_flt; /* write faults that copied a shared page */
	unsigned long slice;   /* ticks left in the time slice */
	unsigned int cpu;      /* the CPU it runs on, or last ran on */
	/*
	 * The scheduling policy (kernel/sched_syscalls.c), the thread's own as
	 * in Linux: SCHED_OTHER, or SCHED_FIFO / SCHED_RR at rt_priority
	 * 1..99, which always runs before any SCHED_OTHER task.
	 * requeue_tail: it yielded or its RR slice ran out, so it goes behind
	 * the tasks of its priority, not before them (a preempted one).
	 */
	int policy;
	int rt_priority;
	bool requeue_tail;
	unsigned long cpus_allowed; /* sched_setaffinity: bit n, CPU n */
	/* The process's, in its leader: users and resource limits. */
	struct cred cred;
	struct rlimit rlim[RLIM_NLIMITS];
	struct held_locks held_locks; /* the lock-order check's (lockdep.h) */
};

/* The idle task of the boot CPU: the boot thread. */
extern struct task_struct boot_idle_task;
/* Make idle the idle task of cpu (pid 0, never on the run queue). */
void init_idle_task(struct task_struct *idle, unsigned int cpu);

void sched_init(void);
/* Give up the CPU: run the next runnable task (may return at once). */
void schedule(void);
/* Make a sleeping task runnable. */
void wake_up_task(struct task_struct *t);
/* Called by the timer tick: accounting, sleep timeouts, preemption. */
void scheduler_tick(bool user_mode);
/* Called on the way out of an interrupt: switch if the slice is used up. */
void preempt_if_needed(void);
/* fork and clone: the child runs under its parent's policy and CPU mask. */
void sched_fork(struct task_struct *child, struct task_struct *parent);
/* Give t this policy and priority, moving it in the run queue. */
void sched_set_policy(struct task_struct *t, int policy, int rt_priority);
/* Let t run only on the CPUs of mask (online ones, at least one). */
void sched_set_affinity(struct task_struct *t, unsigned long mask);
/* sched_yield: the caller goes behind the tasks of its priority. */
void yield(void);

/* A kernel thread running fn(arg); NULL if out of memory or tasks. */
struct task_struct *kthread_create(int (*fn)(void *arg), void *arg,
				   const char *name);
/* End the current task; status in waitpid()'s encoding. */
void __noreturn do_exit(int status);
/* End a kernel thread with fn's return value. */
void __noreturn task_exit(int ret);
/* Wait for a kernel thread this task created to end; its fn's return value. */
int kthread_wait(struct task_struct *t);

/* Used by fork and kthread_create (kernel/sched.c); alloc_task gives ERR_PTR. */
struct task_struct *alloc_task(const char *name);
void free_task(struct task_struct *t);
extern struct list_head all_tasks;
extern unsigned int nr_tasks;
/* The process every orphan is given to: pid 1. */
extern struct task_struct *init_task;

/*
 * A thread that is exiting (the current task, interrupts off) is left to
 * be freed; release_dead_threads frees those that have switched away.
 */
void add_dead_thread(struct task_struct *t);
void release_dead_threads(void);

static inline bool thread_group_leader(const struct task_struct *t)
{
	return t->group_leader == t;
}

/* Has every thread of leader's group exited? */
static inline bool thread_group_empty(const struct task_struct *leader)
{
	return list_empty(&leader->thread_head);
}

/* End every thread of the current process with this status (exit_group). */
void __noreturn do_group_exit(int status);

/* t's CPU time so far, in ns, and its whole process's (for clock_gettime). */
u64 task_cputime(const struct task_struct *t);
u64 thread_group_cputime(const struct task_struct *leader);

/* The live process with this pid, or NULL. */
struct task_struct *find_process(int pid);
/* The process (running, stopped or a zombie, not a kernel thread) pid. */
struct task_struct *find_task_by_pid(int pid);
/* Make a stopped task runnable again (SIGCONT, SIGKILL). */
void resume_stopped_task(struct task_struct *t);
/* Wake t's parent in waitpid and send it SIGCHLD with this si_code. */
void notify_parent(struct task_struct *t, int code, int status);

#endif
