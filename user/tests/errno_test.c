// SPDX-License-Identifier: MIT
/*
 * errno_test: the errno each system call gives for each kind of bad
 * argument, as a table.  A row is a call by number with its arguments and
 * the errno Pagoda must give; where Linux gives another (or succeeds), the
 * row says what Linux does and why Pagoda differs, and docs/02's table
 * (section 2.9) says so too.
 *
 * The same source builds natively on Linux (make errno-linux, with
 * -DERRNO_LINUX): there each row is checked against the Linux column, so
 * the expectations are Linux's own answers, not a reading of the manual.
 * Rows of calls Linux does not have are skipped there, and so are rows
 * whose answer depends on privilege when run as root.
 *
 * Bad arguments: NULL, a kernel address, the first non-canonical address,
 * a buffer straddling the top of user space, huge counts, negative and
 * huge offsets, fds that are not open or open the wrong way, bad flags,
 * paths that do not exist or are too long.  Each row runs in a child, so
 * a call that wrongly succeeds (an execve) or crashes cannot hide others.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#ifdef ERRNO_LINUX
#include <sys/syscall.h>
/* Linux's names for the same calls; Pagoda's own calls it has not. */
#define SYS_pread SYS_pread64
#define SYS_pwrite SYS_pwrite64
#define SYS_waitpid SYS_wait4
#define SYS_prlimit SYS_prlimit64
#define SYS_procinfo (-1)
#define SYS_mapinfo (-1)
#define SYS_vmstat (-1)
#define SYS_vm_audit (-1)
#define SYS_set_tls (-1)
#define SYS_sigqueueinfo SYS_rt_sigqueueinfo
#define SYS_sigtimedwait SYS_rt_sigtimedwait
#include <linux/futex.h>
#include <linux/mman.h> /* MREMAP_* */
#include <linux/sched.h>
#undef SYS_reboot /* never on the host */
#define SYS_reboot (-1)
#define TCGETECHO 0x5401 /* TCGETS: a tty request */
/* The host is an x86_64 Linux: the same address-space edges. */
#include "../../arch/x86_64/include/uapi/asm/vm_layout.h"
#else
#include <pagoda.h>
#endif

#define PAGE 4096L
/* clone's flags for a POSIX thread */
#define THREAD_FLAGS                                                           \
	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD)
#define KERNEL_ADDR ((long)KERNEL_DIRECT_MAP) /* the kernel half */
#define NONCANON ((long)BEYOND_USER)	      /* x86_64: non-canonical */
#define TOP_MINUS_8 ((long)USER_TOP - 8)      /* 8 bytes below TASK_SIZE */
#define HUGE (-1L)			      /* SIZE_MAX as a count */

/* What an argument is: a value, or something made before the rows run. */
enum kind {
	LIT,	   /* the value itself */
	FILE_RW,   /* an fd: a regular file of 100 bytes, open read-write */
	FILE_RO,   /* the same, read-only */
	FILE_WO,   /* the same, write-only */
	DIR_FD,	   /* a directory, read-only */
	PIPE_R,	   /* a pipe's read end, with bytes in it */
	PIPE_W,	   /* its write end */
	LONELY_W,  /* the write end of a pipe whose read end is closed */
	BUF,	   /* a good buffer of two pages */
	STR,	   /* the string given */
	LONG_NAME, /* a path with a 100-byte component */
	LONG_PATH, /* a path of 4096 bytes */
	BAD_ARGV,  /* an argv whose first pointer is a kernel address */
	SELF,	   /* the pid of the process running the table */
};

struct arg {
	enum kind kind;
	long v;
};

#define V(x)                                                                   \
	{                                                                      \
		LIT, (long)(x)                                                 \
	}
#define S(s)                                                                   \
	{                                                                      \
		STR, (long)(s)                                                 \
	}
#define K(k)                                                                   \
	{                                                                      \
		k, 0                                                           \
	}

#define FILE_PATH "/tmp/errno_test.f"
#define DIR_PATH "/tmp/errno_test.d"
#define TEXT_PATH "/tmp/errno_test.t" /* executable, not a program */

/*
 * A 64-bit file offset: one argument word on a 64-bit machine, two (low,
 * high) on a 32-bit one (pagoda/syscall.h).  lseek on a 32-bit machine
 * also takes where to store its answer (LSEEK_POS).
 */
#if __SIZEOF_LONG__ == 8
#define OFF(x) V(x)
#else
#define OFF(x) V((long)(x)), V((long)((unsigned long long)(x) >> 32))
#endif
#define LSEEK_POS K(BUF)

/* nanosleep's bad requests, in the machine's own struct timespec. */
static const struct timespec ts_negative_nsec = { 0, -1 };
static const struct timespec ts_negative_sec = { -1, 0 };
static const struct timespec ts_a_second_of_nsec = { 0, 1000000000 };
static const struct timespec ts_zero = { 0, 0 };
/* sigqueue's siginfo: as the library fills it, and one claiming kill's. */
static const siginfo_t si_queue = { .si_code = SI_QUEUE };
static const siginfo_t si_user = { .si_code = SI_USER };
/* sigtimedwait's set (Linux's call also takes its size, 8 bytes). */
static const unsigned long long sigset_none;
/* A struct sched_param of priority 0; a CPU mask of none; a soft limit above its hard one. */
static const int sched_prio_0;
static const unsigned long no_cpus;
static const unsigned long rlim_soft_above_hard[2] = { 2, 1 };
/* utimensat's pair, the first with a bad tv_nsec. */
static const struct timespec ts_a_second_of_nsec_2[2] = { { 0, 1000000000 },
							  { 0, 0 } };
/* fcntl's record locks. */
static const struct flock flock_bad_type = { .l_type = 9 };
static const struct flock flock_negative_start = { .l_type = F_RDLCK,
						   .l_start = -1 };
static const struct flock flock_unlock = { .l_type = F_UNLCK };
static const struct flock flock_read = { .l_type = F_RDLCK };
static const struct flock flock_write = { .l_type = F_WRLCK };
/* select's set with fd 30 in it, which is not open. */
static const unsigned long set_fd30[16] = { 1UL << 30 };

/* A row's flags. */
#define PAGODA_ONLY 1 /* Linux has no such call: skipped there */
#define UNPRIV 2      /* Linux answers root otherwise: skipped there as root */

struct row {
	const char *what;
	long nr;
	struct arg a[6];
	int err;       /* Pagoda's errno */
	int linux_err; /* Linux's when it differs (-1: Linux succeeds) */
	const char *why;
	int flags;
};

/* clang-format off */
#define ROW(what, nr, err, ...) { what, nr, { __VA_ARGS__ }, err, 0, NULL, 0 }
#define ROWF(what, nr, err, flags, ...) \
	{ what, nr, { __VA_ARGS__ }, err, 0, NULL, flags }
