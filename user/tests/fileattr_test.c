// SPDX-License-Identifier: MIT
/*
 * fileattr_test: what stat says about a file beyond its size -- its times
 * (st_atim, st_mtim, st_ctim, which ramfs keeps from CLOCK_REALTIME), its
 * mode (chmod) -- and statfs/statvfs, the file system's figures.
 *
 * The times are compared with each other and with CLOCK_REALTIME read
 * around each step, never with a duration: a short usleep only makes sure
 * the clock has moved on between two steps.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "ktap.h"

#define F1 "/tmp/fileattr_test.1"
#define F2 "/tmp/fileattr_test.2"
#define TDIR "/tmp/fileattr_test.d"

static long long ns(struct timespec t)
{
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* CLOCK_REALTIME now, after the clock has moved past every time so far. */
static long long later(void)
{
	struct timespec t;

	usleep(2000);
	clock_gettime(CLOCK_REALTIME, &t);
	return ns(t);
}

static struct stat stat_of(const char *path)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	stat(path, &st);
	return st;
}

static void new_file(void)
{
	long long t0, t1;
	struct stat st;
	int fd;

	unlink(F1);
	t0 = later();
	fd = open(F1, O_RDWR | O_CREAT | O_EXCL, 0644);
	ASSERT_GE(fd, 0);
	t1 = later();
	ASSERT_EQ(fstat(fd, &st), 0);
	EXPECT_TRUE(ns(st.st_mtim) >= t0 && ns(st.st_mtim) <= t1);
	EXPECT_EQ(ns(st.st_ctim), ns(st.st_mtim));
	EXPECT_EQ(ns(st.st_atim), ns(st.st_mtim));
	EXPECT_EQ(st.st_mtime, st.st_mtim.tv_sec); /* the POSIX names */
	EXPECT_TRUE(st.st_mtim.tv_nsec >= 0 && st.st_mtim.tv_nsec < 1000000000);
	close(fd);
	unlink(F1);
}

