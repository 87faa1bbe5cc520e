// SPDX-License-Identifier: MIT
/*
 * Tests of the block layer and virtio-blk (/dev/vda): the test boot
 * attaches a swap image that mkswap formatted (the Makefile's
 * TEST_SWAP_IMAGE), so what the disk holds is known: Linux's swap
 * signature at the end of its first page.  Every write is undone, since
 * the swap tests use the same disk.
 */
#include <kernel/drivers/blkdev.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/mm.h>
#include <mm/slab.h>

static struct gendisk *test_disk(struct ktest *t)
{
	struct gendisk *disk = first_disk();

	if (!disk)
		ktest_skip(t, "no virtio-blk disk on this machine");
	return disk;
}

static void blk_reads_mkswap_signature(struct ktest *t)
{
	struct gendisk *disk = test_disk(t);
	char *buf;

	if (!disk)
		return;
	buf = get_zeroed_page();
	KTEST_ASSERT_NOT_NULL(t, buf);
	KTEST_EXPECT_EQ(t, blk_rw(disk, 0, buf, PAGE_SECTORS, false), 0);
	KTEST_EXPECT_EQ(t, memcmp(buf + PAGE_SIZE - 10, "SWAPSPACE2", 10), 0);
	free_page(buf);
}

/* A pattern written to the disk's last page reads back; then undone. */
static void blk_write_read_back(struct ktest *t)
{
	struct gendisk *disk = test_disk(t);
	char *save, *buf;
	sector_t last;

	if (!disk)
		return;
	last = disk->capacity - PAGE_SECTORS;
	save = get_zeroed_page();
	buf = get_zeroed_page();
	KTEST_ASSERT_TRUE(t, save && buf);
	KTEST_EXPECT_EQ(t, blk_rw(disk, last, save, PAGE_SECTORS, false), 0);
	for (size_t i = 0; i < PAGE_SIZE; i++)
		buf[i] = (char)(i * 7 + 3);
	KTEST_EXPECT_EQ(t, blk_rw(disk, last, buf, PAGE_SECTORS, true), 0);
	memset(buf, 0, PAGE_SIZE);
	KTEST_EXPECT_EQ(t, blk_rw(disk, last, buf, PAGE_SECTORS, false), 0);
	for (size_t i = 0; i < PAGE_SIZE; i++)
		if (buf[i] != (char)(i * 7 + 3)) {
			KTEST_EXPECT_EQ(t, buf[i], (char)(i * 7 + 3));
			break;
		}
	KTEST_EXPECT_EQ(t, blk_rw(disk, last, save, PAGE_SECTORS, true), 0);
	free_page(save);
	free_page(buf);
}

/*
 * More requests at once than the ring holds: the rest wait on the
 * disk's queue and start as completions make room; all finish, each with
 * its own sector's bytes.
 */
#define NR_BURST 200

static void blk_queue_overflows_ring(struct ktest *t)
{
	struct gendisk *disk = test_disk(t);
	struct request *rqs;
	char *buf;
	int errors = 0;

	if (!disk)
		return;
	rqs = kzalloc(sizeof(*rqs) * NR_BURST);
	buf = get_zeroed_page();
	KTEST_ASSERT_TRUE(t, rqs && buf);
	for (int i = 0; i < NR_BURST; i++) {
		rqs[i] = (struct request){
			.sector = i % PAGE_SECTORS,
			.nr_sectors = 1,
			.buffer = buf + (i % PAGE_SECTORS) * SECTOR_SIZE,
		};
		KTEST_EXPECT_EQ(t, blk_submit(disk, &rqs[i]), 0);
	}
	for (int i = 0; i < NR_BURST; i++)
		errors += blk_wait(disk, &rqs[i]) != 0;
	KTEST_EXPECT_EQ(t, errors, 0);
	KTEST_EXPECT_EQ(t, memcmp(buf + PAGE_SIZE - 10, "SWAPSPACE2", 10), 0);
	kfree(rqs);
	free_page(buf);
}

/* The device's own error (a sector past the end) reaches the caller. */
static void blk_device_error_is_eio(struct ktest *t)
{
	struct gendisk *disk = test_disk(t);
	char *buf;

	if (!disk)
		return;
	buf = get_zeroed_page();
	KTEST_ASSERT_NOT_NULL(t, buf);
	disk->fail_requests = 1;
	KTEST_EXPECT_EQ(t, blk_rw(disk, 0, buf, PAGE_SECTORS, false), -EIO);
	KTEST_EXPECT_EQ(t, disk->fail_requests, 0);
	KTEST_EXPECT_EQ(t, blk_rw(disk, 0, buf, PAGE_SECTORS, false), 0);
	KTEST_EXPECT_EQ(t, blk_rw(disk, disk->capacity, buf, 1, false),
			-EINVAL);
	KTEST_EXPECT_EQ(t, blk_rw(disk, disk->capacity - 1, buf, 2, false),
			-EINVAL);
	KTEST_EXPECT_EQ(t, blk_rw(disk, 0, buf, 0, false), -EINVAL);
	free_page(buf);
}

KTEST_SUITE(virtio_blk, KTEST_CASE(blk_reads_mkswap_signature),
	    KTEST_CASE(blk_write_read_back),
	    KTEST_CASE(blk_queue_overflows_ring),
	    KTEST_CASE(blk_device_error_is_eio));
