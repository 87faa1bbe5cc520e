/* SPDX-License-Identifier: MIT */
/* The OOM killer (mm/oom_kill.c). */
#ifndef _MM_OOM_KILL_H
#define _MM_OOM_KILL_H

#include <kernel/types.h>

/*
 * A page fault of the current task ran out of memory: reclaim, or kill
 * the largest process.  true: retry the fault; false: the current task is
 * the one that must die.
 */
bool pagefault_out_of_memory(void);

#endif
