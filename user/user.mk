# User space: the C library, the programs, and the initrd that carries them.
# Included by the top-level Makefile after arch.mk and the tool variables,
# so B (build/<arch>), CC, Q and ARCH are set.
#
#   newlib, from Debian's newlib-source        -> build/newlib/$(ARCH)
#     (tools/build-newlib.sh: libc.a, libm.a and their headers)
#   user/lib/*.c, user/lib/arch/$(ARCH)/*.S    -> $(B)/user/libpagoda.a
#     (the system layer under newlib: system calls, signals, threads ...)
#   user/lib/arch/$(ARCH)/crt0.S               -> $(B)/user/crt0.o
#   user/bin/<name>.c                          -> $(B)/user/bin/<name>   (/bin)
#   user/tests/<name>.c                        -> $(B)/user/tests/<name> (/tests)
#   EXTRA='dir/prog.c ...'                     -> $(B)/user/extra/prog   (/bin)
#   EXTRA=dir/prog/ (a directory)              -> $(B)/user/extra/prog   (/bin)
#     (absolute paths, or relative to the top of the tree; a directory is one
#     program, named after it, linked from every .c file in it)
#   all of them, and user/etc/*                -> $(INITRD) (/etc)
#
# A program is one .c file, linked statically with crt0.o, libpagoda.a and
# newlib's libc.a and libm.a, at the usual address (0x400000 on x86_64).
# An EXTRA program replaces a user/bin one of the same name in the initrd.
# EXTRA programs are the user's own, so they are compiled as gcc compiles
# on Linux: warnings are shown, never turned into errors (-Werror is for
# Pagoda's own code), and CFLAGS_EXTRA comes last on their command line.

INITRD := $(B)/initrd.cpio
EXTRA ?=##  C files (from anywhere) built into /bin: EXTRA='a.c b.c', or a directory: one program
CFLAGS_EXTRA ?=##  more compiler flags for the EXTRA programs: CFLAGS_EXTRA='-O0 -DN=4'

UB := $(B)/user
USER_LIBC := $(UB)/libpagoda.a
USER_CRT0 := $(UB)/crt0.o

# Programs are ordinary hosted C: the compiler may replace printf("x\n")
# with puts("x") and so on, as it does on Linux.  Only the include path is
# ours, in this order: Pagoda's headers (POSIX's, and those that replace
# newlib's where the kernel decides, as <signal.h> and <fcntl.h>), the
# kernel's ABI headers, newlib's, and the compiler's own (stddef.h,
# stdarg.h ...; limits.h, which newlib's includes, is in include-fixed).  Recursive (=), so gcc is asked only when compiling, as
# KCFLAGS does.  -Wno-format-truncation: gcc would otherwise reject
# snprintf calls that may cut their output, which is what snprintf is for.
USER_ARCH_CFLAGS_x86_64 := -m64
# s390x: hard float (Debian's libgcc has no soft-float routines); the
# kernel saves the floating-point registers on every switch.
USER_ARCH_CFLAGS_s390 := -m64 -march=z196
# newlib keeps errno and the rest of its per-thread state in a struct
# _reent that __getreent() finds (user/lib/pthread.c), not in one global.
# s390x: newlib has no machine directory for it; its headers learn the
# byte order and setjmp's buffer (18 longs, user/lib/arch/s390/setjmp.S)
# from these.
USER_LIBC_DEFINES_s390 := -D__IEEE_BIG_ENDIAN -D_JBLEN=18 -D_JBTYPE=long
# Pagoda is not Linux, but the x86_64 and s390x compilers target Linux and
# predefine __linux__ (linux, __linux, __gnu_linux__); ARM's arm-none-eabi
# does not.  A program's #ifdef __linux__ picks Linux-only interfaces
# (statfs's file-system magic numbers, <mntent.h>, uname): undefined on
# every port, so that one program builds and runs alike on all three
# (docs/02, "Checking against POSIX").
USER_OS_DEFINES := -U__linux__ -U__linux -Ulinux -U__gnu_linux__
USER_LIBC_DEFINES := -D__DYNAMIC_REENT__ $(USER_OS_DEFINES) \
	$(USER_LIBC_DEFINES_$(ARCH))
USER_INCLUDES = -Iuser/include -I$(UB)/include -Ikernel/uapi \
	-Iarch/$(ARCH)/include/uapi \
	-isystem $(NEWLIB)/include \
	-isystem $(shell $(CC) -print-file-name=include) \
	$(addprefix -isystem ,$(wildcard $(shell $(CC) -print-file-name=include-fixed)))
