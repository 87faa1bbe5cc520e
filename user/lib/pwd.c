// SPDX-License-Identifier: MIT
/*
 * The user database, /etc/passwd (getpwent, getpwnam, getpwuid): the
 * names of the user ids kernel/cred.c keeps.  Pagoda's lists root and one
 * user who is not root, uid 1000, for programs (and POSIX tests) that
 * look for someone to become with setuid.  newlib declares the functions
 * (<pwd.h>) but leaves them to the system.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *passwd;
static char line[256];
static struct passwd entry;

void setpwent(void)
{
	if (passwd)
		rewind(passwd);
}

void endpwent(void)
{
	if (passwd)
		fclose(passwd);
	passwd = NULL;
}

/* Cut the next ':'-separated field off *s. */
static char *field(char **s)
{
	char *f = *s, *colon = strchr(f, ':');

	if (colon) {
		*colon = '\0';
		*s = colon + 1;
	} else {
		*s = f + strlen(f);
	}
	return f;
}

/* name:password:uid:gid:gecos:dir:shell; lines of fewer fields are skipped. */
struct passwd *getpwent(void)
{
	if (!passwd && !(passwd = fopen("/etc/passwd", "r")))
		return NULL;
	while (fgets(line, sizeof(line), passwd)) {
		char *s = line;

		line[strcspn(line, "\n")] = '\0';
		if (strchr(line, ':') == NULL)
			continue;
		entry.pw_name = field(&s);
		entry.pw_passwd = field(&s);
		entry.pw_uid = strtoul(field(&s), NULL, 10);
		entry.pw_gid = strtoul(field(&s), NULL, 10);
		entry.pw_gecos = entry.pw_comment = field(&s);
		entry.pw_dir = field(&s);
		entry.pw_shell = field(&s);
		return &entry;
	}
	return NULL;
}

/* The first entry that match() accepts, from the top of the file. */
static struct passwd *find(int (*match)(const struct passwd *, const void *),
			   const void *key)
{
	struct passwd *pw;

	endpwent();
	while ((pw = getpwent()) && !match(pw, key))
		;
	endpwent();
	return pw;
}

static int name_is(const struct passwd *pw, const void *name)
{
	return !strcmp(pw->pw_name, name);
}

static int uid_is(const struct passwd *pw, const void *uid)
{
	return pw->pw_uid == *(const uid_t *)uid;
}

struct passwd *getpwnam(const char *name)
{
	return find(name_is, name);
}

struct passwd *getpwuid(uid_t uid)
{
	return find(uid_is, &uid);
}
