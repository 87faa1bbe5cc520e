// SPDX-License-Identifier: MIT
/*
 * Interruption dispatch: program checks, supervisor calls, external and
 * I/O interruptions arrive here from entry.S with the interrupted registers.
 *
 * A program check is decoded from its interruption code and, for the
 * translation and protection exceptions, the translation-exception
 * identification (TEID): the page, whether the access was a store, and
 * which address space it was in.  A fault in the primary space is a user
 * address -- the program's own access, or the kernel's mvcos copying to or
 * from it -- and goes to handle_mm_fault.  In the kernel, an instruction
 * with an ex_table entry resumes at its fixup; anything else is a kernel
 * bug, which panics with the reason, the registers and a backtrace.  In a
 * program it is the program's fault: a signal (and one console line when
 * it kills).
 */
#include <asm/cio.h>
#include <asm/irqflags.h>
#include <asm/layout.h>
#include <asm/lowcore.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/sclp.h>
#include <asm/timer.h>
#include <asm/traps.h>
#include <kernel/errno.h>
#include <kernel/extable.h>
#include <kernel/ksyms.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/syscall.h>
#include <mm/memory.h>
#include <mm/mmap.h>
#include <mm/oom_kill.h>
#include <pagoda/abi.h>

extern const char boot_stack_guard[];

static unsigned int pgm_code(const struct pt_regs *regs)
{
	return regs->int_code & PGM_CODE_MASK;
}

static unsigned int pgm_ilc(const struct pt_regs *regs)
{
	return (regs->int_code >> 16) & 0xffff;
}

static const char *pgm_name(unsigned int code)
{
	switch (code) {
	case PGM_OPERATION:
		return "operation exception";
	case PGM_PRIVILEGED_OP:
		return "privileged-operation exception";
	case PGM_EXECUTE:
		return "execute exception";
	case PGM_PROTECTION:
		return "protection exception";
	case PGM_ADDRESSING:
		return "addressing exception";
	case PGM_SPECIFICATION:
		return "specification exception";
	case PGM_DATA:
		return "data exception";
	case PGM_FIXED_POINT_OVERFLOW:
		return "fixed-point overflow";
	case PGM_FIXED_POINT_DIVIDE:
		return "fixed-point divide exception";
	case PGM_SEGMENT_TRANSLATION:
		return "segment-translation exception";
	case PGM_PAGE_TRANSLATION:
		return "page-translation exception";
	case PGM_ASCE_TYPE:
	case PGM_REGION_FIRST_TRANS:
	case PGM_REGION_SECOND_TRANS:
	case PGM_REGION_THIRD_TRANS:
		return "region-translation exception";
	}
	return NULL;
}

/* The exceptions that come with a TEID naming a page. */
static bool is_dat_fault(unsigned int code)
{
	return code == PGM_PROTECTION || code == PGM_SEGMENT_TRANSLATION ||
	       code == PGM_PAGE_TRANSLATION ||
	       (code >= PGM_ASCE_TYPE && code <= PGM_REGION_THIRD_TRANS);
}

static unsigned long fault_address(const struct pt_regs *regs)
{
	return regs->int_parm & TEID_ADDR_MASK;
}

static bool fault_in_user_space(const struct pt_regs *regs)
{
	return user_mode(regs) ||
	       (regs->int_parm & TEID_AS_MASK) == TEID_AS_PRIMARY;
}

static bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e =
		search_exception_tables(regs->psw_addr);

	if (!e)
		return false;
	regs->psw_addr = e->fixup;
	regs->gprs[2] = -EFAULT;
	return true;
}

/* Data-exception code of COMPARE AND TRAP: what gcc's __builtin_trap runs. */
#define DXC_COMPARE_AND_TRAP 0xff

static unsigned int data_exception_code(void)
{
	return *(const u32 *)lowcore_ptr(__LC_DATA_EXC_CODE) & 0xff;
}

/* The signal a program check sends, as POSIX pairs them. */
static int pgm_signal(unsigned int code, int *si_code)
{
	if (code == PGM_DATA && data_exception_code() == DXC_COMPARE_AND_TRAP) {
		*si_code = ILL_ILLOPN;
		return SIGILL;
	}
	switch (code) {
	case PGM_OPERATION:
	case PGM_PRIVILEGED_OP:
	case PGM_EXECUTE:
	case PGM_SPECIFICATION:
		*si_code = ILL_ILLOPN;
		return SIGILL;
	case PGM_DATA:
	case PGM_FIXED_POINT_OVERFLOW:
	case PGM_FIXED_POINT_DIVIDE:
		*si_code = FPE_INTDIV;
		return SIGFPE;
	case PGM_ADDRESSING:
		*si_code = BUS_ADRERR;
		return SIGBUS;
	}
	*si_code = SI_KERNEL;
	return SIGSEGV;
}