USER_CFLAGS = -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-format-truncation -nostdinc $(USER_INCLUDES) $(USER_LIBC_DEFINES) \
	-fno-stack-protector -fno-pie -fno-asynchronous-unwind-tables \
	$(USER_ARCH_CFLAGS_$(ARCH)) -MMD -MP

# The library is the C implementation itself: freestanding, so that gcc
# neither turns its loops into calls to memset/memcpy nor its malloc +
# memset into calloc -- calls back into the functions being defined.
USER_LIBCFLAGS = $(USER_CFLAGS) -ffreestanding -fno-tree-loop-distribute-patterns

# Static, not position-independent; libgcc for the arithmetic helpers the
# compiler may call (64-bit division on 32-bit ports), grouped with the
# libraries since each may need the others.
USER_LDFLAGS := -nostdlib -static -no-pie -Wl,-z,noexecstack
# Functions both libraries define, Pagoda's being the ones that must win
# (signal.c's abort and raise, the arch's setjmp and longjmp).  Named
# undefined from the start, they are taken from libpagoda.a, scanned
# first; otherwise a program that reaches them only through newlib would
# get newlib's copy: assert()'s abort would raise SIGABRT and then exit(1),
# not die of it, when the program inherited SIGABRT ignored or blocked.
# tools/build-newlib.sh deletes the other overlaps (__getreent, the locks)
# from libc.a.
USER_OVERRIDES := abort raise setjmp longjmp
USER_LDFLAGS += $(addprefix -Wl$(comma)--undefined=,$(USER_OVERRIDES))
USER_AR := $(CROSS_COMPILE)ar
USER_OBJCOPY := $(CROSS_COMPILE)objcopy

# ---- newlib -----------------------------------------------------------------

# One build per port, shared by its boards (build/newlib, not $(B)).
# newlib is compiled as the programs are (their ABI flags), with Pagoda's
# headers first (absolute paths: it builds in a directory of its own), so
# it depends on them, and on its command, kept in a file rewritten only
# when it changes (ARM's boards share one: their -mtune is left out).
# Every user object depends on the result: a new newlib
# recompiles them (-MMD does not list system headers).
NEWLIB := build/newlib/$(ARCH)
NEWLIB_TARGET_x86_64 := x86_64-elf
NEWLIB_TARGET_arm := arm-none-eabi
NEWLIB_TARGET_s390 := s390x-elf
NEWLIB_LIBS := $(NEWLIB)/lib/libc.a $(NEWLIB)/lib/libm.a
NEWLIB_CFLAGS = -O2 -g $(filter-out -mtune=%,$(USER_ARCH_CFLAGS_$(ARCH))) \
	-fno-pie -fno-stack-protector \
	-fno-asynchronous-unwind-tables $(USER_LIBC_DEFINES) -DSIGNAL_PROVIDED \
	-I$(CURDIR)/user/include -I$(CURDIR)/kernel/uapi \
	-I$(CURDIR)/arch/$(ARCH)/include/uapi
NEWLIB_CMD = tools/build-newlib.sh $(NEWLIB) $(NEWLIB_TARGET_$(ARCH)) \
	'$(CROSS_COMPILE)' '$(NEWLIB_CFLAGS)'

$(NEWLIB).cmd: FORCE
	@mkdir -p $(dir $@)
	@echo "$(NEWLIB_CMD)" | cmp -s - $@ || echo "$(NEWLIB_CMD)" > $@

