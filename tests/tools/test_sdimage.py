"""tools/mksdimage.py: the Raspberry Pi SD-card image (make sdimage).

The image must hold an MBR whose first partition is FAT32 (LBA) and, on
that partition, the files the Pi's firmware reads: kernel7.img, the
initrd, config.txt (naming both, and the load address the kernel is
linked for) and cmdline.txt.  mtools reads the partition back.
"""
import os
import struct
import subprocess
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, "tools", "mksdimage.py")


class SdImageTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.kernel = self.file("kernel.img", b"\x00\x01" * 1000)
        self.initrd = self.file("initrd.cpio", b"070701" + b"x" * 500)
        self.out = os.path.join(self.dir.name, "sd.img")
        subprocess.run([TOOL, self.out, self.kernel, "ktest mem=480M", self.initrd],
                       check=True, capture_output=True)

    def file(self, name, data):
        path = os.path.join(self.dir.name, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def read(self, name):
        part = f"{self.out}@@{2048 * 512}"
        return subprocess.run(["mtype", "-i", part, "::" + name], check=True,
                              capture_output=True).stdout

    def test_mbr_has_one_fat32_partition(self):
        with open(self.out, "rb") as f:
            mbr = f.read(512)
        self.assertEqual(mbr[510:], b"\x55\xaa")
        boot, ptype, start = mbr[446], mbr[450], struct.unpack("<I", mbr[454:458])[0]
        self.assertEqual((boot, ptype, start), (0x80, 0x0c, 2048))

    def test_files_the_firmware_reads(self):
        with open(self.kernel, "rb") as f:
            self.assertEqual(self.read("kernel7.img"), f.read())
        with open(self.initrd, "rb") as f:
            self.assertEqual(self.read("initrd.cpio"), f.read())
        self.assertEqual(self.read("cmdline.txt").strip(), b"ktest mem=480M")
        config = self.read("config.txt").decode()
        for line in ("kernel=kernel7.img", "kernel_address=0x10000",
                     "initramfs initrd.cpio followkernel"):
            self.assertIn(line, config.splitlines())


if __name__ == "__main__":
    unittest.main()
