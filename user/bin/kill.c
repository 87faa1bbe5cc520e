// SPDX-License-Identifier: MIT
/*
 * kill [-N | -NAME] pid...: send a signal (by default SIGTERM, as POSIX
 * says) to each process; the signal by number (-9) or by name with or
 * without its SIG prefix (-KILL, -SIGSTOP); a real-time signal by number
 * (-34).  kill -l lists the names.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[SIGRTMIN] = {
	[SIGHUP] = "HUP",	[SIGINT] = "INT",	[SIGQUIT] = "QUIT",
	[SIGILL] = "ILL",	[SIGTRAP] = "TRAP",	[SIGABRT] = "ABRT",
	[SIGBUS] = "BUS",	[SIGFPE] = "FPE",	[SIGKILL] = "KILL",
	[SIGUSR1] = "USR1",	[SIGSEGV] = "SEGV",	[SIGUSR2] = "USR2",
	[SIGPIPE] = "PIPE",	[SIGALRM] = "ALRM",	[SIGTERM] = "TERM",
	[SIGSTKFLT] = "STKFLT", [SIGCHLD] = "CHLD",	[SIGCONT] = "CONT",
	[SIGSTOP] = "STOP",	[SIGTSTP] = "TSTP",	[SIGTTIN] = "TTIN",
	[SIGTTOU] = "TTOU",	[SIGURG] = "URG",	[SIGXCPU] = "XCPU",
	[SIGXFSZ] = "XFSZ",	[SIGVTALRM] = "VTALRM", [SIGPROF] = "PROF",
	[SIGWINCH] = "WINCH",	[SIGIO] = "IO",		[SIGPWR] = "PWR",
	[SIGSYS] = "SYS",
};

/* The signal "-9", "-KILL" or "-SIGKILL" names; -1 if none. */
static int parse_signal(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (end != s && !*end)
		return n >= 0 && n < NSIG ? (int)n : -1;
	if (!strncmp(s, "SIG", 3))
		s += 3;
	for (int sig = 1; sig < SIGRTMIN; sig++)
		if (!strcmp(s, names[sig]))
			return sig;
	return -1;
}

int main(int argc, char **argv)
{
	int status = 0, i = 1, sig = SIGTERM;

	if (argc == 2 && !strcmp(argv[1], "-l")) {
		for (int s = 1; s < SIGRTMIN; s++)
			printf("%2d %s\n", s, names[s]);
		return 0;
	}
	if (argc > 1 && argv[1][0] == '-' && argv[1][1]) {
		sig = parse_signal(argv[1] + 1);
		if (sig < 0) {
			fprintf(stderr, "kill: %s: no such signal\n", argv[1]);
			return 1;
		}
		i = 2;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: kill [-N | -NAME] pid...\n");
		return 1;
	}
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);

		if (*end || end == argv[i] || pid <= 0) {
			fprintf(stderr, "kill: %s: not a process id\n",
				argv[i]);
			status = 1;
		} else if (kill(pid, sig) < 0) {
			fprintf(stderr, "kill: %ld: %s\n", pid,
				strerror(errno));
			status = 1;
		}
	}
	return status;
}
