# Benchmarks (DESIGN.md, "Performance").  Included by the top-level Makefile
# after user/user.mk, so B, INITRD, KERNEL and make_image are set.
#
#   make bench        boot Pagoda with run="vmbench -b $(BENCH_ARGS)" and print
#                     vmbench's figures as a table.  ACCEL=tcg (the default)
#                     runs QEMU with -icount shift=0: a tick is one guest
#                     instruction, exact and the same on every host.
#                     ACCEL=kvm: real cycles.
#   make bench-linux  the same vmbench on Linux (Debian's kernel) in the same QEMU
#                     configuration, for comparison
#   make bench-host   vmbench built for and run on this machine (host figures:
#                     not comparable with the guest's)
#
# BENCH_ARGS='-n 1024 -m 16 find_vma' passes options and benchmark names to
# vmbench (see user/bin/vmbench.c, which also builds on Linux: bench-host);
# BENCH_TIMEOUT is in seconds.  The serial log is kept in $(B)/bench.log, the
# metric lines in $(B)/bench.txt.

BENCH_ARGS ?=##  vmbench's options for make bench
BENCH_TIMEOUT ?= 600
BENCH_IMAGE := $(B)/pagoda$(VARIANT)-bench.$(IMAGE_EXT)
CMDLINE_bench := $(strip $(ARCH_RUN_CMDLINE) $(CMDLINE)) run="$(strip vmbench -b $(BENCH_ARGS))"

$(BENCH_IMAGE): $(KERNEL) $(INITRD) $(B)/cmdline.bench $(IMAGE_TOOL)
	@echo "  IMAGE   $@"
	$(Q)$(call make_image,$@,$(KERNEL),$(CMDLINE_bench),$(INITRD))

.PHONY: bench bench-host
bench: deps $(BENCH_IMAGE) $(BENCH_DISK) ## the VM benchmarks (vmbench) under TCG, -icount shift=0 (BENCH_ARGS=)
	$(Q)tools/bench.py boot --arch $(ARCH) --image $(BENCH_IMAGE) --mem $(MEM_MIB) \
		--accel $(ACCEL) --smp $(SMP) --timeout $(BENCH_TIMEOUT) --log $(B)/bench.log \
		--qemu-args '$(QEMU_ARGS)' $(if $(BENCH_DISK),--disk $(BENCH_DISK)) \
		--out $(B)/bench.txt $(if $(filter 1,$(V)),--verbose)

$(HB)/vmbench: user/bin/vmbench.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	$(Q)$(HOST_CC) -O2 -Wall -Wextra -Werror $< -o $@

bench-host: $(HB)/vmbench ## vmbench natively on the host
	$(Q)tools/bench.py host --timeout $(BENCH_TIMEOUT) --log $(HB)/bench.log \
		--out $(HB)/bench.txt $(HB)/vmbench $(BENCH_ARGS)

# The same vmbench on Linux, in the same QEMU configuration (machine, CPU,
# RAM, TCG with -icount shift=0), so the two kernels' figures are
# instruction counts of the same operations.  The kernel is Debian's own
# (the package is fetched with apt-get download, not installed); vmbench,
# linked statically against the host's C library, runs as its init.
LINUX_PKG ?= linux-image-6.1.0-47-cloud-amd64
LB := build/linux

$(LB)/vmlinuz:
	@mkdir -p $(LB)/pkg
	$(Q)cd $(LB)/pkg && apt-get -qq download $(LINUX_PKG) 2> /dev/null || \
		{ echo "bench-linux: apt-get download $(LINUX_PKG) failed (LINUX_PKG=...)" >&2; exit 1; }
	$(Q)dpkg-deb -x $(LB)/pkg/$(LINUX_PKG)_*.deb $(LB)/pkg/root
	$(Q)cp $(LB)/pkg/root/boot/vmlinuz-* $@

# The virtio modules of the swap disk (Debian builds virtio-blk as modules),
# which user/linux/benchinit.c loads before it becomes vmbench.
LINUX_MODULES := virtio virtio_ring virtio_pci_legacy_dev virtio_pci_modern_dev \
	virtio_pci virtio_blk

