// SPDX-License-Identifier: MIT
/*
 * getopt(): POSIX command-line options.  optstring lists the option letters;
 * a letter followed by ':' takes an argument, given as "-oARG" or "-o ARG".
 * Options can be grouped ("-ab"); "--" ends them, as does the first argument
 * that does not start with '-' (or is just "-").  Unknown options and
 * missing arguments return '?' with a message on stderr, unless opterr is 0
 * or optstring starts with ':' (then a missing argument returns ':').
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

/* Where we are inside argv[optind] when options are grouped ("-abc"). */
static int nextchar;

int getopt(int argc, char *const argv[], const char *optstring)
{
	int quiet = optstring[0] == ':';
	const char *arg, *spec;

	if (optind == 0) { /* glibc's way to start over */
		optind = 1;
		nextchar = 0;
	}
	optarg = NULL;
	if (!nextchar) {
		arg = optind < argc ? argv[optind] : NULL;
		if (!arg || arg[0] != '-' || !arg[1])
			return -1;
		if (!strcmp(arg, "--")) {
			optind++;
			return -1;
		}
		nextchar = 1;
	}
	arg = argv[optind];
	optopt = (unsigned char)arg[nextchar++];
	spec = optopt == ':' ? NULL : strchr(optstring + quiet, optopt);

	if (!spec || spec[1] != ':') {
		/* No argument: move to the next word at the end of this one. */
		if (!arg[nextchar]) {
			optind++;
			nextchar = 0;
		}
		if (spec)
			return optopt;
		if (opterr && !quiet)
			fprintf(stderr, "%s: unknown option -- %c\n", argv[0],
				optopt);
		return '?';
	}

	/* The option takes an argument: the rest of this word, or the next. */
	if (arg[nextchar]) {
		optarg = (char *)&arg[nextchar];
	} else if (optind + 1 < argc) {
		optarg = argv[++optind];
	} else {
		optind++;
		nextchar = 0;
		if (opterr && !quiet)
			fprintf(stderr,
				"%s: option requires an argument -- %c\n",
				argv[0], optopt);
		return quiet ? ':' : '?';
	}
	optind++;
	nextchar = 0;
	return optopt;
}
