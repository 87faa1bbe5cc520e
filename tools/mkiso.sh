#!/bin/sh
# Build a bootable GRUB (BIOS) rescue ISO holding the kernel.
# Usage: tools/mkiso.sh OUT.iso KERNEL.elf "kernel command line"
#
# grub-mkrescue writes a hybrid image: it boots from a CD in QEMU and, written
# to a USB stick with dd, on a real PC.  GRUB's menu has no delay and passes the
# command line to the kernel through Multiboot2.
set -eu
out=$1 kernel=$2 cmdline=$3

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/boot/grub"
cp "$kernel" "$dir/boot/pagoda.elf"
cat > "$dir/boot/grub/grub.cfg" <<CFG
set timeout=0
set default=0
menuentry "Pagoda" {
	multiboot2 /boot/pagoda.elf $cmdline
	boot
}
CFG
if ! grub-mkrescue -o "$out" "$dir" > "$dir.log" 2>&1; then
	cat "$dir.log" >&2
	rm -f "$dir.log"
	exit 1
fi
rm -f "$dir.log"
