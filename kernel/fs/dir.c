// SPDX-License-Identifier: MIT
/*
 * Directories: lists of (name, inode) entries, struct dentry.
 *
 * ramfs has no disk, so a directory is nothing but its list of entries.
 * (Linux's ramfs is the same: its directories exist only as dentries in
 * the dcache, pinned there.)  A directory also points at its parent, for
 * "..", for getcwd and for walking the tree.
 *
 * One spinlock, dcache_lock, guards every directory's entries and every
 * i_parent (Linux had such a global dcache_lock until 2.6.38).  Work under
 * it is short and never sleeps: allocations are made before taking it and
 * inodes are put after dropping it.  Lookups return the inode with a
 * reference (igrab), so it stays alive after the lock is dropped even if
 * someone unlinks it meanwhile.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/fs/vfs.h>
#include <kernel/panic.h>
#include <kernel/string.h>
#include <mm/slab.h>

struct spinlock dcache_lock = SPINLOCK_INIT;

/* The entry called name in dir, or NULL.  Caller holds dcache_lock. */
static struct dentry *d_find(struct inode *dir, const char *name)
{
	struct dentry *d;

	list_for_each_entry (d, &dir->i_entries, d_child)
		if (!strcmp(d->d_name, name))
			return d;
	return NULL;
}

/* The entry for inode in dir, or NULL.  Caller holds dcache_lock. */
static struct dentry *d_find_inode(struct inode *dir, struct inode *inode)
{
	struct dentry *d;

	list_for_each_entry (d, &dir->i_entries, d_child)
		if (d->d_inode == inode)
			return d;
	return NULL;
}

/*
 * The directory at or below dir that has an entry for inode, searched
 * depth first, or NULL.  Caller holds dcache_lock.
 */
static struct inode *d_find_dir_of(struct inode *dir, struct inode *inode)
{
	struct inode *found;
	struct dentry *d;

	list_for_each_entry (d, &dir->i_entries, d_child) {
		if (d->d_inode == inode)
			return dir;
		if (!S_ISDIR(d->d_inode->i_mode))
			continue;
		found = d_find_dir_of(d->d_inode, inode);
		if (found)
			return found;
	}
	return NULL;
}

struct inode *ramfs_lookup(struct inode *dir, const char *name)
{
	unsigned long flags = spin_lock_irqsave(&dcache_lock);
	struct dentry *d = d_find(dir, name);
	struct inode *inode = d ? igrab(d->d_inode) : NULL;

	spin_unlock_irqrestore(&dcache_lock, flags);
	if (!inode && dir->i_lookup)
		inode = dir->i_lookup(dir, name);
	return inode;
}

/* "..": the parent, dir itself at root, NULL if dir has been removed. */
struct inode *ramfs_parent(struct inode *dir, struct inode *root)
{
	unsigned long flags = spin_lock_irqsave(&dcache_lock);
	struct inode *parent = dir == root ? dir : dir->i_parent;

	if (parent)
		igrab(parent);
	spin_unlock_irqrestore(&dcache_lock, flags);
	return parent;
}

static struct inode *ramfs_get_inode(unsigned int mode,
				     const struct file_operations *fops)
{
	struct inode *inode = new_inode(mode);

	if (!inode)
		return NULL;
	switch (mode & S_IFMT) {
	case S_IFREG: /* fops: a file that is not data in pages (/proc, /xip) */
		inode->i_fop = fops ? fops : &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_fop = fops ? fops : &ramfs_dir_operations;
		break;
	case S_IFCHR:
	case S_IFBLK:
		inode->i_fop = fops;
		break;
	default:
		BUG_ON(1); /* callers create only these types */
	}
	return inode;
}

/*
 * A name added to dir or taken from it changes dir's data (mtime, ctime);
 * the inode named gains or loses a link (ctime), as POSIX wants.
 */
