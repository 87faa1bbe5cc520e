// SPDX-License-Identifier: MIT
/*
 * file_test: files and directories in /tmp (a ramfs whose data lives in
 * page-cache pages) -- create, read, write, seek, truncate, unlink, mkdir,
 * link, rename --
 * and the errors POSIX gives for bad descriptors and paths.
 *
 * Every case removes what it made, and main() sweeps up after a case that
 * died half-way: init fails this program if a single page is left behind.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define F1 "/tmp/file_test.1"
#define F2 "/tmp/file_test.2"
#define TDIR "/tmp/file_test.d"
#define PAGE 4096

/* A new file holding the n bytes of data; its descriptor (O_RDWR). */
static int make_file(const char *path, const char *data, long n)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);

	if (fd >= 0 && n > 0 && write(fd, data, n) != n) {
		close(fd);
		return -1;
	}
	return fd;
}

static long file_size(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 ? st.st_size : -1;
}

/* Write, close, open again, read it back; then end of file. */
static void create_write_read(void)
{
	const char msg[] = "hello, pagoda\n";
	char buf[64];
	int fd;

	fd = open(F1, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ASSERT_GE(fd, 0);
	EXPECT_EQ(write(fd, msg, sizeof(msg) - 1), (long)sizeof(msg) - 1);
	EXPECT_EQ(close(fd), 0);
	fd = open(F1, O_RDONLY);
	ASSERT_GE(fd, 0);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), (long)sizeof(msg) - 1);
	EXPECT_MEMEQ(buf, msg, sizeof(msg) - 1);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 0);
	EXPECT_EQ(read(fd, buf, 0), 0);
	EXPECT_EQ(close(fd), 0);
	EXPECT_EQ(unlink(F1), 0);
}

/*
 * lseek from each origin; a write past the end leaves a hole that reads
 * back as zeros.
 */
static void lseek_and_holes(void)
{
	char buf[32];
	int fd = make_file(F1, "0123456789", 10);

	ASSERT_GE(fd, 0);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 10);
	EXPECT_EQ(lseek(fd, 3, SEEK_SET), 3);
	EXPECT_EQ(read(fd, buf, 2), 2);
	EXPECT_MEMEQ(buf, "34", 2);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 5);
	EXPECT_EQ(lseek(fd, 1, SEEK_CUR), 6);
	EXPECT_EQ(lseek(fd, -2, SEEK_END), 8);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 2);
	EXPECT_MEMEQ(buf, "89", 2);

	/* Seeking past the end is allowed; writing there makes a hole. */
	EXPECT_EQ(lseek(fd, 20, SEEK_SET), 20);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 0);
	EXPECT_EQ(write(fd, "X", 1), 1);
	EXPECT_EQ(file_size(fd), 21);
	EXPECT_EQ(pread(fd, buf, sizeof(buf), 8), 13);
	EXPECT_MEMEQ(buf, "89\0\0\0\0\0\0\0\0\0\0X", 13);

	EXPECT_ERRNO(lseek(fd, 0, 7), EINVAL);	       /* bad whence */
	EXPECT_ERRNO(lseek(fd, -1, SEEK_SET), EINVAL); /* before the start */
	EXPECT_ERRNO(lseek(fd, -100, SEEK_END), EINVAL);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 21); /* a failed seek moved nothing */
	close(fd);
	unlink(F1);
}

/* pread and pwrite work at an offset and leave the file offset alone. */
static void pread_pwrite(void)
{
	char buf[16];
	int fd = make_file(F1, "abcdefgh", 8);

	ASSERT_GE(fd, 0);
	EXPECT_EQ(lseek(fd, 2, SEEK_SET), 2);
	EXPECT_EQ(pwrite(fd, "XY", 2, 5), 2);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 2);
	EXPECT_EQ(pread(fd, buf, 8, 0), 8);
	EXPECT_MEMEQ(buf, "abcdeXYh", 8);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 2);
	EXPECT_EQ(pread(fd, buf, 8, 6), 2); /* short: the end of the file */
	EXPECT_EQ(pread(fd, buf, 8, 100), 0);
	EXPECT_EQ(read(fd, buf, 2), 2); /* the offset is still 2 */
	EXPECT_MEMEQ(buf, "cd", 2);
	EXPECT_ERRNO(pread(fd, buf, 1, -1), EINVAL);
	close(fd);
	unlink(F1);
}

