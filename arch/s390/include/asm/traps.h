/* SPDX-License-Identifier: MIT */
/* Program-interruption codes (z/Architecture Principles of Operation). */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <kernel/types.h>

#define PGM_OPERATION 0x01
#define PGM_PRIVILEGED_OP 0x02
#define PGM_EXECUTE 0x03
#define PGM_PROTECTION 0x04
#define PGM_ADDRESSING 0x05
#define PGM_SPECIFICATION 0x06
#define PGM_DATA 0x07
#define PGM_FIXED_POINT_OVERFLOW 0x08
#define PGM_FIXED_POINT_DIVIDE 0x09
#define PGM_SEGMENT_TRANSLATION 0x10
#define PGM_PAGE_TRANSLATION 0x11
#define PGM_ASCE_TYPE 0x38
#define PGM_REGION_FIRST_TRANS 0x39
#define PGM_REGION_SECOND_TRANS 0x3a
#define PGM_REGION_THIRD_TRANS 0x3b
#define PGM_CODE_MASK 0x7f /* without the PER-event bit (0x80) */

/* Translation-exception identification: the page, store or fetch, space. */
#define TEID_ADDR_MASK (~0xfffUL)
#define TEID_FSI_MASK 0xc00UL
#define TEID_FSI_STORE 0x400UL
#define TEID_AS_MASK 0x3UL
#define TEID_AS_PRIMARY 0x0UL

struct mm_struct;
struct pt_regs;

void s390_trap(struct pt_regs *regs);

#endif
