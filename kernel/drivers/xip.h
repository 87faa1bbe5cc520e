/* SPDX-License-Identifier: MIT */
/*
 * The execute-in-place store (kernel/drivers/xip.c): a machine's driver
 * that has found an XIP image in memory without struct page -- a PCI BAR
 * on a PC, a DCSS-like segment on s390x -- mounts it on /xip.
 */
#ifndef _KERNEL_DRIVERS_XIP_H
#define _KERNEL_DRIVERS_XIP_H

#include <kernel/types.h>

/* Does the memory at image start with an XIP header? */
bool xip_image_valid(const void *image);
/* Map [phys, phys + len) and mount its files on /xip; 0 or -errno. */
int xip_attach(phys_addr_t phys, u64 len);

#endif
