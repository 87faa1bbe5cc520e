/* SPDX-License-Identifier: MIT */
/*
 * The copy under copy_from_user and friends: user and kernel share one
 * address space on x86_64, so it is the fault-tolerant copy itself.
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <asm-generic/uaccess.h>

#endif
