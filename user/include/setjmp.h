/* SPDX-License-Identifier: MIT */
/*
 * <setjmp.h>: newlib's setjmp and longjmp (the arch's own where newlib's
 * will not do: user/lib/arch/<arch>/setjmp.S), and POSIX's sigsetjmp and
 * siglongjmp, which newlib has only for Cygwin and RTEMS.  A sigjmp_buf is
 * a jmp_buf, then whether sigsetjmp kept the signal mask, and the mask.
 */
#ifndef _PAGODA_SETJMP_H
#define _PAGODA_SETJMP_H

#include_next <setjmp.h>
#include <pagoda/abi.h> /* sigset_t */

typedef struct {
	jmp_buf __jb; /* first: sigsetjmp hands the whole buffer to setjmp */
	int __saved;
	sigset_t __mask;
} sigjmp_buf[1];

/* setjmp, keeping the signal mask too if savemask is not 0. */
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
/* longjmp, putting back the mask sigsetjmp kept, if it kept one. */
void siglongjmp(sigjmp_buf env, int val) __attribute__((noreturn));

#endif
