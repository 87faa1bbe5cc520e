// SPDX-License-Identifier: MIT
/*
 * Host stand-ins that let mm/mmap.c and mm/memory.c run in a test process
 * (the page tables themselves are x86_64's, arch/x86_64/pgtable_user.c,
 * their tables from the page allocator, so a leaked table shows in the
 * free-page count): the top table, PTE rights, a task to be `current`, and
 * the file references mm/mmap.c takes (the host fuzzer's file lives as long
 * as the test).
 */
#include <stdio.h>
#include <asm/pgtable.h>
#include <kernel/fs/vfs.h>
#include <kernel/sched.h>
#include <mm/mm.h>
#include <mm/mmap.h>

static struct task_struct host_task;
struct task_struct *current = &host_task;

/* No kernel half to copy: the host's top table is all user space. */
pgd_t *pgd_alloc(void)
{
	return get_zeroed_page();
}

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return _PAGE_PROTNONE | _PAGE_USER;
	return _PAGE_PRESENT | _PAGE_USER |
	       (vm_flags & VM_WRITE ? _PAGE_RW : 0);
}

void switch_mm(struct mm_struct *mm)
{
}

struct file *fget(int fd)
{
	return NULL;
}

/* Files are the host fuzzer's, never freed: only their count matters. */
struct file *get_file(struct file *f)
{
	f->f_count++;
	return f;
}

void fput(struct file *f)
{
	if (--f->f_count < 1)
		__builtin_trap(); /* the fuzzer's own reference is gone */
}

/* kernel/lib/string.c is not built here (libc stands in); libc has no strscpy. */
void strscpy(char *dst, const char *src, size_t size)
{
	snprintf(dst, size, "%s", src);
}

/* One task and no scheduler: nobody to wake, and a wait would hang. */
void wake_up(struct wait_queue *wq)
{
}

void sleep_on_timeout(struct wait_queue *wq, unsigned long until)
{
	__builtin_trap();
}
