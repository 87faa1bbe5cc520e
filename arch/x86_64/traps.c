// SPDX-License-Identifier: MIT
/*
 * Trap dispatch: CPU exceptions and hardware interrupts arrive here from
 * entry.S with the interrupted registers.
 *
 * An exception in the kernel is either expected -- the faulting instruction
 * has an ex_table entry, so it resumes at the fixup with rax = -EFAULT -- or
 * a kernel bug, which panics with the decoded reason, the registers and a
 * backtrace.  An exception in user mode is the program's fault: one line on
 * the console and a signal that ends the process (user_exception).  System
 * calls (int $0x80) and interrupts come through here too (x86_trap).
 */
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <kernel/errno.h>
#include <kernel/extable.h>
#include <kernel/ksyms.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/smp.h>
#include <kernel/syscall.h>
#include <mm/memory.h>
#include <mm/oom_kill.h>
#include <mm/mmap.h>
#include <pagoda/abi.h>

extern const char boot_stack_guard[];

static const char *const exception_names[32] = {
	[0] = "divide error",
	[1] = "debug",
	[2] = "NMI",
	[3] = "breakpoint",
	[4] = "overflow",
	[5] = "bound range exceeded",
	[6] = "invalid opcode",
	[7] = "device not available",
	[8] = "double fault",
	[10] = "invalid TSS",
	[11] = "segment not present",
	[12] = "stack-segment fault",
	[13] = "general protection fault",
	[14] = "page fault",
	[16] = "x87 floating-point error",
	[17] = "alignment check",
	[18] = "machine check",
	[19] = "SIMD floating-point error",
	[20] = "virtualization exception",
	[21] = "control protection fault",
};

