/* SPDX-License-Identifier: MIT */
#ifndef _ASM_SERIAL_H
#define _ASM_SERIAL_H

void serial_init(void);
void serial_enable_input(void);
void serial_interrupt(void);

#endif
