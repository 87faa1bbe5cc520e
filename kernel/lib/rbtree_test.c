// SPDX-License-Identifier: MIT
/*
 * Tests of the red-black tree (kernel/lib/rbtree.c), in the manner of
 * Linux's lib/rbtree_test.c: build trees in many orders and, after every
 * insertion and erasure, check every rule the tree promises -- root black,
 * no red-red edge, equal black heights, parent links that match the child
 * links, an in-order walk that is sorted both ways, and a height within
 * 2 * log2(n + 1).  They run in the kernel and on the host (tests/host).
 */
#include <kernel/ktest.h>
#include <kernel/lib/rbtree.h>
#include <mm/mm.h>
#include <mm/slab.h>

struct test_node {
	struct rb_node rb;
	unsigned long key;
};

#define SMALL_N 64
#define LARGE_N 10000
/* Checking all of a large tree after each operation would be O(n^2). */
#define LARGE_CHECK_EVERY 1000
/* Deeper than any valid tree of LARGE_N nodes: a cycle, not a tree. */
#define MAX_DEPTH 64

/* One set of nodes for the small cases; they run one at a time. */
static struct test_node small[SMALL_N];

static struct test_node *to_test_node(const struct rb_node *rb)
{
	return rb_entry_safe((struct rb_node *)rb, struct test_node, rb);
}

/* Equal keys go right, so they stay in insertion order. */
static void test_insert(struct rb_root *root, struct test_node *new)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (new->key < to_test_node(parent)->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&new->rb, parent, link);
	rb_insert_color(&new->rb, root);
}

static struct test_node *test_search(struct rb_root *root, unsigned long key)
{
	struct rb_node *node = root->rb_node;

	while (node) {
		struct test_node *tn = to_test_node(node);

		if (key < tn->key)
			node = node->rb_left;
		else if (key > tn->key)
			node = node->rb_right;
		else
			return tn;
	}
	return NULL;
}

