// SPDX-License-Identifier: MIT
/*
 * The s390x signal frame: built on the user stack to enter a handler, read
 * back and checked by sigreturn.  Layout (after Linux's s390 rt_sigframe),
 * from the handler's stack pointer up:
 *
 *	160 bytes      the ABI's register save area, the handler's to use
 *	siginfo_t      the handler's second argument
 *	struct ucontext  PSW, registers and old mask: the third argument
 *
 * The handler runs with %r2 = signal, %r3 = &info, %r4 = &uc and %r14 =
 * the restorer (the library's, SA_RESTORER), which calls sigreturn with
 * %r15 back at the frame.  The ABI has no red zone: the frame goes just
 * below the interrupted stack pointer (or at the top of the alternate
 * stack: sigsp, SA_ONSTACK).
 *
 * The frame is user memory, which the program may have changed.  So
 * sigreturn takes only what a program could set itself: the general
 * registers, the PSW address (a user address), and of the PSW mask only
 * the condition code and program mask; problem state, DAT, the address
 * space and the interruption masks stay the kernel's.  A floating-point
 * control value with undefined bits, which lfpc would refuse with an
 * exception in the kernel, makes the frame a forgery.
 */
#include <asm/layout.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>
#include <mm/slab.h>
#include <uapi/asm/sigcontext.h>

#define STACK_FRAME_OVERHEAD 160
#define PSW_USER_CHANGEABLE (PSW_MASK_CC | PSW_MASK_PM)
/* The floating-point control register's defined bits (lfpc refuses others). */
#define FPC_VALID_MASK 0xf8f8ff07u

struct rt_sigframe {
	u8 callee_used_stack[STACK_FRAME_OVERHEAD];
	siginfo_t info;
	struct ucontext uc;
};

int arch_setup_rt_frame(int sig, const struct kernel_siginfo *info,
			const struct sigaction *ka, sigset_t blocked,
			struct pt_regs *regs)
{
	unsigned long top = sigsp(regs->gprs[15], ka);
	unsigned long sp = (top - sizeof(struct rt_sigframe)) & ~7UL;
	struct rt_sigframe __user *frame = (struct rt_sigframe __user *)sp;
	struct rt_sigframe *f;
	struct fpu_state fpu;
	int err = 0;

	if ((unsigned long)ka->sa_handler >= TASK_SIZE || top > TASK_SIZE ||
	    !sigframe_fits(top, sp))
		return -EFAULT;
	f = kzalloc(sizeof(*f));
	if (!f)
		return -EFAULT;
	sigaltstack_save(&f->uc.uc_stack, regs->gprs[15]);
	f->uc.uc_mcontext.psw_mask = regs->psw_mask;
	f->uc.uc_mcontext.psw_addr = regs->psw_addr;
	memcpy(f->uc.uc_mcontext.gprs, regs->gprs, sizeof(regs->gprs));
	save_fpu_regs(&fpu);
	f->uc.uc_mcontext.fpc = fpu.fpc;
	memcpy(f->uc.uc_mcontext.fprs, fpu.fprs, sizeof(fpu.fprs));
	f->uc.uc_mcontext.trapno = regs->int_code;
	f->uc.uc_mcontext.fault_address = info->si_addr;
	f->uc.uc_mcontext.oldmask = blocked;
	f->uc.uc_sigmask = blocked;
	fill_siginfo(&f->info, sig, info);
	if (copy_to_user(frame, f, sizeof(*f)))
		err = -EFAULT;
	kfree(f);
	if (err)
		return err;
	regs->gprs[2] = sig;
	regs->gprs[3] = (unsigned long)&frame->info;
	regs->gprs[4] = (unsigned long)&frame->uc;
	regs->gprs[14] = (unsigned long)ka->sa_restorer;
	regs->gprs[15] = sp;
	regs->psw_addr = (unsigned long)ka->sa_handler;
	return 0;
}

int arch_restore_rt_frame(struct pt_regs *regs, sigset_t *blocked)
{
	struct rt_sigframe __user *frame =
		(struct rt_sigframe __user *)regs->gprs[15];
	struct sigcontext sc;
	struct fpu_state fpu;
	sigset_t mask;

	if (copy_from_user(&sc, &frame->uc.uc_mcontext, sizeof(sc)) ||
	    copy_from_user(&mask, &frame->uc.uc_sigmask, sizeof(mask)))
		return -EFAULT;
	if (sc.psw_addr >= TASK_SIZE || (sc.fpc & ~FPC_VALID_MASK))
		return -EFAULT;
	fpu.fpc = sc.fpc;
	memcpy(fpu.fprs, sc.fprs, sizeof(fpu.fprs));
	load_fpu_regs(&fpu);
	memcpy(regs->gprs, sc.gprs, sizeof(regs->gprs));
	regs->psw_addr = sc.psw_addr;
	regs->psw_mask = PSW_USER_BITS | (sc.psw_mask & PSW_USER_CHANGEABLE);
	*blocked = mask;
	return 0;
}
