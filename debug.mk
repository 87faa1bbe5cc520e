# Debugging and editor support.  Included from the top Makefile.
#
#   make gdb        boot as make run does, but with QEMU stopped at the first
#                   instruction, waiting for gdb on 127.0.0.1:$(GDB_PORT);
#                   then, in another terminal: gdb -x build/<arch>/gdbinit
#   make profile    one turn of a vmbench loop (PROFILE=anon_fault), stepped
#                   instruction by instruction under gdb: the instructions
#                   of one fault by kernel function (tools/profile.py;
#                   x86_64)
#   make compile_commands.json
#                   build/compile_commands.json, for clangd and other tools
#                   (the compile commands make really runs; .clangd drops
#                   the gcc-only flags)
#
# The gdbinit loads the kernel's symbols and the VM helpers of
# tools/gdb/pagoda.py, which take the kernel's macros (page-table bits,
# PAGE_OFFSET, VM_* flags) from $(GDB_CONSTS), generated from the headers
# by the compiler itself (tools/gdb/mkconsts.py).

GDB_CONSTS := $(B)/gdb/pagoda_consts.py
GDB_INIT := $(B)/gdbinit
GDB_HEADERS := asm/layout.h asm/pgtable.h mm/mmap.h

.PHONY: gdb compile_commands.json

$(GDB_CONSTS): tools/gdb/mkconsts.py $(KERNEL)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(filter-out -MMD -MP,$(KCFLAGS)) -E -dM \
		$(addprefix -include ,$(GDB_HEADERS)) -x c /dev/null | tools/gdb/mkconsts.py > $@

# Rewritten every time: the port is the caller's.
$(GDB_INIT): tools/gdb/gdbinit.in FORCE
	@mkdir -p $(dir $@)
	$(Q)sed -e 's|@B@|$(abspath $(B))|g' -e 's|@ROOT@|$(CURDIR)|g' \
		-e 's|@KERNEL@|$(abspath $(KERNEL))|g' -e 's|@PORT@|$(GDB_PORT)|g' $< > $@

# make test installs gdb too, so the helpers' test (tests/tools/test_gdb.py)
# runs everywhere make test does, CI included, instead of being skipped.
gdb test: DEPS_EXTRA := gdb
gdb: deps $(IMAGE) $(GDB_CONSTS) $(GDB_INIT) ## make run, stopped for gdb on GDB_PORT: attach with gdb -x build/<arch>/gdbinit
	@echo "make gdb: QEMU waits for gdb on 127.0.0.1:$(GDB_PORT); in another terminal:"
	@echo "    gdb -x $(GDB_INIT)"
	$(Q)tools/run.py run --arch $(RUN_ARCH) --image $(IMAGE) --mem $(MEM_MIB) --accel $(ACCEL) --smp $(SMP) \
		--gdb $(GDB_PORT) --qemu-args '$(QEMU_ARGS)'

PROFILE ?= anon_fault##  make profile: the vmbench benchmark whose loop is stepped

.PHONY: profile
profile: DEPS_EXTRA := gdb
profile: deps $(KERNEL) $(INITRD) $(GDB_CONSTS) ## one fault of vmbench's PROFILE loop, instruction by instruction, by function
	$(Q)tools/profile.py --kernel $(KERNEL) --initrd $(INITRD) --bench $(PROFILE)

compile_commands.json: ## build/compile_commands.json for clangd, from the commands make runs
	$(Q)tools/compile_commands.py $(MAKE) ARCH=$(ARCH) all $(HOST_PROGS) > $(dir $(B))compile_commands.json.tmp
	$(Q)mv $(dir $(B))compile_commands.json.tmp $(dir $(B))compile_commands.json
	@echo "  wrote $(dir $(B))compile_commands.json"
