// SPDX-License-Identifier: MIT
/*
 * uname: print the system's names (kernel/sys.c's uname).  No option: the
 * system's name; -s, -n, -r, -v, -m: the system, host, release, version,
 * machine, in that order whatever the order given; -a: all five.
 */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static const char letters[] = "snrvm";
	struct utsname u;
	const char *names[5];
	int want = 0, printed = 0, c;

	while ((c = getopt(argc, argv, "asnrvm")) != -1) {
		const char *l = strchr(letters, c);

		if (c == 'a')
			want = 0x1f;
		else if (l)
			want |= 1 << (l - letters);
		else
			return 1;
	}
	if (uname(&u)) {
		perror("uname");
		return 1;
	}
	names[0] = u.sysname;
	names[1] = u.nodename;
	names[2] = u.release;
	names[3] = u.version;
	names[4] = u.machine;
	for (int i = 0; i < 5; i++)
		if ((want ? want : 1) & (1 << i))
			printf("%s%s", printed++ ? " " : "", names[i]);
	printf("\n");
	return 0;
}
