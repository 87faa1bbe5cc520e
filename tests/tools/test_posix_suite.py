"""make posix-suite (tools/posix_suite.py, tools/posix_runner.c) against a
tiny stand-in suite of our own, tests/tools/fake_posix_suite, laid out as
the Open POSIX Test Suite is: one test passes, one fails, one is
unsupported, one never ends (and leaves a child behind), one dies of a
signal, one does not build, one only has to compile, and a shell-script
test that is not run.  So the build, the runner's timeout, the parsing of
the serial console and the table are checked without LTP, on Pagoda and on
Linux.  The console parser also gets a boot that stops in a test.
"""

import os
import subprocess
import sys
import tempfile
import unittest

from tests.tools.test_kernel_failures import ROOT

sys.path.insert(0, os.path.join(ROOT, "tools"))
import posix_suite  # noqa: E402

FAKE = os.path.join("tests", "tools", "fake_posix_suite")
# The fake interface's row: tests built PASS FAIL UNRES UNSUP UNTEST timeout signal other
ROW = "fake 7 6 1 1 0 1 0 1 1 0"
NOT_PASSING = [
    "fake/2-1: FAIL: Test FAILED: two is not three",
    "fake/3-1: UNSUPPORTED",
    "fake/4-1: timeout",
    "fake/5-1: signal 6",
    "fake/6-1: does not build: conformance/interfaces/fake/6-1.c:6: "
    "undefined reference to `no_such_posix_function'",
]


def section(text, title):
    """The lines of the report's section that starts with title (the
    tool's progress lines come before the first)."""
    for part in text.split("\n\n"):
        lines = part.splitlines()
        for i, line in enumerate(lines):
            if line.startswith(title):
                return lines[i:]
    raise AssertionError(f"no section {title!r} in:\n{text}")


class PosixSuiteTest(unittest.TestCase):
    def check_section(self, lines):
        self.assertIn(ROW, [" ".join(line.split()) for line in lines])
        self.assertEqual([line.strip() for line in lines[lines.index("5 not passing:") + 1:]],
                         NOT_PASSING)

    def test_pagoda_and_linux(self):
        env = {k: v for k, v in os.environ.items()
               if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
        result = subprocess.run(["make", "--no-print-directory", "-C", ROOT, "posix-suite",
                                 "POSIX_SUITE=" + FAKE, "POSIX_TESTS=fake", "POSIX_TIMEOUT=3"],
                                capture_output=True, text=True, timeout=600, env=env)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.check_section(section(result.stdout, "Pagoda x86_64"))
        self.check_section(section(result.stdout, "Linux (this host)"))
        compared = section(result.stdout, "Pagoda against Linux")
        self.assertIn("fake 6 / 1 6 / 1", [" ".join(line.split()) for line in compared])
        self.assertEqual(compared[-1], "0 tests end differently:")

    def test_console_stopping_in_a_test(self):
        tests = {name: posix_suite.Test("fake", f"{name}.c") for name in ("1-1", "2-1", "3-1")}
        by_binary = {t.binary: t for t in tests.values()}
        console = posix_suite.Console(by_binary)
        for line in ["booting\r\n", "@@posix-run begin fake_1-1\r\n", "Test PASSED\n",
                     "@@posix-run end fake_1-1 exit 0\n",
                     "@@posix-run begin fake_2-1\n", "half a line@@posix-run end fake_2-1 exit 7\n",
                     "@@posix-run begin fake_3-1\n", "working\n", "PANIC: bad page state\n"]:
            console.feed(line)
        self.assertIs(console.finish(), tests["3-1"])
        self.assertEqual((tests["1-1"].outcome, tests["1-1"].output), ("PASS", "Test PASSED\n"))
        self.assertEqual((tests["2-1"].outcome, tests["2-1"].detail), ("other", "exit 7"))
        self.assertEqual(tests["2-1"].output, "half a line\n")
        self.assertEqual(posix_suite.describe(tests["3-1"]), "kernel: bad page state")

    def test_errors_read_alike_on_every_port(self):
        """A compiler's error comes in the C locale, with ASCII quotes,
        whatever the caller's locale: the host's gcc (built with NLS)
        and a cross gcc (without) then report the same line."""
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "1-1.c")
            with open(src, "w") as f:
                f.write("int test_main(void) { return no_such_name; }\n")
            target = posix_suite.Target("host", ["gcc"], [], [], [])
            lang = os.environ.get("LANG")
            os.environ["LANG"] = "C.UTF-8"
            try:
                result = target.compile(tmp, src, os.path.join(tmp, "1-1.o"))
            finally:
                if lang is None:
                    del os.environ["LANG"]
                else:
                    os.environ["LANG"] = lang
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("error: 'no_such_name' undeclared",
                      posix_suite.first_error(result.stderr))

    def test_no_suite_directory(self):
        with tempfile.TemporaryDirectory() as tmp:
            with self.assertRaises(SystemExit) as e:
                posix_suite.find_tests(tmp, ["signal"])
        self.assertIn("no interface 'signal'", str(e.exception))


if __name__ == "__main__":
    unittest.main()
