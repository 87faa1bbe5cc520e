// SPDX-License-Identifier: MIT
/*
 * vmstat: what the virtual-memory system has done since boot -- faults,
 * zero-page mappings, copy-on-write copies and reuses -- and the memory
 * figures, one "name value" a line.
 */
#include <pagoda.h>
#include <stdio.h>

int main(void)
{
	struct vmstat v;

	if (vmstat(&v) < 0) {
		perror("vmstat");
		return 1;
	}
	printf("pgfault          %lu\n", v.pgfault);
	printf("zero_page_maps   %lu\n", v.zero_page_maps);
	printf("anon_pages       %lu\n", v.anon_pages);
	printf("cow_copies       %lu\n", v.cow_copies);
	printf("cow_reuses       %lu\n", v.cow_reuses);
	printf("pfn_maps         %lu\n", v.pfn_maps);
	printf("free_pages       %lu\n", v.free_pages);
	printf("total_pages      %lu\n", v.total_pages);
	printf("pagecache_pages  %lu\n", v.pagecache_pages);
	return 0;
}
