/* SPDX-License-Identifier: MIT */
/* Small helpers every file wants: sizes, alignment, min/max, container_of. */
#ifndef _KERNEL_KERNEL_H
#define _KERNEL_KERNEL_H

#include <kernel/types.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* a must be a power of two. */
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a)-1))
#define ALIGN(x, a) ALIGN_DOWN((x) + (a)-1, (a))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a)-1)) == 0)

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))

#define container_of(ptr, type, member)                                        \
	((type *)((char *)(ptr)-offsetof(type, member)))

#define KiB (1UL << 10)
#define MiB (1UL << 20)
#define GiB (1UL << 30)

#define __section(s) __attribute__((section(s)))
#define __used __attribute__((used))
#define __noreturn __attribute__((noreturn))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __aligned(n) __attribute__((aligned(n)))
#define __packed __attribute__((packed))
/* Out of line: keeps a rare path's registers out of a hot caller. */
#define noinline __attribute__((__noinline__))

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#endif
