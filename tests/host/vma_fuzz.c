// SPDX-License-Identifier: MIT
/*
 * vma_fuzz: a seeded random test of an address space's set of VMAs, kept in
 * the red-black tree of kernel/lib/rbtree.c, run on the host under ASan and
 * UBSan (tests/host/fuzz.mk; "make fuzz").
 *
 *	build/host/vma-fuzz [SEED|random [OPS]]
 *
 * SEED defaults to 1 and OPS to 200000; "random" draws a seed and prints
 * it.  A given seed replays exactly.  VMA_FUZZ_VERBOSE=1 in the environment
 * prints every operation.  The result is printed in KTAP and is the exit
 * status: 0 when every check passed, 1 at the first mismatch, which is
 * printed with the seed, the operation's number and the VMAs around it.
 *
 * The first half of this file is a small VMA layer with Linux's names --
 * find_vma, split_vma, vma_merge, do_munmap, mmap_region (MAP_FIXED),
 * do_mprotect -- over the kernel's own red-black tree (kernel/lib/rbtree.c,
 * which is what this fuzzes).  It is a model of mm/vma.c's VMA handling,
 * not mm/vma.c itself, which needs page tables and files the host does
 * not have; its find_vma has Linux's "first VMA ending above addr" meaning,
 * and a failed call here changes nothing.
 * Linux's rules kept here: VMAs never overlap; find_vma(addr) returns the
 * first VMA with vm_end > addr; an operation on part of a VMA splits it;
 * neighbours that continue each other (same flags, pgoff running on) are
 * merged, so the set is always the fewest VMAs that describe the space.
 * One rule made stricter than Linux's: an operation either completes or
 * fails (-ENOMEM, -EINVAL) having changed nothing, because everything that
 * can fail -- allocating VMAs -- happens before any change is made.
 *
 * The second half drives it with random mmap/munmap/mprotect calls, some
 * with bad arguments and some with an allocation made to fail, and after
 * every call compares it with a model too simple to be wrong: an array
 * holding, for each page of a 16 MiB address space, whether it is mapped,
 * its flags and its pgoff.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <kernel/lib/rbtree.h>
#include <pagoda/ktest_filter.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_ALIGN(x) ALIGN(x, PAGE_SIZE)
/* The fuzzed address space: 4096 pages from 0, small enough to model. */
#define NR_PAGES 4096UL
#define TASK_SIZE (NR_PAGES * PAGE_SIZE)

#define VM_READ 0x1UL
#define VM_WRITE 0x2UL
#define VM_EXEC 0x4UL

/* =============================================== the VMA layer under test */

struct vm_area_struct {
	unsigned long vm_start; /* first address */
	unsigned long vm_end;	/* first address after */
	unsigned long vm_flags;
	unsigned long vm_pgoff; /* what vm_start maps, in pages */
	struct rb_node vm_rb;	/* in mm->mm_rb, by address */
};

struct mm_struct {
	struct rb_root mm_rb; /* the VMAs: sorted, never overlapping */
	int map_count;	      /* how many */
};

/*
 * Allocation, with a hook for the driver below: when fail_alloc_in is
 * positive, the allocation that counts it down to 0 fails, as a kmalloc
 * can.  live_vmas catches leaks and double frees early.
 */
static int fail_alloc_in;
static long live_vmas;

static struct vm_area_struct *vm_area_alloc(void)
{
	struct vm_area_struct *vma;

	if (fail_alloc_in > 0 && --fail_alloc_in == 0)
		return NULL;
	vma = calloc(1, sizeof(*vma));
	if (vma)
		live_vmas++;
	return vma;
}

static void vm_area_free(struct vm_area_struct *vma)
{
	live_vmas--;
	free(vma);
}

static struct vm_area_struct *vm_area_dup(const struct vm_area_struct *orig)
{
	struct vm_area_struct *new = vm_area_alloc();

	if (new)
		*new = *orig;
	return new;
}

