/* SPDX-License-Identifier: MIT */
/*
 * <linux/mman.h>: Linux's names for mmap's flags, which <sys/mman.h>
 * holds: the MAP_, PROT_, MADV_ and MCL_ flags Pagoda has.
 */
#include <sys/mman.h>
