"""The gdb helpers (tools/gdb/pagoda.py) against a real kernel.

QEMU boots the kernel stopped for gdb, as `make gdb` does, with the
gdbinit `make gdb` writes; gdb, in batch mode, stops at init's first
waitpid() with a hardware breakpoint and runs each helper there.  The
helpers' answers are checked against what gdb itself reads from the same
structures, and against facts of the process: init (pid 1) is running,
its program starts at 0x400000 with its code executable and not writable
just above, and the page under that code is mapped once.

Needs gdb (`make gdb` and `make test` install it): run by hand without it,
the test is skipped, and says so.  It also needs the kernel, the initrd and
build/x86_64/gdb/pagoda_consts.py, which `make tools-test` builds first.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
B = os.path.join(ROOT, "build", "x86_64")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


GDB_SCRIPT = """\
hbreak sys_waitpid
continue
pagoda-ps
pagoda-vmas
pagoda-pte 0x401000
pagoda-page $pfn
printf "check: refcount %d mapcount %d flags %#lx\\n", mem_map[$pfn]._refcount.counter, mem_map[$pfn]._mapcount.counter, mem_map[$pfn].flags
printf "check: mapping %#lx index %#lx\\n", mem_map[$pfn].mapping, mem_map[$pfn].index
printf "check: pid %d text %#lx\\n", $current()->pid, ((struct vm_area_struct *)((char *)$current()->mm->mmap.next - (unsigned long)&((struct vm_area_struct *)0)->vm_list))->vm_start
pagoda-pte 0x600000000000
pagoda-page mem_map + 1
kill
"""


@unittest.skipIf(shutil.which("gdb") is None, "gdb is not installed (make gdb installs it)")
class GdbHelpersTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        for name in ("pagoda.elf", "initrd.cpio", "gdb/pagoda_consts.py"):
            if not os.path.exists(os.path.join(B, name)):
                raise AssertionError(f"{B}/{name} is missing: run `make tools-test`")
        port = free_port()
        with tempfile.TemporaryDirectory() as tmp:
            iso = os.path.join(tmp, "gdb.iso")
            subprocess.run([os.path.join(ROOT, "tools", "mkiso.sh"), iso,
                            os.path.join(B, "pagoda.elf"), "run=true",
                            os.path.join(B, "initrd.cpio")], check=True)
            gdbinit = os.path.join(tmp, "gdbinit")
            with open(os.path.join(ROOT, "tools", "gdb", "gdbinit.in")) as f:
                text = f.read()
            with open(gdbinit, "w") as f:
                f.write(text.replace("@B@", B).replace("@ROOT@", ROOT)
                        .replace("@KERNEL@", os.path.join(B, "pagoda.elf"))
                        .replace("@PORT@", str(port)))
            script = os.path.join(tmp, "script")
            with open(script, "w") as f:
                f.write(GDB_SCRIPT)
            qemu = subprocess.Popen(
                [sys.executable, os.path.join(ROOT, "tools", "run.py"), "run",
                 "--image", iso, "--gdb", str(port)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, start_new_session=True)
            try:
                gdb = subprocess.run(["gdb", "-nx", "--batch", "-x", gdbinit, "-x", script],
                                     capture_output=True, text=True, timeout=120)
            finally:
                qemu.kill()
                qemu.wait()
        cls.out = gdb.stdout + gdb.stderr

    def check_line(self, pattern):
        m = re.search(pattern, self.out, re.M)
        self.assertIsNotNone(m, f"no line matching {pattern!r} in:\n{self.out}")
        return m

    def test_stopped_in_init(self):
        self.check_line(r"^check: pid 1 text 0x400000$")
        self.check_line(r"^\* +1 init ")

    def test_vmas(self):
        self.check_line(r"^pid 1 \(init\): mm 0x[0-9a-f]+, pgd 0x[0-9a-f]+, rss \d+ pages$")
        # The ELF loader maps the program file privately: headers, code
        # (readable and executable, from file page 1), data; the stack at
        # the top is anonymous.
        self.check_line(r"^  0x000000400000-0x[0-9a-f]+ r--p +\d+ KiB pgoff 0x0 file inode \d+  \[read ")
        self.check_line(r"^  0x000000401000-0x[0-9a-f]+ r-xp +\d+ KiB pgoff 0x1 file inode \d+  \[read exec ")
        self.check_line(r"^  0x7ffff[0-9a-f]+-0x7ffffffff000 rw-p +\d+ KiB pgoff 0x0 anon  "
                        r"\[read write ")

    def test_pte_walk(self):
        for level in ("pgd", "pud", "pmd"):
            self.check_line(rf"^  {level} \[ *\d+\] 0x[0-9a-f]{{16}} phys 0x[0-9a-f]+ \[present rw user")
        leaf = self.check_line(r"^  pte \[ *1\] 0x[0-9a-f]{16} phys (0x[0-9a-f]+) \[present (.*)\]$")
        self.assertNotIn("rw", leaf.group(2).split(), "code must be read-only")
        self.assertNotIn("nx", leaf.group(2).split(), "code must be executable")
        pfn = int(self.check_line(r"^  -> pfn (0x[0-9a-f]+), physical").group(1), 16)
        self.assertEqual(pfn << 12, int(leaf.group(1), 16))
        # An address no table covers stops at the first level.
        self.check_line(r"^  pgd \[ *\d+\] 0x0000000000000000 phys 0x0 \[\]\n"
                        r"  not present: nothing mapped here$")

    def test_page_matches_gdb(self):
        ref, mapc, flags = self.check_line(
            r"^check: refcount (-?\d+) mapcount (-?\d+) flags (0x[0-9a-f]+|0)$").groups()
        mapping, index = self.check_line(r"^check: mapping (0x[0-9a-f]+|0) index (0x[0-9a-f]+|0)$").groups()
        self.check_line(rf"^  _refcount {ref}\n  _mapcount {mapc}\n  mapping   {int(mapping, 16):#x}\n"
                        rf"  index     {int(index, 16):#x}$")
        self.check_line(rf"^  flags     {int(flags, 16):#x} \[")
        self.assertGreaterEqual(int(ref), 1)
        self.assertGreaterEqual(int(mapc), 1)  # init's own PTE at least

    def test_page_from_a_struct_page_pointer(self):
        self.check_line(r"^struct page 0x[0-9a-f]+: pfn 0x1, physical 0x1000$")


if __name__ == "__main__":
    unittest.main()
