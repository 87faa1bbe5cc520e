// SPDX-License-Identifier: MIT
/*
 * creds_test: users (kernel/cred.c, and /etc/passwd's names for them) and
 * the system's names (uname).
 * Every process starts as root; root may take any user and group ids, and
 * another user only moves among the real, effective and saved ids it
 * holds (POSIX's setuid, seteuid, setreuid, setresuid rules); fork passes
 * the ids on; kill and its kind need the sender's real or effective id to
 * be the target's real or saved id (EPERM otherwise), except SIGCONT in
 * one session.  Each case runs in a child of its own, so the ids it
 * gives up do not outlive it.
 */
#include <errno.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define EXPECT_IDS(get, r, e, s)                                               \
	do {                                                                   \
		unsigned int _r = -1, _e = -1, _s = -1;                        \
		EXPECT_EQ(get(&_r, &_e, &_s), 0);                              \
		EXPECT_EQ(_r, r);                                              \
		EXPECT_EQ(_e, e);                                              \
		EXPECT_EQ(_s, s);                                              \
	} while (0)

static void starts_as_root(void)
{
	EXPECT_EQ(getuid(), 0);
	EXPECT_EQ(geteuid(), 0);
	EXPECT_EQ(getgid(), 0);
	EXPECT_EQ(getegid(), 0);
	EXPECT_IDS(getresuid, 0, 0, 0);
	EXPECT_IDS(getresgid, 0, 0, 0);
}

/* Root's setuid sets all three ids, and there is no way back. */
static void setuid_gives_up_root(void)
{
	EXPECT_EQ(setuid(1000), 0);
	EXPECT_IDS(getresuid, 1000, 1000, 1000);
	EXPECT_ERRNO(setuid(0), EPERM);
	EXPECT_ERRNO(seteuid(0), EPERM);
	EXPECT_ERRNO(setresuid(-1, -1, 0), EPERM);
	EXPECT_EQ(setuid(1000), 0);
	EXPECT_ERRNO(setuid(-1), EINVAL);
}

/* seteuid keeps root in the real and saved ids: it can be taken back. */
static void seteuid_and_back(void)
{
	EXPECT_EQ(seteuid(1000), 0);
	EXPECT_IDS(getresuid, 0, 1000, 0);
	EXPECT_ERRNO(setgid(5), EPERM); /* the effective id decides */
	EXPECT_EQ(seteuid(0), 0);
	EXPECT_IDS(getresuid, 0, 0, 0);
}

/* Without root: each id may only become one of the three held. */
static void saved_id_rules(void)
{
	EXPECT_EQ(setresuid(1000, 1001, 1002), 0);
	EXPECT_IDS(getresuid, 1000, 1001, 1002);
	EXPECT_EQ(setuid(1002), 0); /* the saved id: the effective one only */
	EXPECT_IDS(getresuid, 1000, 1002, 1002);
	EXPECT_ERRNO(setuid(1001), EPERM); /* no longer held */
	EXPECT_ERRNO(setuid(7), EPERM);
	EXPECT_EQ(seteuid(1000), 0);
	EXPECT_IDS(getresuid, 1000, 1000, 1002);
	/* setreuid: a new real id must be the real or effective one. */
	EXPECT_ERRNO(setreuid(1002, -1), EPERM);
	EXPECT_EQ(setreuid(-1, 1002), 0);
	EXPECT_IDS(getresuid, 1000, 1002, 1002); /* e set to s: s stays */
	EXPECT_EQ(setreuid(1002, 1000), 0);	 /* the saved id follows e */
	EXPECT_IDS(getresuid, 1002, 1000, 1000);
	EXPECT_EQ(setresuid(1000, 1002, -1), 0);
	EXPECT_IDS(getresuid, 1000, 1002, 1000);
	EXPECT_ERRNO(setresuid(-1, 7, -1), EPERM);
}

static void group_rules(void)
{
	EXPECT_EQ(setgid(50), 0);
	EXPECT_IDS(getresgid, 50, 50, 50);
	EXPECT_EQ(setresgid(50, 60, 70), 0);
	EXPECT_EQ(setuid(1000), 0);
	EXPECT_EQ(setegid(70), 0);
	EXPECT_EQ(setgid(50), 0); /* not root: the effective id only */
	EXPECT_IDS(getresgid, 50, 50, 70);
	EXPECT_ERRNO(setgid(60), EPERM);
	EXPECT_ERRNO(setregid(70, -1), EPERM);
	EXPECT_EQ(setregid(-1, 70), 0);
	EXPECT_EQ(getegid(), 70);
}

static void fork_inherits_ids(void)
{
	pid_t child;
	int ws;

	ASSERT_EQ(setresgid(4, 5, 6), 0);
	ASSERT_EQ(setresuid(1, 2, 3), 0);
	child = fork();
	if (child == 0) {
		EXPECT_IDS(getresuid, 1, 2, 3);
		EXPECT_IDS(getresgid, 4, 5, 6);
		ktap_child_exit();
	}
	ASSERT_GT(child, 0);
	EXPECT_EQ(waitpid(child, &ws, 0), child);
	EXPECT_EQ(ws, 0);
}

/*
 * A child that waits to be killed, in group pgid (0: a group of its own),
 * with these ids; returned once it has them.
 */
