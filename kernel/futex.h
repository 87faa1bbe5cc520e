/* SPDX-License-Identifier: MIT */
/* Futexes: wait until a user word changes, wake such waiters (kernel/futex.c). */
#ifndef _KERNEL_FUTEX_H
#define _KERNEL_FUTEX_H

#include <kernel/uaccess.h>

struct mm_struct;
struct timespec;

long sys_futex(u32 __user *uaddr, int op, u32 val,
	       const struct timespec __user *timeout);
/* Wake at most n tasks waiting on the word at uaddr of mm; how many woke. */
int futex_wake(struct mm_struct *mm, unsigned long uaddr, int n);

#endif
