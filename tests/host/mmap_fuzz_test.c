// SPDX-License-Identifier: MIT
/*
 * Random mmap/munmap/mprotect/madvise/mremap/fork/touch sequences on a
 * real address space (mm/vma.c, mm/mmap.c, mm/mprotect.c, mm/madvise.c,
 * mm/mremap.c,
 * mm/memory.c, mm/filemap_mmap.c, mm/truncate.c and x86_64's page tables,
 * built for the host under ASan/UBSan), with
 * private and shared anonymous memory and private and shared mappings of a
 * file in a stand-in page cache, which is written, grown and truncated
 * too.  After every step the address space is checked against a model: one
 * entry per page of a small window saying what maps it, with which rights,
 * and what its first byte must read; every few steps vm_audit checks the
 * page counts against the page tables.  Deterministic for its seed; a
 * failure names the step.
 *
 * A secondary MMU follows the address space throughout: the mirror device
 * (kernel/drivers/hmm_dmirror.c, software DMA engine) reads and writes
 * random ranges, its results checked against the model, and after every
 * step each entry of its table must map the frame the CPU's PTE maps
 * there now, writable only if the PTE is -- or be absent.
 *
 * Reclaim now: MADV_PAGEOUT sends random ranges to a swap area (on the
 * host's disk in memory, tests/host/vm_host.c); a swapped page's byte is
 * read from the swap cache or the disk for the check, and the next touch,
 * fork, munmap or MADV_DONTNEED meets its swap entry.
 */
#include <kernel/drivers/hmm_dmirror.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/ktest.h>
#include <mm/filemap.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/swap.h>
#include <mm/testing.h>
#include <mm/vm_audit.h>
#include <pagoda/abi.h>

#define BASE 0x40000000UL
#define PAGES 256
#define FILE_PAGES 32
#define STEPS 60000
#define AUDIT_EVERY 500

enum kind { UNMAPPED, ANON, ANON_SHARED, FILE_PRIVATE, FILE_SHARED };

struct model_page {
	enum kind kind;
	unsigned long prot;  /* PROT_* */
	unsigned long pgoff; /* file pages: the page of the file */
	bool cowed;	     /* FILE_PRIVATE: holds a copy of its own */
	unsigned char byte;  /* ANON, ANON_SHARED, cowed FILE_PRIVATE */
};

static struct model_page model[PAGES];
static unsigned char file_byte[FILE_PAGES]; /* each file page's first byte */
static unsigned long file_pages;	    /* the file's size, in pages */
static unsigned long rng = 1;
static struct dmirror *dm;
static unsigned char dev_buf[16 * PAGE_SIZE]; /* a device request's data */

static const struct file_operations host_fops;
static struct inode host_inode = { .i_mode = S_IFREG | 0644 };
static struct file host_file = {
	.f_inode = &host_inode,
	.f_mapping = &host_inode.i_data,
	.f_op = &host_fops,
	.f_mode = FMODE_READ | FMODE_WRITE,
	.f_count = 1,
};

static unsigned long rnd(unsigned long n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (rng >> 33) % n;
}

static unsigned long addr_of(unsigned long page)
{
	return BASE + page * PAGE_SIZE;
}

static bool is_file(const struct model_page *m)
{
	return m->kind == FILE_PRIVATE || m->kind == FILE_SHARED;
}

/* Past the end of the file, with no copy of its own: a fault is SIGBUS. */
static bool past_eof(const struct model_page *m)
{
	return is_file(m) && !m->cowed && m->pgoff >= file_pages;
}

/* What page i's first byte must read (if it can be read). */
static unsigned char expected(const struct model_page *m)
{
	return is_file(m) && !m->cowed ? file_byte[m->pgoff] : m->byte;
}

/* The first byte of the page swapped out at addr, if it is. */
static bool swapped_byte(struct mm_struct *mm, unsigned long addr,
			 unsigned char *byte)
{
	pte_t *pte = follow_pte(mm, addr);
	swp_entry_t entry;
	struct page *page;

	if (!pte || !is_swap_pte(*pte))
		return false;
	entry = pte_to_swp_entry(*pte);
	page = lookup_swap_cache(entry);
	if (!page) {
		page = alloc_page();
		if (!page || swap_readpage(page, entry))
			__builtin_trap(); /* the host's disk never fails unasked */
	}
	*byte = *(unsigned char *)page_address(page);
	put_page(page);
	return true;
}

