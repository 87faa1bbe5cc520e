// SPDX-License-Identifier: MIT
/*
 * The x86_64 half of tasks: building a new task's kernel stack so that its
 * first switch_to lands in the right place, switching (kernel stack pointer,
 * the TSS's rsp0, the x87/SSE registers and the TLS pointer), and the
 * register state a user program or thread starts with.
 *
 * A task's kernel stack, when it is in user mode or about to enter it:
 *
 *	stack + KERNEL_STACK_SIZE -> +----------------------+
 *	                             | struct pt_regs       |  user registers
 *	                             +----------------------+
 *	                             | switch frame         |  r15..rbp, ret
 *	                             +----------------------+ <- thread.sp
 */
#include <asm/desc.h>
#include <asm/layout.h>
#include <asm/msr.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/mm.h>

struct switch_frame {
	unsigned long r15, r14, r13, r12, rbx, rbp, ret;
};

void __switch_stack(unsigned long *save_sp, unsigned long new_sp);
void kthread_trampoline(void);
void ret_from_fork(void);

/* fxsave image of a freshly initialised FPU, copied into every new task. */
static struct thread_struct init_thread __attribute__((aligned(16)));

struct pt_regs *task_pt_regs(struct task_struct *t)
{
	return (struct pt_regs *)((char *)t->stack + KERNEL_STACK_SIZE) - 1;
}

/* Let user programs use x87 and SSE: no emulation, fxsave/fxrstor enabled. */
void fpu_init(void)
{
	unsigned long cr0, cr4;

	asm volatile("mov %%cr0, %0" : "=r"(cr0));
	cr0 = (cr0 & ~(1UL << 2)) | (1UL << 1); /* clear EM, set MP */
	asm volatile("mov %0, %%cr0" : : "r"(cr0));
	asm volatile("mov %%cr4, %0" : "=r"(cr4));
	cr4 |= (1UL << 9) | (1UL << 10); /* OSFXSR, OSXMMEXCPT */
	asm volatile("mov %0, %%cr4" : : "r"(cr4));
	asm volatile("fninit; fxsave %0" : "=m"(init_thread.fpu));
}

static struct switch_frame *push_switch_frame(struct task_struct *t, void *top)
{
	struct switch_frame *f = (struct switch_frame *)top - 1;

	memset(f, 0, sizeof(*f));
	t->thread.sp = (unsigned long)f;
	memcpy(t->thread.fpu, init_thread.fpu, sizeof(t->thread.fpu));
	return f;
}

/*
 * The room for user registers stays free even in a kernel thread: kernel_init
 * fills it when it execs the first program, while its own frames are below.
 */
void copy_thread_kernel(struct task_struct *t, int (*fn)(void *), void *arg)
{
	struct switch_frame *f = push_switch_frame(t, task_pt_regs(t));

	f->r12 = (unsigned long)fn;
	f->r13 = (unsigned long)arg;
	f->ret = (unsigned long)kthread_trampoline;
}

/* The child resumes in user mode with the parent's registers, and rax = 0. */
void copy_thread_fork(struct task_struct *child, struct task_struct *parent)
{
	struct pt_regs *regs = task_pt_regs(child);
	struct switch_frame *f;

	*regs = *task_pt_regs(parent);
	regs->rax = 0;
	f = push_switch_frame(child, regs);
	f->ret = (unsigned long)ret_from_fork;
	/* The parent's registers now, not as it last saved them. */
	asm volatile("fxsave %0" : "=m"(child->thread.fpu));
	child->thread.fsbase = parent->thread.fsbase;
}

void copy_thread_clone(struct task_struct *child, struct task_struct *parent,
		       unsigned long sp)
{
	copy_thread_fork(child, parent);
	task_pt_regs(child)->rsp = sp;
}

/*
 * The FS base is the thread pointer of the x86_64 ABI: a program's %fs:0
 * is its thread's control block.  It is written with wrmsr rather than
 * wrfsbase, which needs CR4.FSGSBASE (not set) and newer CPUs.
 */
int arch_set_tls(struct task_struct *t, unsigned long tls)
{
	if (tls >= TASK_SIZE)
		return -EPERM;
	t->thread.fsbase = tls;
	if (t == current)
		wrmsr(MSR_FS_BASE, tls);
	return 0;
}

/* Registers for a program starting at entry with its stack at sp. */
void start_thread(struct pt_regs *regs, unsigned long entry, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->rip = entry;
	regs->rsp = sp;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->rflags = X86_EFLAGS_IF;
}

void switch_to(struct task_struct *prev, struct task_struct *next)
{
	set_kernel_stack((unsigned long)next->stack + KERNEL_STACK_SIZE);
	asm volatile("fxsave %0" : "=m"(prev->thread.fpu));
	asm volatile("fxrstor %0" : : "m"(next->thread.fpu));
	if (prev->thread.fsbase != next->thread.fsbase)
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
	__switch_stack(&prev->thread.sp, next->thread.sp);
}
