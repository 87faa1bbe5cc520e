/* Killed by a signal. */
#include <stdlib.h>

int test_main(void)
{
	abort();
}
