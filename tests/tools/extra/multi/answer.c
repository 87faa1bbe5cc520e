// SPDX-License-Identifier: MIT
/* The second file of tests/tools/extra/multi, with a flag of its own. */
#ifndef MULTI_ANSWER
#define MULTI_ANSWER 1
#endif

int multi_answer(void)
{
	return MULTI_ANSWER;
}
