/* SPDX-License-Identifier: MIT */
/*
 * The structures and constants system calls exchange with user space, in the
 * layout both sides compile.  The user library's POSIX headers (fcntl.h,
 * sys/stat.h, sys/wait.h, signal.h, time.h, sys/resource.h ...) take their
 * definitions from here, so the two can never disagree.
 */
#ifndef _UAPI_PAGODA_ABI_H
#define _UAPI_PAGODA_ABI_H

/* open() flags (Linux values) */
#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_ACCMODE 3
#define O_CREAT 0100
#define O_EXCL 0200
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_NONBLOCK 04000 /* a read or write that would wait: EAGAIN */
#define O_DIRECTORY 0200000
#define O_CLOEXEC 02000000 /* the new fd has FD_CLOEXEC */

/* fcntl() commands and the fd flag (Linux values) */
#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC 1 /* closed by a successful execve */

/*
 * Record locks: fcntl(F_GETLK, F_SETLK, F_SETLKW) with a struct flock
 * (kernel/fs/locks.c).  Linux's numbers and its 64-bit layout on every
 * port (on 32-bit ARM that is Linux's struct flock64: off_t is 64 bits).
 */
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2

struct flock {
	short l_type;	   /* F_RDLCK, F_WRLCK or F_UNLCK */
	short l_whence;	   /* SEEK_SET, SEEK_CUR or SEEK_END */
	long long l_start; /* from l_whence */
	long long l_len;   /* 0: to the end of file, however far it grows */
	int l_pid;	   /* F_GETLK: the holder's process */
};

/* select()'s readiness, as a file's poll operation reports it (Linux values) */
#define POLLIN 0x001
#define POLLPRI 0x002
#define POLLOUT 0x004
#define POLLERR 0x008
#define POLLHUP 0x010
#define POLLNVAL 0x020 /* poll: the fd is not open */
#define POLLRDNORM 0x040
#define POLLWRNORM 0x100

/* poll(): one fd, the events asked for, those found (Linux's layout) */
struct pollfd {
	int fd; /* < 0: ignored */
	short events;
	short revents;
};
#define POLL_MAX_FDS 1024 /* more entries: EINVAL (Linux: RLIMIT_NOFILE) */

/* mmap(), mprotect(), madvise() (Linux values) */
#define PROT_NONE 0
#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_LOCKED 0x2000   /* mlock the mapping: VM_LOCKED, faulted in now */
#define MAP_POPULATE 0x8000 /* fault the pages in now */
#define MAP_FIXED_NOREPLACE 0x100000 /* MAP_FIXED, but EEXIST over a mapping */
#define MADV_DONTNEED 4
#define MCL_CURRENT 1	/* mlockall: lock what is mapped now */
#define MCL_FUTURE 2	/* ... and what will be */
#define MADV_PAGEOUT 21 /* reclaim the range's pages now (swap them out) */
#define MS_ASYNC 1	/* msync() flags */
#define MS_INVALIDATE 2
#define MS_SYNC 4
#define MREMAP_MAYMOVE 1 /* mremap(): it may move to grow */
#define MREMAP_FIXED 2	 /* ... to new_address, replacing what is there */

/* lseek() */
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

/* File types and permission bits in st_mode */
#define S_IFMT 0170000
#define S_IFIFO 0010000
#define S_IFCHR 0020000
#define S_IFDIR 0040000
#define S_IFBLK 0060000
#define S_IFREG 0100000
#define S_ISREG(m) (((m)&S_IFMT) == S_IFREG)
#define S_ISDIR(m) (((m)&S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m)&S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m)&S_IFMT) == S_IFIFO)
#define S_ISBLK(m) (((m)&S_IFMT) == S_IFBLK)

/*
 * newlib declares these two in user space as well (<sys/_timespec.h>,
 * <sys/_timeval.h>), with the same layout; the guards are its own, so that
 * whichever header a program includes first declares them.
 */
