// SPDX-License-Identifier: MIT
/*
 * iov_iter: copying to and from the buffer of a read or write, user or
 * kernel (see kernel/fs/uio.h).  The only place in the file layer that
 * touches user memory for data; copy_to_user and friends turn a bad user
 * pointer into a short copy here, which the caller reports as EFAULT.
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

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	bytes = min(bytes, i->count);
	if (i->user) {
		if (copy_to_user(i->ubuf, addr, bytes))
			return 0;
	} else {
		memcpy(i->kbuf, addr, bytes);
	}
	iov_iter_advance(i, bytes);
	return bytes;
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	bytes = min(bytes, i->count);
	if (i->user) {
		if (copy_from_user(addr, i->ubuf, bytes))
			return 0;
	} else {
		memcpy(addr, i->kbuf, bytes);
	}
	iov_iter_advance(i, bytes);
	return bytes;
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	bytes = min(bytes, i->count);
	if (i->user) {
		if (clear_user(i->ubuf, bytes))
			return 0;
	} else {
		memset(i->kbuf, 0, bytes);
	}
	iov_iter_advance(i, bytes);
	return bytes;
}
