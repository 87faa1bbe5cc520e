/* SPDX-License-Identifier: MIT */
/*
 * Values a file format or a device defines as little-endian (the XIP
 * image, tools/mkxip.py), in the CPU's order: nothing to do on x86_64, a
 * byte swap on big-endian s390x.  The compiler says which (Linux's names).
 * swab32 reverses a value's bytes whatever the CPU: for a format written
 * in either order, whose reader recognizes the other by a known field.
 */
#ifndef _KERNEL_BYTEORDER_H
#define _KERNEL_BYTEORDER_H

#include <kernel/types.h>

static inline u32 swab32(u32 v)
{
	return __builtin_bswap32(v);
}

#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
static inline u32 le32_to_cpu(u32 v)
{
	return __builtin_bswap32(v);
}

static inline u64 le64_to_cpu(u64 v)
{
	return __builtin_bswap64(v);
}

static inline u32 cpu_to_le32(u32 v)
{
	return __builtin_bswap32(v);
}
#else
static inline u32 le32_to_cpu(u32 v)
{
	return v;
}

static inline u64 le64_to_cpu(u64 v)
{
	return v;
}

static inline u32 cpu_to_le32(u32 v)
{
	return v;
}
#endif

#endif