$(NEWLIB)/lib/libm.a: $(NEWLIB)/lib/libc.a
$(NEWLIB)/lib/libc.a: $(NEWLIB).cmd tools/build-newlib.sh \
		$(wildcard user/include/*.h user/include/*/*.h kernel/uapi/pagoda/*.h)
	$(Q)$(NEWLIB_CMD)

# ---- Pagoda's part -----------------------------------------------------------

USER_LIB_SRCS := $(wildcard user/lib/*.c) \
	$(filter-out %/crt0.S,$(wildcard user/lib/arch/$(ARCH)/*.S))
USER_KLIB_SRCS := kernel/lib/ktest_filter.c
USER_LIB_OBJS := $(patsubst user/lib/%,$(UB)/lib/%.o,$(basename $(USER_LIB_SRCS))) \
	$(patsubst kernel/lib/%.c,$(UB)/lib/kernel-%.o,$(USER_KLIB_SRCS))
USER_LIBS := $(USER_LIBC) $(NEWLIB_LIBS)

USER_BINS := $(patsubst user/bin/%.c,$(UB)/bin/%,$(wildcard user/bin/*.c))
USER_TESTS := $(patsubst user/tests/%.c,$(UB)/tests/%,$(wildcard user/tests/*.c))
USER_PROGS := $(USER_BINS) $(USER_TESTS)

# An EXTRA word: a directory (its name, its .c files) or a C file.
user_extra_dir = $(if $(wildcard $(1)/.),$(patsubst %/,%,$(1)))
user_extra_name = $(if $(call user_extra_dir,$(1)),$(notdir $(call user_extra_dir,$(1))),$(basename $(notdir $(1))))
user_extra_srcs = $(if $(call user_extra_dir,$(1)),$(sort $(wildcard $(call user_extra_dir,$(1))/*.c)),$(1))

$(foreach e,$(EXTRA),$(if $(wildcard $(e)),,$(error EXTRA: no such file or directory: $(e))))
$(foreach e,$(EXTRA),$(if $(call user_extra_srcs,$(e)),,$(error EXTRA: no .c file in $(e))))
USER_EXTRA_NAMES := $(foreach e,$(EXTRA),$(call user_extra_name,$(e)))
USER_EXTRAS := $(addprefix $(UB)/extra/,$(USER_EXTRA_NAMES))

ifneq ($(words $(USER_EXTRA_NAMES)),$(words $(sort $(USER_EXTRA_NAMES))))
$(error EXTRA: two programs with the same name: $(EXTRA))
endif

USER_EXTRA_CFLAGS = $(filter-out -Werror,$(USER_CFLAGS)) $(CFLAGS_EXTRA)

.PHONY: user
user: $(INITRD)

# ---- headers made from the kernel's ------------------------------------------

# <linux/unistd.h>: __NR_<name> for each SYS_<name> of pagoda/syscall.h,
# the names Linux's programs pass to syscall().  Pagoda's numbers and
# arguments: a call Pagoda lacks has no name, and a program that uses it
# does not build.  Made, not written, so that a new call gets its name.
USER_GEN_HEADERS := $(UB)/include/linux/unistd.h

$(UB)/include/linux/unistd.h: kernel/uapi/pagoda/syscall.h user/user.mk
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	$(Q){ echo '/* <linux/unistd.h>: made by user/user.mk from <pagoda/syscall.h>. */'; \
	echo '#ifndef _LINUX_UNISTD_H'; echo '#define _LINUX_UNISTD_H'; \
	echo '#include <pagoda/syscall.h>'; \
	sed -n 's/^#define SYS_\([a-z0-9_]*\) .*/#define __NR_\1 SYS_\1/p' $<; \
	echo '#endif'; } > $@

# Every object of the library and the programs may include them.
$(USER_LIB_OBJS) $(USER_CRT0) $(USER_PROGS:=.o): | $(USER_GEN_HEADERS)

# ---- the library -------------------------------------------------------------

define user_cc
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(1) -c $< -o $@
endef

$(UB)/lib/%.o: user/lib/%.c $(NEWLIB_LIBS)
	$(call user_cc,$(USER_LIBCFLAGS))

$(UB)/lib/%.o: user/lib/%.S $(NEWLIB_LIBS)
	$(call user_cc,$(USER_LIBCFLAGS))

# The kernel's KTAP test filter (T=), compiled once more for the user tests
# (named kernel-*.o: an archive knows its members by file name alone).
$(UB)/lib/kernel-%.o: kernel/lib/%.c $(NEWLIB_LIBS)
	$(call user_cc,$(USER_LIBCFLAGS) -I.)

$(USER_CRT0): user/lib/arch/$(ARCH)/crt0.S $(NEWLIB_LIBS)
	$(call user_cc,$(USER_LIBCFLAGS))

$(USER_LIBC): $(USER_LIB_OBJS)
	@echo "  AR      $@"
	$(Q)rm -f $@
	$(Q)$(USER_AR) rcs $@ $^

# ---- programs ----------------------------------------------------------------

define user_link
	@echo "  LD      $@"
	$(Q)$(CC) $(USER_LDFLAGS) $(USER_ARCH_LDFLAGS) -o $@ $(USER_CRT0) \
		$(filter-out $(USER_CRT0) $(USER_LIBS),$^) \
		-Wl,--start-group $(USER_LIBS) -lgcc -Wl,--end-group
endef

$(UB)/bin/%.o: user/bin/%.c $(NEWLIB_LIBS)
	$(call user_cc,$(USER_CFLAGS))

$(UB)/tests/%.o: user/tests/%.c $(NEWLIB_LIBS)
	$(call user_cc,$(USER_CFLAGS))

$(USER_PROGS): %: %.o $(USER_CRT0) $(USER_LIBS)
	$(user_link)

