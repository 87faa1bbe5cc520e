// SPDX-License-Identifier: MIT
/*
 * /dev/fb0: a framebuffer on QEMU's bochs-display (PCI 1234:1111), the
 * VM_PFNMAP case of device memory (seed 000).
 *
 * The device: BAR0 is the framebuffer, memory that mem_map does not cover
 * (pfn_valid false); BAR2 holds its registers, the "DISPI" interface of
 * the Bochs VBE extensions at offset 0x500, one 16-bit register per index.
 * Setting a mode: disable, write width, height and depth, enable with the
 * linear framebuffer on.  The mode is fixed at FB_WIDTH x FB_HEIGHT, 32
 * bits a pixel, 0x00RRGGBB.
 *
 * The file: read/write/lseek move bytes of the framebuffer (Linux's
 * fb_read/fb_write rules at the end: reading past it gives 0 bytes,
 * writing at its end ENOSPC, beyond it EFBIG); FBIOGET_VSCREENINFO and
 * FBIOGET_FSCREENINFO answer as Linux's fbdev does (<pagoda/fb.h>); mmap
 * maps the frames with remap_pfn_range.  A shared mapping writes the
 * screen.  A private one is a COW PFN map: reads see the device's frames,
 * the first write to a page copies it into a normal page, and the screen
 * stays as it was -- which is why remap_pfn_range sets vm_pgoff to the
 * first frame (the linearity rule).  A machine without the device: the
 * node is there, open says ENODEV.
 *
 * The screen console (fbcon.c) moves to this mode when the driver sets
 * it, and stays off the screen while the file is open.
 */
#include <asm/io.h>
#include <kernel/drivers/fbcon.h>
#include <kernel/drivers/pci.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/memory.h>
#include <mm/mmap.h>
#include <pagoda/fb.h>

#define FB_WIDTH 640
#define FB_HEIGHT 480
#define FB_BPP 32
#define FB_LINE (FB_WIDTH * FB_BPP / 8)
#define FB_SIZE (FB_LINE * FB_HEIGHT)

#define DISPI_OFFSET 0x500
#define DISPI_INDEX_ID 0x0
#define DISPI_INDEX_XRES 0x1
#define DISPI_INDEX_YRES 0x2
#define DISPI_INDEX_BPP 0x3
#define DISPI_INDEX_ENABLE 0x4
#define DISPI_INDEX_VIRT_WIDTH 0x6
#define DISPI_INDEX_VIRT_HEIGHT 0x7
#define DISPI_ID_FIRST 0xb0c0 /* VBE_DISPI_ID0 .. ID5 */
#define DISPI_ID_LAST 0xb0c5
#define DISPI_ENABLED 0x01
#define DISPI_LFB_ENABLED 0x40

static struct {
	void __iomem *regs;
	char __iomem *screen; /* the framebuffer, mapped for read/write */
	u64 phys;	      /* its bus (= physical) address */
} fb;

static void dispi_write(unsigned int index, u16 val)
{
	writew(val, fb.regs + DISPI_OFFSET + index * 2);
}

static u16 dispi_read(unsigned int index)
{
	return readw(fb.regs + DISPI_OFFSET + index * 2);
}

static void set_mode(void)
{
	static const u16 mode[][2] = {
		{ DISPI_INDEX_ENABLE, 0 },
		{ DISPI_INDEX_XRES, FB_WIDTH },
		{ DISPI_INDEX_YRES, FB_HEIGHT },
		{ DISPI_INDEX_BPP, FB_BPP },
		{ DISPI_INDEX_VIRT_WIDTH, FB_WIDTH },
		{ DISPI_INDEX_VIRT_HEIGHT, FB_HEIGHT },
		{ DISPI_INDEX_ENABLE, DISPI_ENABLED | DISPI_LFB_ENABLED },
	};

	for (size_t i = 0; i < ARRAY_SIZE(mode); i++)
		dispi_write(mode[i][0], mode[i][1]);
}

/* The mode, as the screen console (kernel/drivers/fbcon.c) draws it. */
static const struct fb_screen fb_screen = {
	.width = FB_WIDTH,
	.height = FB_HEIGHT,
	.pitch = FB_LINE,
	.bpp = FB_BPP,
	.red_shift = 16,
	.red_bits = 8,
	.green_shift = 8,
	.green_bits = 8,
	.blue_bits = 8,
};

