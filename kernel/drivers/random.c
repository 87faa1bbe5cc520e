// SPDX-License-Identifier: MIT
/*
 * /dev/urandom and /dev/random (Linux: drivers/char/random.c, much
 * reduced): reads give as many unpredictable-looking bytes as asked, never
 * waiting; writes are accepted and stirred into the state.  Both nodes are
 * the same generator, as they are on Linux since 5.6 once it is seeded.
 *
 * This is NOT a cryptographic generator.  The state is a 64-bit word run
 * through SplitMix64 (a counter stepped by the golden ratio, then a
 * bijective mixing function), and the only entropy is when things happen:
 * every read folds in the free-running clock counter (arch_clock_cycles)
 * and jiffies.  Good enough for mkstemp's names and for tests; not for keys.
 *
 * Locking: the state is one word under a spinlock; the copy to the user,
 * which may fault, runs outside it on a chunk taken under it.
 */
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/kernel.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>

#define GOLDEN_GAMMA 0x9e3779b97f4a7c15ULL

static struct spinlock random_lock = SPINLOCK_INIT;
static u64 random_state;

static u64 splitmix64(u64 *state)
{
	u64 z = (*state += GOLDEN_GAMMA);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Fold v into the state (a new event, or bytes written by a user). */
static void mix_in(u64 v)
{
	unsigned long flags = spin_lock_irqsave(&random_lock);

	random_state = (random_state ^ v) * GOLDEN_GAMMA + jiffies;
	spin_unlock_irqrestore(&random_lock, flags);
}

static void fill(u64 *words, size_t n)
{
	unsigned long flags = spin_lock_irqsave(&random_lock);

	for (size_t i = 0; i < n; i++)
		words[i] = splitmix64(&random_state);
	spin_unlock_irqrestore(&random_lock, flags);
}

static long random_read(struct kiocb *iocb, struct iov_iter *to)
{
	size_t done = 0;

	mix_in(arch_clock_cycles());
	while (iov_iter_count(to)) {
		u64 chunk[8];
		size_t want = min(sizeof(chunk), iov_iter_count(to));
		size_t copied;

		fill(chunk, ARRAY_SIZE(chunk));
		copied = copy_to_iter(chunk, want, to);
		done += copied;
		if (copied < want)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

static long random_write(struct kiocb *iocb, struct iov_iter *from)
{
	size_t done = 0;

	while (iov_iter_count(from)) {
		u64 v = 0;
		size_t want = min(sizeof(v), iov_iter_count(from));
		size_t copied = copy_from_iter(&v, want, from);

		mix_in(v);
		done += copied;
		if (copied < want)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

const struct file_operations random_fops = {
	.read_iter = random_read,
	.write_iter = random_write,
};
