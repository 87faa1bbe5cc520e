/* SPDX-License-Identifier: MIT */
/*
 * A process's address space: struct mm_struct holds its page table and its
 * virtual memory areas (VMAs), each a range of user addresses with one set
 * of rights, kept on a sorted list and in a red-black tree.  A VMA says what
 * may be mapped; its pages arrive at the first touch (mm/memory.c) and are
 * shared copy-on-write at fork.  Names and flags are Linux's.
 *
 * The code, split as Linux's: mm/vma.c (the VMAs: lookup, insert, split,
 * merge), mm/mmap.c (mmap, munmap, brk), mm/mprotect.c, mm/madvise.c,
 * mm/mm_struct.c (an address space's life: alloc, fork, exit) and
 * mm/task_mmu.c (vma_info, for pmap; vma_name, for pmap and /proc/PID/maps).
 */
#ifndef _MM_MMAP_H
#define _MM_MMAP_H

#include <asm/pgtable.h>
#include <kernel/lib/rbtree.h>
#include <kernel/list.h>
#include <kernel/rwsem.h>
#include <kernel/spinlock.h>

/*
 * vm_flags, with the seeds' meanings.  VM_MAY* say what mprotect may later
 * grant; a private mapping that may become writable is a COW mapping.
 */
#define VM_READ 0x1UL
#define VM_WRITE 0x2UL
#define VM_EXEC 0x4UL
#define VM_SHARED 0x8UL
#define VM_MAYREAD 0x10UL
#define VM_MAYWRITE 0x20UL
#define VM_MAYEXEC 0x40UL
#define VM_MAYSHARE 0x80UL
#define VM_LOCKED 0x2000UL	/* never reclaimed */
#define VM_IO 0x4000UL		/* device memory: no reclaim, no core dump */
#define VM_DONTCOPY 0x20000UL	/* not inherited by fork */
#define VM_DONTEXPAND 0x40000UL /* mremap may not grow it */
#define VM_RESERVED 0x80000UL /* seed 001: the reclaim scanner skips it whole */
#define VM_PFNMAP 0x400UL     /* raw page frames, no struct page (seed 000) */
#define VM_MIXEDMAP 0x10000000UL /* raw frames and normal pages (seed 000) */

/*
 * VMAs that are never merged with a neighbour (nor grown into one): device
 * memory, and driver memory (seed 001: VM_RESERVED).  Linux's VM_SPECIAL.
 */
#define VM_SPECIAL                                                             \
	(VM_IO | VM_DONTEXPAND | VM_RESERVED | VM_PFNMAP | VM_MIXEDMAP)

