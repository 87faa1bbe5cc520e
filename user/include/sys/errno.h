/* SPDX-License-Identifier: MIT */
/*
 * <sys/errno.h> (and so <errno.h>, newlib's, which includes it): errno and
 * the error numbers.  This replaces newlib's own: the numbers are the
 * kernel's (pagoda/errno.h, Linux's values), so that a system call's -ENOENT
 * is stored as it is, and newlib, compiled with this header (tools/build-
 * newlib.sh), names the same numbers in strerror() and sets them itself.
 * errno is a field of the calling thread's struct _reent (__getreent(),
 * user/lib/pthread.c), so every thread has its own.
 */
#ifndef _SYS_ERRNO_H_
#define _SYS_ERRNO_H_

#include <sys/reent.h>
#include <pagoda/errno.h>

#define errno (*__errno())
extern int *__errno(void);
#define __errno_r(ptr) ((ptr)->_errno)

extern const char *const _sys_errlist[];
extern int _sys_nerr;

/*
 * Numbers the kernel never returns but the C library and programs use
 * (Linux's values).
 */
#define ENOTBLK 15
#define EXDEV 18
#define EMLINK 31
#define EDOM 33
#define EWOULDBLOCK EAGAIN
#define ELOOP 40
#define ENOMSG 42
#define EIDRM 43
#define ENOSTR 60
#define ENODATA 61
#define ETIME 62
#define ENOSR 63
#define ENOLINK 67
#define EPROTO 71
#define EMULTIHOP 72
#define EBADMSG 74
#define EILSEQ 84
#define ENOTSOCK 88
#define EDESTADDRREQ 89
#define EMSGSIZE 90
#define EPROTOTYPE 91
#define ENOPROTOOPT 92
#define EPROTONOSUPPORT 93
#define EOPNOTSUPP 95
#define ENOTSUP EOPNOTSUPP
#define EAFNOSUPPORT 97
#define EADDRINUSE 98
#define EADDRNOTAVAIL 99
#define ENETDOWN 100
#define ENETUNREACH 101
#define ENETRESET 102
#define ECONNABORTED 103
#define ECONNRESET 104
#define ENOBUFS 105
#define EISCONN 106
#define ENOTCONN 107
#define ETIMEDOUT 110
#define ECONNREFUSED 111
#define EHOSTUNREACH 113
#define EALREADY 114
#define EINPROGRESS 115
#define ESTALE 116
#define EDQUOT 122
#define ECANCELED 125
#define EOWNERDEAD 130
#define ENOTRECOVERABLE 131

/* newlib's own, for its hash database: not a Linux number. */
#define EFTYPE 133

/* The highest number, for tables indexed by it (newlib's name). */
#define __ELASTERROR 134

#endif
