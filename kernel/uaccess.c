// SPDX-License-Identifier: MIT
/*
 * Copying to and from user memory (see kernel/uaccess.h).  The range check
 * keeps user pointers out of the kernel half; the arch's fault-tolerant
 * copy (<asm/uaccess.h>) catches everything else (unmapped pages,
 * read-only pages: the kernel obeys user page rights too) and says how far
 * it got.
 */
#include <asm/page.h>
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/uaccess.h>

bool access_ok(const void __user *ptr, size_t n)
{
	unsigned long addr = (unsigned long)ptr;

	return addr <= TASK_SIZE && n <= TASK_SIZE - addr;
}

size_t copy_from_user(void *dst, const void __user *src, size_t n)
{
	if (!access_ok(src, n))
		return n;
	return raw_copy_from_user(dst, src, n);
}

size_t copy_to_user(void __user *dst, const void *src, size_t n)
{
	if (!access_ok(dst, n))
		return n;
	return raw_copy_to_user(dst, src, n);
}

/* Byte by byte: the string's end, not size, decides how much is read. */
long strncpy_from_user(char *dst, const char __user *src, size_t size)
{
	for (size_t i = 0; i < size; i++) {
		if (copy_from_user(&dst[i], src + i, 1))
			return -EFAULT;
		if (!dst[i])
			return i;
	}
	return -ENAMETOOLONG;
}

size_t clear_user(void __user *dst, size_t n)
{
	static const char zeros[256];

	if (!access_ok(dst, n))
		return n;
	while (n) {
		size_t chunk = n < sizeof(zeros) ? n : sizeof(zeros);
		size_t left = raw_copy_to_user(dst, zeros, chunk);

		n -= chunk - left;
		if (left)
			break;
		dst = (char __user *)dst + chunk;
	}
	return n;
}