static bool check(struct ktest *t, struct mm_struct *mm, int step)
{
	struct vm_area_struct *vma, *prev = NULL;

	list_for_each_entry (vma, &mm->mmap, vm_list) {
		if (vma->vm_start >= vma->vm_end ||
		    (prev && prev->vm_end > vma->vm_start) ||
		    (prev && prev->vm_end == vma->vm_start &&
		     prev->vm_flags == vma->vm_flags && !prev->vm_file &&
		     !vma->vm_file)) {
			ktest_fail(t, __FILE__, __LINE__,
				   "step %d: VMAs [%#lx, %#lx) %#lx and [%#lx, "
				   "%#lx) %#lx: overlapping or unmerged",
				   step, prev ? prev->vm_start : 0,
				   prev ? prev->vm_end : 0,
				   prev ? prev->vm_flags : 0, vma->vm_start,
				   vma->vm_end, vma->vm_flags);
			return false;
		}
		prev = vma;
	}
	for (unsigned long i = 0; i < PAGES; i++) {
		struct model_page *m = &model[i];
		struct vm_area_struct *v = find_vma(mm, addr_of(i));
		struct page *p = follow_page(mm, addr_of(i));
		bool ok = m->kind == UNMAPPED;
		unsigned char byte;

		if (m->kind != UNMAPPED && v)
			ok = (v->vm_flags & 7) == m->prot &&
			     !(v->vm_flags & VM_SHARED) ==
				     (m->kind == ANON ||
				      m->kind == FILE_PRIVATE) &&
			     (!is_file(m) ||
			      v->vm_pgoff + ((addr_of(i) - v->vm_start) >>
					     PAGE_SHIFT) ==
				      m->pgoff);
		else if (v)
			ok = false;
		/* A mapped page reads as the model says; none past EOF. */
		if (ok && p)
			ok = !past_eof(m) &&
			     *(unsigned char *)page_address(p) == expected(m);
		else if (ok && swapped_byte(mm, addr_of(i), &byte))
			ok = byte == expected(m);
		else if (ok && !is_file(m) && m->kind != UNMAPPED)
			ok = m->byte == 0; /* untouched, or the zero page */
		if (!ok) {
			ktest_fail(
				t, __FILE__, __LINE__,
				"step %d: page %lu (kind %d, prot %lu, pgoff "
				"%lu) disagrees with the model",
				step, i, m->kind, m->prot, m->pgoff);
			return false;
		}
	}
	return true;
}

/* The device's view equals the CPU's, or is absent. */
static bool check_device(struct ktest *t, struct mm_struct *mm, int step)
{
	for (unsigned long i = 0; i < PAGES; i++) {
		u64 e = dmirror_entry(dm, addr_of(i));
		pte_t *pte;

		if (!(e & DPT_VALID))
			continue;
		pte = follow_pte(mm, addr_of(i));
		if (!pte || !pte_present(*pte) ||
		    pte_pfn(*pte) != e >> PAGE_SHIFT ||
		    ((e & DPT_WRITE) && !pte_write(*pte))) {
			ktest_fail(t, __FILE__, __LINE__,
				   "step %d: device entry %#llx for page %lu, "
				   "CPU PTE %#lx",
				   step, (unsigned long long)e, i,
				   pte ? (unsigned long)*pte : 0);
			return false;
		}
	}
	return true;
}

static bool audit(struct ktest *t, struct mm_struct *mm, int step)
{
	struct vm_audit a;
	unsigned long problems;

	if (vm_audit_begin(&a))
		return true; /* no room for the count array: not this time */
	vm_audit_mm(&a, mm);
	problems = vm_audit_end(&a);
	if (problems)
		ktest_fail(t, __FILE__, __LINE__,
			   "step %d: vm_audit found %lu problems", step,
			   problems);
	return !problems;
}

static bool all_mapped(unsigned long first, unsigned long n)
{
	for (unsigned long i = first; i < first + n; i++)
		if (model[i].kind == UNMAPPED)
			return false;
	return true;
}

static void model_set(unsigned long first, unsigned long n, enum kind kind,
		      unsigned long prot, unsigned long pgoff)
{
	for (unsigned long i = first; i < first + n; i++)
		model[i] = (struct model_page){
			.kind = kind,
			.prot = prot,
			.pgoff = pgoff + (i - first),
		};
}

