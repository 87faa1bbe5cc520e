// SPDX-License-Identifier: MIT
/*
 * The x86_64 signal frame: built on the user stack to enter a handler, read
 * back and checked by sigreturn.  Layout (Linux's rt_sigframe, higher
 * addresses first):
 *
 *	interrupted rsp - 128       the red zone, which the ABI lets leaf code
 *	                            use below rsp: left alone (or the top of
 *	                            the alternate stack: sigsp, SA_ONSTACK)
 *	fxsave area (512 bytes,     the x87/SSE registers; 64-byte aligned
 *	  uc_mcontext.fpstate)
 *	struct rt_sigframe:
 *	  siginfo_t info            the handler's second argument
 *	  struct ucontext uc        registers and old mask: the third argument
 *	  pretcode                  the handler's return address: the restorer
 *	                            <- rsp on entry to the handler (rsp + 8 is
 *	                               16-byte aligned, as after a call)
 *
 * The handler runs with rdi = signal, rsi = &info, rdx = &uc.  When it
 * returns, the restorer (the library's, SA_RESTORER) calls sigreturn with
 * rsp just above pretcode, and the kernel reads the frame from there.
 *
 * That frame is user memory: the program may have changed it, by design
 * (a handler may edit uc to resume elsewhere) or by bug or attack.  So
 * sigreturn restores only what user mode could set by itself anyway:
 * general registers are free, but rip and rsp must be user addresses (iretq
 * to a non-canonical rip faults in the kernel), cs and ss must be the user
 * selectors (anything else would be a privilege change), only the
 * arithmetic and direction flags come from the frame (IF, IOPL, TF, NT, VM
 * would let a program stop interrupts, do port I/O, or trap the kernel), and
 * the FPU image's MXCSR may not set reserved bits (fxrstor would fault in
 * the kernel).  A frame failing a check kills the process with SIGSEGV.
 */
#include <asm/desc.h>
#include <asm/layout.h>
#include <asm/ptrace.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <uapi/asm/sigcontext.h>

#define RED_ZONE 128
#define FXSAVE_SIZE 512
#define FXSAVE_MXCSR 24 /* byte offsets in the fxsave image */
#define FXSAVE_MXCSR_MASK 28
#define MXCSR_DEFAULT_MASK 0xffbf /* when the CPU reports none */

/* The flags user code may change itself (popf): arithmetic, direction, AC. */
#define FIX_EFLAGS                                                             \
	((1UL << 0) | (1UL << 2) | (1UL << 4) | (1UL << 6) | (1UL << 7) |      \
	 (1UL << 10) | (1UL << 11) | (1UL << 18))
#define X86_EFLAGS_DF (1UL << 10)

struct rt_sigframe {
	unsigned long pretcode;
	struct ucontext uc;
	siginfo_t info;
};

struct fxsave_image {
	u8 bytes[FXSAVE_SIZE];
} __attribute__((aligned(16)));

static void save_sigcontext(struct sigcontext *sc, const struct pt_regs *regs)
{
	sc->r8 = regs->r8, sc->r9 = regs->r9, sc->r10 = regs->r10;
	sc->r11 = regs->r11, sc->r12 = regs->r12, sc->r13 = regs->r13;
	sc->r14 = regs->r14, sc->r15 = regs->r15;
	sc->rdi = regs->rdi, sc->rsi = regs->rsi, sc->rbp = regs->rbp;
	sc->rbx = regs->rbx, sc->rdx = regs->rdx, sc->rax = regs->rax;
	sc->rcx = regs->rcx, sc->rsp = regs->rsp, sc->rip = regs->rip;
	sc->eflags = regs->rflags;
	sc->cs = regs->cs;
	sc->ss = regs->ss;
	sc->err = regs->error_code;
	sc->trapno = regs->vector;
}

int arch_setup_rt_frame(int sig, const struct kernel_siginfo *info,
			const struct sigaction *ka, sigset_t blocked,
			struct pt_regs *regs)
{
	unsigned long top = sigsp(regs->rsp - RED_ZONE, ka);
	unsigned long fp = (top - FXSAVE_SIZE) & ~63UL;
	unsigned long sp = ((fp - sizeof(struct rt_sigframe)) & ~15UL) - 8;
	struct rt_sigframe *frame = (struct rt_sigframe *)sp;
	struct rt_sigframe f;
	struct fxsave_image fx;

