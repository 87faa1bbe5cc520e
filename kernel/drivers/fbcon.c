// SPDX-License-Identifier: MIT
/*
 * fbcon: the screen as a console, for a PC with a monitor and no serial
 * port.  It is one more struct console, so it shows exactly what the
 * serial port does: every printk and everything written to /dev/console.
 * Linux's fbcon and vgacon, much reduced.
 *
 * The screen is a grid of cells: 8 x 16 pixels in a framebuffer (glyphs
 * from font_5x8.c), or the (character, attribute) words of VGA text mode.
 * text[][] holds what each cell should show and shown[][] what was last
 * drawn there; after each write only the cells that differ are drawn.
 * That makes scrolling (move text[] up one row) cost what changed on the
 * screen, not a copy of the whole framebuffer, and it never reads video
 * memory, which is uncached and slow to read on real hardware.  Text
 * printed before the framebuffer is mapped waits in text[] and appears at
 * fbcon_map.
 *
 * Still, a screenful of changed cells is a lot of pixels, and redrawing
 * after every line of a long burst of output (the boot, a test run) would
 * cost more than producing it.  So while text scrolls by, the screen is
 * redrawn once every half screen of scrolling, and the idle loop draws
 * whatever is left (console_flush) as soon as the CPU has nothing else to
 * do; output that does not scroll, such as typing, is drawn at once.
 *
 * Bytes: printable ASCII is drawn; '\n' goes to the start of the next line
 * (the serial driver sends "\r\n" for it), '\r', '\b' and '\t' move the
 * cursor; a line wraps when the next character would pass its end.  Of
 * the ANSI escape sequences, ESC [ n A/B/C/D (cursor moves), ESC [ r;c H
 * (cursor position), ESC [ n J (erase in display) and ESC [ n K (erase in
 * line) are obeyed -- what the tty's line editing and `clear` send -- and
 * the rest are consumed and ignored.  Other control bytes are dropped;
 * bytes above 0x7e show as a box.
 *
 * Locking: printk may run in interrupt context, so the state is guarded
 * by a spinlock with interrupts off.
 */
#include <asm/io.h>
#include <kernel/drivers/fbcon.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>

#define MAX_COLS 256
#define MAX_ROWS 128
#define NOT_DRAWN 0 /* in shown[]: whatever is there must be redrawn */
#define ESC 0x1b
#define CSI_MAX_PARAMS 4
#define CSI_PARAM_MAX 9999
#define TEXT_ATTR 0x07	      /* VGA text: light grey on black */
#define TEXT_CURSOR_ATTR 0x70 /* black on light grey */
#define TEXT_BOX 0xfe	      /* a small square in the VGA text font */

static char text[MAX_ROWS][MAX_COLS];
static char shown[MAX_ROWS][MAX_COLS];
static u8 glyphs[FONT_GLYPHS][FONT_ROWS]; /* bit 4 is the leftmost dot */

enum parser_state { NORMAL, ESCAPE, CSI };

static struct fbcon {
	struct spinlock lock;
	struct fb_screen screen;
	u8 *base; /* NULL until mapped */
	unsigned int cols, rows, bytes_pp;
	unsigned int x,
		y;  /* the cursor; x == cols: at the end of a full line */
	u32 fg, bg; /* pixel values */
	unsigned int dirty_top, dirty_bottom; /* rows to compare */
	bool pending;			      /* text changed since drawn */
	unsigned int graphics; /* programs drawing on the screen themselves */
	unsigned int scrolled; /* lines, since drawn */
	enum parser_state state;
	unsigned int params[CSI_MAX_PARAMS], nparams;
} fbcon = { .lock = SPINLOCK_INIT };

static u32 pixel_value(u8 r, u8 g, u8 b)
{
	const struct fb_screen *s = &fbcon.screen;

	return (u32)(r >> (8 - min(s->red_bits, 8))) << s->red_shift |
	       (u32)(g >> (8 - min(s->green_bits, 8))) << s->green_shift |
	       (u32)(b >> (8 - min(s->blue_bits, 8))) << s->blue_shift;
}

