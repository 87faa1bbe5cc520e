// SPDX-License-Identifier: MIT
/*
 * Red-black trees: the balanced binary search tree behind Linux's
 * lib/rbtree.c, which Pagoda's VMA tree (mm/vma.c) uses as Linux did
 * before the maple tree.  The API is in kernel/lib/rbtree.h; the algorithm
 * is the textbook one (Cormen et al., "Introduction to Algorithms",
 * chapter 13), written out case by case.
 *
 * Every node is red or black, and the tree keeps four rules:
 *
 *   1. the root is black;
 *   2. a red node has no red child (no red-red edge);
 *   3. every path from a node down to a missing child (NULL, counted as
 *      black) passes the same number of black nodes: the node's black
 *      height;
 *   4. (as in any search tree) an in-order walk visits the keys sorted.
 *
 * Rule 3 makes the black nodes a perfectly balanced tree, and rule 2 lets
 * reds at most double a path, so the height stays below 2 * log2(n + 1):
 * every walk from the root is O(log n).
 *
 * An insertion or erasure breaks rule 2 or 3 at one spot; the fix-ups below
 * move that spot towards the root by recolouring, and end with at most two
 * (insert) or three (erase) rotations.  Each case is written for the node
 * being on its parent's left; the other side is its mirror image.
 */
#include <kernel/lib/rbtree.h>

/* A missing child counts as black (rule 3). */
static bool rb_is_red(const struct rb_node *node)
{
	return node && node->rb_color == RB_RED;
}

static bool rb_is_black(const struct rb_node *node)
{
	return !rb_is_red(node);
}

