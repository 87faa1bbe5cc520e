// SPDX-License-Identifier: MIT
/*
 * /dev/fb0 (kernel/drivers/fb.c): Linux's framebuffer ioctls and struct
 * layouts, read/write/lseek, and mmap as a VM_PFNMAP mapping made by
 * remap_pfn_range -- shared (writes reach the screen), private (a COW PFN
 * map: a write copies the frame, the screen keeps its pixel), fork,
 * partial munmap, bad requests.  What is on the screen is checked through
 * QEMU's screendump (tools/screendump.py answers "# screendump?").
 */
#include <fcntl.h>
#include <linux/fb.h>
#include <pagoda.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ktap.h"

#define WIDTH 640
#define HEIGHT 480
#define SIZE (WIDTH * HEIGHT * 4)

static int open_fb(int flags)
{
	int fd = open("/dev/fb0", flags);

	if (fd < 0 && errno == ENODEV)
		ktap_skip(
			"no bochs-display on this machine (/dev/fb0: ENODEV)");
	return fd;
}

static unsigned int *map_fb(int fd, int flags)
{
	return mmap(NULL, SIZE, PROT_READ | PROT_WRITE, flags, fd, 0);
}

static void ioctls_as_linux(void)
{
	struct fb_var_screeninfo var;
	struct fb_fix_screeninfo fix;
	int fd = open_fb(O_RDONLY);

	ASSERT_GE(fd, 0);
	/* Linux's layouts, so Linux programs' structs fit (fix holds longs). */
	EXPECT_EQ(sizeof(var), 160);
	EXPECT_EQ(sizeof(fix), sizeof(long) == 8 ? 80 : 68);
	EXPECT_EQ(FBIOGET_VSCREENINFO, 0x4600);
	ASSERT_EQ(ioctl(fd, FBIOGET_VSCREENINFO, &var), 0);
	EXPECT_EQ(var.xres, WIDTH);
	EXPECT_EQ(var.yres, HEIGHT);
	EXPECT_EQ(var.bits_per_pixel, 32);
	EXPECT_EQ(var.red.offset, 16);
	EXPECT_EQ(var.blue.offset, 0);
	ASSERT_EQ(ioctl(fd, FBIOGET_FSCREENINFO, &fix), 0);
	EXPECT_EQ(fix.smem_len, SIZE);
	EXPECT_EQ(fix.line_length, WIDTH * 4);
	EXPECT_EQ(fix.visual, FB_VISUAL_TRUECOLOR);
	EXPECT_GT(fix.smem_start, 0);
	EXPECT_ERRNO(ioctl(fd, 0x4601, &var), ENOTTY);
	close(fd);
}

static void read_write_lseek(void)
{
	int fd = open_fb(O_RDWR);
	unsigned int px = 0x00123456, back = 0;

	ASSERT_GE(fd, 0);
	EXPECT_EQ(lseek(fd, 0, SEEK_END), SIZE);
	EXPECT_EQ(pwrite(fd, &px, 4, 4 * (10 * WIDTH + 10)), 4);
	EXPECT_EQ(pread(fd, &back, 4, 4 * (10 * WIDTH + 10)), 4);
	EXPECT_EQ(back, px);
	EXPECT_EQ(pread(fd, &back, 4, SIZE), 0);
	EXPECT_EQ(lseek(fd, SIZE - 2, SEEK_SET), SIZE - 2);
	EXPECT_EQ(write(fd, &px, 4), 2); /* cut at the end */
	EXPECT_ERRNO(write(fd, &px, 4), ENOSPC);
	EXPECT_ERRNO(pwrite(fd, &px, 4, SIZE + 4), EFBIG);
	close(fd);
}