static void put_pixel(u8 *p, u32 v)
{
	switch (fbcon.bytes_pp) {
	case 4:
		writel(v, p);
		break;
	case 3:
		writeb(v, p);
		writeb(v >> 8, p + 1);
		writeb(v >> 16, p + 2);
		break;
	case 2:
		writew(v, p);
		break;
	}
}

static unsigned int glyph_index(char c)
{
	u8 u = c;

	return u >= ' ' && u <= '~' ? u - ' ' : FONT_GLYPHS - 1;
}

/* Each dot of the 5 x 8 glyph is 1 x 2 pixels, from the cell's column 1. */
static void draw_pixel_cell(unsigned int col, unsigned int row, char c,
			    bool cursor)
{
	const u8 *glyph = glyphs[glyph_index(c)];
	u8 *line = fbcon.base + row * FONT_CELL_HEIGHT * fbcon.screen.pitch +
		   col * FONT_CELL_WIDTH * fbcon.bytes_pp;

	for (unsigned int y = 0; y < FONT_CELL_HEIGHT; y++) {
		unsigned int dots = glyph[y / 2];
		bool underline = cursor && y >= FONT_CELL_HEIGHT - 2;

		for (unsigned int x = 0; x < FONT_CELL_WIDTH; x++) {
			bool ink = underline || (x >= 1 && x <= FONT_COLS &&
						 (dots >> (FONT_COLS - x)) & 1);

			put_pixel(line + x * fbcon.bytes_pp,
				  ink ? fbcon.fg : fbcon.bg);
		}
		line += fbcon.screen.pitch;
	}
}

static void draw_text_cell(unsigned int col, unsigned int row, char c,
			   bool cursor)
{
	u8 ch = glyph_index(c) == FONT_GLYPHS - 1 ? TEXT_BOX : (u8)c;
	u16 attr = cursor ? TEXT_CURSOR_ATTR : TEXT_ATTR;

	writew(ch | attr << 8, fbcon.base + row * fbcon.screen.pitch + col * 2);
}

static void draw_cell(unsigned int col, unsigned int row, bool cursor)
{
	if (fbcon.screen.text)
		draw_text_cell(col, row, text[row][col], cursor);
	else
		draw_pixel_cell(col, row, text[row][col], cursor);
	shown[row][col] = cursor ? NOT_DRAWN : text[row][col];
}

static void mark_dirty(unsigned int top, unsigned int bottom)
{
	fbcon.dirty_top = min(fbcon.dirty_top, top);
	fbcon.dirty_bottom = max(fbcon.dirty_bottom, bottom);
}

/* Draw what changed, then the cursor (its cell is redrawn next time). */
static void flush(void)
{
	unsigned int cursor_x = min(fbcon.x, fbcon.cols - 1);

	if (!fbcon.base || !fbcon.pending || fbcon.graphics)
		return;
	for (unsigned int r = fbcon.dirty_top;
	     r <= fbcon.dirty_bottom && r < fbcon.rows; r++)
		for (unsigned int c = 0; c < fbcon.cols; c++)
			if (text[r][c] != shown[r][c])
				draw_cell(c, r, false);
	fbcon.dirty_top = fbcon.rows;
	fbcon.dirty_bottom = 0;
	draw_cell(cursor_x, fbcon.y, true);
	mark_dirty(fbcon.y, fbcon.y);
	fbcon.pending = false;
	fbcon.scrolled = 0;
}

static void erase(unsigned int row, unsigned int from, unsigned int to)
{
	memset(&text[row][from], ' ', to - from);
	mark_dirty(row, row);
}

static void newline(void)
{
	fbcon.x = 0;
	if (fbcon.y + 1 < fbcon.rows) {
		fbcon.y++;
		return;
	}
	memmove(text[0], text[1], (fbcon.rows - 1) * MAX_COLS);
	erase(fbcon.rows - 1, 0, fbcon.cols);
	mark_dirty(0, fbcon.rows - 1);
	fbcon.scrolled++;
}

static void put_char(char c)
{
	if (fbcon.x == fbcon.cols)
		newline();
	text[fbcon.y][fbcon.x++] = c;
	mark_dirty(fbcon.y, fbcon.y);
}

