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
ARM_INT32 := -U__UINT32_TYPE__ -D__UINT32_TYPE__='unsigned int' \
	-U__INT32_TYPE__ -D__INT32_TYPE__=int \
	-U__UINT_LEAST32_TYPE__ -D__UINT_LEAST32_TYPE__='unsigned int' \
	-U__INT_LEAST32_TYPE__ -D__INT_LEAST32_TYPE__=int
ARCH_CFLAGS := $(ARM_INT32) -marm -mcpu=$(ARM_CPU_$(BOARD)) -mfloat-abi=soft -mgeneral-regs-only \
	-mno-unaligned-access -mabi=aapcs-linux -fno-pic -fno-pie -DBOARD_$(BOARD)
# User programs: the same instruction set, ABI and types as the kernel.
USER_ARCH_CFLAGS_arm = $(ARM_INT32) -marm -mcpu=$(ARM_CPU_$(BOARD)) -mfloat-abi=soft \
	-mabi=aapcs-linux
# libgcc is built for the bare-metal EABI's short enums, ours are 4 bytes
# (aapcs-linux); no enum crosses into its arithmetic helpers.
# Programs start at 4 MiB, as on x86_64 (the bare-metal default is 32 KiB),
# so the low pages the tests poke at are far from any program text.
USER_ARCH_LDFLAGS := -Wl,--no-enum-size-warning -Wl,-Ttext-segment=0x400000
ARCH_LDFLAGS := -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments \
	--no-enum-size-warning
ARCH_LIBS = $(shell $(CC) $(ARCH_CFLAGS) -print-libgcc-file-name)
ARCH_SRCS := $(wildcard arch/arm/*.c arch/arm/*.S)

# QEMU's -kernel loads a raw image the way a boot loader loads Linux's: the
# device tree pointer in r2, the initrd and the command line described in
# it.  The "image" is that raw binary, with the command line and the initrd
# beside it (tools/mkimage-arm.sh), which tools/run.py hands to QEMU.
IMAGE_EXT := img
IMAGE_TOOL := tools/mkimage-arm.sh
define make_image
	tools/mkimage-arm.sh $(1) $(2) '$(3)' $(4)
endef

# Each board's objects apart: its RAM base and CPU differ.
ifneq ($(BOARD),virt)
B := build/arm/$(BOARD)
endif

# make test's boots: one kernel (there is no PTE special bit to turn off).
ARCH_TEST_IMAGES = $(TEST_IMAGE)
ARCH_TEST_SPECS = $(ARCH):$(TEST_IMAGE)