static void d_changed(struct inode *dir, struct inode *inode)
{
	inode_update_time(dir, S_MTIME | S_CTIME);
	if (inode)
		inode_update_time(inode, S_CTIME);
}

/*
 * Link new into dir as d.  Caller holds dcache_lock.  An inode just made
 * keeps the times it was made with, all three equal.
 */
static void d_add(struct inode *dir, struct dentry *d, struct inode *new)
{
	d_changed(dir, new->i_nlink ? new : NULL);
	d->d_inode = new;
	list_add_tail(&d->d_child, &dir->i_entries);
	inc_nlink(new);
	if (S_ISDIR(new->i_mode)) {
		inc_nlink(new); /* its "." */
		inc_nlink(dir); /* its ".." */
		new->i_parent = dir;
	}
}

/*
 * Create name in dir with the given mode (a regular file, a directory, or
 * a character or block device with the given operations).  If name exists, it is
 * EEXIST when excl is set, otherwise the existing inode, whatever its type
 * (open with O_CREAT, mkdir -p).  Returns the inode with a reference.
 */
struct inode *ramfs_mknod(struct inode *dir, const char *name,
			  unsigned int mode, const struct file_operations *fops,
			  bool excl)
{
	struct inode *new, *inode;
	struct dentry *d, *old;
	unsigned long flags;

	BUG_ON(!S_ISDIR(dir->i_mode));
	BUG_ON(!*name || strnlen(name, NAME_MAX + 1) > NAME_MAX);
	new = ramfs_get_inode(mode, fops);
	d = kzalloc(sizeof(*d));
	if (!new || !d) {
		inode = ERR_PTR(-ENOMEM);
		goto out_free;
	}
	strscpy(d->d_name, name, sizeof(d->d_name));

	flags = spin_lock_irqsave(&dcache_lock);
	old = d_find(dir, name);
	if (old) {
		inode = excl ? ERR_PTR(-EEXIST) : igrab(old->d_inode);
	} else if (IS_RDONLY(dir)) {
		inode = ERR_PTR(-EROFS);
	} else if (!dir->i_nlink) {
		inode = ERR_PTR(-ENOENT); /* dir has been removed */
	} else {
		d_add(dir, d, new);
		inode = new;
	}
	spin_unlock_irqrestore(&dcache_lock, flags);
	if (inode == new)
		return new;
out_free:
	kfree(d);
	if (new)
		iput(new); /* never linked: this frees it */
	return inode;
}

int ramfs_unlink(struct inode *dir, const char *name)
{
	unsigned long flags;
	struct dentry *d;
	struct inode *inode;

	if (IS_RDONLY(dir))
		return -EROFS;
	flags = spin_lock_irqsave(&dcache_lock);
	d = d_find(dir, name);

	if (!d || S_ISDIR(d->d_inode->i_mode)) {
		spin_unlock_irqrestore(&dcache_lock, flags);
		return d ? -EISDIR : -ENOENT;
	}
	inode = igrab(d->d_inode);
	list_del(&d->d_child);
	drop_nlink(inode);
	d_changed(dir, inode);
	spin_unlock_irqrestore(&dcache_lock, flags);

	kfree(d);
	iput(inode); /* frees it if it was the last link and nobody has it open */
	return 0;
}

/*
 * link: a second name, name in dir, for inode (not a directory: EPERM, as
 * Linux, since a directory's ".." names one parent).  An inode that has
 * lost its last name (open, unlinked) cannot get a new one: ENOENT.
 */
int ramfs_link(struct inode *inode, struct inode *dir, const char *name)
{
	struct dentry *d;
	unsigned long flags;
	int err = 0;

	if (IS_RDONLY(dir))
		return -EROFS;
	d = kzalloc(sizeof(*d));
	if (!d)
		return -ENOMEM;
	strscpy(d->d_name, name, sizeof(d->d_name));
	flags = spin_lock_irqsave(&dcache_lock);
	if (d_find(dir, name))
		err = -EEXIST;
	else if (S_ISDIR(inode->i_mode))
		err = -EPERM;
	else if (!dir->i_nlink || !inode->i_nlink)
		err = -ENOENT;
	else
		d_add(dir, d, inode);
	spin_unlock_irqrestore(&dcache_lock, flags);
	if (err)
		kfree(d);
	return err;
}

