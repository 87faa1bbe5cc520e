/* SPDX-License-Identifier: MIT */
/*
 * The fault path and the page-table walks of mm/memory.c: what the arch
 * page-fault handler calls, and what fork, exit, munmap and exec use.
 */
#ifndef _MM_MEMORY_H
#define _MM_MEMORY_H

#include <mm/mm.h>
#include <mm/mmap.h>

/* What the faulting access was (flags of handle_mm_fault). */
#define FAULT_FLAG_WRITE 0x1
#define FAULT_FLAG_INSTRUCTION 0x2
#define FAULT_FLAG_USER 0x4
/* The kernel fills a page of a VMA it may not write (exec loading). */
#define FAULT_FLAG_FORCE 0x8

/* What came of it: 0 means the access can be retried and will succeed. */
#define VM_FAULT_SIGSEGV 0x1 /* no VMA there, or it forbids the access */
#define VM_FAULT_SIGBUS 0x2  /* a VMA, but nothing can back the address */
#define VM_FAULT_OOM 0x4     /* no memory for a page or a page table */
/* ->fault of a PFN or mixed map installed the PTE itself (no vmf->page). */
#define VM_FAULT_NOPAGE 0x8

/* The caller holds mm's mmap_lock, for reading at least. */
int handle_mm_fault(struct mm_struct *mm, unsigned long addr,
		    unsigned int flags);
/*
 * The arch's page-fault entry: handle_mm_fault under mm's mmap_lock, for
 * reading (or under the caller's own write hold: see mm/memory.c).
 */
int handle_user_fault(struct mm_struct *mm, unsigned long addr,
		      unsigned int flags);

/*
 * The struct page behind a PTE, or NULL for a "special" mapping that has
 * none to count (the zero page, raw device frames): seed 000's rule.
 */
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte);

/*
 * The page-table lock (chapter 10, section 10.6): mm->page_table_lock, one
 * spinlock per address space, held with interrupts off (so its holder is
 * never preempted) around every look at a user PTE that leads to a change
 * of it: a fault's install, COW, zap, mprotect, fork's write protection,
 * reclaim's unmap, a driver's insert.  Never held across a sleep: a path
 * that must sleep (swap-in, an MMU notifier, a driver's ->fault) drops it
 * and looks at the PTE again after.  Linux's shape, its lock found from
 * the table (one lock per mm here, as Linux's before split locks).
 */
void pte_lock(struct mm_struct *mm);
void pte_unlock(struct mm_struct *mm);

static inline pte_t *pte_offset_map_lock(struct mm_struct *mm, pmd_t *pmd,
					 unsigned long addr,
					 struct spinlock **ptlp)
{
	pte_lock(mm);
	*ptlp = &mm->page_table_lock;
	return pte_offset_map(pmd, addr);
}

static inline void pte_unmap_unlock(pte_t *pte, struct spinlock *ptl)
{
	(void)pte;
	pte_unlock(container_of(ptl, struct mm_struct, page_table_lock));
}

/*
 * The PTE for a user address: follow_pte looks (NULL where a table is
 * missing), walk_to_pte makes missing tables (NULL if out of memory).
 */
pte_t *follow_pte(struct mm_struct *mm, unsigned long addr);
pte_t *walk_to_pte(struct mm_struct *mm, unsigned long addr);

/* fork: give dst the pages of vma, shared, copy-on-write where private. */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma);
/* Unmap [start, end) of vma, dropping the pages' map and reference counts. */
void zap_page_range(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long start, unsigned long end);

/*
 * After an munmap of [addr, end): free the page tables whose span lies in
 * [floor, ceiling), the hole between the VMAs left around it (ceiling 0:
 * no VMA above).
 */
void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end,
		    unsigned long floor, unsigned long ceiling);

/* The page at addr of a fresh mm, faulted in if need be (exec fills it). */
struct page *get_user_page(struct mm_struct *mm, unsigned long addr,
			   unsigned int flags);

