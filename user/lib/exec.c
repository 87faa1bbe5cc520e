// SPDX-License-Identifier: MIT
/*
 * The exec family on top of execve: execv (this environment), execvp (find
 * the program in $PATH), execl and execlp (arguments listed in the call).
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Where programs are looked for when $PATH is not set. */
#define DEFAULT_PATH "/bin"

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/*
 * A file name with a '/' is used as it is; otherwise it is tried in each
 * directory of $PATH in turn ("/bin:/usr/bin"; an empty entry means the
 * current directory), until an execve works or fails for a reason other
 * than the file not being there.
 */
int execvp(const char *file, char *const argv[])
{
	const char *dir = getenv("PATH");
	char path[PATH_MAX];
	int denied = 0;

	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return execv(file, argv);
	if (!dir)
		dir = DEFAULT_PATH;
	for (;;) {
		size_t len = strcspn(dir, ":");

		if (len + 1 + strlen(file) < sizeof(path)) {
			memcpy(path, len ? dir : ".", len ? len : 1);
			path[len ? len : 1] = '\0';
			strcat(strcat(path, "/"), file);
			execv(path, argv);
			/* Not there (or not allowed): try the next directory. */
			if (errno == EACCES)
				denied = 1;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		if (!dir[len])
			break;
		dir += len + 1;
	}
	errno = denied ? EACCES : ENOENT;
	return -1;
}

/*
 * execl and execlp take the arguments as parameters, ending with NULL:
 * count them on a copy of ap (a va_list is read only once), then copy them
 * into an array and hand that to exec, which is execv or execvp.
 */
static int exec_list(int (*exec)(const char *, char *const[]), const char *file,
		     const char *arg, va_list ap)
{
	va_list count;
	int i = 0, n = 0;

	va_copy(count, ap);
	if (arg)
		while (va_arg(count, char *))
			n++;
	va_end(count);

	char *argv[n + 2]; /* arg, the n after it, and the NULL */

	argv[0] = (char *)arg;
	while (argv[i])
		argv[++i] = va_arg(ap, char *);
	return exec(file, argv);
}

int execl(const char *path, const char *arg, ...)
{
	va_list ap;
	int ret;

	va_start(ap, arg);
	ret = exec_list(execv, path, arg, ap);
	va_end(ap);
	return ret;
}

int execlp(const char *file, const char *arg, ...)
{
	va_list ap;
	int ret;

	va_start(ap, arg);
	ret = exec_list(execvp, file, arg, ap);
	va_end(ap);
	return ret;
}
