// SPDX-License-Identifier: MIT
/*
 * SMP machinery (kernel/smp.c, <asm/spinlock.h>, <asm/atomic.h>): the
 * locks exclude and catch their holder, atomics count, kernel code runs
 * under the kernel lock, a TLB shootdown is answered by every other CPU,
 * switch_mm keeps an mm's cpu_mask, and a task migrates between CPUs.  The cases
 * that need a second CPU are skipped (not passed) on one; make test boots
 * with SMP=2.
 */
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <kernel/atomic.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>
#include <kernel/wait.h>
#include <mm/memory.h>
#include <mm/mmap.h>

static void arch_lock_excludes(struct ktest *t)
{
	struct arch_spinlock raw = { 0 };

	KTEST_EXPECT_TRUE(t, arch_spin_trylock(&raw));
	KTEST_EXPECT_TRUE(t, arch_spin_is_locked(&raw));
	KTEST_EXPECT_FALSE(t, arch_spin_trylock(&raw));
	arch_spin_unlock(&raw);
	KTEST_EXPECT_FALSE(t, arch_spin_is_locked(&raw));
	arch_spin_lock(&raw);
	KTEST_EXPECT_FALSE(t, arch_spin_trylock(&raw));
	arch_spin_unlock(&raw);
	/* Every ticket handed out was served: the lock is free again. */
	KTEST_EXPECT_FALSE(t, arch_spin_is_locked(&raw));
	KTEST_EXPECT_TRUE(t, arch_spin_trylock(&raw));
	arch_spin_unlock(&raw);
}

static void spinlock_knows_its_holder(struct ktest *t)
{
	struct spinlock lock = SPINLOCK_INIT;
	unsigned long flags = spin_lock_irqsave(&lock);

	KTEST_EXPECT_TRUE(t, spin_is_held(&lock));
	KTEST_EXPECT_TRUE(t, arch_irqs_disabled());
	spin_unlock_irqrestore(&lock, flags);
	KTEST_EXPECT_FALSE(t, spin_is_held(&lock));
}

static void atomics_count(struct ktest *t)
{
	atomic_t v = ATOMIC_INIT(1);
	unsigned long bits = 0;

	KTEST_EXPECT_EQ(t, atomic_add_return(2, &v), 3);
	KTEST_EXPECT_EQ(t, atomic_cmpxchg(&v, 3, 7), 3);
	KTEST_EXPECT_EQ(t, atomic_cmpxchg(&v, 3, 9), 7);
	atomic_set(&v, 1);
	KTEST_EXPECT_TRUE(t, atomic_dec_and_test(&v));
	set_bit(5, &bits);
	KTEST_EXPECT_TRUE(t, test_bit(5, &bits));
	clear_bit(5, &bits);
	KTEST_EXPECT_EQ(t, bits, 0);
}

static void kernel_code_holds_the_kernel_lock(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, this_cpu()->kernel_locked);
	KTEST_EXPECT_TRUE(t, this_cpu()->self == this_cpu());
	KTEST_EXPECT_TRUE(t, current->cpu == smp_processor_id());
}

static void shootdown_reaches_every_cpu(struct ktest *t)
{
	unsigned long sent = vm_events.nr_tlb_remote_flush;
	unsigned long got = vm_events.nr_tlb_remote_flush_received;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "one CPU: no shootdown to send");
		return;
	}
	smp_flush_tlb_others(cpu_online_mask, NULL, 0, 0);
	KTEST_EXPECT_EQ(t, vm_events.nr_tlb_remote_flush, sent + 1);
	/* The sender waits for every answer before it returns. */
	KTEST_EXPECT_EQ(t, vm_events.nr_tlb_remote_flush_received,
			got + num_online_cpus() - 1);
}

static void switch_mm_keeps_cpu_mask(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long flags;

	KTEST_ASSERT_NOT_NULL(t, mm);
	flags = arch_local_irq_save();
	switch_mm(mm);
	KTEST_EXPECT_EQ(t, mm->cpu_mask, 1UL << smp_processor_id());
	KTEST_EXPECT_TRUE(t, this_cpu()->loaded_mm == mm);
	switch_mm(current->mm);
	KTEST_EXPECT_EQ(t, mm->cpu_mask, 0);
	arch_local_irq_restore(flags);
	mmput(mm);
}

/*
 * Sleep a tick at a time until this task has run on every CPU: the tick
 * (on CPU 0) wakes it and hands it to an idle CPU, so it migrates.
 */
static void a_task_migrates(struct ktest *t)
{
	struct wait_queue wq = WAIT_QUEUE_INIT(wq);
	unsigned long seen = 0;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "one CPU: nowhere to migrate");
		return;
	}
	for (int i = 0; i < 50 && seen != cpu_online_mask; i++) {
		seen |= 1UL << smp_processor_id();
		KTEST_EXPECT_EQ(t, current->cpu, smp_processor_id());
		wait_event_timeout(&wq, false, 1);
	}
	KTEST_EXPECT_EQ(t, seen, cpu_online_mask);
}

KTEST_SUITE(smp, KTEST_CASE(arch_lock_excludes),
	    KTEST_CASE(spinlock_knows_its_holder), KTEST_CASE(atomics_count),
	    KTEST_CASE(kernel_code_holds_the_kernel_lock),
	    KTEST_CASE(shootdown_reaches_every_cpu),
	    KTEST_CASE(switch_mm_keeps_cpu_mask), KTEST_CASE(a_task_migrates));
