// SPDX-License-Identifier: MIT
/*
 * The ELF loader refuses malformed images before mapping anything, and maps
 * a real program (/bin/true from the initrd) segment by segment.
 */
#include <asm/elf.h>
#include <asm/page.h>
#include <kernel/elf.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/fs.h>
#include <kernel/fs/testing.h>
#include <kernel/fs/vfs.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/memory.h>
#include <mm/mm.h>
#include <mm/mmap.h>
#include <mm/slab.h>
#include <pagoda/abi.h>

struct image {
	struct elfhdr eh;
	struct elf_phdr ph[2];
};

/* A minimal good program: text at 4 MiB, data above it. */
static void good_image(struct image *im)
{
	memset(im, 0, sizeof(*im));
	memcpy(im->eh.e_ident, "\177ELF", 4);
	im->eh.e_ident[4] = ELF_CLASS;
	im->eh.e_ident[5] = ELF_DATA;
	im->eh.e_type = ET_EXEC;
	im->eh.e_machine = ELF_MACHINE;
	im->eh.e_entry = 0x400100;
	im->eh.e_phentsize = sizeof(struct elf_phdr);
	im->eh.e_phnum = 2;
	im->ph[0] = (struct elf_phdr){ .p_type = PT_LOAD,
				       .p_flags = PF_R | PF_X,
				       .p_vaddr = 0x400000,
				       .p_filesz = 0x1000,
				       .p_memsz = 0x1000 };
	im->ph[1] = (struct elf_phdr){ .p_type = PT_LOAD,
				       .p_flags = PF_R | PF_W,
				       .p_offset = 0x1000,
				       .p_vaddr = 0x401000,
				       .p_filesz = 0x10,
				       .p_memsz = 0x5000 };
}

static void accepts_good_image(struct ktest *t)
{
	struct image im;

	good_image(&im);
	KTEST_EXPECT_EQ(t, elf_check(&im.eh, im.ph), 0);
}

/* One field of a good image set to a bad value: each must be refused. */
#define FIELD(f) offsetof(struct image, f), sizeof(((struct image *)0)->f)

static const struct {
	const char *what;
	size_t offset, size;
	u64 value;
} mutations[] = {
	{ "bad magic", FIELD(eh.e_ident[1]), 'X' },
	{ "the other class", FIELD(eh.e_ident[4]),
	  ELFCLASS32 + ELFCLASS64 - ELF_CLASS },
	{ "the other byte order", FIELD(eh.e_ident[5]), 3 - ELF_DATA },
	{ "other machine", FIELD(eh.e_machine), 3 },
	{ "shared object", FIELD(eh.e_type), 3 },
	{ "no segments", FIELD(eh.e_phnum), 0 },
	{ "too many segments", FIELD(eh.e_phnum), ELF_MAX_PHDRS + 1 },
	{ "filesz > memsz", FIELD(ph[1].p_filesz), 0x6000 },
	{ "in the kernel half", FIELD(ph[1].p_vaddr), PAGE_OFFSET },
	{ "at address 0", FIELD(ph[0].p_vaddr), 0 },
	{ "offset misaligned", FIELD(ph[1].p_offset), 0x1008 },
	{ "entry not executable", FIELD(eh.e_entry), 0x401000 },
	{ "size wraps around", FIELD(ph[1].p_memsz), ~0UL - 0x1000 },
};

/* Store value in a field of 1, 2, 4 or 8 bytes, whatever the byte order. */
static void set_field(void *field, size_t size, u64 value)
{
	if (size == 1)
		*(u8 *)field = value;
	else if (size == 2)
		*(u16 *)field = value;
	else if (size == 4)
		*(u32 *)field = value;
	else
		*(u64 *)field = value;
}

static void refuses_malformed_images(struct ktest *t)
{
	for (size_t i = 0; i < ARRAY_SIZE(mutations); i++) {
		struct image im;

		good_image(&im);
		set_field((char *)&im + mutations[i].offset, mutations[i].size,
			  mutations[i].value);
		if (elf_check(&im.eh, im.ph) != -ENOEXEC)
			ktest_fail(t, __FILE__, __LINE__, "accepted: %s",
				   mutations[i].what);
	}
}

static void loads_real_program(struct ktest *t)
{
	struct file *f = filp_open("/bin/true", O_RDONLY);
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	unsigned long entry = 0;
	struct page *page;
	int err;

	if (IS_ERR(f)) {
		ktest_skip(t, "no /bin/true in the initrd");
		return;
	}
	mm = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, mm);
	err = load_elf_binary(mm, f, &entry);
	fput(f);
	KTEST_EXPECT_EQ(t, err, 0);
	vma = find_vma(mm, entry);
	KTEST_EXPECT_TRUE(t, vma && (vma->vm_flags & VM_EXEC));
	KTEST_EXPECT_TRUE(t, vma && !(vma->vm_flags & VM_WRITE));
	/* The text maps the file itself, faulted in on first touch. */
	KTEST_EXPECT_TRUE(t, vma && vma->vm_file != NULL);
	KTEST_EXPECT_TRUE(t, follow_page(mm, entry) == NULL);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, entry, FAULT_FLAG_INSTRUCTION),
			0);
	page = follow_page(mm, entry);
	KTEST_EXPECT_TRUE(t, page && page->mapping == vma->vm_file->f_mapping);
	KTEST_EXPECT_GT(t, mm->rss, 1); /* fault-around mapped neighbours */
	mmput(mm);
}

/*
 * A program may have many program headers besides its PT_LOADs (notes,
 * GNU_STACK, TLS ...): up to a page of them loads, as in Linux; one more
 * is refused.  The good image's two segments, then PT_NOTEs, in a file.
 */
static long load_with_phnum(struct inode *root, unsigned int phnum)
{
	size_t size = 2 * PAGE_SIZE;
	char *buf = kzalloc(size);
	struct image *im = (struct image *)buf;
	struct elf_phdr *ph = (struct elf_phdr *)(buf + sizeof(im->eh));
	struct mm_struct *mm = mm_alloc();
	struct file *f = test_open(root, "/many", O_CREAT | O_RDWR | O_TRUNC);
	unsigned long entry = 0;
	loff_t pos = 0;
	long err = -ENOMEM;

	if (buf && mm && !IS_ERR(f)) {
		good_image(im);
		im->eh.e_phoff = sizeof(im->eh);
		im->eh.e_phnum = phnum;
		for (unsigned int i = 2; i < phnum; i++)
			ph[i] = (struct elf_phdr){ .p_type = PT_NOTE };
		err = kwrite(f, buf, size, &pos);
		if (err == (long)size)
			err = load_elf_binary(mm, f, &entry);
	}
	if (!IS_ERR(f))
		fput(f);
	if (mm)
		mmput(mm);
	kfree(buf);
	return err;
}

static void loads_many_program_headers(struct ktest *t)
{
	struct inode *root = ramfs_new_root();

	KTEST_ASSERT_NOT_NULL(t, root);
	KTEST_EXPECT_EQ(t, load_with_phnum(root, 20), 0);
	KTEST_EXPECT_EQ(t, load_with_phnum(root, ELF_MAX_PHDRS), 0);
	KTEST_EXPECT_EQ(t, load_with_phnum(root, ELF_MAX_PHDRS + 1), -ENOEXEC);
	ramfs_kill_tree(root);
}

KTEST_SUITE(exec, KTEST_CASE(accepts_good_image),
	    KTEST_CASE(loads_many_program_headers),
	    KTEST_CASE(refuses_malformed_images),
	    KTEST_CASE(loads_real_program));