	/* iretq to a non-canonical rip would fault in the kernel, not user. */
	if ((unsigned long)ka->sa_handler >= TASK_SIZE || top > TASK_SIZE ||
	    !sigframe_fits(top, sp))
		return -EFAULT;
	memset(&f, 0, sizeof(f));
	f.pretcode = (unsigned long)ka->sa_restorer;
	sigaltstack_save(&f.uc.uc_stack, regs->rsp);
	save_sigcontext(&f.uc.uc_mcontext, regs);
	f.uc.uc_mcontext.fpstate = (void *)fp;
	f.uc.uc_mcontext.oldmask = blocked;
	f.uc.uc_sigmask = blocked;
	fill_siginfo(&f.info, sig, info);
	asm volatile("fxsave %0" : "=m"(fx));
	if (copy_to_user(frame, &f, sizeof(f)) ||
	    copy_to_user((void *)fp, &fx, sizeof(fx)))
		return -EFAULT;

	regs->rdi = sig;
	regs->rsi = (unsigned long)&frame->info;
	regs->rdx = (unsigned long)&frame->uc;
	regs->rax = 0;
	regs->rip = (unsigned long)ka->sa_handler;
	regs->rsp = sp;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	/* The ABI wants DF clear on function entry. */
	regs->rflags &= ~X86_EFLAGS_DF;
	return 0;
}

/* The MXCSR bits this CPU accepts (fxrstor faults on any other). */
static u32 mxcsr_mask(void)
{
	static u32 mask;
	struct fxsave_image fx;

	if (!mask) {
		memset(&fx, 0, sizeof(fx));
		asm volatile("fxsave %0" : "=m"(fx));
		memcpy(&mask, fx.bytes + FXSAVE_MXCSR_MASK, sizeof(mask));
		if (!mask)
			mask = MXCSR_DEFAULT_MASK;
	}
	return mask;
}

/* Load the FPU image the frame points at, its MXCSR made harmless. */
static int restore_fpstate(const void __user *ufp)
{
	struct fxsave_image fx;
	u32 mxcsr;

	if (copy_from_user(&fx, ufp, sizeof(fx)))
		return -EFAULT;
	memcpy(&mxcsr, fx.bytes + FXSAVE_MXCSR, sizeof(mxcsr));
	if (mxcsr & ~mxcsr_mask())
		return -EFAULT;
	asm volatile("fxrstor %0" : : "m"(fx));
	return 0;
}

/* The checks the header comment explains: user addresses and selectors. */
static bool sigcontext_valid(const struct sigcontext *sc)
{
	return sc->rip < TASK_SIZE && sc->rsp < TASK_SIZE &&
	       sc->cs == USER_CS && sc->ss == USER_DS;
}

int arch_restore_rt_frame(struct pt_regs *regs, sigset_t *blocked)
{
	/* The handler's ret popped pretcode. */
	struct rt_sigframe __user *frame =
		(struct rt_sigframe __user *)(regs->rsp - 8);
	struct sigcontext sc;
	sigset_t mask;

	if (copy_from_user(&sc, &frame->uc.uc_mcontext, sizeof(sc)) ||
	    copy_from_user(&mask, &frame->uc.uc_sigmask, sizeof(mask)))
		return -EFAULT;
	if (!sigcontext_valid(&sc) || restore_fpstate(sc.fpstate))
		return -EFAULT;
	regs->r8 = sc.r8, regs->r9 = sc.r9, regs->r10 = sc.r10;
	regs->r11 = sc.r11, regs->r12 = sc.r12, regs->r13 = sc.r13;
	regs->r14 = sc.r14, regs->r15 = sc.r15;
	regs->rdi = sc.rdi, regs->rsi = sc.rsi, regs->rbp = sc.rbp;
	regs->rbx = sc.rbx, regs->rdx = sc.rdx, regs->rax = sc.rax;
	regs->rcx = sc.rcx, regs->rsp = sc.rsp, regs->rip = sc.rip;
	regs->rflags = (regs->rflags & ~FIX_EFLAGS) | (sc.eflags & FIX_EFLAGS);
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	*blocked = mask;
	return 0;
}
