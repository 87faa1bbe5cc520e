/* SPDX-License-Identifier: MIT */
/* The tick's interruption (arch/s390/timer.c), from traps.c. */
#ifndef _ASM_TIMER_H
#define _ASM_TIMER_H

#include <kernel/types.h>

#define EXT_CODE_CLOCK_COMPARATOR 0x1004
#define EXT_CODE_SERVICE_SIGNAL 0x2401

void clock_comparator_interrupt(bool user);
/* At boot, before anything reads it: the TOD clock starts again from 0. */
void tod_clock_restart(void);

#endif
