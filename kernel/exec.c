// SPDX-License-Identifier: MIT
/*
 * execve: replace the calling process's program.
 *
 * The arguments and environment are copied into the kernel first (the old
 * address space, where they live, is about to go).  The ELF image is checked
 * completely before anything is mapped.  A new mm is built beside the old
 * one -- segments (the file itself, mapped privately as Linux's ELF loader
 * does), then the stack holding the strings and the argv/envp
 * arrays in the System V layout -- and only when all of that has worked is
 * the old mm dropped: a failed exec leaves the caller running, with an error.
 */
#include <asm/elf.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <kernel/elf.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/fs.h>
#include <kernel/fs/vfs.h>
#include <kernel/process.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/mmap_lock.h>
#include <mm/slab.h>
#include <pagoda/abi.h>

#define ARG_MAX (32 * 1024) /* bytes of argument and environment strings */
#define MAX_ARGS 256	    /* pointers in argv plus envp */

/* The strings of argv then envp, back to back, each with its NUL. */
struct exec_args {
	char *buf;
	size_t len;
	int argc, envc;
};

static bool segment_ok(const struct elf_phdr *p)
{
	u64 end = p->p_vaddr + p->p_memsz;

	return p->p_filesz <= p->p_memsz && end >= p->p_vaddr &&
	       p->p_vaddr >= PAGE_SIZE &&
	       end <= USER_STACK_TOP - USER_STACK_SIZE &&
	       (p->p_vaddr - p->p_offset) % PAGE_SIZE == 0 &&
	       p->p_offset + p->p_filesz >= p->p_offset;
}

int elf_check(const struct elfhdr *eh, const struct elf_phdr *ph)
{
	bool entry_ok = false;

	if (memcmp(eh->e_ident, "\177ELF", 4) || eh->e_ident[4] != ELF_CLASS ||
	    eh->e_ident[5] != ELF_DATA || eh->e_type != ET_EXEC ||
	    eh->e_machine != ELF_MACHINE ||
	    eh->e_phentsize != sizeof(struct elf_phdr) || !eh->e_phnum ||
	    eh->e_phnum > ELF_MAX_PHDRS)
		return -ENOEXEC;
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (!segment_ok(&ph[i]))
			return -ENOEXEC;
		if ((ph[i].p_flags & PF_X) && eh->e_entry >= ph[i].p_vaddr &&
		    eh->e_entry < ph[i].p_vaddr + ph[i].p_memsz)
			entry_ok = true;
	}
	return entry_ok ? 0 : -ENOEXEC;
}

/* Fault in a page of the new image to fill it, whatever the VMA's rights. */
#define EXEC_FILL (FAULT_FLAG_WRITE | FAULT_FLAG_FORCE)

/* Copy n bytes to user address addr of the new mm; 0 or -ENOMEM. */
static int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *src,
		      size_t n)
{
	while (n) {
		size_t off = addr % PAGE_SIZE, chunk = min(n, PAGE_SIZE - off);
		struct page *page = get_user_page(mm, addr, EXEC_FILL);

		if (!page)
			return -ENOMEM;
		memcpy((char *)page_address(page) + off, src, chunk);
		addr += chunk;
		src = (const char *)src + chunk;
		n -= chunk;
	}
	return 0;
}

/* Zero [addr, end) of the new mm, within one page (a private copy). */
static int zero_in_mm(struct mm_struct *mm, unsigned long addr,
		      unsigned long end)
{
	struct page *page;

	if (addr >= end)
		return 0;
	page = get_user_page(mm, addr, EXEC_FILL);
	if (!page)
		return -ENOMEM;
	memset((char *)page_address(page) + addr % PAGE_SIZE, 0, end - addr);
	return 0;
}

static unsigned long vm_flags_of(u32 p_flags)
{
	return (p_flags & PF_R ? VM_READ : 0) |
	       (p_flags & PF_W ? VM_WRITE : 0) | (p_flags & PF_X ? VM_EXEC : 0);
}

/*
 * One PT_LOAD segment, as Linux's ELF loader maps it: the pages holding
 * the segment's file bytes map the file itself, privately -- page-cache
 * pages, faulted in when first touched, fault-around included (seed 002),
 * and copied only where written.  If the segment goes on past its file
 * bytes (.bss), the rest of the last file page is zeroed (which makes it a
 * private copy) and the pages after it are anonymous.
 */
