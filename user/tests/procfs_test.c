// SPDX-License-Identifier: MIT
/*
 * /proc (kernel/fs/proc.c): the fault-around tunable takes only what it
 * should; /proc/self/maps shows the reader's mappings in Linux's format;
 * meminfo and vmstat carry Linux's field names and Pagoda's counters; the
 * maps of a process that has gone read as ESRCH, never worse; getmntent
 * finds the root file system in /proc/mounts; vm.max_map_count reads,
 * writes and bounds the VMAs of a process.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ktap.h"

#define KNOB "/proc/sys/vm/fault_around_bytes"

/* The whole of a /proc file, NUL-terminated, into buf; its length or -1. */
static long slurp(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	long n, len = 0;

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	return n < 0 ? -1 : len;
}

/* write(2) of s to path: its result, errno kept. */
static long write_to(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);
	long n;

	if (fd < 0)
		return -2;
	n = write(fd, s, strlen(s));
	close(fd);
	return n;
}

static long knob(void)
{
	char buf[32];

	return slurp(KNOB, buf, sizeof(buf)) > 0 ? atol(buf) : -1;
}

static void fault_around_bytes_reads_and_writes(void)
{
	char buf[32];

	EXPECT_EQ(slurp(KNOB, buf, sizeof(buf)), 6);
	EXPECT_STREQ(buf, "65536\n");
	EXPECT_EQ(write_to(KNOB, "16384\n"), 6);
	EXPECT_EQ(knob(), 16384);
	EXPECT_EQ(write_to(KNOB, "4096"), 4);
	EXPECT_EQ(knob(), 4096);
	EXPECT_EQ(write_to(KNOB, "65536"), 5);
	EXPECT_EQ(knob(), 65536);
}

/* Each is EINVAL, and the old value stays. */
static void bad_values_are_einval(void)
{
	static const char *const bad[] = {
		"abc",	"-4096", "3000",    "12288",
		"2048", "0",	 "4194304", "99999999999999999999999",
		"\n",	"4096x", " 4096",   "+4096",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errno = 0;
		EXPECT_EQ(write_to(KNOB, bad[i]), -1);
		EXPECT_EQ(errno, EINVAL);
		EXPECT_EQ(knob(), 65536);
	}
}

/* Our own file mapping, in Linux's layout, with the file's path. */
static void self_maps_shows_a_file_mapping(void)
{
	static char buf[8192];
	char want[96], *line;
	int fd = open("/tmp/procfs_test", O_RDWR | O_CREAT | O_TRUNC, 0644);
	char *p;

	ASSERT_TRUE(fd >= 0);
	ASSERT_EQ(ftruncate(fd, 3 * 4096), 0);
	p = mmap(NULL, 2 * 4096, PROT_READ, MAP_SHARED, fd, 4096);
	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_TRUE(slurp("/proc/self/maps", buf, sizeof(buf)) > 0);
	snprintf(want, sizeof(want), "%08lx-%08lx r--s 00001000 00:00 ",
		 (unsigned long)p, (unsigned long)p + 2 * 4096);
	line = strstr(buf, want);
	EXPECT_TRUE(line != NULL);
	if (line) {
		EXPECT_EQ(strncmp(line + 73, "/tmp/procfs_test\n", 17), 0);
		EXPECT_EQ(line[72], ' ');
	}
	EXPECT_TRUE(strstr(buf, "[stack]\n") != NULL);
	EXPECT_EQ(munmap(p, 2 * 4096), 0);
	close(fd);
	unlink("/tmp/procfs_test");
}

static void meminfo_and_vmstat_fields(void)
{
	static char buf[2048];
	unsigned long before, after;
	volatile char *p;
	char *at;

	ASSERT_TRUE(slurp("/proc/meminfo", buf, sizeof(buf)) > 0);
	EXPECT_EQ(strncmp(buf, "MemTotal:", 9), 0);
	EXPECT_TRUE(strstr(buf, "\nMemFree:") != NULL);
	EXPECT_TRUE(strstr(buf, "\nCached:") != NULL);
	EXPECT_TRUE(strstr(buf, " kB\n") != NULL);
	ASSERT_TRUE(slurp("/proc/vmstat", buf, sizeof(buf)) > 0);
	EXPECT_TRUE(strstr(buf, "\npgmajfault ") != NULL);
	EXPECT_TRUE(strstr(buf, "\nfault_around_pages ") != NULL);
	at = strstr(buf, "\npgfault ");
	ASSERT_TRUE(at != NULL);
	before = strtoul(at + 9, NULL, 10);
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 1; /* one more fault */
	ASSERT_TRUE(slurp("/proc/vmstat", buf, sizeof(buf)) > 0);
	at = strstr(buf, "\npgfault ");
	ASSERT_TRUE(at != NULL);
	after = strtoul(at + 9, NULL, 10);
	EXPECT_GE(after, before + 1);
	munmap((void *)p, 4096);
}

