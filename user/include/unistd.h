/* SPDX-License-Identifier: MIT */
/*
 * <unistd.h>: the POSIX system calls on processes, users and files, and a few
 * helpers built on them (sleep, execvp, getopt, isatty, sysconf).
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <stdint.h>
#include <sys/types.h>
#include <pagoda/abi.h> /* SEEK_SET ... */

/*
 * The POSIX options Pagoda has, as POSIX.1-2008 numbers them: file
 * mappings (mmap, msync), mprotect, mlockall and mlock, fsync, job
 * control, the monotonic clock, process CPU-time clocks, shared memory
 * objects (shm_open), real-time signals (sigqueue, sigtimedwait), timers
 * (timer_create), thread CPU-time clocks, semaphores (sem_open ...),
 * message queues (mq_open ...), real-time scheduling policies, saved
 * set-user-ids.  Those it lacks are left undefined or -1 (not there):
 * threads (pthread.h is a subset: no keys, no once, no rwlocks).
 */
#define _POSIX_VERSION 200809L
#define _POSIX_MAPPED_FILES 200809L
#define _POSIX_MEMORY_PROTECTION 200809L
#define _POSIX_MEMLOCK 200809L
#define _POSIX_MEMLOCK_RANGE 200809L
#define _POSIX_FSYNC 200809L
#define _POSIX_JOB_CONTROL 1
#define _POSIX_MONOTONIC_CLOCK 200809L
#define _POSIX_CPUTIME 200809L
#define _POSIX_TIMERS 200809L
#define _POSIX_THREAD_CPUTIME 200809L
#define _POSIX_REALTIME_SIGNALS 200809L
#define _POSIX_SHARED_MEMORY_OBJECTS 200809L
#define _POSIX_SEMAPHORES 200809L
#define _POSIX_MESSAGE_PASSING 200809L
#define _POSIX_PRIORITY_SCHEDULING 200809L /* SCHED_FIFO, SCHED_RR */
#define _POSIX_SPORADIC_SERVER (-1)	   /* no SCHED_SPORADIC */
#define _POSIX_THREAD_SPORADIC_SERVER (-1)
#define _POSIX_SAVED_IDS 1

/* sysconf() names (Linux's values) */
#define _SC_ARG_MAX 0
#define _SC_CHILD_MAX 1
#define _SC_CLK_TCK 2
#define _SC_OPEN_MAX 4
#define _SC_JOB_CONTROL 7
#define _SC_SAVED_IDS 8
#define _SC_PRIORITY_SCHEDULING 10
#define _SC_TIMERS 11
#define _SC_FSYNC 15
#define _SC_MAPPED_FILES 16
#define _SC_MEMLOCK 17
#define _SC_MEMLOCK_RANGE 18
#define _SC_MEMORY_PROTECTION 19
#define _SC_VERSION 29
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_RTSIG_MAX 31
#define _SC_SIGQUEUE_MAX 34
#define _SC_THREADS 67
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84
#define _SC_PHYS_PAGES 85
#define _SC_AVPHYS_PAGES 86
#define _SC_REALTIME_SIGNALS 9
#define _SC_SHARED_MEMORY_OBJECTS 22
#define _SC_CPUTIME 138
#define _SC_THREAD_CPUTIME 139
#define _SC_MONOTONIC_CLOCK 149
#define _SC_SEMAPHORES 21
#define _SC_SEM_NSEMS_MAX 32
#define _SC_SEM_VALUE_MAX 33
#define _SC_MESSAGE_PASSING 20
#define _SC_MQ_OPEN_MAX 27
#define _SC_MQ_PRIO_MAX 28

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

/* access() modes */
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

/* The environment, set up by crt0 from the stack the kernel built. */
extern char **environ;

/* Processes */
pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
/* Searches the directories of $PATH (default "/bin") when file has no '/'. */
int execvp(const char *file, char *const argv[]);
int execl(const char *path, const char *arg, ... /* (char *)NULL */);
int execlp(const char *file, const char *arg, ... /* (char *)NULL */);
__attribute__((noreturn)) void _exit(int status);
pid_t getpid(void);
pid_t getppid(void);
pid_t gettid(void); /* the calling thread's id (getpid: its process's) */
/* Job control: process groups, and the terminal's foreground group. */
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
int setpgrp(void); /* setpgid(0, 0) */
/* A new session and group, led by the caller; its pid. */
pid_t setsid(void);
pid_t getsid(pid_t pid);
int tcsetpgrp(int fd, pid_t pgrp);
pid_t tcgetpgrp(int fd);
/*
 * Users: a process's real, effective and saved user and group ids.  Root
 * (0) may set any; others only move among the ids they hold (EPERM).
 */
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
int seteuid(uid_t euid);
int setegid(gid_t egid);
int setreuid(uid_t ruid, uid_t euid);
int setregid(gid_t rgid, gid_t egid);
int setresuid(uid_t ruid, uid_t euid, uid_t suid);
int setresgid(gid_t rgid, gid_t egid, gid_t sgid);
int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
/* uname's nodename; there is no sethostname. */
int gethostname(char *name, size_t len);
unsigned int sleep(unsigned int seconds);
int usleep(useconds_t usec);
/* SIGALRM in seconds (0 cancels); the seconds left of the previous alarm. */
unsigned int alarm(unsigned int seconds);
/* Sleep until a signal's handler has run (or it ended the process): -1, EINTR. */
int pause(void);

/* Files */
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
ssize_t pread(int fd, void *buf, size_t n, off_t offset);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t offset);
off_t lseek(int fd, off_t offset, int whence);
int close(int fd);
int dup(int fd);
int dup2(int fd, int newfd);
int pipe(int fds[2]);
int ftruncate(int fd, off_t length);
/* Nothing to write back (ramfs): checks fd; EINVAL for a pipe or device. */
int fsync(int fd);
int fdatasync(int fd);
/* lockf(): record locks from the file position (user/lib/fcntl.c). */
#define F_ULOCK 0 /* unlock */
#define F_LOCK 1  /* lock, waiting for others' locks to go */
#define F_TLOCK 2 /* lock, or fail at once (EAGAIN) */
#define F_TEST 3  /* 0 if unlocked or ours, else -1 with EACCES */
int lockf(int fd, int cmd, off_t len);
int unlink(const char *path);
int link(const char *oldpath, const char *newpath);
int rmdir(const char *path);
int chdir(const char *path);
/* With buf NULL, allocates the buffer (free() it), as glibc does. */
char *getcwd(char *buf, size_t size);
/* No permissions in Pagoda: checks only that path exists. */
int access(const char *path, int mode);
/* 1 if fd is the console (the only terminal), else 0 with errno ENOTTY. */
int isatty(int fd);

/*
 * The system's limits and options (_SC_* above); -1 with errno EINVAL for
 * a name not listed, -1 with errno untouched for an option Pagoda lacks.
 */
long sysconf(int name);
int getpagesize(void);

/* Memory: move the program break (the end of the heap) */
int brk(void *addr);
void *sbrk(intptr_t increment);

/* Any system call by number (pagoda/syscall.h); -1 and errno on failure. */
long syscall(long number, ...);

/* Command-line options, as POSIX getopt(): "ab:c" means -a, -b ARG, -c. */
int getopt(int argc, char *const argv[], const char *optstring);
extern char *optarg;
extern int optind, opterr, optopt;

#endif