/* A shared mapping is the screen: read() sees what the mapping wrote. */
static void shared_map_is_pfnmap(void)
{
	int fd = open_fb(O_RDWR);
	unsigned int *fb, back = 0;
	struct mapinfo m;

	ASSERT_GE(fd, 0);
	fb = map_fb(fd, MAP_SHARED);
	ASSERT_TRUE(fb != MAP_FAILED);
	fb[WIDTH + 1] = 0x00abcdef;
	EXPECT_EQ(pread(fd, &back, 4, 4 * (WIDTH + 1)), 4);
	EXPECT_EQ(back, 0x00abcdef);
	ASSERT_EQ(mapinfo_at(fb, &m), 0);
	EXPECT_EQ(m.flags & (MAPINFO_PFNMAP | MAPINFO_IO),
		  MAPINFO_PFNMAP | MAPINFO_IO);
	EXPECT_EQ(m.resident, 0); /* raw frames: nothing counted */
	EXPECT_EQ(munmap(fb, SIZE), 0);
	close(fd);
}

/*
 * A shared map made read-only and then writable again: the write faults
 * on a read-only raw PTE, and do_wp_page makes it writable in place --
 * the device's frame, never a copy.
 */
static void mprotect_shared_writes_in_place(void)
{
	int fd = open_fb(O_RDWR);
	unsigned int *fb, back = 0;

	ASSERT_GE(fd, 0);
	fb = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	ASSERT_TRUE(fb != MAP_FAILED);
	ASSERT_EQ(mprotect(fb, 4096, PROT_READ | PROT_WRITE), 0);
	fb[7] = 0x00c0ffee;
	EXPECT_EQ(pread(fd, &back, 4, 4 * 7), 4);
	EXPECT_EQ(back, 0x00c0ffee);
	munmap(fb, 4096);
	close(fd);
}

/*
 * MAP_PRIVATE of the framebuffer is a COW PFN map (seed 000): reads see
 * the device's frame, a write copies it into a normal page -- the screen
 * keeps its pixel, and the copy is counted.
 */
static void private_map_copies_on_write(void)
{
	int fd = open_fb(O_RDWR);
	unsigned int px = 0x00445566, back = 0, *fb;
	struct mapinfo m;

	ASSERT_GE(fd, 0);
	ASSERT_EQ(pwrite(fd, &px, 4, 4 * 2 * WIDTH), 4);
	fb = map_fb(fd, MAP_PRIVATE);
	ASSERT_TRUE(fb != MAP_FAILED);
	EXPECT_EQ(fb[2 * WIDTH], px);
	fb[2 * WIDTH] = 0x00ffffff;
	EXPECT_EQ(fb[2 * WIDTH], 0x00ffffff);
	EXPECT_EQ(pread(fd, &back, 4, 4 * 2 * WIDTH), 4);
	EXPECT_EQ(back, px);
	EXPECT_EQ(fb[2 * WIDTH + 1024], 0); /* the next page: still the frame */
	ASSERT_EQ(mapinfo_at(fb, &m), 0);
	EXPECT_EQ(m.resident, 1);
	munmap(fb, SIZE);
	close(fd);
}

