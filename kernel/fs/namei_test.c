// SPDX-License-Identifier: MIT
/*
 * Tests of directories and path lookup (kernel/fs/dir.c, namei.c): nested
 * directories, ".", "..", repeated slashes, relative paths, link counts,
 * listing, the path of a directory, and the errors.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/testing.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/slab.h>

/* Does path lead to want?  (Drops the reference lookup took.) */
static bool leads_to(const struct fs_struct *fs, const char *path,
		     struct inode *want)
{
	struct inode *inode = lookup_path(fs, path);

	if (IS_ERR(inode))
		return false;
	iput(inode);
	return inode == want;
}

static long lookup_err(const struct fs_struct *fs, const char *path)
{
	struct inode *inode = lookup_path(fs, path);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	iput(inode);
	return 0;
}

static void nested_dirs_and_dots(struct ktest *t)
{
	struct inode *root = ramfs_new_root();
	struct fs_struct fs = { root, root };
	struct inode *a, *c;

	KTEST_ASSERT_NOT_NULL(t, root);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/a", 0755), 0);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "a/b", 0755), 0);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/a/b/c/", 0700), 0);
	c = lookup_path(&fs, "/a/b/c");
	KTEST_ASSERT_TRUE(t, !IS_ERR(c));
	a = lookup_path(&fs, "/a");
	KTEST_ASSERT_TRUE(t, !IS_ERR(a));
	KTEST_EXPECT_EQ(t, c->i_mode, S_IFDIR | 0700);

	KTEST_EXPECT_TRUE(t, leads_to(&fs, "a/./b/../b/c", c));
	KTEST_EXPECT_TRUE(t, leads_to(&fs, "//a///b//c/", c));
	KTEST_EXPECT_TRUE(t, leads_to(&fs, "/a/b/c/../..", a));
	KTEST_EXPECT_TRUE(t, leads_to(&fs, "/a/b/c/../../..", root));
	KTEST_EXPECT_TRUE(t,
			  leads_to(&fs, "/../../a/..", root)); /* ".." at / */
	KTEST_EXPECT_TRUE(t, leads_to(&fs, "/", root));
	KTEST_EXPECT_TRUE(t, leads_to(&fs, ".", root));

	/* Relative paths start at the working directory. */
	fs.pwd = a;
	KTEST_EXPECT_TRUE(t, leads_to(&fs, "b/c", c));
	KTEST_EXPECT_TRUE(t, leads_to(&fs, "..", root));
	KTEST_EXPECT_TRUE(t, leads_to(&fs, "/a", a));
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "b/d", 0755), 0);
	KTEST_EXPECT_EQ(t, lookup_err(&fs, "/a/b/d"), 0);

	iput(a);
	iput(c);
	ramfs_kill_tree(root);
}

static void lookup_and_create_errors(struct ktest *t)
{
	struct inode *root = ramfs_new_root();
	struct fs_struct fs = { root, root };
	char name[NAME_MAX + 3];
	struct file *f;

	KTEST_ASSERT_NOT_NULL(t, root);
	f = test_open(root, "/f", O_CREAT | O_WRONLY);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	fput(f);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/d", 0755), 0);

	KTEST_EXPECT_EQ(t, lookup_err(&fs, "/nope"), -ENOENT);
	KTEST_EXPECT_EQ(t, lookup_err(&fs, "/nope/x"), -ENOENT);
	KTEST_EXPECT_EQ(t, lookup_err(&fs, ""), -ENOENT);
	KTEST_EXPECT_EQ(t, lookup_err(&fs, "/f/x"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, lookup_err(&fs, "/f/"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, lookup_err(&fs, "/f/.."), -ENOTDIR);
	KTEST_EXPECT_EQ(t, lookup_err(&fs, "/d/"), 0);

	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/d", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/f", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/d/..", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/f/x", 0755), -ENOTDIR);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/x/y", 0755), -ENOENT);

	KTEST_EXPECT_EQ(t, do_unlink(&fs, "/d"), -EISDIR);
	KTEST_EXPECT_EQ(t, do_unlink(&fs, "/d/"), -EISDIR);
	KTEST_EXPECT_EQ(t, do_unlink(&fs, "/f/"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, do_unlink(&fs, "."), -EISDIR);
	KTEST_EXPECT_EQ(t, do_unlink(&fs, "/nope"), -ENOENT);
	KTEST_EXPECT_TRUE(t,
			  PTR_ERR(test_open(root, "/f/", O_CREAT)) == -EISDIR);

	/* Components of NAME_MAX bytes are fine, one more is too long. */
	memset(name, 'n', sizeof(name));
	name[0] = '/';
	name[NAME_MAX + 1] = '\0';
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, name, 0755), 0);
	KTEST_EXPECT_EQ(t, lookup_err(&fs, name), 0);
	name[NAME_MAX + 1] = 'n';
	name[NAME_MAX + 2] = '\0';
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, name, 0755), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(t, lookup_err(&fs, name), -ENAMETOOLONG);

	KTEST_EXPECT_EQ(t, do_unlink(&fs, "/f"), 0);
	KTEST_EXPECT_EQ(t, do_unlink(&fs, "/f"), -ENOENT);
	ramfs_kill_tree(root);
}

