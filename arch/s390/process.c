// SPDX-License-Identifier: MIT
/*
 * The s390x half of tasks: building a new task's kernel stack so that its
 * first switch_to lands in the right place, switching (the kernel stack
 * the next interruption from user mode will use, kept in the lowcore), and
 * the register state a user program starts with.
 *
 * A task's kernel stack, when it is in user mode or about to enter it:
 *
 *	stack + KERNEL_STACK_SIZE -> +----------------------+
 *	                             | struct pt_regs       |  user registers
 *	                             +----------------------+
 *	                             | switch frame: 160    |  %r6..%r15 in
 *	                             | bytes, the ABI's     |  its save area
 *	                             +----------------------+ <- thread.sp
 */
#include <asm/ctlreg.h>
#include <asm/layout.h>
#include <asm/lowcore.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/string.h>

#define STACK_FRAME_OVERHEAD 160
/* The ABI saves %rN, N = 6..15, in the caller's frame at 8 * N bytes. */
#define SAVE_SLOT(reg) (reg)

void __switch_stack(unsigned long *save_sp, unsigned long new_sp);

/* The user's thread pointer lives in %a0 and %a1 (the kernel uses neither). */
static void save_access_regs(u32 acrs[2])
{
	asm volatile("stam %%a0,%%a1,%0" : "=Q"(*(u32(*)[2])acrs));
}

static void load_access_regs(const u32 acrs[2])
{
	asm volatile("lam %%a0,%%a1,%0" : : "Q"(*(const u32(*)[2])acrs));
}
void kthread_trampoline(void);
void ret_from_fork(void);

struct pt_regs *task_pt_regs(struct task_struct *t)
{
	return (struct pt_regs *)((char *)t->stack + KERNEL_STACK_SIZE) - 1;
}

#define CR0_AFP CR_BIT(45) /* all 16 floating-point registers */

/* Let programs use the floating-point registers, all 16 of them. */
void fpu_init(void)
{
	ctl_set_bits(0, CR0_AFP);
}

/* A frame whose save area __switch_stack loads %r6..%r15 from. */
static unsigned long *push_switch_frame(struct task_struct *t, void *top)
{
	unsigned long sp = (unsigned long)top - STACK_FRAME_OVERHEAD;
	unsigned long *frame = memset((void *)sp, 0, STACK_FRAME_OVERHEAD);

	frame[SAVE_SLOT(15)] = sp;
	t->thread.sp = sp;
	memset(&t->thread.fpu, 0, sizeof(t->thread.fpu));
	return frame;
}

void copy_thread_kernel(struct task_struct *t, int (*fn)(void *), void *arg)
{
	unsigned long *frame = push_switch_frame(t, task_pt_regs(t));

	frame[SAVE_SLOT(6)] = (unsigned long)fn;
	frame[SAVE_SLOT(7)] = (unsigned long)arg;
	frame[SAVE_SLOT(14)] = (unsigned long)kthread_trampoline;
}

/* The child resumes in user mode with the parent's registers, and %r2 0. */
void copy_thread_fork(struct task_struct *child, struct task_struct *parent)
{
	struct pt_regs *regs = task_pt_regs(child);
	unsigned long *frame;

	*regs = *task_pt_regs(parent);
	regs->gprs[2] = 0;
	frame = push_switch_frame(child, regs);
	frame[SAVE_SLOT(14)] = (unsigned long)ret_from_fork;
	/* The parent's registers now, not as it last saved them. */
	save_fpu_regs(&child->thread.fpu);
	save_access_regs(child->thread.acrs);
}

void copy_thread_clone(struct task_struct *child, struct task_struct *parent,
		       unsigned long sp)
{
	copy_thread_fork(child, parent);
	task_pt_regs(child)->gprs[15] = sp;
}

int arch_set_tls(struct task_struct *t, unsigned long tls)
{
	if (tls >= TASK_SIZE)
		return -EPERM;
	t->thread.acrs[0] = tls >> 32;
	t->thread.acrs[1] = (u32)tls;
	if (t == current)
		load_access_regs(t->thread.acrs);
	return 0;
}

/* The ABI's entry state: %r15 with a 160-byte frame below sp, chain 0. */
void start_thread(struct pt_regs *regs, unsigned long entry, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->psw_mask = PSW_USER_BITS;
	regs->psw_addr = entry;
	regs->gprs[15] = sp;
}

void switch_to(struct task_struct *prev, struct task_struct *next)
{
	*(unsigned long *)lowcore_ptr(__LC_KERNEL_STACK) =
		(unsigned long)next->stack + KERNEL_STACK_SIZE;
	save_fpu_regs(&prev->thread.fpu);
	load_fpu_regs(&next->thread.fpu);
	save_access_regs(prev->thread.acrs);
	load_access_regs(next->thread.acrs);
	__switch_stack(&prev->thread.sp, next->thread.sp);
}