/* Private but possibly writable: writes must copy (seed 000's rule). */
static inline bool is_cow_mapping(unsigned long vm_flags)
{
	return (vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

struct file;
struct mmu_notifier_mm;
struct vm_area_struct;

/* What a ->fault handler is asked, and how it answers. */
struct vm_fault {
	unsigned long address; /* the faulting user address */
	unsigned long pgoff;   /* its page's offset in the backing object */
	unsigned int flags;    /* FAULT_FLAG_* */
	struct page *page;     /* out: the page, with a reference */
	/* ->map_pages only: map pgoff .. max_pgoff (inclusive) from address */
	unsigned long max_pgoff;
	pte_t *pte; /* the PTE for pgoff; the others follow it */
};

/*
 * A VMA backed by something (a file, a driver) says how to find its pages:
 * ->fault returns the page for vmf->pgoff, or VM_FAULT_* on failure.
 * ->map_pages (seed 002, optional) maps whichever of the pages pgoff ..
 * max_pgoff it can reach at once, with do_set_pte: it must not sleep or
 * allocate, and skips a page that is not ready and a PTE already present.
 */
struct vm_operations_struct {
	int (*fault)(struct vm_area_struct *vma, struct vm_fault *vmf);
	void (*map_pages)(struct vm_area_struct *vma, struct vm_fault *vmf);
};

struct vm_area_struct {
	unsigned long vm_start; /* first address */
	unsigned long vm_end;	/* first address after */
	unsigned long vm_flags;
	unsigned long vm_pgoff; /* offset of vm_start in the file, in pages;
				 * VM_PFNMAP: the first page frame mapped */
	struct file *vm_file;	/* the mapped file (a reference), or NULL */
	const struct vm_operations_struct *vm_ops;
	struct mm_struct *vm_mm;  /* the address space it belongs to */
	struct list_head vm_list; /* in mm->mmap, sorted by address */
	struct rb_node vm_rb;	  /* in mm->mm_rb, keyed by address */
	struct list_head shared;  /* file VMAs: in vm_file's mapping->i_mmap */
	/* The largest free gap below a VMA of its subtree (mm/vma.c). */
	unsigned long rb_subtree_gap;
};

struct mm_struct {
	pgd_t *pgd;
	struct list_head mmap; /* the VMAs, sorted, not overlapping */
	struct rb_root mm_rb;  /* the same VMAs, for find_vma in O(log n) */
	int map_count;	       /* how many, at most sysctl_max_map_count */
	unsigned long start_brk, brk; /* the heap: [start_brk, brk) */
	unsigned long stack_start;    /* lowest address of the stack VMA */
	unsigned long rss;	      /* pages mapped */
	unsigned long total_vm;	      /* pages of all VMAs together */
	unsigned long def_flags;      /* VM_LOCKED after mlockall(MCL_FUTURE) */
	/*
	 * Two counts, as in seed 004's mm_struct: mm_users are those that use
	 * the address space (its task); when the last goes, the pages and
	 * tables go (exit_mmap).  mm_count holds the struct itself: the users
	 * together count one, and each mmgrab one more (a registered MMU
	 * notifier, which may outlive the address space).
	 */
	int mm_users;
	int mm_count;
	/* Secondary MMUs following this mm; NULL until one registers. */
	struct mmu_notifier_mm *mmu_notifier_mm;
	/* The program it runs (execve), denied to writers (Linux: exe_file). */
	struct file *exe_file;
	/* CPUs that may cache its translations (Linux: mm_cpumask). */
	unsigned long cpu_mask;
	/* The VMAs' lock: faults read, VMA changes write (mm/mmap_lock.h). */
	struct rw_semaphore mmap_lock;
	/*
	 * The page-table lock (pte_offset_map_lock, mm/memory.h), and the
	 * interrupt state its holder had, which pte_unmap_unlock restores.
	 */
	struct spinlock page_table_lock;
	unsigned long ptl_irqflags;
};

struct task_struct;

struct mm_struct *mm_alloc(void);
/* Drop a user; the last one unmaps and frees every page and page table. */
void mmput(struct mm_struct *mm);
/* Take a user reference if the address space still has one (not exited). */
bool mmget_not_zero(struct mm_struct *mm);
/* t's address space with a user reference (mmput it), or NULL. */
struct mm_struct *get_task_mm(struct task_struct *t);
/* Hold or release the struct mm_struct, not its address space. */
void mmgrab(struct mm_struct *mm);
void mmdrop(struct mm_struct *mm);
/* fork: a copy of mm sharing every page, COW where private (copy_page_range). */
struct mm_struct *dup_mm(struct mm_struct *mm);
/* mm runs file from now on: ETXTBSY if the file is open for writing. */
int set_mm_exe_file(struct mm_struct *mm, struct file *file);

/* Add an anonymous VMA [start, end); 0, -ENOMEM, or -EINVAL on overlap. */
int map_anon(struct mm_struct *mm, unsigned long start, unsigned long end,
	     unsigned long vm_flags);
/*
 * exec: a private mapping of file at [start, end) from page pgoff on, as
 * map_anon does it (-EINVAL on overlap); the file must be open for reading.
 */
int map_file(struct mm_struct *mm, unsigned long start, unsigned long end,
	     unsigned long vm_flags, struct file *file, unsigned long pgoff);
/* The VMA containing addr, or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/* The first VMA that ends above addr, or NULL (Linux's find_vma). */
struct vm_area_struct *find_vma_from(struct mm_struct *mm, unsigned long addr);
/* The page mapped at a user address, or NULL. */
struct page *follow_page(struct mm_struct *mm, unsigned long addr);

/* Map file into vma through the page cache (mm/filemap_mmap.c). */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);
/*
 * For a driver's mmap whose mapping is plain anonymous memory (/dev/zero):
 * the VMA lets go of the file and has no operations (Linux's
 * vma_set_anonymous).  A shared one becomes shared anonymous memory.
 */
void vma_set_anonymous(struct vm_area_struct *vma);

/* Move the break; returns the new break, or the old one on failure. */
unsigned long do_brk(struct mm_struct *mm, unsigned long new_brk);

/*
 * The most VMAs an address space may have (Linux's vm.max_map_count, in
 * /proc/sys/vm): a mapping or a split past it is ENOMEM.
 */
#define DEFAULT_MAX_MAP_COUNT 65530
extern int sysctl_max_map_count;

/* Lowest address mmap hands out, so that NULL + small offsets always fault. */
#define MMAP_MIN_ADDR 0x10000UL
/* Kept free below the stack (Linux's stack_guard_gap). */
#define STACK_GUARD_GAP (1UL << 20)

/*
 * Bytes of mm's VMAs that have all of vm_flags, less their part in
 * [start, end): the limits' count (RLIMIT_AS, RLIMIT_MEMLOCK).
 */
unsigned long mapped_bytes_outside(struct mm_struct *mm, unsigned long start,
				   unsigned long end, unsigned long vm_flags);

/*
 * The mapping calls, POSIX semantics: the address or -errno; 0 or -errno.
 * do_mmap maps file (a page-cache file) at page pgoff, or anonymous memory
 * if file is NULL.
 */
long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
	     unsigned long prot, unsigned long flags, struct file *file,
	     unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot);