static struct vm_area_struct *rb_to_vma(struct rb_node *rb)
{
	return rb_entry_safe(rb, struct vm_area_struct, vm_rb);
}

static struct vm_area_struct *vma_next(struct vm_area_struct *vma)
{
	return rb_to_vma(rb_next(&vma->vm_rb));
}

static struct vm_area_struct *vma_prev(struct vm_area_struct *vma)
{
	return rb_to_vma(rb_prev(&vma->vm_rb));
}

static unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/*
 * The first VMA with vm_end > addr -- the one holding addr, or else the
 * next one up -- or NULL.  Linux's semantics: callers that want "holding"
 * check vm_start themselves.  One walk down the tree: O(log n).
 */
static struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *rb = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (rb) {
		struct vm_area_struct *vma = rb_to_vma(rb);

		if (vma->vm_end > addr) {
			found = vma; /* a candidate; a lower one may exist */
			if (vma->vm_start <= addr)
				break;
			rb = rb->rb_left;
		} else {
			rb = rb->rb_right;
		}
	}
	return found;
}

/* Insert vma into the tree; its range must be free. */
static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (vma->vm_end <= rb_to_vma(parent)->vm_start)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	mm->map_count++;
}

static void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	mm->map_count--;
}

/*
 * Cut vma in two at addr, strictly inside it.  The new VMA takes the part
 * below addr if new_below, else the part above; either way the part that
 * moves keeps mapping the same pages, so its vm_pgoff advances by the
 * pages cut off before it.  vma shrinks in place first, which keeps its
 * position in the tree right, and leaves room for the new one.
 */
static int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		     unsigned long addr, int new_below)
{
	struct vm_area_struct *new = vm_area_dup(vma);

	if (!new)
		return -ENOMEM;
	if (new_below) {
		new->vm_end = addr;
		vma->vm_start = addr;
		vma->vm_pgoff += vma_pages(new);
	} else {
		vma->vm_end = addr;
		new->vm_start = addr;
		new->vm_pgoff += vma_pages(vma);
	}
	vma_link(mm, new);
	return 0;
}

/*
 * Can b go on where a ends, as one VMA?  Adjacent, the same rights, and b
 * maps the pages that follow a's.  (mm/vma.c's can_merge is stricter: it
 * merges plain anonymous memory only, never a file's VMAs nor VM_SPECIAL
 * ones; Linux merges a file's too when the file, vm_ops and pgoff run on.)
 */
static bool can_vma_merge(const struct vm_area_struct *a,
			  const struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags &&
	       a->vm_pgoff + vma_pages(a) == b->vm_pgoff;
}

/*
 * Merge vma with the neighbours it can continue; returns the VMA that now
 * covers vma's range (vma itself or its predecessor).  It only frees, so it
 * cannot fail.  Several successors may join at once (mprotect can give a
 * run of VMAs the same flags), but at most one predecessor: below vma the
 * set was already merged.  Linux's vma_merge() does the same job for a
 * range *before* a VMA is made for it, to save an allocation; merging
 * after keeps the allocation ahead of every change, which makes failures
 * clean.
 */
static struct vm_area_struct *vma_merge(struct mm_struct *mm,
					struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma_prev(vma), *next;

	/* Unlink before growing, so that no two linked VMAs overlap. */
	while ((next = vma_next(vma)) && can_vma_merge(vma, next)) {
		vma_unlink(mm, next);
		vma->vm_end = next->vm_end;
		vm_area_free(next);
	}
	if (prev && can_vma_merge(prev, vma)) {
		vma_unlink(mm, vma);
		prev->vm_end = vma->vm_end;
		vm_area_free(vma);
		vma = prev;
	}
	return vma;
}

/*
 * [start, start + len), len rounded up to pages, must be a page-aligned,
 * non-empty range of user addresses: 0 and its end in *end, or -EINVAL.
 */
static int check_range(unsigned long start, size_t len, unsigned long *end)
{
	if (!IS_ALIGNED(start, PAGE_SIZE) || !len || start > TASK_SIZE ||
	    len > TASK_SIZE - start)
		return -EINVAL;
	*end = start + PAGE_ALIGN(len);
	return 0;
}

