// SPDX-License-Identifier: MIT
/* getpagesize(): the BSD name for sysconf(_SC_PAGESIZE). */
#include <unistd.h>

int getpagesize(void)
{
	return (int)sysconf(_SC_PAGESIZE);
}
