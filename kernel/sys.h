/* SPDX-License-Identifier: MIT */
/* The small system calls of kernel/sys.c, and the tick hook for sleepers. */
#ifndef _KERNEL_SYS_H
#define _KERNEL_SYS_H

#include <kernel/uaccess.h>
#include <pagoda/abi.h>
#include <pagoda/utsname.h>

long sys_brk(unsigned long addr);
long sys_getrusage(int who, struct rusage __user *ru);
long sys_clock_gettime(int clock, struct timespec __user *tp);
long sys_nanosleep(const struct timespec __user *req,
		   struct timespec __user *rem);
long sys_sched_yield(void);
long sys_uname(struct utsname __user *name);
long sys_sysinfo(struct sysinfo __user *info);
long sys_procinfo(int index, struct procinfo __user *info);
long sys_reboot(int cmd, int status);
long sys_mapinfo(int pid, int index, struct mapinfo __user *info);
long sys_vmstat(struct vmstat __user *out);
long sys_vm_audit(void);
long sys_prctl(int option, unsigned long arg2);
/* mm/swapon.c */
long sys_swapon(const char __user *path, int swap_flags);
long sys_swapoff(const char __user *path);

/* Called every tick: sleepers in nanosleep and select check their deadline. */
void wake_sleepers(void);
/* kernel/fs/select.c: the tick's part for select's timeouts. */
void poll_tick(void);

#endif
