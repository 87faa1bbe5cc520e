/* SPDX-License-Identifier: MIT */
/*
 * <unistd.h>: the POSIX system calls on processes and files, and a few
 * helpers built on them (sleep, execvp, getopt, isatty).
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <stdint.h>
#include <sys/types.h>
#include <pagoda/abi.h> /* SEEK_SET ... */

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
int tcsetpgrp(int fd, pid_t pgrp);
pid_t tcgetpgrp(int fd);
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
int unlink(const char *path);
int rmdir(const char *path);
int chdir(const char *path);
/* With buf NULL, allocates the buffer (free() it), as glibc does. */
char *getcwd(char *buf, size_t size);
/* No permissions in Pagoda: checks only that path exists. */
int access(const char *path, int mode);
/* 1 if fd is the console (the only terminal), else 0 with errno ENOTTY. */
int isatty(int fd);

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
