/* SPDX-License-Identifier: MIT */
/*
 * <linux/types.h>: <asm/types.h>'s integers, and the names Linux's
 * interfaces give them for a byte order, a checksum or an 8-byte
 * alignment.  The byte-order names are plain integers here (Linux's
 * sparse checker alone tells them apart).
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <asm/types.h>

typedef __u16 __le16;
typedef __u16 __be16;
typedef __u32 __le32;
typedef __u32 __be32;
typedef __u64 __le64;
typedef __u64 __be64;
typedef __u16 __sum16;
typedef __u32 __wsum;
typedef unsigned int __poll_t;

#define __aligned_u64 __u64 __attribute__((aligned(8)))
#define __aligned_be64 __be64 __attribute__((aligned(8)))
#define __aligned_le64 __le64 __attribute__((aligned(8)))

#endif
