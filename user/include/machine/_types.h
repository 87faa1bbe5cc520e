/* SPDX-License-Identifier: MIT */
/*
 * <machine/_types.h>: newlib's hook for a system's own types, which its
 * <sys/_types.h> includes.  File offsets (off_t, fpos_t) are 64 bits on
 * every port, as the kernel takes them; newlib's default is long, 32 bits
 * on ARM.
 */
#ifndef _MACHINE__TYPES_H
#define _MACHINE__TYPES_H

#include <machine/_default_types.h>

#define __machine_off_t_defined
typedef __int64_t _off_t;

/* User and group ids are 32 bits, as the kernel's (newlib: 16). */
#define __machine_uid_t_defined
typedef __uint32_t __uid_t;
#define __machine_gid_t_defined
typedef __uint32_t __gid_t;

#endif
