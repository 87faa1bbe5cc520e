// SPDX-License-Identifier: MIT
/*
 * Trap dispatch: every exception arrives here from entry.S with the
 * interrupted registers -- system calls (svc), interrupts, data and prefetch
 * aborts, undefined instructions.
 *
 * An abort is decoded from the fault status and address registers (DFSR
 * and DFAR for a data access, IFSR and IFAR for an instruction fetch; ARM
 * ARM B4.1.52, short-descriptor format, table B3-23).  A translation,
 * permission or access-flag fault at a user address goes to the generic
 * fault path, handle_mm_fault, as x86_64's page fault does, and the same
 * verdicts give the same signals and the same console line.
 *
 * In the kernel, a fault is either expected -- the instruction has an
 * ex_table entry (copy_nofault), so it resumes at the fixup -- or a kernel
 * bug, which panics with the decoded reason, the registers and a
 * backtrace.  In user mode it is the program's: a signal.
 */
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <kernel/extable.h>
#include <kernel/ksyms.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/smp.h>
#include <kernel/syscall.h>
#include <mm/memory.h>
#include <mm/mmap.h>
#include <mm/oom_kill.h>
#include <pagoda/abi.h>

#define ARM_TRAP_UNDEF 1
#define ARM_TRAP_PABT 3
#define ARM_TRAP_IRQ 6

#define FSR_WNR (1UL << 11) /* DFSR: the access was a write */

/* Fault status values (FS[4:0]) of the short-descriptor format. */
#define FS_ALIGNMENT 0x01
#define FS_ACCESS_SECTION 0x03
#define FS_ACCESS_PAGE 0x06
#define FS_TRANSLATION_SECTION 0x05
#define FS_TRANSLATION_PAGE 0x07
#define FS_PERMISSION_SECTION 0x0d
#define FS_PERMISSION_PAGE 0x0f

extern const char vectors[];

struct arm_fault {
	unsigned long addr;
	unsigned long fsr;
	unsigned int status; /* FS[4:0] */
	bool write, instr;
};

static const char *fault_status_name(unsigned int status)
{
	switch (status) {
	case FS_ALIGNMENT:
		return "alignment fault";
	case FS_ACCESS_SECTION:
	case FS_ACCESS_PAGE:
		return "access flag fault";
	case FS_TRANSLATION_SECTION:
	case FS_TRANSLATION_PAGE:
		return "translation fault";
	case FS_PERMISSION_SECTION:
	case FS_PERMISSION_PAGE:
		return "permission fault";
	case 0x09:
	case 0x0b:
		return "domain fault";
	case 0x08:
		return "synchronous external abort";
	default:
		return "abort";
	}
}

static void read_fault(const struct pt_regs *regs, struct arm_fault *f)
{
	if (regs->trapno == ARM_TRAP_DABT) {
		asm volatile("mrc p15, 0, %0, c5, c0, 0" : "=r"(f->fsr));
		asm volatile("mrc p15, 0, %0, c6, c0, 0" : "=r"(f->addr));
	} else {
		asm volatile("mrc p15, 0, %0, c5, c0, 1" : "=r"(f->fsr));
		asm volatile("mrc p15, 0, %0, c6, c0, 2" : "=r"(f->addr));
	}
	f->status = (f->fsr & 0xf) | ((f->fsr >> 6) & 0x10);
	f->instr = regs->trapno == ARM_TRAP_PABT;
	f->write = !f->instr && (f->fsr & FSR_WNR);
}

/* A fault the page tables explain: something for handle_mm_fault. */
static bool is_mm_fault(unsigned int status)
{
	switch (status) {
	case FS_ACCESS_SECTION:
	case FS_ACCESS_PAGE:
	case FS_TRANSLATION_SECTION:
	case FS_TRANSLATION_PAGE:
	case FS_PERMISSION_SECTION:
	case FS_PERMISSION_PAGE:
		return true;
	}
	return false;
}

static bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e =
		search_exception_tables(regs->pc);

	if (!e)
		return false;
	regs->pc = e->fixup;
	return true;
}

