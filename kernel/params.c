// SPDX-License-Identifier: MIT
/*
 * Boot parameters.  The command line is split at spaces into words (a
 * double-quoted part may hold spaces); each word is matched against a table
 * of known parameters.  An unknown word or a
 * malformed value is reported and ignored: a typo on the GRUB line must not
 * stop the machine from booting.
 */
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/string.h>

struct boot_params boot_params;
char boot_command_line[CMDLINE_MAX];

bool parse_size(const char *s, phys_addr_t *out)
{
	phys_addr_t v = 0;
	const char *p = s;

	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > ((phys_addr_t)-1 - 9) / 10)
			return false;
		v = v * 10 + (*p - '0');
	}
	if (p == s)
		return false;
	switch (*p) {
	case 'G':
	case 'g':
		v <<= 10; /* fall through */
	case 'M':
	case 'm':
		v <<= 10; /* fall through */
	case 'K':
	case 'k':
		v <<= 10;
		p++;
	}
	if (*p)
		return false;
	*out = v;
	return true;
}

static bool set_ktest(const char *val)
{
	boot_params.ktest = true;
	return !val;
}

static bool set_ktest_filter(const char *val)
{
	if (!val || !*val)
		return false;
	boot_params.ktest_filter = val;
	return true;
}

static bool set_ktest_list(const char *val)
{
	boot_params.ktest_list = true;
	return !val;
}

static bool set_ktest_scope(const char *val)
{
	if (val && !strcmp(val, "kernel"))
		boot_params.ktest_scope = KTEST_SCOPE_KERNEL;
	else if (val && !strcmp(val, "user"))
		boot_params.ktest_scope = KTEST_SCOPE_USER;
	else
		return false;
	return true;
}

static bool set_mem(const char *val)
{
	return val && parse_size(val, &boot_params.mem_limit) &&
	       boot_params.mem_limit;
}

static bool set_run(const char *val)
{
	if (!val || !*val)
		return false;
	boot_params.run = val;
	return true;
}

static const struct {
	const char *name;
	bool (*set)(const char *val); /* val is NULL for a bare word */
} params[] = {
	{ "ktest", set_ktest },
	{ "ktest.filter", set_ktest_filter },
	{ "ktest.list", set_ktest_list },
	{ "ktest.scope", set_ktest_scope },
	{ "mem", set_mem },
	{ "run", set_run },
};

static void parse_word(char *word)
{
	char *val = strchr(word, '=');

	if (val)
		*val++ = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(params); i++) {
		if (strcmp(word, params[i].name))
			continue;
		if (!params[i].set(val))
			printk("params: bad value for '%s', ignored\n", word);
		return;
	}
	printk("params: unknown parameter '%s', ignored\n", word);
}

/*
 * Terminate the word starting at p and return where the next may start.  A
 * double-quoted part may hold spaces: run="ls -l /bin".  The quotes are
 * removed, moving the rest of the word down over them.
 */
static char *end_of_word(char *p)
{
	char *out = p;
	bool quoted = false;

	for (; *p && (quoted || *p != ' '); p++) {
		if (*p == '"')
			quoted = !quoted;
		else
			*out++ = *p;
	}
	if (*p)
		p++;
	*out = '\0';
	return p;
}

void parse_boot_params(const char *cmdline)
{
	static char words[CMDLINE_MAX];
	char *p = words;

	strscpy(words, cmdline, sizeof(words));
	while (*p) {
		char *word;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		word = p;
		p = end_of_word(p);
		parse_word(word);
	}
}
