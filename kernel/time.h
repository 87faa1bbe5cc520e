/* SPDX-License-Identifier: MIT */
/* The periodic tick: HZ timer interrupts a second, counted in jiffies. */
#ifndef _KERNEL_TIME_H
#define _KERNEL_TIME_H

#include <kernel/types.h>

#define HZ 100

extern volatile unsigned long jiffies;

/* Called by the arch's timer interrupt handler. */
void timer_tick(bool user_mode);
/* Arch: start the periodic timer interrupt (interrupts still off). */
void arch_timer_init(void);

#endif
