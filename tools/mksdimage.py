#!/usr/bin/env python3
"""Write a Raspberry Pi SD-card image: an MBR with one FAT32 partition
holding the kernel (kernel7.img), config.txt, cmdline.txt and the initrd.

    tools/mksdimage.py OUT.img KERNEL.img "kernel command line" INITRD [FIRMWARE_DIR]

The Pi's boot ROM reads the first FAT partition of the card and runs the
firmware files found there (bootcode.bin, start.elf, fixup.dat), which are
not free software and not in this tree: copy them onto the partition from
the Raspberry Pi foundation's firmware repository (its boot/ directory),
or name a directory holding them as FIRMWARE_DIR.  The firmware then reads
config.txt, loads kernel7.img at kernel_address and the initrd after it,
and starts the kernel with ATAGs (no device tree is given) describing
memory, the command line and the initrd.

The FAT file system is made with mtools (mformat, mcopy) inside the image,
at the partition's offset; the MBR is written here.
"""
import os
import struct
import subprocess
import sys

SECTOR = 512
START = 2048                 # the partition's first sector (1 MiB in)
SIZE_MIB = 64

CONFIG_TXT = """\
# Pagoda on a Raspberry Pi 2: 32-bit, the kernel where it is linked to run.
arm_64bit=0
kernel=kernel7.img
kernel_address=0x10000
initramfs initrd.cpio followkernel
enable_uart=1
"""


def mbr(total_sectors):
    """A master boot record with one FAT32 (LBA) partition, from START on."""
    entry = struct.pack("<B3sB3sII", 0x80, b"\xfe\xff\xff", 0x0c, b"\xfe\xff\xff",
                        START, total_sectors - START)
    return bytes(446) + entry + bytes(48) + b"\x55\xaa"


def main(argv):
    if len(argv) not in (5, 6):
        sys.exit(__doc__.split("\n\n")[1])
    out, kernel, cmdline, initrd = argv[1:5]
    firmware = argv[5] if len(argv) == 6 else None
    total = SIZE_MIB * 1024 * 1024 // SECTOR
    with open(out, "wb") as f:
        f.write(mbr(total))
        f.truncate(total * SECTOR)
    part = f"{out}@@{START * SECTOR}"
    subprocess.run(["mformat", "-i", part, "-F", "-v", "PAGODA", "::"], check=True)
    files = {"kernel7.img": kernel, "initrd.cpio": initrd}
    for name, text in (("config.txt", CONFIG_TXT), ("cmdline.txt", cmdline + "\n")):
        path = f"{out}.{name}"
        with open(path, "w") as f:
            f.write(text)
        files[name] = path
    if firmware:
        for name in ("bootcode.bin", "start.elf", "fixup.dat"):
            files[name] = os.path.join(firmware, name)
    for name, path in files.items():
        subprocess.run(["mcopy", "-i", part, path, f"::{name}"], check=True)
    for name in ("config.txt", "cmdline.txt"):
        os.remove(f"{out}.{name}")


if __name__ == "__main__":
    main(sys.argv)
