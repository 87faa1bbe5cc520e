// SPDX-License-Identifier: MIT
/*
 * The keyboard: scan codes to the bytes a terminal sends, fed to the same
 * tty as the serial port (console_receive).  Linux splits this between
 * atkbd (scan codes to key numbers) and the vt keyboard (keys to bytes
 * through a keymap); here one table does both, for a US layout.
 *
 * Input is scan code set 1, which a PC keyboard controller produces by
 * translation whatever the keyboard itself speaks (arch/x86_64/i8042.c
 * turns translation on).  A key sends its make code when pressed, again
 * and again while held (the keyboard's own typematic repeat, so key
 * repeat needs nothing here), and its break code (make | 0x80) when
 * released.  0xe0 prefixes the keys added by the 101-key keyboard (arrows,
 * the right-hand Ctrl, ...); 0xe1 starts the Pause key's six-byte
 * sequence, which has no meaning here.
 *
 * Shift, Ctrl and Caps Lock are tracked; Ctrl with a letter gives its
 * control character (Ctrl-C is 0x03), arrows and Home/End/Delete give
 * the ANSI sequences a VT100-style terminal sends (ESC [ A ...).  The
 * keypad always types digits (as with Num Lock on).  Any other code,
 * unknown or unmapped, is dropped: it never reaches the tty.
 */
#include <kernel/drivers/keyboard.h>
#include <kernel/fs/fs.h>
#include <kernel/string.h>

#define SC_PREFIX_E0 0xe0
#define SC_PREFIX_E1 0xe1
#define SC_BREAK 0x80
#define SC_LSHIFT 0x2a
#define SC_RSHIFT 0x36
#define SC_CTRL 0x1d /* left; 0xe0 0x1d is the right one */
#define SC_CAPS 0x3a
#define PAUSE_TAIL 5 /* bytes after 0xe1 in the Pause sequence */

/* Unshifted and shifted characters of the main keys, by make code. */
static const char keymap[][2] = {
	[0x01] = { 0x1b, 0x1b }, /* Esc */
	[0x02] = { '1', '!' },
	[0x03] = { '2', '@' },
	[0x04] = { '3', '#' },
	[0x05] = { '4', '$' },
	[0x06] = { '5', '%' },
	[0x07] = { '6', '^' },
	[0x08] = { '7', '&' },
	[0x09] = { '8', '*' },
	[0x0a] = { '9', '(' },
	[0x0b] = { '0', ')' },
	[0x0c] = { '-', '_' },
	[0x0d] = { '=', '+' },
	[0x0e] = { 0x7f, 0x7f }, /* Backspace sends DEL, as Linux's does */
	[0x0f] = { '\t', '\t' },
	[0x10] = { 'q', 'Q' },
	[0x11] = { 'w', 'W' },
	[0x12] = { 'e', 'E' },
	[0x13] = { 'r', 'R' },
	[0x14] = { 't', 'T' },
	[0x15] = { 'y', 'Y' },
	[0x16] = { 'u', 'U' },
	[0x17] = { 'i', 'I' },
	[0x18] = { 'o', 'O' },
	[0x19] = { 'p', 'P' },
	[0x1a] = { '[', '{' },
	[0x1b] = { ']', '}' },
	[0x1c] = { '\r', '\r' }, /* Enter */
	[0x1e] = { 'a', 'A' },
	[0x1f] = { 's', 'S' },
	[0x20] = { 'd', 'D' },
	[0x21] = { 'f', 'F' },
	[0x22] = { 'g', 'G' },
	[0x23] = { 'h', 'H' },
	[0x24] = { 'j', 'J' },
	[0x25] = { 'k', 'K' },
	[0x26] = { 'l', 'L' },
	[0x27] = { ';', ':' },
	[0x28] = { '\'', '"' },
	[0x29] = { '`', '~' },
	[0x2b] = { '\\', '|' },
	[0x2c] = { 'z', 'Z' },
	[0x2d] = { 'x', 'X' },
	[0x2e] = { 'c', 'C' },
	[0x2f] = { 'v', 'V' },
	[0x30] = { 'b', 'B' },
	[0x31] = { 'n', 'N' },
	[0x32] = { 'm', 'M' },
	[0x33] = { ',', '<' },
	[0x34] = { '.', '>' },
	[0x35] = { '/', '?' },
	[0x37] = { '*', '*' }, /* keypad */
	[0x39] = { ' ', ' ' },
	/* The keypad, as with Num Lock on. */
	[0x47] = { '7', '7' },
	[0x48] = { '8', '8' },
	[0x49] = { '9', '9' },
	[0x4a] = { '-', '-' },
	[0x4b] = { '4', '4' },
	[0x4c] = { '5', '5' },
	[0x4d] = { '6', '6' },
	[0x4e] = { '+', '+' },
	[0x4f] = { '1', '1' },
	[0x50] = { '2', '2' },
	[0x51] = { '3', '3' },
	[0x52] = { '0', '0' },
	[0x53] = { '.', '.' },
};

