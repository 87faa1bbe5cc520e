// SPDX-License-Identifier: MIT
/*
 * Tests of the initrd unpacker (kernel/fs/initrd.c): archives built here
 * in the cpio "newc" format, one good one and a series of broken ones,
 * each unpacked into a private tree.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/testing.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/slab.h>

#define ARCHIVE_MAX 16384

struct archive {
	char *buf;
	size_t len;
};

static void pad4(struct archive *a)
{
	while (a->len % 4)
		a->buf[a->len++] = '\0';
}

/* Append one member (header, name, data, with their padding). */
static void add_member(struct archive *a, const char *name, unsigned int mode,
		       const void *data, size_t size)
{
	size_t namesize = strlen(name) + 1;

	a->len += snprintf(a->buf + a->len, ARCHIVE_MAX - a->len,
			   "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X"
			   "%08X%08X",
			   1, mode, 0, 0, 1, 0, (unsigned int)size, 0, 0, 0, 0,
			   (unsigned int)namesize, 0);
	memcpy(a->buf + a->len, name, namesize);
	a->len += namesize;
	pad4(a);
	memcpy(a->buf + a->len, data, size);
	a->len += size;
	pad4(a);
}

static void add_trailer(struct archive *a)
{
	add_member(a, "TRAILER!!!", 0, NULL, 0);
}

static bool new_archive(struct archive *a)
{
	a->buf = kzalloc(ARCHIVE_MAX);
	a->len = 0;
	return a->buf != NULL;
}

/* Unpack into a fresh tree and remove it; the unpacker's result. */
static int unpack_alone(const struct archive *a, size_t len)
{
	struct inode *root = ramfs_new_root();
	int err;

	if (!root)
		return -ENOMEM;
	err = cpio_unpack(root, a->buf, len);
	ramfs_kill_tree(root);
	return err;
}

/* Read the whole file at path into buf; its length or -errno. */
static long read_file(struct inode *root, const char *path, void *buf, size_t n)
{
	struct file *f = test_open(root, path, O_RDONLY);
	long ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	ret = kread(f, buf, n, &f->f_pos);
	fput(f);
	return ret;
}

static void unpack_good_archive(struct ktest *t)
{
	struct inode *root = ramfs_new_root();
	char *big = kmalloc(5000), *out = kmalloc(5001);
	struct archive a;
	struct inode *inode;

	KTEST_ASSERT_TRUE(t, root && big && out && new_archive(&a));
	for (int i = 0; i < 5000; i++)
		big[i] = 'a' + i % 26;
	add_member(&a, ".", S_IFDIR | 0755, NULL, 0);
	add_member(&a, "bin", S_IFDIR | 0755, NULL, 0);
	add_member(&a, "./etc", S_IFDIR | 0700, NULL, 0);
	add_member(&a, "etc/motd", S_IFREG | 0644, "hi\n", 3);
	add_member(&a, "bin/big", S_IFREG | 0755, big, 5000);
	add_member(&a, "etc/empty", S_IFREG | 0600, NULL, 0);
	add_member(&a, "bin", S_IFDIR | 0755, NULL, 0); /* again: fine */
	add_member(&a, "link", 0120777, "bin/big", 7);	/* skipped */
	add_trailer(&a);
	KTEST_EXPECT_EQ(t, cpio_unpack(root, a.buf, a.len), 0);

	KTEST_EXPECT_EQ(t, read_file(root, "/etc/motd", out, 5001), 3);
	KTEST_EXPECT_EQ(t, memcmp(out, "hi\n", 3), 0);
	KTEST_EXPECT_EQ(t, read_file(root, "/bin/big", out, 5001), 5000);
	KTEST_EXPECT_EQ(t, memcmp(out, big, 5000), 0);
	KTEST_EXPECT_EQ(t, read_file(root, "/etc/empty", out, 5001), 0);
	KTEST_EXPECT_EQ(t, read_file(root, "/link", out, 5001), -ENOENT);

	inode = test_lookup(root, "/bin/big");
	KTEST_ASSERT_TRUE(t, !IS_ERR(inode));
	KTEST_EXPECT_EQ(t, inode->i_mode, S_IFREG | 0755);
	iput(inode);
	inode = test_lookup(root, "/etc");
	KTEST_ASSERT_TRUE(t, !IS_ERR(inode));
	KTEST_EXPECT_EQ(t, inode->i_mode, S_IFDIR | 0700);
	iput(inode);

	ramfs_kill_tree(root);
	kfree(a.buf);
	kfree(big);
	kfree(out);
}