$(LB)/initramfs.cpio: user/bin/vmbench.c user/linux/benchinit.c tools/mkinitrd.py $(LB)/vmlinuz
	@mkdir -p $(LB)
	$(Q)$(HOST_CC) -O2 -static user/bin/vmbench.c -o $(LB)/vmbench
	$(Q)$(HOST_CC) -O2 -Wall -Wextra -Werror -static user/linux/benchinit.c -o $(LB)/benchinit
	$(Q)tools/mkinitrd.py $@ --exec=/init=$(LB)/benchinit --exec=/vmbench=$(LB)/vmbench \
		$(foreach m,$(LINUX_MODULES),--file=/lib/modules/$(m).ko=$$(find $(LB)/pkg/root/lib/modules -name $(m).ko))

.PHONY: bench-linux
bench-linux: deps $(LB)/vmlinuz $(LB)/initramfs.cpio $(BENCH_DISK) ## vmbench on Debian's Linux, same QEMU
	$(Q)timeout $(BENCH_TIMEOUT) qemu-system-x86_64 -machine pc -m $(MEM_MIB) \
		-display none -no-reboot -serial stdio -accel tcg -icount shift=0 \
		-kernel $(LB)/vmlinuz -initrd $(LB)/initramfs.cpio \
		$(if $(BENCH_DISK),-drive file=$(BENCH_DISK)$(COMMA)if=none$(COMMA)id=vd0$(COMMA)format=raw$(COMMA)snapshot=on \
			-device virtio-blk-pci$(COMMA)drive=vd0) \
		-append "console=ttyS0 quiet panic=-1 rdinit=/init $(if $(BENCH_DISK),BENCH_SWAP=/dev/vda) -- -b $(BENCH_ARGS)" \
		< /dev/null > $(LB)/bench.log 2>&1 || true
	$(Q)tools/bench.py log --out $(LB)/bench.txt $(LB)/bench.log

# Swap: vmbench's swap figures in a machine of BENCH_SWAP_MEM with a swap
# disk of SWAP (make run's, 256M: at least 1.25 times the RAM), on Pagoda
# and on Linux.  BENCH_DISK attaches the disk to make bench / bench-linux.
BENCH_SWAP_MEM ?= 128M##  RAM of make bench-swap and bench-linux-swap
BENCH_DISK ?=
COMMA := ,

.PHONY: bench-swap bench-linux-swap
bench-swap: ## vmbench's swap figures (MADV_PAGEOUT, swap-in, 2x RAM) with a swap disk
	$(Q)$(MAKE) --no-print-directory bench MEM=$(BENCH_SWAP_MEM) BENCH_ARGS='swap' \
		BENCH_DISK=$(B)/swap-$(SWAP).img
bench-linux-swap: ## the same on Debian's Linux, same QEMU, same disk
	$(Q)$(MAKE) --no-print-directory bench-linux MEM=$(BENCH_SWAP_MEM) BENCH_ARGS='swap' \
		BENCH_DISK=$(B)/swap-$(SWAP).img

# PTE_SPECIAL=y against =n: the same vmbench on both kernels, then each
# figure of the kernel without a special bit as a multiple of the other's
# (the price of vm_normal_page's VMA rules on the fault paths).
PTE_BENCH_ARGS ?= anon_fault zero_fault cow_fault munmap_page fork devmem

.PHONY: bench-pte-special
bench-pte-special: deps ## make bench on both PTE_SPECIAL kernels, with the ratio of each figure
	$(Q)$(MAKE) --no-print-directory bench PTE_SPECIAL=y BENCH_ARGS='$(PTE_BENCH_ARGS)'
	$(Q)cp $(B)/bench.txt $(B)/bench-special.txt
	$(Q)$(MAKE) --no-print-directory bench PTE_SPECIAL=n BENCH_ARGS='$(PTE_BENCH_ARGS)'
	$(Q)cp $(B)/bench.txt $(B)/bench-nospecial.txt
	$(Q)tools/bench.py compare --a-name special --b-name nospecial \
		$(B)/bench-special.txt $(B)/bench-nospecial.txt
