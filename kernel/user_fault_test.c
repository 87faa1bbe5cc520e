// SPDX-License-Identifier: MIT
/*
 * The console line for a user page fault says what happened, from the VM's
 * answer and the address space (describe_user_fault in kernel/signal.c,
 * which every port's trap handler calls): an
 * access refused by a mapping's rights -- PROT_NONE included, which the
 * MMU reports as "not present" -- is a protection fault; no VMA is no
 * mapping; VM_FAULT_OOM is out of memory, not a missing mapping.
 */
#include <kernel/ktest.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <pagoda/abi.h>

#define BASE 0x10000000UL

static void reasons(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	char why[48];

	KTEST_ASSERT_NOT_NULL(t, mm);
	for (unsigned long i = 0; i < 2; i++) {
		unsigned long addr = BASE + i * PAGE_SIZE;

		/* Page 0 PROT_NONE, page 1 PROT_READ. */
		KTEST_EXPECT_EQ(t,
				do_mmap(mm, addr, PAGE_SIZE, i ? PROT_READ : 0,
					MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
					NULL, 0),
				(long)addr);
	}

	describe_user_fault(why, sizeof(why), mm, BASE, VM_FAULT_SIGSEGV);
	KTEST_EXPECT_STREQ(t, why, "protection fault on a --- mapping");
	describe_user_fault(why, sizeof(why), mm, BASE + PAGE_SIZE,
			    VM_FAULT_SIGSEGV);
	KTEST_EXPECT_STREQ(t, why, "protection fault on a r-- mapping");
	describe_user_fault(why, sizeof(why), mm, BASE + 2 * PAGE_SIZE,
			    VM_FAULT_SIGSEGV);
	KTEST_EXPECT_STREQ(t, why, "no mapping");
	describe_user_fault(why, sizeof(why), mm, BASE, VM_FAULT_OOM);
	KTEST_EXPECT_STREQ(t, why, "out of memory");
	describe_user_fault(why, sizeof(why), mm, BASE, VM_FAULT_SIGBUS);
	KTEST_EXPECT_STREQ(t, why, "nothing to map");
	describe_user_fault(why, sizeof(why), mm, TASK_SIZE, 0); /* not user */
	KTEST_EXPECT_STREQ(t, why, "no mapping");
	mmput(mm);
}

KTEST_SUITE(user_fault_messages, KTEST_CASE(reasons));
