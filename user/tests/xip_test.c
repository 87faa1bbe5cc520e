// SPDX-License-Identifier: MIT
/*
 * /xip (kernel/drivers/xip.c): files of an execute-in-place store in an
 * ivshmem BAR, mapped with vm_insert_mixed in VM_MIXEDMAP VMAs -- raw
 * frames for reads, a normal page for a private write, in one VMA --
 * programs run in place, and the store is read-only (EROFS).
 */
#include <fcntl.h>
#include <pagoda.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ktap.h"

static void need_xip(void)
{
	struct stat st;

	if (stat("/xip/bin/ls", &st))
		ktap_skip(
			"no XIP store (ivshmem-plain, or s390's DCSS segment) "
			"on this machine");
}

/* Run prog, its output into buf; its exit status, or -1. */
static int run_capture(const char *prog, char *buf, size_t size)
{
	int fds[2], status;
	long n, len = 0;
	pid_t pid;

	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		execl(prog, prog, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf + len, size - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The counted and raw pages of the text (r-x) area in pmap's output. */
static int text_pages(const char *out, unsigned long *counted,
		      unsigned long *raw)
{
	const char *line = strstr(out, " r-xp ");
	char *end;

	if (!line)
		return -1;
	*counted = strtoul(line + 15, &end, 10);
	line = strstr(line, " raw ");
	*raw = line && line < strchr(end, '\n') ? strtoul(line + 5, NULL, 10)
						: 0;
	return 0;
}

/*
 * /xip/bin/pmap shows its own text: a mixed map, every page a raw frame
 * of the store, none counted -- never copied into RAM.  The same program
 * from /bin has its text in counted page-cache pages.
 */
static void exec_runs_in_place(void)
{
	static char out[2048];
	unsigned long counted, raw;

	need_xip();
	ASSERT_EQ(run_capture("/xip/bin/pmap", out, sizeof(out)), 0);
	ASSERT_EQ(text_pages(out, &counted, &raw), 0);
	EXPECT_TRUE(strstr(out, "r-xp") && strstr(out, "mixedmap"));
	EXPECT_EQ(counted, 0);
	EXPECT_GT(raw, 0);
	ASSERT_EQ(run_capture("/bin/pmap", out, sizeof(out)), 0);
	ASSERT_EQ(text_pages(out, &counted, &raw), 0);
	EXPECT_GT(counted, 0);
	EXPECT_EQ(raw, 0);
}

static void files_are_the_programs(void)
{
	static char a[4096], b[4096];
	int fa, fb;
	long na, nb, total = 0;

	need_xip();
	fa = open("/xip/bin/ls", O_RDONLY);
	fb = open("/bin/ls", O_RDONLY);
	ASSERT_GE(fa, 0);
	ASSERT_GE(fb, 0);
	do {
		na = read(fa, a, sizeof(a));
		nb = read(fb, b, sizeof(b));
		ASSERT_EQ(na, nb);
		EXPECT_EQ(memcmp(a, b, na > 0 ? na : 0), 0);
		total += na > 0 ? na : 0;
	} while (na > 0);
	EXPECT_GT(total, 4096);
	close(fa);
	close(fb);
}

static void read_only_store(void)
{
	int fd;

	need_xip();
	EXPECT_ERRNO(open("/xip/bin/ls", O_RDWR), EROFS);
	EXPECT_ERRNO(open("/xip/bin/ls", O_WRONLY), EROFS);
	EXPECT_ERRNO(open("/xip/bin/ls", O_RDONLY | O_TRUNC), EROFS);
	EXPECT_ERRNO(open("/xip/bin/new", O_WRONLY | O_CREAT, 0644), EROFS);
	EXPECT_ERRNO(unlink("/xip/bin/ls"), EROFS);
	EXPECT_ERRNO(mkdir("/xip/dir", 0755), EROFS);
	EXPECT_ERRNO(rmdir("/xip/bin"), EROFS);
	fd = open("/xip/bin/ls", O_RDONLY);
	ASSERT_GE(fd, 0);
	EXPECT_ERRNO(write(fd, "x", 1), EBADF);
	EXPECT_ERRNO((long)mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED,
				fd, 0),
		     EACCES);
	close(fd);
}

static unsigned char byte_of(int fd, long off)
{
	unsigned char b = 0;

	pread(fd, &b, 1, off);
	return b;
}

/*
 * A private writable mapping: reading maps the store's frame (raw); a
 * write copies it into a normal page (counted), the file unchanged; the
 * VMA then holds both kinds.
 */
static void private_write_copies(void)
{
	int fd = -1;
	unsigned char *p, byte = 0;
	struct mapinfo m;

	need_xip();
	fd = open("/xip/bin/ls", O_RDONLY);
	ASSERT_GE(fd, 0);
	p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(p[0], 0x7f);
	EXPECT_EQ(((volatile unsigned char *)p)[4096], byte_of(fd, 4096));
	ASSERT_EQ(mapinfo_at(p, &m), 0);
	EXPECT_TRUE(m.flags & MAPINFO_MIXEDMAP);
	EXPECT_EQ(m.raw, 2);
	EXPECT_EQ(m.resident, 0);
	p[0] = 'X';
	EXPECT_EQ(p[0], 'X');
	ASSERT_EQ(mapinfo_at(p, &m), 0);
	EXPECT_EQ(m.raw, 1);
	EXPECT_EQ(m.resident, 1);
	EXPECT_EQ(pread(fd, &byte, 1, 0), 1);
	EXPECT_EQ(byte, 0x7f);
	munmap(p, 2 * 4096);
	close(fd);
}

/* fork copies the raw PTEs; past the end of the file: SIGBUS. */
static void fork_and_past_eof(void)
{
	struct stat st;
	int fd, status;
	unsigned char *p;
	pid_t pid;

	need_xip();
	fd = open("/xip/bin/true", O_RDONLY);
	ASSERT_GE(fd, 0);
	ASSERT_EQ(fstat(fd, &st), 0);
	p = mmap(NULL, st.st_size + 2 * 4096, PROT_READ, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(p[1], 'E');
	pid = fork();
	if (pid == 0)
		_exit(p[1] == 'E' && p[2] == 'L' ? 0 : 1);
	waitpid(pid, &status, 0);
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	pid = fork();
	if (pid == 0)
		_exit(p[((st.st_size + 4095) & ~4095L) + 1]);
	waitpid(pid, &status, 0);
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS);
	munmap(p, st.st_size + 2 * 4096);
	close(fd);
}

/*
 * /dev/xipmem, the store as a physical-memory device: remap_pfn_range
 * maps its frames in a VM_PFNMAP VMA, every PTE raw and made at mmap
 * time; the first page is the image's header, and a file's bytes in /xip
 * are the bytes at its offset (little-endian, tools/mkxip.py).  Read-only.
 */
static unsigned long le64_at(const unsigned char *p)
{
	unsigned long v = 0;

	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static void physical_memory_device(void)
{
	static char data[4096];
	unsigned char *p, *q, *e;
	struct mapinfo m;
	int fd, file;

	need_xip();
	fd = open("/dev/xipmem", O_RDONLY);
	ASSERT_GE(fd, 0);
	p = mmap(NULL, 2 * 4096, PROT_READ, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(memcmp(p, "PXIP0001", 8), 0);
	ASSERT_EQ(mapinfo_at(p, &m), 0);
	EXPECT_TRUE(m.flags & MAPINFO_PFNMAP);
	EXPECT_EQ(m.raw, 2);
	EXPECT_EQ(m.resident, 0);
	file = open("/xip/bin/ls", O_RDONLY);
	ASSERT_GE(file, 0);
	ASSERT_EQ(read(file, data, sizeof(data)), (long)sizeof(data));
	munmap(p, 2 * 4096);
	/* bin/ls among the header's entries: 16 bytes in, 64 bytes each. */
	p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	for (e = p + 16; e + 64 <= p + 4096; e += 64)
		if (!strcmp((char *)e, "bin/ls"))
			break;
	ASSERT_TRUE(e + 64 <= p + 4096);
	q = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, le64_at(e + 48));
	ASSERT_TRUE(q != MAP_FAILED);
	EXPECT_EQ(memcmp(q, data, sizeof(data)), 0);
	munmap(q, 4096);
	munmap(p, 4096);
	EXPECT_ERRNO(open("/dev/xipmem", O_RDWR), EACCES);
	EXPECT_ERRNO((long)mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED,
				fd, 0),
		     EACCES);
	close(file);
	close(fd);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(exec_runs_in_place), KTAP_CASE(files_are_the_programs),
	KTAP_CASE(read_only_store),    KTAP_CASE(private_write_copies),
	KTAP_CASE(fork_and_past_eof),  KTAP_CASE(physical_memory_device),
};

int main(void)
{
	return ktap_main("xip_test", cases, KTAP_NCASES(cases));
}
