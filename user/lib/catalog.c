// SPDX-License-Identifier: MIT
/*
 * Message catalogs (<nl_types.h>): catopen, catgets, catclose.
 *
 * A catalog file is text in gencat's input format (POSIX's gencat), read
 * as it is: Pagoda has no binary catalog format, and /bin/gencat only
 * checks and gathers its inputs.  What is understood:
 *
 *	$ comment              ($ followed by a blank, or any other $word)
 *	$set N                 the messages that follow belong to set N
 *	$delset N              forget set N's messages read so far
 *	$quote C               C may enclose a message (none: "$quote")
 *	N text                 message N of the current set (NL_SETD before
 *	                       any $set); one blank separates N from it
 *	N                      forget message N of the current set
 *
 * and in messages the escapes \n \t \v \b \r \f \\ \ddd (octal), with a
 * backslash at the end of a line continuing the message on the next one.
 * A later message with the same set and number replaces an earlier one.
 *
 * catopen reads the whole file into one buffer, turns it into a table of
 * messages in place, and closes the file: the catalog is memory of the
 * process, so a forked child has its own copy and no descriptor is held.
 * A name containing '/' is a path; any other is looked up through the
 * templates of $NLSPATH (':' between them; %N is the name, %% a '%'; a
 * template with any other % conversion is skipped, Pagoda having no
 * locales), then in /etc/nls/NAME.cat.
 *
 * catgets with no catalog (the (nl_catd)-1 of a failed catopen) or no such
 * message returns the default string given, as glibc does (errno EBADF
 * or ENOMSG).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <nl_types.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_NLSPATH "/etc/nls/%N.cat"
#define BAD_CATD ((nl_catd)-1)

struct cat_msg {
	int set, id;
	char *text; /* in the catalog's buffer; NULL: deleted */
};

struct __nl_cat {
	char *buf;
	struct cat_msg *msgs;
	int nmsgs, cap;
};

/* Append a message; 0, or -1 if memory is short. */
static int add_msg(struct __nl_cat *cat, int set, int id, char *text)
{
	if (cat->nmsgs == cat->cap) {
		int cap = cat->cap ? 2 * cat->cap : 32;
		struct cat_msg *m = realloc(cat->msgs, cap * sizeof(*m));

		if (!m)
			return -1;
		cat->msgs = m;
		cat->cap = cap;
	}
	cat->msgs[cat->nmsgs++] = (struct cat_msg){ set, id, text };
	return 0;
}

static void delete_set(struct __nl_cat *cat, int set)
{
	for (int i = 0; i < cat->nmsgs; i++)
		if (cat->msgs[i].set == set)
			cat->msgs[i].text = NULL;
}

static char escape(char c)
{
	static const char from[] = "ntvbrf", to[] = "\n\t\v\b\r\f";
	const char *p = strchr(from, c);

	return p && c ? to[p - from] : c;
}

/*
 * Unescape the message that starts at *src into dst (never ahead of it),
 * up to the end of its line, following continuation lines; leave *src at
 * the next line.  NUL-terminated.
 */
static void read_text(char **src, char *dst)
{
	char *s = *src;

	while (*s && *s != '\n') {
		if (*s != '\\') {
			*dst++ = *s++;
			continue;
		}
		s++;
		if (*s == '\n') { /* continued on the next line */
			s++;
		} else if (*s >= '0' && *s <= '7') {
			int v = 0;

			for (int i = 0; i < 3 && *s >= '0' && *s <= '7'; i++)
				v = v * 8 + *s++ - '0';
			*dst++ = v;
		} else if (*s) {
			*dst++ = escape(*s++);
		}
	}
	if (*s == '\n')
		s++;
	*src = s;
	*dst = '\0';
}

/* Strip the quote characters around text, if it has them. */
static char *unquote(char *text, char quote)
{
	size_t n = strlen(text);

	if (!quote || n < 2 || text[0] != quote || text[n - 1] != quote)
		return text;
	text[n - 1] = '\0';
	return text + 1;
}

static char *next_line(char *s)
{
	char *nl = strchr(s, '\n');

	return nl ? nl + 1 : s + strlen(s);
}

