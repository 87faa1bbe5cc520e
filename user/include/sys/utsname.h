/* SPDX-License-Identifier: MIT */
/* <sys/utsname.h>: uname(), the system's names (pagoda/utsname.h). */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <pagoda/utsname.h>

int uname(struct utsname *name);

#endif
