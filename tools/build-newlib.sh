#!/bin/sh
# Build newlib, the C library of Pagoda's user programs, for one port.
# Usage: tools/build-newlib.sh OUT TARGET CROSS_COMPILE CFLAGS
#
#   OUT            where it goes: OUT/include (the headers), OUT/lib/libc.a
#                  and OUT/lib/libm.a
#   TARGET         newlib's target triplet (x86_64-elf ...): picks its
#                  machine directory (setjmp, memcpy ...)
#   CROSS_COMPILE  the compiler's prefix ("" for the host gcc)
#   CFLAGS         how newlib is compiled: the user programs' ABI flags and
#                  -I of Pagoda's headers, which come before newlib's own, so
#                  that the library uses the kernel's error numbers, open()
#                  flags, struct stat and signal numbers (chapter 2, "The C
#                  library")
#
# The source is Debian's newlib-source tarball.  Only libc and libm are
# built (not libgloss: Pagoda's system layer, user/lib, is the library's
# operating system).  Each call builds from scratch (under a minute of CPU);
# user/user.mk calls it only when the arguments, the tarball, this script or
# Pagoda's headers changed, so a rebuild of Pagoda is free.
set -eu
[ $# -eq 4 ] || { echo "usage: $0 OUT TARGET CROSS_COMPILE CFLAGS" >&2; exit 2; }
out=$1 target=$2 cross=$3 cflags=$4
tarball=/usr/src/newlib/newlib-3.3.0.tar.xz
[ -r "$tarball" ] || { echo "build-newlib: $tarball missing (apt-get install newlib-source)" >&2; exit 1; }

top=$(pwd)
case $out in /*) ;; *) out=$top/$out ;; esac
work=$out.work
rm -rf "$out" "$work"
mkdir -p "$work/build"
echo "  NEWLIB  $out (a few minutes, once; log in $work)"
tar -xJf "$tarball" -C "$work"
src=$(echo "$work"/newlib-*)
# s390x: newlib has no machine directory for it, and refuses an unknown
# CPU; its generic C is all Pagoda needs there, with setjmp supplied by
# user/lib/arch/s390 (see docs/08-s390.md).
sed -i 's/^  spu)$/  s390x)\n\t;;\n  spu)/' "$src/newlib/configure.host"
# ARM: newlib's libc/sys/arm and libc/syscalls are system layers of its
# own (semihosting; isatty calling _isatty ...); Pagoda's user/lib is the
# system layer.
sed -i -e 's/^\tsys_dir=arm$/\tsys_dir=/' \
	-e '/^  arm\*-\*-\*)$/{n;s/^\tsyscall_dir=syscalls$/\tsyscall_dir=/}' \
	"$src/newlib/configure.host"

# Options: long long and C99 (%zu, %hhd, %a ...) in printf/scanf; one set
# of stdin/stdout/stderr shared by all threads; time_t as long, the
# kernel's tv_sec, on 32-bit ports too; locks (each FILE's, malloc's ...)
# as calls to __retarget_lock_* functions, user/lib/lock.c's.  MISSING_SYSCALL_NAMES: newlib
# reaches the system through read, write, sbrk ... (user/lib/syscalls.c),
# not _read, _write ...  The flags in CFLAGS reach every
# file newlib compiles; __DYNAMIC_REENT__ makes the per-thread state (errno,
# strtok's position ...) a call to __getreent(), which user/lib/pthread.c
# answers; SIGNAL_PROVIDED leaves signal() and raise() to Pagoda's
# user/lib/signal.c rather than newlib's emulation.
cd "$work/build"
# Not the calling make's variables (ARCH=...) nor its jobserver.
unset MAKEFLAGS MFLAGS MAKELEVEL
"$src/configure" --target="$target" --prefix="$work/install" \
	--disable-multilib --disable-newlib-supplied-syscalls \
	--enable-newlib-io-long-long --enable-newlib-io-c99-formats \
	--enable-newlib-global-stdio-streams --enable-newlib-long-time_t \
	--enable-newlib-retargetable-locking \
	CC_FOR_TARGET="${cross}gcc" AR_FOR_TARGET="${cross}ar" \
	AS_FOR_TARGET="${cross}as" LD_FOR_TARGET="${cross}ld" \
	NM_FOR_TARGET="${cross}nm" RANLIB_FOR_TARGET="${cross}ranlib" \
	CFLAGS_FOR_TARGET="$cflags -DMISSING_SYSCALL_NAMES" > "$work/configure.log" 2>&1 ||
	{ echo "build-newlib: configure failed, see $work/configure.log" >&2; exit 1; }
make -j2 all-target-newlib > "$work/make.log" 2>&1 ||
	{ echo "build-newlib: make failed, see $work/make.log" >&2; exit 1; }
make install-target-newlib > "$work/install.log" 2>&1 ||
	{ echo "build-newlib: install failed, see $work/install.log" >&2; exit 1; }

mkdir -p "$out/lib"
cp -R "$work/install/$target/include" "$out/include"
cp "$work/install/$target/lib/libc.a" "$work/install/$target/lib/libm.a" "$out/lib/"
# Out: newlib's locks for a single thread (empty functions) and its
# __getreent (always the one global state), which a program would link
# rather than user/lib/lock.c's and newlib.c's whenever libc.a's own
# objects ask for them before Pagoda's library is searched again.
"${cross}ar" d "$out/lib/libc.a" lib_a-lock.o lib_a-getreent.o
if "${cross}nm" -g --defined-only "$out/lib/libc.a" |
	grep -qw -e __getreent -e __retarget_lock_acquire; then
	echo "build-newlib: libc.a still defines __getreent or the locks" >&2
	exit 1
fi
cd "$top"
rm -rf "$work"
