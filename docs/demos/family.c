/* family: arguments, a pipe to a child, exit statuses and a fatal fault. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int fds[2], status;
	char buf[64];
	pid_t pid;
	long n;

	printf("argc %d, argv[1] \"%s\"\n", argc, argc > 1 ? argv[1] : "");
	pipe(fds);
	pid = fork();
	if (pid == 0) { /* the child */
		close(fds[0]);
		snprintf(buf, sizeof(buf), "hello from pid %d", getpid());
		write(fds[1], buf, strlen(buf));
		_exit(7);
	}
	close(fds[1]); /* the parent */
	n = read(fds[0], buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	printf("parent %d read \"%s\"\n", getpid(), buf);
	waitpid(pid, &status, 0);
	printf("child %d exited with status %d\n", pid, WEXITSTATUS(status));

	pid = fork();
	if (pid == 0) {
		volatile unsigned long bad =
			0x10; /* hidden from the compiler */
		*(int *)bad = 1;
	}
	waitpid(pid, &status, 0);
	printf("child %d killed by signal %d\n", pid, WTERMSIG(status));
	return argc > 1 ? 3 : 0;
}
