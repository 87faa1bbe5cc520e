// SPDX-License-Identifier: MIT
/*
 * sh: Pagoda's shell.  Each input line goes through three steps:
 *
 *   lex    characters -> tokens: words, with quotes removed, and the
 *          operators | < > >> ; &
 *   parse  tokens -> pipelines ("a | b | c", ended by ; or &), each command
 *          with its arguments and its < and > files
 *   run    a process per command, joined by pipes; wait for the last one
 *          unless the pipeline ended with &
 *
 * Usage: sh (read lines from standard input, prompting "$ "), or
 * sh -c 'line' (run it, exit with its status).  Built in: cd [dir],
 * exit [n], pwd, and jobs, fg [%n], bg [%n] (below).  Other commands are
 * /bin/<name>, or the path itself if the name has a '/'.
 * $? (outside single quotes) is the last command's status.  There are no
 * other variables and no globs: Pagoda does not need them to be studied.
 *
 * Jobs: each pipeline runs in a process group of its own (setpgid), and
 * while the shell waits for one it is the console's foreground group
 * (tcsetpgrp), so ^C's SIGINT ends that job and not the shell.  On the
 * console the shell also does job control, as POSIX's interactive shells:
 * it is a group of its own, owns the console while it reads a line, and
 * ignores SIGTSTP, SIGTTIN and SIGTTOU (its children get them back); ^Z
 * stops the foreground job (SIGTSTP), which waitpid's WUNTRACED reports,
 * and the shell takes the console back.  `jobs` lists the jobs, `fg`
 * continues one in the foreground (SIGCONT to its group), `bg` in the
 * background; a background job that reads the console stops (SIGTTIN)
 * until brought to the foreground.  On the console the shell edits its own
 * lines, with a history (see "line editing").
 *
 * The shell prints with dprintf(), one write() per message and no stdio
 * buffer, so there is nothing to flush before fork() and nothing that a
 * child could print a second time.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define SH_LINE_MAX 1024
#define MAX_TOKENS 128
#define MAX_ARGS 32
#define MAX_CMDS 8	 /* per pipeline */
#define MAX_PIPELINES 16 /* per line */
#define MAX_JOBS 8
#define JOB_TEXT_MAX 64

extern char **environ;

/* The exit status of the last command: what "exit" and "sh -c" return. */
static int status;

/* Report an error; -1, for "return fail(...)". */
static int fail(const char *what)
{
	dprintf(2, "sh: %s\n", what);
	return -1;
}

/* ---- lexer ----------------------------------------------------------- */

enum tok_type { T_WORD, T_PIPE, T_IN, T_OUT, T_APPEND, T_SEMI, T_AMP, T_END };

/* The operators, longest first, so that ">>" is not read as ">" ">". */
static const struct {
	const char *text;
	enum tok_type type;
} ops[] = {
	{ ">>", T_APPEND }, { ">", T_OUT },  { "<", T_IN },
	{ "|", T_PIPE },    { ";", T_SEMI }, { "&", T_AMP },
};
#define NR_OPS (int)(sizeof(ops) / sizeof(ops[0]))

struct token {
	enum tok_type type;
	char *word; /* T_WORD: the text, unquoted */
};

static struct token toks[MAX_TOKENS];
static char words[2 * SH_LINE_MAX]; /* the words' text, each NUL-ended */

/*
 * Split the line into toks[], ending with T_END; 0, or -1 after an error.
 * A word is a run of plain characters and quoted strings glued together:
 * 'single quotes' keep everything, "double quotes" allow \" and \\,
 * a backslash outside quotes keeps the next character.  A '#' at the start
 * of a word begins a comment.
 */

/*
 * $? stands for the status of the command before -- which, in "false;
 * echo $?", has not run yet when the line is lexed.  So the lexer only
 * marks the place, and expand_status() fills it in as each pipeline starts.
 */
#define STATUS_MARK '\001'

/* If s starts with $?, put a mark at *w; how many chars of s it took. */
static int expand(const char *s, char **w)
{
	if (s[0] != '$' || s[1] != '?')
		return 0;
	*(*w)++ = STATUS_MARK;
	return 2;
}

