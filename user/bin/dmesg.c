// SPDX-License-Identifier: MIT
/*
 * dmesg: print the kernel log -- by mapping /dev/kmsg, not by read().  The
 * pages this program sees are the very pages printk writes (kernel/
 * drivers/kmsg.c), mapped read-only through the driver's ->fault in a
 * VM_RESERVED area (seed 001); `pmap` run from here would show it.
 *
 *	dmesg        the whole log the ring still holds
 *	dmesg -p     then show this process's memory areas (pmap), the log's
 *	             among them
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static void write_all(const char *p, unsigned long n)
{
	while (n) {
		long done = write(1, p, n);

		if (done <= 0)
			return;
		p += done;
		n -= done;
	}
}

/* pmap of this process, run while the log is still mapped. */
static void show_areas(void)
{
	char pid[16];
	int status;

	snprintf(pid, sizeof(pid), "%d", getpid());
	if (fork() == 0) {
		execl("/bin/pmap", "pmap", pid, (char *)NULL);
		_exit(127);
	}
	wait(&status);
}

int main(int argc, char **argv)
{
	int fd = open("/dev/kmsg", O_RDONLY);
	const struct kmsg_header *h;
	const char *ring;
	unsigned long head, len, start;

	if (fd < 0) {
		perror("dmesg: /dev/kmsg");
		return 1;
	}
	h = mmap(NULL, KMSG_MAP_SIZE, PROT_READ, MAP_SHARED, fd, 0);
	close(fd); /* the mapping keeps the device */
	if (h == MAP_FAILED) {
		perror("dmesg: mmap");
		return 1;
	}
	if (h->magic != KMSG_MAGIC) {
		fprintf(stderr, "dmesg: /dev/kmsg: not a kernel log\n");
		return 1;
	}
	ring = (const char *)h + KMSG_PAGE_SIZE;
	head = h->head;
	len = head < h->size ? head : h->size;
	start = (head - len) % h->size;
	/* Oldest part first: from start to the ring's end, then the rest. */
	if (start + len > h->size) {
		write_all(ring + start, h->size - start);
		write_all(ring, len - (h->size - start));
	} else {
		write_all(ring + start, len);
	}
	if (argc > 1 && !strcmp(argv[1], "-p"))
		show_areas();
	return 0;
}
