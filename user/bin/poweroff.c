// SPDX-License-Identifier: MIT
/* poweroff: switch the machine off (ACPI soft-off on a PC). */
#include <errno.h>
#include <pagoda.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	poweroff(0);
	fprintf(stderr, "poweroff: %s\n", strerror(errno));
	return 1;
}
