// SPDX-License-Identifier: MIT
/*
 * clear: clear the terminal.  ESC [ H moves the cursor home, ESC [ 2 J
 * erases the screen: the ANSI sequences a serial terminal and the screen
 * console (kernel/drivers/fbcon.c) both understand.
 */
#include <unistd.h>

int main(void)
{
	static const char seq[] = "\033[H\033[2J";

	return write(1, seq, sizeof(seq) - 1) == sizeof(seq) - 1 ? 0 : 1;
}