/* write: mtime and ctime; read: atime (relatime: once after a change). */
static void write_then_read(void)
{
	int fd = open(F1, O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct stat a, b;
	long long t0;
	char c;

	ASSERT_GE(fd, 0);
	ASSERT_EQ(fstat(fd, &a), 0);
	t0 = later();
	ASSERT_EQ(write(fd, "x", 1), 1);
	ASSERT_EQ(fstat(fd, &b), 0);
	EXPECT_GE(ns(b.st_mtim), t0);
	EXPECT_GE(ns(b.st_ctim), t0);
	EXPECT_EQ(ns(b.st_atim), ns(a.st_atim));

	t0 = later();
	ASSERT_EQ(pread(fd, &c, 1, 0), 1);
	ASSERT_EQ(fstat(fd, &a), 0);
	EXPECT_GE(ns(a.st_atim), t0);
	EXPECT_EQ(ns(a.st_mtim), ns(b.st_mtim));
	/* Read again with no change since: relatime leaves atime. */
	later();
	ASSERT_EQ(pread(fd, &c, 1, 0), 1);
	ASSERT_EQ(fstat(fd, &b), 0);
	EXPECT_EQ(ns(b.st_atim), ns(a.st_atim));
	close(fd);
	unlink(F1);
}

static void truncate_and_chmod(void)
{
	int fd = open(F1, O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct stat a, b;
	long long t0;

	ASSERT_GE(fd, 0);
	t0 = later();
	ASSERT_EQ(ftruncate(fd, 10000), 0);
	ASSERT_EQ(fstat(fd, &a), 0);
	EXPECT_GE(ns(a.st_mtim), t0);
	EXPECT_GE(ns(a.st_ctim), t0);

	t0 = later();
	EXPECT_EQ(chmod(F1, 0600), 0);
	ASSERT_EQ(fstat(fd, &b), 0);
	EXPECT_EQ(b.st_mode, S_IFREG | 0600);
	EXPECT_GE(ns(b.st_ctim), t0);
	EXPECT_EQ(ns(b.st_mtim), ns(a.st_mtim)); /* the data did not change */
	EXPECT_EQ(fchmod(fd, 04755), 0);
	EXPECT_EQ(stat_of(F1).st_mode, S_IFREG | 04755);
	EXPECT_ERRNO(chmod("/tmp/fileattr_test.none", 0600), ENOENT);
	EXPECT_ERRNO(fchmod(99, 0600), EBADF);
	close(fd);
	unlink(F1);
}

/* Names: the directory's mtime and ctime, the inode's ctime. */
static void names_change_times(void)
{
	int fd = open(F1, O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct stat st;
	long long t0;

	ASSERT_GE(fd, 0);
	ASSERT_EQ(mkdir(TDIR, 0755), 0);
	t0 = later();
	EXPECT_EQ(link(F1, TDIR "/l"), 0);
	st = stat_of(TDIR);
	EXPECT_GE(ns(st.st_mtim), t0);
	EXPECT_GE(ns(stat_of(F1).st_ctim), t0);
	t0 = later();
	EXPECT_EQ(rename(TDIR "/l", TDIR "/m"), 0);
	EXPECT_GE(ns(stat_of(TDIR).st_mtim), t0);
	EXPECT_GE(ns(stat_of(F1).st_ctim), t0);
	t0 = later();
	EXPECT_EQ(unlink(TDIR "/m"), 0);
	EXPECT_GE(ns(stat_of(TDIR).st_ctim), t0);
	EXPECT_GE(ns(stat_of(F1).st_ctim), t0);
	EXPECT_LT(ns(stat_of(F1).st_mtim), t0);
	EXPECT_EQ(rmdir(TDIR), 0);
	close(fd);
	unlink(F1);
}

static void utimensat_cases(void)
{
	struct timespec ts[2] = { { 1000000000, 5 }, { 1200000000, 7 } };
	int fd = open(F1, O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct stat a, b;
	long long t0;

	ASSERT_GE(fd, 0);
	t0 = later();
	EXPECT_EQ(utimensat(AT_FDCWD, F1, ts, 0), 0);
	a = stat_of(F1);
	EXPECT_EQ(ns(a.st_atim), 1000000000000000005LL);
	EXPECT_EQ(ns(a.st_mtim), 1200000000000000007LL);
	EXPECT_GE(ns(a.st_ctim), t0); /* ctime is always now */

	/* UTIME_OMIT leaves one; UTIME_NOW sets it to now. */
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_nsec = UTIME_NOW;
	t0 = later();
	EXPECT_EQ(futimens(fd, ts), 0);
	b = stat_of(F1);
	EXPECT_EQ(ns(b.st_atim), ns(a.st_atim));
	EXPECT_GE(ns(b.st_mtim), t0);
	/* Both omitted: nothing changes, not even ctime. */
	ts[1].tv_nsec = UTIME_OMIT;
	later();
	EXPECT_EQ(utimensat(AT_FDCWD, F1, ts, 0), 0);
	EXPECT_EQ(ns(stat_of(F1).st_ctim), ns(b.st_ctim));
	/* NULL: both now. */
	t0 = later();
	EXPECT_EQ(utimensat(AT_FDCWD, F1, NULL, 0), 0);
	a = stat_of(F1);
	EXPECT_GE(ns(a.st_atim), t0);
	EXPECT_GE(ns(a.st_mtim), t0);
	close(fd);
	unlink(F1);
}

/* A relative path from a directory fd (the *at form). */
static void utimensat_dirfd(void)
{
	struct timespec ts[2] = { { 5, 0 }, { 6, 0 } };
	int dfd, fd;

	ASSERT_EQ(mkdir(TDIR, 0755), 0);
	fd = open(TDIR "/f", O_RDWR | O_CREAT, 0644);
	ASSERT_GE(fd, 0);
	dfd = open(TDIR, O_RDONLY | O_DIRECTORY);
	ASSERT_GE(dfd, 0);
	EXPECT_EQ(utimensat(dfd, "f", ts, 0), 0);
	EXPECT_EQ(stat_of(TDIR "/f").st_mtime, 6);
	EXPECT_ERRNO(utimensat(fd, "f", ts, 0), ENOTDIR);
	EXPECT_ERRNO(utimensat(99, "f", ts, 0), EBADF);
	EXPECT_EQ(utimensat(99, TDIR "/f", NULL, 0),
		  0); /* absolute: dfd unused */
	close(dfd);
	close(fd);
	unlink(TDIR "/f");
	rmdir(TDIR);
}

/* The older calls over utimensat. */
static void utime_utimes(void)
{
	struct utimbuf ub = { .actime = 100, .modtime = 200 };
	struct timeval tv[2] = { { 300, 1 }, { 400, 2 } };
	int fd = open(F1, O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct stat st;
	long long t0;

	ASSERT_GE(fd, 0);
	EXPECT_EQ(utime(F1, &ub), 0);
	st = stat_of(F1);
	EXPECT_EQ(st.st_atime, 100);
	EXPECT_EQ(st.st_mtime, 200);
	EXPECT_EQ(st.st_mtim.tv_nsec, 0);
	EXPECT_EQ(utimes(F1, tv), 0);
	st = stat_of(F1);
	EXPECT_EQ(ns(st.st_atim), 300000001000LL);
	EXPECT_EQ(ns(st.st_mtim), 400000002000LL);
	t0 = later();
	EXPECT_EQ(utime(F1, NULL), 0);
	EXPECT_GE(ns(stat_of(F1).st_mtim), t0);
	tv[1].tv_usec = 1000000;
	EXPECT_ERRNO(utimes(F1, tv), EINVAL);
	close(fd);
	unlink(F1);
}

static void utimensat_errors(void)
{
	struct timespec bad[2] = { { 0, 1000000000 }, { 0, 0 } };
	struct timespec *volatile unmapped = (struct timespec *)8;
	int fd = open(F1, O_RDWR | O_CREAT | O_TRUNC, 0644);

	ASSERT_GE(fd, 0);
	EXPECT_ERRNO(utimensat(AT_FDCWD, F1, bad, 0), EINVAL);
	bad[0].tv_nsec = -1;
	EXPECT_ERRNO(utimensat(AT_FDCWD, F1, bad, 0), EINVAL);
	EXPECT_ERRNO(utimensat(AT_FDCWD, F1, NULL, 0x4000), EINVAL);
	EXPECT_ERRNO(utimensat(AT_FDCWD, "/tmp/fileattr_test.none", NULL, 0),
		     ENOENT);
	EXPECT_ERRNO(utimensat(AT_FDCWD, F1, unmapped, 0), EFAULT);
	EXPECT_ERRNO(futimens(99, NULL), EBADF);
	close(fd);
	unlink(F1);
}

/* Mapping a file marks atime (relatime: it has changed since the last read). */
static void mmap_marks_atime(void)
{
	int fd = open(F1, O_RDWR | O_CREAT | O_TRUNC, 0644);
	long long t0;
	char *p;

	ASSERT_GE(fd, 0);
	ASSERT_EQ(write(fd, "x", 1), 1);
	t0 = later();
	p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(p[0], 'x');
	EXPECT_EQ(munmap(p, 4096), 0);
	EXPECT_GE(ns(stat_of(F1).st_atim), t0);
	close(fd);
	unlink(F1);
}

/* A write through a shared mapping marks mtime by the next msync. */
static void mmap_write(void)
{
	int fd = open(F1, O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct stat st;
	long long t0;
	char *p;

	ASSERT_GE(fd, 0);
	ASSERT_EQ(ftruncate(fd, 4096), 0);
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	t0 = later();
	p[10] = 'w';
	EXPECT_EQ(msync(p, 4096, MS_SYNC), 0);
	ASSERT_EQ(fstat(fd, &st), 0);
	EXPECT_GE(ns(st.st_mtim), t0);
	EXPECT_GE(ns(st.st_ctim), t0);
	EXPECT_EQ(munmap(p, 4096), 0);
	close(fd);
	unlink(F1);
}

/* ls -l shows the mode, the size and the mtime (UTC). */
static void ls_long(void)
{
	struct timespec ts[2] = { { 0, 0 }, { 1000000000, 0 } };
	int fd = open(F1, O_RDWR | O_CREAT | O_TRUNC, 0640), p[2], status;
	char out[128] = "";
	long n = 0, r;
	pid_t pid;

	ASSERT_GE(fd, 0);
	ASSERT_EQ(write(fd, "hello", 5), 5);
	ASSERT_EQ(futimens(fd, ts), 0);
	ASSERT_EQ(pipe(p), 0);
	pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		execl("/bin/ls", "ls", "-l", F1, (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	while (n < (long)sizeof(out) - 1 &&
	       (r = read(p[0], out + n, sizeof(out) - 1 - n)) > 0)
		n += r;
	close(p[0]);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_STREQ(out, "-0640        5 2001-09-09 01:46 " F1 "\n");
	close(fd);
	unlink(F1);
}

static void statfs_figures(void)
{
	struct statfs a, b;
	struct statvfs v;
	int fd = open("/tmp", O_RDONLY);

	ASSERT_GE(fd, 0);
	ASSERT_EQ(statfs("/tmp", &a), 0);
	EXPECT_EQ(a.f_type, RAMFS_MAGIC);
	EXPECT_EQ(a.f_bsize, 4096);
	EXPECT_GT(a.f_blocks, 0);
	EXPECT_TRUE(a.f_bfree > 0 && a.f_bfree <= a.f_blocks);
	EXPECT_TRUE(a.f_bavail <= a.f_blocks);
	EXPECT_EQ(a.f_namelen, 63);
	EXPECT_EQ(a.f_flags & ST_RDONLY, 0);
	ASSERT_EQ(fstatfs(fd, &b), 0);
	EXPECT_EQ(b.f_type, a.f_type);
	EXPECT_EQ(b.f_blocks, a.f_blocks);
	ASSERT_EQ(statvfs("/tmp", &v), 0);
	EXPECT_EQ(v.f_bsize, 4096);
	EXPECT_EQ(v.f_frsize, 4096);
	EXPECT_EQ(v.f_blocks, a.f_blocks);
	EXPECT_EQ(v.f_namemax, 63);
	ASSERT_EQ(fstatvfs(fd, &v), 0);
	EXPECT_EQ(v.f_blocks, a.f_blocks);
	EXPECT_ERRNO(statfs("/tmp/fileattr_test.none", &a), ENOENT);
	EXPECT_ERRNO(statfs("/tmp", (struct statfs *)8), EFAULT);
	EXPECT_ERRNO(fstatfs(99, &a), EBADF);
	EXPECT_ERRNO(statvfs("/tmp/fileattr_test.none", &v), ENOENT);
	close(fd);
}

/* The read-only store, where the machine has one (x86_64's /xip). */
static void statfs_rdonly(void)
{
	struct statvfs v;

	if (access("/xip/bin", F_OK))
		ktap_skip("no /xip store on this machine");
	ASSERT_EQ(statvfs("/xip/bin", &v), 0);
	EXPECT_EQ(v.f_flag & ST_RDONLY, ST_RDONLY);
	EXPECT_ERRNO(chmod("/xip/bin", 0700), EROFS);
	EXPECT_ERRNO(utimensat(AT_FDCWD, "/xip/bin", NULL, 0), EROFS);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(new_file),
	KTAP_CASE(write_then_read),
	KTAP_CASE(truncate_and_chmod),
	KTAP_CASE(names_change_times),
	KTAP_CASE(utimensat_cases),
	KTAP_CASE(utimensat_dirfd),
	KTAP_CASE(utime_utimes),
	KTAP_CASE(utimensat_errors),
	KTAP_CASE(mmap_marks_atime),
	KTAP_CASE(mmap_write),
	KTAP_CASE(ls_long),
	KTAP_CASE(statfs_figures),
	KTAP_CASE(statfs_rdonly),
};

int main(void)
{
	int r = ktap_main("fileattr_test", cases, KTAP_NCASES(cases));

	unlink(F1);
	unlink(F2);
	unlink(TDIR "/f");
	rmdir(TDIR);
	return r;
}
