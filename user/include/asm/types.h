/* SPDX-License-Identifier: MIT */
/*
 * <asm/types.h>: the fixed-size integers of Linux's interfaces (__u8 ...
 * __s64), which the <linux/...> headers and programs written against them
 * (Linux's kselftests) use.  The same on every port: 64-bit types are
 * long long, as Linux's asm-generic/int-ll64.h has them everywhere.
 */
#ifndef _ASM_TYPES_H
#define _ASM_TYPES_H

typedef signed char __s8;
typedef unsigned char __u8;
typedef short __s16;
typedef unsigned short __u16;
typedef int __s32;
typedef unsigned int __u32;
__extension__ typedef long long __s64;
__extension__ typedef unsigned long long __u64;

#endif