/* ESC [ n K and ESC [ n J: 0 from the cursor on, 1 up to it, 2 all. */
static void erase_in_line(unsigned int mode)
{
	unsigned int x = min(fbcon.x, fbcon.cols);

	if (mode == 0)
		erase(fbcon.y, x, fbcon.cols);
	else if (mode == 1)
		erase(fbcon.y, 0, min(x + 1, fbcon.cols));
	else if (mode == 2)
		erase(fbcon.y, 0, fbcon.cols);
}

static void erase_in_display(unsigned int mode)
{
	for (unsigned int r = 0; r < fbcon.rows; r++)
		if (mode == 2 || (mode == 0 && r > fbcon.y) ||
		    (mode == 1 && r < fbcon.y))
			erase(r, 0, fbcon.cols);
	erase_in_line(mode);
}

static unsigned int clamp_move(unsigned int pos, int by, unsigned int limit)
{
	int to = (int)pos + by;

	return to < 0 ? 0 : min((unsigned int)to, limit - 1);
}

static void do_csi(char final)
{
	unsigned int p0 = fbcon.params[0], n = p0 ? p0 : 1;

	switch (final) {
	case 'A':
		fbcon.y = clamp_move(fbcon.y, -(int)n, fbcon.rows);
		break;
	case 'B':
		fbcon.y = clamp_move(fbcon.y, n, fbcon.rows);
		break;
	case 'C':
		fbcon.x =
			clamp_move(min(fbcon.x, fbcon.cols - 1), n, fbcon.cols);
		break;
	case 'D':
		fbcon.x = clamp_move(min(fbcon.x, fbcon.cols - 1), -(int)n,
				     fbcon.cols);
		break;
	case 'H':
	case 'f':
		fbcon.y = clamp_move(0, (int)n - 1, fbcon.rows);
		fbcon.x = clamp_move(0, (int)max(fbcon.params[1], 1u) - 1,
				     fbcon.cols);
		break;
	case 'J':
		erase_in_display(p0);
		break;
	case 'K':
		erase_in_line(p0);
		break;
	}
}

/* Inside ESC [ ... : parameters, then one final byte in 0x40..0x7e. */
static void csi_byte(char c)
{
	unsigned int *param = &fbcon.params[fbcon.nparams];

	if (c >= '0' && c <= '9') {
		*param = min(*param * 10 + (c - '0'),
			     (unsigned int)CSI_PARAM_MAX);
	} else if (c == ';') {
		if (fbcon.nparams + 1 < CSI_MAX_PARAMS)
			fbcon.params[++fbcon.nparams] = 0;
	} else if (c >= 0x40 && c <= 0x7e) {
		do_csi(c);
		fbcon.state = NORMAL;
	} else if (c < 0x20 || c > 0x7e) {
		fbcon.state = NORMAL; /* not a sequence after all */
	}
}

static void control_byte(char c)
{
	switch (c) {
	case '\n':
		newline();
		break;
	case '\r':
		fbcon.x = 0;
		break;
	case '\b':
		fbcon.x = min(fbcon.x, fbcon.cols - 1);
		if (fbcon.x)
			fbcon.x--;
		break;
	case '\t':
		fbcon.x = min(ALIGN(fbcon.x + 1, 8u), fbcon.cols);
		break;
	case ESC:
		fbcon.state = ESCAPE;
		break;
	}
}

static void fbcon_putc(char c)
{
	switch (fbcon.state) {
	case ESCAPE:
		fbcon.state = c == '[' ? CSI : NORMAL;
		memset(fbcon.params, 0, sizeof(fbcon.params));
		fbcon.nparams = 0;
		return;
	case CSI:
		csi_byte(c);
		return;
	case NORMAL:
		break;
	}
	if ((u8)c < ' ' || c == 0x7f)
		control_byte(c);
	else
		put_char(c);
}

static void fbcon_write(struct console *con, const char *s, size_t n)
{
	unsigned long flags = spin_lock_irqsave(&fbcon.lock);

	for (size_t i = 0; i < n; i++)
		fbcon_putc(s[i]);
	fbcon.pending |= n > 0;
	if (!fbcon.scrolled || fbcon.scrolled >= fbcon.rows / 2)
		flush();
	spin_unlock_irqrestore(&fbcon.lock, flags);
}

