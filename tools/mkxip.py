#!/usr/bin/env python3
"""Build the execute-in-place image that /xip mounts (kernel/drivers/xip.c).

    tools/mkxip.py OUT DIR=FILE...

Each argument DIR=FILE puts FILE in the image as DIR/<basename of FILE>
(one directory level, e.g. bin=build/x86_64/user/initrd/bin/ls).  QEMU
presents OUT as the memory of an ivshmem-plain PCI device, whose BAR the
kernel maps without copying: the image is the files themselves.

The format, little-endian, in 4096-byte pages:

    page 0      header: magic b"PXIP0001", u32 file count, u32 page size,
                then one 64-byte entry per file: name (48 bytes, NUL-padded,
                "dir/name"), u64 offset of its data in the image (a whole
                number of pages), u64 its size in bytes
    then        each file's data, starting on a page boundary, the rest of
                its last page zero

The image is padded to a power of two bytes (a PCI BAR's size must be one).
"""

import os
import struct
import sys

MAGIC = b"PXIP0001"
PAGE = 4096
ENTRY = struct.Struct("<48sQQ")
HEADER = struct.Struct("<8sII")


def build(files):
    """The image bytes for [(name in the image, host path), ...]."""
    if HEADER.size + ENTRY.size * len(files) > PAGE:
        raise ValueError(f"{len(files)} files do not fit in the header page")
    header = HEADER.pack(MAGIC, len(files), PAGE)
    data = bytearray()
    for name, path in files:
        encoded = name.encode()
        if len(encoded) >= 48:
            raise ValueError(f"{name}: name longer than 47 bytes")
        with open(path, "rb") as f:
            body = f.read()
        header += ENTRY.pack(encoded, PAGE + len(data), len(body))
        data += body + bytes(-len(body) % PAGE)
    image = header + bytes(PAGE - len(header)) + data
    size = PAGE
    while size < len(image):
        size *= 2
    return bytes(image) + bytes(size - len(image))


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__.split("\n\n")[1])
    files = []
    for arg in argv[1:]:
        directory, _, path = arg.partition("=")
        if not path:
            sys.exit(f"mkxip: {arg}: expected DIR=FILE")
        files.append((f"{directory}/{os.path.basename(path)}", path))
    image = build(files)
    with open(argv[0] + ".tmp", "wb") as f:
        f.write(image)
    os.replace(argv[0] + ".tmp", argv[0])


if __name__ == "__main__":
    main(sys.argv[1:])
