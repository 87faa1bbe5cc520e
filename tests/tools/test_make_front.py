"""The Makefile's front door: `make help` (tools/mkhelp.py) and the knob
checks (knobs.mk) that answer a bad value with one line and a failure."""

import glob
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import mkhelp  # noqa: E402


def make(*args):
    # A make of its own, not a child of the make running these tests.
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(["make", "--no-print-directory", "-C", ROOT, *args],
                          capture_output=True, text=True, timeout=60, env=env)


class HelpTest(unittest.TestCase):
    def test_scan(self):
        with tempfile.NamedTemporaryFile("w", suffix=".mk", delete=False) as f:
            f.write(textwrap.dedent("""\
                MEM ?= 256##  RAM in MiB
                T ?= $(OLD)##  tests
                hidden ?= 1
                run: deps $(IMAGE) ## boot it
                test: deps \\
                		$(A) ## all tests
                quiet: deps
                """))
        try:
            targets, knobs = mkhelp.scan([f.name])
        finally:
            os.unlink(f.name)
        self.assertEqual(targets, [("run", "boot it"), ("test", "all tests")])
        self.assertEqual(knobs, [("MEM", "256", "RAM in MiB"), ("T", "$(OLD)", "tests")])

    def test_make_help_lists_the_test_targets_and_knobs(self):
        result = make("help")
        self.assertEqual(result.returncode, 0, result.stderr)
        for word in ("test-kernel", "test-user", "test-host", "test-list", "gdb",
                     "compile_commands.json", "QEMU_ARGS", "GDB_PORT"):
            self.assertRegex(result.stdout, rf"(?m)^  {word} ")
        self.assertRegex(result.stdout, r"(?m)^  T +the tests to run")


class CompileCommandsTest(unittest.TestCase):
    def test_entries_are_the_builds_commands(self):
        env = {k: v for k, v in os.environ.items()
               if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
        result = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "compile_commands.py"),
                                 "make", "all", "build/host/ktest-host"],
                                cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        entries = json.loads(result.stdout)
        by_output = {e["output"]: e for e in entries}
        kernel = by_output["build/x86_64/mm/memory.o"]
        self.assertEqual(kernel["file"], "mm/memory.c")
        self.assertEqual(kernel["directory"], ROOT)
        for flag in ("-mcmodel=kernel", "-ffreestanding", "-Iarch/x86_64/include", "-c"):
            self.assertIn(flag, kernel["arguments"])
        host = by_output["build/host/special/mm/memory.o"]
        self.assertIn("-fsanitize=address,undefined", host["arguments"])
        user = by_output["build/x86_64/user/tests/cow_test.o"]
        self.assertIn("-Iuser/include", user["arguments"])
        self.assertFalse([e for e in entries if "-c" not in e["arguments"]])


class KnobTest(unittest.TestCase):
    def check_refused(self, knob, accepted):
        result = make(knob, "help")
        self.assertNotEqual(result.returncode, 0)
        lines = result.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertIn(f"{knob} is not accepted", lines[0])
        self.assertIn(accepted, lines[0])

    def test_bad_values(self):
        ports = sorted(os.path.basename(os.path.dirname(p))
                       for p in glob.glob(os.path.join(ROOT, "arch/*/arch.mk")))
        self.check_refused("ARCH=arm64", "one of: " + " ".join(ports))
        self.check_refused("ACCEL=qemu", "one of: tcg kvm")
        self.check_refused("T=a b", "suite or suite.case globs")
        self.check_refused("T=x'y", "suite or suite.case globs")
        self.check_refused("GDB_PORT=12ab", "a TCP port number")
        for mem in ("MEM=64X", "MEM=abc", "MEM=0", "MEM=1.5G", "TEST_MEM=64K"):
            with self.subTest(knob=mem):
                self.check_refused(mem, "MiB as a number, or a size with M or G")
        self.check_refused("TEST_MEM=32", "at least 64M")
        self.check_refused("TIMEOUT=5m", "a number of seconds")
        self.check_refused("V=2", "one of: 0 1")
        self.check_refused("SLOW=yes", "one of: 0 1")
        self.check_refused("VMA_FUZZ_OPS=1e6", "a number of steps")

    def test_good_values(self):
        for knob in ("ARCH=x86_64", "T=page_alloc,mmap*.split?,cow_test", "GDB_PORT=1234",
                     "KTEST_FILTER=kmalloc", "MEM=64", "MEM=64M", "MEM=1G",
                     "TEST_MEM=1G", "TIMEOUT=30", "V=1"):
            with self.subTest(knob=knob):
                self.assertEqual(make(knob, "help").returncode, 0)

    def test_memory_sizes_reach_qemu_in_mib(self):
        for mem, mib in (("64", "64"), ("64M", "64"), ("1G", "1024")):
            with self.subTest(mem=mem):
                result = make("-n", "run", f"MEM={mem}")
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertRegex(result.stdout, rf"--mem {mib} ")
        result = make("-n", "test", "TEST_MEM=1G")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout, r"--mem 1024 ")
        self.assertIn("mem=992M", result.stdout)  # the top 32 MiB left out


if __name__ == "__main__":
    unittest.main()
