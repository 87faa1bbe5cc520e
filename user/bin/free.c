// SPDX-License-Identifier: MIT
/*
 * free: memory in KiB, from /proc/meminfo: all the page allocator manages
 * (MemTotal), what is in use, what is free (MemFree), and how much of the
 * used memory is page cache (Cached: file data, here the whole ramfs);
 * the swap areas' total, used and free (SwapTotal, SwapFree); then the
 * processes, one directory each in /proc.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The kB value of field name ("MemTotal:") in /proc/meminfo, or 0. */
static unsigned long meminfo(const char *name)
{
	FILE *f = fopen("/proc/meminfo", "r");
	unsigned long kb = 0;
	char line[128];

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, name, strlen(name)))
			kb = strtoul(line + strlen(name), NULL, 10);
	if (f)
		fclose(f);
	return kb;
}

static unsigned long processes(void)
{
	DIR *d = opendir("/proc");
	unsigned long n = 0;
	struct dirent *e;

	while (d && (e = readdir(d)))
		n += e->d_name[0] >= '0' && e->d_name[0] <= '9';
	if (d)
		closedir(d);
	return n;
}

int main(void)
{
	unsigned long total = meminfo("MemTotal:"), free = meminfo("MemFree:");

	if (!total) {
		perror("free: /proc/meminfo");
		return 1;
	}
	printf("%16s %10s %10s %10s\n", "total", "used", "free", "cache");
	printf("Mem: %11lu %10lu %10lu %10lu\n", total, total - free, free,
	       meminfo("Cached:"));
	printf("Swap: %10lu %10lu %10lu\n", meminfo("SwapTotal:"),
	       meminfo("SwapTotal:") - meminfo("SwapFree:"),
	       meminfo("SwapFree:"));
	printf("Processes: %lu\n", processes());
	return 0;
}