/* A program's page fault the VM could not resolve: its signal. */
static void user_fault(struct pt_regs *regs, int fault)
{
	unsigned long addr = fault_address(regs);
	int sig = fault_signal(fault), code = SEGV_MAPERR;
	char why[48];

	if (sig == SIGBUS)
		code = BUS_ADRERR;
	else
		code = segv_code(current->mm, addr);
	force_sig_fault(sig, code, addr);
	if (!sig_kills_current(sig))
		return;
	describe_user_fault(why, sizeof(why), current->mm, addr, fault);
	printk("pid %d (%s): signal %d: %s %s at %#lx, ip %#lx\n", current->pid,
	       current->comm, sig, why,
	       regs->int_parm & TEID_FSI_STORE ? "writing" : "reading", addr,
	       regs->psw_addr);
}

static void user_exception(struct pt_regs *regs, unsigned int code)
{
	const char *name = pgm_name(code);
	int si_code, sig = pgm_signal(code, &si_code);

	force_sig_fault(sig, si_code, regs->psw_addr);
	if (sig_kills_current(sig))
		printk("pid %d (%s): signal %d: %s, ip %#lx\n", current->pid,
		       current->comm, sig, name ? name : "program check",
		       regs->psw_addr);
}

static bool stack_overflowed(unsigned long addr)
{
	unsigned long guard = (unsigned long)boot_stack_guard;

	if (addr >= guard && addr < guard + PAGE_SIZE)
		return true;
	return addr >= KSTACK_AREA && addr < IOREMAP_START &&
	       (addr - KSTACK_AREA) % KSTACK_SLOT_SIZE < PAGE_SIZE;
}

static void __noreturn kernel_oops(struct pt_regs *regs, unsigned int code)
{
	const char *name = pgm_name(code);

	if (is_dat_fault(code) && stack_overflowed(fault_address(regs)))
		panic_regs(regs,
			   "kernel stack overflow (%#lx is the guard "
			   "page)",
			   fault_address(regs));
	if (is_dat_fault(code) && !fault_in_user_space(regs) &&
	    fault_address(regs) < PAGE_SIZE)
		panic_regs(regs,
			   "kernel NULL pointer dereference at 0x%lx (%s)",
			   fault_address(regs),
			   regs->int_parm & TEID_FSI_STORE ? "write" : "read");
	if (is_dat_fault(code))
		panic_regs(regs, "%s at %#lx: %s in the %s space", name,
			   fault_address(regs),
			   regs->int_parm & TEID_FSI_STORE ? "write" : "read",
			   fault_in_user_space(regs) ? "user" : "kernel");
	panic_regs(regs, "%s (program-interruption code %#x)",
		   name ? name : "program check", code);
}

/*
 * A fault at a user address the VM may resolve; 0 when the access can be
 * retried, else the VM_FAULT_* reason.  The kernel touches user memory only
 * with its listed mvcos: a user-space fault elsewhere is a kernel bug.
 */
static int user_addr_fault(struct pt_regs *regs)
{
	unsigned long addr = fault_address(regs);
	unsigned int flags = 0;

	if (addr >= TASK_SIZE || !current->mm)
		return VM_FAULT_SIGSEGV;
	if (!user_mode(regs) && !search_exception_tables(regs->psw_addr))
		return VM_FAULT_SIGSEGV;
	/*
	 * Protection refuses stores, and with IEP instruction fetches: a
	 * protection exception that is not a store is an instruction fetch.
	 */
	if (regs->int_parm & TEID_FSI_STORE)
		flags |= FAULT_FLAG_WRITE;
	else if (pgm_code(regs) == PGM_PROTECTION)
		flags |= FAULT_FLAG_INSTRUCTION;
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	return handle_user_fault(current->mm, addr, flags);
}

/*
 * The fault proper, as Linux's do_page_fault: with interruptions on
 * whenever the interrupted code had them on (always, from a program), so
 * the clock may preempt a fault, and a fault that sleeps does not hold off
 * everyone's interruptions (chapter 10, section 10.6, says what that asks
 * of the VM).  Code that had them off keeps them off: it may hold a
 * spinlock.  The TEID is in regs already, safe from the next fault.
 */
