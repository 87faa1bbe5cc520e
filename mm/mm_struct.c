// SPDX-License-Identifier: MIT
/*
 * The life of an address space, struct mm_struct (see mm/mmap.h):
 * mm_alloc; seed 004's two counts, mm_users (mmget_not_zero, mmput) and
 * mm_count (mmgrab, mmdrop); dup_mm, fork's copy of every VMA with its
 * PTEs; and exit_mmap, which frees them all when the last user goes.
 * Linux keeps these in kernel/fork.c (exit_mmap in mm/mmap.c); here they
 * stay in mm/, beside the VMAs they copy and free.
 */
#include <asm/irqflags.h>
#include <kernel/err.h>
#include <kernel/fs/vfs.h>
#include <kernel/sched.h>
#include <mm/memory.h>
#include <mm/mmap_lock.h>
#include <mm/mmu_notifier.h>
#include <mm/slab.h>
#include <mm/vma.h>

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	INIT_LIST_HEAD(&mm->mmap);
	mm->mm_rb = RB_ROOT;
	init_rwsem(&mm->mmap_lock);
	mm->page_table_lock = (struct spinlock)SPINLOCK_INIT;
	mm->mm_users = 1;
	mm->mm_count = 1;
	return mm;
}

/*
 * The counts change in process context only, under the kernel lock, but a
 * task can be preempted between reading and writing one: interrupts off
 * makes each step whole.
 */
static int mm_count_add(int *count, int delta)
{
	unsigned long flags = arch_local_irq_save();
	int left = *count += delta;

	arch_local_irq_restore(flags);
	return left;
}

void mmgrab(struct mm_struct *mm)
{
	mm_count_add(&mm->mm_count, 1);
}

void mmdrop(struct mm_struct *mm)
{
	if (mm_count_add(&mm->mm_count, -1))
		return;
	mmu_notifier_mm_destroy(mm);
	kfree(mm);
}

bool mmget_not_zero(struct mm_struct *mm)
{
	unsigned long flags = arch_local_irq_save();
	bool alive = mm->mm_users > 0;

	if (alive)
		mm->mm_users++;
	arch_local_irq_restore(flags);
	return alive;
}

struct mm_struct *get_task_mm(struct task_struct *t)
{
	unsigned long flags = arch_local_irq_save();
	struct mm_struct *mm = t->mm;

	if (mm && (t->kthread || !mmget_not_zero(mm)))
		mm = NULL;
	arch_local_irq_restore(flags);
	return mm;
}

/*
 * fork: the child gets the same VMAs and shares every page; private
 * writable pages become copy-on-write in both (copy_page_range).  The
 * parent's mmap_lock is held for writing, as Linux's dup_mmap holds it:
 * its PTEs are write-protected here, and no sibling thread may change a
 * VMA half-way through the copy.  Nobody knows the child's mm yet.
 */
static int dup_mmap(struct mm_struct *mm, struct mm_struct *old_mm)
{
	struct vm_area_struct *vma;

	list_for_each_entry (vma, &old_mm->mmap, vm_list) {
		struct vm_area_struct *new;
		int err;

		if (vma->vm_flags & VM_DONTCOPY)
			continue;
		/* Memory locks are not inherited (POSIX, Linux). */
		new = insert_vma(mm, vma->vm_start, vma->vm_end,
				 vma->vm_flags & ~VM_LOCKED_MASK);
		if (IS_ERR(new))
			return PTR_ERR(new);
		new->vm_pgoff = vma->vm_pgoff;
		new->vm_ops = vma->vm_ops;
		/* The child's VMA goes on the list with its PTEs, at once. */
		i_mmap_lock_vma(vma);
		if (vma->vm_file) {
			new->vm_file = get_file(vma->vm_file);
			list_add(&new->shared, &vma->shared);
		}
		err = copy_page_range(mm, old_mm, vma);
		i_mmap_unlock_vma(vma);
		if (err)
			return err;
	}
	return 0;
}

struct mm_struct *dup_mm(struct mm_struct *old_mm)
{
	struct mm_struct *mm = mm_alloc();
	int err;

	if (!mm)
		return NULL;
	if (old_mm->exe_file && set_mm_exe_file(mm, old_mm->exe_file)) {
		mmput(mm);
		return NULL;
	}
	mm->start_brk = old_mm->start_brk;
	mm->brk = old_mm->brk;
	mm->stack_start = old_mm->stack_start;
	mmap_write_lock(old_mm);
	err = dup_mmap(mm, old_mm);
	mmap_write_unlock(old_mm);
	if (err) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/*
 * exec maps a program's pages from the page cache, so a write to the file,
 * or a truncation (which unmaps what it cuts off), would change or remove
 * the code of every process running it.  As Linux does, such a file cannot
 * be opened for writing while an address space runs it, and a file open
 * for writing cannot be run: deny_write_access, held until exit_mmap.
 * (A fork's copy takes its own: the parent's hold means it cannot fail.)
 */
int set_mm_exe_file(struct mm_struct *mm, struct file *file)
{
	int err = deny_write_access(file);

	if (err)
		return err;
	mm->exe_file = get_file(file);
	return 0;
}

/*
 * The address space goes (exit, execve): secondary MMUs let go first
 * (seed 004: ->release before the page tables are torn down), then every
 * page and table.  The mm_struct stays while a notifier holds it.
 */
static void exit_mmap(struct mm_struct *mm)
{
	mmu_notifier_release(mm);
	/* Nobody is left to contend: taken so that VMAs change only under it. */
	mmap_write_lock(mm);
	while (!list_empty(&mm->mmap))
		remove_vma(mm,
			   list_first_entry(&mm->mmap, struct vm_area_struct,
					    vm_list));
	pgd_free(mm->pgd);
	mm->pgd = NULL;
	mmap_write_unlock(mm);
	if (mm->exe_file) {
		allow_write_access(mm->exe_file);
		fput(mm->exe_file);
		mm->exe_file = NULL;
	}
}

void mmput(struct mm_struct *mm)
{
	if (mm_count_add(&mm->mm_users, -1))
		return;
	exit_mmap(mm);
	mmdrop(mm);
}
