/* Never ends: killed at the timeout, with the child it started. */
#include <unistd.h>

int test_main(void)
{
	fork();
	for (;;)
		pause();
}
