// SPDX-License-Identifier: MIT
/*
 * Pipes: a one-page ring buffer between the files of pipe()'s two ends.
 *
 * The buffer holds len bytes starting at head; the free space starts at
 * (head + len) mod PIPE_SIZE, and a copy that reaches the end of the page
 * continues at its start (wraparound), so a transfer is one or two memcpys.
 *
 *   read   blocks while the pipe is empty and some writer remains; returns
 *          what is there (up to the count asked), or 0 (end of file) when
 *          it is empty and every write end is closed
 *   write  blocks while the pipe is full and some reader remains; SIGPIPE
 *          and EPIPE when no reader remains.  A write of
 *          at most PIPE_BUF bytes waits until it fits whole, so it is never
 *          interleaved with another writer's (POSIX requires it)
 *
 * Sleeping uses wait_event, which returns -ERESTARTSYS for a signalled
 * task: the call then returns what it had transferred, or that (EINTR or a
 * restart, kernel/signal.c).  With O_NONBLOCK neither end waits: what
 * would wait is EAGAIN (or a short write).  poll (select) reports what a
 * read or write would find, and every change of it calls poll_notify.
 *
 * Locking: the pipe inode's lock (a sleeping lock) serializes readers and
 * writers while they copy, which may fault on a user buffer.  Sleepers
 * drop it and wait on rd_wait or wr_wait; whoever changes len, readers or
 * writers wakes the other side.  readers and writers change only when an
 * end is released, under the pipe's spinlock, since release cannot fail
 * (it runs on exit, where a sleeping lock could answer -ERESTARTSYS).
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/sched.h>
#include <mm/mm.h>
#include <mm/slab.h>

#define PIPE_SIZE PAGE_SIZE
#define PIPE_BUF PIPE_SIZE /* writes up to this size are atomic */

struct pipe_inode_info {
	char *buf;		   /* PIPE_SIZE bytes */
	size_t head;		   /* offset of the oldest byte */
	size_t len;		   /* bytes in the buffer */
	unsigned int readers;	   /* files open on the read end */
	unsigned int writers;	   /* files open on the write end */
	struct spinlock lock;	   /* readers and writers */
	struct wait_queue rd_wait; /* readers wait for data or no writers */
	struct wait_queue wr_wait; /* writers wait for room or no readers */
};

/* Move up to n bytes from the buffer to the reader.  Inode lock held. */
static size_t pipe_copy_out(struct pipe_inode_info *pipe, struct iov_iter *to,
			    size_t n)
{
	size_t done = 0;

	n = min(n, pipe->len);
	while (done < n) {
		size_t chunk = min(n - done, PIPE_SIZE - pipe->head);
		size_t copied = copy_to_iter(pipe->buf + pipe->head, chunk, to);

		pipe->head = (pipe->head + copied) % PIPE_SIZE;
		pipe->len -= copied;
		done += copied;
		if (copied < chunk)
			break; /* bad user buffer */
	}
	return done;
}

/* Move up to n bytes from the writer into the free space.  Lock held. */
static size_t pipe_copy_in(struct pipe_inode_info *pipe, struct iov_iter *from,
			   size_t n)
{
	size_t done = 0;

	n = min(n, PIPE_SIZE - pipe->len);
	while (done < n) {
		size_t tail = (pipe->head + pipe->len) % PIPE_SIZE;
		size_t chunk = min(n - done, PIPE_SIZE - tail);
		size_t copied = copy_from_iter(pipe->buf + tail, chunk, from);

		pipe->len += copied;
		done += copied;
		if (copied < chunk)
			break;
	}
	return done;
}

static long pipe_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = iocb->ki_filp->f_inode;
	struct pipe_inode_info *pipe = inode->i_pipe;
	size_t avail, done;
	long err = inode_lock_killable(inode);

	if (err)
		return err;
	while (!pipe->len && pipe->writers) {
		inode_unlock(inode);
		if (iocb->ki_filp->f_flags & O_NONBLOCK)
			return -EAGAIN;
		err = wait_event(&pipe->rd_wait, pipe->len || !pipe->writers);
		if (!err)
			err = inode_lock_killable(inode);
		if (err)
			return err;
	}
	avail = min(pipe->len, iov_iter_count(to));
	done = pipe_copy_out(pipe, to, avail);
	inode_unlock(inode);
	if (done) {
		wake_up(&pipe->wr_wait);
		poll_notify();
	}
	if (done < avail && !done)
		return -EFAULT; /* there was data, but the buffer was bad */
	return done;
}