static int lex(const char *s)
{
	char *w = words;
	int n = 0, i;

	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\r')
			s++;
		if (n == MAX_TOKENS - 1)
			return fail("too many words");
		if (*s == '\0' || *s == '#') {
			toks[n].type = T_END;
			return 0;
		}
		toks[n].word = NULL;
		for (i = 0; i < NR_OPS; i++)
			if (!strncmp(s, ops[i].text, strlen(ops[i].text)))
				break;
		if (i < NR_OPS) {
			toks[n++].type = ops[i].type;
			s += strlen(ops[i].text);
			continue;
		}
		toks[n].type = T_WORD;
		toks[n++].word = w;
		while (*s && !strchr(" \t\r|<>;&", *s)) {
			if (*s == '\'' || *s == '"') {
				char quote = *s++;

				while (*s && *s != quote) {
					if (quote == '"' && expand(s, &w)) {
						s += 2;
						continue;
					}
					if (quote == '"' && *s == '\\' &&
					    (s[1] == '"' || s[1] == '\\'))
						s++;
					*w++ = *s++;
				}
				if (!*s)
					return fail("unterminated quote");
				s++;
			} else if (expand(s, &w)) {
				s += 2;
			} else {
				if (*s == '\\' && s[1])
					s++;
				*w++ = *s++;
			}
		}
		*w++ = '\0';
	}
}

/* ---- parser ---------------------------------------------------------- */

/* A command; argv[0] is NULL if it has only redirections. */
struct cmd {
	char *argv[MAX_ARGS + 1]; /* NULL-terminated */
	char *in, *out;		  /* redirections, or NULL */
	int append;		  /* >> rather than > */
};

struct pipeline {
	struct cmd cmds[MAX_CMDS];
	int ncmds;
	int background; /* ended with & */
};

static struct pipeline pipelines[MAX_PIPELINES];

/* Complain about token t, an operator or the end of the line. */
static int syntax_error(const struct token *t)
{
	const char *what = "end of line";

	for (int i = 0; i < NR_OPS; i++)
		if (ops[i].type == t->type)
			what = ops[i].text;
	dprintf(2, "sh: syntax error near %s\n", what);
	return -1;
}

/* Parse one command at toks[*t]: words and redirections; 0 or -1. */
static int parse_cmd(struct cmd *c, int *t)
{
	int argc = 0;

	memset(c, 0, sizeof(*c));
	for (;; (*t)++) {
		struct token *tok = &toks[*t];

		if (tok->type == T_WORD) {
			if (argc == MAX_ARGS)
				return fail("too many arguments");
			c->argv[argc++] = tok->word;
		} else if (tok->type == T_IN || tok->type == T_OUT ||
			   tok->type == T_APPEND) {
			if (toks[++*t].type != T_WORD)
				return syntax_error(&toks[*t]);
			if (tok->type == T_IN) {
				c->in = toks[*t].word;
			} else {
				c->out = toks[*t].word;
				c->append = tok->type == T_APPEND;
			}
		} else {
			break;
		}
	}
	/* Redirections alone are a command ("> file" creates the file). */
	if (!argc && !c->in && !c->out)
		return syntax_error(&toks[*t]);
	return 0;
}

/* toks[] -> pipelines[]; how many, or -1 after a syntax error. */
static int parse(void)
{
	int t = 0, np = 0;

	while (toks[t].type != T_END) {
		struct pipeline *p = &pipelines[np];

		if (np == MAX_PIPELINES)
			return fail("too many commands");
		p->ncmds = 0;
		for (;;) {
			if (p->ncmds == MAX_CMDS)
				return fail("pipeline too long");
			if (parse_cmd(&p->cmds[p->ncmds++], &t) < 0)
				return -1;
			if (toks[t].type != T_PIPE)
				break;
			t++;
		}
		/* parse_cmd stopped at | ; & or the end: not | here. */
		p->background = toks[t].type == T_AMP;
		if (toks[t].type != T_END)
			t++;
		np++;
	}
	return np;
}

/* ---- executor -------------------------------------------------------- */

