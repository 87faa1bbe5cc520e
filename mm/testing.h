/* SPDX-License-Identifier: MIT */
/*
 * Helpers for the VM's in-kernel tests (mm/, and drivers that follow an
 * mm): an address space built by the test and never run.
 */
#ifndef _MM_TESTING_H
#define _MM_TESTING_H

#include <mm/mmap.h>

/* A fresh mm with pages of anonymous read-write memory at base, or NULL. */
static inline struct mm_struct *test_anon_mm(unsigned long base,
					     unsigned long pages)
{
	struct mm_struct *mm = mm_alloc();

	if (mm &&
	    map_anon(mm, base, base + pages * PAGE_SIZE, VM_READ | VM_WRITE)) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

#endif
