/* SPDX-License-Identifier: MIT */
/*
 * Reaching user memory from the kernel.  A user pointer and its count are
 * checked to lie in the user half of the address space (access_ok), then
 * copied with copy_nofault, whose exception-table fixup stops the copy at
 * the first byte that faults -- an unmapped or read-only page.  So a bad
 * pointer from a system call gives EFAULT or a short count, never a kernel
 * panic.  __user marks such pointers for the reader.
 *
 * As in Linux, the copies return the number of bytes NOT copied: 0 means
 * all of them.  A caller moving a fixed-size struct turns any other value
 * into -EFAULT; a caller moving a stream (read, write: kernel/fs/iov_iter.c)
 * reports the bytes that did move.
 */
#ifndef _KERNEL_UACCESS_H
#define _KERNEL_UACCESS_H

#include <kernel/types.h>

#define __user

/*
 * Does [ptr, ptr + n) lie in user space, below TASK_SIZE, without wrapping?
 * Every copy checks it for its whole count before it touches a byte; n 0 is
 * checked too (a kernel pointer is refused even for nothing, as in Linux).
 */
bool access_ok(const void __user *ptr, size_t n);
/* Bytes not copied: 0, or up to n (all of them if access_ok fails). */
size_t copy_from_user(void *dst, const void __user *src, size_t n);
size_t copy_to_user(void __user *dst, const void *src, size_t n);
/* Length of the string copied (without its NUL), -EFAULT, or
 * -ENAMETOOLONG if it does not fit in size bytes with its NUL. */
long strncpy_from_user(char *dst, const char __user *src, size_t size);
/* Fill n user bytes with zero: the bytes not zeroed, as above. */
size_t clear_user(void __user *dst, size_t n);

#endif
