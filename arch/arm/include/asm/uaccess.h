/* SPDX-License-Identifier: MIT */
/*
 * The copy under copy_from_user and friends (kernel/uaccess.c), once the
 * range is known to be user space.  User and kernel share one address
 * space (the 3G/1G split), and the kernel's accesses obey a user page's
 * rights (asm/pgtable.h's AP values), so it is the fault-tolerant copy.
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <kernel/extable.h>
#include <kernel/uaccess.h>

static inline size_t raw_copy_from_user(void *dst, const void __user *src,
					size_t n)
{
	return copy_nofault(dst, src, n);
}

static inline size_t raw_copy_to_user(void __user *dst, const void *src,
				      size_t n)
{
	return copy_nofault(dst, src, n);
}

#endif
