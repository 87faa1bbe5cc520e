// SPDX-License-Identifier: MIT
/*
 * The in-guest VM fuzzer (/bin/vmfuzz), a bounded run of it per case: a few
 * thousand random system calls in several processes, each batch checked by
 * the kernel's vm_audit, no page leaked at the end.  The seeds are fixed,
 * so a failure here replays with the command vmfuzz prints; make fuzz runs
 * it with any seed for as long as asked.
 */
#include <sys/swap.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ktap.h"
#include "proc_field.h"

/* Run vmfuzz -q -s seed -n steps -w workers -b batch -T threads; its status. */
static int vmfuzz_threads(const char *seed, const char *steps,
			  const char *workers, const char *batch,
			  const char *threads)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execl("/bin/vmfuzz", "vmfuzz", "-q", "-s", seed, "-n", steps,
		      "-w", workers, "-b", batch, "-T", threads, (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int vmfuzz(const char *seed, const char *steps, const char *workers,
		  const char *batch)
{
	return vmfuzz_threads(seed, steps, workers, batch, "1");
}

static void seed_1(void)
{
	EXPECT_EQ(vmfuzz("1", "3000", "3", "200"), 0);
}

static void seed_2(void)
{
	EXPECT_EQ(vmfuzz("2", "3000", "3", "200"), 0);
}

/* One worker, long batches: deeper histories between audits. */
static void one_worker(void)
{
	EXPECT_EQ(vmfuzz("3", "2000", "1", "1000"), 0);
}

/*
 * With swap on: the "reclaim now" steps (MADV_PAGEOUT) really send pages
 * out, and every later touch and read checks they came back intact.
 */
static void with_swap(void)
{
	long out0 = proc_field("/proc/vmstat", "pswpout");

	if (swapon("/dev/vda", 0) && errno == ENOENT)
		ktap_skip("no /dev/vda on this machine");
	EXPECT_EQ(vmfuzz("4", "3000", "3", "200"), 0);
	EXPECT_GT(proc_field("/proc/vmstat", "pswpout"),
		  out0); /* pages did go out */
	EXPECT_EQ(swapoff("/dev/vda"), 0);
}

/* Workers of three threads: two race the first's steps in the same mm. */
static void threads(void)
{
	EXPECT_EQ(vmfuzz_threads("4", "2000", "2", "250", "3"), 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(seed_1),    KTAP_CASE(seed_2),  KTAP_CASE(one_worker),
	KTAP_CASE(with_swap), KTAP_CASE(threads),
};

int main(void)
{
	return ktap_main("vmfuzz_test", cases, KTAP_NCASES(cases));
}