/* A good two-member archive to break in various ways: its length. */
static size_t good_archive(struct archive *a)
{
	a->len = 0;
	memset(a->buf, 0, ARCHIVE_MAX);
	add_member(a, "f", S_IFREG | 0644, "data", 4);
	add_trailer(a);
	return a->len;
}

static void malformed_archives(struct ktest *t)
{
	struct archive a;
	size_t len;

	KTEST_ASSERT_TRUE(t, new_archive(&a));
	len = good_archive(&a);
	KTEST_EXPECT_EQ(t, unpack_alone(&a, len), 0);

	/* Cut short: "f" has its header at 0, name at 110, data at 112. */
	KTEST_EXPECT_EQ(t, unpack_alone(&a, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, unpack_alone(&a, 50), -EINVAL);  /* in the header */
	KTEST_EXPECT_EQ(t, unpack_alone(&a, 111), -EINVAL); /* in the name */
	KTEST_EXPECT_EQ(t, unpack_alone(&a, 114), -EINVAL); /* in the data */
	KTEST_EXPECT_EQ(t, unpack_alone(&a, 116), -EINVAL); /* no trailer */
	KTEST_EXPECT_EQ(t, unpack_alone(&a, 200), -EINVAL); /* cut trailer */

	a.buf[3] = '8'; /* magic "070801" */
	KTEST_EXPECT_EQ(t, unpack_alone(&a, len), -EINVAL);

	len = good_archive(&a);
	a.buf[6 + 8 * 1 + 3] = 'g'; /* not a hex digit in the mode */
	KTEST_EXPECT_EQ(t, unpack_alone(&a, len), -EINVAL);

	len = good_archive(&a);
	memcpy(a.buf + 6 + 8 * 11, "FFFFFFFF", 8); /* namesize past the end */
	KTEST_EXPECT_EQ(t, unpack_alone(&a, len), -EINVAL);

	len = good_archive(&a);
	memcpy(a.buf + 6 + 8 * 11, "00000000", 8); /* namesize 0 */
	KTEST_EXPECT_EQ(t, unpack_alone(&a, len), -EINVAL);

	len = good_archive(&a);
	memcpy(a.buf + 6 + 8 * 11, "00000001", 8); /* name without its NUL */
	KTEST_EXPECT_EQ(t, unpack_alone(&a, len), -EINVAL);

	len = good_archive(&a);
	memcpy(a.buf + 6 + 8 * 6, "7FFFFFF0", 8); /* filesize past the end */
	KTEST_EXPECT_EQ(t, unpack_alone(&a, len), -EINVAL);

	len = good_archive(&a);
	memcpy(a.buf + 6 + 8 * 6, "00000010", 8); /* data runs into trailer */
	KTEST_EXPECT_EQ(t, unpack_alone(&a, len), -EINVAL);

	/* A file in a directory the archive never made. */
	a.len = 0;
	add_member(&a, "no/such", S_IFREG | 0644, "x", 1);
	add_trailer(&a);
	KTEST_EXPECT_EQ(t, unpack_alone(&a, a.len), -ENOENT);

	kfree(a.buf);
}

KTEST_SUITE(initrd, KTEST_CASE(unpack_good_archive),
	    KTEST_CASE(malformed_archives));
