// SPDX-License-Identifier: MIT
/*
 * Host stand-ins that let the VMA code (mm/vma.c, mm/mmap.c, mm/mprotect.c
 * and the rest) and mm/memory.c run in a test process: a 4-level page
 * table like x86_64's (its walk is in tests/host/include/asm/pgtable.h),
 * whose tables come from the page allocator (so a leaked table shows in
 * the free-page count), a task to be `current` (root, no resource
 * limits), and the file references
 * mm/vma.c takes (the host fuzzer's file lives as long as the test).
 */
#include <stdio.h>
#include <asm/pgtable.h>
#include <kernel/fs/vfs.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/uaccess.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/tlbflush.h>

static struct task_struct host_task;
struct task_struct *current = &host_task;

/* The test process is root, without limits (kernel/resource.c). */
bool capable(int cap)
{
	return true;
}

unsigned long rlimit(unsigned int resource)
{
	return RLIM_INFINITY;
}

pgd_t *pgd_alloc(void)
{
	return get_zeroed_page();
}

static void free_below(u64 *table, int level)
{
	for (int i = 0; i < 512; i++) {
		if (level > 0 && table[i]) {
			free_below(__va(table[i] & HOST_TABLE_ADDR), level - 1);
			free_page(__va(table[i] & HOST_TABLE_ADDR));
		}
	}
}

void pgd_free(pgd_t *pgd)
{
	free_below(pgd, 3);
	free_page(pgd);
}

/* A test process has no TLB to flush. */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	(void)mm;
	(void)start;
	(void)end;
}

pud_t *pud_alloc_one(void)
{
	return get_zeroed_page();
}

pmd_t *pmd_alloc_one(void)
{
	return get_zeroed_page();
}

pte_t *pte_alloc_one(void)
{
	return get_zeroed_page();
}

void pud_free(pud_t *pud)
{
	free_page(pud);
}

void pmd_free(pmd_t *pmd)
{
	free_page(pmd);
}

void pte_free(pte_t *pte)
{
	free_page(pte);
}

static void walk_below(u64 *table, int level, unsigned long base,
		       void (*fn)(unsigned long, pte_t, void *), void *arg)
{
	for (unsigned long i = 0; i < 512; i++) {
		unsigned long addr = base + (i << (PAGE_SHIFT + 9 * level));

		if (table[i] && level)
			walk_below(__va(table[i] & HOST_TABLE_ADDR), level - 1,
				   addr, fn, arg);
		else if (table[i])
			fn(addr, table[i], arg);
	}
}

void walk_user_ptes(pgd_t *pgd, void (*fn)(unsigned long, pte_t, void *),
		    void *arg)
{
	walk_below(pgd, 3, 0, fn, arg);
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

/* Every frame of the arena, with struct page or not, is in reach. */
void *kmap_local_pfn(unsigned long pfn)
{
	return (void *)((pfn << PAGE_SHIFT) + host_phys_offset);
}

void kunmap_local(void *addr)
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

/* The fuzzer's files keep no times. */
void file_update_time(struct file *f)
{
}

void file_accessed(struct file *f)
{
}

/* The host runs no programs: no address space has an exe_file to deny. */
int deny_write_access(struct file *f)
{
	__builtin_trap();
}

void allow_write_access(struct file *f)
{
	__builtin_trap();
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

void wake_up_task(struct task_struct *t)
{
	__builtin_trap(); /* a waiter: there is none */
}

/*
 * The mirror device runs here with the software DMA engine, which
 * completes at once: no tick is ever waited for.  Its file interface
 * (user copies) is the kernel's business only.
 */
volatile unsigned long jiffies;

size_t copy_to_user(void __user *dst, const void *src, size_t n)
{
	__builtin_trap(); /* no user space on the host */
}

size_t copy_from_user(void *dst, const void __user *src, size_t n)
{
	__builtin_trap(); /* no user space on the host */
}

/*
 * Swap on the host: a disk in memory (two areas' first slots) stands for
 * mm/page_io.c, so the swap and reclaim code above it
 * runs as in the kernel.  swap_fail_writes and swap_fail_reads make the
 * next so many transfers fail, as a disk error would.
 */
#include <kernel/errno.h>
#include <kernel/string.h>
#include <mm/memory.h>
#include <mm/swap.h>

#define HOST_SWAP_AREAS 2
#define HOST_SWAP_SLOTS 1024

static char host_swap_disk[HOST_SWAP_AREAS][HOST_SWAP_SLOTS][PAGE_SIZE];
unsigned int swap_fail_writes, swap_fail_reads;

static void *host_slot(swp_entry_t entry)
{
	if (swp_type(entry) >= HOST_SWAP_AREAS ||
	    swp_offset(entry) >= HOST_SWAP_SLOTS)
		__builtin_trap(); /* an area larger than this disk */
	return host_swap_disk[swp_type(entry)][swp_offset(entry)];
}

int swap_readpage(struct page *page, swp_entry_t entry)
{
	if (swap_fail_reads) {
		swap_fail_reads--;
		return -EIO;
	}
	memcpy(page_address(page), host_slot(entry), PAGE_SIZE);
	vm_events.pswpin++;
	return 0;
}

int swap_writepage(struct page *page, swp_entry_t entry)
{
	if (swap_fail_writes) {
		swap_fail_writes--;
		return -EIO;
	}
	memcpy(host_slot(entry), page_address(page), PAGE_SIZE);
	vm_events.pswpout++;
	return 0;
}

/*
 * swapoff's walk over every process is the kernel's (mm/swapon.c); the
 * host tests take their areas off only once no swap PTE is left.
 */
int try_to_unuse(unsigned int type)
{
	free_swap_cache_type(type);
	return swap_info[type].inuse_pages ? -EBUSY : 0;
}
