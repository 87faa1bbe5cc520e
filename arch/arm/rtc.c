// SPDX-License-Identifier: MIT
/*
 * The real-time clock.  QEMU's virt board has an ARM PL031 at 0x09010000
 * (its device tree's pl031@9010000), started on the host's date: its data
 * register (RTCDR, offset 0) counts seconds since the epoch.  The
 * Raspberry Pi 2 has no real-time clock at all (the real board sets its
 * date from the network): there the real-time clock starts at 0, the
 * epoch, at boot.
 */
#include <asm/board.h>
#include <asm/io.h>
#include <kernel/time.h>

#ifdef RTC_PHYS
#define PL031_DR 0x00

bool arch_read_rtc(u64 *secs)
{
	static void __iomem *rtc;

	if (!rtc)
		rtc = ioremap(RTC_PHYS, 0x1000);
	if (!rtc)
		return false;
	*secs = readl(rtc + PL031_DR);
	return true;
}
#else
bool arch_read_rtc(u64 *secs)
{
	return false;
}
#endif
