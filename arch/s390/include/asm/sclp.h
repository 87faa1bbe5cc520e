/* SPDX-License-Identifier: MIT */
/*
 * The Service-Call Logical Processor (arch/s390/sclp.c): the machine's
 * console, its exit switch under QEMU, and its description of memory.
 */
#ifndef _ASM_SCLP_H
#define _ASM_SCLP_H

#include <kernel/types.h>

void sclp_console_init(void);
/* RAM size in bytes, from READ SCP INFO (0 if the SCLP does not say). */
unsigned long sclp_memory_size(void);
/* A line-mode message (EBCDIC on the wire): QEMU's testdev reads "<n>q". */
void sclp_write_line_mode(const char *text);
/*
 * The service-signal external interruption, when no request waited for
 * it: input is pending.  A request's own wait may see that instead, so
 * each clock tick also reads what it saw (sclp_poll_input).
 */
void sclp_interrupt(u32 param);
void sclp_poll_input(void);
void sclp_enable_input(void);

#endif
