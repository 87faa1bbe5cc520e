// SPDX-License-Identifier: MIT
/*
 * Tests of ramfs regular files (kernel/fs/ramfs.c, open.c, read_write.c):
 * data in page-cache pages, positions, holes, truncation, open flags.
 * Each case builds a private tree and removes it, pages and all.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/testing.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/mm.h>
#include <mm/slab.h>

static void fill_pattern(unsigned char *buf, size_t n, unsigned int seed)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = (unsigned char)(i * 7 + seed);
}

static size_t count_not(const unsigned char *buf, size_t n, int c)
{
	size_t bad = 0;

	for (size_t i = 0; i < n; i++)
		bad += buf[i] != c;
	return bad;
}

/* 3 pages and a bit, written at once, read back in chunks across pages. */
static void write_read_across_pages(struct ktest *t)
{
	const size_t size = 3 * PAGE_SIZE + 100, chunk = 1000;
	unsigned long cached = pagecache_pages();
	struct inode *root = ramfs_new_root();
	unsigned char *in = kmalloc(size), *out = kzalloc(size);
	struct file *f;

	KTEST_ASSERT_TRUE(t, root && in && out);
	fill_pattern(in, size, 3);
	f = test_open(root, "/data", O_CREAT | O_RDWR);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kwrite(f, in, size, &f->f_pos), (long)size);
	KTEST_EXPECT_EQ(t, f->f_pos, (loff_t)size);
	KTEST_EXPECT_EQ(t, f->f_inode->i_size, (loff_t)size);
	KTEST_EXPECT_EQ(t, f->f_mapping->nrpages, 4);
	KTEST_EXPECT_EQ(t, pagecache_pages(), cached + 4);

	f->f_pos = 0;
	for (size_t done = 0; done < size; done += chunk) {
		long want = min(chunk, size - done);

		KTEST_EXPECT_EQ(t, kread(f, out + done, chunk, &f->f_pos),
				want);
	}
	KTEST_EXPECT_EQ(t, memcmp(in, out, size), 0);
	KTEST_EXPECT_EQ(t, kread(f, out, chunk, &f->f_pos), 0); /* EOF */
	fput(f);
	ramfs_kill_tree(root);
	KTEST_EXPECT_EQ(t, pagecache_pages(), cached);
	kfree(in);
	kfree(out);
}

/* pread/pwrite style: a given position, f_pos untouched. */
static void positioned_read_write(struct ktest *t)
{
	struct inode *root = ramfs_new_root();
	char buf[8] = { 0 };
	struct file *f;
	loff_t pos;

	KTEST_ASSERT_NOT_NULL(t, root);
	f = test_open(root, "/p", O_CREAT | O_RDWR);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	pos = 10000;
	KTEST_EXPECT_EQ(t, kwrite(f, "hello", 5, &pos), 5);
	KTEST_EXPECT_EQ(t, pos, 10005);
	KTEST_EXPECT_EQ(t, f->f_pos, 0);
	KTEST_EXPECT_EQ(t, f->f_inode->i_size, 10005);
	pos = 9998;
	KTEST_EXPECT_EQ(t, kread(f, buf, sizeof(buf), &pos), 7);
	KTEST_EXPECT_EQ(t, memcmp(buf, "\0\0hello", 7), 0);
	/* Overwrite inside, across the page boundary at 8192. */
	pos = 8190;
	KTEST_EXPECT_EQ(t, kwrite(f, "ABCD", 4, &pos), 4);
	pos = 8189;
	KTEST_EXPECT_EQ(t, kread(f, buf, 6, &pos), 6);
	KTEST_EXPECT_EQ(t, memcmp(buf, "\0ABCD\0", 6), 0);
	KTEST_EXPECT_EQ(t, f->f_inode->i_size, 10005);
	fput(f);
	ramfs_kill_tree(root);
}

