// SPDX-License-Identifier: MIT
/*
 * Descriptor tables: the GDT (code and data segments, which long mode
 * mostly ignores, and the TSS), the TSS (whose interrupt-stack table gives
 * the double-fault handler a stack of its own) and the IDT (one interrupt
 * gate per vector, pointing at the stubs of entry.S).
 *
 * Each CPU has its own GDT and TSS: the TSS holds the kernel stack the
 * CPU switches to on a trap from user mode, which is the stack of the task
 * running on that CPU; and loading a TSS marks its descriptor busy, so two
 * CPUs cannot share one.  The IDT is the same for all.
 */
#include <asm/desc.h>
#include <kernel/kernel.h>
#include <kernel/smp.h>
#include <kernel/string.h>

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type_attr;
	u16 offset_mid;
	u32 offset_high;
	u32 zero;
} __attribute__((packed));

struct tss {
	u32 reserved0;
	u64 rsp[3];
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 iomap_base;
} __attribute__((packed));

struct desc_ptr {
	u16 limit;
	u64 base;
} __attribute__((packed));

/* Present, ring 0, 64-bit interrupt gate (which clears IF on entry). */
#define GATE_INTERRUPT 0x8e
/* The same, callable from ring 3 with int: the system-call gate. */
#define GATE_USER_INTERRUPT 0xee
/* Present, 64-bit available TSS. */
#define TSS_AVAILABLE 0x89

extern const char trap_stubs[], apic_stubs[], syscall_stub[];

/* Indexed by selector / 8; the TSS descriptor (16 bytes) is filled in at boot. */
static const u64 gdt_template[7] = {
	[KERNEL_CS / 8] = 0x00af9a000000ffff, /* 64-bit code, ring 0 */
	[KERNEL_DS / 8] = 0x00cf92000000ffff, /* data, ring 0 */
	[USER_DS / 8] = 0x00cff2000000ffff,   /* data, ring 3 */
	[USER_CS / 8] = 0x00affa000000ffff,   /* 64-bit code, ring 3 */
};
static u64 cpu_gdt[NR_CPUS][ARRAY_SIZE(gdt_template)];
static struct idt_gate idt[256];
static struct tss cpu_tss[NR_CPUS];
static u8 double_fault_stack[NR_CPUS][4096] __aligned(16);

static void set_tss_descriptor(u64 *gdt, struct tss *tss)
{
	u64 base = (u64)tss, limit = sizeof(*tss) - 1;

	gdt[TSS_SEL / 8] = (limit & 0xffff) | (base & 0xffffff) << 16 |
			   (u64)TSS_AVAILABLE << 40 |
			   ((limit >> 16) & 0xf) << 48 |
			   ((base >> 24) & 0xff) << 56;
	gdt[TSS_SEL / 8 + 1] = base >> 32;
}

static void set_gate(int vec, unsigned long handler, int ist, u8 type)
{
	idt[vec] = (struct idt_gate){
		.offset_low = handler & 0xffff,
		.selector = KERNEL_CS,
		.ist = ist,
		.type_attr = type,
		.offset_mid = (handler >> 16) & 0xffff,
		.offset_high = handler >> 32,
	};
}

/* Load the GDT and reload every segment register from it. */
static void load_gdt(u64 *gdt)
{
	struct desc_ptr p = { sizeof(gdt_template) - 1, (u64)gdt };

	asm volatile("lgdt %0\n\t"
		     "pushq %1\n\t"
		     "leaq 1f(%%rip), %%rax\n\t"
		     "pushq %%rax\n\t"
		     "lretq\n"
		     "1:\n\t"
		     "movl %2, %%eax\n\t"
		     "movl %%eax, %%ds\n\t"
		     "movl %%eax, %%es\n\t"
		     "movl %%eax, %%ss\n\t"
		     "ltr %w3"
		     :
		     : "m"(p), "i"(KERNEL_CS), "i"(KERNEL_DS), "r"(TSS_SEL)
		     : "rax", "memory");
}

/* This CPU's GDT and TSS, and the shared IDT. */
void desc_init_cpu(unsigned int cpu)
{
	struct desc_ptr idtr = { sizeof(idt) - 1, (u64)idt };
	struct tss *tss = &cpu_tss[cpu];

	tss->ist[IST_DOUBLE_FAULT - 1] =
		(u64)double_fault_stack[cpu] + sizeof(double_fault_stack[cpu]);
	tss->iomap_base = sizeof(*tss);
	memcpy(cpu_gdt[cpu], gdt_template, sizeof(gdt_template));
	set_tss_descriptor(cpu_gdt[cpu], tss);
	load_gdt(cpu_gdt[cpu]);
	asm volatile("lidt %0" : : "m"(idtr));
}

void desc_init(void)
{
	for (int vec = 0; vec < NR_TRAP_STUBS; vec++)
		set_gate(vec, (unsigned long)trap_stubs + 16 * vec,
			 vec == 8 ? IST_DOUBLE_FAULT : 0, GATE_INTERRUPT);
	for (int i = 0; i < NR_APIC_STUBS; i++)
		set_gate(FIRST_APIC_VECTOR + i,
			 (unsigned long)apic_stubs + 16 * i, 0, GATE_INTERRUPT);
	set_gate(SYSCALL_VECTOR, (unsigned long)syscall_stub, 0,
		 GATE_USER_INTERRUPT);
	desc_init_cpu(0);
}

void set_kernel_stack(unsigned long top)
{
	cpu_tss[smp_processor_id()].rsp[0] = top;
}
