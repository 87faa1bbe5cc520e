/* SPDX-License-Identifier: MIT */
/*
 * The user registers a signal handler's frame saves (x86_64), in the layout
 * of Linux's struct sigcontext and struct ucontext: a handler installed with
 * SA_SIGINFO gets a pointer to the ucontext as its third argument, and may
 * change the registers the interrupted code resumes with.  sigreturn checks
 * what it reads back (arch/x86_64/signal.c).
 */
#ifndef _UAPI_ASM_SIGCONTEXT_H
#define _UAPI_ASM_SIGCONTEXT_H

#include <pagoda/abi.h>

struct sigcontext {
	unsigned long r8, r9, r10, r11, r12, r13, r14, r15;
	unsigned long rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp;
	unsigned long rip;
	unsigned long eflags;
	unsigned short cs, gs, fs, ss;
	unsigned long err;
	unsigned long trapno;
	unsigned long oldmask;
	unsigned long cr2;
	void *fpstate; /* 512 bytes in fxsave's format, 16-byte aligned */
	unsigned long reserved1[8];
};

#include <asm-generic/ucontext.h>

#endif
