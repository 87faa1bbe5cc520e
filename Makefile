# Pagoda's build.  Everything a user does goes through here; `make help`
# lists the targets and the knobs (variables such as T=, MEM=, QEMU_ARGS=),
# from the `##` comments below.  knobs.mk checks the knobs' values.
# Output goes to build/<arch>/ and build/host/, never next to the sources.

# Given on the command line (or from the environment), ARCH narrows make
# test to that port; without it make test tests them all.
ARCH_GIVEN := $(filter command line environment,$(origin ARCH))

##@knobs
ARCH ?= x86_64##  the port: one of the directories arch/*/ with an arch.mk
MEM ?= 256##  RAM for make run, gdb and bench: MiB, or with M or G (64M, 1G)
ACCEL ?= tcg##  tcg, or kvm on a host with hardware virtualization
CMDLINE ?=##  kernel parameters, e.g. CMDLINE=mem=64M
RUN ?=##  make run: a command line run instead of the shell, then power off
T ?= $(KTEST_FILTER)##  the tests to run: suite or suite.case globs, commas between
KTEST_FILTER ?=##  T's older name
TIMEOUT ?= 300##  seconds one test boot may take before it counts as a hang
QEMU_ARGS ?=##  more QEMU options for every boot, e.g. QEMU_ARGS='-d int'
SMP ?= 2##  CPUs of the machine QEMU makes (1..8): make run, test, bench, gdb
SWAP ?= 256M##  make run's swap disk (/dev/vda, which init enables): a size with M or G, 0 for none
V ?=##  V=1 shows commands and, in tests, the whole serial output
GDB_PORT ?= $(shell echo $$((20000 + $$(id -u) % 20000)))##  where make gdb's QEMU waits for gdb (per user)

# The test boot has TEST_MEM MiB (room to read 256 MiB of fresh memory under
# the overcommit limit) and leaves its top 32 MiB without struct page (mem=),
# as later device-memory work needs; the boot memory-map tests check it.
TEST_MEM ?= 512##  RAM for a test boot: MiB, or with M or G (at least 64M)
MEM_MIB = $(call mib,$(MEM))
TEST_MEM_MIB = $(call mib,$(TEST_MEM))
TEST_MEM_LIMIT = $(shell echo $$(($(TEST_MEM_MIB) - 32)))M
# Recursive, for the targets that set TEST_SCOPE or TEST_LIST (test-kernel,
# test-user, test-list): the test image takes their values.
TEST_CMDLINE = ktest mem=$(TEST_MEM_LIMIT) $(if $(T),ktest.filter=$(T)) \
	$(if $(TEST_SCOPE),ktest.scope=$(TEST_SCOPE)) $(if $(TEST_LIST),ktest.list) $(CMDLINE)

# make test also boots once under UEFI firmware (OVMF), running the suites
# that see what the firmware handed over: the memory map, ACPI, PCI, the
# initrd GRUB loaded.  (Skipped when T= aims the run elsewhere.)
UEFI_TEST_SUITES := boot_memmap,acpi,pci,initrd,kernel_pgtable
UEFI_TEST_CMDLINE = ktest mem=$(TEST_MEM_LIMIT) ktest.filter=$(UEFI_TEST_SUITES) $(CMDLINE)

# make test also boots a small machine (32 MiB managed), in which the swap
# pressure tests fill memory several times over (docs/07).  (Skipped when
# T= aims the run elsewhere.)
SWAP_TEST_CMDLINE = ktest mem=32M ktest.scope=user ktest.filter=swap_pressure_test $(CMDLINE)

# And once with RAM above the PCI hole (x86_64-bigmem in tools/run.py: 4.5
# GiB, its top 32 MiB again without struct page), running the suites that
# see the memory map: only RAM is pfn_valid, not the hole's BARs.
BIGMEM_TEST_SUITES := boot_memmap,pci,devmem
BIGMEM_TEST_CMDLINE = ktest mem=4576M ktest.filter=$(BIGMEM_TEST_SUITES) $(CMDLINE)