static void fbcon_flush(struct console *con)
{
	unsigned long flags = spin_lock_irqsave(&fbcon.lock);

	flush();
	spin_unlock_irqrestore(&fbcon.lock, flags);
}

static struct console fbcon_console = { .name = "tty0",
					.write = fbcon_write,
					.flush = fbcon_flush };

static void load_font(void)
{
	for (unsigned int g = 0; g < FONT_GLYPHS; g++)
		for (unsigned int r = 0; r < FONT_ROWS; r++)
			for (unsigned int c = 0; c < FONT_COLS; c++)
				if (font_5x8[g][r][c] == '#')
					glyphs[g][r] |= 1
							<< (FONT_COLS - 1 - c);
}

/* The screen's cell grid and pixel format; false if fbcon cannot draw it. */
static bool set_geometry(const struct fb_screen *screen)
{
	unsigned int cell_w = screen->text ? 1 : FONT_CELL_WIDTH;
	unsigned int cell_h = screen->text ? 1 : FONT_CELL_HEIGHT;
	unsigned int cols = min(screen->width / cell_w, (unsigned int)MAX_COLS);
	unsigned int rows =
		min(screen->height / cell_h, (unsigned int)MAX_ROWS);

	if (!screen->text && screen->bpp != 16 && screen->bpp != 24 &&
	    screen->bpp != 32)
		return false;
	if (!cols || !rows)
		return false;
	fbcon.screen = *screen;
	fbcon.bytes_pp = screen->bpp / 8;
	fbcon.cols = cols;
	fbcon.rows = rows;
	fbcon.fg = pixel_value(0xc0, 0xc0, 0xc0);
	fbcon.bg = pixel_value(0, 0, 0);
	return true;
}

static void start(void)
{
	load_font();
	for (unsigned int r = 0; r < MAX_ROWS; r++)
		memset(text[r], ' ', MAX_COLS);
	register_console(&fbcon_console);
}

bool fbcon_init(const struct fb_screen *screen)
{
	if (!set_geometry(screen))
		return false;
	start();
	return true;
}

/* Everything is to be drawn again (a new mode, or the screen given back). */
static void redraw_all(void)
{
	memset(shown, NOT_DRAWN, sizeof(shown));
	mark_dirty(0, fbcon.rows - 1);
	fbcon.pending = true;
	flush();
}

void fbcon_map(void *base)
{
	unsigned long flags = spin_lock_irqsave(&fbcon.lock);

	fbcon.base = base;
	redraw_all();
	spin_unlock_irqrestore(&fbcon.lock, flags);
}

/*
 * A display driver set a mode of its own (the bochs-display's /dev/fb0):
 * the text moves there, the cursor's line kept on the screen.  Linux's
 * fbcon likewise moves from the firmware's framebuffer to the real
 * driver's.  Also starts the console if the boot loader gave no screen.
 */
void fbcon_set_screen(const struct fb_screen *screen, void *base)
{
	unsigned long flags = spin_lock_irqsave(&fbcon.lock);
	bool started = fbcon.cols != 0;
	unsigned int up;

	if (!set_geometry(screen)) {
		fbcon.base = NULL;
		spin_unlock_irqrestore(&fbcon.lock, flags);
		return;
	}
	if (!started)
		start();
	up = fbcon.y >= fbcon.rows ? fbcon.y - fbcon.rows + 1 : 0;
	memmove(text[0], text[up], (MAX_ROWS - up) * MAX_COLS);
	fbcon.y -= up;
	fbcon.x = min(fbcon.x, fbcon.cols);
	fbcon.base = base;
	redraw_all();
	spin_unlock_irqrestore(&fbcon.lock, flags);
}

/*
 * While a program draws on the screen itself (has /dev/fb0 open), the
 * console keeps its text but does not draw it, as Linux's does for a
 * virtual terminal in KD_GRAPHICS mode; the last one to close gets the
 * text back on the screen.
 */
void fbcon_set_graphics(bool on)
{
	unsigned long flags = spin_lock_irqsave(&fbcon.lock);

	if (on)
		fbcon.graphics++;
	else if (fbcon.graphics && !--fbcon.graphics)
		redraw_all();
	spin_unlock_irqrestore(&fbcon.lock, flags);
}
