// SPDX-License-Identifier: MIT
/*
 * Starting the other CPUs of a PC.  The ACPI MADT ("APIC" table) lists a
 * local APIC per CPU; the boot CPU sends each other one INIT, then two
 * STARTUP IPIs naming the page of the real-mode trampoline (trampoline.S),
 * and waits for it to say it is online.  Each CPU gets its own kernel
 * stack, GDT and TSS (desc.c), its GS base pointing at its struct per_cpu,
 * its local APIC timer, and an idle task; then it takes the kernel lock and
 * runs the idle loop, picking tasks from the shared run queue.
 */
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <mm/memblock.h>
#include <mm/mm.h>
#include <mm/slab.h>

#define TRAMPOLINE_PHYS 0x8000 /* as in trampoline.S */
#define START_TIMEOUT_TICKS 100

/* MADT: after the header, the local APIC address, flags, then entries. */
struct acpi_madt {
	struct acpi_table_header header;
	u32 lapic_address;
	u32 flags;
} __packed;

struct madt_entry {
	u8 type;
	u8 length;
} __packed;

#define MADT_LOCAL_APIC 0

struct madt_local_apic {
	struct madt_entry h;
	u8 processor_id;
	u8 apic_id;
	u32 flags; /* bit 0: enabled; bit 1: may be enabled later */
} __packed;

extern const char trampoline_start[], trampoline_end[];

/* Read by secondary_startup (boot.S) on the CPU being started. */
unsigned long ap_boot_cr3, ap_boot_stack;
static unsigned int ap_boot_cpu;

static u8 cpu_apic_id[NR_CPUS];

void arch_set_this_cpu(struct per_cpu *p)
{
	wrmsr(MSR_GS_BASE, (unsigned long)p);
	wrmsr(MSR_KERNEL_GS_BASE, 0); /* the user's, until the first swapgs */
}

void arch_send_ipi_apic(unsigned int apic_id, unsigned int vector);

void arch_send_ipi(unsigned int cpu, unsigned int vector)
{
	arch_send_ipi_apic(cpu_apic_id[cpu], vector);
}

void __noreturn start_secondary(void)
{
	struct per_cpu *c = &per_cpu_data[ap_boot_cpu];

	arch_set_this_cpu(c);
	desc_init_cpu(c->cpu);
	fpu_setup_cpu();
	lapic_setup_cpu();
	lapic_timer_start();
	cpu_set_online(c->cpu);
	lock_kernel();
	printk("CPU %u: online (APIC id %u)\n", c->cpu, lapic_id());
	cpu_idle();
}

/* An idle task and a stack for cpu; false if memory is short. */
static bool prepare_cpu(unsigned int cpu)
{
	struct per_cpu *c = &per_cpu_data[cpu];
	struct task_struct *idle = kzalloc(sizeof(*idle));
	struct page *stack = alloc_pages(KERNEL_STACK_ORDER);

	if (!idle || !stack) {
		kfree(idle);
		if (stack)
			free_pages(stack, KERNEL_STACK_ORDER);
		return false;
	}
	init_idle_task(idle, cpu);
	idle->stack = page_address(stack);
	c->self = c;
	c->cpu = cpu;
	c->idle_task = idle;
	c->current_task = idle;
	return true;
}

static bool start_cpu(unsigned int cpu, unsigned int apic_id)
{
	unsigned long end;

	if (!prepare_cpu(cpu))
		return false;
	cpu_apic_id[cpu] = apic_id;
	ap_boot_cpu = cpu;
	ap_boot_cr3 = read_kernel_cr3();
	ap_boot_stack = (unsigned long)per_cpu_data[cpu].idle_task->stack +
			KERNEL_STACK_SIZE;
	lapic_start_cpu(apic_id, TRAMPOLINE_PHYS >> PAGE_SHIFT);
	end = jiffies + START_TIMEOUT_TICKS;
	while (!(cpu_online_mask & (1UL << cpu)) && (long)(jiffies - end) < 0)
		cpu_relax();
	return cpu_online_mask & (1UL << cpu);
}

static const struct madt_local_apic *next_cpu(const struct acpi_madt *madt,
					      const u8 **p)
{
	const u8 *end = (const u8 *)madt + madt->header.length;

	while (*p + sizeof(struct madt_entry) <= end) {
		const struct madt_entry *e = (const void *)*p;

		if (e->length < sizeof(*e))
			return NULL;
		*p += e->length;
		if (e->type == MADT_LOCAL_APIC &&
		    ((const struct madt_local_apic *)e)->flags & 1)
			return (const void *)e;
	}
	return NULL;
}

unsigned int arch_smp_boot_cpus(unsigned int max)
{
	const struct acpi_madt *madt = (const void *)acpi_find_table("APIC");
	const struct madt_local_apic *la;
	unsigned int n = 1, boot_id = lapic_id();
	const u8 *p;

	cpu_apic_id[0] = boot_id;
	if (!madt || max < 2)
		return 1;
	if (!memblock_is_memory(TRAMPOLINE_PHYS))
		return 1;
	memcpy(__va(TRAMPOLINE_PHYS), trampoline_start,
	       trampoline_end - trampoline_start);
	lapic_calibrate();
	p = (const u8 *)(madt + 1);
	while (n < max && n < NR_CPUS && (la = next_cpu(madt, &p))) {
		if (la->apic_id == boot_id)
			continue;
		if (!start_cpu(n, la->apic_id)) {
			printk("CPU %u (APIC id %u) did not start\n", n,
			       la->apic_id);
			break;
		}
		n++;
	}
	return n;
}