/*
 * Make start and end VMA boundaries, so that [start, end) is covered by
 * whole VMAs (and holes).  These two splits are the only allocations of
 * munmap and mprotect; should the second fail, the first is merged back,
 * and nothing has changed.
 */
static int split_at_edges(struct mm_struct *mm, unsigned long start,
			  unsigned long end)
{
	struct vm_area_struct *first = find_vma(mm, start), *last;
	bool split_first = false;
	int err;

	if (first && first->vm_start < start) {
		/* first keeps the part below start, last the part above end */
		err = split_vma(mm, first, start, 0);
		if (err)
			return err;
		split_first = true;
	}
	last = find_vma(mm, end - 1);
	if (last && last->vm_start < end && last->vm_end > end) {
		err = split_vma(mm, last, end, 1);
		if (err) {
			if (split_first)
				vma_merge(mm, first);
			return err;
		}
	}
	return 0;
}

/* munmap: remove every mapping in [start, start + len); holes are fine. */
static int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma, *next;
	unsigned long end;
	int err;

	err = check_range(start, len, &end);
	if (err)
		return err;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0; /* nothing mapped there */
	err = split_at_edges(mm, start, end);
	if (err)
		return err;
	/* From here on nothing can fail (mm/mmap.c: zap the pages too). */
	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = next) {
		next = vma_next(vma);
		vma_unlink(mm, vma);
		vm_area_free(vma);
	}
	return 0;
}

/*
 * mmap with MAP_FIXED: map [addr, addr + len) with vm_flags, starting at
 * page pgoff of what is mapped, replacing whatever was there.  The VMA is
 * allocated first, since once the old mappings are gone nothing may fail.
 */
static int mmap_region(struct mm_struct *mm, unsigned long addr, size_t len,
		       unsigned long vm_flags, unsigned long pgoff)
{
	struct vm_area_struct *vma;
	unsigned long end;
	int err;

	err = check_range(addr, len, &end);
	if (err)
		return err;
	vma = vm_area_alloc();
	if (!vma)
		return -ENOMEM;
	err = do_munmap(mm, addr, len);
	if (err) {
		vm_area_free(vma);
		return err;
	}
	vma->vm_start = addr;
	vma->vm_end = end;
	vma->vm_flags = vm_flags;
	vma->vm_pgoff = pgoff;
	vma_link(mm, vma);
	vma_merge(mm, vma);
	return 0;
}

/* Is every page of [start, end) in some VMA? */
static bool range_is_mapped(struct mm_struct *mm, unsigned long start,
			    unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	unsigned long addr = start;

	for (; addr < end; vma = vma_next(vma)) {
		if (!vma || vma->vm_start > addr)
			return false;
		addr = vma->vm_end;
	}
	return true;
}

/*
 * mprotect: give [start, start + len) the flags newflags.  As in Linux, an
 * empty range succeeds and a hole fails with -ENOMEM -- but here before
 * anything changes.  Once the edges are split, every VMA in the range gets
 * the flags; only then are they merged, so each merge sees the final
 * flags: the first VMA with the one below the range, each with the ones
 * after it, the last with the one above the range.  mm/mprotect.c also checks
 * VM_MAY* and write-protects the page tables.
 */
static int do_mprotect(struct mm_struct *mm, unsigned long start, size_t len,
		       unsigned long newflags)
{
	struct vm_area_struct *vma;
	unsigned long end;
	int err;

	if (IS_ALIGNED(start, PAGE_SIZE) && !len)
		return 0;
	err = check_range(start, len, &end);
	if (err)
		return err;
	if (!range_is_mapped(mm, start, end))
		return -ENOMEM;
	err = split_at_edges(mm, start, end);
	if (err)
		return err;
	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = vma_next(vma))
		vma->vm_flags = newflags;
	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = vma_next(vma))
		vma = vma_merge(mm, vma);
	return 0;
}

