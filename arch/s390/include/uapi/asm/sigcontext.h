/* SPDX-License-Identifier: MIT */
/*
 * The user registers a signal handler's frame saves (s390x), in the layout
 * of Linux's s390 struct sigcontext/_sigregs and struct ucontext: the PSW,
 * the 16 general registers, the floating-point control register and the
 * 16 floating-point registers (no access registers).  A handler may change
 * them; sigreturn checks what it reads back (arch/s390/signal.c).
 */
#ifndef _UAPI_ASM_SIGCONTEXT_H
#define _UAPI_ASM_SIGCONTEXT_H

#include <pagoda/abi.h>

struct sigcontext {
	unsigned long psw_mask, psw_addr;
	unsigned long gprs[16];
	unsigned int fpc, reserved;
	unsigned long fprs[16]; /* the bits of each double */
	unsigned long trapno;
	unsigned long fault_address;
	unsigned long oldmask;
};

#include <asm-generic/ucontext.h>

#endif
