/* SPDX-License-Identifier: MIT */
/*
 * The copy under copy_from_user and friends (kernel/uaccess.c), once the
 * range is known to be user space, for a port whose kernel reaches user
 * memory at its user addresses (one address space for both, the kernel's
 * accesses obeying a user page's rights): the fault-tolerant copy itself.
 * A port with a separate user space (s390) writes its own.
 */
#ifndef _ASM_GENERIC_UACCESS_H
#define _ASM_GENERIC_UACCESS_H

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
