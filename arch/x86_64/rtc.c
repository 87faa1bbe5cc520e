// SPDX-License-Identifier: MIT
/*
 * The PC's real-time clock: the MC146818 in the CMOS, which QEMU keeps on
 * the host's date.  Register n is read by writing n to port 0x70 and
 * reading port 0x71.  The clock counts in BCD or in binary, in 12- or
 * 24-hour form, as status register B says; while status register A's
 * update-in-progress bit is set its registers are changing, and a reading
 * may mix two seconds, so it is taken twice until both agree.
 */
#include <asm/io.h>
#include <kernel/string.h>
#include <kernel/time.h>

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71

enum {
	RTC_SECONDS = 0x00,
	RTC_MINUTES = 0x02,
	RTC_HOURS = 0x04,
	RTC_DAY = 0x07,
	RTC_MONTH = 0x08,
	RTC_YEAR = 0x09,
	RTC_STATUS_A = 0x0a,
	RTC_STATUS_B = 0x0b,
	RTC_CENTURY = 0x32, /* ACPI's usual place for it; QEMU's too */
};

#define RTC_UIP 0x80	 /* status A: an update is under way */
#define RTC_24H 0x02	 /* status B: 24-hour form */
#define RTC_BINARY 0x04	 /* status B: binary, not BCD */
#define RTC_HOUR_PM 0x80 /* the hour's top bit, in 12-hour form */
#define RTC_NR_REGS 0x33

static u8 cmos_read(u8 reg)
{
	outb(reg, CMOS_INDEX);
	return inb(CMOS_DATA);
}

/* The date and time registers, once no update is under way. */
static void read_regs(u8 *regs)
{
	static const u8 wanted[] = { RTC_SECONDS, RTC_MINUTES, RTC_HOURS,
				     RTC_DAY,	  RTC_MONTH,   RTC_YEAR,
				     RTC_CENTURY };

	while (cmos_read(RTC_STATUS_A) & RTC_UIP)
		;
	for (unsigned int i = 0; i < sizeof(wanted); i++)
		regs[wanted[i]] = cmos_read(wanted[i]);
}

static unsigned int from_bcd(u8 v, bool binary)
{
	return binary ? v : (v >> 4) * 10 + (v & 0x0f);
}

bool arch_read_rtc(u64 *secs)
{
	u8 regs[RTC_NR_REGS] = { 0 }, again[RTC_NR_REGS] = { 0 };
	bool binary = cmos_read(RTC_STATUS_B) & RTC_BINARY;
	bool h24 = cmos_read(RTC_STATUS_B) & RTC_24H;
	unsigned int hour, century;

	read_regs(regs);
	for (;;) {
		read_regs(again);
		if (!memcmp(regs, again, sizeof(regs)))
			break;
		memcpy(regs, again, sizeof(regs));
	}
	hour = from_bcd(regs[RTC_HOURS] & ~RTC_HOUR_PM, binary);
	if (!h24)
		hour = hour % 12 + (regs[RTC_HOURS] & RTC_HOUR_PM ? 12 : 0);
	century = from_bcd(regs[RTC_CENTURY], binary);
	if (century < 19 || century > 21)
		century = 20; /* no century register: this one */
	*secs = mktime64(century * 100 + from_bcd(regs[RTC_YEAR], binary),
			 from_bcd(regs[RTC_MONTH], binary),
			 from_bcd(regs[RTC_DAY], binary), hour,
			 from_bcd(regs[RTC_MINUTES], binary),
			 from_bcd(regs[RTC_SECONDS], binary));
	return true;
}