/* Keys behind the 0xe0 prefix that send something. */
static const struct {
	u8 code;
	const char *seq;
} extended_keys[] = {
	{ 0x48, "\033[A" },  /* Up */
	{ 0x50, "\033[B" },  /* Down */
	{ 0x4d, "\033[C" },  /* Right */
	{ 0x4b, "\033[D" },  /* Left */
	{ 0x47, "\033[H" },  /* Home */
	{ 0x4f, "\033[F" },  /* End */
	{ 0x53, "\033[3~" }, /* Delete */
	{ 0x1c, "\r" },	     /* keypad Enter */
	{ 0x35, "/" },	     /* keypad / */
};

static size_t extended_key(u8 code, char *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(extended_keys); i++) {
		if (extended_keys[i].code == code) {
			size_t n = strlen(extended_keys[i].seq);

			memcpy(out, extended_keys[i].seq, n);
			return n;
		}
	}
	return 0;
}

/* Shift, Ctrl and Caps Lock; true if code was one of them. */
static bool modifier(struct kbd_state *kbd, u8 code, bool extended)
{
	bool down = !(code & SC_BREAK);

	switch (code & ~SC_BREAK) {
	case SC_LSHIFT:
	case SC_RSHIFT:
		if (extended)
			return true; /* fake shifts some keyboards add */
		kbd->shift = down;
		return true;
	case SC_CTRL:
		kbd->ctrl = down;
		return true;
	case SC_CAPS:
		/* Toggle on the first make only, not on each repeat. */
		if (down && !kbd->caps_held)
			kbd->caps_lock = !kbd->caps_lock;
		kbd->caps_held = down;
		return true;
	}
	return false;
}

static size_t main_key(const struct kbd_state *kbd, u8 code, char *out)
{
	bool letter;
	char c;

	if (code >= ARRAY_SIZE(keymap) || !keymap[code][0])
		return 0;
	letter = keymap[code][0] >= 'a' && keymap[code][0] <= 'z';
	c = keymap[code][kbd->shift != (letter && kbd->caps_lock)];
	if (kbd->ctrl && (letter || (c >= '@' && c <= '_')))
		c &= 0x1f;
	out[0] = c;
	return 1;
}

size_t kbd_decode(struct kbd_state *kbd, u8 code, char out[KBD_MAX_SEQ])
{
	bool extended = kbd->prefix == SC_PREFIX_E0;

	if (kbd->skip) {
		kbd->skip--;
		return 0;
	}
	kbd->prefix = 0;
	if (code == SC_PREFIX_E0) {
		kbd->prefix = code;
		return 0;
	}
	if (code == SC_PREFIX_E1) {
		kbd->skip = PAUSE_TAIL;
		return 0;
	}
	if (modifier(kbd, code, extended) || (code & SC_BREAK))
		return 0;
	return extended ? extended_key(code, out) : main_key(kbd, code, out);
}

static struct kbd_state kbd;

/* From the keyboard controller's interrupt. */
void kbd_receive_scancode(u8 code)
{
	char out[KBD_MAX_SEQ];
	size_t n = kbd_decode(&kbd, code, out);

	for (size_t i = 0; i < n; i++)
		console_receive(out[i]);
}
