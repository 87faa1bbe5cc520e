/* SPDX-License-Identifier: MIT */
/*
 * <sys/wait.h>: waiting for child processes.  The status encoding and the
 * W* macros are Linux's, from pagoda/abi.h: WIFEXITED(s) and WEXITSTATUS(s)
 * for a normal exit, WIFSIGNALED(s) and WTERMSIG(s) for a killed process.
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <pagoda/abi.h>

/* pid -1 waits for any child; options 0 or WNOHANG. */
pid_t waitpid(pid_t pid, int *status, int options);
/* waitpid(-1, status, 0) */
pid_t wait(int *status);

#endif
