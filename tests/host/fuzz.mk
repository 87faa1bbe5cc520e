# Host fuzzers: seeded random drivers, built like the host tests (with
# $(HOST_CFLAGS): ASan and UBSan) and run as ordinary programs that print
# KTAP and exit 0 on success.  Included from the top Makefile after
# tests/host/host.mk, whose compile rule and flags they share.
#
#   make fuzz       the in-guest fuzzer (vmfuzz: SEED=, STEPS=, DURATION=),
#                   then the VMA-tree fuzzer with the fixed seed 1 and a
#                   random seed (printed, with the command that replays it)
#
# tests/host/vma_fuzz.c drives a VMA set on kernel/lib/rbtree.c with random
# mmap/munmap/mprotect calls and checks each against a page-by-page model.

VMA_FUZZ := $(HB)/vma-fuzz
VMA_FUZZ_OBJS := $(HB)/tests/host/vma_fuzz.o $(HB)/kernel/lib/rbtree.o $(HB)/kernel/lib/ktest_filter.o
VMA_FUZZ_OPS ?= 200000

.PHONY: fuzz

$(VMA_FUZZ): $(VMA_FUZZ_OBJS)
	@echo "  HOSTLD  $@"
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^

fuzz: $(VMA_FUZZ) guest-fuzz ## the fuzzers: vmfuzz in the guest (SEED=, STEPS=, DURATION=), then the host's
	$(Q)$(VMA_FUZZ) 1 $(VMA_FUZZ_OPS)
	$(Q)$(VMA_FUZZ) random $(VMA_FUZZ_OPS)

# The in-guest fuzzer (user/bin/vmfuzz.c) in a boot of its own, with the
# test boot's memory: SEED (default: from the clock, printed), STEPS
# (default 100000) or DURATION in seconds (then no step limit).
SEED ?=##  make fuzz: the in-guest fuzzer's seed (default: the clock)
FUZZ_SEED := $(or $(SEED),$(shell date +%s))
STEPS ?= 100000##  make fuzz: its number of steps
DURATION ?=##  make fuzz: run for this many seconds instead
# With DURATION, STEPS limits the run only if given too.
VMFUZZ_STEPS = $(if $(and $(DURATION),$(filter-out command line,$(origin STEPS))),,-n $(STEPS))
VMFUZZ_ARGS = -s $(FUZZ_SEED) $(if $(DURATION),-t $(DURATION)) $(VMFUZZ_STEPS)

.PHONY: guest-fuzz
guest-fuzz: ## the in-guest fuzzer alone (SEED=, STEPS=, DURATION=)
	@echo "  FUZZ    vmfuzz $(VMFUZZ_ARGS)"
	$(Q)$(MAKE) --no-print-directory run MEM=$(TEST_MEM) RUN='vmfuzz $(VMFUZZ_ARGS)'

-include $(VMA_FUZZ_OBJS:.o=.d)