static int map_segment(struct mm_struct *mm, struct file *f,
		       const struct elf_phdr *p)
{
	unsigned long start = ALIGN_DOWN(p->p_vaddr, PAGE_SIZE);
	unsigned long file_end = ALIGN(p->p_vaddr + p->p_filesz, PAGE_SIZE);
	unsigned long end = ALIGN(p->p_vaddr + p->p_memsz, PAGE_SIZE);
	unsigned long vm_flags = vm_flags_of(p->p_flags);
	int err = 0;

	if (p->p_offset + p->p_filesz > (u64)f->f_inode->i_size)
		return -ENOEXEC; /* the file is shorter than it says */
	if (p->p_filesz)
		err = map_file(mm, start, file_end, vm_flags, f,
			       (p->p_offset - (p->p_vaddr - start)) >>
				       PAGE_SHIFT);
	else
		file_end = start;
	if (!err && p->p_memsz > p->p_filesz)
		err = zero_in_mm(mm, p->p_vaddr + p->p_filesz,
				 min(file_end, p->p_vaddr + p->p_memsz));
	if (!err && end > file_end)
		err = map_anon(mm, file_end, end, vm_flags);
	return err;
}

/* Map every PT_LOAD segment of a checked image into mm; sets the heap. */
static int map_segments(struct mm_struct *mm, struct file *f,
			const struct elfhdr *eh, const struct elf_phdr *ph)
{
	unsigned long top = 0;

	for (int i = 0; i < eh->e_phnum; i++) {
		const struct elf_phdr *p = &ph[i];
		int err;

		if (p->p_type != PT_LOAD || !p->p_memsz)
			continue;
		err = map_segment(mm, f, p);
		if (err)
			return err == -EINVAL ? -ENOEXEC
					      : err; /* EINVAL: overlap */
		top = max(top, ALIGN(p->p_vaddr + p->p_memsz, PAGE_SIZE));
	}
	mm->start_brk = mm->brk = top;
	return 0;
}

int load_elf_binary(struct mm_struct *mm, struct file *f, unsigned long *entry)
{
	struct elfhdr eh;
	struct elf_phdr *ph;
	size_t size;
	int err;

	if (!file_is_regular(f))
		return -EACCES;
	if (kernel_read(f, &eh, sizeof(eh), 0) != sizeof(eh))
		return -ENOEXEC;
	if (!eh.e_phnum || eh.e_phnum > ELF_MAX_PHDRS ||
	    eh.e_phentsize != sizeof(*ph))
		return -ENOEXEC;
	size = eh.e_phnum * sizeof(*ph);
	ph = kmalloc(size);
	if (!ph)
		return -ENOMEM;
	err = -ENOEXEC;
	if (kernel_read(f, ph, size, eh.e_phoff) == (long)size)
		err = elf_check(&eh, ph);
	if (!err) {
		*entry = eh.e_entry;
		err = map_segments(mm, f, &eh, ph);
	}
	kfree(ph);
	return err;
}

/*
 * The stack VMA's size: RLIMIT_STACK, at most USER_STACK_SIZE -- Pagoda's
 * stack is mapped whole at exec and does not grow.  As in Linux, the
 * arguments may take at most a quarter of it (else E2BIG).
 */
static long stack_size(const struct exec_args *args, unsigned long nptrs)
{
	unsigned long size = min(rlimit(RLIMIT_STACK), USER_STACK_SIZE);

	size = ALIGN_DOWN(size, PAGE_SIZE);
	if (args->len + nptrs * sizeof(long) > size / 4)
		return -E2BIG;
	return size;
}

/*
 * The stack: strings at the top, then (16-byte aligned) argc, the argv
 * pointers, NULL, the envp pointers, NULL -- what crt0 expects at rsp.
 */
static int setup_stack(struct mm_struct *mm, const struct exec_args *args,
		       unsigned long *sp)
{
	unsigned long strings = USER_STACK_TOP - ALIGN(args->len, 16);
	unsigned long nptrs = 1 + args->argc + 1 + args->envc + 1;
	unsigned long base = ALIGN_DOWN(strings - nptrs * sizeof(long), 16);
	long size = stack_size(args, nptrs);
	unsigned long *ptrs;
	unsigned long str = strings, *p;
	int err;

	if (size < 0)
		return size;
	err = map_anon(mm, USER_STACK_TOP - size, USER_STACK_TOP,
		       VM_READ | VM_WRITE);
	ptrs = kmalloc(nptrs * sizeof(long));
	p = ptrs;
	if (!ptrs || err) {
		kfree(ptrs);
		return err ? err : -ENOMEM;
	}
	mm->stack_start = USER_STACK_TOP - size;
	*p++ = args->argc;
	for (int i = 0; i <= args->argc + args->envc; i++) {
		if (i == args->argc) {
			*p++ = 0; /* end of argv */
			continue;
		}
		*p++ = str;
		str += strlen(args->buf + (str - strings)) + 1;
	}
	*p++ = 0; /* end of envp */
	err = copy_to_mm(mm, strings, args->buf, args->len);
	if (!err)
		err = copy_to_mm(mm, base, ptrs, nptrs * sizeof(long));
	kfree(ptrs);
	*sp = base;
	return err;
}

