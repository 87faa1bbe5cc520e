# Pagoda's build.  Everything a user does goes through here:
#
#   make run        boot the kernel in QEMU on the serial console (Ctrl-A X quits)
#   make test       host tests, tool tests, then the in-kernel tests in QEMU
#   make iso        the bootable image (build/<arch>/pagoda.iso)
#   make bench      the VM benchmarks (vmbench) under TCG with -icount shift=0
#   make host-test  only the host tests of mm/ (ASan + UBSan)
#   make format-check   the C sources against .clang-format
#   make docs-check     the course text's claims against the tree (tools/docs_check.py)
#   make check-fresh    make test in a minimal Debian 12 root (needs root, debootstrap)
#   make clean
#
# Variables: ARCH=x86_64 (the only port so far), MEM=<MiB> (256), ACCEL=tcg|kvm,
# CMDLINE='...' (kernel parameters for run), KTEST_FILTER=<suite[.case],...>,
# FIRMWARE=bios|uefi (make run: SeaBIOS or OVMF),
# TIMEOUT=<seconds> for one test boot, V=1 to show commands and, in make test,
# the whole serial console output as it arrives (it is always in build/<arch>/test.log).
# Output goes to build/<arch>/ and build/host/, never next to the sources.

ARCH ?= x86_64
MEM ?= 256
ACCEL ?= tcg
CMDLINE ?=
KTEST_FILTER ?=
TIMEOUT ?= 300

# The test boot has TEST_MEM MiB (room to read 256 MiB of fresh memory under
# the overcommit limit) and leaves its top 32 MiB without struct page (mem=),
# as later device-memory work needs; the boot memory-map tests check it.
TEST_MEM ?= 512
TEST_MEM_LIMIT := $(shell echo $$(($(TEST_MEM) - 32)))M
TEST_CMDLINE := ktest mem=$(TEST_MEM_LIMIT) $(if $(KTEST_FILTER),ktest.filter=$(KTEST_FILTER)) $(CMDLINE)

# make test also boots once under UEFI firmware (OVMF), running the suites
# that see what the firmware handed over: the memory map, ACPI, PCI, the
# initrd GRUB loaded.  (Skipped when KTEST_FILTER aims the run elsewhere.)
UEFI_TEST_SUITES := boot_memmap,acpi,pci,initrd,kernel_pgtable
UEFI_TEST_CMDLINE := ktest mem=$(TEST_MEM_LIMIT) ktest.filter=$(UEFI_TEST_SUITES) $(CMDLINE)

# FIRMWARE=bios (SeaBIOS, QEMU's default) or uefi (OVMF) for make run.
FIRMWARE ?= bios
ifeq ($(filter $(FIRMWARE),bios uefi),)
$(error FIRMWARE=$(FIRMWARE): accepted values are bios and uefi)
endif
RUN_ARCH := $(ARCH)$(if $(filter uefi,$(FIRMWARE)),-uefi)

B := build/$(ARCH)
HB := build/host

ifeq ($(V),1)
Q :=
else
Q := @
endif

include arch/$(ARCH)/arch.mk

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
	-I. -Iarch/$(ARCH)/include -Ikernel/uapi $(ARCH_CFLAGS) -MMD -MP
KASFLAGS := -D__ASSEMBLER__ -I. -Iarch/$(ARCH)/include -Ikernel/uapi $(ARCH_CFLAGS) -MMD -MP

