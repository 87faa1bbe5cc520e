// SPDX-License-Identifier: MIT
/*
 * libc_test: the C library functions Pagoda's own small library lacked and
 * newlib brings (chapter 2, "The C library"): floating-point printf,
 * scanf, strtod, setjmp/longjmp, qsort, the calendar functions in UTC,
 * <math.h>; and that errno and the error messages are the kernel's
 * numbers, and that each thread has its own errno.
 *
 * Results are compared with the values C and POSIX define (or that a
 * glibc program prints for the same call), never with what the library
 * happened to print first.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

static void printf_float(void)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%f", 3.14159);
	EXPECT_STREQ(buf, "3.141590");
	snprintf(buf, sizeof(buf), "%.2f|%8.3f|%-8.1f|", -2.005, 1.0 / 3, 2.25);
	EXPECT_STREQ(buf, "-2.00|   0.333|2.2     |");
	snprintf(buf, sizeof(buf), "%e", 12345.678);
	EXPECT_STREQ(buf, "1.234568e+04");
	snprintf(buf, sizeof(buf), "%g %g %g", 0.0001, 1e10, 100.0);
	EXPECT_STREQ(buf, "0.0001 1e+10 100");
	snprintf(buf, sizeof(buf), "%f %f", INFINITY, NAN);
	EXPECT_STREQ(buf, "inf nan");
	/* The integer formats the old library had must not change. */
	snprintf(buf, sizeof(buf), "%zu %lld %#x %5s|%-3d|", (size_t)42,
		 -9000000000LL, 255, "ab", 7);
	EXPECT_STREQ(buf, "42 -9000000000 0xff    ab|7  |");
}

static void scanf_family(void)
{
	char word[16];
	double d;
	int a, b, n;

	EXPECT_EQ(
		sscanf("12 -7 2.5e3 hello", "%d %d %lf %15s", &a, &b, &d, word),
		4);
	EXPECT_EQ(a, 12);
	EXPECT_EQ(b, -7);
	EXPECT_TRUE(d == 2500.0);
	EXPECT_STREQ(word, "hello");
	/* Stops at the first input that does not match. */
	EXPECT_EQ(sscanf("5,x", "%d,%d", &a, &b), 1);
	EXPECT_EQ(sscanf("", "%d", &a), EOF);
	EXPECT_EQ(sscanf("0x1f 017", "%i %i%n", &a, &b, &n), 2);
	EXPECT_EQ(a, 31);
	EXPECT_EQ(b, 15);
	EXPECT_EQ(n, 8);
}

/* scanf on a stream: fscanf reads what a pipe carries. */
static void fscanf_pipe(void)
{
	static const char text[] = "42 0.125\n";
	double d = 0;
	int fds[2], x = 0;
	FILE *f;

	ASSERT_EQ(pipe(fds), 0);
	ASSERT_EQ(write(fds[1], text, sizeof(text) - 1),
		  (long)sizeof(text) - 1);
	close(fds[1]);
	f = fdopen(fds[0], "r");
	ASSERT_TRUE(f != NULL);
	EXPECT_EQ(fscanf(f, "%d %lf", &x, &d), 2);
	EXPECT_EQ(x, 42);
	EXPECT_TRUE(d == 0.125);
	EXPECT_EQ(fscanf(f, "%d", &x), EOF);
	fclose(f);
}

static void strtod_cases(void)
{
	char *end;

	EXPECT_TRUE(strtod("  -1.5e-3xyz", &end) == -1.5e-3);
	EXPECT_STREQ(end, "xyz");
	EXPECT_TRUE(strtod("0x10p1", NULL) == 32.0);
	EXPECT_TRUE(isinf(strtod("inf", NULL)));
	EXPECT_TRUE(atof("2.75") == 2.75);
	strtod("abc", &end);
	EXPECT_STREQ(end, "abc");
	errno = 0;
	EXPECT_TRUE(isinf(strtod("1e999", NULL)));
	EXPECT_EQ(errno, ERANGE);
}

static jmp_buf env;
static int depth;

static void dive(int n)
{
	depth = n;
	if (n == 5)
		longjmp(env, n * 10);
	if (n < 5)
		dive(n + 1);
}

