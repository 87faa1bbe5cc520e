// SPDX-License-Identifier: MIT
/*
 * System-call dispatch: the arch trap handler passes the number and six
 * argument words (kernel/uapi/pagoda/syscall.h says which is which); each
 * case below turns the words into the typed arguments of one sys_*
 * function.  An unknown number is -ENOSYS.  The result, or -errno, goes back
 * to user space, where the C library turns a negative value into errno.
 */
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/fs/fs.h>
#include <kernel/futex.h>
#include <kernel/process.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/sched_syscalls.h>
#include <kernel/signal.h>
#include <kernel/syscall.h>
#include <kernel/sys.h>
#include <mm/kswapd.h>
#include <mm/mmap.h>
#include <pagoda/syscall.h>

#define U(type, i) ((type)a[i]) /* argument i, as a (user) pointer or value */
#define OFF_WORDS SYSCALL_OFF_WORDS

/* A 64-bit file offset from argument i (and i + 1 on a 32-bit machine). */
static loff_t off_arg(const unsigned long a[6], int i)
{
	if (OFF_WORDS == 1)
		return (long)a[i];
	return (loff_t)((u64)a[i + 1] << 32 | a[i]);
}

/* lseek's answer: the offset itself, or on 32-bit stored through pos. */
static long lseek_result(loff_t ret, loff_t __user *pos)
{
	if (OFF_WORDS == 1 || ret < 0)
		return ret;
	return copy_to_user(pos, &ret, sizeof(ret)) ? -EFAULT : 0;
}

