// SPDX-License-Identifier: MIT
/*
 * The ARM signal frame: built on the user stack to enter a handler, read
 * back and checked by sigreturn.  Layout (Linux's rt_sigframe):
 *
 *	interrupted sp
 *	struct rt_sigframe:         8-byte aligned (the AAPCS's rule at calls)
 *	  siginfo_t info            the handler's second argument
 *	  struct ucontext uc        registers and old mask: the third argument
 *	                            <- sp on entry to the handler
 *
 * The handler runs with r0 = signal, r1 = &info, r2 = &uc and lr = the
 * restorer (the library's, SA_RESTORER), which calls sigreturn with sp
 * where the handler found it; the kernel reads the frame from there.
 *
 * That frame is user memory, changed by design or by bug, so sigreturn
 * restores only what user mode could set by itself: the general
 * registers, a pc and sp that are user addresses, and of the CPSR only the
 * condition flags -- the mode must stay user, ARM state, interrupts on.
 * A frame failing a check kills the process with SIGSEGV.
 */
#include <asm/layout.h>
#include <asm/ptrace.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <uapi/asm/sigcontext.h>

/* The CPSR bits user code may change itself: N, Z, C, V, Q and GE. */
#define PSR_USER_BITS 0xf80f0000UL
/*
 * uc_flags of a frame this file built: sigreturn refuses any other, so a
 * sigreturn with no frame where it looks (raw garbage on the stack) fails
 * rather than jumping to whatever the garbage says -- the part x86_64's
 * selector check plays there.
 */
#define UC_FRAME_MAGIC 0x5061676fUL /* "Pago" */

struct rt_sigframe {
	struct ucontext uc;
	siginfo_t info;
};

static void save_sigcontext(struct sigcontext *sc, const struct pt_regs *regs)
{
	memcpy(&sc->arm_r0, regs->r, sizeof(regs->r));
	sc->arm_sp = regs->sp;
	sc->arm_lr = regs->lr;
	sc->arm_pc = regs->pc;
	sc->arm_cpsr = regs->cpsr;
	sc->trap_no = regs->trapno;
}

int arch_setup_rt_frame(int sig, const struct kernel_siginfo *info,
			const struct sigaction *ka, sigset_t blocked,
			struct pt_regs *regs)
{
	unsigned long top = sigsp(regs->sp, ka);
	unsigned long sp = (top - sizeof(struct rt_sigframe)) & ~7UL;
	struct rt_sigframe *frame = (struct rt_sigframe *)sp;
	struct rt_sigframe f;

	if ((unsigned long)ka->sa_handler >= TASK_SIZE || top > TASK_SIZE ||
	    !sigframe_fits(top, sp))
		return -EFAULT;
	memset(&f, 0, sizeof(f));
	f.uc.uc_flags = UC_FRAME_MAGIC;
	sigaltstack_save(&f.uc.uc_stack, regs->sp);
	save_sigcontext(&f.uc.uc_mcontext, regs);
	f.uc.uc_mcontext.oldmask = (unsigned long)blocked; /* 1-32, as Linux */
	f.uc.uc_sigmask = blocked;
	fill_siginfo(&f.info, sig, info);
	if (copy_to_user(frame, &f, sizeof(f)))
		return -EFAULT;

	regs->r[0] = sig;
	regs->r[1] = (unsigned long)&frame->info;
	regs->r[2] = (unsigned long)&frame->uc;
	regs->lr = (unsigned long)ka->sa_restorer;
	regs->pc = (unsigned long)ka->sa_handler;
	regs->sp = sp;
	regs->cpsr = PSR_USR_MODE;
	return 0;
}

static bool sigcontext_valid(const struct sigcontext *sc)
{
	return sc->arm_pc < TASK_SIZE && sc->arm_sp < TASK_SIZE &&
	       !(sc->arm_pc & 3);
}

int arch_restore_rt_frame(struct pt_regs *regs, sigset_t *blocked)
{
	struct rt_sigframe __user *frame =
		(struct rt_sigframe __user *)regs->sp;
	struct sigcontext sc;
	unsigned long flags;
	sigset_t mask;

	if ((regs->sp & 7) ||
	    copy_from_user(&flags, &frame->uc.uc_flags, sizeof(flags)) ||
	    copy_from_user(&sc, &frame->uc.uc_mcontext, sizeof(sc)) ||
	    copy_from_user(&mask, &frame->uc.uc_sigmask, sizeof(mask)))
		return -EFAULT;
	if (flags != UC_FRAME_MAGIC || !sigcontext_valid(&sc))
		return -EFAULT;
	memcpy(regs->r, &sc.arm_r0, sizeof(regs->r));
	regs->sp = sc.arm_sp;
	regs->lr = sc.arm_lr;
	regs->pc = sc.arm_pc;
	regs->cpsr = PSR_USR_MODE | (sc.arm_cpsr & PSR_USER_BITS);
	*blocked = mask;
	return 0;
}