#ifndef _SYS__TIMESPEC_H_
#define _SYS__TIMESPEC_H_
struct timespec {
	long tv_sec;
	long tv_nsec;
};
#endif

#ifndef _TIMEVAL_DEFINED
#define _TIMEVAL_DEFINED
struct timeval {
	long tv_sec;
	long tv_usec;
};
#endif

/*
 * The file times (CLOCK_REALTIME) come last, so that the fields before them
 * keep their places; st_atime and the rest name their seconds, as POSIX
 * and Linux have it.
 */
struct stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned int st_mode;
	unsigned int st_nlink;
	long st_size;
	long st_blksize;
	long st_blocks;		 /* 512-byte units */
	struct timespec st_atim; /* last read (relatime: kernel/fs/inode.c) */
	struct timespec st_mtim; /* last change of the data */
	struct timespec st_ctim; /* last change of the data or the inode */
};
#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

/* utimensat() and futimens(): a tv_nsec meaning "now" or "leave it" */
#define UTIME_NOW ((1L << 30) - 1)
#define UTIME_OMIT ((1L << 30) - 2)
#define AT_FDCWD (-100)		  /* a path relative to the cwd */
#define AT_SYMLINK_NOFOLLOW 0x100 /* accepted: there are no symbolic links */

/*
 * statfs(), fstatfs(): the file system a file is on (Linux's layout on
 * 64-bit ports).  Pagoda has one, ramfs, counted in pages of RAM.
 */
#define RAMFS_MAGIC 0x858458f6
#define ST_RDONLY 1 /* f_flags: a read-only store (/xip) */
struct statfs {
	long f_type; /* RAMFS_MAGIC */
	long f_bsize;
	unsigned long long f_blocks; /* in f_bsize units */
	unsigned long long f_bfree;
	unsigned long long f_bavail;
	unsigned long long f_files; /* 0: no fixed number of inodes */
	unsigned long long f_ffree;
	struct {
		int __val[2];
	} f_fsid;
	long f_namelen;
	long f_frsize;
	long f_flags; /* ST_* */
	long f_spare[4];
};

/* Open files a process may have: fds 0 .. PAGODA_OPEN_MAX - 1. */
#define PAGODA_OPEN_MAX 32
/* Clock ticks a second, in which procinfo counts CPU time (sysconf(_SC_CLK_TCK)). */
#define USER_HZ 100

/* Bytes in a path, with its NUL (user/include/limits.h says the same). */
#define PAGODA_PATH_MAX 4096

/* getdents(): one entry per call slot, names NUL-terminated. */
#define PAGODA_NAME_MAX 63
struct pagoda_dirent {
	unsigned long d_ino;
	unsigned char d_type; /* DT_* below */
	char d_name[PAGODA_NAME_MAX + 1];
};
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8

/*
 * Signals: Linux's numbers and, where the kernel reads or writes them,
 * Linux's x86_64 structure layouts.  Signals 1 to 31 are the classic ones:
 * pending or not, never queued twice.  SIGRTMIN to SIGRTMAX are POSIX's
 * real-time signals: each one sent is queued with its siginfo_t, up to
 * SIGQUEUE_MAX instances a process (sigqueue fails with EAGAIN beyond).
 */
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO /* POSIX's name, Linux's number */
#define SIGPWR 30
#define SIGSYS 31
#define SIGRTMIN 32 /* Linux's kernel values (glibc keeps 32, 33 itself) */
#define SIGRTMAX 64
#define NSIG 65 /* signal numbers are 1 .. NSIG - 1 */
/* Queued real-time signals a process may have (<limits.h>'s SIGQUEUE_MAX). */
#define PAGODA_SIGQUEUE_MAX 32

#define SIG_DFL ((void (*)(int))0)
#define SIG_IGN ((void (*)(int))1)
#define SIG_ERR ((void (*)(int)) - 1)

/* sa_flags (Linux values) */
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002 /* children leave no zombie */
#define SA_SIGINFO 0x00000004
#define SA_RESTORER 0x04000000 /* sa_restorer is the handler's return */
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

