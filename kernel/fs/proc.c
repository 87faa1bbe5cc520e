// SPDX-License-Identifier: MIT
/*
 * /proc: the VM's figures and knobs where Linux users look for them.
 *
 *   /proc/meminfo                    MemTotal, MemFree, Cached, SwapCached,
 *                                    SwapTotal, SwapFree (Linux's fields)
 *   /proc/swaps                      the swap areas (swapon), as Linux lists them
 *   /proc/mounts                     the mounted file systems: the one ramfs
 *   /proc/vmstat                     event counts: Linux's names (pgfault,
 *                                    pgmajfault, nr_free_pages ...), then
 *                                    Pagoda's own (fault_around_pages ...)
 *   /proc/sys/vm/fault_around_bytes  fault-around's window (seed 002), read
 *                                    and written as a decimal number
 *   /proc/sys/vm/max_map_count       the most VMAs a process may have
 *   /proc/<pid>/maps                 a process's VMAs in Linux's format
 *   /proc/self                       the reader's own /proc/<pid>
 *
 * The fixed files are ordinary ramfs nodes made at boot whose file
 * operations produce their text at each read (Linux's seq_file, reduced:
 * the whole text is made, then the part at the file position is copied
 * out).  The per-process directories are not in the tree: a lookup in
 * /proc that finds no fixed entry asks proc_root_lookup, which makes a
 * directory inode for a live pid (or "self") on the spot; readdir lists
 * the live pids after the fixed entries.  Nothing is stored per process,
 * so there is nothing to clean up when one exits: a read of the maps of a
 * process that has gone returns ESRCH.
 *
 * A text is made with interrupts off under the kernel lock; a process's
 * maps under its mmap_lock too, held for reading (its VMAs cannot change
 * meanwhile, mm/mmap_lock.h), which may sleep until a writer is done.
 */
#include <asm/irqflags.h>
#include <kernel/drivers/blkdev.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/filemap.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/mmap_lock.h>
#include <mm/swap.h>
#include <mm/slab.h>

/* A text being made: Linux's struct seq_file, reduced to its buffer. */
struct seq_file {
	char *buf;
	size_t size, count;
};

static __printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(m->buf + m->count, m->size - m->count, fmt, ap);
	va_end(ap);
	m->count = min(m->count + n, m->size - 1);
}

/* Pad with spaces to column col (Linux's seq_pad). */
static void seq_pad(struct seq_file *m, size_t line_start, size_t col)
{
	while (m->count - line_start < col && m->count + 1 < m->size)
		m->buf[m->count++] = ' ';
	m->buf[m->count] = '\0';
}

/*
 * Make the text with show (-errno if it cannot), then copy what lies at
 * the file position out.  size bounds the text.
 */
static long proc_read(struct kiocb *iocb, struct iov_iter *to, size_t size,
		      int (*show)(struct seq_file *m, void *arg), void *arg)
{
	struct seq_file m = { .buf = kmalloc(size), .size = size };
	unsigned long flags;
	size_t n = 0;
	int err;

	if (!m.buf)
		return -ENOMEM;
	m.buf[0] = '\0';
	flags = arch_local_irq_save();
	err = show(&m, arg);
	arch_local_irq_restore(flags);
	if (!err && iocb->ki_pos < (loff_t)m.count) {
		n = copy_to_iter(m.buf + iocb->ki_pos, m.count - iocb->ki_pos,
				 to);
		iocb->ki_pos += n;
		if (!n && iov_iter_count(to))
			err = -EFAULT;
	}
	kfree(m.buf);
	return err ? err : (long)n;
}

/* ---- /proc/meminfo, /proc/vmstat ---------------------------------------- */

static void show_kb(struct seq_file *m, const char *name, unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", name, pages * (PAGE_SIZE / 1024));
}

static int meminfo_show(struct seq_file *m, void *arg)
{
	unsigned long swap_total, swap_free;

	si_swapinfo(&swap_total, &swap_free);
	show_kb(m, "MemTotal:", nr_managed_pages());
	show_kb(m, "MemFree:", nr_free_pages());
	show_kb(m, "Cached:", pagecache_pages());
	show_kb(m, "SwapCached:", total_swapcache_pages());
	show_kb(m, "SwapTotal:", swap_total);
	show_kb(m, "SwapFree:", swap_free);
	return 0;
}

