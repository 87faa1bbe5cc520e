# ARMv7-A: Debian's bare-metal cross compiler (gcc-arm-none-eabi), in the
# ARM instruction set (not Thumb-2: every instruction is 4 bytes, so the
# exception return addresses and the system-call rewind are one fixed
# offset, and a disassembly reads plainly beside the manual).  Soft-float,
# general registers only: the kernel never touches VFP/NEON, and user
# programs are built soft-float too, so a task switch saves no FPU state.
# Unaligned accesses are not generated (they fault with the MMU off on
# real hardware).  libgcc provides 64-bit division (__aeabi_uldivmod).
#
# BOARD=virt (QEMU's virt machine, Cortex-A15, RAM at 1 GiB) is the default;
# BOARD=raspi2b (Raspberry Pi 2 model B, Cortex-A7, RAM at 0).
CROSS_COMPILE ?= arm-none-eabi-
BOARD ?= virt##  arm only: virt (QEMU's virt machine) or raspi2b (Raspberry Pi 2)

ARM_CPU_virt := cortex-a15
ARM_CPU_raspi2b := cortex-a7
# uint32_t and int32_t are unsigned int and int, as in Linux's ARM EABI (the
# bare-metal EABI's compiler says long): so u32 prints with %u everywhere.
# ("unsigned": one word, so the flags need no quotes on the way into
# newlib's build.)
ARM_INT32 := -U__UINT32_TYPE__ -D__UINT32_TYPE__=unsigned \
	-U__INT32_TYPE__ -D__INT32_TYPE__=int \
	-U__UINT_LEAST32_TYPE__ -D__UINT_LEAST32_TYPE__=unsigned \
	-U__INT_LEAST32_TYPE__ -D__INT_LEAST32_TYPE__=int
ARCH_CFLAGS := $(ARM_INT32) -marm -mcpu=$(ARM_CPU_$(BOARD)) -mfloat-abi=soft -mgeneral-regs-only \
	-mno-unaligned-access -mabi=aapcs-linux -fno-pic -fno-pie -DBOARD_$(BOARD)
# User programs: the same instruction set, ABI and types as the kernel,
# but plain ARMv7-A (as Linux distributions build for), without the divide
# instruction: a division by zero then raises SIGFPE (user/lib/arch/arm/div0.S).
USER_ARCH_CFLAGS_arm = $(ARM_INT32) -marm -march=armv7-a -mtune=$(ARM_CPU_$(BOARD)) \
	-mfloat-abi=soft -mabi=aapcs-linux
# libgcc is built for the bare-metal EABI's short enums, ours are 4 bytes
# (aapcs-linux); no enum crosses into its arithmetic helpers.
# Programs start at 4 MiB, as on x86_64 (the bare-metal default is 32 KiB),
# so the low pages the tests poke at are far from any program text.
# -u: libc's __aeabi_idiv0 (div0.S) is taken before libgcc's weak one.
USER_ARCH_LDFLAGS := -Wl,--no-enum-size-warning -Wl,-Ttext-segment=0x400000 \
	-Wl,-u,__aeabi_idiv0
ARCH_LDFLAGS := -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments \
	--no-enum-size-warning
ARCH_LIBS = $(shell $(CC) $(ARCH_CFLAGS) -print-libgcc-file-name)
# Each board's interrupt controller: the GIC on virt, the BCM2836's on the Pi.
ARM_IRQCHIP_virt := arch/arm/gic.c
ARM_IRQCHIP_raspi2b := arch/arm/bcm2836.c
ARCH_SRCS := $(filter-out $(filter-out $(ARM_IRQCHIP_$(BOARD)),$(ARM_IRQCHIP_virt) \
	$(ARM_IRQCHIP_raspi2b)),$(wildcard arch/arm/*.c arch/arm/*.S))

# QEMU's -kernel loads a raw image the way a boot loader loads Linux's: the
# device tree pointer in r2, the initrd and the command line described in
# it.  The "image" is that raw binary, with the command line and the initrd
# beside it (tools/mkimage-arm.sh), which tools/run.py hands to QEMU.
IMAGE_EXT := img
IMAGE_TOOL := tools/mkimage-arm.sh
define make_image
	tools/mkimage-arm.sh $(1) $(2) '$(3)' $(4)
endef

# Each board's objects apart: its RAM base and CPU differ.  make run boots
# the board's own QEMU machine (tools/run.py's arm-raspi2b).
ifneq ($(BOARD),virt)
B := build/arm/$(BOARD)
RUN_ARCH := arm-$(BOARD)
endif

# An SD card for a real Raspberry Pi 2 (tools/mksdimage.py; the README says
# which firmware files to add and how to write the card).
# (The Makefile defines IMAGE and INITRD after this file: named here.)
SDIMAGE := $(B)/pagoda-sd.img
.PHONY: sdimage
sdimage: deps $(B)/pagoda.$(IMAGE_EXT) $(B)/initrd.cpio tools/mksdimage.py ## BOARD=raspi2b: an SD-card image for a Raspberry Pi 2
	$(Q)$(if $(filter raspi2b,$(BOARD)),,echo "sdimage: needs ARCH=arm BOARD=raspi2b" >&2; exit 1;)
	@echo "  SDIMAGE $(SDIMAGE)"
	$(Q)tools/mksdimage.py $(SDIMAGE) $(IMAGE) '$(CMDLINE_run)' $(INITRD)

# make test's boots: one kernel per board (there is no PTE special bit to
# turn off); the Pi's image comes from a make of its own (BOARD=raspi2b).
ifeq ($(BOARD),virt)
RASPI_TEST_IMAGE := build/arm/raspi2b/pagoda-test.img
ARCH_TEST_IMAGES = $(TEST_IMAGE) $(RASPI_TEST_IMAGE)
ARCH_TEST_SPECS = $(ARCH):$(TEST_IMAGE) $(ARCH)-raspi2b:$(RASPI_TEST_IMAGE)

# The Pi boots the kernel suites (those of a PCI device skip themselves:
# the board has none) and every program in /tests, on its own drivers: the
# BCM2836's interrupt controllers, its RAM at 0.
$(RASPI_TEST_IMAGE): FORCE
	$(Q)$(MAKE) --no-print-directory BOARD=raspi2b $@
else
ARCH_TEST_IMAGES = $(TEST_IMAGE)
ARCH_TEST_SPECS = $(ARCH)-$(BOARD):$(TEST_IMAGE)
endif
