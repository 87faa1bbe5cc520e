/* The system lacks what this one tests. */
#include "posixtest.h"

int test_main(void)
{
	return PTS_UNSUPPORTED;
}