/* Put open()'s result fd on descriptor `to`; 0, or -1 if the open failed. */
static int move_fd(int fd, int to, const char *name)
{
	if (fd < 0) {
		dprintf(2, "sh: %s: %s\n", name, strerror(errno));
		return -1;
	}
	if (fd != to) {
		dup2(fd, to);
		close(fd);
	}
	return 0;
}

/* Apply the command's < and > on descriptors 0 and 1; 0 or -1. */
static int redirect(const struct cmd *c)
{
	int flags = O_WRONLY | O_CREAT | (c->append ? O_APPEND : O_TRUNC);

	if (c->in && move_fd(open(c->in, O_RDONLY), 0, c->in) < 0)
		return -1;
	if (c->out && move_fd(open(c->out, flags, 0644), 1, c->out) < 0)
		return -1;
	return 0;
}

/* A wait status as the shell's $?: exit status, or 128 + signal. */
static int exit_code(int st)
{
	if (WIFSTOPPED(st))
		return 128 + WSTOPSIG(st);
	return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
}

/* ---- jobs ------------------------------------------------------------ */

/*
 * A job is a pipeline started and not yet over: running or stopped.  Its
 * number, as `jobs` shows it, is its slot in jobs[] plus one.
 */
struct job {
	pid_t pgid;	      /* 0: a free slot */
	pid_t pids[MAX_CMDS]; /* 0 once reaped (or never started) */
	char names[MAX_CMDS][16];
	int npids;
	bool stopped;
	int status;		 /* the last command's wait status */
	char text[JOB_TEXT_MAX]; /* the command line, for jobs and fg */
};

static struct job jobs[MAX_JOBS];
static struct job *current_job; /* the last stopped or started: fg's */
static bool job_control;	/* interactive, on the console */
static pid_t shell_fg; /* the foreground group to give back after a job */

static int job_number(const struct job *j)
{
	return (int)(j - jobs) + 1;
}

static void job_text_add(struct job *j, const char *sep, const char *word)
{
	size_t n = strlen(j->text);

	snprintf(j->text + n, sizeof(j->text) - n, "%s%s", n ? sep : "", word);
}

/* A free slot for pipeline p, its text filled in; NULL if none is free. */
static struct job *new_job(const struct pipeline *p)
{
	for (struct job *j = jobs; j < jobs + MAX_JOBS; j++) {
		if (j->pgid)
			continue;
		memset(j, 0, sizeof(*j));
		j->npids = p->ncmds;
		j->status = __W_EXITCODE(1); /* if the last never starts */
		for (int i = 0; i < p->ncmds; i++) {
			char *const *argv = p->cmds[i].argv;

			snprintf(j->names[i], sizeof(j->names[i]), "%s",
				 argv[0] ? argv[0] : "sh");
			for (int k = 0; argv[k]; k++)
				job_text_add(j, i && !k ? " | " : " ", argv[k]);
		}
		return j;
	}
	return NULL;
}

static bool job_done(const struct job *j)
{
	for (int i = 0; i < j->npids; i++)
		if (j->pids[i])
			return false;
	return true;
}

static void free_job(struct job *j)
{
	j->pgid = 0;
	if (current_job == j)
		current_job = NULL;
}

/* The job with process pid, and the process's index in it. */
static struct job *find_job(pid_t pid, int *index)
{
	for (struct job *j = jobs; j < jobs + MAX_JOBS; j++)
		for (int i = 0; j->pgid && i < j->npids; i++)
			if (j->pids[i] == pid) {
				*index = i;
				return j;
			}
	return NULL;
}

/* Note what waitpid said of the job's i-th process. */
static void job_update(struct job *j, int i, int ws)
{
	if (WIFSTOPPED(ws)) {
		j->stopped = true;
		j->status = ws;
		return;
	}
	if (WIFCONTINUED(ws)) {
		j->stopped = false;
		return;
	}
	j->pids[i] = 0;
	if (i == j->npids - 1 || (job_done(j) && WIFSTOPPED(j->status)))
		j->status = ws;
	if (WIFSIGNALED(ws))
		dprintf(2, "%s: killed by signal %d\n", j->names[i],
			WTERMSIG(ws));
}

static void print_job(int fd, const struct job *j, const char *state)
{
	dprintf(fd, "[%d]%c %s\t%s\n", job_number(j),
		j == current_job ? '+' : ' ', state, j->text);
}