/*
 * A write past the end that fails before a byte moves leaves the size
 * alone; one cut short grows the file by what it wrote.  (vmfuzz found the
 * first growing the file to the write's offset.)
 */
static void failed_write_keeps_size(void)
{
	int fd = make_file(F1, "abcdefgh", 8);

	ASSERT_GE(fd, 0);
	EXPECT_ERRNO(pwrite(fd, (void *)PAGE, 10, 20000), EFAULT);
	EXPECT_EQ(lseek(fd, 0, SEEK_END), 8);
	EXPECT_ERRNO(write(fd, (void *)PAGE, 10), EFAULT);
	EXPECT_EQ(lseek(fd, 0, SEEK_END), 8);
	EXPECT_EQ(lseek(fd, 30000, SEEK_SET), 30000);
	EXPECT_ERRNO(write(fd, (void *)PAGE, 10), EFAULT);
	EXPECT_EQ(lseek(fd, 0, SEEK_END), 8);
	close(fd);
	unlink(F1);
}

/* With O_APPEND every write goes to the end, wherever the offset was. */
static void o_append(void)
{
	char buf[16];
	int fd = make_file(F1, "one", 3);

	ASSERT_GE(fd, 0);
	close(fd);
	fd = open(F1, O_WRONLY | O_APPEND);
	ASSERT_GE(fd, 0);
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(write(fd, "two", 3), 3);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 6);
	EXPECT_EQ(write(fd, "3", 1), 1);
	EXPECT_EQ(file_size(fd), 7);
	close(fd);
	fd = open(F1, O_RDONLY);
	ASSERT_GE(fd, 0);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 7);
	EXPECT_MEMEQ(buf, "onetwo3", 7);
	close(fd);
	unlink(F1);
}

/* O_TRUNC empties an existing file; without it the data stays. */
static void o_trunc(void)
{
	int fd = make_file(F1, "some data", 9);

	ASSERT_GE(fd, 0);
	close(fd);
	fd = open(F1, O_RDWR);
	ASSERT_GE(fd, 0);
	EXPECT_EQ(file_size(fd), 9);
	close(fd);
	fd = open(F1, O_RDWR | O_TRUNC);
	ASSERT_GE(fd, 0);
	EXPECT_EQ(file_size(fd), 0);
	close(fd);
	unlink(F1);
}