/* /proc lists self and our pid; /proc/<pid> of nobody does not exist. */
static void proc_lists_processes(void)
{
	char mine[16], path[64];
	int self = 0, me = 0;
	DIR *d = opendir("/proc");
	struct dirent *e;

	ASSERT_TRUE(d != NULL);
	snprintf(mine, sizeof(mine), "%d", getpid());
	while ((e = readdir(d))) {
		self |= !strcmp(e->d_name, "self");
		me |= !strcmp(e->d_name, mine);
	}
	closedir(d);
	EXPECT_TRUE(self && me);
	snprintf(path, sizeof(path), "/proc/%d/maps", 99999);
	errno = 0;
	EXPECT_EQ(open(path, O_RDONLY), -1);
	EXPECT_EQ(errno, ENOENT);
}

/*
 * The maps of a child, opened while it lives and read after it has exited
 * and been reaped: ESRCH.  Opening them again: ENOENT.
 */
static void maps_of_a_process_that_exits(void)
{
	char path[64], buf[256];
	int fds[2], fd, status;
	pid_t pid;

	ASSERT_EQ(pipe(fds), 0);
	pid = fork();
	if (pid == 0) {
		char c;

		close(fds[1]);
		_exit(read(fds[0], &c, 1) == 0 ? 0 : 1);
	}
	ASSERT_TRUE(pid > 0);
	close(fds[0]);
	snprintf(path, sizeof(path), "/proc/%d/maps", pid);
	fd = open(path, O_RDONLY);
	EXPECT_TRUE(fd >= 0);
	EXPECT_GT(read(fd, buf, sizeof(buf)), 0);
	close(fds[1]); /* the child exits */
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	errno = 0;
	EXPECT_EQ(read(fd, buf, sizeof(buf)), -1);
	EXPECT_EQ(errno, ESRCH);
	close(fd);
	errno = 0;
	EXPECT_EQ(open(path, O_RDONLY), -1);
	EXPECT_EQ(errno, ENOENT);
}

/*
 * The one mount, as a program that looks for its options reads it
 * (the POSIX suite asks whether its directory is mounted noatime).
 */
static void mounts_lists_the_root(void)
{
	FILE *f = setmntent(MOUNTED, "r");
	struct mntent *mnt;
	int roots = 0;

	ASSERT_TRUE(f != NULL);
	while ((mnt = getmntent(f))) {
		if (strcmp(mnt->mnt_dir, "/"))
			continue;
		roots++;
		EXPECT_EQ(strcmp(mnt->mnt_type, "ramfs"), 0);
		EXPECT_TRUE(hasmntopt(mnt, "rw") != NULL);
		EXPECT_TRUE(hasmntopt(mnt, "r") == NULL);
		EXPECT_TRUE(hasmntopt(mnt, "noatime") == NULL);
	}
	EXPECT_EQ(roots, 1);
	EXPECT_EQ(endmntent(f), 1);
}

#define MAX_MAP_COUNT "/proc/sys/vm/max_map_count"
#define PAGE 4096UL

static long max_map_count(void)
{
	char buf[32];

	return slurp(MAX_MAP_COUNT, buf, sizeof(buf)) > 0 ? atol(buf) : -1;
}

static char *map_page(int pages, int prot)
{
	return mmap(NULL, pages * PAGE, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		    0);
}

/*
 * vm.max_map_count: 65530 as on Linux; lowered, mmap fails with ENOMEM
 * once the process has that many VMAs (alternating rights keep each
 * mapping its own VMA), and so does an munmap that needs more splits
 * than are left.
 */
static void max_map_count_is_enforced(void)
{
	static char *maps[300];
	int n = 0;

	EXPECT_EQ(max_map_count(), 65530);
	EXPECT_ERRNO(write_to(MAX_MAP_COUNT, "-1"), EINVAL);
	ASSERT_EQ(write_to(MAX_MAP_COUNT, "200\n"), 4);
	EXPECT_EQ(max_map_count(), 200);
	maps[n] = map_page(3, PROT_READ);
	while (maps[n] != MAP_FAILED && ++n < 300)
		maps[n] =
			map_page(1, n % 2 ? PROT_READ | PROT_WRITE : PROT_READ);
	EXPECT_TRUE(n < 300 && errno == ENOMEM);
	EXPECT_GT(n, 100);
	EXPECT_ERRNO(munmap(maps[0] + PAGE, PAGE), ENOMEM);
	EXPECT_EQ(munmap(maps[n - 1], PAGE), 0);
	EXPECT_ERRNO(munmap(maps[0] + PAGE, PAGE), ENOMEM); /* two splits */
	EXPECT_EQ(munmap(maps[0] + 2 * PAGE, PAGE), 0);	    /* one */
	EXPECT_EQ(write_to(MAX_MAP_COUNT, "65530"), 5);
	EXPECT_EQ(munmap(maps[0], 2 * PAGE), 0);
	for (int i = 1; i < n - 1; i++)
		EXPECT_EQ(munmap(maps[i], PAGE), 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(fault_around_bytes_reads_and_writes),
	KTAP_CASE(bad_values_are_einval),
	KTAP_CASE(self_maps_shows_a_file_mapping),
	KTAP_CASE(meminfo_and_vmstat_fields),
	KTAP_CASE(proc_lists_processes),
	KTAP_CASE(maps_of_a_process_that_exits),
	KTAP_CASE(mounts_lists_the_root),
	KTAP_CASE(max_map_count_is_enforced),
};

int main(void)
{
	return ktap_main("procfs_test", cases, KTAP_NCASES(cases));
}