/* Is dir inode itself, or below it?  Caller holds dcache_lock. */
static bool is_subdir(struct inode *dir, struct inode *inode)
{
	for (;;) {
		if (dir == inode)
			return true;
		if (!dir->i_parent || dir->i_parent == dir)
			return false; /* removed, or the root */
		dir = dir->i_parent;
	}
}

/*
 * Can src replace target (the inode its new name has now) in a rename?
 * A directory replaces only an empty directory, a file only a file.
 */
static int rename_target_error(struct inode *src, struct inode *target)
{
	if (!target)
		return 0;
	if (S_ISDIR(src->i_mode) && !S_ISDIR(target->i_mode))
		return -ENOTDIR;
	if (!S_ISDIR(src->i_mode) && S_ISDIR(target->i_mode))
		return -EISDIR;
	if (!list_empty(&target->i_entries))
		return -ENOTEMPTY;
	return 0;
}

/* target loses the name rename gave away.  Caller holds dcache_lock. */
static void drop_replaced(struct inode *dir, struct inode *target)
{
	drop_nlink(target);
	if (!S_ISDIR(target->i_mode))
		return;
	target->i_parent = NULL;
	drop_nlink(target); /* its "." */
	drop_nlink(dir);    /* its ".." */
}

/* The checks and the move, under dcache_lock; *victim: a replaced inode. */
static int __ramfs_rename(struct inode *old_dir, const char *old_name,
			  struct inode *new_dir, const char *new_name,
			  struct inode **victim, struct dentry **unused)
{
	struct dentry *od = d_find(old_dir, old_name);
	struct dentry *nd = d_find(new_dir, new_name);
	struct inode *src, *target;
	int err;

	if (!od || !new_dir->i_nlink)
		return -ENOENT;
	src = od->d_inode;
	target = nd ? nd->d_inode : NULL;
	if (target == src)
		return 0; /* two names of one file: nothing to do (POSIX) */
	if (S_ISDIR(src->i_mode) && is_subdir(new_dir, src))
		return -EINVAL; /* into itself: it would leave the tree */
	err = rename_target_error(src, target);
	if (err)
		return err;
	list_del(&od->d_child);
	if (nd) {
		*victim = igrab(target);
		drop_replaced(new_dir, target);
		nd->d_inode = src;
		*unused = od;
	} else {
		strscpy(od->d_name, new_name, sizeof(od->d_name));
		list_add_tail(&od->d_child, &new_dir->i_entries);
	}
	if (S_ISDIR(src->i_mode) && old_dir != new_dir) {
		src->i_parent = new_dir;
		drop_nlink(old_dir); /* src's ".." moves */
		inc_nlink(new_dir);
	}
	d_changed(old_dir, src);
	d_changed(new_dir, target ? target : src);
	return 0;
}

/*
 * rename: old_name in old_dir becomes new_name in new_dir, in one step
 * under dcache_lock, so no lookup sees neither name or a half-moved
 * directory.  An existing new_name is replaced, its inode freed with its
 * last name and reference (an open or mapped one lives on until closed).
 * The inode renamed keeps everything else: its page cache and its
 * mappings never notice.
 */
int ramfs_rename(struct inode *old_dir, const char *old_name,
		 struct inode *new_dir, const char *new_name)
{
	struct inode *victim = NULL;
	struct dentry *unused = NULL;
	unsigned long flags;
	int err;

