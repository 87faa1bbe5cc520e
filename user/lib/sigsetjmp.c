// SPDX-License-Identifier: MIT
/*
 * sigsetjmp and siglongjmp (<setjmp.h>): setjmp and longjmp that also
 * keep and put back the signal mask.  sigsetjmp itself is the arch's
 * (user/lib/arch/<arch>/sigsetjmp.S): it must be setjmp's caller's frame
 * that setjmp records, so the arch code calls __sigjmp_save below and then
 * jumps, not calls, to setjmp, with its own caller's return address and
 * stack pointer still in place.
 */
#include <setjmp.h>
#include <signal.h>

/* sigsetjmp's first half: keep the mask if asked; env, for setjmp. */
void *__sigjmp_save(sigjmp_buf env, int savemask)
{
	env->__saved = savemask != 0;
	if (savemask)
		sigprocmask(SIG_BLOCK, NULL, &env->__mask);
	return env;
}

void siglongjmp(sigjmp_buf env, int val)
{
	if (env->__saved)
		sigprocmask(SIG_SETMASK, &env->__mask, NULL);
	longjmp(env->__jb, val);
}
