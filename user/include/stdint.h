/* SPDX-License-Identifier: MIT */
/*
 * <stdint.h>: the compiler's own definitions.  gcc's stdint.h, in a hosted
 * build, expects the C library to have one too and includes it with
 * #include_next; this is that one, and it only asks for gcc's full version.
 */
#ifndef _STDINT_H
#define _STDINT_H

#include <stdint-gcc.h>

#endif