static long do_syscall(unsigned long nr, const unsigned long a[6])
{
	switch (nr) {
	case SYS_exit:
		sys_exit(a[0]);
	case SYS_fork:
		return sys_fork();
	case SYS_execve:
		return sys_execve(U(const char *, 0), U(const char *const *, 1),
				  U(const char *const *, 2));
	case SYS_waitpid:
		return sys_waitpid(a[0], U(int *, 1), a[2]);
	case SYS_getpid:
		return sys_getpid();
	case SYS_getppid:
		return sys_getppid();
	case SYS_kill:
		return sys_kill(a[0], a[1]);
	case SYS_open:
		return sys_open(U(const char *, 0), a[1], a[2]);
	case SYS_close:
		return sys_close(a[0]);
	case SYS_read:
		return sys_read(a[0], U(void *, 1), a[2]);
	case SYS_write:
		return sys_write(a[0], U(const void *, 1), a[2]);
	case SYS_pread:
		return sys_pread(a[0], U(void *, 1), a[2], off_arg(a, 3));
	case SYS_pwrite:
		return sys_pwrite(a[0], U(const void *, 1), a[2],
				  off_arg(a, 3));
	case SYS_lseek:
		return lseek_result(
			sys_lseek(a[0], off_arg(a, 1), a[1 + OFF_WORDS]),
			U(loff_t *, 2 + OFF_WORDS));
	case SYS_fstat:
		return sys_fstat(a[0], U(void *, 1));
	case SYS_stat:
		return sys_stat(U(const char *, 0), U(void *, 1));
	case SYS_unlink:
		return sys_unlink(U(const char *, 0));
	case SYS_mkdir:
		return sys_mkdir(U(const char *, 0), a[1]);
	case SYS_rmdir:
		return sys_rmdir(U(const char *, 0));
	case SYS_rename:
		return sys_rename(U(const char *, 0), U(const char *, 1));
	case SYS_link:
		return sys_link(U(const char *, 0), U(const char *, 1));
	case SYS_mmap:
		return sys_mmap(a[0], a[1], a[2], a[3], a[4], a[5]);
	case SYS_munmap:
		return sys_munmap(a[0], a[1]);
	case SYS_mprotect:
		return sys_mprotect(a[0], a[1], a[2]);
	case SYS_madvise:
		return sys_madvise(a[0], a[1], a[2]);
	case SYS_mapinfo:
		return sys_mapinfo(a[0], a[1], U(struct mapinfo *, 2));
	case SYS_vmstat:
		return sys_vmstat(U(struct vmstat *, 0));
	case SYS_vm_audit:
		return sys_vm_audit();
	case SYS_dup:
		return sys_dup(a[0]);
	case SYS_dup2:
		return sys_dup2(a[0], a[1]);
	case SYS_pipe:
		return sys_pipe(U(int *, 0));
	case SYS_ftruncate:
		return sys_ftruncate(a[0], off_arg(a, 1));
	case SYS_ioctl:
		return sys_ioctl(a[0], a[1], a[2]);
	case SYS_getdents:
		return sys_getdents(a[0], U(void *, 1), a[2]);
	case SYS_chdir:
		return sys_chdir(U(const char *, 0));
	case SYS_getcwd:
		return sys_getcwd(U(char *, 0), a[1]);
	case SYS_brk:
		return sys_brk(a[0]);
	case SYS_getrusage:
		return sys_getrusage(a[0], U(struct rusage *, 1));
	case SYS_clock_gettime:
		return sys_clock_gettime(a[0], U(struct timespec *, 1));
	case SYS_nanosleep:
		return sys_nanosleep(U(const struct timespec *, 0),
				     U(struct timespec *, 1));
	case SYS_sched_yield:
		return sys_sched_yield();
	case SYS_sysinfo:
		return sys_sysinfo(U(struct sysinfo *, 0));
	case SYS_procinfo:
		return sys_procinfo(a[0], U(struct procinfo *, 1));
	case SYS_setpgid:
		return sys_setpgid(a[0], a[1]);
	case SYS_reboot:
		return sys_reboot(a[0], a[1]);
	case SYS_sigaction:
		return sys_sigaction(a[0], U(const struct sigaction *, 1),
				     U(struct sigaction *, 2));
	case SYS_sigprocmask:
		return sys_sigprocmask(a[0], U(const sigset_t *, 1),
				       U(sigset_t *, 2));
	case SYS_sigreturn:
		return sys_sigreturn();
	case SYS_sigpending:
		return sys_sigpending(U(sigset_t *, 0));
	case SYS_sigsuspend:
		return sys_sigsuspend(U(const sigset_t *, 0));
	case SYS_sigwaitinfo:
		return sys_sigwaitinfo(U(const sigset_t *, 0),
				       U(siginfo_t *, 1));
	case SYS_sigtimedwait:
		return sys_sigtimedwait(U(const sigset_t *, 0),
					U(siginfo_t *, 1),
					U(const struct timespec *, 2));
	case SYS_sigqueueinfo:
		return sys_sigqueueinfo(a[0], a[1], U(const siginfo_t *, 2));
	case SYS_tgkill:
		return sys_tgkill(a[0], a[1], a[2]);
	case SYS_alarm:
		return sys_alarm(a[0]);
	case SYS_setitimer:
		return sys_setitimer(a[0],
				     U(const struct kernel_itimerval *, 1),
				     U(struct kernel_itimerval *, 2));
	case SYS_getitimer:
		return sys_getitimer(a[0], U(struct kernel_itimerval *, 1));
	case SYS_timer_create:
		return sys_timer_create(a[0], U(const struct sigevent *, 1),
					U(int *, 2));
	case SYS_timer_settime:
		return sys_timer_settime(a[0], a[1],
					 U(const struct kernel_itimerspec *, 2),
					 U(struct kernel_itimerspec *, 3));
	case SYS_timer_gettime:
		return sys_timer_gettime(a[0],
					 U(struct kernel_itimerspec *, 1));
	case SYS_timer_getoverrun:
		return sys_timer_getoverrun(a[0]);
	case SYS_timer_delete:
		return sys_timer_delete(a[0]);
	case SYS_clock_getres:
		return sys_clock_getres(a[0], U(struct timespec *, 1));
	case SYS_clone:
		return sys_clone(a[0], a[1], U(int *, 2), U(int *, 3), a[4]);
	case SYS_exit_group:
		sys_exit_group(a[0]);
	case SYS_gettid:
		return sys_gettid();
	case SYS_futex:
		return sys_futex(U(u32 *, 0), a[1], a[2],
				 U(const struct timespec *, 3));
	case SYS_set_tls:
		return sys_set_tls(a[0]);
	case SYS_swapon:
		return sys_swapon(U(const char *, 0), a[1]);
	case SYS_swapoff:
		return sys_swapoff(U(const char *, 0));
	case SYS_mlock:
		return sys_mlock(a[0], a[1]);
	case SYS_munlock:
		return sys_munlock(a[0], a[1]);
	case SYS_mlockall:
		return sys_mlockall(a[0]);
	case SYS_munlockall:
		return sys_munlockall();
	case SYS_sigaltstack:
		return sys_sigaltstack(U(const stack_t *, 0), U(stack_t *, 1));
	case SYS_fcntl:
		return sys_fcntl(a[0], a[1], a[2]);
	case SYS_fsync:
		return sys_fsync(a[0]);
	case SYS_utimensat:
		return sys_utimensat(a[0], U(const char *, 1),
				     U(const struct timespec *, 2), a[3]);
	case SYS_statfs:
		return sys_statfs(U(const char *, 0), U(void *, 1));
	case SYS_fstatfs:
		return sys_fstatfs(a[0], U(void *, 1));
	case SYS_chmod:
		return sys_chmod(U(const char *, 0), a[1]);
	case SYS_fchmod:
		return sys_fchmod(a[0], a[1]);
	case SYS_msync:
		return sys_msync(a[0], a[1], a[2]);
	case SYS_pselect6:
		return sys_pselect6(
			a[0], U(unsigned long *, 1), U(unsigned long *, 2),
			U(unsigned long *, 3), U(struct timespec *, 4),
			U(const sigset_t *, 5));
	case SYS_ppoll:
		return sys_ppoll(U(struct pollfd *, 0), a[1],
				 U(struct timespec *, 2),
				 U(const sigset_t *, 3));
	case SYS_setsid:
		return sys_setsid();
	case SYS_getsid:
		return sys_getsid(a[0]);
	case SYS_getpgid:
		return sys_getpgid(a[0]);
	case SYS_setresuid:
		return sys_setresuid(a[0], a[1], a[2]);
	case SYS_getresuid:
		return sys_getresuid(U(unsigned int *, 0), U(unsigned int *, 1),
				     U(unsigned int *, 2));
	case SYS_setresgid:
		return sys_setresgid(a[0], a[1], a[2]);
	case SYS_getresgid:
		return sys_getresgid(U(unsigned int *, 0), U(unsigned int *, 1),
				     U(unsigned int *, 2));
	case SYS_setreuid:
		return sys_setreuid(a[0], a[1]);
	case SYS_setregid:
		return sys_setregid(a[0], a[1]);
	case SYS_setuid:
		return sys_setuid(a[0]);
	case SYS_setgid:
		return sys_setgid(a[0]);
	case SYS_sched_setscheduler:
		return sys_sched_setscheduler(a[0], a[1],
					      U(const struct sched_param *, 2));
	case SYS_sched_getscheduler:
		return sys_sched_getscheduler(a[0]);
	case SYS_sched_getparam:
		return sys_sched_getparam(a[0], U(struct sched_param *, 1));
	case SYS_sched_rr_get_interval:
		return sys_sched_rr_get_interval(a[0], U(struct timespec *, 1));
	case SYS_prctl:
		return sys_prctl(a[0], a[1]);
	case SYS_sched_setaffinity:
		return sys_sched_setaffinity(a[0], a[1],
					     U(const unsigned long *, 2));
	case SYS_sched_getaffinity:
		return sys_sched_getaffinity(a[0], a[1], U(unsigned long *, 2));
	case SYS_prlimit:
		return sys_prlimit(a[0], a[1], U(const struct rlimit *, 2),
				   U(struct rlimit *, 3));
	case SYS_uname:
		return sys_uname(U(struct utsname *, 0));
	case SYS_mremap:
		return sys_mremap(a[0], a[1], a[2], a[3], a[4]);
	case SYS_memfd_create:
		return sys_memfd_create(U(const char *, 0), a[1]);
	case SYS_mlock2:
		return sys_mlock2(a[0], a[1], a[2]);
	case SYS_getcpu:
		return sys_getcpu(U(unsigned int *, 0), U(unsigned int *, 1));
	default:
		return -ENOSYS;
	}
}

/*
 * The calls that allocate for an address space (mmap ... fork, execve, a
 * driver's ioctl, a truncation): below the low watermark each reclaims a
 * little first (mm/kswapd.c), as Linux's allocator would in its slow
 * path.  Each takes the mmap_lock it needs itself (mm/mmap_lock.h).
 */
static bool allocates_for_mm(unsigned long nr)
{
	switch (nr) {
	case SYS_mmap:
	case SYS_munmap:
	case SYS_mprotect:
	case SYS_madvise:
	case SYS_brk:
	case SYS_fork:
	case SYS_clone:
	case SYS_mlock:
	case SYS_munlock:
	case SYS_mlockall:
	case SYS_munlockall:
	case SYS_mremap:
	case SYS_mlock2:
	case SYS_execve:
	case SYS_ioctl:
	case SYS_open:
	case SYS_ftruncate:
		return true;
	default:
		return false;
	}
}

long syscall_dispatch(unsigned long nr, const unsigned long a[6])
{
	if (allocates_for_mm(nr))
		throttle_direct_reclaim();
	return do_syscall(nr, a);
}
