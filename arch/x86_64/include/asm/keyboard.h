/* SPDX-License-Identifier: MIT */
/* The PC keyboard controller (arch/x86_64/i8042.c). */
#ifndef _ASM_KEYBOARD_H
#define _ASM_KEYBOARD_H

void i8042_init(void);
void i8042_interrupt(void);

#endif
