// SPDX-License-Identifier: MIT
/*
 * Small helpers built on system calls: isatty(), tcsetpgrp(), tcgetpgrp(),
 * access(), poweroff().
 */
#include <errno.h>
#include <pagoda.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

/* The console is the only terminal, and the only file that knows TCGETECHO. */
int isatty(int fd)
{
	if (ioctl(fd, TCGETECHO, 0) < 0) {
		if (errno != EBADF)
			errno = ENOTTY;
		return 0;
	}
	return 1;
}

/* The console's foreground job (the ioctls take the group itself). */
int tcsetpgrp(int fd, pid_t pgrp)
{
	return ioctl(fd, TIOCSPGRP, pgrp);
}

pid_t tcgetpgrp(int fd)
{
	return ioctl(fd, TIOCGPGRP, 0);
}

/* Pagoda has no users or permissions: a file that exists can be used. */
int access(const char *path, int mode)
{
	struct stat st;

	return stat(path, &st);
}

int poweroff(int status)
{
	fflush(NULL); /* what the program printed must not be lost */
	return reboot(REBOOT_POWER_OFF, status);
}
