// SPDX-License-Identifier: MIT
/*
 * The program's name, for messages (err.c), and its constructors and
 * destructors: the functions a program lists in its
 * .preinit_array, .init_array and .fini_array sections (gcc's
 * __attribute__((constructor)) and ((destructor)); the kselftest harness
 * registers its tests this way).  crt0 calls __libc_start_init after
 * setting environ and before main; the linker's default script marks each
 * array's bounds with the __*_array_start and _end symbols (weak here: a
 * program without the sections has none).
 *
 * The destructors run at exit, in the reverse of the array's order, after
 * the atexit handlers registered later than the program started -- as on
 * Linux, where they are registered with atexit before any constructor runs.
 */
#include <stdlib.h>
#include <string.h>

#include "libc.h"

extern void (*__preinit_array_start[])(void) __attribute__((weak));
extern void (*__preinit_array_end[])(void) __attribute__((weak));
extern void (*__init_array_start[])(void) __attribute__((weak));
extern void (*__init_array_end[])(void) __attribute__((weak));
extern void (*__fini_array_start[])(void) __attribute__((weak));
extern void (*__fini_array_end[])(void) __attribute__((weak));

static void run_fini_array(void)
{
	for (void (**f)(void) = __fini_array_end; f > __fini_array_start;)
		(*--f)();
}

static void run(void (**start)(void), void (**end)(void))
{
	for (void (**f)(void) = start; f < end; f++)
		(*f)();
}

const char *__progname = "";

void __libc_start_init(char **argv)
{
	const char *slash;

	if (argv[0]) {
		slash = strrchr(argv[0], '/');
		__progname = slash ? slash + 1 : argv[0];
	}
	atexit(run_fini_array);
	run(__preinit_array_start, __preinit_array_end);
	run(__init_array_start, __init_array_end);
}
