// SPDX-License-Identifier: MIT
/*
 * free: memory in KiB, from sysinfo(): all the page allocator manages,
 * what is in use, what is free, and how much of the used memory is
 * page cache (file data, here the whole ramfs); then the process count.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/sysinfo.h>

int main(void)
{
	struct sysinfo si;

	if (sysinfo(&si) < 0) {
		fprintf(stderr, "free: sysinfo: %s\n", strerror(errno));
		return 1;
	}
	printf("%16s %10s %10s %10s\n", "total", "used", "free", "cache");
	printf("Mem: %11lu %10lu %10lu %10lu\n", si.totalram / 1024,
	       (si.totalram - si.freeram) / 1024, si.freeram / 1024,
	       si.pagecache / 1024);
	printf("Processes: %lu\n", si.procs);
	return 0;
}