#define DIFF(what, nr, err, lerr, why, ...) \
	{ what, nr, { __VA_ARGS__ }, err, lerr, why, 0 }
/* clang-format on */

static const struct row rows[] = {
	/* execve(path, argv, envp) */
	ROW("execve NULL path", SYS_execve, EFAULT, V(0), V(0), V(0)),
	ROW("execve kernel path", SYS_execve, EFAULT, V(KERNEL_ADDR), V(0),
	    V(0)),
	ROW("execve non-canonical path", SYS_execve, EFAULT, V(NONCANON), V(0),
	    V(0)),
	ROW("execve empty path", SYS_execve, ENOENT, S(""), V(0), V(0)),
	ROW("execve no such file", SYS_execve, ENOENT, S("/tmp/errno_test.no"),
	    V(0), V(0)),
	ROW("execve a directory", SYS_execve, EACCES, S(DIR_PATH), V(0), V(0)),
	ROW("execve not a program", SYS_execve, ENOEXEC, S(TEXT_PATH), V(0),
	    V(0)),
	ROW("execve bad argv", SYS_execve, EFAULT, S(TEXT_PATH), K(BAD_ARGV),
	    V(0)),
	ROW("execve path of 4096 bytes", SYS_execve, ENAMETOOLONG, K(LONG_PATH),
	    V(0), V(0)),
	/* waitpid(pid, status, options) */
	ROW("waitpid no child", SYS_waitpid, ECHILD, V(-1), V(0), V(0)),
	ROW("waitpid no such pid", SYS_waitpid, ECHILD, V(99999), V(0), V(0)),
	ROW("waitpid no such group", SYS_waitpid, ECHILD, V(-99999), V(0),
	    V(0)),
	ROW("waitpid bad options", SYS_waitpid, EINVAL, V(-1), V(0),
	    V(0x40000)),
	ROW("waitpid own group, no child", SYS_waitpid, ECHILD, V(0), V(0),
	    V(0)),
	ROW("waitpid group INT_MIN", SYS_waitpid, ESRCH, V(INT_MIN), V(0),
	    V(0)),
	/* kill(pid, sig) */
	ROW("kill bad signal", SYS_kill, EINVAL, K(SELF), V(-1)),
	ROW("kill signal 65", SYS_kill, EINVAL, K(SELF), V(65)),
	ROW("kill no such pid", SYS_kill, ESRCH, V(99999), V(0)),
	ROW("kill no such group", SYS_kill, ESRCH, V(-99999), V(0)),
	ROWF("kill init", SYS_kill, EPERM, UNPRIV, V(1), V(0)),
	/* open(path, flags, mode) */
	ROW("open NULL", SYS_open, EFAULT, V(0), V(O_RDONLY), V(0)),
	ROW("open kernel address", SYS_open, EFAULT, V(KERNEL_ADDR),
	    V(O_RDONLY), V(0)),
	ROW("open non-canonical", SYS_open, EFAULT, V(NONCANON), V(O_RDONLY),
	    V(0)),
	ROW("open empty path", SYS_open, ENOENT, S(""), V(O_RDONLY), V(0)),
	ROW("open no such file", SYS_open, ENOENT, S("/tmp/errno_test.no"),
	    V(O_RDONLY), V(0)),
	ROW("open under a file", SYS_open, ENOTDIR, S(FILE_PATH "/x"),
	    V(O_RDONLY), V(0)),
	ROW("open a directory to write", SYS_open, EISDIR, S(DIR_PATH),
	    V(O_WRONLY), V(0)),
	ROW("open O_EXCL existing", SYS_open, EEXIST, S(FILE_PATH),
	    V(O_RDWR | O_CREAT | O_EXCL), V(0644)),
	ROW("open path of 4096 bytes", SYS_open, ENAMETOOLONG, K(LONG_PATH),
	    V(O_RDONLY), V(0)),
	DIFF("open 100-byte name", SYS_open, ENAMETOOLONG, ENOENT,
	     "names are at most 63 bytes (PAGODA_NAME_MAX; Linux 255)",
	     K(LONG_NAME), V(O_RDONLY), V(0)),
	DIFF("open access mode 3", SYS_open, EINVAL, -1,
	     "mode 3 (Linux: ioctl only) is refused", S(FILE_PATH), V(3), V(0)),
	/* close(fd) */
	ROW("close not open", SYS_close, EBADF, V(99)),
	ROW("close -1", SYS_close, EBADF, V(-1)),
	/* read(fd, buf, n) */
	ROW("read not open", SYS_read, EBADF, V(99), K(BUF), V(16)),
	ROW("read fd -1", SYS_read, EBADF, V(-1), K(BUF), V(16)),
	ROW("read write-only fd", SYS_read, EBADF, K(FILE_WO), K(BUF), V(16)),
	ROW("read into NULL", SYS_read, EFAULT, K(FILE_RO), V(0), V(16)),
	ROW("read into the kernel", SYS_read, EFAULT, K(FILE_RO),
	    V(KERNEL_ADDR), V(16)),
	ROW("read into non-canonical", SYS_read, EFAULT, K(FILE_RO),
	    V(NONCANON), V(16)),
	ROW("read straddling the top", SYS_read, EFAULT, K(FILE_RO),
	    V(TOP_MINUS_8), V(16)),
	ROW("read 0 bytes into the kernel", SYS_read, EFAULT, K(FILE_RO),
	    V(KERNEL_ADDR), V(0)),
	ROW("read huge count", SYS_read, EFAULT, K(FILE_RO), K(BUF), V(HUGE)),
	ROW("read pipe into NULL", SYS_read, EFAULT, K(PIPE_R), V(0), V(16)),
	ROW("read pipe huge count", SYS_read, EFAULT, K(PIPE_R), K(BUF),
	    V(HUGE)),
	ROW("read a directory", SYS_read, EISDIR, K(DIR_FD), K(BUF), V(16)),
	/* write(fd, buf, n) */
	ROW("write not open", SYS_write, EBADF, V(99), K(BUF), V(16)),
	ROW("write read-only fd", SYS_write, EBADF, K(FILE_RO), K(BUF), V(16)),
	ROW("write from NULL", SYS_write, EFAULT, K(FILE_RW), V(0), V(16)),
	ROW("write from the kernel", SYS_write, EFAULT, K(FILE_RW),
	    V(KERNEL_ADDR), V(16)),
	ROW("write from non-canonical", SYS_write, EFAULT, K(FILE_RW),
	    V(NONCANON), V(16)),
	ROW("write straddling the top", SYS_write, EFAULT, K(FILE_RW),
	    V(TOP_MINUS_8), V(16)),
	ROW("write huge count", SYS_write, EFAULT, K(FILE_RW), K(BUF), V(HUGE)),
	ROW("write pipe huge count", SYS_write, EFAULT, K(PIPE_W), K(BUF),
	    V(HUGE)),
	ROW("write pipe without reader", SYS_write, EPIPE, K(LONELY_W), K(BUF),
	    V(16)),
	/* pread, pwrite(fd, buf, n, pos) */
	ROW("pread negative pos", SYS_pread, EINVAL, K(FILE_RO), K(BUF), V(16),
	    OFF(-1)),
	ROW("pread negative pos, bad fd", SYS_pread, EINVAL, V(99), K(BUF),
	    V(16), OFF(-1)),
	ROW("pread pos + n overflows", SYS_pread, EINVAL, K(FILE_RO), K(BUF),
	    V(16), OFF(LLONG_MAX)),
	ROW("pread a pipe", SYS_pread, ESPIPE, K(PIPE_R), K(BUF), V(16), V(0)),
	ROW("pread not open", SYS_pread, EBADF, V(99), K(BUF), V(16), V(0)),
	ROW("pread into NULL", SYS_pread, EFAULT, K(FILE_RO), V(0), V(16),
	    V(0)),
	ROW("pread huge count", SYS_pread, EFAULT, K(FILE_RO), K(BUF), V(HUGE),
	    V(0)),
	ROW("pwrite negative pos", SYS_pwrite, EINVAL, K(FILE_RW), K(BUF),
	    V(16), OFF(-4096)),
	ROW("pwrite pos + n overflows", SYS_pwrite, EINVAL, K(FILE_RW), K(BUF),
	    V(16), OFF(LLONG_MAX)),
	ROW("pwrite a pipe", SYS_pwrite, ESPIPE, K(PIPE_W), K(BUF), V(16),
	    V(0)),
	ROW("pwrite read-only fd", SYS_pwrite, EBADF, K(FILE_RO), K(BUF), V(16),
	    V(0)),
	ROW("pwrite from the kernel", SYS_pwrite, EFAULT, K(FILE_RW),
	    V(KERNEL_ADDR), V(16), V(0)),
	DIFF("pwrite past the size limit", SYS_pwrite, EFBIG, -1,
	     "files are at most 1 GiB (MAX_FILE_SIZE)", K(FILE_RW), K(BUF),
	     V(16), OFF(1LL << 40)),
	/* lseek(fd, off, whence) */
	ROW("lseek bad whence", SYS_lseek, EINVAL, K(FILE_RO), OFF(0), V(99),
	    LSEEK_POS),
	ROW("lseek before the start", SYS_lseek, EINVAL, K(FILE_RO), OFF(-1),
	    V(SEEK_SET), LSEEK_POS),
	ROW("lseek end overflows", SYS_lseek, EINVAL, K(FILE_RO),
	    OFF(LLONG_MAX), V(SEEK_END), LSEEK_POS),
	ROW("lseek a pipe", SYS_lseek, ESPIPE, K(PIPE_R), OFF(0), V(SEEK_SET),
	    LSEEK_POS),
	ROW("lseek not open", SYS_lseek, EBADF, V(99), OFF(0), V(SEEK_SET),
	    LSEEK_POS),
	/* fstat(fd, st), stat(path, st) */
	ROW("fstat not open", SYS_fstat, EBADF, V(99), K(BUF)),
	ROW("fstat into NULL", SYS_fstat, EFAULT, K(FILE_RO), V(0)),
	ROW("fstat into the kernel", SYS_fstat, EFAULT, K(FILE_RO),
	    V(KERNEL_ADDR)),
	ROW("fstat straddling the top", SYS_fstat, EFAULT, K(FILE_RO),
	    V(TOP_MINUS_8)),
	ROW("stat NULL path", SYS_stat, EFAULT, V(0), K(BUF)),
	ROW("stat into NULL", SYS_stat, EFAULT, S(FILE_PATH), V(0)),
	ROW("stat empty path", SYS_stat, ENOENT, S(""), K(BUF)),
	ROW("stat no such file", SYS_stat, ENOENT, S("/tmp/errno_test.no"),
	    K(BUF)),
	ROW("stat under a file", SYS_stat, ENOTDIR, S(FILE_PATH "/x"), K(BUF)),
	/* unlink, mkdir, rmdir, chdir (path) */
	ROW("unlink NULL", SYS_unlink, EFAULT, V(0)),
	ROW("unlink no such file", SYS_unlink, ENOENT, S("/tmp/errno_test.no")),
	ROW("unlink a directory", SYS_unlink, EISDIR, S(DIR_PATH)),
	ROW("unlink under a file", SYS_unlink, ENOTDIR, S(FILE_PATH "/x")),
	ROW("unlink /", SYS_unlink, EISDIR, S("/")),
	ROW("mkdir NULL", SYS_mkdir, EFAULT, V(0), V(0755)),
	ROW("mkdir existing", SYS_mkdir, EEXIST, S(DIR_PATH), V(0755)),
	ROW("mkdir /", SYS_mkdir, EEXIST, S("/"), V(0755)),
	ROW("mkdir no parent", SYS_mkdir, ENOENT, S("/tmp/errno_test.no/d"),
	    V(0755)),
	ROW("mkdir under a file", SYS_mkdir, ENOTDIR, S(FILE_PATH "/d"),
	    V(0755)),
	ROW("rmdir NULL", SYS_rmdir, EFAULT, V(0)),
	ROW("rmdir no such dir", SYS_rmdir, ENOENT, S("/tmp/errno_test.no")),
	ROW("rmdir a file", SYS_rmdir, ENOTDIR, S(FILE_PATH)),
	ROW("rmdir not empty", SYS_rmdir, ENOTEMPTY, S(DIR_PATH)),
	ROW("rmdir .", SYS_rmdir, EINVAL, S(DIR_PATH "/.")),
	ROW("rmdir ..", SYS_rmdir, ENOTEMPTY, S(DIR_PATH "/..")),
	ROW("rmdir /", SYS_rmdir, EBUSY, S("/")),
	/* rename(old, new), link(old, new) */
	ROW("rename NULL", SYS_rename, EFAULT, V(0), S("/tmp/errno_test.n")),
	ROW("rename to NULL", SYS_rename, EFAULT, S(FILE_PATH), V(0)),
	ROW("rename no such file", SYS_rename, ENOENT, S("/tmp/errno_test.no"),
	    S("/tmp/errno_test.n")),
	ROW("rename into no such dir", SYS_rename, ENOENT, S(FILE_PATH),
	    S("/tmp/errno_test.no/x")),
	ROW("rename a file onto a dir", SYS_rename, EISDIR, S(FILE_PATH),
	    S(DIR_PATH)),
	ROW("rename a dir onto a file", SYS_rename, ENOTDIR, S(DIR_PATH),
	    S(FILE_PATH)),
	ROW("rename a dir into itself", SYS_rename, EINVAL, S(DIR_PATH),
	    S(DIR_PATH "/x")),
	ROW("rename a file with a slash", SYS_rename, ENOTDIR, S(FILE_PATH "/"),
	    S("/tmp/errno_test.n")),
	ROW("rename .", SYS_rename, EBUSY, S(DIR_PATH "/."),
	    S("/tmp/errno_test.n")),
	ROW("rename onto ..", SYS_rename, EBUSY, S(FILE_PATH),
	    S(DIR_PATH "/..")),
	ROW("link NULL", SYS_link, EFAULT, V(0), S("/tmp/errno_test.n")),
	ROW("link no such file", SYS_link, ENOENT, S("/tmp/errno_test.no"),
	    S("/tmp/errno_test.n")),
	ROW("link onto a file", SYS_link, EEXIST, S(FILE_PATH), S(TEXT_PATH)),
	ROW("link onto .", SYS_link, EEXIST, S(FILE_PATH), S(DIR_PATH "/.")),
	ROW("link a directory", SYS_link, EPERM, S(DIR_PATH),
	    S("/tmp/errno_test.n")),
	ROW("link to a name with a slash", SYS_link, ENOENT, S(FILE_PATH),
	    S("/tmp/errno_test.n/")),
	ROW("link into no such dir", SYS_link, ENOENT, S(FILE_PATH),
	    S("/tmp/errno_test.no/x")),
	ROW("chdir NULL", SYS_chdir, EFAULT, V(0)),
	ROW("chdir no such dir", SYS_chdir, ENOENT, S("/tmp/errno_test.no")),
	ROW("chdir a file", SYS_chdir, ENOTDIR, S(FILE_PATH)),
	/* dup(fd), dup2(fd, new) */
	ROW("dup not open", SYS_dup, EBADF, V(99)),
	ROW("dup -1", SYS_dup, EBADF, V(-1)),
	ROW("dup2 not open", SYS_dup2, EBADF, V(99), V(20)),
	ROW("dup2 to -1", SYS_dup2, EBADF, K(FILE_RO), V(-1)),
	DIFF("dup2 to fd 32", SYS_dup2, EBADF, -1,
	     "a process has 32 fds (NR_OPEN; Linux: RLIMIT_NOFILE)", K(FILE_RO),
	     V(32)),
	/* pipe(fds) */
	ROW("pipe into NULL", SYS_pipe, EFAULT, V(0)),
	ROW("pipe into the kernel", SYS_pipe, EFAULT, V(KERNEL_ADDR)),
	ROW("pipe straddling the top", SYS_pipe, EFAULT, V(TOP_MINUS_8 + 4)),
	/* ftruncate(fd, len) */
	ROW("ftruncate not open", SYS_ftruncate, EBADF, V(99), V(0)),
	ROW("ftruncate read-only fd", SYS_ftruncate, EINVAL, K(FILE_RO), V(0)),
	ROW("ftruncate negative", SYS_ftruncate, EINVAL, K(FILE_RW), OFF(-1)),
	ROW("ftruncate a pipe", SYS_ftruncate, EINVAL, K(PIPE_W), V(0)),
	DIFF("ftruncate past the size limit", SYS_ftruncate, EFBIG, -1,
	     "files are at most 1 GiB (MAX_FILE_SIZE)", K(FILE_RW),
	     OFF(1LL << 40)),
	/* ioctl(fd, req, arg) */
	ROW("ioctl not open", SYS_ioctl, EBADF, V(99), V(TCGETECHO), V(0)),
	ROW("ioctl a file", SYS_ioctl, ENOTTY, K(FILE_RO), V(TCGETECHO), V(0)),
	/* getrusage(who, ru), clock_gettime(clock, ts) */
	ROW("getrusage bad who", SYS_getrusage, EINVAL, V(5), K(BUF)),
	ROW("getrusage into NULL", SYS_getrusage, EFAULT, V(0), V(0)),
	ROW("getrusage into the kernel", SYS_getrusage, EFAULT, V(0),
	    V(KERNEL_ADDR)),
	ROW("clock_gettime bad clock", SYS_clock_gettime, EINVAL, V(99),
	    K(BUF)),
	ROW("clock_gettime into NULL", SYS_clock_gettime, EFAULT,
	    V(CLOCK_MONOTONIC), V(0)),
	ROW("clock_gettime non-canonical", SYS_clock_gettime, EFAULT,
	    V(CLOCK_MONOTONIC), V(NONCANON)),
	/* nanosleep(req, rem) */
	ROW("nanosleep NULL", SYS_nanosleep, EFAULT, V(0), V(0)),
	ROW("nanosleep kernel address", SYS_nanosleep, EFAULT, V(KERNEL_ADDR),
	    V(0)),
	ROW("nanosleep negative nsec", SYS_nanosleep, EINVAL,
	    V(&ts_negative_nsec), V(0)),
	ROW("nanosleep negative sec", SYS_nanosleep, EINVAL,
	    V(&ts_negative_sec), V(0)),
	ROW("nanosleep nsec of a second", SYS_nanosleep, EINVAL,
	    V(&ts_a_second_of_nsec), V(0)),
	/* setitimer(which, value, old), getitimer(which, value) */
	ROW("setitimer bad which", SYS_setitimer, EINVAL, V(3), K(BUF), V(0)),
	ROW("setitimer from the kernel", SYS_setitimer, EFAULT, V(0),
	    V(KERNEL_ADDR), V(0)),
	ROW("getitimer bad which", SYS_getitimer, EINVAL, V(-1), K(BUF)),
	ROW("getitimer into NULL", SYS_getitimer, EFAULT, V(0), V(0)),
	/* timer_create(clock, sigevent, id), the others on a timer id */
	ROW("timer_create bad clock", SYS_timer_create, EINVAL, V(99), V(0),
	    K(BUF)),
	ROW("timer_create sigevent in the kernel", SYS_timer_create, EFAULT,
	    V(CLOCK_MONOTONIC), V(KERNEL_ADDR), K(BUF)),
	ROW("timer_settime no such timer", SYS_timer_settime, EINVAL, V(12345),
	    V(0), K(BUF), V(0)),
	ROW("timer_gettime no such timer", SYS_timer_gettime, EINVAL, V(12345),
	    K(BUF)),
	ROW("timer_getoverrun no such timer", SYS_timer_getoverrun, EINVAL,
	    V(12345)),
	ROW("timer_delete no such timer", SYS_timer_delete, EINVAL, V(12345)),
	/* clock_getres(clock, res) */
	ROW("clock_getres bad clock", SYS_clock_getres, EINVAL, V(99), K(BUF)),
	ROW("clock_getres into the kernel", SYS_clock_getres, EFAULT,
	    V(CLOCK_MONOTONIC), V(KERNEL_ADDR)),
	/* getdents(fd, buf, n) */
	ROW("getdents not open", SYS_getdents, EBADF, V(99), K(BUF), V(PAGE)),
	ROW("getdents a file", SYS_getdents, ENOTDIR, K(FILE_RO), K(BUF),
	    V(PAGE)),
	ROW("getdents tiny buffer", SYS_getdents, EINVAL, K(DIR_FD), K(BUF),
	    V(1)),
	ROW("getdents into NULL", SYS_getdents, EFAULT, K(DIR_FD), V(0),
	    V(PAGE)),
	/* sysinfo(info), getcwd(buf, n) */
	ROW("sysinfo into NULL", SYS_sysinfo, EFAULT, V(0)),
	ROW("sysinfo into the kernel", SYS_sysinfo, EFAULT, V(KERNEL_ADDR)),
	ROW("getcwd size 1", SYS_getcwd, ERANGE, K(BUF), V(1)),
	ROW("getcwd into NULL", SYS_getcwd, EFAULT, V(0), V(PAGE)),
	ROW("getcwd into the kernel", SYS_getcwd, EFAULT, V(KERNEL_ADDR),
	    V(PAGE)),
	/* mmap(addr, len, prot, flags, fd, off) */
	ROW("mmap length 0", SYS_mmap, EINVAL, V(0), V(0), V(PROT_READ),
	    V(MAP_PRIVATE | MAP_ANONYMOUS), V(-1), V(0)),
	ROW("mmap neither shared nor private", SYS_mmap, EINVAL, V(0), V(PAGE),
	    V(PROT_READ), V(MAP_ANONYMOUS), V(-1), V(0)),
	ROW("mmap huge length", SYS_mmap, ENOMEM, V(0), V(HUGE), V(PROT_READ),
	    V(MAP_PRIVATE | MAP_ANONYMOUS), V(-1), V(0)),
	ROW("mmap fixed in the kernel", SYS_mmap, ENOMEM, V(KERNEL_ADDR),
	    V(PAGE), V(PROT_READ), V(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED),
	    V(-1), V(0)),
	ROW("mmap fixed non-canonical", SYS_mmap, ENOMEM, V(NONCANON), V(PAGE),
	    V(PROT_READ), V(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED), V(-1),
	    V(0)),
	ROW("mmap fixed over the top", SYS_mmap, ENOMEM, V(TOP_MINUS_8 - 4088),
	    V(2 * PAGE), V(PROT_READ),
	    V(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED), V(-1), V(0)),
	ROW("mmap fixed unaligned", SYS_mmap, EINVAL, V(0x10000001), V(PAGE),
	    V(PROT_READ), V(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED), V(-1),
	    V(0)),
	ROWF("mmap fixed at 0", SYS_mmap, EPERM, UNPRIV, V(0), V(PAGE),
	     V(PROT_READ), V(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED), V(-1),
	     V(0)),
	ROW("mmap bad fd", SYS_mmap, EBADF, V(0), V(PAGE), V(PROT_READ),
	    V(MAP_PRIVATE), V(99), V(0)),
	ROW("mmap unaligned offset", SYS_mmap, EINVAL, V(0), V(PAGE),
	    V(PROT_READ), V(MAP_PRIVATE), K(FILE_RO), V(1)),
	ROW("mmap negative offset", SYS_mmap, EOVERFLOW, V(0), V(PAGE),
	    V(PROT_READ), V(MAP_PRIVATE), K(FILE_RO), V(-PAGE)),
	ROW("mmap offset + length past 2^63", SYS_mmap, EOVERFLOW, V(0),
	    V(2 * PAGE), V(PROT_READ), V(MAP_PRIVATE), K(FILE_RO),
	    V(0x7fffffffffffe000L)),
	ROW("mmap shared writable, read-only fd", SYS_mmap, EACCES, V(0),
	    V(PAGE), V(PROT_READ | PROT_WRITE), V(MAP_SHARED), K(FILE_RO),
	    V(0)),
	ROW("mmap a write-only fd", SYS_mmap, EACCES, V(0), V(PAGE),
	    V(PROT_READ), V(MAP_PRIVATE), K(FILE_WO), V(0)),
	ROW("mmap a pipe", SYS_mmap, ENODEV, V(0), V(PAGE), V(PROT_READ),
	    V(MAP_PRIVATE), K(PIPE_R), V(0)),
	/* munmap, mprotect, madvise(addr, len, ...) */
	ROW("munmap length 0", SYS_munmap, EINVAL, V(0x10000000), V(0)),
	ROW("munmap unaligned", SYS_munmap, EINVAL, V(0x10000001), V(PAGE)),
	ROW("munmap the kernel", SYS_munmap, EINVAL, V(KERNEL_ADDR), V(PAGE)),
	ROW("munmap over the top", SYS_munmap, EINVAL, V(TOP_MINUS_8 - 4088),
	    V(2 * PAGE)),
	ROW("mprotect unaligned", SYS_mprotect, EINVAL, V(0x10000001), V(PAGE),
	    V(PROT_READ)),
	ROW("mprotect a hole", SYS_mprotect, ENOMEM, V(0x10000000), V(PAGE),
	    V(PROT_READ)),
	ROW("mprotect the kernel", SYS_mprotect, ENOMEM, V(KERNEL_ADDR),
	    V(PAGE), V(PROT_READ)),
	ROW("mprotect huge length", SYS_mprotect, ENOMEM, V(0x10000000),
	    V(HUGE), V(PROT_READ)),
	ROW("madvise bad advice", SYS_madvise, EINVAL, K(BUF), V(PAGE),
	    V(12345)),
	ROW("madvise unaligned", SYS_madvise, EINVAL, V(0x10000001), V(PAGE),
	    V(MADV_DONTNEED)),
	ROW("madvise a hole", SYS_madvise, ENOMEM, V(0x10000000), V(PAGE),
	    V(MADV_DONTNEED)),
	ROW("madvise the kernel", SYS_madvise, ENOMEM, V(KERNEL_ADDR), V(PAGE),
	    V(MADV_DONTNEED)),
	ROW("madvise wrapping", SYS_madvise, EINVAL, V(0x10000000), V(HUGE),
	    V(MADV_DONTNEED)),
	/* mremap(addr, old_len, new_len, flags, new_addr) */
	ROW("mremap bad flags", SYS_mremap, EINVAL, K(BUF), V(PAGE), V(PAGE),
	    V(0x80), V(0)),
	ROW("mremap unaligned", SYS_mremap, EINVAL, V(0x10000001), V(PAGE),
	    V(PAGE), V(0), V(0)),
	ROW("mremap new length 0", SYS_mremap, EINVAL, K(BUF), V(PAGE), V(0),
	    V(MREMAP_MAYMOVE), V(0)),
	ROW("mremap huge length", SYS_mremap, EINVAL, K(BUF), V(PAGE), V(HUGE),
	    V(MREMAP_MAYMOVE), V(0)),
	ROW("mremap fixed without maymove", SYS_mremap, EINVAL, K(BUF), V(PAGE),
	    V(PAGE), V(MREMAP_FIXED), V(0x20000000)),
	ROW("mremap fixed unaligned", SYS_mremap, EINVAL, K(BUF), V(PAGE),
	    V(PAGE), V(MREMAP_MAYMOVE | MREMAP_FIXED), V(0x20000001)),
	ROW("mremap a hole", SYS_mremap, EFAULT, V(0x10000000), V(PAGE),
	    V(2 * PAGE), V(MREMAP_MAYMOVE), V(0)),
	ROW("mremap the kernel", SYS_mremap, EFAULT, V(KERNEL_ADDR), V(PAGE),
	    V(PAGE), V(0), V(0)),
	/* clone(flags, sp, parent_tid, child_tid, tls): threads */
	ROW("clone thread without SIGHAND", SYS_clone, EINVAL,
	    V(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_THREAD), K(BUF), V(0),
	    V(0), V(0)),
	ROW("clone SIGHAND without VM", SYS_clone, EINVAL,
	    V(CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD), K(BUF),
	    V(0), V(0), V(0)),
	ROW("clone thread, TLS in the kernel", SYS_clone, EPERM,
	    V(THREAD_FLAGS | CLONE_SETTLS), K(BUF), V(0), V(0), V(KERNEL_ADDR)),
	/* Linux makes these threads, which crash on their first push. */
	ROWF("clone VM alone", SYS_clone, EINVAL, PAGODA_ONLY, V(CLONE_VM),
	     K(BUF), V(0), V(0), V(0)),
	ROWF("clone thread, stack NULL", SYS_clone, EFAULT, PAGODA_ONLY,
	     V(THREAD_FLAGS), V(0), V(0), V(0), V(0)),
	ROWF("clone thread, stack in the kernel", SYS_clone, EFAULT,
	     PAGODA_ONLY, V(THREAD_FLAGS), V(KERNEL_ADDR), V(0), V(0), V(0)),
	ROWF("set_tls in the kernel", SYS_set_tls, EPERM, PAGODA_ONLY,
	     V(KERNEL_ADDR)),
	/* futex(uaddr, op, val, timeout) */
	ROW("futex wait NULL", SYS_futex, EFAULT, V(0), V(FUTEX_WAIT), V(0),
	    V(0)),
	ROW("futex wait unaligned", SYS_futex, EINVAL, V(1), V(FUTEX_WAIT),
	    V(0), V(0)),
	ROW("futex wait, value differs", SYS_futex, EAGAIN, K(BUF),
	    V(FUTEX_WAIT), V(1), V(0)),
	ROW("futex wake in the kernel", SYS_futex, EFAULT, V(KERNEL_ADDR),
	    V(FUTEX_WAKE), V(1), V(0)),
	ROW("futex bad op", SYS_futex, ENOSYS, K(BUF), V(99), V(0), V(0)),
	ROW("futex wait, timeout in the kernel", SYS_futex, EFAULT, K(BUF),
	    V(FUTEX_WAIT), V(0), V(KERNEL_ADDR)),
	ROW("futex wait, timeout of negative nsec", SYS_futex, EINVAL, K(BUF),
	    V(FUTEX_WAIT), V(0), V(&ts_negative_nsec)),
	ROW("futex wait, timeout passes", SYS_futex, ETIMEDOUT, K(BUF),
	    V(FUTEX_WAIT), V(0), V(&ts_zero)),
	/* sigaltstack(ss, old) */
	ROW("sigaltstack from the kernel", SYS_sigaltstack, EFAULT,
	    V(KERNEL_ADDR), V(0)),
	ROW("sigaltstack old into the kernel", SYS_sigaltstack, EFAULT, V(0),
	    V(KERNEL_ADDR)),
	/* sigqueueinfo(pid, sig, info) */
	ROW("sigqueueinfo NULL info", SYS_sigqueueinfo, EFAULT, K(SELF),
	    V(SIGUSR1), V(0)),
	ROW("sigqueueinfo info in the kernel", SYS_sigqueueinfo, EFAULT,
	    K(SELF), V(SIGUSR1), V(KERNEL_ADDR)),
	ROW("sigqueueinfo signal 65", SYS_sigqueueinfo, EINVAL, K(SELF), V(65),
	    V(&si_queue)),
	ROW("sigqueueinfo no such pid", SYS_sigqueueinfo, ESRCH, V(99999),
	    V(SIGUSR1), V(&si_queue)),
	ROW("sigqueueinfo SI_USER to another", SYS_sigqueueinfo, EPERM, K(SELF),
	    V(SIGUSR1), V(&si_user)),
	/* sigtimedwait(set, info, timeout) */
	ROW("sigtimedwait NULL set", SYS_sigtimedwait, EFAULT, V(0), V(0),
	    V(&ts_zero), V(8)),
	ROW("sigtimedwait timeout in the kernel", SYS_sigtimedwait, EFAULT,
	    V(&sigset_none), V(0), V(KERNEL_ADDR), V(8)),
	ROW("sigtimedwait timeout of negative nsec", SYS_sigtimedwait, EINVAL,
	    V(&sigset_none), V(0), V(&ts_negative_nsec), V(8)),
	ROW("sigtimedwait timeout of 10^9 nsec", SYS_sigtimedwait, EINVAL,
	    V(&sigset_none), V(0), V(&ts_a_second_of_nsec), V(8)),
	ROW("sigtimedwait timeout passes", SYS_sigtimedwait, EAGAIN,
	    V(&sigset_none), V(0), V(&ts_zero), V(8)),
	/* fcntl(fd, cmd, arg) */
	ROW("fcntl not open", SYS_fcntl, EBADF, V(99), V(F_GETFD), V(0)),
	ROW("fcntl bad command", SYS_fcntl, EINVAL, K(FILE_RW), V(9999), V(0)),
	ROW("fcntl F_DUPFD past the table", SYS_fcntl, EINVAL, K(FILE_RW),
	    V(F_DUPFD), V(-1)),
	ROW("fcntl F_SETLK NULL", SYS_fcntl, EFAULT, K(FILE_RW), V(F_SETLK),
	    V(0)),
	ROW("fcntl F_GETLK into the kernel", SYS_fcntl, EFAULT, K(FILE_RW),
	    V(F_GETLK), V(KERNEL_ADDR)),
	ROW("fcntl F_SETLK bad type", SYS_fcntl, EINVAL, K(FILE_RW), V(F_SETLK),
	    V(&flock_bad_type)),
	ROW("fcntl F_SETLK before the start", SYS_fcntl, EINVAL, K(FILE_RW),
	    V(F_SETLK), V(&flock_negative_start)),
	ROW("fcntl F_GETLK of an unlock", SYS_fcntl, EINVAL, K(FILE_RW),
	    V(F_GETLK), V(&flock_unlock)),
	ROW("fcntl read lock, write-only", SYS_fcntl, EBADF, K(FILE_WO),
	    V(F_SETLK), V(&flock_read)),
	ROW("fcntl write lock, read-only", SYS_fcntl, EBADF, K(FILE_RO),
	    V(F_SETLKW), V(&flock_write)),
	/* utimensat(dirfd, path, times, flags), statfs, chmod and their f* */
	ROW("utimensat bad flags", SYS_utimensat, EINVAL, V(AT_FDCWD),
	    S(FILE_PATH), V(0), V(0x4000)),
	ROW("utimensat times NULL", SYS_utimensat, EFAULT, V(AT_FDCWD),
	    S(FILE_PATH), V(KERNEL_ADDR), V(0)),
	ROW("utimensat nsec too large", SYS_utimensat, EINVAL, V(AT_FDCWD),
	    S(FILE_PATH), V(ts_a_second_of_nsec_2), V(0)),
	ROW("utimensat no such file", SYS_utimensat, ENOENT, V(AT_FDCWD),
	    S("/tmp/errno_test.no"), V(0), V(0)),
	ROW("utimensat from a file", SYS_utimensat, ENOTDIR, K(FILE_RW), S("x"),
	    V(0), V(0)),
	ROW("utimensat fd not open", SYS_utimensat, EBADF, V(99), V(0), V(0),
	    V(0)),
	ROW("statfs NULL path", SYS_statfs, EFAULT, V(0), K(BUF)),
	ROW("statfs into NULL", SYS_statfs, EFAULT, S(FILE_PATH), V(0)),
	ROW("statfs no such file", SYS_statfs, ENOENT, S("/tmp/errno_test.no"),
	    K(BUF)),
	ROW("fstatfs not open", SYS_fstatfs, EBADF, V(99), K(BUF)),
	ROW("fstatfs into the kernel", SYS_fstatfs, EFAULT, K(FILE_RW),
	    V(KERNEL_ADDR)),
	ROW("chmod NULL path", SYS_chmod, EFAULT, V(0), V(0644)),
	ROW("chmod no such file", SYS_chmod, ENOENT, S("/tmp/errno_test.no"),
	    V(0644)),
	ROW("fchmod not open", SYS_fchmod, EBADF, V(99), V(0644)),
	/* fsync(fd) */
	ROW("fsync not open", SYS_fsync, EBADF, V(99)),
	ROW("fsync a pipe", SYS_fsync, EINVAL, K(PIPE_R)),
	/* msync(addr, len, flags) */
	ROW("msync unaligned", SYS_msync, EINVAL, V(PAGE + 1), V(PAGE),
	    V(MS_SYNC)),
	ROW("msync bad flags", SYS_msync, EINVAL, K(BUF), V(PAGE), V(8)),
	ROW("msync MS_SYNC with MS_ASYNC", SYS_msync, EINVAL, K(BUF), V(PAGE),
	    V(MS_SYNC | MS_ASYNC)),
	ROW("msync not mapped", SYS_msync, ENOMEM, V(16 * PAGE), V(PAGE),
	    V(MS_SYNC)),
	ROW("msync past the top", SYS_msync, ENOMEM, V(TOP_MINUS_8 & -PAGE),
	    V(2 * PAGE), V(MS_SYNC)),
	/* pselect6(n, in, out, except, timeout, mask) */
	ROW("pselect6 negative n", SYS_pselect6, EINVAL, V(-1), V(0), V(0),
	    V(0), V(&ts_zero), V(0)),
	ROW("pselect6 negative timeout", SYS_pselect6, EINVAL, V(0), V(0), V(0),
	    V(0), V(&ts_negative_nsec), V(0)),
	ROW("pselect6 fd not open", SYS_pselect6, EBADF, V(31), V(set_fd30),
	    V(0), V(0), V(&ts_zero), V(0)),
	ROW("pselect6 set in the kernel", SYS_pselect6, EFAULT, V(1),
	    V(KERNEL_ADDR), V(0), V(0), V(&ts_zero), V(0)),
	/* ppoll(fds, n, timeout, mask) */
	ROW("ppoll entries in the kernel", SYS_ppoll, EFAULT, V(KERNEL_ADDR),
	    V(1), V(&ts_zero), V(0)),
	ROW("ppoll negative timeout", SYS_ppoll, EINVAL, V(0), V(0),
	    V(&ts_negative_nsec), V(0)),
	/* getsid(pid), getpgid(pid) */
	ROW("getsid no such pid", SYS_getsid, ESRCH, V(99999)),
	ROW("getpgid no such pid", SYS_getpgid, ESRCH, V(99999)),
	ROW("getpgid negative", SYS_getpgid, ESRCH, V(-1)),
	/* users, scheduling policies, limits, uname */
	ROW("setuid -1", SYS_setuid, EINVAL, V(-1)),
	ROW("getresuid into the kernel", SYS_getresuid, EFAULT, V(KERNEL_ADDR),
	    K(BUF), K(BUF)),
	ROW("sched_setscheduler bad policy", SYS_sched_setscheduler, EINVAL,
	    V(0), V(42), V(&sched_prio_0)),
	ROW("sched_setscheduler FIFO priority 0", SYS_sched_setscheduler,
	    EINVAL, V(0), V(1), V(&sched_prio_0)),
	ROW("sched_setscheduler NULL param", SYS_sched_setscheduler, EINVAL,
	    V(0), V(0), V(0)),
	ROW("sched_setscheduler param in the kernel", SYS_sched_setscheduler,
	    EFAULT, V(0), V(0), V(KERNEL_ADDR)),
	ROW("sched_setscheduler negative pid", SYS_sched_setscheduler, EINVAL,
	    V(-1), V(0), V(&sched_prio_0)),
	ROW("sched_setscheduler no such pid", SYS_sched_setscheduler, ESRCH,
	    V(99999), V(0), V(&sched_prio_0)),
	ROW("sched_getscheduler negative pid", SYS_sched_getscheduler, EINVAL,
	    V(-1)),
	ROW("sched_getscheduler no such pid", SYS_sched_getscheduler, ESRCH,
	    V(99999)),
	ROW("sched_getparam NULL", SYS_sched_getparam, EINVAL, V(0), V(0)),
	ROW("sched_getparam into the kernel", SYS_sched_getparam, EFAULT, V(0),
	    V(KERNEL_ADDR)),
	ROW("sched_rr_get_interval negative pid", SYS_sched_rr_get_interval,
	    EINVAL, V(-1), K(BUF)),
	ROW("sched_rr_get_interval into the kernel", SYS_sched_rr_get_interval,
	    EFAULT, V(0), V(KERNEL_ADDR)),
	ROW("sched_setaffinity mask in the kernel", SYS_sched_setaffinity,
	    EFAULT, V(0), V(sizeof(long)), V(KERNEL_ADDR)),
	ROW("sched_setaffinity no CPU", SYS_sched_setaffinity, EINVAL, V(0),
	    V(sizeof(long)), V(&no_cpus)),
	ROW("sched_getaffinity odd length", SYS_sched_getaffinity, EINVAL, V(0),
	    V(3), K(BUF)),
	ROW("sched_getaffinity into the kernel", SYS_sched_getaffinity, EFAULT,
	    V(0), V(128), V(KERNEL_ADDR)),
	ROW("prlimit bad resource", SYS_prlimit, EINVAL, V(0), V(99), V(0),
	    K(BUF)),
	ROW("prlimit soft above hard", SYS_prlimit, EINVAL, V(0),
	    V(RLIMIT_CORE), V(rlim_soft_above_hard), V(0)),
	ROW("prlimit new in the kernel", SYS_prlimit, EFAULT, V(0),
	    V(RLIMIT_CORE), V(KERNEL_ADDR), V(0)),
	ROW("prlimit old in the kernel", SYS_prlimit, EFAULT, V(0),
	    V(RLIMIT_CORE), V(0), V(KERNEL_ADDR)),
	ROW("prlimit no such pid", SYS_prlimit, ESRCH, V(99999), V(RLIMIT_CORE),
	    V(0), K(BUF)),
	ROW("uname into the kernel", SYS_uname, EFAULT, V(KERNEL_ADDR)),
	/* Pagoda's own calls */
	ROWF("procinfo negative index", SYS_procinfo, EINVAL, PAGODA_ONLY,
	     V(-1), K(BUF)),
	ROWF("procinfo past the last", SYS_procinfo, ESRCH, PAGODA_ONLY,
	     V(100000), K(BUF)),
	ROWF("procinfo into NULL", SYS_procinfo, EFAULT, PAGODA_ONLY, V(0),
	     V(0)),
	ROWF("mapinfo negative index", SYS_mapinfo, EINVAL, PAGODA_ONLY, V(0),
	     V(-1), K(BUF)),
	ROWF("mapinfo no such process", SYS_mapinfo, ESRCH, PAGODA_ONLY,
	     V(99999), V(0), K(BUF)),
	ROWF("mapinfo past the last", SYS_mapinfo, ESRCH, PAGODA_ONLY, V(0),
	     V(100000), K(BUF)),
	ROWF("mapinfo into the kernel", SYS_mapinfo, EFAULT, PAGODA_ONLY, V(0),
	     V(0), V(KERNEL_ADDR)),
	ROWF("vmstat into NULL", SYS_vmstat, EFAULT, PAGODA_ONLY, V(0)),
	ROWF("reboot bad command", SYS_reboot, EINVAL, PAGODA_ONLY, V(99),
	     V(0)),
	/* a number that is no call */
	ROW("no such system call", 1000, ENOSYS),
};

