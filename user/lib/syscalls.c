// SPDX-License-Identifier: MIT
/*
 * The system calls, as C functions with their POSIX names.  Each wrapper
 * passes its arguments to __syscall6 (arch/<arch>/syscall.S) in the order
 * kernel/syscall.c reads them, and turns a -errno result into -1 and errno.
 * Nothing here is arch-specific.
 *
 * 64-bit offsets (off_t) travel in one register; a 32-bit port will have to
 * split them in two.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pagoda.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "libc.h"

long __syscall_ret(long r)
{
	if (r < 0 && r >= -4095) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

/* Most wrappers are this: call, then convert the result. */
#define SYSCALL0(nr) __syscall_ret(__syscall0(nr))
#define SYSCALL1(nr, a) __syscall_ret(__syscall1(nr, a))
#define SYSCALL2(nr, a, b) __syscall_ret(__syscall2(nr, a, b))
#define SYSCALL3(nr, a, b, c) __syscall_ret(__syscall3(nr, a, b, c))

long syscall(long number, ...)
{
	va_list ap;
	long a[6];

	/*
	 * Take six arguments whatever the caller passed, as C libraries do:
	 * the kernel reads only those its call has, the rest are don't-cares.
	 */
	va_start(ap, number);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(
		__syscall6(number, a[0], a[1], a[2], a[3], a[4], a[5]));
}

/* Processes */

/* The whole process, every thread of it (SYS_exit would end one thread). */
void _exit(int status)
{
	__syscall1(SYS_exit_group, status);
	for (;;) /* SYS_exit_group does not return; this tells the compiler. */
		;
}