/* A new mapping of one of the four kinds, MAP_FIXED over the window. */
static void do_map(struct ktest *t, struct mm_struct *mm, unsigned long first,
		   unsigned long n, unsigned long prot)
{
	enum kind kind = 1 + rnd(4);
	bool file = kind == FILE_PRIVATE || kind == FILE_SHARED;
	unsigned long pgoff = file ? rnd(FILE_PAGES - n + 1) : 0;
	unsigned long type = kind == ANON_SHARED || kind == FILE_SHARED
				     ? MAP_SHARED
				     : MAP_PRIVATE;
	long r = do_mmap(mm, addr_of(first), n * PAGE_SIZE, prot,
			 type | MAP_FIXED | (file ? 0 : MAP_ANONYMOUS),
			 file ? &host_file : NULL, pgoff);

	KTEST_EXPECT_EQ(t, r, (long)addr_of(first));
	model_set(first, n, kind, prot, pgoff);
}

/* Touch a page as the program would; the fault must agree with the model. */
static bool touch(struct ktest *t, struct mm_struct *mm, unsigned long i,
		  int step)
{
	struct model_page *m = &model[i];
	bool write = rnd(2);
	bool allowed = write ? m->prot & PROT_WRITE : m->prot != 0;
	int want = m->kind == UNMAPPED || !allowed ? VM_FAULT_SIGSEGV
		   : past_eof(m)		   ? VM_FAULT_SIGBUS
						   : 0;
	int fault =
		handle_mm_fault(mm, addr_of(i), write ? FAULT_FLAG_WRITE : 0);
	unsigned char *p;

	if (fault != want) {
		ktest_fail(t, __FILE__, __LINE__,
			   "step %d: fault %d on page %lu, model %d", step,
			   fault, i, want);
		return false;
	}
	if (fault || !write)
		return true;
	p = page_address(follow_page(mm, addr_of(i)));
	*p = 1 + rnd(255);
	if (m->kind == FILE_SHARED) {
		file_byte[m->pgoff] = *p;
	} else {
		m->byte = *p;
		m->cowed = m->kind == FILE_PRIVATE;
	}
	return true;
}

static int dev_to(struct dmirror_xfer *x, unsigned long offset, const void *src,
		  size_t size)
{
	memcpy(dev_buf + offset, src, size);
	return 0;
}

static int dev_from(struct dmirror_xfer *x, unsigned long offset, void *dst,
		    size_t size)
{
	memcpy(dst, dev_buf + offset, size);
	return 0;
}

/* What a device access to page i must answer (Linux's rules). */
static int device_errno(const struct model_page *m, bool write)
{
	if (m->kind == UNMAPPED || !(m->prot & PROT_READ))
		return -EFAULT;
	if (write && !(m->prot & PROT_WRITE))
		return -EPERM; /* before any fault, as Linux's hmm_vma_fault */
	return past_eof(m) ? -EFAULT : 0;
}

/*
 * The device reads or writes pages [first, first + n): it stops at the
 * first page it may not reach, with that page's errno; what it read is
 * what the CPU would read, and what it wrote the CPU now reads.
 */
static bool device_access(struct ktest *t, unsigned long first, unsigned long n,
			  int step)
{
	bool write = rnd(2);
	struct hmm_dmirror_cmd cmd = { .addr = addr_of(first), .npages = n };
	struct dmirror_xfer x = { .cmd = &cmd,
				  .buf = dev_buf,
				  .to_caller = dev_to,
				  .from_caller = dev_from };
	unsigned long bad = 0;
	int want = 0, err;

	while (bad < n && !(want = device_errno(&model[first + bad], write)))
		bad++;
	for (unsigned long j = 0; write && j < n; j++)
		dev_buf[j * PAGE_SIZE] = 1 + rnd(255);
	err = write ? dmirror_write(dm, &x) : dmirror_read(dm, &x);
	/*
	 * A write faults the whole range in for writing before it fails at
	 * page bad: private file pages up to there have their copies now,
	 * whether or not the device wrote them.
	 */
	for (unsigned long j = 0; write && j < bad; j++) {
		struct model_page *m = &model[first + j];

		if (m->kind == FILE_PRIVATE && !m->cowed) {
			m->byte = expected(m);
			m->cowed = true;
		}
	}
	for (unsigned long j = 0; j < cmd.cpages && j < n; j++) {
		struct model_page *m = &model[first + j];
		unsigned char b = dev_buf[j * PAGE_SIZE];

		if (!write && b != expected(m))
			err = 1;
		else if (write && m->kind == FILE_SHARED)
			file_byte[m->pgoff] = b;
		else if (write)
			*m = (struct model_page){ m->kind, m->prot, m->pgoff,
						  m->kind == FILE_PRIVATE, b };
	}
	if (err != want || cmd.cpages > bad || (!want && cmd.cpages != n)) {
		ktest_fail(t, __FILE__, __LINE__,
			   "step %d: device %s of pages %lu+%lu: %d, %llu "
			   "pages; model %d at page %lu",
			   step, write ? "write" : "read", first, n, err,
			   cmd.cpages, want, bad);
		return false;
	}
	return true;
}