/* O_CREAT | O_EXCL creates a new file, and fails on an existing one. */
static void o_excl(void)
{
	int fd = open(F1, O_RDWR | O_CREAT | O_EXCL, 0644);

	EXPECT_GE(fd, 0);
	close(fd);
	EXPECT_ERRNO(open(F1, O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST);
	EXPECT_ERRNO(open("/tmp", O_RDONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	fd = open(F1, O_RDWR | O_CREAT, 0644); /* without O_EXCL: fine */
	EXPECT_GE(fd, 0);
	close(fd);
	unlink(F1);
}

/* ftruncate shrinks (the data is gone) and grows (with zeros). */
static void ftruncate_sizes(void)
{
	static char buf[3 * PAGE], zeros[3 * PAGE];
	int fd = make_file(F1, "0123456789", 10);

	ASSERT_GE(fd, 0);
	EXPECT_EQ(ftruncate(fd, 3), 0);
	EXPECT_EQ(file_size(fd), 3);
	EXPECT_EQ(pread(fd, buf, sizeof(buf), 0), 3);
	EXPECT_MEMEQ(buf, "012", 3);
	/* Grow over a page boundary: the old bytes 3..9 must not come back. */
	EXPECT_EQ(ftruncate(fd, 2 * PAGE + 5), 0);
	EXPECT_EQ(file_size(fd), 2 * PAGE + 5);
	EXPECT_EQ(pread(fd, buf, sizeof(buf), 0), 2 * PAGE + 5);
	EXPECT_MEMEQ(buf, "012", 3);
	EXPECT_MEMEQ(buf + 3, zeros, 2 * PAGE + 2);
	EXPECT_EQ(ftruncate(fd, 0), 0);
	EXPECT_EQ(file_size(fd), 0);
	EXPECT_ERRNO(ftruncate(fd, -1), EINVAL);
	close(fd);
	/* Not open for writing: POSIX allows EBADF or EINVAL. */
	fd = open(F1, O_RDONLY);
	ASSERT_GE(fd, 0);
	EXPECT_EQ(ftruncate(fd, 0), -1);
	EXPECT_TRUE(errno == EBADF || errno == EINVAL);
	close(fd);
	unlink(F1);
}

/* fstat and stat agree on type and size. */
static void fstat_stat(void)
{
	struct stat st, st2;
	int fd = make_file(F1, "12345", 5);

	ASSERT_GE(fd, 0);
	ASSERT_EQ(fstat(fd, &st), 0);
	EXPECT_TRUE(S_ISREG(st.st_mode));
	EXPECT_EQ(st.st_size, 5);
	ASSERT_EQ(stat(F1, &st2), 0);
	EXPECT_EQ(st2.st_ino, st.st_ino);
	EXPECT_EQ(st2.st_size, 5);
	EXPECT_EQ(st2.st_nlink, 1);
	ASSERT_EQ(stat("/tmp", &st), 0);
	EXPECT_TRUE(S_ISDIR(st.st_mode));
	ASSERT_EQ(stat("/dev/console", &st), 0);
	EXPECT_TRUE(S_ISCHR(st.st_mode));
	close(fd);
	unlink(F1);
}

/*
 * unlink removes the name at once, but an open file lives on until its
 * last descriptor closes.
 */
static void unlink_open_file(void)
{
	char buf[8];
	int fd = make_file(F1, "still here", 10);

	ASSERT_GE(fd, 0);
	EXPECT_EQ(unlink(F1), 0);
	EXPECT_ERRNO(open(F1, O_RDONLY), ENOENT);
	EXPECT_ERRNO(unlink(F1), ENOENT);
	EXPECT_EQ(pread(fd, buf, 5, 0), 5);
	EXPECT_MEMEQ(buf, "still", 5);
	EXPECT_EQ(write(fd, "!", 1), 1);
	EXPECT_EQ(file_size(fd), 11);
	EXPECT_EQ(close(fd), 0); /* now its pages go */
	/* The name is free for a new, empty file. */
	fd = open(F1, O_RDWR | O_CREAT | O_EXCL, 0644);
	EXPECT_GE(fd, 0);
	EXPECT_EQ(file_size(fd), 0);
	close(fd);
	unlink(F1);
}

/* Does directory path hold an entry called name? */
static int dir_has(const char *path, const char *name)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int found = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		found |= !strcmp(e->d_name, name);
	closedir(d);
	return found;
}

/* Remove TDIR, empty but for a file that makes the first rmdir fail. */
static void remove_dir(void)
{
	struct stat st;
	int fd = make_file(TDIR "/c", "", 0);

	close(fd);
	EXPECT_ERRNO(rmdir(TDIR), ENOTEMPTY);
	EXPECT_EQ(unlink(TDIR "/c"), 0);
	EXPECT_EQ(rmdir(TDIR), 0);
	EXPECT_ERRNO(stat(TDIR, &st), ENOENT);
	EXPECT_ERRNO(rmdir(TDIR), ENOENT);
	EXPECT_ERRNO(rmdir("/tmp/."), EINVAL);
	/* Linux's answers for what cannot go: "..", the root. */
	EXPECT_ERRNO(rmdir(".."), ENOTEMPTY);
	EXPECT_ERRNO(rmdir("/tmp/.."), ENOTEMPTY);
	EXPECT_ERRNO(rmdir("/"), EBUSY);
	EXPECT_ERRNO(rmdir("//"), EBUSY);
	EXPECT_ERRNO(unlink("/"), EISDIR);
	EXPECT_ERRNO(unlink(".."), EISDIR);
	EXPECT_ERRNO(rmdir("/etc/motd"), ENOTDIR);
}

/*
 * A directory with files in it: readdir lists them, chdir makes relative
 * paths start there, and a non-empty directory cannot be removed.
 */
static void mkdir_and_files(void)
{
	char cwd[64] = "";
	struct stat st;
	int fd;

	ASSERT_EQ(mkdir(TDIR, 0755), 0);
	EXPECT_ERRNO(mkdir(TDIR, 0755), EEXIST);
	ASSERT_EQ(stat(TDIR, &st), 0);
	EXPECT_TRUE(S_ISDIR(st.st_mode));
	EXPECT_EQ(dir_has("/tmp", "file_test.d"), 1);
	EXPECT_EQ(dir_has(TDIR, "a"), 0);
	fd = make_file(TDIR "/a", "A", 1);
	EXPECT_GE(fd, 0);
	close(fd);
	EXPECT_EQ(dir_has(TDIR, "a"), 1);

	ASSERT_EQ(chdir(TDIR), 0);
	EXPECT_TRUE(getcwd(cwd, sizeof(cwd)) != NULL);
	EXPECT_STREQ(cwd, TDIR);
	fd = open("b", O_WRONLY | O_CREAT | O_TRUNC, 0644); /* relative */
	EXPECT_GE(fd, 0);
	close(fd);
	EXPECT_EQ(dir_has(TDIR, "b"), 1);
	EXPECT_EQ(stat("../file_test.d/a", &st), 0);
	EXPECT_EQ(st.st_size, 1);
	EXPECT_EQ(chdir("/"), 0);

	EXPECT_ERRNO(unlink(TDIR), EISDIR); /* unlink is for files */
	EXPECT_EQ(unlink(TDIR "/a"), 0);
	EXPECT_EQ(unlink(TDIR "/b"), 0);
	EXPECT_EQ(dir_has(TDIR, "a"), 0);
	remove_dir();
}

/*
 * A file of ten pages and a bit, written in chunks that straddle page
 * boundaries and read back in other chunk sizes.
 */
static void big_file(void)
{
	enum { SIZE = 10 * PAGE + 123 };
	static char want[SIZE], got[SIZE];
	long off;
	int fd;

	for (int i = 0; i < SIZE; i++)
		want[i] = (char)(i ^ (i >> 8) ^ (i >> 12));
	fd = open(F1, O_RDWR | O_CREAT | O_TRUNC, 0644);
	ASSERT_GE(fd, 0);
	for (off = 0; off < SIZE; off += 1000) {
		long n = SIZE - off < 1000 ? SIZE - off : 1000;

		EXPECT_EQ(write(fd, want + off, n), n);
	}
	EXPECT_EQ(file_size(fd), SIZE);
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	for (off = 0; off < SIZE;) {
		long r = read(fd, got + off, 3000);

		if (r <= 0)
			break;
		off += r;
	}
	EXPECT_EQ(off, SIZE);
	EXPECT_MEMEQ(got, want, SIZE);
	/* One read of everything, and a pread across a page boundary. */
	memset(got, 0, SIZE);
	EXPECT_EQ(pread(fd, got, SIZE, 0), SIZE);
	EXPECT_MEMEQ(got, want, SIZE);
	EXPECT_EQ(pread(fd, got, 100, 3 * PAGE - 50), 100);
	EXPECT_MEMEQ(got, want + 3 * PAGE - 50, 100);
	/* Shrinking gives back the pages (init checks that they are free). */
	EXPECT_EQ(ftruncate(fd, PAGE / 2), 0);
	EXPECT_EQ(file_size(fd), PAGE / 2);
	close(fd);
	unlink(F1);
}

/*
 * A descriptor from dup, or inherited over fork, shares its file offset
 * with the original: they are one open file.
 */
static void shared_offset(void)
{
	char c = 0;
	int fd = make_file(F1, "abcdef", 6), fd2, status;
	pid_t pid;

	ASSERT_GE(fd, 0);
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	fd2 = dup(fd);
	ASSERT_GE(fd2, 0);
	EXPECT_EQ(read(fd, &c, 1), 1);
	EXPECT_EQ(read(fd2, &c, 1), 1);
	EXPECT_EQ(c, 'b');
	close(fd2);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		EXPECT_EQ(read(fd, &c, 1), 1);
		EXPECT_EQ(c, 'c');
		ktap_child_exit();
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(read(fd, &c, 1), 1);
	EXPECT_EQ(c, 'd');
	close(fd);
	unlink(F1);
}

/* A descriptor opened for reading cannot write, and the reverse. */
static void access_modes(void)
{
	char c;
	int fd = make_file(F1, "x", 1);

	ASSERT_GE(fd, 0);
	close(fd);
	fd = open(F1, O_RDONLY);
	ASSERT_GE(fd, 0);
	EXPECT_ERRNO(write(fd, "y", 1), EBADF);
	EXPECT_ERRNO(pwrite(fd, "y", 1, 0), EBADF);
	close(fd);
	fd = open(F1, O_WRONLY);
	ASSERT_GE(fd, 0);
	EXPECT_ERRNO(read(fd, &c, 1), EBADF);
	EXPECT_ERRNO(pread(fd, &c, 1, 0), EBADF);
	close(fd);
	unlink(F1);
}

/* Descriptors that name no open file: 99, -1, 32 (the table's end), closed. */
static void bad_fds(void)
{
	static const int bad[] = { 99, -1, 32, 1 << 30 };
	struct stat st;
	char c;
	int fd;

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		EXPECT_ERRNO(read(bad[i], &c, 1), EBADF);
		EXPECT_ERRNO(write(bad[i], "x", 1), EBADF);
		EXPECT_ERRNO(close(bad[i]), EBADF);
		EXPECT_ERRNO(lseek(bad[i], 0, SEEK_SET), EBADF);
		EXPECT_ERRNO(fstat(bad[i], &st), EBADF);
		EXPECT_ERRNO(dup(bad[i]), EBADF);
	}
	fd = open("/tmp", O_RDONLY);
	ASSERT_GE(fd, 0);
	EXPECT_EQ(close(fd), 0);
	EXPECT_ERRNO(read(fd, &c, 1), EBADF);
	EXPECT_ERRNO(write(fd, "x", 1), EBADF);
	EXPECT_ERRNO(close(fd), EBADF);
}

/* Paths that lead nowhere, or to the wrong kind of file, or too far. */
static void path_errors(void)
{
	static char long_path[5000], long_name[128] = "/tmp/";
	char c;
	int fd;

	EXPECT_ERRNO(open("/tmp/no-such-file", O_RDONLY), ENOENT);
	EXPECT_ERRNO(open("/no-such-dir/f", O_RDWR | O_CREAT, 0644), ENOENT);
	EXPECT_ERRNO(open("", O_RDONLY), ENOENT);
	EXPECT_ERRNO(unlink("/tmp/no-such-file"), ENOENT);
	EXPECT_ERRNO(mkdir("/no-such-dir/d", 0755), ENOENT);
	EXPECT_ERRNO(chdir("/no-such-dir"), ENOENT);
	/* A directory cannot be written as a file, or read with read(). */
	EXPECT_ERRNO(open("/tmp", O_WRONLY), EISDIR);
	EXPECT_ERRNO(open("/tmp", O_RDWR), EISDIR);
	fd = open("/tmp", O_RDONLY);
	EXPECT_GE(fd, 0);
	EXPECT_ERRNO(read(fd, &c, 1), EISDIR);
	close(fd);
	/* A file used as a directory. */
	fd = make_file(F2, "", 0);
	ASSERT_GE(fd, 0);
	close(fd);
	EXPECT_ERRNO(open(F2 "/x", O_RDONLY), ENOTDIR);
	EXPECT_ERRNO(open(F2, O_RDONLY | O_DIRECTORY), ENOTDIR);
	EXPECT_ERRNO(chdir(F2), ENOTDIR);
	EXPECT_ERRNO(mkdir(F2, 0755), EEXIST);
	unlink(F2);
	/* Longer than any path, or than a directory entry's name. */
	memset(long_path, 'a', sizeof(long_path) - 1);
	long_path[0] = '/';
	EXPECT_ERRNO(open(long_path, O_RDONLY), ENAMETOOLONG);
	memset(long_name + 5, 'n', 100);
	EXPECT_ERRNO(open(long_name, O_RDWR | O_CREAT, 0644), ENAMETOOLONG);
}

/*
 * pos + count must not overflow (Linux's rw_verify_area: EINVAL), whether
 * or not the bytes exist; a file's size limit past that is EFBIG; a
 * negative position is EINVAL before the fd is even looked at.
 */
static void offset_overflow(void)
{
	int fd = open(F1, O_RDWR | O_CREAT | O_TRUNC, 0644);
	char c = 'x';

	ASSERT_GE(fd, 0);
	EXPECT_ERRNO(pread(fd, &c, 1, LLONG_MAX), EINVAL);
	EXPECT_ERRNO(pwrite(fd, &c, 1, LLONG_MAX), EINVAL);
	EXPECT_EQ(pread(fd, &c, 0, LLONG_MAX), 0); /* nothing to overflow */
	EXPECT_ERRNO(pwrite(fd, &c, 1, LLONG_MAX - 1), EFBIG);
	EXPECT_ERRNO(pread(-1, &c, 1, -1), EINVAL);
	EXPECT_EQ(lseek(fd, LLONG_MAX, SEEK_SET), LLONG_MAX);
	EXPECT_ERRNO(read(fd, &c, 1), EINVAL);
	EXPECT_ERRNO(write(fd, &c, 1), EINVAL);
	EXPECT_EQ(lseek(fd, 0, SEEK_END), 0); /* nothing was written */
	close(fd);
	unlink(F1);
}

static nlink_t links(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_nlink : 0;
}

/* The first n bytes of the file at path are data. */
static int holds(const char *path, const char *data, long n)
{
	char buf[64];
	int fd = open(path, O_RDONLY), ok;

	if (fd < 0)
		return 0;
	ok = read(fd, buf, sizeof(buf)) == n && !memcmp(buf, data, n);
	close(fd);
	return ok;
}

/*
 * link gives a file a second name: one inode, st_nlink 2; unlinking either
 * name leaves the other with the data.
 */
static void link_two_names(void)
{
	struct stat a, b;
	int fd = make_file(F1, "shared", 6);

	ASSERT_GE(fd, 0);
	close(fd);
	EXPECT_EQ(link(F1, F2), 0);
	EXPECT_EQ(stat(F1, &a), 0);
	EXPECT_EQ(stat(F2, &b), 0);
	EXPECT_EQ(a.st_ino, b.st_ino);
	EXPECT_EQ(links(F1), 2);
	EXPECT_ERRNO(link(F1, F2), EEXIST);
	EXPECT_ERRNO(link(F1, "/tmp/."), EEXIST);
	EXPECT_ERRNO(link(F1, "/tmp/file_test.new/"), ENOENT);
	EXPECT_ERRNO(link("/tmp/file_test.none", "/tmp/file_test.x"), ENOENT);
	EXPECT_ERRNO(link(F1, "/tmp/file_test.none/x"), ENOENT);
	EXPECT_ERRNO(link("/tmp", "/tmp/file_test.x"), EPERM);
	EXPECT_EQ(unlink(F1), 0);
	EXPECT_EQ(links(F2), 1);
	EXPECT_TRUE(holds(F2, "shared", 6));
	EXPECT_EQ(unlink(F2), 0);
}

/*
 * rename moves a name, replacing a file already there (whose open
 * descriptor still reads the old data); onto itself, or onto another name
 * of the same file, it does nothing.
 */
static void rename_files(void)
{
	char buf[8];
	int fd = make_file(F1, "one", 3), old = make_file(F2, "two", 3);

	ASSERT_GE(fd, 0);
	ASSERT_GE(old, 0);
	close(fd);
	EXPECT_EQ(rename(F1, F2), 0);
	EXPECT_ERRNO(access(F1, F_OK), ENOENT);
	EXPECT_TRUE(holds(F2, "one", 3));
	EXPECT_EQ(links(F2), 1);
	EXPECT_EQ(pread(old, buf, sizeof(buf), 0), 3); /* the replaced file */
	EXPECT_MEMEQ(buf, "two", 3);
	close(old);
	EXPECT_EQ(rename(F2, F2), 0);
	EXPECT_TRUE(holds(F2, "one", 3));
	EXPECT_EQ(link(F2, F1), 0);
	EXPECT_EQ(rename(F1, F2), 0); /* one file: both names stay */
	EXPECT_EQ(links(F2), 2);
	EXPECT_TRUE(holds(F1, "one", 3));
	EXPECT_ERRNO(rename(F2 "/", F1), ENOTDIR);
	EXPECT_ERRNO(rename("/tmp/file_test.none", F1), ENOENT);
	EXPECT_ERRNO(rename(F1, "/tmp/file_test.none/x"), ENOENT);
	EXPECT_EQ(unlink(F1), 0);
	EXPECT_EQ(unlink(F2), 0);
}

/*
 * A directory moves with what it holds, its ".." and the link counts
 * following; it replaces only an empty directory, never a file nor a
 * directory below itself.
 */
static void rename_directories(void)
{
	char cwd[64];
	int fd;

	ASSERT_EQ(mkdir(TDIR, 0755), 0);
	ASSERT_EQ(mkdir(TDIR "/a", 0755), 0);
	fd = make_file(TDIR "/a/c", "in a", 4);
	ASSERT_GE(fd, 0);
	close(fd);
	EXPECT_EQ(links(TDIR), 3);
	EXPECT_EQ(chdir(TDIR "/a"), 0);
	EXPECT_EQ(rename(TDIR "/a", TDIR "/b/"), 0);
	EXPECT_TRUE(getcwd(cwd, sizeof(cwd)) != NULL);
	EXPECT_STREQ(cwd, TDIR "/b");
	EXPECT_TRUE(holds("c", "in a", 4));
	EXPECT_EQ(chdir("/"), 0);
	EXPECT_TRUE(holds(TDIR "/b/c", "in a", 4));
	EXPECT_ERRNO(access(TDIR "/a", F_OK), ENOENT);
	EXPECT_EQ(links(TDIR), 3);
	EXPECT_EQ(rename(TDIR "/b", "/tmp/file_test.b"), 0); /* up a level */
	EXPECT_EQ(links(TDIR), 2);
	EXPECT_EQ(rename("/tmp/file_test.b", TDIR "/b"), 0);
	EXPECT_EQ(links(TDIR), 3);
	EXPECT_ERRNO(rename(TDIR, TDIR "/b/x"), EINVAL);
	EXPECT_ERRNO(rename(TDIR "/b", TDIR "/b/x"), EINVAL);
	EXPECT_ERRNO(rename(TDIR "/b", TDIR "/b/c"), EINVAL);
	EXPECT_EQ(mkdir(TDIR "/a", 0755), 0);
	EXPECT_ERRNO(rename(TDIR "/b/c", TDIR "/a"), EISDIR);
	EXPECT_ERRNO(rename(TDIR "/a", TDIR "/b/c"), ENOTDIR);
	EXPECT_ERRNO(rename(TDIR "/a", TDIR "/b"), ENOTEMPTY);
	EXPECT_ERRNO(rename(TDIR "/.", "/tmp/file_test.x"), EBUSY);
	EXPECT_ERRNO(rename(TDIR "/a", TDIR "/.."), EBUSY);
	EXPECT_EQ(unlink(TDIR "/b/c"), 0);
	EXPECT_EQ(rename(TDIR "/a", TDIR "/b"), 0); /* onto an empty one */
	EXPECT_EQ(links(TDIR), 3);
	EXPECT_EQ(rmdir(TDIR "/b"), 0);
	EXPECT_EQ(rmdir(TDIR), 0);
}

/*
 * A mapped file keeps its page cache across a rename: what the mapping
 * wrote reads back under the new name, and what is written there shows in
 * the mapping, the same pages.
 */
static void rename_keeps_mapping(void)
{
	int fd = make_file(F1, NULL, 0);
	char *map, buf[8];

	ASSERT_GE(fd, 0);
	ASSERT_EQ(ftruncate(fd, 2 * PAGE), 0);
	map = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	ASSERT_TRUE(map != MAP_FAILED);
	memcpy(map + PAGE, "mapped", 6);
	EXPECT_EQ(rename(F1, F2), 0);
	fd = open(F2, O_RDWR);
	EXPECT_GE(fd, 0);
	EXPECT_EQ(pread(fd, buf, 6, PAGE), 6);
	EXPECT_MEMEQ(buf, "mapped", 6);
	EXPECT_EQ(pwrite(fd, "file", 4, 0), 4);
	EXPECT_MEMEQ(map, "file", 4);
	close(fd);
	EXPECT_EQ(munmap(map, 2 * PAGE), 0);
	EXPECT_EQ(unlink(F2), 0);
}

/* Run /bin/prog with up to three arguments; its exit status, or -1. */
static int run(const char *prog, const char *a, const char *b, const char *c)
{
	char path[32];
	int status;
	pid_t pid;

	snprintf(path, sizeof(path), "/bin/%s", prog);
	pid = fork();
	if (pid == 0) {
		execl(path, prog, a, b, c, (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* The shell's ln and mv: a second name, a rename, a move into a directory. */
static void ln_and_mv(void)
{
	int fd = make_file(F1, "util", 4);

	ASSERT_GE(fd, 0);
	close(fd);
	ASSERT_EQ(mkdir(TDIR, 0755), 0);
	EXPECT_EQ(run("ln", F1, F2, NULL), 0);
	EXPECT_EQ(links(F1), 2);
	EXPECT_EQ(run("ln", F1, F2, NULL), 1); /* exists */
	EXPECT_EQ(run("mv", F2, TDIR "/c", NULL), 0);
	EXPECT_TRUE(holds(TDIR "/c", "util", 4));
	EXPECT_EQ(run("mv", F1, TDIR "/c", TDIR), 0); /* both into TDIR */
	EXPECT_TRUE(holds(TDIR "/file_test.1", "util", 4));
	EXPECT_EQ(links(TDIR "/c"), 2);
	EXPECT_EQ(run("mv", F1, TDIR, NULL), 1); /* F1 is gone */
	EXPECT_EQ(unlink(TDIR "/c"), 0);
	EXPECT_EQ(unlink(TDIR "/file_test.1"), 0);
	EXPECT_EQ(rmdir(TDIR), 0);
}

/*
 * Bytes a shared mapping writes past the end of file, in the last page,
 * are not file data: msync(MS_SYNC) and fsync zero them, as writeback
 * does on a disk, so the file grown later reads zeros there.
 */
static void past_eof_not_written_out(void)
{
	int fd = make_file(F1, "", 0);
	char *p, c = 'x';

	ASSERT_GE(fd, 0);
	ASSERT_EQ(ftruncate(fd, 100), 0);
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	p[99] = 'd';
	p[200] = 'b';
	EXPECT_EQ(msync(p, PAGE, MS_SYNC), 0);
	EXPECT_EQ(p[200], 0);
	EXPECT_EQ(p[99], 'd'); /* the file's own bytes stay */
	p[300] = 'c';
	EXPECT_EQ(fsync(fd), 0);
	EXPECT_EQ(munmap(p, PAGE), 0);
	ASSERT_EQ(ftruncate(fd, PAGE), 0);
	EXPECT_EQ(pread(fd, &c, 1, 200), 1);
	EXPECT_EQ(c, 0);
	EXPECT_EQ(pread(fd, &c, 1, 300), 1);
	EXPECT_EQ(c, 0);
	close(fd);
	unlink(F1);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(create_write_read),
	KTAP_CASE(lseek_and_holes),
	KTAP_CASE(pread_pwrite),
	KTAP_CASE(o_append),
	KTAP_CASE(offset_overflow),
	KTAP_CASE(o_trunc),
	KTAP_CASE(o_excl),
	KTAP_CASE(ftruncate_sizes),
	KTAP_CASE(fstat_stat),
	KTAP_CASE(unlink_open_file),
	KTAP_CASE(mkdir_and_files),
	KTAP_CASE(big_file),
	KTAP_CASE(shared_offset),
	KTAP_CASE(access_modes),
	KTAP_CASE(bad_fds),
	KTAP_CASE(path_errors),
	KTAP_CASE(failed_write_keeps_size),
	KTAP_CASE(link_two_names),
	KTAP_CASE(rename_files),
	KTAP_CASE(rename_directories),
	KTAP_CASE(rename_keeps_mapping),
	KTAP_CASE(ln_and_mv),
	KTAP_CASE(past_eof_not_written_out),
};

int main(void)
{
	int status = ktap_main("file_test", cases, KTAP_NCASES(cases));

	/* Whatever a crashed case left behind; errors do not matter here. */
	unlink(F1);
	unlink(F2);
	unlink(TDIR "/a");
	unlink(TDIR "/b");
	unlink(TDIR "/c");
	unlink(TDIR "/file_test.1");
	unlink(TDIR "/a/c");
	unlink(TDIR "/b/c");
	rmdir(TDIR "/a");
	rmdir(TDIR "/b");
	rmdir("/tmp/file_test.b");
	rmdir(TDIR);
	return status;
}
