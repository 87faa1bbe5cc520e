#!/bin/sh
# Build the boot image of a 32-bit ARM kernel: the raw binary a Linux-style
# boot loader loads (QEMU's -kernel, or the Pi's firmware as kernel7.img),
# with the kernel command line and the initrd beside it, as OUT.cmdline and
# OUT.initrd, where tools/run.py finds them (QEMU's -append and -initrd put
# both in the device tree the kernel reads).
# Usage: tools/mkimage-arm.sh OUT.img KERNEL.elf "kernel command line" [INITRD]
set -eu
out=$1 kernel=$2 cmdline=$3 initrd=${4:-}

arm-none-eabi-objcopy -O binary "$kernel" "$out.tmp"
printf '%s\n' "$cmdline" > "$out.cmdline"
if [ -n "$initrd" ]; then
	cp "$initrd" "$out.initrd"
else
	rm -f "$out.initrd"
fi
mv "$out.tmp" "$out"
