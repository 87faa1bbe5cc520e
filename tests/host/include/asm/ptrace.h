/* SPDX-License-Identifier: MIT */
/* Host stand-in: a test process has no trap frames to show. */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

struct pt_regs {
	int none;
};

#endif