# EXTRA files can be anywhere: one compile rule for each, the objects of
# program NAME under $(UB)/extra/NAME.objs/.  Two files of one name (or the
# same file with other flags) are different programs, whatever their mtimes:
# $(UB)/extra/NAME.srcs holds the sources and CFLAGS_EXTRA, rewritten (at
# parse time) only when they change, and every object depends on it, so
# switching EXTRA to another file never links a stale object.  A change
# also removes the program's objects and their dependency files, which
# may name a source that no longer exists.
define user_extra_obj_rule
$(UB)/extra/$(1).objs/$(basename $(notdir $(2))).o: $(2) $(UB)/extra/$(1).srcs $$(NEWLIB_LIBS) \
		| $$(USER_GEN_HEADERS)
	$$(call user_cc,$$(USER_EXTRA_CFLAGS))
endef

user_same = $(and $(findstring x$(1)x,x$(2)x),$(findstring x$(2)x,x$(1)x))

define user_extra_rule
$(if $(call user_same,$(strip $(file <$(UB)/extra/$(1).srcs)),$(strip $(2) $(CFLAGS_EXTRA))),,\
	$(shell rm -rf $(UB)/extra/$(1).objs; mkdir -p $(UB)/extra)$(file >$(UB)/extra/$(1).srcs,$(strip $(2) $(CFLAGS_EXTRA))))
$(foreach s,$(2),$(eval $(call user_extra_obj_rule,$(1),$(s))))
$(UB)/extra/$(1): $(foreach s,$(2),$(UB)/extra/$(1).objs/$(basename $(notdir $(s))).o) \
		$(USER_CRT0) $(USER_LIBS)
	$$(user_link)
endef
$(foreach e,$(EXTRA),$(eval $(call user_extra_rule,$(call user_extra_name,$(e)),$(call user_extra_srcs,$(e)))))

# ---- the initrd -------------------------------------------------------------

# The initrd holds copies without the debug information, a fifth of the
# size; gdb reads the programs under $(UB)/bin, which keep it.
USER_STRIPPED = $(patsubst $(UB)/%,$(UB)/initrd/%,$(1))

$(call USER_STRIPPED,$(USER_PROGS) $(USER_EXTRAS)): $(UB)/initrd/%: $(UB)/%
	@mkdir -p $(dir $@)
	$(Q)$(USER_OBJCOPY) --strip-debug $< $@

# What goes where: tools/mkinitrd.py's arguments, one per line.  The list is
# kept in a file rewritten only when it changes (as the top Makefile does for
# command lines), so that a different EXTRA, or a program added or removed,
# rebuilds the initrd, and nothing else does.
USER_INITRD_BINS := $(filter-out $(addprefix $(UB)/bin/,$(USER_EXTRA_NAMES)),$(USER_BINS)) \
	$(USER_EXTRAS)
USER_ETC := $(filter-out %~,$(wildcard user/etc/*))
USER_INITRD_ARGS := --mkdir=/bin --mkdir=/tests --mkdir=/etc \
	$(addprefix --exec=/bin/=,$(call USER_STRIPPED,$(USER_INITRD_BINS))) \
	$(addprefix --exec=/tests/=,$(call USER_STRIPPED,$(USER_TESTS))) \
	$(addprefix --file=/etc/=,$(USER_ETC))

$(B)/initrd.list: FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' $(USER_INITRD_ARGS) | cmp -s - $@ || \
		printf '%s\n' $(USER_INITRD_ARGS) > $@

# The execute-in-place image (/xip): every program of /bin, in the format
# of tools/mkxip.py; QEMU shows it as an ivshmem-plain device's memory
# (tools/run.py adds the device when the image sits next to the boot image).
XIP_IMAGE := $(B)/xip.img

$(XIP_IMAGE): $(call USER_STRIPPED,$(USER_INITRD_BINS)) tools/mkxip.py
	@echo "  XIP     $@"
	$(Q)tools/mkxip.py $@ $(addprefix bin=,$(call USER_STRIPPED,$(USER_INITRD_BINS)))

$(INITRD): | $(XIP_IMAGE)
$(INITRD): $(B)/initrd.list $(call USER_STRIPPED,$(USER_INITRD_BINS) $(USER_TESTS)) \
		$(USER_ETC) tools/mkinitrd.py
	@echo "  INITRD  $@"
	$(Q)tools/mkinitrd.py $@ @$(B)/initrd.list

FORCE:

-include $(USER_LIB_OBJS:.o=.d) $(USER_CRT0:.o=.d) $(addsuffix .d,$(USER_PROGS)) \
	$(wildcard $(addsuffix .objs/*.d,$(USER_EXTRAS)))
