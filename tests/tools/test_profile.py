"""make profile (tools/profile.py, gdb's pagoda-profile) against a real kernel.

One turn of vmbench's anon_fault loop is stepped: the listed counts must add
up to the total, the fault path's functions must be in the list, and
clear_page must take at least 512 instructions (rep stosq clears a 4 KiB
page 8 bytes an iteration, and each iteration is one step).

Needs gdb and the kernel, the initrd and build/x86_64/gdb/pagoda_consts.py,
which `make tools-test` builds first; without gdb it is skipped, and says so.
"""

import os
import re
import shutil
import subprocess
import sys
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
B = os.path.join(ROOT, "build", "x86_64")


@unittest.skipIf(shutil.which("gdb") is None, "gdb is not installed (make gdb installs it)")
class ProfileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        for name in ("pagoda.elf", "initrd.cpio", "gdb/pagoda_consts.py"):
            if not os.path.exists(os.path.join(B, name)):
                raise AssertionError(f"{B}/{name} is missing: run `make tools-test`")
        run = subprocess.run(
            [sys.executable, os.path.join(ROOT, "tools", "profile.py"),
             "--kernel", os.path.join(B, "pagoda.elf"),
             "--initrd", os.path.join(B, "initrd.cpio"),
             "--hit", "40", "--top", "1000", "--timeout", "300"],
            capture_output=True, text=True, timeout=400)
        cls.out = run.stdout + run.stderr
        cls.rc = run.returncode

    def test_counts_add_up(self):
        self.assertEqual(self.rc, 0, self.out)
        total = re.search(r"^(\d+) instructions from 0x[0-9a-f]+ back to it$", self.out, re.M)
        self.assertIsNotNone(total, self.out)
        rows = {name: int(n) for n, name in
                re.findall(r"^ +(\d+) +[\d.]+%  (\S+)$", self.out, re.M)}
        self.assertEqual(sum(rows.values()), int(total.group(1)), self.out)
        for name in ("handle_mm_fault", "do_anonymous_page", "(user)"):
            self.assertIn(name, rows, self.out)
        self.assertGreaterEqual(rows.get("clear_page", 0), 512, self.out)


if __name__ == "__main__":
    unittest.main()
