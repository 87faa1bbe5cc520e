/* SPDX-License-Identifier: MIT */
/*
 * What a signal handler installed with SA_SIGINFO gets as its third
 * argument, in the layout of Linux's struct ucontext, the same on every
 * port around the port's own struct sigcontext (<asm/sigcontext.h>, which
 * includes this after defining it).
 */
#ifndef _UAPI_ASM_GENERIC_UCONTEXT_H
#define _UAPI_ASM_GENERIC_UCONTEXT_H

#include <pagoda/abi.h>

struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	sigset_t uc_sigmask;
};

#endif
