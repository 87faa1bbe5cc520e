/* SPDX-License-Identifier: MIT */
/*
 * The system-call ABI: numbers, shared by the kernel (kernel/syscall.c) and
 * the user library (user/lib/).  On x86_64 a call is `int $0x80` with the
 * number in rax and the arguments in rdi, rsi, rdx, r10, r8, r9 (Linux's
 * register order); on 32-bit ARM `svc #0` with the number in r7 and the
 * arguments in r0-r5 (the EABI's).  The result comes back in rax or r0, a
 * negative errno on failure (-4095 .. -1: an address may look negative),
 * which the library turns into -1 and errno.
 *
 * Arguments are words (long).  A file offset is 64 bits everywhere (off_t,
 * loff_t): one word on a 64-bit machine, two on a 32-bit one, low word
 * first, the arguments after it moving up (SYSCALL_OFF_WORDS).  lseek's
 * new offset does not fit a 32-bit result: there it is stored through a
 * pointer passed after whence, and the call returns 0.
 */
#ifndef _UAPI_PAGODA_SYSCALL_H
#define _UAPI_PAGODA_SYSCALL_H

/* How many argument words a 64-bit file offset takes. */
#define SYSCALL_OFF_WORDS (8 / sizeof(long))

#define SYS_exit 0
#define SYS_fork 1
#define SYS_execve 2
#define SYS_waitpid 3
#define SYS_getpid 4
#define SYS_getppid 5
#define SYS_kill 6
#define SYS_open 7
#define SYS_close 8
#define SYS_read 9
#define SYS_write 10
#define SYS_pread 11
#define SYS_pwrite 12
#define SYS_lseek 13
#define SYS_fstat 14
#define SYS_unlink 15
#define SYS_mkdir 16
#define SYS_dup 17
#define SYS_dup2 18
#define SYS_pipe 19
#define SYS_ftruncate 20
#define SYS_ioctl 21
#define SYS_brk 22
#define SYS_getrusage 23
#define SYS_clock_gettime 24
#define SYS_nanosleep 25
#define SYS_sched_yield 26
#define SYS_getdents 27 /* directory entries, as struct pagoda_dirent */
#define SYS_sysinfo 28	/* memory and process figures, struct sysinfo */
#define SYS_procinfo 29 /* one process's figures, struct procinfo (for ps) */
#define SYS_reboot 30	/* power off or restart: (REBOOT_*, exit status) */
#define SYS_stat 31
#define SYS_chdir 32
#define SYS_getcwd 33
#define SYS_rmdir 34
#define SYS_mmap 35
#define SYS_munmap 36
#define SYS_mprotect 37
#define SYS_madvise 38
#define SYS_mapinfo 39	/* one VMA of a process, struct mapinfo (for pmap) */
#define SYS_vmstat 40	/* system-wide VM event counts, struct vmstat */
#define SYS_vm_audit 41 /* VM invariants: problems found (fuzzers) */
#define SYS_sigaction 42
#define SYS_sigprocmask 43
#define SYS_sigreturn 44 /* only from the restorer, on a signal frame */
#define SYS_sigpending 45
#define SYS_sigsuspend 46
#define SYS_alarm 47
#define SYS_sigwaitinfo 48
#define SYS_setpgid 49	  /* job control: put a process in a process group */
#define SYS_clone 50	  /* a thread (kernel/thread.c), or fork */
#define SYS_exit_group 51 /* end every thread; SYS_exit ends the caller's */
#define SYS_gettid 52
#define SYS_futex 53   /* wait for a word to change, wake its waiters */
#define SYS_set_tls 54 /* the thread pointer (x86_64: FS base) */
#define SYS_swapon 55  /* (path, SWAP_FLAG_*): start swapping to a disk */
#define SYS_swapoff 56
#define SYS_mlock 57
#define SYS_munlock 58
#define SYS_mlockall 59 /* (MCL_CURRENT | MCL_FUTURE) */
#define SYS_munlockall 60
#define SYS_sigaltstack 61
#define SYS_fcntl 62
#define SYS_fsync 63
#define SYS_msync 64
#define SYS_pselect6 65 /* (n, in, out, except, timespec, sigset_t *mask) */
#define SYS_setsid 66
#define SYS_getsid 67
#define SYS_getpgid 68
#define SYS_ppoll 69 /* (fds, nfds, timespec, sigset_t *mask) */
#define SYS_rename 70
#define SYS_link 71
#define SYS_sigqueueinfo 72 /* (pid, sig, siginfo_t *): sigqueue */
#define SYS_sigtimedwait 73 /* (set, info, timespec *timeout) */
#define SYS_tgkill 74	    /* (tgid, tid, sig): pthread_kill */
/* 76-83: interval and POSIX timers (kernel/itimer.c, kernel/posix_timers.c) */
#define SYS_setitimer 76
#define SYS_getitimer 77
#define SYS_timer_create 78
#define SYS_timer_settime 79 /* (id, flags, new, old): TIMER_ABSTIME */
#define SYS_timer_gettime 80
#define SYS_timer_getoverrun 81
#define SYS_timer_delete 82
#define SYS_clock_getres 83
/* Users, scheduling policies, limits, names (kernel/cred.c, sched_syscalls.c, resource.c) */
#define SYS_setresuid 88 /* (ruid, euid, suid), -1: unchanged */
#define SYS_getresuid 89 /* (ruid *, euid *, suid *) */
#define SYS_setresgid 90
#define SYS_getresgid 91
#define SYS_setreuid 92
#define SYS_setregid 93
#define SYS_setuid 94
#define SYS_setgid 95
#define SYS_sched_setscheduler 96 /* policy -1: keep it (sched_setparam) */
#define SYS_sched_getscheduler 97
#define SYS_sched_getparam 98
#define SYS_sched_rr_get_interval 99
#define SYS_sched_setaffinity 100 /* (pid, len, mask): CPUs it may run on */
#define SYS_sched_getaffinity 101
#define SYS_prlimit 102 /* (pid, resource, new, old): getrlimit, setrlimit */
#define SYS_uname 103
#define SYS_utimensat 104 /* (dirfd, path or NULL: dirfd, times, flags) */
#define SYS_statfs 105
#define SYS_fstatfs 106
#define SYS_chmod 107
#define SYS_fchmod 108
/* 112-119: the VM calls of issue 13 (mm/) */
#define SYS_mremap 112	     /* (addr, old_len, new_len, MREMAP_*, new_addr) */
#define SYS_memfd_create 113 /* (name, MFD_CLOEXEC): an anonymous file */
#define SYS_mlock2 114	     /* (addr, len, MLOCK_ONFAULT) */
#define SYS_prctl 120  /* (PR_SET_NAME or PR_GET_NAME, name): linux/prctl.h */
#define SYS_getcpu 123 /* (unsigned *cpu, unsigned *node) */
#define NR_SYSCALLS 124

/* SYS_reboot's first argument. */
#define REBOOT_POWER_OFF 0 /* report the exit status, then power off */
#define REBOOT_RESTART 1   /* reset the machine */

#endif