static unsigned long read_cr2(void)
{
	unsigned long v;

	asm volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static unsigned long read_cr3(void)
{
	unsigned long v;

	asm volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

static bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e =
		search_exception_tables(regs->rip);

	if (!e)
		return false;
	regs->rip = e->fixup;
	regs->rax = -EFAULT;
	return true;
}

/* "page fault at 0x...: not-present write in kernel mode" */
static void __noreturn page_fault_oops(struct pt_regs *regs, unsigned long cr2)
{
	unsigned long ec = regs->error_code;

	panic_regs(regs, "page fault at %#lx: %s %s in %s mode%s", cr2,
		   ec & PF_PROT ? "protection violation on" : "not-present",
		   ec & PF_INSTR   ? "instruction fetch"
		   : ec & PF_WRITE ? "write"
				   : "read",
		   ec & PF_USER ? "user" : "kernel",
		   ec & PF_RSVD ? " (reserved bit set in a page-table entry)"
				: "");
}

/*
 * A page fault on the stack's guard page cannot push its own frame (the
 * stack is what overflowed), so the CPU raises a double fault instead, which
 * runs on its own IST stack.  CR2 still names the guard page: say so.
 */
static bool stack_overflowed(void)
{
	unsigned long cr2 = read_cr2(), guard = (unsigned long)boot_stack_guard;

	if (cr2 >= guard && cr2 < guard + PAGE_SIZE)
		return true; /* the boot stack's, which the idle task uses */
	return cr2 >= KSTACK_AREA &&
	       (cr2 - KSTACK_AREA) % KSTACK_SLOT_SIZE < PAGE_SIZE;
}

/* The signal a user-mode exception sends, as POSIX pairs them. */
static int exception_signal(unsigned long vector)
{
	switch (vector) {
	case 0:
	case 16:
	case 19:
		return SIGFPE;
	case 6:
		return SIGILL;
	default:
		return SIGSEGV;
	}
}

/* si_code and si_addr for a user exception's siginfo_t. */
static int exception_code(const struct pt_regs *regs, int sig,
			  unsigned long cr2, unsigned long *addr)
{
	*addr = regs->rip;
	switch (sig) {
	case SIGBUS:
		*addr = cr2;
		return BUS_ADRERR;
	case SIGFPE:
		return FPE_INTDIV;
	case SIGILL:
		return ILL_ILLOPN;
	}
	if (regs->vector != X86_TRAP_PF) {
		*addr = 0; /* a #GP says nothing of the address */
		return SI_KERNEL;
	}
	*addr = cr2;
	return segv_code(current->mm, cr2);
}

/* The console line for an exception that ends the process. */
static void report_user_exception(struct pt_regs *regs, const char *name,
				  int sig, int fault, unsigned long cr2)
{
	char why[48];

	if (regs->vector == X86_TRAP_PF) {
		describe_user_fault(why, sizeof(why), current->mm, cr2, fault);
		printk("pid %d (%s): signal %d: %s %s at %#lx, ip %#lx\n",
		       current->pid, current->comm, sig, why,
		       regs->error_code & PF_INSTR   ? "executing"
		       : regs->error_code & PF_WRITE ? "writing"
						     : "reading",
		       cr2, regs->rip);
	} else
		printk("pid %d (%s): signal %d: %s, ip %#lx\n", current->pid,
		       current->comm, sig, name ? name : "exception",
		       regs->rip);
}

/*
 * A user program did something it may not: the signal, with what a
 * handler needs to fix the cause and retry; and, when the signal will end
 * the process (no handler, or one that cannot run: force_sig_fault), one
 * line on the console saying why.
 */
static void user_exception(struct pt_regs *regs, const char *name, int sig,
			   int fault, unsigned long cr2)
{
	unsigned long addr;
	int code = exception_code(regs, sig, cr2, &addr);

	force_sig_fault(sig, code, addr);
	if (sig_kills_current(sig))
		report_user_exception(regs, name, sig, fault, cr2);
}

/*
 * A page fault at a user address, by the program itself or by the kernel
 * copying to or from user memory (an instruction with an ex_table entry):
 * the generic fault path maps the page if the VMA allows.  Returns 0 when
 * the access can be retried, else the VM_FAULT_* reason.
 */
static int user_addr_fault(struct pt_regs *regs, unsigned long addr)
{
	unsigned long ec = regs->error_code;
	unsigned int flags = 0;

	if (addr >= TASK_SIZE || !current->mm || (ec & PF_RSVD))
		return VM_FAULT_SIGSEGV;
	if (!user_mode(regs) && !search_exception_tables(regs->rip))
		return VM_FAULT_SIGSEGV; /* a kernel bug, not a user access */
	if (ec & PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (ec & PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;
	if (ec & PF_USER)
		flags |= FAULT_FLAG_USER;
	return handle_user_fault(current->mm, addr, flags);
}

/*
 * The page fault proper, as Linux's do_page_fault: with interrupts on
 * whenever the trapped code had them on (always, from user mode), so the
 * tick may preempt a fault, and a fault that sleeps (swap-in, reclaim)
 * does not hold off everyone's interrupts.  What it shares with another
 * task of this CPU has a lock of its own (chapter 10, section 10.6).
 * Code that had interrupts off keeps them off: it may hold a spinlock.
 * Back off before the trap's way out, which expects them so.
 */
static int do_page_fault(struct pt_regs *regs, unsigned long cr2)
{
	int fault;

	if (regs->rflags & X86_EFLAGS_IF)
		local_irq_enable();
	fault = user_addr_fault(regs, cr2);
	/* Out of memory: reclaim, or kill the largest process, retry. */
	if ((fault & VM_FAULT_OOM) && pagefault_out_of_memory())
		fault = 0;
	local_irq_disable();
	return fault;
}

static void do_exception(struct pt_regs *regs)
{
	const char *name = exception_names[regs->vector];
	/*
	 * Read first: once interrupts are on, another task's fault on
	 * this CPU may overwrite CR2 before this one is done with it.
	 */
	unsigned long cr2 = read_cr2();
	int fault = 0;

	if (regs->vector == X86_TRAP_PF) {
		fault = do_page_fault(regs, cr2);
		if (!fault)
			return;
	}
	if (user_mode(regs)) {
		user_exception(regs, name,
			       fault ? fault_signal(fault)
				     : exception_signal(regs->vector),
			       fault, cr2);
		return;
	}
	if (fixup_exception(regs))
		return;
	if (regs->vector == X86_TRAP_PF)
		page_fault_oops(regs, cr2);
	if (regs->vector == X86_TRAP_DF && stack_overflowed())
		panic_regs(regs,
			   "double fault: kernel stack overflow (CR2 %#lx is "
			   "the guard page)",
			   cr2);
	panic_regs(regs, "%s (vector %lu, error code %#lx)",
		   name ? name : "reserved exception", regs->vector,
		   regs->error_code);
}

/* System calls run with interrupts on, so they can be preempted and sleep. */
static void do_syscall(struct pt_regs *regs)
{
	unsigned long args[6];

	local_irq_enable();
	regs->error_code = syscall_nr(regs); /* orig_ax, for a restart */
	syscall_args(regs, args);
	syscall_set_return(regs, syscall_dispatch(syscall_nr(regs), args));
	local_irq_disable();
}

/* The local APIC's own interrupts: the timer of a CPU other than the boot CPU, IPIs. */
static void do_apic_interrupt(struct pt_regs *regs)
{
	if (regs->vector == LOCAL_TIMER_VECTOR)
		scheduler_tick(user_mode(regs));
	else if (regs->vector == RESCHEDULE_VECTOR)
		smp_reschedule_interrupt();
	if (regs->vector != SPURIOUS_APIC_VECTOR)
		lapic_eoi();
}

/*
 * Every trap ends here.  Before going back to user mode a task may be
 * switched away (its slice is used up) and acts on its signals, with
 * interrupts on, since writing a signal frame may fault pages in; an
 * interrupt of kernel code preempts it only where it had interrupts on,
 * which is to say where it held no spinlock.
 *
 * The kernel lock (kernel/smp.h): a trap from user mode or from the idle
 * loop's halt takes it; a trap of kernel code finds it held already.  The
 * TLB shootdown IPI is answered without it (its sender holds it).  The
 * lock is dropped on the way back to user mode (entry.S) or to the halt.
 */
void x86_trap(struct pt_regs *regs)
{
	bool user = user_mode(regs), held = this_cpu()->kernel_locked;

	if (regs->vector == TLB_FLUSH_VECTOR) {
		smp_flush_tlb_interrupt();
		lapic_eoi();
		return;
	}
	if (!held)
		lock_kernel();
	if (regs->vector == SYSCALL_VECTOR)
		do_syscall(regs);
	else if (regs->vector < FIRST_IRQ_VECTOR)
		do_exception(regs);
	else if (regs->vector >= FIRST_APIC_VECTOR)
		do_apic_interrupt(regs);
	else
		x86_irq(regs->vector - FIRST_IRQ_VECTOR, user);

	if (user) {
		preempt_if_needed();
		local_irq_enable();
		exit_to_user_mode(regs);
		local_irq_disable();
	} else if (regs->rflags & X86_EFLAGS_IF) {
		preempt_if_needed();
	}
	if (!held && !user)
		unlock_kernel();
}

#define GPR(name, field)                                                       \
	{                                                                      \
		name, offsetof(struct pt_regs, field)                          \
	}

/* The general registers in the order the dump prints them, three a line. */
static const struct {
	char name[4];
	unsigned short offset;
} gprs[] = {
	GPR("RAX", rax), GPR("RBX", rbx), GPR("RCX", rcx), GPR("RDX", rdx),
	GPR("RSI", rsi), GPR("RDI", rdi), GPR("RBP", rbp), GPR("R08", r8),
	GPR("R09", r9),	 GPR("R10", r10), GPR("R11", r11), GPR("R12", r12),
	GPR("R13", r13), GPR("R14", r14), GPR("R15", r15),
};

void show_regs(const struct pt_regs *regs)
{
	unsigned long off;
	const char *fn = ksym_lookup(regs->rip, &off);

	printk("RIP: %04lx:%016lx %s+0x%lx\n", regs->cs, regs->rip,
	       fn ? fn : "?", fn ? off : 0);
	printk("RSP: %04lx:%016lx RFLAGS: %08lx\n", regs->ss, regs->rsp,
	       regs->rflags);
	for (size_t i = 0; i < ARRAY_SIZE(gprs); i++) {
		u64 v = *(const u64 *)((const char *)regs + gprs[i].offset);

		printk("%s: %016lx%s", gprs[i].name, (unsigned long)v,
		       i % 3 == 2 ? "\n" : " ");
	}
	printk("CR2: %016lx CR3: %016lx\n", read_cr2(), read_cr3());
}

/*
 * Walk the frame-pointer chain (the kernel is built with frame pointers):
 * each frame holds the caller's rbp, then the return address.  Frames are
 * read with copy_nofault, so a corrupt chain ends the walk, not the kernel.
 */
void show_backtrace(const struct pt_regs *regs)
{
	unsigned long fp = regs->rbp;

	printk("Backtrace:\n");
	print_ksym_frame(regs->rip, false);
	for (int depth = 0; fp && depth < 32; depth++) {
		unsigned long frame[2];

		if (copy_nofault(frame, (void *)fp, sizeof(frame)) || !frame[1])
			break;
		print_ksym_frame(frame[1], true);
		if (frame[0] <=
		    fp) /* callers' frames are higher on the stack */
			break;
		fp = frame[0];
	}
}