static int do_page_fault(struct pt_regs *regs)
{
	int fault;

	if (regs->psw_mask & PSW_MASK_EXT)
		local_irq_enable();
	fault = user_addr_fault(regs);
	/* Out of memory: reclaim, or kill the largest process, retry. */
	if ((fault & VM_FAULT_OOM) && pagefault_out_of_memory())
		fault = 0;
	local_irq_disable();
	return fault;
}

static void do_program_check(struct pt_regs *regs)
{
	unsigned int code = pgm_code(regs);
	int fault = 0;

	/* A protection exception suppresses: the PSW is past the instruction. */
	if (code == PGM_PROTECTION)
		regs->psw_addr -= pgm_ilc(regs);
	if (is_dat_fault(code) && fault_in_user_space(regs)) {
		fault = do_page_fault(regs);
		if (!fault)
			return;
	}
	if (user_mode(regs)) {
		if (fault)
			user_fault(regs, fault);
		else
			user_exception(regs, code);
		return;
	}
	if (fixup_exception(regs))
		return;
	kernel_oops(regs, code);
}

/* System calls run with interruptions on, so they can be preempted. */
static void do_syscall(struct pt_regs *regs)
{
	unsigned long args[6];

	local_irq_enable();
	syscall_args(regs, args);
	syscall_set_return(regs, syscall_dispatch(syscall_nr(regs), args));
	local_irq_disable();
}

static void do_external(struct pt_regs *regs, bool user)
{
	switch (regs->int_code & 0xffff) {
	case EXT_CODE_CLOCK_COMPARATOR:
		sclp_poll_input();
		clock_comparator_interrupt(user);
		break;
	case EXT_CODE_SERVICE_SIGNAL:
		sclp_interrupt(regs->int_parm);
		break;
	}
}

/*
 * Every interruption ends here.  Before going back to a program a task may
 * be switched away and acts on its signals, with interruptions on, since
 * writing a signal frame may fault pages in; kernel code is preempted
 * only where it had interruptions on, so where it held no spinlock.
 *
 * The kernel lock (kernel/smp.h), as on every port: an interruption of a
 * program or of the idle loop's wait takes it, one of kernel code finds
 * it held; it is dropped on the way back to the program or to the wait.
 */
void s390_trap(struct pt_regs *regs)
{
	bool user = user_mode(regs), held = this_cpu()->kernel_locked;

	if (!held)
		lock_kernel();

	switch (trap_class(regs)) {
	case TRAP_SVC:
		do_syscall(regs);
		break;
	case TRAP_PROGRAM:
		do_program_check(regs);
		break;
	case TRAP_EXTERNAL:
		do_external(regs, user);
		break;
	case TRAP_IO:
		do_io_interrupt(regs->int_code);
		break;
	}
	if (user) {
		preempt_if_needed();
		local_irq_enable();
		exit_to_user_mode(regs);
		local_irq_disable();
		unlock_kernel_to_user();
	} else if (regs->psw_mask & PSW_MASK_EXT) {
		preempt_if_needed();
	}
	if (!held && !user)
		unlock_kernel();
}

void show_regs(const struct pt_regs *regs)
{
	unsigned long off, teid = regs->int_parm;
	const char *fn = ksym_lookup(regs->psw_addr, &off);

	printk("PSW: %016lx %016lx %s+0x%lx\n", (unsigned long)regs->psw_mask,
	       (unsigned long)regs->psw_addr, fn ? fn : "?", fn ? off : 0);
	for (int i = 0; i < 16; i++)
		printk("R%02d: %016lx%s", i, (unsigned long)regs->gprs[i],
		       i % 4 == 3 ? "\n" : " ");
	printk("interruption code %#lx, TEID %#lx\n",
	       (unsigned long)regs->int_code, teid);
}

/*
 * Follow the back chain (the kernel is built with -mbackchain): each frame
 * begins with its caller's stack pointer, and keeps the return address in
 * the ABI's %r14 slot, 112 bytes in.  Frames are read with copy_nofault,
 * so a corrupt chain ends the walk, not the kernel.
 */
void show_backtrace(const struct pt_regs *regs)
{
	unsigned long sp = regs->gprs[15];

	printk("Backtrace:\n");
	print_ksym_frame(regs->psw_addr, false);
	for (int depth = 0; sp && depth < 32; depth++) {
		unsigned long chain, ret;

		if (copy_nofault(&chain, (void *)sp, sizeof(chain)) || !chain ||
		    chain <= sp)
			break;
		if (copy_nofault(&ret, (void *)(chain + 112), sizeof(ret)) ||
		    !ret)
			break;
		print_ksym_frame(ret, true);
		sp = chain;
	}
}
