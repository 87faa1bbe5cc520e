/* SPDX-License-Identifier: MIT */
/*
 * The lowcore: the first 8 KiB of the CPU's real storage (its prefix
 * area, here at absolute 0), where the CPU stores the old PSW and the
 * interruption code and fetches the new PSW of each interruption class.
 * Offsets are z/Architecture's (Principles of Operation, "Assigned
 * storage locations"); those from 0x200 on are Pagoda's own.
 *
 * The CPU's own accesses use real addresses, which DAT does not touch.
 * The kernel, running with DAT on, leaves virtual page 0 invalid, so that
 * a NULL pointer faults instead of reading the lowcore, and reaches the
 * lowcore through an alias (LOWCORE_ALIAS, mapped by paging_init):
 * lowcore_view says where it is (0 before DAT is on), and which system
 * mask byte (DAT on or not) the interruption handlers, which start with
 * DAT off at the real lowcore, switch to once they have saved registers.
 */
#ifndef _ASM_LOWCORE_H
#define _ASM_LOWCORE_H

#define __LC_EXT_PARAMS 0x080	/* u32: external-interruption parameter */
#define __LC_EXT_INT_CODE 0x086 /* u16 */
#define __LC_SVC_ILC 0x088	/* u16: instruction length code */
#define __LC_SVC_CODE 0x08a	/* u16: the svc's operand */
#define __LC_PGM_ILC 0x08c
#define __LC_DATA_EXC_CODE 0x090  /* u32: a data exception's DXC, low byte */
#define __LC_PGM_CODE 0x08e	  /* u16: program-interruption code */
#define __LC_TRANS_EXC_CODE 0x0a8 /* u64: translation-exception id */
#define __LC_SUBCHANNEL_ID 0x0b8  /* u32: an I/O interruption's subchannel */
#define __LC_IO_INT_PARM 0x0bc	  /* u32: its ORB's or PMCW's parameter */

#define __LC_RESTART_OLD_PSW 0x120
#define __LC_EXT_OLD_PSW 0x130
#define __LC_SVC_OLD_PSW 0x140
#define __LC_PGM_OLD_PSW 0x150
#define __LC_MCCK_OLD_PSW 0x160
#define __LC_IO_OLD_PSW 0x170
#define __LC_RESTART_NEW_PSW 0x1a0
#define __LC_EXT_NEW_PSW 0x1b0
#define __LC_SVC_NEW_PSW 0x1c0
#define __LC_PGM_NEW_PSW 0x1d0
#define __LC_MCCK_NEW_PSW 0x1e0
#define __LC_IO_NEW_PSW 0x1f0

/* Pagoda's: where entry.S saves registers before it has a stack. */
#define __LC_SAVE_AREA 0x200	/* 16 registers */
#define __LC_RETURN_PSW 0x280	/* the PSW lpswe resumes with */
#define __LC_KERNEL_STACK 0x290 /* top of the current task's kernel stack */
#define __LC_USER_ASCE 0x298	/* the current mm's ASCE (also in CR1) */
#define __LC_SCRATCH 0x2a0	/* a byte stnsm stores into */

/* struct lowcore_view's fields, for entry.S. */
#define LV_ADDR 0
#define LV_SYSMASK 8

#ifndef __ASSEMBLER__
struct lowcore_view {
	unsigned long addr;    /* the lowcore's address with DAT as set */
	unsigned char sysmask; /* the PSW's first byte in the kernel */
};

extern struct lowcore_view lowcore_view;

static inline void *lowcore_ptr(unsigned long offset)
{
	return (void *)(lowcore_view.addr + offset);
}
#endif

#endif
