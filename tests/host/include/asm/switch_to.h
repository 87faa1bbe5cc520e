/* SPDX-License-Identifier: MIT */
/* Host stand-in: a test process switches no tasks. */
#ifndef _ASM_SWITCH_TO_H
#define _ASM_SWITCH_TO_H

struct thread_struct {
	int none;
};

#endif
