/*
 * vmfigure: an address space worth drawing.  It maps memory, touches some
 * of it in different ways, prints its VMAs (as pmap does), then spins for a
 * few seconds so that its page table stays loaded while tools/vmfigure.py
 * asks QEMU's monitor for the translations the MMU sees.
 */
#include <pagoda.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#define PAGE 4096

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	char *anon = mmap(NULL, 8 * PAGE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *heap = malloc(6 * PAGE);
	volatile char sink;
	struct mapinfo m;
	double end;

	for (int i = 0; i < 8; i += 2)
		sink = anon[i * PAGE]; /* reads: the zero page */
	anon[1 * PAGE] = 1;	       /* writes: pages of its own */
	anon[5 * PAGE] = 1;
	mprotect(anon + 6 * PAGE, 2 * PAGE, PROT_READ);
	memset(heap, 1, 2 * PAGE);
	printf("heap at %p\n", (void *)heap); /* keeps malloc and memset */
	(void)sink;

	for (int i = 0; mapinfo(0, i, &m) == 0; i++)
		printf("vma %lx %lx %c%c%c %lu %s\n", m.start, m.end,
		       m.flags & MAPINFO_READ ? 'r' : '-',
		       m.flags & MAPINFO_WRITE ? 'w' : '-',
		       m.flags & MAPINFO_EXEC ? 'x' : '-', m.resident, m.name);
	printf("vmfigure: ready\n");
	fflush(stdout);
	end = now() + (argc > 1 ? atoi(argv[1]) : 5);
	while (now() < end)
		;
	return 0;
}
