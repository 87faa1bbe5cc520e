/* vmtour: one anonymous mapping through the fault path, fork and mprotect. */
#include <pagoda.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096
static struct vmstat before, after;

static void start(void)
{
	memset(&after, 0, sizeof(after)); /* fault these in now, not inside */
	memset(&before, 0, sizeof(before));
	vmstat(&before);
}

static void stop(const char *what)
{
	vmstat(&after);
	printf("%-28s zero %lu  anon %lu  copy %lu  reuse %lu\n", what,
	       after.zero_page_maps - before.zero_page_maps,
	       after.anon_pages - before.anon_pages,
	       after.cow_copies - before.cow_copies,
	       after.cow_reuses - before.cow_reuses);
}

/* The VMAs inside [lo, hi), from the same call pmap uses. */
static void show_maps(char *lo, char *hi)
{
	struct mapinfo m;

	for (int i = 0; mapinfo(0, i, &m) == 0; i++)
		if (m.start >= (unsigned long)lo && m.end <= (unsigned long)hi)
			printf("  %lx-%lx %c%c %lu resident\n", m.start, m.end,
			       m.flags & MAPINFO_READ ? 'r' : '-',
			       m.flags & MAPINFO_WRITE ? 'w' : '-', m.resident);
}

int main(void)
{
	char *p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	volatile char *v = p;
	int up[2], down[2], status; /* child -> parent, parent -> child */
	char c;

	printf("mapped 3 pages at %p\n", (void *)p);
	start();
	c = v[0];
	stop("read page 0");
	start();
	v[0] = 'a';
	stop("write page 0 (was zero page)");
	start();
	v[PAGE] = 'b';
	stop("write page 1 (untouched)");
	start();
	c = v[0];
	stop("read page 0 again");
	show_maps(p, p + 3 * PAGE);

	pipe(up);
	pipe(down);
	if (fork() == 0) {
		start();
		v[0] = 'C';
		stop("child: write page 0");
		write(up[1], "x", 1);
		read(down[0], &c, 1); /* until the parent has written too */
		printf("child sees '%c'\n", v[0]);
		_exit(0);
	}
	read(up[0], &c, 1); /* the child has written */
	start();
	v[0] = 'P';
	stop("parent: write page 0");
	write(down[1], "x", 1);
	wait(&status);
	printf("parent sees '%c'\n", v[0]);

	mprotect(p + PAGE, PAGE, PROT_READ);
	printf("after mprotect of page 1:\n");
	show_maps(p, p + 3 * PAGE);
	if (fork() == 0) {
		v[PAGE] = 'x'; /* read-only now: this child dies */
		_exit(0);
	}
	wait(&status);
	printf("child writing page 1: %s %d\n",
	       WIFSIGNALED(status) ? "killed by signal" : "exited",
	       WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));

	madvise(p, PAGE, MADV_DONTNEED);
	printf("after MADV_DONTNEED, page 0 reads %d\n", v[0]);
	munmap(p + PAGE, PAGE);
	printf("after munmap of page 1:\n");
	show_maps(p, p + 3 * PAGE);
	return 0;
}