/*
 * Wait for a job in the foreground until it ends or, with job control,
 * stops; its status for $?.  The job gets the console only from a shell
 * whose group has it: a shell run from a background group (sh -c under
 * system() in a background job) would be stopped by SIGTTOU for asking.
 */
static int wait_job(struct job *j)
{
	bool foreground =
		j->pgid && shell_fg == getpgrp() && tcsetpgrp(0, j->pgid) == 0;
	int st;

	for (int i = 0; i < j->npids && !j->stopped; i++) {
		int ws;

		if (j->pids[i] &&
		    waitpid(j->pids[i], &ws, job_control ? WUNTRACED : 0) ==
			    j->pids[i])
			job_update(j, i, ws);
	}
	if (foreground)
		tcsetpgrp(0, shell_fg);
	st = exit_code(j->status);
	if (j->stopped) {
		current_job = j;
		print_job(2, j, "Stopped");
	} else {
		free_job(j);
	}
	return st;
}

/* Jobs that stopped, continued or ended in the background: note them. */
static void reap_background(void)
{
	int options = WNOHANG | (job_control ? WUNTRACED | WCONTINUED : 0);
	pid_t pid;
	int ws, i;

	while ((pid = waitpid(-1, &ws, options)) > 0) {
		struct job *j = find_job(pid, &i);
		bool was_stopped;

		if (!j)
			continue;
		was_stopped = j->stopped;
		job_update(j, i, ws);
		if (j->stopped && !was_stopped) {
			current_job = j;
			print_job(2, j, "Stopped");
		} else if (job_done(j)) {
			char state[16] = "Done";

			if (exit_code(j->status))
				snprintf(state, sizeof(state), "Exit %d",
					 exit_code(j->status));
			print_job(2, j, state);
			free_job(j);
		}
	}
}

/* The job fg or bg names: %n or n, or by default the current one. */
static struct job *job_arg(const char *arg)
{
	int n;

	if (!arg) {
		if (current_job)
			return current_job;
		for (n = MAX_JOBS; n > 0; n--)
			if (jobs[n - 1].pgid)
				return &jobs[n - 1];
		return NULL;
	}
	n = atoi(arg + (*arg == '%'));
	return n >= 1 && n <= MAX_JOBS && jobs[n - 1].pgid ? &jobs[n - 1]
							   : NULL;
}

/* fg and bg: continue a job (SIGCONT to its group), here or behind. */
static int continue_job(char *const *argv)
{
	struct job *j = job_arg(argv[1]);
	bool fg = !strcmp(argv[0], "fg");

	if (!job_control) {
		dprintf(2, "%s: no job control\n", argv[0]);
		return 1;
	}
	if (!j) {
		dprintf(2, "%s: %s: no such job\n", argv[0],
			argv[1] ? argv[1] : "current");
		return 1;
	}
	current_job = j;
	if (fg) {
		dprintf(1, "%s\n", j->text);
		/* Its own first: continued in the background, a read stops. */
		tcsetpgrp(0, j->pgid);
	} else {
		dprintf(1, "[%d] %s &\n", job_number(j), j->text);
	}
	j->stopped = false;
	kill(-j->pgid, SIGCONT);
	return fg ? wait_job(j) : 0;
}

static int list_jobs(void)
{
	reap_background();
	for (struct job *j = jobs; j < jobs + MAX_JOBS; j++)
		if (j->pgid)
			print_job(1, j, j->stopped ? "Stopped" : "Running");
	return 0;
}

/*
 * Leaving: a stopped job would wait for a SIGCONT no one sends, so it is
 * hung up and continued, as Linux does for a group its shell orphans.
 */
static void hang_up_stopped_jobs(void)
{
	for (struct job *j = jobs; j < jobs + MAX_JOBS; j++)
		if (j->pgid && j->stopped) {
			kill(-j->pgid, SIGHUP);
			kill(-j->pgid, SIGCONT);
		}
}

/*
 * On the console, the shell is a group of its own that owns the console
 * whenever no job does, and that neither ^Z nor the console's SIGTTIN and
 * SIGTTOU stop (they are for its jobs).
 */