/* lseek past the end, then write: the gap is a hole that reads as zeros. */
static void seek_past_eof_leaves_hole(struct ktest *t)
{
	const size_t size = 3 * PAGE_SIZE + 1;
	struct inode *root = ramfs_new_root();
	unsigned char *out = kmalloc(size);
	struct file *f;

	KTEST_ASSERT_TRUE(t, root && out);
	f = test_open(root, "/holey", O_CREAT | O_RDWR);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kwrite(f, "0123456789", 10, &f->f_pos), 10);
	KTEST_EXPECT_EQ(t, generic_file_llseek(f, 3 * PAGE_SIZE, SEEK_SET),
			(loff_t)(3 * PAGE_SIZE));
	KTEST_EXPECT_EQ(t, kwrite(f, "x", 1, &f->f_pos), 1);
	KTEST_EXPECT_EQ(t, f->f_inode->i_size, (loff_t)size);
	KTEST_EXPECT_EQ(t, f->f_mapping->nrpages, 2); /* pages 1, 2: holes */

	memset(out, 0xee, size);
	f->f_pos = 0;
	KTEST_EXPECT_EQ(t, kread(f, out, size, &f->f_pos), (long)size);
	KTEST_EXPECT_EQ(t, memcmp(out, "0123456789", 10), 0);
	KTEST_EXPECT_EQ(t, count_not(out + 10, size - 11, 0), 0);
	KTEST_EXPECT_EQ(t, out[size - 1], 'x');
	KTEST_EXPECT_EQ(t, f->f_mapping->nrpages, 2); /* reading filled none */

	/* The other whences, and the errors. */
	KTEST_EXPECT_EQ(t, generic_file_llseek(f, -1, SEEK_END),
			(loff_t)size - 1);
	KTEST_EXPECT_EQ(t, generic_file_llseek(f, -5, SEEK_CUR),
			(loff_t)size - 6);
	KTEST_EXPECT_EQ(t, generic_file_llseek(f, -1, SEEK_SET), -EINVAL);
	KTEST_EXPECT_EQ(t, generic_file_llseek(f, 0, 3), -EINVAL);
	KTEST_EXPECT_EQ(t,
			generic_file_llseek(f, 0x7fffffffffffffffLL, SEEK_END),
			-EINVAL); /* overflow */
	KTEST_EXPECT_EQ(t, f->f_pos, (loff_t)size - 6);
	fput(f);
	ramfs_kill_tree(root);
	kfree(out);
}

/* ftruncate: shrinking frees pages and zeroes the cut page's tail; growing
 * allocates nothing and the new bytes read as zeros. */
static void truncate_shrink_and_grow(struct ktest *t)
{
	const size_t size = 3 * PAGE_SIZE;
	struct inode *root = ramfs_new_root();
	unsigned char *buf = kmalloc(size);
	unsigned long free;
	struct file *f;
	loff_t pos = 0;

	KTEST_ASSERT_TRUE(t, root && buf);
	f = test_open(root, "/t", O_CREAT | O_RDWR);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	memset(buf, 0xaa, size);
	KTEST_EXPECT_EQ(t, kwrite(f, buf, size, &pos), (long)size);

	free = nr_free_pages();
	KTEST_EXPECT_EQ(t, ramfs_setsize(f->f_inode, PAGE_SIZE + 10), 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free + 1);
	KTEST_EXPECT_EQ(t, f->f_mapping->nrpages, 2);
	KTEST_EXPECT_EQ(t, f->f_inode->i_size, (loff_t)PAGE_SIZE + 10);

	KTEST_EXPECT_EQ(t, ramfs_setsize(f->f_inode, size), 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free + 1);
	pos = 0;
	KTEST_EXPECT_EQ(t, kread(f, buf, size, &pos), (long)size);
	KTEST_EXPECT_EQ(t, count_not(buf, PAGE_SIZE + 10, 0xaa), 0);
	KTEST_EXPECT_EQ(
		t, count_not(buf + PAGE_SIZE + 10, size - PAGE_SIZE - 10, 0),
		0);

	KTEST_EXPECT_EQ(t, ramfs_setsize(f->f_inode, -1), -EINVAL);
	KTEST_EXPECT_EQ(t, ramfs_setsize(f->f_inode, MAX_FILE_SIZE + 1),
			-EFBIG);
	KTEST_EXPECT_EQ(t, ramfs_setsize(f->f_inode, 0), 0);
	KTEST_EXPECT_EQ(t, f->f_mapping->nrpages, 0);
	fput(f);
	ramfs_kill_tree(root);
	kfree(buf);
}

