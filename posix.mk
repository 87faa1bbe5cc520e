# The Open POSIX Test Suite (LTP's testcases/open_posix_testsuite), from the
# user's own checkout, built and run for Pagoda and for this host's Linux
# (tools/posix_suite.py; docs/02, "Checking against POSIX").  Included by
# the Makefile after user/user.mk, so the EXTRA programs' compiler, flags
# and libraries are set: the tests are built exactly as `make run EXTRA=`
# builds a user's program.

##@knobs
POSIX_SUITE ?=##  make posix-suite: the open_posix_testsuite directory of an LTP checkout
POSIX_TESTS ?=##  make posix-suite: its interfaces, commas between (default: signal,sigaction,kill,raise,fork,mmap,munmap,mlock,nanosleep,clock_gettime)
POSIX_TIMEOUT ?= 60##  make posix-suite: seconds one test may run
POSIX_ON ?= both##  make posix-suite: run the tests on pagoda, on linux (this host), or both

$(call knob_choice,POSIX_ON,pagoda linux both)
$(call knob_match,POSIX_TIMEOUT,[1-9][0-9]*,a number of seconds)

##@targets
posix-suite: deps $(KERNEL) $(INITRD) $(USER_CRT0) $(USER_LIBS) ## build and run the POSIX conformance tests on Pagoda and on Linux; a table each (POSIX_SUITE=, POSIX_TESTS=)
	$(Q)tools/posix_suite.py --suite $(or $(POSIX_SUITE),$(error make posix-suite needs POSIX_SUITE=, the open_posix_testsuite directory)) \
		$(if $(POSIX_TESTS),--tests '$(POSIX_TESTS)') --timeout $(POSIX_TIMEOUT) \
		--out build/posix-suite --arch $(RUN_ARCH) --cc '$(CC)' \
		--cflags '$(filter-out -MMD -MP,$(USER_EXTRA_CFLAGS))' \
		--ldflags '$(USER_LDFLAGS) $(USER_ARCH_LDFLAGS)' --crt0 $(USER_CRT0) \
		--libs '$(USER_LIBS)' --objcopy $(USER_OBJCOPY) --initrd-list $(B)/initrd.list \
		--kernel $(KERNEL) --image-tool $(IMAGE_TOOL) --image-ext $(IMAGE_EXT) \
		--cmdline '$(ARCH_RUN_CMDLINE) $(CMDLINE)' --mem $(MEM_MIB) --smp $(SMP) \
		--accel $(ACCEL) $(if $(filter pagoda,$(POSIX_ON)),--no-linux) \
		$(if $(filter linux,$(POSIX_ON)),--no-pagoda)

.PHONY: posix-suite