/* sigprocmask() how */
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/*
 * Bit n - 1 stands for signal n, as in Linux's kernel sigset: 64 bits on
 * every port (user/include/sys/_sigset.h tells newlib the same).
 */
#ifndef _SIGSET_T_DECLARED /* newlib's guard, as for struct timespec */
#define _SIGSET_T_DECLARED
typedef unsigned long long sigset_t;
#endif

union sigval {
	int sival_int;
	void *sival_ptr;
};

/*
 * 128 bytes, the fields at Linux's offsets (si_addr, si_pid at 16 on
 * 64-bit ports, 12 on ARM; si_value at 24, 20 on ARM).
 */
typedef struct siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int __si_pad[28];
		struct {
			int si_pid;
			unsigned int si_uid;
			union {
				int si_status; /* SIGCHLD */
				union sigval
					si_value; /* SI_QUEUE, SI_TIMER, SI_MESGQ */
			};
		};
		struct {
			int si_timerid; /* SI_TIMER (Linux's _timer._tid) */
			int si_overrun;
		};
		void *si_addr; /* SIGSEGV, SIGBUS, SIGILL, SIGFPE */
	};
} siginfo_t;
#define si_int si_value.sival_int
#define si_ptr si_value.sival_ptr

/*
 * How a timer or a message queue notifies (timer_create, mq_notify):
 * Linux's layout and values, 64 bytes.
 */
#define SIGEV_SIGNAL 0	  /* send sigev_signo with sigev_value */
#define SIGEV_NONE 1	  /* nothing */
#define SIGEV_THREAD 2	  /* run sigev_notify_function in a new thread */
#define SIGEV_THREAD_ID 4 /* the signal to thread sigev_notify_thread_id */
typedef struct sigevent {
	union sigval sigev_value;
	int sigev_signo;
	int sigev_notify;
	union {
		int __sigev_pad[(64 - 2 * sizeof(int) - sizeof(union sigval)) /
				sizeof(int)];
		int sigev_notify_thread_id;
		struct {
			void (*sigev_notify_function)(union sigval);
			void *sigev_notify_attributes; /* pthread_attr_t * */
		};
	};
} sigevent_t;

/* si_code */
#define SI_USER 0	/* kill(), raise() */
#define SI_QUEUE (-1)	/* sigqueue() */
#define SI_TIMER (-2)	/* a POSIX timer expired */
#define SI_MESGQ (-3)	/* a message arrived on an empty queue */
#define SI_ASYNCIO (-4) /* asynchronous I/O completed */
#define SI_TKILL (-6)	/* tkill(), tgkill() */
#define SI_KERNEL 0x80	/* the kernel, for no more precise reason */
#define SEGV_MAPERR 1	/* no mapping at si_addr */
#define SEGV_ACCERR 2	/* a mapping that forbids the access */
#define BUS_ADRALN 1	/* an access the hardware cannot align */
#define BUS_ADRERR 2	/* a mapping with nothing behind it (past EOF) */
#define ILL_ILLOPN 2	/* undefined opcode */
#define FPE_INTDIV 1	/* integer division by zero */
#define CLD_EXITED 1	/* SIGCHLD: the child exited */
#define CLD_KILLED 2	/* the child was killed by a signal */
#define CLD_STOPPED 5	/* the child stopped */
#define CLD_CONTINUED 6 /* the child continued */

/*
 * The kernel's struct sigaction, as Linux's on x86_64: the library always
 * sets SA_RESTORER, pointing at its trampoline that calls sigreturn.
 */
struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	};
	unsigned long sa_flags;
	void (*sa_restorer)(void);
	sigset_t sa_mask;
};

/* An alternate signal stack (sigaltstack), as Linux's. */
typedef struct {
	void *ss_sp;
	int ss_flags;
	unsigned long ss_size;
} stack_t;
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192

