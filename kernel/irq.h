/* SPDX-License-Identifier: MIT */
/*
 * Device interrupts: a driver asks for the line its device raises
 * (request_irq), and its handler runs, with interrupts off, each time the
 * line fires.  PCI lines may be shared by several devices, so every
 * handler on the line is called and says whether its device was the one
 * (it reads the device's own interrupt status to know).  The timer's and
 * the console's lines are wired in by the arch; this is for the others.
 */
#ifndef _KERNEL_IRQ_H
#define _KERNEL_IRQ_H

#include <kernel/types.h>

/* 0, -EINVAL for a line the machine lacks, -EBUSY if the table is full. */
int request_irq(unsigned int irq, bool (*handler)(void *dev), void *dev);

/* Called by the arch's interrupt entry for a line with no fixed user. */
void handle_irq(unsigned int irq);

#endif
