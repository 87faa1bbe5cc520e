// SPDX-License-Identifier: MIT
/*
 * The ARM half of tasks: building a new task's kernel stack so that its
 * first switch_to lands in the right place, switching, and the registers
 * a user program starts with.  Same stack picture as x86_64's:
 *
 *	stack + KERNEL_STACK_SIZE -> +----------------------+
 *	                             | struct pt_regs       |  user registers
 *	                             +----------------------+
 *	                             | switch frame         |  r4..r11, pc
 *	                             +----------------------+ <- thread.sp
 */
#include <asm/ptrace.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/string.h>

struct switch_frame {
	unsigned long r4, r5, r6, r7, r8, r9, r10, r11, pc;
};

void __switch_stack(unsigned long *save_sp, unsigned long new_sp);
void kthread_trampoline(void);
void ret_from_fork(void);

struct pt_regs *task_pt_regs(struct task_struct *t)
{
	return (struct pt_regs *)((char *)t->stack + KERNEL_STACK_SIZE) - 1;
}

/* Soft-float everywhere: VFP stays off, nothing to set up. */
void fpu_init(void)
{
}

static struct switch_frame *push_switch_frame(struct task_struct *t, void *top)
{
	struct switch_frame *f = (struct switch_frame *)top - 1;

	memset(f, 0, sizeof(*f));
	t->thread.sp = (unsigned long)f;
	return f;
}

void copy_thread_kernel(struct task_struct *t, int (*fn)(void *), void *arg)
{
	struct switch_frame *f = push_switch_frame(t, task_pt_regs(t));

	f->r4 = (unsigned long)fn;
	f->r5 = (unsigned long)arg;
	f->pc = (unsigned long)kthread_trampoline;
}

/* The child resumes in user mode with the parent's registers, and r0 = 0. */
void copy_thread_fork(struct task_struct *child, struct task_struct *parent)
{
	struct pt_regs *regs = task_pt_regs(child);
	struct switch_frame *f;

	*regs = *task_pt_regs(parent);
	regs->r[0] = 0;
	child->thread.tls = parent->thread.tls;
	f = push_switch_frame(child, regs);
	f->pc = (unsigned long)ret_from_fork;
}

/* A new thread: fork's registers, on the stack it was given. */
void copy_thread_clone(struct task_struct *child, struct task_struct *parent,
		       unsigned long sp)
{
	copy_thread_fork(child, parent);
	task_pt_regs(child)->sp = sp;
}

/*
 * The thread pointer lives in TPIDRURO, the register user code can read
 * but not write (ARM ARM B4.1.150): Linux's place for it too.
 */
static void load_tls(unsigned long tls)
{
	asm volatile("mcr p15, 0, %0, c13, c0, 3" : : "r"(tls));
}

int arch_set_tls(struct task_struct *t, unsigned long tls)
{
	if (tls >= TASK_SIZE)
		return -EPERM;
	t->thread.tls = tls;
	if (t == current)
		load_tls(tls);
	return 0;
}

/* User mode, ARM state, interrupts on. */
void start_thread(struct pt_regs *regs, unsigned long entry, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->pc = entry;
	regs->sp = sp;
	regs->cpsr = PSR_USR_MODE;
	regs->trapno = ~0UL;
}

void switch_to(struct task_struct *prev, struct task_struct *next)
{
	load_tls(next->thread.tls);
	__switch_stack(&prev->thread.sp, next->thread.sp);
}
