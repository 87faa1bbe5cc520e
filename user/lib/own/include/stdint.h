/* SPDX-License-Identifier: MIT */
/*
 * <stdint.h>: the compiler's own definitions.  gcc's stdint.h, in a hosted
 * build, expects the C library to have one too and includes it with
 * #include_next; this is that one, and it only asks for gcc's full version.
 * A bare-metal gcc (arm-none-eabi) installs that full version as its
 * stdint.h itself, with no stdint-gcc.h beside it.
 */
#ifndef _STDINT_H
#define _STDINT_H

#if __has_include(<stdint-gcc.h>)
#include <stdint-gcc.h>
#else
#include_next <stdint.h>
#endif

#endif
