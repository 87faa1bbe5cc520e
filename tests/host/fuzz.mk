# Host fuzzers: seeded random drivers, built like the host tests (with
# $(HOST_CFLAGS): ASan and UBSan) and run as ordinary programs that print
# KTAP and exit 0 on success.  Included from the top Makefile after
# tests/host/host.mk, whose compile rule and flags they share.
#
#   make fuzz       the VMA-tree fuzzer with the fixed seed 1, then a random
#                   seed (printed, with the command that replays it)
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

fuzz: $(VMA_FUZZ)
	$(Q)$(VMA_FUZZ) 1 $(VMA_FUZZ_OPS)
	$(Q)$(VMA_FUZZ) random $(VMA_FUZZ_OPS)

-include $(VMA_FUZZ_OBJS:.o=.d)
