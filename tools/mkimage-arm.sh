#!/bin/sh
# Build the boot image of a 32-bit ARM kernel: the raw binary a Linux-style
# boot loader loads (QEMU's -kernel, or the Pi's firmware as kernel7.img),
# with the kernel command line beside it as OUT.cmdline, where
# tools/run.py finds it; the runner takes the initrd from beside the image
# too (initrd.cpio).  QEMU puts both in the device tree (-append, -initrd).
# Usage: tools/mkimage-arm.sh OUT.img KERNEL.elf "kernel command line" [INITRD]
set -eu
out=$1 kernel=$2 cmdline=$3

arm-none-eabi-objcopy -O binary "$kernel" "$out.tmp"
printf '%s\n' "$cmdline" > "$out.cmdline"
mv "$out.tmp" "$out"
