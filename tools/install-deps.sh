#!/bin/sh
# Install what building and running Pagoda needs, if it is missing.
# Usage: tools/install-deps.sh [ARCH [EXTRA...]]  (called by `make run`, `make test`;
#        `make gdb` adds the extra gdb, `make run GRAPHIC=1` the extra graphic)
#
# Each needed command, or file given by its absolute path, maps to the
# Debian/Ubuntu package that provides it.  As root, missing packages are
# installed with apt-get; with password-less sudo, through sudo; otherwise the
# exact command to run is printed and we fail.
#
# The list is what a minimal Debian 12 lacks (`make check-fresh` proves it
# in a debootstrap --variant=minbase root).  gcc alone is not enough there:
# the C library headers (libc6-dev) are only a Recommends of gcc, and the
# host tests and `make bench-host` include <stdint.h>, <stdio.h> ...
set -eu
arch=${1:-x86_64}
[ $# -gt 0 ] && shift

# command  package
# mkswap formats the swap disks (util-linux is Essential in Debian, so
# always there; named in case a root was built without it).
# newlib-source: the C library of user programs, which
# tools/build-newlib.sh unpacks (xz) and builds for each port.
common="gcc:gcc ld:binutils make:make python3:python3 cpio:cpio
	/usr/include/stdio.h:libc6-dev /sbin/mkswap:util-linux
	/usr/src/newlib/newlib-3.3.0.tar.xz:newlib-source xz:xz-utils"
case $arch in
x86_64)
	need="$common qemu-system-x86_64:qemu-system-x86 grub-mkrescue:grub-common
		xorriso:xorriso mformat:mtools /usr/lib/grub/i386-pc:grub-pc-bin
		/usr/lib/grub/x86_64-efi:grub-efi-amd64-bin
		/usr/share/OVMF/OVMF_CODE_4M.fd:ovmf"
	;;
arm)
	# Debian's bare-metal ARM toolchain (binutils come with it) and QEMU's
	# ARM machines.
	need="$common arm-none-eabi-gcc:gcc-arm-none-eabi
		qemu-system-arm:qemu-system-arm mformat:mtools"
	;;
s390)
	# Debian's cross compiler (used freestanding) and QEMU's s390x
	# emulator, which Debian ships in qemu-system-misc.
	need="$common s390x-linux-gnu-gcc:gcc-s390x-linux-gnu
		qemu-system-s390x:qemu-system-misc"
	;;
*)
	echo "install-deps: unknown ARCH '$arch'" >&2
	exit 1
	;;
esac
# Tools only some targets use: make gdb asks for gdb, make run GRAPHIC=1 for
# QEMU's window (its GTK display module).
for extra in "$@"; do
	case $extra in
	gdb) need="$need gdb:gdb" ;;
	gui) need="$need /usr/lib/x86_64-linux-gnu/qemu/ui-gtk.so:qemu-system-gui" ;;
	*)
		echo "install-deps: unknown extra '$extra' (known: gdb, gui)" >&2
		exit 1
		;;
	esac
done

missing=
for pair in $need; do
	what=${pair%%:*} pkg=${pair#*:}
	case $what in
	/*) [ -e "$what" ] && continue ;;
	*) command -v "$what" > /dev/null 2>&1 && continue ;;
	esac
	case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends$missing"
echo "install-deps: installing$missing" >&2
if [ "$(id -u)" = 0 ]; then
	sh -c "$cmd"
elif command -v sudo > /dev/null 2>&1 && sudo -n true 2> /dev/null; then
	sudo sh -c "$cmd"
else
	echo "install-deps: missing packages; please run as root:" >&2
	echo "  $cmd" >&2
	exit 1
fi
