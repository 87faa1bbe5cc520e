// SPDX-License-Identifier: MIT
/* ffs(): the position of the lowest set bit, counting from 1; 0 for 0. */
#include <strings.h>

int ffs(int i)
{
	return __builtin_ffs(i);
}