static void init_job_control(void)
{
	if (!isatty(0))
		return;
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTTIN, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);
	setpgid(0, 0);
	shell_fg = getpid();
	job_control = tcsetpgrp(0, shell_fg) == 0;
}

/* ---- builtins -------------------------------------------------------- */

static const char *const builtins[] = {
	"cd", "exit", "pwd", "jobs", "fg", "bg"
};

static int is_builtin(const char *name)
{
	for (size_t i = 0; name && i < sizeof(builtins) / sizeof(*builtins);
	     i++)
		if (!strcmp(name, builtins[i]))
			return 1;
	return 0;
}

/* Run a builtin command; its status. */
static int builtin(char *const *argv)
{
	const char *dir = argv[1] ? argv[1] : "/";
	char cwd[256];

	if (!strcmp(argv[0], "exit")) {
		hang_up_stopped_jobs();
		exit(argv[1] ? atoi(argv[1]) : status);
	}
	if (!strcmp(argv[0], "jobs"))
		return list_jobs();
	if (!strcmp(argv[0], "fg") || !strcmp(argv[0], "bg"))
		return continue_job(argv);
	if (!strcmp(argv[0], "cd")) {
		if (chdir(dir) == 0)
			return 0;
		dprintf(2, "cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if (!getcwd(cwd, sizeof(cwd))) { /* pwd */
		dprintf(2, "pwd: %s\n", strerror(errno));
		return 1;
	}
	dprintf(1, "%s\n", cwd);
	return 0;
}

/* A builtin run by the shell itself, its redirections undone afterwards. */
static int builtin_here(const struct cmd *c)
{
	int saved_in = dup(0), saved_out = dup(1), st = 1;

	if (redirect(c) == 0)
		st = builtin(c->argv);
	dup2(saved_in, 0);
	dup2(saved_out, 1);
	close(saved_in);
	close(saved_out);
	return st;
}

/* In a child whose 0 and 1 are already piped: become the command. */
static void __attribute__((noreturn)) exec_cmd(struct cmd *c)
{
	char path[256];
	const char *name = c->argv[0];

	if (redirect(c) < 0)
		_exit(1);
	if (!name) /* only redirections */
		_exit(0);
	if (is_builtin(name))
		_exit(builtin(c->argv));
	if (strchr(name, '/'))
		snprintf(path, sizeof(path), "%s", name);
	else
		snprintf(path, sizeof(path), "/bin/%s", name);
	execve(path, c->argv, environ);
	if (errno == ENOENT) {
		dprintf(2, "sh: %s: not found\n", name);
		_exit(127);
	}
	dprintf(2, "sh: %s: %s\n", name, strerror(errno));
	_exit(126);
}

/* Words with the status filled in (at most 3 digits for each 2-char $?). */
static char expanded[2 * SH_LINE_MAX];

static char *subst_status(char *word, char **out)
{
	char *start = *out;

	if (!word || !strchr(word, STATUS_MARK))
		return word;
	for (; *word; word++) {
		if (*word == STATUS_MARK)
			*out += sprintf(*out, "%d", status);
		else
			*(*out)++ = *word;
	}
	*(*out)++ = '\0';
	return start;
}

static void expand_status(struct pipeline *p)
{
	char *out = expanded;

	for (int i = 0; i < p->ncmds; i++) {
		struct cmd *c = &p->cmds[i];

		for (int j = 0; c->argv[j]; j++)
			c->argv[j] = subst_status(c->argv[j], &out);
		c->in = subst_status(c->in, &out);
		c->out = subst_status(c->out, &out);
	}
}

/*
 * In the child: the job's group, the console if the job is in the
 * foreground, the signals the shell ignores back.  The child takes the
 * console itself, and before exec, or a command that reads at once
 * could do so before the shell's own tcsetpgrp and stop (SIGTTIN); it
 * still ignores SIGTTOU here, as the shell does.
 */
static void enter_job(pid_t pgid, bool background)
{
	setpgid(0, pgid); /* the job's group: its first pid */
	if (job_control && !background)
		tcsetpgrp(0, pgid ? pgid : getpid());
	if (job_control) {
		signal(SIGTSTP, SIG_DFL);
		signal(SIGTTIN, SIG_DFL);
		signal(SIGTTOU, SIG_DFL);
	} else if (background) {
		/* POSIX: without job control, & reads nothing. */
		move_fd(open("/dev/null", O_RDONLY), 0, "/dev/null");
	}
}

/* Start job j's processes, joined by pipes. */
static void start_job(struct job *j, struct pipeline *p)
{
	int in = -1;

	for (int i = 0; i < p->ncmds; i++) {
		int fds[2] = { -1, -1 };

		if (i < p->ncmds - 1 && pipe(fds) < 0) {
			dprintf(2, "sh: pipe: %s\n", strerror(errno));
			break; /* wait for those already started */
		}
		j->pids[i] = fork();
		if (j->pids[i] == 0) {
			enter_job(j->pgid, p->background);
			if (in >= 0) {
				dup2(in, 0);
				close(in);
			}
			if (fds[1] >= 0) {
				dup2(fds[1], 1);
				close(fds[1]);
				close(fds[0]);
			}
			exec_cmd(&p->cmds[i]);
		}
		if (j->pids[i] < 0) {
			dprintf(2, "sh: fork: %s\n", strerror(errno));
			j->pids[i] = 0;
		} else {
			/* Also here, so the group exists before we wait. */
			j->pgid = j->pgid ? j->pgid : j->pids[i];
			setpgid(j->pids[i], j->pgid);
		}
		/* The parent keeps no pipe ends: a reader sees EOF when its
		 * writer exits only if no one else holds the write end. */
		if (in >= 0)
			close(in);
		if (fds[1] >= 0)
			close(fds[1]);
		in = fds[0];
	}
	if (in >= 0)
		close(in);
}

/* Run one pipeline; its status (that of its last command). */
static int run_pipeline(struct pipeline *p)
{
	struct job *j;

	expand_status(p);
	/* cd must change the shell's own directory, so it cannot fork. */
	if (p->ncmds == 1 && !p->background && is_builtin(p->cmds[0].argv[0]))
		return builtin_here(&p->cmds[0]);
	j = new_job(p);
	if (!j)
		return fail("too many jobs");
	start_job(j, p);
	if (!j->pgid) /* nothing started */
		return 1;
	if (!p->background)
		return wait_job(j);
	current_job = j;
	dprintf(2, "[%d] %d\n", job_number(j), j->pgid);
	return 0;
}

/* Lex, parse and run one line, setting status. */
static void run_line(const char *line)
{
	int n;

	if (lex(line) < 0 || (n = parse()) < 0) {
		status = 2; /* as POSIX shells do for a syntax error */
		return;
	}
	for (int i = 0; i < n; i++)
		status = run_pipeline(&pipelines[i]);
}

/*
 * Read a line from standard input, without its newline; its length, or -1
 * at the end of the input.  One byte at a time: a command we run next must
 * find the rest of the input still unread.  Long lines are cut.
 */
static int read_line(char *buf, int size)
{
	int n = 0, got;
	char c = 0;

	while ((got = read(0, &c, 1)) == 1 && c != '\n')
		if (n < size - 1)
			buf[n++] = c;
	buf[n] = '\0';
	return n == 0 && got != 1 ? -1 : n;
}

/* ---- line editing ---------------------------------------------------- */

/*
 * On the console the shell edits its own line, as readline does for bash:
 * while a line is typed the tty is out of canonical mode and does not
 * echo, and the shell draws the line itself.  Keys: printable characters,
 * backspace, ^U (erase the line), ^W (erase the last word), ^C (abandon
 * the line), ^D (end of input, on an empty line), Enter, and the up and
 * down arrows, which step through the last HISTORY_MAX lines.  Any other
 * key, or key sequence (left, right, Home ...), is ignored: the cursor
 * stays at the end of the line.  The tty goes back to canonical mode,
 * with echo, for the commands the line runs.
 */
#define HISTORY_MAX 32
#define CTRL(c) ((c)&0x1f)
#define ESC 0x1b

static char history[HISTORY_MAX][SH_LINE_MAX];
static int history_len; /* lines kept, the newest at (history_len - 1) % MAX */

static void history_add(const char *line)
{
	if (!*line || (history_len &&
		       !strcmp(history[(history_len - 1) % HISTORY_MAX], line)))
		return;
	strcpy(history[history_len++ % HISTORY_MAX], line);
}

/* The line back steps up the history (1: the newest), or NULL. */
static const char *history_get(int back)
{
	if (back < 1 || back > history_len || back > HISTORY_MAX)
		return NULL;
	return history[(history_len - back) % HISTORY_MAX];
}

/* Draw the prompt and line anew, erasing what was there (ESC [ K). */
static void show_line(const char *line)
{
	dprintf(1, "\r$ %s\033[K", line);
}

/* After ESC: '[' or 'O', parameters, then a final byte; that byte, or 0. */
static char read_key_sequence(void)
{
	char c;

	if (read(0, &c, 1) != 1 || (c != '[' && c != 'O'))
		return 0;
	do {
		if (read(0, &c, 1) != 1)
			return 0;
	} while (c < 0x40 || c > 0x7e);
	return c;
}

/* Up (A) or down (B) the history: the line to show in buf. */
static void history_step(char key, int *back, char *buf, char *draft)
{
	int to = *back + (key == 'A' ? 1 : -1);
	const char *line = to ? history_get(to) : draft;

	if (!line)
		return;
	if (*back == 0)
		strcpy(draft, buf);
	*back = to;
	strcpy(buf, line);
	show_line(buf);
}

static void erase_word(char *buf)
{
	size_t n = strlen(buf);

	while (n && buf[n - 1] == ' ')
		n--;
	while (n && buf[n - 1] != ' ')
		n--;
	buf[n] = '\0';
	show_line(buf);
}

/* Edit a line on the console (tty already raw); its length, or -1 at EOF. */
static int edit_line(char *buf, int size)
{
	static char draft[SH_LINE_MAX];
	int back = 0;
	size_t n;
	char c;

	buf[0] = '\0';
	for (;;) {
		long got = read(0, &c, 1);

		n = strlen(buf);
		if (got < 0 || (got == 0 && n == 0))
			return -1; /* ^D on an empty line, or an error */
		if (got == 0)
			continue; /* ^D inside a line: ignored */
		switch (c) {
		case '\n':
			write(1, "\n", 1);
			history_add(buf);
			return n;
		case '\b':
		case 0x7f:
			if (n) {
				buf[n - 1] = '\0';
				write(1, "\b \b", 3);
			}
			break;
		case CTRL('U'):
			buf[0] = '\0';
			show_line(buf);
			break;
		case CTRL('W'):
			erase_word(buf);
			break;
		case CTRL('C'):
			write(1, "^C\n", 3);
			buf[0] = '\0';
			return 0;
		case ESC:
			c = read_key_sequence();
			if (c == 'A' || c == 'B')
				history_step(c, &back, buf, draft);
			break;
		default:
			if (c >= ' ' && c <= '~' && n < (size_t)size - 1) {
				buf[n] = c;
				buf[n + 1] = '\0';
				write(1, &c, 1);
			}
		}
	}
}

/*
 * Prompt, then read the next command line: edited on the console, else
 * plainly.  The tty stops echoing before the prompt shows: a command typed
 * as soon as the prompt appears must not be echoed by the tty and then
 * again by edit_line.
 */
static int next_line(char *buf, int size)
{
	int n;

	if (!isatty(0) || ioctl(0, TCSETCANON, 0) < 0) {
		write(1, "$ ", 2);
		return read_line(buf, size);
	}
	ioctl(0, TCSETECHO, 0);
	write(1, "$ ", 2);
	n = edit_line(buf, size);
	ioctl(0, TCSETECHO, 1);
	ioctl(0, TCSETCANON, 1);
	return n;
}

int main(int argc, char **argv)
{
	static char line[SH_LINE_MAX];

	shell_fg = tcgetpgrp(0);
	if (argc > 1 && !strcmp(argv[1], "-c")) {
		if (argc < 3) {
			fail("-c needs a command line");
			return 2;
		}
		run_line(argv[2]);
		return status;
	}
	init_job_control();
	for (;;) {
		reap_background();
		if (next_line(line, sizeof(line)) < 0)
			break;
		run_line(line);
	}
	hang_up_stopped_jobs();
	return status;
}
