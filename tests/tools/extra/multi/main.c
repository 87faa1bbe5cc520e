// SPDX-License-Identifier: MIT
/* EXTRA=<a directory>: one program linked from every .c file in it. */
#include <stdio.h>

int multi_answer(void);

int main(void)
{
	printf("multi %d\n", multi_answer());
	return 0;
}
