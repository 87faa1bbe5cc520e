// SPDX-License-Identifier: MIT
/*
 * /xip: an execute-in-place store, the VM_MIXEDMAP case of device memory
 * (seeds 000 and 003).
 *
 * The store is a read-only image (tools/mkxip.py: a header page, then each
 * file on page boundaries) that QEMU shows as the memory of an
 * ivshmem-plain PCI device (1af4:1110): BAR2, above RAM, without struct
 * page.  Like a NOR flash on a board or s390's DCSS segments (seed 003),
 * it is memory the CPU can run from directly, so nothing is copied: a
 * mapping of a file points its PTEs at the image's own frames.
 *
 * At probe the files are entered in the tree under /xip (read-only inodes
 * of the ramfs, S_RDONLY: EROFS for writes, O_TRUNC, new or removed
 * names).  A file's mmap makes a VM_MIXEDMAP VMA whose ->fault calls
 * vm_insert_mixed with the frame in the BAR: a raw PTE (special, or known
 * raw by pfn_valid being false), never counted.  A write to a private
 * mapping faults again and do_wp_page copies the frame into a normal,
 * counted page -- so one VMA holds both kinds, and vm_normal_page's
 * pfn_valid rule tells them apart.  exec maps a program's read-only
 * segments this way (kernel/exec.c): its text runs in place.
 *
 * The same frames are also a physical-memory device, /dev/xipmem, whose
 * mmap is the VM_PFNMAP case: remap_pfn_range, all raw, never counted.
 */
#include <asm/io.h>
#include <kernel/byteorder.h>
#include <kernel/drivers/pci.h>
#include <kernel/drivers/xip.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/memory.h>
#include <mm/mmap.h>

#define XIP_MAGIC "PXIP0001"
#define XIP_PAGE 4096
#define XIP_NAME_MAX 48

/* The image's numbers are little-endian on every machine (mkxip.py). */
struct xip_header {
	char magic[8];
	u32 nr_files;
	u32 page_size;
};

struct xip_entry {
	char name[XIP_NAME_MAX]; /* "dir/name" */
	u64 offset;		 /* of the data in the image, page-aligned */
	u64 size;
};

static u64 entry_offset(const struct xip_entry *e)
{
	return le64_to_cpu(e->offset);
}

static u64 entry_size(const struct xip_entry *e)
{
	return le64_to_cpu(e->size);
}

static struct {
	const char __iomem *image; /* the BAR, mapped for read() */
	u64 phys;		   /* its physical address */
	u64 len;
} xip;

static const struct xip_entry *entry_of(struct file *file)
{
	return file->f_inode->i_private;
}

static long xip_read(struct kiocb *iocb, struct iov_iter *to)
{
	const struct xip_entry *e = entry_of(iocb->ki_filp);
	loff_t pos = iocb->ki_pos;
	size_t n;

	if (pos >= (loff_t)entry_size(e))
		return 0;
	n = min(iov_iter_count(to), (size_t)(entry_size(e) - pos));
	n = copy_to_iter((const void *)(xip.image + entry_offset(e) + pos), n,
			 to);
	iocb->ki_pos += n;
	return n ? (long)n : -EFAULT;
}

/* The frame of the file's page vmf->pgoff, into the page table directly. */
static int xip_fault(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	const struct xip_entry *e = entry_of(vma->vm_file);
	unsigned long pages = ALIGN(entry_size(e), PAGE_SIZE) >> PAGE_SHIFT;
	unsigned long pfn = PHYS_PFN(xip.phys + entry_offset(e)) + vmf->pgoff;

	if (vmf->pgoff >= pages)
		return VM_FAULT_SIGBUS; /* past the end of the file */
	if (vm_insert_mixed(vma, ALIGN_DOWN(vmf->address, PAGE_SIZE), pfn))
		return VM_FAULT_OOM;
	return VM_FAULT_NOPAGE;
}

static const struct vm_operations_struct xip_vm_ops = {
	.fault = xip_fault,
};

/*
 * Any range may be mapped (past the end faults SIGBUS, as for a regular
 * file); a shared writable mapping was already refused (EACCES: the file
 * cannot be open for writing).
 */
static int xip_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_flags |= VM_MIXEDMAP;
	vma->vm_ops = &xip_vm_ops;
	return 0;
}

const struct file_operations xip_file_operations = {
	.read_iter = xip_read,
	.llseek = generic_file_llseek,
	.mmap = xip_mmap,
};

