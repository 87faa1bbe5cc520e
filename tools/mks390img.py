#!/usr/bin/env python3
"""Make an s390x boot image: the kernel ELF with its command line inside.

Usage: tools/mks390img.py OUT.img KERNEL.elf "kernel command line" [INITRD]

QEMU loads the ELF itself (-kernel), so the image is the kernel, with the
command line written into the parameter area at 0x10480 (arch/s390/head.S),
where Linux on s390 keeps its own.  The initrd is not part of the image:
tools/run.py gives QEMU the build's initrd.cpio, next to the image, with
-initrd, and QEMU tells the kernel where it put it (head.S).
"""
import shutil
import struct
import sys

PARM_AREA = 0x10480
COMMAND_LINE_SIZE = 896
PT_LOAD = 1
EM_S390 = 22


def file_offset(elf, vaddr):
    """The file offset of virtual address vaddr, from the program headers."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 2:
        sys.exit("mks390img: not a 64-bit big-endian ELF file")
    machine, = struct.unpack_from(">H", elf, 18)
    if machine != EM_S390:
        sys.exit(f"mks390img: not an s390 kernel (e_machine {machine})")
    phoff, = struct.unpack_from(">Q", elf, 32)
    phentsize, phnum = struct.unpack_from(">HH", elf, 54)
    for i in range(phnum):
        p_type, _, p_offset, p_vaddr, _, p_filesz = struct.unpack_from(
            ">IIQQQQ", elf, phoff + i * phentsize)
        if p_type == PT_LOAD and \
                p_vaddr <= vaddr and vaddr + COMMAND_LINE_SIZE <= p_vaddr + p_filesz:
            return p_offset + vaddr - p_vaddr
    sys.exit(f"mks390img: no loaded segment holds the parameter area {vaddr:#x}")


def main(argv):
    if len(argv) not in (4, 5):
        sys.exit(__doc__.strip().splitlines()[2])
    out, kernel, cmdline = argv[1:4]
    line = cmdline.strip().encode() + b"\0"
    if len(line) > COMMAND_LINE_SIZE:
        sys.exit(f"mks390img: command line longer than {COMMAND_LINE_SIZE - 1} bytes")
    with open(kernel, "rb") as f:
        elf = bytearray(f.read())
    offset = file_offset(elf, PARM_AREA)
    elf[offset:offset + COMMAND_LINE_SIZE] = line.ljust(COMMAND_LINE_SIZE, b"\0")
    with open(out + ".tmp", "wb") as f:
        f.write(elf)
    shutil.move(out + ".tmp", out)


if __name__ == "__main__":
    main(sys.argv)