static const struct {
	const char *name;
	unsigned long *count;
} vm_event_names[] = {
	{ "pgfault", &vm_events.pgfault },
	{ "pgmajfault", &vm_events.pgmajfault },
	{ "pswpin", &vm_events.pswpin },
	{ "pswpout", &vm_events.pswpout },
	{ "pgscan", &vm_events.pgscan },
	{ "pgsteal", &vm_events.pgsteal },
	{ "pgactivate", &vm_events.pgactivate },
	{ "oom_kill", &vm_events.oom_kill },
	{ "nr_tlb_remote_flush", &vm_events.nr_tlb_remote_flush },
	{ "nr_tlb_remote_flush_received",
	  &vm_events.nr_tlb_remote_flush_received },
	/* Pagoda's own, in no Linux kernel: */
	{ "fault_around_pages", &vm_events.fault_around_pages },
	{ "zero_page_maps", &vm_events.zero_page_maps },
	{ "anon_pages", &vm_events.anon_pages },
	{ "cow_copies", &vm_events.cow_copies },
	{ "cow_reuses", &vm_events.cow_reuses },
	{ "pfn_maps", &vm_events.pfn_maps },
	{ "pgfault_irqs_on", &vm_events.pgfault_irqs_on },
};

static int vmstat_show(struct seq_file *m, void *arg)
{
	seq_printf(m, "nr_free_pages %lu\n", nr_free_pages());
	seq_printf(m, "nr_file_pages %lu\n", pagecache_pages());
	for (size_t i = 0; i < ARRAY_SIZE(vm_event_names); i++)
		seq_printf(m, "%s %lu\n", vm_event_names[i].name,
			   *vm_event_names[i].count);
	return 0;
}

static long meminfo_read(struct kiocb *iocb, struct iov_iter *to)
{
	return proc_read(iocb, to, 512, meminfo_show, NULL);
}