static pid_t target(pid_t pgid, unsigned int r, unsigned int e, unsigned int s)
{
	int ready[2];
	pid_t pid;
	char c = 0;

	if (pipe(ready))
		return -1;
	pid = fork();
	if (pid == 0) {
		setpgid(0, pgid);
		if (setresuid(r, e, s))
			_exit(1);
		write(ready[1], "r", 1);
		for (;;)
			pause();
	}
	if (pid > 0) {
		setpgid(pid, pgid ? pgid : pid);
		read(ready[0], &c, 1);
	}
	close(ready[0]);
	close(ready[1]);
	return c == 'r' ? pid : -1;
}

static void reap(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/*
 * A process of user 1000 may signal a target whose real or saved id is
 * 1000 -- not one whose effective id only is -- nor init nor root's,
 * whether one at a time or by group; SIGCONT goes anywhere in the session.
 */
static void kill_across_users(void)
{
	pid_t root = target(0, 0, 0, 0), saved = target(0, 2000, 0, 1000);
	pid_t real = target(0, 1000, 2000, 2000);
	pid_t eff = target(0, 2000, 1000, 2000);
	pid_t child;
	int ws;

	ASSERT_GT(root, 0);
	ASSERT_GT(saved, 0);
	ASSERT_GT(real, 0);
	ASSERT_GT(eff, 0);
	child = fork();
	if (child == 0) {
		ASSERT_EQ(setuid(1000), 0);
		EXPECT_ERRNO(kill(root, 0), EPERM);
		EXPECT_ERRNO(kill(root, SIGTERM), EPERM);
		EXPECT_ERRNO(kill(-root, SIGTERM), EPERM);
		EXPECT_ERRNO(kill(1, 0), EPERM);
		EXPECT_ERRNO(kill(eff, SIGTERM), EPERM);
		EXPECT_EQ(kill(saved, 0), 0);
		EXPECT_EQ(kill(real, 0), 0);
		EXPECT_EQ(kill(getpid(), 0), 0);
		EXPECT_EQ(kill(root, SIGCONT), 0);
		ktap_child_exit();
	}
	ASSERT_GT(child, 0);
	EXPECT_EQ(waitpid(child, &ws, 0), child);
	EXPECT_EQ(ws, 0);
	/* The refused SIGTERMs never came: the targets are alive. */
	EXPECT_EQ(waitpid(root, &ws, WNOHANG), 0);
	EXPECT_EQ(waitpid(eff, &ws, WNOHANG), 0);
	reap(root);
	reap(saved);
	reap(real);
	reap(eff);
}

/* A group's kill succeeds if one member could be signalled. */
static void kill_group_partly_allowed(void)
{
	pid_t root = target(0, 0, 0, 0), mine = target(root, 1000, 1000, 1000);
	pid_t child;
	int ws;

	ASSERT_GT(root, 0);
	ASSERT_GT(mine, 0);
	child = fork();
	if (child == 0) {
		ASSERT_EQ(setuid(1000), 0);
		EXPECT_EQ(kill(-root, SIGTERM), 0);
		ktap_child_exit();
	}
	ASSERT_GT(child, 0);
	EXPECT_EQ(waitpid(child, &ws, 0), child);
	EXPECT_EQ(ws, 0);
	EXPECT_EQ(waitpid(mine, &ws, 0), mine);
	EXPECT_TRUE(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGTERM);
	EXPECT_EQ(waitpid(root, &ws, WNOHANG), 0);
	reap(root);
}

/* /etc/passwd names root and one other user, for programs that look. */
static void user_database(void)
{
	struct passwd *pw = getpwuid(0);

	ASSERT_TRUE(pw);
	EXPECT_STREQ(pw->pw_name, "root");
	pw = getpwnam("user");
	ASSERT_TRUE(pw);
	EXPECT_EQ(pw->pw_uid, 1000);
	EXPECT_TRUE(getpwnam("nobody such") == NULL);
	setpwent();
	EXPECT_TRUE(getpwent() != NULL);
	endpwent();
}

static void uname_names_pagoda(void)
{
	struct utsname u;
	char host[8];

	ASSERT_EQ(uname(&u), 0);
	EXPECT_STREQ(u.sysname, "Pagoda");
#if defined(__x86_64__)
	EXPECT_STREQ(u.machine, "x86_64");
#elif defined(__arm__)
	EXPECT_STREQ(u.machine, "armv7l");
#elif defined(__s390x__)
	EXPECT_STREQ(u.machine, "s390x");
#endif
	EXPECT_TRUE(u.release[0] && u.version[0]);
	EXPECT_EQ(gethostname(host, sizeof(host)), 0);
	EXPECT_STREQ(host, u.nodename);
	EXPECT_ERRNO(gethostname(host, 2), ENAMETOOLONG);
	EXPECT_ERRNO(uname(NULL), EFAULT);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(starts_as_root),    KTAP_CASE(setuid_gives_up_root),
	KTAP_CASE(seteuid_and_back),  KTAP_CASE(saved_id_rules),
	KTAP_CASE(group_rules),	      KTAP_CASE(fork_inherits_ids),
	KTAP_CASE(kill_across_users), KTAP_CASE(kill_group_partly_allowed),
	KTAP_CASE(user_database),     KTAP_CASE(uname_names_pagoda),
};

int main(void)
{
	return ktap_main("creds_test", cases, KTAP_NCASES(cases));
}
