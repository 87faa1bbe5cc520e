#!/bin/sh
# Build a bootable GRUB rescue ISO holding the kernel and its initrd.
# Usage: tools/mkiso.sh OUT.iso KERNEL.elf "kernel command line" [INITRD]
#
# grub-mkrescue writes a hybrid image: it boots from a CD in QEMU and, written
# to a USB stick with dd, on a real PC; and it holds GRUB for each platform
# installed, here BIOS (grub-pc-bin) and UEFI (grub-efi-amd64-bin, as
# EFI/BOOT/BOOTX64.EFI in an embedded FAT image).  GRUB's menu has no delay; the command
# line goes to the kernel through Multiboot2 and the initrd as its first
# module.  GRUB splits the line into words and joins them again, putting a
# word that holds spaces in double quotes: run="ls -l" reaches the kernel as
# "run=ls -l", which the kernel's parser reads the same way.  A single quote
# would be taken by GRUB, so it is refused here.
set -eu
out=$1 kernel=$2 cmdline=$3 initrd=${4:-}

case $cmdline in *"'"*)
	echo "mkiso: the kernel command line may not contain a single quote" >&2
	exit 1 ;;
esac

# Without GRUB's UEFI platform the image would silently boot under BIOS only.
for platform in i386-pc x86_64-efi; do
	if [ ! -d /usr/lib/grub/$platform ]; then
		echo "mkiso: GRUB for $platform is missing: run tools/install-deps.sh" >&2
		exit 1
	fi
done

dir=$(mktemp -d)
trap 'rm -rf "$dir" "$dir.log"' EXIT
mkdir -p "$dir/boot/grub"
cp "$kernel" "$dir/boot/pagoda.elf"
module=
if [ -n "$initrd" ]; then
	cp "$initrd" "$dir/boot/initrd.cpio"
	module="	module2 /boot/initrd.cpio"
fi
cat > "$dir/boot/grub/grub.cfg" <<CFG
set timeout=0
set default=0
menuentry "Pagoda" {
	multiboot2 /boot/pagoda.elf $cmdline
$module
	boot
}
CFG
if ! grub-mkrescue -o "$out" "$dir" > "$dir.log" 2>&1; then
	cat "$dir.log" >&2
	exit 1
fi