/* Unmap everything: the end of an address space. */
static void exit_mmap(struct mm_struct *mm)
{
	struct rb_node *rb;

	while ((rb = rb_first(&mm->mm_rb))) {
		struct vm_area_struct *vma = rb_to_vma(rb);

		vma_unlink(mm, vma);
		vm_area_free(vma);
	}
}

/* ====================================================== the random driver */

/* The model: what each page should be. */
struct model_page {
	bool mapped;
	unsigned long flags;
	unsigned long pgoff;
};

static struct model_page model[NR_PAGES];

/* The VMAs in order, as the last check found them (for find_vma's check). */
static struct vm_area_struct *vmas[NR_PAGES];
static unsigned long nr_vmas;

enum op_kind { OP_MMAP, OP_MUNMAP, OP_MPROTECT };

struct op {
	enum op_kind kind;
	unsigned long start;
	size_t len;
	unsigned long flags; /* mmap, mprotect */
	unsigned long pgoff; /* mmap */
	int fail_alloc;	     /* if > 0, make this allocation fail */
};

static unsigned long long seed;
static unsigned long op_nr; /* the operation being checked, from 1 */
static char op_text[128];
static unsigned long op_addr; /* where it acted: the failure dump looks there */
static struct mm_struct *the_mm;
static bool tree_sound; /* passed check_tree(): safe to walk for a dump */

/* splitmix64: a fast, well-mixed sequence from any seed. */
static unsigned long long rng_state;

