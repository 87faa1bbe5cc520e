/* SPDX-License-Identifier: MIT */
/* The system calls of processes: kernel/process.c, exec.c and signal.c (kill). */
#ifndef _KERNEL_PROCESS_H
#define _KERNEL_PROCESS_H

#include <kernel/kernel.h>
#include <kernel/uaccess.h>

long sys_fork(void);
void __noreturn sys_exit(int code);
long sys_waitpid(int pid, int __user *status, int options);
long sys_getpid(void);
long sys_getppid(void);
long sys_kill(int pid, int sig);
long sys_setpgid(int pid, int pgid);
long sys_getpgid(int pid);
long sys_setsid(void);
long sys_getsid(int pid);
int kill_pgrp(int pgrp, int sig);
/* kill(-pgrp): priv false checks the caller's right to signal each member. */
int __kill_pgrp(int pgrp, int sig, bool priv);
int kill_all(int sig);
long sys_execve(const char __user *path, const char __user *const __user *argv,
		const char __user *const __user *envp);

struct task_struct;

/* kernel/thread.c */
long sys_clone(unsigned long flags, unsigned long sp, int __user *parent_tid,
	       int __user *child_tid, unsigned long tls);
void __noreturn sys_exit_group(int code);
long sys_gettid(void);
long sys_set_tls(unsigned long tls);
/* exec: end the process's other threads; 0 or -EAGAIN (it is exiting). */
int de_thread(void);
/* A thread's exit: clear and wake its CLONE_CHILD_CLEARTID word. */
void exit_thread_tid(struct task_struct *t);

/* Start the first program from a kernel thread (no user registers yet). */
int kernel_execve(const char *path, const char *const argv[],
		  const char *const envp[]);

#endif
