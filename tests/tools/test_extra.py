"""make EXTRA=: a user's own programs build as gcc builds them on Linux
(issue 13, item 3).  Warnings are shown, never errors; EXTRA takes several
files and directories (a directory is one program of all its .c files);
CFLAGS_EXTRA reaches the compiler; a missing function is a link error
naming it; and a different file of the same name, even an older one, is
rebuilt, never linked from a stale object.

Only the EXTRA programs are built (the library and crt0 come from the
make test that runs this); the program of the issue is then booted as a
user test in an initrd of its own, as tests/tools/test_kernel_failures.py
boots its demos.
"""

import os
import subprocess
import tempfile
import unittest

from tests.tools.test_kernel_failures import KERNEL, ROOT

UB = os.path.join(ROOT, "build", "x86_64", "user")
HERE = os.path.join("tests", "tools", "extra")


def make_extra(extra, names, cflags="", clean=True):
    """Build the EXTRA programs NAMES (from clean: as if never built);
    return make's result."""
    for n in names:
        path = os.path.join(UB, "extra", n + ".srcs")
        if clean and os.path.exists(path):
            os.unlink(path)  # what make then sees as a change: a rebuild
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    targets = [os.path.join("build", "x86_64", "user", "extra", n) for n in names]
    return subprocess.run(["make", "--no-print-directory", "-C", ROOT, "EXTRA=" + extra,
                           "CFLAGS_EXTRA=" + cflags, *targets],
                          capture_output=True, text=True, timeout=120, env=env)


def write(path, text, mtime=None):
    with open(path, "w") as f:
        f.write(text)
    if mtime is not None:
        os.utime(path, (mtime, mtime))


class ExtraTest(unittest.TestCase):
    def build(self, extra, names, cflags=""):
        result = make_extra(extra, names, cflags)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        return result

    def test_warning_is_shown_and_the_program_runs(self):
        src = os.path.join(HERE, "array_bounds_test.c")
        result = self.build(src, ["array_bounds_test"], "-Iuser/tests")
        self.assertIn("[-Warray-bounds]", result.stderr)
        with tempfile.TemporaryDirectory() as tmp:
            initrd, iso = os.path.join(tmp, "initrd.cpio"), os.path.join(tmp, "t.iso")
            subprocess.run([os.path.join(ROOT, "tools", "mkinitrd.py"), initrd,
                            "--mkdir=/bin", "--mkdir=/tests",
                            "--exec=/bin/=" + os.path.join(UB, "initrd", "bin", "init"),
                            "--exec=/tests/=" + os.path.join(UB, "extra", "array_bounds_test")],
                           check=True)
            subprocess.run([os.path.join(ROOT, "tools", "mkiso.sh"), iso, KERNEL,
                            "ktest ktest.scope=user", initrd], check=True)
            proc = subprocess.run(
                [os.path.join(ROOT, "tools", "run.py"), "test", "--timeout", "60",
                 "--logdir", tmp, "x86_64:" + iso],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.assertEqual(proc.returncode, 0, proc.stdout)
        self.assertEqual(proc.stdout.rstrip().splitlines()[-1], "1 passed, 0 failed",
                         proc.stdout)

    def test_directory_and_flags(self):
        result = self.build(os.path.join(HERE, "multi") + "/", ["multi"],
                            "-DMULTI_ANSWER=42 -Wshadow")
        self.assertIn("CC      tests/tools/extra/multi/answer.c", result.stdout)
        with open(os.path.join(UB, "extra", "multi"), "rb") as f:
            self.assertIn(b"multi %d", f.read())
        obj = os.path.join(UB, "extra", "multi.objs", "answer.o")
        nm = subprocess.run(["objdump", "-d", obj], capture_output=True, text=True)
        self.assertIn("$0x2a", nm.stdout)

    def test_missing_function_names_it(self):
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "missing.c")
            write(src, "int no_such_function(int);\n"
                       "int main(void) { return no_such_function(3); }\n")
            result = make_extra(src, ["missing"])
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("undefined reference to `no_such_function'", result.stderr)

    def test_abort_is_pagodas(self):
        """A program reaching abort() only through newlib (assert) gets
        Pagoda's, which unblocks SIGABRT and dies of it whatever the
        program inherited (sigprocmask), not newlib's raise-then-exit(1)."""
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "asserts.c")
            write(src, "#include <assert.h>\n"
                       "int main(int argc, char **argv) { assert(argc > 5); return 0; }\n")
            self.build(src, ["asserts"])
        dis = subprocess.run(["objdump", "-d", "--disassemble=abort",
                              os.path.join(UB, "extra", "asserts")],
                             capture_output=True, text=True, check=True).stdout
        self.assertIn("<sigprocmask>", dis)

    def test_same_name_other_file_rebuilds(self):
        with tempfile.TemporaryDirectory() as tmp:
            a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
            os.mkdir(a)
            os.mkdir(b)
            prog = '#include <stdio.h>\nint main(void) { puts("%s"); return 0; }\n'
            write(os.path.join(a, "same.c"), prog % "first-version")
            write(os.path.join(b, "same.c"), prog % "older-file", mtime=1000000000)
            binary = os.path.join(UB, "extra", "same")
            self.build(os.path.join(a, "same.c"), ["same"])
            for src, text in ((a, b"first-version"), (b, b"older-file"),
                              (a, b"first-version")):
                result = make_extra(os.path.join(src, "same.c"), ["same"], clean=False)
                self.assertEqual(result.returncode, 0, result.stderr)
                with open(binary, "rb") as f:
                    self.assertIn(text, f.read())


if __name__ == "__main__":
    unittest.main()
