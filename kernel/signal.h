/* SPDX-License-Identifier: MIT */
/*
 * POSIX signals (kernel/signal.c): what a task holds, the calls that send
 * and catch them, and the door to the arch code that builds and checks the
 * signal frame on the user stack (arch/<arch>/signal.c).
 */
#ifndef _KERNEL_SIGNAL_H
#define _KERNEL_SIGNAL_H

#include <kernel/list.h>
#include <kernel/types.h>
#include <kernel/uaccess.h>
#include <pagoda/abi.h>

/*
 * Returned by a sleep that a signal cut short.  It never reaches user space:
 * on the way out the signal code makes it EINTR, or restarts the call (the
 * handler has SA_RESTART, or no handler ran).  Linux's value.
 */
#define ERESTARTSYS 512
/*
 * Returned by nanosleep that a signal cut short: EINTR if a handler runs
 * (SA_RESTART or not, as POSIX asks of nanosleep); otherwise -- a stop and
 * continue, an ignored signal -- the call is made again and sleeps on to
 * the deadline it kept in restart_until, not for its whole request again.
 * Linux's value, and its name (Linux resumes through a restart_block).
 */
#define ERESTART_RESTARTBLOCK 516

#define sigmask(sig) (1ULL << ((sig)-1))

/* What the kernel keeps of a pending signal, for the handler's siginfo_t. */
struct kernel_siginfo {
	int si_code;
	int si_pid;
	int si_status;
	unsigned long si_addr;
	union sigval si_value; /* si_code < 0: SI_QUEUE, SI_TIMER, SI_MESGQ */
	int si_overrun;	       /* SI_TIMER */
	int si_timerid;
};

/*
 * One sent instance of a real-time signal, waiting on its thread's queue
 * (Linux's struct sigqueue).  Allocated when sent, freed when taken or
 * discarded; each is charged to the process (sighand_struct.nr_queued).
 */
struct sigqueue {
	struct list_head list;
	int sig;
	struct kernel_siginfo info;
};

/*
 * The actions of a process's signals, shared by its threads
 * (CLONE_SIGHAND): a handler set by one thread is every thread's.
 */
struct sighand_struct {
	int count;     /* tasks using it */
	int nr_queued; /* its process's queued: PAGODA_SIGQUEUE_MAX at most */
	struct sigaction action[NSIG];
};

/*
 * A task's signal state.  Pending signals and the mask are the thread's
 * own; action points into the process's sighand_struct.  (Linux keeps a
 * second pending set per process, for signals any thread may take; here
 * a signal sent to a process is given to one of its threads at once:
 * send_group_signal_info.)
 */
struct signal_state {
	sigset_t pending;
	sigset_t blocked;
	sigset_t saved_blocked; /* sigsuspend's mask, until a handler ran */
	sigset_t real_blocked;	/* sigwaitinfo's set: blocked, though not now */
	bool restore_blocked;
	bool stop_pending;  /* another thread took a stop signal: stop too */
	int stop_sig;	    /* the leader's: the stop signal under way */
	int stop_remaining; /* the leader's: threads yet to stop for it */
	struct sigaction *action;	      /* [NSIG]: sighand->action */
	struct kernel_siginfo info[SIGRTMIN]; /* a pending classic signal's */
	struct list_head queue;	     /* real-time instances, oldest first */
	unsigned long sas_ss_sp;     /* the alternate stack (sigaltstack) */
	unsigned long sas_ss_size;   /* 0: none */
	unsigned long restart_until; /* jiffies: nanosleep's deadline, */
	bool restart_sleep;	     /* kept while its call is made again */
};

struct task_struct;
struct pt_regs;

/*
 * Mark sig pending for t (as if sent by kill), and wake t to act on it.
 * A real-time signal queues one more instance with its info: 0, or
 * -EAGAIN when the process has SIGQUEUE_MAX queued already (the instance
 * is lost); a classic signal already pending keeps its first info.
 */
int send_signal(struct task_struct *t, int sig);
int send_signal_info(struct task_struct *t, int sig,
		     const struct kernel_siginfo *info);
/*
 * The same for t's whole process: the signal goes to one of its live
 * threads, the first that does not block it (else the first).
 */
int send_group_signal(struct task_struct *t, int sig);
int send_group_signal_info(struct task_struct *t, int sig,
			   const struct kernel_siginfo *info);
/*
 * A fault's signal to the current task, which cannot be ignored or
 * blocked: if it is, its action becomes the default (the task dies rather
 * than retry the faulting instruction for ever).
 */
