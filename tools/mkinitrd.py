#!/usr/bin/env python3
"""Build Pagoda's initrd: a cpio archive in the "newc" format.

The kernel unpacks it into its root file system at boot (kernel/fs/); it is
the same format Linux uses for its initramfs.  Each member is a header, its
name, then its data:

    header  "070701" then 13 fields, each 8 hexadecimal digits:
            ino mode uid gid nlink mtime filesize devmajor devminor
            rdevmajor rdevminor namesize check
    name    namesize bytes, the NUL included; header + name padded with
            NULs to a multiple of 4 bytes
    data    filesize bytes, padded with NULs to a multiple of 4 bytes

and the archive ends with a member named "TRAILER!!!".  Names are relative
("bin/sh", no leading "/").  Directories come first, parents before their
children, then files, each group sorted by name; uid, gid and mtime are 0
and inode numbers count from 1 in that order.  So the same inputs always
give the same bytes.

Usage:
    mkinitrd.py OUT [--exec PATH=HOSTFILE] [--file PATH=HOSTFILE] [--mkdir DIR]
    mkinitrd.py --list ARCHIVE

    --exec /bin/sh=build/x86_64/user/bin/sh    a program, mode 0755
    --file /etc/motd=user/etc/motd             a data file, mode 0644
    --mkdir /tmp                               a directory, even if empty
    @FILE                                      more arguments, one per line

A PATH ending in "/" means "in this directory, under the host file's own
name": --exec /bin/=build/x86_64/user/bin/sh is /bin/sh.  The directories
a path needs are added on their own (mode 0755).
"""

import argparse
import os
import posixpath
import sys

MAGIC = b"070701"
TRAILER = "TRAILER!!!"
FIELDS = ("ino", "mode", "uid", "gid", "nlink", "mtime", "filesize",
          "devmajor", "devminor", "rdevmajor", "rdevminor", "namesize", "check")
HEADER_SIZE = len(MAGIC) + 8 * len(FIELDS)  # 110

S_IFDIR = 0o040000
S_IFREG = 0o100000
MODE_DIR = S_IFDIR | 0o755
MODE_EXEC = S_IFREG | 0o755
MODE_FILE = S_IFREG | 0o644


class Error(Exception):
    """A mistake in what the archive was asked to hold."""


def pad4(n):
    """Bytes of padding that bring n up to a multiple of 4."""
    return -n % 4


def member(name, mode, data=b"", ino=0, nlink=1):
    """One archive member: header, name and data, each padded to 4 bytes."""
    name_bytes = name.encode() + b"\0"
    fields = dict.fromkeys(FIELDS, 0)
    fields.update(ino=ino, mode=mode, nlink=nlink, filesize=len(data),
                  namesize=len(name_bytes))
    header = MAGIC + b"".join(b"%08X" % fields[f] for f in FIELDS)
    head = header + name_bytes
    return head + b"\0" * pad4(len(head)) + data + b"\0" * pad4(len(data))


def normalize(path):
    """An archive path in the form the archive stores: "bin/sh"."""
    parts = path.strip("/").split("/")
    if not path.strip("/") or any(p in ("", ".", "..") for p in parts):
        raise Error("bad path in the archive: %r" % path)
    return "/".join(parts)


class Archive:
    """The members to write: directories and files, by archive path."""

    def __init__(self):
        self.dirs = set()
        self.files = {}  # path -> (mode, data)

    def add_dir(self, path):
        path = normalize(path)
        if path in self.files:
            raise Error("%s is both a file and a directory" % path)
        while path and path not in self.dirs:
            self.dirs.add(path)
            path = posixpath.dirname(path)

    def add_file(self, path, mode, data):
        path = normalize(path)
        if path in self.files or path in self.dirs:
            raise Error("%s is in the archive twice" % path)
        parent = posixpath.dirname(path)
        if parent:
            self.add_dir(parent)
        self.files[path] = (mode, data)

    def to_bytes(self):
        # Sorted, a directory comes before everything inside it: its name
        # is a prefix of theirs.
        out = []
        ino = 1
        for path in sorted(self.dirs):
            out.append(member(path, MODE_DIR, ino=ino, nlink=2))
            ino += 1
        for path in sorted(self.files):
            mode, data = self.files[path]
            out.append(member(path, mode, data, ino=ino))
            ino += 1
        out.append(member(TRAILER, 0))
        return b"".join(out)