/* The first node with key >= key: the walk find_vma() makes. */
static struct test_node *test_lower_bound(struct rb_root *root,
					  unsigned long key)
{
	struct rb_node *node = root->rb_node;
	struct test_node *found = NULL;

	while (node) {
		struct test_node *tn = to_test_node(node);

		if (tn->key >= key) {
			found = tn; /* a candidate; a smaller one may be left */
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
}

/* A deterministic pseudo-random sequence (xorshift32): reruns are exact. */
static u32 test_random(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

/* ------------------------------------------------------------ the checker */

struct tree_check {
	struct ktest *t;
	const char *file;
	int line;
	unsigned long nodes;
	unsigned int height; /* nodes on the longest root-to-leaf path */
	bool failed;
};

static void check_fail(struct tree_check *c, const char *what,
		       const struct rb_node *node)
{
	if (c->failed)
		return; /* the first fault explains the rest */
	c->failed = true;
	ktest_fail(c->t, c->file, c->line, "%s at key %lu", what,
		   node ? to_test_node(node)->key : 0UL);
}

/*
 * The black height of the subtree at node (a NULL child counts as one
 * black), checking rules 2 and 3 and the parent links on the way; -1 once
 * a fault has been found.
 */
static int check_subtree(struct tree_check *c, const struct rb_node *node,
			 const struct rb_node *parent, unsigned int depth)
{
	int left, right;

	if (!node) {
		c->height = max(c->height, depth);
		return 1;
	}
	c->nodes++;
	if (depth >= MAX_DEPTH) {
		check_fail(c, "tree too deep (a cycle?)", node);
		return -1;
	}
	if (node->rb_parent != parent)
		check_fail(c, "parent link does not match child link", node);
	if (node->rb_color != RB_RED && node->rb_color != RB_BLACK)
		check_fail(c, "colour neither red nor black", node);
	if (node->rb_color == RB_RED && parent && parent->rb_color == RB_RED)
		check_fail(c, "red node under a red parent", node);
	if (c->failed)
		return -1;
	left = check_subtree(c, node->rb_left, node, depth + 1);
	right = check_subtree(c, node->rb_right, node, depth + 1);
	if (left < 0 || right < 0)
		return -1;
	if (left != right) {
		check_fail(c, "black heights differ", node);
		return -1;
	}
	return left + (node->rb_color == RB_BLACK);
}

/* Both in-order walks visit n nodes, sorted, each undoing the other. */
static void check_walks(struct tree_check *c, const struct rb_root *root,
			unsigned long n)
{
	const struct rb_node *node, *prev = NULL;
	unsigned long count = 0;

	for (node = rb_first(root); node && count <= n; node = rb_next(node)) {
		if (rb_prev(node) != prev)
			check_fail(c, "rb_prev does not undo rb_next", node);
		if (prev && to_test_node(prev)->key > to_test_node(node)->key)
			check_fail(c, "in-order walk not sorted", node);
		prev = node;
		count++;
	}
	if (prev != rb_last(root))
		check_fail(c, "forward walk does not end at rb_last", prev);
	if (count != n)
		check_fail(c, "forward walk miscounts the nodes", NULL);
	count = 0;
	for (node = rb_last(root); node && count <= n; node = rb_prev(node))
		count++;
	if (count != n)
		check_fail(c, "backward walk miscounts the nodes", NULL);
}

/*
 * Every rule, reported at the caller's line.  The height bound follows
 * from rules 2 and 3; it is checked as 2^height <= (n + 1)^2, in integers.
 */
static bool check_tree(struct ktest *t, const struct rb_root *root,
		       unsigned long n, const char *file, int line)
{
	struct tree_check c = { .t = t, .file = file, .line = line };
	unsigned long long bound = (unsigned long long)(n + 1) * (n + 1);

	if (root->rb_node && root->rb_node->rb_color != RB_BLACK)
		check_fail(&c, "root is red", root->rb_node);
	check_subtree(&c, root->rb_node, NULL, 0);
	if (!c.failed && c.nodes != n)
		check_fail(&c, "tree holds the wrong number of nodes", NULL);
	if (!c.failed)
		check_walks(&c, root, n);
	if (!c.failed && (1ULL << c.height) > bound)
		check_fail(&c, "height above 2 * log2(n + 1)", root->rb_node);
	return !c.failed;
}

#define CHECK_TREE(t, root, n) check_tree(t, root, n, __FILE__, __LINE__)

/* Height of a tree known to be valid (for the large case's log line). */
static unsigned int tree_height(const struct rb_node *node)
{
	if (!node)
		return 0;
	return 1 + max(tree_height(node->rb_left), tree_height(node->rb_right));
}

/* --------------------------------------------------------- orders of keys */

enum order { ASCENDING, DESCENDING, ZIGZAG, RANDOM, NR_ORDERS };

/*
 * The i-th index of n in the given order.  Zigzag (0, n-1, 1, n-2, ...)
 * grows the tree at both ends at once; random uses a permutation made once.
 */
static unsigned int order_index(enum order order, unsigned int i,
				unsigned int n, const unsigned int *perm)
{
	switch (order) {
	case ASCENDING:
		return i;
	case DESCENDING:
		return n - 1 - i;
	case ZIGZAG:
		return i % 2 ? n - 1 - i / 2 : i / 2;
	default:
		return perm[i];
	}
}

/* A random permutation of 0 .. n-1 (Fisher-Yates). */
static void make_permutation(unsigned int *perm, unsigned int n, u32 seed)
{
	for (unsigned int i = 0; i < n; i++)
		perm[i] = i;
	for (unsigned int i = n - 1; i > 0; i--) {
		unsigned int j = test_random(&seed) % (i + 1);
		unsigned int tmp = perm[i];

		perm[i] = perm[j];
		perm[j] = tmp;
	}
}

/* small[i] gets key 10 * i: the gaps leave room for lookups that miss. */
static void init_small(void)
{
	for (unsigned int i = 0; i < SMALL_N; i++)
		small[i].key = 10 * i;
}

static bool insert_small(struct ktest *t, struct rb_root *root,
			 enum order order, const unsigned int *perm)
{
	for (unsigned int i = 0; i < SMALL_N; i++) {
		test_insert(root, &small[order_index(order, i, SMALL_N, perm)]);
		if (!CHECK_TREE(t, root, i + 1))
			return false;
	}
	return true;
}

static bool erase_small(struct ktest *t, struct rb_root *root, enum order order,
			const unsigned int *perm)
{
	for (unsigned int i = 0; i < SMALL_N; i++) {
		rb_erase(&small[order_index(order, i, SMALL_N, perm)].rb, root);
		if (!CHECK_TREE(t, root, SMALL_N - 1 - i))
			return false;
	}
	return true;
}

/* ------------------------------------------------------------------ cases */

static void empty_and_single(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	struct test_node *one = &small[0];

	KTEST_EXPECT_TRUE(t, RB_EMPTY_ROOT(&root));
	KTEST_EXPECT_TRUE(t, rb_first(&root) == NULL);
	KTEST_EXPECT_TRUE(t, rb_last(&root) == NULL);
	KTEST_EXPECT_TRUE(t, CHECK_TREE(t, &root, 0));

	one->key = 7;
	test_insert(&root, one);
	KTEST_EXPECT_TRUE(t, CHECK_TREE(t, &root, 1));
	KTEST_EXPECT_TRUE(t, rb_first(&root) == &one->rb);
	KTEST_EXPECT_TRUE(t, rb_last(&root) == &one->rb);
	KTEST_EXPECT_TRUE(t, rb_next(&one->rb) == NULL);
	KTEST_EXPECT_TRUE(t, rb_prev(&one->rb) == NULL);

	rb_erase(&one->rb, &root);
	RB_CLEAR_NODE(&one->rb);
	KTEST_EXPECT_TRUE(t, RB_EMPTY_NODE(&one->rb));
	KTEST_EXPECT_TRUE(t, RB_EMPTY_ROOT(&root));
	KTEST_EXPECT_TRUE(t, CHECK_TREE(t, &root, 0));

	/* An erased node can go back in. */
	test_insert(&root, one);
	KTEST_EXPECT_FALSE(t, RB_EMPTY_NODE(&one->rb));
	KTEST_EXPECT_TRUE(t, CHECK_TREE(t, &root, 1));
	rb_erase(&one->rb, &root);
}

/*
 * Every insertion order against every erasure order: ascending and
 * descending input drive the rotations of one side, zigzag both, random
 * the mixture; the checker runs after each of the 20 * 128 operations.
 */
static void insert_erase_orders(struct ktest *t)
{
	unsigned int perm[SMALL_N];

	make_permutation(perm, SMALL_N, 12345);
	init_small();
	for (int in = 0; in < NR_ORDERS; in++) {
		for (int out = 0; out < NR_ORDERS; out++) {
			struct rb_root root = RB_ROOT;

			if (!insert_small(t, &root, in, perm) ||
			    !erase_small(t, &root, out, perm)) {
				ktest_log(t,
					  "inserting in order %d, erasing "
					  "in order %d",
					  in, out);
				return;
			}
		}
	}
}

/* Erasing the root each time always takes the two-children path. */
static void erase_root_repeatedly(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	unsigned int perm[SMALL_N];

	make_permutation(perm, SMALL_N, 777);
	init_small();
	if (!insert_small(t, &root, RANDOM, perm))
		return;
	for (unsigned long n = SMALL_N; n > 0; n--) {
		rb_erase(root.rb_node, &root);
		if (!CHECK_TREE(t, &root, n - 1))
			return;
	}
	KTEST_EXPECT_TRUE(t, RB_EMPTY_ROOT(&root));
}

/* The walks give exactly the keys, in order, from either end. */
static void in_order_iteration(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	unsigned int perm[SMALL_N];
	struct rb_node *node;
	unsigned long expect;

	make_permutation(perm, SMALL_N, 4242);
	init_small();
	if (!insert_small(t, &root, RANDOM, perm))
		return;
	expect = 0;
	for (node = rb_first(&root); node; node = rb_next(node)) {
		KTEST_EXPECT_EQ(t, to_test_node(node)->key, expect);
		expect += 10;
	}
	KTEST_EXPECT_EQ(t, expect, 10 * SMALL_N);
	for (node = rb_last(&root); node; node = rb_prev(node)) {
		expect -= 10;
		KTEST_EXPECT_EQ(t, to_test_node(node)->key, expect);
	}
	KTEST_EXPECT_EQ(t, expect, 0);
	erase_small(t, &root, ASCENDING, perm);
}

/* Exact lookups hit or miss; a lower-bound walk finds the next key up. */
static void lookups(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	unsigned int perm[SMALL_N];

	make_permutation(perm, SMALL_N, 99);
	init_small();
	if (!insert_small(t, &root, RANDOM, perm))
		return;
	for (unsigned long key = 0; key < 10 * SMALL_N + 10; key++) {
		struct test_node *hit = test_search(&root, key);
		struct test_node *next = test_lower_bound(&root, key);
		unsigned long i =
			(key + 9) / 10; /* first index with 10i >= key */

		if (key % 10 == 0 && key < 10 * SMALL_N)
			KTEST_EXPECT_TRUE(t, hit == &small[key / 10]);
		else
			KTEST_EXPECT_TRUE(t, hit == NULL);
		if (i < SMALL_N)
			KTEST_EXPECT_TRUE(t, next == &small[i]);
		else
			KTEST_EXPECT_TRUE(t, next == NULL);
	}
	erase_small(t, &root, RANDOM, perm);
}

/* Equal keys are allowed; inserted to the right, they keep their order. */
static void equal_keys(struct ktest *t)
{
	struct rb_root root = RB_ROOT;
	struct rb_node *node;

	for (unsigned int j = 0; j < SMALL_N; j++) {
		small[j].key = j % 3; /* 0 1 2 0 1 2 ... */
		test_insert(&root, &small[j]);
		if (!CHECK_TREE(t, &root, j + 1))
			return;
	}
	/* In order: nodes 0, 3, 6, ... (key 0), then 1, 4, ..., then 2, 5, ... */
	node = rb_first(&root);
	for (unsigned int key = 0; key < 3; key++) {
		for (unsigned int j = key; j < SMALL_N; j += 3) {
			KTEST_ASSERT_TRUE(t, node == &small[j].rb);
			node = rb_next(node);
		}
	}
	KTEST_EXPECT_TRUE(t, node == NULL);
	for (unsigned int j = 0; j < SMALL_N; j++)
		rb_erase(&small[j].rb, &root);
	KTEST_EXPECT_TRUE(t, RB_EMPTY_ROOT(&root));
}

/*
 * Ten thousand random keys, as an address space with thousands of VMAs:
 * the height stays within 2 * log2(n + 1) (26 for n = 10,000) all along.
 * The nodes come from kmalloc, so a leak would show in the page count.
 */
static void ten_thousand(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct test_node *nodes = kmalloc(LARGE_N * sizeof(*nodes));
	struct rb_root root = RB_ROOT;
	u32 seed = 2024;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(t, nodes);
	/* Keys: a random permutation of 0 .. LARGE_N-1, inserted by index. */
	for (i = 0; i < LARGE_N; i++)
		nodes[i].key = i;
	for (i = LARGE_N - 1; i > 0; i--) {
		unsigned int j = test_random(&seed) % (i + 1);
		unsigned long tmp = nodes[i].key;

		nodes[i].key = nodes[j].key;
		nodes[j].key = tmp;
	}
	for (i = 0; i < LARGE_N; i++) {
		test_insert(&root, &nodes[i]);
		if ((i + 1) % LARGE_CHECK_EVERY == 0 &&
		    !CHECK_TREE(t, &root, i + 1))
			goto out;
	}
	ktest_log(t, "%u nodes, height %u", LARGE_N, tree_height(root.rb_node));
	KTEST_EXPECT_LE(t, tree_height(root.rb_node), 26);
	for (i = 0; i < LARGE_N; i += 97)
		KTEST_EXPECT_TRUE(t, test_search(&root, i) != NULL);
	KTEST_EXPECT_TRUE(t, test_search(&root, LARGE_N) == NULL);
	/* Erase in another order: stride 7919 (prime) visits every index. */
	for (i = 0; i < LARGE_N; i++) {
		rb_erase(&nodes[(i * 7919UL) % LARGE_N].rb, &root);
		if ((i + 1) % LARGE_CHECK_EVERY == 0 &&
		    !CHECK_TREE(t, &root, LARGE_N - 1 - i))
			goto out;
	}
	KTEST_EXPECT_TRUE(t, RB_EMPTY_ROOT(&root));
out:
	kfree(nodes);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/*
 * An augmented tree: each node keeps the largest val of its subtree, as
 * the VMA tree keeps the largest gap (mm/vma.c).  After every insertion
 * and erasure, in random orders, each node's max is recomputed from
 * scratch and compared.
 */
struct aug_node {
	struct rb_node rb;
	unsigned long key, val, max;
};

#define AUG_N 200

static unsigned long aug_max(const struct rb_node *rb)
{
	return rb ? rb_entry(rb, struct aug_node, rb)->max : 0;
}

static void aug_update(struct rb_node *rb)
{
	struct aug_node *n = rb_entry(rb, struct aug_node, rb);

	n->max = max(n->val, max(aug_max(rb->rb_left), aug_max(rb->rb_right)));
}

/* The subtree's true max, or ~0UL if some node's kept max is wrong. */
static unsigned long aug_check(const struct rb_node *rb)
{
	const struct aug_node *n =
		rb_entry_safe((struct rb_node *)rb, struct aug_node, rb);
	unsigned long left, right, m;

	if (!n)
		return 0;
	left = aug_check(rb->rb_left);
	right = aug_check(rb->rb_right);
	if (left == ~0UL || right == ~0UL)
		return ~0UL;
	m = max(n->val, max(left, right));
	return m == n->max ? m : ~0UL;
}

static void aug_insert(struct rb_root *root, struct aug_node *new)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = new->key < rb_entry(parent, struct aug_node, rb)->key
			       ? &parent->rb_left
			       : &parent->rb_right;
	}
	rb_link_node(&new->rb, parent, link);
	rb_insert_augmented(&new->rb, root, aug_update);
}

static void augmented(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct aug_node *nodes = kmalloc(AUG_N * sizeof(*nodes));
	struct rb_root root = RB_ROOT;
	unsigned int perm[AUG_N];
	u32 seed = 77;

	KTEST_ASSERT_NOT_NULL(t, nodes);
	make_permutation(perm, AUG_N, 4242);
	for (unsigned int i = 0; i < AUG_N; i++) {
		nodes[i].key = perm[i];
		nodes[i].val = 1 + test_random(&seed) % 100000;
		aug_insert(&root, &nodes[i]);
		if (aug_check(root.rb_node) == ~0UL)
			break;
	}
	KTEST_EXPECT_NE(t, aug_check(root.rb_node), ~0UL);
	/* A node's own value changes: its path recomputes. */
	nodes[7].val = 200000;
	rb_augment_path(&nodes[7].rb, aug_update);
	KTEST_EXPECT_EQ(t, aug_check(root.rb_node), 200000);
	make_permutation(perm, AUG_N, 99);
	for (unsigned int i = 0; i < AUG_N; i++) {
		rb_erase_augmented(&nodes[perm[i]].rb, &root, aug_update);
		if (aug_check(root.rb_node) == ~0UL)
			break;
	}
	KTEST_EXPECT_TRUE(t, RB_EMPTY_ROOT(&root));
	kfree(nodes);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

KTEST_SUITE(rbtree, KTEST_CASE(empty_and_single),
	    KTEST_CASE(insert_erase_orders), KTEST_CASE(erase_root_repeatedly),
	    KTEST_CASE(in_order_iteration), KTEST_CASE(lookups),
	    KTEST_CASE(equal_keys), KTEST_CASE(ten_thousand),
	    KTEST_CASE(augmented));