/* fork, write in the child: only shared pages change for the parent. */
static void fork_and_write(struct mm_struct *mm)
{
	struct mm_struct *child = dup_mm(mm);

	if (!child)
		return;
	for (unsigned long i = 0; i < PAGES; i++) {
		struct model_page *m = &model[i];

		if (m->kind == UNMAPPED || !(m->prot & PROT_WRITE) ||
		    handle_mm_fault(child, addr_of(i), FAULT_FLAG_WRITE))
			continue;
		*(unsigned char *)page_address(follow_page(child, addr_of(i))) =
			0xee;
		if (m->kind == ANON_SHARED)
			m->byte = 0xee;
		else if (m->kind == FILE_SHARED)
			file_byte[m->pgoff] = 0xee;
	}
	mmput(child);
}

/* MADV_DONTNEED: private pages start again; shared ones keep their data. */
static void dontneed(struct ktest *t, struct mm_struct *mm, unsigned long first,
		     unsigned long n)
{
	int r = do_madvise(mm, addr_of(first), n * PAGE_SIZE, MADV_DONTNEED);

	KTEST_EXPECT_EQ(t, r, all_mapped(first, n) ? 0 : -ENOMEM);
	for (unsigned long i = first; !r && i < first + n; i++) {
		if (model[i].kind == ANON)
			model[i].byte = 0;
		model[i].cowed = false;
	}
}

/*
 * mremap: shrink in place, or move (MREMAP_FIXED) to another part of the
 * window, growing or shrinking on the way.  Whether the range lies in one
 * VMA (else EFAULT) is asked of the kernel; what the pages read after the
 * move, and that the mirror lost the old addresses, the checks say.
 */
static void remap(struct ktest *t, struct mm_struct *mm, unsigned long first,
		  unsigned long n)
{
	unsigned long to = rnd(PAGES), m = 1 + rnd(min(16UL, PAGES - to));
	struct vm_area_struct *vma = find_vma(mm, addr_of(first));
	bool one_vma = vma && addr_of(first + n) <= vma->vm_end;
	struct model_page moved[16];
	long r;

	if (rnd(4) == 0) { /* shrink in place */
		m = 1 + rnd(n);
		r = do_mremap(mm, addr_of(first), n * PAGE_SIZE, m * PAGE_SIZE,
			      0, 0);
		KTEST_EXPECT_EQ(t, r, one_vma ? (long)addr_of(first) : -EFAULT);
		if (one_vma)
			model_set(first + m, n - m, UNMAPPED, 0, 0);
		return;
	}
	if (to < first + n && first < to + m)
		return; /* overlapping: EINVAL, bad_requests' business */
	r = do_mremap(mm, addr_of(first), n * PAGE_SIZE, m * PAGE_SIZE,
		      MREMAP_MAYMOVE | MREMAP_FIXED, addr_of(to));
	KTEST_EXPECT_EQ(t, r, one_vma ? (long)addr_of(to) : -EFAULT);
	if (!one_vma)
		return;
	for (unsigned long i = 0; i < m; i++) {
		moved[i] = model[first + min(i, n - 1)];
		if (i >= n) /* grown: fresh pages of the same VMA */
			moved[i] = (struct model_page){
				moved[i].kind, moved[i].prot,
				moved[i].pgoff + i - (n - 1), false, 0
			};
	}
	model_set(first, n, UNMAPPED, 0, 0);
	memcpy(&model[to], moved, m * sizeof(moved[0]));
}

/* Reclaim now: the model does not change, whatever went to swap. */
static void pageout(struct ktest *t, struct mm_struct *mm, unsigned long first,
		    unsigned long n)
{
	int r = do_madvise(mm, addr_of(first), n * PAGE_SIZE, MADV_PAGEOUT);

	KTEST_EXPECT_EQ(t, r, all_mapped(first, n) ? 0 : -ENOMEM);
}

/*
 * A swap area of 1023 slots for the reclaim steps, as mkswap would write
 * its header; the host's disk stands behind it (tests/host/vm_host.c).
 */
