/* SPDX-License-Identifier: MIT */
/*
 * struct iov_iter: the other end of a read or write.  A file's read code
 * copies into an iov_iter and its write code copies out of one, without
 * knowing whether the bytes belong to a user program (a system call's
 * buffer) or to the kernel (kernel_read, the initrd, the tests).  So one
 * read path serves them all, and only iov_iter.c knows about user memory.
 *
 * Linux's iov_iter also walks vectors of buffers (readv), pages and pipes;
 * this one is a single buffer, either kind (Linux: ITER_UBUF, ITER_KVEC).
 * The copy helpers advance the iterator past what they copied and return
 * how many bytes that was, exactly: fewer than asked means a bad user page
 * after that many bytes, and the caller reports the partial count (or
 * EFAULT if it moved nothing).
 */
#ifndef _KERNEL_FS_UIO_H
#define _KERNEL_FS_UIO_H

#include <kernel/types.h>
#include <kernel/uaccess.h>

struct iov_iter {
	bool user; /* ubuf (a user address) or kbuf */
	union {
		void __user *ubuf;
		void *kbuf;
	};
	size_t count; /* bytes left */
};

/* An iterator over a user buffer, or over a kernel buffer. */
void iov_iter_ubuf(struct iov_iter *i, void __user *buf, size_t count);
void iov_iter_kvec(struct iov_iter *i, void *buf, size_t count);

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

/* Does the whole buffer lie in user space (access_ok)?  Kernel: yes. */
bool iov_iter_access_ok(const struct iov_iter *i);
/* Shorten the buffer to at most count bytes. */
void iov_iter_truncate(struct iov_iter *i, size_t count);

/* Copy bytes from addr into the buffer (a read): bytes copied. */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
/* Copy bytes out of the buffer to addr (a write): bytes copied. */
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
/* Fill bytes of the buffer with zeros (a read of a hole): bytes zeroed. */
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
/* Skip bytes (a write to /dev/null). */
void iov_iter_advance(struct iov_iter *i, size_t bytes);

#endif