/* Unlinking an open file keeps its data until the last close. */
static void unlink_frees_pages_at_last_close(struct ktest *t)
{
	const size_t size = 5 * PAGE_SIZE;
	unsigned long cached = pagecache_pages();
	struct inode *root = ramfs_new_root();
	struct fs_struct fs = { root, root };
	unsigned char *buf = kmalloc(size);
	unsigned long free;
	struct file *f;
	loff_t pos = 0;

	KTEST_ASSERT_TRUE(t, root && buf);
	f = test_open(root, "/doomed", O_CREAT | O_RDWR);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	fill_pattern(buf, size, 1);
	KTEST_EXPECT_EQ(t, kwrite(f, buf, size, &pos), (long)size);
	KTEST_EXPECT_EQ(t, pagecache_pages(), cached + 5);

	KTEST_EXPECT_EQ(t, do_unlink(&fs, "/doomed"), 0);
	KTEST_EXPECT_EQ(t, f->f_inode->i_nlink, 0);
	KTEST_EXPECT_TRUE(t, PTR_ERR(test_lookup(root, "/doomed")) == -ENOENT);
	KTEST_EXPECT_EQ(t, pagecache_pages(), cached + 5); /* still open */
	memset(buf, 0, size);
	pos = 0;
	KTEST_EXPECT_EQ(t, kread(f, buf, size, &pos), (long)size);
	KTEST_EXPECT_EQ(t, buf[size - 1], (unsigned char)((size - 1) * 7 + 1));

	free = nr_free_pages();
	fput(f);
	KTEST_EXPECT_EQ(t, pagecache_pages(), cached);
	KTEST_EXPECT_GE(t, nr_free_pages(), free + 5);
	ramfs_kill_tree(root);
	kfree(buf);
}

/* The cache's pages know their file and place. */
static void pages_carry_mapping_and_index(struct ktest *t)
{
	struct inode *root = ramfs_new_root();
	char buf[2 * PAGE_SIZE / 64];
	struct file *f;
	struct page *page;
	loff_t pos = PAGE_SIZE;

	KTEST_ASSERT_NOT_NULL(t, root);
	f = test_open(root, "/m", O_CREAT | O_RDWR);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	memset(buf, 'm', sizeof(buf));
	KTEST_EXPECT_EQ(t, kwrite(f, buf, sizeof(buf), &pos),
			(long)sizeof(buf));
	KTEST_EXPECT_TRUE(t, find_get_page(f->f_mapping, 0) == NULL);
	page = find_get_page(f->f_mapping, 1);
	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_TRUE(t, page->mapping == &f->f_inode->i_data);
	KTEST_EXPECT_TRUE(t, page->mapping->host == f->f_inode);
	KTEST_EXPECT_EQ(t, page->index, 1);
	KTEST_EXPECT_EQ(t, page_count(page), 2); /* the cache's and ours */
	KTEST_EXPECT_EQ(t, ((char *)page_address(page))[0], 'm');
	put_page(page);
	fput(f);
	ramfs_kill_tree(root);
}

/* O_* flags and the errors of opening and of reading or writing. */
static void open_flags_and_errors(struct ktest *t)
{
	struct inode *root = ramfs_new_root();
	struct fs_struct fs = { root, root };
	char buf[16];
	struct file *f, *g;
	loff_t pos = 0;

	KTEST_ASSERT_NOT_NULL(t, root);
	KTEST_EXPECT_TRUE(t,
			  PTR_ERR(test_open(root, "/f", O_RDONLY)) == -ENOENT);
	f = test_open(root, "/f", O_CREAT | O_EXCL | O_WRONLY);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_TRUE(t, PTR_ERR(test_open(root, "/f", O_CREAT | O_EXCL)) ==
				     -EEXIST);
	KTEST_EXPECT_EQ(t, kwrite(f, "abcdef", 6, &f->f_pos), 6);
	KTEST_EXPECT_EQ(t, kread(f, buf, 6, &pos), -EBADF); /* write-only */
	fput(f);

	f = test_open(root, "/f", O_RDONLY);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kwrite(f, "x", 1, &f->f_pos), -EBADF);
	KTEST_EXPECT_TRUE(t, file_is_regular(f));
	fput(f);

	/* O_APPEND writes at the end whatever the position. */
	f = test_open(root, "/f", O_WRONLY | O_APPEND);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kwrite(f, "gh", 2, &f->f_pos), 2);
	KTEST_EXPECT_EQ(t, f->f_pos, 8);
	fput(f);
	f = test_open(root, "/f", O_RDONLY);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kread(f, buf, sizeof(buf), &f->f_pos), 8);
	KTEST_EXPECT_EQ(t, memcmp(buf, "abcdefgh", 8), 0);

	/* O_TRUNC empties it; another open file sees the new size. */
	g = test_open(root, "/f", O_RDWR | O_TRUNC);
	KTEST_ASSERT_TRUE(t, !IS_ERR(g));
	KTEST_EXPECT_EQ(t, g->f_inode->i_size, 0);
	KTEST_EXPECT_EQ(t, g->f_mapping->nrpages, 0);
	pos = 0;
	KTEST_EXPECT_EQ(t, kread(f, buf, sizeof(buf), &pos), 0);
	fput(g);
	fput(f);

	/* Directories: read-only, and not readable as data. */
	KTEST_EXPECT_EQ(t, do_mkdir(&fs, "/d", 0755), 0);
	KTEST_EXPECT_TRUE(t,
			  PTR_ERR(test_open(root, "/d", O_WRONLY)) == -EISDIR);
	KTEST_EXPECT_TRUE(t,
			  PTR_ERR(test_open(root, "/d", O_CREAT)) == -EISDIR);
	KTEST_EXPECT_TRUE(t, PTR_ERR(test_open(root, "/f", O_DIRECTORY)) ==
				     -ENOTDIR);
	KTEST_EXPECT_TRUE(t,
			  PTR_ERR(test_open(root, "/f", O_ACCMODE)) == -EINVAL);
	f = test_open(root, "/d", O_RDONLY | O_DIRECTORY);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kread(f, buf, sizeof(buf), &f->f_pos), -EISDIR);
	KTEST_EXPECT_FALSE(t, file_is_regular(f));
	fput(f);

	/* Too far: a write at the size limit. */
	f = test_open(root, "/f", O_RDWR);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	pos = MAX_FILE_SIZE;
	KTEST_EXPECT_EQ(t, kwrite(f, "x", 1, &pos), -EFBIG);
	fput(f);
	ramfs_kill_tree(root);
}

