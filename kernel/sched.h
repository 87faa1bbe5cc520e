/* SPDX-License-Identifier: MIT */
/*
 * Tasks and the scheduler.  A task is a kernel thread, or a process: a
 * kernel thread that also has a user address space (mm) and returns to user
 * mode.  The scheduler is round-robin over the runnable tasks; the timer
 * preempts a task after its time slice, in kernel mode too, wherever
 * interrupts are enabled (holding a spinlock disables them).
 */
#ifndef _KERNEL_SCHED_H
#define _KERNEL_SCHED_H

#include <asm/page.h>
#include <asm/switch_to.h>
#include <kernel/list.h>
#include <kernel/signal.h>
#include <kernel/wait.h>

#define TASK_COMM_LEN 16
#define NR_OPEN 32	     /* open files per process */
#define NR_TASKS 64	     /* fork beyond this fails with EAGAIN */
#define KERNEL_STACK_ORDER 2 /* 16 KiB kernel stack per task */
#define KERNEL_STACK_SIZE (PAGE_SIZE << KERNEL_STACK_ORDER)
/* A stack's slot in KSTACK_AREA: an unmapped guard page, then the stack. */
#define KSTACK_SLOT_SIZE (PAGE_SIZE + KERNEL_STACK_SIZE)

enum task_state {
	TASK_RUNNABLE,
	TASK_SLEEPING,
	TASK_STOPPED, /* by a stop signal, until SIGCONT or SIGKILL */
	TASK_ZOMBIE,  /* exited; the parent has not collected the status yet */
};

struct file;
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
	struct task_struct *parent;
	struct list_head children; /* struct task_struct, by sibling */
	struct list_head sibling;
	struct wait_queue child_exit; /* the parent waits here in waitpid */
	int exit_status;	      /* waitpid() encoding (pagoda/abi.h) */
	struct signal_state signal;
	int stop_report;       /* stopped by this signal: for WUNTRACED */
	bool continued_report; /* continued since: for WCONTINUED */
	int pgid;	       /* process group (job control) */

	struct file *files[NR_OPEN];
	struct inode *cwd;

	/* Accounting, reported by getrusage() and ps. */
	unsigned long utime, stime;   /* ticks spent in user and kernel mode */
	unsigned long cutime, cstime; /* of reaped children */
	unsigned long min_flt, maj_flt;
	unsigned long cmin_flt, cmaj_flt; /* of reaped children */
	unsigned long cow_flt; /* write faults that copied a shared page */
	unsigned long slice;   /* ticks left in the time slice */
};

/* The task running on this CPU. */
extern struct task_struct *current;

/*
 * The arch's half of tasks (arch/<arch>/process.c, switch.S or entry.S);
 * struct thread_struct, what a task keeps of the CPU, is in
 * <asm/switch_to.h>.
 */
struct pt_regs;

/* Save prev's callee-saved registers and stack, resume next's. */
void switch_to(struct task_struct *prev, struct task_struct *next);

void fpu_init(void);
/* Prepare a new task's stack: to run fn(arg), or to return from fork. */
void copy_thread_kernel(struct task_struct *t, int (*fn)(void *), void *arg);
void copy_thread_fork(struct task_struct *child, struct task_struct *parent);
/* The user registers saved at the top of t's kernel stack. */
struct pt_regs *task_pt_regs(struct task_struct *t);
/* Set user registers to start a program at entry with stack sp. */
void start_thread(struct pt_regs *regs, unsigned long entry, unsigned long sp);
/* Leave the kernel for user mode with these registers; never returns. */
void enter_user(struct pt_regs *regs) __attribute__((noreturn));

void sched_init(void);
/* Give up the CPU: run the next runnable task (may return at once). */
void schedule(void);
/* Make a sleeping task runnable. */
void wake_up_task(struct task_struct *t);
/* Called by the timer tick: accounting, sleep timeouts, preemption. */
void scheduler_tick(bool user_mode);
/* Called on the way out of an interrupt: switch if the slice is used up. */
void preempt_if_needed(void);

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

/* The live process with this pid, or NULL. */
struct task_struct *find_process(int pid);
/* The process (running, stopped or a zombie, not a kernel thread) pid. */
struct task_struct *find_task_by_pid(int pid);
/* Make a stopped task runnable again (SIGCONT, SIGKILL). */
void resume_stopped_task(struct task_struct *t);
/* Wake t's parent in waitpid and send it SIGCHLD with this si_code. */
void notify_parent(struct task_struct *t, int code, int status);

#endif
