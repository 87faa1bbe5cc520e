/* SPDX-License-Identifier: MIT */
/*
 * Stopping loudly.  panic() is for kernel bugs and impossible states: it
 * prints the message, the registers and a backtrace, then halts (or, in test
 * mode, makes QEMU exit with failure).  Bad input from outside never panics.
 */
#ifndef _KERNEL_PANIC_H
#define _KERNEL_PANIC_H

#include <kernel/kernel.h>

struct pt_regs;

/* Status the kernel exits with (in test mode) after a panic. */
#define PANIC_EXIT_STATUS 3

void panic(const char *fmt, ...) __noreturn __printf(1, 2);
/* Panic with the registers of a trap, not of the caller. */
void panic_regs(struct pt_regs *regs, const char *fmt, ...) __noreturn
	__printf(2, 3);

#define BUG_ON(cond)                                                           \
	do {                                                                   \
		if (unlikely(cond))                                            \
			panic("BUG at %s:%d: %s", __FILE__, __LINE__, #cond);  \
	} while (0)

/* Arch hooks used by panic. */
void arch_save_regs(struct pt_regs *regs);
void show_regs(const struct pt_regs *regs);
void show_backtrace(const struct pt_regs *regs);
void arch_exit(int status) __noreturn;
/* Switch the machine off (under QEMU: exit with status 0). */
void arch_poweroff(void) __noreturn;
void arch_restart(void) __noreturn;
void arch_halt(void) __noreturn;

#endif
