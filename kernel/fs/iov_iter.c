// SPDX-License-Identifier: MIT
/*
 * iov_iter: copying to and from the buffer of a read or write, user or
 * kernel (see kernel/fs/uio.h).  The only place in the file layer that
 * touches user memory for data; copy_to_user and friends stop at a bad user
 * page, and the helpers here advance past exactly the bytes that moved, so
 * a read or write cut short returns its partial count (EFAULT only when
 * nothing moved), as POSIX and Linux say.
 */
#include <kernel/fs/uio.h>
#include <kernel/panic.h>
#include <kernel/string.h>

void iov_iter_ubuf(struct iov_iter *i, void __user *buf, size_t count)
{
	i->user = true;
	i->ubuf = buf;
	i->count = count;
}

void iov_iter_kvec(struct iov_iter *i, void *buf, size_t count)
{
	i->user = false;
	i->kbuf = buf;
	i->count = count;
}

void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	BUG_ON(bytes > i->count);
	if (i->user)
		i->ubuf = (char __user *)i->ubuf + bytes;
	else
		i->kbuf = (char *)i->kbuf + bytes;
	i->count -= bytes;
}

bool iov_iter_access_ok(const struct iov_iter *i)
{
	return !i->user || access_ok(i->ubuf, i->count);
}

void iov_iter_truncate(struct iov_iter *i, size_t count)
{
	i->count = min(i->count, count);
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	bytes = min(bytes, i->count);
	if (i->user)
		bytes -= copy_to_user(i->ubuf, addr, bytes);
	else
		memcpy(i->kbuf, addr, bytes);
	iov_iter_advance(i, bytes);
	return bytes;
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	bytes = min(bytes, i->count);
	if (i->user)
		bytes -= copy_from_user(addr, i->ubuf, bytes);
	else
		memcpy(addr, i->kbuf, bytes);
	iov_iter_advance(i, bytes);
	return bytes;
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	bytes = min(bytes, i->count);
	if (i->user)
		bytes -= clear_user(i->ubuf, bytes);
	else
		memset(i->kbuf, 0, bytes);
	iov_iter_advance(i, bytes);
	return bytes;
}
