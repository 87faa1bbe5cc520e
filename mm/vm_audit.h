/* SPDX-License-Identifier: MIT */
/*
 * vm_audit: check the VM's invariants across address spaces, for fuzzers
 * (the in-guest one through the vm_audit system call, the host one
 * directly).  Use:
 *
 *	struct vm_audit a;
 *
 *	if (vm_audit_begin(&a))      -ENOMEM: no room for the count array
 *		...
 *	vm_audit_mm(&a, mm);         for every live address space
 *	problems = vm_audit_end(&a); pages and free lists; frees the array
 *
 * The result is exact only if every page mapped anywhere is mapped by one
 * of the audited address spaces, and none of them is half-way through a
 * change: the caller makes sure of that (the system call audits every
 * process with interrupts off, and is called when no other process is in a
 * memory system call or a page fault: faults run with interrupts on, and
 * one preempted half-way may hold a page it has not mapped yet).
 */
#ifndef _MM_VM_AUDIT_H
#define _MM_VM_AUDIT_H

#include <kernel/types.h>

struct mm_struct;

struct vm_audit {
	u32 *maps; /* maps[pfn]: user PTEs seen mapping the page */
	unsigned int order;
	unsigned long problems;
	unsigned long swap_ptes; /* swap PTEs seen */
};

int vm_audit_begin(struct vm_audit *a);
void vm_audit_mm(struct vm_audit *a, struct mm_struct *mm);
unsigned long vm_audit_end(struct vm_audit *a);

#endif
