/* SPDX-License-Identifier: MIT */
/*
 * The mirror device's interface, /dev/hmm_dmirror0 and 1: Linux's test_hmm
 * ioctls (lib/test_hmm_uapi.h), same numbers and layout, so a program
 * written for Linux's mirror device compiles here unchanged.  One header
 * for the kernel and for user programs (#include <linux/test_hmm.h>).
 *
 * Every request takes a struct hmm_dmirror_cmd:
 *   addr    in: page-aligned address in the caller's address space
 *   ptr     in: the caller's buffer (npages pages; one byte per page for
 *           SNAPSHOT)
 *   npages  in: how many pages, at least 1
 *   cpages  out: pages done -- written back even when the request fails,
 *           so it tells how far it got (Linux writes it only on success)
 *   faults  out: device faults taken (rounds of walking the page table)
 */
#ifndef _UAPI_LINUX_TEST_HMM_H
#define _UAPI_LINUX_TEST_HMM_H

struct hmm_dmirror_cmd {
	unsigned long long addr;
	unsigned long long ptr;
	unsigned long long npages;
	unsigned long long cpages;
	unsigned long long faults;
};

/* Linux's _IOWR('H', nr, struct hmm_dmirror_cmd): read|write, size, type. */
#define HMM_DMIRROR_IOWR(nr)                                                   \
	((3UL << 30) | (sizeof(struct hmm_dmirror_cmd) << 16) |                \
	 ((unsigned long)'H' << 8) | (nr))

/* The device reads npages at addr; the data is copied to ptr. */
#define HMM_DMIRROR_READ HMM_DMIRROR_IOWR(0x00)
/* The data at ptr is written by the device to npages at addr. */
#define HMM_DMIRROR_WRITE HMM_DMIRROR_IOWR(0x01)
/* One byte per page into ptr: the device's own table, HMM_DMIRROR_PROT_*. */
#define HMM_DMIRROR_SNAPSHOT HMM_DMIRROR_IOWR(0x04)

/* SNAPSHOT's bytes (Linux's values; ZERO comes with READ). */
enum {
	HMM_DMIRROR_PROT_ERROR = 0xFF, /* never mappable: no VMA, PROT_NONE */
	HMM_DMIRROR_PROT_NONE = 0x00,  /* not in the device's table now */
	HMM_DMIRROR_PROT_READ = 0x01,
	HMM_DMIRROR_PROT_WRITE = 0x02,
	HMM_DMIRROR_PROT_ZERO = 0x10, /* mapped to the shared zero page */
};

#endif