/* Make parent (or the root, if parent is NULL) point to new instead of old. */
static void rb_change_child(struct rb_node *old, struct rb_node *new,
			    struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*
 * An augmented tree (rbtree.h) keeps a value per node computed from its
 * subtree.  A rotation changes the subtrees of exactly two nodes, the one
 * that went down and the one that came up: recompute them in that order,
 * children first.  The nodes above see the same set of nodes as before.
 */
static void rb_augment_rotated(struct rb_node *down, struct rb_node *up,
			       rb_augment_fn augment)
{
	if (augment) {
		augment(down);
		augment(up);
	}
}

/*
 * Rotations change the shape but keep the in-order sequence (rule 4):
 *
 *         x                          y
 *        / \    rotate_left(x)      / \
 *       a   y   ------------->     x   c
 *          / \  <-------------    / \
 *         b   c  rotate_right(y) a   b
 */
static void rb_rotate_left(struct rb_node *x, struct rb_root *root,
			   rb_augment_fn augment)
{
	struct rb_node *y = x->rb_right;

	x->rb_right = y->rb_left;
	if (y->rb_left)
		y->rb_left->rb_parent = x;
	y->rb_parent = x->rb_parent;
	rb_change_child(x, y, x->rb_parent, root);
	y->rb_left = x;
	x->rb_parent = y;
	rb_augment_rotated(x, y, augment);
}

static void rb_rotate_right(struct rb_node *y, struct rb_root *root,
			    rb_augment_fn augment)
{
	struct rb_node *x = y->rb_left;

	y->rb_left = x->rb_right;
	if (x->rb_right)
		x->rb_right->rb_parent = y;
	x->rb_parent = y->rb_parent;
	rb_change_child(y, x, y->rb_parent, root);
	x->rb_right = y;
	y->rb_parent = x;
	rb_augment_rotated(y, x, augment);
}

/*
 * Insertion.  The new node is red, so black heights (rule 3) hold; the only
 * possible fault is a red node under a red parent (rule 2).  The loop keeps
 * "node is red, and only the edge to its parent may be red-red".  A red
 * parent is never the root (rule 1), so the grandparent exists and is
 * black.  With parent on the grandparent's left:
 *
 * Case 1, the uncle is red: recolour.  Parent and uncle turn black, the
 * grandparent red; every path through the grandparent keeps its count of
 * blacks.  The grandparent may now be red under red: go up two levels.
 *
 *          G(b)                    G(r)   <- new node
 *         /    \                  /    \
 *       P(r)   U(r)    -->      P(b)   U(b)
 *       /                       /
 *     N(r)                    N(r)
 *
 * Case 2, black uncle, node is an inner grandchild (the parent's right):
 * rotate left at the parent, which turns it into case 3 with the roles of
 * node and parent swapped.
 *
 * Case 3, black uncle, node is an outer grandchild: rotate right at the
 * grandparent and swap the colours of parent and grandparent.  The parent,
 * now black, heads the subtree, so no red-red edge is left and every path
 * still passes one black at this level: done.
 *
 *            G(b)                  P(b)
 *           /    \                /    \
 *         P(r)   U(b)    -->    N(r)   G(r)
 *         /                              \
 *       N(r)                             U(b)
 *
 * Finally the root is painted black (it may have been made red by case 1,
 * or be the new node): that adds one black to every path, keeping rule 3.
 */
static void rb_insert_fixup(struct rb_node *node, struct rb_root *root,
			    rb_augment_fn augment)
{
	struct rb_node *parent, *gparent, *uncle;

	while (rb_is_red(parent = node->rb_parent)) {
		gparent = parent->rb_parent;
		if (parent == gparent->rb_left) {
			uncle = gparent->rb_right;
			if (rb_is_red(uncle)) { /* case 1 */
				parent->rb_color = RB_BLACK;
				uncle->rb_color = RB_BLACK;
				gparent->rb_color = RB_RED;
				node = gparent;
				continue;
			}
			if (node == parent->rb_right) { /* case 2 */
				rb_rotate_left(parent, root, augment);
				node = parent;
				parent = node->rb_parent;
			}
			rb_rotate_right(gparent, root, augment); /* case 3 */
			parent->rb_color = RB_BLACK;
			gparent->rb_color = RB_RED;
			break;
		} else { /* the mirror image */
			uncle = gparent->rb_left;
			if (rb_is_red(uncle)) {
				parent->rb_color = RB_BLACK;
				uncle->rb_color = RB_BLACK;
				gparent->rb_color = RB_RED;
				node = gparent;
				continue;
			}
			if (node == parent->rb_left) {
				rb_rotate_right(parent, root, augment);
				node = parent;
				parent = node->rb_parent;
			}
			rb_rotate_left(gparent, root, augment);
			parent->rb_color = RB_BLACK;
			gparent->rb_color = RB_RED;
			break;
		}
	}
	root->rb_node->rb_color = RB_BLACK;
}

/*
 * Erasure, the rebalancing half.  A black node was unlinked from parent,
 * and node (possibly NULL) took its place, so every path through node has
 * one black too few.  Think of node as carrying an extra black.  A red node
 * can simply absorb it by turning black; otherwise the loop keeps "the
 * subtree at node is one black short, everything else is right" and fixes
 * it.  node's sibling exists: its side still has black height >= 1.  With
 * node on the parent's left:
 *
 * Case 1, red sibling: rotate left at the parent and swap the colours of
 * parent and sibling.  Black heights are unchanged and node now has a black
 * sibling (the old sibling's child): go on with case 2, 3 or 4.
 *
 * Case 2, black sibling with two black children: paint the sibling red.
 * Now the sibling's side is one black short too, so the whole parent
 * subtree is: the extra black moves up to the parent (which, if red, just
 * turns black at the end of the loop).
 *
 *          P(?)                   P(?)  <- now short
 *         /    \                 /    \
 *       N(b)   S(b)     -->    N(b)   S(r)
 *              /  \                   /  \
 *            (b)  (b)               (b)  (b)
 *
 * Case 3, black sibling, its far (right) child black, near child red:
 * rotate right at the sibling and swap the colours of the sibling and its
 * near child.  Black heights are unchanged, and the new sibling has a red
 * far child: case 4.
 *
 * Case 4, black sibling with a red far child: rotate left at the parent;
 * the sibling takes the parent's colour, the parent and the far child turn
 * black.  node's side gains a black (the old parent), the far side keeps its
 * count (the far child made black replaces the sibling), so the deficit is
 * gone and the top keeps its colour: done.
 *
 *          P(?)                      S(?)
 *         /    \                    /    \
 *       N(b)   S(b)       -->     P(b)   F(b)
 *              /  \              /   \
 *             X   F(r)         N(b)   X
 */
static void rb_erase_color(struct rb_node *node, struct rb_node *parent,
			   struct rb_root *root, rb_augment_fn augment)
{
	struct rb_node *sibling;

	while (node != root->rb_node && rb_is_black(node)) {
		if (node == parent->rb_left) {
			sibling = parent->rb_right;
			if (rb_is_red(sibling)) { /* case 1 */
				sibling->rb_color = RB_BLACK;
				parent->rb_color = RB_RED;
				rb_rotate_left(parent, root, augment);
				sibling = parent->rb_right;
			}
			if (rb_is_black(sibling->rb_left) &&
			    rb_is_black(sibling->rb_right)) { /* case 2 */
				sibling->rb_color = RB_RED;
				node = parent;
				parent = node->rb_parent;
				continue;
			}
			if (rb_is_black(sibling->rb_right)) { /* case 3 */
				sibling->rb_left->rb_color = RB_BLACK;
				sibling->rb_color = RB_RED;
				rb_rotate_right(sibling, root, augment);
				sibling = parent->rb_right;
			}
			sibling->rb_color = parent->rb_color; /* case 4 */
			parent->rb_color = RB_BLACK;
			sibling->rb_right->rb_color = RB_BLACK;
			rb_rotate_left(parent, root, augment);
			node = root->rb_node;
			break;
		} else { /* the mirror image */
			sibling = parent->rb_left;
			if (rb_is_red(sibling)) {
				sibling->rb_color = RB_BLACK;
				parent->rb_color = RB_RED;
				rb_rotate_right(parent, root, augment);
				sibling = parent->rb_left;
			}
			if (rb_is_black(sibling->rb_left) &&
			    rb_is_black(sibling->rb_right)) {
				sibling->rb_color = RB_RED;
				node = parent;
				parent = node->rb_parent;
				continue;
			}
			if (rb_is_black(sibling->rb_left)) {
				sibling->rb_right->rb_color = RB_BLACK;
				sibling->rb_color = RB_RED;
				rb_rotate_left(sibling, root, augment);
				sibling = parent->rb_left;
			}
			sibling->rb_color = parent->rb_color;
			parent->rb_color = RB_BLACK;
			sibling->rb_left->rb_color = RB_BLACK;
			rb_rotate_right(parent, root, augment);
			node = root->rb_node;
			break;
		}
	}
	if (node)
		node->rb_color = RB_BLACK;
}

/*
 * Erasure, the unlinking half.  A node with at most one child is spliced
 * out: its child (or NULL) takes its place.  A node with two children is
 * replaced by its successor -- the leftmost node of its right subtree, which
 * has no left child -- taking over the erased node's position and colour,
 * so the tree loses a node where the successor was, a spot with at most one
 * child.  Either way, if the node lost from the tree's shape was black,
 * the paths through it are one black short: rb_erase_color() repairs that.
 */
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			rb_augment_fn augment)
{
	struct rb_node *child, *parent, *succ;
	enum rb_color lost;

	if (!node->rb_left || !node->rb_right) {
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = node->rb_parent;
		lost = node->rb_color;
		rb_change_child(node, child, parent, root);
		if (child)
			child->rb_parent = parent;
	} else {
		succ = node->rb_right;
		while (succ->rb_left)
			succ = succ->rb_left;
		child = succ->rb_right;
		lost = succ->rb_color;
		if (succ == node->rb_right) {
			parent = succ; /* child stays succ's right child */
		} else {
			/* Unhook succ; its right subtree takes its place. */
			parent = succ->rb_parent;
			parent->rb_left = child;
			if (child)
				child->rb_parent = parent;
			succ->rb_right = node->rb_right;
			succ->rb_right->rb_parent = succ;
		}
		succ->rb_left = node->rb_left;
		succ->rb_left->rb_parent = succ;
		succ->rb_color = node->rb_color;
		succ->rb_parent = node->rb_parent;
		rb_change_child(node, succ, node->rb_parent, root);
	}
	/*
	 * parent is the lowest node whose subtree lost a node (succ, when it
	 * was node's right child): it and everything above it recompute.
	 */
	if (augment && parent)
		rb_augment_path(parent, augment);
	if (lost == RB_BLACK)
		rb_erase_color(child, parent, root, augment);
}

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	rb_insert_fixup(node, root, NULL);
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	rb_erase_augmented(node, root, NULL);
}

void rb_augment_path(struct rb_node *node, rb_augment_fn augment)
{
	for (; node; node = node->rb_parent)
		augment(node);
}

/*
 * The new leaf changes the subtree of every node above it: recompute the
 * path first, so the rotations of the fix-up start from true values.
 */
void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 rb_augment_fn augment)
{
	rb_augment_path(node, augment);
	rb_insert_fixup(node, root, augment);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *node = root->rb_node;

	while (node && node->rb_left)
		node = node->rb_left;
	return node;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *node = root->rb_node;

	while (node && node->rb_right)
		node = node->rb_right;
	return node;
}

/*
 * The successor is the leftmost node of the right subtree if there is one;
 * otherwise the first ancestor reached from its left.  Over a whole walk
 * each edge is crossed twice, so a step is O(1) amortized.
 */
struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}
	while ((parent = node->rb_parent) && node == parent->rb_right)
		node = parent;
	return parent;
}

/* The mirror image of rb_next(). */
struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}
	while ((parent = node->rb_parent) && node == parent->rb_left)
		node = parent;
	return parent;
}
