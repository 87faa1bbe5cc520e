// SPDX-License-Identifier: MIT
/*
 * The tick on s390: the clock comparator.  The TOD clock counts 4096
 * units a microsecond; when it passes the value loaded with SCKC, the CPU
 * takes an external interruption (code 0x1004) if CR0's clock-comparator
 * subclass bit is on.  Each tick loads the next deadline, one 1/HZ s on.
 */
#include <asm/ctlreg.h>
#include <asm/ptrace.h>
#include <asm/timer.h>
#include <kernel/time.h>

#define TOD_UNITS_PER_USEC 4096UL
#define TICK_TOD_UNITS (1000000UL / HZ * TOD_UNITS_PER_USEC)
#define CR0_CLOCK_COMPARATOR CR_BIT(52)
/* 1970-01-01 in seconds of the TOD clock's era: 25567 days after 1900's. */
#define TOD_UNIX_EPOCH 2208988800UL

static unsigned long next_tick;
static unsigned long tod_at_boot; /* what the TOD clock said before 0 */

static unsigned long get_tod_clock(void)
{
	unsigned long clk;

	asm volatile("stck %0" : "=Q"(clk) : : "cc");
	return clk;
}

static void set_clock_comparator(unsigned long value)
{
	asm volatile("sckc %0" : : "Q"(value));
}

void arch_timer_init(void)
{
	next_tick = get_tod_clock() + TICK_TOD_UNITS;
	set_clock_comparator(next_tick);
	ctl_set_bits(0, CR0_CLOCK_COMPARATOR | CR0_SERVICE_SIGNAL);
}

/* The TOD clock, 4096 units a microsecond. */
u64 arch_clock_cycles(void)
{
	return get_tod_clock();
}

u64 arch_clock_cycles_per_tick(void)
{
	return TICK_TOD_UNITS;
}

/*
 * The TOD clock counts from the kernel's start (there is no firmware
 * before it), so a program's clock reading says how long since boot, as
 * a PC's time-stamp counter does (vmbench's stckf).  What it said before
 * is the date: QEMU starts it on the host's.
 */
void tod_clock_restart(void)
{
	unsigned long zero = 0;

	tod_at_boot = get_tod_clock();
	asm volatile("sck %0" : : "Q"(zero) : "cc");
}

/*
 * The date the TOD clock held at boot: it counts from 1900-01-01 00:00
 * UTC, bit 51 being one microsecond.
 */
bool arch_read_rtc(u64 *secs)
{
	u64 since_1900 = tod_at_boot / TOD_UNITS_PER_USEC / 1000000;

	if (since_1900 < TOD_UNIX_EPOCH)
		return false; /* never set: no date to tell */
	*secs = since_1900 - TOD_UNIX_EPOCH;
	return true;
}

/* The next deadline; ticks missed (a long stop in a debugger) are dropped. */
void clock_comparator_interrupt(bool user)
{
	unsigned long now = get_tod_clock();

	next_tick += TICK_TOD_UNITS;
	if (next_tick <= now)
		next_tick = now + TICK_TOD_UNITS;
	set_clock_comparator(next_tick);
	timer_tick(user);
}
