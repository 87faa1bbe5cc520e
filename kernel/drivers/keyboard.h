/* SPDX-License-Identifier: MIT */
/* The keyboard's scan-code decoder (kernel/drivers/keyboard.c). */
#ifndef _KERNEL_DRIVERS_KEYBOARD_H
#define _KERNEL_DRIVERS_KEYBOARD_H

#include <kernel/kernel.h>

#define KBD_MAX_SEQ 4 /* the longest output of one key: ESC [ 3 ~ */

struct kbd_state {
	u8 prefix; /* 0xe0 if the last byte was that prefix */
	u8 skip;   /* bytes of a Pause sequence still to come */
	bool shift, ctrl, caps_lock, caps_held;
};

/* One scan code (set 1) in; the bytes it types out, and how many. */
size_t kbd_decode(struct kbd_state *kbd, u8 code, char out[KBD_MAX_SEQ]);

/* From the arch's keyboard interrupt: decode, then type into the tty. */
void kbd_receive_scancode(u8 code);

#endif
