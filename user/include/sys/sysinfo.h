/* SPDX-License-Identifier: MIT */
/*
 * <sys/sysinfo.h>: sysinfo(), the machine's memory and process figures.
 * Linux's name; Pagoda's struct sysinfo (pagoda/abi.h) gives sizes in bytes
 * and adds the page-cache size and the page size.
 */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#include <pagoda/abi.h>

int sysinfo(struct sysinfo *info);

#endif