/* fork shares the frames: the child's write shows in the parent. */
static void fork_shares_frames(void)
{
	int fd = open_fb(O_RDWR), status;
	unsigned int *fb;
	pid_t pid;

	ASSERT_GE(fd, 0);
	fb = map_fb(fd, MAP_SHARED);
	ASSERT_TRUE(fb != MAP_FAILED);
	fb[5] = 0;
	pid = fork();
	if (pid == 0) {
		fb[5] = 0x00777777;
		_exit(0);
	}
	ASSERT_GT(pid, 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(fb[5], 0x00777777);
	/* A hole in the middle (page 1); pages 0 and 2 stay the frames. */
	EXPECT_EQ(munmap(fb + 1024, 4096), 0);
	fb[2048] = 0x00333333;
	EXPECT_EQ(fb[5], 0x00777777);
	EXPECT_EQ(pread(fd, &status, 4, 4 * 2048), 4);
	EXPECT_EQ(status, 0x00333333);
	munmap(fb, SIZE);
	close(fd);
}

static void bad_requests(void)
{
	int ro = open_fb(O_RDONLY), rw = open_fb(O_RDWR);
	unsigned int *fb;

	ASSERT_GE(ro, 0);
	ASSERT_GE(rw, 0);
	EXPECT_ERRNO(
		(long)mmap(NULL, SIZE + 4096, PROT_READ, MAP_SHARED, rw, 0),
		EINVAL);
	EXPECT_ERRNO((long)mmap(NULL, 4096, PROT_READ, MAP_SHARED, rw, SIZE),
		     EINVAL);
	EXPECT_ERRNO((long)mmap(NULL, 4096, PROT_READ, MAP_SHARED, rw, 10),
		     EINVAL);
	EXPECT_ERRNO((long)mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED,
				ro, 0),
		     EACCES);
	/* Read-only shared map of a read-only open: write never allowed. */
	fb = mmap(NULL, 4096, PROT_READ, MAP_SHARED, ro, 0);
	ASSERT_TRUE(fb != MAP_FAILED);
	EXPECT_ERRNO(mprotect(fb, 4096, PROT_READ | PROT_WRITE), EACCES);
	EXPECT_ERRNO(madvise(fb, 4096, MADV_DONTNEED), EINVAL);
	munmap(fb, 4096);
	close(ro);
	close(rw);
}

/*
 * Ask the runner for the colours at n points (tools/screendump.py); 0, or
 * skip the case if it cannot look.
 */
static void screendump(const int (*pts)[2], int n, unsigned int *rgb)
{
	char line[256], *p = line;
	int con = open("/dev/console", O_RDWR), echo, len = 0;
	long got;

	ASSERT_GE(con, 0);
	echo = ioctl(con, TCGETECHO, 0);
	ioctl(con, TCSETECHO, 0);
	len = snprintf(line, sizeof(line), "# screendump?");
	for (int i = 0; i < n; i++)
		len += snprintf(line + len, sizeof(line) - len, " %d,%d",
				pts[i][0], pts[i][1]);
	line[len++] = '\n';
	write(1, line, len);
	got = read(con, line, sizeof(line) - 1);
	ioctl(con, TCSETECHO, echo);
	close(con);
	ASSERT_GT(got, 0);
	line[got] = '\0';
	line[strcspn(line, "\n")] = '\0';
	if (strncmp(line, "screendump ", 11))
		ktap_skip("no answer to the screendump request");
	p = line + 11;
	if (!strncmp(p, "none", 4))
		ktap_skip(p);
	for (int i = 0; i < n; i++)
		rgb[i] = strtoul(p, &p, 16);
}

/* What the screen shows is what was written through a shared mapping. */
static void pixels_on_screen(void)
{
	static const int pts[][2] = { { 0, 0 }, { 320, 240 }, { 639, 479 } };
	static const unsigned int want[] = { 0x00ff0000, 0x0000ff00,
					     0x000000ff };
	int fd = open_fb(O_RDWR);
	unsigned int *fb, got[3];

	ASSERT_GE(fd, 0);
	fb = map_fb(fd, MAP_SHARED);
	ASSERT_TRUE(fb != MAP_FAILED);
	memset(fb, 0, SIZE);
	for (int i = 0; i < 3; i++)
		fb[pts[i][1] * WIDTH + pts[i][0]] = want[i];
	screendump(pts, 3, got);
	for (int i = 0; i < 3; i++)
		EXPECT_EQ(got[i], want[i]);
	munmap(fb, SIZE);
	close(fd);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(ioctls_as_linux),
	KTAP_CASE(read_write_lseek),
	KTAP_CASE(shared_map_is_pfnmap),
	KTAP_CASE(mprotect_shared_writes_in_place),
	KTAP_CASE(private_map_copies_on_write),
	KTAP_CASE(fork_shares_frames),
	KTAP_CASE(bad_requests),
	KTAP_CASE(pixels_on_screen),
};

int main(void)
{
	return ktap_main("fb_test", cases, KTAP_NCASES(cases));
}