/*
 * A fault at a user address, by the program or by the kernel copying to or
 * from user memory (an instruction with an ex_table entry).  Returns 0
 * when the access can be retried, else the VM_FAULT_* reason.
 */
static int user_addr_fault(struct pt_regs *regs, const struct arm_fault *f)
{
	unsigned int flags = 0;

	if (f->addr >= TASK_SIZE || !current->mm || !is_mm_fault(f->status))
		return VM_FAULT_SIGSEGV;
	if (!user_mode(regs) && !search_exception_tables(regs->pc))
		return VM_FAULT_SIGSEGV; /* a kernel bug, not a user access */
	if (f->write)
		flags |= FAULT_FLAG_WRITE;
	if (f->instr)
		flags |= FAULT_FLAG_INSTRUCTION;
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	return handle_user_fault(current->mm, f->addr, flags);
}

static void user_abort(struct pt_regs *regs, const struct arm_fault *f,
		       int fault)
{
	int sig, code;
	char why[48];

	if (f->status == FS_ALIGNMENT) {
		sig = SIGBUS;
		code = BUS_ADRALN;
	} else if (fault & (VM_FAULT_OOM | VM_FAULT_SIGBUS)) {
		sig = fault_signal(fault);
		code = BUS_ADRERR;
	} else {
		sig = SIGSEGV;
		code = segv_code(current->mm, f->addr);
	}
	force_sig_fault(sig, code, f->addr);
	if (!sig_kills_current(sig))
		return;
	if (f->status == FS_ALIGNMENT)
		snprintf(why, sizeof(why), "unaligned access");
	else
		describe_user_fault(why, sizeof(why), current->mm, f->addr,
				    fault);
	printk("pid %d (%s): signal %d: %s %s at %#lx, ip %#lx\n", current->pid,
	       current->comm, sig, why,
	       f->instr	  ? "executing"
	       : f->write ? "writing"
			  : "reading",
	       f->addr, regs->pc);
}

/*
 * The fault proper, as Linux's do_page_fault: with interrupts on whenever
 * the aborted code had them on (always, from user mode), so the tick may
 * preempt a fault, and a fault that sleeps does not hold off everyone's
 * interrupts (chapter 10, section 10.6, says what that asks of the VM).
 * Code that had them off keeps them off: it may hold a spinlock.  The
 * registers describing the abort (DFAR, DFSR) are read before.
 */
static int do_page_fault(struct pt_regs *regs, const struct arm_fault *f)
{
	int fault;

	if (!(regs->cpsr & PSR_I_BIT))
		local_irq_enable();
	fault = user_addr_fault(regs, f);
	/* Out of memory: reclaim, or kill the largest process, retry. */
	if ((fault & VM_FAULT_OOM) && pagefault_out_of_memory())
		fault = 0;
	local_irq_disable();
	return fault;
}

static void do_abort(struct pt_regs *regs)
{
	struct arm_fault f;
	int fault;

	read_fault(regs, &f);
	fault = do_page_fault(regs, &f);
	if (!fault)
		return;
	if (user_mode(regs)) {
		user_abort(regs, &f, fault);
		return;
	}
	if (fixup_exception(regs))
		return;
	panic_regs(regs, "%s at %#lx: %s (fault status %#lx) in kernel mode",
		   f.instr ? "prefetch abort" : "data abort", f.addr,
		   fault_status_name(f.status), f.fsr);
}

static void do_undef(struct pt_regs *regs)
{
	if (!user_mode(regs))
		panic_regs(regs, "undefined instruction in kernel mode");
	force_sig_fault(SIGILL, ILL_ILLOPN, regs->pc);
	if (sig_kills_current(SIGILL))
		printk("pid %d (%s): signal %d: undefined instruction, ip "
		       "%#lx\n",
		       current->pid, current->comm, SIGILL, regs->pc);
}

/* System calls run with interrupts on, so they can be preempted and sleep. */
static void do_syscall(struct pt_regs *regs)
{
	unsigned long args[6];

	local_irq_enable();
	syscall_args(regs, args);
	syscall_set_return(regs, syscall_dispatch(syscall_nr(regs), args));
	local_irq_disable();
}

