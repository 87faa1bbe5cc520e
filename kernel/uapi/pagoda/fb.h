/* SPDX-License-Identifier: MIT */
/*
 * The framebuffer ioctls of /dev/fb0, with Linux's numbers and struct
 * layouts (include/uapi/linux/fb.h), so a program written for a Linux
 * framebuffer compiles and runs unchanged.  Only the fields a simple
 * program needs are filled in; the rest read as zero.  User space gets
 * this file as <linux/fb.h>.
 */
#ifndef _UAPI_PAGODA_FB_H
#define _UAPI_PAGODA_FB_H

#define FBIOGET_VSCREENINFO 0x4600
#define FBIOGET_FSCREENINFO 0x4602

#define FB_TYPE_PACKED_PIXELS 0 /* pixels side by side in memory */
#define FB_VISUAL_TRUECOLOR 2	/* each pixel holds its colour itself */

/* Where a colour channel sits in a pixel. */
struct fb_bitfield {
	unsigned int offset; /* lowest bit */
	unsigned int length; /* bits */
	unsigned int msb_right;
};

/* The mode as the program sees it (variable: Linux can change it). */
struct fb_var_screeninfo {
	unsigned int xres, yres; /* visible pixels */
	unsigned int xres_virtual, yres_virtual;
	unsigned int xoffset, yoffset;
	unsigned int bits_per_pixel;
	unsigned int grayscale;
	struct fb_bitfield red, green, blue, transp;
	unsigned int nonstd;
	unsigned int activate;
	unsigned int height, width; /* millimetres; 0 if unknown */
	unsigned int accel_flags;
	unsigned int pixclock;
	unsigned int left_margin, right_margin, upper_margin, lower_margin;
	unsigned int hsync_len, vsync_len;
	unsigned int sync, vmode, rotate, colorspace;
	unsigned int reserved[4];
};

/* The memory behind it (fixed for the device). */
struct fb_fix_screeninfo {
	char id[16];
	unsigned long smem_start; /* physical address of the framebuffer */
	unsigned int smem_len;	  /* its length: what mmap may map */
	unsigned int type;	  /* FB_TYPE_* */
	unsigned int type_aux;
	unsigned int visual; /* FB_VISUAL_* */
	unsigned short xpanstep, ypanstep, ywrapstep;
	unsigned int line_length; /* bytes from one row to the next */
	unsigned long mmio_start;
	unsigned int mmio_len;
	unsigned int accel;
	unsigned short capabilities;
	unsigned short reserved[2];
};

#endif
