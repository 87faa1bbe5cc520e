// SPDX-License-Identifier: MIT
/*
 * The initrd: a cpio archive in the "newc" format, as Linux's initramfs,
 * unpacked into the root ramfs at boot.  Each member is
 *
 *   header  "070701" and 13 fields of 8 hex digits: ino, mode, uid, gid,
 *           nlink, mtime, filesize, devmajor, devminor, rdevmajor,
 *           rdevminor, namesize, check (110 bytes)
 *   name    namesize bytes, its NUL included; header + name padded with
 *           NULs to a multiple of 4
 *   data    filesize bytes, padded to a multiple of 4
 *
 * and the archive ends with a member named "TRAILER!!!".  Directories and
 * regular files are created with the header's mode; other types (symbolic
 * links, device nodes) are skipped with a message.  The archive comes from
 * outside, so every field is checked against the archive's bounds: a
 * malformed one gives -EINVAL, never a read past its end.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define CPIO_MAGIC "070701"
#define CPIO_HEADER_SIZE 110
#define CPIO_TRAILER "TRAILER!!!"

/* Field numbers in the header. */
enum {
	C_INO,
	C_MODE,
	C_UID,
	C_GID,
	C_NLINK,
	C_MTIME,
	C_FILESIZE,
	C_MAJ,
	C_MIN,
	C_RMAJ,
	C_RMIN,
	C_NAMESIZE,
	C_CHKSUM,
	C_NFIELDS
};

struct cpio_member {
	unsigned long mode;
	const char *name;
	const char *data;
	size_t size;
	size_t next; /* offset of the next header */
};

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int parse_hex8(const char *s, unsigned long *val)
{
	*val = 0;
	for (int i = 0; i < 8; i++) {
		int d = hex_digit(s[i]);

		if (d < 0)
			return -EINVAL;
		*val = *val << 4 | d;
	}
	return 0;
}

static size_t align4(size_t x)
{
	return (x + 3) & ~(size_t)3;
}

/*
 * Parse the member whose header is at offset off of the archive buf[size].
 * Every length is compared with what is left of the archive before use.
 */
static int cpio_parse(const char *buf, size_t size, size_t off,
		      struct cpio_member *m)
{
	unsigned long f[C_NFIELDS];
	size_t name_off, namesize, data_off;

	if (off > size || size - off < CPIO_HEADER_SIZE)
		return -EINVAL;
	if (memcmp(buf + off, CPIO_MAGIC, 6))
		return -EINVAL;
	for (int i = 0; i < C_NFIELDS; i++)
		if (parse_hex8(buf + off + 6 + 8 * i, &f[i]))
			return -EINVAL;

	name_off = off + CPIO_HEADER_SIZE;
	namesize = f[C_NAMESIZE];
	if (namesize == 0 || namesize > size - name_off)
		return -EINVAL;
	m->name = buf + name_off;
	if (strnlen(m->name, namesize) != namesize - 1)
		return -EINVAL; /* the NUL must be the name's last byte */

	/* The trailer's padding may be cut off: allow that if it is empty. */
	data_off = align4(name_off + namesize);
	if (data_off > size)
		data_off = size;
	m->size = f[C_FILESIZE];
	if (m->size > size - data_off)
		return -EINVAL;
	m->mode = f[C_MODE];
	m->data = buf + data_off;
	m->next = align4(data_off + m->size);
	return 0;
}

/* Create directory m->name (mkdir -p style: an existing one is fine). */
static int cpio_mkdir(const struct fs_struct *fs, const char *name,
		      unsigned int mode)
{
	char last[NAME_MAX + 1];
	struct inode *dir, *inode;
	bool slash;
	int err = 0;

	dir = lookup_parent(fs, name, last, &slash);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	inode = ramfs_mknod(dir, last, S_IFDIR | (mode & 07777), NULL, false);
	iput(dir);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	if (!S_ISDIR(inode->i_mode))
		err = -EEXIST;
	iput(inode);
	return err;
}

static int cpio_write_file(const struct fs_struct *fs,
			   const struct cpio_member *m)
{
	struct file *file;
	struct iov_iter from;
	loff_t pos = 0;
	long n;

	file = do_filp_open(fs, m->name, O_WRONLY | O_CREAT | O_TRUNC,
			    m->mode & 07777);
	if (IS_ERR(file))
		return PTR_ERR(file);
	/* The iterator is a source here: the data is only read. */
	iov_iter_kvec(&from, (void *)m->data, m->size);
	n = m->size ? vfs_write(file, &from, &pos) : 0;
	fput(file);
	if (n < 0)
		return n;
	return (size_t)n == m->size ? 0 : -ENOSPC;
}

static int cpio_create(struct inode *root, struct cpio_member *m)
{
	struct fs_struct fs = { root, root };

	while (*m->name == '/')
		m->name++;
	if (!strncmp(m->name, "./", 2))
		m->name += 2;
	if (!*m->name || !strcmp(m->name, "."))
		return 0; /* the root itself */
	switch (m->mode & S_IFMT) {
	case S_IFDIR:
		return cpio_mkdir(&fs, m->name, m->mode);
	case S_IFREG:
		return cpio_write_file(&fs, m);
	default:
		printk("initrd: skipping %s (mode %lo)\n", m->name, m->mode);
		return 0;
	}
}

int cpio_unpack(struct inode *root, const void *data, size_t size)
{
	size_t off = 0;

	for (;;) {
		struct cpio_member m;
		int err = cpio_parse(data, size, off, &m);

		if (err)
			return err;
		if (!strcmp(m.name, CPIO_TRAILER))
			return 0;
		err = cpio_create(root, &m);
		if (err)
			return err;
		off = m.next;
	}
}

int initrd_unpack(const void *data, size_t size)
{
	BUG_ON(!vfs_root);
	return cpio_unpack(vfs_root, data, size);
}