	if (IS_RDONLY(old_dir) || IS_RDONLY(new_dir))
		return -EROFS;
	flags = spin_lock_irqsave(&dcache_lock);
	err = __ramfs_rename(old_dir, old_name, new_dir, new_name, &victim,
			     &unused);
	spin_unlock_irqrestore(&dcache_lock, flags);
	kfree(unused);
	if (victim)
		iput(victim);
	return err;
}

/* Remove the empty directory name from dir.  Caller holds dcache_lock. */
static int __ramfs_rmdir(struct inode *dir, const char *name,
			 struct inode **victim, struct dentry **entry)
{
	struct dentry *d = d_find(dir, name);
	struct inode *child;

	if (!d)
		return -ENOENT;
	child = d->d_inode;
	if (!S_ISDIR(child->i_mode))
		return -ENOTDIR;
	if (!list_empty(&child->i_entries))
		return -ENOTEMPTY;
	*victim = igrab(child);
	*entry = d;
	list_del(&d->d_child);
	child->i_parent = NULL;
	drop_nlink(child); /* its entry in dir */
	drop_nlink(child); /* its "." */
	drop_nlink(dir);   /* its ".." */
	d_changed(dir, child);
	return 0;
}

/* rmdir: remove the empty directory name in dir (the rmdir system call). */
int ramfs_rmdir(struct inode *dir, const char *name)
{
	unsigned long flags;
	struct inode *child;
	struct dentry *d;
	int err;

	if (IS_RDONLY(dir))
		return -EROFS;
	flags = spin_lock_irqsave(&dcache_lock);
	err = __ramfs_rmdir(dir, name, &child, &d);

	spin_unlock_irqrestore(&dcache_lock, flags);
	if (err)
		return err;
	kfree(d);
	iput(child);
	return 0;
}

/* A new, empty tree: its root is its own parent.  Returns it referenced. */
struct inode *ramfs_new_root(void)
{
	struct inode *root = ramfs_get_inode(S_IFDIR | 0755, NULL);

	if (!root)
		return NULL;
	root->i_parent = root;
	inc_nlink(root); /* "." */
	inc_nlink(root); /* ".." */
	return root;
}

/*
 * Remove everything in the tree under root, then root itself (Linux's
 * kill_litter_super when a ramfs is unmounted).  Depth first, without
 * recursion: descend into the first non-empty directory, remove leaves,
 * climb back when a directory is empty.  Nothing else may use the tree
 * meanwhile; files still open keep their inodes until closed.
 */
void ramfs_kill_tree(struct inode *root)
{
	struct inode *dir = root;
	unsigned long flags;

	for (;;) {
		struct inode *child;
		struct dentry *d;
		char name[NAME_MAX + 1];

		flags = spin_lock_irqsave(&dcache_lock);
		if (list_empty(&dir->i_entries)) {
			struct inode *up = dir->i_parent;

			spin_unlock_irqrestore(&dcache_lock, flags);
			if (dir == root)
				break;
			dir = up;
			continue;
		}
		d = list_first_entry(&dir->i_entries, struct dentry, d_child);
		child = d->d_inode;
		strscpy(name, d->d_name, sizeof(name));
		spin_unlock_irqrestore(&dcache_lock, flags);

		if (!S_ISDIR(child->i_mode)) {
			BUG_ON(ramfs_unlink(dir, name));
		} else {
			int err = ramfs_rmdir(dir, name);

			if (err == -ENOTEMPTY)
				dir = child; /* empty it first */
			else
				BUG_ON(err);
		}
	}

	flags = spin_lock_irqsave(&dcache_lock);
	root->i_parent = NULL;
	drop_nlink(root);
	drop_nlink(root);
	spin_unlock_irqrestore(&dcache_lock, flags);
	iput(root);
}

/*
 * Write the path of inode, seen from root, at the start of buf ("/" for
 * root itself).  Built backwards from the end of buf, one parent at a time;
 * a file that is not a directory has no i_parent, and the directory
 * holding it is searched for (its first name, if it has several).
 * Returns its length with the NUL, -ENOENT if the directory or one above
 * it has been removed, or -ENAMETOOLONG if it does not fit.
 */