int do_madvise(struct mm_struct *mm, unsigned long start, unsigned long len,
	       int advice);

struct mapinfo;
/* The index-th VMA of mm, described for pmap; -ESRCH past the last. */
int vma_info(struct mm_struct *mm, int index, struct mapinfo *info);
/* pmap's and /proc/PID/maps' name for a VMA: [heap], [stack], "file" or "". */
const char *vma_name(struct mm_struct *mm, struct vm_area_struct *vma);

long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot,
	      unsigned long flags, int fd, unsigned long off);
long sys_munmap(unsigned long addr, unsigned long len);
long sys_mprotect(unsigned long addr, unsigned long len, unsigned long prot);
long sys_madvise(unsigned long addr, unsigned long len, int advice);
/* mm/mlock.c */
int mm_populate(struct mm_struct *mm, unsigned long start, unsigned long end);
/*
 * May mm map len bytes more with vm_flags?  A locked mapping (MAP_LOCKED,
 * mlockall(MCL_FUTURE)) counts against RLIMIT_MEMLOCK (mm/mlock.c).
 */
bool mlock_future_ok(struct mm_struct *mm, unsigned long vm_flags,
		     unsigned long len);
long sys_mlock(unsigned long start, unsigned long len);
long sys_munlock(unsigned long start, unsigned long len);
long sys_mlockall(int flags);
long sys_munlockall(void);
/* mm/mremap.c: the new address, or -errno */
long do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
	       unsigned long new_len, unsigned long flags,
	       unsigned long new_addr);
long sys_mremap(unsigned long addr, unsigned long old_len,
		unsigned long new_len, unsigned long flags,
		unsigned long new_addr);
/* mm/msync.c */
long sys_msync(unsigned long start, unsigned long len, int flags);

#endif
