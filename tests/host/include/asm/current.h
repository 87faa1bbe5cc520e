/* SPDX-License-Identifier: MIT */
/* Host stand-in: one test process, one task (tests/host/vm_host.c). */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

struct task_struct;
extern struct task_struct *current;

#endif