static char host_swap_disk_id;
#define HOST_SWAP_DISK ((struct gendisk *)&host_swap_disk_id)

/* write(2) one byte at the start of a file page, growing the file. */
static void file_write(unsigned long pgoff)
{
	struct page *page = find_or_create_page(&host_inode.i_data, pgoff);

	if (!page)
		return;
	file_byte[pgoff] = 1 + rnd(255);
	*(unsigned char *)page_address(page) = file_byte[pgoff];
	put_page(page);
	if (pgoff >= file_pages) {
		file_pages = pgoff + 1;
		host_inode.i_size = file_pages * PAGE_SIZE;
	}
}

/* ftruncate to whole pages: what is cut off leaves every mapping. */
static void file_truncate(unsigned long pages)
{
	host_inode.i_size = pages * PAGE_SIZE;
	truncate_pagecache(&host_inode, host_inode.i_size);
	for (unsigned long p = pages; p < FILE_PAGES; p++)
		file_byte[p] = 0;
	for (unsigned long i = 0; i < PAGES; i++)
		if (is_file(&model[i]) && model[i].pgoff >= pages)
			model[i].cowed = false; /* even private copies go */
	file_pages = pages;
}

/* The software engine, registered once for the whole program. */
static struct dma_engine *soft_engine(void)
{
	if (!dma_get_engine("soft"))
		dma_soft_init();
	return dma_get_engine("soft");
}

static void random_operations(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();

	struct vm_event_counts before = vm_events;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_TRUE(t, test_swap_area_add(HOST_SWAP_DISK, 1024, 0) >= 0);
	dm = dmirror_create(mm, soft_engine());
	KTEST_ASSERT_TRUE(t, !IS_ERR(dm));
	mm->stack_start = BASE + 2 * PAGES * PAGE_SIZE;
	memset(model, 0, sizeof(model));
	memset(file_byte, 0, sizeof(file_byte));
	address_space_init(&host_inode.i_data, &host_inode);
	host_inode.i_size = 0;
	file_pages = 0;
	for (int step = 0; step < STEPS; step++) {
		unsigned long first = rnd(PAGES),
			      n = 1 + rnd(min(16UL, PAGES - first));
		unsigned long prot = rnd(8), op = rnd(100);

		if (op < 20) {
			do_map(t, mm, first, n, prot);
		} else if (op < 30) {
			KTEST_ASSERT_EQ(
				t, do_munmap(mm, addr_of(first), n * PAGE_SIZE),
				0);
			model_set(first, n, UNMAPPED, 0, 0);
		} else if (op < 45) {
			bool mapped = all_mapped(first, n);
			long r = do_mprotect(mm, addr_of(first), n * PAGE_SIZE,
					     prot);

			KTEST_ASSERT_EQ(t, r, mapped ? 0 : -ENOMEM);
			for (unsigned long i = first; mapped && i < first + n;
			     i++)
				model[i].prot = prot;
		} else if (op < 48) {
			dontneed(t, mm, first, n);
		} else if (op < 50) {
			fork_and_write(mm);
		} else if (op < 54) {
			file_write(rnd(FILE_PAGES));
		} else if (op < 55) {
			file_truncate(rnd(FILE_PAGES + 1));
		} else if (op < 58) {
			pageout(t, mm, first, n);
		} else if (op < 62) {
			remap(t, mm, first, n);
		} else if (op < 70) {
			if (!device_access(t, first, n, step))
				break;
		} else if (!touch(t, mm, first, step)) {
			break;
		}
		if (!check(t, mm, step) || !check_device(t, mm, step) ||
		    (step % AUDIT_EVERY == 0 && !audit(t, mm, step)))
			break;
	}
	KTEST_EXPECT_TRUE(t, audit(t, mm, STEPS));
	dmirror_destroy(dm);
	mmput(mm);
	KTEST_EXPECT_EQ(t, swap_area_remove(HOST_SWAP_DISK), 0);
	/* Pages did go out, and came back by faults (not only by reads). */
	KTEST_EXPECT_GT(t, vm_events.pswpout, before.pswpout);
	KTEST_EXPECT_GT(t, vm_events.pgmajfault, before.pgmajfault);
	truncate_inode_pages(&host_inode.i_data, 0);
	KTEST_EXPECT_EQ(t, host_file.f_count, 1);
}

KTEST_SUITE(mmap_fuzz, KTEST_CASE(random_operations));
