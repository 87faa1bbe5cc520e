/* SPDX-License-Identifier: MIT */
/*
 * The user registers a signal handler's frame saves (32-bit ARM), in the
 * layout of Linux's struct sigcontext and struct ucontext: a handler
 * installed with SA_SIGINFO gets a pointer to the ucontext as its third
 * argument, and may change the registers the interrupted code resumes
 * with.  sigreturn checks what it reads back (arch/arm/signal.c).
 */
#ifndef _UAPI_ASM_SIGCONTEXT_H
#define _UAPI_ASM_SIGCONTEXT_H

#include <pagoda/abi.h>

struct sigcontext {
	unsigned long trap_no;
	unsigned long error_code;
	unsigned long oldmask;
	unsigned long arm_r0, arm_r1, arm_r2, arm_r3, arm_r4, arm_r5, arm_r6;
	unsigned long arm_r7, arm_r8, arm_r9, arm_r10, arm_fp, arm_ip, arm_sp;
	unsigned long arm_lr, arm_pc, arm_cpsr;
	unsigned long fault_address;
};

#include <asm-generic/ucontext.h>

#endif