/*
 * Every trap ends here.  Before going back to user mode a task may be
 * switched away and acts on its signals, with interrupts on; an
 * interrupt of kernel code preempts it only where it had interrupts on.
 * The kernel lock (kernel/smp.h), as on every port: a trap of user mode
 * or of the idle loop's wait takes it, one of kernel code finds it held;
 * it is dropped on the way back to user mode or to the wait.
 */
void arm_trap(struct pt_regs *regs)
{
	bool user = user_mode(regs), held = this_cpu()->kernel_locked;

	if (!held)
		lock_kernel();

	switch (regs->trapno) {
	case ARM_TRAP_SVC:
		do_syscall(regs);
		break;
	case ARM_TRAP_IRQ:
		arm_irq(user);
		break;
	case ARM_TRAP_DABT:
	case ARM_TRAP_PABT:
		do_abort(regs);
		break;
	default:
		do_undef(regs);
		break;
	}
	if (user) {
		preempt_if_needed();
		local_irq_enable();
		exit_to_user_mode(regs);
		local_irq_disable();
		unlock_kernel_to_user();
	} else if (!(regs->cpsr & PSR_I_BIT)) {
		preempt_if_needed();
	}
	if (!held && !user)
		unlock_kernel();
}

/*
 * Called from entry.S on this CPU's abort stack when a data abort found no
 * room for its frame on the kernel stack (the probe there faulted, at
 * DFAR): the stack has run into its guard page.
 */
void __noreturn arm_kernel_stack_overflow(struct pt_regs *regs)
{
	unsigned long addr;

	asm volatile("mrc p15, 0, %0, c6, c0, 0" : "=r"(addr));
	panic_regs(regs, "kernel stack overflow (%#lx is the guard page)",
		   addr);
}

static u8 abort_stack[NR_CPUS][ABORT_STACK_SIZE] __aligned(8);

/*
 * Exceptions go to the table in entry.S (VBAR; SCTLR.V is clear), and
 * abort mode's banked sp to this CPU's abort stack, which only the data
 * abort entry's stack check uses (entry.S).
 */
void trap_init(void)
{
	u8 *top = abort_stack[smp_processor_id()] + ABORT_STACK_SIZE;

	asm volatile("mcr p15, 0, %0, c12, c0, 0; isb" : : "r"(vectors));
	asm volatile("cps %1; mov sp, %0; cps %2"
		     :
		     : "r"(top), "i"(PSR_ABT_MODE), "i"(PSR_SVC_MODE)
		     : "memory");
}

void show_regs(const struct pt_regs *regs)
{
	unsigned long off, ttbr0;
	const char *fn = ksym_lookup(regs->pc, &off);

	printk("PC: %08lx %s+0x%lx CPSR: %08lx\n", regs->pc, fn ? fn : "?",
	       fn ? off : 0, regs->cpsr);
	for (int i = 0; i < 13; i++)
		printk("R%02d: %08lx%s", i, regs->r[i],
		       i % 4 == 3 ? "\n" : " ");
	asm volatile("mrc p15, 0, %0, c2, c0, 0" : "=r"(ttbr0));
	printk("SP: %08lx LR: %08lx TTBR0: %08lx\n", regs->sp, regs->lr, ttbr0);
}

/*
 * Walk the frame-pointer chain.  gcc's ARM-state frames: fp points at the
 * saved lr, with the caller's fp in the word below it.  Frames are read
 * with copy_nofault, so a corrupt chain ends the walk, not the kernel.
 */
void show_backtrace(const struct pt_regs *regs)
{
	unsigned long fp = frame_pointer(regs);

	printk("Backtrace:\n");
	print_ksym_frame(regs->pc, false);
	for (int depth = 0; fp && depth < 32; depth++) {
		unsigned long frame[2]; /* caller's fp, return address */

		if (copy_nofault(frame, (void *)(fp - 4), sizeof(frame)) ||
		    !frame[1])
			break;
		print_ksym_frame(frame[1], true);
		if (frame[0] <= fp) /* callers' frames are higher */
			break;
		fp = frame[0];
	}
}
