/* SPDX-License-Identifier: MIT */
/*
 * struct pt_regs: what entry.S saves on a program check, a supervisor call
 * or an external interrupt: the 16 general registers, the old PSW (mask
 * and address), the interruption code and, for translation exceptions,
 * the translation-exception identification (the faulting address).
 * panic() fills one too, so both print registers and a backtrace alike.
 * The layout is shared with entry.S (the PT_* offsets below).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#include <asm/layout.h>

#define PT_GPRS 0
#define PT_PSW_MASK 128
#define PT_PSW_ADDR 136
#define PT_INT_CODE 144
#define PT_INT_PARM 152
#define PT_ORIG_GPR2 160
#define PT_SIZE 168

/* The interruption classes entry.S reports in int_code's high half. */
#define TRAP_PROGRAM 1
#define TRAP_SVC 2
#define TRAP_EXTERNAL 3
#define TRAP_IO 4
#define TRAP_CLASS_SHIFT 32

#define PSW_MASK_PER _UL(0x4000000000000000)
#define PSW_MASK_DAT _UL(0x0400000000000000)
#define PSW_MASK_IO _UL(0x0200000000000000)
#define PSW_MASK_EXT _UL(0x0100000000000000)
#define PSW_MASK_KEY _UL(0x00f0000000000000)
#define PSW_MASK_MCHECK _UL(0x0004000000000000)
#define PSW_MASK_WAIT _UL(0x0002000000000000)
#define PSW_MASK_PSTATE _UL(0x0001000000000000)
#define PSW_MASK_ASC _UL(0x0000c00000000000)
#define PSW_ASC_PRIMARY _UL(0x0000000000000000)
#define PSW_ASC_HOME _UL(0x0000c00000000000)
#define PSW_MASK_CC _UL(0x0000300000000000)
#define PSW_MASK_PM _UL(0x00000f0000000000)
#define PSW_MASK_64 _UL(0x0000000180000000) /* extended + basic addressing */

/* The kernel: DAT on, home space, 64-bit; user: the same in primary space. */
#define PSW_KERNEL_BITS (PSW_MASK_DAT | PSW_ASC_HOME | PSW_MASK_64)
#define PSW_USER_BITS                                                          \
	(PSW_MASK_DAT | PSW_MASK_IO | PSW_MASK_EXT | PSW_MASK_PSTATE |         \
	 PSW_ASC_PRIMARY | PSW_MASK_64)

#ifndef __ASSEMBLER__
#include <kernel/types.h>

struct pt_regs {
	u64 gprs[16];
	u64 psw_mask, psw_addr;
	u64 int_code;  /* class << 32 | the code (program check, SVC number) */
	u64 int_parm;  /* a translation exception's address */
	u64 orig_gpr2; /* the first argument, which the result overwrites */
};

static inline unsigned long instruction_pointer(const struct pt_regs *regs)
{
	return regs->psw_addr;
}

static inline unsigned long frame_pointer(const struct pt_regs *regs)
{
	return regs->gprs[15];
}

static inline unsigned long user_stack_pointer(const struct pt_regs *regs)
{
	return regs->gprs[15];
}

static inline bool user_mode(const struct pt_regs *regs)
{
	return regs->psw_mask & PSW_MASK_PSTATE;
}

static inline unsigned int trap_class(const struct pt_regs *regs)
{
	return regs->int_code >> TRAP_CLASS_SHIFT;
}

/*
 * System calls: svc 0 with the number in %r1, arguments in %r2..%r7, the
 * result in %r2 (Linux's s390 convention for numbers above 255).
 */
static inline unsigned long syscall_nr(const struct pt_regs *regs)
{
	return regs->gprs[1];
}

static inline void syscall_args(const struct pt_regs *regs, unsigned long a[6])
{
	a[0] = regs->orig_gpr2;
	for (int i = 1; i < 6; i++)
		a[i] = regs->gprs[2 + i];
}

static inline void syscall_set_return(struct pt_regs *regs, long ret)
{
	regs->gprs[2] = ret;
}

static inline unsigned long syscall_get_return(const struct pt_regs *regs)
{
	return regs->gprs[2];
}

static inline bool in_syscall(const struct pt_regs *regs)
{
	return trap_class(regs) == TRAP_SVC;
}

static inline void forget_syscall(struct pt_regs *regs)
{
	regs->int_code = 0;
}

/* Run the call again: back over the 2-byte svc, first argument restored. */
static inline void syscall_rewind(struct pt_regs *regs)
{
	regs->gprs[2] = regs->orig_gpr2;
	regs->psw_addr -= 2;
}
#endif

#endif
