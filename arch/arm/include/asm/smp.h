/* SPDX-License-Identifier: MIT */
/*
 * SMP on this port: one CPU (kernel/smp_up.h).  Starting the others would
 * take PSCI or the board's mailboxes, per-CPU data found through TPIDRPRW, and IPIs.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <kernel/smp_up.h>

#endif