/* Unix link counts: a file 1 per name, a directory 2 + its subdirectories. */
static void link_counts(struct ktest *t)
{
	struct inode *root = ramfs_new_root();
	struct fs_struct fs = { root, root };
	struct inode *a, *file;
	struct file *f;

	KTEST_ASSERT_NOT_NULL(t, root);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/a", 0755), 0);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/a/b", 0755), 0);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/a/c", 0755), 0);
	f = test_open(root, "/a/file", O_CREAT | O_RDWR);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	a = test_lookup(root, "/a");
	KTEST_ASSERT_TRUE(t, !IS_ERR(a));
	file = f->f_inode;
	KTEST_EXPECT_EQ(t, root->i_nlink, 3);
	KTEST_EXPECT_EQ(t, a->i_nlink, 4);
	KTEST_EXPECT_EQ(t, file->i_nlink, 1);
	KTEST_EXPECT_EQ(t, ramfs_rmdir(a, "b"), 0);
	KTEST_EXPECT_EQ(t, a->i_nlink, 3);
	KTEST_EXPECT_EQ(t, ramfs_rmdir(root, "a"), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, ramfs_rmdir(a, "file"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ramfs_rmdir(a, "b"), -ENOENT);
	fput(f);
	iput(a);
	ramfs_kill_tree(root);
}

/* A directory removed while still referenced: ".." and creation fail. */
static void removed_directory(struct ktest *t)
{
	struct inode *root = ramfs_new_root();
	struct fs_struct fs = { root, root };
	struct inode *gone;

	KTEST_ASSERT_NOT_NULL(t, root);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/gone", 0755), 0);
	gone = test_lookup(root, "/gone");
	KTEST_ASSERT_TRUE(t, !IS_ERR(gone));
	KTEST_EXPECT_EQ(t, ramfs_rmdir(root, "gone"), 0);
	KTEST_EXPECT_EQ(t, gone->i_nlink, 0);
	fs.pwd = gone; /* a task whose cwd was removed */
	KTEST_EXPECT_EQ(t, lookup_err(&fs, ".."), -ENOENT);
	KTEST_EXPECT_EQ(t, lookup_err(&fs, "."), 0);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "x", 0755), -ENOENT);
	KTEST_EXPECT_TRUE(t, PTR_ERR(test_open(root, "/gone/y", O_CREAT)) ==
				     -ENOENT);
	iput(gone); /* frees it */
	ramfs_kill_tree(root);
}

/* Listing: ".", "..", then the entries in creation order, with types. */
static void readdir_lists_entries(struct ktest *t)
{
	static const char *const names[] = { ".", "..", "sub", "file", "dev" };
	static const unsigned char types[] = { DT_DIR, DT_DIR, DT_DIR, DT_REG,
					       DT_CHR };
	struct inode *root = ramfs_new_root();
	struct fs_struct fs = { root, root };
	struct pagoda_dirent de;
	struct inode *dev;
	struct file *f;

	KTEST_ASSERT_NOT_NULL(t, root);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/sub", 0755), 0);
	f = test_open(root, "/file", O_CREAT | O_RDWR);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	fput(f);
	dev = ramfs_mknod(root, "dev", S_IFCHR | 0666, &null_fops, true);
	KTEST_ASSERT_TRUE(t, !IS_ERR(dev));
	iput(dev);

	f = test_open(root, "/", O_RDONLY);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	for (int i = 0; i < 5; i++) {
		KTEST_ASSERT_EQ(t, f->f_op->readdir(f, i, &de), 1);
		KTEST_EXPECT_STREQ(t, de.d_name, names[i]);
		KTEST_EXPECT_EQ(t, de.d_type, types[i]);
	}
	KTEST_EXPECT_EQ(t, f->f_op->readdir(f, 5, &de), 0);
	fput(f);
	ramfs_kill_tree(root);
}

/* The path of a directory (getcwd), built from its parents. */
static void path_of_directory(struct ktest *t)
{
	struct inode *root = ramfs_new_root();
	struct fs_struct fs = { root, root };
	char buf[32];
	struct inode *c;

	KTEST_ASSERT_NOT_NULL(t, root);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/abc", 0755), 0);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/abc/de", 0755), 0);
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/abc/de/f", 0755), 0);
	c = test_lookup(root, "/abc/de/f");
	KTEST_ASSERT_TRUE(t, !IS_ERR(c));
	KTEST_EXPECT_EQ(t, ramfs_path(root, c, buf, sizeof(buf)), 10);
	KTEST_EXPECT_STREQ(t, buf, "/abc/de/f");
	KTEST_EXPECT_EQ(t, ramfs_path(root, root, buf, sizeof(buf)), 2);
	KTEST_EXPECT_STREQ(t, buf, "/");
	KTEST_EXPECT_EQ(t, ramfs_path(root, c, buf, 10), 10); /* just fits */
	KTEST_EXPECT_EQ(t, ramfs_path(root, c, buf, 9), -ENAMETOOLONG);
	iput(c);
	ramfs_kill_tree(root);
}

KTEST_SUITE(namei, KTEST_CASE(nested_dirs_and_dots),
	    KTEST_CASE(lookup_and_create_errors), KTEST_CASE(link_counts),
	    KTEST_CASE(removed_directory), KTEST_CASE(readdir_lists_entries),
	    KTEST_CASE(path_of_directory));
