/* SPDX-License-Identifier: MIT */
/*
 * Scheduling policies (sched_setscheduler ...), with Linux's numbers, and
 * the CPU mask of sched_setaffinity.  newlib's <sys/sched.h> declares the
 * policies and struct sched_param with the same values and under the same
 * guard, so whichever header a program includes first declares them.
 */
#ifndef _UAPI_PAGODA_SCHED_H
#define _UAPI_PAGODA_SCHED_H

#ifndef _SYS_SCHED_H_
#define _SYS_SCHED_H_
#define SCHED_OTHER 0 /* time-sharing: round robin below every RT task */
#define SCHED_FIFO 1  /* real time: runs until it blocks or yields */
#define SCHED_RR 2    /* real time: FIFO with a time slice */

struct sched_param {
	int sched_priority; /* 1..99 for FIFO and RR, 0 for OTHER */
};
#endif

/* The real-time priorities (sched_get_priority_min/max), as Linux's. */
#define SCHED_RT_PRIO_MIN 1
#define SCHED_RT_PRIO_MAX 99

#endif
