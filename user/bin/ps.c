// SPDX-License-Identifier: MIT
/*
 * ps: one line per process (threads are counted in it, not listed), from
 * the kernel's procinfo() table:
 *
 *   PID PPID  the process and its parent
 *   S         R running or runnable, S sleeping, Z zombie (exited, not
 *             yet waited for)
 *   CPU       the CPU it runs on, or ran on last (its first thread's)
 *   THR       its live threads
 *   RSS       pages of memory it has mapped
 *   MINFLT    page faults its threads took (getrusage's ru_minflt)
 *   COW       of those, writes that copied a page shared since a fork
 *   TIME      CPU time used, user and kernel, as minutes:seconds
 *   NAME      the program it runs
 */
#include <pagoda.h>
#include <stdio.h>

int main(void)
{
	struct procinfo pi;

	printf("  PID  PPID S CPU THR   RSS  MINFLT  COW   TIME NAME\n");
	for (int i = 0; procinfo(i, &pi) == 0; i++) {
		unsigned long hz = pi.hz ? pi.hz : 100;
		unsigned long secs = (pi.utime_ticks + pi.stime_ticks) / hz;

		printf("%5d %5d %c %3u %3u %5lu %7lu %4lu %3lu:%02lu %s\n",
		       pi.pid, pi.ppid, pi.state, pi.cpu, pi.nr_threads,
		       pi.rss_pages, pi.min_flt, pi.cow_flt, secs / 60,
		       secs % 60, pi.name);
	}
	return 0;
}
