// SPDX-License-Identifier: MIT
/*
 * linux_api_test: what programs written for Linux find here (issue 13).
 * Programs are compiled alike on every port, without Linux's __linux__
 * (user/user.mk).
 */
#include "ktap.h"

static void not_linux(void)
{
#if defined(__linux__) || defined(__linux) || defined(linux) ||                \
	defined(__gnu_linux__)
	EXPECT_TRUE(!"a Linux OS macro is defined");
#endif
}

static const struct ktap_case cases[] = {
	KTAP_CASE(not_linux),
};

int main(void)
{
	return ktap_main("linux_api_test", cases, KTAP_NCASES(cases));
}
