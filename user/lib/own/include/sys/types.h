/* SPDX-License-Identifier: MIT */
/*
 * <sys/types.h>: the POSIX names for the integer types system calls use.
 * Sizes follow Linux on the same machine, so that a program written for
 * Linux prints them with the same printf formats (off_t is "%ld" on x86_64).
 */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h> /* size_t, NULL */

/* As wide as size_t, but signed: long on 64-bit machines, int on 32-bit. */
typedef __PTRDIFF_TYPE__ ssize_t;
/* File offsets are 64-bit on every port (long long on 32-bit ones). */
typedef __INT64_TYPE__ off_t;

typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;	 /* st_mode in struct stat */
typedef unsigned int nlink_t;	 /* st_nlink */
typedef unsigned long dev_t;	 /* st_dev */
typedef unsigned long ino_t;	 /* st_ino */
typedef long blksize_t;		 /* st_blksize */
typedef long blkcnt_t;		 /* st_blocks */
typedef long time_t;		 /* seconds */
typedef long suseconds_t;	 /* microseconds, in struct timeval */
typedef unsigned int useconds_t; /* usleep() */
typedef long clock_t;		 /* clock(), in CLOCKS_PER_SEC */
typedef int clockid_t;		 /* CLOCK_REALTIME, CLOCK_MONOTONIC */

#endif