/*
 * Fault-around (seed 002): bytes of a file mapping around a read fault that
 * ->map_pages may map at once; a power of two from PAGE_SIZE (off) to
 * what one page table maps.  set_fault_around_bytes: 0 or -EINVAL.
 */
extern unsigned long fault_around_bytes;
int set_fault_around_bytes(unsigned long bytes);
/*
 * The window of a fault at addr: [start, end), bytes long and aligned to
 * bytes, clipped to [vm_start, vm_end) and to addr's page table.
 */
void fault_around_window(unsigned long addr, unsigned long bytes,
			 unsigned long vm_start, unsigned long vm_end,
			 unsigned long *start, unsigned long *end);
/*
 * For ->map_pages: map page at *pte, read-only whatever the VMA allows (a
 * write must still fault: COW, or marking a shared page dirty); the PTE
 * takes over the caller's reference to page.
 */
void do_set_pte(struct vm_area_struct *vma, struct page *page, pte_t *pte);

/* The shared zero page: read faults on fresh anonymous memory map it. */
extern struct page *zero_page;
void zero_page_init(void);

static inline bool is_zero_pfn(unsigned long pfn)
{
	return pfn == page_to_pfn(zero_page);
}

/*
 * Does pte map a raw frame, one the VM must not count (device memory,
 * memory without struct page)?  The zero page is special too, but not raw.
 */
bool is_raw_pfn(struct vm_area_struct *vma, unsigned long addr, pte_t pte);

/*
 * Device memory into user space (see mm/memory.c); 0 or -errno.  prot is
 * the PTE's rights, normally vm_get_page_prot(vma->vm_flags).
 */
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn, unsigned long size, pgprot_t prot);
int vm_insert_pfn(struct vm_area_struct *vma, unsigned long addr,
		  unsigned long pfn);
int vm_insert_mixed(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn);
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr,
		   struct page *page);

/* System-wide figures, for vmstat. */
struct vm_event_counts {
	unsigned long pgfault; /* faults handled */
	/* of them, with interrupts on: all but those of code that had them off */
	unsigned long pgfault_irqs_on;
	unsigned long
		zero_page_maps;	  /* read faults answered with the zero page */
	unsigned long anon_pages; /* write faults given a fresh page */
	unsigned long cow_copies; /* write faults that copied a page */
	unsigned long
		cow_reuses;	/* write faults that kept the page: sole user */
	unsigned long pfn_maps; /* PTEs made for raw frames (device memory:
				 * nothing counted, seed 000), fork included */
	unsigned long fault_around_pages; /* mapped by ->map_pages (seed 002) */
	/* Reclaim and swap (mm/vmscan.c, mm/page_io.c), Linux's names. */
	unsigned long pgmajfault; /* faults that read a page from swap */
	unsigned long pswpin;	  /* pages read from swap */
	unsigned long pswpout;	  /* pages written to swap */
	unsigned long pgscan;	  /* PTEs of pages the scan looked at */
	unsigned long pgsteal;	  /* pages it freed */
	unsigned long pgactivate; /* second chances: accessed since last look */
	unsigned long oom_kill;	  /* processes the OOM killer ended */
	/* TLB shootdowns: rounds of IPIs sent, and flushes CPUs did for them. */
	unsigned long nr_tlb_remote_flush;
	unsigned long nr_tlb_remote_flush_received;
};
extern struct vm_event_counts vm_events;

/*
 * Count one event (Linux: count_vm_event(PGFAULT)).  Atomic, since the
 * counters are bumped with interrupts on too (a fault, reclaim): a load,
 * an add and a store (ARM, s390) preempted in the middle would lose the
 * count that another task of this CPU added meanwhile.
 */
#define count_vm_event(item)                                                   \
	__atomic_fetch_add(&vm_events.item, 1, __ATOMIC_RELAXED)

#endif
