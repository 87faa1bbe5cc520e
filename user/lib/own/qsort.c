// SPDX-License-Identifier: MIT
/*
 * qsort() as a heapsort: O(n log n) in every case, in place, no recursion.
 * (Not stable, which qsort need not be.)  And bsearch().
 */
#include <stdlib.h>

typedef int (*cmp_fn)(const void *, const void *);

static void swap(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

/* Move element root down until the subtree under it, within n, is a heap. */
static void sift_down(char *base, size_t root, size_t n, size_t size,
		      cmp_fn cmp)
{
	for (;;) {
		size_t child = 2 * root + 1;

		if (child >= n)
			return;
		/* The larger child ... */
		if (child + 1 < n &&
		    cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		/* ... goes up, if it is larger than the root. */
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap(base + root * size, base + child * size, size);
		root = child;
	}
}

void qsort(void *base, size_t n, size_t size, cmp_fn cmp)
{
	char *b = base;

	if (n < 2)
		return;
	/* Make the array a max-heap, bottom up. */
	for (size_t i = n / 2; i-- > 0;)
		sift_down(b, i, n, size, cmp);
	/* Move the largest to the end, shrink the heap, repeat. */
	for (size_t end = n - 1; end > 0; end--) {
		swap(b, b + end * size, size);
		sift_down(b, 0, end, size, cmp);
	}
}

void *bsearch(const void *key, const void *base, size_t n, size_t size,
	      cmp_fn cmp)
{
	const char *b = base;

	while (n > 0) {
		const char *mid = b + (n / 2) * size;
		int c = cmp(key, mid);

		if (c == 0)
			return (void *)mid;
		if (c > 0) { /* in the upper half, after mid */
			b = mid + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}
