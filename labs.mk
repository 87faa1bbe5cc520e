# Graded labs (docs/labs/, tools/lab.py).  Included by the Makefile after
# tests/host/host.mk, so KERNEL and HOST_TEST_NOSPECIAL are set.
#
#   make lab LAB=lazy     build/labs/lazy: a copy of the tree, a git repository
#                         of its own, with do_anonymous_page replaced by a
#                         skeleton of TODOs (the rest builds and boots)
#   make grade LAB=lazy   build and test that tree: points per test, then
#                         "Score: N/M"; TREE=. grades mainline instead
#   make labs-check       mainline scores full marks in every lab (or LAB=),
#                         every skeleton less, and a lab's naive solution
#                         (fault-around's) every point but its make bench
#                         figure's (a few minutes a lab)
#
# make test runs `tools/lab.py check` (the spec host:tools/lab.py): every lab
# must still apply to the tree, its functions and tests found by name.

LAB_NAMES := $(filter-out README,$(patsubst docs/labs/%.md,%,$(wildcard docs/labs/*.md)))

##@knobs
LAB ?=##  a lab of docs/labs/ for make lab and make grade: lazy, cow, filemap, normal-page, fault-around, remap-pfn, mirror
TREE ?=##  make grade: the tree to grade instead of build/labs/LAB (TREE=. is mainline)

$(call knob_choice,LAB,$(LAB_NAMES))

##@targets
lab: $(KERNEL) $(HOST_TEST_NOSPECIAL) ## a working tree, build/labs/LAB, with one mechanism to write (LAB=)
	$(Q)tools/lab.py prepare $(or $(LAB),$(error make lab needs LAB=, one of: $(LAB_NAMES)))

grade: ## build and test build/labs/LAB: points per test, "Score: N/M" (LAB=, TREE=)
	$(Q)tools/lab.py grade $(or $(LAB),$(error make grade needs LAB=, one of: $(LAB_NAMES))) \
		$(if $(TREE),--tree $(TREE))

labs-check: $(KERNEL) $(HOST_TEST_NOSPECIAL) ## mainline scores full marks in each lab, its skeleton less, a naive solution all but the bench points (LAB=)
	$(Q)tools/lab.py selftest $(LAB)

.PHONY: lab grade labs-check
