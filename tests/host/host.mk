# Host tests: mm/ (and the pure parts of kernel/) built for Linux with
# AddressSanitizer and UBSan, running the same ktest suites as the kernel.
# The arch interface is replaced by tests/host/include/asm/, whose "physical
# memory" is a malloc'd arena; kernel/lib/string.c is replaced by libc.
#
# The kernel's vsnprintf/snprintf would clash with libc's, so the host build
# renames them; the printk tests then test the kernel's code under new names.

HOST_CC ?= gcc
HOST_CFLAGS := -std=gnu11 -O1 -g $(WARNINGS) -fsanitize=address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer -I. -Itests/host/include -Iinclude -Ikernel/uapi -MMD -MP
HOST_RENAME := -Dvsnprintf=kernel_vsnprintf -Dsnprintf=kernel_snprintf

# Sources shared with the kernel, and the tests of them that run on the host.
HOST_KSRCS := kernel/printk.c kernel/lib/vsprintf.c kernel/ktest.c kernel/lib/ktest_filter.c kernel/panic.c \
	mm/memblock.c mm/page_alloc.c mm/slab.c mm/filemap.c \
	kernel/printk_test.c mm/memblock_test.c mm/page_alloc_test.c mm/slab_test.c \
	mm/filemap_test.c kernel/lib/rbtree.c kernel/lib/rbtree_test.c \
	kernel/lib/ktest_filter_test.c
# Built twice: with a PTE special bit (as x86_64) and without (as 32-bit ARM).
# and so the VM's fault path, which runs here on stand-in page tables.
HOST_PTE_SRCS := mm/vm_normal_page.c mm/vm_normal_page_test.c mm/memory.c \
	mm/pagewalk.c mm/pagewalk_test.c mm/vma.c mm/mmap.c mm/mprotect.c \
	mm/madvise.c mm/mlock.c mm/mm_struct.c mm/task_mmu.c mm/memory_test.c mm/vma_test.c \
	mm/mremap.c mm/mremap_test.c \
	mm/devmem_test.c mm/mmu_notifier.c mm/mmu_notifier_test.c \
	mm/vm_audit.c mm/filemap_mmap.c mm/truncate.c mm/mmu_gather.c \
	kernel/rwsem.c kernel/lockdep.c \
	mm/swapfile.c mm/swap_state.c mm/vmscan.c mm/swapfile_test.c \
	kernel/drivers/hmm_dmirror.c kernel/drivers/dma_engine.c \
	kernel/drivers/dma_soft.c \
	tests/host/vm_host.c tests/host/mmap_fuzz_test.c
HOST_SRCS := tests/host/main.c

HOST_OBJS := $(addprefix $(HB)/,$(HOST_KSRCS:.c=.o)) $(addprefix $(HB)/,$(HOST_SRCS:.c=.o))
HOST_TEST := $(HB)/ktest-host
HOST_TEST_NOSPECIAL := $(HB)/ktest-host-nospecial

$(HB)/kernel/%.o $(HB)/mm/%.o: HOST_EXTRA := $(HOST_RENAME)

$(HB)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(HOST_EXTRA) -c $< -o $@

$(HB)/special/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $< (pte_special)"
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(HOST_RENAME) -DHOST_PTE_SPECIAL -c $< -o $@

$(HB)/nospecial/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $< (no pte_special)"
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(HOST_RENAME) -c $< -o $@

$(HOST_TEST): $(HOST_OBJS) $(addprefix $(HB)/special/,$(HOST_PTE_SRCS:.c=.o))
	@echo "  HOSTLD  $@"
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^

# The second build runs only the suites that differ (HOST_SUITES narrows
# every selection).
$(HOST_TEST_NOSPECIAL): $(filter-out $(HB)/tests/host/main.o,$(HOST_OBJS)) \
		$(HB)/nospecial/tests/host/main.o \
		$(addprefix $(HB)/nospecial/,$(HOST_PTE_SRCS:.c=.o))
	@echo "  HOSTLD  $@"
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^

$(HB)/nospecial/tests/host/main.o: tests/host/main.c
	@mkdir -p $(dir $@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) '-DHOST_SUITES="vm_normal_page,memory,pagewalk,devmem,mmap_fuzz"' -c $< -o $@

host-test: $(HOST_TEST) ## the first host test program alone, without the runner
	$(Q)$(HOST_TEST)

-include $(HOST_OBJS:.o=.d) $(wildcard $(HB)/special/*/*.d $(HB)/nospecial/*/*.d \
	$(HB)/special/*/*/*.d $(HB)/nospecial/*/*/*.d)