KERNEL_SRCS := $(wildcard kernel/*.c kernel/lib/*.c kernel/fs/*.c kernel/drivers/*.c mm/*.c) \
	$(ARCH_SRCS)
KERNEL_OBJS := $(addprefix $(B)/,$(addsuffix .o,$(basename $(KERNEL_SRCS))))

KERNEL := $(B)/pagoda.elf
IMAGE := $(B)/pagoda.$(IMAGE_EXT)
TEST_IMAGE := $(B)/pagoda-test.$(IMAGE_EXT)
UEFI_TEST_IMAGE := $(B)/pagoda-uefi-test.$(IMAGE_EXT)

.PHONY: all run test iso clean deps host-test tools-test format-check check-fresh docs-check FORCE
.DELETE_ON_ERROR:

all: $(KERNEL) $(IMAGE)

iso: $(IMAGE)

deps:
	$(Q)tools/install-deps.sh $(ARCH)

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(B)/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(CC) $(KASFLAGS) -c $< -o $@

$(B)/linker.ld: linker.ld arch/$(ARCH)/include/asm/layout.h
	@mkdir -p $(dir $@)
	$(Q)$(CC) -E -P -x c -D__ASSEMBLER__ -Iarch/$(ARCH)/include $< -o $@

# The symbol table for backtraces is part of the image it describes, so the
# kernel is linked twice: once with an empty table, to learn the addresses,
# and once with the real one.  The table sits in .rodata, after all code, so
# adding it moves no function; the check below proves that on every build.
LINK = $(LD) -n -nostdlib -T $(B)/linker.ld $(ARCH_LDFLAGS) -o $@ $(KERNEL_OBJS)

$(B)/ksyms0.o $(B)/ksyms.o: %.o: %.S
	$(Q)$(CC) $(KASFLAGS) -c $< -o $@

$(B)/ksyms0.S:
	@mkdir -p $(dir $@)
	$(Q)tools/ksyms.py < /dev/null > $@

$(B)/pass1.elf: $(KERNEL_OBJS) $(B)/ksyms0.o $(B)/linker.ld
	$(Q)$(LINK) $(B)/ksyms0.o

$(B)/ksyms.S: $(B)/pass1.elf tools/ksyms.py
	$(Q)$(NM) -n $< | tools/ksyms.py > $@

$(KERNEL): $(KERNEL_OBJS) $(B)/ksyms.o $(B)/linker.ld
	@echo "  LD      $@"
	$(Q)$(LINK) $(B)/ksyms.o
	$(Q)$(NM) -n $@ | tools/ksyms.py | cmp -s - $(B)/ksyms.S || \
		{ echo "ksyms: symbol addresses moved between links" >&2; rm -f $@; exit 1; }
	$(Q)$(SIZE) $@ | tail -1 | awk '{ printf "  kernel: text %d, data %d, bss %d bytes\n", $$1, $$2, $$3 }'

include user/user.mk

# Rebuild an image when its command line changes: the line is kept in a file
# that is rewritten only when it differs.
$(B)/cmdline.%: FORCE
	@mkdir -p $(dir $@)
	@echo '$(CMDLINE_$*)' | cmp -s - $@ || echo '$(CMDLINE_$*)' > $@

CMDLINE_run := $(CMDLINE) $(if $(RUN),run="$(RUN)")
CMDLINE_test := $(TEST_CMDLINE)
CMDLINE_uefi-test := $(UEFI_TEST_CMDLINE)

$(IMAGE): $(KERNEL) $(INITRD) $(B)/cmdline.run tools/mkiso.sh
	@echo "  IMAGE   $@"
	$(Q)$(call make_image,$@,$(KERNEL),$(CMDLINE_run),$(INITRD))

$(TEST_IMAGE): $(KERNEL) $(INITRD) $(B)/cmdline.test tools/mkiso.sh
	@echo "  IMAGE   $@"
	$(Q)$(call make_image,$@,$(KERNEL),$(CMDLINE_test),$(INITRD))

$(UEFI_TEST_IMAGE): $(KERNEL) $(INITRD) $(B)/cmdline.uefi-test tools/mkiso.sh
	@echo "  IMAGE   $@"
	$(Q)$(call make_image,$@,$(KERNEL),$(CMDLINE_uefi-test),$(INITRD))

run: deps $(IMAGE)
	$(Q)tools/run.py run --arch $(RUN_ARCH) --image $(IMAGE) --mem $(MEM) --accel $(ACCEL)

include bench.mk
include tests/host/host.mk
include tests/host/fuzz.mk

# The runner's own tests, including booting the failure demos (needs the kernel).
tools-test: $(KERNEL)
	$(Q)python3 -m unittest discover -s tests/tools -t .

# Everything, ending with one closing line: "N passed, N failed".
UEFI_TEST_SPEC := $(if $(KTEST_FILTER),,$(ARCH)-uefi:$(UEFI_TEST_IMAGE))

test: deps tools-test $(HOST_TEST) $(HOST_TEST_NOSPECIAL) $(VMA_FUZZ) $(TEST_IMAGE) \
		$(if $(UEFI_TEST_SPEC),$(UEFI_TEST_IMAGE))
	$(Q)KTEST_FILTER='$(KTEST_FILTER)' tools/run.py test --timeout $(TIMEOUT) --mem $(TEST_MEM) --accel $(ACCEL) \
		--logdir build $(if $(filter 1,$(V)),--verbose) \
		host:tools/docs_check.py host:$(HOST_TEST) host:$(HOST_TEST_NOSPECIAL) host:$(VMA_FUZZ) \
		$(ARCH):$(TEST_IMAGE) $(UEFI_TEST_SPEC)

# Every path, function, macro, system call and make target the README and
# docs/ name must exist (the rules are in tools/docs_check.py); make test
# runs it too, as the spec host:tools/docs_check.py.
docs-check:
	$(Q)tools/docs_check.py

# Check that the C sources match .clang-format (needs clang-format).
format-check:
	$(Q)clang-format --dry-run --Werror $$(git ls-files '*.c' '*.h')

# The README's set-up on a fresh machine: a debootstrap minbase root gets
# `apt-get install make git`, then runs make test (tools/check-fresh.sh).
check-fresh:
	$(Q)tools/check-fresh.sh

clean:
	rm -rf build

FORCE:

-include $(KERNEL_OBJS:.o=.d) $(B)/ksyms.d $(B)/ksyms0.d
