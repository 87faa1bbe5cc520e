/* SPDX-License-Identifier: MIT */
/* Host stand-in: the test process is one CPU (tests/host/main.c). */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

struct per_cpu;
extern struct per_cpu host_per_cpu;

static inline struct per_cpu *this_cpu(void)
{
	return &host_per_cpu;
}

#endif
