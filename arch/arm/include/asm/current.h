/* SPDX-License-Identifier: MIT */
/* current: the task running on this CPU, from the per-CPU data. */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

#include <kernel/smp.h>

#define current (this_cpu()->current_task)

#endif