GRAPHIC ?=##  1: make run shows the screen (/dev/fb0) in a window, beside the serial console
FIRMWARE ?= bios##  make run under SeaBIOS (bios) or OVMF (uefi)
RUN_ARCH := $(ARCH)$(if $(filter uefi,$(FIRMWARE)),-uefi)

B := build/$(ARCH)
HB := build/host

ifeq ($(V),1)
Q :=
else
Q := @
endif

include knobs.mk
include arch/$(ARCH)/arch.mk

# make test without ARCH= tests the other ports too: each builds its test
# images in a make of its own (test-images), and they boot in the same run,
# under one closing line.
OTHER_ARCHES := $(if $(ARCH_GIVEN),,$(filter-out $(ARCH),$(ARCHES)))

CC := $(CROSS_COMPILE)gcc
LD := $(CROSS_COMPILE)ld
NM := $(CROSS_COMPILE)nm
SIZE := $(CROSS_COMPILE)size

WARNINGS := -Wall -Wextra -Werror -Wno-unused-parameter
# Recursive (=), so gcc is asked only when compiling: on a bare machine the
# deps target installs it first.
KCFLAGS = -std=gnu11 -O2 -g $(WARNINGS) -ffreestanding -nostdinc \
	-isystem $(shell $(CC) -print-file-name=include) \
	-fno-stack-protector -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
	-fno-tree-loop-distribute-patterns -fno-common \
	-I. -Iarch/$(ARCH)/include -Iinclude -Ikernel/uapi $(ARCH_CFLAGS) -MMD -MP
KASFLAGS := -D__ASSEMBLER__ -I. -Iarch/$(ARCH)/include -Iinclude -Ikernel/uapi $(ARCH_CFLAGS) -MMD -MP

