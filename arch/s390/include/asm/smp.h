/* SPDX-License-Identifier: MIT */
/*
 * SMP on this port: one CPU (kernel/smp_up.h).  Starting the others would
 * take SIGP (SET PREFIX gives each its own lowcore, RESTART starts it), per-CPU data found through the lowcore, and IPIs.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <kernel/smp_up.h>

#endif
