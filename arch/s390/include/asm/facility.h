/* SPDX-License-Identifier: MIT */
/*
 * The CPU's installed facilities, as STORE FACILITY LIST EXTENDED reports
 * them: bit n of the list (counted from the left) is facility n.
 */
#ifndef _ASM_FACILITY_H
#define _ASM_FACILITY_H

#include <kernel/types.h>

#define FACILITY_IEP 130 /* instruction-execution protection */

bool test_facility(unsigned int nr);

#endif
