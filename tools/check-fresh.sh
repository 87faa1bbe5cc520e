#!/bin/sh
# Prove the README's set-up on a fresh machine: a minimal Debian 12 root
# (debootstrap --variant=minbase) gets only the README's prerequisite line,
# `apt-get install make git`, then runs `make test` on a clone of HEAD.
# Everything else must come from tools/install-deps.sh, so a tool or header
# missing from its list fails here rather than on a student's machine.
#
# Usage: tools/check-fresh.sh [ROOT]        (make check-fresh; needs root,
#        debootstrap and Debian's archive; ROOT defaults to build/fresh-root)
#
# The root is kept between runs (debootstrap takes minutes); a run starts
# from a copy of the untouched root, so every run is a fresh machine again.
set -eu
base=${1:-build/fresh-root}
mirror=${MIRROR:-http://deb.debian.org/debian}
work=$base.run

if [ "$(id -u)" != 0 ]; then
	echo "check-fresh: needs root (debootstrap and chroot): sudo make check-fresh" >&2
	exit 1
fi
if ! command -v debootstrap > /dev/null 2>&1; then
	echo "check-fresh: needs debootstrap: apt-get install debootstrap" >&2
	exit 1
fi

if [ ! -x "$base/bin/sh" ]; then
	echo "check-fresh: creating a minimal Debian 12 root in $base"
	debootstrap --variant=minbase bookworm "$base" "$mirror"
fi

cleanup() {
	umount "$work/proc" 2> /dev/null || true
	umount "$work/dev" 2> /dev/null || true
}
trap cleanup EXIT INT TERM

rm -rf "$work"
cp -a "$base" "$work"
mount -t proc proc "$work/proc"
mount --bind /dev "$work/dev"
cp /etc/resolv.conf "$work/etc/resolv.conf"
git clone -q . "$work/pagoda"

echo "check-fresh: the README's prerequisite line, then make test"
chroot "$work" sh -c 'apt-get update -q && apt-get install -y -q make git' > "$base.apt.log" 2>&1 ||
	{ echo "check-fresh: apt-get failed, see $base.apt.log" >&2; exit 1; }
chroot "$work" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
	sh -c 'cd /pagoda && make test'