pid_t gettid(void)
{
	return SYSCALL0(SYS_gettid);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return SYSCALL3(SYS_execve, path, argv, envp);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return SYSCALL3(SYS_waitpid, pid, status, options);
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

pid_t getpid(void)
{
	return SYSCALL0(SYS_getpid);
}

pid_t getppid(void)
{
	return SYSCALL0(SYS_getppid);
}

int kill(pid_t pid, int sig)
{
	return SYSCALL2(SYS_kill, pid, sig);
}

int setpgid(pid_t pid, pid_t pgid)
{
	return SYSCALL2(SYS_setpgid, pid, pgid);
}

int sched_yield(void)
{
	return SYSCALL0(SYS_sched_yield);
}

int getrusage(int who, struct rusage *usage)
{
	return SYSCALL2(SYS_getrusage, who, usage);
}

int sysinfo(struct sysinfo *info)
{
	return SYSCALL1(SYS_sysinfo, info);
}

int mapinfo(int pid, int index, struct mapinfo *info)
{
	return SYSCALL3(SYS_mapinfo, pid, index, info);
}

int mapinfo_at(const void *addr, struct mapinfo *info)
{
	for (int i = 0; mapinfo(0, i, info) == 0; i++)
		if (info->start <= (unsigned long)addr &&
		    (unsigned long)addr < info->end)
			return 0;
	errno = ENOENT;
	return -1;
}

int vmstat(struct vmstat *out)
{
	return SYSCALL1(SYS_vmstat, out);
}

int vm_audit(void)
{
	return SYSCALL0(SYS_vm_audit);
}

int procinfo(int index, struct procinfo *info)
{
	return SYSCALL2(SYS_procinfo, index, info);
}

int reboot(int cmd, int status)
{
	return SYSCALL2(SYS_reboot, cmd, status);
}

/* Files */

int open(const char *path, int flags, ...)
{
	int mode = 0;

	/* The mode argument is there only when a file may be created. */
	if (flags & O_CREAT) {
		va_list ap;

		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	return SYSCALL3(SYS_open, path, flags, mode);
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int close(int fd)
{
	return SYSCALL1(SYS_close, fd);
}

ssize_t read(int fd, void *buf, size_t n)
{
	return SYSCALL3(SYS_read, fd, buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	return SYSCALL3(SYS_write, fd, buf, n);
}

/*
 * A 64-bit offset as the kernel takes it (pagoda/syscall.h): the low word,
 * then the high one, which a 64-bit kernel does not read.
 */
#define OFF_LO(off) ((long)(off))
#define OFF_HI(off) ((long)((unsigned long long)(off) >> 32))

ssize_t pread(int fd, void *buf, size_t n, off_t offset)
{
	return __syscall_ret(__syscall6(SYS_pread, fd, (long)buf, (long)n,
					OFF_LO(offset), OFF_HI(offset), 0));
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t offset)
{
	return __syscall_ret(__syscall6(SYS_pwrite, fd, (long)buf, (long)n,
					OFF_LO(offset), OFF_HI(offset), 0));
}

off_t lseek(int fd, off_t offset, int whence)
{
	off_t pos;
	long r;

	if (SYSCALL_OFF_WORDS == 1)
		return SYSCALL3(SYS_lseek, fd, offset, whence);
	r = __syscall6(SYS_lseek, fd, OFF_LO(offset), OFF_HI(offset), whence,
		       (long)&pos, 0);
	return __syscall_ret(r) < 0 ? -1 : pos;
}

int fstat(int fd, struct stat *st)
{
	return SYSCALL2(SYS_fstat, fd, st);
}

int stat(const char *path, struct stat *st)
{
	return SYSCALL2(SYS_stat, path, st);
}

int lstat(const char *path, struct stat *st)
{
	return stat(path, st);
}

int chmod(const char *path, mode_t mode)
{
	return SYSCALL2(SYS_chmod, path, mode);
}

int fchmod(int fd, mode_t mode)
{
	return SYSCALL2(SYS_fchmod, fd, mode);
}

int unlink(const char *path)
{
	return SYSCALL1(SYS_unlink, path);
}

int link(const char *oldpath, const char *newpath)
{
	return SYSCALL2(SYS_link, oldpath, newpath);
}

/*
 * <stdio.h>'s.  Programs find this one first (libpagoda.a is searched
 * before libc.a): newlib's would make it a link and an unlink, which is
 * neither atomic nor able to move a directory or replace a file.
 */
int rename(const char *oldpath, const char *newpath)
{
	return SYSCALL2(SYS_rename, oldpath, newpath);
}

/*
 * The call takes the offset in one register: on a 32-bit port an off_t
 * that does not fit a long would arrive cut short and map the wrong part
 * of the file, so it is EOVERFLOW here (Linux's mmap2 passes pages
 * instead, and reaches further).
 */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	long r;

	if (off != (long)off) {
		errno = EOVERFLOW;
		return MAP_FAILED;
	}
	r = __syscall6(SYS_mmap, (long)addr, len, prot, flags, fd, off);

	return (void *)__syscall_ret(r); /* -1 is MAP_FAILED */
}

int munmap(void *addr, size_t len)
{
	return SYSCALL2(SYS_munmap, addr, len);
}

int mprotect(void *addr, size_t len, int prot)
{
	return SYSCALL3(SYS_mprotect, addr, len, prot);
}

int madvise(void *addr, size_t len, int advice)
{
	return SYSCALL3(SYS_madvise, addr, len, advice);
}

int mlock(const void *addr, size_t len)
{
	return SYSCALL2(SYS_mlock, addr, len);
}

int munlock(const void *addr, size_t len)
{
	return SYSCALL2(SYS_munlock, addr, len);
}

int mlockall(int flags)
{
	return SYSCALL1(SYS_mlockall, flags);
}

int munlockall(void)
{
	return SYSCALL0(SYS_munlockall);
}

int swapon(const char *path, int flags)
{
	return SYSCALL2(SYS_swapon, path, flags);
}

int swapoff(const char *path)
{
	return SYSCALL1(SYS_swapoff, path);
}

int rmdir(const char *path)
{
	return SYSCALL1(SYS_rmdir, path);
}

int mkdir(const char *path, mode_t mode)
{
	return SYSCALL2(SYS_mkdir, path, mode);
}

int dup(int fd)
{
	return SYSCALL1(SYS_dup, fd);
}

int dup2(int fd, int newfd)
{
	return SYSCALL2(SYS_dup2, fd, newfd);
}

int pipe(int fds[2])
{
	return SYSCALL1(SYS_pipe, fds);
}

int ftruncate(int fd, off_t length)
{
	return __syscall_ret(__syscall6(SYS_ftruncate, fd, OFF_LO(length),
					OFF_HI(length), 0, 0, 0));
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	unsigned long arg;

	/* An integer or a pointer: read it as the wider of the two. */
	va_start(ap, request);
	arg = va_arg(ap, unsigned long);
	va_end(ap);
	return SYSCALL3(SYS_ioctl, fd, request, arg);
}

int chdir(const char *path)
{
	return SYSCALL1(SYS_chdir, path);
}

char *getcwd(char *buf, size_t size)
{
	char *mine = NULL;

	if (!buf) {
		/* glibc's extension: allocate the buffer, of PATH_MAX at least. */
		if (size < PATH_MAX)
			size = PATH_MAX;
		buf = mine = malloc(size);
		if (!buf)
			return NULL;
	}
	if (SYSCALL2(SYS_getcwd, buf, size) < 0) {
		free(mine);
		return NULL;
	}
	return buf;
}

/* Memory: the program break */

/*
 * SYS_brk(addr) asks for the break to move to addr and returns where it is
 * afterwards: addr if it moved, the old break if it could not (and
 * SYS_brk(0) just tells where it is).  No errno: a failed move is seen by
 * comparing.
 */
static uintptr_t sys_brk(uintptr_t addr)
{
	return (uintptr_t)__syscall1(SYS_brk, addr);
}

int brk(void *addr)
{
	if (sys_brk((uintptr_t)addr) != (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/*
 * Grow (or shrink) the heap by increment bytes; return the old break,
 * which is the start of the new memory.  The break is asked for each time
 * rather than cached, so that brk() calls made elsewhere cannot confuse us.
 */
void *sbrk(intptr_t increment)
{
	uintptr_t old = sys_brk(0);
	uintptr_t new = old + increment;

	/* The sum must not wrap around the address space. */
	if ((increment > 0 && new < old) || (increment < 0 && new > old)) {
		errno = ENOMEM;
		return (void *)-1;
	}
	if (increment && sys_brk(new) != new) {
		errno = ENOMEM;
		return (void *)-1;
	}
	return (void *)old;
}

/* Time */

int clock_gettime(clockid_t clock, struct timespec *ts)
{
	return SYSCALL2(SYS_clock_gettime, clock, ts);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return SYSCALL2(SYS_nanosleep, req, rem);
}

unsigned int sleep(unsigned int seconds)
{
	struct timespec req = { seconds, 0 }, rem = { 0, 0 };

	if (nanosleep(&req, &rem) < 0)
		return rem.tv_sec + (rem.tv_nsec > 0); /* seconds not slept */
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec req = { usec / 1000000, (usec % 1000000) * 1000L };

	return nanosleep(&req, NULL);
}
