# x86_64: built with the host's gcc (Debian has no x86_64-elf cross compiler),
# with the flags a kernel needs: no red zone (interrupts push onto the stack
# below rsp), no SSE/x87 (their registers are not saved on traps), and the
# kernel code model (code and data in the top 2 GiB of the address space).
CROSS_COMPILE ?=

ARCH_CFLAGS := -m64 -march=x86-64 -mcmodel=kernel -mno-red-zone \
	-mgeneral-regs-only -fno-pic -fno-pie
ARCH_LDFLAGS := -z max-page-size=0x1000 -z noexecstack
ARCH_SRCS := $(wildcard arch/x86_64/*.c arch/x86_64/*.S)

# A GRUB rescue ISO: bootable from QEMU's CD drive, and, being a hybrid
# image, from a USB stick written with dd.
IMAGE_EXT := iso
IMAGE_TOOL := tools/mkiso.sh
# make test's boots that need a PC: under UEFI firmware, the screen and
# keyboard, and the runner's own tests (which boot x86_64 kernels).
ARCH_PC_TESTS := y
define make_image
	tools/mkiso.sh $(1) $(2) '$(3)' $(4)
endef
