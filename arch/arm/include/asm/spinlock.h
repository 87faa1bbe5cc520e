/* SPDX-License-Identifier: MIT */
/* One CPU: the flag spinlock every single-CPU port shares. */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#include <kernel/spinlock_up.h>

#endif
