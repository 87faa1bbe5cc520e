// SPDX-License-Identifier: MIT
/*
 * SMP, the generic half: per-CPU data, the kernel lock, the reschedule
 * IPI and the TLB shootdown's request and answer.  kernel/smp.h says what
 * the kernel lock covers; docs/10-concurrency.md why it is shaped so.
 *
 * The kernel lock is a test-and-set on the arch's ticket lock (trylock in
 * a loop) rather than a plain arch_spin_lock, because a CPU waiting for it
 * must keep answering shootdown requests: the CPU holding the lock may be
 * waiting for exactly that answer.  Interrupts are off while it spins, so
 * nothing else can run on the waiting CPU.
 */
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/spinlock.h>
#include <kernel/atomic.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <mm/memory.h>
#include <mm/mmap.h>
#include <mm/tlbflush.h>

struct per_cpu per_cpu_data[NR_CPUS];
unsigned long cpu_online_mask;

static struct arch_spinlock kernel_lock;

/*
 * The one shootdown in flight (its sender holds the kernel lock): what to
 * flush, and the CPUs that have not yet done it.
 */
static struct {
	struct mm_struct *mm;
	unsigned long start, end;
	volatile unsigned long pending;
} flush_request;

void lock_kernel(void)
{
	struct per_cpu *c = this_cpu();

	BUG_ON(!arch_irqs_disabled());
	BUG_ON(c->kernel_locked); /* recursive: a bug in the entry code */
	while (!arch_spin_trylock(&kernel_lock)) {
		cpu_relax();
		smp_flush_tlb_interrupt();
	}
	c->kernel_locked = true;
}

void unlock_kernel(void)
{
	struct per_cpu *c = this_cpu();

	BUG_ON(!c->kernel_locked);
	c->kernel_locked = false;
	arch_spin_unlock(&kernel_lock);
}

void unlock_kernel_to_user(void)
{
	if (this_cpu()->kernel_locked)
		unlock_kernel();
}

/*
 * Load mm (NULL: the kernel's table alone) and keep mm->cpu_mask, the CPUs
 * that may cache its translations (Linux: mm_cpumask): the bit is set
 * before the arch loads the table, and cleared when the CPU loads another
 * (the load drops the old translations).  A kernel thread or the idle loop
 * loads the kernel's own table, so a CPU never holds an address space that
 * nothing runs on it: a freed page table can never be the one a CPU walks.
 * (Linux keeps the last user mm loaded instead, "lazy TLB", and pays with
 * more care at exit.)
 */
void switch_mm(struct mm_struct *mm)
{
	struct per_cpu *c = this_cpu();
	struct mm_struct *prev = c->loaded_mm;

	if (prev && prev != mm)
		clear_bit(c->cpu, &prev->cpu_mask);
	if (mm)
		set_bit(c->cpu, &mm->cpu_mask);
	c->loaded_mm = mm;
	arch_switch_mm(mm);
}

void smp_send_reschedule(unsigned int cpu)
{
	if (cpu != smp_processor_id())
		arch_send_reschedule(cpu);
}

void smp_reschedule_interrupt(void)
{
	this_cpu()->need_resched = true;
}

void smp_flush_tlb_others(unsigned long mask, struct mm_struct *mm,
			  unsigned long start, unsigned long end)
{
	mask &= cpu_online_mask & ~(1UL << smp_processor_id());
	if (!mask)
		return;
	BUG_ON(!this_cpu()->kernel_locked);
	flush_request.mm = mm;
	flush_request.start = start;
	flush_request.end = end;
	__atomic_store_n(&flush_request.pending, mask, __ATOMIC_SEQ_CST);
	for_each_cpu (cpu, mask)
		arch_send_tlb_flush(cpu);
	count_vm_event(nr_tlb_remote_flush);
	while (__atomic_load_n(&flush_request.pending, __ATOMIC_ACQUIRE))
		cpu_relax();
}

/*
 * Flush what the request names, if this CPU is asked to.  It may have
 * switched to another mm since the request was made: then the CR3 write
 * flushed mm's translations already.
 */
void smp_flush_tlb_interrupt(void)
{
	unsigned int cpu = smp_processor_id();
	struct mm_struct *mm = flush_request.mm;

	if (!((__atomic_load_n(&flush_request.pending, __ATOMIC_ACQUIRE) >>
	       cpu) &
	      1))
		return;
	if (!mm)
		local_flush_tlb_kernel_range(flush_request.start,
					     flush_request.end);
	else if (this_cpu()->loaded_mm == mm)
		local_flush_tlb_range(flush_request.start, flush_request.end);
	/* Outside the kernel lock: other CPUs may count at the same time. */
	count_vm_event(nr_tlb_remote_flush_received);
	__atomic_fetch_and(&flush_request.pending, ~(1UL << cpu),
			   __ATOMIC_RELEASE);
}

void smp_prepare_boot_cpu(void)
{
	struct per_cpu *c = &per_cpu_data[0];

	c->self = c;
	c->idle_task = &boot_idle_task;
	c->current_task = &boot_idle_task;
	arch_set_this_cpu(c);
	cpu_online_mask = 1;
}

void smp_init(void)
{
	unsigned int n = arch_smp_boot_cpus(NR_CPUS);

	printk("SMP: %u CPU%s online\n", n, n == 1 ? "" : "s");
}

void cpu_set_online(unsigned int cpu)
{
	__atomic_fetch_or(&cpu_online_mask, 1UL << cpu, __ATOMIC_RELEASE);
}

void __noreturn cpu_idle(void)
{
	for (;;) {
		if (this_cpu()->need_resched)
			schedule();
		if (smp_processor_id() == 0)
			console_flush();
		unlock_kernel();
		arch_wait_for_interrupt();
		local_irq_disable();
		lock_kernel();
	}
}
