/* SPDX-License-Identifier: MIT */
/* Boot parameters, parsed from the command line the boot loader passes. */
#ifndef _KERNEL_PARAMS_H
#define _KERNEL_PARAMS_H

#include <kernel/types.h>

#define CMDLINE_MAX 256

struct boot_params {
	bool ktest; /* "ktest": run the in-kernel tests, then exit */
	const char *
		ktest_filter; /* "ktest.filter=GLOB[,GLOB]": suites or suite.case */
	bool ktest_list; /* "ktest.list": name the selected tests, run none */
	/* "ktest.scope=kernel|user": only the kernel suites or the user tests (0: both) */
	unsigned int ktest_scope;
	phys_addr_t mem_limit; /* "mem=SIZE[KMG]": ignore RAM above; 0 = none */
	const char *
		run; /* "run=CMD" or run="CMD ARGS": init runs it, then powers off */
};

#define KTEST_SCOPE_KERNEL 1
#define KTEST_SCOPE_USER 2

extern struct boot_params boot_params;
extern char boot_command_line[CMDLINE_MAX];

/* Parse a copy of cmdline (kept: boot_params points into it). */
void parse_boot_params(const char *cmdline);
/* "16M" -> 16 MiB; returns false on anything that is not a size. */
bool parse_size(const char *s, phys_addr_t *out);

#endif
