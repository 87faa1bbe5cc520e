// SPDX-License-Identifier: MIT
/*
 * vmstat: what the virtual-memory system has done since boot, read from
 * /proc/vmstat -- free and page-cache pages, faults, then Pagoda's own
 * counts (fault-around, zero page, copy-on-write ...) -- one
 * "name value" a line, aligned.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	FILE *f = fopen("/proc/vmstat", "r");
	char line[128], name[64];
	unsigned long value;

	if (!f) {
		perror("vmstat: /proc/vmstat");
		return 1;
	}
	while (fgets(line, sizeof(line), f)) {
		char *space = strchr(line, ' ');

		if (!space || (size_t)(space - line) >= sizeof(name))
			continue;
		memcpy(name, line, space - line);
		name[space - line] = '\0';
		value = strtoul(space + 1, NULL, 10);
		printf("%-20s %lu\n", name, value);
	}
	fclose(f);
	return 0;
}
