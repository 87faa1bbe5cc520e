// SPDX-License-Identifier: MIT
/*
 * The environment: environ (set by crt0 to the envp the kernel passed),
 * getenv(), setenv() and unsetenv().
 *
 * The first setenv() or unsetenv() copies the array into memory from
 * malloc(), since the kernel's one cannot grow.  Strings replaced by
 * setenv() are not freed: other code may still hold pointers to them
 * (getenv() hands them out), and the few bytes do not matter.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

char **environ;

static char **own_environ; /* the malloc()ed copy, once there is one */

/* The entry "name=value" for name, or NULL. */
static char **find(const char *name, size_t len)
{
	if (!environ)
		return NULL;
	for (char **e = environ; *e; e++)
		if (!strncmp(*e, name, len) && (*e)[len] == '=')
			return e;
	return NULL;
}

static int valid_name(const char *name)
{
	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return 0;
	}
	return 1;
}

char *getenv(const char *name)
{
	size_t len = strlen(name);
	char **e = find(name, len);

	return e ? *e + len + 1 : NULL;
}

/* Make environ our own array with room for one more entry. */
static int grow(size_t count)
{
	char **new = malloc((count + 2) * sizeof(*new));

	if (!new)
		return -1;
	if (environ)
		memcpy(new, environ, count * sizeof(*new));
	new[count] = NULL;
	free(own_environ);
	environ = own_environ = new;
	return 0;
}

int setenv(const char *name, const char *value, int overwrite)
{
	size_t len, count = 0;
	char **e, *entry;

	if (!valid_name(name))
		return -1;
	len = strlen(name);
	e = find(name, len);
	if (e && !overwrite)
		return 0;

	entry = malloc(len + strlen(value) + 2);
	if (!entry)
		return -1;
	strcpy(stpcpy(stpcpy(entry, name), "="), value);

	if (e) {
		*e = entry;
		return 0;
	}
	while (environ && environ[count])
		count++;
	if (grow(count) < 0) {
		free(entry);
		return -1;
	}
	environ[count] = entry;
	environ[count + 1] = NULL;
	return 0;
}

int unsetenv(const char *name)
{
	char **e;

	if (!valid_name(name))
		return -1;
	/* Close the gap; repeat in case the name is there twice. */
	while ((e = find(name, strlen(name))))
		do
			e[0] = e[1];
		while (*e++);
	return 0;
}
