/* SPDX-License-Identifier: MIT */
/*
 * The screen console (kernel/drivers/fbcon.c): text drawn into a linear
 * framebuffer the boot loader set up, or written into a text-mode screen.
 * The arch describes the screen (on x86_64, from the Multiboot2
 * framebuffer tag) and maps it; fbcon does the rest.
 */
#ifndef _KERNEL_DRIVERS_FBCON_H
#define _KERNEL_DRIVERS_FBCON_H

#include <kernel/kernel.h>

#define FONT_GLYPHS 96 /* ' ' to '~', then the box for other bytes */
#define FONT_ROWS 8
#define FONT_COLS 5
#define FONT_CELL_WIDTH 8
#define FONT_CELL_HEIGHT 16

extern const char font_5x8[FONT_GLYPHS][FONT_ROWS][FONT_COLS + 1];

struct fb_screen {
	unsigned int width, height; /* in pixels, or characters if text */
	unsigned int pitch;	    /* bytes from one line to the next */
	unsigned int bpp;	    /* bits per pixel: 16, 24 or 32 */
	bool text;		    /* VGA text mode: (char, attribute) cells */
	u8 red_shift, red_bits, green_shift, green_bits, blue_shift, blue_bits;
};

/*
 * Start the console: text written from now on is kept, and drawn once
 * fbcon_map gives the screen's address (the page tables must exist for
 * that, and printing should start before).  False if the format is not
 * one fbcon draws.
 */
bool fbcon_init(const struct fb_screen *screen);
void fbcon_map(void *base);
/* A display driver set its own mode: draw there from now on. */
void fbcon_set_screen(const struct fb_screen *screen, void *base);
/* A program draws on the screen itself (true) or is done (false). */
void fbcon_set_graphics(bool on);

#endif