void force_sig_fault(int sig, int code, unsigned long addr);
/* The user's siginfo_t for signal sig, from what the kernel kept. */
void fill_siginfo(siginfo_t *si, int sig, const struct kernel_siginfo *k);
/*
 * What became of a user page fault at addr that handle_mm_fault answered
 * with fault (VM_FAULT_*, 0 if it was never asked: a kernel address), in
 * words for the console: "no mapping", "protection fault on a r--
 * mapping", "nothing to map", "out of memory".  The VM's verdict, not the
 * hardware's: a PROT_NONE page is mapped, yet every access to it is refused
 * by its rights, so a VMA at the address means a protection fault.
 */
struct mm_struct;
void describe_user_fault(char *buf, size_t size, struct mm_struct *mm,
			 unsigned long addr, int fault);
/* A SIGSEGV's si_code: SEGV_ACCERR if a VMA is at addr, else SEGV_MAPERR. */
int segv_code(struct mm_struct *mm, unsigned long addr);
/* The signal for a fault handle_mm_fault could not resolve. */
int fault_signal(int fault);
/* Would sig, sent to the current task, end it (no handler, not ignored)? */
bool sig_kills_current(int sig);
/* Does the current task block sig, or ignore it by SIG_IGN? (job control) */
bool sig_ignored_or_blocked(int sig);
/* A signal t must act on: pending and not blocked. */
bool signal_pending(const struct task_struct *t);
/* On the way back to user mode: deliver pending signals (or die of one). */
void exit_to_user_mode(struct pt_regs *regs);

/*
 * A new task's own actions, all SIG_DFL, and its empty queue (0 or
 * -ENOMEM); clone of a thread shares the parent's actions instead; the
 * last task using them frees them.  flush_sigqueue frees a dead task's
 * queued real-time signals, before its sighand_put.
 */
int sighand_alloc(struct task_struct *t);
void sighand_share(struct task_struct *child, struct task_struct *parent);
void sighand_put(struct task_struct *t);
void flush_sigqueue(struct task_struct *t);
/* fork and exec: what the child inherits, what exec resets. */
void signals_fork(struct task_struct *child, const struct task_struct *parent);
void flush_signal_handlers(struct task_struct *t);

long sys_sigaction(int sig, const struct sigaction __user *act,
		   struct sigaction __user *oact);
long sys_sigprocmask(int how, const sigset_t __user *set,
		     sigset_t __user *oset);
long sys_sigpending(sigset_t __user *set);
long sys_sigsuspend(const sigset_t __user *mask);
/* A mask for the length of one wait (sigsuspend, pselect); 0 or -EFAULT. */
int set_user_sigmask(const sigset_t __user *mask);
/* After the wait: the caller's mask back, unless a signal ended it. */
void restore_saved_sigmask(bool interrupted);
long sys_sigwaitinfo(const sigset_t __user *set, siginfo_t __user *info);
long sys_sigtimedwait(const sigset_t __user *set, siginfo_t __user *info,
		      const struct timespec __user *timeout);
long sys_sigqueueinfo(int pid, int sig, const siginfo_t __user *info);
long sys_tgkill(int tgid, int tid, int sig);
long sys_sigreturn(void);
long sys_sigaltstack(const stack_t __user *ss, stack_t __user *old);

/*
 * For the arch's frame: where it goes, and whether it fits.  sigsp gives
 * the address to build the frame below: sp (the interrupted stack pointer,
 * less any red zone), or the top of the alternate stack if the action has
 * SA_ONSTACK and the task is not already on it.  sigframe_fits says that a
 * frame from bottom up to sp stays on the stack it started on: a frame
 * that would run off the bottom of the alternate stack is a signal stack
 * overflow, and the process dies of SIGSEGV rather than write below it.
 * sigaltstack_save fills a frame's uc_stack (as sigaltstack reports it).
 */
unsigned long sigsp(unsigned long sp, const struct sigaction *ka);
bool sigframe_fits(unsigned long sp, unsigned long bottom);
void sigaltstack_save(stack_t *ss, unsigned long sp);

/*
 * The arch's half: build the frame for a handler (regs then enter it), or
 * restore regs and *blocked from the frame sigreturn finds at the user
 * stack pointer.  Both return 0, or -EFAULT for a stack that cannot be
 * written or a frame that is unreadable or forged.
 */
int arch_setup_rt_frame(int sig, const struct kernel_siginfo *info,
			const struct sigaction *ka, sigset_t blocked,
			struct pt_regs *regs);
int arch_restore_rt_frame(struct pt_regs *regs, sigset_t *blocked);

#endif
