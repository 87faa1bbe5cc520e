/* SPDX-License-Identifier: MIT */
/*
 * The copy under copy_from_user and friends: user and kernel share one
 * address space (the 3G/1G split), and the kernel's accesses obey a user
 * page's rights (asm/pgtable.h's AP values), so it is the fault-tolerant
 * copy itself.
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <asm-generic/uaccess.h>

#endif