/* Linux's layout: a header, then an area a line (sizes in KiB). */
static int swaps_show(struct seq_file *m, void *arg)
{
	seq_printf(m, "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
	for (int type = 0; type < MAX_SWAPFILES; type++) {
		struct swap_info_struct *si = &swap_info[type];

		if (si->used)
			seq_printf(m,
				   "/dev/%-28s\tpartition\t%lu\t\t%lu\t\t%d\n",
				   si->bdev->disk_name, si->pages * 4,
				   si->inuse_pages * 4, si->prio);
	}
	return 0;
}

static long swaps_read(struct kiocb *iocb, struct iov_iter *to)
{
	return proc_read(iocb, to, 1024, swaps_show, NULL);
}

static const struct file_operations swaps_operations = {
	.read_iter = swaps_read,
};

/*
 * Linux's format, read by getmntent: "fsname dir type options freq
 * passno".  There is one file system; /proc and /dev are its directories.
 */
static int mounts_show(struct seq_file *m, void *arg)
{
	seq_printf(m, "ramfs / ramfs rw 0 0\n");
	return 0;
}

static long mounts_read(struct kiocb *iocb, struct iov_iter *to)
{
	return proc_read(iocb, to, 64, mounts_show, NULL);
}

static const struct file_operations mounts_operations = {
	.read_iter = mounts_read,
};

static long vmstat_read(struct kiocb *iocb, struct iov_iter *to)
{
	return proc_read(iocb, to, 1024, vmstat_show, NULL);
}

static const struct file_operations meminfo_operations = {
	.read_iter = meminfo_read,
};

static const struct file_operations vmstat_operations = {
	.read_iter = vmstat_read,
};

/* ---- /proc/sys/vm/fault_around_bytes ------------------------------------ */

static int fault_around_show(struct seq_file *m, void *arg)
{
	seq_printf(m, "%lu\n", fault_around_bytes);
	return 0;
}

static long fault_around_read(struct kiocb *iocb, struct iov_iter *to)
{
	return proc_read(iocb, to, 32, fault_around_show, NULL);
}

/*
 * A decimal number, optionally followed by one newline, in one write:
 * anything else (a sign, garbage, an overflow) is EINVAL.  The bytes
 * taken, or -errno.
 */
static long proc_get_ulong(struct iov_iter *from, unsigned long *value)
{
	size_t count = iov_iter_count(from), len = count;
	char buf[24];

	if (len == 0 || len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_iter(buf, len, from) != len)
		return -EFAULT;
	if (buf[len - 1] == '\n')
		len--;
	if (len == 0)
		return -EINVAL;
	*value = 0;
	for (size_t i = 0; i < len; i++) {
		if (buf[i] < '0' || buf[i] > '9' ||
		    *value > (~0UL - (buf[i] - '0')) / 10)
			return -EINVAL;
		*value = *value * 10 + (buf[i] - '0');
	}
	return count;
}

/* A number set_fault_around_bytes refuses is EINVAL; the old one stays. */
static long fault_around_write(struct kiocb *iocb, struct iov_iter *from)
{
	unsigned long value;
	long n = proc_get_ulong(from, &value);

	if (n < 0)
		return n;
	return set_fault_around_bytes(value) ?: n;
}

static const struct file_operations fault_around_operations = {
	.read_iter = fault_around_read,
	.write_iter = fault_around_write,
};

/* ---- /proc/sys/vm/max_map_count ---------------------------------------- */

static int max_map_count_show(struct seq_file *m, void *arg)
{
	seq_printf(m, "%d\n", sysctl_max_map_count);
	return 0;
}

static long max_map_count_read(struct kiocb *iocb, struct iov_iter *to)
{
	return proc_read(iocb, to, 32, max_map_count_show, NULL);
}

/* Any int from 0 up, as Linux takes it; a lower limit spares what is mapped. */
static long max_map_count_write(struct kiocb *iocb, struct iov_iter *from)
{
	unsigned long value;
	long n = proc_get_ulong(from, &value);

	if (n < 0)
		return n;
	if (value > (unsigned int)~0 >> 1)
		return -EINVAL;
	sysctl_max_map_count = value;
	return n;
}

static const struct file_operations max_map_count_operations = {
	.read_iter = max_map_count_read,
	.write_iter = max_map_count_write,
};

/* ---- /proc/<pid>/maps ---------------------------------------------------- */

/* Linux pads the name to this column: 25 + 6 hex-digit-pairs - 1. */
#define MAPS_NAME_COLUMN 73

/* The address space of process pid, held (mmput it); NULL if it has none. */
static struct mm_struct *pid_mm(long pid)
{
	unsigned long flags = arch_local_irq_save();
	struct task_struct *t = find_process(pid);
	struct mm_struct *mm = t ? get_task_mm(t) : NULL;

	arch_local_irq_restore(flags);
	return mm;
}

/* The name maps shows for vma: a file's path, else pmap's name for it. */
static const char *map_name(struct mm_struct *mm, struct vm_area_struct *vma,
			    char *path, size_t size)
{
	if (!vma->vm_file)
		return vma_name(mm, vma);
	if (ramfs_path(vfs_root, vma->vm_file->f_inode, path, size) < 0)
		return "(deleted)";
	return path;
}

/*
 * One line a VMA: start-end perms offset dev inode, then (if it has one)
 * the name from column 74 on.
 */
static int maps_show(struct seq_file *m, void *arg)
{
	struct mm_struct *mm = pid_mm((long)arg);
	struct vm_area_struct *vma;
	char path[128];

	if (!mm)
		return -ESRCH;
	mmap_read_lock(mm);
	list_for_each_entry (vma, &mm->mmap, vm_list) {
		const char *name = map_name(mm, vma, path, sizeof(path));
		unsigned long f = vma->vm_flags;
		size_t line = m->count;

		seq_printf(m, "%08lx-%08lx %c%c%c%c %08lx 00:00 %lu ",
			   vma->vm_start, vma->vm_end, f & VM_READ ? 'r' : '-',
			   f & VM_WRITE ? 'w' : '-', f & VM_EXEC ? 'x' : '-',
			   f & VM_MAYSHARE ? 's' : 'p',
			   vma->vm_file ? vma->vm_pgoff << PAGE_SHIFT : 0,
			   vma->vm_file ? vma->vm_file->f_inode->i_ino : 0);
		if (*name)
			seq_pad(m, line, MAPS_NAME_COLUMN);
		seq_printf(m, "%s\n", name);
	}
	mmap_read_unlock(mm);
	mmput(mm);
	return 0;
}

/* Room for every VMA's line; 0 if the process has gone. */
static size_t maps_size(long pid)
{
	struct mm_struct *mm = pid_mm(pid);
	struct vm_area_struct *vma;
	size_t n = 1;

	if (!mm)
		return 0;
	mmap_read_lock(mm);
	list_for_each_entry (vma, &mm->mmap, vm_list)
		n += MAPS_NAME_COLUMN + 128 + 2;
	mmap_read_unlock(mm);
	mmput(mm);
	return n;
}

static long maps_read(struct kiocb *iocb, struct iov_iter *to)
{
	long pid = (long)iocb->ki_filp->f_inode->i_private;
	size_t size = maps_size(pid);

	if (!size)
		return -ESRCH;
	return proc_read(iocb, to, size, maps_show, (void *)pid);
}

static const struct file_operations maps_operations = {
	.read_iter = maps_read,
};

/* ---- the per-process directories ---------------------------------------- */

static struct inode *proc_root;

/* A directory-less inode made on lookup; freed at its last iput. */
static struct inode *proc_inode(unsigned int mode,
				const struct file_operations *fops, long pid)
{
	struct inode *inode = new_inode(mode);

	if (!inode)
		return NULL;
	inode->i_fop = fops;
	inode->i_private = (void *)pid;
	return inode;
}

static struct inode *proc_pid_lookup(struct inode *dir, const char *name)
{
	long pid = (long)dir->i_private;

	if (strcmp(name, "maps") || !find_process(pid))
		return NULL;
	return proc_inode(S_IFREG | 0444, &maps_operations, pid);
}

static int proc_pid_readdir(struct file *file, loff_t pos,
			    struct pagoda_dirent *de)
{
	static const char *const names[] = { ".", "..", "maps" };
	struct inode *dir = file->f_inode;

	if (pos >= (loff_t)ARRAY_SIZE(names))
		return 0;
	de->d_ino = pos == 1 ? proc_root->i_ino : dir->i_ino;
	de->d_type = pos < 2 ? DT_DIR : DT_REG;
	strscpy(de->d_name, names[pos], sizeof(de->d_name));
	return 1;
}

static const struct file_operations proc_pid_operations = {
	.readdir = proc_pid_readdir,
};

/* "self" or a decimal pid of a live process: its directory, else NULL. */
static struct inode *proc_root_lookup(struct inode *dir, const char *name)
{
	struct inode *inode;
	long pid = 0;

	if (!strcmp(name, "self")) {
		pid = current->pid;
	} else {
		for (const char *p = name; *p; p++) {
			if (*p < '0' || *p > '9' || pid > 1000000)
				return NULL;
			pid = pid * 10 + (*p - '0');
		}
	}
	if (!find_process(pid))
		return NULL;
	/* Not in the tree (no i_parent): ".." from it is ENOENT. */
	inode = proc_inode(S_IFDIR | 0555, &proc_pid_operations, pid);
	if (inode)
		inode->i_lookup = proc_pid_lookup;
	return inode;
}

/* The fixed entries as ramfs lists them, then "self" and the live pids. */
static int proc_root_readdir(struct file *file, loff_t pos,
			     struct pagoda_dirent *de)
{
	struct task_struct *t;
	loff_t n;

	if (ramfs_dir_operations.readdir(file, pos, de))
		return 1;
	for (n = 0; ramfs_dir_operations.readdir(file, n, de); n++)
		;
	if (pos == n) {
		de->d_ino = proc_root->i_ino;
		de->d_type = DT_DIR;
		strscpy(de->d_name, "self", sizeof(de->d_name));
		return 1;
	}
	list_for_each_entry (t, &all_tasks, task_link) {
		if (!t->mm || t->state == TASK_ZOMBIE ||
		    !thread_group_leader(t) || ++n != pos)
			continue;
		de->d_ino = proc_root->i_ino;
		de->d_type = DT_DIR;
		snprintf(de->d_name, sizeof(de->d_name), "%d", t->pid);
		return 1;
	}
	return 0;
}

static const struct file_operations proc_root_operations = {
	.readdir = proc_root_readdir,
};

/* ---- boot ---------------------------------------------------------------- */

void proc_init(struct inode *root)
{
	struct inode *sys, *vm;

	proc_root =
		boot_mknod(root, "proc", S_IFDIR | 0555, &proc_root_operations);
	proc_root->i_lookup = proc_root_lookup;
	iput(boot_mknod(proc_root, "meminfo", S_IFREG | 0444,
			&meminfo_operations));
	iput(boot_mknod(proc_root, "vmstat", S_IFREG | 0444,
			&vmstat_operations));
	iput(boot_mknod(proc_root, "swaps", S_IFREG | 0444, &swaps_operations));
	iput(boot_mknod(proc_root, "mounts", S_IFREG | 0444,
			&mounts_operations));
	sys = boot_mknod(proc_root, "sys", S_IFDIR | 0555, NULL);
	vm = boot_mknod(sys, "vm", S_IFDIR | 0555, NULL);
	iput(boot_mknod(vm, "fault_around_bytes", S_IFREG | 0644,
			&fault_around_operations));
	iput(boot_mknod(vm, "max_map_count", S_IFREG | 0644,
			&max_map_count_operations));
	iput(vm);
	iput(sys);
}
