# Checks of the make knobs (the variables a user sets on the command line).
# Included first by the Makefile, so a wrong value stops make before
# anything is built, with one line saying what the knob accepts:
#
#   Makefile:...: *** ACCEL=qemu is not accepted; ACCEL takes one of: tcg kvm.  Stop.
#
# One mechanism for every knob: add a line at the end of this file.
#
#   $(call knob_choice,NAME,WORDS)        one of WORDS
#   $(call knob_match,NAME,ERE,TEXT)      the whole value matches the extended
#                                         regular expression ERE (TEXT says so)
#
# (Arguments of $(call) may not hold a comma: write $(comma).)
#
# An empty value is left alone: it means the knob's default or "none".

comma := ,
knob_fail = $(error $(1)=$($(1)) is not accepted; $(1) takes $(2))

knob_choice = $(if $($(1)),$(if $(filter-out 1,$(words $($(1))))$(filter-out $(2),$($(1))),\
	$(call knob_fail,$(1),one of: $(2))))

# The value goes to grep inside single quotes, its own quotes escaped.
knob_quote = '$(subst ','\'',$(1))'
knob_match = $(if $($(1)),$(if $(shell printf '%s\n' $(call knob_quote,$($(1))) | \
	grep -Eqx $(call knob_quote,$(2)) || echo bad),$(call knob_fail,$(1),$(3))))

ARCHES := $(patsubst arch/%/arch.mk,%,$(wildcard arch/*/arch.mk))

# Sizes of RAM: MiB, or a number with M or G as QEMU's -m takes it (64,
# 64M, 1G).  mib gives the MiB the tools are handed (MEM_MIB, TEST_MEM_MIB).
MEM_SIZE := MiB as a number$(comma) or a size with M or G (64$(comma) 64M$(comma) 1G)
mib = $(if $(filter %G,$(1)),$(shell echo $$(($(1:G=) * 1024))),$(1:M=))
$(call knob_match,MEM,[1-9][0-9]*[MG]?,$(MEM_SIZE))
$(call knob_match,TEST_MEM,[1-9][0-9]*[MG]?,$(MEM_SIZE)$(comma) at least 64M)
# The test boot leaves its top 32 MiB without struct page (mem=).
$(if $(TEST_MEM),$(if $(shell [ $(call mib,$(TEST_MEM)) -ge 64 ] || echo small),\
	$(call knob_fail,TEST_MEM,$(MEM_SIZE)$(comma) at least 64M)))
$(call knob_match,SWAP,0|[1-9][0-9]*[MG],0 (no swap disk) or a size with M or G (256M$(comma) 1G))
$(call knob_match,TIMEOUT,[1-9][0-9]*,a number of seconds)
$(call knob_match,BENCH_TIMEOUT,[1-9][0-9]*,a number of seconds)

$(call knob_choice,ARCH,$(ARCHES))
$(call knob_choice,ACCEL,tcg kvm)
$(call knob_choice,BOARD,virt raspi2b)
$(call knob_choice,FIRMWARE,bios uefi)
$(call knob_choice,V,0 1)
$(call knob_choice,PTE_SPECIAL,y n)
$(call knob_choice,GRAPHIC,0 1)
$(call knob_match,GDB_PORT,[0-9]{1$(comma)5},a TCP port number)
# Globs of suite names and, after a dot, case names; commas between.
T_GLOB := [A-Za-z0-9_*?]+(\.[A-Za-z0-9_*?]+)?
$(call knob_match,T,$(T_GLOB)($(comma)$(T_GLOB))*,suite or suite.case globs \
	separated by commas (T=page_alloc or T='mmap*.split*$(comma)cow_test'))
# make fuzz: the in-guest fuzzer's seed, step count and duration (seconds).
$(call knob_match,SEED,[0-9]+,a number)
$(call knob_match,STEPS,[0-9]+,a number of steps)
$(call knob_match,DURATION,[0-9]+,a number of seconds)
$(call knob_match,VMA_FUZZ_OPS,[0-9]+,a number of steps)
# make docs-outputs
$(call knob_choice,SLOW,0 1)
$(call knob_choice,UPDATE,0 1)
# make mutate: part of a mutation's name (tools/mutations.py).
$(call knob_match,MUTATE,[A-Za-z0-9_-]+,part of a mutation's name (letters$(comma) digits$(comma) - and _))
