// SPDX-License-Identifier: MIT
/*
 * catalog_test: message catalogs, catopen/catgets/catclose
 * (user/lib/catalog.c), /bin/gencat, which makes them, and system(), which
 * POSIX's own catalog test runs gencat with.
 */
#include <errno.h>
#include <fcntl.h>
#include <nl_types.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define CAT "/tmp/catalog_test.cat"
#define MSG "/tmp/catalog_test.msg"

static const char text[] = "$ a comment\n"
			   "1 default set\n"
			   "$set 2 with a comment\n"
			   "1 two-one\n"
			   "2 tab\\there, line\\nbreak, \\\\, \\101\\102\n"
			   "3 continued \\\n"
			   "line\n"
			   "4\n"
			   "$quote \"\n"
			   "5 \"quoted \"\n"
			   "6 \n"
			   "$set 3\n"
			   "1 to be deleted\n"
			   "$delset 3\n"
			   "$set 2\n"
			   "1 two-one again\n";

static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	long n = strlen(s);

	if (fd < 0)
		return -1;
	if (write(fd, s, n) != n) {
		close(fd);
		return -1;
	}
	return close(fd);
}

/* No catalog: catopen fails with ENOENT; catgets gives the default. */
static void missing(void)
{
	const char *def = "default";
	nl_catd cat;

	errno = 0;
	cat = catopen("/tmp/catalog_test.none", 0);
	EXPECT_TRUE(cat == (nl_catd)-1);
	EXPECT_EQ(errno, ENOENT);
	EXPECT_TRUE(catgets(cat, 1, 1, def) == def);
	EXPECT_ERRNO(catclose(cat), EBADF);
	unsetenv("NLSPATH");
	EXPECT_TRUE(catopen("catalog_test_none", NL_CAT_LOCALE) == (nl_catd)-1);
}

static void messages(void)
{
	const char *def = "default";
	nl_catd cat;

	ASSERT_EQ(write_file(CAT, text), 0);
	cat = catopen(CAT, 0);
	ASSERT_TRUE(cat != (nl_catd)-1);
	EXPECT_STREQ(catgets(cat, NL_SETD, 1, def), "default set");
	EXPECT_STREQ(catgets(cat, 2, 1, def), "two-one again");
	EXPECT_STREQ(catgets(cat, 2, 2, def), "tab\there, line\nbreak, \\, AB");
	EXPECT_STREQ(catgets(cat, 2, 3, def), "continued line");
	EXPECT_TRUE(catgets(cat, 2, 4, def) == def); /* deleted */
	EXPECT_STREQ(catgets(cat, 2, 5, def), "quoted ");
	EXPECT_STREQ(catgets(cat, 2, 6, def), "");
	EXPECT_TRUE(catgets(cat, 3, 1, def) == def); /* $delset */
	errno = 0;
	EXPECT_TRUE(catgets(cat, 9, 9, def) == def);
	EXPECT_EQ(errno, ENOMSG);
	EXPECT_EQ(catclose(cat), 0);
	unlink(CAT);
}

/* The catalog is the process's memory: a forked child reads it too. */
static void after_fork(void)
{
	nl_catd cat;
	int status;
	pid_t pid;

	ASSERT_EQ(write_file(CAT, text), 0);
	cat = catopen(CAT, 0);
	ASSERT_TRUE(cat != (nl_catd)-1);
	unlink(CAT);
	pid = fork();
	if (pid == 0)
		_exit(strcmp(catgets(cat, 2, 1, ""), "two-one again") != 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(catclose(cat), 0);
}

/* A bare name is found through $NLSPATH's templates. */
static void nlspath(void)
{
	nl_catd cat;

	ASSERT_EQ(write_file(CAT, text), 0);
	setenv("NLSPATH", "/nowhere/%N:/tmp/%N.%L:/tmp/%N.cat", 1);
	cat = catopen("catalog_test", 0);
	ASSERT_TRUE(cat != (nl_catd)-1);
	EXPECT_STREQ(catgets(cat, 2, 1, ""), "two-one again");
	EXPECT_EQ(catclose(cat), 0);
	unsetenv("NLSPATH");
	unlink(CAT);
}

static int run(char *const argv[])
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* gencat merges message files into a catalog, later ones winning. */
static void gencat(void)
{
	char *const argv[] = { "/bin/gencat", CAT, MSG, NULL };
	nl_catd cat;

	unlink(CAT);
	ASSERT_EQ(write_file(MSG, "$set 1\n1 one\n2 two"), 0);
	EXPECT_EQ(run(argv), 0);
	ASSERT_EQ(write_file(MSG, "2 deux\n$set 4\n1 four"), 0);
	EXPECT_EQ(run(argv), 0);
	cat = catopen(CAT, 0);
	ASSERT_TRUE(cat != (nl_catd)-1);
	EXPECT_STREQ(catgets(cat, 1, 1, ""), "one");
	EXPECT_STREQ(catgets(cat, 1, 2, ""), "deux");
	EXPECT_STREQ(catgets(cat, 4, 1, ""), "four");
	EXPECT_EQ(catclose(cat), 0);
	unlink(MSG);
	unlink(CAT);
}

/*
 * As POSIX's fork/7-1 makes its catalog: system() runs the shell (Pagoda's
 * own system(), user/lib/system.c), which runs gencat.
 */
static void system_gencat(void)
{
	int status;
	nl_catd cat;

	EXPECT_NE(system(NULL), 0);
	ASSERT_EQ(write_file(MSG, "$set 2\n1 via the shell\n"), 0);
	EXPECT_EQ(system("gencat " CAT " " MSG), 0);
	cat = catopen(CAT, 0);
	ASSERT_TRUE(cat != (nl_catd)-1);
	EXPECT_STREQ(catgets(cat, 2, 1, ""), "via the shell");
	EXPECT_EQ(catclose(cat), 0);
	status = system("exit 3");
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 3);
	unlink(MSG);
	unlink(CAT);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(missing), KTAP_CASE(messages), KTAP_CASE(after_fork),
	KTAP_CASE(nlspath), KTAP_CASE(gencat),	 KTAP_CASE(system_gencat),
};

int main(void)
{
	int r = ktap_main("catalog_test", cases, KTAP_NCASES(cases));

	unlink(CAT);
	unlink(MSG);
	return r;
}