static unsigned long long rng(void)
{
	unsigned long long z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static unsigned long rnd(unsigned long n)
{
	return rng() % n;
}

/* Would a VMA holding page p also hold page p + 1 (in the model)? */
static bool model_continues(unsigned long p)
{
	return model[p].mapped && model[p + 1].mapped &&
	       model[p].flags == model[p + 1].flags &&
	       model[p].pgoff + 1 == model[p + 1].pgoff;
}

static void dump_mm(unsigned long lo, unsigned long hi);

/* The first mismatch ends the run: report it in KTAP and exit 1. */
static void __noreturn __printf(1, 2) mismatch(const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printf("    # random_ops: seed %llu, operation %lu: %s\n", seed, op_nr,
	       op_text);
	printf("    # random_ops: %s\n", msg);
	dump_mm(op_addr > 16 * PAGE_SIZE ? op_addr - 16 * PAGE_SIZE : 0,
		op_addr + 64 * PAGE_SIZE);
	printf("    not ok 1 random_ops\n");
	printf("not ok 1 vma_fuzz\n");
	exit(1);
}

/*
 * When a sanitizer stops the run (a bad pointer in a broken tree, say), it
 * prints its report on stderr and then, as asked here, aborts; the SIGABRT
 * handler says which operation it was and ends the KTAP.
 */
const char *__asan_default_options(void)
{
	return "abort_on_error=1";
}

const char *__ubsan_default_options(void)
{
	return "abort_on_error=1:print_stacktrace=1";
}

static void sanitizer_died(int sig)
{
	printf("    # random_ops: seed %llu, operation %lu: %s: stopped by "
	       "a sanitizer (report on stderr)\n",
	       seed, op_nr, op_text);
	printf("    not ok 1 random_ops\nnot ok 1 vma_fuzz\n");
	fflush(stdout);
	signal(sig, SIG_DFL);
	raise(sig);
}

static const char *flags_str(unsigned long flags)
{
	static char buf[4][4];
	static int which;
	char *s = buf[which++ % 4];

	s[0] = flags & VM_READ ? 'r' : '-';
	s[1] = flags & VM_WRITE ? 'w' : '-';
	s[2] = flags & VM_EXEC ? 'x' : '-';
	s[3] = '\0';
	return s;
}

/*
 * For a failure report: the VMAs from the one find_vma(lo) gives up to hi
 * (at most 40), then what the model says for [lo, hi), run by run.
 */
static void dump_mm(unsigned long lo, unsigned long hi)
{
	struct vm_area_struct *vma = tree_sound ? find_vma(the_mm, lo) : NULL;
	unsigned long p, run;
	int n = 0;

	printf("    # random_ops: VMAs from %#lx (%d in all)%s:\n", lo,
	       the_mm->map_count, tree_sound ? "" : ", not listed: bad tree");
	for (; vma && vma->vm_start < hi && n < 40; vma = vma_next(vma), n++)
		printf("    #   [%#lx, %#lx) %s pgoff %#lx\n", vma->vm_start,
		       vma->vm_end, flags_str(vma->vm_flags), vma->vm_pgoff);
	printf("    # random_ops: the model from %#lx:\n", lo);
	hi = min(hi, TASK_SIZE);
	for (p = lo >> PAGE_SHIFT; p < hi >> PAGE_SHIFT; p = run) {
		for (run = p + 1; run < NR_PAGES && model_continues(run - 1);)
			run++;
		if (model[p].mapped)
			printf("    #   [%#lx, %#lx) %s pgoff %#lx\n",
			       p << PAGE_SHIFT, run << PAGE_SHIFT,
			       flags_str(model[p].flags), model[p].pgoff);
	}
}

/* ------------------------------------------------------- checking the tree */

/* Black height of the subtree at rb, checking the red-black rules. */
static int check_rb_subtree(struct rb_node *rb, struct rb_node *parent,
			    long *count)
{
	int left, right;

	if (!rb)
		return 1;
	if (++*count > the_mm->map_count)
		mismatch("the tree holds more than map_count = %d VMAs",
			 the_mm->map_count);
	if (rb->rb_parent != parent)
		mismatch("bad parent link at VMA %#lx",
			 rb_to_vma(rb)->vm_start);
	if (rb->rb_color == RB_RED && parent && parent->rb_color == RB_RED)
		mismatch("red-red at VMA %#lx", rb_to_vma(rb)->vm_start);
	left = check_rb_subtree(rb->rb_left, rb, count);
	right = check_rb_subtree(rb->rb_right, rb, count);
	if (left != right)
		mismatch("black heights %d and %d under VMA %#lx", left, right,
			 rb_to_vma(rb)->vm_start);
	return left + (rb->rb_color == RB_BLACK);
}

static void check_tree(void)
{
	struct rb_node *root = the_mm->mm_rb.rb_node;
	long count = 0;

	if (root && root->rb_color != RB_BLACK)
		mismatch("the root is red");
	check_rb_subtree(root, NULL, &count);
	if (count != the_mm->map_count)
		mismatch("the tree holds %ld VMAs, map_count says %d", count,
			 the_mm->map_count);
	if (live_vmas != the_mm->map_count)
		mismatch("%ld VMAs allocated but %d in the tree (leak?)",
			 live_vmas, the_mm->map_count);
}

/* ------------------------------------------------- checking against model */

/*
 * The in-order walk must describe the model exactly, page by page, and
 * with the fewest VMAs: no VMA boundary where the model runs on.
 */
static void check_vmas(void)
{
	struct vm_area_struct *vma, *prev = NULL;
	unsigned long p = 0;

	nr_vmas = 0;
	for (vma = rb_to_vma(rb_first(&the_mm->mm_rb)); vma;
	     prev = vma, vma = vma_next(vma)) {
		unsigned long first = vma->vm_start >> PAGE_SHIFT;
		unsigned long end = vma->vm_end >> PAGE_SHIFT;

		if (!IS_ALIGNED(vma->vm_start | vma->vm_end, PAGE_SIZE) ||
		    vma->vm_start >= vma->vm_end || vma->vm_end > TASK_SIZE)
			mismatch("malformed VMA [%#lx, %#lx)", vma->vm_start,
				 vma->vm_end);
		if (prev && prev->vm_end > vma->vm_start)
			mismatch("VMA [%#lx, %#lx) overlaps or precedes "
				 "[%#lx, %#lx)",
				 vma->vm_start, vma->vm_end, prev->vm_start,
				 prev->vm_end);
		for (; p < first; p++)
			if (model[p].mapped)
				mismatch("page %#lx is mapped but in no VMA",
					 p << PAGE_SHIFT);
		for (; p < end; p++) {
			if (!model[p].mapped)
				mismatch("page %#lx is unmapped but in VMA "
					 "[%#lx, %#lx)",
					 p << PAGE_SHIFT, vma->vm_start,
					 vma->vm_end);
			if (model[p].flags != vma->vm_flags)
				mismatch("page %#lx: flags %s, VMA has %s",
					 p << PAGE_SHIFT,
					 flags_str(model[p].flags),
					 flags_str(vma->vm_flags));
			if (model[p].pgoff != vma->vm_pgoff + (p - first))
				mismatch("page %#lx: pgoff %#lx, VMA gives "
					 "%#lx",
					 p << PAGE_SHIFT, model[p].pgoff,
					 vma->vm_pgoff + (p - first));
		}
		/*
		 * The fewest VMAs?  Where the model runs on past vm_end, the
		 * next VMA (or the gap) fails a check on the next round.
		 */
		if (first > 0 && model_continues(first - 1))
			mismatch("VMA at %#lx should have merged with the one "
				 "below",
				 vma->vm_start);
		vmas[nr_vmas++] = vma;
	}
	for (; p < NR_PAGES; p++)
		if (model[p].mapped)
			mismatch("page %#lx is mapped but in no VMA",
				 p << PAGE_SHIFT);
}

/* find_vma by binary search of the walk: the first VMA with vm_end > addr. */
static struct vm_area_struct *expected_find_vma(unsigned long addr)
{
	unsigned long lo = 0, hi = nr_vmas;

	while (lo < hi) {
		unsigned long mid = lo + (hi - lo) / 2;

		if (vmas[mid]->vm_end > addr)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo < nr_vmas ? vmas[lo] : NULL;
}

static void check_find_vma_at(unsigned long addr)
{
	struct vm_area_struct *got = find_vma(the_mm, addr);
	struct vm_area_struct *want = expected_find_vma(addr);

	if (got != want)
		mismatch("find_vma(%#lx) gave %#lx, expected %#lx", addr,
			 got ? got->vm_start : 0, want ? want->vm_start : 0);
}

/* Random addresses, the edges of a random VMA, and the very top. */
static void check_find_vma(void)
{
	for (int i = 0; i < 4; i++)
		check_find_vma_at(rnd(TASK_SIZE + 4 * PAGE_SIZE));
	check_find_vma_at(~0UL);
	if (nr_vmas) {
		struct vm_area_struct *vma = vmas[rnd(nr_vmas)];

		check_find_vma_at(vma->vm_start);
		check_find_vma_at(vma->vm_end - 1);
		check_find_vma_at(vma->vm_end);
		if (vma->vm_start)
			check_find_vma_at(vma->vm_start - 1);
	}
}

/* ---------------------------------------------------- the model's answers */

/* The model's result for op, changing the model only on success. */
static int model_apply(const struct op *op)
{
	unsigned long end, first, last;

	if (op->kind == OP_MPROTECT && IS_ALIGNED(op->start, PAGE_SIZE) &&
	    !op->len)
		return 0;
	if (op->start % PAGE_SIZE || !op->len || op->start > TASK_SIZE ||
	    op->len > TASK_SIZE - op->start)
		return -EINVAL;
	end = op->start + PAGE_ALIGN(op->len);
	first = op->start >> PAGE_SHIFT;
	last = end >> PAGE_SHIFT;
	if (op->kind == OP_MPROTECT) {
		for (unsigned long p = first; p < last; p++)
			if (!model[p].mapped)
				return -ENOMEM;
	}
	for (unsigned long p = first; p < last; p++) {
		switch (op->kind) {
		case OP_MMAP:
			model[p].mapped = true;
			model[p].flags = op->flags;
			model[p].pgoff = op->pgoff + (p - first);
			break;
		case OP_MUNMAP:
			model[p].mapped = false;
			break;
		case OP_MPROTECT:
			model[p].flags = op->flags;
			break;
		}
	}
	return 0;
}

/* ------------------------------------------------------ random operations */

static const unsigned long some_flags[] = {
	VM_READ, VM_READ | VM_WRITE, VM_READ | VM_EXEC,
	0, /* PROT_NONE: still a mapping */
};

/* Mostly a few pages, sometimes dozens, now and then a big stretch. */
static unsigned long random_pages(void)
{
	unsigned long r = rnd(100);

	if (r < 70)
		return 1 + rnd(8);
	if (r < 95)
		return 1 + rnd(64);
	return 1 + rnd(1024);
}

static void random_op(struct op *op)
{
	unsigned long r = rnd(100), pages;

	op->kind = r < 40 ? OP_MMAP : r < 65 ? OP_MUNMAP : OP_MPROTECT;
	if (nr_vmas && rnd(2)) { /* half the time, start inside a VMA */
		struct vm_area_struct *vma = vmas[rnd(nr_vmas)];

		op->start = vma->vm_start + (rnd(vma_pages(vma)) << PAGE_SHIFT);
	} else {
		op->start = rnd(NR_PAGES) << PAGE_SHIFT;
	}
	pages = random_pages();
	if (pages > NR_PAGES - (op->start >> PAGE_SHIFT))
		pages = NR_PAGES - (op->start >> PAGE_SHIFT);
	op->len = pages << PAGE_SHIFT;
	if (rnd(4) == 0) /* lengths round up to whole pages */
		op->len -= rnd(PAGE_SIZE);
	op->flags = some_flags[rnd(ARRAY_SIZE(some_flags))];
	/* Anonymous memory maps pgoff = address: neighbours may merge. */
	op->pgoff = rnd(4) ? op->start >> PAGE_SHIFT : rnd(4 * NR_PAGES);
	op->fail_alloc = rnd(10) == 0 ? 1 + rnd(3) : 0;

	switch (rnd(50)) { /* 2 in 50: bad arguments */
	case 0:
		op->start += 1 + rnd(PAGE_SIZE - 1);
		break;
	case 1:
		op->len = rnd(3) ? 0 : TASK_SIZE - op->start + 1 + rnd(99);
		break;
	}
}

static void describe(const struct op *op)
{
	static const char *const names[] = { "mmap", "munmap", "mprotect" };
	int n;

	n = snprintf(op_text, sizeof(op_text), "%s(%#lx, %#zx", names[op->kind],
		     op->start, op->len);
	if (op->kind != OP_MUNMAP)
		n += snprintf(op_text + n, sizeof(op_text) - n, ", %s",
			      flags_str(op->flags));
	if (op->kind == OP_MMAP)
		n += snprintf(op_text + n, sizeof(op_text) - n, ", pgoff %#lx",
			      op->pgoff);
	snprintf(op_text + n, sizeof(op_text) - n, ")%s",
		 op->fail_alloc ? " with an allocation failing" : "");
}

static int run_op(const struct op *op)
{
	switch (op->kind) {
	case OP_MMAP:
		return mmap_region(the_mm, op->start, op->len, op->flags,
				   op->pgoff);
	case OP_MUNMAP:
		return do_munmap(the_mm, op->start, op->len);
	default:
		return do_mprotect(the_mm, op->start, op->len, op->flags);
	}
}

struct stats {
	unsigned long calls[3], done[3]; /* per kind: made, succeeded */
	unsigned long failed_allocs;
	int max_vmas;
};

/*
 * One operation and every check.  With an allocation made to fail, the
 * call must either not have needed it (and give the model's answer) or
 * fail with -ENOMEM and change nothing.
 */
static void step(struct stats *st, bool verbose)
{
	struct op op;
	int got, want;
	bool injected;

	random_op(&op);
	describe(&op);
	op_addr = op.start;
	if (verbose)
		printf("    # %lu: %s\n", op_nr, op_text);
	fail_alloc_in = op.fail_alloc;
	tree_sound = false;
	got = run_op(&op);
	injected = op.fail_alloc && fail_alloc_in == 0;
	fail_alloc_in = 0;
	check_tree();
	tree_sound = true;

	if (injected) {
		st->failed_allocs++;
		if (got != -ENOMEM)
			mismatch("an allocation failed, but the call returned "
				 "%d, not -ENOMEM",
				 got);
	} else {
		want = model_apply(&op);
		if (got != want)
			mismatch("returned %d, expected %d", got, want);
	}
	st->calls[op.kind]++;
	st->done[op.kind] += got == 0;
	check_vmas();
	check_find_vma();
	if (the_mm->map_count > st->max_vmas)
		st->max_vmas = the_mm->map_count;
}

static unsigned long long random_seed(void)
{
	unsigned long long s = 0;
	FILE *f = fopen("/dev/urandom", "rb");

	if (!f || fread(&s, sizeof(s), 1, f) != 1)
		s = (unsigned long long)time(NULL);
	if (f)
		fclose(f);
	return s % 1000000000; /* short enough to type back */
}

/*
 * The test selection ($KTEST_FILTER, $KTEST_LIST: see tests/host/main.c):
 * false, with the KTAP said, if the fuzzer is not to run.
 */
static bool selected(void)
{
	const char *filter = getenv("KTEST_FILTER");

	if (filter && *filter &&
	    !ktest_filter_match(filter, "vma_fuzz", "random_ops", 0)) {
		printf("KTAP version 1\n1..0\n");
		return false;
	}
	if (getenv("KTEST_LIST")) {
		printf("KTAP version 1\n1..1\n    KTAP version 1\n"
		       "    # Subtest: vma_fuzz\n    1..1\n"
		       "    ok 1 random_ops # SKIP listed\nok 1 vma_fuzz\n");
		return false;
	}
	return true;
}

int main(int argc, char **argv)
{
	unsigned long nr_ops = argc > 2 ? strtoul(argv[2], NULL, 0) : 200000;
	bool verbose = getenv("VMA_FUZZ_VERBOSE") != NULL;
	struct mm_struct mm = { .mm_rb = RB_ROOT };
	struct stats st = { .max_vmas = 0 };
	clock_t t0 = clock();

	if (!selected())
		return 0;
	if (argc > 1 && !strcmp(argv[1], "random"))
		seed = random_seed();
	else
		seed = argc > 1 ? strtoull(argv[1], NULL, 0) : 1;
	rng_state = seed;
	the_mm = &mm;
	signal(SIGABRT, sanitizer_died);

	printf("KTAP version 1\n1..1\n");
	printf("    KTAP version 1\n    # Subtest: vma_fuzz\n    1..1\n");
	printf("    # random_ops: seed %llu (replay: vma-fuzz %llu %lu)\n",
	       seed, seed, nr_ops);
	fflush(stdout);
	for (op_nr = 1; op_nr <= nr_ops; op_nr++)
		step(&st, verbose);

	snprintf(op_text, sizeof(op_text), "exit_mmap");
	tree_sound = false;
	exit_mmap(&mm);
	if (live_vmas || mm.map_count || !RB_EMPTY_ROOT(&mm.mm_rb))
		mismatch("%ld VMAs left after exit_mmap", live_vmas);

	printf("    # random_ops: %lu operations in %.1f s, up to %d VMAs; "
	       "%lu allocations failed on purpose\n",
	       nr_ops, (double)(clock() - t0) / CLOCKS_PER_SEC, st.max_vmas,
	       st.failed_allocs);
	printf("    # random_ops: succeeded: mmap %lu of %lu, munmap %lu of "
	       "%lu, mprotect %lu of %lu\n",
	       st.done[OP_MMAP], st.calls[OP_MMAP], st.done[OP_MUNMAP],
	       st.calls[OP_MUNMAP], st.done[OP_MPROTECT],
	       st.calls[OP_MPROTECT]);
	printf("    ok 1 random_ops\nok 1 vma_fuzz\n");
	return 0;
}
