/* SPDX-License-Identifier: MIT */
/*
 * Reaching user memory from the kernel.  A user pointer is checked to lie in
 * the user half of the address space (access_ok) and then copied with
 * copy_nofault, whose exception-table fixup turns a fault -- an unmapped or
 * read-only page -- into -EFAULT.  So a bad pointer from a system call gives
 * EFAULT, never a kernel panic.  __user marks such pointers for the reader.
 */
#ifndef _KERNEL_UACCESS_H
#define _KERNEL_UACCESS_H

#include <kernel/types.h>

#define __user

bool access_ok(const void __user *ptr, size_t n);
/* 0, or -EFAULT if any byte could not be copied. */
long copy_from_user(void *dst, const void __user *src, size_t n);
long copy_to_user(void __user *dst, const void *src, size_t n);
/* Length of the string copied (without its NUL), -EFAULT, or
 * -ENAMETOOLONG if it does not fit in size bytes with its NUL. */
long strncpy_from_user(char *dst, const char __user *src, size_t size);
/* Fill n user bytes with zero: 0 or -EFAULT. */
long clear_user(void __user *dst, size_t n);

#endif
