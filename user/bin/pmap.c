// SPDX-License-Identifier: MIT
/*
 * pmap [pid]: the memory areas (VMAs) of a process -- pmap's own, with no
 * argument -- one a line, in the layout of Linux's /proc/<pid>/maps:
 *
 *	00400000-00409000 r-xp 00000000   7 /bin/...   range, rights, offset,
 *	                                                resident pages, backing
 *
 * with the VMA flags the seeds are about (pfnmap, mixedmap, reserved, io)
 * after the name, and for a PFN or mixed map the pages mapped to raw
 * frames ("raw N"), which the resident count (counted pages) leaves out;
 * and, where some of its pages are in swap, how many ("swap N").
 */
#include <errno.h>
#include <pagoda.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_area(const struct mapinfo *m)
{
	static const struct {
		unsigned long flag;
		const char *name;
	} extra[] = {
		{ MAPINFO_PFNMAP, " pfnmap" },
		{ MAPINFO_MIXEDMAP, " mixedmap" },
		{ MAPINFO_RESERVED, " reserved" },
		{ MAPINFO_IO, " io" },
	};

	printf("%08lx-%08lx %c%c%c%c %08lx %5lu %s", m->start, m->end,
	       m->flags & MAPINFO_READ ? 'r' : '-',
	       m->flags & MAPINFO_WRITE ? 'w' : '-',
	       m->flags & MAPINFO_EXEC ? 'x' : '-',
	       m->flags & MAPINFO_SHARED ? 's' : 'p', m->offset, m->resident,
	       m->name);
	for (size_t i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
		if (m->flags & extra[i].flag)
			fputs(extra[i].name, stdout);
	/* Frames without a count (device memory): the resident column omits them. */
	if (m->flags & (MAPINFO_PFNMAP | MAPINFO_MIXEDMAP))
		printf(" raw %lu", m->raw);
	/* Pages in swap (chapter 9): shown only where there are some. */
	if (m->swap)
		printf(" swap %lu", m->swap);
	putchar('\n');
}

int main(int argc, char **argv)
{
	int pid = argc > 1 ? atoi(argv[1]) : 0;
	struct mapinfo m;
	int i;

	for (i = 0; mapinfo(pid, i, &m) == 0; i++)
		print_area(&m);
	if (i == 0) {
		fprintf(stderr, "pmap: %s: %s\n", argc > 1 ? argv[1] : "self",
			strerror(errno));
		return 1;
	}
	return 0;
}