/*
 * waitpid() status, encoded as Linux does: exit status in bits 8-15, or
 * the terminating signal in bits 0-6, or 0x7f and the stop signal in bits
 * 8-15 for a stopped child, or 0xffff for a continued one.
 */
#define WNOHANG 1
#define WUNTRACED 2  /* report stopped children too */
#define WCONTINUED 8 /* report continued children too */
#define __W_EXITCODE(code) (((code)&0xff) << 8)
#define __W_SIGNALED(sig) ((sig)&0x7f)
#define __W_STOPCODE(sig) (((sig) << 8) | 0x7f)
#define __W_CONTINUED 0xffff
#define WIFEXITED(s) (((s)&0x7f) == 0)
#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WIFSIGNALED(s) (((s)&0x7f) != 0 && ((s)&0x7f) != 0x7f)
#define WTERMSIG(s) ((s)&0x7f)
#define WCOREDUMP(s) ((s)&0x80) /* never set: no core files */
#define WIFSTOPPED(s) (((s)&0xff) == 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WIFCONTINUED(s) ((s) == __W_CONTINUED)

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2 /* the CPU time of the calling process */
#define CLOCK_THREAD_CPUTIME_ID 3  /* ... of the calling thread */
/*
 * Another process's or thread's CPU-time clock (clock_getcpuclockid,
 * pthread_getcpuclockid), encoded as Linux encodes it: the id's
 * complement shifted by 3, over CPUCLOCK_SCHED, and the thread bit.
 */
#define CPUCLOCK_SCHED 2
#define CPUCLOCK_PERTHREAD_MASK 4
#define MAKE_PROCESS_CPUCLOCK(pid)                                             \
	((int)(~(unsigned int)(pid) << 3) | CPUCLOCK_SCHED)
#define MAKE_THREAD_CPUCLOCK(tid)                                              \
	(MAKE_PROCESS_CPUCLOCK(tid) | CPUCLOCK_PERTHREAD_MASK)

/*
 * Interval timers (setitimer) and POSIX timers (timer_settime), in
 * Linux's layouts: newlib's struct itimerval (<sys/time.h>) and struct
 * itimerspec (<sys/timespec.h>) are these, under names of their own here
 * so that either header may be included first.  TIMER_ABSTIME is Linux's
 * (newlib's own is 4: user/include/time.h keeps this one).
 */
#define ITIMER_REAL 0	 /* real time: SIGALRM (alarm is this timer) */
#define ITIMER_VIRTUAL 1 /* the process's user CPU time: SIGVTALRM */
#define ITIMER_PROF 2	 /* its user and system CPU time: SIGPROF */
struct kernel_itimerval {
	struct timeval it_interval; /* reloaded with this at expiry; 0: once */
	struct timeval it_value;    /* time to the next expiry; 0: disarmed */
};
struct kernel_itimerspec {
	struct timespec it_interval;
	struct timespec it_value;
};
#define TIMER_ABSTIME 1	    /* timer_settime: it_value is a time, not a delay */
#define PAGODA_TIMER_MAX 32 /* timers a process may have (timer_create) */

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)

struct rusage {
	struct timeval ru_utime;
	struct timeval ru_stime;
	long ru_minflt;
	long ru_majflt;
};

struct sysinfo {
	unsigned long uptime;	 /* seconds */
	unsigned long totalram;	 /* bytes managed by the page allocator */
	unsigned long freeram;	 /* bytes free */
	unsigned long procs;	 /* processes, zombies included */
	unsigned long pagecache; /* bytes in page-cache pages */
	unsigned long page_size;
	unsigned long cpus; /* CPUs online */
};

#define PROCINFO_NAME_MAX 16
struct procinfo {
	int pid;
	int ppid;
	char state; /* R running/runnable, S sleeping, T stopped, Z zombie */
	char name[PROCINFO_NAME_MAX];
	unsigned long rss_pages;
	unsigned long utime_ticks, stime_ticks; /* at HZ */
	unsigned long min_flt, cow_flt; /* page faults; of them, COW copies */
	unsigned long hz;
	unsigned int cpu;	 /* the CPU it runs on, or last ran on */
	unsigned int nr_threads; /* live threads (0: a zombie) */
};