/* Enter one file, making its directory first if need be. */
static int xip_add(struct inode *root, const struct xip_entry *e)
{
	char dir[XIP_NAME_MAX];
	const char *slash = strchr(e->name, '/');
	struct inode *parent, *inode;

	if (!slash || slash == e->name || strchr(slash + 1, '/') ||
	    entry_offset(e) % XIP_PAGE ||
	    entry_offset(e) + entry_size(e) > xip.len)
		return -EINVAL;
	memcpy(dir, e->name, slash - e->name);
	dir[slash - e->name] = '\0';
	parent = ramfs_mknod(root, dir, S_IFDIR | 0555, NULL, false);
	if (IS_ERR(parent))
		return PTR_ERR(parent);
	inode = ramfs_mknod(parent, slash + 1, S_IFREG | 0555,
			    &xip_file_operations, true);
	if (!IS_ERR(inode)) {
		inode->i_size = entry_size(e);
		inode->i_private = (void *)e;
		inode->i_flags |= S_RDONLY;
		iput(inode);
	}
	iput(parent);
	return IS_ERR(inode) ? PTR_ERR(inode) : 0;
}

/* Mark the directories read-only once everything is in them. */
static void xip_seal(struct inode *root)
{
	struct dentry *d;

	list_for_each_entry (d, &root->i_entries, d_child)
		d->d_inode->i_flags |= S_RDONLY;
	root->i_flags |= S_RDONLY;
}

bool xip_image_valid(const void *image)
{
	const struct xip_header *h = image;

	return !memcmp(h->magic, XIP_MAGIC, 8) &&
	       le32_to_cpu(h->page_size) == XIP_PAGE &&
	       sizeof(*h) + le32_to_cpu(h->nr_files) *
				       sizeof(struct xip_entry) <=
		       XIP_PAGE;
}

static int xip_mount(void)
{
	const struct xip_header *h = (const void *)xip.image;
	const struct xip_entry *e = (const void *)(h + 1);
	u32 nr_files = le32_to_cpu(h->nr_files);
	struct inode *root;
	int err = 0;

	if (!xip_image_valid(h))
		return -EINVAL;
	root = ramfs_mknod(vfs_root, "xip", S_IFDIR | 0555, NULL, true);
	if (IS_ERR(root))
		return PTR_ERR(root);
	for (u32 i = 0; i < nr_files && !err; i++)
		err = xip_add(root, &e[i]);
	xip_seal(root);
	iput(root);
	printk("xip: %u files at %#llx (%llu KiB), mounted on /xip\n", nr_files,
	       (unsigned long long)xip.phys,
	       (unsigned long long)(xip.len / KiB));
	return err;
}

/*
 * /dev/xipmem: the whole store as a physical-memory device (Linux's
 * /dev/mem, over one range).  mmap maps its frames with remap_pfn_range,
 * a VM_PFNMAP | VM_IO VMA, every PTE raw and made at once, as device
 * memory (pgprot_device: a PCI BAR); the offset is the byte in the store.  Read-only: opening it for writing is refused,
 * so a shared writable mapping is too; a private one copies on write.
 */
static int xipmem_open(struct inode *inode, struct file *file)
{
	if (!xip.len)
		return -ENODEV;
	return file->f_mode & FMODE_WRITE ? -EACCES : 0;
}

static int xipmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long len = vma->vm_end - vma->vm_start;
	unsigned long pages = xip.len >> PAGE_SHIFT;

	if (vma->vm_pgoff >= pages || len >> PAGE_SHIFT > pages - vma->vm_pgoff)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start,
			       PHYS_PFN(xip.phys) + vma->vm_pgoff, len,
			       pgprot_device(vm_get_page_prot(vma->vm_flags)));
}

const struct file_operations xipmem_fops = {
	.open = xipmem_open,
	.mmap = xipmem_mmap,
};

int xip_attach(phys_addr_t phys, u64 len)
{
	if (!len || phys % PAGE_SIZE)
		return -ENODEV;
	xip.phys = phys;
	xip.len = len;
	xip.image = ioremap(xip.phys, xip.len);
	if (!xip.image)
		return -ENOMEM;
	return xip_mount();
}

static int xip_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err = pci_enable_device(pdev);

	if (err)
		return err;
	return xip_attach(pci_resource_start(pdev, 2),
			  pci_resource_len(pdev, 2));
}

static const struct pci_device_id xip_ids[] = {
	{ 0x1af4, 0x1110 }, /* ivshmem (plain) */
	{ 0 },
};

static const struct pci_driver xip_driver = {
	.name = "xip (ivshmem-plain)",
	.id_table = xip_ids,
	.probe = xip_probe,
};
PCI_DRIVER(xip_driver);