/* The fds and buffers the rows refer to, made once. */
static long fixture[SELF + 1];
static char long_name[128], long_path[4097];
static const char *bad_argv[] = { (const char *)KERNEL_ADDR, NULL };

static void remove_fixture(void)
{
	unlink(FILE_PATH);
	unlink(TEXT_PATH);
	unlink(DIR_PATH "/f");
	rmdir(DIR_PATH);
}

static int make_fixture(void)
{
	int p[2], lonely[2], fd;
	char *buf;

	remove_fixture();
	fd = open(FILE_PATH, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, long_path, 100) != 100 || mkdir(DIR_PATH, 0755))
		return -1;
	fd = open(DIR_PATH "/f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || close(fd))
		return -1;
	fd = open(TEXT_PATH, O_RDWR | O_CREAT | O_TRUNC, 0755);
	if (fd < 0 || write(fd, "not a program\n", 14) != 14 || close(fd))
		return -1;
	if (pipe(p) || pipe(lonely) || write(p[1], "data", 4) != 4 ||
	    close(lonely[0]))
		return -1;
	buf = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED)
		return -1;
	fixture[FILE_RW] = open(FILE_PATH, O_RDWR);
	fixture[FILE_RO] = open(FILE_PATH, O_RDONLY);
	fixture[FILE_WO] = open(FILE_PATH, O_WRONLY);
	fixture[DIR_FD] = open(DIR_PATH, O_RDONLY);
	fixture[PIPE_R] = p[0];
	fixture[PIPE_W] = p[1];
	fixture[LONELY_W] = lonely[1];
	fixture[BUF] = (long)buf;
	memset(long_name, 'n', sizeof(long_name) - 1);
	memcpy(long_name, "/tmp/", 5);
	memset(long_path, 'p', sizeof(long_path) - 1);
	long_path[0] = '/';
	fixture[LONG_NAME] = (long)long_name;
	fixture[LONG_PATH] = (long)long_path;
	fixture[BAD_ARGV] = (long)bad_argv;
	fixture[SELF] = getpid();
	for (int k = FILE_RW; k <= DIR_FD; k++)
		if (fixture[k] < 0)
			return -1;
	return 0;
}