static int fb_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err = pci_enable_device(pdev);
	u16 dispi_id;

	if (err)
		return err;
	if (pci_resource_len(pdev, 0) < FB_SIZE ||
	    pci_resource_len(pdev, 2) < DISPI_OFFSET + 0x20)
		return -ENODEV;
	fb.regs =
		ioremap(pci_resource_start(pdev, 2), pci_resource_len(pdev, 2));
	if (!fb.regs)
		return -ENOMEM;
	dispi_id = dispi_read(DISPI_INDEX_ID);
	if (dispi_id < DISPI_ID_FIRST || dispi_id > DISPI_ID_LAST)
		return -ENODEV;
	fb.screen = ioremap(pci_resource_start(pdev, 0), FB_SIZE);
	if (!fb.screen)
		return -ENOMEM;
	set_mode();
	memset((void *)fb.screen, 0, FB_SIZE);
	fb.phys = pci_resource_start(pdev, 0);
	fbcon_set_screen(&fb_screen, (void *)fb.screen);
	printk("fb0: %ux%u, %u bits a pixel, framebuffer at %#llx\n", FB_WIDTH,
	       FB_HEIGHT, FB_BPP, (unsigned long long)fb.phys);
	return 0;
}

static const struct pci_device_id fb_ids[] = {
	{ 0x1234, 0x1111 }, /* bochs-display, and QEMU's std VGA */
	{ 0 },
};

static const struct pci_driver fb_driver = {
	.name = "fb0 (bochs-display)",
	.id_table = fb_ids,
	.probe = fb_probe,
};
PCI_DRIVER(fb_driver);

/* While the file is open, the screen console leaves the screen alone. */
static int fb_open(struct inode *inode, struct file *file)
{
	if (!fb.screen)
		return -ENODEV;
	fbcon_set_graphics(true);
	return 0;
}

static void fb_release(struct inode *inode, struct file *file)
{
	fbcon_set_graphics(false);
}

static long fb_read(struct kiocb *iocb, struct iov_iter *to)
{
	loff_t pos = iocb->ki_pos;
	size_t n;

	if (pos >= FB_SIZE)
		return 0;
	n = min(iov_iter_count(to), (size_t)(FB_SIZE - pos));
	n = copy_to_iter((const void *)(fb.screen + pos), n, to);
	iocb->ki_pos += n;
	return n ? (long)n : -EFAULT;
}

static long fb_write(struct kiocb *iocb, struct iov_iter *from)
{
	loff_t pos = iocb->ki_pos;
	size_t n = iov_iter_count(from);

	if (pos > FB_SIZE)
		return -EFBIG;
	if (pos == FB_SIZE && n)
		return -ENOSPC;
	n = min(n, (size_t)(FB_SIZE - pos));
	n = copy_from_iter((void *)(fb.screen + pos), n, from);
	iocb->ki_pos += n;
	return n || !iov_iter_count(from) ? (long)n : -EFAULT;
}

static loff_t fb_llseek(struct file *file, loff_t offset, int whence)
{
	return fixed_size_llseek(file, offset, whence, FB_SIZE);
}

static long fb_ioctl(struct file *file, unsigned long cmd, unsigned long arg)
{
	struct fb_var_screeninfo var = {
		.xres = FB_WIDTH,
		.yres = FB_HEIGHT,
		.xres_virtual = FB_WIDTH,
		.yres_virtual = FB_HEIGHT,
		.bits_per_pixel = FB_BPP,
		.red = { 16, 8, 0 },
		.green = { 8, 8, 0 },
		.blue = { 0, 8, 0 },
	};
	struct fb_fix_screeninfo fix = {
		.id = "bochs-display",
		.smem_start = fb.phys,
		.smem_len = FB_SIZE,
		.type = FB_TYPE_PACKED_PIXELS,
		.visual = FB_VISUAL_TRUECOLOR,
		.line_length = FB_LINE,
	};

	switch (cmd) {
	case FBIOGET_VSCREENINFO:
		return copy_to_user((void __user *)arg, &var, sizeof(var))
			       ? -EFAULT
			       : 0;
	case FBIOGET_FSCREENINFO:
		return copy_to_user((void __user *)arg, &fix, sizeof(fix))
			       ? -EFAULT
			       : 0;
	default:
		return -ENOTTY;
	}
}

/*
 * The whole mapping at once, from the frame vm_pgoff pages into the
 * framebuffer.  Past its end: EINVAL, as Linux's fb_mmap answers (it maps
 * with vm_iomap_memory).
 */
static int fb_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long len = vma->vm_end - vma->vm_start;
	unsigned long pages = ALIGN(FB_SIZE, PAGE_SIZE) >> PAGE_SHIFT;

	if (vma->vm_pgoff >= pages || len >> PAGE_SHIFT > pages - vma->vm_pgoff)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start,
			       PHYS_PFN(fb.phys) + vma->vm_pgoff, len,
			       pgprot_device(vm_get_page_prot(vma->vm_flags)));
}

const struct file_operations fb_fops = {
	.open = fb_open,
	.release = fb_release,
	.read_iter = fb_read,
	.write_iter = fb_write,
	.llseek = fb_llseek,
	.ioctl = fb_ioctl,
	.mmap = fb_mmap,
};