/* One VMA, as /proc/<pid>/maps shows it on Linux (for pmap). */
#define MAPINFO_NAME_MAX 32
#define MAPINFO_READ 0x1
#define MAPINFO_WRITE 0x2
#define MAPINFO_EXEC 0x4
#define MAPINFO_SHARED 0x8
#define MAPINFO_PFNMAP 0x10
#define MAPINFO_MIXEDMAP 0x20
#define MAPINFO_RESERVED 0x40
#define MAPINFO_IO 0x80
struct mapinfo {
	unsigned long start, end;
	unsigned long flags;	/* MAPINFO_* */
	unsigned long offset;	/* in bytes, into the file */
	unsigned long resident; /* pages mapped to counted pages */
	unsigned long raw;	/* pages mapped to raw frames (device memory) */
	unsigned long swap;	/* pages swapped out (Linux's smaps Swap:) */
	char name[MAPINFO_NAME_MAX]; /* "[heap]", "[stack]", "file", or "" */
};

/* Counts since boot of what the fault path did (for vmstat). */
struct vmstat {
	unsigned long pgfault;	      /* faults handled */
	unsigned long zero_page_maps; /* reads answered with the zero page */
	unsigned long anon_pages;     /* fresh pages for first writes */
	unsigned long cow_copies;     /* writes that copied a shared page */
	unsigned long cow_reuses; /* writes that kept a page nobody shared */
	unsigned long pfn_maps;	  /* PTEs made for raw frames (device memory) */
	unsigned long free_pages, total_pages, pagecache_pages;
	unsigned long tlb_shootdowns; /* rounds of TLB-flush IPIs sent */
};

/*
 * /dev/kmsg mapped read-only (Pagoda's own interface: Linux's /dev/kmsg is
 * read() record by record and cannot be mapped).  The first page holds
 * this header; the log ring, KMSG_RING_SIZE bytes, fills the pages after
 * it.  The ring holds the last min(head, size) bytes written, ending at
 * offset head % size.  The kernel writes while a program reads: a reader
 * copies what it wants, then checks head did not move past it.
 */
#define KMSG_MAGIC 0x67736d6bUL /* "kmsg" */
#define KMSG_RING_PAGES 16
#define KMSG_PAGE_SIZE 4096
#define KMSG_RING_SIZE (KMSG_RING_PAGES * KMSG_PAGE_SIZE)
#define KMSG_MAP_SIZE (KMSG_PAGE_SIZE + KMSG_RING_SIZE)
struct kmsg_header {
	unsigned long magic;
	unsigned long size; /* bytes in the ring */
	unsigned long head; /* bytes ever written */
};

/* ioctl() requests of /dev/console */
#define TCGETECHO 0x5401   /* returns 1 if the console echoes input */
#define TCSETECHO 0x5402   /* arg 0 or 1 */
#define TCGETCANON 0x5403  /* returns 1 in canonical mode (lines, edited) */
#define TCSETCANON 0x5404  /* arg 0 (every byte readable at once) or 1 */
#define TCGETTOSTOP 0x5405 /* returns 1 if background writes stop (TOSTOP) */
#define TCSETTOSTOP 0x5406 /* arg 0 or 1 */
#define TIOCGPGRP 0x540f   /* returns the foreground process group, 0 if none */
#define TIOCSPGRP 0x5410   /* arg: the foreground process group (^C kills it) */
#define TIOCSTI 0x5412	   /* arg: a char *; that byte, as if typed (Linux's) */

/*
 * clone() flags (Linux values): a thread takes the first five together
 * (kernel/thread.c), the last three as it needs them.
 */
#define CLONE_VM 0x00000100
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
#define CLONE_THREAD 0x00010000
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000

/* futex() operations (Linux values) */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_PRIVATE_FLAG 128

#endif