static void setjmp_longjmp(void)
{
	volatile int passes = 0;
	int r;

	r = setjmp(env);
	passes++;
	if (r == 0) {
		dive(0);
		EXPECT_TRUE(0); /* not reached */
	}
	EXPECT_EQ(r, 50);
	EXPECT_EQ(depth, 5);
	EXPECT_EQ(passes, 2);
	/* longjmp(env, 0) makes setjmp return 1 (C11 7.13.2.1). */
	passes = 0;
	r = setjmp(env);
	if (passes++ == 0)
		longjmp(env, 0);
	EXPECT_EQ(r, 1);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static void qsort_bsearch(void)
{
	int v[200], key;

	for (int i = 0; i < 200; i++)
		v[i] = (i * 7919) % 200 - 100; /* a permutation of -100..99 */
	qsort(v, 200, sizeof(v[0]), cmp_int);
	for (int i = 0; i < 200; i++)
		if (v[i] != i - 100) {
			EXPECT_EQ(v[i], i - 100);
			break;
		}
	key = 42;
	EXPECT_TRUE(bsearch(&key, v, 200, sizeof(v[0]), cmp_int) == &v[142]);
	key = 100;
	EXPECT_TRUE(bsearch(&key, v, 200, sizeof(v[0]), cmp_int) == NULL);
}

/*
 * The calendar, in UTC: Pagoda has no time zones, so localtime is gmtime.
 * 1000000000 is 2001-09-09 01:46:40 UTC, a Sunday, day 251 of the year.
 */
static void calendar_utc(void)
{
	time_t t = 1000000000, now;
	struct tm tm, *g;
	char buf[64];

	g = gmtime(&t);
	ASSERT_TRUE(g != NULL);
	EXPECT_EQ(g->tm_year, 101);
	EXPECT_EQ(g->tm_mon, 8);
	EXPECT_EQ(g->tm_mday, 9);
	EXPECT_EQ(g->tm_hour, 1);
	EXPECT_EQ(g->tm_min, 46);
	EXPECT_EQ(g->tm_sec, 40);
	EXPECT_EQ(g->tm_wday, 0);
	EXPECT_EQ(g->tm_yday, 251);
	tm = *g;
	EXPECT_EQ(mktime(&tm), t);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a %j", localtime(&t));
	EXPECT_STREQ(buf, "2001-09-09 01:46:40 Sun 252");
	EXPECT_STREQ(asctime(gmtime(&t)), "Sun Sep  9 01:46:40 2001\n");
	/* time() is the date (time_test checks which), and moves forward. */
	now = time(NULL);
	EXPECT_GE(now, 0);
	EXPECT_GE(time(NULL), now);
}

/* Compared within a relative 1e-12: libm's results are correctly rounded or close. */
#define EXPECT_NEAR(x, want)                                                   \
	EXPECT_TRUE(fabs((x) - (want)) <= 1e-12 * (fabs(want) + 1))

static void math_functions(void)
{
	volatile double two = 2.0, minus = -2.5; /* not folded by gcc */

	EXPECT_NEAR(sqrt(two), 1.4142135623730951);
	EXPECT_NEAR(sin(two), 0.9092974268256817);
	EXPECT_NEAR(cos(two), -0.4161468365471424);
	EXPECT_NEAR(pow(two, 0.5), 1.4142135623730951);
	EXPECT_NEAR(pow(two, 10), 1024.0);
	EXPECT_NEAR(exp(two), 7.38905609893065);
	EXPECT_NEAR(log(two), 0.6931471805599453);
	EXPECT_NEAR(atan2(1, two), 0.4636476090008061);
	EXPECT_TRUE(floor(minus) == -3.0);
	EXPECT_TRUE(ceil(minus) == -2.0);
	EXPECT_TRUE(fabs(minus) == 2.5);
	EXPECT_TRUE(fmod(7.5, two) == 1.5);
	EXPECT_TRUE(isnan(sqrt(minus)));
}

/* errno values are the kernel's, and strerror knows them. */
static void errno_and_messages(void)
{
	errno = 0;
	EXPECT_EQ(open("/no/such/file", O_RDONLY), -1);
	EXPECT_EQ(errno, ENOENT);
	EXPECT_EQ(ENOENT, 2);
	EXPECT_EQ(ENOSYS, 38);
	EXPECT_EQ(ENOTEMPTY, 39);
	EXPECT_STREQ(strerror(ENOENT), "No such file or directory");
	EXPECT_TRUE(strstr(strerror(ENOSYS), "not implemented") != NULL);
	EXPECT_EQ(close(-1), -1);
	EXPECT_EQ(errno, EBADF);
}

/* A file through stdio: fopen's flags reach the kernel as its own. */
static void stdio_file(void)
{
	static const char path[] = "/tmp/libc_test.txt";
	char line[32];
	struct stat st;
	FILE *f = fopen(path, "w");

	ASSERT_TRUE(f != NULL);
	EXPECT_EQ(fprintf(f, "pi=%.3f\n", M_PI), 9);
	EXPECT_EQ(fclose(f), 0);
	EXPECT_EQ(stat(path, &st), 0);
	EXPECT_EQ(st.st_size, 9);
	f = fopen(path, "a+");
	ASSERT_TRUE(f != NULL);
	fputs("more\n", f);
	rewind(f);
	EXPECT_TRUE(fgets(line, sizeof(line), f) != NULL);
	EXPECT_STREQ(line, "pi=3.142\n");
	EXPECT_TRUE(fgets(line, sizeof(line), f) != NULL);
	EXPECT_STREQ(line, "more\n");
	fclose(f);
	EXPECT_TRUE(fopen(path, "wx") == NULL);
	EXPECT_EQ(errno, EEXIST);
	EXPECT_EQ(remove(path), 0);
}

static void *thread_errno(void *arg)
{
	char buf[32];

	errno = 0;
	close(-1);
	/* The thread's own state serves printf's %f (dtoa's buffers) too. */
	snprintf(buf, sizeof(buf), "%.1f", 0.25);
	return (void *)(long)(errno == EBADF && !strcmp(buf, "0.2"));
}

static void errno_per_thread(void)
{
	pthread_t t;
	void *ok;

	errno = ENOENT;
	ASSERT_EQ(pthread_create(&t, NULL, thread_errno, NULL), 0);
	ASSERT_EQ(pthread_join(t, &ok), 0);
	EXPECT_TRUE(ok);
	EXPECT_EQ(errno, ENOENT); /* the thread's EBADF was its own */
}

static int constructed;
static int fini_fd = -1;

__attribute__((constructor)) static void construct(void)
{
	constructed++;
}

__attribute__((destructor)) static void destruct(void)
{
	if (fini_fd >= 0)
		write(fini_fd, "fini", 4);
}

static void say_atexit(void)
{
	write(fini_fd, "atexit ", 7);
}

/*
 * Constructors ran once, before main; at exit the atexit handlers run,
 * then the destructors (the kselftest harness relies on both).
 */
static void constructors_destructors(void)
{
	char buf[32] = { 0 };
	int p[2], status, n = 0;
	long got;
	pid_t pid;

	EXPECT_EQ(constructed, 1);
	ASSERT_EQ(pipe(p), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		fini_fd = p[1];
		atexit(say_atexit);
		exit(0);
	}
	close(p[1]);
	while ((got = read(p[0], buf + n, sizeof(buf) - 1 - n)) > 0)
		n += got;
	close(p[0]);
	EXPECT_STREQ(buf, "atexit fini");
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
}

/* Run fn in a child whose stderr is a pipe: what it wrote, its status. */
static int stderr_of(void (*fn)(void), char *buf, size_t size)
{
	int p[2], status = -1;
	size_t n = 0;
	long got;
	pid_t pid;

	memset(buf, 0, size);
	if (pipe(p))
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(p[1], 2);
		fn();
		exit(0);
	}
	close(p[1]);
	while ((got = read(p[0], buf + n, size - 1 - n)) > 0)
		n += got;
	close(p[0]);
	waitpid(pid, &status, 0);
	return status;
}

