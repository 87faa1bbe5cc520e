/* SPDX-License-Identifier: MIT */
/*
 * The copy under copy_from_user and friends (kernel/uaccess.c).  User
 * memory is another address space on s390 (the primary space, CR1), so the
 * kernel reaches it with MOVE WITH OPTIONAL SPECIFICATIONS, which names
 * the space of each operand: arch/s390/uaccess.S, fault-tolerant as
 * copy_nofault is (the bytes not copied).
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <kernel/uaccess.h>

size_t raw_copy_from_user(void *dst, const void __user *src, size_t n);
size_t raw_copy_to_user(void __user *dst, const void *src, size_t n);

#endif
