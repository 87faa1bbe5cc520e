// SPDX-License-Identifier: MIT
/*
 * fbdemo: draw this process's own address space on /dev/fb0, one bar per
 * memory area (VMA), top to bottom in address order, its length growing
 * with the area's size (log scale: 4 KiB to 128 TiB share one screen),
 * its colour saying what it is.  A stripe through each bar shows how much
 * of it is mapped: solid for counted pages (RAM the VM owns), a checker
 * for raw frames (device memory, nothing counted).  Among the areas is
 * the framebuffer mapping fbdemo draws through: a VM_PFNMAP area, white,
 * all of it raw.  The legend goes to the console.  See the window with `make run GRAPHIC=1 RUN=fbdemo`.
 *
 * It uses the framebuffer as a Linux program would: FBIOGET_VSCREENINFO
 * and FBIOGET_FSCREENINFO for the mode, then mmap of smem_len bytes.
 */
#include <fcntl.h>
#include <linux/fb.h>
#include <pagoda.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#define MAX_AREAS 32

struct kind {
	unsigned int rgb;
	const char *name;
};

/* What an area is, most telling first. */
static struct kind kind_of(const struct mapinfo *m)
{
	if (m->flags & MAPINFO_PFNMAP)
		return (struct kind){ 0xffffff,
				      "white: device frames (pfnmap)" };
	if (m->flags & MAPINFO_MIXEDMAP)
		return (struct kind){ 0x40e0e0, "cyan: mixed map (XIP)" };
	if (m->flags & MAPINFO_RESERVED)
		return (struct kind){ 0xff9020,
				      "orange: driver pages (reserved)" };
	if (!strcmp(m->name, "[stack]"))
		return (struct kind){ 0xe04040, "red: stack" };
	if (!strcmp(m->name, "[heap]"))
		return (struct kind){ 0xe0e040, "yellow: heap" };
	if (m->flags & MAPINFO_EXEC)
		return (struct kind){ 0x3060ff, "blue: program text" };
	if (m->flags & MAPINFO_WRITE)
		return (struct kind){ 0x40c040, "green: data" };
	return (struct kind){ 0x909090, "grey: read-only data" };
}

static unsigned int log2_of(unsigned long n)
{
	unsigned int l = 0;

	while (n >>= 1)
		l++;
	return l;
}

/* A rectangle; with checker set, every other 4x4 cell only. */
static void fill(unsigned int *fb, unsigned int stride, int x0, int y0, int w,
		 int h, unsigned int rgb, int checker)
{
	for (int y = y0; y < y0 + h; y++)
		for (int x = x0; x < x0 + w; x++)
			if (!checker || ((x / 4 + y / 4) & 1))
				fb[y * stride + x] = rgb;
}

/* The share of a bar's length that n of its pages take. */
static int part(int len, unsigned long n, unsigned long pages)
{
	return (int)((unsigned long long)len * (n < pages ? n : pages) / pages);
}

int main(void)
{
	struct fb_var_screeninfo var;
	struct fb_fix_screeninfo fix;
	struct mapinfo areas[MAX_AREAS];
	int fd = open("/dev/fb0", O_RDWR), n = 0, row;
	unsigned int *fb, stride;

	if (fd < 0) {
		perror("fbdemo: /dev/fb0");
		return 1;
	}
	if (ioctl(fd, FBIOGET_VSCREENINFO, &var) ||
	    ioctl(fd, FBIOGET_FSCREENINFO, &fix) || var.bits_per_pixel != 32) {
		fprintf(stderr, "fbdemo: not a 32-bit framebuffer\n");
		return 1;
	}
	fb = mmap(NULL, fix.smem_len, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		  0);
	if (fb == MAP_FAILED) {
		perror("fbdemo: mmap");
		return 1;
	}
	stride = fix.line_length / 4;
	/* The areas now, the framebuffer's among them. */
	while (n < MAX_AREAS && mapinfo(0, n, &areas[n]) == 0)
		n++;
	fill(fb, stride, 0, 0, var.xres, var.yres, 0x101018, 0);
	row = var.yres / (n ? n : 1);
	printf("%dx%d framebuffer at %#lx; %d areas, top to bottom:\n",
	       var.xres, var.yres, fix.smem_start, n);
	for (int i = 0; i < n; i++) {
		const struct mapinfo *m = &areas[i];
		unsigned long pages = (m->end - m->start) / 4096;
		int len = (log2_of(pages) + 1) * (var.xres - 20) / 24;
		struct kind k = kind_of(m);

		int y = i * row + 2, counted = part(len, m->resident, pages);

		fill(fb, stride, 10, y, len, row - 4, k.rgb, 0);
		fill(fb, stride, 10, y + row / 3, counted, row / 4, 0x202020,
		     0);
		fill(fb, stride, 10 + counted, y + row / 3,
		     part(len, m->raw, pages), row / 4, 0x202020, 1);
		printf("  %08lx-%08lx %6lu pages (%lu counted, %lu raw) %s\n",
		       m->start, m->end, pages, m->resident, m->raw, k.name);
	}
	return 0;
}
