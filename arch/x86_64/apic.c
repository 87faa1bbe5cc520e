// SPDX-License-Identifier: MIT
/*
 * The local APIC, in xAPIC mode: registers in one MMIO page (the same
 * physical address on every CPU, each CPU seeing its own), used here for
 * IPIs, the start of the other CPUs and a per-CPU timer.
 *
 * The timer counts down at a rate the APIC does not tell; lapic_calibrate
 * counts it over a few ticks of the PIT (jiffies) on the boot CPU, and each
 * other CPU then reloads it every HZ-th of a second.  The boot CPU keeps the
 * PIT as its tick (jiffies counts there); the others tick from their APIC.
 */
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/time.h>

#define APIC_BASE_PHYS 0xfee00000

#define APIC_ID 0x20
#define APIC_TPR 0x80
#define APIC_EOI 0xb0
#define APIC_SVR 0xf0
#define APIC_ICR_LOW 0x300
#define APIC_ICR_HIGH 0x310
#define APIC_LVT_TIMER 0x320
#define APIC_TIMER_INIT 0x380
#define APIC_TIMER_CURRENT 0x390
#define APIC_TIMER_DIVIDE 0x3e0

#define SVR_ENABLE 0x100
#define ICR_BUSY (1 << 12)
#define ICR_INIT 0x500
#define ICR_STARTUP 0x600
#define ICR_LEVEL_ASSERT 0x4000
#define LVT_MASKED (1 << 16)
#define LVT_PERIODIC (1 << 17)
#define DIVIDE_BY_16 0x3

#define CALIBRATE_TICKS 4

static volatile u8 __iomem *lapic;
static u32 timer_count_per_tick;

static u32 apic_read(unsigned int reg)
{
	return readl(lapic + reg);
}

static void apic_write(unsigned int reg, u32 val)
{
	writel(val, lapic + reg);
}

void lapic_init(void)
{
	lapic = ioremap(APIC_BASE_PHYS, PAGE_SIZE);
	if (!lapic)
		panic("cannot map the local APIC");
	lapic_setup_cpu();
}

void lapic_setup_cpu(void)
{
	apic_write(APIC_TPR, 0);
	apic_write(APIC_SVR, SVR_ENABLE | SPURIOUS_APIC_VECTOR);
}

unsigned int lapic_id(void)
{
	return apic_read(APIC_ID) >> 24;
}

void lapic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

static void send_icr(unsigned int apic_id, u32 low)
{
	apic_write(APIC_ICR_HIGH, apic_id << 24);
	apic_write(APIC_ICR_LOW, low);
	while (apic_read(APIC_ICR_LOW) & ICR_BUSY)
		cpu_relax();
}

void arch_send_ipi_apic(unsigned int apic_id, unsigned int vector)
{
	send_icr(apic_id, vector);
}

/* Busy-wait for n ticks to pass (interrupts on: the tick must come). */
static void wait_ticks(unsigned long n)
{
	unsigned long end = jiffies + n;

	while ((long)(jiffies - end) < 0)
		cpu_relax();
}

void lapic_start_cpu(unsigned int apic_id, unsigned int vector)
{
	send_icr(apic_id, ICR_INIT | ICR_LEVEL_ASSERT);
	wait_ticks(1); /* the MP specification asks for 10 ms */
	send_icr(apic_id, ICR_STARTUP | vector);
	wait_ticks(1);
	send_icr(apic_id, ICR_STARTUP | vector);
}

void lapic_calibrate(void)
{
	u32 start;

	apic_write(APIC_TIMER_DIVIDE, DIVIDE_BY_16);
	apic_write(APIC_LVT_TIMER, LVT_MASKED);
	wait_ticks(1); /* start on a tick's edge */
	apic_write(APIC_TIMER_INIT, ~0u);
	start = apic_read(APIC_TIMER_CURRENT);
	wait_ticks(CALIBRATE_TICKS);
	timer_count_per_tick =
		(start - apic_read(APIC_TIMER_CURRENT)) / CALIBRATE_TICKS;
	apic_write(APIC_TIMER_INIT, 0);
	if (!timer_count_per_tick)
		timer_count_per_tick = 1;
}

void lapic_timer_start(void)
{
	apic_write(APIC_TIMER_DIVIDE, DIVIDE_BY_16);
	apic_write(APIC_LVT_TIMER, LVT_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TIMER_INIT, timer_count_per_tick);
}