KERNEL_SRCS := $(wildcard kernel/*.c kernel/lib/*.c kernel/fs/*.c kernel/drivers/*.c mm/*.c) \
	$(ARCH_SRCS)
KERNEL_OBJS := $(addprefix $(B)/,$(addsuffix .o,$(basename $(KERNEL_SRCS))))

PTE_SPECIAL ?= y##  n: the kernel without a PTE special bit (vm_normal_page's VMA rules)
VARIANT := $(if $(filter n,$(PTE_SPECIAL)),-nospecial)
KERNEL := $(B)/$(if $(VARIANT),nospecial/)pagoda.elf
IMAGE := $(B)/pagoda$(VARIANT).$(IMAGE_EXT)
TEST_IMAGE := $(B)/pagoda-test.$(IMAGE_EXT)
NS_TEST_IMAGE := $(B)/pagoda-nospecial-test.$(IMAGE_EXT)
UEFI_TEST_IMAGE := $(B)/pagoda-uefi-test.$(IMAGE_EXT)
SWAP_TEST_IMAGE := $(B)/pagoda-swap-test.$(IMAGE_EXT)
BIGMEM_TEST_IMAGE := $(B)/pagoda-bigmem-test.$(IMAGE_EXT)
# The shell with no kernel parameters, for tests/pc/screen_test.py.
SCREEN_IMAGE := $(B)/pagoda-screen.$(IMAGE_EXT)

.PHONY: all run test iso clean deps host-test tools-test format-check check-fresh FORCE \
	test-kernel test-user test-host test-list test-images help docs-check docs-outputs vmfigure mutate \
	errno-linux
.DELETE_ON_ERROR:

all: $(KERNEL) $(IMAGE)

iso: $(IMAGE)

deps:
	$(Q)tools/install-deps.sh $(ARCH) $(DEPS_EXTRA)

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(B)/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(CC) $(KASFLAGS) -c $< -o $@

$(B)/linker.ld: linker.ld arch/$(ARCH)/include/asm/layout.h include/asm-generic/layout.h
	@mkdir -p $(dir $@)
	$(Q)$(CC) -E -P -x c -D__ASSEMBLER__ -Iarch/$(ARCH)/include -Iinclude $< -o $@

# The symbol table for backtraces is part of the image it describes, so the
# kernel is linked twice: once with an empty table, to learn the addresses,
# and once with the real one.  The table sits in .rodata, after all code, so
# adding it moves no function; the check below proves that on every build.
# One link of a kernel in directory $(1) from objects $(2): the symbol table
# pass described above, then the image.
define kernel_link
$(1)/ksyms0.o $(1)/ksyms.o: %.o: %.S
	$$(Q)$$(CC) $$(KASFLAGS) -c $$< -o $$@

$(1)/ksyms0.S:
	@mkdir -p $$(dir $$@)
	$$(Q)tools/ksyms.py < /dev/null > $$@

$(1)/pass1.elf: $(2) $(1)/ksyms0.o $(B)/linker.ld
	$$(Q)$$(LD) -n -nostdlib -T $(B)/linker.ld $$(ARCH_LDFLAGS) -o $$@ $(2) $(1)/ksyms0.o $$(ARCH_LIBS)

$(1)/ksyms.S: $(1)/pass1.elf tools/ksyms.py
	$$(Q)$$(NM) -n $$< | tools/ksyms.py > $$@

$(1)/pagoda.elf: $(2) $(1)/ksyms.o $(B)/linker.ld
	@echo "  LD      $$@"
	$$(Q)$$(LD) -n -nostdlib -T $(B)/linker.ld $$(ARCH_LDFLAGS) -o $$@ $(2) $(1)/ksyms.o $$(ARCH_LIBS)
	$$(Q)$$(NM) -n $$@ | tools/ksyms.py | cmp -s - $(1)/ksyms.S || \
		{ echo "ksyms: symbol addresses moved between links" >&2; rm -f $$@; exit 1; }
	$$(Q)$$(SIZE) $$@ | tail -1 | awk '{ printf "  kernel: text %d, data %d, bss %d bytes\n", $$$$1, $$$$2, $$$$3 }'
endef

# PTE_SPECIAL=n: the kernel without ARCH_HAS_PTE_SPECIAL, so vm_normal_page
# and the whole fault path run on the VMA-based rules 32-bit ARM needs
# (seeds 000, 003).  Only mm/ looks at the special bit (kernel/ never
# touches page-table bits), so only mm/ is compiled twice, into
# $(NS)/mm/; the rest of the objects, the user programs and the initrd are
# shared.  make test boots both kernels; the knob picks the one make run,
# make iso and make bench use.
NS := $(B)/nospecial
NS_KERNEL_OBJS := $(filter-out $(B)/mm/%,$(KERNEL_OBJS)) \
	$(patsubst %.c,$(NS)/%.o,$(wildcard mm/*.c))
KERNEL_Y := $(B)/pagoda.elf
KERNEL_N := $(NS)/pagoda.elf

$(NS)/mm/%.o: mm/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $< (PTE_SPECIAL=n)"
	$(Q)$(CC) $(KCFLAGS) -DNO_PTE_SPECIAL -c $< -o $@

$(eval $(call kernel_link,$(B),$(KERNEL_OBJS)))
$(eval $(call kernel_link,$(NS),$(NS_KERNEL_OBJS)))

include user/user.mk

# Rebuild an image when its command line changes: the line is kept in a file
# that is rewritten only when it differs.
$(B)/cmdline.%: FORCE
	@mkdir -p $(dir $@)
	@echo '$(CMDLINE_$*)' | cmp -s - $@ || echo '$(CMDLINE_$*)' > $@

CMDLINE_run = $(strip $(ARCH_RUN_CMDLINE) $(CMDLINE) $(if $(RUN),run="$(RUN)"))
CMDLINE_test = $(TEST_CMDLINE)
CMDLINE_uefi-test := $(UEFI_TEST_CMDLINE)
CMDLINE_swap-test := $(SWAP_TEST_CMDLINE)
CMDLINE_bigmem-test := $(BIGMEM_TEST_CMDLINE)
CMDLINE_screen :=

$(IMAGE): $(KERNEL) $(INITRD) $(B)/cmdline.run $(IMAGE_TOOL)
	@echo "  IMAGE   $@"
	$(Q)$(call make_image,$@,$(KERNEL),$(CMDLINE_run),$(INITRD))

$(TEST_IMAGE): $(KERNEL_Y) $(INITRD) $(B)/cmdline.test $(IMAGE_TOOL)
	@echo "  IMAGE   $@"
	$(Q)$(call make_image,$@,$(KERNEL_Y),$(CMDLINE_test),$(INITRD))

$(NS_TEST_IMAGE): $(KERNEL_N) $(INITRD) $(B)/cmdline.test $(IMAGE_TOOL)
	@echo "  IMAGE   $@"
	$(Q)$(call make_image,$@,$(KERNEL_N),$(CMDLINE_test),$(INITRD))

$(UEFI_TEST_IMAGE): $(KERNEL) $(INITRD) $(B)/cmdline.uefi-test $(IMAGE_TOOL)
	@echo "  IMAGE   $@"
	$(Q)$(call make_image,$@,$(KERNEL),$(CMDLINE_uefi-test),$(INITRD))

$(SWAP_TEST_IMAGE): $(KERNEL) $(INITRD) $(B)/cmdline.swap-test $(IMAGE_TOOL)
	@echo "  IMAGE   $@"
	$(Q)$(call make_image,$@,$(KERNEL),$(CMDLINE_swap-test),$(INITRD))

$(BIGMEM_TEST_IMAGE): $(KERNEL) $(INITRD) $(B)/cmdline.bigmem-test $(IMAGE_TOOL)
	@echo "  IMAGE   $@"
	$(Q)$(call make_image,$@,$(KERNEL),$(CMDLINE_bigmem-test),$(INITRD))

$(SCREEN_IMAGE): $(KERNEL) $(INITRD) $(B)/cmdline.screen $(IMAGE_TOOL)
	@echo "  IMAGE   $@"
	$(Q)$(call make_image,$@,$(KERNEL),$(CMDLINE_screen),$(INITRD))

# Swap disks: a sparse file of the size in the name, formatted by
# util-linux's mkswap (Linux's swap-area header).  QEMU writes to a
# throwaway copy (tools/run.py), so one image serves every boot.  make run
# attaches one of SWAP bytes; a test boot one of TEST_SWAP.
RUN_SWAP_IMAGE := $(if $(filter-out 0,$(SWAP)),$(B)/swap-$(SWAP).img)
TEST_SWAP := 128M
TEST_SWAP_IMAGE := $(B)/swap-$(TEST_SWAP).img

$(B)/swap-%.img:
	@mkdir -p $(dir $@)
	@echo "  MKSWAP  $@"
	$(Q)rm -f $@ && truncate -s $* $@ && chmod 600 $@ && /sbin/mkswap -q $@

##@targets
all: ## build the kernel and the image (the default)
iso: ## the bootable image, build/<arch>/pagoda.iso (RUN=, CMDLINE=)
run: DEPS_EXTRA := $(if $(filter 1,$(GRAPHIC)),gui)
run: deps $(IMAGE) $(RUN_SWAP_IMAGE) ## boot in QEMU on the serial console; Ctrl-A X quits (RUN=, EXTRA=, FIRMWARE=, GRAPHIC=, SWAP=)
	$(Q)tools/run.py run --arch $(RUN_ARCH) --image $(IMAGE) --mem $(MEM_MIB) --accel $(ACCEL) --smp $(SMP) \
		$(if $(filter 1,$(GRAPHIC)),--graphic) --qemu-args '$(QEMU_ARGS)' \
		$(if $(RUN_SWAP_IMAGE),--disk $(RUN_SWAP_IMAGE))

include bench.mk
include debug.mk
include tests/host/host.mk
include tests/host/fuzz.mk
include labs.mk
include posix.mk

# The docs' demo programs (docs/demos/) must keep building: make test builds
# them; make docs-outputs runs them.
DOCS_DEMOS := $(patsubst docs/demos/%.c,$(UB)/demos/%,$(wildcard docs/demos/*.c))

$(UB)/demos/%.o: docs/demos/%.c $(NEWLIB_LIBS)
	$(call user_cc,$(USER_CFLAGS))

$(DOCS_DEMOS): %: %.o $(USER_CRT0) $(USER_LIBS)
	$(user_link)

# The failure demos boot the ARM kernel too (its stack overflow), when make
# builds that port.
tools-test: $(KERNEL) $(INITRD) $(GDB_CONSTS) $(if $(filter arm,$(OTHER_ARCHES)),test-images-arm) ## the runner's own tests (tests/tools), failure demos included
	$(Q)python3 -m unittest discover -s tests/tools -t .

# The host programs that print KTAP, and the runner's command for them and
# for a test boot.  T reaches the host programs as $KTEST_FILTER and the
# kernel as ktest.filter=.
HOST_PROGS := $(HOST_TEST) $(HOST_TEST_NOSPECIAL) $(VMA_FUZZ)
HOST_SPECS := $(addprefix host:,$(HOST_PROGS))
RUN_PY = KTEST_FILTER='$(T)' tools/run.py $(1) --timeout $(TIMEOUT) --mem $(TEST_MEM_MIB) \
	--accel $(ACCEL) --smp $(SMP) --qemu-args '$(QEMU_ARGS)' --disk $(TEST_SWAP_IMAGE)

# make test also boots once under OVMF (see UEFI_TEST_SUITES), and runs the
# docs check and the labs' check (labs.mk): not when T= aims the run elsewhere.
UEFI_TEST_SPEC := $(if $(T),,$(if $(ARCH_PC_TESTS),$(ARCH)-uefi:$(UEFI_TEST_IMAGE)))
BIGMEM_TEST_SPEC := $(if $(T),,$(if $(ARCH_PC_TESTS),$(ARCH)-bigmem:$(BIGMEM_TEST_IMAGE)))
SWAP_TEST_SPEC := $(if $(T),,$(if $(ARCH_PC_TESTS),$(ARCH)-swap:$(SWAP_TEST_IMAGE)))
DOCS_SPEC := $(if $(T),,host:tools/docs_check.py host:tools/lab.py)
# The docs' pasted outputs (make docs-outputs, the quick blocks): x86_64's
# make run, last, as each recipe remakes the run image and the initrd.
DOCS_OUTPUTS_SPEC := $(if $(T),,$(if $(ARCH_PC_TESTS),host:tools/docs_outputs.py))
# The screen and keyboard, under OVMF: typed through QEMU's monitor, read
# from its screendumps (tests/pc/screen_test.py).
SCREEN_TEST_SPEC := $(if $(T),,$(if $(ARCH_PC_TESTS),host:tests/pc/screen_test.py))

# Every path, function, macro, system call and make target the README and
# docs/ name must exist (the rules are in tools/docs_check.py); make test
# runs it too, as the spec host:tools/docs_check.py.
docs-check: ## the course text's claims against the tree
	$(Q)tools/docs_check.py

RUN_TESTS = $(call RUN_PY,test) --logdir build $(if $(filter 1,$(V)),--verbose) \
	$(if $(T),--selection '$(T)')

# With T= set, only the selection runs: not the runner's own tests.
# A port's make test boots (ARCH_TEST_SPECS) and the images they need
# (ARCH_TEST_IMAGES): an arch.mk that says nothing boots the kernel with and
# without the PTE special bit.  The other ports' come from a make of their
# own (test-images), which names its boots in build/<arch>/test-specs.
ARCH_TEST_IMAGES ?= $(TEST_IMAGE) $(NS_TEST_IMAGE)
ARCH_TEST_SPECS ?= $(ARCH):$(TEST_IMAGE) $(ARCH)-nospecial:$(NS_TEST_IMAGE)

test: deps $(if $(T),,$(if $(ARCH_PC_TESTS),tools-test)) $(DOCS_DEMOS) $(HOST_PROGS) $(ARCH_TEST_IMAGES) $(TEST_SWAP_IMAGE) \
		$(if $(UEFI_TEST_SPEC),$(UEFI_TEST_IMAGE) $(BIGMEM_TEST_IMAGE) $(SCREEN_IMAGE) $(SWAP_TEST_IMAGE)) \
		$(addprefix test-images-,$(OTHER_ARCHES)) ## everything, every port (ARCH= for one); ends with "N passed, N failed" (T=)
	$(Q)$(RUN_TESTS) $(DOCS_SPEC) $(HOST_SPECS) $(ARCH_TEST_SPECS) $(UEFI_TEST_SPEC) $(BIGMEM_TEST_SPEC) \
		$(SWAP_TEST_SPEC) $(SCREEN_TEST_SPEC) $(foreach a,$(OTHER_ARCHES),$$(cat build/$(a)/test-specs)) \
		$(DOCS_OUTPUTS_SPEC)

test-images-%: FORCE
	$(Q)$(MAKE) --no-print-directory ARCH=$* test-images

test-images: deps $(ARCH_TEST_IMAGES) ## a port's test images, named for the runner in build/<arch>/test-specs
	$(Q)echo '$(ARCH_TEST_SPECS)' > $(B)/test-specs

test-kernel: TEST_SCOPE := kernel
test-kernel: deps $(TEST_IMAGE) $(TEST_SWAP_IMAGE) ## one boot, the in-kernel suites only (T=)
	$(Q)$(RUN_TESTS) $(ARCH):$(TEST_IMAGE)

test-user: TEST_SCOPE := user
test-user: deps $(TEST_IMAGE) $(TEST_SWAP_IMAGE) ## one boot, the user-space test programs only (T=)
	$(Q)$(RUN_TESTS) $(ARCH):$(TEST_IMAGE)

test-host: deps $(HOST_PROGS) ## the host tests and fuzzers only (T=)
	$(Q)$(RUN_TESTS) $(HOST_SPECS)

test-list: TEST_LIST := 1
test-list: deps $(HOST_PROGS) $(TEST_IMAGE) $(TEST_SWAP_IMAGE) ## name every test, as where: suite.case (T= narrows)
	$(Q)$(call RUN_PY,list) --logdir build/list $(HOST_SPECS) $(ARCH):$(TEST_IMAGE)

# The outputs pasted in the docs, regenerated by booting the commands the text
# shows (tools/docs_outputs.py), figures and all: SLOW=1 adds make bench's
# table, UPDATE=1 rewrites the blocks that differ.  make test runs the
# quick blocks (DOCS_OUTPUTS_SPEC), with any figures where only the build's
# sizes move them.
docs-outputs: deps ## run the commands the docs show and compare their outputs (SLOW=, UPDATE=)
	$(Q)tools/docs_outputs.py --exact $(if $(filter 1,$(SLOW)),--slow) \
		$(if $(filter 1,$(UPDATE)),--update)

# One broken rule at a time (tools/mutations.py), each in a copy of the tree
# with the tests that should catch it; the kill rate and the survivors.
# Ten to twenty minutes, so not in make test.  MUTATE= narrows by name.
mutate: deps ## break each VM rule in turn in a copy of the tree; report the kill rate
	$(Q)tools/mutate.py $(if $(MUTATE),--only '$(MUTATE)')

# The errno table (user/tests/errno_test.c) built natively and run on this
# host's Linux, checking its Linux column: where the rows' expectations come
# from.  Not in make test: the host's kernel and privileges vary (rows that
# depend on privilege are skipped as root).
errno-linux: ## check the errno table's Linux column against this host's Linux
	@mkdir -p $(HB)
	$(Q)$(HOST_CC) -std=gnu11 -O1 $(WARNINGS) -DERRNO_LINUX -Ikernel/uapi \
		-o $(HB)/errno_test user/tests/errno_test.c kernel/lib/ktest_filter.c
	$(Q)$(HB)/errno_test

# The figure of a running process's VMAs and page tables in chapter 3
# (tools/vmfigure.py: boots docs/demos/vmfigure.c, asks QEMU's monitor).
vmfigure: deps ## redraw docs/figures/address-space.svg from a running kernel
	$(Q)tools/vmfigure.py --out docs/figures/address-space.svg

format-check: ## the C sources against .clang-format
	$(Q)clang-format --dry-run --Werror $$(git ls-files '*.c' '*.h')

# The README's set-up on a fresh machine: a debootstrap minbase root gets
# `apt-get install make git`, then runs make test (tools/check-fresh.sh).
check-fresh: ## make test in a minimal Debian 12 root (root, debootstrap)
	$(Q)tools/check-fresh.sh

clean: ## remove build/
	rm -rf build

help: ## this list
	$(Q)tools/mkhelp.py $(MAKEFILE_LIST)

FORCE:

-include $(KERNEL_OBJS:.o=.d) $(B)/ksyms.d $(B)/ksyms0.d $(wildcard $(NS)/mm/*.d)