static long pipe_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = iocb->ki_filp->f_inode;
	struct pipe_inode_info *pipe = inode->i_pipe;
	bool atomic = iov_iter_count(from) <= PIPE_BUF;
	size_t done = 0;
	long err = inode_lock_killable(inode);

	if (err)
		return err;
	while (iov_iter_count(from)) {
		size_t need = atomic ? iov_iter_count(from) : 1;
		size_t want, copied;

		if (!pipe->readers) {
			/* EPIPE is what a writer that ignores SIGPIPE sees. */
			send_signal(current, SIGPIPE);
			err = -EPIPE;
			break;
		}
		if (PIPE_SIZE - pipe->len < need) {
			inode_unlock(inode);
			if (iocb->ki_filp->f_flags & O_NONBLOCK)
				return done ? (long)done : -EAGAIN;
			err = wait_event(&pipe->wr_wait,
					 PIPE_SIZE - pipe->len >= need ||
						 !pipe->readers);
			if (!err)
				err = inode_lock_killable(inode);
			if (err)
				return done ? (long)done : err;
			continue;
		}
		want = min(iov_iter_count(from), PIPE_SIZE - pipe->len);
		copied = pipe_copy_in(pipe, from, want);
		done += copied;
		wake_up(&pipe->rd_wait);
		poll_notify();
		if (copied < want) {
			err = -EFAULT;
			break;
		}
	}
	inode_unlock(inode);
	return done ? (long)done : err;
}

/* The last reference to one end is gone: the other side may now see EOF
 * or EPIPE, so wake it. */
static void pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = inode->i_pipe;
	unsigned long flags = spin_lock_irqsave(&pipe->lock);

	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	spin_unlock_irqrestore(&pipe->lock, flags);
	wake_up(&pipe->rd_wait);
	wake_up(&pipe->wr_wait);
	poll_notify();
}

/*
 * The read end is readable with data or with no writer left (end of
 * file); the write end writable with room for a byte, or in error with
 * no reader left.  A snapshot: no lock, the words are read once each.
 */
static unsigned int pipe_poll(struct file *file)
{
	struct pipe_inode_info *pipe = file->f_inode->i_pipe;
	unsigned int mask = 0;

	if (file->f_mode & FMODE_READ) {
		if (pipe->len)
			mask |= POLLIN;
		if (!pipe->writers)
			mask |= POLLHUP;
	}
	if (file->f_mode & FMODE_WRITE) {
		if (pipe->len < PIPE_SIZE)
			mask |= POLLOUT;
		if (!pipe->readers)
			mask |= POLLERR;
	}
	return mask;
}

/* No llseek: lseek, pread and pwrite on a pipe are ESPIPE. */
static const struct file_operations pipefifo_fops = {
	.read_iter = pipe_read,
	.write_iter = pipe_write,
	.release = pipe_release,
	.poll = pipe_poll,
};

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe));
	struct page *page;

	if (!pipe)
		return NULL;
	page = alloc_page();
	if (!page) {
		kfree(pipe);
		return NULL;
	}
	pipe->buf = page_address(page);
	pipe->lock = (struct spinlock)SPINLOCK_INIT;
	init_wait_queue(&pipe->rd_wait);
	init_wait_queue(&pipe->wr_wait);
	return pipe;
}

/* Called when the pipe's inode dies, after both ends are released. */
void free_pipe_info(struct pipe_inode_info *pipe)
{
	BUG_ON(pipe->readers || pipe->writers);
	free_page(pipe->buf);
	kfree(pipe);
}

/* A new pipe: res[0] is the read end, res[1] the write end. */
int create_pipe_files(struct file *res[2])
{
	struct inode *inode = new_inode(S_IFIFO | 0600);
	struct file *r, *w;

	if (!inode)
		return -ENOMEM;
	inode->i_pipe = alloc_pipe_info();
	if (!inode->i_pipe) {
		iput(inode);
		return -ENOMEM;
	}
	inode->i_fop = &pipefifo_fops;

	r = alloc_file(inode, O_RDONLY, &pipefifo_fops);
	if (IS_ERR(r)) {
		iput(inode);
		return PTR_ERR(r);
	}
	inode->i_pipe->readers = 1;
	w = alloc_file(inode, O_WRONLY, &pipefifo_fops);
	if (IS_ERR(w)) {
		fput(r);
		iput(inode);
		return PTR_ERR(w);
	}
	inode->i_pipe->writers = 1;
	iput(inode); /* the two files hold it now */
	res[0] = r;
	res[1] = w;
	return 0;
}

/* Close fd in the current task (undoing a half-made pipe()). */
static void undo_install(int fd)
{
	fput(fd_uninstall(fd));
}

long sys_pipe(int __user *fds)
{
	struct file *files[2];
	int kfds[2];
	int err = create_pipe_files(files);

	if (err)
		return err;
	kfds[0] = get_unused_fd();
	if (kfds[0] < 0) {
		fput(files[0]);
		fput(files[1]);
		return kfds[0];
	}
	fd_install(kfds[0], files[0]);
	kfds[1] = get_unused_fd();
	if (kfds[1] < 0) {
		undo_install(kfds[0]);
		fput(files[1]);
		return kfds[1];
	}
	fd_install(kfds[1], files[1]);
	if (copy_to_user(fds, kfds, sizeof(kfds))) {
		undo_install(kfds[0]);
		undo_install(kfds[1]);
		return -EFAULT;
	}
	return 0;
}
