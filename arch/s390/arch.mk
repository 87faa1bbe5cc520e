# s390x (z/Architecture) under QEMU's s390-ccw-virtio machine: built with
# Debian's Linux cross compiler, used freestanding.  -msoft-float: gcc would
# otherwise keep general registers in floating-point ones, which the kernel
# neither enables (CR0's AFP bit) nor saves; -mbackchain: every frame stores
# its caller's stack pointer at 0(%r15), which the panic backtrace follows;
# min-pagesize=0: the lowcore lives at address 0 and gcc would call every
# access to it an out-of-bounds one.
CROSS_COMPILE ?= s390x-linux-gnu-

ARCH_CFLAGS := -m64 -march=z196 -msoft-float -mbackchain -fno-pic -fno-pie \
	--param=min-pagesize=0
ARCH_LDFLAGS := -z max-page-size=0x1000 -z noexecstack
ARCH_SRCS := $(wildcard arch/s390/*.c arch/s390/*.S)

# make run leaves the top 16 MiB of the machine's memory to the DCSS-like
# XIP segment (arch/s390/dcss.c), which QEMU's loader device fills.
ARCH_RUN_CMDLINE = mem=$(shell echo $$(($(MEM_MIB) - 16)))M

# No boot loader: QEMU loads the ELF itself (-kernel).  The image is the
# kernel with its command line written into its parameter area
# (tools/mks390img.py); the runner passes the initrd beside it (-initrd).
IMAGE_EXT := img
IMAGE_TOOL := tools/mks390img.py
define make_image
	tools/mks390img.py $(1) $(2) '$(3)' $(4)
endef

# make test boots a third time, as on the PC: the small machine of the swap
# pressure test (mem=32M: swap on the virtio-blk-ccw disk, the OOM killer),
# about 20 s under TCG.  Not when T= aims the run elsewhere.
ARCH_TEST_IMAGES = $(TEST_IMAGE) $(NS_TEST_IMAGE) $(if $(T),,$(SWAP_TEST_IMAGE))
ARCH_TEST_SPECS = $(ARCH):$(TEST_IMAGE) $(ARCH)-nospecial:$(NS_TEST_IMAGE) \
	$(if $(T),,$(ARCH)-swap:$(SWAP_TEST_IMAGE))