static int __ramfs_path(struct inode *root, struct inode *inode, char *buf,
			size_t size)
{
	char *p = buf + size;

	*--p = '\0';
	if (inode == root)
		*--p = '/';
	while (inode != root) {
		struct inode *parent = inode->i_parent;
		struct dentry *d;
		size_t len;

		/* Only a directory knows its parent: find a file's by search. */
		if (!S_ISDIR(inode->i_mode))
			parent = d_find_dir_of(root, inode);

		if (!parent || parent == inode) /* removed, or above root */
			return -ENOENT;
		d = d_find_inode(parent, inode);
		BUG_ON(!d); /* i_parent and the entries disagree */
		len = strlen(d->d_name);
		if ((size_t)(p - buf) < len + 1)
			return -ENAMETOOLONG;
		p -= len;
		memcpy(p, d->d_name, len);
		*--p = '/';
		inode = parent;
	}
	memmove(buf, p, buf + size - p);
	return buf + size - p;
}

int ramfs_path(struct inode *root, struct inode *inode, char *buf, size_t size)
{
	unsigned long flags;
	int ret;

	BUG_ON(size < 2);
	flags = spin_lock_irqsave(&dcache_lock);
	ret = __ramfs_path(root, inode, buf, size);
	spin_unlock_irqrestore(&dcache_lock, flags);
	return ret;
}

static unsigned char dt_type(unsigned int mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR:
		return DT_DIR;
	case S_IFCHR:
		return DT_CHR;
	case S_IFBLK:
		return DT_BLK;
	case S_IFIFO:
		return DT_FIFO;
	default:
		return DT_REG;
	}
}

static void fill_dirent(struct pagoda_dirent *de, const char *name,
			const struct inode *inode)
{
	de->d_ino = inode->i_ino;
	de->d_type = dt_type(inode->i_mode);
	strscpy(de->d_name, name, sizeof(de->d_name));
}

/*
 * Entry number pos of the directory: 0 is ".", 1 is "..", then the entries
 * in the order they were made.  Finding entry n walks n list nodes, so
 * listing a directory is quadratic in its length: fine for small ones.
 */
static int ramfs_readdir(struct file *file, loff_t pos,
			 struct pagoda_dirent *de)
{
	struct inode *dir = file->f_inode;
	unsigned long flags = spin_lock_irqsave(&dcache_lock);
	struct dentry *d;
	int found = 0;

	if (pos == 0) {
		fill_dirent(de, ".", dir);
		found = 1;
	} else if (pos == 1) {
		fill_dirent(de, "..", dir->i_parent ? dir->i_parent : dir);
		found = 1;
	} else {
		list_for_each_entry (d, &dir->i_entries, d_child) {
			if (pos-- == 2) {
				fill_dirent(de, d->d_name, d->d_inode);
				found = 1;
				break;
			}
		}
	}
	spin_unlock_irqrestore(&dcache_lock, flags);
	return found;
}

const struct file_operations ramfs_dir_operations = {
	.llseek = generic_file_llseek,
	.readdir = ramfs_readdir,
};

/* How many entries the directory at path holds, "." and ".." aside. */
int vfs_dir_entries(const char *path, bool (*want)(const char *name))
{
	struct fs_struct fs;
	struct inode *dir;
	struct dentry *d;
	unsigned long flags;
	int n = 0;

	current_fs(&fs);
	dir = lookup_path(&fs, path);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	if (!S_ISDIR(dir->i_mode)) {
		iput(dir);
		return -ENOTDIR;
	}
	flags = spin_lock_irqsave(&dcache_lock);
	list_for_each_entry (d, &dir->i_entries, d_child)
		n += !want || want(d->d_name);
	spin_unlock_irqrestore(&dcache_lock, flags);
	iput(dir);
	return n;
}
