/* SPDX-License-Identifier: MIT */
/* uname(): the system's names, in Linux's layout (struct new_utsname). */
#ifndef _UAPI_PAGODA_UTSNAME_H
#define _UAPI_PAGODA_UTSNAME_H

#define _UTSNAME_LENGTH 65

struct utsname {
	char sysname[_UTSNAME_LENGTH];	  /* "Pagoda" */
	char nodename[_UTSNAME_LENGTH];	  /* the host name */
	char release[_UTSNAME_LENGTH];	  /* Pagoda's version */
	char version[_UTSNAME_LENGTH];	  /* the build */
	char machine[_UTSNAME_LENGTH];	  /* the port: x86_64, armv7l, s390x */
	char domainname[_UTSNAME_LENGTH]; /* "(none)", as Linux's default */
};

#endif
