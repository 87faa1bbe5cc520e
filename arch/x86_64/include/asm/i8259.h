/* SPDX-License-Identifier: MIT */
/* The PC's interrupt controllers and the IRQ lines Pagoda uses. */
#ifndef _ASM_I8259_H
#define _ASM_I8259_H

#define IRQ_TIMER 0
#define IRQ_KEYBOARD 1
#define IRQ_COM1 4

void pic_init(void);
void pic_unmask(unsigned int irq);

#endif