/* stat figures: size, blocks from the cached pages, links. */
static void getattr_figures(struct ktest *t)
{
	struct inode *root = ramfs_new_root();
	struct stat st;
	struct file *f;
	loff_t pos = 2 * PAGE_SIZE;

	KTEST_ASSERT_NOT_NULL(t, root);
	f = test_open(root, "/s", O_CREAT | O_RDWR);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kwrite(f, "z", 1, &pos), 1);
	vfs_getattr(f->f_inode, &st);
	KTEST_EXPECT_EQ(t, st.st_size, (long)(2 * PAGE_SIZE + 1));
	KTEST_EXPECT_EQ(t, st.st_blocks, (long)(PAGE_SIZE / 512)); /* 1 page */
	KTEST_EXPECT_EQ(t, st.st_mode, S_IFREG | 0644);
	KTEST_EXPECT_EQ(t, st.st_nlink, 1);
	KTEST_EXPECT_EQ(t, st.st_ino, f->f_inode->i_ino);
	vfs_getattr(root, &st);
	KTEST_EXPECT_TRUE(t, S_ISDIR(st.st_mode));
	KTEST_EXPECT_EQ(t, st.st_nlink, 2);
	fput(f);
	ramfs_kill_tree(root);
}

static struct file *locked_file;

static int appender(void *arg)
{
	return kwrite(locked_file, "B", 1, &locked_file->f_pos) == 1 ? 0 : 1;
}

/* A writer waits for the inode lock; its O_APPEND then finds the true end. */
static void inode_lock_serializes_writers(struct ktest *t)
{
	struct inode *root = ramfs_new_root();
	struct task_struct *th;
	char buf[4];
	struct file *f;
	loff_t pos = 0;

	KTEST_ASSERT_NOT_NULL(t, root);
	f = test_open(root, "/log", O_CREAT | O_RDWR | O_APPEND);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	locked_file = f;
	KTEST_ASSERT_EQ(t, inode_lock_killable(f->f_inode), 0);
	th = kthread_create(appender, NULL, "appender");
	KTEST_ASSERT_NOT_NULL(t, th);
	while (th->state != TASK_SLEEPING)
		schedule();
	/* Write "A" at the end by hand, as a writer holding the lock would. */
	KTEST_EXPECT_EQ(t, f->f_inode->i_size, 0);
	f->f_inode->i_size = 1;
	inode_unlock(f->f_inode);
	KTEST_EXPECT_EQ(t, kthread_wait(th), 0);
	KTEST_EXPECT_EQ(t, f->f_inode->i_size, 2);
	KTEST_EXPECT_EQ(t, kread(f, buf, sizeof(buf), &pos), 2);
	KTEST_EXPECT_EQ(t, buf[0], 0); /* the hole where "A" was not copied */
	KTEST_EXPECT_EQ(t, buf[1], 'B');
	fput(f);
	ramfs_kill_tree(root);
}

KTEST_SUITE(ramfs, KTEST_CASE(write_read_across_pages),
	    KTEST_CASE(positioned_read_write),
	    KTEST_CASE(seek_past_eof_leaves_hole),
	    KTEST_CASE(truncate_shrink_and_grow),
	    KTEST_CASE(unlink_frees_pages_at_last_close),
	    KTEST_CASE(pages_carry_mapping_and_index),
	    KTEST_CASE(open_flags_and_errors), KTEST_CASE(getattr_figures),
	    KTEST_CASE(inode_lock_serializes_writers));