/* The errno this build must see: Pagoda's, or on Linux Linux's. */
static int expected(const struct row *r)
{
#ifdef ERRNO_LINUX
	if (r->linux_err)
		return r->linux_err;
#endif
	return r->err;
}

static int skipped(const struct row *r)
{
#ifdef ERRNO_LINUX
	return (r->flags & PAGODA_ONLY) ||
	       ((r->flags & UNPRIV) && geteuid() == 0);
#else
	return 0;
#endif
}

/*
 * Run one row in a child, which exits with the errno it saw (0 on
 * success); a signal that kills it shows as 1000 + the signal.
 */
static int run_row(const struct row *r)
{
	long a[6];
	int status;
	pid_t pid;

	for (int i = 0; i < 6; i++)
		a[i] = r->a[i].kind == LIT || r->a[i].kind == STR
			       ? r->a[i].v
			       : fixture[r->a[i].kind];
	pid = fork();
	if (pid == 0) {
		signal(SIGPIPE, SIG_IGN); /* EPIPE comes with SIGPIPE */
		errno = 0;
		if (syscall(r->nr, a[0], a[1], a[2], a[3], a[4], a[5]) != -1)
			_exit(0);
		_exit(errno);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFSIGNALED(status) ? 1000 + WTERMSIG(status)
				   : WEXITSTATUS(status);
}

static void table(void)
{
	int differ = 0, ran = 0;

	ASSERT_EQ(make_fixture(), 0);
	for (unsigned int i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];
		int want = expected(r), got;

		if (skipped(r))
			continue;
		got = run_row(r);
		ran++;
		differ += r->linux_err != 0;
		if (got != (want < 0 ? 0 : want))
			ktap_fail(__FILE__, __LINE__,
				  "%s: expected errno %d%s, got %d%s", r->what,
				  want < 0 ? 0 : want,
				  want < 0 ? " (success)" : "", got,
				  got ? "" : " (success)");
	}
	ktap_log("%d rows run of %d, %d of them where Pagoda and Linux differ",
		 ran, (int)(sizeof(rows) / sizeof(rows[0])), differ);
	remove_fixture();
}

static const struct ktap_case cases[] = { KTAP_CASE(table) };

int main(void)
{
	return ktap_main("errno_test", cases, KTAP_NCASES(cases));
}