static void warn_twice(void)
{
	errno = ENOENT;
	warn("open %s", "x");
	warnx("plain %d", 7);
}

static void err_3(void)
{
	errno = EBADF;
	err(3, "read");
}

static void errx_4(void)
{
	errx(4, "bad %s", "input");
}

/* <err.h>: the program's name, the message, strerror(errno) or not. */
static void err_messages(void)
{
	char buf[128];
	int status;

	status = stderr_of(warn_twice, buf, sizeof(buf));
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	EXPECT_STREQ(buf, "libc_test: open x: No such file or directory\n"
			  "libc_test: plain 7\n");
	status = stderr_of(err_3, buf, sizeof(buf));
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 3);
	EXPECT_STREQ(buf, "libc_test: read: Bad file number\n");
	status = stderr_of(errx_4, buf, sizeof(buf));
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 4);
	EXPECT_STREQ(buf, "libc_test: bad input\n");
}

static const struct ktap_case cases[] = {
	KTAP_CASE(printf_float),       KTAP_CASE(scanf_family),
	KTAP_CASE(fscanf_pipe),	       KTAP_CASE(strtod_cases),
	KTAP_CASE(setjmp_longjmp),     KTAP_CASE(qsort_bsearch),
	KTAP_CASE(calendar_utc),       KTAP_CASE(math_functions),
	KTAP_CASE(errno_and_messages), KTAP_CASE(stdio_file),
	KTAP_CASE(errno_per_thread),   KTAP_CASE(constructors_destructors),
	KTAP_CASE(err_messages),
};

int main(void)
{
	return ktap_main("libc_test", cases, KTAP_NCASES(cases));
}
