/* SPDX-License-Identifier: MIT */
/*
 * Red-black trees, intrusive and with Linux's API (include/linux/rbtree.h),
 * so that code written against this one reads like Linux's and a reader can
 * go on to Linux.  The VMAs of an address space live in one (mm/vma.c).
 *
 * Intrusive: the tree does not allocate.  A struct rb_node is embedded in
 * the caller's object and rb_entry() (container_of) gets back from the node
 * to the object.  The tree does not know the key either: to insert, the
 * caller walks down comparing keys, then links the node where the walk
 * fell off the tree and asks the tree to rebalance:
 *
 *	struct rb_node **link = &root->rb_node, *parent = NULL;
 *
 *	while (*link) {
 *		struct thing *t = rb_entry(*link, struct thing, rb);
 *
 *		parent = *link;
 *		if (new->key < t->key)
 *			link = &parent->rb_left;
 *		else
 *			link = &parent->rb_right;
 *	}
 *	rb_link_node(&new->rb, parent, link);
 *	rb_insert_color(&new->rb, root);
 *
 * Lookups are the same walk without the linking.  Unlike Linux, which hides
 * the colour in the low bit of the parent pointer, a node keeps its parent
 * and its colour in two plain fields: clarity is worth the 8 bytes.
 *
 * Costs, for n nodes: insert and erase O(log n); rb_first/rb_last O(log n);
 * rb_next/rb_prev O(1) amortized (a whole in-order walk is O(n)).
 */
#ifndef _KERNEL_LIB_RBTREE_H
#define _KERNEL_LIB_RBTREE_H

#include <kernel/kernel.h>

enum rb_color { RB_RED, RB_BLACK };

struct rb_node {
	struct rb_node *rb_parent; /* NULL at the root */
	struct rb_node *rb_left;   /* smaller keys */
	struct rb_node *rb_right;  /* larger (or equal) keys */
	enum rb_color rb_color;
};

struct rb_root {
	struct rb_node *rb_node; /* NULL when empty */
};

#define RB_ROOT ((struct rb_root){ NULL })
#define RB_EMPTY_ROOT(root) ((root)->rb_node == NULL)

/*
 * A node in no tree points to itself, as in Linux, so code can ask whether
 * an object is linked: RB_CLEAR_NODE after rb_erase, RB_EMPTY_NODE to ask.
 */
#define RB_CLEAR_NODE(node) ((node)->rb_parent = (node))
#define RB_EMPTY_NODE(node) ((node)->rb_parent == (node))

#define rb_entry(ptr, type, member) container_of(ptr, type, member)
/* rb_entry, but NULL for NULL: for the results of rb_next() and friends. */
#define rb_entry_safe(ptr, type, member)                                       \
	({                                                                     \
		struct rb_node *__ptr = (ptr);                                 \
		__ptr ? rb_entry(__ptr, type, member) : NULL;                  \
	})

/*
 * Put node, as a leaf, at *link, a NULL child pointer of parent (or the
 * root's pointer, with parent NULL).  It is red, so no black height changes,
 * but it may sit under a red parent: rb_insert_color() must follow.
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->rb_parent = parent;
	node->rb_left = NULL;
	node->rb_right = NULL;
	node->rb_color = RB_RED;
	*link = node;
}

/* Restore the red-black rules after rb_link_node(node, ...). */
void rb_insert_color(struct rb_node *node, struct rb_root *root);
/* Take node out of the tree and rebalance; node's fields are left stale. */
void rb_erase(struct rb_node *node, struct rb_root *root);

/*
 * Augmented trees (Linux's rbtree_augmented.h, reduced): each node of the
 * caller's keeps a value computed from its own object and its children's
 * values -- the VMA tree keeps the largest free gap below each subtree
 * (mm/vma.c), so a search can skip every subtree without a gap big enough.
 * augment(node) recomputes node's value from its children's.  The tree
 * calls it wherever its own changes move subtrees (rotations, unlinking);
 * the caller calls rb_augment_path when a node's own part of the value
 * changes (the VMA's neighbour moved): node and all above it recompute.
 * Each of these is O(log n).
 */
typedef void (*rb_augment_fn)(struct rb_node *node);

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 rb_augment_fn augment);
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			rb_augment_fn augment);
void rb_augment_path(struct rb_node *node, rb_augment_fn augment);

/* The smallest and largest nodes, or NULL when the tree is empty. */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
/* The in-order neighbours of a linked node, or NULL at either end. */
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

#endif
