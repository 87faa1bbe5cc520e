"""The runner against the real kernel: it must report each way a test run can go
wrong (a failing case, a leaked page, a panic, a stack overflow, a hang) with a
clear reason and a non-zero exit.

Each case boots the kernel built by `make` (build/x86_64/pagoda.elf) with one
case of the manual ktest_demo suite (kernel/ktest_demo.c) selected, through
tools/mkiso.sh and tools/run.py, exactly as `make test` does.  `make test` builds
the kernel first; run alone, these tests fail if it is missing.
"""

import os
import subprocess
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
KERNEL = os.path.join(ROOT, "build", "x86_64", "pagoda.elf")
# The ARM port's (QEMU's virt board), which make test builds too.
ARM_KERNEL = os.path.join(ROOT, "build", "arm", "pagoda.elf")


INITRD = os.path.join(ROOT, "build", "x86_64", "initrd.cpio")

# How each port's boot image is made from its kernel: tool, file name.
IMAGES = {"x86_64": ("mkiso.sh", "demo.iso", KERNEL),
          "arm": ("mkimage-arm.sh", "demo.img", ARM_KERNEL)}


def boot_demo(case, timeout=60, arch="x86_64"):
    """Run ktest_demo.<case> under the runner; return (exit status, output)."""
    return boot("ktest ktest.filter=ktest_demo." + case, timeout, arch=arch)


def boot(cmdline, timeout=60, initrd=False, arch="x86_64"):
    """Boot the kernel (with the initrd: the user tests) under the runner."""
    tool, name, kernel = IMAGES["arm" if arch == "arm" else "x86_64"]
    with tempfile.TemporaryDirectory() as tmp:
        image = os.path.join(tmp, name)
        subprocess.run([os.path.join(ROOT, "tools", tool), image, kernel,
                        cmdline] + ([INITRD] if initrd else []), check=True)
        proc = subprocess.run(
            [os.path.join(ROOT, "tools", "run.py"), "test", "--timeout", str(timeout),
             "--logdir", tmp, arch + ":" + image],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        return proc.returncode, proc.stdout


class KernelFailureTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.path.exists(KERNEL):
            raise AssertionError("%s is missing: run `make` first" % KERNEL)

    def check(self, case, reason, timeout=60):
        status, out = boot_demo(case, timeout)
        self.assertEqual(status, 1, out)
        self.assertIn(reason, out)
        self.assertEqual(out.rstrip().splitlines()[-1], "0 passed, 1 failed", out)
        return out

    def test_failing_case(self):
        self.check("fail", "kernel/ktest_demo.c:")

    def test_leak(self):
        self.check("leak", "pages leaked")

    def test_panic(self):
        out = self.check("panic_now", "kernel panic: ktest_demo: panic on request")
        self.assertIn("panic_now+0x", out)  # the backtrace names the caller

    def test_stack_overflow(self):
        self.check("stack_overflow", "kernel stack overflow")

    def test_null_dereference(self):
        self.check("null_dereference", "page fault at 0: not-present read in kernel mode")

    def test_hang(self):
        self.check("hang", "timed out after 5 s", timeout=5)


class ArmKernelFailureTest(unittest.TestCase):
    """On ARM, a data abort's frame would go onto the stack that overflowed:
    the abort entry must notice and panic on its own stack (arch/arm/entry.S),
    not fault again forever."""

    @classmethod
    def setUpClass(cls):
        if not os.path.exists(ARM_KERNEL):
            raise unittest.SkipTest("%s is missing: make test with ARCH= builds "
                                    "one port" % ARM_KERNEL)

    def test_stack_overflow(self):
        status, out = boot_demo("stack_overflow", arch="arm")
        self.assertEqual(status, 1, out)
        self.assertIn("kernel panic: kernel stack overflow", out)
        self.assertIn("recurse+0x", out)  # the backtrace names the function
        self.assertEqual(out.rstrip().splitlines()[-1], "0 passed, 1 failed", out)


class SelectionTest(unittest.TestCase):
    """ktest.filter= selects kernel suites and user tests alike (make's T=),
    down to single cases."""

    @classmethod
    def setUpClass(cls):
        for path in (KERNEL, INITRD):
            if not os.path.exists(path):
                raise AssertionError("%s is missing: run `make` first" % path)

    def test_kernel_and_user_cases(self):
        status, out = boot("ktest ktest.filter=params.sizes,time_test.clock_mono*",
                           initrd=True)
        self.assertEqual(status, 0, out)
        self.assertIn("[x86_64] params ......", out)
        self.assertIn("[x86_64] time_test ......", out)
        self.assertEqual(out.rstrip().splitlines()[-1], "2 passed, 0 failed", out)


class MissingDeviceTest(unittest.TestCase):
    """On a PC without the framebuffer and the XIP store, their tests are
    reported skipped, with the reason, and nothing fails."""

    def test_device_tests_skip(self):
        status, out = boot("ktest ktest.filter=pci.bar_sizes,fb_test.ioctls*,"
                           "xip_test.read_only*", initrd=True, arch="x86_64-bare")
        self.assertEqual(status, 0, out)
        self.assertEqual(out.rstrip().splitlines()[-1],
                         "0 passed, 0 failed, 3 skipped", out)


if __name__ == "__main__":
    unittest.main()
