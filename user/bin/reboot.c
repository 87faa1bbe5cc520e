// SPDX-License-Identifier: MIT
/* reboot: restart the machine (the ACPI reset register on a PC). */
#include <errno.h>
#include <pagoda.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	reboot(REBOOT_RESTART, 0);
	fprintf(stderr, "reboot: %s\n", strerror(errno));
	return 1;
}
