/* SPDX-License-Identifier: MIT */
/*
 * <pagoda.h>: Pagoda's own system calls, which POSIX has no name for:
 * per-process figures for ps, and switching the machine off.
 */
#ifndef _PAGODA_H
#define _PAGODA_H

#include <asm/vm_layout.h>  /* USER_TOP ... for tests that probe the edges */
#include <pagoda/abi.h>	    /* struct procinfo */
#include <pagoda/syscall.h> /* REBOOT_* */

/*
 * Fill *info for the index-th process (0, 1, 2 ...); -1 with errno ESRCH when
 * there is no index-th process, which ends a listing.
 */
int procinfo(int index, struct procinfo *info);
/* The index-th memory area of process pid (0: the caller); -1/ESRCH past the last. */
int mapinfo(int pid, int index, struct mapinfo *info);
/* The caller's memory area holding addr; -1 with errno ENOENT if none. */
int mapinfo_at(const void *addr, struct mapinfo *info);
/* The VM's event counts since boot. */
int vmstat(struct vmstat *out);
/*
 * Check the kernel's VM invariants in every process (page counts against
 * the page tables, the VMA trees, the free lists): the number of problems
 * found, each printed on the console; 0 if none.  Exact when no other
 * process is in the middle of a memory system call.
 */
int vm_audit(void);

/*
 * Switch the machine off.  Under QEMU, status becomes QEMU's exit status
 * (how test runs report their result).  Returns only on failure.
 * reboot() is the bare system call; poweroff() first flushes stdio.
 */
int reboot(int cmd, int status); /* REBOOT_POWER_OFF or REBOOT_RESTART */
int poweroff(int status);

#endif