def parse(data):
    """Read a newc archive: a list of (name, fields, data), the trailer
    excluded.  Raises Error on anything malformed, padding included."""
    entries = []
    pos = 0
    while True:
        if data[pos:pos + len(MAGIC)] != MAGIC:
            raise Error("no cpio newc magic at offset %d" % pos)
        header = data[pos + len(MAGIC):pos + HEADER_SIZE]
        if len(header) != HEADER_SIZE - len(MAGIC):
            raise Error("truncated header at offset %d" % pos)
        fields = {f: int(header[8 * i:8 * i + 8], 16) for i, f in enumerate(FIELDS)}
        name_end = pos + HEADER_SIZE + fields["namesize"]
        raw_name = data[pos + HEADER_SIZE:name_end]
        if len(raw_name) != fields["namesize"] or not raw_name.endswith(b"\0"):
            raise Error("bad name at offset %d" % pos)
        name = raw_name[:-1].decode()
        data_start = name_end + pad4(name_end - pos)
        if data[name_end:data_start].strip(b"\0"):
            raise Error("non-zero name padding in %s" % name)
        data_end = data_start + fields["filesize"]
        if data_end > len(data):
            raise Error("truncated data in %s" % name)
        pos = data_end + pad4(fields["filesize"])
        if data[data_end:pos].strip(b"\0"):
            raise Error("non-zero data padding in %s" % name)
        if name == TRAILER:
            if pos != len(data):
                raise Error("%d bytes after the trailer" % (len(data) - pos))
            return entries
        entries.append((name, fields, data[data_start:data_end]))


def split_spec(spec):
    """"PATH=HOSTFILE" -> (archive path, host file)."""
    path, sep, host = spec.partition("=")
    if not sep or not path or not host:
        raise Error("expected PATH=HOSTFILE, got %r" % spec)
    if path.endswith("/"):
        path += os.path.basename(host)
    return path, host


def build(args):
    archive = Archive()
    for d in args.mkdir:
        archive.add_dir(d)
    for mode, specs in ((MODE_EXEC, args.exec), (MODE_FILE, args.file)):
        for spec in specs:
            path, host = split_spec(spec)
            with open(host, "rb") as f:
                archive.add_file(path, mode, f.read())
    data = archive.to_bytes()
    # Write beside the target, then rename: a failed run leaves no half file.
    tmp = args.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, args.out)


def list_archive(path):
    with open(path, "rb") as f:
        entries = parse(f.read())
    for name, fields, data in entries:
        print("%06o %8d /%s" % (fields["mode"], len(data), name))


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Write a cpio (newc) initrd for Pagoda.",
        fromfile_prefix_chars="@")
    ap.add_argument("out", nargs="?", help="the archive to write")
    ap.add_argument("--exec", action="append", default=[], metavar="PATH=HOSTFILE",
                    help="add a program (mode 0755)")
    ap.add_argument("--file", action="append", default=[], metavar="PATH=HOSTFILE",
                    help="add a data file (mode 0644)")
    ap.add_argument("--mkdir", action="append", default=[], metavar="DIR",
                    help="add a directory (mode 0755)")
    ap.add_argument("--list", metavar="ARCHIVE", help="print an archive's contents")
    args = ap.parse_args(argv)
    if bool(args.out) == bool(args.list):
        ap.error("give either OUT or --list ARCHIVE")
    try:
        if args.list:
            list_archive(args.list)
        else:
            build(args)
    except (Error, OSError) as e:
        print("mkinitrd: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
