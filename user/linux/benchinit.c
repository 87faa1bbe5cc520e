// SPDX-License-Identifier: MIT
/*
 * The first process of make bench-linux's Linux (Debian's kernel in the
 * same QEMU as Pagoda's make bench): it sets up what Pagoda's init would
 * before vmbench runs, then becomes vmbench with the kernel's arguments.
 *
 *   - /proc and /dev (devtmpfs), which vmbench reads;
 *   - the virtio modules the swap disk needs: Debian's kernel builds its
 *     virtio-blk driver as modules, loaded here in dependency order from
 *     /lib/modules (the initramfs holds them; make bench-linux copies
 *     them out of the kernel package);
 *   - swap on the disk that BENCH_SWAP names (a "BENCH_SWAP=/dev/vda" on
 *     the kernel's command line, which Linux hands to init as an
 *     environment variable), as Pagoda's init swaps to /dev/vda.
 *
 * Built only for Linux, statically, by bench.mk.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/syscall.h>
#include <unistd.h>

/* In dependency order: each needs only those before it. */
static const char *const modules[] = {
	"virtio",
	"virtio_ring",
	"virtio_pci_legacy_dev",
	"virtio_pci_modern_dev",
	"virtio_pci",
	"virtio_blk",
};

static void load_module(const char *name)
{
	char path[64];
	int fd;

	snprintf(path, sizeof(path), "/lib/modules/%s.ko", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		perror(path);
		return;
	}
	if (syscall(SYS_finit_module, fd, "", 0) < 0 && errno != EEXIST)
		fprintf(stderr, "benchinit: %s: %s\n", path, strerror(errno));
	close(fd);
}

static void swap_to(const char *disk)
{
	for (size_t i = 0; i < sizeof(modules) / sizeof(modules[0]); i++)
		load_module(modules[i]);
	/* The device node appears once the driver has probed the disk. */
	for (int tries = 0; tries < 100 && access(disk, F_OK); tries++)
		usleep(20000);
	if (swapon(disk, 0) < 0)
		fprintf(stderr, "benchinit: swapon %s: %s\n", disk,
			strerror(errno));
}

int main(int argc, char *argv[])
{
	const char *disk = getenv("BENCH_SWAP");

	(void)argc;
	mkdir("/proc", 0555);
	mkdir("/dev", 0755);
	if (mount("proc", "/proc", "proc", 0, NULL) < 0)
		perror("benchinit: mount /proc");
	if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) < 0)
		perror("benchinit: mount /dev");
	if (disk)
		swap_to(disk);
	argv[0] = "/vmbench";
	execv("/vmbench", argv);
	perror("benchinit: /vmbench");
	return 127;
}
