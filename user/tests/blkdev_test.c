// SPDX-License-Identifier: MIT
/*
 * /dev/vda, the block device file of the virtio-blk disk
 * (kernel/drivers/blkdev.c): a block device by stat, as long as the disk,
 * read and written at any byte offset.  The test boot's disk is a swap
 * image made by mkswap, so its first page ends with the swap signature.
 * Writes are undone: the swap tests use the same disk.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ktap.h"

static int open_disk(int flags)
{
	int fd = open("/dev/vda", flags);

	if (fd < 0 && errno == ENOENT)
		ktap_skip("no /dev/vda on this machine");
	return fd;
}

static void is_block_device(void)
{
	struct stat st;
	int fd = open_disk(O_RDONLY);

	ASSERT_GE(fd, 0);
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_TRUE(S_ISBLK(st.st_mode));
	EXPECT_EQ(st.st_size, 0); /* as Linux: lseek tells the size */
	EXPECT_GT(lseek(fd, 0, SEEK_END), 4096);
	EXPECT_EQ(close(fd), 0);
}

static void reads_swap_signature(void)
{
	char sig[11] = { 0 };
	int fd = open_disk(O_RDONLY);

	ASSERT_GE(fd, 0);
	EXPECT_EQ(pread(fd, sig, 10, 4096 - 10), 10);
	EXPECT_STREQ(sig, "SWAPSPACE2");
	EXPECT_EQ(close(fd), 0);
}

/* A write across a page boundary, away from the header; then undone. */
static void unaligned_write_reads_back(void)
{
	static const char text[] = "pagoda block device, across two pages";
	char save[sizeof(text)], back[sizeof(text)];
	off_t where = 5 * 4096 - 7;
	int fd = open_disk(O_RDWR);

	ASSERT_GE(fd, 0);
	ASSERT_EQ(pread(fd, save, sizeof(save), where), (long)sizeof(save));
	EXPECT_EQ(pwrite(fd, text, sizeof(text), where), (long)sizeof(text));
	EXPECT_EQ(pread(fd, back, sizeof(back), where), (long)sizeof(back));
	EXPECT_MEMEQ(back, text, sizeof(text));
	EXPECT_EQ(pwrite(fd, save, sizeof(save), where), (long)sizeof(save));
	EXPECT_EQ(close(fd), 0);
}

static void end_of_disk(void)
{
	char c;
	int fd = open_disk(O_RDWR);
	off_t size;

	ASSERT_GE(fd, 0);
	size = lseek(fd, 0, SEEK_END);
	EXPECT_EQ(read(fd, &c, 1), 0);
	EXPECT_ERRNO(write(fd, &c, 1), ENOSPC);
	EXPECT_ERRNO(pread(fd, &c, 1, -1), EINVAL);
	EXPECT_ERRNO(pread(fd, (void *)8, 16, 0), EFAULT);
	EXPECT_EQ(lseek(fd, size - 1, SEEK_SET), size - 1);
	EXPECT_EQ(read(fd, &c, 1), 1);
	EXPECT_EQ(close(fd), 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(is_block_device),
	KTAP_CASE(reads_swap_signature),
	KTAP_CASE(unaligned_write_reads_back),
	KTAP_CASE(end_of_disk),
};

int main(void)
{
	return ktap_main("blkdev_test", cases, KTAP_NCASES(cases));
}
