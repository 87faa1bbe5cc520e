/* Fails, saying why on its last line. */
#include <stdio.h>
#include "posixtest.h"

int test_main(void)
{
	printf("first line\nTest FAILED: two is not three\n");
	return PTS_FAIL;
}