static const char *basename(const char *path)
{
	const char *slash = path;

	for (const char *p = path; *p; p++)
		if (*p == '/')
			slash = p + 1;
	return slash;
}

/* Build the new image for current; on success switch to it. */
static int exec_image(const char *path, const struct exec_args *args,
		      struct pt_regs *regs)
{
	struct file *f = filp_open(path, O_RDONLY);
	struct mm_struct *mm, *old = current->mm;
	unsigned long entry, sp = 0; /* 0: gcc cannot see setup_stack set it */
	int err;

	if (IS_ERR(f))
		return PTR_ERR(f);
	mm = mm_alloc();
	err = mm ? set_mm_exe_file(mm, f) : -ENOMEM;
	if (!err) {
		/* Nobody else knows mm yet; its VMAs change under the lock all the same. */
		mmap_write_lock(mm);
		err = load_elf_binary(mm, f, &entry);
		if (!err)
			err = setup_stack(mm, args, &sp);
		mmap_write_unlock(mm);
	}
	fput(f);
	if (!err)
		err = de_thread();
	if (err) {
		if (mm)
			mmput(mm);
		return err;
	}
	current->mm = mm;
	current->kthread = false; /* kernel_init becomes init, a process */
	switch_mm(mm);
	if (old)
		mmput(old);
	strscpy(current->comm, basename(path), sizeof(current->comm));
	flush_signal_handlers(current); /* the handlers were in the old image */
	exit_itimers(current);
	do_close_on_exec();
	start_thread(regs, entry, sp);
	arch_set_tls(current, 0);
	return 0;
}

/* Append a kernel string to args; -E2BIG when full. */
static int add_string(struct exec_args *a, const char *s, size_t len)
{
	if (a->argc + a->envc >= MAX_ARGS || a->len + len + 1 > ARG_MAX)
		return -E2BIG;
	memcpy(a->buf + a->len, s, len + 1);
	a->len += len + 1;
	return 0;
}

/* Copy a NULL-terminated user array of user strings; returns the count. */
static int copy_user_strings(struct exec_args *a,
			     const char __user *const __user *vec)
{
	int n = 0;

	for (; vec; n++) {
		const char __user *s;
		long len;

		if (copy_from_user(&s, vec + n, sizeof(s)))
			return -EFAULT;
		if (!s)
			break;
		if (a->len >= ARG_MAX)
			return -E2BIG;
		len = strncpy_from_user(a->buf + a->len, s, ARG_MAX - a->len);
		if (len < 0)
			return len == -ENAMETOOLONG ? -E2BIG : len;
		if (a->argc + a->envc + n >= MAX_ARGS)
			return -E2BIG;
		a->len += len + 1;
	}
	return n;
}

long sys_execve(const char __user *upath, const char __user *const __user *argv,
		const char __user *const __user *envp)
{
	struct exec_args args = { .buf = kmalloc(ARG_MAX) };
	char *path = kmalloc(PAGODA_PATH_MAX);
	long err = -ENOMEM;

	if (args.buf && path)
		err = strncpy_from_user(path, upath, PAGODA_PATH_MAX);
	if (err >= 0)
		err = args.argc = copy_user_strings(&args, argv);
	if (err >= 0)
		err = args.envc = copy_user_strings(&args, envp);
	if (err >= 0)
		err = exec_image(path, &args, task_pt_regs(current));
	kfree(path);
	kfree(args.buf);
	return err;
}

int kernel_execve(const char *path, const char *const argv[],
		  const char *const envp[])
{
	struct exec_args args = { .buf = kmalloc(ARG_MAX) };
	int err = 0;

	if (!args.buf)
		return -ENOMEM;
	for (; !err && argv[args.argc]; args.argc++)
		err = add_string(&args, argv[args.argc],
				 strlen(argv[args.argc]));
	for (; !err && envp[args.envc]; args.envc++)
		err = add_string(&args, envp[args.envc],
				 strlen(envp[args.envc]));
	if (!err)
		err = exec_image(path, &args, task_pt_regs(current));
	kfree(args.buf);
	if (!err)
		enter_user(task_pt_regs(current));
	return err;
}