/* A $ line: $set, $delset, $quote; anything else is a comment. */
static char *directive(struct __nl_cat *cat, char *s, int *set, char *quote)
{
	if (!strncmp(s, "$set", 4) && (s[4] == ' ' || s[4] == '\t'))
		*set = atoi(s + 5);
	else if (!strncmp(s, "$delset", 7) && (s[7] == ' ' || s[7] == '\t'))
		delete_set(cat, atoi(s + 8));
	else if (!strncmp(s, "$quote", 6))
		*quote = s[6] == ' ' || s[6] == '\t' ? s[7] : '\0';
	if (*quote == '\n')
		*quote = '\0';
	return next_line(s);
}

/* Turn cat->buf into the message table; 0, or -1 (errno ENOMEM). */
static int parse(struct __nl_cat *cat)
{
	char *s = cat->buf, quote = '\0';
	int set = NL_SETD;

	while (*s) {
		char *end;
		long id;

		if (*s == '$') {
			s = directive(cat, s, &set, &quote);
			continue;
		}
		id = strtol(s, &end, 10);
		if (end == s || id < 1) { /* blank or not a message line */
			s = next_line(s);
			continue;
		}
		s = end;
		if (*s == ' ' || *s == '\t') {
			char *text = ++s;

			read_text(&s, text);
			if (add_msg(cat, set, id, unquote(text, quote)))
				return -1;
		} else {
			s = next_line(s);
			if (add_msg(cat, set, id, NULL))
				return -1;
		}
	}
	return 0;
}

/* The whole file at path, NUL-terminated, in a new buffer; or NULL. */
static char *read_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	char *buf = NULL;
	long n = 0, r;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0) {
		if (S_ISREG(st.st_mode))
			buf = malloc(st.st_size + 1);
		else
			errno = EINVAL; /* a directory, a device */
	}
	while (buf && n < st.st_size &&
	       (r = read(fd, buf + n, st.st_size - n)) > 0)
		n += r;
	close(fd);
	if (buf)
		buf[n] = '\0';
	return buf;
}

static nl_catd open_path(const char *path)
{
	struct __nl_cat *cat = calloc(1, sizeof(*cat));

	if (!cat)
		return BAD_CATD;
	cat->buf = read_file(path);
	if (cat->buf && parse(cat) == 0)
		return cat;
	free(cat->msgs);
	free(cat->buf);
	free(cat);
	return BAD_CATD;
}

/* Template t (up to its end or a ':') with %N as name, in path; or -1. */
static int expand(const char *t, const char *name, char *path)
{
	size_t n = 0;

	for (; *t && *t != ':'; t++) {
		const char *add = t;
		size_t len = 1;

		if (*t == '%') {
			t++;
			if (*t == 'N') {
				add = name;
				len = strlen(name);
			} else if (*t != '%') {
				return -1;
			}
		}
		if (n + len >= PATH_MAX)
			return -1;
		memcpy(path + n, add, len);
		n += len;
	}
	path[n] = '\0';
	return n ? 0 : -1;
}

nl_catd catopen(const char *name, int flag)
{
	const char *nlspath = getenv("NLSPATH");
	char path[PATH_MAX];

	if (strchr(name, '/'))
		return open_path(name);
	for (const char *t = nlspath; t && *t; t = strchr(t, ':')) {
		nl_catd cat;

		if (*t == ':')
			t++;
		if (expand(t, name, path) < 0)
			continue;
		cat = open_path(path);
		if (cat != BAD_CATD)
			return cat;
	}
	if (expand(DEFAULT_NLSPATH, name, path) < 0) {
		errno = ENAMETOOLONG;
		return BAD_CATD;
	}
	return open_path(path);
}

char *catgets(nl_catd cat, int set_id, int msg_id, const char *s)
{
	if (cat == BAD_CATD || !cat) {
		errno = EBADF;
		return (char *)s;
	}
	for (int i = cat->nmsgs - 1; i >= 0; i--) {
		const struct cat_msg *m = &cat->msgs[i];

		if (m->set == set_id && m->id == msg_id) {
			if (m->text)
				return m->text;
			break;
		}
	}
	errno = ENOMSG;
	return (char *)s;
}

int catclose(nl_catd cat)
{
	if (cat == BAD_CATD || !cat) {
		errno = EBADF;
		return -1;
	}
	free(cat->msgs);
	free(cat->buf);
	free(cat);
	return 0;
}
