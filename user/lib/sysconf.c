// SPDX-License-Identifier: MIT
/*
 * sysconf(): the system's limits and options at run time, for the names
 * <unistd.h> lists; any other name is EINVAL, as POSIX says for a name the
 * system does not know.  An option Pagoda lacks, or a limit it does not
 * state, is -1 with errno untouched.  The page size, the memory and the
 * CPUs come from the kernel (sysinfo), the rest are Pagoda's constants.
 */
#include <errno.h>
#include <limits.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <unistd.h>

static long from_sysinfo(int name)
{
	struct sysinfo si;

	if (sysinfo(&si) < 0)
		return -1;
	switch (name) {
	case _SC_PAGESIZE:
		return si.page_size;
	case _SC_PHYS_PAGES:
		return si.totalram / si.page_size;
	case _SC_AVPHYS_PAGES:
		return si.freeram / si.page_size;
	default:
		return si.cpus;
	}
}

/* A resource's soft limit, as glibc answers: -1 for none. */
static long limit(int resource)
{
	struct rlimit r;

	if (getrlimit(resource, &r) || r.rlim_cur == RLIM_INFINITY)
		return -1;
	return r.rlim_cur;
}

long sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE:
	case _SC_PHYS_PAGES:
	case _SC_AVPHYS_PAGES:
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN:
		return from_sysinfo(name);
	case _SC_CLK_TCK:
		return USER_HZ;
	case _SC_OPEN_MAX:
		return limit(RLIMIT_NOFILE);
	case _SC_CHILD_MAX:
		return limit(RLIMIT_NPROC);
	case _SC_PRIORITY_SCHEDULING:
		return _POSIX_PRIORITY_SCHEDULING;
	case _SC_SAVED_IDS:
		return _POSIX_SAVED_IDS;
	case _SC_VERSION:
		return _POSIX_VERSION;
	case _SC_MAPPED_FILES:
		return _POSIX_MAPPED_FILES;
	case _SC_MEMLOCK:
		return _POSIX_MEMLOCK;
	case _SC_MEMLOCK_RANGE:
		return _POSIX_MEMLOCK_RANGE;
	case _SC_MEMORY_PROTECTION:
		return _POSIX_MEMORY_PROTECTION;
	case _SC_FSYNC:
		return _POSIX_FSYNC;
	case _SC_JOB_CONTROL:
		return _POSIX_JOB_CONTROL;
	case _SC_MONOTONIC_CLOCK:
		return _POSIX_MONOTONIC_CLOCK;
	case _SC_CPUTIME:
		return _POSIX_CPUTIME;
	case _SC_THREAD_CPUTIME:
		return _POSIX_THREAD_CPUTIME;
	case _SC_TIMERS:
		return _POSIX_TIMERS;
	case _SC_SHARED_MEMORY_OBJECTS:
		return _POSIX_SHARED_MEMORY_OBJECTS;
	case _SC_REALTIME_SIGNALS:
		return _POSIX_REALTIME_SIGNALS;
	case _SC_RTSIG_MAX:
		return SIGRTMAX - SIGRTMIN + 1;
	case _SC_SIGQUEUE_MAX:
		return PAGODA_SIGQUEUE_MAX;
	case _SC_SEMAPHORES:
		return _POSIX_SEMAPHORES;
	case _SC_SEM_VALUE_MAX:
		return SEM_VALUE_MAX;
	case _SC_MESSAGE_PASSING:
		return _POSIX_MESSAGE_PASSING;
	case _SC_MQ_OPEN_MAX:
		return MQ_OPEN_MAX;
	case _SC_MQ_PRIO_MAX:
		return MQ_PRIO_MAX;
	case _SC_ARG_MAX:
	case _SC_THREADS:
	case _SC_SEM_NSEMS_MAX:
		return -1; /* no fixed limit told, or an option Pagoda lacks */
	default:
		errno = EINVAL;
		return -1;
	}
}
