/* SPDX-License-Identifier: MIT */
/*
 * <sys/swap.h>: start and stop swapping to a block device (Linux's
 * interface; the area is formatted by mkswap).
 */
#ifndef _SYS_SWAP_H
#define _SYS_SWAP_H

#define SWAP_FLAG_PREFER 0x8000	   /* the priority below is given */
#define SWAP_FLAG_PRIO_MASK 0x7fff /* higher is used first */
#define SWAP_FLAG_PRIO_SHIFT 0

int swapon(const char *path, int flags);
int swapoff(const char *path);

#endif
